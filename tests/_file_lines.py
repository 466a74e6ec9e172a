"""The places of a file's names in the errors of training from the file."""

import pathlib
import re

from sknextchar._shown_paths import shown_path

_SHOWN = re.compile(r"\bnames\[(\d+)\](=| is )('(?:[^'\\]|\\.)*')")


def by_line(message, path, encoding="utf-8", *, header=False):
    """A message of a fit on ``load_names(path)`` (one name a line) with each
    name it shows (``names[3]='x'``) named as ``train_from_file`` names it,
    by its line of the file (``'x' (line 5 of 'names.txt')``; ``names[3] is
    'x'``: ``line 5 of 'names.txt' is 'x'``): the lines are
    counted here from 1, each blank one too, each name kept as it is; with
    ``header``, the file is a table whose first line is its header row."""
    text = pathlib.Path(path).read_text(encoding=encoding)
    lines = [n for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    lines = lines[1:] if header else lines
    where = shown_path(path)

    def named(match):
        place = f"line {lines[int(match[1])]} of {where}"
        return (
            f"{place} is {match[3]}" if match[2] == " is " else f"{match[3]} ({place})"
        )

    return _SHOWN.sub(named, message)
