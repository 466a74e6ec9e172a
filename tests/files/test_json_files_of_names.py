"""A JSON file of names is told as such, with advice that works when followed.

Read a line at a time, a JSON list made its brackets, quotes and commas names
and letters: ``alphabet="auto"`` learned ``"Zoë",`` and generated names such as
``"nj",`` without a word. The command the message gives is run here as a
shell runs it (the paths quoted for it: a quote, ``$HOME`` or a backquote in a
file name is the name's, never run), and what it writes is read back.
"""

import codecs
import json
import os
import re
import subprocess
import sys

import pytest

from sknextchar.cli import main
from sknextchar.datasets import load_names

NAMES = ["Zoë", "José-María", "O'Brien", "Nguyễn"]
COUNTS = [3, 1, 2, 5]


def _refused(path):
    """The message on ``path`` in the command line's words: for a list of
    names, a command that writes them to a file (Python's is json.load)."""
    with pytest.raises(ValueError, match="not a text file of names") as caught:
        load_names(str(path))
    return getattr(caught.value.args[0], "command_line", str(caught.value))


def _follow(message, folder):
    """Run the command of ``message`` with a POSIX shell, in ``folder``, the
    console's encoding ASCII; what it printed."""
    command = re.search(r'e\.g\. (python -c ".*?) \(it writes', message).group(1)
    assert "!" not in command  # an interactive bash takes "!r" for its history
    command = command.replace("python", shlex_quote(sys.executable), 1)
    env = {**os.environ, "LC_ALL": "C", "PYTHONIOENCODING": "ascii", "HOME": "/h"}
    env.pop("PYTHONUTF8", None)
    done = subprocess.run(
        ["sh", "-c", command], cwd=folder, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done


def shlex_quote(text):
    import shlex

    return shlex.quote(text)


def _written(message):
    """The file the message says to pass, and the arguments it names."""
    path, rest = re.search(r"and pass '([^']*)'(.*)\.$", message).groups()
    arguments = dict(re.findall(r"(\w+)='(\w+)'", rest))
    return path, arguments


LIST = json.dumps(NAMES, ensure_ascii=False)


@pytest.mark.slow
@pytest.mark.parametrize(
    "data",
    [
        LIST.encode(),
        json.dumps(NAMES, ensure_ascii=False, indent=4).encode(),
        codecs.BOM_UTF8 + json.dumps(NAMES, ensure_ascii=False, indent=2).encode(),
        json.dumps(NAMES).encode(),  # \u escapes
        ("[" + " " * 100 + "\n" * 60 + LIST[1:]).encode(),  # whitespace first
        # PowerShell 5.1: ConvertTo-Json > names.json (UTF-16 with a BOM)
        codecs.BOM_UTF16_LE + ("[\r\n    " + LIST[1:]).encode("utf-16-le"),
    ],
)
def test_a_json_list_is_refused_and_its_command_writes_the_names(tmp_path, data):
    path = tmp_path / "names.json"
    path.write_bytes(data)
    message = _refused(path)
    assert "is a JSON list of names" in message
    _follow(message, tmp_path)
    written, arguments = _written(message)
    assert not arguments and load_names(written) == NAMES


PAIRS = [[name, count] for name, count in zip(NAMES, COUNTS)]
RECORDS = [{"name": n, "count": c} for n, c in zip(NAMES, COUNTS)]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, counted",
    [
        (json.dumps(PAIRS, ensure_ascii=False), True),
        ("".join(json.dumps(pair, ensure_ascii=False) + "\n" for pair in PAIRS), True),
        (json.dumps(dict(PAIRS), ensure_ascii=False), True),  # {"Zoë": 3, ...}
        ("\ufeff" + json.dumps(RECORDS, ensure_ascii=False, indent=1), False),
        ("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), False),
    ],
)
def test_pairs_counts_and_records_are_made_a_csv_that_reads(tmp_path, text, counted):
    path = tmp_path / "people.json"
    path.write_text(text, encoding="utf-8")
    message = _refused(path)
    _follow(message, tmp_path)
    written, arguments = _written(message)
    if counted:
        names, counts = load_names(written, **arguments)
        assert (names, counts.tolist()) == (NAMES, COUNTS)
    else:  # the records' columns, as they were
        assert load_names(written, **arguments) == NAMES
        assert (
            load_names(written, names_column="name", counts_column="count")[1].tolist()
            == COUNTS
        )


@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    ["O'Brien `id`.json", "both'\".json", "$HOME.json", "back\\slash.json",
     "my names.json"],
)  # fmt: skip
def test_the_command_reads_any_file_name_as_it_is(tmp_path, name):
    path = tmp_path / name
    path.write_text(LIST, encoding="utf-8")
    message = _refused(path)
    # PowerShell expands $ and ` within double quotes: not there.
    assert "in cmd.exe, put each path in double quotes instead" in message
    assert "in PowerShell in single quotes, each ' in it written ''" in message
    done = _follow(message, tmp_path)
    assert done.stdout == ""  # nothing ran: `id` prints
    assert load_names(str(tmp_path / (name[:-5] + ".txt"))) == NAMES


