"""The argument checkers: what they return and what their messages say."""

from functools import partial

import numpy as np
import pytest

from sknextchar import ContextWindowTransformer
from sknextchar._left_out import written_forms
from sknextchar._temperature_checks import check_temperatures
from sknextchar._validation import (
    check_bool,
    check_exclude,
    check_names,
    check_positive_int,
    check_prefix,
)


@pytest.mark.parametrize("value", [1, 7, np.int64(3), np.uint8(2)])
def test_positive_ints_pass_as_int(value):
    checked = check_positive_int(value, "n")
    assert checked == value and type(checked) is int


@pytest.mark.parametrize(
    "value, error, match",
    [
        (0, ValueError, "n must be a positive int; got 0"),
        (-2, ValueError, "got -2"),
        (2.0, TypeError, "n must be a positive int; got 2.0"),
        (True, TypeError, "got True"),
        (np.bool_(True), TypeError, "got np.True_|got True"),
        ("3", TypeError, "got '3'"),
        (None, TypeError, "got None"),
    ],
)
def test_bad_counts(value, error, match):
    with pytest.raises(error, match=match):
        check_positive_int(value, "n")


def test_bool():
    assert check_bool(np.bool_(False), "unique") is False
    with pytest.raises(TypeError, match="unique must be True or False; got 1"):
        check_bool(1, "unique")


def test_prefix():
    assert check_prefix("") == ""
    with pytest.raises(TypeError) as caught:
        check_prefix(None)
    assert str(caught.value) == (
        "prefix is None (NoneType), not a str: give the start of a name as a str, "
        "or '' for none."
    )


@pytest.mark.parametrize(
    "prefix, words",
    [
        (3, "prefix is 3 (int), not a str: give the start of a name as a str, or "),
        (b"ab", "prefix is b'ab' (bytes), not a str: decode it with .decode(), or "),
        (["ab"], "prefix is ['ab'] (list), not a str: give the start of a name "),
    ],
)
def test_a_prefix_of_another_type_reads_like_a_name_of_another_type(prefix, words):
    # It read "prefix must be a str (use '' for none); got int."
    with pytest.raises(TypeError) as caught:
        check_prefix(prefix)
    assert str(caught.value).startswith(words)
    assert str(caught.value).endswith(" '' for none.")


def _forms(**params):
    """What a transformer fitted with ``params`` writes of a list of names."""
    transformer = ContextWindowTransformer(alphabet="auto", **params)
    transformer.fit(["abid", "Abid", "x"])
    return partial(written_forms, transformer)


def test_exclude_is_a_frozenset_lowercased_as_the_model_does():
    forms, cased = _forms(), _forms(lowercase=False)
    assert check_exclude(("Abid", "abid"), normalize=forms) == frozenset({"abid"})
    assert check_exclude(np.array(["Abid"]), normalize=cased) == frozenset({"Abid"})
    assert check_exclude({"x"}, normalize=forms) == frozenset({"x"})


@pytest.mark.parametrize(
    "exclude, match",
    [
        ("abid", r"not a single string; got 'abid'. Wrap it in a list: \['abid'\]"),
        (b"abid", "not a single string"),
        (5, "collection of names .* got int"),
        (["abid", 3], r"exclude\[1\] is 3 \(int\), not a str"),
        ({"abid", None}, "an element of exclude = None is a missing value"),
    ],
)
def test_bad_exclude(exclude, match):
    with pytest.raises(TypeError, match=match):
        check_exclude(exclude, normalize=_forms())


def test_temperatures():
    assert check_temperatures(np.array([0, 1])) == (0.0, 1.0)
    assert check_temperatures([np.inf]) == (np.inf,)


@pytest.mark.parametrize(
    "temperatures, error, match",
    [
        (2.0, TypeError, "sequence of floats; got 2.0"),
        ("12", TypeError, "sequence of floats; got '12'"),
        ([[1.0]], TypeError, r"sequence of floats; got \[\[1.0\]\]"),
        ([None], TypeError, r"sequence of floats; got \[None\]"),
        ((), ValueError, r"non-empty sequence of floats in \[0, inf\]; got \(\)"),
        ([-0.1], ValueError, r"got \[-0.1\]"),
        ([float("nan")], ValueError, r"got \[nan\]"),
    ],
)
def test_bad_temperatures(temperatures, error, match):
    with pytest.raises(error, match=match):
        check_temperatures(temperatures)


@pytest.mark.parametrize("unordered", [{"abid", "ali"}, frozenset({"abid", "ali"})])
def test_names_in_a_set_are_refused_for_their_arbitrary_order(unordered):
    with pytest.raises(TypeError, match="ordered collection of names; got a .*set"):
        check_names(unordered)


def test_the_keys_of_a_dict_keep_their_order():
    counts = {"ravi": 3, "abid": 1}
    assert check_names(counts.keys()) == ["ravi", "abid"]


