"""The skops that sknextchar reads and writes model files with: the oldest
safe release, how to install a newer one, and ``skops.io`` imported.

The one place of the install command: the refusal of an old skops
(:func:`check_skops_release`), of a file in a newer skops format
(``_saved_versions``, with the file's skops as the floor when it records a
newer one) and the command line's advice for a missing skops all give it.
:func:`import_skops_io` is the one way into ``skops.io``: it refuses a release
older than :data:`SAFE_SKOPS` first, and imports skops without the array
libraries scikit-learn's adapters would load. Saving and loading the files is
``_persistence``'s. It imports nothing of the package, and skops only when
asked, so the command line can name the install command without loading NumPy.
"""

import re
import sys

__all__ = [
    "ARRAY_ADAPTERS",
    "SAFE_SKOPS",
    "SKOPS_INSTALL",
    "check_skops_release",
    "import_skops_io",
    "skops_install",
]

#: The first skops release that refuses a hostile file before it imports or
#: calls anything the file names (the floor of ``pyproject.toml``): 0.11 to 0.13
#: import the module a ``LossNode`` names before checking it against the trust
#: list, and 0.11 to 0.14 call whatever ``numpy.random`` attribute a
#: ``Generator`` names as its bit generator; 0.10 no longer imports beside
#: scikit-learn 1.9.
SAFE_SKOPS = "0.15"


def skops_install(floor=SAFE_SKOPS):
    """The command that installs the newest skops, at least ``floor``.

    Parameters
    ----------
    floor : str, default=SAFE_SKOPS
        The oldest release that will do: a file saved by a newer skops than
        the one installed needs at least that one.

    Returns
    -------
    command : str

    Examples
    --------
    >>> skops_install()
    'python -m pip install --upgrade "skops>=0.15"'
    >>> skops_install("0.17")
    'python -m pip install --upgrade "skops>=0.17"'
    """
    return f'python -m pip install --upgrade "skops>={floor}"'


#: The command that installs a safe skops (the newest release), as every error
#: about skops gives it.
SKOPS_INSTALL = skops_install()


# scikit-learn's adapters of other array libraries to the array API, each with
# the library it imports. No estimator is there (scikit-learn's list of its
# estimators skips sklearn.externals), but listing them walks every package.
ARRAY_ADAPTERS = {
    "sklearn.externals.array_api_compat.cupy": "cupy",
    "sklearn.externals.array_api_compat.dask": "dask.array",
    "sklearn.externals.array_api_compat.torch": "torch",
}


def import_skops_io():
    """``skops.io``, imported without the array libraries its import would load.

    skops lists scikit-learn's estimators when it is first imported; the
    listing imports every package of scikit-learn, among them its adapters of
    PyTorch, Dask and CuPy to the array API (:data:`ARRAY_ADAPTERS`), which
    import those libraries where they are installed: with PyTorch, about 3 s
    and 250 MB more for every command that reads or writes a model file.
    While skops is imported, the adapter of each library not imported yet is
    marked missing, so the listing skips it; the marks go afterwards, and
    skops trusts the same types. A release of skops older than
    :data:`SAFE_SKOPS` is refused first (:func:`check_skops_release`).

    Returns
    -------
    module : module
        ``skops.io``.

    Raises
    ------
    ImportError
        If skops is missing, or older than :data:`SAFE_SKOPS`.

    Examples
    --------
    >>> import sys
    >>> import_skops_io().__name__
    'skops.io'
    >>> any(sys.modules.get(name, 0) is None for name in ARRAY_ADAPTERS)
    False
    """
    import skops  # its version only: an old skops.io may not even import

    check_skops_release(getattr(skops, "__version__", None))
    if "skops.io" not in sys.modules:
        skipped = [
            adapter
            for adapter, library in ARRAY_ADAPTERS.items()
            if adapter not in sys.modules and library not in sys.modules
        ]
        for adapter in skipped:
            sys.modules[adapter] = None  # importing it raises ImportError
        try:
            import skops.io  # noqa: F401
        finally:
            for adapter in skipped:
                if sys.modules.get(adapter, 0) is None:
                    del sys.modules[adapter]
    import skops.io

    return skops.io


def _release(version):
    """The release of a version string, comparable to another, or None.

    With ``packaging`` (which skops depends on) a pre-release sorts before its
    release ("0.15rc1" < "0.15"); without it, or for a version it cannot read,
    the leading ``major.minor`` is compared.
    """
    try:
        from packaging.version import InvalidVersion, Version
    except ImportError:
        Version = None
    if Version is not None:
        try:
            return Version(str(version))
        except InvalidVersion:
            pass
    found = re.match(r"\s*v?(\d+)\.(\d+)", str(version))
    if found is None:
        return None
    release = int(found[1]), int(found[2])
    return release if Version is None else Version(f"{release[0]}.{release[1]}")


def check_skops_release(version):
    """Refuse a release of skops older than :data:`SAFE_SKOPS`, or of no version.

    Such a release imports a module, or calls a function, that a hostile
    model file names before it refuses the file, so no skops file is read or
    written with it (a save loads its file back), whatever pip was told;
    joblib files are not concerned.

    Parameters
    ----------
    version : str or None
        ``skops.__version__`` (None if skops has none). A version that names
        no release (no ``major.minor``) is refused too: nothing says the
        release is safe.

    Raises
    ------
    ImportError
        Naming the release installed and the command that installs a safe one.

    Examples
    --------
    >>> check_skops_release("0.16.0")
    >>> check_skops_release("0.16rc1")
    >>> check_skops_release("0.13.0")
    Traceback (most recent call last):
    ...
    ImportError: skops 0.13.0 is installed, and skops before 0.15 imports ...
    """
    release = _release(version)
    if release is not None and release >= _release(SAFE_SKOPS):
        return
    if release is None:
        installed = (
            f"skops of no known release (__version__ = {version!r}) is installed, "
            f"so sknextchar cannot tell it from one before {SAFE_SKOPS}; skops"
        )
    else:
        installed = f"skops {version} is installed, and skops"
    raise ImportError(
        f"{installed} before {SAFE_SKOPS} imports modules and calls functions "
        "that a hostile model file names before it refuses the file; sknextchar "
        "reads and writes no skops file with it (joblib files still work). "
        f"Install a newer one: {SKOPS_INSTALL}"
    )
