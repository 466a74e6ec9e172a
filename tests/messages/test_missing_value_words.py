"""A missing value among names and among labels: one wording, each in its own
parameter's words (the names said "Drop or convert it before using it.", the
labels "; remove that window or give its label.")."""

import math

import pytest

from sknextchar import ContextWindowTransformer
from sknextchar._label_input import check_no_missing_labels
from sknextchar._validation import check_exclude, check_names


@pytest.mark.parametrize(
    "call, message",
    [
        (
            lambda: check_names(["abid", None]),
            "Input names contains None: names[1] = None is a missing value; "
            "remove it from names, or put a name in its place.",
        ),
        (
            lambda: check_names(
                ["", math.nan], what="prefixes", allow_empty_strings=True
            ),
            "Input prefixes contains NaN: prefixes[1] = nan is a missing value; "
            "remove it from prefixes, or put a prefix in its place.",
        ),
        (
            lambda: check_exclude(["abid", None], normalize=str),
            "Input exclude contains None: exclude[1] = None is a missing value; "
            "remove it from exclude, or put a name in its place.",
        ),
        (
            lambda: check_no_missing_labels(["f", None]),
            "Input y contains None: y[1] = None is a missing value; "
            "remove it from y with its window, or put a label in its place.",
        ),
        (
            lambda: check_no_missing_labels(["f", math.nan], name="labels", row="name"),
            "Input labels contains NaN: labels[1] = nan is a missing value; "
            "remove it from labels with its name, or put a label in its place.",
        ),
    ],
)
def test_a_missing_name_or_label_is_told_in_one_wording(call, message):
    with pytest.raises(ValueError) as caught:
        call()
    assert str(caught.value) == message


def test_a_fitted_transformer_tells_a_missing_name_alike():
    with pytest.raises(ValueError, match="; remove it from names, or put a name"):
        ContextWindowTransformer().fit(["abid", None])
