"""Files saved by another version of sknextchar: the warning and the refusal.

A model file records the version of sknextchar that saved each of its
estimators. :func:`warn_other_versions` warns when another version saved a
file that loads; :func:`refuse_other_version` says why a file that names
classes this version lacks cannot load (not damaged: saved by another
version), and how to install the version that saved it. A skops file's
versions are read from its schema (:func:`skops_versions`), a pickle's missing
class from the unpickling error (:func:`missing_names`).
"""

import io
import json
import re
import reprlib
import warnings
import zipfile

from ._estimator import install_version_advice
from ._shown_paths import shown_path
from ._skops_release import SKOPS_INSTALL, skops_install
from ._version import __version__
from ._words import capitalized
from .exceptions import ModelVersionWarning

__all__ = [
    "missing_names",
    "refuse_newer_skops",
    "refuse_other_version",
    "skops_versions",
    "warn_other_versions",
]

# pickle's AttributeError for a class its module no longer has.
_MISSING_CLASS = re.compile(r"attribute '([\w.]+)' on <module '([\w.]+)'")
# No release number is longer; a longer one, edited in, is shown cut (reprlib).
_LONGEST_VERSION = 40
# A version number as packages are released with (PEP 440, without epochs).
_VERSION = re.compile(r"\d+(\.\d+)*((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?(\+[\w.]+)?")


def warn_other_versions(path, notes):
    """One ModelVersionWarning for a file whose estimators another version saved.

    Parameters
    ----------
    path : str or os.PathLike
        The file, for the message.
    notes : list of (str, str)
        The kind of each estimator that another version saved and the version
        its file records (what ``collect_version_notes`` gathers); empty:
        nothing is said.

    Warns
    -----
    ModelVersionWarning
        Naming the versions, the kinds of estimator and what to do; it points
        at the caller of the caller (``load_model``'s).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_other_versions("m.skops", [("NameSampler", "0.1.0")])
    >>> str(caught[0].message)[:51]
    "'m.skops' was saved by sknextchar 0.1.0 and is load"
    """
    if not notes:
        return
    versions = sorted({saved for _, saved in notes}, key=str)
    kinds = list(dict.fromkeys(kind for kind, _ in notes))
    kinds = ", ".join(kinds[:-1]) + " and " * (len(kinds) > 1) + kinds[-1]
    real = [version for version in versions if _is_version(version)]
    install = f", or {install_version_advice(real[-1])} to use it" if real else ""
    warnings.warn(
        f"{shown_path(path)} was saved by sknextchar {_versions_shown(versions)} and "
        f"is loaded by sknextchar {__version__}: its {kinds} may not work "
        f"or may give different results. Train the model again with sknextchar "
        f"{__version__}{install}.",
        ModelVersionWarning,
        stacklevel=3,
    )


def skops_versions(data):
    """The sknextchar versions a skops file's schema records (empty if none).

    Parameters
    ----------
    data : bytes
        The skops file, its schema checked before.

    Returns
    -------
    versions : set of str
        Empty when the schema records none or cannot be read.

    Examples
    --------
    >>> skops_versions(b"no zip")
    set()
    """
    found = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "_sknextchar_version" and isinstance(value, dict):
                    content = value.get("content")
                    if isinstance(content, str) and value.get("is_json"):
                        found.add(json.loads(content))
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    schema = skops_schema(data)  # checked before: unreadable is no reason to refuse
    try:
        walk(schema)
    except (ValueError, RecursionError):
        return set()
    return {version for version in found if isinstance(version, str)}


def skops_schema(data):
    """The schema of a skops file, or None if it cannot be read as a JSON object.

    Parameters
    ----------
    data : bytes
        The skops file (a zip archive with a ``schema.json``).

    Returns
    -------
    schema : dict or None

    Examples
    --------
    >>> skops_schema(b"no zip") is None
    True
    """
    try:
        schema = json.loads(zipfile.ZipFile(io.BytesIO(data)).read("schema.json"))
    except (ValueError, KeyError, zipfile.BadZipFile, RecursionError):
        return None
    return schema if isinstance(schema, dict) else None


def _protocol_and_version(schema):
    """The skops protocol (int) and skops version (str) a schema records."""
    schema = schema or {}
    protocol, version = schema.get("protocol"), schema.get("_skops_version")
    if not isinstance(protocol, int) or isinstance(protocol, bool):
        protocol = None
    return protocol, version if isinstance(version, str) else None


