import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from sknextchar import ContextWindowTransformer
from sknextchar._compat import InvalidParameterError
from sknextchar.datasets import load_indian_names
from tests._doubles import count_pipe

letters = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12)


def table(transformer, windows):
    contexts = transformer.decode(windows.contexts)
    return list(zip(contexts, transformer.decode(windows.targets)))


def test_lecture_table_for_abid():
    transformer = ContextWindowTransformer(context_length=3)
    windows = transformer.fit_transform(["abid"])
    assert table(transformer, windows) == [
        ("---", "a"),
        ("--a", "b"),
        ("-ab", "i"),
        ("abi", "d"),
        ("bid", "-"),
    ]
    assert windows.name_index.tolist() == [0] * 5


def test_vocabulary_and_ids():
    transformer = ContextWindowTransformer().fit(["abid"])
    assert transformer.vocabulary_ == ("-", *"abcdefghijklmnopqrstuvwxyz")
    windows = transformer.transform(["abid"])
    assert windows.contexts.dtype == np.uint8
    assert windows.targets.tolist() == [1, 2, 9, 4, 0]
    assert windows.vocabulary == transformer.vocabulary_


@pytest.mark.parametrize("context_length", [1, 2, 5])
def test_other_context_lengths(context_length):
    transformer = ContextWindowTransformer(context_length=context_length)
    windows = transformer.fit_transform(["abid"])
    contexts = transformer.decode(windows.contexts)
    assert contexts[0] == "-" * context_length
    assert contexts[-1] == ("-" * context_length + "abid")[-context_length:]
    assert windows.contexts.shape == (5, context_length)


@settings(max_examples=60, deadline=None)
@given(
    names=st.lists(letters, min_size=1, max_size=20), context_length=st.integers(1, 6)
)
def test_window_count_property(names, context_length):
    transformer = ContextWindowTransformer(context_length=context_length).fit(names)
    windows = transformer.transform(names)
    assert len(windows) == sum(len(name) + 1 for name in names)
    # Each name's windows are contiguous and in order, and each name ends once.
    assert np.all(np.diff(windows.name_index) >= 0)
    assert np.bincount(windows.name_index, minlength=len(names)).tolist() == [
        len(name) + 1 for name in names
    ]
    assert (windows.targets == 0).sum() == len(names)


@settings(max_examples=60, deadline=None)
@given(
    names=st.lists(letters, min_size=1, max_size=20), context_length=st.integers(1, 6)
)
def test_windows_agree_with_a_plain_python_reading(names, context_length):
    transformer = ContextWindowTransformer(context_length=context_length).fit(names)
    expected = []
    for name in names:
        padded = "-" * context_length + name + "-"
        for i in range(len(name) + 1):
            expected.append(
                (padded[i : i + context_length], padded[i + context_length])
            )
    assert table(transformer, transformer.transform(names)) == expected


def test_round_trip_every_bundled_name():
    names = load_indian_names()
    transformer = ContextWindowTransformer().fit(names)
    assert transformer.decode(transformer.encode(names)) == names


def test_prefix_contexts_are_the_last_window_of_the_prefix():
    transformer = ContextWindowTransformer(context_length=3).fit(["abid"])
    contexts = transformer.encode_prefixes(["", "a", "ab", "abid", "ABI"])
    assert transformer.decode(contexts) == ["---", "--a", "-ab", "bid", "abi"]
    assert contexts.dtype == np.uint8
    with pytest.raises(ValueError, match=r"\['1'\] in prefixes\[0\]='a1'"):
        transformer.encode_prefixes(["a1"])


