"""The hold-out of a fit: which names (or rows) are set aside to judge it.

Early stopping (:mod:`sknextchar._epoch_records`) and the mixture's weights
(:class:`~sknextchar.MixtureClassifier`, through :func:`held_out_split`) hold
out ``ceil(fraction * n_units)`` units, where a unit is a distinct name (every
window of a held-out name goes with it, and so does every copy of the name:
:func:`same_name_groups`) when the windows' names are known, and a row
otherwise, drawn by
:class:`~sklearn.model_selection.GroupShuffleSplit` or
:class:`~sklearn.model_selection.ShuffleSplit`. Each refuses a hold-out that
leaves nothing on one side in its own words (:func:`too_small`).

With labels (``strata``, a fit by label), the units are drawn per label, in
proportion to each label's units, as by
:class:`~sklearn.model_selection.StratifiedShuffleSplit`, and every label keeps
at least one unit for training: a label whose names were all held out would
never be trained on. A label of a single unit stays in training.
:func:`label_shortfall` says when the units cannot be held out so.

The draw is the hold-out's own (:func:`hold_out_seed`): what else a fit draws
from its ``random_state`` (the initial weights of an MLP, whose number depends
on its architecture) never changes the units held out, and a count model, a
mixture and an MLP given the same int and the same names hold out the same ones.
"""

import math

import numpy as np
from sklearn.utils import check_random_state

from ._words import counted

__all__ = [
    "check_hold_out",
    "held_out_split",
    "hold_out",
    "hold_out_seed",
    "peeked_hold_out_seed",
    "label_shortfall",
    "same_name_groups",
    "same_text_groups",
    "too_small",
    "unit_labels",
    "validation_split",
]


def hold_out_seed(random_state):
    """What a fit's hold-out draws with, apart from the fit's other draws.

    Call it before anything else draws from ``random_state``. An int is
    returned as is: the splitter seeds a generator of its own with it, as each
    scikit-learn splitter and estimator given ``random_state=0`` does, so the
    units held out are the same whatever else the fit draws. A
    :class:`~numpy.random.RandomState` (None: NumPy's global one, as
    :func:`~sklearn.utils.check_random_state` says) gives one int drawn from
    it: the fit's other draws come after that one, whatever the number of units.

    Parameters
    ----------
    random_state : int, numpy.random.RandomState or None
        The fit's ``random_state``.

    Returns
    -------
    seed : int
        The ``random_state`` of :func:`hold_out` (or :func:`validation_split`).

    Examples
    --------
    >>> hold_out_seed(0)
    0
    >>> hold_out_seed(np.random.RandomState(0))
    209652396
    """
    if random_state is None or isinstance(random_state, np.random.RandomState):
        return int(check_random_state(random_state).randint(np.iinfo(np.int32).max))
    return random_state


def peeked_hold_out_seed(random_state):
    """The seed :func:`hold_out_seed` would give, drawing nothing.

    Drawn from a copy of the generator (NumPy's global one for None), so a
    fit can check the split it would make before it draws: it draws the seed
    (:func:`hold_out_seed`, which takes the same ``random_state``) once
    nothing refuses it.

    Examples
    --------
    >>> rng = np.random.RandomState(0)
    >>> peeked_hold_out_seed(rng) == peeked_hold_out_seed(rng) == hold_out_seed(rng)
    True
    >>> peeked_hold_out_seed(7)
    7
    """
    if random_state is None or isinstance(random_state, np.random.RandomState):
        twin = np.random.RandomState(0)
        given = np.random if random_state is None else random_state
        twin.set_state(given.get_state())
        return hold_out_seed(twin)
    return random_state


def _hold_out_units(n_rows, groups):
    """The units a hold-out draws: how many, and what they are.

    Parameters
    ----------
    n_rows : int
        Number of rows (windows).
    groups : ndarray of shape (n_rows,) or None
        The name of each window; None to hold out rows.

    Returns
    -------
    n_units : int
    kind : {"names", "rows"}

    Examples
    --------
    >>> import numpy as np
    >>> _hold_out_units(5, np.array([0, 0, 1, 1, 1])), _hold_out_units(5, None)
    ((2, 'names'), (5, 'rows'))
    """
    if groups is not None:
        return np.unique(groups).size, "names"
    return n_rows, "rows"


