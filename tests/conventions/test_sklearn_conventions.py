"""scikit-learn's conventions the auditor checked against sknextchar.

Complex ``sample_weight`` is refused, as scikit-learn refuses complex data, on
every path the weights take (names, arrays of context ids, the meta-estimators).
A parameter the package validates by hand raises scikit-learn's
``InvalidParameterError`` (a ValueError and a TypeError), as its declared
constraints do. The module that routes the weights states scikit-learn's
behaviour as the installed scikit-learn has it.
"""

import warnings

import numpy as np
import pytest
import sklearn
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.ensemble import BaggingClassifier
from sklearn.exceptions import UnsetMetadataPassedError
from sklearn.pipeline import make_pipeline

import sknextchar._weight_routing as weight_routing
from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    NameLabelClassifier,
    NameSampler,
    PerLabelClassifier,
)
from sknextchar._compat import InvalidParameterError

NAMES = ["asha", "ravi", "amitabh", "uma", "zoe", "arun"]
LABELS = ["f", "m", "m", "f", "f", "m"]
WINDOWS = ContextWindowTransformer(context_length=2).fit_transform(NAMES)


def kn_pipe():
    return make_pipeline(
        ContextWindowTransformer(context_length=2), KneserNeyClassifier()
    )


COMPLEX_FITS = {
    "pipeline of names": lambda w: kn_pipe().fit(
        NAMES, kneserneyclassifier__sample_weight=w
    ),
    "NameSampler": lambda w: NameSampler(kn_pipe()).fit(NAMES, sample_weight=w),
    "NameLabelClassifier": lambda w: NameLabelClassifier(
        make_pipeline(
            ContextWindowTransformer(context_length=2),
            PerLabelClassifier(KneserNeyClassifier()),
        ),
        calibration=None,
    ).fit(NAMES, LABELS, sample_weight=w),
    "windows": lambda w: KneserNeyClassifier().fit(WINDOWS, sample_weight=w),
}


@pytest.mark.parametrize("how", sorted(COMPLEX_FITS))
@pytest.mark.parametrize(
    "make",
    [
        lambda n: np.full(n, 1 + 5j),  # an array: numpy would cast it
        lambda n: np.full(n, 1 + 0j),  # complex, even with no imaginary part
        lambda n: [1 + 5j] * n,
        lambda n: np.complex128(2),  # one number for every name
    ],
    ids=["array", "imaginary part 0", "list", "scalar"],
)
def test_complex_sample_weight_is_refused_on_every_path(how, make):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no ComplexWarning: refused, not cast
        with pytest.raises(ValueError, match="one per name.*not real numbers"):
            COMPLEX_FITS[how](make(len(NAMES)))


def test_complex_weights_of_rows_of_ids_get_the_same_message():
    ids = np.array([[0, 1], [1, 2]])
    for weights in (np.array([1 + 5j, 1]), [1 + 5j, 1]):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with pytest.raises(ValueError, match="2 numbers, one per row.*not real"):
                KneserNeyClassifier().fit(ids, [1, 2], sample_weight=weights)


def test_real_weights_in_a_complex_free_array_are_still_taken():
    counts = np.array([1, 2, 1, 1, 3, 1], dtype=np.int64)
    weighted = KneserNeyClassifier().fit(WINDOWS, sample_weight=counts)
    assert np.isfinite(weighted.predict_proba(WINDOWS.contexts)).all()


def _fit_names(estimator):
    return estimator.fit(NAMES)


def _fit_windows(estimator):
    return estimator.fit(WINDOWS)


def _fit_labels(estimator):
    return estimator.fit(NAMES, LABELS)


def _labels_pipe():
    return make_pipeline(
        ContextWindowTransformer(context_length=2),
        PerLabelClassifier(KneserNeyClassifier()),
    )


BAD_PARAMETERS = [
    (KneserNeyClassifier, dict(discount_fallback=(0.5,)), _fit_windows, "3 numbers"),
    (KneserNeyClassifier, dict(discount_fallback=(2, 1, 1)), _fit_windows, "D1 <="),
    (ContextWindowTransformer, dict(alphabet=""), _fit_names, "alphabet is empty"),
    (ContextWindowTransformer, dict(alphabet="aab"), _fit_names, "repeated"),
    (ContextWindowTransformer, dict(alphabet=["ab", "c"]), _fit_names, "single"),
    (ContextWindowTransformer, dict(alphabet="ab\x01"), _fit_names, "control"),
]
PRIORS = [
    ([0.2], "one value per label"),
    ([0.2, 0.2], "sum to 1"),
    (["a", "b"], "priors must be numbers"),
    ({"f": 1.0, "x": 0.0}, "each label of y once"),
    ({"f": -1.0, "m": 2.0}, "non-negative"),
]


@pytest.mark.parametrize("cls, params, fit, words", BAD_PARAMETERS)
def test_a_parameter_checked_by_hand_raises_invalid_parameter_error(
    cls, params, fit, words
):
    with pytest.raises(InvalidParameterError, match=words):
        fit(cls(**params))


@pytest.mark.parametrize("priors, words", PRIORS)
def test_bad_priors_raise_invalid_parameter_error(priors, words):
    clf = NameLabelClassifier(_labels_pipe(), priors=priors, calibration=None)
    with pytest.raises(InvalidParameterError, match=words):
        clf.fit(NAMES, LABELS)
    assert not hasattr(clf, "classes_")


