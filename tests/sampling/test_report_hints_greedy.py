"""sample --report hints only at flags that can mend what it shows."""

import pytest

from sknextchar.cli import main


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    folder = tmp_path_factory.mktemp("greedy")
    names = folder / "names.txt"
    names.write_text("asha\nravi\numa\nmira\njohn\nanna\nomar\n", encoding="utf-8")
    path = str(folder / "kn.skops")
    assert main(["train", str(names), "--model", "kneser-ney", "-q", "-o", path]) == 0
    return path


@pytest.mark.parametrize("flag", [["--temperature", "0"], ["--top-k", "1"]])
def test_greedy_report_does_not_advise_unique(model, flag, capsys):
    capsys.readouterr()
    assert main(["sample", model, "-n", "5", "--report", *flag]) == 0
    out = "".join(capsys.readouterr())  # the report is on stderr
    assert "length distance" in out and "distinct" in out
    assert "--unique draws" not in out and "--match-lengths draws" not in out


def test_report_still_advises_unique_when_it_helps(model, capsys):
    capsys.readouterr()
    assert main(["sample", model, "-n", "50", "--seed", "0", "--report"]) == 0
    assert "--unique draws distinct names" in capsys.readouterr().err
