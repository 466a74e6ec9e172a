"""``sknextchar score``: rank names by their log-likelihood under a model."""

import sys

from .._text import display_width, pad_right
from .._words import one_or_many
from ._commands import given_names, load_sampler
from ._name_counts import NameCounts, counted_file_names
from ._quiet import inform
from ._told_once import told_unless_refused
from ._unscored import BLOCK_ROWS, distinct_names, scorable_names, unscored_error

__all__ = ["name_log_likelihoods", "ranking", "score", "tell_full_width"]


def score(args):
    """``sknextchar score``: rank names by their log-likelihood.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line.

    Returns
    -------
    status : int
        0; 1 when some names hold characters outside the model's vocabulary
        (the others are ranked, and one error names them).

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> build_parser().parse_args(["score", "m.skops", "asha"]).run.__name__
    'score'
    """
    given = given_names(args, counted=counted_file_names)  # a plain list: counted
    sampler = load_sampler(args)
    # scikit-learn loads only once a model is read: a mistyped path is told
    # at once, not after seconds of imports.
    from .._pipeline import split_pipeline

    told_unless_refused(split_pipeline(sampler.estimator_)[0])  # before any row
    places = getattr(args, "places", None)
    names, repeated, unscored, n_names = _scorable(sampler, given, places)
    total, per_char, seen = _scores_and_marks(sampler, names, args.label)
    if repeated is not None:  # the names are scored: not before a refusal
        print(repeated, file=sys.stderr)  # rows left out: kept under -q
    tell_full_width(sampler, names)
    order = ranking(total if args.by == "total" else per_char)
    width = max(4, *map(display_width, names))
    print(f"rank  {'name':<{width}}  log-likelihood  per char  train")
    for rank, i in enumerate(order, start=1):
        name = names[i]
        print(
            f"{rank:>4}  {pad_right(name, width)}  {total[i]:>14.3f}  "
            f"{per_char[i]:>8.3f}  {seen[i]:>5}"
        )
    if args.explain:
        from ._explain import explain_blocks

        for block in explain_blocks(sampler, names, args.label, order):
            print(block)  # name by name: a long list is never held as text
    if unscored is not None:
        others = one_or_many(len(names), "the other is", "the others are")
        done = f"left out ({others} ranked above)"
        return unscored_error(unscored, n_names - len(names), n_names, done)
    return 0


def tell_full_width(model, texts, what="name"):
    """Say, once on stderr as ``train`` does, that some of ``texts`` (the
    names scored, a prefix) hold full-width letters or digits, which the
    transformer of ``model`` (a sampler or a pipeline, as
    :func:`~sknextchar._fitted.find_parts` finds it) reads as ASCII ones, as
    it learned them (:func:`~sknextchar._letter_forms.full_width_read_note`);
    nothing under ``-q``, nor if none does, nor for a bare model (no
    transformer reads its letters).

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import (CharEmbeddingMLPClassifier,
    ...     ContextWindowTransformer, NameSampler)
    >>> pipe = make_pipeline(ContextWindowTransformer(),
    ...     CharEmbeddingMLPClassifier(max_iter=1, random_state=0))
    >>> sampler = NameSampler(pipe).fit(["abid", "asha", "amit"])
    >>> import contextlib, io
    >>> with contextlib.redirect_stderr(io.StringIO()) as err:
    ...     tell_full_width(sampler, ["Ａｓｈａ"])
    >>> err.getvalue().startswith("Note: the name 'Ａｓｈａ' has full-width letters")
    True
    """
    from .._fitted import find_parts
    from .._letter_forms import full_width_read_note

    windows = find_parts(model)[0]
    if windows is None:  # a bare model: no letters are read otherwise
        return
    note = full_width_read_note(texts, windows, what)
    if note is not None:
        inform(note, file=sys.stderr)


