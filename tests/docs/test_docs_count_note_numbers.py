"""The held-out NLLs your_own_names.rst gives for the bundled names, ``--seed 0``.

The page said 2.0152 for the MLP; ``train --seed 0`` gives 2.0162 today.
"""

import re
from pathlib import Path

import pytest

from sknextchar.cli import main

PAGE = Path(__file__).resolve().parents[2] / "docs" / "your_own_names.rst"


def _held_out_nll(capsys, tmp_path, *flags):
    assert main(["train", "--seed", "0", *flags, "-o", str(tmp_path / "m.skops")]) in (
        0,
        None,
    )
    out, err = capsys.readouterr()
    assert "Note:" not in out + err  # the page: "nothing is said"
    return re.search(r"Held-out NLL: ([\d.]+)", out + err).group(1)


@pytest.mark.slow
def test_the_pages_count_model_and_mlp_nlls_on_the_bundled_names(capsys, tmp_path):
    text = " ".join(PAGE.read_text("utf-8").split())
    stated = re.search(
        r"``--seed 0``: ([\d.]+) for the count model against ([\d.]+) for the MLP", text
    )
    assert stated is not None
    counts = _held_out_nll(capsys, tmp_path, "--model", "kneser-ney", "--force")
    mlp = _held_out_nll(capsys, tmp_path, "--force")
    assert (counts, mlp) == stated.groups()