@pytest.mark.parametrize("context_length", [1, 2, 3, 5])
def test_prefix_list_encoding_agrees_with_the_windows(context_length):
    transformer = ContextWindowTransformer(context_length).fit(["abid"])
    prefixes = ["", "A", "ab", "abi", "abid", "", "kavita", "z"]
    ids, lengths, contexts = transformer.encode_prefix_list(prefixes)
    # The context after a prefix is the context of the window predicting what
    # follows its last letter: the last window of the prefix read as a name.
    windows = transformer.transform([p or "x" for p in prefixes])
    last = np.cumsum([max(len(p), 1) + 1 for p in prefixes]) - 1
    expected = windows.contexts[last]
    expected[[i for i, p in enumerate(prefixes) if not p]] = 0
    np.testing.assert_array_equal(contexts, expected)
    np.testing.assert_array_equal(contexts, transformer.encode_prefixes(prefixes))
    assert lengths.tolist() == [len(p) for p in prefixes]
    assert transformer.decode(ids) == "".join(prefixes).lower()
    assert ids.dtype == contexts.dtype == np.uint8


def test_prefixes_refuse_unknown_characters_whatever_the_policy():
    for policy in ("error", "drop"):
        transformer = ContextWindowTransformer(handle_unknown=policy).fit(["abid"])
        with pytest.raises(ValueError, match=r"\['1'\] in prefixes\[1\]='a1'"):
            transformer.encode_prefix_list(["ab", "a1"])
        with pytest.raises(ValueError, match=r"\['-'\] in prefixes\[0\]='a-'"):
            transformer.encode_prefixes(["a-"])


def test_transform_refuses_to_run_under_cross_val_predict():
    from sklearn.model_selection import cross_val_predict

    # Whatever the model (here an n-gram test double): the transformer refuses.
    names = ["abid", "ali", "zoya", "ravi"]
    with pytest.raises(TypeError, match="cross_val_predict cannot be used with"):
        cross_val_predict(count_pipe(), names, cv=2, method="predict_proba")
    # Outside cross_val_predict, the same call is fine.
    assert len(ContextWindowTransformer().fit_transform(["abid"])) == 5


@pytest.mark.parametrize(
    "names",
    [
        ["abid", "ali"],
        ("abid", "ali"),
        np.array(["abid", "ali"]),
        np.array(["abid", "ali"], dtype=object),
        pd.Series(["abid", "ali"], index=[10, 20]),
    ],
    ids=["list", "tuple", "str-array", "object-array", "series"],
)
def test_accepted_input_types(names):
    windows = ContextWindowTransformer().fit_transform(names)
    assert len(windows) == 9
    assert windows.name_index.tolist() == [0] * 5 + [1] * 4


@pytest.mark.parametrize(
    "bad, error, match",
    [
        ("abid", TypeError, r"single str 'abid'.*\['abid'\]"),
        (b"abid", TypeError, "single bytes"),
        (None, TypeError, "got NoneType"),
        (42, TypeError, "got int"),
        ({"abid": 1}, TypeError, "got dict"),
        ([], ValueError, "empty input"),
        (["abid", None], TypeError, r"names\[1\] = None is a missing value"),
        (["abid", float("nan")], TypeError, r"names\[1\] = nan is a missing value"),
        (["abid", 3], TypeError, r"names\[1\] is 3 \(int\), not a str"),
        (["abid", b"ali"], TypeError, r"\(bytes\), not a str: decode it"),
        (["abid", ""], ValueError, r"names\[1\] is '', an empty"),
        (["abid", "   "], ValueError, "whitespace-only"),
        (np.array([["abid"], ["ali"]]), ValueError, r"shape \(2, 1\)"),
        (pd.DataFrame({"a": ["abid"], "b": ["ali"]}), ValueError, "Expected 1-D"),
        ([["abid", "ali"]], ValueError, r"\(list\), not a str: flatten names"),
    ],
)
def test_bad_input_is_named(bad, error, match):
    transformer = ContextWindowTransformer()
    with pytest.raises(error, match=match):
        transformer.fit(bad)
    transformer.fit(["abid"])
    with pytest.raises(error, match=match):
        transformer.transform(bad)


def test_unknown_characters_error_lists_characters_and_names():
    transformer = ContextWindowTransformer().fit(["abid"])
    with pytest.raises(ValueError) as info:
        transformer.transform(["abid", "o'brien", "zoë", "anne marie", "ab-id", "a1"])
    message = str(info.value)
    assert "[' ', \"'\", '-', '1', 'ë']" in message
    for name in ["o'brien", "zoë", "anne marie", "ab-id", "a1"]:
        assert repr(name) in message
    assert "'abid'" not in message  # clean names are not blamed
    assert "handle_unknown='drop'" in message


