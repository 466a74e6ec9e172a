"""Time to quality of the tuned preset against the same model in PyTorch.

Usage::

    python benchmarks/bench_torch.py [--target 1.95] [--max-iter 20]
                                     [--stop-at-target] [--check-only]

Both train the tuned preset (:func:`sknextchar.make_tuned_pipeline`: context 6,
embeddings of 24, 512 ReLU units with dropout 0.3, L2 alpha 0.01 on the embeddings
and the weights, Adam from 0.005 on a cosine schedule to 1/100 over ``max_iter``
epochs, batch 128, float32) on the training names of the makemore split of the
bundled names, with one thread each (``torch.set_num_threads(1)``; the package
limits BLAS to one thread in training). The PyTorch model starts from the
package's initial weights (its first draws from ``RandomState(0)``, checked) and
visits the windows in the package's order (the same permutations, drawn from the
same stream); only the dropout masks differ (each library draws its own). It is
ordinary eager PyTorch: ``F.embedding``, ``torch.addmm``, ``F.dropout``,
``F.log_softmax`` and ``F.nll_loss`` (the cross-entropy) and ``torch.optim.Adam``
with the L2 term as the weight decay of the embeddings and coefficients (``alpha / n`` for a batch of ``n`` windows:
the gradient of the package's ``alpha / (2 n) * sum of squares``).

The epochs alternate between the two in one process, so a busy machine slows both
alike. After every epoch both score the validation names (not timed); the report
gives the training seconds until the validation NLL first reaches ``--target``
nats per character, the median seconds of an epoch, and the NLL after the last
epoch. The issue's target: the package in at most half of PyTorch's time.

Adam differs in one place, the epsilon: the package folds both bias corrections
into the step size, as scikit-learn does, ``lr * sqrt(1 - b2**t) / (1 - b1**t) *
m / (sqrt(v) + eps)``, while PyTorch divides by ``sqrt(v) / sqrt(1 - b2**t) +
eps``. So the PyTorch model sets its optimizer's epsilon before step t to
``eps / sqrt(1 - b2**t)`` (a dictionary entry per step): the same formula, the
same number. Without that, the two differ by 0.03 of a step size at the first
step and by nothing after a few epochs.

Before timing, the script checks that the two are the same model and prints the
largest differences: the initial weights; the gradients of one batch with the
same dropout mask (float64, the package's ``backward`` against autograd); and
the weights after three Adam steps from the same weights on the same batches
without dropout, through the package's trainer and this script's PyTorch step,
in float64 and in float32 (where Adam's division by ``sqrt(v)`` magnifies the
round-off of the gradients that nearly cancel to zero).

Without PyTorch installed the script says so and exits with status 0.
"""

import argparse
import math
import statistics
import sys
import time

import numpy as np
from _corpora import split_names
from sklearn.base import clone
from threadpoolctl import threadpool_limits

from sknextchar import make_tuned_pipeline
from sknextchar.datasets import load_indian_names
from sknextchar.nn.adam import AdamOptimizer, scheduled_learning_rate
from sknextchar.nn.functional import backward, forward, init_params
from sknextchar.nn.training import DivergenceGuard, MinibatchTrainer, ParameterWorkspace

SEED = 0
SKIP_MESSAGE = (
    "PyTorch comparison skipped: torch is not installed (this benchmark needs "
    "it; the package does not)."
)


def import_torch():
    """torch, or None when it is not installed."""
    try:
        import torch
    except ImportError:
        return None
    return torch


