"""Files that are no text, told by their first bytes: what each is, what to do.

A file of names passed by mistake (an image, a PDF, a spreadsheet, a model file)
would otherwise fail at a byte that says nothing of what it is, with the advice
to change the encoding, which cannot help. A JSON document is text, but read a
line at a time its brackets, quotes and commas become names and letters
(``"Zoë",``), which ``alphabet="auto"`` learns without a word: it is told too.
"""

import contextlib
import zipfile

from .._model_files import MODEL_SUFFIXES, PICKLE_MAGICS, ZIP_MAGIC
from .._shown_paths import shown_path
from ._codecs import file_encoding
from ._compressed import compression_of, decompressed
from ._json_names import START_BYTES, json_message
from ._other_workbooks import flat_spreadsheet, zipped_spreadsheet

__all__ = [
    "MODEL_ADVICE",
    "PICKLE_ADVICE",
    "SIGNATURES",
    "may_hold_names",
    "not_text_message",
    "piped_zip_advice",
]

#: The first bytes of pictures and documents, by format: a file starting with
#: any one of a format's is of that format (a file of names given by mistake,
#: or an existing file that ``sknextchar plot -o`` would replace).
SIGNATURES = {
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "pdf": (b"%PDF-",),
}

_AS_TEXT = "save the names as a text or CSV file and pass that one"
_ONE_A_LINE = "pass a text file of names instead, one name a line (or a CSV file)"
#: What to do with a model file passed as names; the command line says it its
#: own way (sknextchar.cli._errors).
MODEL_ADVICE = "to sample or score names with it, load it with load_model(path)"
PICKLE_ADVICE = (
    "if it is a model you trust, load it with load_model(path, allow_pickle=True) "
    "to sample or score names"
)

_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old Office files, and encrypted workbooks
# The names of the parts of such a file that tell what it is (UTF-16).
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
_OLD_BOOK = "Workbook".encode("utf-16-le")
_XLSX = 'read with openpyxl installed: pip install "sknextchar[excel]"'

# The first bytes of files that are no text, what each is and what to do.
_KINDS = (
    (_OLE_MAGIC, "an Office document (such as an .xls spreadsheet)", _AS_TEXT),
    (b"\x28\xb5\x2f\xfd", "a zstd-compressed file", "decompress it first"),
    *((magic, f"a {fmt.upper()} image", _ONE_A_LINE)
      for fmt in ("png", "jpeg", "gif") for magic in SIGNATURES[fmt]),
    *((magic, "a PDF document",
       "copy the names into a text file, one name a line, and pass that one")
      for magic in SIGNATURES["pdf"]),
    (b"SQLite format 3\x00", "an SQLite database",
     ("export the column of names as a CSV file (e.g. sqlite3 -header -csv FILE "
      "'SELECT * FROM people' > names.csv) and pass that one")),
    # joblib.dump and pickle.dump
    *((magic, "a Python pickle (such as a model saved with joblib)", PICKLE_ADVICE)
      for magic in PICKLE_MAGICS),
)  # fmt: skip


def not_text_message(path, encoding=None):
    """Why the regular file ``path`` is no text file of names, or None.

    Parameters
    ----------
    path : str
        An existing regular file.
    encoding : str or None, default=None
        The encoding the user gave for the file (the command that converts a
        JSON file reads it so); None: told from its start.

    Returns
    -------
    message : str or None
        ``"'x.png' is a PNG image, not a text file of names: ..."`` with what
        to do, for a file whose first bytes are those of a zstd file, an
        archive, a spreadsheet, an image, a PDF, a database or a model file;
        None for any other file (the reader says what it finds there).

    Examples
    --------
    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = os.path.join(folder, "names.png")
    ...     with open(path, "wb") as f:
    ...         _ = f.write(b"\\x89PNG\\r\\n\\x1a\\n")
    ...     print(not_text_message(path))  # doctest: +NORMALIZE_WHITESPACE
    '...names.png' is a PNG image, not a text file of names: pass a text file
    of names instead, one name a line (or a CSV file).
    """
    try:  # a names.json.gz is a JSON file too
        with open(path, "rb") as raw:
            packed = compression_of(raw.peek(10)[:10])
            with decompressed(raw, path) as f:
                start = f.read(START_BYTES)  # a JSON document's first item
                whole = not f.read(1)
    except (OSError, ValueError):  # a compressed file cut short, too
        return None  # the reader says why
    json = json_message(path, start, whole, _codec(start, encoding))
    if json is not None and packed is not None:  # the advice's command reads text
        return (
            f"{shown_path(path)} is {packed[1]} of JSON, not a text file of names: "
            f"decompress it ({packed[3].split()[0]} -dk FILE) and pass the JSON "
            "file, to be told how to write its names one a line."
        )
    if json is not None:
        return json
    flat = flat_spreadsheet(start.lstrip(b"\xef\xbb\xbf \t\r\n"))  # .fods
    if flat is not None:
        return f"{shown_path(path)} is {flat[0]}, not a text file of names: {flat[1]}."
    if start.startswith(ZIP_MAGIC):
        what, how = _zip_kind(path)
    elif start.startswith(_OLE_MAGIC):
        what, how = _office_kind(path)
    else:
        known = [(what, how) for magic, what, how in _KINDS if start.startswith(magic)]
        if not known:
            return None
        what, how = known[0]
    return f"{shown_path(path)} is {what}, not a text file of names: {how}."


