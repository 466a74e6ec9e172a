"""The ``sknextchar`` command line: train, sample, score, table and plot.

A thin layer over the estimators. Every flag of ``train`` and of the sampling
controls of ``sample`` is one row of a table that names the estimator parameter it
sets (with ``set_params``); the default shown by ``--help`` is read from that
estimator's signature, and a value is checked against that estimator's own
parameter constraints when the command line is parsed.

Run without arguments, the command does the README's main job: train the default
model on the bundled names, print its held-out negative log-likelihood and 20 new
names.
"""

import argparse
import contextlib
import inspect
import math
import os
import sys
import time
import warnings
from dataclasses import dataclass
from numbers import Integral, Real
from pathlib import Path

from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import Pipeline
from sklearn.utils._param_validation import Interval, StrOptions, make_constraint

from ._version import __version__
from ._classifier import CharEmbeddingMLPClassifier
from ._persistence import load_model, save_model
from ._sampler import NameSampler, _unfreeze
from ._transformer import ContextWindowTransformer
from .datasets import load_indian_names, load_names
from .plotting import _as_sampler

PROG = "sknextchar"
# The main job is reproducible: the same model and the same names every run.
MAIN_JOB_SEED = 0
MAIN_JOB_N_NAMES = 20
# Errors a user can cause (bad files, values, names): one line, no traceback.
# Anything else is a bug and keeps its traceback.
_USER_ERRORS = (OSError, ValueError, TypeError, ImportError)


# --------------------------------------------------------------------------- #
# The flag table: one row per estimator parameter set from the command line.
# --------------------------------------------------------------------------- #
# Which estimator owns a parameter: the pipeline step in the set_params key
# ("windows__context_length"), or the sampler for a key without a step.
_OWNERS = {
    "windows": ContextWindowTransformer,
    "clf": CharEmbeddingMLPClassifier,
    "": NameSampler,
}


@dataclass(frozen=True)
class Flag:
    """A command-line flag that sets one estimator parameter.

    Parameters
    ----------
    flag : str
        The option, e.g. ``"--embedding-dim"``.
    key : str
        The ``set_params`` key: ``"clf__embedding_dim"`` for a pipeline step,
        ``"temperature"`` for the sampler. The owning estimator's signature
        gives the default and its ``_parameter_constraints`` the allowed values.
    type : callable
        Converts the command-line text (``int``, ``float`` or ``str``).
    help : str
        What the flag does; the default is appended.
    nargs : str or None, default=None
        ``"*"`` for a list-valued parameter.
    check : tuple or None, default=None
        Constraints replacing the estimator's (for list elements, or to show a
        simpler rule).
    metavar : str or None, default=None
        The value's name in ``--help``; by default from ``type`` (``N`` for an
        int, ``X`` for a float) or the choices.
    """

    flag: str
    key: str
    type: object
    help: str
    nargs: str | None = None
    check: tuple | None = None
    metavar: str | None = None

    @property
    def estimator(self):
        """The estimator class that owns the parameter."""
        return _OWNERS[self.key.rpartition("__")[0]]

    @property
    def param(self):
        """The parameter name, without the step."""
        return self.key.rpartition("__")[2]

    @property
    def default(self):
        """The default value, from the estimator's signature."""
        return inspect.signature(self.estimator).parameters[self.param].default

    def constraints(self):
        """The constraints a parsed value (each element, for a list) must meet."""
        raw = self.check or self.estimator._parameter_constraints[self.param]
        return [make_constraint(c) for c in raw if c not in ("array-like", None)]

    def add_to(self, parser):
        """Add the flag to an argparse parser or group.

        The argparse default is None ("not given"): only given flags are set,
        so the estimator's own default applies otherwise.
        """
        constraints = self.constraints()
        options = [c for c in constraints if isinstance(c, StrOptions)]
        if options:
            metavar = "{" + ",".join(sorted(options[0].options)) + "}"
        else:
            metavar = self.metavar or {int: "N", float: "X"}.get(self.type, "TEXT")
        parser.add_argument(
            self.flag,
            dest=self.key,
            type=_checked_type(self.type, constraints),
            nargs=self.nargs,
            metavar=metavar,
            default=None,
            help=f"{self.help} (default: {_show_default(self.default)})",
        )


_POSITIVE_INTS = (Interval(Integral, 1, None, closed="left"),)
_SEEDS = (Interval(Integral, 0, 2**32 - 1, closed="both"),)

