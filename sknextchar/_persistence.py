"""Saving and loading models: skops by default, pickle only with consent.

A pickle (and so a joblib file) can run arbitrary code when loaded, so nothing here
unpickles a file unless the caller says it trusts it. skops files are loaded with the
package's own trust list: its estimator classes and nothing else beyond what skops
trusts by default (NumPy arrays, scikit-learn estimators).
"""

import errno
import functools
import io
import os
import stat
from pathlib import Path

from ._estimator import collect_version_notes
from ._file_safety import atomic_write, check_target
from ._hooks import CALLBACK_ATTRIBUTES
from ._model_checks import (
    DAMAGED_ADVICE,
    DEFAULT_MAX_BYTES,
    check_skops_archive,
    find_unsaveable,
    fitted_estimators,
    validate_loaded_params,
)
from ._model_files import (
    MODEL_SUFFIXES,
    PICKLE_SUFFIXES,
    ZIP_MAGIC,
    first_text_line,
    keep_other_files,
    keep_out_unfitted,
    not_a_model_file,
    text_file_kind,
)
from ._path_flaws import LINK_LOOP, file_on_the_way, name_too_long, unnamable_path
from ._saved_versions import (
    missing_names,
    refuse_newer_skops,
    refuse_other_version,
    skops_versions,
    warn_other_versions,
)
from ._set_after_fit import (
    refuse_bool_seed,
    refuse_invalid_parameter,
    set_params_advice,
)
from ._shown_paths import close_file_note, dangling_link_note, shown_path
from ._skops_release import import_skops_io
from ._wrong_kind import WrongKindError
from ._zip_bytes import write_canonical
from .exceptions import DamagedModelError

# Types a saved sknextchar model may hold that skops does not trust by default.
# A test saves every kind of model and checks that skops reports no other type.
_TRUSTED_TYPES = (
    "sknextchar._adam.AdamOptimizer",  # its path in files saved by 0.1
    "sknextchar._classifier.CharEmbeddingMLPClassifier",
    "sknextchar._kneser_ney.KneserNeyClassifier",
    "sknextchar._mixture.MixtureClassifier",
    "sknextchar._name_label_classifier.NameLabelClassifier",
    "sknextchar._per_label.PerLabelClassifier",
    "sknextchar._sampler.NameSampler",
    "sknextchar._transformer.ContextWindowTransformer",
    "sknextchar.nn.adam.AdamOptimizer",
)


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


