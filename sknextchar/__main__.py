"""``python -m sknextchar``: the same command line as ``sknextchar``.

Without arguments it runs the main job: train the default model on the bundled
names, print its held-out negative log-likelihood and 20 new names.

A Ctrl-C while the command line itself loads (before :func:`~sknextchar.cli.main`
handles it) prints the same one line and status 130 as one in the command, and
once the command ended its status stands: a Ctrl-C as Python exits is ignored.
That holds only where ``python -m sknextchar`` is the program: run inside
another one (``runpy.run_module``, IPython's ``%run -m``), Ctrl-C is left to
that program as it was. Since Ctrl-C is ignored from the command's end on, a
Python that hangs as it exits (its last output blocked by a reader that reads
no more) is stopped by ending that reader, or by ``kill``.
"""

import sys


def _run():
    try:
        import signal  # here: a Ctrl-C while it loads is caught too

        from .cli import main

        return main()
    except KeyboardInterrupt:  # as the entry point loads, before main's handling
        print("sknextchar: interrupted", file=sys.stderr)
        return 130
    finally:  # the command ended: Python's exit is no place for a traceback
        signal = sys.modules.get("signal")  # None if Ctrl-C came before it loaded
        if signal is not None and _is_the_program():
            signal.signal(signal.SIGINT, signal.SIG_IGN)


def _is_the_program():
    """Whether this Python was started as ``python -m sknextchar ...``: the
    module name given to ``-m``, then the arguments :data:`sys.argv` holds."""
    given = getattr(sys, "orig_argv", [])
    start = len(given) - len(sys.argv)  # where the module name was given
    if start < 1 or given[start + 1 :] != sys.argv[1:]:
        return False
    name, before = given[start], given[start - 1]
    if name.startswith("-m"):  # -msknextchar
        name, before = name[2:], "-m"
    as_option = before.startswith("-") and before.endswith("m")  # -m, -Im
    return as_option and name in ("sknextchar", "sknextchar.__main__")


if __name__ == "__main__":  # importing this module (e.g. by a doc tool) runs nothing
    sys.exit(_run())
