"""``-`` for standard input, as Unix tools read it: ``sknextchar train - -o
m.skops < names.txt``, ``cat names.txt | sknextchar score m.skops
--names-file -``.

One argument of a command may read standard input (it is read once); a file
named ``-`` is still reached as ``./-``.
"""

import os

from .._shown_paths import shown_path

__all__ = ["SHOWN", "STDIN", "read_stdin"]

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
