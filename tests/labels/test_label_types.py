"""Labels that mix strings and numbers are refused by every fit by label."""

import numpy as np
import pandas as pd
import pytest
from sklearn.frozen import FrozenEstimator
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameLabelClassifier,
    NameSampler,
    PerLabelClassifier,
)
from sknextchar.datasets import load_indian_names

NAMES = [str(name) for name in load_indian_names()[:40]]
MIXED = ["a"] * 39 + [1]  # NumPy would read it as the strings '1' and 'a'
MIX = r"Mix of label input types \(string and number\) in y: y\[0\] = 'a' is a str"


def _per_label():
    return make_pipeline(
        ContextWindowTransformer(), PerLabelClassifier(KneserNeyClassifier())
    )


def _mlp():
    return make_pipeline(
        ContextWindowTransformer(), CharEmbeddingMLPClassifier(max_iter=1)
    )


@pytest.mark.parametrize(
    "fit",
    [
        # Before: "Unknown label 1: this model knows the labels ['1', 'a']".
        lambda y: NameSampler(_per_label()).fit(NAMES, y),
        # Before: fitted, with the label '1' (the 1 given later unknown).
        lambda y: NameLabelClassifier(_per_label(), cv=2).fit(NAMES, y),
        lambda y: _per_label().fit(NAMES, y),
        lambda y: _mlp().fit(NAMES, y),
    ],
    ids=["NameSampler", "NameLabelClassifier", "PerLabelClassifier", "MLP"],
)
@pytest.mark.parametrize("as_array", [False, True])
def test_every_fit_by_label_refuses_strings_mixed_with_numbers(fit, as_array):
    # An object array: before, TypeError "'<' not supported between 'int' and 'str'".
    y = np.array(MIXED, dtype=object) if as_array else MIXED
    with pytest.raises(ValueError, match=MIX + r".*y\[39\] = 1 is not"):
        fit(y)


def test_a_sampler_of_a_frozen_model_refuses_the_mix_too():
    pipe = _per_label().fit(NAMES, ["a"] * 20 + ["1"] * 20)
    with pytest.raises(ValueError, match=MIX):  # before: "Unknown label 1"
        NameSampler(FrozenEstimator(pipe)).fit(NAMES, ["a"] * 20 + [1] * 20)


def test_a_later_partial_fit_refuses_the_mix_too():
    windows = ContextWindowTransformer().fit_transform(NAMES)
    clf = CharEmbeddingMLPClassifier(random_state=0).partial_fit(
        windows, ["a"] * 20 + ["1"] * 20
    )
    with pytest.raises(ValueError, match=MIX):  # before: "y holds the labels [1]"
        clf.partial_fit(windows, ["a"] * 20 + [1] * 20)


def test_a_label_of_the_wrong_type_is_named_as_such():
    sampler = NameSampler(_per_label()).fit(NAMES, ["1"] * 20 + ["2"] * 20)
    with pytest.raises(ValueError, match=r"one of \['1', '2'\] \('1', not 1: a lab"):
        sampler.sample(2, label=1, random_state=0)
    with pytest.raises(ValueError, match=r"pass one of \['1', '2'\]\.$"):
        sampler.sample(2, label="3", random_state=0)


@pytest.mark.parametrize("where", ["sample", "sample_report"])
def test_a_label_of_another_type_is_named_alike_everywhere(where):
    # sample_report's message had drifted from sample's: it lacked the hint
    # that the label 1 is not the label '1'.
    from sknextchar.metrics import sample_report

    labels = ["1"] * 20 + ["2"] * 20
    sampler = NameSampler(_per_label()).fit(NAMES, labels)
    call = {
        "sample": lambda: sampler.sample(2, label=1, random_state=0),
        "sample_report": lambda: sample_report(NAMES[:2], sampler, label=1),
    }[where]
    with pytest.raises(ValueError, match=r"\('1', not 1: a label's type counts\)"):
        call()


