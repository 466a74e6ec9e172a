"""Names that a model reads alike are one name to its hold-outs: with
handle_unknown="drop", "ann1" and "an-n" are "ann" (the groups of
NameLabelClassifier's calibration folds and of the count model's held-out NLL
in ``train --model kneser-ney``)."""

from string import ascii_lowercase

import pytest

from sknextchar import ContextWindowTransformer, make_default_pipeline
from sknextchar._pipeline import name_keys, reading_groups
from sknextchar.cli import main
from sknextchar.datasets import load_indian_names

# Names glued by dropping a space or hyphen: told at fit, tested in
# tests/text/test_glued_parts_advice.py; not the subject here.
pytestmark = pytest.mark.filterwarnings(
    "ignore:handle_unknown='drop' removes a space or hyphen:UserWarning"
)

KEEP_CASE = {"windows__lowercase": False, "windows__alphabet": ascii_lowercase + "A"}


@pytest.mark.parametrize("params", [{}, KEEP_CASE])
def test_names_read_alike_are_one_group(params):
    # "1" and "-" are dropped: the model reads "ann1" and "an-n" as "ann".
    pipe = make_default_pipeline().set_params(windows__handle_unknown="drop", **params)
    names = ["ann", "ann1", "Ann", "an-n", "bob"]
    assert reading_groups([pipe], names).tolist() == ["ann"] * 4 + ["bob"]


def test_a_character_dropped_in_a_model_that_keeps_case():
    # Without "A" in its alphabet, the model reads "Ann" and "Bnn" as "nn".
    windows = ContextWindowTransformer(lowercase=False, handle_unknown="drop")
    keys = name_keys(windows, ["Ann", "Bnn", "ann", "ann1"])
    assert keys[0] == keys[1] != keys[2] == keys[3]


def test_the_count_model_holds_out_the_copies_it_reads_alike(tmp_path, capsys):
    # Each name as x, x1, x2: one name to a model that drops digits.
    names = [str(name) for name in load_indian_names()[:10]]
    path = tmp_path / "names.txt"
    path.write_text("".join(f"{n}\n{n}1\n{n}2\n" for n in names), encoding="utf-8")
    argv = ["train", str(path), "-o", str(tmp_path / "m.skops"), "--seed", "0"]
    assert main([*argv, "--model", "kneser-ney", "--handle-unknown", "drop"]) == 0
    out = capsys.readouterr().out
    assert "on 1 distinct held-out name (counted" in out, out
