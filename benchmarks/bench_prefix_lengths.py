"""How near ``match_lengths``' target for a prefix is to the lengths of new names.

``NameSampler.sample(prefix=..., match_lengths=True)`` matches the lengths of the
training names that start with the prefix, blended with all training names'
lengths (:mod:`sknextchar._prefix_lengths`: ``BLEND_NAMES`` names' worth of all
names' length shares, for the prefixes at least ``MIN_PREFIX_NAMES`` training
names start with). This script measures that choice on the bundled names with the
package's own functions (``prefix_lengths``, ``target_lengths``), so it measures
the shipped code. Three sections:

1. **Few names.** Over the prefixes of 1 to 3 letters that ``--many`` names or
   more start with (all the bundled names): the total-variation (TV) distance
   between the lengths of ``m`` of a prefix's names, drawn with replacement, and
   those of all its names, for a few ``m``; and that of all names' lengths.
   How rough a prefix's own lengths are from few names (``MIN_PREFIX_NAMES``).
2. **Held out.** Per seed, the names are split in halves: the target fitted on
   one half against the lengths of the other half's names that start with the
   prefix, over the prefixes of 1 to 3 letters with at least 10 fitting and 30
   held-out names. Mean TV (unweighted, and weighted by held-out names) of the
   shipped target, of a floor of 10 names, of the earlier rule (a prefix's own
   lengths when 100 fitting names or more start with it, else all names', as a
   sampler saved before the blend) and of no prefix matching (all names'
   lengths); how many prefixes the shipped target is nearer and farther than
   the earlier rule; the TV of prefixes with fewer ("rare") and more
   ("common") than 100 fitting names; and the blend that cross-validation
   within the fitting half chooses (repeated 2-fold splits, mean TV over the
   prefixes with at least 10 names in one part and 15 in the other), with the
   blends within 0.0025 of its TV.
3. **End to end** (seed 0's split): a ``KneserNeyClassifier`` sampler fitted on
   the fitting half draws 2,000 names with the prefix (``--draws`` times), with
   ``match_lengths`` (the shipped table, then the earlier one) and without;
   the TV between the drawn lengths and the held-out half's lengths for the
   prefix.

Usage::

    python benchmarks/bench_prefix_lengths.py            # five seeds, about 1 minute
    python benchmarks/bench_prefix_lengths.py --quick    # one seed, about 15 s
    python benchmarks/bench_prefix_lengths.py --seeds 0 1 --no-end-to-end

Run times on two shared cores (December 2026). It times nothing: every number it
prints depends only on the names, the package's code and the seeds.
"""

import argparse
import copy
import statistics
import time
from collections import defaultdict
from types import SimpleNamespace

import numpy as np
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar._prefix_lengths import (
    BLEND_NAMES,
    MIN_PREFIX_NAMES,
    prefix_counts,
    prefix_lengths,
    target_lengths,
)
from sknextchar._training_record import length_counts
from sknextchar.datasets import load_indian_names

BLENDS = (0, 5, 10, 15, 20, 30, 40, 50, 75, 100, 150, 200, 300)
SIZES = (10, 20, 50, 100, 200)
PREFIXES = ("shr", "dev", "sur", "am", "har", "raj", "pra", "ra", "sh")
COMMON = 100  # the earlier rule's floor, and where "common" prefixes start


def tv(a, b):
    """Total-variation distance between two count vectors, as shares."""
    width = max(len(a), len(b))
    p, q = np.zeros(width), np.zeros(width)
    p[: len(a)], q[: len(b)] = a, b
    return 0.5 * np.abs(p / p.sum() - q / q.sum()).sum()


def by_prefix(encoded, depths=(1, 2, 3)):
    """The length counts of the names by prefix (a tuple of symbol ids)."""
    lengths = defaultdict(list)
    for ids in encoded:
        for depth in depths:
            if len(ids) >= depth:
                lengths[tuple(ids[:depth].tolist())].append(len(ids))
    return {prefix: np.bincount(found) for prefix, found in lengths.items()}


def compared(fitting, held, min_fit, min_held):
    """The prefixes with enough names in both parts, and their counts."""
    fit_counts, held_counts = by_prefix(fitting), by_prefix(held)
    prefixes = sorted(
        p
        for p, c in fit_counts.items()
        if c.sum() >= min_fit and p in held_counts and held_counts[p].sum() >= min_held
    )
    return prefixes, fit_counts, held_counts


