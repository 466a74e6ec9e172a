"""BLAS threading for the small matrix products of training and sampling.

The BLAS thread limit is a setting of the whole process, so threads that each set
and restore it on their own restore it out of order (one of them leaves the
process with one thread for good) and run some products under one thread and
others under several (results that differ in the last digits). Here the first
thread to enter sets the limit, the last to leave restores it, and a lock guards
the count of threads inside: every block runs with one BLAS thread, and the
process's settings are the same afterwards.
"""

import contextlib
import functools
import threading

from threadpoolctl import ThreadpoolController

__all__ = ["one_blas_thread"]

_LOCK = threading.Lock()
_STATE = {"inside": 0, "limiter": None}


@functools.cache
def _threadpool_controller():
    # Built once: inspecting the loaded libraries takes about half a millisecond.
    return ThreadpoolController()


@contextlib.contextmanager
def one_blas_thread():
    """Context manager that runs BLAS single-threaded inside its block.

    Each training step and each generation step multiplies small matrices, where
    a second BLAS thread costs more in synchronisation than it brings, and much
    more on a busy machine (training was up to 10 times slower with two threads
    here). scikit-learn's MiniBatchKMeans limits BLAS the same way around its
    small steps. Safe from many threads at once and when nested: the limit is set
    when the first block starts and restored when the last one ends.

    Examples
    --------
    >>> import numpy as np
    >>> with one_blas_thread():
    ...     float(np.ones((2, 2)) @ np.ones(2) @ np.ones(2))
    4.0
    """
    with _LOCK:
        if _STATE["inside"] == 0:
            controller = _threadpool_controller()
            _STATE["limiter"] = controller.limit(limits=1, user_api="blas")
        _STATE["inside"] += 1
    try:
        yield
    finally:
        with _LOCK:
            _STATE["inside"] -= 1
            if _STATE["inside"] == 0:
                _STATE["limiter"].restore_original_limits()
                _STATE["limiter"] = None
