"""``score --names-file`` of a plain list: read as it goes, each name counted.

8423cb6 held the whole text of the file, its rows and its names before
scoring (about 248 traced bytes a line): a million lines of 15,000 names took
400 MB. A plain list (letters a line, see ``cli/_name_counts``) is now read
into its distinct names and their counts; any other file is read whole, as
before. Both readings must print the same, byte for byte.
"""

import gzip

import numpy as np
import pytest

from sknextchar.cli import _name_counts, _score, main
from sknextchar.cli._name_counts import plain_name_counts
from tests._count_models import count_models
from tests._count_models import letter_names as _names
from tests._traced import traced_peak


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    """Count models of names of a-z, one refusing unknown characters and
    one dropping them."""
    return count_models(tmp_path_factory.mktemp("plain_list"))


def _repeated_list(folder, n_lines, distinct=300):
    """``n_lines`` lines of the same ``distinct`` names, repeated."""
    names = _names(np.random.default_rng(0), distinct)
    path = folder / f"repeated{n_lines}.txt"
    path.write_text("\n".join(names[i % distinct] for i in range(n_lines)) + "\n")
    return str(path)


def test_a_plain_list_holds_its_distinct_names_not_every_line(models, tmp_path):
    # The same 300 names on 4,000 lines and on 60,000: 8423cb6 peaked at
    # 2.3 and 14.8 MB traced (223 bytes a line more), now both at 1.75 MB.
    peaks = []
    for n_lines in (4_000, 60_000):
        command = ["score", str(models["error"]), "--names-file"]
        command.append(_repeated_list(tmp_path, n_lines))
        peaks.append(traced_peak(command, warm_up=[*command[:2], "babab"]))
    assert peaks[1] < 1.5 * peaks[0]
    assert (peaks[1] - peaks[0]) / 56_000 < 4  # bytes a line more


def _both_readings(command, monkeypatch, capsys):
    """The status, stdout and stderr of ``command`` read as it goes (when
    the list is plain) and read whole."""
    outputs = []
    for counted in (True, False):
        if not counted:
            monkeypatch.setattr(_score, "counted_file_names", lambda args, names: None)
        status = main(command)
        captured = capsys.readouterr()
        outputs.append((status, captured.out, captured.err))
    return outputs


_BAD = ["zoë", "ÀÉ", "x y", "q.q", "Zoë", "ＡＳＨＡ", "zoe\u0301", "jean-luc", "o'neil"]


def _plain_text(rng, n=400):
    """Names of a-z with names the models leave out (or read in part)
    on many lines, and a name given twice."""
    names = _names(rng, n)
    for k in rng.integers(0, n, 40):
        names.insert(int(k), _BAD[int(k) % len(_BAD)])
    return names


@pytest.mark.parametrize(
    "unknown, end, extra",
    [
        ("error", "\n", []),
        ("drop", "\n", []),
        ("error", "", ["asha", "zoë", "asha"]),  # no final newline, NAME + file
        ("error", "\n\n\n", ["--explain"]),  # blank lines at the end
        ("drop", "\n", ["--by", "per-char"]),
    ],
)
def test_a_plain_list_prints_what_the_whole_reader_prints(
    models, tmp_path, monkeypatch, capsys, unknown, end, extra
):
    monkeypatch.setattr(_name_counts, "_PIECE", 1000)  # lines across pieces
    names = _plain_text(np.random.default_rng(5))
    names.insert(200, "")  # a blank line within
    path = tmp_path / "names.txt"
    path.write_text("\n".join(names) + end, encoding="utf-8")
    assert plain_name_counts(str(path)) is not None  # read as it goes
    command = ["score", str(models[unknown]), *extra, "--names-file", str(path)]
    counted, whole = _both_readings(command, monkeypatch, capsys)
    assert counted == whole
    assert counted[0] == 1 and " (lines " in counted[2]  # placed, merged


