"""Memory of sampling and decoding: what is drawn stays within what was checked.

Rounds sized up from a low acceptance rate (``unique``, ``exclude``,
``novel``) drew up to ``16 * n_samples + 1024`` names, while the memory check
counted ``n_samples``, then as many as fit in the machine's memory, whatever
other processes and the model held; names of several-code-point symbols (Devanagari
syllables) were decoded all at once, as Python objects.
"""

from pathlib import Path

import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    _sizes,
)
from sknextchar._decoding import SamplingControls
from sknextchar._generation import (
    MAX_BATCH_FACTOR,
    largest_batch,
    sample_memory,
    sample_new_names,
)
from sknextchar._sample_request import sampling_controls
from sknextchar._set_request import SetRequest
from sknextchar._vocabulary import decode_rows
from tests._traced import tracing

NAMES = ["abid", "aditi", "amit", "asha", "ravi", "uma", "anu", "isha", "tara"]


def _sampler():
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    return NameSampler(pipe, temperature=0.3).fit(NAMES)


def _drawn_sizes(monkeypatch):
    """The number of names each round draws, as the sampler asks for them."""
    import sknextchar._sampler as module

    sizes, sample_ids = [], module.sample_ids

    def spy(next_log_proba, **kwargs):
        sizes.append(kwargs["n_samples"])
        return sample_ids(next_log_proba, **kwargs)

    monkeypatch.setattr(module, "sample_ids", spy)
    return sizes


def test_rounds_that_fit_draw_the_names_they_drew_before(monkeypatch):
    # Without a bound (as before), the same rounds and the same names.
    sizes = _drawn_sizes(monkeypatch)
    names = _sampler().sample(20, unique=True, random_state=0)
    bounded_sizes = list(sizes)
    del sizes[:]
    monkeypatch.setattr("sknextchar._sample_request.round_bound", lambda *a: None)
    assert _sampler().sample(20, unique=True, random_state=0) == names
    assert sizes == bounded_sizes and max(sizes) > 100  # later rounds sized up


def test_a_bound_below_the_names_asked_for_leaves_the_first_round_whole():
    sizes = []

    def rarely_new(n):
        sizes.append(n)
        return ["old"] * (n - 1) + [f"new{len(sizes)}"]

    names = sample_new_names(
        rarely_new,
        SetRequest(3, unique=True, exclude={"old"}, max_rounds=10,
                   controls=SamplingControls()),
        max_batch=2,
    )  # fmt: skip
    assert names == ["new1", "new2", "new3"]
    assert sizes[0] == 3 and max(sizes) == 3 < MAX_BATCH_FACTOR * 3 + 1024


@pytest.mark.parametrize("context_length", [1, 3, 5])
@pytest.mark.parametrize("memory", [0, 10**6, 10**9, 10**12])
def test_largest_batch_is_the_most_names_that_fit(context_length, memory):
    size = largest_batch(context_length, 2, n_symbols=27, memory=memory)
    assert sum(sample_memory(size, context_length, 2, n_symbols=27)) <= memory
    assert sum(sample_memory(size + 1, context_length, 2, n_symbols=27)) > memory


@pytest.mark.slow  # 1.4 s CPU (load 7): tracing every allocation of 300,000 names
def test_symbols_of_several_code_points_are_decoded_a_block_at_a_time():
    # 300,000 names of 10 Devanagari syllables: decoding them all at once held
    # every symbol as an object and every row as a list beside the strings,
    # 43 MB (traced) more than the 34 MB of strings; a block at a time, 14 MB.
    consonants = [chr(c) for c in range(0x915, 0x93A)]
    vocabulary = ("-", *[c + "\u093f" for c in consonants], *consonants)
    rng = np.random.default_rng(0)
    ids = rng.integers(1, len(vocabulary), (300_000, 10)).astype(np.uint8)
    ids[::7, 6:] = 0  # shorter names, ended by the end marker
    with tracing() as traced:
        names = decode_rows(ids, vocabulary)
    strings = traced.current
    assert traced.peak - strings < strings / 2
    symbols = np.array(("", *vocabulary[1:]), dtype=object)
    for row in (0, 7, 65_535, 65_536, 299_999):  # oracle: each row joined
        assert names[row] == "".join(symbols[ids[row]])
    assert len(names) == len(ids)


