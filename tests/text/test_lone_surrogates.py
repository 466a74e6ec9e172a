"""A lone surrogate (what a file read with errors='surrogateescape' gives for a
byte its encoding does not decode) is no character of a name: ``fit`` refuses
it, naming the name, the position and the file's encoding, instead of learning
it as a letter that the command line would later write as invalid UTF-8."""

import pandas as pd
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    load_model,
)
from sknextchar._file_safety import check_target
from sknextchar.cli import main
from sknextchar.datasets import load_names

NAME = "ab\udce9c"  # b"ab\xe9c" (Latin-1 é) read as UTF-8 with surrogateescape


@pytest.mark.parametrize(
    "names, place",
    [
        (["asha", NAME], "names[1]"),  # plain names: checked all at once
        ([NAME, ""], "names[0]"),  # checked one by one: the first bad one
        (pd.Series(["asha", NAME], index=[5, 9]), "names.iloc[1]"),
    ],
)
def test_fit_refuses_a_lone_surrogate(names, place):
    transformer = ContextWindowTransformer(alphabet="auto")
    with pytest.raises(ValueError) as e:
        transformer.fit(names)
    message = str(e.value)
    assert message.startswith(f"{place}")
    assert f"{NAME!r}, which holds a lone surrogate (U+DCE9) at index 2" in message
    assert "the byte 0xE9" in message and "errors='surrogateescape'" in message
    assert "Read the file with its own encoding" in message
    assert not hasattr(transformer, "vocabulary_")


def test_a_sampler_never_learns_one():
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto"), KneserNeyClassifier()
    )
    with pytest.raises(ValueError, match="lone surrogate"):
        NameSampler(pipe).fit(["asha", "ravi", "d\udce9na"])


def test_half_of_a_pair_is_told_apart():
    with pytest.raises(ValueError, match=r"U\+D83D.*half of a UTF-16 surrogate pair"):
        ContextWindowTransformer(alphabet="auto").fit(["asha", "x\ud83d"])


# A path with U+D800 (which only Python passes: no file name decodes to one)
# was told "a path cannot hold the NUL character", or, for -o, Python's bare
# "'utf-8' codec can't encode character '\ud800'".
@pytest.mark.parametrize("read", [load_names, load_model, check_target])
def test_a_path_with_a_lone_surrogate_is_told_so(tmp_path, read):
    with pytest.raises(ValueError) as e:
        read(str(tmp_path / "x\ud800.txt"))
    message = str(e.value)
    assert "a path cannot hold a lone surrogate (U+D800)" in message, message
    assert "NUL" not in message and "codec" not in message


def test_train_names_the_output_path_with_a_lone_surrogate(tmp_path, capsys):
    (tmp_path / "names.txt").write_text("asha\nravi\n", encoding="utf-8")
    out = tmp_path / "x\ud800.skops"
    assert main(["train", str(tmp_path / "names.txt"), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Cannot save to" in err and "lone surrogate (U+D800)" in err, err
    assert "Give -o a model file" in err
