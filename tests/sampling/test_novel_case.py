"""``novel=True`` leaves out case variants of training names (models that keep case).

A model trained with ``lowercase=False`` (``--keep-case``) on a list holding
"Anna" and some ALL-CAPS rows writes "ANNA" too; a user asking for new names
does not count it as new. The sampler keeps a second record, of the names
case-folded, for vocabularies with both cases of some letter, and none for the
a-z names (whose samples stay what they were, bit for bit). Accents are not
folded: "Jose" and "José" are different names.
"""

import copy

import numpy as np
import pytest
import skops.io
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    PerLabelClassifier,
    load_model,
)
from sknextchar.cli import main
from sknextchar.cli._resume import merged_record
from sknextchar.datasets import load_indian_names
from sknextchar.exceptions import DamagedModelError

BASE = [str(name) for name in load_indian_names()[::10]]
# Capitalised, every fourth name in capitals: "Asha" beside "RAVI".
CASED = [n.upper() if i % 4 == 0 else n.capitalize() for i, n in enumerate(BASE)]
FOLDED = {name.lower() for name in CASED}


def _pipe(lowercase=True):
    alphabet = "abcdefghijklmnopqrstuvwxyz" if lowercase else "auto"
    return make_pipeline(
        ContextWindowTransformer(3, alphabet=alphabet, lowercase=lowercase),
        KneserNeyClassifier(),
    )


@pytest.fixture(scope="module")
def cased():
    return NameSampler(_pipe(lowercase=False), temperature=0.5).fit(CASED)


def test_novel_never_returns_a_case_variant_of_a_training_name(cased):
    drawn = cased.sample(2000, random_state=0)
    variants = [n for n in drawn if n.lower() in FOLDED and n not in CASED]
    assert variants  # the model does write "ASHA" beside "Asha"
    new = cased.sample(2000, novel=True, random_state=0)
    assert [n for n in new if n.lower() in FOLDED] == []  # 26 before the fix
    assert any(n.isupper() for n in new) and any(n.istitle() for n in new)


def test_in_training_set_compares_exactly_unless_asked_to_ignore_case(cased):
    name = CASED[1]  # capitalised
    names = [name, name.upper(), name.lower(), "Zzzq"]
    assert cased.in_training_set(names).tolist() == [True, False, False, False]
    found = cased.in_training_set(names, ignore_case=True)
    assert found.tolist() == [True, True, True, False]
    with pytest.raises(TypeError, match="ignore_case must be True or False"):
        cased.in_training_set(names, ignore_case="yes")


def test_accents_are_a_different_spelling():
    sampler = NameSampler(_pipe(lowercase=False)).fit(["José", "Anna", "Else", "NINA"])
    found = sampler.in_training_set(["Jose", "ANNA", "José"], ignore_case=True)
    assert found.tolist() == [False, True, True]


def test_the_record_is_one_sorted_uint64_array_only_for_a_vocabulary_with_case(
    cased,
):
    folded = cased.training_name_folded_hashes_
    assert folded.dtype == np.uint64 and folded.ndim == 1
    assert np.all(folded[1:] > folded[:-1])
    assert len(folded) == len(FOLDED) == len(cased.training_name_hashes_)
    assert folded.nbytes == 8 * len(FOLDED)
    anna = NameSampler(_pipe(lowercase=False)).fit(["Anna", "ANNA", "Ben", "BEN"])
    assert len(anna.training_name_hashes_) == 4
    assert len(anna.training_name_folded_hashes_) == 2
    plain = NameSampler(_pipe()).fit(BASE)
    assert plain.training_name_folded_hashes_ is None  # a-z: no second array
    capitals = NameSampler(_pipe(lowercase=False)).fit([n.upper() for n in BASE])
    assert capitals.training_name_folded_hashes_ is None  # no lowercase to fold to


# Drawn by the code before the folded record, same seeds.
BEFORE_AZ = (
    "jalishanda rupakraj vaabashee vibir chan ambitu kindra gorknmooa asha "
    "charmi zeelur amith"
).split()
BEFORE_CASED = (
    "JALIYA VLAD CHAN Abhita Kfbgiram Gharmchis Mushita Archab Cherjebhay Audu "
    "Bunhyam Mudhu"
).split()


def test_a_z_names_are_drawn_as_before_bit_for_bit():
    sampler = NameSampler(_pipe()).fit(BASE)
    assert sampler.sample(12, novel=True, random_state=0) == BEFORE_AZ
    cased = NameSampler(_pipe(lowercase=False)).fit(CASED)
    assert cased.sample(12, random_state=0) == BEFORE_CASED


