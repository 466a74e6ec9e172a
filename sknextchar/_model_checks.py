"""Checks of model files and of the models in them, before saving and after loading.

Before saving: :func:`find_unsaveable` walks what is reachable from a model and
names the first attribute that holds a runtime object (an open file, a lock, a
thread, a generator, a lambda) that no model file can hold.

Before loading a skops file: :func:`check_skops_archive` reads only the zip's
directory and refuses a file whose members declare more bytes than a limit, then
inflates each member in bounded chunks (a member that inflates past the size it
declares is refused there, not once in memory), checks that the schema is a JSON
object of bounded nesting, and that the members it reads, each as many times as
it names them, stay within the limit. skops is handed the checked bytes.

After loading: :func:`validate_loaded_params` checks the parameters of every
estimator inside the model (:func:`fitted_estimators`: fitted members included),
and ``sknextchar._state_checks`` their fitted state. Some of it is checked
earlier, by each model as it is unpickled (its ``__setstate__``, whatever loads
it: :func:`~sknextchar.load_model`, joblib, pickle or skops):
:func:`network_array_problem` is the network's check (shapes, dtypes, finite
values), so a tampered value fails at load, not at first use deep inside NumPy.
"""

import _thread
import io
import itertools
import json
import re
import socket
import threading
import types
import zipfile
import zlib

from ._shown_paths import shown_path
from ._sizes import first_layer_inputs
from .exceptions import DamagedModelError

__all__ = [
    "DAMAGED_ADVICE",
    "DEFAULT_MAX_BYTES",
    "LABELS_WITHOUT_TABLE",
    "check_skops_archive",
    "find_unsaveable",
    "fitted_estimators",
    "invalid_parameter",
    "network_array_problem",
    "schema_depth",
    "validate_loaded_params",
]

#: What a message about a damaged or edited model file tells the user to do.
DAMAGED_ADVICE = (
    "The file was edited by hand or corrupted: load an intact copy, or save the "
    "model again from the code that trained it (or fit it again)."
)

#: What a model of names by label saved by a development version lacks.
LABELS_WITHOUT_TABLE = (
    "it has labels but no label_embeddings_, as a development version of "
    "sknextchar saved labelled models"
)

#: The default of ``load_model(max_bytes=...)``: 512 MiB once uncompressed.
DEFAULT_MAX_BYTES = 512 * 2**20
_MAX_MEMBERS = 100_000
_MAX_DEPTH = 200  # JSON nesting of a schema; real models nest about 10 deep

_UNSAVEABLE = (
    io.IOBase,
    _thread.LockType,
    _thread.RLock,
    threading.Condition,
    threading.Event,
    threading.Semaphore,
    threading.Thread,
    socket.socket,
    types.GeneratorType,
    types.CoroutineType,
    types.ModuleType,
    types.FrameType,
)


def _is_unsaveable(obj):
    if isinstance(obj, _UNSAVEABLE):
        return True
    if isinstance(obj, types.FunctionType):  # lambdas and local functions
        return "<lambda>" in obj.__qualname__ or "<locals>" in obj.__qualname__
    return False


def _children(obj):
    if isinstance(obj, dict):
        return [(f"[{key!r}]", value) for key, value in obj.items()]
    if isinstance(obj, (list, tuple)):
        return [(f"[{i}]", value) for i, value in enumerate(obj)]
    state = getattr(obj, "__dict__", None)
    if isinstance(state, dict) and not isinstance(obj, type):
        return [(f".{key}", value) for key, value in state.items()]
    return []


def find_unsaveable(model, name="model"):
    """The first attribute reachable from ``model`` that no file can hold.

    Parameters
    ----------
    model : object
        The model to be saved.
    name : str, default="model"
        How the path of the attribute starts.

    Returns
    -------
    found : tuple of (str, object) or None
        The attribute's path (``"model.steps[1][1].log_"``) and its value, or
        None when everything is saveable.

    Examples
    --------
    >>> import threading
    >>> from sknextchar import ContextWindowTransformer
    >>> from sknextchar._model_checks import find_unsaveable
    >>> model = ContextWindowTransformer()
    >>> find_unsaveable(model) is None
    True
    >>> model.lock_ = threading.Lock()
    >>> find_unsaveable(model)[0]
    'model.lock_'
    """
    seen, stack = set(), [(name, model)]
    while stack:
        path, obj = stack.pop()
        if id(obj) in seen or isinstance(obj, (str, bytes, int, float)):
            continue
        seen.add(id(obj))
        if _is_unsaveable(obj):
            return path, obj
        if type(obj).__module__ == "numpy":
            continue  # arrays and scalars hold no Python objects worth walking
        children = _children(obj)
        stack.extend((path + key, value) for key, value in reversed(children))
    return None