@pytest.mark.parametrize("name", ["mohkha\nx", "asha\r", "a\u2028b"])
def test_a_name_with_a_line_break_is_refused(name):
    with pytest.raises(ValueError, match=r"holds a line break[^;]*; each of the names"):
        check_names(["ravi", name])


@pytest.mark.parametrize("kind", ["mlp", "kneser-ney", "mixture"])
def test_next_log_proba_before_fit_is_not_fitted_error(kind):
    # The sampler's fast path says "not fitted", not an AttributeError of an
    # attribute the user never heard of.
    from sklearn.exceptions import NotFittedError

    from sknextchar import (
        CharEmbeddingMLPClassifier,
        KneserNeyClassifier,
        MixtureClassifier,
    )

    model = {
        "mlp": CharEmbeddingMLPClassifier(),
        "kneser-ney": KneserNeyClassifier(),
        "mixture": MixtureClassifier([("kn", KneserNeyClassifier())]),
    }[kind]
    with pytest.raises(NotFittedError, match="is not fitted yet"):
        model.next_log_proba(np.zeros((1, 3), dtype=np.intp))


def test_a_one_column_table_asks_for_the_series_not_a_single_column():
    # df[["name"]] is "a single column" too: the message names df["name"].
    import pandas as pd

    frame = pd.DataFrame({"label": ["f", "m"], "name": ["asha", "ravi"]})
    for table in (frame[["name"]], frame):
        with pytest.raises(ValueError) as info:
            check_names(table)
        message = str(info.value)
        assert "got a DataFrame of shape (2, " in message
        assert "as a Series, with single brackets: X['name']" in message
        assert "single column" not in message


@pytest.mark.parametrize(
    "array, part",
    [
        (np.array([["asha"], ["ravi"]]), r"\(2, 1\). Pass its one column as a 1-D"),
        (np.array([["asha", "f"]]), r"\(1, 2\). Pass the column of names as a 1-D"),
        (np.array("asha"), r"shape \(\). Pass one string per element"),
    ],
)
def test_a_two_d_array_asks_for_one_column(array, part):
    with pytest.raises(ValueError, match=part):
        check_names(array)


@pytest.mark.parametrize("missing", ["NA", "NaT"])
def test_pandas_missing_values_among_names_are_called_missing(missing):
    pd = pytest.importorskip("pandas")
    names = pd.Series(["asha", getattr(pd, missing)], dtype=object)
    with pytest.raises(TypeError, match=r"names\[1\] = .* is a missing value"):
        check_names(names)


def test_windows_given_for_names_are_told_to_pass_the_names():
    from sknextchar import ContextWindowTransformer

    windows = ContextWindowTransformer().fit_transform(["abid", "ali"])
    with pytest.raises(TypeError, match="got CharWindows.*Pass the names themselves"):
        ContextWindowTransformer().fit(["abid"]).transform(windows)


def test_windows_are_told_by_their_class_not_its_name():
    # A user's subclass of CharWindows was read as a table of shape (n, L), and
    # another package's list of names whose class is called CharWindows refused.
    from sknextchar import CharWindows, ContextWindowTransformer

    class UsersWindows(CharWindows):
        pass

    transformer = ContextWindowTransformer().fit(["abid", "ali"])
    w = transformer.transform(["abid"])
    windows = UsersWindows(w.contexts, w.targets, w.name_index, w.vocabulary, 1)
    with pytest.raises(TypeError, match="got CharWindows.*Pass the names themselves"):
        transformer.transform(windows)
    foreign = type("CharWindows", (list,), {"__module__": "other.data"})(["abid"])
    assert transformer.transform(foreign).contexts.shape == w.contexts.shape


@pytest.mark.parametrize("which", ["samples", "train"])
def test_sample_report_of_none_names_what_it_needs(which):
    from sknextchar.metrics import sample_report

    args = {"samples": ["abid"], "train": ["ali"], which: None}
    with pytest.raises(TypeError, match=f"{which} must be a collection of names"):
        sample_report(args["samples"], args["train"])


@pytest.mark.parametrize("value", ["a" * 10**6, b"a" * 10**6])
def test_a_single_long_string_for_names_is_cut_in_the_message(value):
    # score_samples("a" * 10**6) echoed the megabyte twice ("got a single str
    # '...'. Wrap it in a list: ['...']"): two megabytes of message.
    from sklearn.pipeline import make_pipeline

    from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler

    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    sampler = NameSampler(pipe).fit(["asha", "ravi"])
    with pytest.raises(TypeError, match="got a single") as error:
        sampler.score_samples(value)
    message = str(error.value)
    assert len(message) < 300, message[:300]
    assert f"({len(value):,} " in message  # how long it was
    assert message.endswith("Wrap it in a list: [name].")
    with pytest.raises(TypeError, match="not a single string") as error:
        check_exclude(value, normalize=_forms())
    assert len(str(error.value)) < 300
