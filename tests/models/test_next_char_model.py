"""What the next-character models share, and what stays on each of them."""

import numpy as np
import pytest

from sknextchar import (
    CharEmbeddingMLPClassifier,
    KneserNeyClassifier,
    MixtureClassifier,
    NameLabelClassifier,
    PerLabelClassifier,
)
from sknextchar._model_input import weighted_log_likelihood
from sknextchar._next_char_model import NextCharModelMixin

MODELS = [
    CharEmbeddingMLPClassifier,
    KneserNeyClassifier,
    MixtureClassifier,
    PerLabelClassifier,
]


@pytest.mark.parametrize("cls", MODELS)
def test_next_character_models_take_their_tags_from_the_one_mixin(cls):
    assert issubclass(cls, NextCharModelMixin)
    assert "__sklearn_tags__" not in vars(cls)
    tags = cls.__new__(cls).__sklearn_tags__()
    assert tags.input_tags.categorical and tags.input_tags.positive_only
    assert tags.estimator_type == "classifier"


def test_the_classifier_of_names_keeps_tags_of_its_own():
    assert not issubclass(NameLabelClassifier, NextCharModelMixin)
    tags = NameLabelClassifier().__sklearn_tags__()
    assert tags.input_tags.string and not tags.input_tags.two_d_array
    assert not tags.input_tags.categorical


@pytest.mark.parametrize("cls", MODELS)
@pytest.mark.parametrize(
    "method", ["predict_log_proba", "predict_proba", "predict", "score"]
)
def test_public_methods_keep_their_own_docstring_and_example(cls, method):
    # The API pages list no inherited members: a method moved into a mixin
    # would vanish from them, and its example would be another class's.
    doc = vars(cls)[method].__doc__
    assert "Examples\n        --------" in doc
    assert "from sknextchar import" in doc and cls.__name__ in doc


@pytest.mark.parametrize("n", [1, 2, 7, 128, 129, 1000, 4099])
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_unweighted_score_is_the_mean_every_model_returned_bit_for_bit(n, dtype):
    picked = np.log(np.random.default_rng(n).random(n)).astype(dtype)
    X = np.zeros((n, 2), dtype=int)
    mean = weighted_log_likelihood(picked, X, None)
    assert type(mean) is float
    assert mean == float(picked.mean(dtype=np.float64))  # the MLP, PerLabel
    if dtype is np.float64:  # Kneser-Ney and mixtures summed float64 arrays
        assert mean == float(picked.sum()) / len(picked)


class _Unpicklable:
    """A callback holding a lock: it cannot be pickled."""

    max_propagation_depth = None

    def __init__(self):
        import threading

        self.lock = threading.Lock()

    def setup(self, estimator, context):
        pass

    def teardown(self, estimator, context):
        pass

    def on_fit_task_begin(self, estimator, context):
        pass

    def on_fit_task_end(self, estimator, context):
        pass


def _fitted(cls):
    from sklearn.pipeline import make_pipeline

    from sknextchar import ContextWindowTransformer

    members = {
        MixtureClassifier: lambda: MixtureClassifier(
            [("kn", KneserNeyClassifier(order=2))], weights=[1.0]
        ),
        KneserNeyClassifier: lambda: KneserNeyClassifier(order=2),
        PerLabelClassifier: lambda: PerLabelClassifier(KneserNeyClassifier(order=2)),
        CharEmbeddingMLPClassifier: lambda: CharEmbeddingMLPClassifier(
            hidden_layer_sizes=(4,), max_iter=1
        ),
    }
    names = ["abid", "asha", "ravi", "uma"]
    pipe = make_pipeline(ContextWindowTransformer(context_length=1), members[cls]())
    return pipe.fit(names)[-1]


@pytest.mark.parametrize(
    "cls", [cls for cls in MODELS if hasattr(cls, "set_callbacks")]
)
def test_a_pickled_copy_leaves_out_the_callbacks_of_every_model(cls):
    # Before, only the MLP left them out: a Kneser-Ney model or a mixture with a
    # callback that cannot pickle could not be pickled (nor sent to a worker).
    import pickle

    model = _fitted(cls).set_callbacks(_Unpicklable())
    copy = pickle.loads(pickle.dumps(model))
    assert not hasattr(copy, "_skl_callbacks")
    assert len(model._skl_callbacks) == 1  # the user's object keeps its hooks
    X = np.array([[0], [1]])
    np.testing.assert_array_equal(copy.predict_proba(X), model.predict_proba(X))


@pytest.mark.parametrize(
    "model",
    [
        KneserNeyClassifier(),
        MixtureClassifier([("kn", KneserNeyClassifier())]),
        PerLabelClassifier(),
    ],
    ids=lambda model: type(model).__name__,
)
def test_the_fast_path_of_an_unfitted_model_says_to_fit_it(model):
    # Before: AttributeError: ... has no attribute '_tables' (or 'weights_').
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError, match="not fitted yet.*Call 'fit'"):
        model.next_log_proba(np.zeros((1, 2), dtype=int))
