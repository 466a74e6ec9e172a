"""sample --help says what --min-length and --max-length left out mean: the
bound saved in the model when it has one (which sample uses), else its
training names' lengths. It said the longest training name even for a model
saved with max_length=4."""

import joblib
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar.cli import main


def _help_of(flag, capsys):
    assert main(["sample", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())  # as wrapped for no width
    start = text.rindex(f"{flag} N ")  # its option's help, after the usage line
    return text[start : text.index("(default:", start)]


@pytest.mark.parametrize("flag", ["--min-length", "--max-length"])
def test_help_names_a_bound_saved_in_the_model(capsys, flag):
    said = _help_of(flag, capsys)
    assert "none: the bound saved in the model, if any, else its" in said, said


def test_a_bound_saved_in_the_model_is_the_one_used(tmp_path, capsys):
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    names = ["annabelle", "ravindra", "gopalan", "asha", "uma"]
    path = tmp_path / "m.joblib"
    joblib.dump(NameSampler(pipe, max_length=4).fit(names), path)
    code = main(["sample", str(path), "-n", "20", "--seed", "0", "--trust-pickle"])
    drawn = capsys.readouterr().out.split()
    assert code == 0 and drawn and max(map(len, drawn)) <= 4, drawn
