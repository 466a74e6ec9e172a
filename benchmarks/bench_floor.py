"""A training step of the package against its matrix-product floor.

Usage::

    python benchmarks/bench_floor.py [--repeats 7] [--steps 200] [--configs NAMES]
                                     [--same-process] [--clock {wall,cpu}]

The floor of one training step is the time of its seven matrix products alone, at
the real shapes and with the same layouts, written into preallocated ``out=``
buffers, float32, one BLAS thread:

1. ``E[X] (n, L*K) @ W0 (L*K, H)``           first layer, forward
2. ``A (n, H) @ W1 (H, C)``                  output layer, forward
3. ``A.T @ delta (n, C)``                    output weights' gradient
4. ``delta @ W1.T``                          gradient of the hidden layer
5. ``E[X].T @ dZ (n, H)``                    first weights' gradient
6. ``dZ @ W0.T``                             gradient of the gathered embeddings
7. ``onehot.T (V, n*L) @ dE (n*L, K)``       embeddings' gradient (scatter-add)

When the package computes the first layer by per-position tables
(:mod:`sknextchar.nn.tables`, chosen by ``tables_pay_off`` for these shapes), it
does fewer multiply-adds than these seven products, and the step can come close to
or below this floor. The script then also times the products that form does (the
three output-layer products, ``E @ W_p``, ``E.T @ G_p`` and ``G_p @ W_p.T`` for the
``L`` positions, and the two sparse products with the batch's incidence matrix) and
prints the step's ratio to them too (``own ratio``).

Next to it, in the same process, the package's step
(:class:`sknextchar.nn.training.MinibatchTrainer.step`: dropout masks, forward,
loss, backward, Adam) on real windows of the bundled names, shuffled, with one
BLAS thread. Both are medians over ``--repeats`` runs of ``--steps`` steps. The
ratio step / floor is what NumPy's element-wise work, the gather, the softmax and
Adam cost on top of the products.

Each configuration runs in a fresh Python process (``--same-process`` to run
them all in this one): a fresh process is where temporaries allocated per step
cost most, since the allocator has not yet learned to keep them.

``--clock cpu`` times with the process's CPU time instead of the wall clock: on a
machine shared with other work, a run loses the time it waits for a core, and a
long run (the step's) waits more often than a short one (the floor's), which
inflates the ratio; CPU time leaves the waits out (not the caches other work
empties).
"""

import argparse
import json
import statistics
import subprocess
import sys
import time

import numpy as np
from threadpoolctl import threadpool_limits

from sknextchar import ContextWindowTransformer
from sknextchar.datasets import load_indian_names
from sknextchar.nn.adam import AdamOptimizer
from sknextchar.nn.functional import init_params
from sknextchar.nn.tables import FirstLayerTables, tables_pay_off
from sknextchar.nn.training import DivergenceGuard, MinibatchTrainer, ParameterWorkspace

#: name -> (context_length L, embedding_dim K, hidden units H, activation,
#: batch size n, dropout, alpha)
CONFIGS = {
    "lecture-b32": (3, 10, 200, "tanh", 32, 0.0, 0.01),
    "lecture-b1024": (3, 10, 200, "tanh", 1024, 0.0, 0.01),
    "defaults": (3, 10, 500, "relu", 128, 0.0, 0.01),
    "tuned": (6, 24, 512, "relu", 128, 0.3, 0.01),
}
V = C = 27  # the bundled names' symbols: the end marker and a-z


def _timed(functions, steps, repeats, clock=time.perf_counter):
    """Median seconds per call of each ``function(i)`` over ``repeats`` runs.

    The runs of the functions alternate, so that a machine shared with other
    work slows them alike.
    """
    for function in functions:
        for i in range(min(steps, 20)):  # warm up: caches, allocator, BLAS
            function(i)
    runs = [[] for _ in functions]
    for _ in range(repeats):
        for function, times in zip(functions, runs):
            start = clock()
            for i in range(steps):
                function(i)
            times.append((clock() - start) / steps)
    return [statistics.median(times) for times in runs]


def _windows(L):
    """Shuffled real windows of the bundled names, as (contexts, targets)."""
    data = ContextWindowTransformer(context_length=L).fit_transform(load_indian_names())
    order = np.random.default_rng(0).permutation(len(data.targets))
    return np.ascontiguousarray(data.contexts[order]), data.targets[order]


def floor_step(config, X):
    """A function that runs the seven matrix products of one step."""
    L, K, H, _, n, _, _ = config
    rng = np.random.default_rng(0)
    f32 = np.float32
    W0, W1 = rng.random((L * K, H), f32), rng.random((H, C), f32)
    Xcat, A, S = (
        rng.random((n, L * K), f32),
        np.empty((n, H), f32),
        np.empty((n, C), f32),
    )
    delta, dA = rng.random((n, C), f32), np.empty((n, H), f32)
    gW0, gW1 = np.empty_like(W0), np.empty_like(W1)
    dXcat, gE = np.empty((n, L * K), f32), np.empty((V, K), f32)
    onehot = np.zeros((n * L, V), f32)
    onehot[np.arange(n * L), X[:n].reshape(-1)] = 1  # real ids: same sparsity

    def step(_):
        np.matmul(Xcat, W0, out=A)
        np.matmul(A, W1, out=S)
        np.matmul(A.T, delta, out=gW1)
        np.matmul(delta, W1.T, out=dA)
        np.matmul(Xcat.T, dA, out=gW0)
        np.matmul(dA, W0.T, out=dXcat)
        np.matmul(onehot.T, dXcat.reshape(n * L, K), out=gE)

    return step


