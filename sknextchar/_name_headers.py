"""The words of a table's column titles, one vocabulary by role: the
titles of a column of names (:data:`NAME_HEADERS`, :data:`NAME_WORDS`), of
family names (:data:`FAMILY_NAME_WORDS`), of labels (:data:`LABEL_TITLES`),
of counts (:data:`COUNT_TITLES`) and the other usual titles beside the names
(:data:`COLUMN_TITLES`: labels, counts, ``id``, ``year``); a header field
compared without case (:func:`header_key`, which spells every word here);
the headers of a column of names (:func:`is_name_header`), and the header of
a list of one column (:func:`one_column_header`, ``"name"`` above
``"Asha"``). It imports nothing of the package, so that the readers of
tables, the checks of a file of labels, the notes of the command line and
the advice on names read with their quote marks share one rule.

The titles are the English ones, those of the languages of Europe, and the
usual ones of Russian, Greek, Turkish, Hindi, Bengali, Tamil, Urdu, Persian,
Arabic, Hebrew, Chinese, Japanese, Korean, Vietnamese, Indonesian and
Swahili. Each word is in one role: ``nombre`` (Spanish for "name", French
for "number") titles names; ``nom`` (French: the family name in a table of
``nom,prénom``) is a word of :data:`NAME_WORDS` only, a title alone in its
file, and a title of family names beside others (:func:`is_family_name_header`).
A word that is also a given name (Turkish ``Ad``, Swahili ``Jina``) heads
names only beside another usual title (:data:`NAME_HEADERS_BESIDE_TITLES`).
"""

import csv
import re
import unicodedata

__all__ = [
    "COLUMN_TITLES",
    "ID_TITLES",
    "COUNT_TITLES",
    "FAMILY_NAME_WORDS",
    "GIVEN_NAME_HEADERS",
    "LABEL_TITLES",
    "NAME_HEADERS",
    "NAME_HEADERS_BESIDE_TITLES",
    "NAME_WORDS",
    "header_key",
    "is_family_name_header",
    "is_name_header",
    "name_header_positions",
    "names_field",
    "one_column_header",
    "other_names_fields",
    "typed_header",
]

#: The headers of a column of names, as :func:`header_key` spells them.
NAME_HEADERS = frozenset(
    {"name", "names", "first name", "first names", "firstname", "given name",
     "given names", "givenname", "forename", "forenames", "prenom", "prénom",
     "prénoms", "vorname", "vornamen", "nombre", "nombres", "nome",
     "voornaam", "voornamen", "imię", "imiona", "navn", "namn", "nimi",
     "förnamn", "fornavn", "fornamn", "etunimi", "keresztnév", "jméno",
     "имя", "όνομα", "isim", "नाम", "নাম", "பெயர்", "tên", "nama", "名",
     "名前", "氏名", "姓名", "名字", "이름", "성명", "اسم", "الاسم", "نام", "שם"}
)  # fmt: skip

#: The headers of a column of names that are also given names (Turkish
#: ``Ad``, ``Adı``; Swahili ``Jina``): a header of names only in a header
#: row with another usual title (``Ad,Soyad``, ``Jina,sex``), never alone
#: nor in a row such as ``Jina,F`` (a name and its label).
NAME_HEADERS_BESIDE_TITLES = frozenset({"ad", "adi", "jina"})


def _exact_only(key):
    """Whether a header of names is read only as the whole field: one in
    Hebrew or Arabic (``שם`` is also the name Shem, and starts ``שם טוב``)."""
    return unicodedata.name(key[0], "").startswith(("HEBREW", "ARABIC"))


def _words(key):
    """The words of a header key: its runs of letters and their marks
    (``नाम``, whose vowel sign is a mark, is one word)."""
    kept = (c if unicodedata.category(c)[0] in "LM" else " " for c in key)
    return "".join(kept).split()


#: The words of a header of names alone in a ``.csv`` file (``Full name``,
#: ``Name:``, ``Baby Name``, ``Name (first)``, ``Nom``): those of the
#: headers of one word, and ``nom``; not those of Hebrew or Arabic, headers
#: as the whole field only.
NAME_WORDS = frozenset(
    {key for key in NAME_HEADERS if " " not in key and not _exact_only(key)} | {"nom"}
)

