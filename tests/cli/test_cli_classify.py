"""``sknextchar classify`` and ``plot --label``: models trained with --labels."""

import argparse

import numpy as np
import pytest

from sknextchar import load_model
from sknextchar.cli import main
from sknextchar.cli._flags import LABEL_WEIGHT
from tests.labels.test_labels import ending_corpus

KN = ["--model", "kneser-ney", "--context-length", "3", "-q"]


@pytest.fixture(scope="module")
def labelled_model(tmp_path_factory):
    """A count model per label of the ending corpus (A ends in "a", B in "o")."""
    folder = tmp_path_factory.mktemp("classify")
    names, labels = ending_corpus()
    csv_file = folder / "names.csv"
    rows = "".join(f"{n},{lab}\n" for n, lab in zip(names, labels))
    csv_file.write_text("name,label\n" + rows, encoding="utf-8")
    model = folder / "by_label.skops"
    assert (
        main(["train", str(csv_file), "--labels", "label", *KN, "-o", str(model)]) == 0
    )
    return model


def table(text):
    """The printed rows: name -> (label, [P(A), P(B)])."""
    lines = text.splitlines()
    assert lines[0].split() == ["name", "label", "P(A)", "P(B)"]
    rows = {}
    for line in lines[1:]:
        name, label, *cells = line.split()
        rows[name] = (label, [float("nan") if c == "-" else float(c) for c in cells])
    return rows


def bayes(model, names, priors):
    """The oracle: prior times likelihood, normalised, from each label's scores."""
    sampler = load_model(model)
    likelihood = np.exp(
        np.stack([sampler.score_samples(names, label=lab) for lab in "AB"], axis=1)
    )
    joint = likelihood * np.asarray(priors)
    return joint / joint.sum(axis=1, keepdims=True)


@pytest.mark.parametrize(
    "flags, priors",
    [([], [0.5, 0.5]), (["--priors", "A=1", "B=3"], [0.25, 0.75]),
     (["--priors", "B=0.9", "A=0.1"], [0.1, 0.9])],
)  # fmt: skip
def test_probabilities_are_bayes_rule_with_the_priors(
    labelled_model, capsys, flags, priors
):
    names = ["bebuta", "bebuto", "kalo", "mira", "bo"]
    assert main(["classify", str(labelled_model), *names, *flags]) == 0
    rows = table(capsys.readouterr().out)
    expected = bayes(labelled_model, names, priors)
    assert list(rows) == names  # the order given
    for name, want in zip(names, expected):
        label, got = rows[name]
        np.testing.assert_allclose(got, want, atol=6e-4)
        assert label == "AB"[int(np.argmax(want))]


def test_the_label_follows_the_ending_on_the_training_names(labelled_model, capsys):
    names, labels = ending_corpus()
    assert main(["classify", str(labelled_model), *names]) == 0
    rows = table(capsys.readouterr().out)
    predicted = [rows[name][0] for name in names]
    assert np.mean(np.array(predicted) == np.array(labels)) >= 0.95


def test_a_zero_prior_never_wins(labelled_model, capsys):
    assert (
        main(["classify", str(labelled_model), "bebuta", "--priors", "A=0", "B=1"]) == 0
    )
    label, proba = table(capsys.readouterr().out)["bebuta"]
    assert label == "B" and proba == [0.0, 1.0]


def test_names_file_with_a_byte_order_mark(labelled_model, tmp_path, capsys):
    names_file = tmp_path / "names.txt"
    names_file.write_text("\ufeffbebuta\r\n\r\nkalo\r\n", encoding="utf-8")
    args = ["classify", str(labelled_model), "mira", "--names-file", str(names_file)]
    assert main(args) == 0
    assert list(table(capsys.readouterr().out)) == ["mira", "bebuta", "kalo"]


def test_a_name_impossible_under_every_label_gets_dashes(tmp_path, capsys):
    # Unsmoothed counts (add-k 0) give an unseen n-gram probability 0.
    names, labels = ending_corpus()
    (tmp_path / "names.txt").write_text("\n".join(names) + "\n")
    (tmp_path / "labels.txt").write_text("\n".join(labels) + "\n")
    model = tmp_path / "counts.skops"
    assert main(["train", str(tmp_path / "names.txt"), "--labels",
                 str(tmp_path / "labels.txt"), "--add-k", "0", *KN,
                 "-o", str(model)]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["classify", str(model), "zzzz", "bebuto"]) == 0
    rows = table(capsys.readouterr().out)
    assert rows["zzzz"][0] == "-" and np.isnan(rows["zzzz"][1]).all()
    assert rows["bebuto"][0] == "B"


