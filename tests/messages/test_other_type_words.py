"""A name or a label of another type: said what it is and what to do, in the
words of a missing value's message (a name said "Drop or convert it before
using it.", a missing value's old words; a label that is neither a str nor a
number was called a number of a "Mix of label input types (string and
number)", or left to scikit-learn's "Unknown label type: unknown")."""

import enum

import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameLabelClassifier,
    NameSampler,
    PerLabelClassifier,
)
from sknextchar._label_input import check_label_types
from sknextchar._validation import check_exclude, check_names

NAMES = ["abid", "aditi", "amit", "asha"]
LABELS = ["f", "m", "f", "m"]


class Colour(enum.Enum):
    RED = 1


@pytest.mark.parametrize(
    "call, message",
    [
        (
            lambda: check_names(["ab", 3]),
            "names[1] is 3 (int), not a str: convert it with str(), "
            "or remove it from names.",
        ),
        (
            lambda: ContextWindowTransformer().fit(["ab", 2.5]),
            "names[1] is 2.5 (float), not a str: convert it with str(), "
            "or remove it from names.",
        ),
        (
            lambda: check_names(["ab", b"cd"], what="prefixes"),
            "prefixes[1] is b'cd' (bytes), not a str: decode it "
            "with .decode(), or remove it from prefixes.",
        ),
        (
            lambda: check_exclude({3}, normalize=str),
            "an element of exclude is 3 (int), not a str: convert it with str(), "
            "or remove it from exclude.",
        ),
    ],
)
def test_a_name_of_another_type_says_what_it_is_and_what_to_do(call, message):
    with pytest.raises(TypeError) as caught:
        call()
    assert str(caught.value) == message


@pytest.mark.parametrize(
    "y, message",
    [
        (
            ["f", "m", "f", {"x": 1}],
            "y[3] is {'x': 1} (dict), not a str or a number: convert it with "
            "str(), or remove it from y with its name.",
        ),
        (
            [1, 2, 1, Colour.RED],
            "y[3] is <Colour.RED: 1> (Colour), not a str or a number: use its "
            ".name ('RED') or its .value (1), or remove it from y with its name.",
        ),
        (
            [b"f", "m", "f", "m"],
            "y[0] is b'f' (bytes), not a str or a number: decode it "
            "with .decode(), or remove it from y with its name.",
        ),
    ],
)
def test_a_label_of_another_type_says_what_it_is_and_what_to_do(y, message):
    model = NameLabelClassifier(
        make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    )
    with pytest.raises(ValueError) as caught:
        model.fit(NAMES, y)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    "y",
    [
        ["f", np.str_("m")],
        [1, 2.5, True, np.int64(3), np.bool_(False), np.float32(1)],
        np.array([b"f", b"m"]),  # one NumPy type: scikit-learn's words
    ],
)
def test_labels_of_strings_or_numbers_are_not_called_another_type(y):
    check_label_types(y)


@pytest.mark.parametrize(
    "names, message",
    [
        # str() would train a name "True": a flag among names is to be removed
        (["ab", True], "names[1] is True (bool), not a str: remove it from names."),
        (
            ["ab", np.bool_(False)],
            f"names[1] is {np.bool_(False)!r} (bool), not a str: remove it from names.",
        ),
        # str() would train a name "Colour.RED"
        (
            ["ab", Colour.RED],
            "names[1] is <Colour.RED: 1> (Colour), not a str: use its .name "
            "('RED') or its .value (1), or remove it from names.",
        ),
    ],
)
def test_a_flag_or_an_enum_among_names_is_not_told_to_become_str(names, message):
    with pytest.raises(TypeError) as caught:
        ContextWindowTransformer().fit(names)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    "names, message",
    [
        (
            ["ab", ["cd"]],
            "names[1] is ['cd'] (list), not a str: flatten names to one str per "
            "element, or remove it from names.",
        ),
        (
            ["ab", ("cd", "ef")],
            "names[1] is ('cd', 'ef') (tuple), not a str: flatten names to one "
            "str per element, or remove it from names.",
        ),
    ],
)
def test_a_list_among_names_is_said_in_the_same_words(names, message):
    with pytest.raises(ValueError) as caught:  # a ValueError, as before
        ContextWindowTransformer().fit(names)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    "element, start",
    [
        ([f"name{i}" for i in range(1000)], "names[1] is ['name0', 'name1', "),
        (np.zeros((50, 50)), "names[1] is [[0.0, 0.0, 0.0, 0.0, ...], [0.0, "),
    ],
)
def test_a_long_list_among_names_is_shown_cut(element, start):
    with pytest.raises(ValueError) as caught:
        check_names(["ab", element])
    assert len(str(caught.value)) < 250  # not thousands
    assert str(caught.value).startswith(start)


