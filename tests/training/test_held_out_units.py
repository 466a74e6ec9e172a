"""The count model's report counts the units it held out (a name under a
label, in a fit by label), as the MLP's report does; a model that keeps every
character of the names compares them by their text."""

import re

from sknextchar import ContextWindowTransformer
from sknextchar._pipeline import name_keys
from sknextchar.cli import main
from sknextchar.datasets import load_indian_names

DISTINCT = [str(name) for name in load_indian_names()[:40]]


def test_keys_of_a_model_that_keeps_every_character_are_its_texts():
    windows = ContextWindowTransformer(handle_unknown="drop")
    assert name_keys(windows, ["Asha", "asha", "ravi"]) == ["asha", "asha", "ravi"]
    windows = ContextWindowTransformer(alphabet="auto")
    assert name_keys(windows, ["Asha", "o'neil"]) == ["asha", "o'neil"]


def _train(tmp_path, text, *flags):
    path = tmp_path / "names.csv"
    path.write_text(text, encoding="utf-8")
    argv = ["train", str(path), "-o", str(tmp_path / "m.skops"), "--force"]
    return main([*argv, "--model", "kneser-ney", "--seed", "0", *flags])


def test_the_count_models_report_counts_a_name_under_each_label(tmp_path, capsys):
    # Every name under both labels: 24 units, 30% of each label's held out.
    rows = [f"{n},{sex}" for n in DISTINCT[:12] for sex in "fm"]
    text = "name,sex\n" + "\n".join(rows) + "\n"
    flags = ["--labels", "sex", "--validation-fraction", "0.3"]
    assert _train(tmp_path, text, *flags) == 0
    out = capsys.readouterr().out
    held = re.search(r"on (\d+) held-out names \(counted", out)
    assert held is not None and int(held.group(1)) == 8, out
    assert "distinct" not in out
