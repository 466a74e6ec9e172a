"""The Adam optimizer (Kingma & Ba, 2015), with its learning-rate schedule.

A standalone, picklable class that owns all of its state: the moment estimates,
the step count, the step size of the current epoch under its schedule, and the
rules for carrying that state over to parameters that were repacked, cast to
another dtype or resized.
"""

import math

import numpy as np

__all__ = [
    "SCHEDULES",
    "AdamOptimizer",
    "flush_subnormals",
    "scheduled_learning_rate",
]

#: The learning-rate schedules :class:`AdamOptimizer` knows.
SCHEDULES = ("constant", "cosine")

# The cosine schedule decays the step size to this fraction of learning_rate_init.
_COSINE_FLOOR = 0.01

# Steps between two flushes of subnormal values (see flush_subnormals): a flush
# at every step would add 7% to the CPU time of the default fit.
_FLUSH_PERIOD = 16


def scheduled_learning_rate(schedule, learning_rate_init, epoch, n_epochs):
    """The step size of an epoch under a learning-rate schedule.

    Parameters
    ----------
    schedule : {"constant", "cosine"}
        ``"constant"`` keeps ``learning_rate_init``. ``"cosine"`` decays it once
        per epoch along half a cosine, from ``learning_rate_init`` at epoch 0
        towards 1/100 of it at epoch ``n_epochs``, and stays at that floor after.
    learning_rate_init : float
        The base step size.
    epoch : int
        The epoch, counted from 0.
    n_epochs : int
        The planned number of epochs (the cosine's length).

    Returns
    -------
    learning_rate : float

    Examples
    --------
    >>> scheduled_learning_rate("cosine", 0.01, 0, 4)
    0.01
    >>> round(scheduled_learning_rate("cosine", 0.01, 2, 4), 6)  # half-way
    0.00505
    >>> scheduled_learning_rate("constant", 0.01, 3, 4)
    0.01
    """
    if schedule == "constant":
        return learning_rate_init
    if schedule != "cosine":
        raise ValueError(f"schedule must be one of {SCHEDULES}; got {schedule!r}.")
    progress = min(epoch / n_epochs, 1.0)
    return learning_rate_init * (
        _COSINE_FLOOR + (1 - _COSINE_FLOOR) * 0.5 * (1 + math.cos(math.pi * progress))
    )


