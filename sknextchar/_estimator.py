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
    - ``set_params`` is all or nothing (:func:`set_all_or_nothing`).

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
    saved = _parameter_state(estimator, deep)
    try:
        return set_params(**params)
    except BaseException:
        for each, values in saved:
            for name, value in values.items():
                if getattr(each, name, None) is not value:
                    setattr(each, name, value)
        raise


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
