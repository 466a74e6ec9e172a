"""The oldest skops that sknextchar reads and writes model files with, and how
to install a newer one.

The one place of the install command: the refusal of an old skops
(``_persistence``), of a file in a newer skops format (``_saved_versions``,
with the file's skops as the floor when it records a newer one) and the command
line's advice for a missing skops all give it. It imports nothing,
so the command line can name it without loading NumPy.
"""

__all__ = ["SAFE_SKOPS", "SKOPS_INSTALL", "skops_install"]

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
