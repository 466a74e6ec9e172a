"""The estimators as a notebook shows them: the HTML diagram and the text repr.

The meta-estimators show their members side by side in the diagram, each under
its name, as scikit-learn's ``VotingClassifier`` does, unfitted, fitted and
loaded from a skops file alike.
"""

import re

import numpy as np
import pytest
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import Pipeline
from sklearn.utils import estimator_html_repr

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    NameLabelClassifier,
    NameSampler,
    PerLabelClassifier,
    load_model,
    save_model,
)
from sknextchar.datasets import load_indian_names

pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")

NAMES, LABELS = (np.asarray(a)[::60] for a in load_indian_names(return_X_y=True))


def counts(order=3):
    return Pipeline(
        [
            ("windows", ContextWindowTransformer(context_length=order)),
            ("clf", PerLabelClassifier(KneserNeyClassifier(order=order))),
        ]
    )


def mixture():
    return MixtureClassifier(
        [
            ("kn", KneserNeyClassifier(order=3)),
            ("off", "drop"),
            ("mlp", CharEmbeddingMLPClassifier(hidden_layer_sizes=(4,), max_iter=1)),
        ],
        weights=[0.5, 0.5, 0.5],
    )


def mixture_pipeline():
    return Pipeline([("windows", ContextWindowTransformer()), ("clf", mixture())])


# A label of the diagram: an estimator's box or the name of a member, with its
# fitted status (the CSS class "fitted", as scikit-learn marks it).
LABEL = re.compile(
    r'class="(?:sk-label|sk-toggleable__label) +(fitted)?[^"]*">'
    r"(?:<label>)?(?:<div><div>)?([^<]*)<"
)


def shown(html):
    """The labels of the diagram, in order: (text, fitted)."""
    return [(text, bool(fitted)) for fitted, text in LABEL.findall(html) if text]


PIPELINE = ["ContextWindowTransformer", "clf: PerLabelClassifier"]
PIPELINE += ["estimator: KneserNeyClassifier", "KneserNeyClassifier"]
MEMBERS = ["kn", "KneserNeyClassifier", "off", "drop"]
MEMBERS += ["mlp", "CharEmbeddingMLPClassifier"]

# The estimator, what it is fitted on, and the labels of its diagram.
CASES = {
    "mixture": (mixture, "mixture", ["MixtureClassifier", *MEMBERS]),
    "classifier-one-pipeline": (
        lambda: NameLabelClassifier(counts()),
        "labels",
        ["NameLabelClassifier", "estimator: Pipeline", *PIPELINE],
    ),
    "classifier-list": (
        lambda: NameLabelClassifier([counts(2), counts(3)]),
        "labels",
        ["NameLabelClassifier", "estimator[0]: Pipeline", *PIPELINE]
        + ["estimator[1]: Pipeline", *PIPELINE],
    ),
    "classifier-named": (
        lambda: NameLabelClassifier([("short", counts(2)), ("long", counts(3))]),
        "labels",
        ["NameLabelClassifier", "estimator__short: Pipeline", *PIPELINE]
        + ["estimator__long: Pipeline", *PIPELINE],
    ),
    "sampler": (
        lambda: NameSampler(mixture_pipeline(), temperature=0.8),
        "names",
        ["NameSampler", "estimator: Pipeline", "ContextWindowTransformer"]
        + ["clf: MixtureClassifier", *MEMBERS],
    ),
}


def fitted(make, data):
    estimator = make()
    if data == "mixture":  # a mixture alone: fitted on the windows
        return mixture_pipeline().fit(NAMES)[-1]
    return estimator.fit(NAMES, LABELS) if data == "labels" else estimator.fit(NAMES)


@pytest.mark.slow
@pytest.mark.parametrize("state", ["unfitted", "fitted", "loaded"])
@pytest.mark.parametrize("case", list(CASES))
def test_the_diagram_shows_each_member_by_name_and_class(case, state, tmp_path):
    make, data, labels = CASES[case]
    estimator = make() if state == "unfitted" else fitted(make, data)
    if state == "loaded":
        save_model(estimator, tmp_path / "model.skops")
        estimator = load_model(tmp_path / "model.skops")
    html = estimator._repr_html_()  # what Jupyter shows
    assert shown(estimator_html_repr(estimator)) == shown(html)
    is_fitted = state != "unfitted"
    assert f"<span>{'Fitted' if is_fitted else 'Not fitted'}</span>" in html
    assert shown(html) == [(label, is_fitted) for label in labels]


def test_a_frozen_pipeline_in_a_sampler_shows_its_mixture():
    sampler = NameSampler(FrozenEstimator(mixture_pipeline().fit(NAMES))).fit(NAMES)
    html = estimator_html_repr(sampler)
    assert "<span>Fitted</span>" in html
    assert shown(html)[-len(MEMBERS) :] == [(label, True) for label in MEMBERS]


@pytest.mark.parametrize(
    "estimator",
    [MixtureClassifier("not a list"), MixtureClassifier([]), NameLabelClassifier()],
    ids=["not-pairs", "empty", "default-pipeline"],
)
def test_an_estimator_without_members_to_show_is_one_box(estimator):
    # A hand-edited parameter, or the default pipeline (None), as for
    # scikit-learn's estimators whose member parameter is None.
    html = estimator_html_repr(estimator)
    assert shown(html) == [(type(estimator).__name__, False)]


def test_the_copied_parameter_names_are_those_of_set_params():
    # The diagram copies a parameter's full name (data-param-prefix + name).
    classifier = NameLabelClassifier([("short", counts(2)), ("long", counts(3))])
    prefixes = set(re.findall(r'data-param-prefix="([^"]*)"', classifier._repr_html_()))
    keys = classifier.get_params(deep=True)
    assert "estimator__long__clf__estimator__" in prefixes
    for prefix in prefixes - {""}:
        assert any(key.startswith(prefix) for key in keys), prefix
    prefixes = set(re.findall(r'data-param-prefix="([^"]*)"', mixture()._repr_html_()))
    assert {"kn__", "mlp__"} <= prefixes


def test_without_scikit_learns_block_the_diagram_is_one_box(monkeypatch):
    # A scikit-learn release that moved its private block: _compat's name is
    # None, and the diagram falls back to one box instead of failing.
    import sknextchar._compat

    monkeypatch.setattr(sknextchar._compat, "VisualBlock", None)
    assert shown(estimator_html_repr(mixture())) == [("MixtureClassifier", False)]


def test_the_text_repr_of_large_estimators_stays_short():
    # scikit-learn's N_CHAR_MAX ellipsis and print_changed_only hold for the
    # package's estimators: long members are cut, unchanged parameters hidden.
    classifier = NameLabelClassifier([(f"p{i}", counts(3)) for i in range(3)])
    many = MixtureClassifier(
        [(f"m{i}", KneserNeyClassifier(order=3)) for i in range(40)]
    )
    sampler = NameSampler(counts(3)).fit(NAMES)
    sampler.sample(2, exclude=[f"x{i:05d}" for i in range(10_000)], random_state=0)
    for estimator in (classifier, many, sampler):
        text = repr(estimator)
        assert len("".join(text.split())) < 1000  # N_CHAR_MAX=700, to a line end
        assert "cv=" not in text and "x00001" not in text
    assert "'p2'" in repr(classifier) and "..." in repr(many)