def save_model(model, path, *, format="auto", force=True):
    """Save a model atomically, in skops format unless asked otherwise.

    The model is written to a temporary file in the same folder, loaded back
    with :func:`load_model`, and only then renamed over ``path``: a crash, a full
    disk or a model that would not load never leaves a half-written or broken
    model at ``path``, and no temporary file stays behind. A target that exists
    and is not a regular file (a folder, a FIFO, a device, a socket) is refused
    and left untouched; a symbolic link is followed (the file it points to is
    replaced, the link stays). A new file's mode follows the umask; a replaced
    file keeps its mode. A write-protected file (a mode that lets no one write
    it, such as ``chmod 444``, or one you may not write) is never replaced, even
    by root.

    An existing file is replaced only if it is a model file (a skops file, or a
    pickle or joblib file of a scikit-learn or sknextchar model, told by its
    first bytes, never run) or empty: saving a model again, or over an older
    one, just works, but a file of names, a CSV table, a picture, a pickle of
    your own data or any other file is refused and left untouched, so that a
    wrong path never loses it. Save to another path, or delete that file first.
    A model that is not fitted (``sampler = NameSampler(pipe)`` saved before
    its ``fit``) replaces an empty file only: the fitted model a model file
    may hold would be lost to it (the file is not read to tell, so an unfitted
    model does not replace an unfitted one either). With ``force=False`` no
    existing file is replaced at all, not even one that another program
    writes at ``path`` while this model is written.

    Only model state is saved: scikit-learn's callbacks are left out, and a
    model that holds any other runtime object (an open file, a lock, a thread,
    a lambda) is refused before the target is touched, naming the attribute.

    Parameters
    ----------
    model : estimator
        A (usually fitted) estimator or pipeline.
    path : str or os.PathLike
        Where to write.
    format : {"auto", "skops", "joblib"}, default="auto"
        ``"auto"`` uses joblib for the suffixes ``.joblib``, ``.pkl`` and
        ``.pickle`` and skops otherwise.
    force : bool, default=True
        Whether a model file found at ``path`` may be replaced. True, the
        default, saves over it, as ``joblib.dump`` and ``skops.io.dump`` do
        (only a model file or an empty one: see above); False refuses any
        existing file with a FileExistsError, one found before the model is
        written or one written there meanwhile (by another process saving
        to the same path), and leaves it untouched.

    Returns
    -------
    path : pathlib.Path
        The path written.

    Raises
    ------
    IsADirectoryError, FileExistsError
        If ``path`` is a folder, or a FIFO, device or socket, or an existing
        file that is no model file (a file of names, say), or a model file
        that an unfitted ``model`` would replace, or, with ``force=False``,
        any existing file.
    FileNotFoundError
        If the folder of ``path`` does not exist.
    PermissionError
        If ``path`` (or its folder) is write-protected: make it writable first
        to replace it.
    TypeError
        If ``model`` is no estimator or holds a runtime object, or ``force``
        is not a bool (a NumPy bool is one).
    ValueError
        If the file written would not load (the target is left as it was),
        or, before the target is touched, if the fitted state of ``model`` was
        changed after its fit (a transformer whose ``vocabulary_`` is not its
        model's ``classes_``, say) or one of the package's estimators in it
        was given ``random_state=True`` after its fit (a bool is no seed), a
        parameter no fit would take (``temperature=nan``) or a network size
        that its arrays contradict (``clf__embedding_dim=5`` set after the
        fit): the parameter is named as ``set_params`` of ``model`` spells it.

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
    if not _is_model(model):
        swapped = " The model comes first: save_model(model, path)." * _is_model(path)
        raise TypeError(
            f"save_model saves scikit-learn estimators (with get_params); got a "
            f"{type(model).__name__}.{swapped}"
        )
    from ._state_checks import is_unfitted  # scikit-learn: not at import
    from ._validation import check_bool

    force = check_bool(force, "force")  # "no" would replace the file

    _check_path(path, "save_model writes a model file")
    format = resolve_format(path, format)
    keep = keep_other_files
    if is_unfitted(model):  # a forgotten fit must not cost the fitted file
        keep = functools.partial(keep_out_unfitted, model_name=type(model).__name__)
    # Before any work: never a folder, a FIFO, a device, nor a file of names.
    check_target(path, force=force, keep=keep)
    model = without_callbacks(model)
    found = find_unsaveable(model)
    if found is not None:
        raise TypeError(
            f"Cannot save the model to {shown_path(path)}: {found[0]} holds a "
            f"{type(found[1]).__name__}, a runtime object that no model file can "
            "hold; remove that attribute (or set it to None) and save again. The "
            "target was not touched."
        )
    refuse_bool_seed(model, path)
    refuse_invalid_parameter(model, path)
    _refuse_changed_state(model, path)
    return atomic_write(
        path,
        functools.partial(_dump, model, format),
        force=force,
        keep=keep,
        verify=functools.partial(
            _verify,
            path,
            type(model),
            format,
            is_search=hasattr(model, "best_estimator_"),
        ),
    )


def _refuse_changed_state(model, path):
    """A fitted state that no file could load: a size set after the fit named."""
    from ._state_checks import changed_network_size, damaged_estimator

    found = damaged_estimator(list(fitted_estimators(model)))
    if found is None:
        return
    estimator, problem = found
    changed = None
    if hasattr(estimator, "embeddings_") and hasattr(estimator, "embedding_dim"):
        changed = changed_network_size(estimator)
    if changed is None or not problem.startswith(f"its {changed[0]}="):
        raise ValueError(
            f"Cannot save the model to {shown_path(path)}: its "
            f"{_damaged_words(estimator, problem)}. An attribute was changed after "
            "fitting: fit the model again. The target was not touched."
        )
    name, value, fitted = changed
    key, advice = set_params_advice(model, estimator, name, repr(fitted))
    raise ValueError(
        f"Cannot save the model to {shown_path(path)}: {key}={value!r} was set "
        f"after the fit ({fitted!r} in the fitted model): {advice} to save this "
        "model, or fit it again. The target was not touched."
    )


def _dump(model, format, tmp):
    if format == "skops":
        data = import_skops_io().dumps(model)
        if not write_canonical(data, tmp):  # the same model, the same bytes
            with open(tmp, "wb") as f:  # an unexpected layout: as skops wrote it
                f.write(data)
    else:
        import joblib

        joblib.dump(model, tmp)


def _verify(path, model_type, format, tmp, is_search=False):
    """The temporary file loads with load_model and holds the same kind of model."""
    try:
        loaded = load_model(tmp, allow_pickle=format == "joblib", max_bytes=None)
    except Exception as exc:
        # The temporary file is gone when the user reads this: not named.
        reason = str(exc).replace(f"Cannot load {tmp!r}: ", "").replace(repr(tmp), "it")
        search = (
            " A fitted search holds scikit-learn's own splitters and scorers: save "
            "its refitted model, save_model(search.best_estimator_, path)."
        ) * is_search
        raise ValueError(
            f"Cannot save the model to {shown_path(path)}: the file written would not "
            f"load ({reason.rstrip('.')}); the target was not touched.{search}"
        ) from exc
    if type(loaded) is not model_type:
        raise ValueError(
            f"Cannot save the model to {shown_path(path)}: the file written loads as a "
            f"{type(loaded).__name__}, not a {model_type.__name__}; the target was "
            "not touched."
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
            if key not in CALLBACK_ATTRIBUTES
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


def load_model(path, *, allow_pickle=False, max_bytes=DEFAULT_MAX_BYTES):
    """Load a model saved by :func:`save_model`, safely.

    skops files are loaded with :func:`get_trusted_types` only. Pickle and joblib
    files can execute arbitrary code when loaded, so they are refused unless
    ``allow_pickle=True`` says that you trust the file.

    Parameters
    ----------
    path : str or os.PathLike
        The model file.
    allow_pickle : bool, default=False
        Load a pickle/joblib file. Only for files you trust. Only the boolean
        True gives consent: any other value (``"false"``, 1) is refused.
    max_bytes : int or None, default=536_870_912 (512 MiB)
        The most memory a skops file may claim: the sizes its zip members
        declare, once uncompressed, all together, and the file's own size. The
        sizes are checked before anything is inflated, so a small file that
        would inflate to gigabytes is refused at once; a member that inflates
        past its declared size is refused as it does. Raise it for a larger
        model you trust; None removes the limit.

    Returns
    -------
    model : estimator

    Raises
    ------
    FileNotFoundError
        If there is no such file.
    OSError
        If the path is too long for the file system (the message says which
        part, and the limit), or is a loop of symbolic links.
    ValueError
        If the file is corrupt, truncated or tampered with (a malformed schema,
        members too large), is not a model file, holds types outside the trust
        list, is not a regular file, or is a pickle and ``allow_pickle`` is
        False; or if the path holds a NUL character or a lone surrogate. The
        message names the file and what is wrong.
    DamagedModelError
        A ``ValueError`` too: the file loads, but a model in it was edited or
        damaged (a parameter missing or out of its range, a fitted attribute
        missing, of the wrong type or shape, or inconsistent with the others).
        The message names the file, the estimator and the attribute.
    TypeError
        If the file loads but holds something other than an estimator (a dict,
        a number, an array), or ``allow_pickle`` is not a bool.

    Warns
    -----
    ModelVersionWarning
        If another version of sknextchar saved the file.
    UserWarning
        If an estimator in it was saved with ``random_state=True`` (or False),
        which a fit read as the seed 1 (0) before bools were refused: it loads
        with that int seed.

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
    if not isinstance(allow_pickle, bool):
        raise TypeError(
            f"allow_pickle must be True or False; got {allow_pickle!r}. Only True "
            "allows unpickling, which can run arbitrary code."
        )
    if max_bytes is not None and (
        isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1
    ):
        raise TypeError(f"max_bytes must be a positive int or None; got {max_bytes!r}.")
    _check_path(path, "load_model reads a model file", " An estimator you already "
                "hold needs no loading.")  # fmt: skip
    path = Path(path)
    data = _read_model_file(path, max_bytes)
    if data[:4] != ZIP_MAGIC and not allow_pickle:
        raise ValueError(
            _no_model_file(path, data)
            or f"{shown_path(path)} is not a skops file; if it is a pickle or joblib "
            "file, loading it can run arbitrary code. Pass allow_pickle=True only "
            "if you trust where it came from."
        )
    from ._random_states import collect_bool_seeds, warn_bool_seeds  # NumPy: lazily

    with collect_version_notes() as notes, collect_bool_seeds() as seeds:
        if data[:4] == ZIP_MAGIC:
            model = _check_is_model(_load_skops(path, data, max_bytes), path)
        else:
            model = _check_is_model(_load_pickle(path, data), path)
    warn_other_versions(path, notes)
    estimators = validate_loaded_params(model, path)
    check_fitted_state(model, path, estimators=estimators)
    warn_bool_seeds(path, seeds)  # "loaded with the seed 1": once it loads
    return model


