"""A context longer than any name is refused at once, in each interface.

``context_length=10**6`` ran for minutes cutting windows before any check;
the bound is the most letters of a sampled name (a longer context adds only
end markers), stated by the parameter's constraint and by the flag.
"""

import pytest
from sklearn.pipeline import make_pipeline
from sklearn.utils._param_validation import InvalidParameterError

from sknextchar import ContextWindowTransformer, KneserNeyClassifier
from sknextchar._limits import MAX_LETTERS
from sknextchar.cli import main

NAMES = ["asha", "ravi", "meena", "anil"] * 5


@pytest.mark.parametrize("step", ["fit", "fit_transform"])
def test_a_context_longer_than_any_name_is_refused_before_any_work(step):
    transformer = ContextWindowTransformer(context_length=10**6)
    # Parameter validation comes first: no window is cut.
    with pytest.raises(InvalidParameterError, match=r"range \[1, 1000\]"):
        getattr(transformer, step)(NAMES)


def test_the_longest_context_still_fits():
    windows = ContextWindowTransformer(context_length=MAX_LETTERS).fit_transform(NAMES)
    assert windows.contexts.shape == (sum(map(len, NAMES)) + len(NAMES), MAX_LETTERS)


def test_a_pipeline_of_a_count_model_refuses_it_too():
    pipe = make_pipeline(ContextWindowTransformer(context_length=10**6),
                         KneserNeyClassifier())  # fmt: skip
    with pytest.raises(InvalidParameterError, match="context_length"):
        pipe.fit(NAMES)


@pytest.mark.parametrize("model", ["mlp", "kneser-ney"])
def test_the_command_line_refuses_it_before_reading_names(tmp_path, capsys, model):
    argv = ["train", str(tmp_path / "absent.txt"), "--context-length", "1000000",
            "--model", model, "-o", str(tmp_path / "m.skops")]  # fmt: skip
    assert main(argv) == 2  # a usage error: before the names file is looked at
    err = capsys.readouterr().err
    assert "--context-length" in err and "[1, 1000]" in err, err
    assert "Traceback" not in err