class TorchMLP:
    """The package's embedding MLP written in eager PyTorch.

    ``params`` are NumPy arrays as :func:`init_params` returns them; they are
    copied. ``settings`` holds the classifier's ``activation``, ``alpha``,
    ``dropout``, ``learning_rate_init``, ``beta_1``, ``beta_2`` and ``epsilon``.
    Adam is ``torch.optim.Adam`` as it comes (its implementation for CPU
    tensors); its ``foreach=True`` and ``fused=True`` variants ran within the
    noise of it here (2 shared cores). ``F.embedding`` and ``E[X]`` did too.
    """

    def __init__(self, torch, params, settings):
        self.torch, self.F = torch, torch.nn.functional
        E, coefs, intercepts = params
        tensor = lambda a: torch.nn.Parameter(torch.tensor(a))  # noqa: E731
        self.E = tensor(E)
        self.coefs = [tensor(c) for c in coefs]
        self.intercepts = [tensor(b) for b in intercepts]
        self.activate = {
            "relu": torch.relu, "tanh": torch.tanh, "logistic": torch.sigmoid,
            "identity": lambda z: z,
        }[settings["activation"]]  # fmt: skip
        self.alpha, self.dropout = settings["alpha"], settings["dropout"]
        self.epsilon, self.beta_2, self.t = settings["epsilon"], settings["beta_2"], 0
        self.adam = torch.optim.Adam(
            [{"params": [self.E, *self.coefs]},
             {"params": self.intercepts, "weight_decay": 0.0}],
            lr=settings["learning_rate_init"],
            betas=(settings["beta_1"], settings["beta_2"]),
            eps=settings["epsilon"],
        )  # fmt: skip

    @classmethod
    def like(cls, torch, clf, params):
        """The PyTorch model of a CharEmbeddingMLPClassifier's settings."""
        names = ("activation", "alpha", "dropout", "learning_rate_init",
                 "beta_1", "beta_2", "epsilon")  # fmt: skip
        return cls(torch, params, {k: getattr(clf, k) for k in names})

    def log_proba(self, X, masks=None):
        """Log-probabilities of a batch; dropout from ``masks`` or drawn."""
        n, F = len(X), self.F
        A = F.embedding(X, self.E).reshape(n, -1)
        for i, (W, b) in enumerate(zip(self.coefs[:-1], self.intercepts[:-1])):
            A = self.activate(self.torch.addmm(b, A, W))
            if masks is not None:
                A = A * masks[i]
            elif self.dropout:
                A = F.dropout(A, self.dropout, training=True)
        return F.log_softmax(
            self.torch.addmm(self.intercepts[-1], A, self.coefs[-1]), dim=1
        )

    def step(self, X, y):
        """One Adam step on a batch (long tensors); L2 as the weight decay."""
        self.t += 1
        weights, intercepts = self.adam.param_groups
        weights["weight_decay"] = self.alpha / len(y)
        # The package's epsilon placement (see the module's docstring).
        eps = self.epsilon / math.sqrt(1.0 - self.beta_2**self.t)
        weights["eps"] = intercepts["eps"] = eps
        loss = self.F.nll_loss(self.log_proba(X), y)
        self.adam.zero_grad(set_to_none=True)
        loss.backward()
        self.adam.step()

    def run_epoch(self, X, y, order, batch_size, learning_rate):
        """One pass over the windows in ``order``, in batches."""
        for group in self.adam.param_groups:
            group["lr"] = learning_rate
        index = self.torch.from_numpy(order)
        X, y = X[index], y[index]
        for first in range(0, len(y), batch_size):
            self.step(X[first : first + batch_size], y[first : first + batch_size])

    def nll(self, X, y):
        """Mean negative log-likelihood, no dropout (the validation score)."""
        with self.torch.inference_mode():
            dropout, self.dropout = self.dropout, 0.0
            value = self.F.nll_loss(self.log_proba(X), y).item()
            self.dropout = dropout
        return value

    def arrays(self):
        """Copies of the parameters in the package's flat order."""
        params = [self.E, *self.coefs, *self.intercepts]
        return [p.detach().numpy().copy() for p in params]


def long_tensors(torch, windows):
    return (
        torch.tensor(windows.contexts, dtype=torch.long),
        torch.tensor(windows.targets, dtype=torch.long),
    )


def clf_params(clf, n_symbols, context_length, dtype, rng):
    """The classifier's initial weights for ``rng``, as its first fit draws them."""
    return init_params(
        n_symbols, clf.embedding_dim, context_length, list(clf.hidden_layer_sizes),
        n_symbols, clf.activation, dtype, rng,
    )  # fmt: skip


class PackageRun:
    """The tuned preset, one ``partial_fit`` epoch at a time (on the schedule)."""

    def __init__(self, train, val, max_iter):
        # One random stream over the epochs, as fit has.
        self.pipe = make_tuned_pipeline(random_state=np.random.RandomState(SEED))
        self.pipe.set_params(clf__max_iter=max_iter)
        self.windows, self.clf = self.pipe["windows"], self.pipe["clf"]
        self.train = self.windows.fit_transform(train)
        self.val = self.windows.transform(val)

    def epoch(self):
        start = time.perf_counter()
        self.clf.partial_fit(self.train)
        return time.perf_counter() - start

    def nll(self):
        return -self.clf.score(self.val)


