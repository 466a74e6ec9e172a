"""Scale: windows and one training epoch for up to 1,000,000 names, in and out of core.

Usage::

    python benchmarks/bench_scale.py [--sizes 250000,500000,1000000]
                                     [--chunk-size 50000] [--hidden 500]

Data: synthetic, from the bundled 15,074 Indian names by a fixed scheme: the list
is shuffled with ``numpy.random.default_rng(0)``, then reshuffled with the same
generator for every further pass, and the passes are concatenated until there are
``max(--sizes)`` names (1,000,000 names are 66 passes and a part; mean length 6.5
letters, so 7.5 windows per name). The names are written to a temporary text file,
one per line, and every run reads them back with ``load_names`` (or line by line),
so each name is its own string object, as in real use. A size of ``n`` uses the
first ``n`` lines.

Each measurement runs in its own Python process, so that ``ru_maxrss`` (the peak
resident set size of the process, in the kernel's accounting; it includes the
interpreter, NumPy and scikit-learn, about 150 MB before any data) belongs to that
measurement alone.

- ``in-memory`` (one process per size): read all names; ``transform`` them into
  windows (time, and the tracemalloc peak above the memory in use before the call:
  NumPy reports its buffers to tracemalloc); then one epoch of
  ``CharEmbeddingMLPClassifier(max_iter=1)`` (its defaults otherwise, with
  ``learning_rate="constant"``, the same step size as one cosine epoch) under
  tracemalloc, whose peak is again measured above the memory in use before
  ``fit`` (the names and the windows). Bytes per window divide by the number of
  windows.
- ``in-memory, untraced`` (largest size): the same epoch without tracemalloc,
  which slows training (every small allocation is recorded): the time to quote.
- ``out-of-core``: stream the file in chunks of ``--chunk-size`` names with a
  generator; for each chunk, ``transform`` and one ``partial_fit`` (one epoch
  over the chunk), under tracemalloc. Peak memory is bounded by the chunk, not
  by the file.

``partial_fit`` is one epoch over the data it is given, so out of core the
estimator counts chunks as epochs: ``loss_curve_`` gets one entry per chunk, and
the default cosine schedule advances once per call (with 50,000-name chunks, one
pass over 1,000,000 names uses up the whole ``max_iter=20`` schedule, and a second
pass would train at 1% of the step size). Hence ``learning_rate="constant"`` in
both runs here; alternatively set ``max_iter`` to the planned number of calls.
Shuffling happens within a chunk only, so the file must not be sorted (this one
is shuffled).

Both trained models are scored on every 10th bundled name (names they have seen):
the out-of-core run must learn as much as the in-memory epoch.

The machine may be shared: run it twice and compare when numbers look noisy.
"""

import argparse
import itertools
import json
import math
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc

import numpy as np
import sklearn

import sknextchar
from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
from sknextchar.datasets import load_indian_names, load_names

_MIB = 2.0**20


def synthetic_names(n_names, seed=0):
    """``n_names`` bundled names: concatenated shuffled passes (see the docstring)."""
    base = load_indian_names()
    rng = np.random.default_rng(seed)
    passes = math.ceil(n_names / len(base))
    order = np.concatenate([rng.permutation(len(base)) for _ in range(passes)])
    return [base[i] for i in order[:n_names]]


def read_chunks(path, chunk_size):
    """Yield lists of at most ``chunk_size`` names, reading the file lazily."""
    with open(path, encoding="utf-8") as f:
        names = (line.strip() for line in f)
        names = (name for name in names if name)
        while chunk := list(itertools.islice(names, chunk_size)):
            yield chunk


def make_classifier(hidden):
    return CharEmbeddingMLPClassifier(
        hidden_layer_sizes=(hidden,),
        max_iter=1,
        learning_rate="constant",
        random_state=0,
    )


def probe_score(transformer, clf):
    """Mean log-likelihood per character on every 10th bundled name."""
    return clf.score(transformer.transform(load_indian_names()[::10]))


def max_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def traced(function):
    """Run ``function()``; return its result, seconds and peak bytes above start."""
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    start = time.perf_counter()
    result = function()
    seconds = time.perf_counter() - start
    return result, seconds, tracemalloc.get_traced_memory()[1] - before


def phase_in_memory(path, n_names, hidden, trace):
    names = list(itertools.islice(load_names(path), n_names))
    transformer = ContextWindowTransformer().fit(names[:1])
    clf = make_classifier(hidden)
    out = {"phase": "in-memory", "n_names": n_names, "traced": trace}
    out["names_bytes"] = sys.getsizeof(names) + sum(map(sys.getsizeof, names))
    if not trace:
        windows = transformer.transform(names)
        start = time.perf_counter()
        clf.fit(windows)
        out.update(n_windows=len(windows), fit_seconds=time.perf_counter() - start)
    else:
        start = time.perf_counter()
        windows = transformer.transform(names)
        out["windows_seconds"] = time.perf_counter() - start
        del windows  # measure again, traced
        tracemalloc.start()
        windows, _, windows_peak = traced(lambda: transformer.transform(names))
        _, fit_seconds, fit_peak = traced(lambda: clf.fit(windows))
        tracemalloc.stop()
        kept = windows.contexts.nbytes + windows.targets.nbytes
        kept += windows.name_index.nbytes
        out.update(
            n_windows=len(windows),
            windows_bytes=kept,
            windows_peak=windows_peak,
            fit_seconds_traced=fit_seconds,
            fit_peak=fit_peak,
            dtypes=[
                str(a.dtype)
                for a in (windows.contexts, windows.targets, windows.name_index)
            ],
        )
    out.update(score=probe_score(transformer, clf), max_rss_mib=max_rss_mib())
    return out


