"""What scikit-learn's common checks cannot test on a model of context ids.

``FLOAT_X_WEIGHT_CHECKS``: two checks of ``sample_weight`` fit on random floats,
which a next-character model refuses (it takes integer symbol ids). The
``tests/*/test_sample_weight_*.py`` files check the weights against the names or
rows repeated, on ids, instead.

``EXTRA_CHECKS``: scikit-learn checks that ``parametrize_with_checks`` leaves out.
"""

import numpy as np

FLOAT_X_WEIGHT_CHECKS = dict.fromkeys(
    [
        "check_sample_weight_equivalence_on_dense_data",
        "check_classifiers_one_label_sample_weights",
    ],
    "fits on random floats; the model takes integer context ids",
)

# Checks that scikit-learn's own common tests run but ``parametrize_with_checks``
# does not yield; each model's test file runs them on its check estimator.
EXTRA_CHECKS = ["check_dataframe_column_names_consistency"]


def one_label_by_weight(model):
    """What ``check_classifiers_one_label_sample_weights`` asks, on context ids.

    Fitted with ``sample_weight=y`` on two labels, the rows of label 0 weigh
    nothing: the model must keep both labels in ``classes_`` and predict label 1
    everywhere (or refuse clearly, which these models do not need to).
    """
    rng = np.random.RandomState(0)
    X = rng.randint(0, 5, size=(60, 3))
    y = np.arange(60) % 2
    fitted = model.fit(X, y, sample_weight=y)
    return fitted.classes_.tolist(), set(fitted.predict(X).tolist())
