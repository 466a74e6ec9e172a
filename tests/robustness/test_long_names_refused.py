"""A string too long to be one name is refused wherever names enter Python.

A file refuses a line of more than 1,000 letters ("not one name"), and so do
the command line's NAMEs and the sampler's prefixes. ``pipe.score(["a" *
10**6])`` used to be scored (and ``predict_proba`` to build a million rows):
every call that takes names now refuses it, in the words a file's line gets,
before any work, and leaves the model as it was.
"""

import pickle

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
from sknextchar._dead_ends import LongPrefixError
from sknextchar._limits import MAX_LETTERS, long_name_words

NAMES = ["asha", "ravi", "uma", "anil", "gita", "mohan", "sita", "arun"]
LABELS = ["f", "m", "f", "m", "f", "m", "f", "m"]
LONG = "ab" * 20_000  # 40,000 letters: a text, not a name


def _pipe():
    return make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())


@pytest.fixture(scope="module")
def fitted():
    pipe = _pipe().fit(NAMES)
    by_label = make_pipeline(
        ContextWindowTransformer(), PerLabelClassifier(KneserNeyClassifier())
    )
    return {
        "pipe": pipe,
        "sampler": NameSampler(_pipe()).fit(NAMES),
        "by_label": NameLabelClassifier(by_label).fit(NAMES, LABELS),
        "windows": pipe.steps[0][1],
    }


CALLS = {
    "pipe.score": lambda f, X: f["pipe"].score(X),
    "pipe.predict_proba": lambda f, X: f["pipe"].predict_proba(X),
    "pipe.predict_log_proba": lambda f, X: f["pipe"].predict_log_proba(X),
    "pipe.predict": lambda f, X: f["pipe"].predict(X),
    "pipe.fit": lambda f, X: f["pipe"].fit(X),
    "transformer.transform": lambda f, X: f["windows"].transform(X),
    "transformer.encode": lambda f, X: f["windows"].encode(X),
    "sampler.score_samples": lambda f, X: f["sampler"].score_samples(X),
    "sampler.score": lambda f, X: f["sampler"].score(X),
    "sampler.fit": lambda f, X: f["sampler"].fit(X),
    "by_label.predict": lambda f, X: f["by_label"].predict(X),
    "by_label.predict_proba": lambda f, X: f["by_label"].predict_proba(X),
    "by_label.fit": lambda f, X: f["by_label"].fit(X, ["f", "m", "f"]),
}


@pytest.mark.parametrize("call", CALLS)
def test_a_name_too_long_is_refused_by_every_call_and_changes_nothing(fitted, call):
    before = {key: pickle.dumps(value) for key, value in fitted.items()}
    with pytest.raises(ValueError) as error:
        CALLS[call](fitted, ["asha", LONG, "ravi"])
    message = str(error.value)
    assert message.startswith(f"names[1] {long_name_words(LONG)}. "), message
    assert "Give each name an element of its own" in message
    assert len(message) < 400  # the 40,000 letters are not echoed
    assert {key: pickle.dumps(value) for key, value in fitted.items()} == before


def test_the_bound_is_a_files_bound_whitespace_left_out(fitted):
    longest = "a" * MAX_LETTERS
    # A file's line of 1,000 letters is a name, its spaces stripped: so here.
    score = fitted["sampler"].score_samples([f"  {longest}  ", "asha"])
    assert np.isfinite(score).all()
    with pytest.raises(ValueError, match="names.0. holds a name of 1,001 char"):
        fitted["sampler"].score_samples([longest + "a"])


def test_a_series_names_the_index_label_of_the_long_name(fitted):
    pd = pytest.importorskip("pandas")
    names = pd.Series(["asha", LONG], index=[10, 11])
    with pytest.raises(ValueError, match=r"names.iloc\[1\] \(position 1, index"):
        fitted["pipe"].score(names)


def test_a_long_prefix_keeps_its_own_message(fitted):
    # A prefix is the start of a name: its error says what the model can do.
    with pytest.raises(
        LongPrefixError, match="has 1,005 letters, more than max_length"
    ):
        fitted["sampler"].sample(1, prefix="a" * (MAX_LETTERS + 5), random_state=0)
