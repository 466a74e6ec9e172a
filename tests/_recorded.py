"""Numbers recorded on one machine, compared on another.

OpenBLAS picks its kernels by the CPU it runs on, and the kernels sum in different
orders: the same fit gives the same numbers up to the last bit or two. Measured
(2026-11-30, OpenBLAS 0.3.31): the Haswell and Zen kernels reproduce the recorded
fits bit for bit; SkylakeX and Sandybridge kernels differ in the last bit of some
entries. So a recorded fit is compared bit for bit where the kernel is one of the
recording kernels and within a few units in the last place elsewhere; and
``test_recorded_fits_bit_for_bit_under_a_recording_kernel`` reruns the recorded
tests under the Haswell kernel, so the bit-for-bit comparison runs on every x86-64
machine with AVX2.

Bit for bit is a promise within one installation, not across NumPy releases: each
NumPy release brings its own OpenBLAS and its own loops. The numbers were recorded
with NumPy 2 (2.4, OpenBLAS 0.3.31); at the NumPy floor, 1.25.0 (OpenBLAS 0.3.23,
Haswell kernel), the same fits differ by up to 4.4e-16 (4.6e-15 relative). So
under NumPy 1 they are compared within a few units in the last place too.
"""

import numpy as np
from threadpoolctl import threadpool_info

RECORDING_KERNELS = ("Haswell", "Zen")
RECORDING_NUMPY = 2  # the major release of NumPy the numbers were recorded with


def blas_kernel():
    """The OpenBLAS kernel NumPy uses, or None for another BLAS."""
    for info in threadpool_info():
        if info["internal_api"] == "openblas":
            return info.get("architecture")
    return None


def recording_numpy():
    """Whether NumPy is of the major release the numbers were recorded with."""
    return int(np.__version__.split(".")[0]) == RECORDING_NUMPY


def exact():
    """Whether recorded numbers must be reproduced bit for bit here."""
    return recording_numpy() and blas_kernel() in RECORDING_KERNELS


def assert_recorded(actual, expected):
    """``actual`` equals the recorded ``expected``: bit for bit under the recording
    NumPy and BLAS kernel, else to 1e-12 relative."""
    actual = np.asarray(actual, dtype=np.float64)
    expected = np.asarray(expected, dtype=np.float64)
    if exact():
        np.testing.assert_array_equal(actual, expected)
    else:
        np.testing.assert_allclose(actual, expected, rtol=1e-12, atol=1e-15)


def assert_recorded_hex(actual, expected_hex):
    """As `assert_recorded`, against numbers recorded as ``float.hex`` strings."""
    if isinstance(expected_hex, str):
        assert_recorded(float(actual), float.fromhex(expected_hex))
    else:
        assert_recorded(
            [float(a) for a in actual], [float.fromhex(h) for h in expected_hex]
        )