def test_unknown_character_hints_fit_the_call():
    # At fit, other settings of this fit; for a fitted model, training it again.
    with pytest.raises(ValueError, match=r"Clean the name, or pass alphabet='auto'"):
        ContextWindowTransformer(alphabet="abc").fit(["ab1"])
    with pytest.raises(ValueError, match=r"or pass alphabet='auto'"):
        ContextWindowTransformer(alphabet="abc").fit_transform(["ab1"])
    fitted = ContextWindowTransformer().fit(["abid"])
    with pytest.raises(ValueError, match=r"or train the model again with alphabet="):
        fitted.transform(["ab1"])
    # alphabet='auto' learned the training names' characters: no use suggesting it.
    learned = ContextWindowTransformer(alphabet="auto").fit(["abid"])
    with pytest.raises(ValueError) as info:
        learned.transform(["abz"])
    assert "again with an alphabet that holds them (alphabet='auto' holds the " in str(
        info.value
    )


def test_unknown_report_is_bounded():
    transformer = ContextWindowTransformer().fit(["abid"])
    with pytest.raises(ValueError, match="and 15 more"):
        transformer.transform([f"name{i}" for i in range(20)])


def test_uppercase_is_lowercased_by_default_and_unknown_otherwise():
    assert ContextWindowTransformer().fit(["Abid"]).decode(
        ContextWindowTransformer().fit(["x"]).encode(["ABID"])
    ) == ["abid"]
    strict = ContextWindowTransformer(lowercase=False).fit(["abid"])
    with pytest.raises(ValueError, match=r"\['A'\] in names\[0\]='Abid'"):
        strict.transform(["Abid"])


def test_drop_policy_removes_unknown_characters():
    transformer = ContextWindowTransformer(handle_unknown="drop").fit(["x"])
    windows = transformer.transform(["o'brien", "ab-id", "Zoë"])
    assert transformer.decode(transformer.encode(["o'brien", "ab-id", "Zoë"])) == [
        "obrien",
        "abid",
        "zo",
    ]
    assert len(windows) == 7 + 5 + 3


def test_drop_policy_never_leaves_a_name_empty():
    transformer = ContextWindowTransformer(handle_unknown="drop").fit(["x"])
    windows = transformer.transform(["ab", "1c3"])
    assert len(windows) == 3 + 2
    assert windows.name_index.tolist() == [0, 0, 0, 1, 1]
    assert [a.tolist() for a in transformer.encode(["ab", "1c3"])] == [[1, 2], [3]]
    # A name without any known character can be neither learned nor scored:
    # an error that quotes it, never an empty name (which would score NaN).
    for method in (transformer.transform, transformer.encode):
        with pytest.raises(ValueError, match=r"leaves 1 name .*names\[1\]='123'"):
            method(["ab", "123", "c"])
    with pytest.raises(ValueError, match="names\\[0\\]='राहुल'"):
        ContextWindowTransformer(handle_unknown="drop").fit(["राहुल", "ravi"])


def test_learned_alphabet_for_other_scripts():
    names = ["अमर", "आशा", "अनु"]
    # Code points: vowel signs are symbols of their own.
    chars = ContextWindowTransformer(alphabet="auto", unit="char").fit(names)
    assert chars.vocabulary_[0] == "-"
    assert set(chars.vocabulary_[1:]) == set("".join(names))
    assert chars.decode(chars.encode(names)) == names
    assert len(chars.transform(names)) == sum(len(n) + 1 for n in names)
    # The default with alphabet="auto": user-perceived characters.
    transformer = ContextWindowTransformer(alphabet="auto").fit(names)
    assert transformer.unit_ == "grapheme"
    assert set(transformer.vocabulary_[1:]) == {"अ", "आ", "म", "र", "शा", "नु"}
    assert transformer.decode(transformer.encode(names)) == names
    assert len(transformer.transform(names)) == 3 + 1 + 2 + 1 + 2 + 1
    # A hyphen is an ordinary character; the end marker is shown otherwise.
    hyphen = ContextWindowTransformer(alphabet="auto").fit(["ab-c"])
    assert hyphen.vocabulary_ == (".", "-", "a", "b", "c")


