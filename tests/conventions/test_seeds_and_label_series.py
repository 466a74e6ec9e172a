"""What a scikit-learn user tries in a notebook, and what session 55's audit
of the Python API found broken there."""

import contextlib
import warnings

import numpy as np
import pandas as pd
import pytest
from sklearn.exceptions import DataConversionWarning
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    PerLabelClassifier,
)

NAMES = ["abid", "amit", "asha", "sam", "rita", "ravi", "anil", "sunil", "meera"]
LABELS = ["m", "m", "f", "m", "f", "m", "m", "m", "f"]


def _column(labels):
    return np.array(labels).reshape(-1, 1)


def _frame(labels):
    return pd.DataFrame({"label": labels})


def _nested(labels):
    return [[label] for label in labels]


@pytest.fixture(scope="module")
def sampler():
    pipe = make_pipeline(
        ContextWindowTransformer(context_length=2), KneserNeyClassifier()
    )
    return NameSampler(pipe).fit(NAMES)


@contextlib.contextmanager
def _global_seed(seed):
    """NumPy's global generator seeded with ``seed``, its state put back after."""
    state = np.random.get_state()  # noqa: NPY002
    np.random.seed(seed)  # noqa: NPY002
    try:
        yield
    finally:
        np.random.set_state(state)  # noqa: NPY002


def _seeded_globally(sampler, seed):
    with _global_seed(seed):
        return sampler.sample(8)


def test_sample_without_a_seed_follows_numpy_s_global_seed(sampler):
    # It was: random_state=None drew from fresh entropy, so np.random.seed(0)
    # at the top of a notebook made fits repeatable but not the names.
    first = _seeded_globally(sampler, 0)
    assert _seeded_globally(sampler, 0) == first
    assert any(_seeded_globally(sampler, seed) != first for seed in (1, 2, 3))
    # ... and a draw advances the global generator, as a fit's does.
    with _global_seed(0):
        assert sampler.sample(8) != sampler.sample(8)


def test_a_fit_and_a_sample_without_seeds_repeat_together():
    def run():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            clf = CharEmbeddingMLPClassifier(hidden_layer_sizes=(4,), max_iter=2)
            pipe = make_pipeline(ContextWindowTransformer(), clf)
            return NameSampler(pipe).fit(NAMES).sample(5)

    with _global_seed(7):
        first = run()
    with _global_seed(7):
        assert run() == first


def _column_warnings(fit):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fitted = fit()
    said = [w for w in caught if issubclass(w.category, DataConversionWarning)]
    return fitted, said


@pytest.mark.parametrize(
    "as_column", [_column, _frame, _nested], ids=["array", "DataFrame", "lists"]
)
def test_a_column_of_labels_warns_once_for_a_per_label_model(as_column):
    # It was: the MLP and NameLabelClassifier warned of a column-vector y, as
    # scikit-learn's classifiers do, and PerLabelClassifier read it silently.
    def fit(labels):
        pipe = make_pipeline(ContextWindowTransformer(), PerLabelClassifier())
        return pipe.fit(NAMES, labels)

    column, said = _column_warnings(lambda: fit(as_column(LABELS)))
    assert len(said) == 1
    assert "y has shape (9, 1)" in str(said[0].message)
    assert said[0].filename == __file__
    flat, none = _column_warnings(lambda: fit(LABELS))
    assert none == []
    assert column[-1].label_classes_.tolist() == flat[-1].label_classes_.tolist()
    assert column.score(NAMES, LABELS) == flat.score(NAMES, LABELS)


def test_a_column_of_labels_keeps_its_index_in_a_missing_label_s_message():
    # It was (as delivered first): the column was read as a plain array before
    # the checks, so the message lost the place NameSampler's message gives.
    labels = LABELS[:4] + [None] + LABELS[5:]
    column = pd.DataFrame({"label": labels}, index=range(500, 509))
    pipe = make_pipeline(ContextWindowTransformer(), PerLabelClassifier())
    place = r"y\.iloc\[4\] \(position 4, index label 504\)"
    for fit in (pipe.fit, NameSampler(pipe).fit):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with pytest.raises(ValueError, match=place):
                fit(NAMES, column)
        assert [w for w in caught if w.category is DataConversionWarning] == []
