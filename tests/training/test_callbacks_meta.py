"""Callbacks set on a NameSampler, or on a search over one, reach the classifier
of its pipeline, as scikit-learn's meta-estimators pass them on."""

import warnings

import pytest
from sklearn.frozen import FrozenEstimator
from sklearn.model_selection import GridSearchCV, KFold
from sklearn.pipeline import make_pipeline

from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer, NameSampler
from sknextchar.callbacks import History
from sknextchar.datasets import load_indian_names

NAMES = load_indian_names()[::200]  # 76 names
pytestmark = pytest.mark.filterwarnings("ignore:The estimator ContextWindowTransformer")


def small_pipe(max_iter=3):
    return make_pipeline(
        ContextWindowTransformer(),
        CharEmbeddingMLPClassifier(
            embedding_dim=4, hidden_layer_sizes=(8,), max_iter=max_iter, random_state=0
        ),
    )


class Tasks:
    """Records the task of every hook call; auto-propagated."""

    max_propagation_depth = None

    def __init__(self):
        self.calls = []

    def setup(self, estimator, context):
        self.calls.append(("setup", type(estimator).__name__, context.task_name))

    def on_fit_task_begin(self, estimator, context):
        self.calls.append(("begin", type(estimator).__name__, context.task_name))

    def on_fit_task_end(self, estimator, context):
        self.calls.append(("end", type(estimator).__name__, context.task_name))

    def teardown(self, estimator, context):
        self.calls.append(("teardown", type(estimator).__name__, context.task_name))


def test_callbacks_set_on_a_name_sampler_reach_its_classifier():
    tasks, history = Tasks(), History()
    sampler = NameSampler(small_pipe()).set_callbacks(tasks, history)
    sampler.fit(NAMES)
    assert [r["epoch"] for r in history.records] == [1, 2, 3]
    fits = [(kind, est) for kind, est, task in tasks.calls if task == "fit"]
    assert fits == [
        ("setup", "NameSampler"),  # set up once, on the outermost estimator
        ("begin", "NameSampler"),
        ("begin", "Pipeline"),  # the sampler's subtask, merged with the pipeline's
        ("begin", "ContextWindowTransformer"),
        ("end", "ContextWindowTransformer"),
        ("begin", "CharEmbeddingMLPClassifier"),
        ("end", "CharEmbeddingMLPClassifier"),
        ("end", "Pipeline"),
        ("end", "NameSampler"),
        ("teardown", "NameSampler"),
    ]
    epochs = [
        c for c in tasks.calls if c[1:] == ("CharEmbeddingMLPClassifier", "epoch")
    ]
    assert len(epochs) == 6  # each of the 3 epochs begins and ends
    # Propagated for the fit only: the fitted pipeline keeps none.
    assert not hasattr(sampler.estimator_, "_skl_callbacks")
    assert not hasattr(sampler.estimator_[-1], "_skl_callbacks")
    assert sampler._skl_callbacks == [tasks, history]


def test_callbacks_set_on_a_search_over_a_name_sampler_reach_every_fit():
    history = History()
    search = GridSearchCV(
        NameSampler(small_pipe(max_iter=2)),
        {"estimator__charembeddingmlpclassifier__embedding_dim": [2, 3]},
        cv=KFold(2),
    ).set_callbacks(history)
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)  # "does not support callbacks"
        search.fit(NAMES)
    # 2 candidates x 2 folds, and the refit: 5 fits of 2 epochs each.
    assert len(history.records) == 10


def test_callbacks_on_the_pipeline_inside_still_run_but_not_on_both():
    history = History()
    NameSampler(small_pipe().set_callbacks(history)).fit(NAMES)
    assert [r["epoch"] for r in history.records] == [1, 2, 3]
    # On the sampler and on its pipeline too: scikit-learn's refusal, as for a
    # classifier with callbacks inside a Pipeline that has some.
    both = NameSampler(small_pipe().set_callbacks(History())).set_callbacks(history)
    with pytest.raises(TypeError, match="Register them directly on the meta-estimator"):
        both.fit(NAMES)


def test_callbacks_on_a_sampler_of_a_frozen_pipeline_see_no_epoch():
    pipe = small_pipe().fit(NAMES)
    tasks = Tasks()
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)  # nothing to propagate to
        NameSampler(FrozenEstimator(pipe)).set_callbacks(tasks).fit(NAMES)
    assert {est for _, est, _ in tasks.calls} == {"NameSampler"}