def test_a_plain_list_of_names_all_left_out_is_refused_as_before(
    models, tmp_path, monkeypatch, capsys
):
    path = tmp_path / "bad.txt"
    path.write_text("zoë\nève\nzoë\nÀÉ\nzoë\n", encoding="utf-8")
    assert plain_name_counts(str(path)) is not None
    command = ["score", str(models["error"]), "--names-file", str(path)]
    counted, whole = _both_readings(command, monkeypatch, capsys)
    assert counted == whole
    assert "'zoë' (lines 1, 3 and 5 of " in " ".join(counted[2].split())


_NOT_PLAIN = {
    "comment far down": b"#girls\n",
    "quoted": b'"Smith, Anna"\n',
    "counts": b"anna,3\n",
    "tab": b"anna\tf\n",
    "digit": b"o1\n",
    "digit within": b"an1na\n",
    "comma within": b"smith,anna\n",
    "quote within": b'an"na\n',
    "hash within": b"an#na\n",
    "too long to show whole": b"a" * 61 + b"\n",
    "longer than a name": b"b" * 1200 + b"\n",
    "too long, Windows line end": b"a" * 61 + b"\r\n",
    "undecodable": b"Jos\xe9\n",
    "carriage return within": b"an\rna\n",
    "carriage return before a line end": b"anna\r\r\n",
    "carriage return last": b"anna\r",  # no line feed after it
    "old Mac line ends": b"anna\rbabab\r",
    "end mark": b"anna\x1a",
    "invisible": "\u200b\n".encode(),
    "spaces around": b"  anna \n",
}


@pytest.mark.parametrize("last", list(_NOT_PLAIN), ids=list(_NOT_PLAIN))
def test_a_list_with_a_line_not_plain_is_read_whole(
    models, tmp_path, monkeypatch, capsys, last
):
    monkeypatch.setattr(_name_counts, "_PIECE", 1000)  # the line in a later piece
    names = _names(np.random.default_rng(6), 600)
    path = tmp_path / "names.txt"
    path.write_bytes("\n".join(names).encode() + b"\n" + _NOT_PLAIN[last])
    assert plain_name_counts(str(path)) is None
    command = ["score", str(models["error"]), "--names-file", str(path)]
    counted, whole = _both_readings(command, monkeypatch, capsys)
    assert counted == whole


_NOT_PLAIN_START = {
    "names.txt": "\ufeffanna\nbabab\n".encode(),  # byte-order mark
    "header.txt": b"name\nanna\nbabab\n",  # a header, with a note
    "blank first.txt": b"\nanna\nbabab\n",
    "header windows.txt": b"name\r\nanna\r\nbabab\r\n",
    "blank first windows.txt": b"\r\nanna\r\nbabab\r\n",
    "mark windows.txt": "\ufeffanna\r\nbabab\r\n".encode(),
    "counts.txt": b"anna,5\nbabab,3\n",  # a table without a header: refused
    "names.csv": b"anna\nbabab\n",
    "names.txt.gz": gzip.compress(b"anna\nbabab\n"),
    "empty.txt": b"",
    "blank.txt": b"\n\n",
}


@pytest.mark.parametrize("name", list(_NOT_PLAIN_START))
def test_a_file_not_plain_from_its_start_is_read_whole(
    models, tmp_path, monkeypatch, capsys, name
):
    path = tmp_path / name
    path.write_bytes(_NOT_PLAIN_START[name])
    assert plain_name_counts(str(path)) is None
    command = ["score", str(models["error"]), "--names-file", str(path)]
    counted, whole = _both_readings(command, monkeypatch, capsys)
    assert counted == whole


def _windows(text, mixed=False):
    """``text`` with Windows line ends, or half of them (``mixed``)."""
    lines = text.split("\n")
    ends = ["\r\n" if not mixed or k % 2 else "\n" for k in range(len(lines))]
    return "".join(map("".join, zip(lines, ends))).encode()[: -len(ends[-1])]


