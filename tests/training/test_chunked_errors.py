"""Errors of train_from_file's first pass: the one a fit on all the names
raises, and advice made from its parts, not reworded from another message."""

import pickle

import pandas as pd
import pytest

from sknextchar import (
    _transformer,
    _unknown_message,
    _validation,
    make_default_pipeline,
    train_from_file,
)
from sknextchar._unknown_advice import TRAIN_AGAIN, DroppedNamesError
from sknextchar._validation import (
    NO_LABEL,
    RefusedNameError,
    check_names,
    element_place,
)
from sknextchar.datasets import load_indian_names
from tests._file_lines import by_line

NAMES = list(load_indian_names()[::50][:40])


def small_pipe(**params):
    settings = dict(clf__hidden_layer_sizes=(8,), clf__max_iter=1, clf__batch_size=32)
    return make_default_pipeline(random_state=0).set_params(**{**settings, **params})


def table(path, names):
    path.write_text("name,n\n" + "".join(f'"{name}",1\n' for name in names), "utf-8")
    return path


def first_error(call):
    with pytest.raises(ValueError) as caught:
        call()
    return type(caught.value), str(caught.value)


# A name that holds every display the end marker could have: the names of
# alphabet="auto" leave it none (an error of a setting the names decide).
EVERY_END_SYMBOL = "a-.$#|~^_*@\u00b6"


@pytest.mark.parametrize(
    "bad", ["a\x1bb", "ab\u2028cd", "\u200b"], ids=["control", "line", "empty"]
)
def test_a_setting_error_of_an_earlier_chunk_waits_for_the_names_refused(tmp_path, bad):
    # The first chunk leaves the end marker no display; a fit on all the names
    # first refuses the name of the third chunk, and so does the pass.
    names = [EVERY_END_SYMBOL, *NAMES[:24], bad, *NAMES[25:]]
    params = {"windows__alphabet": "auto"}
    in_memory = first_error(lambda: small_pipe(**params).fit(names))
    path = table(tmp_path / "names.csv", names)
    chunked = first_error(
        lambda: train_from_file(
            path, small_pipe(**params), chunk_size=10, names_column="name"
        )
    )
    # A name refused in the file (alone too: RefusedNameError): named by its line.
    in_memory = in_memory[0], by_line(in_memory[1], path, header=True)
    assert "line 27 of " in chunked[1] and "names[" not in chunked[1], chunked
    assert chunked == in_memory


def test_a_parameter_error_alone_is_raised_as_a_fit_raises_it(tmp_path):
    path = table(tmp_path / "names.csv", NAMES)
    params = {"windows__end_symbol": "ab"}
    in_memory = first_error(lambda: small_pipe(**params).fit(NAMES))
    chunked = first_error(
        lambda: train_from_file(
            path, small_pipe(**params), chunk_size=10, names_column="name"
        )
    )
    assert chunked == in_memory and "end_symbol" in chunked[1]


@pytest.fixture(scope="module")
def big_file(tmp_path_factory):
    """200,000 names in a file, the last one refused."""
    names = [f"{a}{b}{c}{d}" for a in "abcdefgh" for b in "aeiou"
             for c in "bcdfghjklmnpqrstvwxz" for d in "aeiouy"] * 42  # fmt: skip
    names[199_999] = "a\x1bb"
    path = tmp_path_factory.mktemp("big") / "names.txt"
    path.write_text("\n".join(names[:200_000]) + "\n", "utf-8")
    return path


@pytest.mark.parametrize(
    "params, word",
    [
        ({"windows__end_symbol": "ab"}, "end_symbol"),
        ({"windows__alphabet": "abca"}, "repeated"),
        ({"windows__alphabet": "ab\x01"}, "control character"),
        ({"windows__alphabet": "ab-"}, "end marker"),
        ({"windows__alphabet": ["ab", "c"]}, "single characters"),
        ({"windows__alphabet": ""}, "empty"),
    ],
    ids=["end_symbol", "repeated", "control", "end-marker", "two-letter", "empty"],
)
def test_a_bad_setting_fails_before_any_name_is_read(big_file, params, word):
    # A setting that needs no name to be refused is refused before the names,
    # in memory (before a refused name) and from a file (before any chunk).
    names = [*NAMES[:25], "a\x1bb", *NAMES[25:]]
    in_memory = first_error(lambda: small_pipe(**params).fit(names))
    read = []
    chunked = first_error(
        lambda: train_from_file(big_file, small_pipe(**params), chunk_size=10_000,
                                check_names=read.append)
    )  # fmt: skip
    assert read == []  # no chunk was read
    assert chunked == in_memory and word in chunked[1], chunked


def test_a_parameter_a_fit_refuses_first_is_refused_before_reading_names(tmp_path):
    # Waiting for the names refused must not make it read the whole file first.
    path = table(tmp_path / "names.csv", [*NAMES[:25], "a\x1bb", *NAMES[25:]])
    params = {"windows__context_length": 0}
    in_memory = first_error(lambda: small_pipe(**params).fit(NAMES))
    read = []
    chunked = first_error(
        lambda: train_from_file(path, small_pipe(**params), chunk_size=10,
                                names_column="name", check_names=read.append)
    )  # fmt: skip
    assert chunked == in_memory and "context_length" in chunked[1]
    assert read == []  # no chunk was read


