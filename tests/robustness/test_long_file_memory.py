"""A long file of one name a line holds its lines once in memory.

``load_names`` of a file of 13,000,000 names (65 MB) peaked at 1.9 GB: the
check of a title line above the names, which looks at the first 1,001 lines,
split the whole text into a second list of 13,000,000 lines. It now splits
the text a block at a time, as far as it reads (1.26 GB: the names
themselves take about 0.8 GB).
"""

import tracemalloc

import pytest

from sknextchar.datasets import _comment_lines
from sknextchar.datasets._comment_lines import numbered_lines


def test_the_first_lines_are_numbered_without_splitting_the_whole_text():
    text = "asha\n" * 400_000  # split whole: 400,000 strings, about 24 MB
    tracemalloc.start()
    try:
        lines = numbered_lines(text)
        first = [next(lines) for _ in range(1001)]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert first[0] == (1, "asha") and first[-1] == (1001, "asha")
    assert peak < 3_000_000, peak


@pytest.mark.parametrize("block", [1, 2, 3, 7])
def test_lines_cut_in_blocks_are_numbered_as_the_whole_text_splits(monkeypatch, block):
    # "\r\n" across a block's end is one line end; U+2028 splits and is no
    # line end of an editor; a last line without an end.
    text = "asha\r\n\r\nravi \u2028uma\rzoe\n\x0cmei\r\n\n li"
    whole = list(numbered_lines(text))
    monkeypatch.setattr(_comment_lines, "_BLOCK", block)
    assert list(numbered_lines(text)) == whole
    assert whole[-1] == (7, "li") and (3, "ravi") in whole and (3, "uma") in whole
