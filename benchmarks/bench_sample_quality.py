"""Sample quality and speed of the no-cut sampler with the default model (issue 13).

Trains the default model (``make_default_pipeline()``, the one ``sknextchar``
and ``sknextchar train`` use) on the bundled Indian names, wraps it in a
``NameSampler`` fitted on the same names (the record of training names and the
length range), then reports:

- the quality numbers: with ``min_length=4, max_length=10`` and ``novel=True``,
  the share of names of exactly 10 letters against the training names' share
  (the issue asks for at most 1.5 times), and the sample report
  (``length_tv`` below 0.05), next to what the old cut at ``max_length`` gave,
  and the same with ``match_lengths=True``;
- the speed: ``sample(10_000)`` with the defaults (median wall time, names/s
  and the acceptance rate of the length rule), with ``pattern=".*a"`` and with
  ``match_lengths=True``;
- the size of the record of training names, in bytes per name.

Usage::

    python benchmarks/bench_sample_quality.py                    # trains (~20 s)
    python benchmarks/bench_sample_quality.py --model /tmp/d.joblib  # train once

The machine is shared: the script keeps runs short and quotes medians.
"""

import argparse
import statistics
import time
from pathlib import Path

import joblib
import numpy as np
from sklearn.frozen import FrozenEstimator

from sknextchar import NameSampler, make_default_pipeline
from sknextchar import _sampler as sampler_module
from sknextchar.datasets import load_indian_names
from sknextchar.metrics import sample_report


def median_time(function, repeats):
    """Median wall time of ``function()`` over ``repeats`` runs, in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def acceptance_rate(sampler, n, **kwargs):
    """The share of drawn names that ended by max_length, in one sample() call."""
    inner = sampler_module.sample_ids
    counts = {"drawn": 0, "ended": 0}

    def counted(*args, **kw):
        ids = inner(*args, **kw)
        counts["drawn"] += kw["n_samples"]
        counts["ended"] += len(ids)
        return ids

    sampler_module.sample_ids = counted
    try:
        sampler.sample(n, random_state=0, **kwargs)
    finally:
        sampler_module.sample_ids = inner
    return counts["ended"] / counts["drawn"], counts["drawn"]


def fitted_pipeline(names, model_path):
    """The default pipeline fitted on the names (loaded when the file exists)."""
    if model_path and Path(model_path).exists():
        return joblib.load(model_path)
    start = time.perf_counter()
    pipe = make_default_pipeline().set_params(clf__random_state=0).fit(names)
    print(f"trained the default model in {time.perf_counter() - start:.1f} s")
    if model_path:
        joblib.dump(pipe, model_path)
    return pipe


def quality(sampler, names, n):
    """The length numbers of novel names of 4 to 10 letters, and the old cut's."""
    train_lengths = np.array([len(name) for name in names])
    share10 = float(np.mean(train_lengths == 10))
    bounded = NameSampler(
        FrozenEstimator(sampler.estimator_.estimator), min_length=4, max_length=10
    ).fit(names)
    new = bounded.sample(n, novel=True, random_state=0)
    report = sample_report(new, names)
    new10 = float(np.mean([len(name) == 10 for name in new]))
    # The old rule, emulated: draw without an effective bound, cut at 10.
    free = NameSampler(
        FrozenEstimator(sampler.estimator_.estimator), min_length=4, max_length=60
    ).fit(names)
    cut = [name[:10] for name in free.sample(n, novel=True, random_state=0)]
    cut10 = float(np.mean([len(name) == 10 for name in cut]))
    print(f"\nnovel names, min_length=4, max_length=10 ({n:,} names):")
    print(f"  training names of 10 letters: {share10:.2%}")
    print(
        f"  sampled names of 10 letters:  {new10:.2%} ({new10 / share10:.2f}x; "
        f"the old cut at 10 gave {cut10:.2%}, {cut10 / share10:.2f}x)"
    )
    print(
        f"  length_tv {report.length_tv:.4f} (old cut: "
        f"{sample_report(cut, names).length_tv:.4f})"
    )
    print("  " + report.summary())
    matched = bounded.sample(n, novel=True, match_lengths=True, random_state=0)
    m10 = float(np.mean([len(name) == 10 for name in matched]))
    print(
        f"  with match_lengths=True: {m10:.2%} of 10 letters ({m10 / share10:.2f}x), "
        f"length_tv {sample_report(matched, names).length_tv:.4f}"
    )


def speed(sampler, n, repeats):
    """Median time of sample(n) with the defaults and with a pattern."""
    sampler.sample(n, random_state=0)  # warm up
    low, high = sampler.training_length_range()
    for label, kwargs in (
        ("defaults", {}),
        ("pattern='.*a'", {"pattern": ".*a"}),
        ("match_lengths=True", {"match_lengths": True}),
    ):
        seconds = median_time(
            lambda kw=kwargs: sampler.sample(n, random_state=0, **kw), repeats
        )
        rate, drawn = acceptance_rate(sampler, n, **kwargs)
        print(
            f"sample({n:,}) with {label} (lengths {low} to {high}): median "
            f"{seconds * 1e3:.1f} ms over {repeats} runs, {n / seconds:,.0f} names/s; "
            f"{drawn:,} drawn, {rate:.1%} ended by max_length"
        )


def record_size(sampler, names):
    """Bytes per name of the record, for these names and for a million."""
    record = sampler.training_name_hashes_
    print(
        f"\nrecord of {len(names):,} training names ({len(record):,} distinct): "
        f"{record.nbytes:,} B of hashes + "
        f"{sampler.training_length_counts_.nbytes} B of length counts, "
        f"{record.nbytes / len(record):.0f} B per distinct name"
    )
    rng = np.random.default_rng(0)
    million = [
        "".join(rng.choice(list("abcdefghijklmnopqrstuvwxyz"), size=k))
        for k in rng.integers(4, 11, size=1_000_000)
    ]
    start = time.perf_counter()
    big = NameSampler(FrozenEstimator(sampler.estimator_.estimator)).fit(million)
    seconds = time.perf_counter() - start
    hashes = big.training_name_hashes_
    print(
        f"record of 1,000,000 names: {hashes.nbytes / 2**20:.1f} MiB "
        f"({hashes.nbytes / 1e6:.1f} B per name), built in {seconds:.1f} s"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n-samples", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument(
        "--model", default=None, help="joblib file of the fitted default pipeline"
    )
    parser.add_argument(
        "--skip-million", action="store_true", help="skip the 1,000,000-name record"
    )
    args = parser.parse_args(argv)
    names = load_indian_names()
    pipe = fitted_pipeline(names, args.model)
    sampler = NameSampler(FrozenEstimator(pipe)).fit(names)
    speed(sampler, args.n_samples, args.repeats)
    quality(sampler, names, args.n_samples)
    if not args.skip_million:
        record_size(sampler, names)


if __name__ == "__main__":
    main()
