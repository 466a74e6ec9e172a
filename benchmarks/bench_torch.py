"""Time to quality of the tuned preset against the same model in PyTorch.

Usage::

    python benchmarks/bench_torch.py [--target 1.95] [--max-iter 20]

Both train the tuned preset (:func:`sknextchar.make_tuned_pipeline`: context 6,
embeddings of 24, 512 ReLU units with dropout 0.3, L2 alpha 0.01 on the embeddings
and the weights, Adam from 0.005 on a cosine schedule to 1/100 over ``max_iter``
epochs, batch 128) on the training names of the makemore split of the bundled
names, from the same initial weights (the package's, copied into the PyTorch
model), with one thread each. After every epoch both score the validation names;
the report gives the training seconds (scoring excluded) until the validation NLL
first reaches ``--target`` nats per character. The issue's target: the package in
at most half of PyTorch's time.

Without PyTorch installed, the script says so and exits with status 0: the
comparison is skipped, nothing else depends on it. (The development environment
of this repository does not install torch; this script was not run there.)
"""

import argparse
import math
import sys
import time

import numpy as np
from _corpora import split_names

from sknextchar import make_tuned_pipeline
from sknextchar.datasets import load_indian_names
from sknextchar.nn.functional import init_params


def package_curve(train, val, max_iter, target):
    """(epoch, cumulative training seconds, val NLL) of the package, per epoch."""
    # One random stream over the epochs, as fit has (an int seed would restart
    # it at every partial_fit call).
    pipe = make_tuned_pipeline(random_state=np.random.RandomState(0))
    pipe.set_params(clf__max_iter=max_iter)
    windows, clf = pipe["windows"], pipe["clf"]
    data, val_data = windows.fit_transform(train), None
    curve, seconds = [], 0.0
    for epoch in range(1, max_iter + 1):
        start = time.perf_counter()
        # partial_fit places each call on the cosine schedule by its epoch.
        clf.partial_fit(data)
        seconds += time.perf_counter() - start
        if val_data is None:
            val_data = windows.transform(val)
        curve.append((epoch, seconds, -clf.score(val_data)))
        if curve[-1][2] <= target:
            break
    return pipe, curve


def torch_curve(torch, pipe, train, val, max_iter, target):
    """The same model, initial weights and schedule in PyTorch, one thread."""
    torch.set_num_threads(1)
    torch.manual_seed(0)
    windows, clf = pipe["windows"], pipe["clf"]
    # The package's initial weights: its first draw from RandomState(0).
    V = len(windows.vocabulary_)
    E0, coefs, intercepts = init_params(
        V, clf.embedding_dim, windows.context_length, clf.hidden_layer_sizes, V,
        clf.activation, np.float32, np.random.RandomState(0),
    )  # fmt: skip
    data, val_data = windows.transform(train), windows.transform(val)
    X = torch.as_tensor(data.contexts, dtype=torch.long)
    y = torch.as_tensor(data.targets, dtype=torch.long)
    Xv = torch.as_tensor(val_data.contexts, dtype=torch.long)
    yv = torch.as_tensor(val_data.targets, dtype=torch.long)
    E = torch.nn.Parameter(torch.as_tensor(E0))
    W1, W2 = (torch.nn.Parameter(torch.as_tensor(c)) for c in coefs)
    b1, b2 = (torch.nn.Parameter(torch.as_tensor(b)) for b in intercepts)
    params = [E, W1, b1, W2, b2]
    adam = torch.optim.Adam(params, lr=clf.learning_rate_init)
    n, batch = len(y), clf.batch_size
    curve, seconds = [], 0.0
    for epoch in range(1, max_iter + 1):
        progress = (epoch - 1) / max_iter
        lr = clf.learning_rate_init * (
            0.01 + 0.99 * 0.5 * (1 + math.cos(math.pi * progress))
        )
        for group in adam.param_groups:
            group["lr"] = lr
        start = time.perf_counter()
        order = torch.randperm(n)
        for first in range(0, n, batch):
            rows = order[first : first + batch]
            h = torch.relu(E[X[rows]].reshape(len(rows), -1) @ W1 + b1)
            h = torch.nn.functional.dropout(h, clf.dropout, training=True)
            logits = h @ W2 + b2
            l2 = (E * E).sum() + (W1 * W1).sum() + (W2 * W2).sum()
            loss = torch.nn.functional.cross_entropy(logits, y[rows])
            loss = loss + clf.alpha / (2 * len(rows)) * l2
            adam.zero_grad(set_to_none=True)
            loss.backward()
            adam.step()
        seconds += time.perf_counter() - start
        with torch.no_grad():
            h = torch.relu(E[Xv].reshape(len(yv), -1) @ W1 + b1)
            nll = torch.nn.functional.cross_entropy(h @ W2 + b2, yv).item()
        curve.append((epoch, seconds, nll))
        if nll <= target:
            break
    return curve


def reached(curve, target):
    hits = [(epoch, seconds) for epoch, seconds, nll in curve if nll <= target]
    return hits[0] if hits else (None, None)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--target", type=float, default=1.95)
    parser.add_argument("--max-iter", type=int, default=20)
    args = parser.parse_args(argv)
    try:
        import torch
    except ImportError:
        print("PyTorch comparison skipped: torch is not installed "
              "(python -m pip install torch to run it).")  # fmt: skip
        return 0
    from threadpoolctl import threadpool_limits

    train, val, _ = split_names(load_indian_names())
    with threadpool_limits(1):
        pipe, ours = package_curve(train, val, args.max_iter, args.target)
        theirs = torch_curve(torch, pipe, train, val, args.max_iter, args.target)
    print(f"Time to val NLL {args.target} (tuned preset, one thread, torch "
          f"{torch.__version__}, numpy {np.__version__}):")  # fmt: skip
    for name, curve in (("sknextchar", ours), ("PyTorch", theirs)):
        epoch, seconds = reached(curve, args.target)
        when = f"epoch {epoch}, {seconds:.1f} s" if epoch else "not reached"
        print(f"  {name:<11} {when}; last val NLL {curve[-1][2]:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
