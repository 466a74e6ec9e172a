"""KneserNeyClassifier and MixtureClassifier as scikit-learn estimators: the
context-id range of partial_fit, arrays and DataFrames in a mixture, and what
bad inputs and parameters say."""

import warnings

import numpy as np
import pandas as pd
import pytest

from sknextchar import (
    CharEmbeddingMLPClassifier,
    KneserNeyClassifier,
    MixtureClassifier,
)

X = np.array([[0, 1], [1, 2], [2, 0], [1, 2], [0, 0], [2, 2]] * 5)
Y = np.array(["b", "c", "a", "c", "a", "b"] * 5)


def two_counts(**params):
    members = [("kn", KneserNeyClassifier()), ("add1", KneserNeyClassifier(add_k=1))]
    return MixtureClassifier(members, **params)


# ------------------------------------------------- partial_fit and context ids


@pytest.mark.parametrize(
    "model",
    [KneserNeyClassifier(), CharEmbeddingMLPClassifier(max_iter=1, random_state=0)],
    ids=["kn", "mlp"],
)
def test_partial_fit_with_a_larger_id_says_the_first_call_fixed_the_ids(model):
    # Both next-character models: the first call fixes the ids, as classes_.
    model.partial_fit(X, Y, classes=["a", "b", "c"])
    before = model.predict_proba(X)
    with pytest.raises(ValueError) as error:
        model.partial_fit(np.array([[5, 1], [0, 7]]), ["c", "a"])
    message = str(error.value)
    assert "Context ids [5, 7] are not known to the model, which knows 3 ids" in message
    assert "first call to fit or partial_fit" in message
    assert "begin partial_fit with a batch that holds the largest id" in message
    np.testing.assert_array_equal(model.predict_proba(X), before)


def test_kn_partial_fit_beginning_with_the_largest_id_equals_fit():
    # The remedy the message gives: the counts then add up as fit's.
    extra, extra_y = np.array([[5, 1], [0, 5]]), ["c", "a"]
    streamed = KneserNeyClassifier().partial_fit(extra, extra_y, classes=list("abc"))
    streamed.partial_fit(X, Y)
    whole = KneserNeyClassifier().fit(np.vstack([X, extra]), [*Y, *extra_y])
    contexts = np.array([[5, 1], [0, 5], [1, 2], [3, 3]])
    np.testing.assert_allclose(
        streamed.predict_proba(contexts), whole.predict_proba(contexts)
    )


# ------------------------------------------------------- the mixture on arrays


def rows_with_a_rare_id():
    rng = np.random.default_rng(0)
    contexts = rng.integers(0, 3, size=(40, 2))
    contexts[7] = [5, 1]  # id 5 in one row only
    return contexts, rng.choice(list("abc"), 40)


@pytest.mark.parametrize("refit", [True, False])
def test_mixture_on_arrays_keeps_the_largest_ids_in_the_training_rows(refit):
    # random_state=6 holds out row 7: its id 5 was unknown to the members fitted
    # on the other rows, and the fit failed with the members' message.
    contexts, labels = rows_with_a_rare_id()
    mixture = two_counts(random_state=6, refit=refit).fit(contexts, labels)
    np.testing.assert_allclose(mixture.predict_proba(contexts).sum(axis=1), 1.0)
    assert mixture.validation_score_ <= 0


def test_mixture_says_when_no_held_out_row_is_left():
    contexts, labels = np.array([[0], [1], [2], [3]]), list("abab")
    with pytest.raises(ValueError, match="The held-out part is empty.*random_state"):
        two_counts(random_state=1).fit(contexts, labels)  # holds out [3] only


@pytest.mark.parametrize(
    "params",
    [dict(weights=[1, 1]), dict(random_state=0), dict(random_state=0, refit=False)],
    ids=["given-weights", "refit", "no-refit"],
)
def test_mixture_fitted_on_a_dataframe_predicts_without_warnings(params):
    # The members were fitted on the DataFrame (with its column names) but given
    # the mixture's checked arrays: each warned at every predict.
    frame = pd.DataFrame(X, columns=["older", "newer"])
    mixture = two_counts(**params).fit(frame, Y)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        proba = mixture.predict_proba(frame)
        assert mixture.score(frame, Y) <= 0
    on_arrays = two_counts(**params).fit(X, Y)  # the same model as on the arrays
    np.testing.assert_allclose(proba, on_arrays.predict_proba(X))
    assert list(mixture.feature_names_in_) == ["older", "newer"]
    assert not any(hasattr(m, "feature_names_in_") for m in mixture.estimators_)


# ------------------------------------------------------- messages and numbers


@pytest.mark.parametrize(
    "model",
    [KneserNeyClassifier(), two_counts(weights=[1, 1])],
    ids=["kn", "mixture"],
)
def test_score_with_an_unknown_label_says_what_to_do(model):
    model.fit(X, Y)
    with pytest.raises(ValueError) as error:
        model.score(X[:2], ["z", "a"])
    message = str(error.value)
    assert "y has labels ['z'] that are not in classes_" in message
    assert "score only the windows whose labels are in classes_" in message
    assert "partial_fit" not in message


def test_a_huge_context_id_is_named_with_what_to_do():
    with pytest.raises(ValueError) as error:
        KneserNeyClassifier().fit(np.array([[0, 10**20], [1, 2]]), ["a", "b"])
    message = str(error.value)
    assert "such as 1e+20." in message  # the float, not its 21 digits
    assert "Number the context ids from 0 without gaps" in message


@pytest.mark.parametrize("k", [1e308, 6e307])
def test_a_huge_add_k_gives_uniform_rows_not_nan(k):
    # k times the 3 classes overflowed to inf, and inf / inf gave NaN rows.
    proba = KneserNeyClassifier(add_k=k).fit(X, Y).predict_proba(X)
    np.testing.assert_allclose(proba, 1 / 3)
