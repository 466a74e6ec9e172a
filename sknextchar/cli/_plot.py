"""``sknextchar plot``: one picture of a model, drawn to a file.

The picture's format is checked from ``-o``'s suffix before the model loads
(:mod:`~sknextchar.cli._pictures`), ``--force`` replaces a picture of that
format only (:mod:`~sknextchar.cli._picture_files`), and the file is written
through a checked temporary file. The plotting functions' errors are told in
plot's flags: their argument is the flag that set it, and a dead end of the
sampler advises another picture or ``table`` instead of ``--min-length``, a
flag plot lacks. matplotlib loads when the command runs, with no window.
"""

import ast
import contextlib
import copy
import re
import shlex
import sys
from pathlib import Path

from .._file_safety import atomic_write
from .._persistence import load_model
from ._commands import check_output
from ._errors import missing_glyphs_in_one_warning
from ._places import places_of

__all__ = ["plot"]


def plot(args):
    """``sknextchar plot``: draw one picture of a model to a file.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line.

    Returns
    -------
    status : int
        0.

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> argv = ["plot", "m.skops", "--loss", "-o", "loss.png"]
    >>> build_parser().parse_args(argv).run.__name__
    'plot'
    """
    from ._picture_files import keep_other_pictures
    from ._pictures import check_picture_output, save_picture

    # --force replaces a picture of the format written only, told by its bytes.
    keep = keep_other_pictures(Path(args.output).suffix[1:])
    check_output(args, [args.model], keep=keep)
    check_picture_output(args.output)  # the suffix, a format matplotlib writes
    model = load_model(
        args.model, allow_pickle=args.trust_pickle, max_bytes=args.max_bytes
    )
    if "matplotlib.pyplot" not in sys.modules:
        # Files only: no window, no GUI toolkit. A missing matplotlib is left
        # to the plotting function, which says how to install it.
        with contextlib.suppress(ImportError):
            import matplotlib

            matplotlib.use("Agg")
    with missing_glyphs_in_one_warning():
        fig = _draw(model, args)
        import matplotlib.pyplot as plt

        try:
            # Through a checked temporary file with the same suffix (the format).
            save_picture(args.output, lambda: atomic_write(
                args.output, fig.savefig, inputs=[args.model], force=args.force,
                command_line=True, keep=keep,
            ))  # fmt: skip
        finally:
            plt.close(fig)
    print(f"Wrote {args.output!r}.")
    return 0


def _check_mlp(model, args):
    """--embeddings and --loss draw an MLP's training: refuse another model."""
    from .._classifier import CharEmbeddingMLPClassifier
    from .._fitted import describe, find_parts

    last = find_parts(model)[1]
    if not isinstance(last, CharEmbeddingMLPClassifier):
        flag = "--embeddings" if args.embeddings else "--loss"
        raise ValueError(
            f"{flag} draws an MLP model (train --model mlp, the default), and "
            f"{args.model!r} holds a {describe(last)}: draw it with --tree or "
            "--distribution."
        )


def _draw(model, args):
    from ..plotting import (
        plot_embeddings,
        plot_generation_tree,
        plot_loss_curve,
        plot_temperature,
    )

    if args.embeddings or args.loss:
        _check_mlp(model, args)
        return (plot_embeddings if args.embeddings else plot_loss_curve)(model)
    places = places_of(args)
    if args.tree is not None:
        places.add_arguments("prefixes", "--tree", [args.tree])
        model = _reaching(model, args.tree, _TREE_DEPTH)
        with _spelled_as("prefix", "--tree", (model, args)):
            return plot_generation_tree(
                model, args.tree, depth=_TREE_DEPTH, label=args.label
            )
    places.add_arguments("prefixes", "--distribution", [args.distribution])
    model = _reaching(model, args.distribution, 1)
    with _spelled_as("context", "--distribution", (model, args)):
        return plot_temperature(model, args.distribution, label=args.label)


@contextlib.contextmanager
def _spelled_as(parameter, flag, drawn):
    """The plotting functions' errors name their argument (``prefix='a1'``);
    on the command line it is the flag (``--tree 'a1'``). A dead end is told
    in plot's terms (:func:`_plot_dead_end`); ``drawn``: the model and args."""
    try:
        yield
    except ValueError as error:
        message = re.sub(rf"\b{parameter}=(?=['\"])", f"{flag} ", str(error))
        message = _plot_dead_end(message, flag, *drawn)
        if message == str(error):
            raise
        raise ValueError(message) from None


# The sampler's dead end (sknextchar._decoding.check_continuable): its place,
# its length bound and its advice, which names min_length, a flag plot lacks.
_DEAD_END = re.compile(
    r"No name can continue (?:prefixes\[\d+\]=(?P<branch>'[^']*'|\"[^\"]*\")|.*?)"
    r":(?P<why> the model gives .*?)"
    r" below min_length=(?P<low>\d+)\. (?P<count>.*?): smooth it \((?P<smooth>.*?)\), "
    r"or lower min_length\."
)


def _plot_dead_end(message, flag, model, args):
    """A dead end of ``plot``: a branch of ``--tree`` named as one, and the
    advice of plot (another picture, ``table``'s unbounded probabilities,
    training again with smoothing) instead of lowering ``--min-length``."""
    match = _DEAD_END.search(message)
    if match is None:
        return message
    value = args.tree if flag == "--tree" else args.distribution
    where = f"{flag} {value!r}"
    branch = None if match["branch"] is None else ast.literal_eval(match["branch"])
    if branch is not None and branch != value:  # a node below the tree's root
        where, value = f"{branch!r}, a branch of {where}", branch
    bound = (
        "the model's shortest training name, below which plot's pictures end no "
        "name, as sampling does"
        if getattr(model, "min_length", None) is None
        else "the min_length saved with the model, which plot's pictures keep"
    )
    # The command last and unquoted, to be copied as it is: shlex quotes "o'n".
    table = f"sknextchar table {shlex.quote(args.model)} {shlex.quote(value)}"
    return (
        f"No name can continue {where}:{match['why']} below {match['low']} letters "
        f"({bound}). {match['count']}: draw another {flag}, or train the model "
        f"again with smoothing ({match['smooth']}); to see the model's own "
        f"probabilities (no length bound), run: {table}"
    )


_TREE_DEPTH = 3  # the levels --tree draws


def _reaching(model, prefix, steps):
    """The file's sampler, or a copy whose bound reaches ``steps`` past ``prefix``.

    ``plot`` has no --max-length: a prefix longer than the sampler's bound (as
    the sampler resolves it: the longest training name or a longer min_length,
    unless the file sets max_length) lifts it, so the picture
    shows what the model predicts there instead of an error.
    """
    from .._decoding import length_bounds
    from .._sampler import NameSampler

    if not isinstance(model, NameSampler) or model.max_length is not None:
        return model
    _, longest = length_bounds(model.min_length, None, model.training_length_range())
    if len(prefix) <= longest:
        return model
    lifted = copy.copy(model)
    lifted.max_length = len(prefix) + steps
    return lifted
