"""A NameLabelClassifier passed where a next-character pipeline is needed: the
refusal says where its pipeline is (pipeline_), and what works instead."""

import matplotlib
import pytest
from sklearn.frozen import FrozenEstimator
from sklearn.linear_model import LogisticRegression

from sknextchar import NameLabelClassifier, NameSampler, make_default_pipeline
from sknextchar._wrong_kind import WrongKindError
from sknextchar.plotting import (
    plot_embeddings,
    plot_generation_tree,
    plot_loss_curve,
)

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

NAMES = ["anna", "bella", "carla", "bruno", "carlo", "dino"]
LABELS = ["F", "F", "F", "M", "M", "M"]


def _pipeline():
    return make_default_pipeline(random_state=0).set_params(
        clf__max_iter=2, clf__hidden_layer_sizes=(4,), clf__embedding_dim=2
    )


@pytest.fixture(scope="module")
def fitted():
    return NameLabelClassifier(_pipeline()).fit(NAMES, LABELS)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


CALLS = {
    "NameSampler": lambda clf: NameSampler(clf).fit(NAMES, LABELS),
    "NameSampler(FrozenEstimator)": lambda clf: NameSampler(FrozenEstimator(clf)).fit(
        NAMES, LABELS
    ),
    "plot_embeddings": plot_embeddings,
    "plot_loss_curve": plot_loss_curve,
    "plot_generation_tree": plot_generation_tree,
}


@pytest.mark.parametrize("call", CALLS.values(), ids=CALLS.keys())
def test_fitted_classifier_refused_with_its_pipeline(fitted, call):
    with pytest.raises(WrongKindError, match="got NameLabelClassifier") as info:
        call(fitted)
    message = str(info.value)
    assert "holds the one it fitted" in message
    assert "FrozenEstimator(clf.pipeline_)" in message
    assert "fit it" not in message


@pytest.mark.parametrize("call", CALLS.values(), ids=CALLS.keys())
def test_unfitted_classifier_refused_with_fit_it_first(call):
    with pytest.raises(WrongKindError, match="got NameLabelClassifier") as info:
        call(NameLabelClassifier())
    message = str(info.value)
    assert "fit it, then pass its pipeline_" in message
    assert "the pipeline it is given as estimator" in message


def test_advice_followed_works(fitted):
    sampler = NameSampler(FrozenEstimator(fitted.pipeline_)).fit(NAMES, LABELS)
    assert len(sampler.sample(3, label="F", random_state=0)) == 3
    plot_embeddings(fitted.pipeline_)
    plot_loss_curve(FrozenEstimator(fitted.pipeline_))


def test_ensemble_says_which_pipeline_pipeline_is():
    clf = NameLabelClassifier([_pipeline(), _pipeline()]).fit(NAMES, LABELS)
    with pytest.raises(WrongKindError, match="It holds 2 pipelines, in pipelines_"):
        NameSampler(clf).fit(NAMES, LABELS)


def test_other_models_get_no_such_advice():
    with pytest.raises(WrongKindError, match="got LogisticRegression") as info:
        NameSampler(LogisticRegression()).fit(NAMES)
    assert "pipeline_" not in str(info.value)