#: The words of a title of family names (``Last Name`` is ``lastname``
#: with its spaces left out), no column of names :func:`is_name_header` reads.
FAMILY_NAME_WORDS = frozenset(
    {"surname", "surnames", "lastname", "familyname", "nachname", "apellido",
     "apellidos", "cognome", "achternaam", "фамилия", "familienname",
     "nazwisko", "efternamn", "etternavn", "efternavn", "sukunimi",
     "nomdefamille", "sobrenome", "apelido", "příjmení", "vezetéknév",
     "maidenname", "soyad", "soyadi", "επώνυμο", "họ", "姓", "نامخانوادگی"}
)  # fmt: skip

#: The headers of a column of given names only (``Vorname``, ``first
#: name``), as :func:`header_key` spells them: read before a bare ``Name``
#: (the family name in a table of ``Name,Vorname``) when both head columns.
GIVEN_NAME_HEADERS = frozenset(
    {"first name", "first names", "firstname", "given name", "given names",
     "givenname", "forename", "forenames", "prenom", "prénom", "prénoms",
     "vorname", "vornamen", "nombre", "nombres", "nome", "voornaam",
     "voornamen", "imię", "imiona", "förnamn", "fornavn", "fornamn",
     "etunimi", "keresztnév", "jméno", "名"}
)  # fmt: skip

#: The titles of a column of labels, words no label is (a first line
#: ``gender`` of a file of labels is its header row).
LABEL_TITLES = frozenset(
    {"label", "labels", "sex", "gender", "class", "category", "categories",
     "group", "tag", "origin", "language", "country", "geschlecht", "sexe",
     "genre", "sexo", "género", "genero", "sesso", "geslacht", "płeć",
     "kjønn", "kön", "sukupuoli", "cinsiyet", "φύλο", "jinsia",
     "пол", "性別", "性别", "성별", "الجنس", "מין"}
)  # fmt: skip

#: The titles of a column of counts.
COUNT_TITLES = frozenset(
    {"count", "counts", "n", "number", "frequency", "freq", "total", "anzahl",
     "aantal", "antal", "antall", "liczba", "cantidad", "frecuencia",
     "количество", "人数", "件数", "数量", "次数", "빈도", "개수", "عدد"}
)  # fmt: skip

#: The usual titles of the columns beside the names, no name: labels,
#: counts, and a few others (an id, a year, a rank).
COLUMN_TITLES = LABEL_TITLES | COUNT_TITLES | {"id", "year", "rank"}

#: The titles of a column that numbers or names the rows: neither labels nor counts.
ID_TITLES = frozenset({"id", "nr", "no", "#", "index"})


def header_key(field):
    """A header field compared without case, ``_`` and ``-`` read as spaces,
    in Unicode NFKC (a header typed on a Mac, ``Pre\u0301nom``, is
    ``prénom``; a full-width ``Ｎａｍｅ`` is ``name``), the Turkish ``İ`` and
    ``ı`` read as ``i`` (``İSİM``, ``Isim`` and ``isim`` are one header), without
    byte-order marks (U+FEFF, invisible: one read into the first cell with an
    encoding that keeps it, or left inside a file made of two).

    Examples
    --------
    >>> header_key("  First_Name "), header_key("GIVEN-name")
    ('first name', 'given name')
    >>> header_key("\ufeffName")
    'name'
    >>> header_key("Pre\u0301nom") == "pr\u00e9nom"
    True
    >>> header_key("\uff2e\uff41\uff4d\uff45"), header_key("\u0130S\u0130M")
    ('name', 'isim')
    """
    field = unicodedata.normalize("NFKC", field.replace("\ufeff", "")).casefold()
    field = field.replace("i\u0307", "i").replace("\u0131", "i")  # Turkish
    field = unicodedata.normalize("NFKC", field)
    return " ".join(field.replace("_", " ").replace("-", " ").split())


def typed_header(field):
    """A header cell as a message offers it to be passed: without its
    byte-order marks (invisible, and typed as none: :func:`header_key`
    leaves them out).

    Examples
    --------
    >>> typed_header("\ufeffname")
    'name'
    """
    return field.replace("\ufeff", "")


