"""The fields of a Checkpoint's path that a composite model fills in, so that
each of its models writes files of its own: ``{label}`` (one model per label,
:class:`~sknextchar.PerLabelClassifier`) and ``{member}`` (the members of a
:class:`~sknextchar.MixtureClassifier`); and the checks, before any training,
that one model's checkpoints would not replace another's, or be lost in
another process."""

import copy
import errno
import warnings
from contextlib import contextmanager
from types import SimpleNamespace
from urllib.parse import quote

from sklearn.base import clone
from sklearn.frozen import FrozenEstimator

from ._members import (
    epoch_writers,
    estimator_parts,
    fills_member_names,
    is_drop,
    is_pair_list,
    saves_nothing_message,
)
from ._meta_callbacks import PASSED_ON_BY, first_telling
from ._shown_paths import shown_path
from ._stacklevel import user_stacklevel
from .callbacks import Checkpoint

__all__ = [
    "LABEL_FIELD",
    "MEMBER_FIELD",
    "check_label_checkpoints",
    "check_member_checkpoints",
    "check_unfilled_labels",
    "checkpoints_in",
    "filled_for",
    "without_idle_checkpoints",
]

LABEL_FIELD = "{label}"
MEMBER_FIELD = "{member}"
# Where the Checkpoints a PerLabelClassifier passes to every label's model are.
_PASSED = f"set on it, or on {PASSED_ON_BY}"
_WHERE = "PerLabelClassifier's estimator"


def checkpoints_in(estimator):
    """The Checkpoints set on ``estimator`` or on an estimator in it."""
    return [
        callback
        for part in estimator_parts(estimator)
        for callback in getattr(part, "_skl_callbacks", None) or ()
        if isinstance(callback, Checkpoint)
    ]


def shown(checkpoint):
    """How a message names a Checkpoint: ``Checkpoint('path')``."""
    return f"Checkpoint({shown_path(checkpoint.path)})"


def _fill_checkpoints(estimator, field, value):
    """Give the Checkpoints of ``estimator`` and of the estimators in it a path
    with ``field`` replaced by ``value`` (percent-encoded, dots too: a file
    name, never a folder or ``..``); each copy lists the files it writes in
    the ``paths`` of the Checkpoint it copies, where the user looks.

    Returns
    -------
    undo : callable
        Puts the Checkpoints back, as they were.
    """
    text = _path_text(value)
    changed = []
    for part in estimator_parts(estimator):
        callbacks = getattr(part, "_skl_callbacks", None) or []
        if any(isinstance(callback, Checkpoint) for callback in callbacks):
            changed.append((part, callbacks))
            part.set_callbacks(*(_filled(c, field, text) for c in callbacks))

    def undo():
        for part, callbacks in reversed(changed):  # a FrozenEstimator's: its model's
            part.set_callbacks(*callbacks)

    return undo


def _path_text(value):
    return quote(str(value), safe="").replace(".", "%2E")  # never "..", a folder


def _filled(checkpoint, field, text):
    """A copy of ``checkpoint`` with all its settings (its class too), writing
    to its path with ``field`` replaced by ``text``; it lists the files it
    writes in the ``paths`` of ``checkpoint``, where the user looks."""
    if not isinstance(checkpoint, Checkpoint) or field not in str(checkpoint.path):
        return checkpoint
    filled = copy.copy(checkpoint)  # shares paths, the list of the files written
    filled.path = str(checkpoint.path).replace(field, text)
    return filled


@contextmanager
def filled_for(estimator, field, value):
    """:func:`_fill_checkpoints` for the duration of the block (a fit)."""
    undo = _fill_checkpoints(estimator, field, value)
    try:
        yield estimator
    finally:
        undo()


