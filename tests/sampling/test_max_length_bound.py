"""NameSampler's max_length has the bound of min_length and of --max-length.

It accepted 10**9 in Python while min_length stopped at 1000 and the command
line refused --max-length 5000.
"""

import pytest
from sklearn.pipeline import make_pipeline
from sklearn.utils._param_validation import InvalidParameterError

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar._limits import MAX_LETTERS

NAMES = ["asha", "ravi", "meena", "anil"] * 5


def test_max_length_has_the_bound_of_min_length():
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    sampler = NameSampler(pipe, max_length=10**9)
    with pytest.raises(InvalidParameterError, match=r"'max_length' .*\[1, 1000\]"):
        sampler.fit(NAMES)
    assert NameSampler(pipe, max_length=MAX_LETTERS).fit(NAMES).sample(3)