# fmt: off
TRAIN_FLAGS = (
    Flag("--context-length", "windows__context_length", int,
         "characters the next one is predicted from"),
    Flag("--alphabet", "windows__alphabet", str,
         "characters a name may contain; 'auto' learns them from the names"),
    Flag("--handle-unknown", "windows__handle_unknown", str,
         "characters outside the alphabet: 'error' stops, 'drop' removes them"),
    Flag("--embedding-dim", "clf__embedding_dim", int,
         "numbers in each character's embedding"),
    Flag("--hidden-layer-sizes", "clf__hidden_layer_sizes", int,
         "units of each hidden layer, e.g. '--hidden-layer-sizes 200 100'; no "
         "number for none (embeddings straight to the softmax)",
         nargs="*", check=_POSITIVE_INTS, metavar="UNITS"),
    Flag("--activation", "clf__activation", str, "hidden-layer activation"),
    Flag("--max-iter", "clf__max_iter", int, "epochs"),
    Flag("--batch-size", "clf__batch_size", int, "windows per Adam step"),
    Flag("--learning-rate", "clf__learning_rate", str, "learning-rate schedule"),
    Flag("--learning-rate-init", "clf__learning_rate_init", float,
         "Adam step size"),
    Flag("--alpha", "clf__alpha", float, "L2 penalty"),
    Flag("--validation-fraction", "clf__validation_fraction", float,
         "share of the names held out (whole names) to measure the held-out NLL "
         "after every epoch and keep the best epoch's weights; 0 trains on every "
         "name"),
    Flag("--n-iter-no-change", "clf__n_iter_no_change", int,
         "stop after this many epochs without a better held-out NLL (training "
         "loss with --validation-fraction 0)",
         check=_POSITIVE_INTS),
    Flag("--seed", "clf__random_state", int,
         "seeds the held-out split, the initial weights and the shuffling; none "
         "gives a different model each run", check=_SEEDS),
)

SAMPLER_FLAGS = (
    Flag("--temperature", "temperature", float,
         "below 1: safer names, above 1: wilder names, 0: always the most "
         "probable character, inf: uniform", metavar="T"),
    Flag("--top-k", "top_k", int,
         "draw only from the k most probable characters", metavar="K"),
    Flag("--top-p", "top_p", float,
         "draw only from the most probable characters whose probability adds up "
         "to p (nucleus sampling)", metavar="P"),
    Flag("--min-length", "min_length", int, "fewest letters per name"),
    Flag("--max-length", "max_length", int,
         "most letters per name (longer names are cut)"),
)
# fmt: on


def _show_default(value):
    if value is None:
        return "none"
    if isinstance(value, (tuple, list)):
        return " ".join(str(v) for v in value) or "none"
    return str(value)


