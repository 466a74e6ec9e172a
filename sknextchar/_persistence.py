"""Saving and loading models: skops by default, pickle only with consent.

A pickle (and so a joblib file) can run arbitrary code when loaded, so nothing here
unpickles a file unless the caller says it trusts it. skops files are loaded with the
package's own trust list: its estimator classes and nothing else beyond what skops
trusts by default (NumPy arrays, scikit-learn estimators).
"""

import os
import tempfile
import zipfile
from pathlib import Path

from .exceptions import ModelVersionWarning  # noqa: F401  (its old home)

# Types a saved sknextchar model may hold that skops does not trust by default.
# A test saves every kind of model and checks that skops reports no other type.
_TRUSTED_TYPES = (
    "sknextchar._adam.AdamOptimizer",  # its path in files saved by 0.1
    "sknextchar._classifier.CharEmbeddingMLPClassifier",
    "sknextchar._kneser_ney.KneserNeyClassifier",
    "sknextchar._mixture.MixtureClassifier",
    "sknextchar._sampler.NameSampler",
    "sknextchar._transformer.ContextWindowTransformer",
    "sknextchar.nn.adam.AdamOptimizer",
)

#: The suffixes that ``save_model(format="auto")`` writes with joblib (a pickle).
PICKLE_SUFFIXES = (".joblib", ".pkl", ".pickle")
_ZIP_MAGIC = b"PK\x03\x04"


def get_trusted_types():
    """The types to trust when loading a sknextchar model with skops.

    Returns
    -------
    trusted : list of str
        Fully qualified names of sknextchar's own classes. Pass them to
        ``skops.io.load(path, trusted=get_trusted_types())``; any other type found
        in a file makes skops refuse it.

    Examples
    --------
    >>> from sknextchar import get_trusted_types
    >>> "sknextchar._classifier.CharEmbeddingMLPClassifier" in get_trusted_types()
    True
    """
    return list(_TRUSTED_TYPES)


def resolve_format(path, format="auto"):
    """The file format :func:`save_model` writes ``path`` in.

    Parameters
    ----------
    path : str or os.PathLike
        Where the model is to be written.
    format : {"auto", "skops", "joblib"}, default="auto"
        ``"auto"`` means joblib for the suffixes of ``PICKLE_SUFFIXES``
        (``.joblib``, ``.pkl``, ``.pickle``, in any case) and skops otherwise;
        the other two are returned as they are.

    Returns
    -------
    format : {"skops", "joblib"}

    Raises
    ------
    ValueError
        If ``format`` is not one of the three.

    Examples
    --------
    >>> from sknextchar._persistence import resolve_format
    >>> resolve_format("names.skops"), resolve_format("names.PKL")
    ('skops', 'joblib')
    >>> resolve_format("names.pkl", "skops")
    'skops'
    """
    if format not in {"auto", "skops", "joblib"}:
        raise ValueError(f"format must be 'auto', 'skops' or 'joblib'; got {format!r}.")
    if format != "auto":
        return format
    return "joblib" if Path(path).suffix.lower() in PICKLE_SUFFIXES else "skops"