@pytest.mark.parametrize(
    "flags, status, message",
    [
        (["--priors", "A=1"], 1, "one LABEL=WEIGHT for each label of the model (A, B)"),
        (["--priors", "A=1", "B=1", "C=1"], 1, "got A=1 B=1 C=1"),
        (["--priors", "A=1", "A=2", "B=1"], 1, "each once"),
        (["--priors", "A=0", "B=0"], 1, "a weight of 0"),
        (["--priors", "A=x", "B=1"], 2, "argument --priors: expected LABEL=WEIGHT"),
        (["--priors", "A=-1", "B=1"], 2, "got 'A=-1'"),
    ],
)
def test_bad_priors_are_one_line_errors(labelled_model, capsys, flags, status, message):
    assert main(["classify", str(labelled_model), "bebuta", *flags]) == status
    captured = capsys.readouterr()
    assert message in captured.err and "Traceback" not in captured.err
    assert captured.out == ""


def test_a_model_without_labels_is_an_error_that_says_how_to_get_one(tmp_path, capsys):
    names, _ = ending_corpus()
    (tmp_path / "names.txt").write_text("\n".join(names) + "\n")
    model = tmp_path / "plain.skops"
    assert main(["train", str(tmp_path / "names.txt"), *KN, "-o", str(model)]) == 0
    capsys.readouterr()
    assert main(["classify", str(model), "bebuta"]) == 1
    err = capsys.readouterr().err
    assert "trained without labels" in err and "--labels COLUMN_OR_FILE" in err


def test_no_names_is_an_error(labelled_model, tmp_path, capsys):
    assert main(["classify", str(labelled_model)]) == 2
    assert "NAME or --names-file" in capsys.readouterr().err
    empty = tmp_path / "empty.txt"
    empty.write_text("\n")
    assert main(["classify", str(labelled_model), "--names-file", str(empty)]) == 1
    assert "contains no names" in capsys.readouterr().err


def test_label_weight_parses_label_equals_weight():
    assert LABEL_WEIGHT("female=0.25") == ("female", 0.25)
    assert LABEL_WEIGHT("a=b=2") == ("a=b", 2.0)  # the last "=" splits
    assert LABEL_WEIGHT("x=0") == ("x", 0.0)
    for bad in ("x", "=1", "x=", "x=-1", "x=inf", "x=nan", "x=one"):
        with pytest.raises(argparse.ArgumentTypeError, match="LABEL=WEIGHT"):
            LABEL_WEIGHT(bad)


def test_plot_draws_a_tree_of_a_label(labelled_model, tmp_path, capsys):
    path = tmp_path / "tree.png"
    args = ["plot", str(labelled_model), "--tree", "bebu", "-o", str(path)]
    assert main([*args, "--label", "B"]) == 0
    assert path.read_bytes()[:4] == b"\x89PNG"
    assert main([*args, "--force"]) == 1  # the label must be said
    assert "pass --label ..., one of them" in capsys.readouterr().err


def test_plot_needs_a_suffix_for_its_format(labelled_model, tmp_path, capsys):
    args = ["plot", str(labelled_model), "--tree", "b", "--label", "A"]
    assert main([*args, "-o", str(tmp_path / "picture")]) == 1
    assert "has no suffix" in capsys.readouterr().err
    assert not (tmp_path / "picture").exists()


def test_columns_line_up_with_wide_characters(tmp_path, capsys):
    from sknextchar._text import display_width

    path = tmp_path / "cjk.csv"
    path.write_text("name,label\n李娜,f\n王伟,m\nasha,f\nravi,m\n", encoding="utf-8")
    model = str(tmp_path / "cjk.skops")
    args = ["train", str(path), "--labels", "label", *KN, "--alphabet", "auto"]
    assert main([*args, "--validation-fraction", "0", "-o", model]) == 0
    capsys.readouterr()
    assert main(["classify", model, "李娜", "asha"]) == 0
    lines = capsys.readouterr().out.splitlines()
    starts = {display_width(line[: line.index(" f ")]) for line in lines[1:]}
    assert len(starts) == 1  # the label column starts at one terminal column
