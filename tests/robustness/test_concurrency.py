"""Threads and processes: the same results as sequential calls, nothing lost.

Prediction, scoring and sampling on one fitted model from many threads at once
give exactly the results of sequential calls, and leave the process's BLAS
thread settings as they were. Two processes saving and loading the same path
never see a broken file (forked, so the test stays fast).
"""

import multiprocessing
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import make_pipeline
from threadpoolctl import threadpool_info

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    NameSampler,
    load_model,
    save_model,
)
from sknextchar.datasets import load_indian_names

NAMES = load_indian_names()[::50]


@pytest.fixture(scope="module")
def sampler():
    # Wide enough that BLAS would use several threads if it were let.
    clf = CharEmbeddingMLPClassifier(
        embedding_dim=16, hidden_layer_sizes=(256,), max_iter=2, random_state=0
    )
    pipe = make_pipeline(ContextWindowTransformer(), clf).fit(NAMES)
    return NameSampler(FrozenEstimator(pipe), max_length=12).fit(NAMES)


def _blas_threads():
    return sorted(
        (info["internal_api"], info["num_threads"])
        for info in threadpool_info()
        if info["user_api"] == "blas"
    )


def _calls(sampler):
    pipe = sampler.estimator_
    batch = NAMES[:400]
    return [
        lambda: pipe.predict_proba(batch),
        lambda: pipe.score(batch),
        lambda: sampler.score_samples(batch),
        lambda: sampler.predict_proba(batch),
        lambda: sampler.sample(20, random_state=3),
        lambda: sampler.most_likely(3),
    ]


def _same(a, b):
    if isinstance(a, np.ndarray):
        return np.array_equal(a, b)
    return a == b


@pytest.mark.slow
def test_threads_give_the_sequential_results_and_restore_blas(sampler):
    before = _blas_threads()
    calls = _calls(sampler)
    expected = [call() for call in calls]
    jobs = [i % len(calls) for i in range(8 * len(calls))]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda i: (i, calls[i]()), jobs))
    for i, result in results:
        assert _same(result, expected[i]), i
    assert _blas_threads() == before


def test_nested_blocks_restore_the_settings(sampler):
    from sknextchar._blas import one_blas_thread

    before = _blas_threads()
    with one_blas_thread():
        with one_blas_thread():
            pass
        inside = _blas_threads()
    assert all(n == 1 for _, n in inside)
    assert _blas_threads() == before


def _save_and_load(path, seed, results):
    model = ContextWindowTransformer(context_length=2 + seed).fit(["abid", "zoya"])
    try:
        for _ in range(5):
            save_model(model, path)
            assert load_model(path).context_length in (2, 3)
        results.put("ok")
    except BaseException as exc:  # reported to the parent
        results.put(repr(exc))


def test_two_processes_saving_and_loading_one_path(tmp_path):
    """Forked (no second import): each process saves and loads the same path."""
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    path = tmp_path / "shared.skops"
    workers = [
        context.Process(target=_save_and_load, args=(path, seed, results))
        for seed in (0, 1)
    ]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    assert outcomes == ["ok", "ok"]
    assert load_model(path).context_length in (2, 3)
    assert [p.name for p in tmp_path.iterdir()] == ["shared.skops"]
