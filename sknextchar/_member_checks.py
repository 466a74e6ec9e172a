"""Checks that a loaded composite model and the models it holds agree.

A :class:`~sknextchar.MixtureClassifier` reads each member's columns of
probabilities as its own ``classes_`` and passes it contexts of its own
``n_features_in_`` characters; a :class:`~sknextchar.PerLabelClassifier` passes
each label's model the same contexts and reports the models' symbols. A model
file whose member was edited by hand (its ``classes_`` reordered, its
``n_features_in_`` changed) would load, and then fail at first use (asking
for windows the rest of the model was not fitted on, or deep inside NumPy),
score one symbol as another, or name a member's predictions by other symbols.
:func:`mixture_problem` and :func:`per_label_models_problem` say what
disagrees, for :func:`~sknextchar._state_checks.fitted_state_problem`, which has
checked each member on its own first (the innermost estimator at fault is named
first).

The estimators are known by their attributes only: this module imports none of
them.
"""

import numpy as np

from ._attribute_checks import float_vector, is_int

__all__ = ["member_columns", "mixture_problem", "per_label_models_problem"]


def member_columns(classes, member_classes):
    """The columns of the mixture's ``classes`` a member's columns go to.

    A member that predicts as many classes as the mixture is read as it is
    (its columns in the mixture's order); one that predicts fewer, each where
    a binary search of the mixture's classes finds it.

    Parameters
    ----------
    classes : ndarray of shape (n_classes,)
        The mixture's ``classes_``.
    member_classes : ndarray of shape (n_member_classes,)
        The member's ``classes_``, at most ``n_classes`` of them.

    Returns
    -------
    columns : slice or ndarray of int
        ``slice(None)`` (all, as they are), or one column per member class.

    Examples
    --------
    >>> import numpy as np
    >>> member_columns(np.array(["-", "a", "b"]), np.array(["-", "b"])).tolist()
    [0, 2]
    """
    if len(member_classes) == len(classes):
        return slice(None)
    return np.searchsorted(classes, member_classes)


def _columns_agree(classes, member_classes):
    """Whether the mixture reads ``member_classes`` as those symbols (the
    columns :func:`member_columns` gives hold them)."""
    if len(member_classes) > len(classes):
        return False
    if not np.isin(member_classes, classes).all():
        return False
    at = member_columns(classes, member_classes)
    if not isinstance(at, slice):  # past the end where the classes are unsorted
        at = np.minimum(at, len(classes) - 1)
    return bool(np.array_equal(classes[at], member_classes))


def _context_problem(holder, member, where, whose):
    """A member fitted on contexts of another length than its holder's, or None."""
    # Another package's member may lack it.
    n_features = getattr(member, "__dict__", {}).get("n_features_in_")
    if n_features is None:
        return None
    if not is_int(n_features, 1):  # not compared: an array has no single truth
        return f"its {where}'s n_features_in_ is not an int >= 1"
    if n_features == holder.n_features_in_:
        return None
    return (
        f"its {where} has n_features_in_={n_features!r}, not {whose} "
        f"n_features_in_={holder.n_features_in_}: they were not fitted on contexts "
        "of the same length"
    )


def _classes_problem(classes, member_classes, where):
    """A member whose columns the mixture would not read as its symbols, or None."""
    if not isinstance(member_classes, np.ndarray) or member_classes.ndim != 1:
        return f"its {where}'s classes_ is not a 1-d array of the mixture's classes_"
    if _columns_agree(classes, member_classes):
        return None
    if (
        len(member_classes) == len(classes) and np.isin(classes, member_classes).all()
    ):  # all of them, read by position: the member names its own predictions wrong
        return (
            f"its {where}'s classes_ are the mixture's classes_ in another order: "
            "the member names its predictions by other symbols than the mixture's"
        )
    return (
        f"its {where}'s classes_ are not the mixture's classes_ (all of them in "
        "the same order, or some of them): the mixture would read one symbol's "
        "probability as another's"
    )


def mixture_problem(mixture):
    """What makes a fitted MixtureClassifier disagree with its members, or None.

    ``estimators_`` must be a list of members with one weight ``>= 0`` each in
    ``weights_`` (not all 0); every member must predict the mixture's
    ``classes_`` (all of them in its order, or some of them, each where a
    binary search of the mixture's finds it) from contexts of its
    ``n_features_in_`` characters.

    Parameters
    ----------
    mixture : MixtureClassifier
        Fitted, with its own ``classes_`` and ``n_features_in_`` checked.

    Returns
    -------
    problem : str or None

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar import KneserNeyClassifier, MixtureClassifier
    >>> X, y = np.array([[0], [1], [1]]), ["a", "b", "b"]
    >>> members = [("counts", KneserNeyClassifier(add_k=1)),
    ...            ("kn", KneserNeyClassifier())]
    >>> mixture = MixtureClassifier(members, weights=[0.5, 0.5]).fit(X, y)
    >>> mixture_problem(mixture) is None
    True
    >>> mixture.estimators_[1].classes_ = np.array(["b", "a"])
    >>> mixture_problem(mixture)
    "its estimators_[1]'s classes_ are the mixture's classes_ in another order: ..."
    """
    members, weights = mixture.estimators_, mixture.weights_
    if not isinstance(members, list) or not members:
        return "its estimators_ is not a list of fitted members"
    if not (
        float_vector(weights)
        and len(weights) == len(members)
        and (weights >= 0).all()
        and (weights > 0).any()
    ):
        return (
            "its weights_ are not one number >= 0 per member of estimators_, not all 0"
        )
    for i, member in enumerate(members):
        where = f"estimators_[{i}]"
        problem = _classes_problem(
            mixture.classes_, getattr(member, "classes_", None), where
        ) or _context_problem(mixture, member, where, "the mixture's")
        if problem:
            return problem
    return None


def per_label_models_problem(model):
    """What makes a fitted PerLabelClassifier disagree with its models, or None.

    Its ``classes_`` must be its models' (which the class checks agree with
    each other as it is unpickled), and every model must have been fitted on
    contexts of its ``n_features_in_`` characters.

    Parameters
    ----------
    model : PerLabelClassifier
        Fitted, with its own ``classes_`` and ``n_features_in_`` checked.

    Returns
    -------
    problem : str or None

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar import KneserNeyClassifier, PerLabelClassifier
    >>> X, y = np.array([[0, 1], [1, 0]]), ["a", "b"]
    >>> model = PerLabelClassifier(KneserNeyClassifier()).fit(X, y)
    >>> per_label_models_problem(model) is None
    True
    >>> model.estimators_[0].n_features_in_ = 3
    >>> per_label_models_problem(model)
    "its estimators_[0] has n_features_in_=3, not the PerLabelClassifier's ..."
    """
    models = model.estimators_ if isinstance(model.estimators_, list) else [None]
    if not np.array_equal(getattr(models[0], "classes_", None), model.classes_):
        return "its classes_ are not those of its models (estimators_)"
    for i, fitted in enumerate(models):
        problem = _context_problem(
            model, fitted, f"estimators_[{i}]", "the PerLabelClassifier's"
        )
        if problem:
            return problem
    return None