def is_name_header(field, *, alone=False):
    """Whether a header field says "name" (:data:`NAME_HEADERS`); with
    ``alone`` (the only field of the first line of a ``.csv`` or ``.tsv``
    file), also a few words with one of "name" in some languages, without
    digits or delimiters (``Full name``, ``Name:``, ``Name (first)``; not
    ``Names 2024``). A word that is a given name too
    (:data:`NAME_HEADERS_BESIDE_TITLES`) is a header only beside a usual
    title, which the row tells (:func:`name_header_positions`): alone, never.

    Examples
    --------
    >>> is_name_header("Given_Name"), is_name_header("Full name")
    (True, False)
    >>> is_name_header("Name (first)", alone=True)
    True
    >>> is_name_header("Baby names 2024", alone=True)
    False
    >>> is_name_header("Ad"), name_header_positions(["Ad", "Soyad"])
    (False, [0])
    """
    key = header_key(field)
    if key in NAME_HEADERS:
        return True
    if key in NAME_HEADERS_BESIDE_TITLES:
        return False  # a header beside a usual title: name_header_positions
    if not alone or re.search(r"[\d,;\t]", field):  # Names 2024; name;sex
        return False
    words = _words(key)
    return len(words) <= 3 and bool(NAME_WORDS.intersection(words))


def name_header_positions(fields, *, alone=False):
    """The positions of the fields of the row ``fields`` that say "name",
    each read by :func:`is_name_header` beside the others, with one look at
    the row for a usual title (a row of thousands of ``Jina`` costs no more
    than a row of other words).

    Examples
    --------
    >>> name_header_positions(["Ad", "Soyad", "Name"])
    [0, 2]
    >>> name_header_positions(["Ad", "F"])
    []
    """
    found, beside = [], []
    for at, field in enumerate(fields):
        if header_key(field) in NAME_HEADERS_BESIDE_TITLES:
            beside.append(at)
        elif is_name_header(field, alone=alone):
            found.append(at)
    if beside and any(map(_usual_title, fields)):  # never one of the beside
        found = sorted(found + beside)
    return found


def _usual_title(field):
    """Whether a field is a usual title of a column: of names, family names,
    labels, counts, ids."""
    key = header_key(field)
    return (
        key in NAME_HEADERS
        or key in COLUMN_TITLES
        or key in ID_TITLES
        or is_family_name_header(field)
    )


def is_family_name_header(field):
    """Whether a header field titles family names, never labels: a word of
    :data:`FAMILY_NAME_WORDS` (``Last Name``, ``Фамилия``, ``Primer
    apellido``, ``Nom de famille``), or the French ``Nom`` (the family name
    beside ``Prénom``).

    Examples
    --------
    >>> [is_family_name_header(f) for f in ["Nom", "Segundo Apellido", "Nombre"]]
    [True, True, False]
    """
    key = header_key(field)
    if key == "nom" or key.replace(" ", "") in FAMILY_NAME_WORDS:
        return True
    return bool(FAMILY_NAME_WORDS.intersection(_words(key)))


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


def names_field(header, found):
    """Which of the fields of ``header`` at ``found`` (indices, each a
    header of names) holds the names read: the first of given names
    (:data:`GIVEN_NAME_HEADERS`: ``Vorname`` rather than the ``Name`` of a
    German export, a family name), else the first.

    Examples
    --------
    >>> names_field(["Name", "Vorname", "Geschlecht"], [0, 1])
    1
    >>> names_field(["name", "sex"], [0])
    0
    """
    keys = {at: header_key(header[at]) for at in found}
    given = [at for at in found if keys[at] in GIVEN_NAME_HEADERS]
    named = [at for at in found if keys[at] not in NAME_HEADERS_BESIDE_TITLES]
    return (given or named or found)[0]


def other_names_fields(header, at):
    """The fields of ``header`` besides the one at ``at`` that also head
    names (:func:`is_name_header`), as written.

    Examples
    --------
    >>> other_names_fields(["Name", "Vorname", "Geschlecht"], 1)
    ['Name']
    """
    return [f for i, f in enumerate(header) if i != at and is_name_header(f)]
