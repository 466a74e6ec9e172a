"""Paths the file system refuses as too long (``ENAMETOOLONG``) are told as such.

``train -o`` and ``plot -o`` with a file name of more than 255 bytes printed
``error: [Errno 36] File name too long: '...'``, without the flag or what to
do; a model file of such a name did the same, and a file of names of such a
name was called missing ("No such file of names"). Each now says which part
of the path is too long, by how much, and what to do; nothing is written.

A symbolic link that leads to a name too long is told as such (the length of
the link's own path was told, a false reason), and a target whose temporary
file (16 bytes longer) passes the limit is refused before training (it was
refused after, in the system's words, "try again").
"""

import errno
import os

import pytest

from sknextchar import ContextWindowTransformer, load_model, save_model
from sknextchar._file_safety import check_target
from sknextchar._path_flaws import name_too_long
from sknextchar.cli import main
from sknextchar.cli._column_note import shell_word
from sknextchar.datasets import load_names
from tests._count_model import copied_into, names_in, trained_count_model

LONG = "x" * 300  # one name: more than the 255 bytes of common file systems


@pytest.fixture
def names(tmp_path):
    return names_in(tmp_path)


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    return trained_count_model(tmp_path_factory.mktemp("model"))


@pytest.fixture
def model(trained, names, tmp_path):
    """The module's count model in ``tmp_path`` beside ``names``, as each test
    once trained it there."""
    return copied_into(trained, tmp_path)


def _listing(folder):
    return sorted(os.listdir(folder))


def test_the_reason_names_the_part_too_long(tmp_path):
    reason = name_too_long(tmp_path / LONG / "m.skops")
    assert reason.startswith(f"the name '{'x' * 20}...' is 300 bytes long")
    assert f"at most {os.pathconf(tmp_path, 'PC_NAME_MAX'):,} there" in reason


def test_the_reason_counts_bytes_not_characters(tmp_path):
    reason = name_too_long(tmp_path / ("ज" * 90))  # 270 bytes in UTF-8
    assert "is 270 bytes long" in reason


def test_a_path_longer_than_the_system_takes_is_told_by_its_length(tmp_path):
    path = tmp_path.joinpath(*["y" * 200] * 25, "m.skops")
    reason = name_too_long(path)
    assert reason.startswith(f"the path is {len(os.fsencode(path)):,} bytes long")


@pytest.mark.parametrize(
    "argv",
    [
        ["train", "{names}", "--model", "kneser-ney", "-q", "-o", "{dir}/{long}"],
        ["train", "{names}", "--model", "kneser-ney", "-o", "{dir}/{long}/m.skops"],
        ["plot", "{model}", "--tree", "a", "-o", "{dir}/{long}.png"],
        ["plot", "{model}", "--loss", "--force", "-o", "{long}"],  # found by fuzzing
    ],
    ids=["train", "train-folder", "plot", "plot-relative"],
)
def test_an_output_name_too_long_is_refused_naming_o(
    argv, tmp_path, names, model, capsys, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    before = _listing(tmp_path)
    places = {"names": names, "model": model, "dir": tmp_path, "long": LONG}
    capsys.readouterr()
    assert main([word.format(**places) for word in argv]) == 1
    err = capsys.readouterr().err
    assert "Errno" not in err and "Traceback" not in err, err
    assert "is 300 bytes long" in err or "is 304 bytes long" in err, err
    assert err.rstrip().endswith("nothing was saved. Give -o a shorter one."), err
    assert _listing(tmp_path) == before


def test_a_path_too_long_in_all_is_refused_before_training(tmp_path, names, capsys):
    output = tmp_path.joinpath(*["y" * 200] * 25, "m.skops")
    args = ["train", str(names), "--model", "kneser-ney", "-o", str(output)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "Counted" not in err and "Errno" not in err, err
    assert "the path is" in err and "Give -o a shorter one." in err, err


def test_python_is_told_to_pass_a_shorter_path(tmp_path):
    with pytest.raises(OSError, match="Pass a shorter path") as info:
        check_target(tmp_path / LONG)
    assert "Errno" not in str(info.value)
    model = ContextWindowTransformer().fit(["asha"])
    with pytest.raises(OSError, match="is 306 bytes long"):
        save_model(model, tmp_path / f"{LONG}.skops")
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["train", "{long}", "-o", "{dir}/o.skops"],
        ["train", "{long}", "--chunk-size", "3", "-o", "{dir}/o.skops"],
        ["score", "{model}", "--names-file", "{long}"],
        ["sample", "{model}", "--exclude-file", "{long}"],
    ],
    ids=["train", "train-chunks", "score", "sample"],
)
def test_a_names_file_too_long_is_not_called_missing(argv, tmp_path, model, capsys):
    places = {"long": tmp_path / LONG, "model": model, "dir": tmp_path}
    capsys.readouterr()
    assert main([word.format(**places) for word in argv]) == 1
    err = capsys.readouterr().err
    assert "No such file" not in err and "Errno" not in err, err
    assert "cannot be a file of names: the name" in err, err
    assert not (tmp_path / "o.skops").exists()