# Peak RSS (/usr/bin/time -v, KB) of `sknextchar sample MODEL -n N --temperature 3
# --seed 0` (near-uniform draws: the most distinct contexts) less that of `-n 1`,
# on models of a-z (27 symbols, min_length 4 from the bundled names), 2 shared
# cores, load 5 to 11. MLPs (float32) trained with --context-length 3, 5, 8
# --max-iter 3 (-n 1: 203,380 to 203,988 KB); Kneser-Ney models (float64) with
# --model kneser-ney --context-length 3, 5, 8 (-n 1: 191,740 to 203,824 KB).
# At the default temperature the MLPs took 16, 35, 43 MB at -n 100000 and 84,
# 316, 322 MB at -n 1000000. The estimate of a49f354 (200 bytes a name, 40 a
# probability whatever the model) was 0.92 times the peak of the Kneser-Ney
# model of context 8 at -n 1000000 and 2.6 times the MLP's at context 3, -n 100000.
MEASURED_KB = {
    ("mlp", 3, 100_000): 221_404 - 203_380,
    ("mlp", 3, 1_000_000): 321_768 - 203_380,
    ("mlp", 5, 100_000): 272_728 - 203_404,
    ("mlp", 5, 1_000_000): 773_852 - 203_404,
    ("mlp", 8, 100_000): 273_644 - 203_988,
    ("mlp", 8, 1_000_000): 897_688 - 203_988,
    ("kneser-ney", 3, 1_000_000): 324_056 - 191_740,
    ("kneser-ney", 5, 100_000): 363_072 - 197_140,
    ("kneser-ney", 5, 1_000_000): 1_385_236 - 197_140,
    ("kneser-ney", 8, 100_000): 364_476 - 203_824,
    ("kneser-ney", 8, 1_000_000): 1_636_836 - 203_824,
}
ITEMSIZE = {"mlp": 4, "kneser-ney": 8}


@pytest.mark.parametrize(("model", "context_length", "n_samples"), sorted(MEASURED_KB))
def test_the_memory_estimate_follows_the_measured_peak(
    model, context_length, n_samples
):
    measured = MEASURED_KB[model, context_length, n_samples] * 1024
    estimate = sum(sample_memory(
        n_samples, context_length, 4, n_symbols=27, itemsize=ITEMSIZE[model]
    ))  # fmt: skip
    assert measured <= estimate <= 2 * measured


@pytest.mark.parametrize("model", ["mlp", "kneser-ney"])
def test_the_memory_check_counts_the_floats_of_the_model(model, monkeypatch):
    # An MLP's probabilities are float32, half the bytes of a count model's.
    classifier = {
        "mlp": CharEmbeddingMLPClassifier(max_iter=2, random_state=0),
        "kneser-ney": KneserNeyClassifier(),
    }[model]
    sampler = NameSampler(make_pipeline(ContextWindowTransformer(), classifier))
    sampler.fit(NAMES)
    min_length = sampling_controls(sampler).min_length
    names, probabilities = sample_memory(
        1000, 3, min_length, n_symbols=27, itemsize=ITEMSIZE[model]
    )
    _machine_memory(monkeypatch, names + probabilities - 1)
    with pytest.raises(ValueError, match="n_samples=1000 makes the names"):
        sampler.sample(1000, random_state=0)
    _machine_memory(monkeypatch, names + probabilities)
    assert len(sampler.sample(1000, random_state=0)) == 1000


def _machine_memory(monkeypatch, n_bytes):
    for module in ("_sizes", "_sample_request", "_generation"):
        monkeypatch.setattr(f"sknextchar.{module}.machine_memory", lambda: n_bytes)


# A round's bound was what fits in the memory the process may use (the
# machine's 24 GB here), whatever other processes and the model held: a
# near-uniform draw of 100,000 names from a Kneser-Ney model of 371 Devanagari
# syllables (context 3, max_length 5) grew its rounds to 16.6 GB of resident
# memory on a shared machine. Now the memory available when sampling starts,
# less what the process holds and the names the rounds keep.
def _round_bound(monkeypatch, sampler=None, **sizes):
    """The max_batch a sample(20, unique=True) call of ``sampler`` (None:
    _sampler()) gives its rounds, with the memory functions of _sizes told
    ``sizes``; and the names' sizes."""
    import sknextchar._sampler as module

    bounds, sample_new_names = [], module.sample_new_names

    def spy(*args, **kwargs):
        bounds.append(kwargs["max_batch"])
        return sample_new_names(*args, **kwargs)

    monkeypatch.setattr(module, "sample_new_names", spy)
    for name, n_bytes in sizes.items():
        for module_name in ("_sizes", "_sample_request", "_generation"):
            monkeypatch.setattr(
                f"sknextchar.{module_name}.{name}", lambda n=n_bytes: n, raising=False
            )
    sizes_of_names = _drawn_sizes(monkeypatch)
    sampler = _sampler() if sampler is None else sampler
    names = sampler.sample(20, unique=True, random_state=0, max_rounds=200)
    assert len(set(names)) == 20
    return bounds[0], sizes_of_names


def _names_bytes(n_names, kept=False):
    """The bytes of n names of _sampler() being drawn (sample_memory), or
    of the names alone (``kept``: what the rounds keep)."""
    sampler = _sampler()
    min_length = sampling_controls(sampler).min_length
    n_symbols = len(sampler.vocabulary_)
    names, probabilities = sample_memory(n_names, 3, min_length, n_symbols=n_symbols)
    return names if kept else names + probabilities