def _check_apart(checkpoints, field, *, where, models, n_models, n_jobs):
    """Refuse Checkpoints whose files one model would write over another's
    (``field`` missing from the path of a Checkpoint that ``n_models`` models
    share), or that would save nothing (the models fitted in other processes,
    which callbacks do not reach).

    Parameters
    ----------
    checkpoints : list of Checkpoint
        The Checkpoints that reach each model.
    field : str
        ``LABEL_FIELD`` or ``MEMBER_FIELD``.
    where : str
        Where the Checkpoints are, for the message ("PerLabelClassifier's
        estimator").
    models : str
        The models, for the message ("the models of all 3 labels").
    n_models : int
        How many models would write checkpoints.
    n_jobs : int
        How many processes fit them.
    """
    unit = field.strip("{}")
    for checkpoint in checkpoints:
        if n_jobs > 1:
            raise ValueError(
                f"The {shown(checkpoint)} of {where} would save nothing: with "
                f"n_jobs={n_jobs}, {models} would be fitted in other processes, which "
                "callbacks do not reach. Set n_jobs=1 to save checkpoints, or "
                "remove the Checkpoint (set_callbacks())."
            )
        if n_models > 1 and field not in str(checkpoint.path):
            raise ValueError(
                f"The {shown(checkpoint)} of {where} would save {models} to the "
                f"same files, each {unit}'s replacing the last one's. Put {field} "
                f"in its path (e.g. 'model-{field}-{{epoch}}.skops'): each "
                f"{unit}'s model then has files of its own."
            )


def check_member_checkpoints(mixture, members, n_jobs, context):
    """Before any member of ``mixture`` is fitted, refuse the Checkpoints that
    would lose files: one set on a member (scikit-learn refuses it when the
    member is fitted, after the members before it), one without ``{member}``
    that two members or more would write, or any with members fitted in other
    processes; then check each member's files, as a Checkpoint checks its own
    when ``fit`` starts.

    Parameters
    ----------
    mixture : MixtureClassifier
        The mixture, with the Checkpoints set on it or propagated to it.
    members : list of (str, estimator)
        The members it fits (no ``"drop"``).
    n_jobs : int
        How many processes fit them.
    context : sklearn.callback.CallbackContext
        The task of the mixture's fit.
    """
    _refuse_member_checkpoints(members)
    checkpoints = [
        callback
        for callback in getattr(mixture, "_skl_callbacks", None) or ()
        if isinstance(callback, Checkpoint)
    ]
    check_unfilled_labels(checkpoints, "MixtureClassifier")
    writers = epoch_writers(members)
    if not checkpoints or not writers:
        return  # no member trains by epochs: no checkpoint is written
    names = [repr(name) for name, _ in writers]
    _check_apart(
        checkpoints,
        MEMBER_FIELD,
        where="MixtureClassifier",
        models=f"the members {', '.join(names[:-1])} and {names[-1]}"
        if len(names) > 1
        else f"the member {names[0]}",
        n_models=len(writers),
        n_jobs=n_jobs,
    )
    _check_filled_files(checkpoints, MEMBER_FIELD, writers, context)


def _refuse_member_checkpoints(members):
    """Refuse a Checkpoint set on one of ``members`` (a mixture's (name,
    estimator) pairs) or on a model in it."""
    for name, member in members:
        for checkpoint in checkpoints_in(member):
            raise ValueError(
                f"The member {name!r} of MixtureClassifier has a "
                f"{shown(checkpoint)} of its own (set on it or on a model in it), "
                "which scikit-learn refuses in a part of a meta-estimator. Remove "
                "it from the member (set_callbacks()) and set it on the mixture "
                "(fitted alone), or on the pipeline around it (the mixture a step "
                f"of it), with {MEMBER_FIELD} in its path (e.g. "
                f"'model-{MEMBER_FIELD}-{{epoch}}.skops'): each member's name "
                f"replaces {MEMBER_FIELD}."
            )


