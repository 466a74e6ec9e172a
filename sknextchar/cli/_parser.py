"""The argument parser of the ``sknextchar`` command: one subcommand per task."""

import argparse
import importlib
import threading

from .._limits import MAX_LETTERS
from .._persistence import PICKLE_SUFFIXES
from ._arguments import (
    add_encoding,
    add_flag_group,
    add_force,
    add_known_labels,
    add_label,
    add_loading_flags,
    add_model_argument,
    add_names,
    add_training_names,
)
from ._command_parser import CommandParser, VersionAction
from ._errors import PROG
from ._examples import EXAMPLES, ExamplesFormatter
from ._flags import (
    KN_FLAGS,
    LABEL_WEIGHT,
    PATH,
    POSITIVE_INT,
    SAMPLER_FLAGS,
    SEED,
    TEMPERATURE,
    TRAIN_FLAGS,
    WordList,
)
from ._quiet import add_quiet
from ._sample_options import add_sample_filters, add_sample_likeness

__all__ = ["build_parser", "shared_parser"]

# Each command -> the module of the function that carries it out, imported when
# the command runs (``_command``): --help, --version and usage errors load only
# this parser and the flag table.
_COMMANDS = {
    "train": "._commands",
    "sample": "._commands",
    "score": "._score",
    "classify": "._classify",
    "table": "._commands",
    "plot": "._plot",
}

_DESCRIPTION = """\
Character-level next-token prediction for names (Bengio et al. 2003): learn
which character comes next, then generate, score and draw.

Without arguments, trains the default model on the bundled 15,074 Indian names
(10% of them held out, seed 0), prints its held-out negative log-likelihood per
character, 20 new names that are not in the training set and a one-line report
on 2,000 names drawn the same way (sample --report)."""

_EPILOG = """\
examples:
  sknextchar                                    the main job
  sknextchar train -o names.skops               train on the bundled names, save
  sknextchar train my_names.txt --max-iter 40 -o mine.skops
  sknextchar sample names.skops -n 10 --temperature 0.8 --novel --seed 0
  sknextchar score names.skops asha ravi xqzt
  sknextchar classify by_label.skops asha ravi  the label of names (a model
                                                trained with --labels)
  sknextchar table names.skops abi --temperatures 0.5 1 2
  sknextchar plot names.skops --embeddings -o embeddings.png"""


def _command(name):
    """The function that carries out the command ``name``, imported when it runs.

    Examples
    --------
    >>> from sknextchar.cli._parser import _command
    >>> _command("score").__name__
    'score'
    """

    def run(args):
        module = importlib.import_module(_COMMANDS[name], __package__)
        return getattr(module, name)(args)

    run.__name__ = run.__qualname__ = name
    return run