def table_products_step(config, X):
    """A function that runs the products of a step with the first layer's tables."""
    L, K, H, _, n, _, _ = config
    rng = np.random.default_rng(0)
    f32 = np.float32
    E, W0, W1 = (rng.random(shape, f32) for shape in [(V, K), (L * K, H), (H, C)])
    A, S, delta = np.empty((n, H), f32), np.empty((n, C), f32), rng.random((n, C), f32)
    dA, gW1, gW0, gE = (np.empty_like(a) for a in (A, W1, W0, E))
    work = FirstLayerTables(n, L, E, H)
    work.set_contexts(X[:n])  # real ids: the same sparsity
    W0_t = W0.reshape(L, K, H).transpose(0, 2, 1)

    def step(_):
        np.matmul(E, W0.reshape(L, K, H), out=work.tables)
        np.copyto(A, work.incidence @ work.tables.reshape(L * V, H))
        np.matmul(A, W1, out=S)
        np.matmul(A.T, delta, out=gW1)
        np.matmul(delta, W1.T, out=dA)
        np.copyto(work.sums.reshape(L * V, H), work.incidence.T @ dA)
        np.matmul(work.embeddings_t, work.sums, out=gW0.reshape(L, K, H))
        np.matmul(work.sums, W0_t, out=work.per_position)
        np.add.reduce(work.per_position, axis=0, out=gE)

    return step


def package_step(config, X, y):
    """A function that runs the package's training step on batch ``i``."""
    L, K, H, activation, n, dropout, alpha = config
    params = init_params(V, K, L, (H,), C, activation, np.float32,
                         np.random.RandomState(0))  # fmt: skip
    ws = ParameterWorkspace(*params, np.float32)
    trainer = MinibatchTrainer(
        ws, AdamOptimizer([ws.flat], learning_rate_init=0.001), activation=activation,
        alpha=alpha, batch_size=n, shuffle=False, dropout=dropout,
        hidden_layer_sizes=[H], guard=DivergenceGuard(1e9),
    )  # fmt: skip
    generator = np.random.default_rng(0) if dropout else None
    n_batches = len(y) // n

    def step(i):
        rows = slice((i % n_batches) * n, (i % n_batches + 1) * n)
        trainer.step(X[rows], y[rows], generator)

    return step


CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}


def measure(name, steps, repeats, clock="wall"):
    """The floor, the step and their ratio of one configuration, as a dict."""
    config = CONFIGS[name]
    L, K, H, _, n, _, _ = config
    X, y = _windows(L)
    uses_tables = tables_pay_off(n, L, K, V, H)
    functions = [floor_step(config, X), package_step(config, X, y)]
    if uses_tables:
        functions.append(table_products_step(config, X))
    with threadpool_limits(1), np.errstate(all="ignore"):
        floor, step, *own = _timed(functions, steps, repeats, CLOCKS[clock])
    own = own[0] if own else floor
    return {"config": name, "first_layer": "tables" if uses_tables else "gather",
            "floor_us": floor * 1e6, "step_us": step * 1e6, "ratio": step / floor,
            "own_us": own * 1e6, "own_ratio": step / own}  # fmt: skip


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--configs", default=",".join(CONFIGS))
    parser.add_argument("--same-process", action="store_true")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    names = args.configs.split(",")
    if args.json:  # the child of a fresh-process run
        print(json.dumps([measure(n, args.steps, args.repeats, args.clock)
                          for n in names]))  # fmt: skip
        return
    rows = []
    for name in names:
        if args.same_process:
            rows.append(measure(name, args.steps, args.repeats, args.clock))
            continue
        command = [sys.executable, __file__, "--json", "--configs", name,
                   "--steps", str(args.steps), "--repeats", str(args.repeats),
                   "--clock", args.clock]  # fmt: skip
        rows += json.loads(subprocess.run(command, check=True, capture_output=True,
                                          text=True).stdout)  # fmt: skip
    where = "one process" if args.same_process else "a fresh process each"
    print(
        f"Training step against its 7-product floor (float32, 1 BLAS thread, {where}, "
        f"{args.clock} clock)"
    )
    print(f"{'config':<15}{'floor us':>10}{'step us':>10}{'ratio':>8}"
          f"{'first layer':>13}{'own products us':>17}{'own ratio':>11}")  # fmt: skip
    for row in rows:
        print(f"{row['config']:<15}{row['floor_us']:>10.1f}{row['step_us']:>10.1f}"
              f"{row['ratio']:>8.2f}{row['first_layer']:>13}{row['own_us']:>17.1f}"
              f"{row['own_ratio']:>11.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
