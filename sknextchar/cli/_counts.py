"""``sknextchar train --model kneser-ney``: a count model instead of the MLP.

The windows' flags apply as they do to the MLP; ``--validation-fraction`` and
``--seed`` choose the names held out to report the held-out NLL (the saved model
then counts every name: counting is fast, so nothing is lost); the MLP's other
flags are refused, and ``KN_FLAGS`` set the count model. With ``--labels``, one
count model per label (``PerLabelClassifier``), so ``sample --label`` works.
"""

import math
import time

import numpy as np

from .._text import counted, one_or_many
from ._flags import KN_FLAGS, TRAIN_FLAGS, given
from ._quiet import inform
from ._streams import reader_may_leave
from ._train_report import capitals_note
from ._weights import counts_note

__all__ = ["fit_counts"]

# The flags of TRAIN_FLAGS that mean something for a count model too.
_SHARED = ("clf__validation_fraction", "clf__random_state")
_DEFAULT_HELD_OUT = 0.1  # the MLP's default validation_fraction


def _build_count_pipeline(**params):
    """The pipeline ``sknextchar train --model kneser-ney`` fits.

    Parameters
    ----------
    **params
        Settings such as ``windows__context_length=5`` or ``clf__add_k=1``.

    Returns
    -------
    pipe : Pipeline
        ``ContextWindowTransformer`` ("windows") then ``KneserNeyClassifier``
        ("clf"), unfitted.

    Examples
    --------
    >>> from sknextchar.cli._counts import _build_count_pipeline
    >>> pipe = _build_count_pipeline(windows__context_length=5)
    >>> [type(step).__name__ for step in pipe.named_steps.values()]
    ['ContextWindowTransformer', 'KneserNeyClassifier']
    """
    from sklearn.pipeline import Pipeline

    from .._kneser_ney import KneserNeyClassifier
    from .._transformer import ContextWindowTransformer

    pipe = Pipeline(
        [("windows", ContextWindowTransformer()), ("clf", KneserNeyClassifier())]
    )
    return pipe.set_params(**params)


def _check_flags(args, params):
    """Refuse the flags that set the MLP."""
    mlp_only = [
        flag.flag
        for flag in TRAIN_FLAGS
        if flag.step == "clf" and flag.key not in _SHARED and flag.key in params
    ]
    if mlp_only:
        sets = one_or_many(len(mlp_only), "sets", "set")
        them = one_or_many(len(mlp_only), "it", "them")
        raise ValueError(
            f"{', '.join(mlp_only)} {sets} the MLP (--model "
            f"mlp), not --model kneser-ney: leave {them} out. "
            f"The flags of --model kneser-ney are "
            f"{', '.join(flag.flag for flag in KN_FLAGS)}."
        )


def fit_counts(args, names, labels=None, weights=None):
    """Fit the count model of ``train --model kneser-ney`` and print the report.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line of ``train``.
    names : list of str
        The training names.
    labels : list or None, default=None
        The label of each name (``--labels``): one count model per label.
    weights : ndarray or None, default=None
        The count of each name (``--counts``): a name of count 3 is counted
        three times, and the held-out NLL weighs each held-out name so.

    Returns
    -------
    pipe : Pipeline
        Fitted on all the names.

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> from sknextchar.cli._counts import fit_counts
    >>> args = build_parser().parse_args(
    ...     ["train", "-o", "m.skops", "--model", "kneser-ney", "--seed", "0"])
    >>> pipe = fit_counts(args, ["abid", "asha", "ravi", "amit"] * 5)
    Counted the ... n-grams (orders 1 to 4) of 20 names in ... s.
    Held-out NLL: ... on 1 distinct held-out name (counted without them; ...).
    >>> pipe["clf"].order_
    4
    """
    params = given(args, TRAIN_FLAGS)
    _check_flags(args, params)
    share = params.pop("clf__validation_fraction", _DEFAULT_HELD_OUT)
    seed = params.pop("clf__random_state", None)
    pipe = _build_count_pipeline(**params, **given(args, KN_FLAGS))
    if labels is not None:
        from .._per_label import PerLabelClassifier

        pipe.set_params(clf=PerLabelClassifier(pipe["clf"]))
    from sklearn.base import clone

    from .._gathered_names import GatheredWarnings
    from .._labels import labels_checked_once
    from .._pipeline import fit_weighted

    start = time.perf_counter()
    fit_weighted(pipe, names, labels, weights)  # first: its errors name every name
    report = None
    if share > 0:  # its fits warn nothing more: the fit above warned of every name
        with GatheredWarnings().gathering(None), labels_checked_once():
            report = _held_out_report(clone(pipe), names, labels, share, seed, weights)
    what = counted(len(names), "name")
    if weights is not None:
        what = counts_note(names, weights)
    with reader_may_leave():  # stdout closed early: the model is still saved
        note = capitals_note(pipe["windows"], names, weights)
        inform(
            _count_report(pipe["clf"], what, time.perf_counter() - start),
            *(line for line in (report, note) if line is not None),
        )
    return pipe


