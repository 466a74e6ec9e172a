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

NumPy's own loops for ``tanh``, ``exp`` and ``log`` (the MLP's activation and
softmax) are picked by the CPU too: the numbers were recorded where NumPy ran their
AVX-512 versions (``X86_V4``, called ``AVX512_SKX`` before NumPy 2.4). On a CPU
without AVX-512 (seen 2026-12-03: an AMD EPYC with AVX2 only, NumPy 2.4.6, the
Haswell kernel) NumPy runs its AVX2 versions and the recorded MLP fits differ by up
to 2.2e-16 (4.3e-15 relative); they are then compared within a few units in the last
place as well.

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
RECORDING_LOOPS = ("X86_V4", "AVX512_SKX")  # NumPy's target for float64 tanh/exp/log


def blas_kernel():
    """The OpenBLAS kernel NumPy uses, or None for another BLAS."""
    for info in threadpool_info():
        if info["internal_api"] == "openblas":
            return info.get("architecture")
    return None


def recording_numpy():
    """Whether NumPy is of the major release the numbers were recorded with."""
    return int(np.__version__.split(".")[0]) == RECORDING_NUMPY


def numpy_loops():
    """The CPU targets NumPy runs its float64 ``tanh``, ``exp`` and ``log`` with."""
    from numpy.lib.introspect import opt_func_info  # NumPy 2 only

    info = opt_func_info(func_name="^(tanh|exp|log)$", signature="float64")
    return {name: loops["dd"]["current"] for name, loops in info.items()}


def recording_loops():
    """Whether NumPy runs the loops the numbers were recorded with."""
    if not recording_numpy():
        return False
    targets = numpy_loops()
    return len(targets) == 3 and set(targets.values()) <= set(RECORDING_LOOPS)


def exact():
    """Whether recorded numbers must be reproduced bit for bit here."""
    return recording_loops() and blas_kernel() in RECORDING_KERNELS


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
