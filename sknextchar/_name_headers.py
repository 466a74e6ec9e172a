"""The headers that say "name": a header field compared without case
(:func:`header_key`), the headers of a column of names (:data:`NAME_HEADERS`,
:func:`is_name_header`), and the header of a list of one column
(:func:`one_column_header`, ``"name"`` above ``"Asha"``). It imports nothing
of the package, so that the readers of tables and the advice on names read
with their quote marks share one rule.
"""

import csv
import re
import unicodedata

__all__ = ["NAME_HEADERS", "header_key", "is_name_header", "one_column_header"]

# The headers of a column of names, as header_key spells them.
NAME_HEADERS = frozenset(
    {"name", "names", "first name", "first names", "firstname", "given name",
     "given names", "givenname", "forename", "forenames", "prenom", "prénom",
     "vorname", "nombre", "nome", "voornaam"}
)  # fmt: skip


# The words of a header of names alone in a .csv file (``Full name``, ``Name:``,
# ``Baby Name``, ``Name (first)``), as header_key spells them.
_NAME_WORDS = frozenset(
    {"name", "names", "firstname", "forename", "forenames", "givenname", "nom",
     "nombre", "nombres", "nome", "prenom", "prénom", "prénoms",
     "vorname", "vornamen", "voornaam", "voornamen"}
)  # fmt: skip


def header_key(field):
    """A header field compared without case, ``_`` and ``-`` read as spaces,
    in Unicode NFC (as the names are: a header typed on a Mac, ``Pre\u0301nom``,
    is ``prénom``).

    Examples
    --------
    >>> header_key("  First_Name "), header_key("GIVEN-name")
    ('first name', 'given name')
    >>> header_key("Pre\u0301nom") == "pr\u00e9nom"
    True
    """
    field = unicodedata.normalize("NFC", field)
    return " ".join(field.replace("_", " ").replace("-", " ").casefold().split())


def is_name_header(field, *, alone=False):
    """Whether a header field says "name" (:data:`NAME_HEADERS`); with
    ``alone`` (the only field of the first line of a ``.csv`` or ``.tsv``
    file), also a few words with one of "name" in some languages, without
    digits or delimiters (``Full name``, ``Name:``, ``Name (first)``; not
    ``Names 2024``).

    Examples
    --------
    >>> is_name_header("Given_Name"), is_name_header("Full name")
    (True, False)
    >>> is_name_header("Name (first)", alone=True)
    True
    >>> is_name_header("Baby names 2024", alone=True)
    False
    """
    key = header_key(field)
    if key in NAME_HEADERS:
        return True
    if not alone or re.search(r"[\d,;\t]", field):  # Names 2024; name;sex
        return False
    words = re.findall(r"[^\W\d_]+", key)
    return len(words) <= 3 and bool(_NAME_WORDS.intersection(words))


def one_column_header(first):
    """The header of a list of one column whose first line is ``first``:
    the line read as a field of CSV (``"name"`` is ``name``), stripped, when
    it is one field that says "name" (:func:`is_name_header`, alone on its
    line); else None.

    Examples
    --------
    >>> one_column_header('"name"'), one_column_header("First Name")
    ('name', 'First Name')
    >>> print(one_column_header('"Asha"'), one_column_header("name,sex"))
    None None
    """
    fields = next(csv.reader([first]), [])
    one = len(fields) == 1 and is_name_header(fields[0], alone=True)
    return fields[0].strip() if one else None