def same_name_groups(targets, groups, strata=None, fold=None):
    """Each window's name, where a name written more than once takes the first
    copy's number: the copies of a name are one unit of the hold-out.

    A name repeated in the list is one name to judge a model by: were one copy
    held out and another trained on, the held-out score would reward memorising
    it. Two names are the same when their windows' targets (the name's symbols
    and the end) are, so names that differ only in what the transformer folds
    (case, accents) are one; with ``fold``, also names that differ only in the
    symbols it maps to one (case variants of a model that keeps case, which
    ``sample(novel=True)`` counts as one name). With ``strata`` (a fit by
    label), a name under two labels is a unit under each: each label keeps a
    training name (:func:`hold_out`), which units of several labels could not
    promise.

    Parameters
    ----------
    targets : ndarray of shape (n_windows,)
        Each window's target.
    groups : ndarray of int of shape (n_windows,) or None
        The name of each window; None (rows, not names) is returned as is.
    strata : ndarray of shape (n_windows,) or None, default=None
        The label (or label id) of each window (a name's windows share it), or
        None.
    fold : ndarray of int of shape (n_symbols,) or None, default=None
        ``fold[i]``, the id that symbol ``i`` is compared as (the case fold of
        ``_training_record.fold_map``); None compares the ids as they are.

    Returns
    -------
    groups : ndarray of shape (n_windows,) or None
        The lowest name number among the copies of each window's name: with no
        repeated name, ``groups`` unchanged.

    Examples
    --------
    Names 0 and 2 are both "ab" (targets 1, 2 and the end 0):

    >>> import numpy as np
    >>> targets = np.array([1, 2, 0, 3, 0, 1, 2, 0])
    >>> groups = np.array([0, 0, 0, 1, 1, 2, 2, 2])
    >>> same_name_groups(targets, groups).tolist()
    [0, 0, 0, 1, 1, 0, 0, 0]
    >>> same_name_groups(targets, groups, np.array([0, 0, 0, 0, 0, 1, 1, 1])).tolist()
    [0, 0, 0, 1, 1, 2, 2, 2]

    With "A" (id 3) folded to "a" (id 1), "Ab" is "ab":

    >>> fold = np.array([0, 1, 2, 1])
    >>> same_name_groups(np.array([1, 2, 0, 3, 2, 0]), np.array([0, 0, 0, 1, 1, 1]),
    ...                  fold=fold).tolist()
    [0, 0, 0, 0, 0, 0]
    """
    if groups is None or not len(groups):
        return groups
    if fold is not None:
        targets = fold[targets]
    order = np.argsort(groups, kind="stable")
    sorted_groups, sorted_targets = groups[order], targets[order]
    starts = np.flatnonzero(np.r_[True, sorted_groups[1:] != sorted_groups[:-1]])
    lengths = np.diff(np.r_[starts, len(order)])
    numbers = sorted_groups[starts]  # each name's number, in increasing order
    base = int(sorted_targets.max()) + 1
    name_strata = None
    if strata is not None:  # each name's label id, a column of its row
        name_strata = np.unique(np.asarray(strata)[order][starts], return_inverse=True)
        name_strata = name_strata[1].ravel()
        base = max(base, int(name_strata.max()) + 1)
    first = numbers.copy()
    for length in np.unique(lengths):  # names of one length: rows of a matrix
        names = np.flatnonzero(lengths == length)
        rows = sorted_targets[starts[names, None] + np.arange(length)]
        if name_strata is not None:
            rows = np.column_stack([rows, name_strata[names]])
        first[names] = numbers[names][_first_copies(rows, base)]
    result = np.empty_like(groups)
    result[order] = np.repeat(first, lengths)
    return result