def check_fitted_state(model, path, *, estimators=None):
    """Refuse a loaded model whose fitted state was edited or damaged.

    Every estimator inside the model is checked
    (:func:`~sknextchar._state_checks.fitted_state_problem`), the fitted members
    of wrappers included, and before the wrappers that hold them, so that the
    message names the innermost estimator at fault.

    Parameters
    ----------
    model : estimator
        The loaded model.
    path : str or os.PathLike
        Its file, for the message.
    estimators : list of estimator or None, default=None
        The estimators inside the model as
        :func:`~sknextchar._model_checks.fitted_estimators` gives them, if the
        caller has them (:func:`~sknextchar._model_checks.validate_loaded_params`
        returns them); None finds them.

    Raises
    ------
    DamagedModelError
        Naming the file, the estimator, the attribute and what to do.

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> from sknextchar._persistence import check_fitted_state
    >>> t = ContextWindowTransformer().fit(["abid"])
    >>> check_fitted_state(t, "m.skops")
    >>> t.vocabulary_ = None  # as an edited file could hold it
    >>> check_fitted_state(t, "m.skops")
    Traceback (most recent call last):
    ...
    sknextchar.exceptions.DamagedModelError: Cannot load 'm.skops': its ...
    """
    found = _damaged_part(model, estimators)
    if found is not None:
        raise DamagedModelError(
            f"Cannot load {shown_path(path)}: its {found}. {DAMAGED_ADVICE}"
        )


