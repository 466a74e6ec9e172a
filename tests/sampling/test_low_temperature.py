"""A very low temperature with a test that rejects the model's likeliest name.

At ``temperature=0.01`` a model draws its likeliest name nearly every time;
when the spelling record or ``novel=True`` rejects it, every draw is rejected.
The message says which name was drawn over and over and what to change, in
the spelling of the interface.
"""

import re

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar.cli import main

CAPITALISED = (
    "Anna Maria Elena Sofia Laura Clara Lucia Marta Julia Paula Ivan Peter "
    "Pavel Oleg Boris Victor Igor Jean-Luc"
).split()
LOWERCASE = [
    "sant", "santosh", "santa", "sanjay", "sanjana", "sunita", "suresh",
    "ramesh", "rakesh", "mahesh", "ganesh", "dinesh", "umesh", "asha",
]  # fmt: skip
REPEATED = r"all [\d,]+ names it rejected were '{}', drawn over and over: "


def kneser_ney(names, **transformer):
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto", **transformer),
        KneserNeyClassifier(),
    )
    return NameSampler(pipe, temperature=0.01).fit(names)


def test_a_misspelled_name_drawn_over_and_over_is_named_with_what_to_do():
    # Before: "0.00% of the drawn names were accepted as ..., spelled as the
    # training names are (...)", then five remedies, and no word of 'aaaa'.
    sampler = kneser_ney(CAPITALISED, lowercase=False)
    (likeliest,) = sampler.sample(1, keep_spelling=False, random_state=0)
    assert likeliest[0].islower()  # the count model backs off to "a"
    with pytest.raises(ValueError) as error:
        sampler.sample(3, random_state=0)
    message = str(error.value)
    assert re.search(REPEATED.format(likeliest), message), message
    assert "a higher temperature=... draws others" in message
    assert "keep_spelling=False allows any" in message


def test_a_training_name_drawn_over_and_over_with_novel_is_named():
    sampler = kneser_ney(LOWERCASE)
    (likeliest,) = sampler.sample(1, random_state=0)
    assert sampler.in_training_set([likeliest]).tolist() == [True]
    with pytest.raises(ValueError, match=REPEATED.format(likeliest)):
        sampler.sample(2, novel=True, random_state=0)


def test_many_rejected_names_are_not_called_repeated():
    sampler = kneser_ney(CAPITALISED, lowercase=False).set_params(temperature=1.0)
    with pytest.raises(ValueError, match="spelled as the training") as error:
        sampler.sample(3, pattern="[a-z].*", max_rounds=2, random_state=0)
    assert "over and over" not in str(error.value)
    novel = kneser_ney(LOWERCASE).set_params(temperature=1.0)
    with pytest.raises(ValueError, match="training names") as error:
        novel.sample(3, novel=True, pattern="s.*h", max_rounds=2, random_state=0)
    assert "over and over" not in str(error.value)


def test_the_command_line_names_the_flag(tmp_path, capsys):
    names = tmp_path / "names.txt"
    names.write_text("\n".join(CAPITALISED) + "\n", encoding="utf-8")
    model = tmp_path / "m.skops"
    args = ["train", str(names), "--alphabet", "auto", "--keep-case", "-q"]
    assert main([*args, "--model", "kneser-ney", "-o", str(model)]) == 0
    capsys.readouterr()
    sample = ["sample", str(model), "-n", "2", "--seed", "0"]
    assert main([*sample, "--temperature", "0.01", "--max-rounds", "3"]) == 1
    err = capsys.readouterr().err
    assert "a higher --temperature ... draws others" in err, err
    assert "--any-spelling allows any" in err and "Traceback" not in err


def test_a_few_names_with_a_few_one_offs_are_still_named():
    # Before: more than 3 distinct rejected names (two drawn once each beside
    # three drawn hundreds of times) gave the generic message, naming none.
    from sknextchar.datasets import load_indian_names

    sampler = kneser_ney(list(load_indian_names()[:2000])).set_params(temperature=0.02)
    with pytest.raises(ValueError) as error:
        sampler.sample(20, novel=True, random_state=0)
    message = str(error.value)
    assert re.search(r"[\d,]+ of the [\d,]+ names it rejected were '", message), message
    assert "drawn over and over" in message
