"""The labels of a table's names checked once read, worded by each interface:
two labels at least (:func:`refuse_one_label`), and a warning for labels
that differ only in case (:func:`warn_case_twins`); for ``train --labels``
(:mod:`sknextchar.cli._label_checks`) and ``load_names(path,
labels_column=...)``.
"""

import warnings

__all__ = ["refuse_one_label", "warn_case_twins"]


def refuse_one_label(labels, weights, given, told):
    """Refuse labels that are all the same (of the names of a count above 0): a
    model by label would then give every name that label with P=1.

    Parameters
    ----------
    labels : list of str
        The labels, in NFC.
    weights : sequence of float or None
        The names' counts, or None.
    given : str
        The argument that read them, as the interface spells it
        (``--labels sex``).
    told : tuple of str
        ``(who, instead)``: what would give every name that label, and what
        to do instead of reading labels.

    Examples
    --------
    >>> told = ("a classifier", "pass labels_column=None")
    >>> refuse_one_label(["F", "F"], None, "labels_column='sex'", told)
    Traceback (most recent call last):
    ...
    ValueError: Every name of labels_column='sex' has the label 'F', and a model ...
    """
    kept = labels if weights is None else [x for x, w in zip(labels, weights) if w]
    if kept and len(set(kept)) == 1:
        counted = " (of a count above 0)" * (len(kept) < len(labels))
        label, (who, instead) = kept[0], told
        raise ValueError(
            f"Every name{counted} of {given} has the label {label!r}, and a model by "
            f"label needs at least 2 labels to tell apart ({who} would give every "
            f"name {label!r} with P=1.000): {instead}, or add names of another "
            "label."
        )


def warn_case_twins(labels, given, where, stacklevel, then="train again"):
    """Warn of labels that differ only in case (``M`` and ``m``): two labels
    to the model, most often one label typed two ways.

    Parameters
    ----------
    labels : list of str
    given : str
        The argument that read them, as the interface spells it.
    where : str
        The file that holds them, as messages show it.
    stacklevel : int
        Of the warning (:func:`warnings.warn`), from this function's caller.
    then : str, default="train again"
        What to do once the file is mended (``load_names``: read it again).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_case_twins(["F", "f", "M"], "labels_column='sex'", "'k.csv'", 1)
    >>> str(caught[0].message).split(":")[0]
    "Labels of labels_column='sex' differ only in case ('F' and 'f')"
    """
    spellings = {}
    for label in dict.fromkeys(labels):
        spellings.setdefault(label.casefold(), []).append(label)
    twins = [found for found in spellings.values() if len(found) > 1]
    if not twins:
        return
    shown = "; ".join(" and ".join(map(repr, found)) for found in twins)
    first = twins[0]
    warnings.warn(
        f"Labels of {given} differ only in case ({shown}): "
        f"each spelling is learned as a label of its own. If they are one label, "
        f"write it alike in {where} (e.g. every {first[1]!r} as {first[0]!r}) "
        f"and {then}.",
        UserWarning,
        stacklevel=stacklevel + 1,
    )