def _damaged_part(model, estimators=None):
    """``"<Estimator> is damaged (<problem>)"`` for the innermost at fault, or None.

    The steps of a pipeline are checked last, so that a sampler or a classifier
    of names that holds it names it (``pipelines_[1]``).
    """
    from ._state_checks import damaged_estimator  # NumPy: not at import

    if estimators is None:
        estimators = list(fitted_estimators(model))
    found = damaged_estimator(estimators)
    return None if found is None else _damaged_words(*found)


def _damaged_words(estimator, problem):
    """How a refusal to load or to save names the estimator at fault."""
    return f"{type(estimator).__name__} is damaged ({problem})"


def _check_path(path, what, advice=""):
    """A path is a non-empty str or os.PathLike; a leading "~" is no home here."""
    if not isinstance(path, (str, os.PathLike)) or isinstance(os.fspath(path), bytes):
        raise TypeError(
            f"{what}: pass its path (a str or a pathlib.Path); got a value of "
            f"type {type(path).__name__}.{advice}"
        )
    if not os.fspath(path):
        raise FileNotFoundError(f"{what}: pass its path; got an empty path ('').")
    home = os.fspath(path).split(os.sep)[0]
    if home.startswith("~") and not os.path.lexists(home):
        raise FileNotFoundError(
            f"No such folder: {shown_path(home)} in {shown_path(path)}. {_NO_HOME}."
        )


# Python's file functions do not expand "~" (the command line says it its own
# way: the shell expands it, but not inside quotes or after --flag=).
_NO_HOME = "Python does not read '~' as your home folder: pass os.path.expanduser(path)"


def _is_model_name(path):
    """Whether the file at ``path`` may be offered for a missing model file:
    named as one, or one by its content (``train -o m`` saves one so)."""
    if path.casefold().endswith(MODEL_SUFFIXES):
        return True
    try:
        return os.path.getsize(path) > 0 and not_a_model_file(path) is None
    except OSError:  # not readable: not offered
        return False