def _bad_file(path, what):
    return ValueError(f"Cannot load {shown_path(path)}: {what}.")


# A JSON string (escapes skipped; one left open runs to the end of the text),
# and a run of characters that are not brackets.
# Possessive (``*+``): no backtracking point kept per escape, so memory stays
# flat on a string of millions of escapes (a plain ``*`` took 60 times the
# schema's size).
_JSON_STRING = re.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+"?', re.DOTALL)
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_BRACKET_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def schema_depth(text):
    """The deepest nesting of brackets in JSON text, outside its strings.

    The strings (a backslash escapes the next character; a string left open
    runs to the end of the text) and all but the brackets are dropped by
    regular expressions, and the brackets are summed in C: a loop in Python
    over each character took milliseconds for each model loaded.

    Parameters
    ----------
    text : str
        The text of a skops schema, valid JSON or not.

    Returns
    -------
    int
        How many ``[`` or ``{`` are open at the deepest point (0 for none).

    Examples
    --------
    >>> from sknextchar._model_checks import schema_depth
    >>> schema_depth('{"a": [1, {"b": "[[["}]}')
    3
    """
    brackets = _NOT_BRACKETS.sub("", _JSON_STRING.sub("", text))
    depths = itertools.accumulate(map(_BRACKET_STEP.__getitem__, brackets))
    return max(0, max(depths, default=0))


def check_skops_archive(path, data, max_bytes=DEFAULT_MAX_BYTES):
    """Refuse a skops file whose zip claims too much memory or whose schema is bad.

    Only the zip's directory is read before the sizes are checked, so a small
    file that would inflate to gigabytes is refused at once. Each member is then
    inflated a chunk at a time: one that inflates past the size it declares (the
    directory lied) is refused there, and the checked bytes are returned as a
    zip of stored members, so that skops inflates nothing. Its schema is read
    next: skops reads a member once for every object of the schema that names
    it, so a schema naming one member a thousand times would read it a thousand
    times; the bytes of every read count against ``max_bytes``.

    Parameters
    ----------
    path : str or os.PathLike
        The file, for the messages.
    data : bytes
        Its content.
    max_bytes : int, default=DEFAULT_MAX_BYTES
        The most bytes its members may declare, all together, once uncompressed.

    Returns
    -------
    checked : bytes
        The same archive, its members stored uncompressed, as checked.

    Raises
    ------
    ValueError
        Naming the file and what is wrong with it.

    Examples
    --------
    >>> import io, zipfile
    >>> from sknextchar._model_checks import check_skops_archive
    >>> buffer = io.BytesIO()
    >>> with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
    ...     archive.writestr("schema.json", "[]")
    >>> check_skops_archive("m.skops", buffer.getvalue())
    Traceback (most recent call last):
    ...
    ValueError: Cannot load 'm.skops': its schema.json is a list, not a JSON object; ...
    """
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, EOFError, OSError) as exc:
        raise _bad_file(
            path,
            f"it is corrupt, truncated or not a skops model file (not a readable "
            f"zip archive: {exc})",
        ) from exc
    if len(members) > _MAX_MEMBERS:
        raise _bad_file(path, f"it holds {len(members):,} members, far beyond a model")
    total = sum(member.file_size for member in members)
    if total > max_bytes:
        raise _bad_file(
            path,
            f"it would take {total:,} bytes once uncompressed, more than "
            f"max_bytes={max_bytes:,}; if you trust the file and have the memory, "
            "raise the limit (max_bytes=...)",
        )
    data = _inflate_members(path, data, members, max_bytes)
    schema = _check_schema(path, data)
    sizes = {member.filename: member.file_size for member in members}
    total = _bytes_read(schema, sizes)
    if total > max_bytes:
        raise _bad_file(
            path,
            f"its schema.json reads its members {total:,} bytes in all (one "
            "member for each object naming it), more than "
            f"max_bytes={max_bytes:,}; if you trust the file and have the memory, "
            "raise the limit (max_bytes=...)",
        )
    return data


# What zipfile raises for a member it cannot inflate (damaged, encrypted, or
# compressed by a method this Python lacks).
_INFLATE_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError)
_INFLATE_ERRORS += (RuntimeError, NotImplementedError)
_CHUNK = 1 << 20  # bytes inflated at a time


