"""The mixin shared by every sknextchar estimator."""

import warnings
from contextlib import contextmanager
from contextvars import ContextVar

from ._version import __version__
from .exceptions import ModelVersionWarning

# While a model file is loaded (collect_version_notes), the estimators restored
# from it record their saved version here instead of warning one by one.
_VERSION_NOTES = ContextVar("sknextchar_version_notes", default=None)

# The API reference page of each public estimator (docs/api.rst, autosummary).
DOC_LINK_TEMPLATE = (
    "https://sknextchar.readthedocs.io/en/latest/generated/"
    "{estimator_module}.{estimator_name}.html"
)


class PackageEstimatorMixin:
    """What every sknextchar estimator shares beyond scikit-learn's BaseEstimator.

    - The package version is recorded in the pickled / skops state; loading a model
      saved by another version gives a :class:`ModelVersionWarning` naming both
      versions, as scikit-learn does for its own estimators.
    - The HTML representation links to this package's API documentation.
    - ``set_params`` is all or nothing (:func:`set_all_or_nothing`), and refuses
      ``NAME__...`` parameters while ``NAME`` is None (:func:`check_nested_of_none`;
      a class whose None stands for a default lists it in ``_none_stands_for``).

    Place it before the scikit-learn mixins: ``class E(PackageEstimatorMixin,
    TransformerMixin, BaseEstimator)``.
    """

    _doc_link_module = "sknextchar"
    _doc_link_template = DOC_LINK_TEMPLATE

    def set_params(self, **params):
        """Set the parameters, as scikit-learn's ``set_params``; all or nothing.

        Parameters
        ----------
        **params : dict
            Parameter names (``<component>__<parameter>`` for a nested
            estimator's) mapped to their new values.

        Returns
        -------
        self : estimator
            The estimator. A wrong name changes nothing, not even the
            parameters given before it.

        Examples
        --------
        >>> from sknextchar import CharEmbeddingMLPClassifier
        >>> clf = CharEmbeddingMLPClassifier()
        >>> try:
        ...     clf.set_params(alpha=1.0, alfa=2.0)
        ... except ValueError:
        ...     pass
        >>> clf.alpha
        0.01
        """
        return set_all_or_nothing(self, super().set_params, params)

    def __getstate__(self):
        state = super().__getstate__()
        return dict(state, _sknextchar_version=__version__)

    def __setstate__(self, state):
        state = dict(state)
        saved = state.pop("_sknextchar_version", None)
        notes = _VERSION_NOTES.get()
        if saved is not None and saved != __version__ and notes is not None:
            notes.append((type(self).__name__, saved))
        elif saved is not None and saved != __version__:
            warnings.warn(
                f"This {type(self).__name__} was saved by sknextchar {saved} and is "
                f"loaded by sknextchar {__version__}; it may not work or may give "
                f"different results. Retrain it with sknextchar {__version__}, or "
                f"{install_version_advice(saved)} to use it.",
                ModelVersionWarning,
                stacklevel=2,
            )
        super().__setstate__(state)


def _parameter_state(estimator, deep):
    """Each estimator reachable through the parameters (``deep``: its
    ``get_params(deep=True)``), with its own parameters."""
    found = [estimator] + [
        value
        for value in deep.values()
        if hasattr(value, "get_params") and not isinstance(value, type)
    ]
    return [(each, each.get_params(deep=False)) for each in found]


def _check_parameter_names(estimator, params, deep):
    """Refuse a name ``estimator`` has no parameter for, before any is set.

    ``deep`` is its ``get_params(deep=True)``. The message is scikit-learn's,
    with the estimator as it was: raised in the middle of ``set_params``, it
    would show the parameters set before it.
    """
    known = {key.partition("__")[0] for key in deep}
    # Members of a list given in the same call (estimators=[("big", ...)]).
    known |= {
        pair[0]
        for value in params.values()
        if isinstance(value, list)
        for pair in value
        if isinstance(pair, tuple) and pair and isinstance(pair[0], str)
    }
    for key in params:
        name = key.partition("__")[0]
        if name not in known:
            own = sorted(estimator.get_params(deep=False))
            raise ValueError(
                f"Invalid parameter {name!r} for estimator {estimator}. "
                f"Valid parameters are: {own!r}."
            )