def test_later_rounds_fit_in_the_memory_available_now(monkeypatch):
    # The machine has its memory (24 GB here), the system says 100 names'
    # worth and the 20 names kept are available.
    available = _names_bytes(100) + _names_bytes(20, kept=True)
    bound, sizes = _round_bound(monkeypatch, system_memory_available=available)
    assert bound == 100 and 20 < max(sizes) <= 100 and len(sizes) > 2


def test_later_rounds_count_the_memory_the_process_holds(monkeypatch):
    # Where the system tells no available memory: what the process may use
    # less what it holds (its model): 500 MB held of 500 MB and 100 names.
    held = 500 * 2**20
    bound, sizes = _round_bound(
        monkeypatch, system_memory_available=None, resident_memory=held,
        machine_memory=held + _names_bytes(100) + _names_bytes(20, kept=True),
    )  # fmt: skip
    assert bound == 100 and 20 < max(sizes) <= 100


def _sampler_of(model):
    """A sampler of NAMES by an MLP (float32) or a count model (float64)."""
    classifier = {
        "mlp": CharEmbeddingMLPClassifier(max_iter=2, random_state=0),
        "kneser-ney": KneserNeyClassifier(),
    }[model]
    return NameSampler(
        make_pipeline(ContextWindowTransformer(), classifier), temperature=0.3
    ).fit(NAMES)


# An MLP's rounds were bounded as if its probabilities were float64, twice
# the bytes of its float32 ones: 1,897 bytes a name (a-z, context 5) where
# 754 were measured and float32 gives 1,033 (peak RSS of sample(100000) at
# temperature 3 less that before, an MLP of the bundled names, context 5).
@pytest.mark.parametrize("model", ["mlp", "kneser-ney"])
def test_later_rounds_count_the_floats_of_the_model(model, monkeypatch):
    sampler = _sampler_of(model)
    bound, _ = _round_bound(monkeypatch, sampler, system_memory_available=10**6)
    terms = {
        "context_length": 3,
        "min_length": sampling_controls(sampler).min_length,
        "n_symbols": len(sampler.vocabulary_),
        "itemsize": ITEMSIZE[model],
    }
    kept = sample_memory(20, **terms)[0]
    assert bound == largest_batch(**terms, memory=10**6 - kept)


@pytest.mark.parametrize("available", [0, 10**5, 10**6, 10**9])
def test_a_round_and_the_names_kept_fit_in_the_memory_available(available, monkeypatch):
    bound, _ = _round_bound(monkeypatch, system_memory_available=available)
    kept = _names_bytes(20, kept=True)
    if bound:
        assert kept + _names_bytes(bound) <= available
    assert kept + _names_bytes(bound + 1) > available


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MemTotal:  8000 kB\nMemFree:  100 kB\nMemAvailable:  2048 kB\n", 2 * 2**20),
        ("MemTotal:  8000 kB\nMemFree:  100 kB\n", None),  # before Linux 3.14
        ("MemAvailable:\n", None),
    ],
)
def test_the_memory_available_is_read_from_the_system(
    text, expected, tmp_path, monkeypatch
):
    meminfo = tmp_path / "meminfo"
    meminfo.write_text(text)
    monkeypatch.setattr(_sizes, "MEMINFO_FILE", str(meminfo))
    assert _sizes.system_memory_available() == expected
    monkeypatch.setattr(_sizes, "MEMINFO_FILE", str(tmp_path / "none"))
    assert _sizes.system_memory_available() is None


def test_the_memory_the_process_holds_is_its_resident_memory(tmp_path, monkeypatch):
    status = Path("/proc/self/status")
    if not status.exists():
        pytest.skip("no /proc: the resident memory comes from ru_maxrss")
    held = _sizes.resident_memory()
    rss = next(line for line in status.read_text().splitlines() if "VmRSS" in line)
    assert abs(held - int(rss.split()[1]) * 1024) < 16 * 2**20  # oracle: VmRSS
    monkeypatch.setattr(_sizes, "STATM_FILE", str(tmp_path / "none"))
    peak = _sizes.resident_memory()  # the most held: ru_maxrss
    assert peak >= held - 16 * 2**20
    assert _sizes.memory_available() <= _sizes.machine_memory() - peak


# check_feasible counted the rounds' bound (to choose the model's floats) and
# the sampler counted it again: two reads of the memory available (of
# /proc/meminfo and /proc/self/statm) and two estimates for one call.
@pytest.mark.parametrize("model", ["mlp", "kneser-ney"])
def test_one_call_reads_the_memory_available_once(model, monkeypatch):
    sampler = _sampler_of(model)
    reads = []
    for name in ("system_memory_available", "resident_memory"):
        monkeypatch.setattr(
            _sizes, name, lambda name=name: reads.append(name) or 10**6
        )  # 10**6 bytes: the MLP's bound is counted again in float32
    sampler.sample(20, unique=True, random_state=0, max_rounds=200)
    assert sorted(reads) == ["resident_memory", "system_memory_available"]
