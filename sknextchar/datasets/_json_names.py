"""JSON files passed as names: what shape of JSON, and a command that converts it.

Read a line at a time, a JSON document's brackets, quotes and commas become
names and letters (``"Zoë",``), which ``alphabet="auto"`` learns without a
word. Its start tells its shape: a list of names, of ``[name, count]`` pairs or
of records, JSON Lines of those, an object of counts by name, or an object
that holds its names deeper (which only the user can pick out). Each shape but
the last comes with a Python command that writes the names to a file of its
own, next to the JSON one (never replacing a file), in UTF-8 whatever the
console's encoding: the paths are arguments of the command, quoted for a POSIX
shell, never read into its code.
"""

import codecs
import json
import os
import re
import shlex

__all__ = ["START_BYTES", "json_message"]

#: How much of a file's start is read to tell JSON: the whitespace of a
#: pretty-printed document, then its first item.
START_BYTES = 4096

_STRING = r'"(?:[^"\\]|\\.)*"'
_NUMBER = r"-?\d[\d.eE+-]*"
# The first item of a list, by the shape of the list.
_ITEMS = (
    (re.compile(rf"\[\s*{_STRING}\s*,\s*{_NUMBER}\s*\]"), "pairs"),  # ["Anna", 3]
    (re.compile(rf"\[\s*{_STRING}\s*,"), "rows"),  # ["Mary", 7065, "F"]
    (re.compile(r'"'), "strings"),
    (re.compile(r"\{\s*\""), "records"),
)
# The counts by name an object begins with ({"Zoë": 3, "Asha": 1), and a
# complete entry of another value after them ("names": [).
_COUNTS = re.compile(rf"\{{\s*(?:{_STRING}\s*:\s*{_NUMBER}\s*(?:,\s*|(?=\}})))+")
_OTHER_ENTRY = re.compile(rf"{_STRING}\s*:\s*[^\s\d-]")

_OPEN_OUT = "open(sys.argv[2], 'x', encoding='utf-8', newline='')"
# Each item checked before any file is opened: a command that stops writes
# nothing, and a run again finds no file of its own in the way.
_STOP = "bad and sys.exit('nothing written: not {what}: ' + repr(bad[0])); "
_READ = {
    False: "json.load(open(sys.argv[1], encoding='{encoding}'))",
    True: (
        "[json.loads(line) for line in open(sys.argv[1], encoding='{encoding}') "
        "if line.strip()]"
    ),
}
# What each shape is, and the code that writes its rows (``rows``: the items).
_NUMBERS = "(int, float)"
_SHAPES = {
    "strings": (
        "a JSON list of names",
        "bad = [row for row in rows if type(row) is not str]; "
        + _STOP.format(what="a name")
        + "text = ''.join(name + '\\n' for name in rows); "
        f"{_OPEN_OUT}.write(text)",
    ),
    "pairs": (
        "a JSON list of [name, count] pairs",
        "bad = [row for row in rows if type(row) is not list or len(row) != 2 "
        f"or type(row[0]) is not str or type(row[1]) not in {_NUMBERS}]; "
        + _STOP.format(what="a [name, count] pair")
        + "table = [['name', 'count'], *rows]; "
        f"csv.writer({_OPEN_OUT}).writerows(table)",
    ),
    "counts": (
        "a JSON object of counts by name",
        "bad = [row for row in rows.items() if type(row[1]) not in "
        f"{_NUMBERS}]; "
        + _STOP.format(what="a count by name")
        + "table = [['name', 'count'], *rows.items()]; "
        f"csv.writer({_OPEN_OUT}).writerows(table)",
    ),
    "records": (
        "a JSON list of records",
        "bad = [row for row in rows if type(row) is not dict]; "
        + _STOP.format(what="a record")
        + "keys = list(dict.fromkeys(key for row in rows for key in row)); "
        "table = [keys, *([row.get(key, '') for key in keys] for row in rows)]; "
        f"csv.writer({_OPEN_OUT}).writerows(table)",
    ),
}