def test_a_windows_list_holds_its_distinct_names_not_every_line(models, tmp_path):
    # 77cb8eb read a list saved on Windows whole: 2.19 and 14.87 MB traced
    # for these 4,000 and 60,000 lines (226 bytes a line more); now 1.74 and
    # 1.76 MB, as a list of Linux line ends.
    peaks = []
    for n_lines in (4_000, 60_000):
        path = _repeated_list(tmp_path, n_lines)
        with open(path, "rb") as file:
            text = file.read().decode()
        with open(path, "wb") as file:
            file.write(_windows(text))
        command = ["score", str(models["error"]), "--names-file", path]
        peaks.append(traced_peak(command, warm_up=[*command[:2], "babab"]))
    assert peaks[1] < 1.5 * peaks[0]
    assert (peaks[1] - peaks[0]) / 56_000 < 4  # bytes a line more


@pytest.mark.parametrize(
    "unknown, end, mixed",
    [
        ("error", "\n", False),
        ("drop", "\n", False),
        ("error", "", False),  # no final line end
        ("error", "\n\n\n", False),  # blank lines at the end
        ("error", "\n", True),  # Windows and Linux line ends, one after the other
        ("drop", "", True),
    ],
)
def test_a_windows_list_prints_what_the_whole_reader_prints(
    models, tmp_path, monkeypatch, capsys, unknown, end, mixed
):
    monkeypatch.setattr(_name_counts, "_PIECE", 1000)  # lines across pieces
    names = _plain_text(np.random.default_rng(7))
    names[200:200] = ["", ""]  # blank lines within
    names.append("ÀÉ")  # a name left out on the last line
    text = "\n".join(names) + end
    path = tmp_path / "names.txt"
    outputs = []
    for data in (_windows(text, mixed), text.encode()):
        path.write_bytes(data)
        assert plain_name_counts(str(path)) is not None  # read as it goes
        command = ["score", str(models[unknown]), "--names-file", str(path)]
        counted, whole = _both_readings(command, monkeypatch, capsys)
        assert counted == whole
        outputs.append(counted)
    assert outputs[0] == outputs[1]  # as the same list with Linux line ends
    assert outputs[0][0] == 1 and " (lines " in outputs[0][2]


def test_a_windows_list_of_names_all_left_out_is_refused_as_before(
    models, tmp_path, monkeypatch, capsys
):
    path = tmp_path / "bad.txt"
    path.write_bytes("zoë\r\nève\r\nzoë\r\n\r\nÀÉ\r\nzoë".encode())
    assert plain_name_counts(str(path)) is not None
    command = ["score", str(models["error"]), "--names-file", str(path)]
    counted, whole = _both_readings(command, monkeypatch, capsys)
    assert counted == whole
    assert "'zoë' (lines 1, 3 and 6 of " in " ".join(counted[2].split())


@pytest.mark.parametrize("mixed", [False, True])
def test_a_windows_line_end_across_two_pieces_is_one_line_end(
    tmp_path, monkeypatch, mixed
):
    text = "asha\nJean-Luc\n\nzoë\nasha\nO'Neil\nravi"
    path = tmp_path / "names.txt"
    path.write_bytes(text.encode())
    expected = plain_name_counts(str(path))
    path.write_bytes(_windows(text, mixed))
    for piece in range(1, 30):  # each "\r\n" cut in two by some piece
        monkeypatch.setattr(_name_counts, "_PIECE", piece)
        assert list(plain_name_counts(str(path)).items()) == list(expected.items())


def test_standard_input_places_a_name_once_with_its_lines(
    models, tmp_path, monkeypatch, capsys
):
    given = tmp_path / "given.txt"  # what standard input holds
    given.write_text("babab\nzoë\nbabab\nzoë\nasha\nzoë\n", encoding="utf-8")
    monkeypatch.setattr("sknextchar.cli._stdin_files.STDIN", str(given))
    assert main(["score", str(models["error"]), "--names-file", "-"]) == 1
    said = " ".join(capsys.readouterr().err.split())
    # 8423cb6: 'zoë' (line 2 of standard input ('-')), 'zoë' (line 4 of ...
    assert "'zoë' (lines 2, 4 and 6 of standard input ('-'))" in said
