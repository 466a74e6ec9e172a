"""``sknextchar train --model kneser-ney``: a count model instead of the MLP.

The windows' flags apply as they do to the MLP; ``--validation-fraction`` and
``--seed`` choose the names held out to report the held-out NLL (the saved model
then counts every name: counting is fast, so nothing is lost); the MLP's other
flags are refused, and ``KN_FLAGS`` set the count model. With ``--labels``, one
count model per label (``PerLabelClassifier``), so ``sample --label`` works.
"""

import math
import time
import warnings

import numpy as np

from .._words import counted, one_or_many
from ._flags import KN_FLAGS, TRAIN_FLAGS, given
from ._quiet import inform, is_quiet
from ._streams import reader_may_leave
from ._train_report import capitals_note
from ._weights import counts_note

__all__ = [
    "clearly_better",
    "fit_counts",
    "held_out_nll",
    "mlp_only_flags",
    "note_count_model",
]

# The flags of TRAIN_FLAGS that mean something for a count model too.
_SHARED = ("clf__validation_fraction", "clf__random_state")
_DEFAULT_HELD_OUT = 0.1  # the MLP's default validation_fraction

# When ``train`` (the MLP) suggests the count model: both score each held-out
# name; the count model's advantage (nats per character, the names weighted
# by their characters as the NLL is) must be above STANDARD_ERRORS standard
# errors of it, estimated from the per-name differences, and MIN_ADVANTAGE,
# on at least MIN_HELD_OUT distinct held-out names. Measured with `train F
# --seed S` (S = 0, 1) on 50 draws of 100 English names (10 held out): the
# count model was from 0.28 worse to 0.22 better (0.04 worse on average) and
# above 2 standard errors in 1 run of 100, where the former fixed margin (0.1
# better) fired in 9; on 105 Greek names (11 held out, seeds 0-29) it was from
# 0.04 worse to 0.35 better (0.16 better on average), above 2 standard errors
# in 13 runs of 30. On 2 to 4 held-out names (English lists of 15 to 40) the
# error estimate itself swings (advantages at -46 to +1.7 of their errors),
# on 6 (lists of 60) it fired once in 40: 10 is the hold-out of a list of 100.
# On the bundled names (1,508 held out, --seed 0) the count model is 0.006
# better: far below MIN_ADVANTAGE, a difference not worth a note.
STANDARD_ERRORS = 2.0
MIN_ADVANTAGE = 0.05
MIN_HELD_OUT = 10


def clearly_better(mean, standard_error, n_held):
    """Whether an advantage of ``mean`` nats per character, of this standard
    error on ``n_held`` distinct held-out names, is more than the hold-out's
    noise: above ``STANDARD_ERRORS`` standard errors and ``MIN_ADVANTAGE``,
    on at least ``MIN_HELD_OUT`` names.

    Examples
    --------
    >>> clearly_better(0.3, 0.1, 11), clearly_better(0.3, 0.2, 11)
    (True, False)
    >>> clearly_better(0.5, 0.1, 2), clearly_better(0.01, 0.001, 1500)
    (False, False)
    """
    enough = max(MIN_ADVANTAGE, STANDARD_ERRORS * standard_error)
    return n_held >= MIN_HELD_OUT and mean > enough


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


def mlp_only_flags(params):
    """The flags among ``params`` (settings of ``TRAIN_FLAGS``) that set the
    MLP, which ``--model kneser-ney`` refuses.

    Examples
    --------
    >>> mlp_only_flags({"clf__max_iter": 3, "clf__random_state": 0})
    ['--max-iter']
    """
    return [
        flag.flag
        for flag in TRAIN_FLAGS
        if flag.step == "clf" and flag.key not in _SHARED and flag.key in params
    ]


def _check_flags(args, params):
    """Refuse the flags that set the MLP."""
    mlp_only = mlp_only_flags(params)
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