def save_model(model, path, *, format="auto"):
    """Save a model atomically, in skops format unless asked otherwise.

    The file is written to a temporary file in the same folder and then renamed,
    so a crash never leaves a half-written model at ``path``.

    Parameters
    ----------
    model : estimator
        A (usually fitted) estimator or pipeline.
    path : str or os.PathLike
        Where to write.
    format : {"auto", "skops", "joblib"}, default="auto"
        ``"auto"`` uses joblib for the suffixes ``.joblib``, ``.pkl`` and
        ``.pickle`` and skops otherwise.

    Returns
    -------
    path : pathlib.Path
        The path written.

    Examples
    --------
    >>> import os, tempfile
    >>> from sknextchar import ContextWindowTransformer, load_model, save_model
    >>> model = ContextWindowTransformer().fit(["abid"])
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = save_model(model, os.path.join(tmp, "windows.skops"))
    ...     load_model(path).vocabulary_[:3]
    ('-', 'a', 'b')
    """
    path = Path(path)
    format = resolve_format(path, format)
    if not _is_model(model):
        raise TypeError(
            f"save_model saves scikit-learn estimators (with get_params); got a "
            f"{type(model).__name__}."
        )
    if path.is_dir():
        raise IsADirectoryError(
            f"Cannot save to {str(path)!r}: it is a folder; pass a file path such "
            "as 'model.skops'."
        )
    if not path.parent.is_dir():
        raise FileNotFoundError(f"Cannot save to {str(path)!r}: no such folder.")
    model = without_callbacks(model)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        if format == "skops":
            import skops.io

            skops.io.dump(model, tmp)
        else:
            import joblib

            joblib.dump(model, tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return path


# What scikit-learn's callback API attaches to an estimator: runtime hooks and the
# task tree of a fit in progress, never model state.
_CALLBACK_ATTRIBUTES = (
    "_skl_callbacks",
    "_skl_callbacks_to_teardown",
    "_callback_fit_ctx",
    "_parent_callback_ctx",
)


def without_callbacks(model):
    """The model with every callback of scikit-learn's callback API left out.

    Callbacks may sit on any estimator inside a model (a Pipeline, a search, a
    NameSampler, each step). The result shares everything else with ``model``:
    estimators that hold callbacks, and those that contain them, are shallow
    copies; ``model`` itself is not changed.

    Parameters
    ----------
    model : estimator
        Any estimator.

    Returns
    -------
    model : estimator
        ``model`` itself when nothing in it holds a callback, else a copy without.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import ContextWindowTransformer
    >>> from sknextchar.callbacks import History
    >>> pipe = make_pipeline(ContextWindowTransformer()).set_callbacks(History())
    >>> hasattr(without_callbacks(pipe), "_skl_callbacks")
    False
    >>> hasattr(pipe, "_skl_callbacks")
    True
    """
    return _strip(model, {})


def _strip(obj, memo):
    if id(obj) in memo:
        return memo[id(obj)]
    memo[id(obj)] = obj  # cycles resolve to the object itself
    if isinstance(obj, (list, tuple)):
        items = [_strip(item, memo) for item in obj]
        changed = any(new is not old for new, old in zip(items, obj))
        result = type(obj)(items) if changed and type(obj) in (list, tuple) else obj
    elif hasattr(obj, "get_params") and isinstance(
        getattr(obj, "__dict__", None), dict
    ):
        state = {
            key: _strip(value, memo)
            for key, value in vars(obj).items()
            if key not in _CALLBACK_ATTRIBUTES
        }
        same = len(state) == len(vars(obj)) and all(
            state[key] is value for key, value in vars(obj).items()
        )
        result = obj if same else _replace_state(obj, state)
    else:
        result = obj
    memo[id(obj)] = result
    return result


def _replace_state(obj, state):
    new = object.__new__(type(obj))
    new.__dict__.update(state)
    return new


def load_model(path, *, allow_pickle=False):
    """Load a model saved by :func:`save_model`, safely.

    skops files are loaded with :func:`get_trusted_types` only. Pickle and joblib
    files can execute arbitrary code when loaded, so they are refused unless
    ``allow_pickle=True`` says that you trust the file.

    Parameters
    ----------
    path : str or os.PathLike
        The model file.
    allow_pickle : bool, default=False
        Load a pickle/joblib file. Only for files you trust.

    Returns
    -------
    model : estimator

    Raises
    ------
    FileNotFoundError
        If there is no such file.
    ValueError
        If the file is corrupt or truncated, is not a model file, holds types
        outside the trust list, or is a pickle and ``allow_pickle`` is False.
    TypeError
        If the file loads but holds something other than an estimator (a dict,
        a number, an array).

    Examples
    --------
    >>> import os, tempfile
    >>> from sknextchar import ContextWindowTransformer, load_model, save_model
    >>> model = ContextWindowTransformer().fit(["abid"])
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = save_model(model, os.path.join(tmp, "windows.joblib"))
    ...     load_model(path, allow_pickle=True).context_length
    3
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"No such model file: {str(path)!r}.")
    with open(path, "rb") as f:
        head = f.read(4)
    if head == _ZIP_MAGIC:
        return _check_is_model(_load_skops(path), path)
    if not allow_pickle:
        raise ValueError(
            f"{str(path)!r} is not a skops file; if it is a pickle or joblib file, "
            "loading it can run arbitrary code. Pass allow_pickle=True (on the "
            "command line: --trust-pickle) only if you trust where it came from."
        )
    import joblib

    try:
        model = joblib.load(path)
    except Warning:  # a ModelVersionWarning turned into an error: not corruption
        raise
    except Exception as exc:  # pickle reports corruption with many types
        raise ValueError(
            f"Cannot load {str(path)!r}: it is corrupt, truncated or not a model "
            f"file ({type(exc).__name__}: {exc})."
        ) from exc
    return _check_is_model(model, path)


def _is_model(obj):
    # scikit-learn's duck typing of an estimator (BaseEstimator provides it).
    return hasattr(obj, "get_params")


def _check_is_model(model, path):
    """A file that loads but holds a dict, a number, an array... is no model."""
    if not _is_model(model):
        raise TypeError(
            f"{str(path)!r} holds a {type(model).__name__}, not a model (a "
            "scikit-learn estimator, such as a fitted Pipeline); it was not saved "
            "by save_model."
        )
    return model


def _load_skops(path):
    import skops.io

    try:
        untrusted = skops.io.get_untrusted_types(file=path)
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError) as exc:
        raise ValueError(
            f"Cannot load {str(path)!r}: it is corrupt, truncated or not a skops "
            f"model file ({type(exc).__name__}: {exc})."
        ) from exc
    unknown = sorted(set(untrusted) - set(_TRUSTED_TYPES))
    if unknown:
        raise ValueError(
            f"Refusing to load {str(path)!r}: it holds types that sknextchar does "
            f"not trust: {unknown}. If you trust this file, load it yourself with "
            "skops.io.load(path, trusted=[...]) after reviewing those types."
        )
    try:
        return skops.io.load(path, trusted=get_trusted_types())
    except Warning:  # a ModelVersionWarning turned into an error: not corruption
        raise
    except Exception as exc:
        raise ValueError(
            f"Cannot load {str(path)!r}: it is corrupt or truncated "
            f"({type(exc).__name__}: {exc})."
        ) from exc
