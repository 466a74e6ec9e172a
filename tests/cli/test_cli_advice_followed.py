"""The command line's advice works when followed: each message below is read
for what it tells the user to pass or run, and that is then done.

The encoding to pass for a file that fails in the encoding given (worked out
from the bytes that failed), Notepad's names for its encodings, the unknown
characters' settings (``--handle-unknown drop`` never offered when it would
leave a name without any character), MODEL and a file of names swapped, and
the MLP's flags given to ``--model kneser-ney``.
"""

import os
import re
import shlex
import subprocess
import sys

import pytest

from sknextchar import load_model
from sknextchar._limits import long_name_words
from sknextchar.cli import main
from sknextchar.datasets import load_names

KN = ["--model", "kneser-ney", "--alphabet", "auto", "-q"]
WESTERN = ["Zoë", "José", "François", "Anna", "Chloé", "Noël", "Björn", "Inés"]
# A name of each Windows code page the message on "ANSI" names, in its script.
CODE_PAGE_NAMES = {
    "cp1252": ["Zoë", "José", "François"],
    "cp1250": ["Łukasz", "Paweł", "Čeněk"],
    "cp1251": ["Иван", "Мария", "Олег"],
    "cp1253": ["Γιώργος", "Ελένη", "Νίκος"],
    "cp1254": ["Ayşe", "Gülşen", "İsmail"],
}


def _run(capsys, *argv):
    status = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _advised_encodings(err):
    """Every encoding the message tells to pass, in order."""
    return re.findall(r"--encoding ([\w-]+)", err)


def _vocabulary(model):
    return set(load_model(model).estimator_.estimator["windows"].vocabulary_)


def test_utf16_read_of_an_odd_length_code_page_file_advises_its_code_page(
    tmp_path, capsys
):
    # A file of cp1252 whose last byte is a line end read as UTF-16: the advice
    # was worked out from the empty tail after that byte ("ASCII; pass utf-8").
    data = "".join(f"{name}\r\n" for name in WESTERN).encode("cp1252")
    assert len(data) % 2 == 1 and data.endswith(b"\n")
    path = tmp_path / "ansi.txt"
    path.write_bytes(data)
    model = tmp_path / "m.skops"
    status, _, err = _run(
        capsys, "train", path, "--encoding", "utf-16", "-o", model, *KN
    )
    assert status == 1 and "truncated data" in err and "Traceback" not in err
    assert "ASCII" not in err
    (advised,) = _advised_encodings(err)
    assert advised in ("cp1252", "latin-1")  # both read these bytes right
    argv = ["train", path, "--encoding", advised, "-o", model, *KN]
    status, _, err = _run(capsys, *argv)
    assert status == 0, err
    assert {"ë", "é", "ç", "ö"} <= _vocabulary(model)


@pytest.mark.parametrize("page", sorted(CODE_PAGE_NAMES))
def test_notepads_ansi_is_answered_with_the_code_pages_to_pass(page, tmp_path, capsys):
    names = CODE_PAGE_NAMES[page]
    path = tmp_path / "ansi.txt"
    path.write_bytes("".join(f"{name}\r\n" for name in names).encode(page))
    model = tmp_path / "m.skops"
    status, _, err = _run(capsys, "train", path, "--encoding", "ANSI", "-o", model, *KN)
    assert status == 1 and "'ANSI'" in err and "Notepad" in err
    advised = _advised_encodings(err)
    assert advised[0] == "cp1252" and page in advised  # Western first
    assert main(["train", str(path), "--encoding", page, "-o", str(model), *KN]) == 0
    capsys.readouterr()
    assert load_names(path, encoding=page) == names  # read as written


