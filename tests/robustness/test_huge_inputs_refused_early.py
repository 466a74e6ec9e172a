"""Huge sizes are refused at once, with what to lower, in each interface.

1. A huge context length is cut in time that grows with the windows, not
   with the square of the context (minutes at ``context_length=10**6``).
2. The memory a size is checked against is the memory this process may use:
   an address-space limit or a container's limit too.
3. Running out of memory says what to lower for the command that ran out.
"""

import sys

import numpy as np
import pytest

from sknextchar import _sizes
from sknextchar._windows import cut_windows
from sknextchar.cli import _main, main


def _calls_into_c(function, *args):
    """The result of ``function(*args)`` and how many C functions it called (a
    count of the work, the same on any machine, where a time is not)."""
    calls = []

    def count(frame, event, arg):
        if event == "c_call":
            calls.append(1)

    sys.setprofile(count)
    try:
        result = function(*args)
    finally:
        sys.setprofile(None)
    return result, len(calls)


def test_a_long_context_is_cut_in_time_of_its_windows():
    ids = np.arange(1, 10, dtype=np.uint8)
    (contexts, targets, _), calls = _calls_into_c(
        cut_windows, ids, np.array([4, 5]), 60_000, np.uint8
    )
    assert calls < 1_000  # a loop over the 60,000 positions made over 60,000
    assert contexts.shape == (11, 60_000)
    assert contexts[-1, -5:].tolist() == [5, 6, 7, 8, 9]
    assert not contexts[:, :-5].any()  # the rest is padding
    assert targets.tolist() == [1, 2, 3, 4, 0, 5, 6, 7, 8, 9, 0]


def _no_limits(monkeypatch, tmp_path):
    monkeypatch.setattr(_sizes.os, "sysconf", lambda name: 2**20)  # 1 TB
    monkeypatch.setattr(_sizes, "CGROUP_LIMIT_FILES", (str(tmp_path / "none"),))


def test_the_address_space_limit_bounds_the_memory(monkeypatch, tmp_path):
    resource = pytest.importorskip("resource")
    _no_limits(monkeypatch, tmp_path)
    monkeypatch.setattr(
        resource, "getrlimit", lambda which: (3 * 2**30, resource.RLIM_INFINITY)
    )
    assert _sizes.machine_memory() == 3 * 2**30


@pytest.mark.parametrize("text", ["2147483648\n", "max\n"])
def test_a_containers_limit_bounds_the_memory(monkeypatch, tmp_path, text):
    resource = pytest.importorskip("resource")
    _no_limits(monkeypatch, tmp_path)
    limit = tmp_path / "memory.max"
    limit.write_text(text)
    monkeypatch.setattr(_sizes, "CGROUP_LIMIT_FILES", (str(limit),))
    infinite = (resource.RLIM_INFINITY, resource.RLIM_INFINITY)
    monkeypatch.setattr(resource, "getrlimit", lambda which: infinite)
    expected = 2**31 if text[0].isdigit() else 2**20 * 2**20
    assert _sizes.machine_memory() == expected


def test_a_size_beyond_a_containers_limit_is_refused(monkeypatch, tmp_path):
    limit = tmp_path / "memory.max"
    limit.write_text("1000000\n")
    monkeypatch.setattr(_sizes, "CGROUP_LIMIT_FILES", (str(limit),))
    with pytest.raises(ValueError, match="context_length=1000 makes the windows"):
        _sizes.check_window_memory(["asha"] * 200, 1000)


@pytest.mark.parametrize(
    "command, advice",
    [
        ("sample", "a lower -n"),
        ("train", "--chunk-size"),
        ("score", "split the --names-file"),
        (None, "smaller model"),
    ],
)
def test_out_of_memory_advice_fits_the_command(command, advice):
    message = _main.out_of_memory_message(MemoryError(), command)
    assert advice in message
    assert ("smaller model" in message) == (command in ("train", None))


def test_sample_out_of_memory_asks_for_a_lower_n(tmp_path, capsys, monkeypatch):
    names = tmp_path / "names.txt"
    names.write_text("asha\nravi\nmeena\nanil\n", encoding="utf-8")
    model = tmp_path / "m.skops"
    train = ["train", names, "-o", model, "--model", "kneser-ney", "-q"]
    assert main([str(arg) for arg in train]) == 0

    def no_memory(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr("sknextchar.NameSampler.sample", no_memory)
    capsys.readouterr()
    assert main(["sample", str(model), "-n", "10000000"]) == 1
    err = capsys.readouterr().err
    assert "a lower -n" in err and "smaller model" not in err, err
