"""BLAS threading for the small matrix products of training and sampling."""

import functools

from threadpoolctl import ThreadpoolController


@functools.cache
def _threadpool_controller():
    # Built once: inspecting the loaded libraries takes about half a millisecond.
    return ThreadpoolController()


def one_blas_thread():
    """Context manager that runs BLAS single-threaded inside its block.

    Each training step and each generation step multiplies small matrices, where
    a second BLAS thread costs more in synchronisation than it brings, and much
    more on a busy machine (training was up to 10 times slower with two threads
    here). scikit-learn's MiniBatchKMeans limits BLAS the same way around its
    small steps.

    Examples
    --------
    >>> import numpy as np
    >>> with one_blas_thread():
    ...     float(np.ones((2, 2)) @ np.ones(2) @ np.ones(2))
    4.0
    """
    return _threadpool_controller().limit(limits=1, user_api="blas")
