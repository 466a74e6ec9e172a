"""``sknextchar classify``: the label of names, by the model's own Bayes' rule.

A model trained with ``train --labels`` gives each name a likelihood under each
label, ``P(name | label)``; Bayes' rule with the priors of ``--priors`` (equal
by default, as ``sample --min-label-proba`` uses them) turns them into
``P(label | name)``. The Python counterpart is
:class:`~sknextchar.NameLabelClassifier`, which also learns the priors and, with
``calibration="temperature"``, calibrates the posterior.
"""

import itertools
import unicodedata

from .._shown_paths import shown_path
from .._text import display_width, pad_right
from .._words import one_or_many, quoted
from ._commands import given_names, load_sampler
from ._score import name_log_likelihoods, tell_full_width
from ._told_once import told_unless_refused
from ._unscored import BLOCK_ROWS, scorable_names, unscored_error

__all__ = ["BLOCK_ROWS", "classify"]


def classify(args):
    """``sknextchar classify``: print P(label | name) of each name, per label.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line.

    Returns
    -------
    status : int
        0; 1 when some names hold characters outside the model's vocabulary
        (their rows show ``-``, the others are classified, and one error
        names them).

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> build_parser().parse_args(["classify", "m.skops", "asha"]).run.__name__
    'classify'
    """
    from ._column_note import shell_word
    from ._known_labels import labelled_names, print_accuracy

    given, truth = (given_names(args), None) if args.labels is None else (
        labelled_names(args))  # fmt: skip
    sampler = load_sampler(args)
    from .._pipeline import split_pipeline  # scikit-learn: once a model is read

    told_unless_refused(split_pipeline(sampler.estimator_)[0])  # before any row
    labels = _model_labels(sampler, args.model)
    shown = [str(label) for label in labels]
    kept, unscored = scorable_names(sampler, given, getattr(args, "places", None))
    log_priors = _log_priors(args.priors, shown)
    proba = _posterior(sampler, [given[i] for i in kept], labels, log_priors)
    proba = _in_place(proba, kept, len(given))  # one row per name given
    tell_full_width(sampler, [given[i] for i in kept])
    # The file's labels are read in NFC: the model's too, to compare them
    read = [unicodedata.normalize("NFC", label) for label in shown]
    predicted = _print_table(given, shown, proba, truth, read)
    if truth is not None:
        print_accuracy(truth, predicted, read, f"--labels {shell_word(args.labels)}")
    if unscored is not None:
        left = len(given) - len(kept)
        # Rows, one per line or NAME: the message counts names, each once.
        shows = one_or_many(left, "it shows", "they show")
        wrong = ", counted wrong" * (truth is not None)
        others = one_or_many(len(given) - left, "the other is", "the others are")
        done = f"not classified ({shows} -{wrong}; {others} classified)"
        return unscored_error(unscored, left, len(given), done, "row")
    return 0


def _model_labels(sampler, model_file):
    """The labels the model was trained with (an error for a model without)."""
    from .._labels import label_classes
    from .._pipeline import split_pipeline

    labels = label_classes(split_pipeline(sampler.estimator_)[1])
    if labels is None:
        raise ValueError(
            f"{shown_path(model_file)} was trained without labels, so it cannot tell a "
            "name's label: train one with 'sknextchar train NAMES_FILE --labels "
            "COLUMN_OR_FILE'."
        )
    return list(labels)


def _log_priors(pairs, labels):
    """The log-priors in the order of ``labels``: equal, or ``--priors``."""
    import numpy as np

    from .._label_posterior import log_priors

    if pairs is None:
        return np.zeros(len(labels))
    given = dict(pairs)
    unknown = sorted(set(given) - set(labels))
    missing = [label for label in labels if label not in given]
    if unknown or missing or len(pairs) != len(given):
        typed = " ".join(f"{label}={weight:g}" for label, weight in pairs)
        raise ValueError(
            f"--priors needs one LABEL=WEIGHT for each label of the model "
            f"({', '.join(labels)}), each once; got {typed}."
        )
    weights = np.array([given[label] for label in labels])
    if not weights.any():
        raise ValueError(
            "--priors gives every label a weight of 0; give one a weight above 0."
        )
    with np.errstate(over="ignore"):  # weights of 1e308: their sum overflows
        total = weights.sum()
    if not np.isfinite(total):
        weights = weights / weights.max()
        total = weights.sum()
    return log_priors(weights / total)


