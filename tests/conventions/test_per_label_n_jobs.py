"""What a scikit-learn user meets on a first day of tuning the package's estimators."""

import pytest

from sknextchar import ContextWindowTransformer, PerLabelClassifier


@pytest.mark.parametrize("n_jobs", [0, True])
def test_per_label_n_jobs_is_checked_as_joblib_would(n_jobs):
    windows = ContextWindowTransformer().fit_transform(["anna", "bob", "carl", "dan"])
    model = PerLabelClassifier(n_jobs=n_jobs)
    with pytest.raises(ValueError, match="'n_jobs' parameter"):
        model.fit(windows, ["f", "m", "f", "m"])
    assert not hasattr(model, "estimators_")