@pytest.mark.parametrize(
    "given, codec, bom",
    [
        ("Unicode", "utf-16-le", False),
        ("Unicode", "utf-16", True),
        ("Unicode big endian", "utf-16-be", False),
        ("Unicode big endian", "utf-16", True),
        ("UTF-8 with BOM", "utf-8-sig", True),
        ("UTF-8 with BOM", "utf-8", False),
        ("ANSI", "utf-16", True),  # the byte-order mark says what the file is
        ("ANSI", "utf-8-sig", True),
        ("utf-8 WITH bom", "utf-8-sig", True),
    ],
)
def test_notepads_encoding_names_are_answered_and_the_answer_reads_the_file(
    given, codec, bom, tmp_path, capsys
):
    text = "".join(f"{name}\r\n" for name in [*WESTERN, "Иван"])
    data = text.encode(codec)
    if bom and codec in ("utf-16-le", "utf-16-be"):
        data = ("\ufeff" + text).encode(codec)
    path = tmp_path / "notepad.txt"
    path.write_bytes(data)
    assert bom == data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf"))
    model = tmp_path / "m.skops"
    status, _, err = _run(capsys, "train", path, "--encoding", given, "-o", model, *KN)
    assert status == 1 and "Traceback" not in err
    assert repr(given) in err  # the value quoted: 'UTF-8 with BOM'
    assert "not a text encoding Python knows" not in err
    (advised,) = _advised_encodings(err)
    status, _, err = _run(
        capsys, "train", path, "--encoding", advised, "-o", model, *KN
    )
    assert status == 0, err
    assert {"ë", "и", "в"} <= _vocabulary(model) and "\ufeff" not in _vocabulary(model)


@pytest.mark.parametrize("codec", ["utf-8", "cp1252"])
def test_notepads_unicode_on_a_file_of_one_byte_letters_advises_what_reads_it(
    codec, tmp_path, capsys
):
    # Notepad writes "Unicode" with a byte-order mark: this file is no UTF-16.
    path = tmp_path / "names.txt"
    path.write_bytes("".join(f"{name}\n" for name in WESTERN).encode(codec))
    model = tmp_path / "m.skops"
    argv = ["train", path, "--encoding", "Unicode", "-o", model, *KN]
    status, _, err = _run(capsys, *argv)
    assert status == 1 and "saved in another encoding" in err
    assert "--encoding utf-16" not in err
    # Followed: one of the encodings advised reads the file.
    results = [
        _run(capsys, "train", path, "--encoding", each, "-o", model, *KN)[0]
        for each in _advised_encodings(err)
    ]
    assert 0 in results
    assert {"ë"} <= _vocabulary(model)


def test_an_unknown_encoding_is_quoted_and_the_advice_reads_a_utf8_file(
    tmp_path, capsys
):
    path = tmp_path / "names.txt"
    path.write_text("\n".join(WESTERN) + "\n", encoding="utf-8")
    model = tmp_path / "m.skops"
    argv = ["train", path, "-o", model, *KN]
    status, _, err = _run(capsys, *argv, "--encoding", "Western European")
    assert status == 1 and "--encoding 'Western European' is not" in err
    assert _advised_encodings(err)[0] == "utf-8"
    assert _run(capsys, *argv, "--encoding", "utf-8")[0] == 0


def _flags_file(tmp_path, names):
    path = tmp_path / "names.txt"
    path.write_text("\n".join(names) + "\n", encoding="utf-8")
    return path


DEVANAGARI = ["\u0930\u093e\u0939\u0941\u0932", "\u0905\u092e\u093f\u0924"]


def test_drop_is_not_offered_when_it_would_empty_a_name(tmp_path, capsys):
    path = _flags_file(tmp_path, [*WESTERN, "O'Brien", *DEVANAGARI])
    argv = ["train", path, "--max-iter", "1", "-q", "-o", tmp_path / "m.skops"]
    status, _, err = _run(capsys, *argv)
    assert status == 1 and "outside the vocabulary" in err
    # Neither dropping nor folding (which leaves the Devanagari unknown) works.
    assert "--handle-unknown drop would not do" in err
    assert "to remove unknown characters" not in err
    assert "--strip-accents" not in err
    assert "'राहुल' (line 10 of" in err and "2 names" in err
    for fails in (["--handle-unknown", "drop"], ["--strip-accents", "unicode"]):
        assert _run(capsys, *argv, *fails)[0] == 1  # why they are not offered
    assert "or pass --alphabet auto" in err
    assert _run(capsys, *argv, "--alphabet", "auto")[0] == 0