def _posterior(sampler, names, labels, log_priors):
    """P(label | name), one row per name.

    A name impossible under every label gets NaN (a count model with ``--add-k
    0`` gives an unseen n-gram probability 0). The names are scored
    :data:`BLOCK_ROWS` at a time: memory holds a block's windows, not those
    of every line.
    """
    import numpy as np

    from .._label_posterior import label_posterior

    proba = np.empty((len(names), len(labels)))
    for start in range(0, len(names), BLOCK_ROWS):  # a block's windows at a time
        block = names[start : start + BLOCK_ROWS]
        log_likelihood, _ = name_log_likelihoods(sampler, block, labels)  # one pass
        with np.errstate(invalid="ignore"):  # every label impossible: NaN
            proba[start : start + len(block)] = label_posterior(
                log_likelihood + log_priors
            )
    return proba


def _in_place(proba, kept, n_names):
    """The rows of ``proba`` (of the names ``kept``) among ``n_names`` rows,
    NaN for the names left out (shown ``-``, as a name of no label)."""
    import numpy as np

    if len(kept) == n_names:
        return proba
    rows = np.full((n_names, proba.shape[1]), np.nan)
    rows[kept] = proba
    return rows


def _print_table(names, labels, proba, truth=None, read=None):
    """Print the table (with ``truth``, each name's given label and whether
    the model's is right: its label as ``read``, in NFC, is it); return the
    model's label of each name as read (None: none told; without ``truth``,
    None). The rows are made :data:`BLOCK_ROWS` at a time."""
    import numpy as np

    columns = [f"P({label})" for label in labels]
    # Each cell as wide as its column's heading on a terminal, and at least as
    # wide as a probability ("0.603"; "P(F)" is one column narrower): headings
    # right-aligned over their numbers. The widths and the padded labels are
    # measured once, not on every row of a long list.
    cell_widths = [max(5, display_width(column)) for column in columns]
    columns = [" " * (w - display_width(c)) + c for c, w in zip(columns, cell_widths)]
    known = ~np.isnan(proba).any(axis=1)
    width = max(4, max(map(display_width, _shown(names, known)), default=0))
    label_width = max(5, *map(display_width, labels))
    padded = [pad_right(label, label_width) for label in labels]
    unknown = "  ".join(
        [pad_right("-", label_width)] + [f"{'-':>{w}}" for w in cell_widths]
    )
    best = np.argmax(proba, axis=1)  # read for the known rows only
    read = labels if read is None else read
    predicted = (
        None
        if truth is None
        else [read[pick] if ok else None for ok, pick in zip(known, best)]
    )
    marks = itertools.repeat("") if truth is None else _given_cells(truth, predicted)
    given = "" if truth is None else _given_heading(truth)
    print(f"{'name':<{width}}  {'label':<{label_width}}  " + "  ".join(columns)
          + given)  # fmt: skip
    rows = zip(_shown(names, known), _block_rows(proba), known, best, marks)
    for name, row, is_known, pick, mark in rows:
        cells = [f"{p:>{w}.3f}" for p, w in zip(row, cell_widths)]
        rest = "  ".join([padded[pick], *cells]) if is_known else unknown
        print(f"{pad_right(name, width)}  {rest}{mark}")
    return predicted


def _shown(names, known):
    """Each name as its row shows it (:func:`_seen` when not classified)."""
    return (name if ok else _seen(name) for name, ok in zip(names, known))


def _block_rows(proba):
    """The rows of ``proba`` as lists of floats, :data:`BLOCK_ROWS` at a time."""
    for start in range(0, len(proba), BLOCK_ROWS):
        yield from proba[start : start + BLOCK_ROWS].tolist()


def _seen(name):
    """A name not classified as its row shows it: one of only invisible
    characters (a zero-width space) escaped, as the error shows it
    (``'\\u200b'``), not an empty-looking cell."""
    return quoted(name) if display_width(name.strip()) == 0 else name


def _given_heading(truth):
    """The headings of the columns of known labels: ``given`` and ``right``."""
    return f"  {pad_right('given', _given_width(truth))}  right"


def _given_width(truth):
    return max(5, *map(display_width, truth))


def _given_cells(truth, predicted):
    """Each row's cells of its known label and whether the model's is it,
    made as the rows are printed."""
    width = _given_width(truth)
    return (
        f"  {pad_right(label, width)}  {'yes' if label == pick else 'no':>5}"
        for label, pick in zip(truth, predicted)
    )
