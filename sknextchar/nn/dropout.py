"""Inverted-dropout masks: the random draws of a training step's dropout.

A training step with ``dropout > 0`` multiplies each hidden unit of each window
by 0 or ``1 / (1 - rate)``; this module draws those multipliers, one array per
hidden layer, from the training's generator. :func:`keep_units` draws the same
numbers as ``generator.random(shape, dtype=np.float32) >= rate`` (the masks do
not depend on how they are drawn), faster for NumPy's default generator. The
network's deterministic math is in :mod:`sknextchar.nn.functional`.
"""

import functools
import math
import sys

import numpy as np

__all__ = ["dropout_masks", "keep_units"]


def dropout_masks(n, hidden_layer_sizes, rate, generator, dtype, out=None):
    """Inverted-dropout multipliers of one batch, one array per hidden layer.

    Each unit of each window is kept with probability ``1 - rate`` and then
    scaled by ``1 / (1 - rate)``, so the expected output of a layer is the same
    with and without dropout and prediction needs no rescaling (Srivastava et
    al., "Dropout: a simple way to prevent neural networks from overfitting",
    JMLR 15, 2014).

    Parameters
    ----------
    n : int
        Windows in the batch.
    hidden_layer_sizes : sequence of int
        Units of each hidden layer.
    rate : float
        Probability of dropping a unit, in [0, 1).
    generator : numpy.random.Generator
        Source of randomness.
    dtype : numpy dtype
        Floating dtype of the masks.
    out : list of ndarray or None, default=None
        Arrays of the masks' shapes and ``dtype`` to write the masks into;
        allocated when None.

    Returns
    -------
    masks : list of ndarray
        ``masks[i]`` has shape ``(n, hidden_layer_sizes[i])`` and holds 0 or
        ``1 / (1 - rate)``. A unit is kept where ``generator.random(dtype=
        np.float32) >= rate``, drawn in the masks' order: the same masks for the
        same generator state, however they are computed (see :func:`keep_units`).

    Examples
    --------
    >>> import numpy as np
    >>> (mask,) = dropout_masks(2, (4,), 0.5, np.random.default_rng(0), np.float32)
    >>> mask.shape, sorted(set(mask.ravel().tolist())) <= [0.0, 2.0]
    ((2, 4), True)
    """
    scale = np.dtype(dtype).type(1.0 / (1.0 - rate))
    masks = []
    for i, size in enumerate(hidden_layer_sizes):
        mask = np.empty((n, size), dtype) if out is None else out[i]
        keep_units(generator, rate, out=mask)  # (n, H_i) of 0.0 and 1.0
        mask *= scale
        masks.append(mask)
    return masks


def keep_units(generator, rate, out):
    """Write 1 where ``generator.random(out.shape, dtype=np.float32) >= rate``, else 0.

    The same numbers, drawn faster: a float32 draw of NumPy's generators is the
    next 32 random bits shifted right by 8, times ``2**-24``, so comparing it with
    ``rate`` is comparing the bits with a threshold. A PCG64 generator (that of
    :func:`numpy.random.default_rng`) makes its 32-bit draws as the low, then the
    high half of each 64-bit output, which are read directly with
    ``random_raw`` (1.7x faster than ``random`` plus the comparison). Other
    generators, an odd count, a half output left over from an earlier draw or a
    big-endian machine take the plain path; the generator's stream goes on the
    same either way.

    Parameters
    ----------
    generator : numpy.random.Generator
        Source of randomness.
    rate : float
        Probability of dropping a unit, in [0, 1).
    out : ndarray of float
        Where the 0.0 (dropped) and 1.0 (kept) go, in the order of the draws.

    Returns
    -------
    out : ndarray

    Examples
    --------
    >>> import numpy as np
    >>> keep = keep_units(np.random.default_rng(0), 0.3, out=np.empty(8))
    >>> bool((keep == (np.random.default_rng(0).random(8, np.float32) >= 0.3)).all())
    True
    """
    bits = generator.bit_generator
    threshold = _keep_threshold(rate)
    if (
        type(bits) is np.random.PCG64
        and sys.byteorder == "little"
        and out.size % 2 == 0
        and threshold < 2**24
        and not bits.state["has_uint32"]
    ):
        raw = bits.random_raw(out.size // 2).view(np.uint32).reshape(out.shape)
        return np.greater_equal(raw, np.uint32(threshold << 8), out=out)
    return np.greater_equal(
        generator.random(out.shape, dtype=np.float32), rate, out=out
    )


@functools.lru_cache(maxsize=64, typed=True)
def _keep_threshold(rate):
    """The least k with ``float32(k) * 2**-24 >= rate``, compared as NumPy does.

    As NumPy does: a Python float is compared in float32, a NumPy float64 in
    float64; scaling by 2**24 is exact, so the answer is within one of
    ``ceil(rate * 2**24)``, and the comparison itself picks it.
    """
    guess = math.ceil(float(rate) * 2**24)
    candidates = np.arange(guess - 1, guess + 2, dtype=np.float32) * np.float32(2**-24)
    return guess - 1 + int(np.argmax(candidates >= rate))