def reworded(method):
    """``method`` of a message builder, its advice to train again reworded."""

    def wrapper(*args, **kwargs):
        return method(*args, **kwargs).replace(TRAIN_AGAIN, "retrain the model with ")

    return wrapper


def test_a_resumed_runs_advice_does_not_hang_on_the_wording_of_another(
    tmp_path, monkeypatch
):
    # Its advice was the fitted model's, reworded by replacing its words:
    # reworded otherwise, it advised training the model again with resume=True.
    old = train_from_file(table(tmp_path / "old.csv", NAMES), small_pipe(),
                          names_column="name")  # fmt: skip
    for module in (_transformer, _unknown_message):  # every unknown-letter message
        monkeypatch.setattr(module, "unknown_text", reworded(module.unknown_text))
    path = table(tmp_path / "names.csv", [*NAMES[:25], "zoë", "ﬁona"])
    _, message = first_error(
        lambda: train_from_file(path, old.set_params(clf__max_iter=2), chunk_size=10,
                                names_column="name", resume=True)
    )  # fmt: skip
    assert "retrain" not in message, message
    assert "or train a new model (resume=False) with windows__alphabet=" in message
    # Folding takes both 'ë' and the ligature 'ﬁ' ('fi'), then dropping.
    hint = "or with windows__strip_accents='unicode' to fold accented letters and "
    assert hint + "ligatures ('ë' -> 'e', 'ﬁ' -> 'fi'), or with windows__" in message
    assert "or with windows__handle_unknown='drop' to remove unknown" in message


def test_a_resumed_runs_advice_on_dropped_names_is_made_from_its_parts(
    tmp_path, monkeypatch
):
    drop = {"windows__handle_unknown": "drop"}
    old = train_from_file(table(tmp_path / "old.csv", NAMES), small_pipe(**drop),
                          names_column="name")  # fmt: skip
    monkeypatch.setattr(
        DroppedNamesError, "message", reworded(DroppedNamesError.message)
    )
    path = table(tmp_path / "names.csv", [*NAMES[:25], "иван"])
    error_class, message = first_error(
        lambda: train_from_file(path, old.set_params(clf__max_iter=2), chunk_size=10,
                                names_column="name", resume=True)
    )  # fmt: skip
    assert error_class is DroppedNamesError and "'иван' (line 27 of " in message
    assert "or train a new model (resume=False) with windows__alphabet=" in message


def test_a_name_of_a_chunk_is_placed_in_the_file_from_the_errors_position(
    tmp_path, monkeypatch
):
    # The place was found by a pattern over the check's message ("names[5] is
    # ..."): worded otherwise, the chunk's count was shown for the file's.
    def reworded(name, at, where, what):
        return f"The name at {where} holds a control character: {name!r}."

    monkeypatch.setattr(_validation, "_control_message", reworded)
    path = table(tmp_path / "names.csv", [*NAMES[:25], "a\x1bb", *NAMES[25:]])
    error_class, message = first_error(
        lambda: train_from_file(path, small_pipe(), chunk_size=10, names_column="name")
    )
    assert error_class is RefusedNameError
    assert message == "The name at names[25] holds a control character: 'a\\x1bb'."


def test_the_refused_name_is_placed_by_its_attributes():
    with pytest.raises(RefusedNameError) as caught:
        check_names(["asha", "a\x1bb"])
    error = caught.value
    assert (error.position, error.name, error.label) == (1, "a\x1bb", NO_LABEL)
    assert str(error).startswith("names[1] is 'a\\x1bb', which holds")
    moved = pickle.loads(pickle.dumps(error.moved(40)))
    assert type(moved) is RefusedNameError and moved.position == 41
    assert str(moved) == str(error).replace("names[1]", "names[41]", 1)
    # A Series's element keeps its position and its index label.
    series = pd.Series(["asha", " "], index=[4, 9])
    with pytest.raises(RefusedNameError) as caught:
        check_names(series)
    where = element_place("names", 1, series.index)
    assert str(caught.value).startswith(f"{where} is ' ', an empty"), caught.value


def test_an_index_label_of_none_is_a_label():
    # None meant "no index": the label None of a Series was lost, and its
    # element shown as names[1], which reads the label 1.
    series = pd.Series(["asha", "a\x1bb"], index=pd.Index([0, None], dtype=object))
    with pytest.raises(RefusedNameError) as caught:
        check_names(series)
    error = pickle.loads(pickle.dumps(caught.value))
    assert error.label is None and error.moved(3).label is NO_LABEL
    where = "names.iloc[1] (position 1, index label None)"
    assert str(error).startswith(f"{where} is 'a\\x1bb'"), error
    assert pickle.loads(pickle.dumps(NO_LABEL)) is NO_LABEL
