"""Write the workbooks of ``tests/data/libreoffice/`` with LibreOffice Calc.

Every other test workbook is written by openpyxl, the library that reads
them; these are written by a spreadsheet program, as a user's are. Each is
described here as a flat OpenDocument spreadsheet (``.fods``: the cells as
typed, their number formats, merged cells, hidden sheets, formulas), which
LibreOffice opens and saves as ``.xlsx`` (it computes the formulas and stores
their values, as when a user saves), ``.xlsm`` and ``.ods``. Beside each
workbook, ``NAME.csv`` holds the same table as a user would type it in a
text file (the values shown, merged cells as the sheet shows them): the tests
read both and compare.

Run by hand, not by the tests (they read the committed files), from the
repository's root::

    python tests/data/make_libreoffice_workbooks.py

It needs LibreOffice's ``soffice`` on the PATH (Debian:
``apt-get install libreoffice-calc-nogui``); written with LibreOffice 7.4.
LibreOffice stamps each file with the time it was saved, so files written
again differ in bytes, never in cells.
"""

import csv
import os
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "libreoffice")

_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document
 xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.3"
 office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:number-style style:name="N3">
  <number:number number:decimal-places="0" number:min-integer-digits="1"
   number:grouping="true"/>
 </number:number-style>
 <number:date-style style:name="N37">
  <number:day number:style="long"/><number:text>/</number:text>
  <number:month number:style="long"/><number:text>/</number:text>
  <number:year number:style="long"/>
 </number:date-style>
 <number:text-style style:name="N100"><number:text-content/></number:text-style>
 <style:style style:name="thousands" style:family="table-cell"
  style:data-style-name="N3"/>
 <style:style style:name="date" style:family="table-cell"
  style:data-style-name="N37"/>
 <style:style style:name="text" style:family="table-cell"
  style:data-style-name="N100"/>
 <style:style style:name="shown" style:family="table">
  <style:table-properties table:display="true"/>
 </style:style>
 <style:style style:name="hidden" style:family="table">
  <style:table-properties table:display="false"/>
 </style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
