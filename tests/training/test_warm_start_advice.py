"""A warm-started fit is told to set warm_start=False.

Context ids beyond those of the first fit advised ``partial_fit`` even to a
warm-started ``fit``; labels missing from a warm fit's y got no advice at all;
``plot_temperature(model, context=...)`` named its dead end ``prefix=``.
"""

import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
)

X = np.array([[0, 1], [1, 2], [2, 0]])
Y = ["a", "b", "a"]


def _warm_model():
    model = CharEmbeddingMLPClassifier(
        hidden_layer_sizes=(4,), max_iter=2, warm_start=True, random_state=0
    )
    return model.fit(X, Y)


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
def test_new_context_ids_in_a_warm_fit_advise_warm_start_false():
    model = _warm_model()
    with pytest.raises(ValueError, match=r"Context ids \[5\] are not known") as e:
        model.fit(np.array([[0, 5], [1, 2], [2, 0]]), Y)
    message = str(e.value)
    assert "Set warm_start=False to fit a new model on these windows" in message
    assert "partial_fit with a batch" not in message
    # partial_fit keeps its own advice.
    with pytest.raises(ValueError, match="begin partial_fit with a batch"):
        model.partial_fit(np.array([[0, 5]]), ["a"])


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
def test_labels_missing_from_a_warm_fit_get_a_fix():
    model = _warm_model()
    with pytest.raises(ValueError, match="warm_start can only be used") as e:
        model.fit(X, ["a", "a", "a"])
    message = str(e.value)
    assert "Set warm_start=False to fit a new model" in message
    assert "pass a y that holds every one of those classes" in message
    assert "windows" not in message  # windows lacking characters are no error


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
def test_a_warm_fit_on_names_without_some_characters_keeps_every_class():
    names = ["anna", "bob", "cid", "dave", "eve"]
    transformer = ContextWindowTransformer(alphabet="auto").fit(names)
    windows = transformer.transform(names)
    model = CharEmbeddingMLPClassifier(
        hidden_layer_sizes=(4,), max_iter=2, warm_start=True, random_state=0
    ).fit(windows)
    classes = model.classes_.tolist()
    model.fit(transformer.transform(["anna", "nan"]))  # no b, c, d, e, i, o, v
    assert model.classes_.tolist() == classes == list(transformer.vocabulary_)
    proba = model.predict_proba(windows)
    assert proba.shape == (len(windows), len(classes))
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=1e-5)
    assert np.isfinite(model.score(windows))


def test_plot_temperature_names_its_dead_end_context():
    pytest.importorskip("matplotlib")
    from sknextchar.plotting import plot_temperature

    # With add_k=0, 'c' ends every name it is in: below min_length=3 nothing
    # may follow "bc".
    counts = make_pipeline(
        ContextWindowTransformer(context_length=1), KneserNeyClassifier(add_k=0)
    )
    names = ["abc", "bbc", "abd", "bbd"]
    sampler = NameSampler(counts, min_length=3, max_length=5).fit(names)
    with pytest.raises(ValueError, match=r"No name can continue context='bc': ") as e:
        plot_temperature(sampler, context="bc")
    assert "prefix" not in str(e.value)