def test_load_names_says_the_name_is_too_long(tmp_path):
    with pytest.raises(OSError, match="is 300 bytes long") as info:
        load_names(tmp_path / LONG)
    assert "No such file" not in str(info.value)


@pytest.mark.parametrize(
    "argv",
    [["sample", "{long}"], ["train", "--resume", "{long}", "-o", "{dir}/o.skops"]],
    ids=["sample", "resume"],
)
def test_a_model_file_too_long_is_told_as_such(argv, tmp_path, capsys):
    places = {"long": tmp_path / LONG, "dir": tmp_path}
    assert main([word.format(**places) for word in argv]) == 1
    err = capsys.readouterr().err
    assert "Errno" not in err and "Traceback" not in err, err
    assert "Cannot load" in err and "is 300 bytes long" in err, err
    with pytest.raises(OSError, match="Check the path"):
        load_model(tmp_path / LONG)


def test_the_refusal_keeps_its_errno(tmp_path):
    with pytest.raises(OSError) as info:
        check_target(tmp_path / LONG)
    assert info.value.errno == errno.ENAMETOOLONG
    assert str(info.value).startswith("Cannot save to")


LEADS = "a symbolic link in it leads to the name 'xxxxxxxxxxxxxxxxxxxx...', which is "


@pytest.fixture
def link(tmp_path):
    """A short path, a symbolic link to a name too long (as typed, 28 bytes)."""
    (tmp_path / "sl").mkdir()
    (tmp_path / "sl" / "link").symlink_to(LONG)
    return tmp_path / "sl" / "link"


@pytest.mark.parametrize(
    "argv",
    [
        ["sample", "{link}"],
        ["score", "{link}", "asha"],
        ["train", "--resume", "{link}", "-o", "{dir}/o.skops"],
        ["train", "{link}", "-o", "{dir}/o.skops"],
        ["score", "{model}", "--names-file", "{link}"],
        ["sample", "{model}", "--exclude-file", "{link}"],
        ["train", "{names}", "--model", "kneser-ney", "-o", "{link}"],
    ],
    ids=["sample", "score", "resume", "train", "names-file", "exclude-file", "o"],
)
def test_a_link_to_a_name_too_long_is_told_where_it_leads(
    argv, tmp_path, link, names, model, capsys
):
    places = {"link": link, "dir": tmp_path, "model": model, "names": names}
    capsys.readouterr()
    assert main([word.format(**places) for word in argv]) == 1
    err = capsys.readouterr().err
    assert "the path is" not in err and "Errno" not in err, err  # was: 28 bytes
    assert f"{LEADS}300 bytes long, and a file or folder name may have" in err, err
    assert not (tmp_path / "o.skops").exists()


def test_a_labels_file_too_long_is_told_as_labels(tmp_path, link, names, capsys):
    # Not "'link' cannot be a file of names": the reader of NAMES_FILE's words.
    argv = ["train", str(names), "--labels", str(link), "-o", str(tmp_path / "o")]
    assert main(argv) == 1
    err = capsys.readouterr().err
    told = f"--labels {shell_word(str(link))} cannot be a file of labels: {LEADS}"
    assert told in err, err
    assert "file of names" not in err, err
    assert not (tmp_path / "o").exists()


