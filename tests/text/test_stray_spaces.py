"""Whitespace around names (a spreadsheet's "Anna ") is no letter of them.

The file readers strip each line; the transformer strips each name the same
way, so that ``fit(df["name"])`` and ``fit(load_names(path))`` give one model,
and so that scoring, prefixes, ``exclude`` and novelty read names alike. A
model saved before keeps reading names as it did.
"""

import operator
import pickle
import re
from pathlib import Path

import numpy as np
import pytest
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    load_model,
)
from sknextchar.datasets import load_names

PADDED = ["Anna ", " Ravi", "Mary Ann", "\tAsha\u00a0", "Uma", "anya "]


def _sampler(names, **transformer):
    pipe = make_pipeline(ContextWindowTransformer(**transformer), KneserNeyClassifier())
    return NameSampler(pipe).fit(names)


def test_fit_on_padded_names_is_fit_on_the_file_read_by_load_names(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("\n".join(PADDED) + "\n", encoding="utf-8")
    from_file = load_names(path)
    assert from_file != PADDED  # the reader stripped them
    padded = ContextWindowTransformer(alphabet="auto").fit(PADDED)
    read = ContextWindowTransformer(alphabet="auto").fit(from_file)
    assert padded.vocabulary_ == read.vocabulary_
    assert " " in padded.vocabulary_ and "\u00a0" not in padded.vocabulary_  # Mary Ann
    for a, b in zip(padded.encode(PADDED), read.encode(from_file), strict=True):
        assert a.tolist() == b.tolist()


def test_default_alphabet_takes_names_with_spaces_around_them():
    transformer = ContextWindowTransformer().fit(["Anna ", " Ravi", "Uma"])
    assert transformer.normalize([" Asha\t"]) == ["asha"]
    assert transformer.decode(transformer.encode(["Anna "])) == ["anna"]


def test_scoring_prefixes_exclude_and_novelty_strip_alike():
    names = ["anna", "anya", "ravi", "asha", "uma"] * 3
    sampler = _sampler([n + " " for n in names], alphabet="auto")
    assert " " not in sampler.vocabulary_
    np.testing.assert_allclose(
        sampler.score([" anna", "ravi "]), sampler.score(["anna", "ravi"])
    )
    assert sampler.in_training_set([" anna", "anna\t", "ruma"]).tolist() == [
        True,
        True,
        False,
    ]
    assert all(
        n.startswith("a") for n in sampler.sample(5, prefix=" a", random_state=0)
    )
    drawn = sampler.sample(40, random_state=0)
    assert "anna" in drawn  # so that leaving it out is seen
    kept = sampler.sample(40, exclude=[" anna "], random_state=0)
    assert "anna" not in kept
    novel = sampler.sample(40, novel=True, random_state=0)
    assert not set(novel) & set(names)
    assert not any(n != n.strip() for n in drawn + novel)


def test_a_prefix_keeps_the_space_it_ends_with():
    sampler = _sampler(["mary ann", "mary jo", "maryse", "ann"] * 3, alphabet="auto")
    assert all(
        n.startswith("mary ")
        for n in sampler.sample(5, prefix=" mary ", random_state=0)
    )


def test_a_name_of_invisible_characters_and_spaces_is_named_as_such():
    with pytest.raises(ValueError, match="1 name holds only invisible characters"):
        ContextWindowTransformer(alphabet="auto").fit(["asha", "\ufeff "])


def test_a_model_saved_before_reads_names_as_it_did():
    with pytest.warns(Warning):
        old = load_model("tests/data/pipeline_v0.1.0.dev0.skops")[0]
    with pytest.raises(ValueError, match=r"outside the vocabulary \[' '\]"):
        old.transform([" asha"])  # as in 0.1.0.dev0: a space is no letter of it
    new = pickle.loads(pickle.dumps(ContextWindowTransformer().fit(["asha"])))
    assert new.encode([" asha"])[0].tolist() == new.encode(["asha"])[0].tolist()
    assert old.fit(["ravi "]).vocabulary_ == new.vocabulary_  # a new fit strips
    assert old.normalize([" asha"]) == ["asha"]


def test_the_composition_page_advises_only_clean_up_that_works():
    """A ``FunctionTransformer(np....)`` step the page advises must take a
    Series and leave a pipeline a NameSampler takes (np.char.strip did not);
    the refusal the page states instead holds."""
    pd = pytest.importorskip("pandas")
    page = Path(__file__).parents[2] / "docs" / "composition.rst"
    advised = re.findall(r"FunctionTransformer\(np\.([\w.]+)\)", page.read_text())
    for name in advised:
        step = FunctionTransformer(operator.attrgetter(name)(np))
        pipe = make_pipeline(step, ContextWindowTransformer(), KneserNeyClassifier())
        NameSampler(pipe).fit(pd.Series(PADDED))
    stepped = make_pipeline(
        FunctionTransformer(), ContextWindowTransformer(), KneserNeyClassifier()
    )
    with pytest.raises(
        TypeError, match=r"NameSampler\(estimator=\.\.\.\) needs a Pipe"
    ):
        NameSampler(stepped).fit(PADDED)