class AdamOptimizer:
    """Adam: per-parameter step sizes from running moments of the gradient.

    The bias corrections of both moments are folded into the step size, as in
    scikit-learn's MLP::

        lr_t = learning_rate * sqrt(1 - beta_2**t) / (1 - beta_1**t)
        m = beta_1 * m + (1 - beta_1) * g
        v = beta_2 * v + (1 - beta_2) * g**2
        param -= lr_t * m / (sqrt(v) + epsilon)

    ``learning_rate`` follows ``schedule`` epoch by epoch (:meth:`set_epoch`).
    The state is plain arrays and numbers, so the optimizer pickles (and
    persists with skops) and training can resume where it stopped
    (:meth:`adapt` carries it over to the parameters of the next call).

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
    schedule : {"constant", "cosine"}, default="constant"
        The learning-rate schedule; see :func:`scheduled_learning_rate`.
    n_epochs : int or None, default=None
        The length of the cosine schedule (unused by ``"constant"``).

    Attributes
    ----------
    learning_rate : float
        The step size of the next updates, before bias correction. It starts at
        ``learning_rate_init``; :meth:`set_epoch` sets it by the schedule.
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

    # Class-level defaults: optimizers pickled by sknextchar 0.1 have no schedule.
    schedule = "constant"
    n_epochs = None

    def __init__(
        self,
        params,
        learning_rate_init=0.001,
        beta_1=0.9,
        beta_2=0.999,
        epsilon=1e-8,
        schedule="constant",
        n_epochs=None,
    ):
        self.learning_rate_init = learning_rate_init
        self.learning_rate = learning_rate_init
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = epsilon
        self.schedule = schedule
        self.n_epochs = n_epochs
        self.t = 0
        self.ms = [np.zeros_like(p) for p in params]
        self.vs = [np.zeros_like(p) for p in params]

    def set_epoch(self, epoch):
        """Set ``learning_rate`` to the schedule's step size of an epoch.

        Parameters
        ----------
        epoch : int
            The epoch about to run, counted from 0 on the schedule.

        Returns
        -------
        learning_rate : float
            The new ``learning_rate``.

        Examples
        --------
        >>> import numpy as np
        >>> adam = AdamOptimizer([np.zeros(2)], learning_rate_init=0.01,
        ...                      schedule="cosine", n_epochs=4)
        >>> adam.set_epoch(4)  # the end of the schedule: its floor
        0.0001
        """
        self.learning_rate = scheduled_learning_rate(
            self.schedule, self.learning_rate_init, epoch, self.n_epochs
        )
        return self.learning_rate

    def adapt(self, params, **hyperparameters):
        """Carry the state over to ``params`` and take new hyperparameters.

        The moments are cast to the dtype of ``params``; if their shapes no longer
        match (the parameters were resized), the moments and the step count start
        again from zero. Keyword arguments replace the constructor's settings of
        the same names (a ``set_params`` between two training calls).

        Parameters
        ----------
        params : list of ndarray
            The parameters the next updates apply to.
        **hyperparameters : dict
            Any of ``learning_rate_init``, ``beta_1``, ``beta_2``, ``epsilon``,
            ``schedule``, ``n_epochs``.

        Returns
        -------
        self : AdamOptimizer

        Examples
        --------
        >>> import numpy as np
        >>> adam = AdamOptimizer([np.zeros(2)])
        >>> adam.update_params([np.zeros(2)], [np.ones(2)])
        >>> adam = adam.adapt([np.zeros(2, dtype=np.float32)], beta_1=0.8)
        >>> adam.t, adam.ms[0].dtype.name, adam.beta_1
        (1, 'float32', 0.8)
        >>> adam.adapt([np.zeros(3)]).t  # resized parameters: a fresh start
        0
        """
        unknown = set(hyperparameters) - {
            "learning_rate_init", "beta_1", "beta_2", "epsilon", "schedule", "n_epochs",
        }  # fmt: skip
        if unknown:
            raise TypeError(f"Unknown Adam hyperparameters: {sorted(unknown)}.")
        vars(self).update(hyperparameters)
        if [m.shape for m in self.ms] != [p.shape for p in params]:
            self.ms = [np.zeros_like(p) for p in params]
            self.vs = [np.zeros_like(p) for p in params]
            self.t = 0
        self.ms = [m.astype(p.dtype, copy=False) for m, p in zip(self.ms, params)]
        self.vs = [v.astype(p.dtype, copy=False) for v, p in zip(self.vs, params)]
        return self

    def copy_state(self):
        """A copy of what the updates change, for :meth:`set_state`.

        Returns
        -------
        state : dict
            The step count ``t``, the step size ``learning_rate`` and copies of
            the moments ``ms`` and ``vs``.

        Examples
        --------
        >>> import numpy as np
        >>> w = np.zeros(2)
        >>> adam = AdamOptimizer([w])
        >>> state = adam.copy_state()
        >>> adam.update_params([w], [np.ones(2)])
        >>> adam.set_state(state).t, adam.ms[0].tolist()  # back before the step
        (0, [0.0, 0.0])
        """
        return {
            "t": self.t,
            "learning_rate": self.learning_rate,
            "ms": [m.copy() for m in self.ms],
            "vs": [v.copy() for v in self.vs],
        }

    def set_state(self, state):
        """Put back a state that :meth:`copy_state` returned.

        Parameters
        ----------
        state : dict
            A state of this optimizer (the same parameter shapes).

        Returns
        -------
        self : AdamOptimizer

        Examples
        --------
        >>> import numpy as np
        >>> w = np.array([1.0])
        >>> adam = AdamOptimizer([w], learning_rate_init=0.1)
        >>> saved = adam.copy_state()
        >>> adam.update_params([w], [np.array([0.5])])
        >>> adam.t
        1
        >>> adam.set_state(saved).t  # the optimizer forgets the step...
        0
        >>> bool(w[0] < 1.0)  # ...the parameters keep it
        True
        """
        self.t, self.learning_rate = state["t"], state["learning_rate"]
        self.ms = [m.copy() for m in state["ms"]]
        self.vs = [v.copy() for v in state["vs"]]
        return self

    def update_params(self, params, grads, l2=None):
        """Update ``params`` in place with one Adam step.

        Every 16th step then sets the subnormal values of the parameters and
        of the moments to 0 (:meth:`flush`).

        Parameters
        ----------
        params : list of ndarray
            The parameters, in the order given at construction; updated in place.
        grads : list of ndarray
            The loss gradient for each parameter (left unchanged, unless ``l2``).
        l2 : tuple (scale, stop) or None, default=None
            The gradient of an L2 penalty on the first ``stop`` values of each
            flat parameter array: ``grad[:stop] += scale * param[:stop]`` (in
            place) before the step, in the optimizer's scratch space, which the
            step reads next while it is in cache.

        Examples
        --------
        >>> import numpy as np
        >>> w = np.zeros(1)
        >>> adam = AdamOptimizer([w], learning_rate_init=0.5)
        >>> adam.update_params([w], [np.array([-3.0])])
        >>> w.round(6).tolist(), adam.t
        ([0.5], 1)
        >>> w, g = np.array([2.0, 3.0]), np.zeros(2)
        >>> AdamOptimizer([w]).update_params([w], [g], l2=(0.5, 1))
        >>> g.tolist()  # the penalty's gradient on the first value only
        [1.0, 0.0]
        """
        self.t += 1
        b1, b2 = float(self.beta_1), float(self.beta_2)
        # Python floats: NumPy scalars of float64 would make every in-place
        # operation on float32 parameters compute in float64 and cast back.
        step = float(self.learning_rate) * math.sqrt(1 - b2**self.t) / (1 - b1**self.t)
        for param, grad, m, v, scratch in zip(
            params, grads, self.ms, self.vs, self._scratch(params)
        ):
            if l2 is not None:
                scale, stop = l2
                np.multiply(param[:stop], scale, out=scratch[:stop])
                grad[:stop] += scratch[:stop]
            np.multiply(grad, 1 - b1, out=scratch)  # in place: no temporaries
            m *= b1
            m += scratch
            np.multiply(grad, grad, out=scratch)
            scratch *= 1 - b2
            v *= b2
            v += scratch
            np.sqrt(v, out=scratch)
            scratch += float(self.epsilon)
            np.divide(m, scratch, out=scratch)
            scratch *= -step
            param += scratch
        if self.t % _FLUSH_PERIOD == 0:
            self.flush(params)

    def flush(self, params):
        """Set the subnormal values of ``params`` and of the moments to 0.

        :meth:`update_params` does this every 16 steps, and the trainers at the
        end of every epoch; see :func:`flush_subnormals` for why.

        Parameters
        ----------
        params : list of ndarray
            The parameters, in the order given at construction; changed in place.

        Examples
        --------
        >>> import numpy as np
        >>> w = np.array([1e-40, 0.5], dtype=np.float32)
        >>> adam = AdamOptimizer([w])
        >>> adam.ms[0][:] = [0.25, -1e-41]
        >>> adam.flush([w])
        >>> w.tolist(), adam.ms[0].tolist()
        ([0.0, 0.5], [0.25, 0.0])
        """
        for param, m, v, scratch in zip(
            params, self.ms, self.vs, self._scratch(params)
        ):
            for values in (param, m, v):
                flush_subnormals(values, scratch)

    def _scratch(self, params):
        """Work arrays, allocated once (allocating them per step is measurable)."""
        scratch = self.__dict__.get("_work")
        if (
            scratch is None
            or len(scratch) != len(params)
            or any(
                s.shape != p.shape or s.dtype != p.dtype
                for s, p in zip(scratch, params)
            )  # fmt: skip
        ):
            scratch = self._work = [np.empty_like(p) for p in params]
        return scratch

    def __getstate__(self):
        state = dict(self.__dict__)
        state.pop("_work", None)  # scratch space: not worth saving
        return state


def flush_subnormals(values, scratch):
    """Set the subnormal values of a float array to 0, in place.

    Subnormal numbers (smaller in magnitude than ``np.finfo(dtype).tiny``,
    1.2e-38 in float32) make arithmetic many times slower on common CPUs. Adam
    leads parameters there: the first moment of a parameter whose gradient
    stays 0 (a dead ReLU unit) shrinks by ``beta_1`` at every step until it is
    subnormal, and stays so (0.9 times the smallest subnormal rounds back to
    it); weights that the L2 penalty pulls towards 0 can end there too. Without
    flushing, an epoch of the tuned pipeline became 3 to 8 times slower as
    training went on. Values this small are far below what float32 resolves in
    the network's outputs and losses: a fit in which nothing became subnormal
    is unchanged bit for bit, and one in which something did stays within
    rounding of the unflushed fit.

    Parameters
    ----------
    values : ndarray of float
        Changed in place where ``abs(value) < np.finfo(dtype).tiny``: the
        subnormal values become 0 (and ``-0.0`` becomes ``0.0``, which no
        later step can tell apart).
    scratch : ndarray
        Work space of the shape and dtype of ``values``; overwritten.

    Examples
    --------
    >>> import numpy as np
    >>> values = np.array([1e-39, -1e-40, 1e-37, 0.5], dtype=np.float32)
    >>> flush_subnormals(values, np.empty_like(values))
    >>> values.tolist()[:2], bool(values[2] > 0)
    ([0.0, 0.0], True)
    """
    np.abs(values, out=scratch)
    values[scratch < np.finfo(values.dtype).tiny] = 0
