"""A line (or column) number is written in digits alone, as editors and
``sed -n 1077p`` show it; a count keeps its thousands separator.

``score`` wrote "'zoë' (lines 989, 1,077 and 3,000 of 'far.txt'), 'ab1' (line
1501 of 'far.txt')": two spellings in one sentence, and "989, 1,077 and 3,000"
read as a list of five numbers. ``train`` wrote "line 1077" for the same file.
"""

import re

import pytest

from sknextchar._number_runs import runs_and_more
from sknextchar._shown_paths import shown_path
from sknextchar.cli import main
from sknextchar.datasets import load_names
from sknextchar.datasets._placed_column import ordinal

LETTERS = ["--alphabet", "abcdefghijklmnopqrstuvwxyz", "-q", "--force"]
KN = [*LETTERS, "--model", "kneser-ney", "--context-length", "2"]
CHUNKS = [*LETTERS, "--chunk-size", "500", "--max-iter", "1"]
# A line number with a separator in a place: "(lines 989, 1,077 ...".
SEPARATED = re.compile(r"\(lines? [^)]*\d,\d{3}")


def _far(tmp_path):
    """3,000 lines of 'asha', 'zoë' on lines 989, 1077 and 3000, 'ab1' on 1501."""
    lines = ["asha"] * 3000
    for line in (989, 1077, 3000):
        lines[line - 1] = "zoë"
    lines[1500] = "ab1"
    path = tmp_path / "far.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_lists_of_numbers_are_digits_and_the_count_left_out_is_separated():
    assert runs_and_more([989, 1077, 3000]) == "989, 1077 and 3000"
    assert runs_and_more([1000, 1001, 1002, 1500]) == "1000-1002 and 1500"
    many = runs_and_more(range(1000, 4000, 2))  # 1,500 numbers, 5 shown
    assert many == "1000, 1002, 1004, 1006, 1008 and 1,495 more"
    assert ordinal(1001) == "1001st" and ordinal(12012) == "12012th"


@pytest.mark.parametrize("how", [KN, CHUNKS], ids=["counts", "chunks"])
def test_train_names_lines_past_999_in_digits(tmp_path, capsys, how):
    path = _far(tmp_path)
    argv = ["train", str(path), *how, "-o", str(tmp_path / "m.skops")]
    assert main(argv) == 1
    err = capsys.readouterr().err
    where = shown_path(path)
    assert f"'zoë' (line 1077 of {where}), 'ab1' (line 1501 of {where})" in err
    assert f"'zoë' (line 3000 of {where})" in err
    assert not SEPARATED.search(err), err


def test_score_merges_lines_past_999_in_digits(tmp_path, capsys):
    model = str(tmp_path / "m.skops")
    clean = tmp_path / "clean.txt"
    clean.write_text("asha\nravi\nmeena\n", encoding="utf-8")
    assert main(["train", str(clean), *KN, "-o", model]) == 0
    path = _far(tmp_path)
    assert main(["score", model, "--names-file", str(path)]) == 1
    err = capsys.readouterr().err
    where = shown_path(path)
    said = f"'zoë' (lines 989, 1077 and 3000 of {where}), 'ab1' (line 1501 of {where})"
    assert said in err, err
    assert not SEPARATED.search(err), err
    assert "'asha' (2,996 times)" in err  # a count keeps its separator


def test_load_names_names_lines_past_999_in_digits(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("asha\n" * 1199 + "b" * 1001 + "\n", encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        load_names(path)
    said = str(caught.value)  # the line in digits, the count with its separator
    assert said.startswith(f"Line 1200 of {shown_path(path)} holds a name of more")
    assert "more than 1,000 characters" in said
    rows = ["Anna,F"] * 1600
    rows[999:1002] = ["Mary, Ann,F"] * 3  # lines 1001-1003 below the header
    rows[1498] = "Lee, Jo,M"  # line 1500
    path = tmp_path / "kids.csv"
    path.write_text("name,sex\n" + "\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="Lines 1001-1003 and 1500 of .* have 3 fie"):
        load_names(path, names_column="name")
    rows[998:1003] = ["Anna,F"] * 5
    rows[1498] = 'Lee,M,"open'  # a quote left open on line 1500
    path.write_text("name,sex,notes\n" + "\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="^Line 1500 of .* opens a quote"):
        load_names(path, names_column="name")
