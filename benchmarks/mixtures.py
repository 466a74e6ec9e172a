"""The mixtures of count and neural models measured by the benchmarks (issue 16).

``MIXTURES`` maps a label to a factory of the last step of a pipeline whose windows
have ``MIXTURE_CONTEXT`` symbols (:func:`mixture_pipeline`). ``tune.py --mixtures``
chooses among them on the val split; ``run_benchmarks.py`` reports the chosen one.
"""

from sklearn.pipeline import Pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    make_tuned_pipeline,
)

MIXTURE_CONTEXT = 6  # the tuned MLP's context; the Kneser-Ney 6-gram reads 5 of it


def tuned_mlp(seed=0, **changes):
    """The tuned preset's classifier, with ``changes``."""
    params = make_tuned_pipeline(random_state=seed)["clf"].get_params()
    return CharEmbeddingMLPClassifier(**{**params, **changes})


def kn6():
    """The best count model of the benchmark on val: 6-gram, continuation padding."""
    return KneserNeyClassifier(order=6, padding="continuation")


def mixture(mlps, combine="log-linear", refit=False, n_jobs=2):
    """Kneser-Ney 6-gram and the given MLPs (a list of classifiers)."""
    members = [("kn", kn6())] + [(f"mlp{i}", m) for i, m in enumerate(mlps)]
    return MixtureClassifier(
        members, combine=combine, refit=refit, n_jobs=n_jobs, random_state=0
    )


# label -> factory of the last step; the pipeline's context is MIXTURE_CONTEXT.
MIXTURES = {
    "mlp": lambda: tuned_mlp(),
    "mlp-e30": lambda: tuned_mlp(max_iter=30),
    "kn+mlp-linear-refit": lambda: mixture(
        [tuned_mlp()], combine="linear", refit=True, n_jobs=1
    ),
    "kn+mlp-loglin-refit": lambda: mixture([tuned_mlp()], refit=True, n_jobs=1),
    "kn+mlp-loglin": lambda: mixture([tuned_mlp()], n_jobs=1),
    "kn+mlp-e30-loglin": lambda: mixture([tuned_mlp(max_iter=30)], n_jobs=1),
    "kn+2mlp-loglin": lambda: mixture([tuned_mlp(0), tuned_mlp(1)]),
    "kn+2mlp-e30-loglin": lambda: mixture(
        [tuned_mlp(0, max_iter=30), tuned_mlp(1, max_iter=30)]
    ),
    "kn+3mlp-e30-loglin": lambda: mixture(
        [tuned_mlp(seed, max_iter=30) for seed in range(3)]
    ),
    "kn+4mlp-e30-loglin": lambda: mixture(
        [tuned_mlp(seed, max_iter=30) for seed in range(4)]
    ),
    "kn+2mlp-loglin-refit": lambda: mixture([tuned_mlp(0), tuned_mlp(1)], refit=True),
    "kn+2mlp-e30-loglin-refit": lambda: mixture(
        [tuned_mlp(0, max_iter=30), tuned_mlp(1, max_iter=30)], refit=True
    ),
    "kn+3mlp-loglin-refit": lambda: mixture(
        [tuned_mlp(seed) for seed in range(3)], refit=True
    ),
    "kn+4mlp-loglin-refit": lambda: mixture(
        [tuned_mlp(seed) for seed in range(4)], refit=True
    ),
}


def mixture_pipeline(last_step):
    """Windows of ``MIXTURE_CONTEXT`` symbols, then ``last_step``."""
    return Pipeline(
        [
            ("windows", ContextWindowTransformer(context_length=MIXTURE_CONTEXT)),
            ("clf", last_step),
        ]
    )


def one_epoch(mixture_step):
    """The same mixture with every MLP member trained for one epoch, serially.

    For the peak-memory measurement: an epoch's buffers serve every epoch, and
    tracemalloc does not see the worker processes of ``n_jobs``.
    """
    changes = {"n_jobs": 1}
    for name, member in mixture_step.estimators:
        if isinstance(member, CharEmbeddingMLPClassifier):
            changes[f"{name}__max_iter"] = 1
    return mixture_step.set_params(**changes)