def _scorable(sampler, given, places):
    """The names to rank, each once, and the note on those given more than
    once (None: none was); the message on the names left out (None: none
    was), each placed on every line that holds it; and the number of names
    given, each counted once (``zoë`` on two lines is one name left out, as
    ``asha`` on two is one name ranked)."""
    kept, unscored = scorable_names(sampler, given, places)
    if not isinstance(kept, NameCounts):  # a list of the names read whole
        kept = given if len(kept) == len(given) else [given[i] for i in kept]
    names, repeated = distinct_names(kept, "ranked")
    n_names = len(names) if len(kept) == len(given) else (
        len(distinct_names(given, "ranked")[0]))  # fmt: skip
    return names, repeated, unscored, n_names


def name_log_likelihoods(sampler, names, labels):
    """Each name's log-likelihood under each label, the names cut into windows once.

    The numbers of ``sampler.score_samples(names, label=label)`` for each label,
    bit for bit, with one pass of the transformer over the names and one
    search for their distinct contexts, whatever the number of labels (the
    model runs once per label on those contexts).

    Parameters
    ----------
    sampler : NameSampler
        Fitted.
    names : list of str
        The names.
    labels : list
        The labels to score the names under; ``[None]`` for a model trained
        without labels.

    Returns
    -------
    log_likelihood : ndarray of shape (n_names, n_labels)
        NaN for a name left without any character (``handle_unknown="drop"``).
    counts : ndarray of int of shape (n_names,)
        The symbols predicted in each name (its characters and its end).

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import (CharEmbeddingMLPClassifier,
    ...     ContextWindowTransformer, NameSampler)
    >>> pipe = make_pipeline(ContextWindowTransformer(),
    ...     CharEmbeddingMLPClassifier(max_iter=5, random_state=0))
    >>> sampler = NameSampler(pipe).fit(["abid", "asha", "amit"])
    >>> log_likelihood, counts = name_log_likelihoods(sampler, ["asha", "ali"], [None])
    >>> log_likelihood.shape, counts.tolist()
    ((2, 1), [5, 4])
    """
    import numpy as np

    from .._consistency import check_steps_agree
    from .._pipeline import names_log_likelihood, split_pipeline

    transformer, model = split_pipeline(sampler.estimator_)
    check_steps_agree(transformer, model, sampler.vocabulary_)
    log_likelihood, counts = names_log_likelihood(transformer, model, names, labels)
    log_likelihood[counts == 0] = np.nan
    return log_likelihood, counts


def _scores_and_marks(sampler, names, label):
    """Each name's log-likelihood under ``label``, and per character (as
    ``score_samples(per_char=True)``), and its mark of training name, in one
    pass of :data:`BLOCK_ROWS` names at a time: memory holds a block's
    windows, not those of every name."""
    import numpy as np

    total, per_char, seen = np.empty(len(names)), np.empty(len(names)), []
    marks = _training_marks(sampler)
    for start in range(0, len(names), BLOCK_ROWS):
        block = slice(start, start + BLOCK_ROWS)
        log_likelihood, counts = name_log_likelihoods(sampler, names[block], [label])
        total[block] = log_likelihood[:, 0]
        per_char[block] = log_likelihood[:, 0] / counts.clip(min=1)
        seen += marks(names[block])
    return total, per_char, seen


def ranking(key):
    """The positions of ``key`` from the most plausible name to the least: by
    ``key`` from the highest, a name with no scorable character (NaN) last;
    ties in the order given.

    Examples
    --------
    >>> ranking([-3.0, float("nan"), -1.0, -3.0]).tolist()
    [2, 0, 3, 1]
    """
    import numpy as np

    key = np.asarray(key, dtype=float)
    nan = np.isnan(key)
    return np.lexsort((np.where(nan, 0.0, -key), nan))  # stable: ties kept in order


def _training_marks(sampler):
    """What marks a block of names "yes"/"no": in the model's training names
    ("?" without record), as --novel tells them (in any case with the record
    of the names case-folded of a model trained with --keep-case)."""
    if getattr(sampler, "training_name_hashes_", None) is None:
        return lambda block: ["?"] * len(block)
    from .._training_record import folds_case

    folded = folds_case(sampler)

    def marks(block):
        found = sampler.in_training_set(block, ignore_case=folded)
        return ["yes" if known else "no" for known in found]

    return marks