def _held_out_report(pipe, names, labels, share, seed, weights=None):
    """The NLL of a held-out share of the names, counted without them.

    The held-out model knows every character of the names of count above 0
    (``alphabet="auto"`` learns them from all of those, as the saved model
    does). With labels, the names are held out per label, and every label
    keeps a counted name (as the MLP's ``early_stopping`` holds
    them out: :func:`~sknextchar._holdout.hold_out`); when that cannot be, the
    report says why. A name written more than once (as the model reads it, in
    any case: :func:`~sknextchar._pipeline.name_keys`) is held out with all
    its copies or not at all (with labels, its copies under that label). With
    counts, the share is of the distinct names of count above 0 (a name's
    count is held out with it; names of count 0 are left out first, as the
    MLP's ``early_stopping`` leaves them out), and each held-out name weighs
    its count in the NLL. The report counts the units held out, as the MLP's
    does: "distinct held-out names" when a unit holds several names.
    """
    from .._holdout import same_text_groups
    from .._pipeline import fit_weighted, name_keys, with_vocabulary_of

    if weights is not None:  # count 0: as if absent, letters included
        kept = [i for i, weight in enumerate(weights) if weight > 0]
        names, weights = [names[i] for i in kept], weights[kept]
        labels = None if labels is None else [labels[i] for i in kept]
    model = with_vocabulary_of(pipe, names)  # every character counted

    texts = name_keys(model["windows"], names)
    # A name under two labels is a unit under each: every label keeps a name.
    units = same_text_groups(texts if labels is None else list(zip(texts, labels)))
    n_units = np.unique(units).size  # the copies of a name are held out together
    if n_units - math.ceil(share * n_units) < 1:
        return (
            f"Held-out NLL: none; too few distinct names ({n_units:,}) to hold out "
            f"a share of {share:g} and count the others."
        )
    split = _split(names, units, labels, weights, share, seed)
    if isinstance(split, str):
        return split
    (train, train_labels, train_w), (held_out, y, held_w), n_held = split
    fit_weighted(model, train, train_labels, train_w)
    nll = -model.score(
        held_out, y, **({} if weights is None else {"sample_weight": held_w})
    )
    held = "distinct held-out name" if n_units < len(names) else "held-out name"
    note = ""
    if seed is None:  # the model is the same each run, this number is not
        note = "; drawn at random: --seed N holds out the same names each run"
    return (
        f"Held-out NLL: {nll:.4f} nats per character ({nll / math.log(2):.3f} "
        f"bits) on {counted(n_held, held)} (counted "
        f"without them{note}; "
        "the saved model counts every name)." + _infinite_note(nll, pipe)
    )


def _infinite_note(nll, pipe):
    """Why the held-out NLL is infinite (add-k without a pseudo-count), or ''."""
    add_k = [v for key, v in pipe.get_params().items() if key.endswith("add_k")]
    if not math.isinf(nll) or add_k[:1] in ([], [None]):  # Kneser-Ney: never
        return ""
    return (
        "\nIt is inf because a held-out name has a character never counted after "
        f"its context, whose probability is 0 with --add-k {add_k[0]:g} (add-k "
        "smoothing does not fall back on shorter contexts): pass --add-k 1 (or "
        "another k above 0), or leave out --add-k for Kneser-Ney smoothing."
    )


def _split(names, units, labels, weights, share, seed):
    """(names, labels, weights) counted and held out, ``units`` (the first
    copy of each name) held out whole, and the number of units held out; or
    the report of why a label would have no counted name (labels and weights
    are None if absent)."""
    from .._holdout import hold_out, label_shortfall, unit_labels

    if labels is not None:
        per_unit = unit_labels(units, labels)
        reason = label_shortfall(per_unit, share)
        if reason is not None:
            smaller = len(per_unit) > len(set(labels))  # else none can be held out
            return (
                f"Held-out NLL: none. {reason} To measure it, give more names of "
                "those labels"
                + (" or a smaller --validation-fraction." if smaller else ".")
            )
    parts = hold_out(len(names), units, share, seed, strata=labels)
    return (
        *(
            (
                [names[i] for i in rows],
                None if labels is None else [labels[i] for i in rows],
                None if weights is None else weights[rows],
            )
            for rows in parts
        ),
        np.unique(units[parts[1]]).size,
    )


def _count_report(clf, names, seconds):
    """One line on what was counted: a count model, or one per label."""
    models = getattr(clf, "estimators_", [clf])
    n_ngrams = sum(model.n_ngrams_ for model in models)
    per_label, labels = "", getattr(clf, "label_classes_", None)
    if labels is not None:
        shown = (
            ", ".join(map(repr, labels.tolist()))
            if len(labels) <= 10
            else f"{len(labels):,} labels"
        )
        per_label = f", one count model per label ({shown})"
    return (
        f"Counted the {n_ngrams:,} n-grams (orders 1 to {models[0].order_}) of "
        f"{names}{per_label} in {seconds:.1f} s."
    )