def _first_copies(rows, base):
    """For each row of a matrix of ints in ``[0, base)``, the first equal row.

    The rows are packed, as the digits of numbers in ``base``, into as few
    ``uint64`` words as hold them exactly, and sorted by their words (a stable
    sort: the first row of each run of equal rows is the lowest).

    Examples
    --------
    >>> _first_copies(np.array([[1, 2], [3, 0], [1, 2], [3, 0]]), 4).tolist()
    [0, 1, 0, 1]
    """
    base = max(base, 2)
    per_word = 1
    while base ** (per_word + 1) <= 2**64:
        per_word += 1
    words = []
    for start in range(0, rows.shape[1], per_word):
        word = np.zeros(len(rows), dtype=np.uint64)
        for column in rows[:, start : start + per_word].T:
            word = word * np.uint64(base) + column.astype(np.uint64)
        words.append(word)
    if len(words) == 1:
        order = np.argsort(words[0], kind="stable")
    else:
        order = np.lexsort(words[::-1])  # stable too
    new = np.zeros(len(order), dtype=bool)
    new[0] = True
    for word in words:
        ranked = word[order]
        new[1:] |= ranked[1:] != ranked[:-1]
    first = np.empty_like(order)
    first[order] = order[np.flatnonzero(new)][np.cumsum(new) - 1]
    return first


def same_text_groups(texts):
    """Each text's position, or its first copy's for a text written again.

    :func:`same_name_groups` for a list of names as the model reads them (see
    ``ContextWindowTransformer.normalize``): the units of a hold-out of names.

    Examples
    --------
    >>> same_text_groups(["ab", "c", "ab", "d"]).tolist()
    [0, 1, 0, 3]
    """
    first = {}
    return np.array(
        [first.setdefault(text, i) for i, text in enumerate(texts)], dtype=np.intp
    )


def too_small(n_units, fraction):
    """Whether holding out ``fraction`` of ``n_units`` leaves a side empty.

    Examples
    --------
    >>> too_small(4, 0.25), too_small(4, 0.8), too_small(1, 0.1)
    (False, True, True)
    """
    return n_units < 2 or math.ceil(fraction * n_units) >= n_units


def _check_not_too_small(
    n_units,
    kind,
    fraction,
    way_out="early_stopping=False",
    *,
    part="validation set",
    detail="",
):
    """Raise unless holding out ``fraction`` of ``n_units`` leaves both sides some.

    The message counts distinct names (copies of a name are one unit), and
    advises a smaller ``validation_fraction`` only when one would work.

    Parameters
    ----------
    n_units : int
        The number of units (see :func:`_hold_out_units`).
    kind : {"names", "rows"}
        What the units are.
    fraction : float
        The ``validation_fraction``.
    way_out : str, default="early_stopping=False"
        What else the caller can do: the setting that needs no held-out part.
    part : str, default="validation set"
        What the held-out part is called, for the message.
    detail : str, default=""
        Said after the units (" of weight above 0", say).

    Raises
    ------
    ValueError
        If :func:`too_small` says so.

    Examples
    --------
    >>> _check_not_too_small(4, "names", 0.25)  # one held out, three for training
    >>> _check_not_too_small(1, "names", 0.1)
    Traceback (most recent call last):
    ...
    ValueError: The validation set is too small: validation_fraction=0.1 of 1 \
distinct name leaves 0 for training. Use more data, or early_stopping=False.
    """
    if not too_small(n_units, fraction):
        return
    n_val = math.ceil(fraction * n_units)
    distinct = "distinct " if kind == "names" else ""  # copies are one unit
    units = counted(n_units, distinct + kind[:-1])  # "1 distinct name"
    raise ValueError(
        f"The {part} is too small: validation_fraction={fraction!r} of {units}"
        f"{detail} leaves {n_units - n_val:,} for training. Use more data, "
        + ("a smaller validation_fraction, " if n_units > 1 else "")  # none helps
        + f"or {way_out}."
    )