def test_each_setting_offered_for_unknown_characters_works(tmp_path, capsys):
    path = _flags_file(tmp_path, [*WESTERN, "O'Brien", "Jean-Luc"])
    model = tmp_path / "m.skops"
    argv = ["train", path, "--max-iter", "1", "-q", "-o", model, "--force"]
    status, _, err = _run(capsys, *argv)
    assert status == 1 and "would not do" not in err
    drop = (
        "--handle-unknown drop to remove unknown characters (and --strip-accents "
        "unicode to fold accented letters ('ç' -> 'c', 'é' -> 'e', 'ë' -> 'e', "
        "'ö' -> 'o') rather than remove them)"
    )
    assert "or pass --alphabet auto (or a larger alphabet), or " + drop in err
    # Each setting once: dropping alone, or with folding first.
    assert err.count("--handle-unknown") == err.count("--strip-accents") == 1
    for flags in (
        ["--alphabet", "auto"], ["--handle-unknown", "drop"],
        ["--handle-unknown", "drop", "--strip-accents", "unicode"],
    ):  # fmt: skip
        status, _, follow_err = _run(capsys, *argv, *flags)
        assert status == 0, follow_err
    # Alone, folding leaves "'" and "-" unknown: it is offered only with drop.
    assert _run(capsys, *argv, "--strip-accents", "unicode")[0] == 1


@pytest.mark.parametrize("chunk_size", ["2", "100"])
def test_a_file_read_in_chunks_offers_drop_only_when_it_works(
    chunk_size, tmp_path, capsys
):
    model = tmp_path / "m.skops"
    chunked = ["--chunk-size", chunk_size, "--max-iter", "1", "-q", "-o", model]
    path = _flags_file(tmp_path, [*WESTERN, "O'Brien", *DEVANAGARI])
    status, _, err = _run(capsys, "train", path, *chunked)
    assert status == 1 and "--handle-unknown drop would not do" in err
    assert "to remove unknown characters" not in err and "--strip-accents" not in err
    assert "2 names without any character" in err and "(line 10 of" in err
    assert _run(capsys, "train", path, *chunked, "--handle-unknown", "drop")[0] == 1
    assert _run(capsys, "train", path, *chunked, "--alphabet", "auto")[0] == 0
    path = _flags_file(tmp_path, [*WESTERN, "O'Brien"])
    status, _, err = _run(capsys, "train", path, *chunked, "--force")
    assert status == 1 and "--handle-unknown drop to remove unknown" in err
    argv = ["train", path, *chunked, "--force", "--handle-unknown", "drop"]
    assert _run(capsys, *argv)[0] == 0


def _advice(err):
    """The message's advice: what follows "Clean the names, or"."""
    return re.split(r"Clean the names?, or ", err, maxsplit=1)[1]


def _said_once(advice, *settings):
    for setting in settings:
        assert advice.count(setting) == 1, (setting, advice)


def test_a_saved_models_advice_names_each_setting_once(tmp_path, capsys):
    # Folding with dropping, and dropping alone: --handle-unknown said once.
    model = tmp_path / "k.skops"
    train = ["train", _flags_file(tmp_path, ["anna", "zoe", "bob"]), "-o", model]
    assert _run(capsys, *train, "--model", "kneser-ney", "-q")[0] == 0
    status, _, err = _run(capsys, "score", model, "Zoë", "an7a")
    assert status == 1 and "outside the vocabulary ['7', 'ë']" in err
    advice = _advice(err)
    _said_once(advice, "--handle-unknown drop", "--strip-accents unicode")
    assert advice.endswith(
        "or with --handle-unknown drop to remove unknown characters (and "
        "--strip-accents unicode to fold accented letters ('ë' -> 'e') rather "
        "than remove them).\n"
    )
    # A first letter is not dropped: folding with dropping the others, one "with".
    status, _, err = _run(capsys, "score", model, "Émile", "an7a")
    assert status == 1 and _advice(err).endswith(
        "or with --strip-accents unicode to fold accented letters ('é' -> 'e') "
        "and --handle-unknown drop to remove the other unknown characters.\n"
    )


def test_a_keep_case_models_advice_lowercases_once(tmp_path, capsys):
    model = tmp_path / "kc.skops"
    train = ["train", _flags_file(tmp_path, ["anna", "zoe", "bob"]), "-o", model]
    assert _run(capsys, *train, "--model", "kneser-ney", "--keep-case", "-q")[0] == 0
    for names in (["Zoë", "an7a"], ["Zoë"]):  # folding and dropping both work
        status, _, err = _run(capsys, "score", model, *names)
        advice = _advice(err)
        assert status == 1 and advice.count("--keep-case") == 1, advice
        _said_once(advice, "--handle-unknown drop", "--strip-accents unicode")
    assert advice.endswith(
        "or without --keep-case, to lowercase capitals ('Z' -> 'z'), and with "
        "--strip-accents unicode to fold accented letters ('ë' -> 'e') or "
        "--handle-unknown drop to remove the other unknown characters.\n"
    )


