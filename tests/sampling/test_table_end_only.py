"""NameSampler.temperature_table of a prefix of its max_length letters.

After ``max_length`` letters only the end of a name may follow, so the table
showed the end marker at probability 1 at every temperature, whatever the model
predicts, and said nothing of why. It now refuses such a prefix
(``EndOnlyError``), as ``plot_temperature``, ``plot_generation_tree`` and
``sknextchar plot`` do, and one of 1,000 letters as ``sknextchar table`` does.
"""

import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar._dead_ends import EndOnlyError, NoRoomAfterError, UnendingPrefixError
from sknextchar._limits import MAX_LETTERS

NAMES = ["asha", "abid", "ravi", "uma"]


def _sampler(names=NAMES, **params):
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    return NameSampler(pipe, **params).fit(names)


def test_a_prefix_of_max_length_letters_is_refused_with_what_to_pass():
    sampler = _sampler(max_length=6)
    with pytest.raises(EndOnlyError) as caught:
        sampler.temperature_table("a" * 6)
    message = str(caught.value)
    assert message.startswith("prefix='aaaaaa' has 6 letters, as many as max_length=6")
    assert "Raise max_length above 6, or shorten the prefix to 5 letters" in message
    table = sampler.set_params(max_length=7).temperature_table("a" * 6)  # followed
    assert table.proba[0, 1] < 1 and np.allclose(table.proba.sum(axis=0), 1)


def test_the_bound_of_max_length_none_is_told_as_such():
    with pytest.raises(EndOnlyError, match=r"max_length=None gives this sampler \(4:"):
        _sampler().temperature_table("abid")


def test_a_shorter_prefix_is_the_sampler_distribution():
    sampler = _sampler(max_length=6)
    table = sampler.temperature_table("a" * 5, (1.0,))
    assert np.allclose(table.proba[:, 0], sampler.next_char_proba(["a" * 5])[0])
    assert table.proba[0, 0] < 1


def test_the_most_letters_are_refused_as_table_refuses_them():
    sampler = _sampler(max_length=MAX_LETTERS)
    with pytest.raises(NoRoomAfterError, match="Shorten the prefix to 999 letters"):
        sampler.temperature_table("a" * MAX_LETTERS)


def test_a_prefix_whose_end_the_model_rules_out_is_told_as_such():
    pipe = make_pipeline(
        ContextWindowTransformer(context_length=1), KneserNeyClassifier(add_k=0)
    )
    sampler = NameSampler(pipe, max_length=4).fit(["ba", "aba", "bba", "abba"])
    with pytest.raises(UnendingPrefixError):  # no name ends after "b"
        sampler.temperature_table("abab")
