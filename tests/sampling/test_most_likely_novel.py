"""``most_likely(novel=True)``: the most probable names the sampler was not fitted on.

``sample`` had ``novel=True``; ``most_likely`` had only ``exclude``, which needs
the training names at hand (a sampler loaded from a file has only their record)
and compares case exactly. Most of the default model's most probable names are
training names (37 of the top 50 for a Kneser-Ney model of the bundled names).
"""

import pytest
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    PerLabelClassifier,
    load_model,
    save_model,
)
from sknextchar.datasets import load_indian_names

NAMES = [str(name) for name in load_indian_names()[::5]]
# Capitalised, every fourth name in capitals: "Asha" beside "RAVI".
CASED = [n.upper() if i % 4 == 0 else n.capitalize() for i, n in enumerate(NAMES)]


def _sampler(names, lowercase=True):
    alphabet = "abcdefghijklmnopqrstuvwxyz" if lowercase else "auto"
    pipe = make_pipeline(
        ContextWindowTransformer(3, alphabet=alphabet, lowercase=lowercase),
        KneserNeyClassifier(),
    )
    return NameSampler(pipe).fit(names)


@pytest.fixture(scope="module")
def sampler():
    return _sampler(NAMES)


@pytest.mark.parametrize("prefix", ["", "ra"])
def test_novel_gives_the_most_probable_names_that_are_not_training_names(
    sampler, prefix
):
    ranked = sampler.most_likely(200, prefix=prefix)
    known = sampler.in_training_set(ranked)
    assert known[:20].sum() >= 3  # without novel, training names come first
    oracle = [name for name, k in zip(ranked, known) if not k][:10]
    assert len(oracle) == 10
    assert sampler.most_likely(10, prefix=prefix, novel=True) == oracle


def test_novel_leaves_out_case_variants_for_a_model_that_keeps_case():
    cased = _sampler(CASED, lowercase=False)
    folded = {name.lower() for name in CASED}
    ranked = cased.most_likely(100)
    assert any(n.lower() in folded and n not in CASED for n in ranked)  # "ASHA"
    new = cased.most_likely(30, novel=True)
    assert [n for n in new if n.lower() in folded] == []
    assert new == [n for n in ranked if n.lower() not in folded][:30]


def test_novel_works_on_a_loaded_sampler_without_its_names(sampler, tmp_path):
    path = save_model(sampler, tmp_path / "names.joblib")
    loaded = load_model(path, allow_pickle=True)
    top = loaded.most_likely(20)
    assert loaded.in_training_set(top).sum() >= 3  # so novel has names to leave out
    new = loaded.most_likely(20, novel=True)
    assert not loaded.in_training_set(new).any()
    assert new != top
    assert new == sampler.most_likely(20, novel=True)


def test_novel_with_a_label_refuses_as_sample_does():
    # A sampler given training names of label "x" only cannot tell those of "y":
    # sample(novel=True) refused, and most_likely returned y's training names.
    names = ["ab", "aab", "ba", "bb", "b", "bab", "abb", "bba"]
    labels = ["x", "x", "x", "x", "y", "y", "y", "y"]
    pipe = make_pipeline(
        ContextWindowTransformer(2, alphabet="ab"),
        PerLabelClassifier(KneserNeyClassifier()),
    ).fit(names, labels)
    only_x = NameSampler(FrozenEstimator(pipe), min_length=1, max_length=3)
    only_x.fit(names[:4], labels[:4])
    words = "given no training names of label 'y'.*so novel=True cannot leave out"
    for method in (only_x.sample, only_x.most_likely):
        with pytest.raises(ValueError, match=words):
            method(3, label="y", novel=True)
    # Without novel, y's most probable names are its training names ("b" first).
    assert set(only_x.most_likely(3, label="y")) & set(names[4:])
    assert not only_x.in_training_set(
        only_x.most_likely(3, label="x", novel=True)
    ).any()


def test_too_few_new_names_says_that_novel_left_out_the_training_names():
    pipe = make_pipeline(
        ContextWindowTransformer(2, alphabet="ab"), KneserNeyClassifier()
    )
    # 6 names of 1 or 2 letters exist, 4 of them training names.
    small = NameSampler(pipe, max_length=2).fit(["a", "b", "ab", "ba"])
    assert len(small.most_likely(6)) == 6
    with pytest.raises(ValueError, match=r"^Found only 2 of the 3 .* outside the "
                       r"training names \(novel=True\);.*or leave novel=False to "
                       r"rank the training names too\.$"):  # fmt: skip
        small.most_likely(3, novel=True)
    with pytest.raises(ValueError, match=r"outside the training names \(novel=True"
                       r"\) and the 1 excluded name;.*exclude fewer names "
                       r"\(exclude=...\), or leave novel=False"):  # fmt: skip
        small.most_likely(2, novel=True, exclude=["aa"])


def test_novel_needs_the_record_and_a_bool(sampler):
    pipe = make_pipeline(ContextWindowTransformer(3), KneserNeyClassifier())
    no_record = NameSampler(FrozenEstimator(pipe.fit(NAMES))).fit([])
    with pytest.raises(ValueError, match="no record of its training names"):
        no_record.most_likely(3, novel=True)
    assert len(no_record.most_likely(3)) == 3
    with pytest.raises(TypeError, match="novel must be True or False"):
        sampler.most_likely(3, novel="yes")
