"""``sknextchar plot``: one picture of a model, drawn to a file.

The picture's format is checked from ``-o``'s suffix before the model loads
(:mod:`~sknextchar.cli._pictures`), every picture carries plot's mark and
``--force`` replaces only a picture of that format that carries it
(:mod:`~sknextchar.cli._picture_files`), and the file is
written through a checked temporary file; an existing file without
``--force`` is refused there, after the errors of the output path, its suffix
and the drawing, so that ``--force`` is no advice that only leads to one of
them. The plotting functions'
errors are told in plot's flags: their argument is the flag that set it, and a
dead end of the sampler advises another picture or ``table`` instead of
``--min-length``, a flag plot lacks. matplotlib loads when the command runs,
with no window.
"""

import contextlib
import copy
import functools
import sys
from pathlib import Path

from .._file_safety import atomic_write, check_target
from .._shown_paths import shown_path
from ._commands import load_trained, tell_prefix_read
from ._errors import missing_glyphs_in_one_warning
from ._places import places_of
from ._quiet import inform

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
    from ._picture_files import keep_other_pictures, plot_mark
    from ._pictures import check_picture_output, save_picture

    # What no suffix changes first (a stream, a folder, an input file), then
    # the suffix (a format matplotlib writes), then what --force may replace:
    # only a picture of that format that plot made. An existing picture
    # without --force is refused by the write, once every other error is told.
    example = ("a picture file", f"{_drawn(args)}.png")
    target = {"inputs": [args.model], "command_line": True, "example": example}
    check_target(args.output, **target)
    check_picture_output(args.output)
    fmt = Path(args.output).suffix[1:]
    keep = keep_other_pictures(fmt)
    check_target(args.output, keep=keep, **target)
    model = load_trained(args.model, args, args.max_bytes)
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
            # Through a checked temporary file with the same suffix (the
            # format), with plot's mark, by which --force knows it later.
            savefig = functools.partial(fig.savefig, **plot_mark(fmt))
            save_picture(args.output, lambda: atomic_write(
                args.output, savefig, inputs=[args.model], force=args.force,
                command_line=True, keep=keep,
            ))  # fmt: skip
        finally:
            plt.close(fig)
    inform(f"Wrote {shown_path(args.output)}.")
    typed = args.tree if args.tree is not None else args.distribution
    if typed is not None:  # read otherwise: what sample and table tell
        flag = "--tree" if args.tree is not None else "--distribution"
        tell_prefix_read(model, typed, flag)
    return 0


def _drawn(args):
    """What plot draws, as a file name: ``loss``, ``tree``..."""
    for picture in ("loss", "embeddings", "tree"):
        if getattr(args, picture) not in (None, False):
            return picture
    return "distribution"


