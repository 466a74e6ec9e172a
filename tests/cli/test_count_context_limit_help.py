"""The --context-length help states the longest context a count model takes,
the one the count model itself enforces."""

import re

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier
from sknextchar.cli._flags import TRAIN_FLAGS
from sknextchar.datasets import load_indian_names


def _count_model(context_length):
    return make_pipeline(
        ContextWindowTransformer(context_length=context_length), KneserNeyClassifier()
    )


def test_context_length_help_gives_the_count_models_limit():
    (flag,) = [flag for flag in TRAIN_FLAGS if flag.flag == "--context-length"]
    found = re.search(r"kneser-ney, at most (\d+) for the 26 letters", flag.help)
    assert found, flag.help
    most = int(found[1])
    names = load_indian_names()[::100]  # the default alphabet's 26 letters
    assert _count_model(most).fit(names)[-1].order_ == most + 1
    with pytest.raises(ValueError, match=f"the context is at most {most} symbols"):
        _count_model(most + 1).fit(names)
