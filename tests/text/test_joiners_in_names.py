"""Joiners that spell real names: kept from the file to the sampled names.

Persian and Urdu names typed with the zero-width non-joiner between their words
(علی‌رضا, Ali-Reza), Sinhala conjuncts typed with the zero-width joiner (the
rakaransaya of ශ්‍රී, the yansaya of විද්‍යා) and the Marathi eyelash ra (र्‍य):
without the joiner each is another spelling (علیرضا joins the two words).
"""

import unicodedata

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar.datasets import load_names

ZWNJ, ZWJ = "\u200c", "\u200d"
NAMES = {
    "persian": [
        "علی" + ZWNJ + "رضا",
        "مهر" + ZWNJ + "انگیز",
        "محمد" + ZWNJ + "رضا",
        "عبد" + ZWNJ + "الله",
        "علی",
        "رضا",
    ],
    "sinhala": [
        "ශ්" + ZWJ + "රීමාලි",
        "ශ්" + ZWJ + "රීනි",
        "විද්" + ZWJ + "යා",
        "මාලි",
    ],
    "marathi": ["कर्" + ZWJ + "या", "सूर्" + ZWJ + "या", "राम"],
}
# What stands before the joiner in each list: a letter of Persian, a virama of
# Sinhala and Devanagari; after it a letter of the script. (A model draws
# joins that no name has, ශ්‍න as it draws any new pair of letters, but never
# a joiner at a name's end, two in a row or one after a vowel sign.)
BEFORE = {"persian": "ARABIC LETTER", "sinhala": "SINHALA SIGN AL-LAKUNA"}
BEFORE["marathi"] = "DEVANAGARI SIGN VIRAMA"


@pytest.mark.parametrize("script", sorted(NAMES))
def test_a_file_of_names_keeps_their_joiners(tmp_path, script):
    path = tmp_path / "names.txt"
    path.write_text("\n".join(NAMES[script]) + "\n", encoding="utf-8")
    assert load_names(path) == NAMES[script]


@pytest.mark.parametrize("unit", ["char", "grapheme"])
@pytest.mark.parametrize("script", sorted(NAMES))
def test_sampled_names_join_as_the_training_names_do(script, unit):
    names = NAMES[script]
    transformer = ContextWindowTransformer(alphabet="auto", unit=unit)
    sampler = NameSampler(make_pipeline(transformer, KneserNeyClassifier()))
    sampler.fit(names * 3)
    assert sampler.in_training_set(names).all()
    joined = [name for name in names if ZWNJ in name or ZWJ in name]
    apart = [name.replace(ZWNJ, "").replace(ZWJ, "") for name in joined]
    assert not sampler.in_training_set(apart).any()  # another spelling
    drawn = sampler.sample(200, random_state=0)
    script_name = BEFORE[script].split()[0]
    with_joiner = [name for name in drawn if ZWNJ in name or ZWJ in name]
    assert with_joiner  # the joiner is learned and written back
    for name in with_joiner:
        for i, char in enumerate(name):
            if char in (ZWNJ, ZWJ):
                assert 0 < i < len(name) - 1, name
                assert unicodedata.name(name[i - 1]).startswith(BEFORE[script])
                assert unicodedata.name(name[i + 1]).startswith(script_name)
                assert unicodedata.category(name[i + 1]) == "Lo", name
