"""Command-line messages about tables, counts and plots, each made true and doable.

1. A table's column of whole numbers is offered as ``--counts``, not as labels.
2. ``plot -o`` with a suffix that matplotlib cannot write here is one line.
3. ``--counts`` on a table without a column of names asks for ``--names-column``.
4. A count model whose context is too long names ``--context-length``.
5. ``--labels`` finds its column with case ignored, as ``--counts`` does.
6. Wording: one flag "sets" ("leave it out"), ``--chunk-size`` with the count
   model, no ``--labels`` advice where it is refused, no ``--max-length`` advice
   past its limit.
"""

import os

import pytest

from sknextchar.cli import build_parser, main
from sknextchar.datasets._tables import find_table
from tests._command_runs import run

KN = ["--model", "kneser-ney", "--context-length", "2"]
MLP = ["--max-iter", "2", "--hidden-layer-sizes", "8", "--seed", "0"]
NAMES = ["anna", "ravi", "maria", "john", "omar", "sara", "yuki", "pedro", "ines",
         "karl", "mona", "zoe", "liam", "ella", "noah", "leo"]  # fmt: skip


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the model files


def table(name, header, rows):
    with open(name, "w", encoding="utf-8") as f:
        f.write(header + "\n" + "".join(",".join(map(str, r)) + "\n" for r in rows))
    return name


@pytest.fixture
def counts_csv():
    return table(
        "counts.csv", "name,count", [(n, 3 * i + 1) for i, n in enumerate(NAMES)]
    )


@pytest.fixture
def us_csv():
    rows = [(n, "FM"[i % 2], 3 * i + 1) for i, n in enumerate(NAMES)]
    return table("us.csv", "name,sex,count", rows)


# --------------------------------------------------------------------------- #
# 1. A column of whole numbers: --counts, not --labels
# --------------------------------------------------------------------------- #
def test_the_note_offers_a_count_column_as_counts(capsys, counts_csv):
    status, _, err = run(capsys, "train", counts_csv, *KN, "-o", "m.skops")
    assert status == 0, err
    note = err.splitlines()[0]
    assert "--labels" not in note, note
    assert note.endswith("pass --counts count."), note


def test_the_note_offers_a_column_of_fractions_as_counts(capsys):
    # The MLP takes fractional weights: such a column is no label either.
    rows = [(n, f"{i % 3}.5") for i, n in enumerate(NAMES)]
    path = table("weights.csv", "name,weight", rows)
    argv = ["train", path, "--max-iter", "1", "--validation-fraction", "0"]
    status, _, err = run(capsys, *argv, "-o", "m.skops")
    assert status == 0, err
    note = err.splitlines()[0]
    assert "--labels" not in note, note
    assert note.endswith("pass --counts weight."), note


def test_the_note_offers_labels_and_counts_apart(capsys, us_csv):
    status, _, err = run(capsys, "train", us_csv, *KN, "-o", "m.skops")
    assert status == 0, err
    note = err.splitlines()[0]
    assert "; to train by label, pass --labels sex;" in note, note
    assert "'count'" not in note.split("--counts")[0], note
    assert note.endswith("pass --counts count."), note


def test_number_columns_look_at_every_row():
    from sknextchar.cli._column_note import number_columns

    header = "name,sex,count,year"
    lines = [header, "Ava,F,3,1990", "Bo,M,,19x0", "Cy,M,12,2001"]
    found = number_columns(
        lines, find_table(header, "us.csv"), ["sex", "count", "year"]
    )
    assert found == ["count"]


@pytest.mark.slow
def test_a_column_of_number_shares_as_labels_warns(capsys):
    rows = [(n, f"0.{i:03d}") for i, n in enumerate(NAMES)]
    path = table("shares.csv", "name,share", rows)
    argv = ["train", path, "--labels", "share", *KN, "--validation-fraction", "0"]
    status, _, err = run(capsys, *argv, "-o", "m.skops")
    assert status == 0, err
    assert "Every label of --labels share is a number" in err, err
    assert "did you mean --counts share?" in err, err