def set_all_or_nothing(estimator, set_params, params):
    """Call ``set_params(**params)``; if it fails, leave every parameter as it was.

    scikit-learn's ``set_params`` sets each parameter as it meets it, and its
    nested estimators' after the others, so a wrong name or a failing nested
    call leaves the parameters given before it set. This records the
    parameters of ``estimator`` and of every estimator nested in its
    parameters (references, no copies) and puts them back when the call fails.

    Parameters
    ----------
    estimator : estimator
        The estimator whose parameters are set.
    set_params : callable
        Sets them, such as scikit-learn's ``set_params`` of ``estimator``.
    params : dict
        The parameters to set.

    Returns
    -------
    result : object
        What ``set_params`` returns.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
    >>> pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    >>> wrong = {"contextwindowtransformer__context_length": 5,
    ...          "kneserneyclassifier__nope": 1}
    >>> try:
    ...     set_all_or_nothing(pipe, pipe.set_params, wrong)
    ... except ValueError:
    ...     pass
    >>> pipe[0].context_length  # scikit-learn's own set_params would have made it 5
    3
    """
    deep = estimator.get_params(deep=True)
    _check_parameter_names(estimator, params, deep)  # its message: it unchanged
    check_nested_of_none(estimator, params)  # after the names, as scikit-learn
    saved = _parameter_state(estimator, deep)
    try:
        return set_params(**params)
    except BaseException:
        for each, values in saved:
            for name, value in values.items():
                if getattr(each, name, None) is not value:
                    setattr(each, name, value)
        raise


def check_nested_of_none(estimator, params):
    """Refuse ``NAME__...`` parameters while the parameter ``NAME`` is None.

    There is nothing to set them on: scikit-learn's ``set_params`` would fail
    on None with an AttributeError that names no parameter. The message names
    the class, which tells whose ``NAME`` it is when the estimator is nested
    (a step of a pipeline or a search). A class whose None stands for a default
    that ``fit`` builds lists it in ``_none_stands_for`` (``NAME`` mapped to
    what the default is and the function that builds it): the message then
    shows how to pass the default with the parameter set, or says that the
    default has no such parameter.

    Parameters
    ----------
    estimator : estimator
        The estimator whose ``set_params`` is called.
    params : dict
        The parameters of ``set_params``.

    Examples
    --------
    >>> from sknextchar import PerLabelClassifier
    >>> check_nested_of_none(PerLabelClassifier(), {"n_jobs": 2})
    >>> check_nested_of_none(PerLabelClassifier(), {"estimator__add_k": 1})
    Traceback (most recent call last):
    ...
    ValueError: Cannot set estimator__add_k on PerLabelClassifier: estimator is ...
    """
    given = {**estimator.get_params(deep=False), **params}
    for key in sorted(params):
        name, _, inner = key.partition("__")  # name: a parameter, or a member
        if inner and name in given and given[name] is None:
            raise ValueError(_nested_of_none_message(estimator, key, name, inner))


def _nested_of_none_message(estimator, key, name, inner):
    """Why ``key`` cannot be set while ``name`` is None, and what to do."""
    start = f"Cannot set {key} on {type(estimator).__name__}: {name} is None"
    what, build = getattr(estimator, "_none_stands_for", {}).get(name, (None, None))
    if build is None:
        return (
            f"{start}, so there is nothing to set it on. Give {name} first, "
            f"or with it set: {name}=<{name}>.set_params({inner}=...)."
        )
    default = f"{build.__name__}()"
    if inner not in build().get_params(deep=True):
        return (
            f"{start}, which stands for the default {what} {default}, and "
            f"{default} has no parameter {inner!r}; see "
            f"{default}.get_params() for the ones it has."
        )
    return (
        f"{start}, which stands for the default {what} that fit builds, so "
        f"there is no {what} to set it on yet. Pass the {what} with it set: "
        f"{name}={default}.set_params({inner}=...), or give {name}={default} "
        "before tuning its parameters."
    )


