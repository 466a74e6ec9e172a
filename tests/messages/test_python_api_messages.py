"""Messages of the Python API that a data scientist's afternoon found wrong.

A sample report against a label the sampler was given no names of gave NaN
lengths with NumPy warnings; a pattern with whitespace at its start or end drew
names until the rounds gave up; a list of training names with spaces around
them compared exactly; ``NameSampler.score`` asked for ``label=`` where it takes
``y``; a missing label of a Series with its own index was placed by ``y[2]``;
``NameLabelClassifier`` without an estimator advised a parameter it does not
have; and a ``cv`` above what the calibration's folds allow gave scikit-learn's
bare message.
"""

import re
import warnings

import numpy as np
import pandas as pd
import pytest
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameLabelClassifier,
    NameSampler,
    PerLabelClassifier,
    _sampler,
)
from sknextchar.metrics import sample_report

NAMES = ["anna", "emma", "olivia", "ava", "liam", "noah", "lucas"]
LABELS = ["F"] * 4 + ["M"] * 3
# Names with spaces, apostrophes and accents, as a model with alphabet="auto" reads.
MIXED = [
    "Anna", "José", "Jean-Luc", "Mary Ann", "Liam", "Emma", "Noah", "Olivia",
    "Zoë", "O'Brien", "Lucas", "Chloé", "Ann Marie", "Björn", "Ava", "Mateo",
]  # fmt: skip
MIXED_LABELS = list("FMMFMFMFFMMFFMFM")


def labelled_pipe():
    return make_pipeline(
        ContextWindowTransformer(), PerLabelClassifier(KneserNeyClassifier())
    )


@pytest.fixture
def part_sampler():
    """A FrozenEstimator's sampler fitted on the names of label 'F' only."""
    pipe = labelled_pipe().fit(NAMES, LABELS)
    return NameSampler(FrozenEstimator(pipe)).fit(NAMES[:4], LABELS[:4])


def test_report_of_a_label_without_training_names_is_refused(part_sampler):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no NumPy "invalid value" on the way
        with pytest.raises(ValueError) as caught:
            sample_report(["luc", "noa"], part_sampler, label="M")
    message = str(caught.value)
    assert message.startswith(
        "This NameSampler was given no training names of label 'M'"
    )
    assert "fit it on names that include some of label 'M'" in message
    assert "leave label=None" in message
    # The label it was given names of is reported as before.
    assert sample_report(["ann", "ava"], part_sampler, label="F").length_tv == 0.75


@pytest.fixture
def no_drawing(monkeypatch):
    """Fail the test if a name is drawn."""

    def drawn(*args, **kwargs):
        raise AssertionError("names were drawn for a request no name can meet")

    monkeypatch.setattr(_sampler, "sample_ids", drawn)


@pytest.fixture
def spaced_sampler():
    """A sampler whose vocabulary holds the space (of "Mary Ann")."""
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto", lowercase=False),
        KneserNeyClassifier(),
    )
    return NameSampler(pipe).fit(MIXED)


@pytest.mark.usefixtures("no_drawing")
@pytest.mark.parametrize(
    "pattern, edge",
    [
        (" A.*", "start"),
        (r"\s.*", "start"),
        ("( |\t)A.*", "start"),
        ("(?: )+A.*", "start"),
        ("^ A.*$", "start"),
        (".* ", "end"),
        (r"A.*\s+", "end"),
        ("A.*[ \t]", "end"),
    ],
)
def test_a_pattern_with_whitespace_at_an_edge_is_refused_before_drawing(
    spaced_sampler, pattern, edge
):
    with pytest.raises(ValueError) as caught:
        spaced_sampler.sample(2, pattern=pattern, random_state=0)
    message = str(caught.value)
    assert message.startswith(
        f"pattern={pattern!r} matches only names that {edge} with whitespace"
    )
    assert f"Remove the whitespace at the {edge} of the pattern." in message
    assert "temperature" not in message


@pytest.mark.parametrize("pattern", ["Mary Ann", "[ A].*", " ?A.*", ".*n ?", ".*"])
def test_a_pattern_that_may_match_without_edge_whitespace_samples(
    spaced_sampler, pattern
):
    names = spaced_sampler.sample(2, pattern=pattern, max_rounds=200, random_state=0)
    assert len(names) == 2


