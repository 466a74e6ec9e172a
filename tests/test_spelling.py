"""Generated names spelled as the training names are, in every script.

A Greek final sigma only at the end of a word, capitals only where the training
names have them, one script per word, no name that starts or ends with a
separator or a zero-width joiner, no doubled separator; right-to-left names in
the command line's tables; a name of invisible characters only.
"""

import copy
import re
import unicodedata

import numpy as np
import pytest
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
)
from sknextchar._spelling import spelling_test
from sknextchar._text import display_width
from sknextchar._vocabulary import decode_rows, make_vocabulary
from sknextchar.cli import main
from sknextchar.exceptions import DamagedModelError

from ._messy import messy_names

GREEK = (
    "Γιώργος Νίκος Κώστας Δημήτρης Γιάννης Χρήστος Παναγιώτης Βασίλης Μιχάλης "
    "Σπύρος Αντώνης Στέλιος Σωτήρης Στάθης Τάσος Πέτρος Μανώλης Στέφανος "
    "Αλέξανδρος Σωκράτης Περικλής Θεόδωρος Ανδρέας Απόστολος Σταύρος Οδυσσέας "
    "Λάμπρος Μάρκος Φίλιππος Σάββας Κυριάκος Σταμάτης Παύλος Μαρία Ελένη "
    "Σοφία Αναστασία Ειρήνη Δέσποινα Στέλλα Ισμήνη Άρτεμις Θέτις Σωτηρία "
    "Αφροδίτη Πηνελόπη Μυρσίνη Σαπφώ Ευσταθία"
).split()
MIXED = (
    "Anna Maria Elena Sofia Laura Clara Lucia Marta Julia Paula Ivan Peter Pavel "
    "Oleg Boris Victor Igor Анна Мария Елена София Ольга Наталья Татьяна Ирина "
    "Светлана Вера Иван Пётр Павел Олег Борис Виктор Игорь राहुल प्रिया अमित "
    "सुनीता आशा अनु विजय कृष्ण लक्ष्मी गीता रवि सीता अर्जुन दीपक पूजा"
).split()
ZWNJ = "\u200c"
PERSIAN = [
    "محمد", "علی", "حسین", "رضا", "مهدی", "امیر", "فاطمه", "زهرا", "مریم", "سارا",
    "نرگس", "مهسا", "نیلوفر", "پریسا", "آرش", "سیاوش", "کوروش", "داریوش", "فرهاد",
    "شیرین", "لیلا", "رویا", "ژاله", "یاسمن", "میترا", "ستاره", "شهرزاد", "نسرین",
    f"ماه{ZWNJ}لقا", f"گل{ZWNJ}بانو", f"ماه{ZWNJ}رخ", f"شاه{ZWNJ}رخ", f"علی{ZWNJ}اکبر",
    f"علی{ZWNJ}رضا", f"مه{ZWNJ}لقا", f"نوش{ZWNJ}آفرین", f"پری{ZWNJ}ناز",
    f"پری{ZWNJ}", "عبد الله", "نور الدین",  # a ZWNJ typed at the end; two words
]  # fmt: skip


def kneser_ney(**transformer):
    return make_pipeline(
        ContextWindowTransformer(alphabet="auto", **transformer), KneserNeyClassifier()
    )


def small_mlp(**transformer):
    return make_pipeline(
        ContextWindowTransformer(alphabet="auto", **transformer),
        CharEmbeddingMLPClassifier(max_iter=10, random_state=0),
    )


def script(char):
    return unicodedata.name(char).split()[0]


def is_letter(char):
    return unicodedata.category(char).startswith("L")


# --------------------------------------------------------------------------- #
# Greek: one letter sigma, written ς at the end of a word.
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize("lowercase", [True, False])
def test_greek_names_have_the_final_sigma_at_the_end_of_words_only(lowercase):
    sampler = NameSampler(kneser_ney(lowercase=lowercase)).fit(GREEK)
    assert "σ" in sampler.vocabulary_ and "ς" not in sampler.vocabulary_
    names = sampler.sample(300, random_state=0)
    assert any(name.endswith("ς") for name in names)
    for name in names:
        for i, char in enumerate(name):
            ends_word = i + 1 == len(name) or not is_letter(name[i + 1])
            after_letter = i > 0 and is_letter(name[i - 1])
            if char in "σς":
                assert char == ("ς" if ends_word and after_letter else "σ"), name