def label_shortfall(unit_labels, fraction, kind="names", label_names=None):
    """Why ``fraction`` of the units cannot be held out by label, or None.

    Every label keeps at least one unit for training, so at most
    ``n_units - n_labels`` units can be held out.

    Parameters
    ----------
    unit_labels : array-like of shape (n_units,)
        The label of each unit.
    fraction : float
        The fraction of the units to hold out, in (0, 1).
    kind : str, default="names"
        What a unit is, for the message.
    label_names : ndarray or None, default=None
        When ``unit_labels`` are ids, the label of each id, for the message.

    Returns
    -------
    reason : str or None
        None when the hold-out can be drawn; else a sentence that names the
        labels of the fewest units (no advice: the caller knows what to do).

    Examples
    --------
    >>> label_shortfall(["f", "f", "f", "m"], 0.25) is None
    True
    >>> print(label_shortfall(["f", "f", "m", "x"], 0.5))
    Holding out 2 of 4 names (a share of 0.5) would leave a label without
    training names: each label keeps at least one (a label of one name is never
    held out), so 3 labels allow at most 1; the labels of the fewest names:
    'm' (1), 'x' (1), 'f' (2).
    """
    labels, counts = np.unique(np.asarray(unit_labels), return_counts=True)
    n_units, n_val = counts.sum(), math.ceil(fraction * counts.sum())
    if n_val <= n_units - labels.size:
        return None
    fewest = np.argsort(counts, kind="stable")[:5]
    named = labels if label_names is None else np.asarray(label_names)[labels]
    named = named.tolist()  # Python values, whatever the labels' dtype
    shown = ", ".join(f"{named[i]!r} ({counts[i]:,})" for i in fewest)
    more = f" and {labels.size - fewest.size:,} more" if labels.size > 5 else ""
    return (
        f"Holding out {n_val:,} of {n_units:,} {kind} (a share of {fraction:g}) would "
        f"leave a label without training {kind}: each label keeps at least one "
        f"(a label of one {kind[:-1]} is never held out), so "
        f"{counted(labels.size, 'label')} allow at most {n_units - labels.size:,}; "
        f"the labels of the fewest {kind}: "
        f"{shown}{more}."
    )


def hold_out(n_rows, groups, fraction, random_state, strata=None):
    """The training and held-out rows, as the splitter draws them.

    Check :func:`too_small` (and, with ``strata``, :func:`label_shortfall`)
    first: this draws without checking.

    Parameters
    ----------
    n_rows : int
        Number of rows (windows).
    groups : ndarray of shape (n_rows,) or None
        The name of each window; None to hold out rows.
    fraction : float
        The fraction of the units to hold out, in (0, 1).
    random_state : int, numpy.random.RandomState or None
        Draws the held-out units.
    strata : ndarray of shape (n_rows,) or None, default=None
        The label of each row (the same for every window of a name): the
        units are drawn per label, and each label keeps one for training.
        None draws them without regard to labels.

    Returns
    -------
    train, held_out : ndarray of int
        Row indices, in the splitter's order (for rows, the order of its
        permutation: not sorted); sorted with ``strata``.

    Examples
    --------
    >>> train, held_out = hold_out(10, None, 0.2, 0)
    >>> len(train), len(held_out)
    (8, 2)
    >>> labels = np.array(["f"] * 8 + ["m"] * 2)
    >>> train, held_out = hold_out(10, None, 0.2, 0, strata=labels)
    >>> labels[held_out].tolist()  # in proportion: 1.6 "f" and 0.4 "m"
    ['f', 'f']
    """
    # Here, not at the top: model_selection imports scikit-learn's metrics and
    # preprocessing, which loading or sampling a model never needs.
    from sklearn.model_selection import GroupShuffleSplit, ShuffleSplit

    n_units, _ = _hold_out_units(n_rows, groups)
    n_val = math.ceil(fraction * n_units)
    if strata is not None:
        return _hold_out_by_label(groups, n_val, np.asarray(strata), random_state)
    if groups is not None:
        splitter = GroupShuffleSplit(1, test_size=n_val, random_state=random_state)
    else:
        splitter = ShuffleSplit(1, test_size=n_val, random_state=random_state)
    return next(splitter.split(np.empty((n_rows, 0)), groups=groups))


def _units_and_labels(groups, strata):
    """The unit of each row and the label id of each unit (its first row's)."""
    if groups is None:
        unit_of_row = np.arange(len(strata))
    else:
        unit_of_row = np.unique(groups, return_inverse=True)[1].ravel()
    labels = unit_labels(groups, strata)
    return unit_of_row, np.unique(labels, return_inverse=True)[1].ravel()


