"""The command line run in this process, as a test reads it."""

from sknextchar.cli import main


def run(capsys, *argv):
    """The status, stdout and stderr of ``main(argv)`` (each of ``argv`` as
    str: a path may be given as a Path)."""
    status = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err
