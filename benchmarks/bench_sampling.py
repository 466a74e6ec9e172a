"""Sampling speed of NameSampler with the default model (issue 5).

Trains ``ContextWindowTransformer() + CharEmbeddingMLPClassifier()`` (defaults) on the
bundled Indian names, then measures:

- ``sample(10_000)``: wall time (median of the repeats) and names/s, with the share
  spent inside the classifier's per-step call and the context rows it was asked for
  (contexts met at an earlier step are not asked again);
- ``sample(10_000, unique=True, exclude=training names)``;
- ``most_likely(10)`` (beam search);
- the latency of one-context predictions: ``NameSampler.next_char_proba(["abi"])``,
  ``classifier.predict_proba`` on one (1, 3) context, and the sampler's per-step
  call on one context.

Usage::

    python benchmarks/bench_sampling.py                 # default model, 20 epochs
    python benchmarks/bench_sampling.py --max-iter 2    # quicker training
    python benchmarks/bench_sampling.py --model /tmp/default.joblib  # train once

The machine is shared: the script keeps runs short and quotes medians.
"""

import argparse
import contextlib
import statistics
import time
import warnings
from pathlib import Path

import joblib
import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import make_pipeline

from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer, NameSampler
from sknextchar import _sampler as sampler_module
from sknextchar._pipeline import next_log_proba_function
from sknextchar.datasets import load_indian_names


def median_time(function, repeats):
    """Median wall time of ``function()`` over ``repeats`` runs, in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def per_call(function, repeats, number):
    """Median over ``repeats`` of the mean time of ``number`` calls, in seconds."""
    return median_time(lambda: [function() for _ in range(number)], repeats) / number


def time_model_share(sampler, n_samples, seed):
    """Seconds of one sample() call, the part spent in the classifier calls, the
    number of calls and the number of context rows they were given."""
    clf = sampler.estimator_[-1]
    inner = next_log_proba_function(clf)  # what the sampler calls per step
    spent, rows = [], []

    def timed(contexts):
        start = time.perf_counter()
        out = inner(contexts)
        spent.append(time.perf_counter() - start)
        rows.append(len(contexts))
        return out

    clf.next_log_proba = timed  # the protocol's fast path, timed
    try:
        start = time.perf_counter()
        sampler.sample(n_samples, random_state=seed)
        total = time.perf_counter() - start
    finally:
        del clf.next_log_proba
    return total, sum(spent), len(spent), sum(rows)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n-samples", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument(
        "--max-iter", type=int, default=None, help="epochs (default: the classifier's)"
    )
    parser.add_argument(
        "--model",
        default=None,
        help="joblib file of the fitted pipeline: loaded if it exists, else written",
    )
    args = parser.parse_args(argv)

    names = load_indian_names()
    if args.model and Path(args.model).exists():
        pipe = joblib.load(args.model)
        print(f"loaded {pipe[-1]!r} from {args.model}")
    else:
        clf_params = {"random_state": 0}
        if args.max_iter is not None:
            clf_params["max_iter"] = args.max_iter
        pipe = make_pipeline(
            ContextWindowTransformer(), CharEmbeddingMLPClassifier(**clf_params)
        )
        start = time.perf_counter()
        with warnings.catch_warnings():  # the defaults stop at max_iter
            warnings.simplefilter("ignore", ConvergenceWarning)
            pipe.fit(names)
        print(
            f"trained {pipe[-1]!r} on {len(names)} names in "
            f"{time.perf_counter() - start:.1f} s"
        )
        if args.model:
            joblib.dump(pipe, args.model)
    sampler = NameSampler(FrozenEstimator(pipe)).fit(names)
    print(f"held-in score {sampler.score(names):.4f} nats/char")
    n = args.n_samples
    sampler.sample(n, random_state=0)  # warm up

    seconds = median_time(lambda: sampler.sample(n, random_state=0), args.repeats)
    total, model, steps, rows = time_model_share(sampler, n, seed=0)
    print(
        f"\nsample({n}) at T=1: median {seconds * 1e3:.1f} ms over {args.repeats} "
        f"runs, {n / seconds:,.0f} names/s"
    )
    print(
        f"  one run: {steps} calls of the classifier on {rows:,} context rows, "
        f"{model / total:.0%} of the time ({model * 1e3:.1f} of {total * 1e3:.1f} ms)"
    )

    def variant(**params):  # the same fitted model, other sampling parameters
        return NameSampler(FrozenEstimator(sampler.estimator_), **params).fit(names)

    # The same without the one-BLAS-thread limit NameSampler puts on generation.
    limit = sampler_module.one_blas_thread
    sampler_module.one_blas_thread = contextlib.nullcontext
    try:
        sec = median_time(lambda: sampler.sample(n, random_state=0), args.repeats)
    finally:
        sampler_module.one_blas_thread = limit
    print(
        f"sample({n}) at T=1 with BLAS threads left as they are: median "
        f"{sec * 1e3:.1f} ms, {n / sec:,.0f} names/s"
    )

    for params in ({"temperature": 0.8, "top_k": 10}, {"top_p": 0.9}):
        s = variant(**params)
        sec = median_time(lambda s=s: s.sample(n, random_state=0), args.repeats)
        print(
            f"sample({n}) with {params}: median {sec * 1e3:.1f} ms, "
            f"{n / sec:,.0f} names/s"
        )

    exclude = set(names)
    sec = median_time(
        lambda: sampler.sample(n, unique=True, exclude=exclude, random_state=0),
        max(1, args.repeats // 2),
    )
    print(
        f"sample({n}, unique=True, exclude=training names): median "
        f"{sec * 1e3:.1f} ms, {n / sec:,.0f} names/s"
    )

    sec = median_time(lambda: sampler.most_likely(10), max(1, args.repeats // 2))
    print(
        f"most_likely(10), beam 100: median {sec * 1e3:.1f} ms -> "
        f"{sampler.most_likely(10)}"
    )

    clf = sampler.estimator_[-1]
    context = sampler.estimator_[0].encode_prefixes(["abi"])  # (1, 3)
    step = next_log_proba_function(clf)
    print("\none-context latency (median of means):")
    for label, function in [
        (
            "NameSampler.next_char_proba(['abi'])",
            lambda: sampler.next_char_proba(["abi"]),
        ),
        ("classifier.predict_proba(1x3 ids)", lambda: clf.predict_proba(context)),
        ("sampler per-step call (1x3 ids)", lambda: step(context)),
    ]:
        sec = per_call(function, repeats=7, number=200)
        print(f"  {label:38s} {sec * 1e6:8.1f} us")

    batch = np.repeat(context, n, axis=0)
    for label, function in [
        (f"classifier.predict_log_proba({n}x3)", lambda: clf.predict_log_proba(batch)),
        (f"sampler per-step call ({n}x3)", lambda: step(batch)),
    ]:
        sec = per_call(function, repeats=7, number=10)
        with sampler_module.one_blas_thread():
            single = per_call(function, repeats=7, number=10)
        print(
            f"  {label:38s} {sec * 1e6:8.1f} us ({single * 1e6:.1f} us, 1 BLAS thread)"
        )

    print()
    print(
        sampler.temperature_table("abi", temperatures=(0.5, 1.0, 2.0)).to_string(top=8)
    )
    print(
        "\n20 names at T=0.8:",
        ", ".join(variant(temperature=0.8).sample(20, random_state=1)),
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