@pytest.mark.slow
def test_the_command_replaces_no_file(tmp_path):
    path = tmp_path / "names.json"
    path.write_text(LIST, encoding="utf-8")
    (tmp_path / "names.txt").write_text("mine\n", encoding="utf-8")
    message = _refused(path)
    with pytest.raises(AssertionError, match="nothing written: .*File exists") as e:
        _follow(message, tmp_path)
    assert "Traceback" not in str(e.value)
    assert (tmp_path / "names.txt").read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize(
    "text, said",
    [
        ('{"data": {"names": ["Zoë", "Asha"]}}', "the names must be a list"),
        ('{"names": ["Zoë", "Asha"]}', "the names must be a list"),
        ("[]\n", "an empty JSON list"),
        ("  [ ]", "an empty JSON list"),
    ],
)
def test_json_that_holds_no_list_of_names_is_told_without_a_command(
    tmp_path, text, said
):
    path = tmp_path / "people.json"
    path.write_text(text, encoding="utf-8")
    message = _refused(path)
    assert said in message and "python -c" not in message


@pytest.mark.parametrize(
    "text",
    [
        '[{"name": "Zoë", "count": 3}, {"name": "Asha", "count": 1}]',
        '{"names": ["Zoë", "Asha"]}',
        '{"name": "Zoë"}\n{"name": "Asha"}\n',  # JSON Lines
        '[["Emma", 3, "F"], ["Ava", 2, "F"]]',  # rows of more than a pair
    ],
)
def test_cli_json_records_are_refused_without_a_traceback(tmp_path, capsys, text):
    path = tmp_path / "people.json"
    path.write_text(text, encoding="utf-8")
    status = main(["train", str(path), "-o", str(tmp_path / "m.skops"), "-q"])
    err = capsys.readouterr().err
    assert status != 0
    assert "is a JSON " in err and "not a text file of names" in err
    assert "Traceback" not in err and "names_column" not in err
    assert not (tmp_path / "m.skops").exists()


@pytest.mark.parametrize(
    "text, column, names",
    [
        ('"Name","Count",\r\n"Zoë",1,\r\n', "Name", ["Zoë"]),  # Excel's CSV
        ("[Anna]\nZoë\n", None, ["[Anna]", "Zoë"]),  # no JSON string after '['
        ("Anna\n{Zoë}\n", None, ["Anna", "{Zoë}"]),
        ("[]Anna\nZoë\n", None, ["[]Anna", "Zoë"]),
    ],
)
def test_files_of_names_that_are_no_json_are_read(tmp_path, text, column, names):
    path = tmp_path / "names.txt"
    path.write_text(text, encoding="utf-8")
    assert load_names(str(path), names_column=column) == names


@pytest.mark.parametrize(
    "value, said",
    [
        ({"total": 2, "names": ["Zoë", "Asha"]}, "the names must be a list"),
        ([["Mary", 7065, "F"], ["Zoë", 3, "F"]], "its rows are no [name, count] pairs"),
    ],
)
def test_json_of_other_values_is_not_taken_for_counts_or_pairs(tmp_path, value, said):
    path = tmp_path / "people.json"
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    message = _refused(path)
    assert said in message and "python -c" not in message
    assert "counts by name" not in message and "pairs, not" not in message


