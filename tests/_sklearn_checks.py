"""What scikit-learn's common checks cannot test on a model of context ids.

``FLOAT_X_WEIGHT_CHECKS``: two checks of ``sample_weight`` fit on random floats,
which a next-character model refuses (it takes integer symbol ids). The
``tests/test_sample_weight_*.py`` files check the weights against the names or
rows repeated, on ids, instead.
"""

FLOAT_X_WEIGHT_CHECKS = dict.fromkeys(
    [
        "check_sample_weight_equivalence_on_dense_data",
        "check_classifiers_one_label_sample_weights",
    ],
    "fits on random floats; the model takes integer context ids",
)
