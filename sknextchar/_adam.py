"""The Adam optimizer (Kingma & Ba, 2015) as a standalone, picklable class."""

import numpy as np


class AdamOptimizer:
    """Adam: per-parameter step sizes from running moments of the gradient.

    The bias corrections of both moments are folded into the step size, as in
    scikit-learn's MLP::

        lr_t = learning_rate * sqrt(1 - beta_2**t) / (1 - beta_1**t)
        m = beta_1 * m + (1 - beta_1) * g
        v = beta_2 * v + (1 - beta_2) * g**2
        param -= lr_t * m / (sqrt(v) + epsilon)

    The state is plain arrays and numbers, so the optimizer pickles (and persists
    with skops) and training can resume where it stopped.

    Parameters
    ----------
    params : list of ndarray
        The parameters to optimise; only their shapes and dtypes are read here.
    learning_rate_init : float, default=0.001
        The base step size.
    beta_1, beta_2 : float, default=0.9, 0.999
        Decay rates of the first and second moment estimates, in [0, 1).
    epsilon : float, default=1e-8
        Added to the denominator for numerical stability.

    Attributes
    ----------
    learning_rate : float
        The step size of the next updates, before bias correction. It starts at
        ``learning_rate_init``; a learning-rate schedule may change it.
    t : int
        Number of updates made.
    ms, vs : list of ndarray
        First and second moment estimates, one per parameter.

    Examples
    --------
    >>> import numpy as np
    >>> w = np.array([1.0, -2.0])
    >>> adam = AdamOptimizer([w], learning_rate_init=0.1)
    >>> adam.update_params([w], [np.array([0.5, -0.5])])
    >>> w.round(4).tolist()  # the first step moves each weight by ~lr
    [0.9, -1.9]
    """

    def __init__(
        self, params, learning_rate_init=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-8
    ):
        self.learning_rate_init = learning_rate_init
        self.learning_rate = learning_rate_init
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = epsilon
        self.t = 0
        self.ms = [np.zeros_like(p) for p in params]
        self.vs = [np.zeros_like(p) for p in params]

    def update_params(self, params, grads):
        """Update ``params`` in place with one Adam step.

        Parameters
        ----------
        params : list of ndarray
            The parameters, in the order given at construction; updated in place.
        grads : list of ndarray
            The loss gradient for each parameter (left unchanged).
        """
        self.t += 1
        b1, b2 = self.beta_1, self.beta_2
        step = self.learning_rate * np.sqrt(1 - b2**self.t) / (1 - b1**self.t)
        for param, grad, m, v, scratch in zip(
            params, grads, self.ms, self.vs, self._scratch(params)
        ):
            np.multiply(grad, 1 - b1, out=scratch)  # in place: no temporaries
            m *= b1
            m += scratch
            np.multiply(grad, grad, out=scratch)
            scratch *= 1 - b2
            v *= b2
            v += scratch
            np.sqrt(v, out=scratch)
            scratch += self.epsilon
            np.divide(m, scratch, out=scratch)
            scratch *= -step
            param += scratch

    def _scratch(self, params):
        """Work arrays, allocated once (allocating them per step is measurable)."""
        scratch = self.__dict__.get("_work")
        if scratch is None or [(s.shape, s.dtype) for s in scratch] != [
            (p.shape, p.dtype) for p in params
        ]:
            scratch = self._work = [np.empty_like(p) for p in params]
        return scratch

    def __getstate__(self):
        state = dict(self.__dict__)
        state.pop("_work", None)  # scratch space: not worth saving
        return state