@pytest.mark.slow
@pytest.mark.parametrize(
    "value, item",
    [
        ([["Zoë", 7065], ["Asha", 3, "F"]], "['Asha', 3, 'F']"),  # a row of 3
        # a count no number, past what tells the shape
        ({**{f"name{i}": i for i in range(600)}, "Asha": "3"}, "('Asha', '3')"),
        (["Mary", 7065], "7065"),  # a name no string
    ],
)
def test_the_command_stops_on_an_item_of_another_shape_writing_nothing(
    tmp_path, value, item
):
    path = tmp_path / "people.json"
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    message = _refused(path)
    with pytest.raises(AssertionError) as caught:
        _follow(message, tmp_path)
    assert "nothing written: not a" in str(caught.value)
    assert item in str(caught.value) and "Traceback" not in str(caught.value)
    assert os.listdir(tmp_path) == ["people.json"]  # no empty file left behind


@pytest.mark.slow
def test_the_command_reads_the_file_in_the_encoding_given(tmp_path):
    from sknextchar.datasets._file_kinds import not_text_message

    path = tmp_path / "names.json"
    path.write_text(LIST.replace("Nguyễn", "Nguyen"), encoding="latin-1")
    advice = not_text_message(str(path), encoding="latin-1")
    code = re.search(r"names = (.*), and pass the list", advice).group(1)
    assert "encoding='iso8859-1'" in code and eval(code, {"json": json})[3] == "Nguyen"
    message = advice.command_line
    assert "encoding='utf-8-sig'" not in message
    _follow(message, tmp_path)
    written, _ = _written(message)
    assert load_names(written) == [*NAMES[:3], "Nguyen"]


SINGLES = [[name] for name in NAMES]


@pytest.mark.slow
@pytest.mark.parametrize(
    "file_name, text, said",
    [
        ("names.json", json.dumps(SINGLES, ensure_ascii=False), "one-name lists"),
        ("names.json", json.dumps(SINGLES, indent=2), "one-name lists"),
        (
            "names.jsonl",
            "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in SINGLES),
            "one-name lists (JSON Lines)",
        ),
        # jq '.[]' names.json > names.jsonl
        ("names.jsonl", "".join(json.dumps(n) + "\n" for n in NAMES), "(JSON Lines)"),
        ("names.ndjson", "\n".join(json.dumps(n) for n in NAMES), "(JSON Lines)"),
    ],
)
def test_one_name_lists_and_lines_of_quoted_names_are_made_a_text_file(
    tmp_path, file_name, text, said
):
    path = tmp_path / file_name
    path.write_text(text, encoding="utf-8")
    message = _refused(path)
    assert said in message
    _follow(message, tmp_path)
    written, arguments = _written(message)
    assert not arguments and load_names(written) == NAMES


@pytest.mark.parametrize(
    "text, file_name, column",
    [
        ('"name"\n"Zoë"\n"Asha"\n', "people.csv", "name"),  # R's write.csv
        ('"Zoë"\n"Asha"\n', "people.txt", None),  # a name a line, as it is
    ],
)
def test_lines_of_quoted_names_in_a_file_not_named_json_are_read(
    tmp_path, text, file_name, column
):
    path = tmp_path / file_name
    path.write_text(text, encoding="utf-8")
    if column:
        names = load_names(str(path), names_column=column)
    else:  # read as it is, with a warning that says how to drop the quotes
        with pytest.warns(UserWarning, match="2 lines in double quotes"):
            names = load_names(str(path), names_column=column)
    assert names == (["Zoë", "Asha"] if column else ['"Zoë"', '"Asha"'])


def _records(keys):
    return [dict(zip(keys, (i, name, "F"))) for i, name in enumerate(NAMES)]


@pytest.mark.parametrize(
    "records, column",
    [
        (_records(["id", "first_name", "sex"]), "first_name"),
        (_records(["id", "Name", "sex"]), "Name"),
    ],
)
def test_records_are_passed_with_the_key_that_holds_their_names(
    tmp_path, records, column
):
    path = tmp_path / "people.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    message = _refused(path)
    assert _written(message)[1] == {"names_column": column}


