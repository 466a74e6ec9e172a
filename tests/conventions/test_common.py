"""scikit-learn's data-free common checks and the string-input checks, for every
estimator that takes names. The classifier, which takes integer ids, runs
sklearn's full ``parametrize_with_checks`` in test_classifier.py."""

import pytest
from sklearn.utils import estimator_checks as sk_checks

from sknextchar import ContextWindowTransformer, NameSampler
from tests._doubles import count_pipe
from tests._string_checks import STRING_CHECKS

NAMES = ["abid", "ali", "zoya", "ravi", "asha", "neel"]

# (estimator, output function). The sampler wraps an n-gram test double: the
# checks are about the sampler, and the double fits in no time.
STRING_ESTIMATORS = {
    "ContextWindowTransformer": (
        ContextWindowTransformer(context_length=2),
        lambda est, names: est.transform(names),
    ),
    "NameSampler": (
        NameSampler(count_pipe()),
        lambda est, names: est.score_samples(names),
    ),
}

# sklearn checks that never look at data, so they apply to string input as is.
DATA_FREE_CHECKS = [
    "check_estimator_cloneable",
    "check_estimator_repr",
    "check_get_params_invariance",
    "check_no_attributes_set_in_init",
    "check_param_validation",
    "check_set_params",
    "check_parameters_default_constructible",
    "check_do_not_raise_errors_in_init_or_set_params",
    "check_estimator_tags_renamed",
    "check_mixin_order",
    "check_transformers_unfitted",
]


@pytest.mark.parametrize("check", DATA_FREE_CHECKS)
@pytest.mark.parametrize("name", sorted(STRING_ESTIMATORS))
def test_sklearn_data_free_checks(name, check):
    estimator, _ = STRING_ESTIMATORS[name]
    getattr(sk_checks, check)(name, estimator)


@pytest.mark.parametrize("check", STRING_CHECKS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("name", sorted(STRING_ESTIMATORS))
def test_string_input_checks(name, check):
    from sklearn.base import clone

    estimator, output = STRING_ESTIMATORS[name]
    check(clone(estimator), NAMES, output)


@pytest.mark.parametrize("name", sorted(STRING_ESTIMATORS))
def test_string_input_tags(name):
    from sklearn.utils import get_tags

    tags = get_tags(STRING_ESTIMATORS[name][0])
    assert tags.input_tags.string and not tags.input_tags.two_d_array
