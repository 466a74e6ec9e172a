"""``train`` warns, with -q too, when early stopping keeps the weights of the
first epoch, and says to pass --validation-fraction 0 (or give more names)."""

import pytest

from sknextchar.cli import main
from tests.training.test_first_epoch_kept import YEARS


@pytest.mark.slow
def test_train_warns_even_quiet_with_the_flag(tmp_path, capsys):
    names = tmp_path / "babies.txt"
    names.write_text("\n".join(YEARS) + "\n", encoding="utf-8")
    out = str(tmp_path / "m.skops")
    flags = ["--alphabet", "auto", "--hidden-layer-sizes", "100", "--seed", "0"]
    assert main(["train", str(names), *flags, "-q", "-o", out]) == 0
    err = capsys.readouterr().err
    assert "sknextchar: warning: Early stopping kept the weights of epoch 1" in err
    assert err.rstrip().endswith("without a hold-out: --validation-fraction 0.")
    assert main(["train", str(names), *flags, "-q", "--validation-fraction", "0",
                 "-o", out, "--force"]) == 0  # fmt: skip
    assert "Early stopping" not in capsys.readouterr().err