def refuse_newer_skops(path, data, skops_io):
    """Refuse a skops file in a format (``protocol``) the installed skops lacks.

    skops numbers the format of its files (the schema's ``protocol``) and
    reads no file of a later number: such a file is no damaged one, and an
    upgrade of skops loads it if a newer skops wrote it. The message says
    "newer skops" only when the skops version the file records is newer than
    the installed one; otherwise the file was edited or records no version.

    Parameters
    ----------
    path : str or os.PathLike
        The file, for the message.
    data : bytes
        The skops file, which skops failed to load.
    skops_io : module
        ``skops.io``: the protocol and version it writes are the installed
        skops's.

    Raises
    ------
    ValueError
        If the file's protocol is later than the one this skops writes.

    Examples
    --------
    >>> import skops.io
    >>> refuse_newer_skops("m.skops", b"no zip", skops.io)  # nothing to tell
    """
    protocol, version = _protocol_and_version(skops_schema(data))
    newest, installed = _protocol_and_version(skops_schema(skops_io.dumps(0)))
    if protocol is None or newest is None or protocol <= newest:
        return
    reads = f"the skops installed ({installed}) reads protocols up to {newest}"
    upgrade = f"({SKOPS_INSTALL}), then load it again."
    if _is_newer(version, installed):
        raise ValueError(
            f"Cannot load {shown_path(path)}: it was saved by a newer skops "
            f"({version}), "
            f"in the file format of protocol {reprlib.repr(protocol)}, and {reads}. "
            f"Upgrade skops ({skops_install(version)}), then load it again."
        )
    recorded = f"skops {_versions_shown([version])}" if version else "no skops version"
    raise ValueError(
        f"Cannot load {shown_path(path)}: its schema claims skops protocol "
        f"{reprlib.repr(protocol)}, and {reads}; it records {recorded}, "
        "so it was written by a newer skops or edited. If a newer skops wrote it, "
        f"upgrade skops {upgrade}"
    )


def _is_newer(version, installed):
    """Whether the skops ``version`` a file records is later than ``installed``."""
    if not (_is_version(version) and _is_version(installed)):
        return False
    from packaging.version import Version

    return Version(version) > Version(installed)


def missing_names(exc):
    """The module or class that unpickling did not find, if it says which.

    Parameters
    ----------
    exc : AttributeError or ImportError
        What unpickling raised.

    Returns
    -------
    names : list of str
        The dotted name of the module or class, or empty.

    Examples
    --------
    >>> missing_names(ModuleNotFoundError("no", name="sknextchar._old"))
    ['sknextchar._old']
    >>> missing_names(AttributeError(
    ...     "Can't get attribute 'Old' on <module 'sknextchar._sampler'>"))
    ['sknextchar._sampler.Old']
    """
    if isinstance(exc, ImportError):
        return [exc.name] if exc.name else []
    found = _MISSING_CLASS.search(str(exc))
    return [f"{found[2]}.{found[1]}"] if found else []


def refuse_other_version(path, missing, versions):
    """A file that names the package's classes this version lacks: say why.

    Such a file was saved by another version of sknextchar (one where the class
    exists or lives elsewhere), not damaged: the message says which version
    saved it when the file records it, and what to do.

    Parameters
    ----------
    path : str or os.PathLike
        The file, for the message.
    missing : list of str
        The classes (or modules) the file needs and this version lacks; empty:
        nothing is refused.
    versions : set of str
        The versions of sknextchar the file records (may be empty).

    Raises
    ------
    ValueError
        Unless ``missing`` is empty, or the file records this very version
        only (an edited file, which the caller refuses as such).

    Examples
    --------
    >>> refuse_other_version("m.skops", ["sknextchar._old.Model"], {"0.1.0"})
    Traceback (most recent call last):
    ...
    ValueError: Cannot load 'm.skops': it was saved by sknextchar 0.1.0, and ...
    """
    if not missing:
        return
    package = missing[0].split(".")[0]
    if package != "sknextchar":  # a pickle of another package's classes
        raise ValueError(
            f"Cannot load {shown_path(path)}: it needs {missing[0]}, which the "
            f"installed {package} does not have (or {package} is not installed): "
            f"it was saved with another version of {package}. Install the version "
            "that saved it, or train the model again."
        )
    others = sorted(versions - {__version__})
    if versions and not others:
        return  # saved by this very version: an edited file, refused as such
    real = [version for version in others if _is_version(version)]
    saved = (
        f"sknextchar {_versions_shown(others)}"
        if others
        else "another version of sknextchar"
    )
    advice = "Load it with the version of sknextchar that saved it"
    if real:
        install = install_version_advice(real[-1])
        advice = f"{capitalized(install)} to load it"
    raise ValueError(
        f"Cannot load {shown_path(path)}: it was saved by {saved}, and needs "
        f"{', '.join(missing)}, which sknextchar {__version__} (installed here) does "
        f"not have. {advice}, or train the model again with this version."
    )


def _is_version(saved):
    return (
        isinstance(saved, str)
        and len(saved) <= _LONGEST_VERSION
        and _VERSION.fullmatch(saved) is not None
    )


def _versions_shown(versions):
    """The versions a file records, those that are no version number quoted
    (cut to 40 characters): an edited file may record anything."""
    shown = [
        version if _is_version(version) else f"{reprlib.repr(version)} (no version)"
        for version in versions
    ]
    return " and ".join(shown)