def _inflate_members(path, data, members, max_bytes):
    """The archive rebuilt of stored members, each inflated a chunk at a time.

    A member that inflates past its declared size, or members past
    ``max_bytes`` all together, are refused before more is inflated (zipfile
    stops a member at its declared size, where its CRC check then fails).
    Only the last member of a name is read, as zipfile reads a name.
    """
    if all(member.compress_type == zipfile.ZIP_STORED for member in members):
        return data  # nothing inflates: zipfile reads at most the declared size
    out, total = io.BytesIO(), 0
    try:
        with (
            zipfile.ZipFile(io.BytesIO(data)) as archive,
            zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as rebuilt,
        ):
            for member in {member.filename: member for member in members}.values():
                stored = zipfile.ZipInfo(member.filename, member.date_time)
                stored.file_size = member.file_size
                with archive.open(member) as src, rebuilt.open(stored, "w") as dst:
                    size = 0
                    while chunk := src.read(_CHUNK):
                        size, total = size + len(chunk), total + len(chunk)
                        if size > member.file_size or total > max_bytes:
                            raise zipfile.BadZipFile(
                                f"{member.filename!r} inflates to more than "
                                f"the {member.file_size:,} bytes it declares"
                            )
                        dst.write(chunk)
    except _INFLATE_ERRORS as exc:
        raise _bad_file(
            path,
            f"it is corrupt, truncated or not a skops model file "
            f"({type(exc).__name__}: {exc})",
        ) from exc
    return out.getvalue()