def _checked_type(convert, constraints):
    """An argparse ``type``: convert the text, then check the constraints."""
    kind = {int: "an int", float: "a number"}.get(convert, "a string")
    shown = " or ".join(_describe(c) for c in constraints if not c.hidden)

    def parse(text):
        try:
            value = convert(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {kind}; got {text!r}") from None
        if not any(c.is_satisfied_by(value) for c in constraints):
            raise argparse.ArgumentTypeError(f"must be {shown}; got {text!r}")
        return value

    return parse


def _describe(constraint):
    if isinstance(constraint, StrOptions):
        return "one of " + ", ".join(sorted(constraint.options))
    return str(constraint)


# Value types of the arguments that are not estimator parameters.
_positive_int = _checked_type(int, _POSITIVE_INTS)
_seed = _checked_type(int, _SEEDS)
_temperature = _checked_type(float, [Interval(Real, 0, None, closed="both")])


def _given(args, flags):
    """The ``set_params`` settings of the flags given on the command line."""
    values = {f.key: getattr(args, f.key) for f in flags}
    for f in flags:  # a list parameter is stored as a tuple, like its default
        if f.nargs and values[f.key] is not None:
            values[f.key] = tuple(values[f.key])
    return {key: value for key, value in values.items() if value is not None}


# --------------------------------------------------------------------------- #
# The parser.
# --------------------------------------------------------------------------- #
class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one line."""

    def error(self, message):
        self.exit(2, f"{PROG}: error: {message} (see '{self.prog} --help')\n")


_DESCRIPTION = """\
Character-level next-token prediction for names (Bengio et al. 2003): learn which
character comes next, then generate, score and draw.

Without arguments, trains the default model on the bundled 15,074 Indian names
(10% of them held out, seed 0), prints its held-out negative log-likelihood per
character and 20 new names that are not in the training set."""

_EPILOG = """\
examples:
  sknextchar                                    the main job
  sknextchar train -o names.skops               train on the bundled names, save
  sknextchar train my_names.txt --max-iter 40 -o mine.skops
  sknextchar sample names.skops -n 10 --temperature 0.8 --novel --seed 0
  sknextchar score names.skops asha ravi xqzt
  sknextchar table names.skops abi --temperatures 0.5 1 2
  sknextchar plot names.skops --embeddings -o embeddings.png"""


def build_parser():
    """The argument parser of the ``sknextchar`` command.

    Returns
    -------
    parser : argparse.ArgumentParser
        With one subcommand per task; each parsed namespace has a ``run``
        attribute, the function that carries the command out.

    Examples
    --------
    >>> from sknextchar._cli import build_parser
    >>> args = build_parser().parse_args(["sample", "model.skops", "-n", "5"])
    >>> args.model, args.n_samples, args.run.__name__
    ('model.skops', 5, '_cmd_sample')
    """
    parser = _Parser(
        prog=PROG,
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    commands.required = True
    _add_train(commands)
    _add_sample(commands)
    _add_score(commands)
    _add_table(commands)
    _add_plot(commands)
    return parser


def _add_model_argument(parser):
    parser.add_argument("model", metavar="MODEL", help="a model file saved by train")
    parser.add_argument(
        "--trust-pickle",
        action="store_true",
        help="allow loading a joblib/pickle model file; loading one runs code from "
        "the file, so only use it for files you trust (skops files need no flag)",
    )


def _add_train(commands):
    parser = commands.add_parser(
        "train",
        help="train a model on names and save it",
        description="Train a Pipeline of a ContextWindowTransformer ('windows') and "
        "a CharEmbeddingMLPClassifier ('clf') on names, with a share of the names "
        "held out to report the held-out negative log-likelihood (NLL) per "
        "character, and save it. Progress goes to stderr.",
    )
    parser.add_argument(
        "names_file",
        metavar="NAMES_FILE",
        nargs="?",
        help="a UTF-8 text file, one name per line (default: the bundled 15,074 "
        "Indian names)",
    )
    parser.add_argument(
        "-o", "--output", metavar="MODEL", required=True, help="the model file to write"
    )
    parser.add_argument(
        "--format",
        choices=("auto", "skops", "joblib"),
        default="auto",
        help="file format; 'auto' is joblib for the suffixes .joblib, .pkl and "
        ".pickle and skops otherwise (default: auto)",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress line while training"
    )
    group = parser.add_argument_group(
        "model parameters",
        "Each flag sets one parameter of the pipeline with set_params; the defaults "
        "are the estimators' own.",
    )
    for flag in TRAIN_FLAGS:
        flag.add_to(group)
    parser.set_defaults(run=_cmd_train)


def _add_sample(commands):
    parser = commands.add_parser(
        "sample",
        help="generate names, one per line",
        description="Generate names with a trained model (NameSampler.sample), one "
        "per line on stdout.",
    )
    _add_model_argument(parser)
    parser.add_argument(
        "-n",
        "--n-samples",
        type=_positive_int,
        default=20,
        metavar="N",
        help="number of names (default: 20)",
    )
    parser.add_argument(
        "--prefix",
        default="",
        help="every name starts with these letters (default: none)",
    )
    parser.add_argument(
        "--unique", action="store_true", help="no name twice in the output"
    )
    parser.add_argument(
        "--novel",
        action="store_true",
        help="only names that are not training names: the names of --exclude-file "
        "if given, else the bundled names (those 'train' uses without NAMES_FILE)",
    )
    parser.add_argument(
        "--exclude-file",
        metavar="FILE",
        help="never print a name of this file (one name per line); pass the "
        "NAMES_FILE the model was trained on to get novel names",
    )
    parser.add_argument(
        "--seed",
        type=_seed,
        help="seed for reproducible output (default: none, different each run)",
    )
    group = parser.add_argument_group(
        "sampling controls",
        "Each flag sets one NameSampler parameter; the defaults are its own.",
    )
    for flag in SAMPLER_FLAGS:
        flag.add_to(group)
    parser.set_defaults(run=_cmd_sample)


def _add_score(commands):
    parser = commands.add_parser(
        "score",
        help="rank names by their log-likelihood",
        description="Print the natural-log likelihood of each name under the model "
        "(every character and the end of the name), and the same per character, "
        "most plausible first. Per character compares names of different lengths.",
    )
    _add_model_argument(parser)
    parser.add_argument("names", metavar="NAME", nargs="+", help="names to score")
    parser.add_argument(
        "--by",
        choices=("total", "per-char"),
        default="total",
        help="rank by the whole name's log-likelihood or by its mean per "
        "character (default: total)",
    )
    parser.set_defaults(run=_cmd_score)


def _add_table(commands):
    parser = commands.add_parser(
        "table",
        help="next-character probabilities at several temperatures",
        description="The lecture's table: the probability of each next character "
        "after CONTEXT, one column per temperature (NameSampler.temperature_table).",
    )
    _add_model_argument(parser)
    parser.add_argument(
        "context",
        metavar="CONTEXT",
        help="the beginning of a name, e.g. abi ('' for the first letter)",
    )
    parser.add_argument(
        "--temperatures",
        nargs="+",
        type=_temperature,
        default=[0.5, 1.0, 2.0],
        metavar="T",
        help="one column per temperature (default: 0.5 1 2)",
    )
    parser.add_argument(
        "--top",
        type=_positive_int,
        metavar="N",
        help="show only the N most probable characters (default: all)",
    )
    parser.set_defaults(run=_cmd_table)


def _add_plot(commands):
    parser = commands.add_parser(
        "plot",
        help="draw a picture of a model to a file",
        description="Draw one picture of a model (sknextchar.plotting) and save it; "
        'needs matplotlib: pip install "sknextchar[plot]".',
    )
    _add_model_argument(parser)
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--embeddings",
        action="store_true",
        help="the character embeddings in 2-D (a PCA projection above 2-D)",
    )
    what.add_argument(
        "--loss",
        action="store_true",
        help="training loss and held-out NLL per epoch",
    )
    what.add_argument(
        "--tree",
        metavar="PREFIX",
        help="the 3 most probable next characters, 3 levels deep, after PREFIX "
        "('' for the start of a name)",
    )
    what.add_argument(
        "--distribution",
        metavar="CONTEXT",
        help="the next-character distribution after CONTEXT at temperatures "
        "0.5, 1 and 2",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=True,
        help="the image file; its suffix picks the format (.png, .svg, .pdf)",
    )
    parser.set_defaults(run=_cmd_plot)


# --------------------------------------------------------------------------- #
# Progress.
# --------------------------------------------------------------------------- #
class _ProgressBar:
    """The classifier's ``callback``: the state of training after each epoch.

    On a terminal the line is rewritten in place; elsewhere (a log file, a
    pipe) there is one line per epoch. ``header`` is written before the first
    epoch's line, so that an error found before training starts stays alone.
    """

    width = 20

    def __init__(self, stream, header=None):
        self.stream = stream
        self.header = header
        isatty = getattr(stream, "isatty", None)
        self.tty = bool(isatty and isatty())
        self._start = time.perf_counter()
        self._shown = 0

    def __call__(self, info):
        epoch, total = info["epoch"], info["max_iter"]
        filled = round(self.width * epoch / total)
        bar = "#" * filled + "-" * (self.width - filled)
        elapsed = time.perf_counter() - self._start
        line = (
            f"epoch {epoch:>{len(str(total))}}/{total} [{bar}] loss {info['loss']:.4f}"
        )
        if info["validation_score"] is not None:
            line += f"  held-out NLL {-info['validation_score']:.4f}"
        line += f"  {elapsed:.0f} s"
        if epoch < total:
            line += f", ~{elapsed / epoch * (total - epoch):.0f} s left"
        if self.header is not None:
            self.stream.write(self.header + "\n")
            self.header = None
        if self.tty:
            self.stream.write("\r" + line.ljust(self._shown))
            self._shown = len(line)
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def close(self):
        """End the in-place line."""
        if self.tty and self._shown:
            self.stream.write("\n")
            self.stream.flush()


# --------------------------------------------------------------------------- #
# The commands.
# --------------------------------------------------------------------------- #
def build_pipeline(**params):
    """The pipeline that ``train`` fits, with ``set_params``-style settings.

    Parameters
    ----------
    **params
        Settings such as ``clf__max_iter=5`` or ``windows__context_length=4``.
        Held-out names are used (``clf__early_stopping``) exactly when
        ``clf__validation_fraction`` is above 0.

    Returns
    -------
    pipe : Pipeline
        ``Pipeline([("windows", ContextWindowTransformer()), ("clf",
        CharEmbeddingMLPClassifier())])`` with the settings applied.

    Examples
    --------
    >>> from sknextchar._cli import build_pipeline
    >>> pipe = build_pipeline(clf__max_iter=5)
    >>> list(pipe.named_steps), pipe["clf"].max_iter, pipe["clf"].early_stopping
    (['windows', 'clf'], 5, True)
    """
    pipe = Pipeline(
        [
            ("windows", ContextWindowTransformer()),
            ("clf", CharEmbeddingMLPClassifier()),
        ]
    )
    pipe.set_params(**params)
    clf = pipe["clf"]
    clf.set_params(early_stopping=clf.validation_fraction > 0)
    return pipe


def _fit(pipe, names, *, quiet, header=None):
    """Fit with a progress line on stderr; returns the seconds taken."""
    bar = None if quiet else _ProgressBar(sys.stderr, header)
    pipe.set_params(clf__callback=bar)
    start = time.perf_counter()
    try:
        pipe.fit(names)
    finally:
        pipe.set_params(clf__callback=None)  # a saved model holds no callback
        if bar is not None:
            bar.close()
    return time.perf_counter() - start


def _report(pipe, n_names, seconds):
    """Print how training went and the held-out NLL."""
    clf = pipe["clf"]
    # The classifier holds out this many whole names (CharWindows groups).
    n_held_out = (
        math.ceil(clf.validation_fraction * n_names) if clf.early_stopping else 0
    )
    print(
        f"Trained on {n_names - n_held_out:,} names for {clf.n_iter_} epochs in "
        f"{seconds:.1f} s."
    )
    if clf.early_stopping:
        nll = -clf.best_validation_score_
        best = clf.validation_scores_.index(clf.best_validation_score_) + 1
        print(
            f"Held-out NLL: {nll:.4f} nats per character ({nll / math.log(2):.3f} "
            f"bits) on {n_held_out:,} held-out names (weights of epoch {best} kept)."
        )
    else:
        print(
            f"Training loss: {clf.loss_:.4f} nats per character (no names held out: "
            "--validation-fraction 0)."
        )


def _cmd_train(args):
    names = load_names(args.names_file) if args.names_file else load_indian_names()
    output = Path(args.output)
    if not output.parent.is_dir():  # fail before training, not after
        raise FileNotFoundError(f"Cannot save to {args.output!r}: no such folder.")
    fmt = args.format
    if fmt == "auto":  # save_model's rule, resolved here to report it
        is_pickle = output.suffix.lower() in {".joblib", ".pkl", ".pickle"}
        fmt = "joblib" if is_pickle else "skops"
    if fmt == "skops":
        import skops.io  # noqa: F401  (fail before training if it is missing)
    pipe = build_pipeline(**_given(args, TRAIN_FLAGS))
    source = args.names_file or "the bundled Indian names"
    header = f"Training on {len(names):,} names from {source}..."
    seconds = _fit(pipe, names, quiet=args.quiet, header=header)
    _report(pipe, len(names), seconds)
    path = save_model(pipe, output, format=fmt)
    print(f"Saved the model to {str(path)!r} ({fmt} format).")
    return 0


def _load_sampler(args, **settings):
    """The NameSampler of the model file, with the sampling settings applied."""
    model = load_model(args.model, allow_pickle=args.trust_pickle)
    if not isinstance(_unfreeze(model), (Pipeline, NameSampler)):
        raise TypeError(
            f"{args.model!r} holds a {type(model).__name__}, not a model saved by "
            "'sknextchar train' (a Pipeline of a ContextWindowTransformer and a "
            "CharEmbeddingMLPClassifier)."
        )
    return _as_sampler(model, PROG).set_params(**settings)


def _excluded_names(args):
    if args.exclude_file is not None:
        return load_names(args.exclude_file)
    if args.novel:
        return load_indian_names()
    return None


def _cmd_sample(args):
    sampler = _load_sampler(args, **_given(args, SAMPLER_FLAGS))
    names = sampler.sample(
        args.n_samples,
        prefix=args.prefix,
        unique=args.unique,
        exclude=_excluded_names(args),
        random_state=args.seed,
    )
    print("\n".join(names))
    return 0


def _cmd_score(args):
    sampler = _load_sampler(args)
    total = sampler.score_samples(args.names)
    per_char = sampler.score_samples(args.names, per_char=True)
    key = total if args.by == "total" else per_char
    # Most plausible first; a name with no scorable character (NaN) last.
    order = sorted(range(len(key)), key=lambda i: (math.isnan(key[i]), -key[i]))
    width = max(4, *(len(name) for name in args.names))
    print(f"rank  {'name':<{width}}  log-likelihood  per char")
    for rank, i in enumerate(order, start=1):
        name = args.names[i]
        print(f"{rank:>4}  {name:<{width}}  {total[i]:>14.3f}  {per_char[i]:>8.3f}")
    return 0


def _cmd_table(args):
    sampler = _load_sampler(args)
    table = sampler.temperature_table(args.context, args.temperatures)
    print(table.to_string(top=args.top))
    return 0


def _cmd_plot(args):
    from . import plotting

    model = load_model(args.model, allow_pickle=args.trust_pickle)
    if "matplotlib.pyplot" not in sys.modules:
        # Files only: no window, no GUI toolkit. A missing matplotlib is left
        # to the plotting function, which says how to install it.
        with contextlib.suppress(ImportError):
            import matplotlib

            matplotlib.use("Agg")
    if args.embeddings:
        fig = plotting.plot_embeddings(model)
    elif args.loss:
        fig = plotting.plot_loss_curve(model)
    elif args.tree is not None:
        fig = plotting.plot_generation_tree(model, args.tree)
    else:
        fig = plotting.plot_temperature(model, args.distribution)
    import matplotlib.pyplot as plt

    try:
        fig.savefig(args.output)
    finally:
        plt.close(fig)
    print(f"Wrote {args.output!r}.")
    return 0


def _main_job():
    """Train the default model on the bundled names; print its NLL and new names."""
    names = load_indian_names()
    print(
        f"sknextchar {__version__}: training the default model on the "
        f"{len(names):,} bundled Indian names (seed {MAIN_JOB_SEED})...",
        file=sys.stderr,
    )
    pipe = build_pipeline(clf__random_state=MAIN_JOB_SEED)
    seconds = _fit(pipe, names, quiet=False)
    _report(pipe, len(names), seconds)
    # New names as long as the training names (the model itself only sees the
    # last few characters, so it cannot count letters).
    shortest, longest = min(map(len, names)), max(map(len, names))
    sampler = NameSampler(
        FrozenEstimator(pipe), min_length=shortest, max_length=longest
    ).fit(names)
    new = sampler.sample(MAIN_JOB_N_NAMES, exclude=names, random_state=MAIN_JOB_SEED)
    print(
        f"{MAIN_JOB_N_NAMES} new names of {shortest} to {longest} letters, none of "
        "them in the training set:"
    )
    print("\n".join(f"  {name}" for name in new))
    print("Next: 'sknextchar train -o names.skops', then 'sknextchar --help'.")
    return 0


# --------------------------------------------------------------------------- #
# The entry point.
# --------------------------------------------------------------------------- #
def _one_line(message):
    return " ".join(str(message).split())


def _show_warning(message, category, filename, lineno, file=None, line=None):
    print(f"{PROG}: warning: {_one_line(message)}", file=sys.stderr)


def _error_message(exc):
    if isinstance(exc, ImportError) and exc.name == "skops":
        return (
            'this needs the skops package: pip install "sknextchar[skops]" (or '
            "use --format joblib when training)"
        )
    if isinstance(exc, ImportError) and exc.name == "matplotlib":
        return 'this needs matplotlib: pip install "sknextchar[plot]"'
    return _one_line(exc)


def main(argv=None):
    """Run the ``sknextchar`` command line.

    Errors a user can cause (a missing or corrupt file, a bad value, a name with
    unknown characters) print one line, ``sknextchar: error: ...``, on stderr
    and give a non-zero status instead of a traceback; warnings print one line
    each.

    Parameters
    ----------
    argv : list of str or None, default=None
        The arguments, without the program name; None reads ``sys.argv[1:]``.
        No arguments runs the main job (train the default model on the bundled
        names, print its held-out NLL and 20 new names).

    Returns
    -------
    status : int
        0 on success, 1 after an error, 2 after a usage error.

    Examples
    --------
    >>> from sknextchar._cli import main
    >>> main(["--version"])  # doctest: +ELLIPSIS
    sknextchar ...
    0
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _show_warning
            if not argv:
                return _main_job()
            args = build_parser().parse_args(argv)
            return args.run(args)
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        print(exc.code, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. 'sknextchar sample m.skops | head'
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # no second error at exit
        return 1
    except _USER_ERRORS as exc:
        print(f"{PROG}: error: {_error_message(exc)}", file=sys.stderr)
        return 1