"""
_TAIL = "</office:spreadsheet></office:body></office:document>\n"


# A cell of a sheet: a string, an int, or a tuple (kind, shown, value)
# written by _cell; None an empty cell, COVERED a cell under a merged one.
COVERED = ("covered", "", None)


def _cell(cell):
    if cell is None:
        return "<table:table-cell/>"
    if cell is COVERED:
        return "<table:covered-table-cell/>"
    if isinstance(cell, str):
        cell = ("string", cell, None)
    elif isinstance(cell, int):
        cell = ("float", str(cell), cell)
    kind, shown, value, *more = cell
    extra = more[0] if more else ""
    attributes = {
        "string": 'office:value-type="string"',
        "text": 'office:value-type="string" table:style-name="text"',
        "float": f'office:value-type="float" office:value="{value}"',
        "thousands": f'office:value-type="float" office:value="{value}" '
        'table:style-name="thousands"',
        "date": f'office:value-type="date" office:date-value="{value}" '
        'table:style-name="date"',
        "formula": f'table:formula="{escape(str(value), {chr(34): "&quot;"})}"',
    }[kind]
    return (
        f"<table:table-cell {attributes} {extra}>"
        f"<text:p>{escape(shown)}</text:p></table:table-cell>"
    )


def _sheet(title, rows, shown=True, trailing_empty_rows=0):
    """A sheet: ``rows`` of cells, then formatted empty rows (as a column
    formatted down past the table leaves). LibreOffice shows the first sheet
    when it opens a file, and so never saves it hidden: a hidden sheet is
    not the first here."""
    style = "shown" if shown else "hidden"
    lines = [f'<table:table table:name="{escape(title)}" table:style-name="{style}">']
    lines += ["<table:table-row>" + "".join(map(_cell, r)) + "</table:table-row>"
              for r in rows]  # fmt: skip
    if trailing_empty_rows:
        lines.append(
            f'<table:table-row table:number-rows-repeated="{trailing_empty_rows}">'
            '<table:table-cell table:style-name="thousands" '
            'table:number-columns-repeated="3"/></table:table-row>'
        )
    return "\n".join(lines) + "\n</table:table>\n"


def _merged(text, rows=1, columns=1):
    span = (
        f'table:number-rows-spanned="{rows}" table:number-columns-spanned="{columns}"'
    )
    return ("string", text, None, span)


# The table of names: header, labels, counts (one shown "1,234", one a number
# typed in a cell formatted as Text), a date column, formulas (a number, a
# text, a truth value), a cell holding a comma, accented and non-Latin names.
_PEOPLE = [
    ("Asha", "F", 12, "2019-03-04", "Rao, Asha"),
    ("Zoë", "F", 1234, "2018-11-30", "thousands"),
    ("José", "M", 7, "2020-01-02", "text-formatted count"),
    ("Łukasz", "M", 3, "2017-06-15", ""),
    ("王芳", "F", 5, "2021-02-28", ""),
    ("Дмитрий", "M", 8, "2016-09-09", ""),
    ("أمينة", "F", 2, "2015-12-31", ""),
    ("Siobhán", "F", 40, "2019-07-07", "Ó Briain, Siobhán"),
    ("Nguyễn Văn An", "M", 1, "2022-05-05", ""),
]
_TABLE_HEADER = ["Name", "Sex", "Count", "Born", "Double", "Shout", "Many", "Note"]


def _table_rows():
    """The rows of the table sheet, and the same rows as typed in a CSV."""
    sheet, typed = [_TABLE_HEADER], [_TABLE_HEADER]
    for at, (name, sex, count, born, note) in enumerate(_PEOPLE, 2):
        if note == "thousands":
            count_cell = ("thousands", f"{count:,}", count)
        elif note.startswith("text"):
            count_cell = ("text", str(count), None)
        else:
            count_cell = count
        many = "TRUE" if 2 * count > 20 else "FALSE"
        sheet.append([
            name, sex, count_cell, ("date", born, born),
            ("formula", str(2 * count), f"of:=[.C{at}]*2"),
            ("formula", name.upper(), f"of:=UPPER([.A{at}])"),
            ("formula", many, f"of:=[.E{at}]>20"),
            note or None,
        ])  # fmt: skip
        typed.append([name, sex, count, born, 2 * count, name.upper(), many, note])
    return sheet, typed


def _merged_rows():
    """A title merged over the columns; a name merged over the two rows of
    its counts; labels merged over the rows they apply to."""
    sheet = [
        [_merged("Class of 2024", columns=3), COVERED, COVERED],
        ["Name", "Sex", "Count"],
        [_merged("Asha", rows=2), _merged("F", rows=4), 3],
        [COVERED, COVERED, 4],
        ["Meera", COVERED, 2],
        ["Zoë", COVERED, 1],
        ["Ravi", _merged("M", rows=2), 5],
        ["Arjun", COVERED, 6],
    ]
    typed = [["Class of 2024", "", ""], ["Name", "Sex", "Count"],
             ["Asha", "F", 3], ["Asha", "F", 4], ["Meera", "F", 2],
             ["Zoë", "F", 1], ["Ravi", "M", 5], ["Arjun", "M", 6]]  # fmt: skip
    return sheet, typed


def _documents():
    """Each workbook's name -> (its sheets' XML, the rows of its CSV, the
    formats it is saved as)."""
    table, typed = _table_rows()
    merged, merged_typed = _merged_rows()
    names = [["Asha"], ["Ravi"], ["Zoë"], ["王芳"]]
    one_column = [[_merged("Asha", rows=3)], [COVERED], [COVERED], ["Ravi"]]
    errors = [  # formulas that failed: LibreOffice stores their error values
        ["Name", "Sex", "Code"],
        ["Asha", "F", ("formula", "#N/A", "of:=NA()")],
        ["Ravi", "M", ("formula", "#DIV/0!", "of:=1/0")],
        ["Bo", "M", ("formula", "#N/A", "of:=VLOOKUP([.A4];[.A2:.B3];2;0)")],
    ]
    return {
        "table": (_sheet("Names", table, trailing_empty_rows=4), typed,
                  ("xlsx", "xlsm")),
        "sheets": (_sheet("Kids", names)
                   + _sheet("Lookup", [["code"], ["F"]], shown=False)
                   + _sheet("Old", [["Bo"]]), names,
                   ("xlsx",)),
        "merged": (_sheet("Names", merged), merged_typed, ("xlsx",)),
        "merged_names": (_sheet("Names", one_column), [["Asha"], ["Ravi"]],
                         ("xlsx",)),
        "dates": (_sheet("Names", names + [[("date", "02/01/2020", "2020-01-02")]]),
                  None, ("xlsx",)),
        "names": (_sheet("Names", names), None, ("ods", "fods")),
        "errors": (_sheet("Names", errors), [row[:2] + [shown] for row, shown in
                   zip(errors, ["Code", "#N/A", "#DIV/0!", "#N/A"])], ("xlsx",)),
        "from_csv": (None, [row[:3] + row[-1:] for row in typed], ("xlsx",)),
    }  # fmt: skip


_FILTERS = {
    "xlsx": "xlsx:Calc MS Excel 2007 XML",
    "xlsm": "xlsm:Calc MS Excel 2007 VBA XML",
    "ods": "ods",
    "fods": "fods",
}


def main():
    if shutil.which("soffice") is None:
        sys.exit("needs LibreOffice's soffice (apt-get install libreoffice-calc-nogui)")
    os.makedirs(HERE, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, (sheets, rows, formats) in _documents().items():
            typed = "csv" if sheets is None else "fods"
            source = os.path.join(tmp, f"lo_{name}.{typed}")
            with open(source, "w", encoding="utf-8", newline="") as f:
                if sheets is None:  # a CSV file opened and saved as .xlsx
                    csv.writer(f).writerows(rows)
                else:
                    f.write(_HEAD + sheets + _TAIL)
            for kind in formats:
                out = os.path.join(tmp, kind)
                subprocess.run(
                    ["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/u",
                     "--infilter=CSV:44,34,76,1", "--convert-to", _FILTERS[kind],
                     "--outdir", out, source],
                    check=True, capture_output=True,
                )  # fmt: skip
                shutil.copy(os.path.join(out, f"lo_{name}.{kind}"), HERE)
            if rows is not None:
                path = os.path.join(HERE, f"lo_{name}.csv")
                with open(path, "w", encoding="utf-8", newline="") as f:
                    csv.writer(f).writerows(rows)


if __name__ == "__main__":
    main()
