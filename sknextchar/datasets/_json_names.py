"""JSON files passed as names: what shape of JSON, and a command that converts it
(for a list of names, in Python: the code that reads it).

Read a line at a time, a JSON document's brackets, quotes and commas become
names and letters (``"Zoë",``), which ``alphabet="auto"`` learns without a
word. Its start tells its shape: a list of names, of one-name lists, of
``[name, count]`` pairs or of records, JSON Lines of those, an object of counts
by name, or an object that holds its names deeper (which only the user can pick
out). Lines that each hold a name in double quotes are JSON Lines only in a file
named so (``.jsonl``, ``.json``...): a table of one column written with every
field quoted (R's ``write.csv``) is read as it is. Each shape but the last
comes with a Python command that writes the names to a file of its
own, next to the JSON one (never replacing a file), in UTF-8 whatever the
console's encoding: the paths are arguments of the command, quoted for a POSIX
shell, never read into its code. The command reads the file twice, checking
every item before it opens its own file, then writing; JSON Lines a line at a
time, so that its memory stays flat however big the file (a JSON document is
read whole, as :func:`json.load` reads it).
"""

import codecs
import json
import os
import re

from .._shown_paths import shell_path, shown_path

__all__ = ["START_BYTES", "JsonAdvice", "json_message"]

#: How much of a file's start is read to tell JSON: the whitespace of a
#: pretty-printed document, then its first item.
START_BYTES = 4096

_STRING = r'"(?:[^"\\]|\\.)*"'
_NUMBER = r"-?\d[\d.eE+-]*"
# The first item of a list, by the shape of the list.
_ITEMS = (
    (re.compile(rf"\[\s*{_STRING}\s*,\s*{_NUMBER}\s*\]"), "pairs"),  # ["Anna", 3]
    (re.compile(rf"\[\s*{_STRING}\s*,"), "rows"),  # ["Mary", 7065, "F"]
    (re.compile(rf"\[\s*{_STRING}\s*\]"), "singles"),  # ["Emma"]
    (re.compile(r'"'), "strings"),
    (re.compile(r"\{\s*\""), "records"),
)
# The counts by name an object begins with ({"Zoë": 3, "Asha": 1), and a
# complete entry of another value after them ("names": [).
_COUNTS = re.compile(rf"\{{\s*(?:{_STRING}\s*:\s*{_NUMBER}\s*(?:,\s*|(?=\}})))+")
_OTHER_ENTRY = re.compile(rf"{_STRING}\s*:\s*[^\s\d-]")
# The endings of files of JSON Lines (or of JSON), by which lines of names in
# double quotes are told from a table of one column, each field quoted.
_JSON_ENDINGS = (".json", ".jsonl", ".ndjson", ".jsonlines", ".ldjson")