def _check_mlp(model, args):
    """--embeddings and --loss draw an MLP's training: refuse another model."""
    from .._classifier import CharEmbeddingMLPClassifier
    from .._fitted import describe, find_parts

    last = find_parts(model)[1]
    if not isinstance(last, CharEmbeddingMLPClassifier):
        flag = "--embeddings" if args.embeddings else "--loss"
        raise ValueError(
            f"{flag} draws an MLP model (train --model mlp, the default), and "
            f"{shown_path(args.model)} holds a {describe(last)}: draw it with --tree "
            "or "
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
    from .._labels import label_of_text

    args.label = label_of_text(model, args.label)  # 1 for '1', as learned
    places = places_of(args)
    if args.tree is not None:
        places.add_arguments("prefixes", "--tree", [args.tree])
        # The levels drawn, and one step more: whether each leaf can go on.
        model = _reaching(model, args.tree, _TREE_DEPTH + 1)
        with _spelled_as("--tree", (model, args)):
            return plot_generation_tree(
                model, args.tree, top_k=_TREE_TOP_K, depth=_TREE_DEPTH, label=args.label
            )
    places.add_arguments("prefixes", "--distribution", [args.distribution])
    model = _reaching(model, args.distribution, 1)
    with _spelled_as("--distribution", (model, args)):
        return plot_temperature(model, args.distribution, label=args.label)


@contextlib.contextmanager
def _spelled_as(flag, drawn):
    """The plotting functions' errors of a prefix name their argument
    (``prefix='a1'``); on the command line it is the flag (``--tree 'a1'``).
    Each is told in plot's terms from the error's attributes, never its words
    (:mod:`sknextchar._dead_ends`: :func:`_plot_length_bound`,
    :func:`_plot_dead_end`, :func:`_plot_unfinished_tree`, a prefix the
    picture would read past the most letters of a name, one of characters the
    model lacks); ``drawn``: the model and args."""
    from .._dead_ends import (
        DeadEndError,
        EndOnlyError,
        LongPrefixError,
        NoRoomAfterError,
        UnendingPrefixError,
        UnfinishedTreeError,
        UnknownSymbolsError,
        unknown_symbols_message,
    )

    try:
        yield
    except NoRoomAfterError as error:
        raise ValueError(_plot_no_room(error, flag, *drawn)) from None
    except (LongPrefixError, UnendingPrefixError, EndOnlyError) as error:
        raise ValueError(_plot_length_bound(error, flag, drawn[1])) from None
    except DeadEndError as error:
        raise ValueError(_plot_dead_end(error, flag, *drawn)) from None
    except UnfinishedTreeError:
        raise ValueError(_plot_unfinished_tree(*drawn)) from None
    except UnknownSymbolsError as error:
        message = unknown_symbols_message(error, lambda value: f"{flag} {value!r}")
        raise ValueError(message) from None


def _plot_dead_end(error, flag, model, args):
    """A dead end of ``plot`` (a :class:`~sknextchar._dead_ends.DeadEndError`):
    a branch of ``--tree`` named as one, and the advice of plot (another
    picture, ``table``'s unbounded probabilities, training again with
    smoothing) instead of lowering ``--min-length``, a flag plot lacks."""
    value = args.tree if flag == "--tree" else args.distribution
    where = f"{value!r} ({flag})"
    if error.index is not None and error.prefix != value:  # a node below the root
        where, value = f"{error.prefix!r}, a branch of {where}", error.prefix
    bound = (
        "the model's shortest training name, below which plot's pictures end no "
        "name, as sampling does"
        if getattr(model, "min_length", None) is None
        else "the min_length saved with the model, which plot's pictures keep"
    )
    return (
        f"No name can continue {where}: {error.reason} below {error.min_length} "
        f"letters ({bound}). {error.cause}: draw another {flag}, or train the "
        f"model again with smoothing ({error.smoothing}); to see the model's own "
        f"probabilities (no length bound), run: {_table_command(args, value)}"
    )


def _table_command(args, context):
    """The ``table`` command of plot's model file after ``context``, as typed
    in a shell: the flags that loaded the file and picked its label in plot
    (``table`` refuses a labelled model without --label), then the file and
    the context. Last in a message, unquoted, to be copied as it is."""
    from .._model_checks import DEFAULT_MAX_BYTES
    from .._shown_paths import flag_word, shell_path, shell_word

    words = ["sknextchar", "table"] + ["--trust-pickle"] * args.trust_pickle
    if args.max_bytes != DEFAULT_MAX_BYTES:
        words.append(f"--max-bytes {args.max_bytes or 'none'}")
    if args.label is not None:
        words.append(flag_word("--label", args.label))
    words.append(shell_path(args.model))
    # "--" ends table's options before a context such as "-a".
    return " ".join([*words, *["--"] * context.startswith("-"), shell_word(context)])


_TREE_DEPTH = 3  # the levels --tree draws
_TREE_TOP_K = 3  # the branches of each node (plot has no --top-k)


def _plot_unfinished_tree(model, args):
    """The tree's refusal of a prefix none of whose branches drawn can end (an
    :class:`~sknextchar._dead_ends.UnfinishedTreeError`), in plot's terms: the
    branches plot draws, and its advice (another --tree, --distribution,
    ``table``) instead of raising ``top_k``, a flag plot lacks."""
    from .._shown_paths import flag_word

    return (
        f"No name that starts with {args.tree!r} (--tree) can be finished along "
        f"the branches plot draws (the {_TREE_TOP_K} most probable next characters "
        f"at each of {_TREE_DEPTH} levels): each meets a point where the model "
        f"allows no next character {_lengths_drawn(model)}. Draw another --tree, "
        f"or {flag_word('--distribution', args.tree)} for the next character "
        "alone; to see the model's own probabilities (no length bound), run: "
        f"{_table_command(args, args.tree)}"
    )


def _lengths_drawn(model):
    """The lengths of the names plot draws: the file's bounds, or past its
    longest name, the one :func:`_reaching` sets."""
    from .._decoding import length_bounds
    from .._sampler import NameSampler

    if not isinstance(model, NameSampler):
        return "within the lengths plot draws"
    low, high = length_bounds(
        model.min_length, model.max_length, model.training_length_range()
    )
    lengths = f"{low}" if low == high else f"{low} to {high}"
    return f"for a name of {lengths} letters (the lengths plot draws)"


def _plot_length_bound(error, flag, args):
    """A prefix at or past the max_length of the model file (a
    :class:`~sknextchar._dead_ends.LongPrefixError`, or at it an
    :class:`~sknextchar._dead_ends.UnendingPrefixError` or
    :class:`~sknextchar._dead_ends.EndOnlyError`), in plot's terms: a
    shorter prefix, the file saved again with a larger max_length (a parameter
    of NameSampler in Python), or ``table``, which has no bound. The model
    file sets the bound (plot lifts none the file sets). The plotting
    function refuses first a prefix that no bound could take (one it would
    read past the most letters of a name), so the bound can be raised."""
    from .._dead_ends import EndOnlyError, LongPrefixError
    from .._words import quoted

    value = args.tree if flag == "--tree" else args.distribution
    bound = _files_bound(error.max_length, args)
    if isinstance(error, LongPrefixError):
        said = f"The {flag} prefix has {error.letters:,} letters, more than {bound}."
    elif isinstance(error, EndOnlyError):
        said = (
            f"{quoted(value)} ({flag}) has as many letters as {bound}, so only the end "
            "marker may follow it, at probability 1 whatever the model predicts: "
            "the picture would show nothing of the model."
        )
    else:
        said = (
            f"No name can continue {value!r} ({flag}): it has as many letters as "
            f"{bound}, so only the end marker may follow, and the model gives it "
            "probability 0 there."
        )
    return (
        f"{said} Give a shorter {flag}, or save the model again from Python with "
        "a larger 'max_length' (a parameter of NameSampler); sknextchar sample "
        "--max-length N draws longer names from the file. To see the model's "
        f"own probabilities after the prefix (no length bound), run: "
        f"{_table_command(args, value)}"
    )


def _files_bound(high, args):
    """The ``max_length`` saved with the model file, in plot's words."""
    # Quoted, the Python parameter is not respelled as sample's --max-length.
    return (
        f"the {high} that names drawn from {shown_path(args.model)} may have (its "
        "sampler "
        f"was saved with 'max_length' {high}, which plot keeps)"
    )


def _plot_no_room(error, flag, model, args):
    """A prefix the picture would read past the most letters of a name (a
    :class:`~sknextchar._dead_ends.NoRoomAfterError`), in plot's terms: the
    shorter prefix that plot draws, below the model file's ``max_length``
    when that refuses it too (saving it again with a larger one cannot help
    past the most letters), and within the most letters less the levels the
    tree draws; plot has no --depth to lower."""
    from .._dead_ends import room_after_message
    from .._limits import MAX_LETTERS
    from .._words import counted, quoted

    high = getattr(model, "max_length", None)
    if high is not None and error.letters > high:
        # At max_length letters only the end may follow, which a model may
        # rule out there: the longest prefix that the bound never refuses,
        # unless the picture reads more letters past it than a name may have.
        most = min(high - 1, MAX_LETTERS - error.steps)
        why = (
            f"after {high}, only the end of a name may follow"
            if most == high - 1
            else f"the tree draws {counted(error.steps, 'letter')} more, and a "
            f"name has at most {MAX_LETTERS:,}"
        )
        return (
            f"The {flag} prefix has {error.letters:,} letters, more than "
            f"{_files_bound(high, args)}. Give a {flag} of at most "
            f"{counted(most, 'letter')}: {why}."
        )
    shown = f"{flag} {quoted(error.prefix)}"
    return room_after_message(shown, error.letters, error.steps, flag)


def _reaching(model, prefix, steps):
    """The file's sampler, or a copy whose bound reaches ``steps`` past ``prefix``.

    ``plot`` has no --max-length: a prefix that reaches the sampler's bound (as
    the sampler resolves it: the longest training name or a longer min_length,
    unless the file sets max_length), after which only the end marker could
    follow, lifts it, so the picture shows what the model predicts there
    instead of an error. ``steps`` counts
    every symbol the picture asks the model about: the tree asks one past the
    levels it draws (whether each leaf can go on), so a leaf is never cut for
    meeting this bound, which the user did not set (but at the most letters
    a name may have, after which only the end may follow). A prefix the picture
    would read past the most letters a name may have is left to the plotting
    function to refuse (as ``table`` refuses it, told in plot's terms by
    :func:`_plot_no_room`). Its letters are counted as the model reads them
    (user-perceived characters for a model of them).
    """
    from .._decoding import length_bounds
    from .._fitted import prefix_letters
    from .._limits import MAX_LETTERS
    from .._sampler import NameSampler

    if not isinstance(model, NameSampler) or model.max_length is not None:
        return model
    letters = prefix_letters(model, prefix)
    _, longest = length_bounds(model.min_length, None, model.training_length_range())
    if letters < longest or letters >= MAX_LETTERS:  # the latter refused
        return model
    lifted = copy.copy(model)
    lifted.max_length = min(letters + steps, MAX_LETTERS)
    return lifted
