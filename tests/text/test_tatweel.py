"""A model that learned the Arabic tatweel keeps reading names with it.

Names lose the tatweel (U+0640), a stretch of the line with no sound; a model
saved before that rule, whose vocabulary holds it, read and learned names
with it, and a given alphabet that lists it asks for it: such a model keeps it
in its names, prefixes, ``exclude`` and novelty, as it was trained. A name of
tatweels only is refused with words that name it.
"""

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    _text,
    load_model,
    save_model,
)

TATWEEL = "\u0640"
NAMES = ["جميـلة", "أحمد", "محمد", "فاطمة", "عـلي", "ليلى"]


def sampler_of(names, alphabet="auto"):
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet=alphabet), KneserNeyClassifier()
    )
    return NameSampler(pipe, max_length=12).fit(names)


def old_sampler(monkeypatch):
    """A sampler fitted as before the tatweel was removed from names."""
    with monkeypatch.context() as patch:  # the removal undone for this fit
        undone = _text._TABLES[False, True, False]
        patch.setitem(_text._TABLES, (False, False, False), undone)
        sampler = sampler_of(NAMES)
    assert _text.normalize_text("عـلي") == "علي"  # the removal is back
    assert TATWEEL in sampler.vocabulary_
    return sampler


def check_reads_the_tatweel(sampler):
    assert sampler.in_training_set(["عـلي", "علي", "جميـلة", "جميلة"]).tolist() == [
        True, False, True, False,
    ]  # fmt: skip
    drawn = sampler.sample(20, prefix="جميـ", random_state=0)
    assert all(name.startswith("جميـ") for name in drawn)
    assert sampler.temperature_table("جميـ").prefix == "جميـ"
    transformer = sampler.estimator_[0]
    windows = transformer.transform(["عـلي"])
    assert TATWEEL in transformer.decode(windows.targets)
    assert len(windows.targets) == len("عـلي") + 1
    assert sampler.score_samples(["عـلي"]) != sampler.score_samples(["علي"])
    assert transformer.normalize(["عـلي"]) == ["عـلي"]
    kept = sampler.sample(300, random_state=0, exclude={"عـلي"})
    assert "عـلي" not in kept
    assert "عـلي" in sampler.sample(300, random_state=0)  # what exclude removed


def test_a_model_that_learned_the_tatweel_reads_names_with_it(monkeypatch):
    check_reads_the_tatweel(old_sampler(monkeypatch))


def test_a_saved_model_that_learned_the_tatweel_keeps_it(monkeypatch, tmp_path):
    save_model(old_sampler(monkeypatch), tmp_path / "old.skops")
    check_reads_the_tatweel(load_model(tmp_path / "old.skops"))


def test_an_alphabet_that_lists_the_tatweel_keeps_it():
    alphabet = sorted(set("".join(NAMES)))
    assert TATWEEL in alphabet
    check_reads_the_tatweel(sampler_of(NAMES, alphabet=alphabet))


def test_a_model_without_the_tatweel_still_removes_it():
    sampler = sampler_of([name.replace(TATWEEL, "") for name in NAMES])
    assert sampler.in_training_set(["عـلي", "علي"]).all()
    assert sampler.estimator_[0].normalize(["عـلي"]) == ["علي"]


@pytest.mark.parametrize(
    "name, told, not_told",
    [
        (TATWEEL, "the Arabic tatweel ('ـ', U+0640", "a byte-order mark"),
        (" " + TATWEEL * 3, "the Arabic tatweel ('ـ', U+0640", "a byte-order mark"),
        ("\u200b", "a byte-order mark, a zero-width space", "tatweel"),
        ("\u200b" + TATWEEL, "a byte-order mark", None),
    ],
)
def test_a_name_of_tatweels_only_is_refused_naming_it(name, told, not_told):
    with pytest.raises(ValueError, match="1 name holds only") as caught:
        ContextWindowTransformer(alphabet="auto").fit(["asha", name])
    message = str(caught.value)
    assert told in message and "names[1]=" in message
    if not_told is None:  # both causes
        assert "tatweel" in message
    else:
        assert not_told not in message