def test_custom_alphabet_validation():
    transformer = ContextWindowTransformer(alphabet="abc").fit(["abc"])
    assert transformer.vocabulary_ == ("-", "a", "b", "c")
    with pytest.raises(ValueError, match="reserved end marker"):
        ContextWindowTransformer(alphabet="ab-").fit(["ab"])
    with pytest.raises(ValueError, match="repeated characters"):
        ContextWindowTransformer(alphabet="aba").fit(["ab"])
    with pytest.raises(ValueError, match="is empty"):
        ContextWindowTransformer(alphabet="").fit(["ab"])
    with pytest.raises(ValueError, match="single characters"):
        ContextWindowTransformer(alphabet=["ab", "c"]).fit(["ab"])


@pytest.mark.parametrize(
    "params, match",
    [
        ({"context_length": 0}, "context_length"),
        ({"context_length": 2.5}, "context_length"),
        ({"handle_unknown": "ignore"}, "handle_unknown"),
        ({"lowercase": "yes"}, "lowercase"),
        ({"alphabet": 5}, "alphabet"),
    ],
)
def test_invalid_parameters(params, match):
    with pytest.raises(InvalidParameterError, match=match):
        ContextWindowTransformer(**params).fit(["abid"])


def test_not_fitted():
    transformer = ContextWindowTransformer()
    for method, arg in [
        ("transform", ["abid"]),
        ("encode", ["abid"]),
        ("encode_prefixes", ["ab"]),
        ("decode", [1, 2]),
    ]:
        with pytest.raises(NotFittedError, match="is not fitted yet"):
            getattr(transformer, method)(arg)


def test_decode_errors():
    transformer = ContextWindowTransformer().fit(["abid"])
    with pytest.raises(ValueError, match=r"ids must lie in \[0, 26\]"):
        transformer.decode([1, 27])
    with pytest.raises(ValueError, match=r"ids must lie in \[0, 26\]"):
        transformer.decode([-1])
    with pytest.raises(ValueError, match="integer ids"):
        transformer.decode([0.5, 1.0])
    assert transformer.decode([]) == ""


def test_long_names():
    # 1,000 letters, the most a name has (as a file's line); a longer string is
    # refused (tests/robustness/test_long_names_refused.py).
    name = "ab" * 500
    windows = ContextWindowTransformer().fit_transform([name, "abid"])
    assert len(windows) == 1001 + 5
    with pytest.raises(ValueError, match="holds a name of 1,001 characters"):
        ContextWindowTransformer().fit_transform([name + "a", "abid"])


def test_fit_does_not_modify_input_and_clone_is_unfitted():
    names = ["Abid", "ali"]
    transformer = ContextWindowTransformer().fit(names)
    assert names == ["Abid", "ali"]
    assert not hasattr(clone(transformer), "vocabulary_")


@pytest.mark.parametrize(
    "params, names",
    [
        ({}, ["abid", "Ali", "zoya"]),
        ({"alphabet": "auto"}, ["अमर", "आशा"]),
        ({"handle_unknown": "drop"}, ["o'brien", "1c23", "ab"]),
    ],
)
def test_fit_transform_equals_fit_then_transform(params, names):
    one_pass = ContextWindowTransformer(**params)
    windows = one_pass.fit_transform(names)
    two_pass = ContextWindowTransformer(**params).fit(names)
    expected = two_pass.transform(names)
    assert one_pass.vocabulary_ == two_pass.vocabulary_
    for field in ("contexts", "targets", "name_index"):
        np.testing.assert_array_equal(getattr(windows, field), getattr(expected, field))
    assert windows.n_names == expected.n_names


def test_fit_transform_refuses_unknown_characters_like_fit():
    with pytest.raises(ValueError, match=r"\['1'\] in names\[1\]='a1'"):
        ContextWindowTransformer().fit_transform(["abid", "a1"])
