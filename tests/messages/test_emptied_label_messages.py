"""Messages written once and counted: labels that sample_weight empties, the
fitted models a loaded PerLabelClassifier should hold, and the names of
exclude= that are no one-line names."""

import pickle

import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameLabelClassifier,
    NameSampler,
    PerLabelClassifier,
)
from sknextchar.cli import main
from sknextchar.exceptions import DamagedModelError

NAMES = ["ana", "ben", "cal", "dora"]
LABELS = ["x", "y", "z", "z"]
# sample_weight that empties the label 'x', then the labels 'x' and 'y'.
ONE = ([0, 1, 1, 1], "the label 'x', so there would be nothing to learn it from")
TWO = ([0, 0, 1, 1], "the labels 'x', 'y', so there would be nothing to learn them")


def _mlp():
    return CharEmbeddingMLPClassifier(hidden_layer_sizes=(4,), max_iter=1)


def _fit_per_label(weights):
    windows = ContextWindowTransformer().fit_transform(NAMES)
    PerLabelClassifier(KneserNeyClassifier()).fit(
        windows, LABELS, sample_weight=weights
    )


def _fit_classifier(weights):
    windows = ContextWindowTransformer().fit_transform(NAMES)
    _mlp().fit(windows, LABELS, sample_weight=weights)


def _fit_name_label_classifier(weights):
    pipe = make_pipeline(ContextWindowTransformer(), _mlp())
    NameLabelClassifier(pipe).fit(NAMES, LABELS, sample_weight=weights)


@pytest.mark.parametrize(
    "fit", [_fit_per_label, _fit_classifier, _fit_name_label_classifier]
)
@pytest.mark.parametrize("weights, expected", [ONE, TWO])
def test_emptied_labels_are_named_in_one_wording(fit, weights, expected):
    with pytest.raises(ValueError) as caught:
        fit(weights)
    message = str(caught.value)
    assert message.startswith(f"sample_weight is 0 for every name of {expected}")
    assert "label(s)" not in message
    assert message.endswith("or give some of them a positive weight.")


@pytest.mark.parametrize(
    "labels, expected",
    [
        (["x", "y", "z"], "3 fitted models (one per label)"),
        (None, "1 fitted model (fitted without labels)"),
    ],
)
def test_damaged_copy_counts_the_models_it_should_hold(labels, expected):
    windows = ContextWindowTransformer().fit_transform(["ana", "ben", "cal"])
    model = PerLabelClassifier().fit(windows, labels)
    model.estimators_ = model.estimators_ * 2  # a copy edited by hand
    with pytest.raises(DamagedModelError) as caught:
        pickle.loads(pickle.dumps(model))
    assert f"it should hold {expected}" in str(caught.value)
    assert "(s)" not in str(caught.value)


@pytest.fixture(scope="module")
def sampler():
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    return NameSampler(pipe).fit(NAMES)


@pytest.mark.parametrize(
    "exclude, expected",
    [
        (["ana", "be\nn"], "each name in exclude must be one line"),
        (["ana", "be\x00n"], "at index 2 of the name: a control character"),
        (["ana", "be\x00n"], ". Remove it from exclude, or fix"),
        ({"be\x9bn"}, "an element of exclude is 'be\\x9bn', which holds"),
        ({"be\x9bn"}, ". Remove it from exclude, or fix"),
        (["be\udc80n"], "at index 2 of the name: no character"),
        (["be\udc80n"], "or remove it from exclude."),
    ],
)
def test_exclude_messages_speak_of_the_parameter(sampler, exclude, expected):
    with pytest.raises(ValueError) as caught:
        sampler.sample(2, exclude=exclude, random_state=0)
    message = str(caught.value)
    assert expected in message
    assert "the exclude" not in message


def test_prefix_messages_speak_of_a_prefix():
    transformer = ContextWindowTransformer().fit(NAMES)
    with pytest.raises(ValueError) as caught:
        transformer.encode_prefixes(["a\x01"])
    message = str(caught.value)
    assert "at index 1 of the prefix" in message
    assert "Remove it from the prefixes" in message


def test_a_prefix_with_a_line_break_is_not_advised_to_be_split():
    transformer = ContextWindowTransformer().fit(NAMES)
    with pytest.raises(ValueError) as caught:
        transformer.encode_prefixes(["an", "a\nb"])
    message = str(caught.value)
    assert "prefixes[1] is 'a\\nb', which holds a line break" in message
    assert message.endswith("a prefix is the start of one name: remove the line break.")
    assert "split" not in message


def test_at_most_20_emptied_labels_are_listed():
    labels = [f"l{i:02d}" for i in range(23)]  # 22 emptied, 'l22' kept
    names = [f"{chr(97 + i)}n{end}" for i in range(23) for end in "ao"]
    windows = ContextWindowTransformer().fit_transform(names)
    weights = np.r_[np.zeros(44), 1, 1]
    with pytest.raises(ValueError) as caught:
        PerLabelClassifier().fit(windows, np.repeat(labels, 2), sample_weight=weights)
    listed = ", ".join(repr(label) for label in labels[:20])
    expected = f"the labels {listed} and 2 more, so there would be nothing"
    assert expected in str(caught.value)
    assert "'l20'" not in str(caught.value)


def test_the_command_line_speaks_of_the_counts_column(tmp_path, capsys):
    rows = ["ana,x,0", "anna,x,0", "ben,y,2", "bob,y,1", "cal,z,3", "cleo,z,1"]
    table = tmp_path / "t.csv"
    table.write_text("name,label,count\n" + "".join(f"{r}\n" for r in rows))
    model = tmp_path / "o.skops"
    argv = [str(table), "--labels", "label", "--counts", "count", "-o", str(model)]
    status = main(["train", *argv, "--model", "kneser-ney", "-q"])
    err = capsys.readouterr().err
    assert status != 0 and not model.exists()
    assert "Traceback" not in err and "sample_weight" not in err
    assert "X and y" not in err
    assert (
        "error: Every row of the label 'x' has a count of 0 (--counts), so there "
        "would be nothing to learn it from; give some of those rows a count above "
        "0, or remove them." in err
    )
