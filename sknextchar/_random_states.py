"""What a ``random_state`` may be, one rule for every entry point.

scikit-learn's convention: None (NumPy's global generator, so that
``np.random.seed`` makes a run repeatable), an int seed in
``[0, 2**32 - 1]`` (NumPy integers included) or a
:class:`numpy.random.RandomState`, which is drawn from as it is. A bool is no
seed: ``random_state=True`` is refused, not read as the seed 1.

The estimators declare :data:`RANDOM_STATE` among their parameter constraints
(checked when ``fit`` starts, before any draw). Like scikit-learn's, whose
splitters and ``check_random_state`` take no :class:`numpy.random.Generator`,
it refuses one. The ``random_state`` of :meth:`NameSampler.sample
<sknextchar.NameSampler.sample>` takes the same values and a Generator too
(:func:`check_random_generator`): its draws are a Generator's, and an int seed
starts one, not a legacy ``RandomState`` (the same seed must keep giving the
same names). A fit checks what may refuse it before it draws; one that draws
before steps that may still refuse it gives a RandomState the draw back when
they do (:func:`given_back_if_failed`).

Before bools were refused, a fit read ``random_state=True`` as the seed 1: a
model saved with a bool loads with that seed (:func:`seed_of_saved_state`, one
warning per file, :func:`collect_bool_seeds` and :func:`warn_bool_seeds`),
which the warning does not say it was fitted with (``set_params`` may have
given the bool after the fit, and the file keeps no record of the seed), and
:func:`bool_seed_of` finds one that ``set_params`` gave after the fit.
"""

import contextlib
import copy
import functools
import warnings
from contextvars import ContextVar
from numbers import Integral

import numpy as np
from sklearn.utils import check_random_state

from ._compat import Interval, InvalidParameterError
from ._limits import MAX_SEED
from ._shown_paths import shown_path

__all__ = [
    "MAX_SEED",
    "RANDOM_STATE",
    "bool_seed_of",
    "check_random_generator",
    "collect_bool_seeds",
    "given_back_if_failed",
    "given_back_if_fit_fails",
    "refuse_generator",
    "seed_of_saved_state",
    "warn_bool_seeds",
]

# The int seeds, bools refused (the package's Interval).
_SEEDS = Interval(Integral, 0, MAX_SEED, closed="both")

#: The parameter constraint of an estimator's ``random_state``, in place of
#: scikit-learn's ``"random_state"``, which takes ``True`` as the seed 1.
RANDOM_STATE = [_SEEDS, np.random.RandomState, None]

# What to pass instead of a numpy Generator (which no estimator takes).
_FOR_A_GENERATOR = (
    "pass an int seed drawn from it, random_state=int(rng.integers(2**32)), or a "
    "numpy.random.RandomState"
)

# While a model file is loaded (collect_bool_seeds), the estimators saved with
# a bool random_state record it here instead of warning one by one.
_BOOL_SEEDS = ContextVar("sknextchar_bool_seeds", default=None)


def check_random_generator(random_state):
    """The source of random numbers a ``random_state`` argument stands for.

    Parameters
    ----------
    random_state : None, int, numpy.random.Generator or numpy.random.RandomState
        ``None`` for NumPy's global generator (as the estimators' ``fit``
        and scikit-learn's ``check_random_state`` read it), an int seed in
        ``[0, 2**32 - 1]`` (the estimators' seeds, :data:`RANDOM_STATE`), or
        a generator to draw from (used as is, so its state advances).

    Returns
    -------
    generator : numpy.random.Generator or numpy.random.RandomState
        Both have ``random(size)``. An int seeds a new ``Generator``
        (``numpy.random.default_rng``); None gives NumPy's global
        ``RandomState``.

    Raises
    ------
    TypeError
        If ``random_state`` is of another type (a bool, a float, a string).
    ValueError
        If ``random_state`` is an int outside ``[0, 2**32 - 1]``.

    Examples
    --------
    >>> rng = check_random_generator(0)
    >>> float(rng.random()) == float(check_random_generator(0).random())
    True
    >>> check_random_generator(rng) is rng
    True
    >>> check_random_generator(None) is check_random_state(None)  # NumPy's global
    True
    >>> check_random_generator(True)
    Traceback (most recent call last):
    ...
    TypeError: random_state must be None, an int in [0, 4294967295], a numpy ...
    """
    generators = (np.random.RandomState, np.random.Generator)
    if isinstance(random_state, generators):
        return random_state
    if random_state is None:  # np.random.seed(...) makes the draws repeatable
        return check_random_state(None)
    if _SEEDS.is_satisfied_by(random_state):
        return np.random.default_rng(random_state)
    integer = isinstance(random_state, Integral) and not isinstance(random_state, bool)
    advice = (
        " Pass a seed in that range, e.g. random_state % 2**32 (which gives other "
        "names than that seed did before it was refused)."
    ) * integer
    raise (ValueError if integer else TypeError)(
        f"random_state must be None, an int in [0, {MAX_SEED}], a numpy Generator "
        f"or RandomState; got {random_state!r}.{advice}"
    )


