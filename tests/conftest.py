import os

# One BLAS thread in each test process (and the processes tests start), as the
# package's training and sampling use (sknextchar._blas): with the tests on every
# core (pytest -n auto), a second BLAS thread per process only competes for the
# same cores. Set before NumPy loads OpenBLAS; a value already set is kept. The
# tests of other thread counts set their own limits (threadpoolctl).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

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


@pytest.fixture
def no_drawing(monkeypatch):
    """Fail the test if a name is drawn."""
    from sknextchar import _sampler

    def drawn(*args, **kwargs):
        raise AssertionError("names were drawn for a request no name can meet")

    monkeypatch.setattr(_sampler, "sample_ids", drawn)


@pytest.fixture
def ctrl_c_at_partial_fit(monkeypatch):
    """Press Ctrl-C when the classifier's ``partial_fit`` is called the n-th time
    (train_from_file trains each chunk of each pass with one); returns the calls."""
    from sknextchar import CharEmbeddingMLPClassifier

    def press(n):
        calls = []
        trained = CharEmbeddingMLPClassifier.partial_fit

        def partial_fit(self, *args, **kwargs):
            calls.append(1)
            if len(calls) == n:
                raise KeyboardInterrupt
            return trained(self, *args, **kwargs)

        monkeypatch.setattr(CharEmbeddingMLPClassifier, "partial_fit", partial_fit)
        return calls

    return press