def check_label_checkpoints(estimator, classes, n_jobs, passed):
    """Before any label's model is fitted, refuse the Checkpoints that would
    lose files (see :func:`_check_apart`), and check the files of every label's
    model; none when no label's model trains by epochs: no file is written,
    as a Checkpoint passed on warns, and :func:`without_idle_checkpoints` of
    those set on ``estimator``. A Checkpoint set on a member of a mixture in
    ``estimator`` is refused first, as by the mixture fitted alone, and here
    in this process (with ``n_jobs`` above 1 the labels' models, fitted in
    others, get no callbacks, so the mixture would not see it).

    Parameters
    ----------
    estimator : estimator
        The ``estimator`` of the PerLabelClassifier, with its own Checkpoints.
    classes : ndarray
        The labels.
    n_jobs : int
        How many processes fit the labels' models.
    passed : list of Checkpoint
        The Checkpoints set on the PerLabelClassifier, or passed on to it by
        the estimator around it, which reach every label's model.
    """
    taken = _taken_parts(estimator)
    for part in taken:  # a frozen member: refused as such (never fitted) in fit
        _refuse_member_checkpoints(
            [(n, m) for n, m in _members_in(part) if not isinstance(m, FrozenEstimator)]
        )
    if not epoch_writers([(None, estimator)]):
        return  # nothing is written: without_idle_checkpoints says so, once
    for checkpoints, where in (
        ([c for part in taken for c in _own_checkpoints(part)], _WHERE),
        (list(passed), f"PerLabelClassifier ({_PASSED})"),
    ):
        _check_apart(
            checkpoints,
            LABEL_FIELD,
            where=where,
            models=f"the models of all {len(classes):,} labels",
            n_models=len(classes),
            n_jobs=n_jobs,
        )
    _check_filled_files(list(passed), LABEL_FIELD, [(c, estimator) for c in classes])
    for part in taken:  # each Checkpoint where it is set
        own = _own_checkpoints(part)
        _check_filled_files(own, LABEL_FIELD, [(label, part) for label in classes])


def _own_checkpoints(part):
    """The Checkpoints set on ``part`` itself (not read through a
    FrozenEstimator to the model in it)."""
    own = getattr(part, "__dict__", {}).get("_skl_callbacks") or ()
    return [each for each in own if isinstance(each, Checkpoint)]


def _taken_parts(estimator):
    """``estimator`` and the estimators in it whose own Checkpoints a
    PerLabelClassifier takes: not those in a member of a mixture (which
    refuses them, as fitted alone: :func:`check_member_checkpoints`), nor
    those in a FrozenEstimator (never fitted)."""
    parts = estimator_parts(estimator)
    inside = []
    for part in parts:
        if isinstance(part, FrozenEstimator):
            inside.append(part.estimator)
        else:
            inside.extend(member for _, member in _members_in(part))
    left_out = {id(each) for member in inside for each in estimator_parts(member)}
    return [part for part in parts if id(part) not in left_out]


def _members_in(part):
    """The (name, estimator) members of ``part`` if it is a mixture, ``"drop"``
    left out; none for any other estimator."""
    if fills_member_names(part) and is_pair_list(part.estimators):
        return [(name, each) for name, each in part.estimators if not is_drop(each)]
    return []


def without_idle_checkpoints(estimator):
    """``estimator``, or a clone of it without the Checkpoints it takes (see
    :func:`_taken_parts`) when no model in it trains by epochs: they would
    save nothing, which is said here, once (once in all the fits of a
    meta-estimator's ``fit``: :func:`~sknextchar._meta_callbacks.first_telling`);
    each label's model would say it
    again (with ``n_jobs`` above 1, in processes whose warnings are lost), or
    refuse a path with ``{label}`` where nothing fills it in.

    The user's estimator is left as it is: a part that the clone shares with
    it (one that clones as itself) keeps its Checkpoints.
    """
    if epoch_writers([(None, estimator)]) or not checkpoints_in(estimator):
        return estimator
    quiet = clone(estimator)
    theirs = {id(part) for part in estimator_parts(estimator)}
    for part in _taken_parts(quiet):
        own = _own_checkpoints(part)
        if not own or id(part) in theirs:
            continue
        for checkpoint in own:
            message = saves_nothing_message(str(checkpoint.path), type(part).__name__)
            if first_telling(message):  # once per fit of a meta-estimator too
                warnings.warn(message, UserWarning, stacklevel=user_stacklevel())
        kept = [c for c in part._skl_callbacks if not isinstance(c, Checkpoint)]
        part.set_callbacks(*kept)
    return quiet


