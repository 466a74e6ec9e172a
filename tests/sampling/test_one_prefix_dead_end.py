"""A call given one prefix names it ``prefix=`` (``--prefix``), not prefixes[0].

Its dead end (no next character allowed) and its line break used to be told of
``prefixes[0]``, a list the caller never passed.
"""

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar.cli import main

# With add_k=0, 'c' is only seen at the end of names: below min_length=3
# nothing may follow "bc".
NAMES = ["abc", "bbc", "abd", "bbd"]


@pytest.fixture(scope="module")
def sampler():
    counts = make_pipeline(
        ContextWindowTransformer(context_length=1), KneserNeyClassifier(add_k=0)
    )
    return NameSampler(counts, min_length=3, max_length=5).fit(NAMES)


def test_a_dead_end_of_one_prefix_is_named_by_its_argument(sampler):
    with pytest.raises(ValueError, match=r"No name can continue prefix='bc': ") as e:
        sampler.temperature_table("bc")
    assert "prefixes" not in str(e.value)
    # A list of prefixes still names the one by its position.
    with pytest.raises(ValueError, match=r"continue prefixes\[1\]='bc'"):
        sampler.next_char_proba(["ab", "bc"])


@pytest.mark.parametrize("call", ["temperature_table", "sample"])
def test_a_line_break_in_one_prefix_is_named_by_its_argument(sampler, call):
    with pytest.raises(ValueError, match=r"prefix is 'ra\\n', which holds a line") as e:
        if call == "sample":
            sampler.sample(2, prefix="ra\n", random_state=0)
        else:
            sampler.temperature_table("ra\n")
    # Not an unknown character, which training with alphabet='auto' would add.
    assert "prefixes" not in str(e.value) and "alphabet" not in str(e.value)


def test_the_command_line_names_the_argument(tmp_path, capsys):
    names = tmp_path / "names.txt"
    names.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    model = str(tmp_path / "model.skops")
    train = ["train", str(names), "--model", "kneser-ney", "--add-k", "0"]
    assert main([*train, "--context-length", "1", "-q", "-o", model]) == 0
    capsys.readouterr()
    assert main(["sample", model, "--prefix", "ra\n", "-n", "2"]) == 1
    err = capsys.readouterr().err
    assert "--prefix is 'ra\\n', which holds a line break" in err
    assert main(["sample", model, "--prefix", "ra\u2028", "-n", "2"]) == 1
    said = "which holds a line break, '\\u2028' (LINE SEPARATOR); a prefix is"
    assert said in capsys.readouterr().err
    assert main(["table", model, "ra\n"]) == 1
    assert "CONTEXT is 'ra\\n', which holds a line break" in capsys.readouterr().err
    pytest.importorskip("matplotlib")
    picture = str(tmp_path / "d.png")
    assert main(["plot", model, "--distribution", "bc", "-o", picture]) == 1
    err = capsys.readouterr().err
    assert "No name can continue 'bc' (--distribution):" in err, err
    assert "prefix" not in err, err
