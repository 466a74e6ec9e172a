"""Ctrl-C between any two lines: a KeyboardInterrupt raised at the n-th line
that the traced functions run, as Python's own SIGINT handler raises it."""

import sys


def interrupted_at(line, call, *functions):
    """Run ``call()`` with a KeyboardInterrupt at the ``line``-th line that
    any of ``functions`` runs (a line that calls another function stands for
    every line of that call); whether the interrupt was reached (``call``
    may handle it itself, as the command line does).

    A function made by ``contextlib.contextmanager`` is traced through its
    ``__wrapped__`` generator.
    """
    codes = {getattr(f, "__wrapped__", f).__code__ for f in functions}
    count = [0]

    def trace(frame, event, arg):
        if frame.f_code not in codes:
            return None  # no line events of other functions: quick
        if event == "line":
            count[0] += 1
            if count[0] == line:
                raise KeyboardInterrupt
        return trace

    sys.settrace(trace)
    try:
        call()
    except KeyboardInterrupt:
        pass
    finally:
        sys.settrace(None)
    return count[0] >= line