# --------------------------------------------------------------------------- #
# 2. plot -o: a format that cannot be written is one line, and nothing is left
# --------------------------------------------------------------------------- #
@pytest.fixture(scope="module")
def mlp_model(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mlp")
    names = folder / "names.txt"
    names.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    model = folder / "m.skops"
    assert main(["train", str(names), *MLP, "-o", str(model)]) == 0
    return str(model)


@pytest.mark.parametrize(
    ("output", "said"),
    [
        ("e.txt", "-o 'e.txt' has the suffix '.txt', which is no picture format"),
        ("e.pgf", "-o 'e.pgf': matplotlib cannot write a .pgf picture"),
    ],
)
def test_plot_to_a_format_it_cannot_write_is_one_line(
    capsys, mlp_model, output, said, monkeypatch
):
    pytest.importorskip("matplotlib")
    if output.endswith(".pgf"):  # as on a machine without LaTeX
        monkeypatch.setitem(os.environ, "PATH", "")
    capsys.readouterr()
    status, out, err = run(capsys, "plot", mlp_model, "--embeddings", "-o", output)
    assert status == 1
    assert len(err.splitlines()) == 1, err
    assert said in err and "such as .png, .svg or .pdf" in err, err
    assert "Traceback" not in err and "rcParams" not in err, err
    assert os.listdir(".") == [], os.listdir(".")


# --------------------------------------------------------------------------- #
# 3. --counts on a table without a column of names
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize("chunks", [[], ["--chunk-size", "1"]])
def test_counts_without_a_names_column_asks_for_names_column(capsys, chunks):
    path = table("c.csv", "first,count", [("anna", 3), ("ravi", 2)])
    argv = ["train", path, "--counts", "count", *chunks, *MLP, "-o", "o.skops"]
    status, _, err = run(capsys, *argv, "--validation-fraction", "0")
    assert status == 1
    assert "pass --names-column COLUMN" in err and "--names-column first" in err, err
    assert "is not a column of" not in err, err


# --------------------------------------------------------------------------- #
# 4. A count model's context too long for 64-bit n-grams
# --------------------------------------------------------------------------- #
def test_a_context_too_long_for_the_count_model_names_context_length(capsys):
    with open("n.txt", "w", encoding="utf-8") as f:
        f.write("\n".join(NAMES) + "\n")
    argv = ["train", "n.txt", "--model", "kneser-ney", "--context-length", "40"]
    status, _, err = run(capsys, *argv, "-q", "-o", "y.skops")
    assert status == 1
    assert err.startswith("sknextchar: error: --context-length 40 is too long"), err
    assert "Pass --context-length 12 or less" in err, err
    assert "--order 41" not in err and "context ids" not in err, err
    argv[-1] = "12"
    assert run(capsys, *argv, "-q", "-o", "y.skops")[0] == 0


def test_an_order_too_long_for_windows_has_no_advice_on_ids():
    from sknextchar import ContextWindowTransformer, KneserNeyClassifier

    windows = ContextWindowTransformer(context_length=19).fit_transform(NAMES)
    with pytest.raises(ValueError) as error:
        KneserNeyClassifier(order=20).fit(windows)
    message = str(error.value)
    assert "order=20 is too long" in message and "order=13 or less" in message
    assert "number the context ids" not in message
    with pytest.raises(ValueError) as error:
        KneserNeyClassifier().fit(windows)
    assert "Pass context_length=12 or less" in str(error.value)


# --------------------------------------------------------------------------- #
# 5. --labels with the header's case
# --------------------------------------------------------------------------- #
def test_labels_match_the_header_with_case_ignored(capsys, us_csv):
    argv = ["train", us_csv, "--labels", "SEX", *KN, "--validation-fraction", "0"]
    status, _, err = run(capsys, *argv, "-o", "m.skops")
    assert status == 0, err


def test_labels_matching_two_headers_names_both(capsys):
    path = table("twin.csv", "name,Sex,SEX", [("anna", "f", "f"), ("ravi", "m", "m")])
    status, _, err = run(capsys, "train", path, "--labels", "sex", *KN, "-o", "m.skops")
    assert status == 1
    assert "(did you mean --labels Sex or --labels SEX?)" in err, err


@pytest.mark.parametrize(
    ("header", "given", "more", "offered"),
    [
        ("name,label,First Gender", "lable", [], "label"),
        ("name,label,First Gender", "frist gender", [], "'First Gender'"),
        ("given,label", "lable", [], "label"),  # a first row that may be data
        ("name,sex,count", "sx", ["--counts", "count"], "sex"),
    ],
)
def test_a_misspelt_labels_column_offers_the_close_header(
    capsys, header, given, more, offered
):
    # As --names-column does: a misspelling, not only another case, is offered.
    path = table("spelt.csv", header, [("anna", "f", "3"), ("ravi", "m", "4")])
    argv = ["train", path, "--labels", given, *more, *KN, "-o", "m.skops"]
    status, _, err = run(capsys, *argv)
    assert status == 1 and "Traceback" not in err
    assert f"(did you mean --labels {offered}?)" in err, err
    assert not os.path.exists("m.skops")


@pytest.mark.parametrize(
    ("header", "given", "more"),
    [
        ("name,label", "xyz", []),
        ("name,label", "nmae", []),  # the column of names: no column of labels
        ("given,label", "givn", ["--names-column", "given"]),
        ("given,label", "givn", []),  # the first column holds the names
        ("Mabel,f", "label", []),  # no header row: a name is no column
        ("Rex,m", "sex", []),
        ("name,sex,count", "cont", ["--counts", "count"]),
        ("Mabel,female", "femal", []),  # a label below too: a value, no header
    ],
)
def test_a_labels_column_close_to_no_other_header_offers_none(
    capsys, header, given, more
):
    width = header.count(",") + 1
    rows = [("Anna", "female", "3")[:width], ("Ravi", "male", "4")[:width]]
    path = table("far.csv", header, rows)
    argv = ["train", path, "--labels", given, *more, *KN, "-o", "m.skops"]
    status, _, err = run(capsys, *argv)
    assert status == 1 and "did you mean" not in err, err
    assert not os.path.exists("m.skops")


# --------------------------------------------------------------------------- #
# 6. Wording
# --------------------------------------------------------------------------- #
def test_one_count_flag_without_the_count_model_sets(capsys, counts_csv):
    status, _, err = run(capsys, "train", counts_csv, "--add-k", "1", "-o", "m.skops")
    assert status == 1
    assert "--add-k sets the count model" in err and "leave it out" in err, err


def test_chunk_size_with_the_count_model_offers_leaving_it_out(capsys, counts_csv):
    argv = ["train", counts_csv, "--counts", "count", "--chunk-size", "50"]
    status, _, err = run(capsys, *argv, *KN, "-o", "m.skops")
    assert status == 1
    assert "leave out --chunk-size" in err and "--model mlp" in err, err
    help_text = build_parser()._subparsers._group_actions[0].choices["train"]
    assert "train the neural network" in help_text.format_help().replace("\n", " ")


def test_resume_does_not_offer_labels(capsys, us_csv):
    assert run(capsys, "train", us_csv, *MLP, "-o", "m.skops")[0] == 0
    argv = ["train", us_csv, "--resume", "m.skops", "--max-iter", "3"]
    status, _, err = run(capsys, *argv, "-o", "r.skops")
    assert status == 0, err
    note = err.splitlines()[0]
    assert note.startswith("Note: ") and "--labels" not in note, note
    assert note.endswith("pass --counts count."), note


def test_a_prefix_past_the_length_limit_only_asks_to_shorten_it(capsys, mlp_model):
    prefix = "a" * 2000
    status, _, err = run(capsys, "sample", mlp_model, "--prefix", prefix)
    assert status == 1
    assert "raise --max-length" not in err, err
    assert "shorten the prefix to 1,000 letters or fewer" in err, err
    status, _, err = run(capsys, "sample", mlp_model, "--prefix", "a" * 40)
    assert "raise --max-length or shorten the prefix" in err, err


def test_one_line_of_another_encoding_is_one_line(tmp_path):
    from sknextchar.datasets._encoding import check_utf8_misread

    data = "".join(f"zoë{c}\n" for c in "abcdef").encode() + "renée\n".encode(
        "cp1252"
    ) + "".join(f"zoë{c}\n" for c in "ghijkl").encode()  # fmt: skip
    with pytest.raises(ValueError) as error:
        check_utf8_misread(data, "mixed.txt", "cp1252")
    assert "but for 1 line in another encoding" in str(error.value)
