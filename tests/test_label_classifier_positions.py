"""NameLabelClassifier's messages place a name in the X the caller passed.

Its pipelines see a list of the names without those of weight 0, so their
messages counted that list (names[1] for X[2]) and lost a Series' index labels.
"""

import re
import warnings

import pandas as pd
import pytest
from sklearn.pipeline import make_pipeline

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