def test_folding_alone_is_offered_when_it_folds_every_unknown_letter(tmp_path, capsys):
    path = _flags_file(tmp_path, ["zoë", "josé", "anna"])
    argv = ["train", path, "--max-iter", "1", "-q", "-o", tmp_path / "m.skops"]
    err = _run(capsys, *argv)[2]
    assert "--strip-accents unicode to fold accented letters ('é' -> 'e', " in err
    assert "with --handle-unknown drop" not in err
    assert _run(capsys, *argv, "--strip-accents", "unicode")[0] == 0


def test_scoring_names_of_another_script_does_not_offer_drop(tmp_path, capsys):
    train = _flags_file(tmp_path, WESTERN)
    model = tmp_path / "m.skops"
    assert _run(capsys, "train", train, "-o", model, *KN)[0] == 0
    other = tmp_path / "cyrillic.txt"
    other.write_text("Иван\nОлег\nZoë\n", encoding="utf-8")
    status, _, err = _run(capsys, "score", model, "--names-file", other)
    assert status == 1 and "--handle-unknown drop would not do" in err
    assert "with --handle-unknown drop" not in err
    assert "'Иван' (line 1 of" in err
    # Followed: a model trained with an alphabet that holds them scores them.
    both = _flags_file(tmp_path, [*WESTERN, "Иван", "Олег"])
    assert "--alphabet auto" in err
    assert _run(capsys, "train", both, "-o", model, "--force", *KN)[0] == 0
    status, out, err = _run(capsys, "score", model, "--names-file", other)
    assert status == 0, err
    assert "Иван" in out


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """The bytes of an unlabelled model (for score) and a labelled one (for
    classify), trained once for the module's tests."""
    folder = tmp_path_factory.mktemp("trained")
    table = folder / "names.csv"
    rows = [f"{name},{'f' if i % 2 else 'm'}" for i, name in enumerate(WESTERN)]
    table.write_text("name,label\n" + "\n".join(rows) + "\n", encoding="utf-8")
    labelled, plain = folder / "lab.skops", folder / "plain.skops"
    argv = ["train", table, "-o", plain, *KN]
    assert main([str(arg) for arg in argv]) == 0
    argv = ["train", table, "--labels", "label", "-o", labelled, *KN]
    assert main([str(arg) for arg in argv]) == 0
    return {"score": plain.read_bytes(), "classify": labelled.read_bytes()}


@pytest.fixture
def models(tmp_path, trained):
    """The two models, each test's own copies in its folder, and a file of
    names."""
    plain, labelled = tmp_path / "plain.skops", tmp_path / "lab.skops"
    plain.write_bytes(trained["score"])
    labelled.write_bytes(trained["classify"])
    names = _flags_file(tmp_path, ["Zoë", "Anna"])
    return {"score": plain, "classify": labelled}, names


def _follow_run(err, capsys):
    """Run the command the message gives after "run: "."""
    command = shlex.split(err.split("run: ", 1)[1].strip())
    assert command[0] == "sknextchar"
    return _run(capsys, *command[1:])