_OPEN_OUT = "out = open(sys.argv[2], 'x', encoding='utf-8', newline=''); "
# Two passes over the file, a row at a time (JSON Lines: its memory flat
# whatever the file's size): every row checked before any file is opened, so
# that a command that stops writes nothing, and a run again finds no file of
# its own in the way; then the rows written. A row the JSON reader refuses
# stops it so too, with the line (JSON Lines), not a traceback.
_STOP = (
    "bad = next(([row] for row in rows() if not ({ok})), 0); "
    "bad and sys.exit('nothing written: not {what}: ' + repr(bad[0])); "
)
_READ = {
    False: (
        "sys.excepthook = lambda kind, error, trace: print('nothing written:', "
        "error, file=sys.stderr); data = json.load(open(sys.argv[1], "
        "encoding='ENCODING')); rows = lambda: data"
    ),
    True: (
        "at = [0, '']; sys.excepthook = lambda kind, error, trace: print(f'nothing "
        "written: line {at[0]} is no JSON document: {repr(at[1].strip())}' if kind is "
        "json.JSONDecodeError else f'nothing written: {error}', file=sys.stderr); "
        "rows = lambda: (json.loads(at[1]) for at[:] in enumerate(open(sys.argv[1], "
        "encoding='ENCODING'), 1) if at[1].strip())"
    ),
}
# What each shape is, what each of its rows must be, and the code that writes
# them.
_NUMBERS = "(int, float)"
_TEXT = "out.writelines({line} + '\\n' for row in rows()); out.close()"
_TABLE = "table = csv.writer(out); table.writerow({header}); table.writerows({rows}); "
_SHAPES = {
    "strings": (
        "a JSON list of names",
        "a name",
        "type(row) is str",
        _TEXT.format(line="row"),
    ),
    "singles": (
        "a JSON list of one-name lists",
        "a one-name list",
        "type(row) is list and len(row) == 1 and type(row[0]) is str",
        _TEXT.format(line="row[0]"),
    ),
    "pairs": (
        "a JSON list of [name, count] pairs",
        "a [name, count] pair",
        "type(row) is list and len(row) == 2 and type(row[0]) is str and "
        f"type(row[1]) in {_NUMBERS}",
        _TABLE.format(header="['name', 'count']", rows="rows()") + "out.close()",
    ),
    "counts": (
        "a JSON object of counts by name",
        "a count by name",
        f"type(row[1]) in {_NUMBERS}",
        _TABLE.format(header="['name', 'count']", rows="rows()") + "out.close()",
    ),
    "records": (  # the keys of every record gathered as they are checked
        "a JSON list of records",
        "a record",
        "type(row) is dict and not keys.update(dict.fromkeys(row))",
        _TABLE.format(
            header="list(keys)",
            rows="([row.get(key, '') for key in keys] for row in rows())",
        )
        + "out.close()",
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
        For a list of names (or of one-name lists), a :class:`JsonAdvice`:
        Python's advice (read it with :mod:`json`), and the command line's
        (``command_line``: a command that writes its names to a text file).

    Examples
    --------
    >>> start = b'["Zo\\xc3\\xabe"]'  # the whole file
    >>> advice = json_message("n.json", start, True)
    >>> print(advice)  # doctest: +NORMALIZE_WHITESPACE
    'n.json' is a JSON list of names, not a text file of names: read its names
    with the json module, names = json.load(open('n.json',
    encoding='utf-8-sig')), and pass the list names instead of the path
    (pipe.fit(names)).
    >>> print(advice.command_line)  # doctest: +NORMALIZE_WHITESPACE
    'n.json' is a JSON list of names, not a text file of names: write its names
    one a line to a text file, e.g. python -c "import csv, json, sys;
    sys.excepthook = lambda kind, error, trace: print('nothing written:', error,
    file=sys.stderr); data = json.load(open(sys.argv[1], encoding='utf-8-sig'));
    rows = lambda: data; bad = next(([row] for row in rows() if not (type(row) is
    str)), 0); bad and sys.exit('nothing written: not a name: ' + repr(bad[0]));
    out = open(sys.argv[2], 'x', encoding='utf-8', newline='');
    out.writelines(row + '\\n' for row in rows()); out.close()" n.json n.txt (it
    writes no file that exists), and pass 'n.txt'.
    >>> json_message("names.txt", b"[Anna]\\nZo\\xc3\\xab\\n", True) is None
    True
    """
    text, encoding = _decoded(start, encoding)
    text = text.lstrip()
    shape, lines, items = _shape(text, whole, path.lower().endswith(_JSON_ENDINGS))
    if shape is None:
        return None
    if shape in _OTHER:
        return f"{shown_path(path)} is {_OTHER[shape]}"
    what, row, ok, write = _SHAPES[shape]
    code = (
        "import csv, json, sys; "
        + _READ[lines].replace("ENCODING", encoding)
        + (".items()" if shape == "counts" else "")
        + ("; keys = {}" if shape == "records" else "")
    )
    check = _STOP.format(ok=ok, what=row)
    text_file = shape in ("strings", "singles")
    out = _output_path(path, ".txt" if text_file else ".csv")
    paths = f"{shell_path(path)} {shell_path(out)}"
    shells = (
        "; in cmd.exe, put each path in double quotes instead, in PowerShell in "
        "single quotes, each ' in it written ''"
        if paths != f"{path} {out}"
        else ""
    )
    then = f"pass {shown_path(out)}" + ("" if text_file else _columns(shape, items))
    kind = what + (" (JSON Lines)" if lines else "")
    to = "its names one a line to a text file" if text_file else "it as a CSV file"
    command = (
        f"{shown_path(path)} is {kind}, not a text file of names: write {to}, e.g. "
        f'python -c "{code}; {check}{_OPEN_OUT}{write}" {paths} (it writes no '
        f"file that exists{shells}), and {then}."
    )
    if not text_file:  # a table of counts or columns: the file the command writes
        return command
    return JsonAdvice(_python_advice(path, kind, shape, lines, encoding), command)


class JsonAdvice(str):
    """The message on a JSON list of names, in Python's words (read it with
    :mod:`json`, then pass the list); ``command_line``: the command line's
    (a command that writes its names to a text file, to pass instead).

    Examples
    --------
    >>> advice = JsonAdvice("read it in Python", "write it with a command")
    >>> str(advice), advice.command_line
    ('read it in Python', 'write it with a command')
    """

    def __new__(cls, text, command_line):
        advice = super().__new__(cls, text)
        advice.command_line = command_line
        return advice

    def __reduce__(self):
        return type(self), (str(self), self.command_line)


def _python_advice(path, kind, shape, lines, encoding):
    """What a Python user does with a JSON list (``lines``: JSON Lines) of
    names (``shape`` ``"strings"``) or of one-name lists: read it, then pass
    the list of names instead of the path."""
    opened = f"open({os.fspath(path)!r}, encoding={encoding!r})"
    read = (
        f"[json.loads(line) for line in {opened} if line.strip()]"
        if lines
        else f"json.load({opened})"
    )
    if shape == "singles":
        read = f"[row[0] for row in {read}]"
    return (
        f"{shown_path(path)} is {kind}, not a text file of names: read its names "
        f"with the json module, names = {read}, and pass the list names instead "
        "of the path (pipe.fit(names))."
    )


_OTHER = {
    "empty": (
        "an empty JSON list, not a text file of names: it holds no names; pass "
        "a file that does, one name a line."
    ),
    "nameless": (
        "a JSON list without a name (a string) in it, not a text file of names: "
        "pass a file that holds names, one name a line."
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


def _shape(text, whole, json_named):
    """The shape of the JSON that ``text`` (stripped of leading whitespace)
    begins, whether it is JSON Lines (a whole document a line, more than one
    line), and the items it begins with (the lines'); (None, False, []) for no
    JSON. ``json_named``: whether the file's name ends as JSON's does (lines
    of quoted names are JSON Lines then, one line too)."""
    first = text.split("\n", 1)
    lines = len(first) > 1 and bool(first[1].strip()) and _parses(first[0])
    if text.startswith('"'):
        if json_named and _parses(first[0]):
            return "strings", True, []
        return None, False, []
    if text.startswith("{") and not lines:
        counts = _COUNTS.match(text)
        if counts and not _OTHER_ENTRY.match(text, counts.end()):
            return "counts", False, []
        return ("object" if re.match(r"\{\s*\"", text) else None), False, []
    if not text.startswith("[") and not lines:
        return None, False, []
    items, closed = _items(text, lines, whole)
    # The first item that tells: a null or an empty list first is no name.
    shapes = [shape for shape in map(_item_shape, items) if shape is not None]
    if not shapes and not closed:  # a first item longer than the start
        patterns = _ITEMS[:3] if lines else _ITEMS
        item = text if lines else text[1:].lstrip()
        shapes = [shape for pattern, shape in patterns if pattern.match(item)]
    if shapes:
        return shapes[0], lines, items
    return (
        ("empty" if closed and not items else "nameless" if closed else None),
        False,
        [],
    )


def _items(text, lines, whole):
    """The items whole in ``text``, a list's (or JSON Lines', ``lines``), up to
    the first that is no JSON; and whether they are all of a list (``whole``:
    the file), closed with nothing after it."""
    if lines:
        rows = text.split("\n")[: None if whole else -1]
        items = []
        for row in filter(str.strip, rows):
            try:
                items.append(json.loads(row))
            except ValueError:
                break
        return items, False
    decoder, items, at = json.JSONDecoder(), [], 1
    while True:
        at = re.compile(r"[\s,]*").match(text, at).end()
        if text.startswith("]", at):
            return items, whole and not text[at + 1 :].strip()
        try:
            item, at = decoder.raw_decode(text, at)
        except ValueError:
            return items, False
        items.append(item)


def _item_shape(item):
    """The shape of a list that ``item`` tells: a name's, a one-name list's,
    a [name, count] pair's, a row's, a record's; None for another value."""
    if type(item) is str:
        return "strings"
    if type(item) is dict:
        return "records"
    if type(item) is not list or not item or type(item[0]) is not str:
        return None
    if len(item) == 1:
        return "singles"
    pair = len(item) == 2 and type(item[1]) in (int, float)
    return "pairs" if pair else "rows"