def test_weight_0_names_and_labels_share_one_folded_record(cased):
    weights = np.ones(len(CASED))
    weights[::3] = 0  # still the user's names
    labels = ["f" if name.endswith(("a", "A", "i", "I")) else "m" for name in CASED]
    pipe = make_pipeline(
        ContextWindowTransformer(3, alphabet="auto", lowercase=False),
        PerLabelClassifier(KneserNeyClassifier()),
    )
    sampler = NameSampler(pipe).fit(CASED, labels, sample_weight=weights)
    # Names of weight 0 are not learned: only "Qazi" and "SAFIQ" have a "Q",
    # which the model cannot write; it writes them as "qazi" and "SAFIq".
    assert set(cased.vocabulary_) - set(sampler.vocabulary_) == {"Q"}
    unwritten = [n for n, w in zip(CASED, weights) if w == 0 and "Q" in n]
    assert sampler.in_training_set(unwritten).tolist() == [False, False]
    written = [n for n in CASED if n not in unwritten]
    assert sampler.in_training_set(written).all()
    # The folded record is the full-weight one: every name, in any case.
    folded = sampler.training_name_folded_hashes_
    assert len(folded) == len(cased.training_name_folded_hashes_)
    swapped = [name.swapcase() for name in CASED]
    assert sampler.in_training_set(swapped, ignore_case=True).all()


def test_novel_leaves_out_a_weight_0_name_in_the_case_the_model_writes():
    names = ["mina", "rima", "amir", "ira", "mara", "rina", "nami", "arim", "MIRA"]
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto", lowercase=False),
        KneserNeyClassifier(),
    )
    sampler = NameSampler(pipe).fit(names, sample_weight=[1] * 8 + [0])
    assert "M" not in sampler.vocabulary_  # "MIRA" is not learned
    drawn = sampler.sample(50, prefix="mir", random_state=0, max_rounds=50)
    assert "mira" in drawn  # the model writes it in lowercase
    new = sampler.sample(50, prefix="mir", novel=True, random_state=0, max_rounds=50)
    assert "mira" not in new
    assert sampler.in_training_set(["mira"], ignore_case=True).tolist() == [True]


def test_the_failure_message_says_any_case(cased):
    cold = copy.deepcopy(cased).set_params(temperature=0.02)
    with pytest.raises(ValueError, match="training names in any case"):
        cold.sample(20, novel=True, max_rounds=2, random_state=0)


def test_an_older_model_loads_and_compares_exactly(cased, tmp_path):
    old = copy.deepcopy(cased)
    del old.training_name_folded_hashes_  # as saved before the record
    path = tmp_path / "old.skops"
    skops.io.dump(old, path)
    loaded = load_model(path)
    new = loaded.sample(2000, novel=True, random_state=0)
    assert new == old.sample(2000, novel=True, random_state=0)
    assert not loaded.in_training_set(new).any()  # exactly, as before:
    assert sum(n.lower() in FOLDED for n in new) == 26  # the variants it gave
    assert loaded.in_training_set([CASED[1].upper()]).tolist() == [False]
    with pytest.raises(ValueError, match="ignore_case=False to compare exactly"):
        loaded.in_training_set([CASED[1]], ignore_case=True)


@pytest.mark.parametrize(
    "edit",
    [
        lambda h: h[::-1].copy(),  # not sorted
        lambda h: h.astype(np.int64),  # not uint64
        lambda h: h[:, None],  # not 1-d
        lambda h: np.repeat(h, 2),  # not distinct
    ],
)
def test_a_damaged_folded_record_is_refused_at_load(cased, tmp_path, edit):
    damaged = copy.deepcopy(cased)
    damaged.training_name_folded_hashes_ = edit(damaged.training_name_folded_hashes_)
    path = tmp_path / "damaged.skops"
    skops.io.dump(damaged, path)  # past save_model, as a hand edit would be
    with pytest.raises(DamagedModelError, match="training_name_folded_hashes_"):
        load_model(path)


def test_a_resumed_record_folds_the_names_of_both_runs(cased):
    pipe = cased.estimator_
    merged = merged_record(cased, pipe, ["Zuzanna"])
    assert merged.in_training_set(["ZUZANNA", CASED[1].upper()], ignore_case=True).all()
    old = copy.deepcopy(cased)
    del old.training_name_folded_hashes_  # saved before the record
    assert merged_record(old, pipe, ["Zuzanna"]).training_name_folded_hashes_ is None


def test_the_command_line_novel_leaves_out_case_variants(tmp_path, capsys):
    listed, model = tmp_path / "cased.txt", str(tmp_path / "cased.skops")
    listed.write_text("\n".join(CASED), encoding="utf-8")
    keep_case = ["--alphabet", "auto", "--keep-case", "--model", "kneser-ney"]
    assert main(["train", str(listed), *keep_case, "-q", "-o", model]) == 0
    capsys.readouterr()
    sample = ["sample", str(model), "-n", "500", "--seed", "0", "--temperature", "0.5"]
    assert main([*sample, "--novel"]) == 0
    new = capsys.readouterr().out.split()
    assert len(new) == 500 and not [n for n in new if n.lower() in FOLDED]