def json_message(path, start, whole, encoding=None):
    """Why the file ``path``, which starts with the bytes ``start``, is JSON
    and no text file of names, with a command that converts it; or None.

    Parameters
    ----------
    path : str
    start : bytes
        The first :data:`START_BYTES` bytes of the file (or all of them).
    whole : bool
        Whether ``start`` is the whole file.
    encoding : str or None, default=None
        The codec the file is read with, as the user's encoding selects it
        (:func:`~sknextchar.datasets._codecs.file_encoding`); None: UTF-16
        after its byte-order mark, else UTF-8.

    Returns
    -------
    message : str or None

    Examples
    --------
    >>> start = b'["Zo\\xc3\\xabe"]'  # the whole file
    >>> print(json_message("n.json", start, True))  # doctest: +NORMALIZE_WHITESPACE
    'n.json' is a JSON list of names, not a text file of names: write its names
    one a line to a text file, e.g. python -c "import csv, json, sys; rows =
    json.load(open(sys.argv[1], encoding='utf-8-sig')); bad = [row for row in
    rows if type(row) is not str]; bad and sys.exit('nothing written: not a
    name: ' + repr(bad[0])); text = ''.join(name + '\\n' for name in rows);
    open(sys.argv[2], 'x', encoding='utf-8', newline='').write(text)" n.json
    n.txt (it writes no file that exists), and pass 'n.txt'.
    >>> json_message("names.txt", b"[Anna]\\nZo\\xc3\\xab\\n", True) is None
    True
    """
    text, encoding = _decoded(start, encoding)
    shape, lines = _shape(text.lstrip(), whole)
    if shape is None:
        return None
    if shape in _OTHER:
        return f"{path!r} is {_OTHER[shape]}"
    what, write = _SHAPES[shape]
    code = "import csv, json, sys; rows = " + _READ[lines].format(encoding=encoding)
    text_file = shape == "strings"
    out = _output_path(path, ".txt" if text_file else ".csv")
    paths = f"{shlex.quote(path)} {shlex.quote(out)}"
    shells = (
        "; in cmd.exe, put each path in double quotes instead, in PowerShell in "
        "single quotes, each ' in it written ''"
        if paths != f"{path} {out}"
        else ""
    )
    then = (
        f"pass {out!r}"
        if text_file
        else f"pass {out!r} with names_column='name'"
        + (", counts_column='count'" if shape in ("pairs", "counts") else "")
    )
    kind = what + (" (JSON Lines)" if lines else "")
    to = "its names one a line to a text file" if text_file else "it as a CSV file"
    return (
        f"{path!r} is {kind}, not a text file of names: write {to}, e.g. "
        f'python -c "{code}; {write}" {paths} (it writes no file that exists'
        f"{shells}), and {then}."
    )


_OTHER = {
    "empty": (
        "an empty JSON list, not a text file of names: it holds no names; pass "
        "a file that does, one name a line."
    ),
    "object": (
        "a JSON object, not a text file of names: the names must be a list. Save "
        'them as a JSON list of their own (["Anna", "Zoë"], or records such as '
        '[{"name": "Anna", "count": 3}]) and follow the advice given for it, or '
        "as a text file, one name a line."
    ),
    "rows": (
        "a JSON list of lists, not a text file of names: its rows are no "
        "[name, count] pairs. Save it as a CSV file with a header row that names "
        "its columns and pass that one, with the header of its names (and of its "
        "counts) as the column to read, or as a text file, one name a line."
    ),
}


def _decoded(start, encoding):
    """The start of a file as text (a character cut at its end left out), and
    the encoding that reads the whole file: ``encoding`` (its Python name,
    which needs no quoting), else UTF-16 after its byte-order mark
    (PowerShell 5.1's ``>``), else UTF-8 with a mark or without."""
    if encoding is not None:
        name = codecs.lookup(encoding).name
        name = "utf-8-sig" if name == "utf-8" else name  # its mark is no name
        return start.decode(name, errors="ignore"), name
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return start.decode("utf-16", errors="ignore"), "utf-16"
    return start.decode("utf-8-sig", errors="ignore"), "utf-8-sig"


def _shape(text, whole):
    """The shape of the JSON that ``text`` (stripped of leading whitespace)
    begins, and whether it is JSON Lines (a whole document a line, more than
    one line); (None, False) for no JSON."""
    first = text.split("\n", 1)
    lines = len(first) > 1 and bool(first[1].strip()) and _parses(first[0])
    if text.startswith("{"):
        if lines:
            return "records", True
        counts = _COUNTS.match(text)
        if counts and not _OTHER_ENTRY.match(text, counts.end()):
            return "counts", False
        return ("object" if re.match(r"\{\s*\"", text) else None), False
    if not text.startswith("["):
        return None, False
    item = text[1:].lstrip()
    if lines:
        shapes = [shape for pattern, shape in _ITEMS[:2] if pattern.match(text)]
        return (shapes[0] if shapes else None), True
    if item.startswith("]"):
        return ("empty" if whole and not item[1:].strip() else None), False
    for pattern, shape in _ITEMS:
        if pattern.match(item):
            return shape, False
    return None, False


def _parses(line):
    """Whether a line is a JSON document of its own."""
    try:
        json.loads(line)
    except ValueError:
        return False
    return True


def _output_path(path, extension):
    """The file the command writes: next to ``path``, named as it is, with
    ``extension`` (``names.json`` -> ``names.txt``), not ``path`` itself."""
    stem, old = os.path.splitext(path)
    return stem + ("_names" if old.lower() == extension else "") + extension