@pytest.mark.parametrize(
    "record",
    [
        {"id": 1, "username": "emma99", "given": "Zoë"},  # a user's name
        {"name_id": 5, "label": "Zoë", "nickname": "Zo"},  # a number, a nickname
        {"given": "Zoë", "surname": "Lee"},  # a surname
        {"id": 1, "mother_name": "Ann", "child_name": "Zoë"},  # two names
        {"username": "zoe_l", "id": 7},  # the only text, a user's name
        {"id": 1, "sex": "F"},  # the only text, no name
        {"id": 1, "handle": "emma99"},  # the only text, a user's name
        {"id": 1, "given": "Zoë", "n": 3},  # the only text, named as no name is
        {"name_id": 5, "label": "Zoë"},  # the name_id a number, a label
    ],
)
def test_records_whose_names_key_is_unclear_say_their_keys(tmp_path, record):
    path = tmp_path / "people.json"
    path.write_text(json.dumps([record, record]), encoding="utf-8")
    message = _refused(path)
    assert "names_column='" not in message
    keys = ", ".join(map(repr, record))
    assert f"names_column set to the header of its names (one of {keys})" in message


@pytest.mark.parametrize(
    "records, column",
    [
        ([{"id": 1, "first_name": "Zoë", "last_name": "Lee"}], "first_name"),
        # the name's value text in every record that has one
        ([{"name": None, "given": "Zoë"}, {"name": "Zoë", "given": "Z"}], "name"),
        ([{"name": 5, "first_name": "Zoë"}, {"name": "Zoë"}], "first_name"),
    ],
)
def test_the_names_key_holds_text_and_is_no_other_name(tmp_path, records, column):
    path = tmp_path / "people.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    assert _written(_refused(path))[1] == {"names_column": column}


@pytest.mark.slow
def test_records_of_another_names_key_are_read_as_the_message_says(tmp_path):
    path = tmp_path / "people.jsonl"
    rows = _records(["id", "first_name", "sex"])
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    message = _refused(path)
    _follow(message, tmp_path)
    written, arguments = _written(message)
    assert load_names(written, **arguments) == NAMES


@pytest.mark.parametrize(
    "text",
    [json.dumps(SINGLES), "".join(json.dumps(n) + "\n" for n in NAMES)],
)
def test_cli_one_name_lists_and_quoted_lines_are_refused_in_chunks_too(
    tmp_path, capsys, text
):
    path = tmp_path / "names.jsonl"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "m.skops"
    status = main(["train", str(path), "--chunk-size", "2", "-o", str(out), "-q"])
    err = capsys.readouterr().err
    assert status != 0 and "is a JSON list of " in err and "names.txt" in err
    assert "Traceback" not in err and not out.exists()


@pytest.mark.slow
@pytest.mark.parametrize(
    "file_name, text, names",
    [
        ("names.jsonl", '"Zoë"\n', ["Zoë"]),  # one line of JSON Lines
        ("names.json", '"Zoë"', ["Zoë"]),
        ("names.json", '[null, "Zoë"]', None),  # a null first
        ("names.json", '[[null], ["Zoë"]]', None),
        ("names.json", '[[], ["Zoë"]]', None),
        ("names.jsonl", '[]\n["Zoë"]\n', None),
    ],
)
def test_names_after_a_first_item_without_one_are_told(
    tmp_path, file_name, text, names
):
    path = tmp_path / file_name
    path.write_text(text, encoding="utf-8")
    message = _refused(path)
    if names is not None:  # followed, the command writes them
        _follow(message, tmp_path)
        assert load_names(_written(message)[0]) == names
    else:  # it stops on the item that is no name, writing nothing
        with pytest.raises(AssertionError) as caught:
            _follow(message, tmp_path)
        assert "nothing written: not a" in str(caught.value)
        assert os.listdir(tmp_path) == [file_name]


@pytest.mark.parametrize("text", ["[[]]", "[null]", "[[null], []]\n", "[1, 2]"])
def test_a_json_list_without_a_name_is_told_so(tmp_path, text):
    path = tmp_path / "people.json"
    path.write_text(text, encoding="utf-8")
    message = _refused(path)
    assert "a JSON list without a name (a string) in it" in message
    assert "python -c" not in message