class TorchRun:
    """The same model in PyTorch, from the package's weights, in its order."""

    def __init__(self, torch, package, max_iter):
        self.clf, self.max_iter, self.epochs = package.clf, max_iter, 0
        V, L = len(package.windows.vocabulary_), package.windows.context_length
        # The package's stream: the initial weights, then per epoch a
        # permutation and the seed of the dropout generator.
        self.rng = np.random.RandomState(SEED)
        self.initial = clf_params(self.clf, V, L, np.float32, self.rng)
        self.model = TorchMLP.like(torch, self.clf, self.initial)
        self.train = long_tensors(torch, package.train)
        self.val = long_tensors(torch, package.val)

    def epoch(self):
        clf = self.clf
        learning_rate = scheduled_learning_rate(
            clf.learning_rate, clf.learning_rate_init, self.epochs, self.max_iter
        )
        self.epochs += 1
        start = time.perf_counter()
        order = self.rng.permutation(len(self.train[1]))
        self.rng.randint(np.iinfo(np.int32).max)  # the package's dropout seed
        self.model.run_epoch(*self.train, order, clf.batch_size, learning_rate)
        return time.perf_counter() - start

    def nll(self):
        return self.model.nll(*self.val)


def check_initial_weights(package, torch_run):
    """Max |difference| between the package's initial weights and PyTorch's.

    A clone of the classifier with a step size of 1e-30 takes one step on a few
    windows: its weights are its initial weights to within 1e-29.
    """
    probe = clone(package.clf).set_params(
        learning_rate_init=1e-30, random_state=np.random.RandomState(SEED)
    )
    probe.partial_fit(package.windows.transform(["abid"]))
    ours = [probe.embeddings_, *probe.coefs_, *probe.intercepts_]
    return max(
        float(np.abs(a - b).max()) for a, b in zip(ours, torch_run.model.arrays())
    )


def run_alternately(package, torch_run, max_iter, target, stop_at_target):
    """Per-epoch (seconds, val NLL) of both, epochs alternating between them."""
    curves = {"sknextchar": [], "PyTorch": []}
    runs = {"sknextchar": package, "PyTorch": torch_run}
    for epoch in range(max_iter):
        for name, run in runs.items():
            curve = curves[name]
            if stop_at_target and curve and curve[-1][1] <= target:
                continue
            curve.append((run.epoch(), run.nll()))
            print(f"  epoch {epoch + 1:>2} {name:<10} {curve[-1][0]:6.2f} s, "
                  f"val NLL {curve[-1][1]:.4f}", flush=True)  # fmt: skip
    return curves


def time_to(curve, target):
    """(epochs, cumulative seconds) when the NLL first reaches the target."""
    total = 0.0
    for epoch, (seconds, nll) in enumerate(curve, 1):
        total += seconds
        if nll <= target:
            return epoch, total
    return None, None


def report(curves, target):
    print(f"\nTime to val NLL {target} (training seconds, validation not timed):")
    reached = {}
    for name, curve in curves.items():
        epoch, seconds = reached[name] = time_to(curve, target)
        when = f"epoch {epoch}, {seconds:.1f} s" if epoch else "not reached"
        median = statistics.median(s for s, _ in curve)
        print(f"  {name:<10} {when}; median epoch {median:.2f} s; val NLL after "
              f"epoch {len(curve)}: {curve[-1][1]:.4f}")  # fmt: skip
    (_, ours), (_, theirs) = reached["sknextchar"], reached["PyTorch"]
    if ours and theirs:
        ratio = ours / theirs
        verdict = "met" if ratio <= 0.5 else "NOT MET"
        print(f"  ratio sknextchar / PyTorch {ratio:.2f} (target <= 0.5: {verdict})")
        epochs = [statistics.median(s for s, _ in c) for c in curves.values()]
        print(f"  ratio of median epochs {epochs[0] / epochs[1]:.2f}")


def random_batch(rng, n, n_symbols, context_length):
    X = rng.randint(0, n_symbols, (n, context_length))
    return X, rng.randint(0, n_symbols, n)


def largest_difference(ours, theirs):
    """Max |difference| over the arrays, relative to the largest |value|."""
    scale = max(float(np.abs(b).max()) for b in theirs)
    return max(float(np.abs(a - b).max()) for a, b in zip(ours, theirs)) / scale


def gradient_check(torch, clf, n_symbols, context_length):
    """Package gradients against autograd's on one batch, same dropout mask.

    float64, with a random output layer (it starts at zero), so that every path
    of the gradient carries a signal. Returns the largest relative difference.
    """
    rng = np.random.RandomState(1)
    E, coefs, intercepts = clf_params(clf, n_symbols, context_length, np.float64, rng)
    coefs[-1][...] = rng.normal(0.0, 0.1, coefs[-1].shape)
    for b in intercepts:
        b[...] = rng.normal(0.0, 0.1, b.shape)
    n, keep = clf.batch_size, 1.0 - clf.dropout
    X, y = random_batch(rng, n, n_symbols, context_length)
    masks = [(rng.random_sample((n, h)) < keep) / keep for h in clf.hidden_layer_sizes]
    hidden, log_proba = forward(X, E, coefs, intercepts, clf.activation, masks)
    g_E, g_coefs, g_intercepts = backward(
        X, y, E, coefs, hidden, log_proba, clf.activation, clf.alpha, masks=masks
    )
    model = TorchMLP.like(torch, clf, (E, coefs, intercepts))
    torch_masks = [torch.tensor(m) for m in masks]
    log_proba = model.log_proba(torch.tensor(X), torch_masks)
    torch.nn.functional.nll_loss(log_proba, torch.tensor(y)).backward()
    weights = [model.E, *model.coefs]  # plus the L2 term, which Adam adds there
    theirs = [(p.grad + clf.alpha / n * p).detach().numpy() for p in weights]
    theirs += [p.grad.numpy() for p in model.intercepts]
    return largest_difference([g_E, *g_coefs, *g_intercepts], theirs)


