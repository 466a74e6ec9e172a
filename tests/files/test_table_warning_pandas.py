"""The pandas code that the warning of a table read one name per line gives
reads the column of names, when followed (found in session 58: below an Excel
export's "sep=;" line it read the columns '\\ufeffsep=' and 'Unnamed: 1')."""

import re
import warnings

import pytest

from sknextchar.datasets import load_names

EXCEL = "\ufeffsep=;\r\nName;Gender;Count\r\nJean-Luc;M;1\r\nZoë;F;3\r\n"
FILES = {
    "excel": EXCEL,
    "tab note": "sep=\t\nName\tCount\nasha\t1\nravi\t2\n",
    "blank above": "\n\nName,Count\nJean-Luc,1\nZoë,3\n",
    "note, blank": "sep=;\n\nName;Count\nJean-Luc;1\nZoë;3\n",
    "semicolons": "Name;Count\nJean-Luc;1\nZoë;3\n",
    "plain": "Name,Count\nJean-Luc,1\nZoë,3\n",
}


def _advice(path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_names(path)
    told = " ".join(str(w.message) for w in caught)
    return re.search(r"use (pandas\.read_csv\(path[^)]*\)\['Name'\])", told)[1]


@pytest.mark.parametrize("kind", FILES)
def test_the_pandas_code_of_the_warning_reads_the_names(tmp_path, kind):
    path = tmp_path / "names.csv"
    path.write_bytes(FILES[kind].encode("utf-8"))
    code = _advice(path)
    if kind in ("excel", "tab note", "note, blank"):
        assert "skiprows=" in code and "sep=None" not in code, code
    pandas = pytest.importorskip("pandas")
    names = eval(code, {"pandas": pandas, "path": path}).tolist()  # noqa: S307
    assert names == load_names(path, names_column="Name")