def targets_tv(table, fitting, prefixes, held_counts):
    """TV of the target ``target_lengths`` gives (table fitted on ``fitting``) to
    the held-out lengths, per prefix; ``table`` None for all names' lengths."""
    all_counts = length_counts([len(ids) for ids in fitting])
    sampler = SimpleNamespace(training_prefix_lengths_=table)
    return np.array(
        [
            tv(target_lengths(sampler, np.array(p), all_counts)[0], held_counts[p])
            for p in prefixes
        ]
    )


def few_names(encoded, many, draws, rng):
    """Section 1: TV of m names' lengths to all of a prefix's names' lengths."""
    table = prefix_lengths(encoded, min_names=many, blend_names=0)
    counts = by_prefix(encoded)
    prefixes = [p for p in counts if prefix_counts(table, p) is not None]
    all_counts = length_counts([len(ids) for ids in encoded])
    rows = {m: [] for m in SIZES}
    for p in prefixes:
        own = prefix_counts(table, p)
        assert np.array_equal(own[: len(counts[p])], counts[p])  # the same counts
        lengths = np.repeat(np.arange(len(own)), own.astype(int))
        for m in SIZES:
            drawn = rng.choice(lengths, size=(draws, m))
            rows[m].append(np.mean([tv(np.bincount(d), own) for d in drawn]))
    fallback = [tv(all_counts, prefix_counts(table, p)) for p in prefixes]
    print(f"## Few names: {len(prefixes)} prefixes of 1-3 letters, {many}+ names\n")
    print("| names drawn | mean TV to all the prefix's names |")
    print("|---:|---:|")
    for m in SIZES:
        print(f"| {m} | {np.mean(rows[m]):.3f} |")
    mean, median = np.mean(fallback), statistics.median(fallback)
    print(f"| all names' lengths | {mean:.3f} (median {median:.3f}) |\n")


def cross_validate(fitting, rng, repeats):
    """The blend with the least mean TV over repeated 2-fold splits of
    ``fitting``, and the blends within 0.0025 of it."""
    errors = defaultdict(list)
    for _ in range(repeats):
        order = rng.permutation(len(fitting))
        half = len(fitting) // 2
        one = [fitting[i] for i in order[:half]]
        other = [fitting[i] for i in order[half:]]
        for a, b in ((one, other), (other, one)):
            prefixes, _, held_counts = compared(a, b, 10, 15)
            for k in BLENDS:
                table = prefix_lengths(a, blend_names=k)
                errors[k].append(targets_tv(table, a, prefixes, held_counts).mean())
    mean = {k: np.mean(e) for k, e in errors.items()}
    best = min(BLENDS, key=mean.get)
    near = [k for k in BLENDS if mean[k] <= mean[best] + 0.0025]
    return best, f"{min(near)}-{max(near)}"


def held_out(encoded, seed, repeats):
    """Section 2 for one seed: a row of each table."""
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(encoded))
    half = len(encoded) // 2
    fitting = [encoded[i] for i in order[:half]]
    held = [encoded[i] for i in order[half:]]
    prefixes, fit_counts, held_counts = compared(fitting, held, 10, 30)
    tables = {
        "shipped": prefix_lengths(fitting),
        "floor 10": prefix_lengths(fitting, min_names=10),
        "100 names": prefix_lengths(fitting, min_names=COMMON, blend_names=0),
        "no prefix": None,
    }
    errors = {
        name: targets_tv(table, fitting, prefixes, held_counts)
        for name, table in tables.items()
    }
    weights = np.array([held_counts[p].sum() for p in prefixes])
    rare = np.array([fit_counts[p].sum() < COMMON for p in prefixes])
    shipped, earlier = errors["shipped"], errors["100 names"]
    best, near = cross_validate(fitting, rng, repeats)
    means = [f"{e.mean():.3f}" for e in errors.values()]
    weighted = [f"{np.average(e, weights=weights):.3f}" for e in errors.values()]
    first = [seed, len(prefixes), *means, *weighted]
    second = [
        seed,
        f"{rare.sum()} / {(~rare).sum()}",
        f"{earlier[rare].mean():.3f} → {shipped[rare].mean():.3f}",
        f"{earlier[~rare].mean():.3f} → {shipped[~rare].mean():.3f}",
        int(np.sum(shipped < earlier - 1e-12)),
        int(np.sum(shipped > earlier + 1e-12)),
        best,
        near,
    ]
    return first, second


