"""NameLabelClassifier's messages place a name in the X the caller passed.

Its pipelines see a list of the names without those of weight 0, so their
messages counted that list (names[1] for X[2]) and lost a Series' index labels.
"""

import re
import warnings

import pandas as pd
import pytest
from sklearn.pipeline import Pipeline, make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameLabelClassifier,
    PerLabelClassifier,
)

X = ["asha", "uma", "zoë", "ravi", "mira", "rahul"]
Y = ["f", "f", "f", "m", "f", "m"]
SERIES = pd.Series(X, index=[10, 11, 12, 13, 14, 15])
IN_SERIES = "in names.iloc[2] (position 2, index label 12)='zoë'"


def classifier(**params):
    pipe = make_pipeline(
        ContextWindowTransformer(), PerLabelClassifier(KneserNeyClassifier())
    )
    return NameLabelClassifier(pipe, **params)


def refused(call, shown):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # few names for the calibration
        with pytest.raises(ValueError, match=re.escape(shown)):
            call()


@pytest.mark.parametrize("calibration", [None, "temperature"])
def test_names_of_weight_0_do_not_shift_the_place(calibration):
    weights = [1, 0, 1, 1, 1, 1]
    clf = classifier(calibration=calibration, cv=2)
    refused(lambda: clf.fit(X, Y, sample_weight=weights), "in names[2]='zoë'")
    refused(lambda: clf.fit(SERIES, Y, sample_weight=weights), IN_SERIES)
    refused(lambda: clf.fit(X, Y), "in names[2]='zoë'")  # as before


def test_a_series_keeps_its_index_labels():
    refused(lambda: classifier(calibration=None).fit(SERIES, Y), IN_SERIES)
    known = ["asha", "uma", "ravi", "mira"]
    clf = classifier(calibration=None).fit(known, ["f", "f", "m", "f"])
    for call in (clf.predict, clf.predict_proba, clf.log_likelihood):
        refused(lambda call=call: call(SERIES), IN_SERIES)
    refused(lambda: clf.score(SERIES, Y), IN_SERIES)
    refused(lambda: clf.predict(X), "in names[2]='zoë'")
    # A Series indexed 0, 1, 2... is named as a list is.
    refused(lambda: clf.predict(pd.Series(X)), "in names[2]='zoë'")


@pytest.mark.parametrize("cv", [2, 3])
def test_a_calibration_fold_names_a_name_among_all_of_them(cv):
    # A fold's pipelines see a part of the names: its messages counted that part.
    names = ["asha", "uma", "ravi", "mira", "rahul", "zoë", "sita", "amit"]
    clf = classifier(calibration="temperature", cv=cv)
    refused(lambda: clf.fit(names, list("ffmfmfmm")), "in names[5]='zoë'")


NAMED = ["asha", "Łukasz", "uma", "Łucja", "ravi", "mira", "Straße", "rahul"]
NAMED_Y = list("fmffmfmm")
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def told_of(clf, X, **fit_params):
    """The messages of the fit's warnings about some names (not the others)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        clf.fit(X, NAMED_Y, **fit_params)
    return [str(w.message) for w in caught if "learned" in str(w.message)]


@pytest.mark.parametrize(
    "calibration, ensemble",
    [(None, True), ("temperature", True), ("temperature", False), ("weights", True)],
)
def test_names_strip_accents_changes_are_told_once_in_the_places_of_x(
    calibration, ensemble
):
    # With calibration, each fold's fit told of its part of the names again,
    # numbered within the fold; a name of weight 0 shifted the places.
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet=LETTERS, strip_accents="ascii"),
        PerLabelClassifier(KneserNeyClassifier()),
    )
    clf = NameLabelClassifier(pipe, calibration=calibration, cv=2, ensemble=ensemble)
    weights = [0, 1, 1, 1, 1, 1, 1, 1]
    (message,) = told_of(clf, NAMED, sample_weight=weights)
    assert "3 names are learned changed: names[1]='Łukasz' read as 'ukasz', " in message
    assert "names[3]='Łucja' read as 'ucja', names[6]='Straße'" in message
    (message,) = told_of(clf, pd.Series(NAMED, index=range(10, 18)))
    assert "names.iloc[6] (position 6, index label 16)='Straße'" in message


def test_two_settings_tell_once_each_and_capitals_once():
    # Two pipelines of one setting tell once; another setting tells its own.
    def pipe(**params):
        windows = ContextWindowTransformer(alphabet=LETTERS, **params)
        return make_pipeline(windows, PerLabelClassifier(KneserNeyClassifier()))

    ascii_ = pipe(strip_accents="ascii", handle_unknown="drop")
    cased = pipe(strip_accents="ascii", lowercase=False, handle_unknown="drop")
    clf = NameLabelClassifier([ascii_, ascii_, cased], calibration="weights", cv=2)
    messages = told_of(clf, NAMED)
    assert len(messages) == 3, messages
    capitals = [m for m in messages if m.startswith("handle_unknown='drop'")]
    assert len(capitals) == 1
    assert "1 name is learned without them: names[6]='Straße'" in capitals[0]


@pytest.mark.parametrize("skipped", ["passthrough", None])
@pytest.mark.parametrize("calibration", [None, "temperature"])
def test_a_skipped_first_step_still_tells_once(skipped, calibration):
    # A "passthrough" first step crashed the fit (AttributeError on the str);
    # a None first step lost the warnings (the folds' fits kept quiet).
    pipe = Pipeline(
        [
            ("pre", skipped),
            (
                "windows",
                ContextWindowTransformer(alphabet=LETTERS, strip_accents="ascii"),
            ),
            ("clf", PerLabelClassifier(KneserNeyClassifier())),
        ]
    )
    clf = NameLabelClassifier(pipe, calibration=calibration, cv=2)
    (message,) = told_of(clf, NAMED)
    assert "names[1]='Łukasz' read as 'ukasz'" in message


def test_a_skipped_first_step_with_an_auto_alphabet_knows_every_name():
    # with_vocabulary_of looked at steps[0] only: the folds learned their own
    # characters and a held-out name with another one was refused.
    pipe = make_pipeline(
        "passthrough",
        ContextWindowTransformer(alphabet="auto"),
        PerLabelClassifier(KneserNeyClassifier()),
    )
    names = ["anna", "bob", "cy", "dee", "hugh", "lulu", "sam", "sue"]
    clf = NameLabelClassifier(pipe, calibration="temperature", cv=2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # few names for the calibration
        clf.fit(names, NAMED_Y)
    assert set("hlsu") <= set(clf.pipelines_[0][1].vocabulary_)
