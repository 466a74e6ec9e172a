"""``score`` of the next-character models with ``sample_weight`` (one weight per
name, as scikit-learn's ``score`` methods take it), and pipelines scored with
scikit-learn's metadata routing enabled, as the labels' ``predict_proba`` needs."""

import numpy as np
import pytest
import sklearn
from sklearn.model_selection import GridSearchCV, KFold, cross_validate
from sklearn.pipeline import Pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    PerLabelClassifier,
)
from sknextchar.datasets import load_indian_names
from sknextchar.metrics import SCORERS

pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")

NAMES = load_indian_names()[::100]
HELD_OUT = ["asha", "ravi", "zoya", "neel", "abid"]

MODELS = {
    "mlp": lambda: CharEmbeddingMLPClassifier(
        embedding_dim=3, hidden_layer_sizes=(8,), max_iter=1, random_state=0
    ),
    "kn": KneserNeyClassifier,
    "mixture": lambda: MixtureClassifier(
        [("kn", KneserNeyClassifier()), ("add1", KneserNeyClassifier(add_k=1))],
        random_state=0,
    ),
    "per-label": lambda: PerLabelClassifier(KneserNeyClassifier(order=2)),
}


def pipe(model):
    return Pipeline(
        [("windows", ContextWindowTransformer(context_length=2)), ("clf", model)]
    )


@pytest.fixture(scope="module", params=sorted(MODELS))
def fitted(request):
    return pipe(MODELS[request.param]()).fit(NAMES)


def test_sample_weight_weighs_the_names(fitted):
    plain = fitted.score(HELD_OUT)
    assert fitted.score(HELD_OUT, sample_weight=np.ones(5)) == pytest.approx(plain)
    assert fitted.score(HELD_OUT, sample_weight=2.0) == pytest.approx(plain)
    # A weight of 0 leaves a name out; a weight of 2 counts it twice.
    weights = np.array([2.0, 0, 1, 1, 0])
    twice = ["asha", "asha", "zoya", "neel"]
    assert fitted.score(HELD_OUT, sample_weight=weights) == pytest.approx(
        fitted.score(twice)
    )


def test_bad_sample_weight_says_what_is_expected(fitted):
    with pytest.raises(ValueError, match="5 numbers, one per name.*got shape \\(4,\\)"):
        fitted.score(HELD_OUT, sample_weight=[1, 1, 1, 1])
    with pytest.raises(ValueError, match="got a negative value"):
        fitted.score(HELD_OUT, sample_weight=[1, -1, 1, 1, 1])
    with pytest.raises(ValueError, match="got only zeros"):
        fitted.score(HELD_OUT, sample_weight=np.zeros(5))


def test_sample_weight_of_an_array_weighs_the_rows():
    rng = np.random.default_rng(0)
    X = rng.integers(0, 3, size=(60, 2))
    y = np.where(X[:, 1] == 2, "two", "other")
    model = KneserNeyClassifier().fit(X, y)
    weights = np.r_[np.full(30, 3.0), np.zeros(30)]
    assert model.score(X, y, sample_weight=weights) == pytest.approx(
        model.score(X[:30], y[:30])
    )


def test_pipelines_score_with_metadata_routing(fitted):
    plain = fitted.score(HELD_OUT)
    with sklearn.config_context(enable_metadata_routing=True):
        assert fitted.score(HELD_OUT) == plain
        cv = KFold(2, shuffle=True, random_state=0)
        scores = cross_validate(fitted, NAMES, cv=cv, scoring=SCORERS)
        assert np.all(np.isfinite(scores["test_log_likelihood"]))
        search = GridSearchCV(
            fitted, {"windows__context_length": [1, 2]}, cv=cv, error_score="raise"
        ).fit(NAMES)
        assert np.all(np.isfinite(search.cv_results_["mean_test_score"]))


def test_a_search_routes_sample_weight_to_the_score():
    names = np.array(NAMES)
    weights = np.where(np.char.startswith(names, "a"), 1.0, 0.0)
    cv = KFold(2, shuffle=True, random_state=0)
    with sklearn.config_context(enable_metadata_routing=True):
        # fit takes sample_weight too: these weights are for the score only.
        model = KneserNeyClassifier().set_score_request(sample_weight=True)
        model.set_fit_request(sample_weight=False)
        search = GridSearchCV(pipe(model), {"clf__order": [1, 3]}, cv=cv)
        search.fit(names, sample_weight=weights)
    for i, (train, test) in enumerate(cv.split(names)):
        fold = pipe(KneserNeyClassifier(order=1)).fit(names[train])
        a_names = names[test][weights[test] > 0]
        assert search.cv_results_[f"split{i}_test_score"][0] == pytest.approx(
            fold.score(a_names)
        )
