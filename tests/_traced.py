"""The peak of memory a command takes, traced: for the tests that a command
holds a block of rows at a time, not every line of a long file."""

import contextlib
import os
import tracemalloc

from sknextchar.cli import main


def traced_peak(command, warm_up=None):
    """The peak of memory traced while ``main(command)`` runs, its output
    going nowhere (a pipe to a reader holds none of it); ``warm_up``, a
    command run first and not traced, imports the modules that ``command``
    imports, so that the peak is that of the command's work alone."""
    with open(os.devnull, "w") as nowhere, contextlib.redirect_stdout(nowhere):
        if warm_up is not None:
            assert main(warm_up) == 0
        tracemalloc.start()
        try:
            assert main(command) == 0
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    return peak
