"""Sources of names that are no plain path: file objects, and web addresses.

Open files and file-like objects are read as files of names, as a path is.

``load_names(io.StringIO("Asha\\nRavi\\n"))``, or a file opened in text or
binary mode, reads what ``read()`` gives from where the file is, with the
same parsing as a path: its text goes to a temporary file of the same name
(its suffix, ``.csv``, says how a table is read), read by the loader, and
deleted. Messages and warnings name the file object, never the temporary
file.

A web address (``https://...``) is no file: it is never downloaded, and the
message of a missing file says how to get it.
"""

import contextlib
import os
import re
import tempfile
import warnings

from .._shown_paths import ShownAs, shown_path
from .._stacklevel import user_stacklevel

__all__ = [
    "is_file_object",
    "load_named_as",
    "names_of_file_object",
    "warn_renamed",
    "web_address_error",
]

_URL = re.compile(r"(?:https?|ftps?|s3|gs)://", re.IGNORECASE)


def web_address_error(path):
    """The error of a file of names that is a web address, or None.

    Examples
    --------
    >>> print(web_address_error("https://example.org/names.txt"))
    ... # doctest: +NORMALIZE_WHITESPACE
    'https://example.org/names.txt' is a web address, not a file: names are
    read from files only, never downloaded. Download it first (e.g. curl -LO
    URL, or wget URL) and pass the file saved.
    >>> web_address_error("names.txt") is None
    True
    """
    if not _URL.match(path):
        return None
    return FileNotFoundError(
        f"{shown_path(path)} is a web address, not a file: names are read from "
        "files only, never downloaded. Download it first (e.g. curl -LO URL, "
        "or wget URL) and pass the file saved."
    )


def is_file_object(source):
    """Whether ``source`` is read as a file object (it has ``read``), not a path.

    Examples
    --------
    >>> import io
    >>> is_file_object(io.StringIO("asha")), is_file_object("names.txt")
    (True, False)
    """
    return callable(getattr(source, "read", None))


def names_of_file_object(load, file, encoding, **arguments):
    """``load(path, encoding=..., **arguments)`` on the text of ``file``.

    Parameters
    ----------
    load : callable
        The loader of a path (:func:`~sknextchar.datasets.load_names`).
    file : file object
        Its ``read()`` gives str (then read as UTF-8 whatever ``encoding``
        says: it is decoded already) or bytes (decoded with ``encoding``).
    encoding : str
    **arguments
        The loader's other arguments.

    Returns
    -------
    What ``load`` returns.

    Examples
    --------
    >>> import io
    >>> from sknextchar.datasets import load_names
    >>> names_of_file_object(load_names, io.BytesIO(b"Asha\\nZo\\xeb\\n"), "latin-1")
    ['Asha', 'Zoë']
    """
    data = file.read()
    if isinstance(data, str):
        data, encoding = data.encode("utf-8"), "utf-8"
    elif not isinstance(data, (bytes, bytearray)):
        raise TypeError(
            f"path must be a file's path or a file object whose read() gives str "
            f"or bytes; {type(file).__name__}.read() gave {type(data).__name__}."
        )
    name = getattr(file, "name", None)
    given = name if isinstance(name, str) else ShownAs(f"<{type(file).__name__}>")
    base = os.path.basename(name) if isinstance(name, str) else "names"
    return load_named_as(load, data, given, base or "names", encoding, **arguments)


def load_named_as(load, data, given, base, encoding, **arguments):
    """``load(path, encoding=..., **arguments)`` on ``data`` written to a
    temporary file named ``base`` (its suffix says how a table is read),
    deleted after; errors and warnings name ``given`` instead of it.

    Examples
    --------
    >>> from sknextchar.datasets import load_names
    >>> load_named_as(load_names, b"Asha\\n", "kids.xlsx", "kids.tsv", "utf-8")
    ['Asha']
    """
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, base)
        with open(path, "wb") as temporary:
            temporary.write(data)
        with _named_as(path, given):
            return load(path, encoding=encoding, **arguments)


@contextlib.contextmanager
def _named_as(path, given):
    """Errors and warnings that name the temporary file ``path`` name
    ``given`` instead (the file object's name, or what shows it): in their
    message, and in the attributes an error makes its message anew from
    when it is copied or pickled (:func:`_renamed`)."""
    shown = shown_path(given)

    def named(text):
        return text.replace(shown_path(path), shown).replace(path, shown)

    caught = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")  # told below, under the caller's filters
            yield
    except Exception as error:
        error.args = _renamed(error.args, path, given, named)
        vars(error).update(_renamed(vars(error), path, given, named))
        raise
    finally:
        warn_renamed(caught, named, path, given)


def warn_renamed(caught, named, path=None, given=None):
    """Warn again the ``caught`` warnings, their texts made ``named(text)``
    (and a str that is ``path``, ``given``): in their message, and in the
    attributes a warning made of parts words its message from (a
    :class:`~sknextchar.datasets._quoted_lines.QuotedLinesWarning` takes
    no message alone).

    Examples
    --------
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warnings.warn("kids.tsv has a title")
    >>> with warnings.catch_warnings(record=True) as again:
    ...     warnings.simplefilter("always")
    ...     warn_renamed(caught, lambda text: text.replace(".tsv", ".xlsx"))
    >>> str(again[0].message)
    'kids.xlsx has a title'
    """
    for warning in caught:
        message = warning.message  # made for that warning: renamed in place
        message.args = _renamed(message.args, path, given, named)
        vars(message).update(_renamed(vars(message), path, given, named))
        warnings.warn(message, stacklevel=user_stacklevel())


def _renamed(value, path, given, named):
    """``value`` (an error's arguments or attributes) with the temporary file
    ``path`` replaced: a str that is that path by ``given``, a text that names
    it by ``named(text)``, in lists, tuples and dicts too."""
    if isinstance(value, str):
        return given if value == path else named(value)
    if type(value) in (list, tuple):
        return type(value)(_renamed(each, path, given, named) for each in value)
    if type(value) is dict:
        return {key: _renamed(each, path, given, named) for key, each in value.items()}
    return value
