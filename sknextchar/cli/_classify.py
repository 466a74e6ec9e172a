"""``sknextchar classify``: the label of names, by the model's own Bayes' rule.

A model trained with ``train --labels`` gives each name a likelihood under each
label, ``P(name | label)``; Bayes' rule with the priors of ``--priors`` (equal
by default, as ``sample --min-label-proba`` uses them) turns them into
``P(label | name)``. The Python counterpart is
:class:`~sknextchar.NameLabelClassifier`, which also learns the priors and, with
``calibration="temperature"``, calibrates the posterior.
"""

from .._shown_paths import shown_path
from .._text import display_width, pad_right
from ._commands import given_names, load_sampler
from ._score import name_log_likelihoods

__all__ = ["classify"]


def classify(args):
    """``sknextchar classify``: print P(label | name) of each name, per label.

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
    >>> build_parser().parse_args(["classify", "m.skops", "asha"]).run.__name__
    'classify'
    """
    names = given_names(args)
    sampler = load_sampler(args)
    labels = _model_labels(sampler, args.model)
    shown = [str(label) for label in labels]
    proba = _posterior(sampler, names, labels, _log_priors(args.priors, shown))
    _print_table(names, shown, proba)
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
    0`` gives an unseen n-gram probability 0).
    """
    import numpy as np

    from .._label_posterior import label_posterior

    log_likelihood, _ = name_log_likelihoods(sampler, names, labels)  # one pass
    with np.errstate(invalid="ignore"):  # every label impossible: NaN
        return label_posterior(log_likelihood + log_priors)


def _print_table(names, labels, proba):
    import numpy as np

    columns = [f"P({label})" for label in labels]
    # Each cell as wide as its column's heading on a terminal. The widths and
    # the padded labels are measured once, not on every row of a long list.
    cell_widths = [display_width(column) for column in columns]
    width = max(4, *map(display_width, names))
    label_width = max(5, *map(display_width, labels))
    padded = [pad_right(label, label_width) for label in labels]
    unknown = "  ".join(
        [pad_right("-", label_width)] + [f"{'-':>{w}}" for w in cell_widths]
    )
    known = (~np.isnan(proba).any(axis=1)).tolist()
    best = np.argmax(proba, axis=1).tolist()  # read for the known rows only
    print(f"{'name':<{width}}  {'label':<{label_width}}  " + "  ".join(columns))
    for name, row, is_known, pick in zip(names, proba.tolist(), known, best):
        cells = [f"{p:>{w}.3f}" for p, w in zip(row, cell_widths)]
        rest = "  ".join([padded[pick], *cells]) if is_known else unknown
        print(f"{pad_right(name, width)}  {rest}")
