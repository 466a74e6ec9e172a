"""``-`` for standard input, as Unix tools read it: ``sknextchar train - -o
m.skops < names.txt``, ``cat names.txt | sknextchar score m.skops
--names-file -``.

One argument of a command may read standard input (it is read once); a file
named ``-`` is still reached as ``./-``.
"""

import contextlib
import os
import sys

from .._shown_paths import shown_path

__all__ = ["SHOWN", "STDIN", "read_stdin", "shown_names_file", "stdin_as_typed"]

#: The path standard input is read from.
STDIN = "/dev/stdin"
#: How messages name it, for a user who typed ``-``.
SHOWN = "standard input ('-')"

# The arguments that name a file to read, and how the command line shows them.
_FILE_ARGUMENTS = (
    ("names_file", None),  # NAMES_FILE of train, --names-file of score, classify
    ("labels", "--labels"),
    ("exclude_file", "--exclude-file"),
)


def read_stdin(args):
    """Make the argument ``-`` of a file read standard input (``/dev/stdin``).

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line; its argument ``-`` is replaced by
        :data:`STDIN`, where the system has one.

    Raises
    ------
    ValueError
        If more than one argument is ``-``: standard input is read once.

    Examples
    --------
    >>> import argparse
    >>> args = argparse.Namespace(names_file="-", labels="sex")
    >>> read_stdin(args)
    >>> args.names_file
    '/dev/stdin'
    >>> read_stdin(argparse.Namespace(names_file="-", labels="-"))
    Traceback (most recent call last):
    ...
    ValueError: NAMES_FILE and --labels are both '-', standard input, which ...
    """
    given = [key for key, _ in _FILE_ARGUMENTS if getattr(args, key, None) == "-"]
    if len(given) > 1:
        shown = dict(_FILE_ARGUMENTS)
        shown["names_file"] = getattr(args, "read_file", (None, "NAMES_FILE"))[1]
        first, second = (shown[key].split()[0] for key in given[:2])
        raise ValueError(
            f"{first} and {second} are both '-', standard input, which can be read "
            f"only once: save one of them to a file and pass that file (a file "
            "named '-' is passed as ./-)."
        )
    if given and os.path.exists(STDIN):
        setattr(args, given[0], STDIN)
        places = getattr(args, "places", None)  # messages say what the user typed
        if places is not None:
            places.rename(shown_path(STDIN), SHOWN)  # "'/dev/stdin' is empty"
            places.rename(STDIN, "-")  # "--labels /dev/stdin is a device"


def shown_names_file(args):
    """The file of names of the command (``args.names_file``) as the lines on
    its standard output name it too ("Trained on ..."): in quotes
    (:func:`shown_path`), and standard input as the user typed it,
    :data:`SHOWN`, as :func:`read_stdin` recorded in ``args.places``.

    Examples
    --------
    >>> import argparse
    >>> from sknextchar.cli._places import Places
    >>> args = argparse.Namespace(names_file="-", places=Places())
    >>> read_stdin(args)
    >>> shown_names_file(args)
    "standard input ('-')"
    >>> shown_names_file(argparse.Namespace(names_file="my names.txt"))
    "'my names.txt'"
    """
    places = getattr(args, "places", None)
    shown = shown_path(args.names_file)
    return shown if places is None else places.renamed(shown)


class _Renaming:
    """A standard error whose text is written with the renames of ``places``
    made: ``'/dev/stdin'`` as the ``-`` the user typed."""

    def __init__(self, stream, places):
        self._stream, self._places = stream, places

    def __getattr__(self, name):  # isatty, fileno, flush...: the stream's
        return getattr(self._stream, name)

    def write(self, text):
        return self._stream.write(self._places.renamed(text))


@contextlib.contextmanager
def stdin_as_typed(places):
    """Within the block, what is written on ``sys.stderr`` (the notes, the
    accuracy of ``classify``, warnings) names standard input as the user
    typed it, as :func:`read_stdin` recorded in ``places``: ``Note: standard
    input ('-') is a table``, ``--labels -``, not ``/dev/stdin``.

    Parameters
    ----------
    places : Places or None
        The command's places (:mod:`sknextchar.cli._places`); None, or none
        renamed, leaves ``sys.stderr`` as it is.

    Examples
    --------
    >>> import argparse, contextlib, io
    >>> from sknextchar.cli._places import Places
    >>> args = argparse.Namespace(labels="-", places=Places())
    >>> read_stdin(args)
    >>> err = io.StringIO()
    >>> with contextlib.redirect_stderr(err), stdin_as_typed(args.places):
    ...     print(f"Note: read --labels {args.labels}.", file=sys.stderr)
    >>> err.getvalue()
    'Note: read --labels -.\\n'
    """
    before = sys.stderr
    if places is None or before is None or not places.has_renames():
        yield
        return
    sys.stderr = _Renaming(before, places)
    try:
        yield
    finally:
        sys.stderr = before
