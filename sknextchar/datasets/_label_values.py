"""The labels of a table's names checked once read, worded by each interface:
two labels at least (:func:`refuse_one_label`), and a warning for labels
that differ only in case (:func:`warn_case_twins`); for ``train --labels``
(:mod:`sknextchar.cli._label_checks`) and ``load_names(path,
labels_column=...)``.
"""

import warnings

__all__ = ["each_its_own", "reads_as_labels", "refuse_one_label", "warn_case_twins"]


def each_its_own(cells):
    """Whether the filled ``cells`` of a column differ on every row, three
    rows at least (``P17``, ``P04``, ``P33``): an id of the rows, no labels
    (each label would have one name, none to learn it from).

    Examples
    --------
    >>> each_its_own(["P17", "P04", "P33"]), each_its_own(["F", "M", "F"])
    (True, False)
    >>> each_its_own(["F", "M"])  # two rows tell nothing
    False
    """
    cells = [cell for cell in cells if cell]
    return len(cells) >= 3 and len(set(cells)) == len(cells)


def reads_as_labels(cells, is_number):
    """Whether the filled ``cells`` of a column read as labels: two values at
    least, one of them on two rows or more, not all numbers (``is_number``
    of a cell) unless 0 and 1 (a yes or no): ``F``, ``M``, ``F``.

    Examples
    --------
    >>> number = str.isdigit
    >>> [reads_as_labels(c, number) for c in (["F", "M", "F"], ["5", "3", "5"])]
    [True, False]
    >>> reads_as_labels(["1", "0", "1"], number), reads_as_labels(["F", "F"], number)
    (True, False)
    """
    cells = [cell for cell in cells if cell]
    values = set(cells)
    numbers = values != {"0", "1"} and all(map(is_number, values))
    return 1 < len(values) < len(cells) and not numbers


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
