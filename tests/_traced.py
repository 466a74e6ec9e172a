"""The peak of memory a piece of work takes, traced: for the tests that a
command holds a block of rows at a time, not every line of a long file, and
that a reader refuses a file from its start, not once it is read whole."""

import contextlib
import os
import tracemalloc
from types import SimpleNamespace

import pytest

from sknextchar.cli import main


@contextlib.contextmanager
def tracing():
    """Trace the memory taken in the block; the namespace it gives has, once
    the block ends without an error, the peak traced (``peak``, bytes) and
    what was still traced at its end (``current``, bytes)."""
    traced = SimpleNamespace(peak=None, current=None)
    tracemalloc.start()
    try:
        yield traced
        traced.current, traced.peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()


def refused_peak(function, *args):
    """The ValueError ``function(*args)`` raised, and the peak of memory
    traced while it ran."""
    with tracing() as traced, pytest.raises(ValueError) as caught:
        function(*args)
    return caught.value, traced.peak


def traced_peak(command, warm_up=None):
    """The peak of memory traced while ``main(command)`` runs, its output
    going nowhere (a pipe to a reader holds none of it); ``warm_up``, a
    command run first and not traced, imports the modules that ``command``
    imports, so that the peak is that of the command's work alone."""
    with open(os.devnull, "w") as nowhere, contextlib.redirect_stdout(nowhere):
        if warm_up is not None:
            assert main(warm_up) == 0
        with tracing() as traced:
            assert main(command) == 0
    return traced.peak