def build_parser():
    """The argument parser of the ``sknextchar`` command.

    Returns
    -------
    parser : argparse.ArgumentParser
        With one subcommand per task; each parsed namespace has a ``run``
        attribute, the function that carries the command out.

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> args = build_parser().parse_args(["sample", "model.skops", "-n", "5"])
    >>> args.model, args.n_samples, args.run.__name__
    ('model.skops', 5, 'sample')
    """
    parser = CommandParser(
        prog=PROG,
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", action=VersionAction, help="show program's version number and exit"
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    parser.commands = commands  # for the help of a command's usage errors
    commands.required = True
    for add in (
        _add_train,
        _add_sample,
        _add_score,
        _add_classify,
        _add_table,
        _add_plot,
    ):
        add(commands)
    for name, command in commands.choices.items():  # one -q, one rule (_quiet)
        add_quiet(command)
        command.epilog, command.formatter_class = EXAMPLES[name], ExamplesFormatter
    return parser


# The parser main parses with, one per thread (a parse records its words on
# the parser: two threads would share them).
_BUILT = threading.local()


def shared_parser():
    """The parser of :func:`build_parser`, built once in each thread: the one
    ``main`` parses with.

    Nothing of one parse reaches the next: each starts from the parser's
    defaults, none of them a list, dict or set a command could change in
    place, and the words a parse records on the parser (``given``,
    ``repeats``) are set anew by each (tests/cli/test_parser_shared.py).
    Building the parser (115 arguments in all) takes milliseconds: once a
    thread, not at each call of ``main``.

    Returns
    -------
    parser : argparse.ArgumentParser
        The same parser at each call in one thread.

    Examples
    --------
    >>> from sknextchar.cli._parser import shared_parser
    >>> shared_parser() is shared_parser()
    True
    >>> shared_parser().parse_args(["sample", "m.skops"]).n_samples
    20
    """
    parser = getattr(_BUILT, "parser", None)
    if parser is None:
        parser = _BUILT.parser = build_parser()
    return parser


def _add_train(commands):
    parser = commands.add_parser(
        "train",
        help="train a model on names and save it",
        description="Train a Pipeline of a ContextWindowTransformer ('windows') and "
        "a next-character model ('clf': a CharEmbeddingMLPClassifier, or with "
        "--model kneser-ney a KneserNeyClassifier) on names, with a share of the "
        "names held out to report the held-out negative log-likelihood (NLL) per "
        "character, and save it; or, with --resume, continue the training of a "
        "saved MLP. Progress goes to stderr.",
    )
    add_training_names(parser)
    _add_model_output(parser)
    parser.add_argument(
        "--chunk-size",
        metavar="N",
        type=POSITIVE_INT,
        default=None,
        help="train the neural network (--model mlp; the count model counts in "
        "memory) from NAMES_FILE N names at a time, for files larger than memory "
        "(sknextchar.train_from_file): memory stays flat, no names are held out "
        "(--validation-fraction 0) and the model keeps no record of its training "
        "names; shuffle the file first (default: read the whole file)",
    )
    _add_model_choice(parser)
    _add_resume(parser)
    add_flag_group(
        parser,
        "model parameters",
        "Each flag sets one parameter of the pipeline with set_params; the defaults "
        "are the estimators' own.",
        TRAIN_FLAGS,
        positional="NAMES_FILE",
    )
    add_flag_group(
        parser,
        "count model parameters (--model kneser-ney)",
        "Parameters of KneserNeyClassifier, set with set_params.",
        KN_FLAGS,
    )
    parser.set_defaults(run=_command("train"))


def _add_model_output(parser):
    """-o, --force and --format of ``train``."""
    parser.add_argument(
        "-o", "--output", metavar="MODEL", required=True, help="the model file to write"
    )
    add_force(parser)
    suffixes = ", ".join(PICKLE_SUFFIXES)
    parser.add_argument(
        "--format",
        choices=("auto", "skops", "joblib"),
        default="auto",
        help=f"file format; 'auto' is joblib for the suffixes {suffixes} and "
        "skops otherwise (default: auto)",
    )


def _add_resume(parser):
    group = parser.add_argument_group(
        "continuing a saved model",
        "--resume MODEL goes on training the MLP of a model file from the epoch "
        "after its last, with its weights, Adam state and place on the "
        "learning-rate schedule, up to --max-iter epochs in all, on NAMES_FILE "
        "(the same names or others of its characters); no names are held out. "
        "-o writes a new file: MODEL itself is never replaced.",
    )
    group.add_argument(
        "--resume",
        metavar="MODEL",
        type=PATH,
        help="the model file to continue (saved by 'train'; default: train a new "
        "model)",
    )
    add_loading_flags(group, max_bytes_default=argparse.SUPPRESS)


def _add_model_choice(parser):
    parser.add_argument(
        "--model",
        choices=("mlp", "kneser-ney"),
        default="mlp",
        help="the next-character model: the embedding MLP, or a count model "
        "(KneserNeyClassifier), which takes the windows' flags, "
        "--validation-fraction, --seed and its own; with --labels, one count "
        "model per label (default: mlp)",
    )


def _add_sample(commands):
    parser = commands.add_parser(
        "sample",
        help="generate names, one per line",
        description="Generate names with a trained model (NameSampler.sample), one "
        "per line on stdout.",
    )
    add_model_argument(parser)
    parser.add_argument(
        "-n",
        "--n-samples",
        type=POSITIVE_INT,
        default=20,
        metavar="N",
        help="number of names (default: 20)",
    )
    parser.add_argument(
        "--prefix",
        default="",
        help="every name starts with these letters (default: none)",
    )
    add_label(parser)
    add_sample_filters(parser)
    add_sample_likeness(parser)
    add_encoding(parser, ("exclude_file", "--exclude-file FILE"))
    parser.add_argument(
        "--seed",
        type=SEED,
        help="seed for reproducible output (default: none, different each run)",
    )
    add_flag_group(
        parser,
        "sampling controls",
        "Each flag sets one NameSampler parameter; the defaults are its own.",
        SAMPLER_FLAGS,
    )
    parser.set_defaults(run=_command("sample"))


def _add_score(commands):
    parser = commands.add_parser(
        "score",
        help="rank names by their log-likelihood",
        description="Print the natural-log likelihood of each name under the model "
        "(every character and the end of the name), and the same per character, "
        "most plausible first. Per character compares names of different lengths.",
    )
    add_model_argument(parser)
    add_names(parser, "score")
    parser.add_argument(
        "--by",
        choices=("total", "per-char"),
        default="total",
        help="rank by the whole name's log-likelihood or by its mean per "
        "character (default: total)",
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="then, for each name, the probability the model gave each of its "
        "characters and its end, with the character it expected instead",
    )
    add_label(parser)
    parser.set_defaults(run=_command("score"))


def _add_classify(commands):
    parser = commands.add_parser(
        "classify",
        help="the label of names, for a model trained with --labels",
        description="For a model trained with 'train --labels': print, for each "
        "name, the probability of each label by Bayes' rule, P(label | name) "
        "proportional to P(label) P(name | label), and the most probable label. "
        "The priors P(label) are equal unless --priors gives them: equal priors "
        "judge a name by its letters alone, whatever each label's share of the "
        "training names (the Python class NameLabelClassifier also learns the "
        "priors, and with calibration='temperature' calibrates the "
        "probabilities).",
    )
    add_model_argument(parser)
    add_names(parser, "classify")
    parser.add_argument(
        "--priors",
        nargs="+",
        type=LABEL_WEIGHT,
        action=WordList,
        positional="NAME",
        metavar="LABEL=WEIGHT",
        help="the prior weight of each label, one LABEL=WEIGHT for each label "
        "of the model, scaled to sum to 1: female=1 male=3 says that three names "
        "in four are male (default: equal)",
    )
    add_known_labels(parser)
    parser.set_defaults(run=_command("classify"))


def _add_table(commands):
    parser = commands.add_parser(
        "table",
        help="next-character probabilities at several temperatures",
        description="The lecture's table: the model's probability of each next "
        "character after CONTEXT, one column per temperature "
        "(NameSampler.temperature_table); the length bounds of sampling do not "
        "apply, so the end marker has the model's own probability. CONTEXT has "
        f"at most {MAX_LETTERS - 1:,} letters: a name has at most {MAX_LETTERS:,}.",
    )
    add_model_argument(parser)
    parser.add_argument(
        "context",
        metavar="CONTEXT",
        help="the beginning of a name, e.g. abi ('' for the first letter)",
    )
    parser.add_argument(
        "--temperatures",
        nargs="+",
        type=TEMPERATURE,
        action=WordList,
        positional="CONTEXT",
        default=(0.5, 1.0, 2.0),
        metavar="T",
        help="one column per temperature (default: 0.5 1 2)",
    )
    parser.add_argument(
        "--top",
        type=POSITIVE_INT,
        metavar="N",
        help="show only the N most probable characters (default: all); the "
        "rows are ranked by the model's own probabilities (temperature 1), "
        "whatever --temperatures shows",
    )
    add_label(parser)
    parser.set_defaults(run=_command("table"))


def _add_plot(commands):
    parser = commands.add_parser(
        "plot",
        help="draw a picture of a model to a file",
        description="Draw one picture of a model (sknextchar.plotting) and save it; "
        "needs matplotlib: python -m pip install matplotlib.",
    )
    add_model_argument(parser)
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
    add_force(parser, "a picture plot made (one naming 'sknextchar plot' as its maker)")
    add_label(parser, "--tree and --distribution")
    parser.set_defaults(run=_command("plot"))
