"""A context length or label set other than the fitted one: advice that fits the call.

A context-length mismatch gave scikit-learn's generic "X has 5 features" with no
word of context_length or of a fix; a warm-started fit on new labels was advised
about partial_fit; a cloned loaded sampler was told to wrap its pipeline in
FrozenEstimator, which it already was; names_by_label.rst scored on names it never
defined.
"""

import ast
import re
from pathlib import Path

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.frozen import FrozenEstimator

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    NameSampler,
    PerLabelClassifier,
    make_default_pipeline,
)

NAMES = ["abid", "asha", "ravi", "mira", "arun", "devi"]
# What scikit-learn's check_n_features_in_after_fitting looks for.
SKLEARN_WORDS = r"X has 5 features, but \w+ is expecting 3 features as input"


def windows(context_length):
    return ContextWindowTransformer(context_length=context_length).fit_transform(NAMES)


def quick(cls):
    if cls is CharEmbeddingMLPClassifier:
        return cls(max_iter=1, random_state=0)
    return cls()


@pytest.mark.parametrize("method", ["score", "predict_proba"])
def test_a_pipeline_with_a_new_context_length_says_what_to_do(method):
    pipe = make_default_pipeline(random_state=0).set_params(clf__max_iter=1)
    pipe.fit(NAMES).set_params(windows__context_length=5)
    with pytest.raises(ValueError, match=SKLEARN_WORDS) as e:
        getattr(pipe, method)(NAMES)
    message = str(e.value)
    assert "windows have 5 characters" in message
    assert "fitted on windows of 3" in message
    assert "context_length=3" in message and "again" in message


@pytest.mark.parametrize(
    "model",
    [
        quick(CharEmbeddingMLPClassifier),
        KneserNeyClassifier(),
        MixtureClassifier([("kn", KneserNeyClassifier())]),
    ],
    ids=lambda m: type(m).__name__,
)
def test_every_model_names_the_context_length(model):
    model.fit(windows(3))
    with pytest.raises(ValueError, match=SKLEARN_WORDS + ".*context_length=3"):
        model.predict_proba(windows(5))


def test_per_label_arrays_name_the_context_length():
    model = PerLabelClassifier().fit(windows(3), list("ffmmff"))
    with pytest.raises(ValueError, match=SKLEARN_WORDS + ".*context_length=3"):
        model.predict_proba(np.zeros((2, 5), dtype=int))


@pytest.mark.parametrize("cls", [CharEmbeddingMLPClassifier, KneserNeyClassifier])
def test_partial_fit_needs_windows_of_the_same_length(cls):
    model = quick(cls).partial_fit(windows(3))
    with pytest.raises(ValueError, match=SKLEARN_WORDS) as e:
        model.partial_fit(windows(5))
    message = str(e.value)
    assert "partial_fit adds to the fitted model" in message
    assert "context_length=3" in message and "call fit" in message


@pytest.mark.parametrize("cls", [CharEmbeddingMLPClassifier, KneserNeyClassifier])
def test_partial_fit_on_arrays_too(cls):
    contexts = np.array([[0, 1, 2], [1, 2, 0]])
    model = quick(cls).partial_fit(contexts, [0, 1], classes=[0, 1])
    with pytest.raises(ValueError, match="partial_fit adds to the fitted model"):
        model.partial_fit(np.array([[0, 1, 2, 1, 1]]), [0])


def test_a_warm_start_fit_says_set_warm_start_false():
    pipe = make_default_pipeline(random_state=0)
    pipe.set_params(clf__max_iter=1, clf__warm_start=True).fit(NAMES)
    pipe.set_params(windows__context_length=5)
    with pytest.raises(ValueError, match=SKLEARN_WORDS) as e:
        pipe.fit(NAMES)
    assert "set warm_start=False" in str(e.value)
    assert "partial_fit" not in str(e.value)


def test_a_warm_start_fit_on_new_name_labels_says_set_warm_start_false():
    W = ContextWindowTransformer().fit(["abid"]).transform(["abid", "asha", "ravi"])
    clf = CharEmbeddingMLPClassifier(max_iter=1, warm_start=True)
    clf.fit(W, ["f", "m", "m"])
    with pytest.raises(ValueError, match="set warm_start=False to fit a new model"):
        clf.fit(W, ["f", "m", "x"])
    partial = CharEmbeddingMLPClassifier(max_iter=1).partial_fit(W, ["f", "m", "m"])
    with pytest.raises(ValueError, match="give the first partial_fit names"):
        partial.partial_fit(W, ["f", "m", "x"])


def test_a_warm_start_fit_on_new_array_labels_says_set_warm_start_false():
    contexts = np.array([[0, 1, 2], [1, 2, 0]])
    clf = CharEmbeddingMLPClassifier(max_iter=1, warm_start=True)
    clf.fit(contexts, [0, 1])
    with pytest.raises(ValueError, match="set warm_start=False") as e:
        clf.fit(contexts, [0, 2])
    assert "partial_fit" not in str(e.value)


def test_a_cloned_frozen_sampler_is_told_to_fit_not_to_wrap():
    pipe = make_default_pipeline().set_params(clf=KneserNeyClassifier()).fit(NAMES)
    loaded = NameSampler(FrozenEstimator(pipe)).fit(NAMES)  # what load_model gives
    with pytest.raises(NotFittedError, match=r"call sampler\.fit\(names\)") as e:
        clone(loaded).sample(2)
    assert "wrap it" not in str(e.value) and "clone" in str(e.value)
    with pytest.raises(NotFittedError, match="wrap it"):  # not frozen: as before
        NameSampler(pipe).sample(2)


def _python_blocks(page):
    """(directive, code) of each code-block and runblock of an rst page."""
    pattern = r"^\.\. (code-block:: python|runblock::)\n\n((?:   .*\n|\n)+)"
    for found in re.finditer(pattern, page, flags=re.MULTILINE):
        code = "\n".join(line[3:] for line in found[2].splitlines())
        yield found[1], code


def test_names_by_label_defines_what_it_scores():
    page = Path(__file__).parents[2] / "docs" / "names_by_label.rst"
    scored = [
        (directive, code)
        for directive, code in _python_blocks(page.read_text("utf-8"))
        if "held_out" in code
    ]
    assert scored
    for directive, code in scored:
        assigned = {
            target.id
            for node in ast.walk(ast.parse(code))
            if isinstance(node, ast.Assign)
            for target in ast.walk(node)
            if isinstance(target, ast.Name) and isinstance(target.ctx, ast.Store)
        }
        assert {"held_out", "held_labels"} <= assigned
        assert "GroupShuffleSplit" in code or "GroupKFold" in code
        assert directive == "runblock::"  # run by the build, so it stays right