def test_either_spelling_of_sigma_is_one_name():
    sampler = NameSampler(kneser_ney()).fit(GREEK)
    transformer = sampler.estimator_[0]
    assert transformer.normalize(["ΝΊΚΟΣ", "Νίκοσ", "ςοφία"]) == [
        "νίκος",
        "νίκος",
        "σοφία",
    ]
    scores = sampler.score_samples(["Νίκος", "Νίκοσ", "Σοφία", "ςοφία"])
    assert scores[0] == scores[1] and scores[2] == scores[3]
    assert sampler.in_training_set(["Νίκος", "Νίκοσ"]).all()
    assert sampler.sample(3, exclude=["Νίκοσ"], pattern="ν.*ς", random_state=0)
    assert "νίκος" not in sampler.sample(
        200, exclude=["Νίκοσ"], pattern="ν.*", random_state=0
    )
    vocabulary = sampler.vocabulary_
    ids = transformer.encode(["Νίκος"])[0]
    assert decode_rows(ids[None, :], vocabulary) == ["νίκος"]


def test_an_alphabet_with_both_sigmas_keeps_them_two_letters():
    # As a model saved before one letter sigma: the same ids, the same scores
    # (a misspelled name is read with the final form where it belongs).
    letters = "αγεικλνοπρτυφωίςσ"
    both = ContextWindowTransformer(alphabet=letters).fit(["νίκος"])
    final, medial = both.vocabulary_.index("ς"), both.vocabulary_.index("σ")
    ids = both.encode(["νίκος", "νίκοσ", "σωτ"])
    assert ids[0][-1] == ids[1][-1] == final and ids[2][0] == medial
    # An alphabet with σ alone reads the final form as σ.
    one = ContextWindowTransformer(alphabet=letters.replace("ς", "")).fit(["νίκος"])
    assert one.encode(["νίκος"])[0].tolist() == one.encode(["νίκοσ"])[0].tolist()


# --------------------------------------------------------------------------- #
# Capitals, scripts, separators, joiners: as in the training names.
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize("pipeline", [kneser_ney, small_mlp])
def test_capitals_and_scripts_of_generated_names_are_those_of_training(pipeline):
    sampler = NameSampler(pipeline(lowercase=False)).fit(MIXED)
    for name in sampler.sample(300, random_state=0):
        letters = [c for c in name if is_letter(c)]
        assert len({script(c) for c in letters}) == 1, name  # one script
        assert not unicodedata.category(name[0]) == "Ll", name  # capital first
        assert not any(c.isupper() for c in name[1:]), name  # and only first


@pytest.mark.parametrize("pipeline", [kneser_ney, small_mlp])
def test_no_name_starts_or_ends_with_a_joiner_or_a_space(pipeline):
    sampler = NameSampler(pipeline()).fit(PERSIAN)
    assert sampler.estimator_[0].normalize([f"پری{ZWNJ}"]) == ["پری"]
    names = sampler.sample(300, random_state=0)
    assert any(ZWNJ in name for name in names)  # between letters: kept
    for name in names:
        assert name.strip(ZWNJ + " ") == name, repr(name)
        assert "  " not in name and ZWNJ * 2 not in name, repr(name)
        assert f"{ZWNJ} " not in name and f" {ZWNJ}" not in name, repr(name)


def test_hyphens_and_apostrophes_are_never_doubled_or_dangling():
    sampler = NameSampler(kneser_ney(lowercase=False)).fit(messy_names())
    names = sampler.sample(400, random_state=0)
    assert any("-" in name for name in names) and any("'" in name for name in names)
    for name in names:
        assert not re.search(r"[-' ][-' ]|^[-' ]|[-' ]$", name), name
        for match in re.finditer(r"[-' ](.)", name):  # "Jean-Luc", "O'Brien"
            assert unicodedata.category(match[1]) != "Ll", name


def test_most_likely_names_keep_the_spelling():
    sampler = NameSampler(kneser_ney(lowercase=False)).fit(MIXED)
    for name in sampler.most_likely(15):
        assert unicodedata.category(name[0]) != "Ll", name


def test_keep_spelling_false_draws_from_the_model_without_the_test():
    sampler = NameSampler(kneser_ney(lowercase=False)).fit(MIXED)
    unrecorded = copy.deepcopy(sampler)
    del unrecorded.training_transitions_  # as a sampler saved before the record
    drawn = sampler.sample(300, keep_spelling=False, random_state=0)
    assert drawn == unrecorded.sample(300, random_state=0)
    assert any(unicodedata.category(name[0]) == "Ll" for name in drawn)
    assert sampler.sample(300, random_state=0) != drawn
    ranked = sampler.most_likely(15, keep_spelling=False)
    assert ranked == unrecorded.most_likely(15) != sampler.most_likely(15)
    with pytest.raises(TypeError, match="keep_spelling must be True or False"):
        sampler.sample(3, keep_spelling="no")