def refuse_generator(estimator):
    """Refuse an estimator's numpy Generator ``random_state``, saying what to pass.

    scikit-learn's check of :data:`RANDOM_STATE` refuses it too, without advice:
    the estimators call this first, when ``fit`` starts.

    Parameters
    ----------
    estimator : estimator
        An estimator with a ``random_state`` parameter.

    Raises
    ------
    InvalidParameterError
        If its ``random_state`` is a :class:`numpy.random.Generator`.

    Examples
    --------
    >>> from sknextchar import CharEmbeddingMLPClassifier
    >>> refuse_generator(CharEmbeddingMLPClassifier(random_state=0))
    >>> refuse_generator(
    ...     CharEmbeddingMLPClassifier(random_state=np.random.default_rng(0)))
    Traceback (most recent call last):
    ...
    sklearn.utils._param_validation.InvalidParameterError: The 'random_state' ...
    """
    value = estimator.get_params(deep=False)["random_state"]
    if isinstance(value, np.random.Generator):
        raise InvalidParameterError(
            f"The 'random_state' parameter of {type(estimator).__name__} must be an "
            f"int in [0, {MAX_SEED}], a RandomState or None, not a numpy Generator "
            f"(as in scikit-learn): {_FOR_A_GENERATOR}."
        )


def seed_of_saved_state(state, kind):
    """A saved bool ``random_state`` read as the seed it fitted with (True: 1).

    For ``__setstate__`` (pickle, joblib, skops): ``state`` is changed in place.
    Inside :func:`collect_bool_seeds` the bool is recorded for one warning per
    file; elsewhere (``pickle.loads``) it warns here.

    Parameters
    ----------
    state : dict
        The estimator's saved ``__dict__``.
    kind : str
        Its class name, for the warning.

    Examples
    --------
    >>> state = {"random_state": True}
    >>> with collect_bool_seeds() as seeds:
    ...     seed_of_saved_state(state, "MixtureClassifier")
    >>> state, seeds
    ({'random_state': 1}, [('MixtureClassifier', True)])
    """
    value = state.get("random_state")
    if not isinstance(value, (bool, np.bool_)):
        return
    state["random_state"] = int(value)
    notes = _BOOL_SEEDS.get()
    if notes is not None:
        notes.append((kind, bool(value)))
    else:
        warnings.warn(_bool_seeds_message(f"This {kind} was", [bool(value)]),
                      UserWarning, stacklevel=3)  # fmt: skip


@contextlib.contextmanager
def collect_bool_seeds():
    """Gather the bool seeds of the estimators restored inside the block.

    Yields
    ------
    notes : list of (str, bool)
        The class name and saved ``random_state`` of each estimator saved with
        a bool (what :func:`warn_bool_seeds` tells).

    Examples
    --------
    >>> with collect_bool_seeds() as seeds:
    ...     pass
    >>> seeds
    []
    """
    notes = []
    token = _BOOL_SEEDS.set(notes)
    try:
        yield notes
    finally:
        _BOOL_SEEDS.reset(token)


def warn_bool_seeds(path, notes):
    """One warning for a model file whose estimators were saved with a bool seed.

    Parameters
    ----------
    path : str or os.PathLike
        The file, for the message.
    notes : list of (str, bool)
        What :func:`collect_bool_seeds` gathered; empty: nothing is said.

    Warns
    -----
    UserWarning
        Pointing at the caller of the caller (``load_model``'s).

    Examples
    --------
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_bool_seeds("m.skops", [("MixtureClassifier", True)])
    >>> print(caught[0].message)  # doctest: +NORMALIZE_WHITESPACE
    'm.skops' holds a MixtureClassifier saved with the seed True, a bool, which
    is now refused: it is loaded with the seed 1, as a fit read True before.
    Save it again to keep that.
    """
    if notes:
        kinds = " and a ".join(dict.fromkeys(kind for kind, _ in notes))
        values = [value for _, value in notes]
        message = _bool_seeds_message(f"{shown_path(path)} holds a {kinds}", values)
        warnings.warn(message, UserWarning, stacklevel=3)


def _bool_seeds_message(subject, values):
    values = sorted(set(values))
    given = " and ".join(str(value) for value in values)
    seeds = " and ".join(str(int(value)) for value in values)
    # Not "which fitted as the seed 1": a file holds no record of the seed its
    # model was fitted with, and True may have been set after the fit (saved by
    # pickle or joblib, which save_model's check does not see).
    return (  # no "random_state": the command line would spell it --seed
        f"{subject} saved with the seed {given}, a bool, which is now refused: it "
        f"is loaded with the seed {seeds}, as a fit read {given} before. Save it "
        "again to keep that."
    )


