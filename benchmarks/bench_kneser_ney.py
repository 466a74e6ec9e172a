"""Kneser-Ney at scale: fit seconds and peak memory on 1,000,000 names, against the
time it takes to cut the windows.

Usage::

    python benchmarks/bench_kneser_ney.py [--n-names 1000000] [--repeats 3]
                                          [--names-en PATH]

Two corpora of ``--n-names`` names:

- ``repeated``: the bundled Indian names in shuffled passes, the data of
  ``bench_scale.py`` (15,074 distinct names, so the distinct n-grams stay few);
- ``sampled``: names drawn from a Kneser-Ney 6-gram fitted on makemore's
  names_en (``NameSampler(..., random_state=0)``), mostly new names, so the
  number of distinct n-grams grows with the corpus as with real data (skipped
  without the names_en file).

For each corpus and order, median of ``--repeats`` runs: the seconds of
``ContextWindowTransformer(context_length=order - 1).fit_transform(names)`` (the
windows) and of ``KneserNeyClassifier().fit(windows)`` (counting and building
every order), their ratio (issue 16's target: the fit within 10 times the
windows), the tracemalloc peak of the fit above the memory in use before it (the
names and the windows), and the distinct n-grams stored.

``run_benchmarks.py`` calls :func:`scale_section` for its report.
"""

import argparse
import os
import statistics
import sys
import time
import tracemalloc

from _corpora import DEFAULT_NAMES_EN
from bench_scale import synthetic_names
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import Pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar.datasets import load_names

ORDERS = (5, 6)
TARGET_RATIO = 10  # issue 16: KN fit within 10x of building the windows
_MIB = 2.0**20


def sampled_names(n_names, names_en_path, seed=0):
    """``n_names`` names sampled from a Kneser-Ney 6-gram fitted on names_en."""
    names = load_names(names_en_path)
    pipe = _kn_pipeline(6).fit(names)
    sampler = NameSampler(FrozenEstimator(pipe)).fit(names)  # no refit
    return sampler.sample(n_names, random_state=seed)


def _kn_pipeline(order):
    return Pipeline(
        [
            ("windows", ContextWindowTransformer(context_length=order - 1)),
            ("clf", KneserNeyClassifier()),
        ]
    )


def median_seconds(function, repeats):
    """Median wall-clock seconds of ``repeats`` calls, and the last result."""
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def fit_peak_mib(windows):
    """tracemalloc peak of one fit, above the memory in use before it."""
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        KneserNeyClassifier().fit(windows)
        return (tracemalloc.get_traced_memory()[1] - before) / _MIB
    finally:
        tracemalloc.stop()


def measure(names, order, repeats):
    """One row of the table: windows and fit seconds, ratio, peak, n-grams."""
    transformer = ContextWindowTransformer(context_length=order - 1)
    windows_s, windows = median_seconds(
        lambda: transformer.fit_transform(names), repeats
    )
    fit_s, model = median_seconds(lambda: KneserNeyClassifier().fit(windows), repeats)
    return {
        "order": order,
        "windows": len(windows),
        "windows_s": windows_s,
        "fit_s": fit_s,
        "ratio": fit_s / windows_s,
        "peak_mib": fit_peak_mib(windows),
        "windows_mib": (windows.contexts.nbytes + windows.targets.nbytes) / _MIB,
        "n_ngrams": model.n_ngrams_,
    }


def corpora(n_names, names_en_path, log=print):
    """(name, description, names) of every available corpus."""
    out = [
        (
            "repeated",
            "the bundled names in shuffled passes (bench_scale.py)",
            synthetic_names(n_names),
        )
    ]
    if os.path.isfile(names_en_path):
        start = time.perf_counter()
        names = sampled_names(n_names, names_en_path)
        log(f"sampled {len(names):,} names in {time.perf_counter() - start:.1f} s")
        out.append(("sampled", "sampled from a KN 6-gram fitted on names_en", names))
    else:
        log(f"sampled: skipped, no names_en file at {names_en_path!r}")
    return out


def scale_section(n_names=1_000_000, repeats=3, names_en_path=DEFAULT_NAMES_EN):
    """Markdown lines of the report's Kneser-Ney scale section."""
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    lines = [
        f"Load average (1, 5, 15 min) at the start of this section: {load}.",
        "",
        f"`KneserNeyClassifier().fit(windows)` on {n_names:,} names, median of "
        f"{repeats}, against the time to cut the windows "
        "(`ContextWindowTransformer(context_length=order - 1).fit_transform`); "
        "peak: tracemalloc peak of one fit above the memory in use before it (the "
        f"names and the windows). Target: the fit within {TARGET_RATIO}x the "
        "windows.",
        "",
        "| corpus | order | windows | windows s | KN fit s | ratio | KN fit peak MiB "
        "| windows MiB | distinct n-grams, all orders |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    descriptions = []
    for name, description, names in corpora(n_names, str(names_en_path)):
        descriptions.append(f"- {name}: {description}.")
        for order in ORDERS:
            r = measure(names, order, repeats)
            lines.append(
                f"| {name} | {order} | {r['windows']:,} | {r['windows_s']:.2f} "
                f"| {r['fit_s']:.2f} | {r['ratio']:.1f}x | {r['peak_mib']:.0f} "
                f"| {r['windows_mib']:.0f} | {r['n_ngrams']:,} |"
            )
            print(f"kn scale {name} order {order}: {r}", flush=True)
    return lines + [""] + descriptions


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n-names", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--names-en", default=str(DEFAULT_NAMES_EN))
    args = parser.parse_args(argv)
    print("\n".join(scale_section(args.n_names, args.repeats, args.names_en)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
