"""The lines of a list copied from a web page or a document: the number,
bullet or quote marks around each name (:func:`list_numbered`,
:func:`list_item`), and a first line that reads as the list's title
(:func:`reads_as_title`). The readers of names files warn of the title by
these, the transformer's message on unknown characters advises by them, and
``train`` says what reads a list in quotes: one rule for all of them.
"""

import re

__all__ = ["BULLETS", "list_item", "list_numbered", "reads_as_title"]

# The bullets of a list: "• Chloe", "- Dev", "* Emil".
BULLETS = "•◦‣▪▫●○·*-–—"

# The number or bullet of a list copied from a web page or a document: "1. Anna",
# "2) Ben", "• Chloe", "- Dev", "* Emil" (a number of any script: \d).
_LIST_MARK = re.compile(rf"\s*(?:\d+[.)]|[{re.escape(BULLETS)}])\s")


def list_numbered(name):
    """Whether ``name`` starts with a list number or bullet, as a list copied
    from a web page or a document gives it (``"1. Anna"``, ``"2) Ben"``,
    ``"• Chloe"``, ``"- Dev"``).

    Examples
    --------
    >>> list_numbered("1. Anna"), list_numbered("2) Ben"), list_numbered("• Chloe")
    (True, True, True)
    >>> list_numbered("Louis XIV"), list_numbered("-Dev"), list_numbered("Jean-Luc")
    (False, False, False)
    """
    return _LIST_MARK.match(name) is not None


def list_item(name):
    """``name`` without the list number or bullet it starts with and without
    the double quotes around it, as a list gives it (``"1. Anna"``,
    ``'"Anna"'``); stripped.

    Examples
    --------
    >>> list_item("1. Anna"), list_item('"Ben"'), list_item("Louis 14")
    ('Anna', 'Ben', 'Louis 14')
    """
    mark = _LIST_MARK.match(name)
    name = (name[mark.end() :] if mark else name).strip()
    if len(name) > 1 and name[0] == name[-1] == '"':
        name = name[1:-1].strip()
    return name


def reads_as_title(name):
    """Whether a name read from a list reads as a title: a run of two digits
    or more in three words or more (``Top 10 names``), or of four (a year:
    ``Names 2024``) in two, quote marks around it or not; not ``Mary Ann
    2``, ``R2 D2``, ``Anna 2.0``, ``Louis 14``, a list's item (``1. Anna
    Maria``) or a ``#`` line (which warns of itself).

    Examples
    --------
    >>> reads_as_title("Baby names 2024"), reads_as_title('"Baby names 2024"')
    (True, True)
    >>> reads_as_title("Louis 14"), reads_as_title("1. Anna Maria")
    (False, False)
    """
    if list_numbered(name):
        return False
    name = list_item(name)
    words = len(name.split())
    if words < 2 or name.startswith("#"):
        return False
    return bool(re.search(r"\d{2,}" if words >= 3 else r"\d{4}", name))