def step_check(torch, clf, n_symbols, context_length, *, steps, dtype):
    """Weights after ``steps`` Adam steps without dropout, package and PyTorch.

    From the package's initial weights, on the same random batches, through the
    package's own trainer and the benchmark's PyTorch step. Returns the largest
    difference as a fraction of ``learning_rate_init`` (about one step's size).
    """
    rng = np.random.RandomState(2)
    params = clf_params(clf, n_symbols, context_length, dtype, rng)
    ws = ParameterWorkspace(*params, dtype)
    adam = AdamOptimizer(
        [ws.flat], learning_rate_init=clf.learning_rate_init, beta_1=clf.beta_1,
        beta_2=clf.beta_2, epsilon=clf.epsilon,
    )  # fmt: skip
    trainer = MinibatchTrainer(
        ws, adam, activation=clf.activation, alpha=clf.alpha,
        batch_size=clf.batch_size, shuffle=False, dropout=0.0,
        hidden_layer_sizes=list(clf.hidden_layer_sizes),
        guard=DivergenceGuard(np.inf),
    )  # fmt: skip
    model = TorchMLP.like(torch, clf, params)
    model.dropout = 0.0
    for _ in range(steps):
        X, y = random_batch(rng, clf.batch_size, n_symbols, context_length)
        trainer.step(X, y)
        model.step(torch.tensor(X), torch.tensor(y))
    ours = [ws.embeddings, *ws.coefs, *ws.intercepts]
    scale = max(float(np.abs(a).max()) for a in ours)
    return largest_difference(ours, model.arrays()) * scale / clf.learning_rate_init


def equivalence(torch, package, torch_run):
    """Print the checks that both sides are the same model; True if they are."""
    clf, windows = package.clf, package.windows
    V, L = len(windows.vocabulary_), windows.context_length
    initial = check_initial_weights(package, torch_run)
    gradients = gradient_check(torch, clf, V, L)
    step64 = step_check(torch, clf, V, L, steps=3, dtype=np.float64)
    step32 = step_check(torch, clf, V, L, steps=3, dtype=np.float32)
    print("Equivalence checks (largest differences):")
    print(f"  initial weights: {initial:.1e} (tolerance 1e-20)")
    print(f"  gradients of one batch, same dropout mask, float64: {gradients:.1e} "
          "relative (tolerance 1e-10)")  # fmt: skip
    print(f"  weights after 3 Adam steps, no dropout: float64 {step64:.1e} x lr "
          f"(tolerance 1e-9), float32 {step32:.1e} x lr (tolerance 1e-2)")  # fmt: skip
    return initial < 1e-20 and gradients < 1e-10 and step64 < 1e-9 and step32 < 1e-2


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--target", type=float, default=1.95)
    parser.add_argument("--max-iter", type=int, default=20)
    parser.add_argument("--stop-at-target", action="store_true",
                        help="stop each side when it reaches the target")  # fmt: skip
    parser.add_argument("--check-only", action="store_true",
                        help="run the equivalence checks only")  # fmt: skip
    args = parser.parse_args(argv)
    torch = import_torch()
    if torch is None:
        print(SKIP_MESSAGE)
        return 0
    torch.set_num_threads(1)
    torch.manual_seed(SEED)
    print(f"torch {torch.__version__} ({torch.get_num_threads()} thread), numpy "
          f"{np.__version__}; tuned preset, max_iter={args.max_iter}")  # fmt: skip
    train, val, _ = split_names(load_indian_names())
    with threadpool_limits(1):
        package = PackageRun(train, val, args.max_iter)
        torch_run = TorchRun(torch, package, args.max_iter)
        ok = equivalence(torch, package, torch_run)
        if args.check_only:
            return 0 if ok else 1
        curves = run_alternately(
            package, torch_run, args.max_iter, args.target, args.stop_at_target
        )
    report(curves, args.target)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