def check_unfilled_labels(checkpoints, model):
    """Refuse, before any training, the Checkpoints whose path holds
    ``{label}`` where ``model`` (``"PerLabelClassifier"``, fitted without
    labels, or ``"MixtureClassifier"``, which takes none) leaves it there."""
    for checkpoint in (each for each in checkpoints if LABEL_FIELD in str(each.path)):
        if model == "PerLabelClassifier":
            why = "it is fitted without labels here (no y)"
            advice = "Fit it with the labels (e.g. fit(names, labels))"
        else:
            why = "the mixture fits its members without labels"
            advice = (
                "For one mixture per label, put the mixture in a PerLabelClassifier"
                " (PerLabelClassifier(MixtureClassifier(...)))"
            )
        raise ValueError(
            f"The {shown(checkpoint)} holds {LABEL_FIELD}, which a "
            f"PerLabelClassifier fills in with each label when fitted with labels; "
            f"but {why}, so its models' files would be named {LABEL_FIELD}. "
            f"{advice}, or remove {LABEL_FIELD} from the path."
        )


def _check_filled_files(checkpoints, field, models, context=None):
    """Check, before any of ``models`` is fitted, the files that each of
    ``checkpoints`` with ``field`` in its path writes for each model, as the
    Checkpoint checks its own when a fit starts (and, with ``{member}`` still
    in the path, those of each member of a mixture in the model).

    Parameters
    ----------
    checkpoints : list of Checkpoint
        The Checkpoints, set on each model (or propagated to it).
    field : str
        ``LABEL_FIELD`` or ``MEMBER_FIELD``.
    models : list of (value, estimator)
        Each model and the value that replaces ``field`` for it.
    context : sklearn.callback.CallbackContext or None, default=None
        The task the models are fitted in; None: each fits on its own.

    Raises
    ------
    ValueError
        If two models' paths differ only in case (one file where case is
        ignored, as on macOS and Windows), or a path is too long.
    OSError
        If a file cannot be written (see ``Checkpoint.setup``).
    """
    context = SimpleNamespace(max_subtasks=None) if context is None else context
    unit = field.strip("{}")
    for checkpoint in (each for each in checkpoints if field in str(each.path)):
        seen = {}
        for value, model in models:
            filled = _filled(checkpoint, field, _path_text(value))
            other = seen.setdefault(filled.path.casefold(), value)
            if other is not value:
                where = "in y" if field == LABEL_FIELD else "in estimators"
                raise ValueError(
                    f"The {unit}s {_short(other)} and {_short(value)} differ only "
                    f"in case, so the {shown(checkpoint)} would write their "
                    "models to one file where case is ignored (macOS, Windows), "
                    f"one replacing the other. Rename one of the {unit}s ({where}) "
                    "so that they differ in more than case."
                )
            try:
                _check_model_files(filled, clone(model), context)
            except OSError as error:
                if error.errno != errno.ENAMETOOLONG:
                    raise
                raise ValueError(
                    f"The {shown(checkpoint)}, with {field} replaced by the {unit} "
                    f"{_short(value)} (percent-encoded: "
                    f"{len(_path_text(value)):,} characters), gives a file name "
                    "too long for the file system. Shorten the path or the "
                    f"{unit}."
                ) from error


def _check_model_files(filled, model, context):
    """``filled.setup`` on ``model`` (a clone: cold), and on each member of a
    mixture in it for a path that holds ``{member}``."""
    filled.setup(model, context)
    if MEMBER_FIELD not in filled.path:
        return
    for part in estimator_parts(model):
        if fills_member_names(part) and is_pair_list(part.estimators):
            members = [(n, m) for n, m in part.estimators if not is_drop(m)]
            _check_filled_files([filled], MEMBER_FIELD, epoch_writers(members), context)


def _short(value):
    """``value`` as a message shows it (``'a'``, not ``np.str_('a')``)."""
    text = repr(value.item() if hasattr(value, "item") else value)
    return text if len(text) <= 60 else text[:57] + "..."
