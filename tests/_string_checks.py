"""Common checks for estimators that take 1-D string input (lists of names).

scikit-learn's common checks feed numeric 2-D data, so they run almost nothing on a
string-input estimator. These checks ask the same questions with names, in the way
imbalanced-learn writes checks for its own kind of estimator. Each check takes an
unfitted estimator, a list of names, and ``output(estimator, names)``, a function
returning the estimator's comparable output (an array, a list, a number).
"""

import io
import pickle

import joblib
import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError


def _same(a, b):
    if isinstance(a, (list, tuple)) and a and isinstance(a[0], np.ndarray):
        return len(a) == len(b) and all(np.array_equal(x, y) for x, y in zip(a, b))
    if hasattr(a, "contexts"):  # CharWindows
        return (
            all(
                np.array_equal(getattr(a, f), getattr(b, f))
                for f in ("contexts", "targets", "name_index")
            )
            and a.vocabulary == b.vocabulary
        )
    return np.array_equal(np.asarray(a), np.asarray(b))


def check_fit_returns_self(estimator, names, output):
    assert estimator.fit(names) is estimator


def check_fit_idempotent(estimator, names, output):
    first = output(clone(estimator).fit(names), names)
    est = clone(estimator).fit(names)
    est.fit(names)
    assert _same(first, output(est, names))


def check_params_not_changed_by_fit(estimator, names, output):
    before = joblib.hash(estimator.get_params(deep=False))
    estimator.fit(names)
    assert joblib.hash(estimator.get_params(deep=False)) == before


def check_fit_sets_only_trailing_underscore_attributes(estimator, names, output):
    before = set(vars(estimator))
    estimator.fit(names)
    added = set(vars(estimator)) - before
    public = [a for a in added if not a.startswith("_")]
    assert all(a.endswith("_") for a in public), public


def check_not_fitted_error(estimator, names, output):
    with pytest.raises(NotFittedError, match="is not fitted yet"):
        output(clone(estimator), names)


def check_input_not_modified(estimator, names, output):
    names = list(names)
    copy = list(names)
    output(estimator.fit(names), names)
    assert names == copy


def check_pickle_and_joblib_round_trip(estimator, names, output):
    estimator.fit(names)
    expected = output(estimator, names)
    again = pickle.loads(pickle.dumps(estimator))
    assert _same(expected, output(again, names))
    buffer = io.BytesIO()
    joblib.dump(estimator, buffer)
    buffer.seek(0)
    assert _same(expected, output(joblib.load(buffer), names))


def check_clone_of_fitted_is_unfitted(estimator, names, output):
    fitted = estimator.fit(names)
    with pytest.raises(NotFittedError, match="is not fitted yet"):
        output(clone(fitted), names)


def check_array_like_inputs_agree(estimator, names, output):
    import pandas as pd

    fitted = estimator.fit(names)
    expected = output(fitted, names)
    for variant in (
        tuple(names),
        np.array(names),
        np.array(names, dtype=object),
        pd.Series(names),
    ):
        assert _same(expected, output(fitted, variant))


STRING_CHECKS = [
    check_fit_returns_self,
    check_fit_idempotent,
    check_params_not_changed_by_fit,
    check_fit_sets_only_trailing_underscore_attributes,
    check_not_fitted_error,
    check_input_not_modified,
    check_pickle_and_joblib_round_trip,
    check_clone_of_fitted_is_unfitted,
    check_array_like_inputs_agree,
]