def members_visual_block(estimator, members):
    """The block of a meta-estimator in the HTML diagram: its members side by side.

    What ``_sk_visual_block_`` returns, as for scikit-learn's
    ``VotingClassifier``: the members in parallel, each under its name (a
    member ``"drop"`` shows as ``"drop"``). Anything but a non-empty list of
    ``(name, member)`` pairs gives the one box of ``estimator``, as for an
    estimator without members.

    Parameters
    ----------
    estimator : estimator
        The meta-estimator.
    members : list of (str, estimator or str)
        Its members, each with the name it shows under.

    Returns
    -------
    block : VisualBlock
        scikit-learn's description of the diagram (private to scikit-learn).

    Raises
    ------
    NotImplementedError
        When scikit-learn no longer has the block (the diagram then shows one
        box for ``estimator``).

    Examples
    --------
    >>> from sknextchar import KneserNeyClassifier, MixtureClassifier
    >>> mixture = MixtureClassifier([("kn", KneserNeyClassifier()), ("off", "drop")])
    >>> block = members_visual_block(mixture, mixture.estimators)
    >>> block.kind, block.names
    ('parallel', ['kn', 'off'])
    """
    from ._compat import VisualBlock  # here: the CLI's start imports no scikit-learn

    if VisualBlock is None:  # pragma: no cover - scikit-learn moved it
        raise NotImplementedError("scikit-learn's VisualBlock is not available.")
    pairs = isinstance(members, list) and all(
        isinstance(pair, (tuple, list)) and len(pair) == 2 and isinstance(pair[0], str)
        for pair in members
    )
    if not (pairs and members):
        name = type(estimator).__name__
        return VisualBlock("single", estimator, names=name, name_details=str(estimator))
    names, estimators = zip(*members)
    return VisualBlock("parallel", list(estimators), names=list(names))


@contextmanager
def collect_version_notes():
    """Gather the versions of the estimators restored inside the block.

    Each estimator of the package unpickled (or restored by skops) in the block
    appends ``(class name, saved version)`` to the yielded list instead of
    issuing its own :class:`ModelVersionWarning`, so that a loader can give one
    warning for a whole file. The list is per thread and per task (a
    :class:`contextvars.ContextVar`), so loads in other threads warn as usual.

    Yields
    ------
    notes : list of (str, str)
        The class name and the saved version of each estimator saved by another
        version of the package.

    Examples
    --------
    >>> import pickle
    >>> from sknextchar import ContextWindowTransformer
    >>> data = pickle.dumps(ContextWindowTransformer())
    >>> with collect_version_notes() as notes:
    ...     _ = pickle.loads(data)
    >>> notes  # saved by this very version: nothing to note
    []
    """
    notes = []
    token = _VERSION_NOTES.set(notes)
    try:
        yield notes
    finally:
        _VERSION_NOTES.reset(token)


def install_version_advice(version):
    """How to install the version of sknextchar that saved a model.

    sknextchar is installed from its source, not from a package index, so the
    advice names the version, the source that has it (a commit whose
    ``sknextchar/_version.py`` says it, or a release archive of it) and the
    command to run there.

    Parameters
    ----------
    version : str
        A version number, such as ``"0.1.0"``.

    Returns
    -------
    advice : str
        A clause that begins with "install" (in lower case).

    Examples
    --------
    >>> print(install_version_advice("0.1.0"))  # doctest: +NORMALIZE_WHITESPACE
    install sknextchar 0.1.0 from its source (run python -m pip install . in a
    checkout of a commit whose sknextchar/_version.py says 0.1.0, or in a
    release archive of 0.1.0)
    """
    return (
        f"install sknextchar {version} from its source (run python -m pip install "
        f". in a checkout of a commit whose sknextchar/_version.py says {version}, "
        f"or in a release archive of {version})"
    )
