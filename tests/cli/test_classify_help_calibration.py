"""``classify --help`` describes NameLabelClassifier's defaults as they are."""

from sknextchar import NameLabelClassifier
from sknextchar.cli import main


def test_classify_help_names_calibration_as_an_option(capsys):
    assert main(["classify", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    # Not calibrated by default: the help says which value calibrates.
    assert NameLabelClassifier().calibration is None
    assert "with calibration='temperature' calibrates the probabilities" in text, text
