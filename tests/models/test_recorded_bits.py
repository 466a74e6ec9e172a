"""The fits recorded before labels and before sample weights, reproduced bit for
bit under the OpenBLAS kernel they were recorded with (see ``tests/_recorded.py``:
other kernels round the last bit differently, so the tests themselves compare
bit for bit only under a recording kernel)."""

import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest

from tests._recorded import blas_kernel, recording_loops

RECORDED = [
    "tests/labels/test_labels.py::test_fit_without_labels_is_bit_for_bit_the_model_before_labels",
    "tests/models/test_sample_weight_mixture.py::test_mixture_without_weights_is_bit_for_bit_the_unweighted_fit",
    "tests/models/test_sample_weight_mixture.py::test_name_label_without_weights_is_bit_for_bit_the_unweighted_fit",
]
ROOT = Path(__file__).resolve().parents[2]


def _has_avx2():
    try:
        return " avx2" in Path("/proc/cpuinfo").read_text()
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.skipif(
    blas_kernel() is None
    or platform.machine() != "x86_64"
    or not _has_avx2()
    or not recording_loops(),
    reason="the recording kernel (OpenBLAS Haswell) needs NumPy's OpenBLAS on an "
    "x86-64 CPU with AVX2, and the NumPy release and CPU loops (AVX-512 tanh, exp "
    "and log) the fits were recorded with; elsewhere the recorded tests compare "
    "to 1e-12",
)
def test_recorded_fits_bit_for_bit_under_a_recording_kernel():
    env = dict(os.environ, OPENBLAS_CORETYPE="Haswell")
    # One new process: it says which kernel it runs, then runs the tests.
    child = (
        "import sys, pytest\n"
        "from tests._recorded import blas_kernel, exact\n"
        "print(blas_kernel(), exact(), flush=True)\n"
        "sys.exit(pytest.main(['-q', '-p', 'no:cacheprovider', *sys.argv[1:]]))"
    )
    run = subprocess.run(
        [sys.executable, "-c", child, *RECORDED],
        env=env, cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    kernel, _, report = run.stdout.partition("\n")
    assert kernel.split() == ["Haswell", "True"], run.stdout[-3000:] + run.stderr
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert f"{len(RECORDED)} passed" in report