def test_two_parameters_that_conflict_stay_a_plain_value_error():
    # Each is valid alone, as in scikit-learn's checks of combined parameters.
    with pytest.raises(ValueError, match="reserved end marker") as caught:
        ContextWindowTransformer(alphabet="ab-").fit(["ab"])
    assert not isinstance(caught.value, InvalidParameterError)


def test_an_end_symbol_of_two_characters_raises_invalid_parameter_error():
    with pytest.raises(InvalidParameterError, match="must be one character"):
        ContextWindowTransformer(end_symbol="ab").fit(NAMES)


class _Recorder(ClassifierMixin, BaseEstimator):
    """Records whether each fit was given a sample_weight."""

    def fit(self, X, y, sample_weight=None):
        self.got_weights_ = sample_weight is not None
        self.classes_ = np.unique(y)
        return self

    def predict_proba(self, X):
        return np.full((len(X), len(self.classes_)), 1 / len(self.classes_))

    def predict(self, X):
        return np.full(len(X), self.classes_[0])


def test_the_routing_module_states_scikit_learn_s_behaviour_for_an_unset_request():
    doc = " ".join(weight_routing.__doc__.split())
    assert "CalibratedClassifierCV`` raises ``UnsetMetadataPassedError" in doc
    assert "BaggingClassifier` draws its rows by the weights" in doc
    X = np.arange(40.0).reshape(20, 2)
    y = np.arange(20) % 2
    weights = np.linspace(1, 2, 20)
    with sklearn.config_context(enable_metadata_routing=True):
        with pytest.raises(UnsetMetadataPassedError):
            CalibratedClassifierCV(_Recorder(), cv=2).fit(X, y, sample_weight=weights)
        bagging = BaggingClassifier(_Recorder(), n_estimators=2, random_state=0)
        bagging.fit(X, y, sample_weight=weights)
        assert not any(model.got_weights_ for model in bagging.estimators_)
    # sknextchar's own behaviour (an unset model gets the weights) is tested in
    # test_weight_routing.py.


def test_mixture_weights_of_another_length_raise_invalid_parameter_error():
    mixture = MixtureClassifier([("kn", KneserNeyClassifier())], weights=[1, 2])
    with pytest.raises(InvalidParameterError, match="weights must be 'fit' or 1"):
        mixture.fit(WINDOWS)


class _FitDeclaresY(KneserNeyClassifier):
    """A model of a user's, its fit written with ``y`` required (it ignores it)."""

    def fit(self, X, y, sample_weight=None):
        return super().fit(X, y, sample_weight=sample_weight)


def test_a_model_whose_fit_declares_y_still_serves_a_sampler():
    # A Pipeline passes y=None to its last step: such a model worked, and a
    # check of fit's signature would refuse it (seen in a review).
    pipe = make_pipeline(ContextWindowTransformer(), _FitDeclaresY())
    sampler = NameSampler(pipe).fit(NAMES)
    assert len(sampler.sample(3, random_state=0)) == 3


ID_MODELS = {
    "KneserNeyClassifier": KneserNeyClassifier,
    "CharEmbeddingMLPClassifier": lambda: CharEmbeddingMLPClassifier(
        embedding_dim=2, hidden_layer_sizes=(3,), max_iter=1, random_state=0
    ),
    "MixtureClassifier": lambda: MixtureClassifier([("kn", KneserNeyClassifier())]),
    "PerLabelClassifier": PerLabelClassifier,
}


@pytest.mark.parametrize("value", [np.nan, np.inf, -np.inf], ids=str)
@pytest.mark.parametrize("name", sorted(ID_MODELS))
def test_context_ids_not_finite_are_refused_under_assume_finite(name, value):
    # assume_finite=True skips validate_data's check of NaN and infinity: an
    # infinite id was an OverflowError ("cannot convert float infinity to
    # integer") from deep inside the check of the ids.
    X = np.array([[0, 1], [1, 2], [2, 0]])
    y = np.array([1, 2, 0])
    bad = np.array([[0, 1], [value, 2]])
    fitted = ID_MODELS[name]().fit(X, y)
    said = "values such as" if np.isnan(value) else "or infinite values such as"
    words = f"integer symbol ids.*{said} {value!r}"
    with sklearn.config_context(assume_finite=True):
        with pytest.raises(ValueError, match=words):
            ID_MODELS[name]().fit(bad, [1, 2])
        with pytest.raises(ValueError, match=words):
            fitted.predict_proba(bad)


@pytest.mark.parametrize("name", sorted(ID_MODELS))
def test_a_huge_context_id_is_shown_as_the_float_not_its_digits(name):
    # 1e300 became a Python int: "Context ids [1000...(300 digits)] ..." in
    # predict_proba and "order=3 is too long for 1000...(300 digits) symbols"
    # in fit (the MLP: a memory estimate of 1.6e+302 bytes).
    X = np.array([[0, 1], [1, 2], [2, 0]])
    fitted = ID_MODELS[name]().fit(X, [1, 2, 0])
    bad = np.array([[0, 1], [1e300, 2]])
    words = r"^X must hold .*too large for an id, such as 1e\+300\. Number the"
    with pytest.raises(ValueError, match=words):
        ID_MODELS[name]().fit(bad, [1, 2])
    with pytest.raises(ValueError, match=words):
        fitted.predict_proba(bad)
    assert fitted.predict_proba(np.array([[0, 1], [1, 2]])).shape == (2, 3)