# The suffixes of files that are no text of names (workbooks, archives): a
# missing file of names' error never offers one, whatever its first bytes.
_NOT_NAMES_SUFFIXES = (*MODEL_SUFFIXES, ".xlsx", ".xls", ".xlsm", ".ods",
                       ".zip", ".zst", ".pdf", ".db")  # fmt: skip


def may_hold_names(path):
    """Whether the existing file ``path`` may be offered as a file of names:
    none of a workbook's, an archive's or a model's suffix, and none that
    :func:`not_text_message` refuses.

    Examples
    --------
    >>> may_hold_names("babies.xlsx"), may_hold_names("m.skops")
    (False, False)
    """
    if path.casefold().endswith(_NOT_NAMES_SUFFIXES):
        return False
    return not_text_message(path) is None


def _codec(start, encoding):
    """The codec a file starting with ``start`` is read with, by the user's
    ``encoding`` (None when none is given, or it names no codec: the reader
    says so)."""
    if encoding is None:
        return None
    try:
        return file_encoding(start, encoding)
    except (ValueError, TypeError):
        return None


def _office_kind(path):
    """What an old Office file is (an encrypted workbook, an .xls...), by the
    names of its parts."""
    found, tail = set(), b""
    with contextlib.suppress(OSError), open(path, "rb") as f:
        while block := f.read(1 << 20):
            seen = tail + block
            found.update(part for part in (_ENCRYPTED, _OLD_BOOK) if part in seen)
            tail = seen[-32:]
    if _ENCRYPTED in found:
        return "a password-protected (encrypted) Office file", (
            "if it is an Excel workbook, open it in Excel, remove its password "
            f"(File > Info > Protect Workbook) and save it (a workbook is {_XLSX}), "
            "or save the "
            "names as a CSV file and pass that one"
        )
    if _OLD_BOOK in found:
        return "an Excel 97-2003 workbook (.xls)", (
            f"open it in Excel or LibreOffice and save it as .xlsx ({_XLSX}) or as "
            "CSV, and pass that one"
        )
    return "an Office document (such as an .xls spreadsheet)", _AS_TEXT


def piped_zip_advice(start):
    """What to do with a zip archive read through a pipe, which the parts
    that tell what it is cannot be looked at in, ``start`` its first bytes.

    Examples
    --------
    >>> piped_zip_advice(ZIP_MAGIC + b"...xl/workbook.xml")  # doctest: +ELLIPSIS
    'is an Excel workbook (.xlsx), no text: it is read from its file, not ...'
    """
    if b"xl/" in start[: 1 << 16]:  # the first parts' names
        what = "an Excel workbook (.xlsx)"
    else:
        what = "a zip archive (a model file, or a spreadsheet such as .xlsx)"
    return (
        f"is {what}, no text: it is read from its file, not through a pipe: "
        "pass its path instead"
    )


def _zip_kind(path):
    """What a zip file is (a skops model file, a workbook...), by its entries."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.namelist()
            mimetype = _mimetype(archive, entries)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        entries = None
    if not entries:  # unreadable: guess
        return "a zip archive (a model file, or a spreadsheet such as .xlsx)", _AS_TEXT
    if "schema.json" in entries:  # what skops.io.dump writes
        return "a model file (skops format)", MODEL_ADVICE
    spreadsheet = zipped_spreadsheet(entries, mimetype)  # .ods, .xlsb, .numbers
    if spreadsheet is not None:
        return spreadsheet
    if any(entry.startswith("xl/") for entry in entries):
        return "an Excel workbook (.xlsx)", _AS_TEXT
    if "mimetype" in entries or any(entry.startswith("word/") for entry in entries):
        return "an office document (.docx, .ods, .odt...)", _AS_TEXT
    return "a zip archive", "extract the file of names (e.g. unzip) and pass that one"


def _mimetype(archive, entries):
    """The start of the ``mimetype`` entry of an OpenDocument file (its
    type), or ``b""`` (also for an entry that cannot be read: the archive is
    then told by the names of its entries)."""
    if "mimetype" not in entries:
        return b""
    try:
        with archive.open("mimetype") as typed:
            return typed.read(100)
    except Exception:  # damaged, encrypted, unknown compression: many kinds
        return b""