@pytest.mark.slow
@pytest.mark.parametrize(
    "file_name, text, said",
    [
        ("names.jsonl", '"Zoë"\nAsha\n"Mia"\n', "line 2 is no JSON document: 'Asha'"),
        (
            "names.jsonl",
            '["Zoë"]\n["Asha"\n',
            "line 2 is no JSON document: '[\"Asha\"'",
        ),
        ("names.json", '["Zoë", "Asha" "Mia"]', "Expecting ',' delimiter: line 1"),
    ],
)
def test_the_command_stops_on_a_line_that_is_no_json_writing_nothing(
    tmp_path, file_name, text, said
):
    path = tmp_path / file_name
    path.write_text(text, encoding="utf-8")
    message = _refused(path)
    with pytest.raises(AssertionError) as caught:
        _follow(message, tmp_path)
    assert f"nothing written: {said}" in str(caught.value)
    assert "Traceback" not in str(caught.value)
    assert os.listdir(tmp_path) == [file_name]


def _peak_kib(command, folder):
    """The peak resident memory of ``command`` run by a shell in ``folder``."""
    measure = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    command = command.replace("python", shlex_quote(sys.executable), 1)
    done = subprocess.run(
        [sys.executable, "-c", measure, "sh", "-c", command],
        cwd=folder, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return int(done.stdout)


@pytest.mark.slow
@pytest.mark.parametrize("one_name_lists", [False, True])
def test_the_json_lines_command_reads_a_line_at_a_time(tmp_path, one_name_lists):
    """Its memory stays flat: 32 MB of JSON Lines take no more than a few."""
    rows = [["Zoë" * 1000 + str(i)] for i in range(10_000)]
    rows = rows if one_name_lists else [row[0] for row in rows]
    sizes = {}
    for n in (10, len(rows)):
        folder = tmp_path / str(n)
        folder.mkdir()
        path = folder / "names.jsonl"
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows[:n])
        message = _refused(path)
        command = re.search(r'e\.g\. (python -c ".*?) \(it writes', message).group(1)
        sizes[n] = _peak_kib(command, folder)
        written = folder / "names.txt"
        assert written.stat().st_size == path.stat().st_size - n * (
            4 if one_name_lists else 2
        )
    assert path.stat().st_size > 30e6
    assert sizes[len(rows)] - sizes[10] < 8_000  # KiB; the whole file: > 60,000


def test_cli_names_a_records_key_with_a_quote_as_a_shell_reads_it(tmp_path, capsys):
    """``--names-column "pet's name"``, which a shell passes as the key."""
    import shlex

    path = tmp_path / "pets.json"
    pets = [{"pet's name": name, "n": i} for i, name in enumerate(NAMES)]
    path.write_text(json.dumps(pets, ensure_ascii=False), encoding="utf-8")
    status = main(["train", str(path), "-o", str(tmp_path / "m.skops"), "-q"])
    err = capsys.readouterr().err
    assert status != 0 and "names_column" not in err
    flags = shlex.split(re.search(r"\.csv' with (--names-column .*)\.$", err)[1])
    assert flags == ["--names-column", "pet's name"]


# ------------------- Python's advice for a list of names (found in session 58)
@pytest.mark.parametrize(
    "text",
    [
        LIST,
        "\ufeff" + json.dumps(NAMES, indent=2),
        "".join(json.dumps(name, ensure_ascii=False) + "\n" for name in NAMES),
        json.dumps([[name] for name in NAMES], ensure_ascii=False),
    ],
    ids=["list", "bom", "lines", "singles"],
)
def test_python_is_told_to_read_a_json_list_and_pass_it(tmp_path, text, capsys):
    path = tmp_path / "names.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="not a text file of names") as caught:
        load_names(str(path))
    message = str(caught.value)
    assert "python -c" not in message and "pass the list names" in message
    code = re.search(r"names = (.*), and pass the list", message).group(1)
    assert eval(code, {"json": json}) == NAMES  # the advice, followed
    # The command line keeps its command, which writes a text file.
    assert main(["train", str(path), "-o", str(tmp_path / "m.skops")]) == 1
    err = capsys.readouterr().err
    assert 'e.g. python -c "import csv, json, sys;' in err
    assert "pass the list names" not in err and "Traceback" not in err
