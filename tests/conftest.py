import gc
import os

# Python's cyclic garbage collector stays off until collection ends: see
# pytest_collection_finish below.
gc.disable()

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


def pytest_collection_finish(session):
    """Turn Python's cyclic garbage collector back on once collection is done
    (it is off from the top of this file), with everything alive at that moment
    frozen out of its reach.

    Collecting the suite imports NumPy, SciPy, scikit-learn and the package and
    rewrites the asserts of some 300 test modules; each full collection walked
    all of that, though nearly all of it lives to the end of the run. At
    0.2.0.dev0, with no ``__pycache__`` anywhere, ``pytest --collect-only`` took
    12.1 to 13.9 s CPU with the collector on and 6.8 to 7.7 s with it off until
    here, so the collector was about 45% of collection. Turning it off is safe:
    no test runs during collection, so none waits on a ``__del__``, a weakref or
    a ResourceWarning. The ``gc.collect()`` frees the cycles made meanwhile; the
    frozen objects are never scanned again but are still freed by reference
    counting; everything a test makes is collected as before.
    """
    _collector_back_on()


@pytest.hookimpl(tryfirst=True)
def pytest_runtestloop(session):
    # pytest-xdist's controller does not collect, so pytest_collection_finish
    # never runs there: turn the collector back on before its loop too.
    _collector_back_on()


def _collector_back_on():
    if not gc.isenabled():
        gc.enable()
        gc.collect()
        gc.freeze()
        # A collection of the youngest objects every 10,000 allocations net,
        # not 700: then a full collection comes every 1,000,000, not 70,000.
        # The full ones walk everything made since the freeze (matplotlib,
        # the models, the test modules' data), and were the collector's cost
        # in a test run: on six of the slowest test files, one process, 11
        # full collections of 1.24 s in all against 2 of 0.56 s.
        gc.set_threshold(10_000, 10, 10)


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
