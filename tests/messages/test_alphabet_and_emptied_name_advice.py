"""Messages that misled (a QA pass), each made to say what is true and doable.

1. A fitted model cannot be passed alphabet='auto': a name that
   ``handle_unknown='drop'`` empties asks to train the model again with it
   (``--alphabet auto`` on the command line, where score, classify, sample and
   table have no --alphabet).
2. A prefix or a table's CONTEXT is no list of names: its unknown characters
   are to be removed, not "the prefixes" cleaned.
3. ``--unique`` without ``--novel`` asks for distinct names, not new ones.
4. A NAME argument is stripped of the spaces around it, as a line of a names
   file is.
5. A column of whole numbers read as labels hints at ``--counts``.
"""

import pytest

from sknextchar import ContextWindowTransformer
from sknextchar._decoding import SamplingControls
from sknextchar._generation import sample_new_names
from sknextchar._set_request import SetRequest
from sknextchar.cli import main
from sknextchar.datasets import load_indian_names
from tests._command_runs import run

KN = ["--model", "kneser-ney", "--seed", "0", "-q"]


@pytest.fixture(scope="module")
def names_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("data") / "names.txt"
    path.write_text("\n".join(load_indian_names()[::50]) + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def drop_model(tmp_path_factory, names_file):
    """A count model trained with --handle-unknown drop (alphabet a to z)."""
    path = tmp_path_factory.mktemp("model") / "drop.skops"
    argv = ["train", names_file, "--handle-unknown", "drop", *KN, "-o", str(path)]
    assert main(argv) == 0
    return str(path)


# --------------------------------------------------------------------------- #
# 1. A name left without characters: train again, or (while fitting) pass.
# --------------------------------------------------------------------------- #
def test_a_fitted_transformer_says_to_train_again_for_an_emptied_name():
    fitted = ContextWindowTransformer(handle_unknown="drop").fit(["asha", "ravi"])
    with pytest.raises(ValueError, match="neither learned nor scored") as caught:
        fitted.transform(["123"])
    message = str(caught.value)
    assert "train the model again with alphabet='auto'" in message, message
    assert "pass alphabet" not in message


def test_fitting_still_says_to_pass_the_alphabet():
    transformer = ContextWindowTransformer(handle_unknown="drop", alphabet="ab")
    with pytest.raises(ValueError, match="neither learned nor scored") as caught:
        transformer.fit(["ab", "123"])
    assert "remove it, or pass alphabet='auto'" in str(caught.value)


def test_a_learned_alphabet_is_not_told_to_learn_its_alphabet():
    fitted = ContextWindowTransformer(alphabet="auto", handle_unknown="drop")
    fitted.fit(["asha", "ravi"])
    with pytest.raises(ValueError, match="neither learned nor scored") as caught:
        fitted.transform(["123"])
    message = str(caught.value)
    assert "an alphabet that holds its characters" in message, message
    assert "with alphabet='auto' (or" not in message


def test_cli_score_names_no_flag_that_score_lacks(capsys, drop_model):
    status, _, err = run(capsys, "score", drop_model, "123")
    assert status == 1 and "neither learned nor scored" in err, err
    assert "train the model again ('sknextchar train NAMES_FILE -o MODEL') with " \
        "--alphabet auto" in err, err  # fmt: skip
    assert "pass --alphabet" not in err


def test_cli_classify_of_an_emptied_name_says_to_train_again(capsys, tmp_path):
    table = tmp_path / "lab.csv"
    names = load_indian_names()[::300]
    rows = [f"{name},{'fm'[i % 2]}" for i, name in enumerate(names)]
    table.write_text("name,sex\n" + "\n".join(rows) + "\n", encoding="utf-8")
    model = tmp_path / "lab.skops"
    argv = ["train", table, "--labels", "sex", "--handle-unknown", "drop", *KN]
    assert run(capsys, *argv, "-o", model)[0] == 0
    status, _, err = run(capsys, "classify", model, "123")
    assert status == 1 and "train the model again (" in err, err
    assert "pass --alphabet" not in err


# --------------------------------------------------------------------------- #
# 2. Unknown characters of a prefix or a context: remove them.
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize(
    "argv", [["table", "{model}", "a1"], ["sample", "{model}", "--prefix", "a1"]]
)
def test_a_prefix_with_unknown_characters_is_not_called_prefixes(
    capsys, drop_model, argv
):
    status, _, err = run(capsys, *(arg.format(model=drop_model) for arg in argv))
    assert status == 1 and "Found characters outside the vocabulary" in err, err
    assert "Remove that character, or train the model again" in err, err  # '1'
    assert "prefixes" not in err


def test_unknown_characters_of_names_still_say_clean_the_names():
    fitted = ContextWindowTransformer().fit(["asha"])
    with pytest.raises(ValueError, match="Clean the name, or train the model"):
        fitted.transform(["a1"])  # one name: "the name"
    with pytest.raises(ValueError, match="Clean the names, or train the model"):
        fitted.transform(["a1", "b2"])


# --------------------------------------------------------------------------- #
# 3. Distinct names are not new names unless novel was asked.
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize(
    ("novel", "requested"),
    [(False, "requested distinct names"), (True, "requested distinct new names")],
)
def test_a_shortfall_says_new_only_for_novel(novel, requested):
    def sample(n):
        return ["same"] * n

    with pytest.raises(ValueError, match="Could only generate 1 of the 2") as caught:
        sample_new_names(
            sample,
            SetRequest(2, unique=True, exclude=set(), max_rounds=2, novel=novel,
                       controls=SamplingControls(temperature=0, max_length=7)),
        )  # fmt: skip
    assert requested in str(caught.value), str(caught.value)


# --------------------------------------------------------------------------- #
# 4. A NAME argument is stripped, as a names file's line is.
# --------------------------------------------------------------------------- #
def test_a_name_argument_is_stripped_as_a_names_file_line_is(
    capsys, drop_model, tmp_path
):
    listed = tmp_path / "names.txt"
    listed.write_text("asha \n", encoding="utf-8")
    status, from_file, err = run(capsys, "score", drop_model, "--names-file", listed)
    assert status == 0, err
    status, from_argument, err = run(capsys, "score", drop_model, "asha ")
    assert status == 0, err
    assert from_argument == from_file
    assert from_argument.splitlines()[1].split()[1] == "asha"


# --------------------------------------------------------------------------- #
# 5. Whole numbers as labels: did you mean --counts?
# --------------------------------------------------------------------------- #
def _table(path, column, values):
    names = load_indian_names()[::100][: len(values)]
    rows = [f"{name},{value}" for name, value in zip(names, values)]
    path.write_text(f"name,{column}\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("values", "hinted"),
    [
        # 20 distinct numbers: twice the 10 above which they look like counts
        # (each distinct label is a model to train and save: 40 took 1 s).
        ([str(3 * i + 1) for i in range(20)], True),
        (["1", "2"] * 20, False),  # a few numbered classes
        (["f", "m"] * 20, False),
        ([f"{i}a" for i in range(20)], False),  # not whole numbers
    ],
)
def test_a_column_of_counts_as_labels_hints_at_counts(capsys, tmp_path, values, hinted):
    table = _table(tmp_path / "lab.csv", "count", values)
    # A joblib file: the message is the point, and skops takes 5 times as long
    # to write and check a model of 20 labels.
    argv = ["train", table, "--labels", "count", *KN, "-o", tmp_path / "m.joblib"]
    status, _, err = run(capsys, *argv)
    assert status == 0, err
    assert ("did you mean --counts count?" in err) is hinted, err