@pytest.mark.slow
@pytest.mark.parametrize("command", ["score", "classify"])
@pytest.mark.parametrize("where", ["NAME", "--names-file"])
def test_model_and_names_file_swapped_are_said_swapped(
    command, where, models, tmp_path, capsys, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    model, names = models[0][command].name, models[1].name
    extra = ["Ali"] if where == "NAME" else []
    if where == "NAME":
        argv = [command, names, model, *extra]
    else:
        argv = [command, names, *extra, "--names-file", model]
    status, _, err = _run(capsys, *argv)
    assert status == 1 and "swapped" in err
    # a path after its flag is shown as a shell word, as the user types it
    shown = f"'{model}'" if where == "NAME" else model
    assert f"MODEL '{names}' and {where} {shown} are swapped" in err
    assert f"run: sknextchar {command} {model} " in err
    status, out, err = _follow_run(err, capsys)
    assert status == 0, err
    assert "Zoë" in out and "Anna" in out


def test_a_swap_beside_another_names_file_offers_no_command_that_drops_it(
    models, tmp_path, capsys, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    model, names = models[0]["score"].name, models[1].name
    other = tmp_path / "more.txt"
    other.write_text("Anna\n", encoding="utf-8")
    status, _, err = _run(capsys, "score", names, model, "--names-file", other.name)
    assert status == 1 and "swapped" in err
    # No command line reads both files of names: none is offered.
    assert "run:" not in err and "score each in its own run" in err
    # Followed: each file in its own run, the model first.
    for each in (names, other.name):
        assert _run(capsys, "score", model, "--names-file", each)[0] == 0


def test_a_model_as_names_file_names_the_command_run(models, capsys):
    model = models[0]["classify"]
    status, _, err = _run(capsys, "classify", model, "--names-file", model)
    assert status == 1 and "classify reads its model from MODEL" in err
    assert "sample" not in err and "'sknextchar score'" not in err


def test_a_model_as_exclude_file_is_told_for_what_it_is(
    models, tmp_path, capsys, monkeypatch
):
    # The model itself was told to be passed "as the MODEL of 'sknextchar
    # sample'", which it already was.
    monkeypatch.chdir(tmp_path)
    plain, labelled = models[0]["score"].name, models[0]["classify"].name
    status, _, err = _run(capsys, "sample", plain, "--exclude-file", plain)
    assert status == 1 and "pass it as the MODEL" not in err
    assert f"--exclude-file {plain} is the model file itself, the MODEL of" in err
    assert "--exclude-file takes a text file of names to leave out" in err
    status, _, err = _run(capsys, "sample", plain, "--exclude-file", labelled)
    assert status == 1 and "pass it as the MODEL" not in err
    assert f"--exclude-file {labelled} is a model file, not a text file" in err
    # Followed: a file of names, or --novel.
    for advice in (["--exclude-file", models[1].name], ["--novel"]):
        status, out, err = _run(capsys, "sample", plain, *advice, "-n", "3")
        assert status == 0 and len(out.split()) == 3, err


def test_a_name_argument_too_long_for_a_name_is_told_as_an_argument(models, capsys):
    # It was told to "give each name a line of its own", as a file's line.
    pasted = ", ".join(["Zoë", "Anna"] * 200)
    status, _, err = _run(capsys, "score", models[0]["score"], "Zoë", pasted)
    assert status == 1
    assert f"NAME {long_name_words(pasted)}. Give each name a NAME of its own" in err
    status, out, err = _run(capsys, "score", models[0]["score"], *pasted.split(", "))
    assert status == 0 and "Zoë" in out and "Anna" in out, err


def test_kneser_ney_warns_once_of_names_folding_changes(tmp_path, capsys):
    path = _flags_file(tmp_path, ["Anna", "Zoë", "Йосиф", "Андрей", "Paul", "Mary"])
    argv = ["train", path, "--strip-accents", "unicode", "-o", tmp_path / "m.skops"]
    status, _, err = _run(capsys, *argv, *KN)
    assert status == 0, err
    assert err.count("warning:") == 1 and err.count("are learned changed") == 1
    assert "2 names are learned changed" in err


def test_an_mlp_flag_to_kneser_ney_says_to_leave_it_out(tmp_path, capsys):
    path = _flags_file(tmp_path, WESTERN)
    argv = ["train", path, "-o", tmp_path / "m.skops", *KN]
    status, _, err = _run(capsys, *argv, "--max-iter", "3")
    assert status == 1 and "--max-iter sets the MLP" in err and "leave it out" in err
    assert _run(capsys, *argv)[0] == 0


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_a_full_output_is_said_in_one_line(tmp_path, capsys):
    path = _flags_file(tmp_path, WESTERN)
    model = tmp_path / "m.skops"
    assert _run(capsys, "train", path, "-o", model, *KN)[0] == 0
    command = [sys.executable, "-m", "sknextchar", "sample", str(model), "-n", "50"]
    with open("/dev/full", "w") as full:
        done = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Errno" not in done.stderr
    assert "could not be written: no space left" in done.stderr
    # Followed: the same command, its output written where there is room.
    status, out, _ = _run(capsys, *command[3:])
    assert status == 0 and len(out.split()) == 50
