"""Memory of ``score`` over a long names file: a block of names at a time.

``score`` ranks each distinct name once. It checked every distinct name at
once (a dict of the positions of every line, and each name as the model reads
it), scored their windows at once and marked them all as training names or
not at once: traced, 362, 279 and 255 bytes a line past the 65 of the names
held (300,000 distinct names), above the 248 that reading the file takes.
"""

import math

import numpy as np
import pytest

from sknextchar.cli import _score, _unscored, main
from sknextchar.cli._score import ranking
from tests._count_models import count_models
from tests._count_models import letter_names as _names
from tests._traced import traced_peak

N_LINES = 10_000


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    """Count models of names of a-z, one refusing unknown characters and
    one dropping them."""
    return count_models(tmp_path_factory.mktemp("score_memory"))


@pytest.fixture(scope="module")
def distinct_file(tmp_path_factory):
    """10,000 lines, nearly all distinct names (a list of candidates)."""
    names = _names(np.random.default_rng(0), N_LINES)
    path = tmp_path_factory.mktemp("distinct") / "names.txt"
    path.write_text("\n".join(names) + "\n", encoding="utf-8")
    return path


def test_score_holds_a_block_of_names_not_every_name(
    models, distinct_file, monkeypatch
):
    for module in (_score, _unscored):
        monkeypatch.setattr(module, "BLOCK_ROWS", 128)  # 79 blocks
    command = ["score", str(models["error"]), "--names-file", str(distinct_file)]
    peak = traced_peak(command, warm_up=[*command[:2], "babab"])
    # Reading the file whole peaked near 250 bytes a line (the text, its
    # lines and the names); checking, scoring and marking every name at once
    # took the peak to 492 (3531cbd; 40,000 lines, blocks of 4096). A plain
    # list read as it goes (cli/_name_counts): 213 in blocks; checking every
    # name at once, 342; all at once, 644 (traced, this file).
    assert peak / N_LINES < 280


@pytest.mark.parametrize("unknown", ["error", "drop"])
def test_blocks_rank_and_refuse_as_the_whole(
    models, tmp_path, capsys, monkeypatch, unknown
):
    # Names left out on both sides of block edges, one on many lines, a
    # name given twice, and names the model ranks alike.
    rng = np.random.default_rng(2)
    names = _names(rng, 60) + ["babab", "babab"]
    for at, bad in [(3, "zoë"), (7, "\u200b"), (8, "zoë"), (20, "ÀÉ"), (41, "zoë")]:
        names.insert(at, bad)
    path = tmp_path / "names.txt"
    path.write_text("\n".join(names) + "\n", encoding="utf-8")
    command = ["score", str(models[unknown]), "asha", "--names-file", str(path)]
    whole_status = main(command)
    whole = capsys.readouterr()
    for module in (_score, _unscored):
        monkeypatch.setattr(module, "BLOCK_ROWS", 7)  # 10 blocks, the last short
    assert main(command) == whole_status == 1
    blocks = capsys.readouterr()
    assert (blocks.out, blocks.err) == (whole.out, whole.err)
    said = " ".join(blocks.err.split())
    left = ["\u200b", "ÀÉ"] + ["zoë"] * (unknown == "error")
    assert ("'zoë' (lines 4, 9 and 42 of" in said) == (unknown == "error")
    assert "'ÀÉ' (line 21 of" in said
    ranked = set(names) | {"asha"}
    assert len(blocks.out.splitlines()) == 1 + len(ranked) - len(left)


def test_ranking_is_the_order_of_sorted():
    rng = np.random.default_rng(3)
    key = rng.choice([-1.5, -2.0, -0.0, 0.0, -math.inf, math.nan, -3.25], 500)
    key[::7] = rng.normal(size=len(key[::7]))
    expected = sorted(range(len(key)), key=lambda i: (math.isnan(key[i]), -key[i]))
    assert ranking(key).tolist() == expected