@pytest.mark.parametrize(
    "command",
    [["sample", "-n", "2", "--seed", "0"], ["table", "as"], ["score", "asha"]],
    ids=["sample", "table", "score"],
)
def test_the_command_line_reaches_labels_that_are_not_text(tmp_path, capsys, command):
    # A model fitted in Python on the labels 1 and 2: --label 1 is text, and was
    # refused with a hint to pass 1 rather than '1', which a command line cannot.
    from sknextchar import save_model
    from sknextchar.cli import main

    sampler = NameSampler(_per_label()).fit(NAMES, [1] * 20 + [2] * 20)
    path = str(tmp_path / "lab.skops")
    save_model(sampler, path)
    name, *rest = command
    assert main([name, path, *rest, "--label", "1"]) == 0, capsys.readouterr().err
    assert main([name, path, *rest, "--label", "3"]) == 1
    assert "Unknown --label 3:" in capsys.readouterr().err


@pytest.mark.parametrize(
    "fit",
    [
        lambda y: NameLabelClassifier(_per_label()).fit(NAMES, y),
        lambda y: NameSampler(_per_label()).fit(NAMES, y),
        lambda y: _per_label().fit(NAMES, y),
    ],
    ids=["classifier", "sampler", "pipeline"],
)
@pytest.mark.parametrize(
    "values, dtype",
    [
        ([1, 2], "int"),
        ([np.int64(1), np.int64(2)], "int"),
        ([1.0, 2.0], "int"),  # a sampler's labels are no floats
        ([True, False], "bool"),
    ],
)
def test_numbers_in_an_object_array_are_refused_as_scikit_learn_does(
    fit, values, dtype
):
    # LogisticRegression refuses them ("Unknown label type: unknown", from
    # type_of_target), and so does a fit by label: its words first, then ours,
    # which say what the labels are and how to pass them.
    import pandas as pd
    from sklearn.linear_model import LogisticRegression

    y = np.array(values * 20, dtype=object)
    with pytest.raises(ValueError, match="^Unknown label type: unknown"):
        LogisticRegression().fit(np.arange(40.0).reshape(-1, 1), y)
    for given in (y, pd.Series(y)):
        with pytest.raises(ValueError) as caught:
            fit(given)
        assert str(caught.value).startswith("Unknown label type: unknown. y holds ")
        assert f"np.asarray(y, dtype={dtype})" in str(caught.value)
    fit(np.asarray(y, dtype=dtype))  # the advice fits


def test_fractions_in_an_object_array_are_not_told_to_become_ints():
    # np.asarray(y, dtype=int) would cut 1.5 to 1: they are told as floats,
    # which a fit by label then tells may be counts of names.
    y = np.array([1.5, 2.0] * 20, dtype=object)
    with pytest.raises(ValueError, match=r"np\.asarray\(y, dtype=float\), or as"):
        NameSampler(_per_label()).fit(NAMES, y)
    with pytest.raises(ValueError, match=r"^y holds floats \(float64\), and y is the"):
        NameSampler(_per_label()).fit(NAMES, np.asarray(y, dtype=float))


@pytest.mark.parametrize("model", [_per_label, _mlp])
@pytest.mark.parametrize(
    "as_given",
    [
        lambda y: np.asarray(y, dtype=float),
        lambda y: pd.Series(y, dtype="Float64"),
        lambda y: pd.Series(y, dtype="float32"),
    ],
    ids=["ndarray", "Float64", "float32"],
)
def test_whole_float_labels_are_classes_as_for_scikit_learn(model, as_given):
    # NameLabelClassifier's own check took [1.0, 2.0] as two classes, as
    # LogisticRegression does; its pipelines then refused them as counts.
    y = as_given([1.0, 2.0] * 20)
    expected = LogisticRegression().fit(np.arange(40).reshape(-1, 1), y).classes_
    clf = NameLabelClassifier(model()).fit(NAMES, y)
    assert clf.classes_.dtype == expected.dtype and clf.classes_.tolist() == [1.0, 2.0]
    assert set(clf.predict(NAMES[:4]).tolist()) <= {1.0, 2.0}
    assert clf.predict_proba(NAMES[:4]).shape == (4, 2)
    assert np.isfinite(clf.score(NAMES, y))


def test_float_labels_that_are_not_whole_are_still_refused():
    with pytest.raises(ValueError, match="^Unknown label type: continuous"):
        NameLabelClassifier(_per_label()).fit(NAMES, [1.5, 2.0] * 20)
