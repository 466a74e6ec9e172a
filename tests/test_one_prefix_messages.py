"""NameSampler's messages on a prefix name it as the call was given it."""

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar.cli import main

NAMES = ["asha", "uma", "ravi", "mira", "rahul"]


@pytest.fixture(scope="module")
def sampler():
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    return NameSampler(pipe).fit(NAMES)


@pytest.mark.parametrize("call", ["sample", "temperature_table"])
def test_one_prefix_is_named_by_its_argument(sampler, call):
    with pytest.raises(ValueError, match=r"in prefix='ra1'\. ") as caught:
        if call == "sample":
            sampler.sample(2, prefix="ra1", random_state=0)
        else:
            sampler.temperature_table("ra1")
    assert "prefixes" not in str(caught.value)


def test_the_command_line_still_names_the_flag(tmp_path, capsys):
    names = tmp_path / "names.txt"
    names.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    model = str(tmp_path / "model.skops")
    assert main(["train", str(names), "--model", "kneser-ney", "-q", "-o", model]) == 0
    assert main(["sample", model, "--prefix", "ra1", "-n", "2"]) == 1
    assert "in --prefix ra1." in capsys.readouterr().err
    assert main(["table", model, "ra1"]) == 1
    assert "in CONTEXT 'ra1'" in capsys.readouterr().err