def note_count_model(args, pipe, names, weights, seed):
    """After ``train`` fitted the MLP, say when the count model of ``--model
    kneser-ney`` scores clearly better on the same held-out names.

    The count model (the windows' flags of ``args``, its own defaults) is
    fitted on the names the MLP trained on and scored on those it held out
    (:func:`held_out_nll`, given the MLP's split seed); both score each
    held-out name, and if the count model's advantage is more than the
    hold-out's noise (:func:`clearly_better`), one note says so, with the flag that
    trains it. Nothing under ``-q``, without held-out names, with
    ``--labels``, or when the count model refuses the windows' settings
    (``--context-length 20``).

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line of ``train``.
    pipe : Pipeline
        The fitted MLP pipeline.
    names : list of str
        The names it was fitted on.
    weights : ndarray or None
        Their counts (``--counts``), or None.
    seed : int
        The seed of the MLP's hold-out
        (:func:`~sknextchar._holdout.peeked_hold_out_seed` before its fit).
    """
    clf = pipe["clf"]
    if is_quiet() or not clf.early_stopping or args.labels is not None:
        return
    params = given(args, TRAIN_FLAGS)
    windows = {key: v for key, v in params.items() if key.startswith("windows__")}
    from .._gathered_names import GatheredWarnings

    try:  # the MLP's fit warned of every name: this one is silent
        with GatheredWarnings().gathering(None), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = held_out_nll(
                _build_count_pipeline(**windows), names, None,
                clf.validation_fraction, seed, weights, paired=pipe,
            )  # fmt: skip
    except ValueError:  # settings of the MLP's a count model refuses
        return
    if isinstance(result, str) or not clearly_better(*result[3]):
        return
    nll, n_held, held, _ = result
    mlp = -clf.best_validation_score_
    instead = mlp_only_flags(params)
    left_out = f" (leave out {', '.join(instead)})" if instead else ""
    inform(
        f"Note: on the {counted(n_held, held)} the count model scores "
        f"{nll:.4f} nats per character against {mlp:.4f} for this model: try "
        f"--model kneser-ney{left_out}."
    )


def _held_out_report(pipe, names, labels, share, seed, weights=None):
    """The report of the NLL of a held-out share of the names, counted
    without them (:func:`held_out_nll`)."""
    result = held_out_nll(pipe, names, labels, share, seed, weights)
    if isinstance(result, str):
        return result
    nll, n_held, held = result
    note = ""
    if seed is None:  # the model is the same each run, this number is not
        note = "; drawn at random: --seed N holds out the same names each run"
    return (
        f"Held-out NLL: {nll:.4f} nats per character ({nll / math.log(2):.3f} "
        f"bits) on {counted(n_held, held)} (counted "
        f"without them{note}; "
        "the saved model counts every name)." + _infinite_note(nll, pipe)
    )


def held_out_nll(pipe, names, labels, share, seed, weights=None, paired=None):
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
    its count in the NLL. Given the same int ``seed``, the names held out are
    those of the MLP's ``early_stopping``
    (:func:`~sknextchar._holdout.hold_out_seed`).

    Parameters
    ----------
    pipe : Pipeline
        The count model to fit, unfitted (fitted on a clone).
    names : list of str
    labels : list or None
    share : float
        The share of the distinct names to hold out, in (0, 1).
    seed : int or None
        Draws the names held out.
    weights : ndarray or None, default=None
    paired : Pipeline or None, default=None
        A fitted pipeline (without labels) to compare with on the same
        held-out names, name by name.

    Returns
    -------
    result : tuple or str
        ``(nll, n_held, held)``: the NLL in nats per character, the number
        of units held out, and what they are (``"held-out name"``, or
        ``"distinct held-out name"`` when a unit holds several names);
        or the report of why none could be held out. With ``paired``, a
        fourth item: ``(advantage, standard_error, n)``, how much lower the
        count model's NLL is than ``paired``'s, in nats per character (each
        name weighs its characters, and its count), its standard error from
        the differences of the ``n`` distinct held-out names.

    Examples
    --------
    >>> from sklearn.pipeline import Pipeline
    >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
    >>> pipe = Pipeline([("windows", ContextWindowTransformer()),
    ...                  ("clf", KneserNeyClassifier())])
    >>> names = ["abid", "asha", "ravi", "amit"] * 5
    >>> nll, n_held, held = held_out_nll(pipe, names, None, 0.25, 0)
    >>> n_held, held
    (1, 'distinct held-out name')
    >>> *_, (advantage, error, n) = held_out_nll(
    ...     pipe, names, None, 0.25, 0, paired=pipe.fit(names[:8]))
    >>> n
    1
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
    if paired is not None:  # a fitted pipeline scored name by name with it
        return nll, n_held, held, _paired(model, paired, held_out, held_w)
    return nll, n_held, held


def _paired(counts, other, held_out, weights):
    """The count model's advantage on the held-out names over ``other``: its
    mean in nats per character and its standard error, from the held-out
    distinct names (the copies of a name summed), and their number."""
    from .._pipeline import name_keys, names_log_likelihood, split_pipeline

    w = np.ones(len(held_out)) if weights is None else np.asarray(weights, float)
    (ll, chars), (ll_other, _) = (
        names_log_likelihood(*split_pipeline(model), held_out, [None])
        for model in (counts, other)
    )  # fmt: skip
    _, unit = np.unique(name_keys(counts["windows"], held_out), return_inverse=True)
    gain = np.bincount(unit, w * (ll[:, 0] - ll_other[:, 0]))  # nats per name
    chars = np.bincount(unit, w * chars)
    n, mean = gain.size, gain.sum() / chars.sum()
    if n < 2:
        return mean, math.inf, n
    spread = math.sqrt(n / (n - 1) * np.sum((gain - mean * chars) ** 2))
    return mean, spread / chars.sum(), n


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