def test_report_compares_listed_names_without_the_whitespace_around_them():
    report = sample_report(["Lukas", " Anna"], ["  Lukas ", "Anna ", "Ravi"])
    assert (report.in_train, report.novel) == (1.0, 0.0)
    assert report.mean_length == 4.5 and report.train_mean_length == 13 / 3
    assert sample_report(["Uma "], ["Anna"], test=[" Uma"]).in_test == 1.0


@pytest.mark.parametrize(
    "fit",
    [
        lambda X, y: NameSampler(labelled_pipe()).fit(X, y),
        lambda X, y: NameLabelClassifier(labelled_pipe()).fit(X, y),
        lambda X, y: labelled_pipe().fit(X, y),
    ],
)
def test_a_missing_label_of_a_series_is_placed_by_position_and_index_label(fit):
    index = range(100, 100 + len(NAMES))
    labels = pd.Series(LABELS, index=index, dtype=object)
    labels.iloc[2] = np.nan
    with pytest.raises(ValueError) as caught:
        fit(pd.Series(NAMES, index=index), labels)
    assert str(caught.value).startswith(
        "Input y contains NaN: y.iloc[2] (position 2, index label 102) = nan is "
        "a missing value"
    )
    # A list keeps the plain place, which reads the element there.
    with pytest.raises(ValueError, match=r"y\[2\] = None is a missing value"):
        fit(NAMES, LABELS[:2] + [None] + LABELS[3:])


def test_labels_mixing_strings_and_numbers_in_a_series_are_placed_alike():
    index = [5, 6, 7]
    with pytest.raises(ValueError) as caught:
        NameSampler(labelled_pipe()).fit(
            pd.Series(NAMES[:3], index=index), pd.Series(["F", 1, "F"], index=index)
        )
    assert (
        "y.iloc[0] (position 0, index label 5) = 'F' is a string and "
        "y.iloc[1] (position 1, index label 6) = 1 is not"
    ) in str(caught.value)


def test_the_default_pipeline_advice_names_the_parameters_that_reach_it():
    with pytest.raises(ValueError) as caught:
        NameLabelClassifier().fit(MIXED, MIXED_LABELS)
    message = str(caught.value)
    assert "pass windows__alphabet='auto' (or a larger alphabet)" in message
    assert "windows__strip_accents='unicode'" in message
    assert (
        re.search(r"(?<!__)(alphabet|strip_accents|handle_unknown)=", message) is None
    )
    assert message.endswith(
        "pass it with them set: "
        "estimator=make_default_pipeline().set_params(windows__alphabet='auto')."
    )
    # The names it quotes stay as they are.
    assert "names[1]='José'" in message
    # A pipeline of the user's own: its parameters, as the user sets them on it.
    with pytest.raises(ValueError) as own:
        NameLabelClassifier(labelled_pipe()).fit(MIXED, MIXED_LABELS)
    assert "or pass contextwindowtransformer__alphabet='auto'" in str(own.value)
    assert "make_default_pipeline" not in str(own.value)


def test_too_many_calibration_folds_name_cv_and_the_most_that_work():
    # 16 distinct names twice over, 4 of them thrice, and 2 more: 18 distinct
    # names, 20 of label 'F'.
    names = MIXED * 2 + MIXED[:4] + ["Ida", "Eva"]
    labels = MIXED_LABELS * 2 + MIXED_LABELS[:4] + ["F", "F"]
    assert (labels.count("F"), labels.count("M")) == (20, 18)
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto"),
        PerLabelClassifier(KneserNeyClassifier()),
    )
    for cv, at_most in ((42, 18), (19, 18)):
        classifier = NameLabelClassifier(pipe, calibration="temperature", cv=cv)
        with pytest.raises(ValueError) as caught:
            classifier.fit(names, labels)
        message = str(caught.value)
        assert message.startswith(
            f"cv={cv} is more folds than the calibration can make of these names"
        )
        assert "one fold per distinct name (18 here" in message
        assert "('F' has 20)" in message
        assert f"Pass cv={at_most} or fewer to NameLabelClassifier" in message
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # fewer 'M' names than folds
        fitted = NameLabelClassifier(pipe, calibration="temperature", cv=18)
        assert fitted.fit(names, labels).temperature_ >= 0