def print_table(header, rows):
    """A Markdown table."""
    print("| " + " | ".join(header) + " |")
    print("|" + "---:|" * len(header))
    for row in rows:
        print("| " + " | ".join(str(cell) for cell in row) + " |")
    print()


def end_to_end(names, prefixes, draws, n_samples):
    """Section 3: the lengths drawn with a KneserNey sampler against held-out."""
    order = np.random.default_rng(0).permutation(len(names))
    fitting = [names[i] for i in order[: len(names) // 2]]
    held = [names[i] for i in order[len(names) // 2 :]]
    pipeline = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    shipped = NameSampler(pipeline).fit(fitting)
    transformer = shipped.estimator_[0]
    earlier = copy.deepcopy(shipped)  # as a sampler saved before the blend
    earlier.training_prefix_lengths_ = prefix_lengths(
        transformer.encode(fitting), min_names=COMMON, blend_names=0
    )
    fitting, held = transformer.normalize(fitting), transformer.normalize(held)
    rows, totals = [], defaultdict(list)
    for p in prefixes:
        truth = np.bincount([len(n) for n in held if n.startswith(p)])
        row = [repr(p), sum(n.startswith(p) for n in fitting), int(truth.sum())]
        for name, sampler, match in (
            ("earlier", earlier, True),
            ("shipped", shipped, True),
            ("no matching", shipped, False),
        ):
            drawn = [
                sampler.sample(
                    n_samples, prefix=p, match_lengths=match, random_state=seed
                )
                for seed in range(draws)
            ]
            error = np.mean(
                [tv(np.bincount([len(n) for n in d]), truth) for d in drawn]
            )
            totals[name].append(error)
            row.append(f"{error:.3f}")
        rows.append(row)
    rows.append(["mean", "", "", *(f"{np.mean(e):.3f}" for e in totals.values())])
    print(f"## End to end: KneserNey, seed 0's halves, {draws} x {n_samples} names\n")
    header = ["prefix", "fitting names", "held-out names", "100 names", "shipped"]
    print_table([*header, "no matching"], rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2, 3, 4])
    parser.add_argument(
        "--cv-repeats", type=int, default=5, help="2-fold splits of the fitting half"
    )
    parser.add_argument("--many", type=int, default=300, help="section 1's prefixes")
    parser.add_argument("--draws", type=int, default=3, help="section 3's draws")
    parser.add_argument("--prefixes", nargs="+", default=list(PREFIXES))
    parser.add_argument("--no-end-to-end", action="store_true")
    parser.add_argument(
        "--quick", action="store_true", help="seed 0, fewer repeats and draws"
    )
    args = parser.parse_args()
    if args.quick:
        args.seeds, args.cv_repeats, args.draws = [0], 1, 1
    start = time.perf_counter()
    names = list(load_indian_names())
    transformer = ContextWindowTransformer().fit(names)
    encoded = transformer.encode(names)
    table = prefix_lengths(encoded)
    n_rows, width = table["counts"].shape
    size = table["counts"].nbytes + table["keys"].nbytes
    print(
        f"# Prefix lengths: {len(names):,} bundled names; "
        f"BLEND_NAMES={BLEND_NAMES}, MIN_PREFIX_NAMES={MIN_PREFIX_NAMES}; "
        f"table of all names: {n_rows} rows of {width} counts and keys "
        f"({size / 1000:.0f} KB; with a floor of 10 names, "
        f"{len(prefix_lengths(encoded, min_names=10)['keys'])} rows)\n"
    )
    few_names(encoded, args.many, 200 if args.quick else 1000, np.random.default_rng(0))
    rows = [held_out(encoded, seed, args.cv_repeats) for seed in args.seeds]
    kinds = ["shipped", "floor 10", "100 names", "no prefix"]
    print("## Held out: mean TV of the target to the held-out half's lengths\n")
    print_table(
        ["seed", "prefixes", *kinds, *(f"{kind} (weighted)" for kind in kinds)],
        [first for first, _ in rows],
    )
    print("## Held out: rare (<100 fitting names) and common prefixes\n")
    header = ["seed", "rare / common", "rare: 100 names → shipped", "common: same"]
    print_table(
        [*header, "nearer", "farther", "CV blend", "within 0.0025"],
        [second for _, second in rows],
    )
    if not args.no_end_to_end:
        end_to_end(names, args.prefixes, args.draws, 2000)
    print(f"({time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    main()
