import numpy as np
import pytest


@pytest.fixture
def seed():
    """One seed for every randomised test, so failures reproduce."""
    return 0


@pytest.fixture
def rng(seed):
    return np.random.default_rng(seed)