def _quota(counts, n_val, rng):
    """How many units of each label to hold out: ``n_val`` in all, each label's
    share of them rounded (the largest remainders first, ties at random), and
    never all of a label's units."""
    capacity = counts - 1
    exact = n_val * counts / counts.sum()
    take = np.minimum(np.floor(exact).astype(int), capacity)
    while take.sum() < n_val:
        room = np.flatnonzero(take < capacity)
        if not room.size:  # the caller checks label_shortfall first
            raise ValueError(f"{n_val:,} units cannot be held out by label.")
        below = (exact - take)[room]
        order = room[np.lexsort((rng.random_sample(room.size), -below))]
        take[order[: n_val - take.sum()]] += 1
    return take


def _hold_out_by_label(groups, n_val, strata, random_state):
    """:func:`hold_out` per label: the sorted training and held-out rows."""
    rng = check_random_state(random_state)
    unit_of_row, label_of_unit = _units_and_labels(groups, strata)
    counts = np.bincount(label_of_unit)
    take = _quota(counts, n_val, rng)
    # The units in a random order, grouped by label: hold out the first of each.
    order = rng.permutation(label_of_unit.size)
    order = order[np.argsort(label_of_unit[order], kind="stable")]
    labels = label_of_unit[order]
    rank = np.arange(labels.size) - np.searchsorted(labels, labels)
    held_unit = np.zeros(labels.size, dtype=bool)
    held_unit[order[rank < take[labels]]] = True
    held = held_unit[unit_of_row]
    return np.flatnonzero(~held), np.flatnonzero(held)


def check_hold_out(n_rows, groups, fraction, strata=None, label_names=None):
    """Raise if early stopping cannot hold out ``fraction`` of the units.

    The checks of :func:`validation_split`, without its draw: a fit calls this
    before it draws anything from its ``random_state``, so that a fit refused
    for its data leaves the generator as it was.

    Parameters
    ----------
    n_rows : int
        Number of rows (windows).
    groups : ndarray of shape (n_rows,) or None
        The name of each window; None to hold out rows.
    fraction : float
        The fraction of the units to hold out, in (0, 1).
    strata : ndarray of shape (n_rows,) or None, default=None
        The label (or label id) of each row, for a fit by label; None otherwise.
    label_names : ndarray or None, default=None
        With label ids as ``strata``, the label of each id, for the message.

    Raises
    ------
    ValueError
        If fewer than two units, or none for training, would be left; or, with
        ``strata``, if a label would be left without training units.

    Examples
    --------
    >>> check_hold_out(4, None, 0.25)  # one row held out, three for training
    >>> check_hold_out(2, np.array([0, 0]), 0.5)
    Traceback (most recent call last):
    ...
    ValueError: The validation set is too small: validation_fraction=0.5 of 1 \
distinct name leaves 0 for training. Use more data, or early_stopping=False.
    """
    units, kind = _hold_out_units(n_rows, groups)
    _check_not_too_small(units, kind, fraction)
    if strata is None:
        return
    unit_strata = unit_labels(groups, strata)
    reason = label_shortfall(unit_strata, fraction, kind, label_names)
    if reason is not None:
        smaller = units > np.unique(unit_strata).size  # else none can be held
        raise ValueError(
            f"{reason} Use more {kind} of those labels, "
            + ("a smaller validation_fraction, " if smaller else "")
            + "or early_stopping=False."
        )


def validation_split(
    n_rows, groups, fraction, random_state, strata=None, label_names=None
):
    """Which rows early stopping holds out: whole names, or rows.

    ``ceil(fraction * n_units)`` units are held out (see :func:`hold_out`);
    with ``strata``, per label, each label keeping one unit for training.

    Parameters
    ----------
    n_rows : int
        Number of rows (windows).
    groups : ndarray of shape (n_rows,) or None
        The name of each window; None to hold out rows.
    fraction : float
        The fraction of the units to hold out, in (0, 1).
    random_state : int, numpy.random.RandomState or None
        Draws the held-out units: a fit passes its :func:`hold_out_seed`.
    strata : ndarray of shape (n_rows,) or None, default=None
        The label (or label id) of each row, for a fit by label; None otherwise.
    label_names : ndarray or None, default=None
        With label ids as ``strata``, the label of each id, for the message.

    Returns
    -------
    is_validation : ndarray of bool of shape (n_rows,)

    Raises
    ------
    ValueError
        If fewer than two units, or none for training, would be left; or, with
        ``strata``, if a label would be left without training units.

    Examples
    --------
    >>> import numpy as np
    >>> groups = np.array([0, 0, 0, 1, 1, 2, 2, 2, 3, 3])  # 4 names
    >>> held = validation_split(10, groups, 0.25, np.random.RandomState(0))
    >>> np.unique(groups[held]).size  # ceil(0.25 * 4) whole names
    1
    """
    check_hold_out(n_rows, groups, fraction, strata, label_names)
    _, held_out = hold_out(n_rows, groups, fraction, random_state, strata)
    is_validation = np.zeros(n_rows, dtype=bool)
    is_validation[held_out] = True
    return is_validation