def bool_seed_of(estimators):
    """The first of the package's estimators whose ``random_state`` is a bool.

    Only those that declare :data:`RANDOM_STATE`: scikit-learn's own take a
    bool as a seed.

    Parameters
    ----------
    estimators : iterable of estimator

    Returns
    -------
    estimator : estimator or None

    Examples
    --------
    >>> from sklearn.linear_model import LogisticRegression
    >>> from sknextchar import CharEmbeddingMLPClassifier
    >>> bool_seed_of([LogisticRegression(random_state=True)]) is None
    True
    >>> bool_seed_of([CharEmbeddingMLPClassifier(random_state=True)]) is not None
    True
    >>> bool_seed_of([CharEmbeddingMLPClassifier(random_state=1)]) is None
    True
    """
    for estimator in estimators:
        constraints = getattr(type(estimator), "_parameter_constraints", {})
        if constraints.get("random_state") is not RANDOM_STATE:
            continue
        value = estimator.get_params(deep=False)["random_state"]
        if isinstance(value, (bool, np.bool_)):
            return estimator
    return None


@contextlib.contextmanager
def given_back_if_failed(random_state, draw):
    """A block that draws ``draw(random_state)`` first gives it back if it fails.

    Around a fit that draws from ``random_state`` first (``draw``, say its
    hold-out seed) and then runs steps that may refuse it (the members of a
    mixture, fitted on the part it held out): a failure puts a
    :class:`~numpy.random.RandomState` given back as it was when the block
    began, if the block's one ``draw`` is all it drew since. A step that drew
    more (a network that diverged after its initial weights), a draw by
    another thread or a failure before the draw leave it as it is, every
    number drawn kept. A RandomState shared between threads is the caller's
    concern: a number another thread draws from it between the comparison
    and the give-back would be drawn again. An int or None: nothing is given
    back. None stands for NumPy's global generator, which every thread and
    library draws from, and a draw cannot be taken from it safely: a fit
    checks what may refuse it before it draws from that one
    (:mod:`sknextchar._fit_checks`).

    Parameters
    ----------
    random_state : None, int or numpy.random.RandomState
        The fit's ``random_state``.
    draw : callable
        ``draw(random_state)``, the block's first draw, made on a copy here
        to know the state it leaves.

    Examples
    --------
    >>> rng = np.random.RandomState(0)
    >>> try:
    ...     with given_back_if_failed(rng, lambda r: r.randint(10)):
    ...         seed = rng.randint(10)
    ...         raise ValueError("a member refused")
    ... except ValueError:
    ...     pass
    >>> int(rng.randint(10)) == seed  # the draw was given back
    True
    """
    if not isinstance(random_state, np.random.RandomState):
        yield
        return
    before = random_state.get_state(legacy=False)
    twin = copy.deepcopy(random_state)
    twin.set_state(before)  # as it was, whatever drew since the copy
    draw(twin)
    try:
        yield
    except BaseException:
        if _same_state(random_state.get_state(legacy=False), twin.get_state(False)):
            random_state.set_state(before)
        raise


def given_back_if_fit_fails(draw):
    """Decorate a ``fit`` whose first draw from ``self.random_state`` is
    ``draw``: :func:`given_back_if_failed` around the whole call.

    Above scikit-learn's ``_fit_context``, so that a fit stopped as it ends
    (a callback raising in ``on_fit_task_end``, or in ``teardown``, which
    runs after the fit's body) gives the draw back too.

    Parameters
    ----------
    draw : callable
        ``draw(random_state)``, as for :func:`given_back_if_failed`.

    Returns
    -------
    decorator : callable

    Examples
    --------
    >>> class Fit:
    ...     random_state = np.random.RandomState(0)
    ...     @given_back_if_fit_fails(lambda r: r.randint(10))
    ...     def fit(self):
    ...         self.seed = self.random_state.randint(10)
    ...         raise KeyboardInterrupt
    >>> model = Fit()
    >>> try:
    ...     model.fit()
    ... except KeyboardInterrupt:
    ...     pass
    >>> int(model.random_state.randint(10)) == model.seed
    True
    """

    def decorate(fit):
        @functools.wraps(fit)
        def fit_giving_back(self, *args, **kwargs):
            with given_back_if_failed(self.random_state, draw):
                return fit(self, *args, **kwargs)

        return fit_giving_back

    return decorate


def _same_state(one, other):
    """Whether two ``get_state(legacy=False)`` values (nested dicts of
    arrays and numbers) are equal."""
    if isinstance(one, dict):
        return (
            isinstance(other, dict)
            and one.keys() == other.keys()
            and all(_same_state(one[key], other[key]) for key in one)
        )
    return np.array_equal(one, other)
