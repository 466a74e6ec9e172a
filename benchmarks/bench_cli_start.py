"""How long the command line takes to start: the commands a user runs most, on a
tiny model, so that the time is the start (imports, loading the model) and not
the work.

Each command runs ``--repeats`` times in a new ``python -m sknextchar``
process; the script prints the median wall time and the median CPU time (user
plus system, of the process) of each. On a machine shared with other jobs the
wall time follows their load, the CPU time much less: compare CPU times. As an
installed package would, the runs use compiled modules (``.pyc``), kept in a
temporary folder (``PYTHONPYCACHEPREFIX``) and made by one untimed run of each
command: without them each run compiles the package's modules again.

The commands: ``--help``, ``train --help``, ``train`` of 100 bundled names with
tiny settings, then ``sample MODEL -n 5``, ``score MODEL NAME`` and
``classify MODEL NAME`` on models trained so once (the last one with
``--labels``), each twice: on skops files (the default format) and on joblib
files (with ``--trust-pickle``). The models are trained once, with this
checkout's package, and both checkouts read the same files.

Usage::

    python benchmarks/bench_cli_start.py                   # this checkout
    python benchmarks/bench_cli_start.py --repeats 9
    python benchmarks/bench_cli_start.py --compare ../main  # both, back to back

With ``--compare ROOT`` the same commands also run with the package of ROOT
(a checkout: the folder that holds ``sknextchar/``) on ``PYTHONPATH``, one
after the other for each repeat, so both meet the same load.
"""

import argparse
import csv
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent

#: Settings that make ``train`` quick: the time left is the start.
TINY = ["--max-iter", "2", "--hidden-layer-sizes", "16", "--embedding-dim", "4", "-q"]


def run(root, args, cache):
    """Wall and CPU seconds of ``python -m sknextchar ARGS`` with ``root``'s
    package, its compiled modules kept in ``cache``; the command must succeed."""
    env = {**os.environ, "PYTHONPATH": str(root), "PYTHONPYCACHEPREFIX": str(cache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its .pyc
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "sknextchar", *args],
        capture_output=True, text=True, env=env, cwd=root,
    )  # fmt: skip
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def make_inputs(folder, root, cache):
    """A 100-name list, a 100-row name,label table, and a model of each in
    both formats (skops, joblib)."""
    from sknextchar.datasets import load_indian_names

    names, labels = load_indian_names(return_X_y=True)
    names_file, table = folder / "names.txt", folder / "labelled.csv"
    names_file.write_text("\n".join(names[:100]) + "\n", encoding="utf-8")
    with open(table, "w", newline="", encoding="utf-8") as out:
        rows = csv.writer(out)
        rows.writerow(["name", "label"])
        step = len(names) // 100  # both labels, not the first 100 names alone
        rows.writerows(zip(names[::step][:100], labels[::step][:100]))
    for kind in ("skops", "joblib"):
        model, labelled = folder / f"model.{kind}", folder / f"labelled.{kind}"
        run(root, ["train", str(names_file), "-o", str(model), *TINY], cache)
        labels_flags = ["--labels", "label", "-o", str(labelled)]
        run(root, ["train", str(table), *labels_flags, *TINY], cache)
    return names_file, table


def model_commands(folder, kind):
    """(what to show, arguments) of sample, score and classify of the
    ``kind`` (skops or joblib) models."""
    model, labelled = str(folder / f"model.{kind}"), str(folder / f"labelled.{kind}")
    trust = ["--trust-pickle"] if kind == "joblib" else []
    return [
        (f"sample {kind} -n 5", ["sample", model, "-n", "5", *trust]),
        (f"score {kind} NAME", ["score", model, "asha", *trust]),
        (f"classify {kind} NAME", ["classify", labelled, "asha", *trust]),
    ]


def commands(folder, names_file):
    """(what to show, arguments) of each command timed."""
    trained = str(folder / "trained.skops")
    return [
        ("--help", ["--help"]),
        ("train --help", ["train", "--help"]),
        *model_commands(folder, "skops"),
        *model_commands(folder, "joblib"),
        (
            "train 100 names",
            ["train", str(names_file), "-o", trained, "--force", *TINY],
        ),
    ]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--compare", type=Path, help="another checkout to time too")
    args = parser.parse_args(argv)
    roots = {"this": HERE}
    if args.compare is not None:
        roots["compare"] = args.compare.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        caches = {key: folder / f"pycache-{key}" for key in roots}
        names_file, _ = make_inputs(folder, HERE, caches["this"])
        timed = commands(folder, names_file)
        for _shown, command in timed:  # once untimed: every module compiled
            for key, root in roots.items():
                run(root, command, caches[key])
        times = {(key, shown): [] for key in roots for shown, _ in timed}
        for _ in range(args.repeats):
            for shown, command in timed:
                for key, root in roots.items():  # back to back: the same load
                    times[key, shown].append(run(root, command, caches[key]))
    print(f"median of {args.repeats} runs, seconds: wall / CPU")
    for key, root in roots.items():
        print(f"  {key}: {root}")
    print(f"{'command':<22}" + "".join(f"{key:>18}" for key in roots))
    for shown, _ in timed:
        cells = []
        for key in roots:
            walls, cpus = zip(*times[key, shown])
            cells.append(
                f"{statistics.median(walls):.2f} / {statistics.median(cpus):.2f}"
            )
        print(f"{shown:<22}" + "".join(f"{cell:>18}" for cell in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