def test_python_is_told_where_the_link_leads(link):
    for load in (load_model, load_names):
        with pytest.raises(OSError, match="which is 300 bytes long") as info:
            load(link)
        assert "the path is" not in str(info.value)


def test_a_reason_with_no_limit_passed_gives_no_number(tmp_path, link):
    (tmp_path / "short").symlink_to("m.skops")
    assert name_too_long(tmp_path / "short") == (
        "a symbolic link in it leads to a name too long for the file system"
    )
    assert name_too_long(tmp_path / "m.skops") == "it is too long for the file system"


def _deep(folder, size):
    """A folder below ``folder`` whose path is ``size`` bytes long."""
    while len(os.fsencode(folder)) + 201 < size:
        folder = folder / ("y" * 199)
    folder = folder / ("z" * (size - len(os.fsencode(folder)) - 1))
    folder.mkdir(parents=True)
    return folder


def test_a_path_of_path_max_bytes_is_told_by_the_limit_without_its_nul(tmp_path):
    most = os.pathconf(tmp_path, "PC_PATH_MAX") - 1  # the limit counts the NUL
    path = _deep(tmp_path, most - len("/m.skops") + 1) / "m.skops"
    assert len(os.fsencode(path)) == most + 1
    with pytest.raises(OSError) as info:
        os.stat(path)
    assert info.value.errno == errno.ENAMETOOLONG  # the system refuses it
    reason = name_too_long(path)
    assert reason == (
        f"the path is {most + 1:,} bytes long, more than the {most:,} the system takes"
    )


def test_a_temporary_file_too_long_is_refused_before_training(tmp_path, names, capsys):
    most = os.pathconf(tmp_path, "PC_PATH_MAX") - 1
    folder = _deep(tmp_path, most - 10 - len("/m.skops"))
    output = folder / "m.skops"  # fits; ".m.skops.<8 hex>.skops" beside it not
    listing = _listing(folder)
    args = ["train", str(names), "--model", "kneser-ney", "-o", str(output)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "Counted" not in err and "unsaved" not in err, err  # before training
    size = len(os.fsencode(output))
    assert (
        f"the path is {size:,} bytes long, and the temporary file written beside it "
        f"first would be {size + 16:,}, more than the {most:,} the system takes; "
        "nothing was saved. Give -o a shorter one." in err
    ), err
    assert _listing(folder) == listing
    with pytest.raises(OSError, match="Pass a shorter path") as info:
        check_target(output)
    assert info.value.errno == errno.ENAMETOOLONG


@pytest.mark.parametrize("value", [LONG, "{tmp}/" + LONG, "x/" * 2100])
def test_labels_too_long_for_a_file_and_no_column_says_so(value, tmp_path, capsys):
    # Was: "--labels 'xxx...' is neither a file nor a column of 'kids.csv'",
    # which the user cannot act on: no file may have that name here.
    kids = tmp_path / "kids.csv"
    kids.write_text("name,sex\nasha,f\nravi,m\nsita,f\nomar,m\n", encoding="utf-8")
    value = value.format(tmp=tmp_path)
    argv = ["train", str(kids), "--labels", value, "-o", str(tmp_path / "o.skops")]
    assert main(argv) == 1
    err = capsys.readouterr().err
    shown = shell_word(value[:40]) + "..."  # not the whole value (4,200 bytes)
    start = f"sknextchar: error: --labels {shown} cannot be a file of labels ("
    assert err.startswith(start), err
    assert value not in err, err
    reason = name_too_long(value)
    assert f"({reason}), and is not a column of {str(kids)!r}, whose first row" in err
    assert "['name', 'sex']" in err and "neither" not in err, err
    assert not (tmp_path / "o.skops").exists()


def test_a_missing_labels_column_of_a_short_name_is_told_as_before(tmp_path, capsys):
    kids = tmp_path / "kids.csv"
    kids.write_text("name,sex\nasha,f\nravi,m\n", encoding="utf-8")
    argv = ["train", str(kids), "--labels", "sx", "-o", str(tmp_path / "o.skops")]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "--labels sx is neither a file nor a column of" in err, err
    assert "(did you mean --labels sex?)" in err and "bytes long" not in err, err