def phase_out_of_core(path, chunk_size, hidden):
    transformer = ContextWindowTransformer().fit(["a"])  # the default alphabet
    clf = make_classifier(hidden)
    tracemalloc.start()
    start = time.perf_counter()
    n_names = n_windows = 0
    for chunk in read_chunks(path, chunk_size):
        windows = transformer.transform(chunk)
        clf.partial_fit(windows)
        n_names += len(chunk)
        n_windows += len(windows)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {
        "phase": "out-of-core",
        "n_names": n_names,
        "n_windows": n_windows,
        "chunk_size": chunk_size,
        "n_chunks": len(clf.loss_curve_),
        "seconds_traced": seconds,
        "peak": peak,
        "score": probe_score(transformer, clf),
        "max_rss_mib": max_rss_mib(),
    }


def run_phase(args, *extra):
    command = [sys.executable, __file__, "--hidden", str(args.hidden), *extra]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250000,500000,1000000")
    parser.add_argument("--chunk-size", type=int, default=50_000)
    parser.add_argument("--hidden", type=int, default=500)
    parser.add_argument("--phase", choices=["in-memory", "out-of-core"])
    parser.add_argument("--path")
    parser.add_argument("--n-names", type=int)
    parser.add_argument("--trace", action="store_true")
    args = parser.parse_args(argv)

    if args.phase == "in-memory":
        result = phase_in_memory(args.path, args.n_names, args.hidden, args.trace)
        print(json.dumps(result))
        return
    if args.phase == "out-of-core":
        print(json.dumps(phase_out_of_core(args.path, args.chunk_size, args.hidden)))
        return

    sizes = sorted(int(s) for s in args.sizes.split(","))
    print(
        f"sknextchar {sknextchar.__version__}, numpy {np.__version__}, "
        f"scikit-learn {sklearn.__version__}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}"
    )
    print(f"classifier: defaults, hidden_layer_sizes=({args.hidden},), max_iter=1, "
          'learning_rate="constant"')  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "names.txt")
        names = synthetic_names(sizes[-1])
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(names) + "\n")
        print(f"{len(names):,} synthetic names in {path} "
              f"({os.path.getsize(path) / _MIB:.1f} MiB)\n")  # fmt: skip
        del names

        print("In memory, tracemalloc on (peaks above the memory in use before):")
        header = (
            f"{'names':>9} {'list MiB':>8} {'windows':>10} {'windows MiB':>11} {'B/window':>8} "
            f"{'build peak MiB':>14} {'B/window':>8} {'build s':>7} "
            f"{'epoch peak MiB':>14} {'B/window':>8} {'epoch s*':>8} "
            f"{'maxrss MiB':>10} {'score':>7}"
        )
        print(header)
        rows = []
        for n in sizes:
            r = run_phase(args, "--phase", "in-memory", "--path", path,
                          "--n-names", str(n), "--trace")  # fmt: skip
            rows.append(r)
            w = r["n_windows"]
            print(
                f"{n:>9,} {r['names_bytes'] / _MIB:>8.1f} {w:>10,} "
                f"{r['windows_bytes'] / _MIB:>11.1f} "
                f"{r['windows_bytes'] / w:>8.2f} {r['windows_peak'] / _MIB:>14.1f} "
                f"{r['windows_peak'] / w:>8.1f} {r['windows_seconds']:>7.2f} "
                f"{r['fit_peak'] / _MIB:>14.1f} {r['fit_peak'] / w:>8.1f} "
                f"{r['fit_seconds_traced']:>8.1f} {r['max_rss_mib']:>10.0f} "
                f"{r['score']:>7.4f}",
                flush=True,
            )
        print(f"  window dtypes (contexts, targets, name_index): {rows[0]['dtypes']}")
        print("  * epoch time under tracemalloc, which slows training; see below.")

        r = run_phase(args, "--phase", "in-memory", "--path", path,
                      "--n-names", str(sizes[-1]))  # fmt: skip
        big = r
        print(
            f"\nIn memory, untraced, {sizes[-1]:,} names ({r['n_windows']:,} "
            f"windows): one epoch {r['fit_seconds']:.1f} s "
            f"({r['n_windows'] / r['fit_seconds']:,.0f} windows/s), "
            f"maxrss {r['max_rss_mib']:.0f} MiB, score {r['score']:.4f}"
        )

        r = run_phase(args, "--phase", "out-of-core", "--path", path,
                      "--chunk-size", str(args.chunk_size))  # fmt: skip
        last = rows[-1]
        # The in-memory run holds the names list, then the larger of the windows'
        # transient build peak and the windows plus the epoch's own peak.
        in_memory = last["names_bytes"] + max(
            last["windows_peak"], last["windows_bytes"] + last["fit_peak"]
        )
        print(
            f"\nOut of core, tracemalloc on: {r['n_names']:,} names "
            f"({r['n_windows']:,} windows) streamed from the file in "
            f"{r['n_chunks']} chunks of {r['chunk_size']:,} names, one partial_fit "
            f"per chunk: {r['seconds_traced']:.1f} s (in memory, traced: "
            f"{last['fit_seconds_traced'] + last['windows_seconds']:.1f} s)"
        )
        print(
            f"  tracemalloc peak {r['peak'] / _MIB:.1f} MiB, names included "
            f"(in memory: {in_memory / _MIB:.1f} MiB = names list "
            f"{last['names_bytes'] / _MIB:.1f} + build peak "
            f"{last['windows_peak'] / _MIB:.1f})"
        )
        print(
            f"  maxrss {r['max_rss_mib']:.0f} MiB (in memory: "
            f"{big['max_rss_mib']:.0f} MiB); score {r['score']:.4f} (in memory: "
            f"{big['score']:.4f})"
        )


if __name__ == "__main__":
    main()
