"""Which letters ``novel=True`` takes for one letter in another case.

Beyond "A" and "a": the titlecase digraphs ("Ǆ", "ǅ") in a list without "ǆ",
the Turkish "İ" and "ı" beside "i" and "I" ("AYDIN" is "Aydın" in capitals),
and "ẞ" beside "ß". A letter whose fold is two letters stays one: "STRASSE"
is another name than "Straße".
"""

import string

import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar._training_record import fold_map

TURKISH = ["İpek", "Irmak", "Aydın", "Işıl", "Straße"]
ALPHABET = string.ascii_letters + "ıİşŞßẞ"


def _sampler(names, alphabet="auto", lowercase=False, context=3):
    transformer = ContextWindowTransformer(
        context, alphabet=alphabet, lowercase=lowercase
    )
    return NameSampler(make_pipeline(transformer, KneserNeyClassifier())).fit(names)


def test_titlecase_digraphs_without_their_lowercase_are_one_letter():
    names = ["Ǆana", "ǅara", "Ǆaro", "ǅanu"]
    sampler = _sampler(names, context=2)
    assert "ǆ" not in sampler.vocabulary_
    folded = {name.casefold() for name in names}
    drawn = sampler.sample(300, random_state=0)
    assert [n for n in drawn if n.casefold() in folded and n not in names]
    new = sampler.sample(300, novel=True, random_state=0)
    assert [n for n in new if n.casefold() in folded] == []  # 236 of 300 before
    found = sampler.in_training_set(["ǅana", "Ǆara", "ǅuro"], ignore_case=True)
    assert found.tolist() == [True, True, False]


def test_the_turkish_dotted_and_dotless_i_are_one_letter_in_any_case():
    sampler = _sampler(TURKISH, alphabet=ALPHABET)
    capitals = ["ipek", "IPEK", "İPEK", "AYDIN", "IŞIL", "IRMAK"]
    assert sampler.in_training_set(capitals, ignore_case=True).all()
    # One letter with case ignored: the list's other spelling counts too.
    assert sampler.in_training_set(["Aydin", "İrmak"], ignore_case=True).all()
    assert not sampler.in_training_set(["Aydan", "Ipak"], ignore_case=True).any()


def test_sharp_s_is_one_letter_and_never_two():
    sampler = _sampler(TURKISH, alphabet=ALPHABET)
    names = ["STRAẞE", "straße", "STRASSE", "Strasse"]
    found = sampler.in_training_set(names, ignore_case=True)
    assert found.tolist() == [True, True, False, False]


def test_a_lowercase_list_of_i_and_dotless_i_has_no_case():
    sampler = _sampler([name.lower() for name in TURKISH], lowercase=True)
    assert {"i", "ı"} <= set(sampler.vocabulary_)
    assert sampler.training_name_folded_hashes_ is None
    assert fold_map(sampler.vocabulary_) is None


@pytest.mark.parametrize(
    "letters",
    [
        string.ascii_letters,
        "AaÀàÉéÖöØøÅåŁłŒœÞþÑñ" + "ÇĞŞÜ",  # no "ç", "ğ": those capitals stay
        "АаБбЁёЖжЩщЪъЫыЯяЇїЄєЎў" + "ЮФ",
    ],
)
def test_other_capitals_fold_to_their_lowercase_as_before(letters):
    vocabulary = ("-", *sorted(letters))
    index = {symbol: i for i, symbol in enumerate(vocabulary)}
    lower = [index.get(symbol.lower(), i) for i, symbol in enumerate(vocabulary)]
    lower[0] = 0
    np.testing.assert_array_equal(fold_map(vocabulary), lower)


def test_a_list_in_capitals_with_i_and_dotted_i_ignores_case_as_any_list_does():
    # "I" and "İ" are one letter with case ignored, whatever else the list has:
    # a list in capitals only keeps the folded record too.
    capitals = ["İPEK", "IRMAK", "KAYA"]
    asked = ["IPEK", "İRMAK", "IPAK"]
    with_lowercase = _sampler([*capitals, "kaya"])
    expected = with_lowercase.in_training_set(asked, ignore_case=True).tolist()
    assert expected == [True, True, False]
    lowercased = _sampler(capitals, lowercase=True)
    assert lowercased.in_training_set(asked).tolist() == expected
    sampler = _sampler(capitals)
    assert sampler.training_name_folded_hashes_ is not None
    assert sampler.in_training_set(asked, ignore_case=True).tolist() == expected
    assert not sampler.in_training_set(asked).any()  # exactly, they differ