def _read_model_file(path, max_bytes):
    """The bytes of a regular file, refusing folders, FIFOs and huge files."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise FileNotFoundError(
            f"No such model file: {shown_path(path)}{dangling_link_note(path)}."
            + close_file_note(path, _is_model_name)
        ) from None
    except ValueError:  # a NUL or a lone surrogate in the path
        raise ValueError(
            f"Cannot load {shown_path(path)}: {unnamable_path(path)}. Check the path."
        ) from None
    except NotADirectoryError:
        raise FileNotFoundError(
            f"No such model file: {shown_path(path)}: "
            f"{shown_path(file_on_the_way(path))} is a "
            "file, not a folder."
        ) from None
    except OSError as error:
        if error.errno == errno.ENAMETOOLONG:
            raise OSError(
                f"Cannot load {shown_path(path)}: {name_too_long(path)}. Check "
                "the path."
            ) from None
        if error.errno != errno.ELOOP:
            raise
        raise OSError(  # one argument: no "[Errno 40]" before the message
            f"Cannot load {shown_path(path)}: {LINK_LOOP}; pass the path of a model "
            "file."
        ) from None
    if stat.S_ISDIR(status.st_mode):
        raise FileNotFoundError(f"No such model file: {shown_path(path)} is a folder.")
    if not stat.S_ISREG(status.st_mode):
        raise ValueError(
            f"Cannot load {shown_path(path)}: it is not a regular file (a FIFO, a "
            "device or a socket); pass the path of a model file."
        )
    if max_bytes is not None and status.st_size > max_bytes:
        raise ValueError(
            f"Cannot load {shown_path(path)}: it has {status.st_size:,} bytes, more "
            "than "
            f"max_bytes={max_bytes:,}; if you trust the file, raise the limit "
            "(max_bytes=...)."
        )
    with open(path, "rb") as f:
        return f.read()


# What the messages about a file that is no model say a model file is (the
# command line says it its own way).
_MODEL_FILE = "a model file is what save_model(model, path) writes"


def _no_model_file(path, data):
    """What a file that is no zip is, if it is plainly no pickle either, else None.

    An empty file and a text file (a file of names, say) are named as what they
    are: the advice to trust them as pickles would be wrong.
    """
    if not data:
        return f"{shown_path(path)} is not a skops file: it is empty; {_MODEL_FILE}."
    # The text pickles of protocol 0 end with its STOP opcode (".").
    line = None if data.endswith(b".") else first_text_line(data)
    if line is None:
        return None
    return (
        f"{shown_path(path)} is not a skops file but {text_file_kind(line)}, perhaps a "
        f"file of names to train a model on; {_MODEL_FILE}."
    )


def _load_pickle(path, data):
    import joblib

    try:
        return joblib.load(io.BytesIO(data))
    except Warning:  # a ModelVersionWarning turned into an error: not corruption
        raise
    except DamagedModelError as exc:  # a model's own check, as it was restored
        raise DamagedModelError(f"Cannot load {shown_path(path)}: {exc}") from exc
    except (AttributeError, ImportError) as exc:  # a class this version lacks
        refuse_other_version(path, missing_names(exc), set())
        raise ValueError(
            f"Cannot load {shown_path(path)}: it is corrupt, truncated or not a model "
            f"file ({type(exc).__name__}: {exc})."
        ) from exc
    except Exception as exc:  # pickle reports corruption with many types
        raise ValueError(
            _no_model_file(path, data)
            or f"Cannot load {shown_path(path)}: it is corrupt, truncated or not a "
            f"model file ({type(exc).__name__}: {exc})."
        ) from exc


def _is_model(obj):
    # scikit-learn's duck typing of an estimator (BaseEstimator provides it).
    return hasattr(obj, "get_params")


def _check_is_model(model, path):
    """A file that loads but holds a dict, a number, an array... is no model."""
    if not _is_model(model):
        raise WrongKindError(
            f"{shown_path(path)} holds a {type(model).__name__}, not a model (a "
            "scikit-learn estimator, such as a fitted Pipeline); it was not saved "
            "by save_model."
        )
    return model


def _load_skops(path, data, max_bytes):
    skops_io = import_skops_io()
    # Its members inflated within the limit, stored: skops inflates nothing.
    data = check_skops_archive(path, data, max_bytes=max_bytes or float("inf"))
    # One reading of the schema: skops refuses every type outside the trust list
    # before it makes any object. Only a file it refuses is read again, by
    # _refuse_untrusted, to tell why (a type of another version, or not trusted).
    try:
        return skops_io.load(io.BytesIO(data), trusted=get_trusted_types())
    except Warning:  # a ModelVersionWarning turned into an error: not corruption
        raise
    except DamagedModelError as exc:
        raise DamagedModelError(f"Cannot load {shown_path(path)}: {exc}") from exc
    except Exception as exc:
        failure = exc
    refuse_newer_skops(path, data, skops_io)
    _refuse_untrusted(path, data, skops_io)
    raise ValueError(
        f"Cannot load {shown_path(path)}: it is corrupt or truncated "
        f"({type(failure).__name__}: {failure})."
    ) from failure


def _refuse_untrusted(path, data, skops_io):
    """Refuse a skops file whose schema is malformed or names untrusted types."""
    try:
        untrusted = skops_io.get_untrusted_types(data=data)
    except Warning:
        raise
    except Exception as exc:  # crafted schemas fail with many types
        raise ValueError(
            f"Cannot load {shown_path(path)}: it is corrupt, truncated or not a skops "
            f"model file ({type(exc).__name__}: {exc})."
        ) from exc
    unknown = sorted(set(untrusted) - set(_TRUSTED_TYPES))
    ours = [name for name in unknown if name.startswith("sknextchar.")]
    if ours:  # not in the trust list: a class of another version of the package
        refuse_other_version(path, ours, skops_versions(data))
    if unknown:
        raise ValueError(
            f"Refusing to load {shown_path(path)}: it holds types that sknextchar does "
            f"not trust: {unknown}. If you trust this file, load it yourself with "
            "skops.io.load(path, trusted=[...]) after reviewing those types."
        )
