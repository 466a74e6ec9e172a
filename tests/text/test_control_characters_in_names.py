"""Control characters in names given in Python are refused, as the file loaders
refuse NUL: a name that holds one names its position and the character.

A KneserNeyClassifier kept its classes as a NumPy '<U1' array, which drops a
NUL, so a NameSampler failed with a message about its classes; the MLP learned
'\\x00' as a letter. The tab stays allowed (whitespace a line of a file holds).
"""

import re

import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
)
from sknextchar._text import describe_symbol

CONTROLS = ["\x00", "\x01", "\x08", "\x1b", "\x7f", "\x82", "\x9f"]


def _kneser_ney():
    return make_pipeline(
        ContextWindowTransformer(alphabet="auto"), KneserNeyClassifier()
    )


def _mlp():
    clf = CharEmbeddingMLPClassifier(
        embedding_dim=2, hidden_layer_sizes=(4,), max_iter=1, random_state=0
    )
    return make_pipeline(ContextWindowTransformer(alphabet="auto"), clf)


@pytest.mark.parametrize("build", [_kneser_ney, _mlp])
def test_a_nul_in_a_name_is_refused_with_its_place(build):
    with pytest.raises(ValueError) as caught:
        NameSampler(build()).fit(["asha", "ra\x00vi"])
    message = str(caught.value)
    assert "names[1] is 'ra\\x00vi'" in message and "index 2 of the name" in message
    assert "holds '\\x00' (NUL) at index 2" in message  # named as all say it
    assert "control character" in message
    assert "classes_" not in message


@pytest.mark.parametrize("char", CONTROLS, ids=repr)
@pytest.mark.parametrize(
    "as_given", [list, np.array, lambda names: np.array(names, dtype=object)]
)
def test_every_control_character_is_refused(char, as_given):
    transformer = ContextWindowTransformer(alphabet="auto")
    names = as_given(["asha", "ravi", f"ab{char}id"])
    with pytest.raises(ValueError, match=r"names\[2\] is .* at index 2 of the name"):
        transformer.fit(names)
    fitted = ContextWindowTransformer(alphabet="auto").fit(["asha"])
    with pytest.raises(ValueError, match=re.escape(f"holds {describe_symbol(char)} ")):
        fitted.transform(names)


def test_a_tab_inside_a_name_is_still_a_character():
    # The warning: tests/text/test_space_look_alikes.
    with pytest.warns(UserWarning, match="1 name holds a tab"):
        transformer = ContextWindowTransformer(alphabet="auto").fit(["a\tb", "asha"])
    assert "\t" in transformer.vocabulary_