def unit_labels(groups, strata):
    """The label of each unit (of each name, or of each row): its first row's.

    A name's windows share its label; a unit of the copies of a name written
    under two labels (:func:`same_name_groups`) takes its first row's.

    Parameters
    ----------
    groups : ndarray of shape (n_rows,) or None
        The unit of each row; None when each row is a unit.
    strata : array-like of shape (n_rows,)
        The label of each row.

    Returns
    -------
    labels : ndarray of shape (n_units,)
        In the order of ``np.unique(groups)``.

    Examples
    --------
    >>> unit_labels(np.array([4, 4, 1]), ["m", "f", "f"]).tolist()
    ['f', 'm']
    """
    strata = np.asarray(strata)
    if groups is None:
        return strata
    _, first = np.unique(groups, return_index=True)
    return strata[first]


def _train_on_largest_ids(contexts, train, held_out):
    """Move to ``train`` the ``held_out`` rows with an id above all of ``train``'s.

    A model fitted on an array knows the context ids up to the largest it saw:
    the members fitted on the training rows must know every held-out id.
    """
    beyond = (contexts[held_out] > contexts[train].max()).any(axis=1)
    return np.r_[train, held_out[beyond]], held_out[~beyond]


def held_out_split(X, y, data, weights, *, fraction, random_state, fold):
    """(X, y, sample_weight) of the members' training part and of the
    held-out part; names (rows) of weight 0 are in neither.

    ``data`` is the mixture's checked training data, ``weights`` its
    ``sample_weight`` (one per name or row, or None), ``fraction`` and
    ``random_state`` its ``validation_fraction`` and ``random_state``, and
    ``fold`` the case fold of its symbols (``case_fold``), for which a
    repeated name is one unit.
    """
    contexts, groups, rows = data.contexts, data.groups, None
    # A repeated name is one unit, in any case (as novel=True compares them).
    units = same_name_groups(data.targets, groups, fold=fold)
    if weights is not None:  # split as if the names of weight 0 were not there
        kept = weights[groups] > 0 if groups is not None else weights > 0
        rows = np.flatnonzero(kept)
        contexts = contexts[rows]
        groups = None if groups is None else groups[rows]
        units = None if units is None else units[rows]
    n_units, kind = _hold_out_units(len(contexts), units)
    _check_not_too_small(
        n_units,
        kind,
        fraction,
        "give weights explicitly (weights=[...], one per member)",
        part="held-out part",
        detail=("" if weights is None else " of weight above 0")
        + (f" (n_samples={len(data.targets)})" if kind == "rows" else ""),
    )
    seed = hold_out_seed(random_state)  # draws as the MLP's hold-out
    train, held_out = hold_out(len(contexts), units, fraction, seed)
    if groups is not None:
        in_train = np.zeros(X.n_names, dtype=bool)
        in_train[groups[train]] = True
        held = ~in_train if weights is None else ~in_train & (weights > 0)
        return (X.subset(in_train), None, weights), (X.subset(held), None, weights)
    if rows is not None:
        train, held_out = rows[train], rows[held_out]
    train, held_out = _train_on_largest_ids(data.contexts, train, held_out)
    if not len(held_out):
        raise ValueError(
            "The held-out part is empty: each of its rows has a context id "
            "larger than every training row's, which members fitted on the "
            "training rows would not know. Use more data, another random_state, "
            "or give weights explicitly."
        )
    part = (lambda rows: None) if weights is None else weights.__getitem__
    return (
        (data.contexts[train], y[train], part(train)),
        (data.contexts[held_out], y[held_out], part(held_out)),
    )