def test_the_command_line_spells_the_switch_as_any_spelling(tmp_path, capsys):
    names = tmp_path / "names.txt"
    names.write_text("\n".join(MIXED) + "\n", encoding="utf-8")
    model = tmp_path / "m.skops"
    args = ["train", str(names), "--alphabet", "auto", "--keep-case", "-q"]
    assert main([*args, "--model", "kneser-ney", "-o", str(model)]) == 0
    sample = ["sample", str(model), "-n", "300", "--seed", "0"]
    assert main([*sample, "--any-spelling"]) == 0
    drawn = capsys.readouterr().out.split()
    assert any(unicodedata.category(name[0]) == "Ll" for name in drawn)
    assert main(sample) == 0
    assert capsys.readouterr().out.split() != drawn
    lowercase = [*sample[:3], "3", "--pattern", "[a-z].*", "--max-rounds", "2"]
    assert main(lowercase) == 1
    assert "--any-spelling allows any" in capsys.readouterr().err


def test_a_prefix_the_training_names_never_start_with_still_gives_names():
    sampler = NameSampler(kneser_ney(lowercase=False)).fit(MIXED)
    names = sampler.sample(5, prefix="an", random_state=0)
    assert all(name.startswith("an") and name.islower() for name in names)


def test_a_request_only_misspelled_names_meet_says_why():
    sampler = NameSampler(kneser_ney(lowercase=False)).fit(MIXED)
    with pytest.raises(ValueError, match="spelled as the training names are"):
        sampler.sample(3, pattern="[a-z].*", max_rounds=2, random_state=0)


def test_lowercase_a_to_z_names_sample_as_without_the_test():
    names = ["abid", "asha", "ravi", "uma", "kiran", "meera", "anil", "sita"] * 3
    sampler = NameSampler(kneser_ney()).fit(names)
    record = sampler.training_transitions_
    assert spelling_test(record, sampler.vocabulary_) is None
    drawn = sampler.sample(50, random_state=0)
    del sampler.training_transitions_  # as a sampler saved before the record
    assert sampler.sample(50, random_state=0) == drawn


def test_a_sampler_without_the_record_samples_and_a_damaged_one_says_so():
    pipe = kneser_ney(lowercase=False).fit(MIXED)
    unrecorded = NameSampler(FrozenEstimator(pipe)).fit([])
    assert unrecorded.training_transitions_ is None
    assert len(unrecorded.sample(5, random_state=0)) == 5
    damaged = NameSampler(FrozenEstimator(pipe)).fit(MIXED)
    damaged.training_transitions_ = np.array(["LATIN upper"])
    with pytest.raises(DamagedModelError, match="training_transitions_"):
        damaged.sample(5, random_state=0)


def test_decoded_names_write_the_final_sigma():
    vocabulary = make_vocabulary("ασν")
    ids = np.array([[2, 1, 3, 0], [3, 2, 1, 3]])
    assert decode_rows(ids, vocabulary) == ["νας", "σνας"]


# --------------------------------------------------------------------------- #
# The command line: right-to-left names in tables; invisible names.
# --------------------------------------------------------------------------- #
def test_score_table_keeps_right_to_left_names_in_their_column(tmp_path, capsys):
    names = tmp_path / "names.txt"
    names.write_text("\n".join(PERSIAN + ["Sara", "Omid"]) + "\n", encoding="utf-8")
    model = tmp_path / "m.skops"
    args = ["train", str(names), "--alphabet", "auto", "--keep-case"]
    assert main([*args, "--model", "kneser-ney", "-q", "-o", str(model)]) == 0
    capsys.readouterr()
    assert main(["score", str(model), "سارا", "Sara", "عبد الله"]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = {line.split()[1].strip("\u200e"): line for line in lines[1:]}
    assert "\u200eسارا\u200e" in rows["سارا"] and "\u200e" not in rows["Sara"]
    assert "\u200eعبد الله\u200e" in rows["عبد"]
    assert len({display_width(line) for line in lines}) == 1  # aligned columns


def test_a_name_of_invisible_characters_only_says_so(tmp_path, capsys):
    names = tmp_path / "names.txt"
    names.write_text(f"asha\n{ZWNJ}\nravi\n", encoding="utf-8")
    args = ["train", str(names), "--alphabet", "auto", "-q"]
    assert main([*args, "-o", str(tmp_path / "m.skops")]) == 1
    err = capsys.readouterr().err
    assert "only invisible characters" in err and "line 2" in err
    assert "strip-accents" not in err