def _bytes_read(schema, sizes):
    """The most bytes skops may read from the zip to load ``schema``: a member
    each time an object names it (a ``"file"`` of a node), once per ``__id__``
    (the largest member named under that ``__id__``)."""
    total, largest, stack = 0, {}, [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        stack.extend(node.values())
        name, key = node.get("file"), node.get("__id__")
        if not isinstance(name, str) or "__loader__" not in node:
            continue
        size = sizes.get(name, 0)
        if key and isinstance(key, (int, str)):  # skops reuses a truthy id only
            largest[key] = max(largest.get(key, 0), size)
        else:
            total += size
    return total + sum(largest.values())


def _check_schema(path, data):
    try:
        raw = zipfile.ZipFile(io.BytesIO(data)).read("schema.json")
        text = raw.decode("utf-8")
    except KeyError:
        raise _bad_file(
            path,
            "it is corrupt, truncated or not a skops model file (it has no "
            "schema.json)",
        ) from None
    except (zipfile.BadZipFile, UnicodeDecodeError, EOFError, OSError) as exc:
        raise _bad_file(path, f"its schema.json cannot be read ({exc})") from exc
    if schema_depth(text) > _MAX_DEPTH:
        raise _bad_file(path, f"its schema.json nests deeper than {_MAX_DEPTH} levels")
    try:
        schema = json.loads(text)
    except ValueError as exc:
        raise _bad_file(path, f"its schema.json is not valid JSON ({exc})") from exc
    if not isinstance(schema, dict):
        raise _bad_file(
            path,
            f"its schema.json is a {type(schema).__name__}, not a JSON object; "
            "the file is damaged or was not written by skops",
        )
    return schema


def _parameters(estimator, known=None):
    """``get_params(deep=False)``, refusing an estimator that lacks a parameter.

    With ``known`` (a dict by ``id``), each estimator's parameters are read once.
    """
    # An id is not reused within one walk: ``known`` holds every params dict (so
    # every parameter value, nested estimators included, stays alive).
    if known is not None and id(estimator) in known:
        return known[id(estimator)]
    try:
        params = estimator.get_params(deep=False)
    except AttributeError as exc:  # getattr of a parameter the file left out
        name = getattr(exc, "name", None) or str(exc)
        raise DamagedModelError(
            f"its {type(estimator).__name__} has no parameter {name!r}"
        ) from exc
    if known is not None:
        known[id(estimator)] = params
    return params


def _estimators(model, depth=0, known=None):
    if depth > 50 or not hasattr(model, "get_params"):
        return
    yield model
    for value in _parameters(model, known).values():
        for item in value if isinstance(value, (list, tuple)) else [value]:
            if isinstance(item, tuple):  # (name, estimator) steps
                for part in item:
                    yield from _estimators(part, depth + 1, known)
            else:
                yield from _estimators(item, depth + 1, known)


def validate_loaded_params(model, path):
    """Check the parameters of every estimator inside a loaded model.

    Every estimator: those of the parameters, and the fitted ones that wrappers
    hold (a search's ``best_estimator_``, a classifier of names' ``pipelines_``).

    Parameters
    ----------
    model : estimator
        The loaded model (a pipeline, a sampler, an estimator).
    path : str or os.PathLike
        Its file, for the message.

    Returns
    -------
    estimators : list of estimator
        The estimators checked, as :func:`fitted_estimators` gives them (the
        parameters of each are read once), for the checks that follow.

    Raises
    ------
    DamagedModelError
        If an estimator lacks a parameter, or a parameter breaks its
        estimator's constraints (a tampered file).

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> from sknextchar._model_checks import validate_loaded_params
    >>> model = ContextWindowTransformer()
    >>> validate_loaded_params(model, "m.skops") == [model]
    True
    >>> model.context_length = -2  # as a tampered file could hold
    >>> validate_loaded_params(model, "m.skops")
    Traceback (most recent call last):
    ...
    sknextchar.exceptions.DamagedModelError: Cannot load 'm.skops': it holds an ...
    """
    checked = []
    try:
        for estimator, _, error in _parameter_checks(model, by_name=False):
            if error is not None:
                what = f"it holds an invalid parameter: {error}"
                raise DamagedModelError(what) from error
            checked.append(estimator)
    except DamagedModelError as exc:
        what = str(exc).rstrip(".")
        raise DamagedModelError(
            f"Cannot load {shown_path(path)}: {what}. {DAMAGED_ADVICE}"
        ) from exc
    return checked


def _parameter_checks(model, *, by_name):
    """The walk of :func:`validate_loaded_params` and :func:`invalid_parameter`.

    Yields ``(estimator, name, error)`` for each estimator inside ``model``, as
    :func:`fitted_estimators` gives them (the parameters of each read once):
    ``error`` is the ValueError of its parameters' check, or None when they are
    valid. With ``by_name``, each parameter is checked alone and ``name`` is
    the one at fault; without, they are checked together, as a fit checks
    them, and ``name`` is None. An estimator that lacks a parameter raises
    DamagedModelError (a tampered file), which each caller reads its own way.
    """
    from ._compat import validate_declared_parameters  # scikit-learn: lazily

    known = {}
    for estimator in fitted_estimators(model, known=known):
        params = _parameters(estimator, known)
        groups = [dict([item]) for item in params.items()] if by_name else [params]
        name = error = None
        for group in groups:
            try:
                validate_declared_parameters(estimator, group)
            except ValueError as exc:
                if not by_name and isinstance(exc, DamagedModelError):
                    raise
                name, error = (next(iter(group)) if by_name else None), exc
                break
        yield estimator, name, error


def invalid_parameter(model):
    """The first parameter inside a model that breaks its estimator's constraints.

    Every estimator, as :func:`fitted_estimators` gives them, and each of its
    parameters checked alone, so that the one at fault is known by name (as
    :func:`validate_loaded_params` finds it in a loaded file).

    Parameters
    ----------
    model : estimator

    Returns
    -------
    found : tuple of (estimator, str, ValueError) or None
        The estimator, the parameter's name and the error of its check; None
        if every parameter is valid (or an estimator lacks one: the check of
        the file written tells that).

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> model = ContextWindowTransformer()
    >>> invalid_parameter(model) is None
    True
    >>> model.context_length = -2
    >>> estimator, name, error = invalid_parameter(model)
    >>> estimator is model, name
    (True, 'context_length')
    """
    try:
        for estimator, name, error in _parameter_checks(model, by_name=True):
            if error is not None:
                return estimator, name, error
    except DamagedModelError:
        return None
    return None


def _is_float_array(array, ndim):
    """A NumPy array of ``ndim`` dimensions and a floating dtype."""
    return (
        type(array).__module__ == "numpy"
        and getattr(array, "ndim", None) == ndim
        and array.dtype.kind == "f"
    )


def _chain_problem(embeddings, coefs, intercepts):
    """What is wrong with the layers' arrays themselves, or None."""
    if not _is_float_array(embeddings, 2):
        return "embeddings_ is not a 2-d array of floats"
    layers = list(zip(coefs, intercepts))
    if not layers or len(coefs) != len(intercepts):
        return "coefs_ and intercepts_ are not one pair of arrays per layer"
    for i, (coef, intercept) in enumerate(layers):
        if not (_is_float_array(coef, 2) and _is_float_array(intercept, 1)):
            return f"coefs_[{i}] or intercepts_[{i}] is not an array of floats"
        if intercept.shape != (coef.shape[1],):
            n_units = coef.shape[1]
            values = f"{intercept.size:,} values for {n_units:,} units"
            return f"intercepts_[{i}] has {values}"
        if i and coef.shape[0] != coefs[i - 1].shape[1]:
            given = coefs[i - 1].shape[1]
            return (
                f"coefs_[{i}] reads {coef.shape[0]} units, layer {i - 1} gives {given}"
            )
    import numpy as np  # not at import: the command line's --help needs no NumPy

    arrays = [embeddings, *coefs, *intercepts]
    if not all(np.isfinite(a).all() for a in arrays):
        return "a fitted array holds nan or inf"
    return None


def network_array_problem(model):
    """What makes a fitted network's arrays unusable together, or None.

    A network is any object with fitted ``embeddings_``, ``coefs_`` and
    ``intercepts_`` (as :class:`~sknextchar.CharEmbeddingMLPClassifier` has): its
    first layer must read ``n_features_in_`` embeddings (plus the label's, when
    ``label_embeddings_`` is set), its last layer give one score per class of
    ``classes_``, and every array hold finite floats of consistent shapes.

    Parameters
    ----------
    model : object

    Returns
    -------
    problem : str or None
        None for an object that is not a fitted network, or a consistent one.

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar import CharEmbeddingMLPClassifier
    >>> clf = CharEmbeddingMLPClassifier(max_iter=1, random_state=0)
    >>> clf = clf.fit(np.array([[0, 1], [1, 2], [2, 0]]), np.array([1, 2, 0]))
    >>> network_array_problem(clf) is None
    True
    >>> clf.coefs_ = [clf.coefs_[0][:5], *clf.coefs_[1:]]
    >>> network_array_problem(clf)
    'coefs_[0] has 5 rows, the embeddings it reads need 20'
    """
    fitted = [getattr(model, name, None) for name in _NETWORK_ARRAYS]
    if any(value is None for value in fitted):
        return None
    embeddings, coefs, intercepts = fitted
    coefs, intercepts = list(coefs), list(intercepts)
    problem = _chain_problem(embeddings, coefs, intercepts)
    if problem is not None:
        return problem
    import numpy as np

    labels = getattr(model, "label_embeddings_", None)
    if labels is not None:
        if not _is_float_array(labels, 2) or not np.isfinite(labels).all():
            return "label_embeddings_ is not a 2-d array of finite floats"
    elif getattr(model, "label_classes_", None) is not None:
        return LABELS_WITHOUT_TABLE
    n_inputs = first_layer_inputs(
        int(getattr(model, "n_features_in_", 0)),
        embeddings.shape[1],
        0 if labels is None else labels.shape[1],
    )
    if coefs[0].shape[0] != n_inputs:
        rows = coefs[0].shape[0]
        return f"coefs_[0] has {rows} rows, the embeddings it reads need {n_inputs}"
    classes = getattr(model, "classes_", None)
    if classes is not None and coefs[-1].shape[1] != len(classes):
        scores = coefs[-1].shape[1]
        return f"the last layer gives {scores:,} scores for {len(classes):,} classes"
    return None


_NETWORK_ARRAYS = ("embeddings_", "coefs_", "intercepts_")


def fitted_estimators(model, seen=None, *, known=None):
    """The estimators inside a model, with the fitted ones that wrappers hold.

    Beside the parameters' estimators, every public fitted attribute (a name
    ending in ``_``) that is an estimator or a list of them: a search's
    ``best_estimator_``, a sampler's ``estimator_``, a mixture's
    ``estimators_``, a classifier of names' ``pipelines_``.

    Parameters
    ----------
    model : estimator
        Any estimator.
    seen : set of int or None, default=None
        The ``id`` of the estimators already given (for the recursion).
    known : dict or None, default=None
        The parameters (``get_params(deep=False)``) of the estimators met, by
        ``id``: filled in as the walk reads them, and read from there, so that
        a caller that needs them too reads each estimator's once.

    Yields
    ------
    estimator : estimator
        Each estimator once, every wrapper before the estimators it holds.

    Raises
    ------
    DamagedModelError
        If an estimator lacks one of its parameters (an edited file).

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
    >>> pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    >>> [type(e).__name__ for e in fitted_estimators(pipe)]
    ['Pipeline', 'ContextWindowTransformer', 'KneserNeyClassifier']
    """
    seen = set() if seen is None else seen
    for estimator in _estimators(model, known=known):
        if id(estimator) in seen:
            continue
        seen.add(id(estimator))
        yield estimator
        for name, value in vars(estimator).items():
            if name.startswith("_") or not name.endswith("_"):
                continue
            for item in value if isinstance(value, (list, tuple)) else [value]:
                if isinstance(item, tuple):  # (name, estimator) pairs
                    item = item[-1]
                if hasattr(item, "get_params"):
                    yield from fitted_estimators(item, seen, known=known)
