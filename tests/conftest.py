import numpy as np
import pytest
from hypothesis import settings

# No example database in the checkout: property tests stay reproducible from their
# seeds, and a run leaves no .hypothesis/ folder behind.
settings.register_profile("sknextchar", database=None, derandomize=True)
settings.load_profile("sknextchar")


@pytest.fixture
def seed():
    """One seed for every randomised test, so failures reproduce."""
    return 0


@pytest.fixture
def rng(seed):
    return np.random.default_rng(seed)
