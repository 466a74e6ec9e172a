"""Grid searches on a Dask cluster, through joblib's Dask backend.

Needs the ``dask`` extra (``python -m pip install ".[test,dask]"`` in the clone);
skipped otherwise. A slow test (CI runs it): Dask is imported by the fixture, not
when the tests are collected, so that the default run does not pay for it.
"""

import logging

import joblib
import numpy as np
import pytest
from sklearn.model_selection import GridSearchCV, KFold
from sklearn.pipeline import Pipeline

from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
from sknextchar.datasets import load_indian_names

pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")

NAMES = load_indian_names()[::120]  # 126 names, spread over the alphabet
GRID = {"windows__context_length": [1, 3], "clf__embedding_dim": [2, 4]}


def make_search(n_jobs):
    pipe = Pipeline(
        [
            ("windows", ContextWindowTransformer()),
            (
                "clf",
                CharEmbeddingMLPClassifier(
                    hidden_layer_sizes=(16,), max_iter=3, random_state=0
                ),
            ),
        ]
    )
    cv = KFold(n_splits=2, shuffle=True, random_state=0)
    return GridSearchCV(pipe, GRID, cv=cv, n_jobs=n_jobs)


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip(
        "distributed",
        reason='the Dask test needs the dask extra: pip install ".[test,dask]"',
    )
    cluster = distributed.LocalCluster(
        n_workers=2,
        processes=True,
        threads_per_worker=1,
        dashboard_address=":0",  # any free port: no clash with another cluster
        silence_logs=logging.ERROR,
    )
    with cluster, distributed.Client(cluster) as client:
        yield client


@pytest.mark.slow
def test_grid_search_on_a_dask_cluster_equals_one_job(client):
    expected = make_search(n_jobs=1).fit(NAMES)
    with joblib.parallel_backend("dask"):
        on_cluster = make_search(n_jobs=-1).fit(NAMES)
    # The work really ran in the worker processes.
    assert sum(client.run(lambda: 1).values()) == 2
    assert on_cluster.best_params_ == expected.best_params_
    for key in ("params", "mean_test_score", "std_test_score", "rank_test_score"):
        got, want = on_cluster.cv_results_[key], expected.cv_results_[key]
        if key == "params":
            assert got == want
        else:
            np.testing.assert_array_equal(got, want)
    for key in ("split0_test_score", "split1_test_score"):
        got, want = on_cluster.cv_results_[key], expected.cv_results_[key]
        np.testing.assert_array_equal(got, want)
    np.testing.assert_array_equal(
        on_cluster.predict_proba(NAMES[:5]), expected.predict_proba(NAMES[:5])
    )
