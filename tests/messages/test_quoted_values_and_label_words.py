"""More messages that misled (a QA pass); see also
test_alphabet_and_emptied_name_advice.py.

1. The command line quotes names and paths as given: only a message's own
   wrapping is joined, never the runs of spaces of a quoted value.
2. ``--unique --novel`` asks for distinct new names, ``--unique`` for distinct
   names.
3. An unknown label says ``--label`` and "--labels at training" on the
   command line, and names the label it likely meant (case aside).
4. An infinite held-out NLL of ``--add-k 0`` says why, and what to pass.
"""

from pathlib import Path

import numpy as np
import pytest
from sklearn.base import BaseEstimator
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    PerLabelClassifier,
)
from sknextchar._labels import check_label_values
from sknextchar.cli import main
from sknextchar.cli._errors import one_line
from sknextchar.datasets import load_indian_names
from sknextchar.metrics import sample_report
from tests._command_runs import run

KN = ["--model", "kneser-ney", "--seed", "0"]


@pytest.fixture(scope="module")
def names_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("data") / "names.txt"
    path.write_text("\n".join(load_indian_names()[::50]) + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def model(tmp_path_factory, names_file):
    path = tmp_path_factory.mktemp("model") / "m.skops"
    assert main(["train", names_file, *KN, "-o", str(path)]) == 0
    return str(path)


@pytest.fixture(scope="module")
def labelled_model(tmp_path_factory):
    folder = tmp_path_factory.mktemp("labelled")
    names = load_indian_names()[::300]
    rows = [f"{name},{'FM'[i % 2]}" for i, name in enumerate(names)]
    (folder / "lab.csv").write_text("name,sex\n" + "\n".join(rows) + "\n")
    path = folder / "lf.skops"
    argv = ["train", folder / "lab.csv", "--labels", "sex", *KN, "-o", path]
    assert main([str(arg) for arg in argv]) == 0
    return str(path)


# --------------------------------------------------------------------------- #
# 1. Quoted values as given.
# --------------------------------------------------------------------------- #
def test_one_line_joins_the_wrapping_only():
    assert one_line("Cannot load\n   'm.skops'.\n") == "Cannot load 'm.skops'."
    assert one_line("a\r\n\tb") == "a b"
    assert one_line("names[0]='Mary  Ann'") == "names[0]='Mary  Ann'"


# main() from Python can be given a lone surrogate, which no shell passes: the
# message quoting the value raised UnicodeEncodeError (or, for train --labels,
# printed Python's bare "'utf-8' codec can't encode character").
@pytest.mark.parametrize("flag", ["--label", "--pattern", "--names-column", "--labels"])
def test_a_lone_surrogate_in_a_value_is_shown_as_its_code_point(
    capsys, model, labelled_model, flag
):
    csv = str(Path(labelled_model).parent / "lab.csv")
    argv = {
        "--label": ["sample", model, "-n", "2"],
        "--pattern": ["sample", model, "-n", "2"],
        "--names-column": ["classify", labelled_model, "--names-file", csv],
        "--labels": ["train", csv, *KN, "-o", f"{csv}.skops"],
    }[flag]
    status, _, err = run(capsys, *argv, flag, "\ud800")
    assert status == 1 and "Traceback" not in err and "codec" not in err
    assert f"{flag} $'\\ud800'" in err, err


def test_a_missing_model_file_is_quoted_as_given(capsys, tmp_path):
    missing = tmp_path / "my  model.skops"
    status, _, err = run(capsys, "sample", missing)
    assert status == 1 and f"{str(missing)!r}" in err, err


def test_a_name_is_quoted_as_given(capsys, model):
    status, _, err = run(capsys, "score", model, "Mary  Ann")
    assert status == 1 and "'Mary  Ann'" in err, err


# --------------------------------------------------------------------------- #
# 2. Distinct names, and new ones only with novel.
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize(
    ("novel", "requested"),
    [(False, "requested distinct names"), (True, "requested distinct new names")],
)
def test_a_unique_shortfall_says_new_only_with_novel(novel, requested):
    pipe = make_pipeline(ContextWindowTransformer(alphabet="ab"), KneserNeyClassifier())
    sampler = NameSampler(pipe, max_length=10).fit(["ab", "ba"] * 5)
    # Mostly 'ab' and 'ba': one round cannot give 50 distinct names.
    with pytest.raises(ValueError, match="Could only generate") as caught:
        sampler.sample(50, unique=True, novel=novel, max_rounds=1, random_state=0)
    assert requested in str(caught.value), str(caught.value)


# --------------------------------------------------------------------------- #
# 3. Unknown labels.
# --------------------------------------------------------------------------- #
def _labelled(classes):
    model = BaseEstimator()
    model.label_classes_ = np.array(classes)
    return model


def test_an_unknown_label_names_its_match_with_case_ignored():
    with pytest.raises(ValueError, match=r"did you mean 'F'\?"):
        check_label_values(_labelled(["F", "M"]), "f", 1)
    with pytest.raises(ValueError, match=r"pass one of \['F', 'M'\]\.$"):
        check_label_values(_labelled(["F", "M"]), "x", 1)
    with pytest.raises(ValueError, match=r"pass one of \[.*\]\.$"):  # two matches
        check_label_values(_labelled(["F", "f2", "FF", "ff"]), "fF", 1)


def test_sample_report_names_the_label_meant():
    by_label = PerLabelClassifier(KneserNeyClassifier())
    pipe = make_pipeline(ContextWindowTransformer(), by_label)
    sampler = NameSampler(pipe).fit(["asha", "ravi", "amit"], ["F", "M", "M"])
    with pytest.raises(ValueError, match=r"Unknown label 'm'.*did you mean 'M'\?"):
        sample_report(["asha"], sampler, label="m")


@pytest.mark.parametrize(
    "argv",
    [
        ["sample", "{model}", "--label", "f"],
        ["score", "{model}", "asha", "--label", "f"],
        ["table", "{model}", "as", "--label", "f"],
    ],
)
def test_cli_unknown_label_names_the_flags(capsys, labelled_model, argv):
    status, _, err = run(capsys, *(arg.format(model=labelled_model) for arg in argv))
    assert status == 1, err
    # Was "Unknown --label f: this model knows the labels
    # [...] (those of --labels at training); pass one of them: did you mean --label
    # F?" (168 characters for --label femal, measured)
    assert err == "sknextchar: error: Unknown --label f: did you mean --label F?\n"
    assert " y " not in err


# --------------------------------------------------------------------------- #
# 4. An infinite held-out NLL says why.
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize(("add_k", "explained"), [("0", True), ("1", False)])
def test_an_infinite_held_out_nll_says_why(
    capsys, names_file, tmp_path, add_k, explained
):
    argv = ["train", names_file, *KN, "--add-k", add_k, "-o", tmp_path / "m.skops"]
    status, out, err = run(capsys, *argv)
    assert status == 0, err
    assert ("Held-out NLL: inf" in out) is explained, out
    assert ("probability is 0 with --add-k 0" in out) is explained, out
    assert ("pass --add-k 1" in out) is explained, out
