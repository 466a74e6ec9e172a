"""Pieces written once: the hold-out draws, the row keys, the length limit, the priors.

Each test pins what a move must keep: the mixture's weights bit for bit (the
hold-out it draws), the modules the sampling math depends on, the one bound of
``min_length`` that the sampler and ``sample --min-length`` share, and the one
function that turns priors into log-priors for ``classify --priors`` and
``NameLabelClassifier(priors=...)``.
"""

import ast
from pathlib import Path

import numpy as np
import pytest
from sklearn.pipeline import Pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    NameLabelClassifier,
    NameSampler,
    make_default_pipeline,
)
from sknextchar._compat import (
    Interval,
    InvalidParameterError,
    validate_parameter_constraints,
)
from sknextchar._label_posterior import log_priors
from sknextchar.cli import build_parser
from sknextchar.cli._classify import _log_priors
from sknextchar.cli._flags import SAMPLER_FLAGS
from sknextchar.cli._lengths import check_length_flags
from sknextchar.datasets import load_indian_names

PACKAGE = Path(__file__).resolve().parents[2] / "sknextchar"


# --------------------------------------------------------------------------- #
# The mixture's hold-out: the weights it fits.
# --------------------------------------------------------------------------- #
def test_a_mixture_of_names_fits_the_same_weights():
    members = [
        ("bigram", KneserNeyClassifier(order=2)),
        ("trigram", KneserNeyClassifier(order=3)),
    ]
    pipe = Pipeline(
        [
            ("windows", ContextWindowTransformer(context_length=3)),
            ("clf", MixtureClassifier(members, random_state=0)),
        ]
    ).fit(load_indian_names()[::20])
    # Whole names held out (GroupShuffleSplit); another draw moves them by 1e-3
    # or more, another platform's arithmetic by 1e-15 or so.
    expected = [0.2834336308566512, 0.7165663691433488]
    np.testing.assert_allclose(pipe["clf"].weights_, expected, rtol=0, atol=1e-12)


def test_a_mixture_of_rows_fits_the_same_weights():
    rng = np.random.RandomState(0)
    X, y = rng.randint(0, 5, size=(300, 2)), rng.randint(0, 4, size=300)
    members = [("add_one", KneserNeyClassifier(add_k=1)), ("kn", KneserNeyClassifier())]
    mixture = MixtureClassifier(members, random_state=4).fit(X, y)
    # Rows held out (ShuffleSplit), in the order of its permutation.
    expected = [0.1880548343501761, 0.811945165649824]
    np.testing.assert_allclose(mixture.weights_, expected, rtol=0, atol=1e-12)


# --------------------------------------------------------------------------- #
# The row keys: sampling math does not depend on the count model's module.
# --------------------------------------------------------------------------- #
def _package_imports(module):
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    return {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.level
    }


def test_sampling_math_imports_no_count_model_module():
    assert _package_imports("_row_keys") == set()  # a foundation: NumPy only
    for module in ("_decoding", "_generation", "_label_posterior"):
        assert "_ngram" not in _package_imports(module), module
    for module in ("_ngram", "_decoding", "_generation", "_label_posterior"):
        assert "_row_keys" in _package_imports(module), module


# --------------------------------------------------------------------------- #
# The length limit: --min-length's bound is the sampler's.
# --------------------------------------------------------------------------- #
def _sampler_min_length_bound():
    (interval,) = [
        c
        for c in NameSampler._parameter_constraints["min_length"]
        if isinstance(c, Interval)
    ]
    return interval.right


def _sampler_takes(min_length):
    constraints = {"min_length": NameSampler._parameter_constraints["min_length"]}
    try:
        validate_parameter_constraints(
            constraints, {"min_length": min_length}, "NameSampler"
        )
    except InvalidParameterError:
        return False
    return True


def _command_line_takes(min_length):
    argv = ["sample", "m.skops", "--min-length", str(min_length)]
    try:
        check_length_flags(build_parser().parse_args(argv))
    except ValueError:
        return False
    return True


def test_min_length_flag_has_the_samplers_bound():
    bound = _sampler_min_length_bound()
    for value, taken in ((1, True), (bound, True), (bound + 1, False)):
        assert _sampler_takes(value) is taken, value
        assert _command_line_takes(value) is taken, value
    (flag,) = [f for f in SAMPLER_FLAGS if f.flag == "--min-length"]
    assert f"at most {bound} " in flag.help


# --------------------------------------------------------------------------- #
# The priors: one function makes the log-priors; each interface its messages.
# --------------------------------------------------------------------------- #
def test_classify_priors_and_the_classifiers_priors_give_the_same_log_priors():
    from_flags = _log_priors([("female", 1.0), ("male", 3.0)], ["female", "male"])
    np.testing.assert_array_equal(from_flags, log_priors(np.array([0.25, 0.75])))
    pipe = make_default_pipeline(random_state=0).set_params(clf__max_iter=1)
    clf = NameLabelClassifier(pipe, priors={"female": 0.25, "male": 0.75})
    clf.fit(["anna", "asha", "marco", "ravi"], ["female", "female", "male", "male"])
    joint = clf.predict_joint_log_proba(["amit"])
    np.testing.assert_array_equal(joint, clf.log_likelihood(["amit"]) + from_flags)


def test_a_prior_of_0_rules_its_label_out_in_both_interfaces():
    assert log_priors(np.array([0.0, 1.0])).tolist() == [-np.inf, 0.0]
    from_flags = _log_priors([("f", 0.0), ("m", 2.0)], ["f", "m"])
    assert from_flags.tolist() == [-np.inf, 0.0]


def test_priors_messages_keep_each_interfaces_spelling():
    with pytest.raises(ValueError, match=r"^--priors needs one LABEL=WEIGHT"):
        _log_priors([("f", 1.0), ("x", 1.0)], ["f", "m"])
    with pytest.raises(ValueError, match=r"^--priors gives every label a weight"):
        _log_priors([("f", 0.0), ("m", 0.0)], ["f", "m"])
    pipe = make_default_pipeline(random_state=0).set_params(clf__max_iter=1)
    with pytest.raises(ValueError, match=r"^priors must be non-negative"):
        NameLabelClassifier(pipe, priors=[0.3, 0.3]).fit(["anna", "marco"], ["f", "m"])
