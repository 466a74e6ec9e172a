"""Spreadsheets of the formats no reader here reads, told by their content:
LibreOffice's own (``.ods``, and the flat ``.fods``), Excel's binary workbook
(``.xlsb``) and Apple Numbers' (``.numbers``); what each is, and how to save
it as an Excel workbook (``.xlsx``) or a CSV file, which are read.
"""

__all__ = ["flat_spreadsheet", "zipped_spreadsheet"]

_XLSX = 'an .xlsx is read with openpyxl installed: pip install "sknextchar[excel]"'
_LIBREOFFICE = (
    "open it in LibreOffice Calc and save it as an Excel workbook or a CSV "
    "file (File > Save As..., file type 'Excel 2007-365 (.xlsx)' or "
    f"'Text CSV (.csv)'), and pass that one ({_XLSX})"
)
_ODS_TYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_FLAT_ODF = b"<office:document"
_EXCEL_2003_XML = b'progid="Excel.Sheet"'


def zipped_spreadsheet(entries, mimetype):
    """What the zip archive of the entries ``entries`` is and what to do with
    it, when it is a spreadsheet of a format that is not read, else None.

    Parameters
    ----------
    entries : list of str
        The names of the archive's entries.
    mimetype : bytes
        The start of its ``mimetype`` entry (an OpenDocument file's type), or
        ``b""``.

    Returns
    -------
    (what, how) : tuple of str, or None

    Examples
    --------
    >>> zipped_spreadsheet(["xl/workbook.bin"], b"")[0]
    'an Excel binary workbook (.xlsb)'
    >>> zipped_spreadsheet(["xl/workbook.xml"], b"") is None
    True
    """
    if mimetype.startswith(_ODS_TYPE):
        return "a LibreOffice (OpenDocument) spreadsheet (.ods)", _LIBREOFFICE
    if "xl/workbook.bin" in entries:
        return "an Excel binary workbook (.xlsb)", (
            "open it in Excel and save it as an Excel workbook or a CSV file "
            "(File > Save As, file type 'Excel Workbook (*.xlsx)' or "
            f"'CSV UTF-8'), and pass that one ({_XLSX})"
        )
    if any(e.startswith("Index/") and e.endswith(".iwa") for e in entries):
        return "an Apple Numbers spreadsheet (.numbers)", (
            "open it in Numbers and export it (File > Export To > Excel or "
            f"CSV), and pass that file ({_XLSX})"
        )
    return None


def flat_spreadsheet(start):
    """What the XML text starting with the bytes ``start`` is and what to do
    with it, when it is a spreadsheet saved as one XML file (LibreOffice's
    ``.fods``, Excel 2003's XML spreadsheet), else None.

    Examples
    --------
    >>> flat_spreadsheet(b'<?xml version="1.0"?>\\n<office:document ...')[0]
    'a flat OpenDocument file (.fods, LibreOffice)'
    >>> flat_spreadsheet(b"Asha\\nRavi\\n") is None
    True
    """
    if not start.lstrip().startswith(b"<"):
        return None
    if _FLAT_ODF in start:
        return "a flat OpenDocument file (.fods, LibreOffice)", _LIBREOFFICE
    if _EXCEL_2003_XML in start:
        return "an Excel 2003 XML spreadsheet", (
            "open it in Excel or LibreOffice and save it as an Excel workbook "
            f"(.xlsx) or a CSV file, and pass that one ({_XLSX})"
        )
    return None