def _fit_by(caller, y):
    """Fit ``caller``'s model of names by label on NAMES and ``y``."""
    pipe = make_pipeline(
        ContextWindowTransformer(), PerLabelClassifier(KneserNeyClassifier())
    )
    model = {
        "classifier": NameLabelClassifier(pipe),
        "sampler": NameSampler(pipe),
        "pipeline": pipe,
    }[caller]
    return model.fit(NAMES, y)


@pytest.mark.parametrize("caller", ["classifier", "sampler", "pipeline"])
@pytest.mark.parametrize(
    "y, message",
    [
        (
            ["f", ["m"], "f", "m"],
            "y[1] is ['m'] (list), not a str or a number: flatten y to one label "
            "per name, or remove it from y with its name.",
        ),
        (
            [1, 2, 1, (2, 1)],
            "y[3] is (2, 1) (tuple), not a str or a number: flatten y to one "
            "label per name, or remove it from y with its name.",
        ),
        (
            ["f", "m", np.array(["f", "m"]), "m"],
            "y[2] is ['f', 'm'] (ndarray), not a str or a number: flatten y to "
            "one label per name, or remove it from y with its name.",
        ),
    ],
)
def test_a_list_among_labels_is_named_before_numpy_fails(caller, y, message):
    # NumPy's "setting an array element with a sequence ... inhomogeneous
    # shape" came first: it named no label and said nothing to do.
    with pytest.raises(ValueError) as caught:
        _fit_by(caller, y)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    "call",
    [
        lambda model, y: NameLabelClassifier(model).fit(NAMES, LABELS).score(NAMES, y),
        lambda model, y: model.fit(NAMES, LABELS).score(NAMES, y),
        lambda model, y: NameSampler(model).fit(NAMES, LABELS).score(NAMES, y),
        lambda model, y: (
            NameSampler(model).fit(NAMES, LABELS).score_samples(NAMES, label=y)
        ),
    ],
    ids=["classifier score", "pipeline score", "sampler score", "score_samples"],
)
@pytest.mark.parametrize(
    "y, shown",
    [
        (["f", ["m"], "f", "m"], r"\['m'\] \(list\)"),
        (["f", {1: 2}, "f", "m"], "{1: 2}"),
    ],
)
def test_a_list_among_labels_to_score_is_named_as_in_fit(call, y, shown):
    # NumPy's "inhomogeneous shape", "unhashable type: 'list'" (or 'dict') and
    # "'<' not supported between instances of 'dict' and 'str'" came first.
    pipe = make_pipeline(
        ContextWindowTransformer(), PerLabelClassifier(KneserNeyClassifier())
    )
    with pytest.raises(ValueError, match=rf"\[1\] is {shown}.*not a str or a number"):
        call(pipe, y)


@pytest.mark.parametrize(
    "label, advice",
    [
        ({1: 2}, "convert it with str()"),
        ({"f"}, "convert it with str()"),
        (b"f", "decode it with .decode()"),
    ],
)
@pytest.mark.parametrize(
    "call",
    [
        lambda sampler, label: sampler.score_samples(NAMES, label=label),
        lambda sampler, label: sampler.sample(2, label=label, random_state=0),
        lambda sampler, label: sampler.most_likely(2, label=label),
    ],
    ids=["score_samples", "sample", "most_likely"],
)
def test_a_single_label_of_another_type_is_named_as_in_fit(call, label, advice):
    # A dict or a set ended in "unhashable type: 'dict'" (a TypeError); bytes
    # was an "Unknown label b'f'", though fit refuses bytes as a label.
    pipe = make_pipeline(
        ContextWindowTransformer(), PerLabelClassifier(KneserNeyClassifier())
    )
    sampler = NameSampler(pipe).fit(NAMES, LABELS)
    with pytest.raises(ValueError) as caught:
        call(sampler, label)
    assert str(caught.value) == (
        f"label is {label!r} ({type(label).__name__}), not a str or a number: "
        f"{advice}, or pass a label the model was fitted with."
    )