# The words of keys that hold another name than a given name ("surname",
# "user_name", "nameId"): never taken for the names by themselves.
_OTHER_NAMES = re.compile(
    r"sur|last|family|maiden|middle|user|login|screen|nick|file|host|domain|"
    r"company|brand|place|city|street|id$|ids$|key$|code$|count$|number$"
)


def _columns(shape, items):
    """The columns to pass with the CSV file the command writes: its names'
    (for records, the key whose values are names in the records ``items``, when
    one can tell), and counts'."""
    if shape in ("pairs", "counts"):
        return " with names_column='name', counts_column='count'"
    records = [item for item in items if type(item) is dict]
    keys = list(dict.fromkeys(key for record in records for key in record))
    # Keys whose values are text in every record that holds one, as names are.
    texts = [
        key
        for key in keys
        if all(type(r[key]) is str for r in records if r.get(key) is not None)
        and any(type(r.get(key)) is str for r in records)
    ]
    given = [key for key in texts if not _OTHER_NAMES.search(_squeezed(key))]
    named = [key for key in given if _squeezed(key) == "name"] or [
        key for key in given if "name" in _squeezed(key)
    ]
    if len(named) == 1:  # a key of text named as names are; else the keys told
        return f" with names_column={named[0]!r}"
    some = f" (one of {', '.join(map(repr, keys))})" if keys else ""
    return f" with names_column set to the header of its names{some}"


def _squeezed(key):
    """A key lowercased, of letters only: ``"First Name"`` -> ``"firstname"``."""
    return re.sub(r"[\W\d_]+", "", key.lower())


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
