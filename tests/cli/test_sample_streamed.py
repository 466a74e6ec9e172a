"""``sample`` prints each batch of names as it is drawn, and keeps none.

Before, every name was kept and printed once all were drawn: ``sample -n
10000000 --unique`` ran for minutes without a line of output, ``| head -3``
waited for every round, and Ctrl-C lost the names drawn. The names and their
order for a seed are the same (``NameSampler.sample(..., on_batch=...)``).
"""

import io
import os
import sys

import pytest
from sklearn.pipeline import make_pipeline

import sknextchar._sampler
from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    save_model,
)
from sknextchar.cli import main
from tests._traced import tracing

NAMES = ["asha", "ravi", "mira", "uma", "rahul", "sita", "gita", "anil"]
# --unique asks for many of the few distinct names such a model makes:
# several rounds (batches), each fewer names than the last.
MANY = 150


@pytest.fixture(scope="module")
def sampler():
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    return NameSampler(pipe).fit(NAMES)


@pytest.fixture
def model(sampler, tmp_path):
    path = str(tmp_path / "kn.skops")
    save_model(sampler, path)
    return path


@pytest.fixture
def draws(monkeypatch):
    """The calls to the batch generator, in order, with ``events`` shared
    with the standard output's writes."""
    events = []
    drawn = sknextchar._sampler.sample_ids

    def counted(*args, **kwargs):
        events.append("draw")
        return drawn(*args, **kwargs)

    monkeypatch.setattr(sknextchar._sampler, "sample_ids", counted)
    return events


class Recorder(io.StringIO):
    """A standard output that notes each write among ``events``."""

    def __init__(self, events):
        super().__init__()
        self.events = events

    def write(self, text):
        self.events.append("write")
        return super().write(text)


@pytest.mark.parametrize(
    "request_",
    [
        {},
        {"unique": True},
        {"novel": True},
        {"unique": True, "exclude": ["asha", "ama"], "pattern": "[^z]*"},
    ],
)
def test_the_batches_are_the_names_of_one_call(sampler, request_, draws):
    n = MANY if request_.get("unique") else 40
    names = sampler.sample(n, random_state=0, **request_)
    batches = []
    assert sampler.sample(n, random_state=0, on_batch=batches.append, **request_) == []
    assert sum(batches, []) == names and all(batches)
    if request_.get("unique"):  # drawn in several rounds, each given at once
        assert len(batches) > 1 and len(batches) <= draws.count("draw") // 2


def test_on_batch_is_checked(sampler):
    with pytest.raises(TypeError, match="on_batch must be a function"):
        sampler.sample(2, on_batch=[])
    with pytest.raises(ValueError, match="score each batch in on_batch"):
        sampler.sample(2, on_batch=print, return_scores=True)


def test_the_first_names_are_printed_before_the_last_batch_is_drawn(
    model, sampler, draws, monkeypatch
):
    monkeypatch.setattr(sys, "stdout", Recorder(draws))
    status = main(["sample", model, "-n", str(MANY), "--unique", "--seed", "0"])
    printed = sys.stdout.getvalue()
    monkeypatch.undo()
    assert status == 0
    assert printed.splitlines() == sampler.sample(MANY, unique=True, random_state=0)
    last_draw = len(draws) - 1 - draws[::-1].index("draw")
    assert "write" in draws[:last_draw], draws


def test_a_reader_that_left_stops_the_drawing_quietly(model, draws, monkeypatch, capfd):
    read, write = os.pipe()
    os.close(read)
    closed = open(write, "w", encoding="utf-8", buffering=1)  # noqa: SIM115
    monkeypatch.setattr(sys, "stdout", closed)
    status = main(["sample", model, "-n", str(MANY), "--unique", "--seed", "0"])
    monkeypatch.undo()
    assert (status, capfd.readouterr().err) == (1, "")  # as 'sample | head'
    assert draws == ["draw"]  # no more batches once the reader went


def test_ctrl_c_keeps_the_names_written_and_says_how_many(
    model, sampler, monkeypatch, capsys
):
    drawn, calls = sknextchar._sampler.sample_ids, []

    def second_interrupted(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return drawn(*args, **kwargs)

    monkeypatch.setattr(sknextchar._sampler, "sample_ids", second_interrupted)
    status = main(["sample", model, "-n", str(MANY), "--unique", "--seed", "0"])
    out, err = capsys.readouterr()
    first = out.splitlines()
    assert status == 130 and 0 < len(first) < MANY
    assert first == sampler.sample(MANY, unique=True, random_state=0)[: len(first)]
    assert err == (
        f"sknextchar: interrupted; {len(first)} of the {MANY} names asked for "
        "were written\n"
    )


class LeavesAfterFirstWrite(io.StringIO):
    """A pipe whose reader takes part of one large write and leaves: that
    write ends without an error, as Linux lets it; the next one fails."""

    def write(self, text):
        if self.getvalue():
            raise BrokenPipeError(32, "Broken pipe")
        return super().write(text)


def test_a_reader_that_left_during_a_write_stops_the_drawing(
    model, draws, monkeypatch, capfd
):
    # 'sample -n 1000000 --unique | head -3' drew a second batch of 3 million
    # names before the error came: the first batch was one write.
    import sknextchar.cli._names_out

    monkeypatch.setattr(sknextchar.cli._names_out, "_SLICE", 5)
    monkeypatch.setattr(sys, "stdout", LeavesAfterFirstWrite())
    status = main(["sample", model, "-n", str(MANY), "--unique", "--seed", "0"])
    monkeypatch.undo()
    assert (status, capfd.readouterr().err, draws) == (1, "", ["draw"])


class InterruptedAtWrite(io.StringIO):
    """A standard output where Ctrl-C lands during its ``at``-th write."""

    def __init__(self, at):
        super().__init__()
        self.at, self.writes = at, 0

    def write(self, text):
        self.writes += 1
        if self.writes == self.at:
            raise KeyboardInterrupt
        return super().write(text)


def test_ctrl_c_in_the_middle_of_a_batch_counts_the_lines_written(monkeypatch, capsys):
    # A batch was counted once all its slices were written: Ctrl-C in its
    # third slice said "0 of the 23 names" with 10 lines written.
    import sknextchar.cli._names_out as names_out

    monkeypatch.setattr(names_out, "_SLICE", 5)
    out = InterruptedAtWrite(at=3)
    monkeypatch.setattr(sys, "stdout", out)
    written = names_out.NamesOut(23)
    with pytest.raises(SystemExit) as ended, written.interruptible():
        written([f"n{i}" for i in range(23)])
    monkeypatch.undo()
    lines = out.getvalue().splitlines()
    assert (ended.value.code, len(lines)) == (130, 10)
    assert capsys.readouterr().err == (
        f"sknextchar: interrupted; {len(lines)} of the 23 names asked for were "
        "written\n"
    )


def test_the_match_lengths_warning_comes_before_the_names(model, sampler, monkeypatch):
    # The warning came after the names of the first batch (1,440 of these
    # 1,500): on a terminal, below the names, seen last.
    both = io.StringIO()  # stdout and stderr in one stream, as a terminal
    monkeypatch.setattr(sys, "stdout", both)
    monkeypatch.setattr(sys, "stderr", both)
    flags = ["--top-k", "2", "--temperature", "0.5", "--seed", "0"]
    status = main(["sample", model, "-n", "1500", "--match-lengths", *flags])
    monkeypatch.undo()
    warning, *names = both.getvalue().splitlines()
    assert status == 0
    assert warning.startswith("sknextchar: warning: --match-lengths cannot give")
    drawn = sampler.set_params(top_k=2, temperature=0.5)
    with pytest.warns(UserWarning, match="match_lengths=True cannot give"):
        expected = drawn.sample(1500, match_lengths=True, random_state=0)
    sampler.set_params(top_k=None, temperature=1.0)
    assert names == expected


def test_a_batch_drawn_keeps_a_byte_per_letter_not_a_row_number():
    # Each step kept the row number of every name still going (int64): 8
    # bytes per letter drawn, beside its letter.
    import numpy as np

    from sknextchar._decoding import SamplingControls
    from sknextchar._generation import sample_ids

    def next_log_proba(contexts):  # the end marker or one of 26 letters
        return np.log(np.full((len(contexts), 27), [0.5] + [0.5 / 26] * 26))

    controls = SamplingControls(min_length=40, max_length=45)  # 40 to 45 letters
    with tracing() as traced:
        ids = sample_ids(
            next_log_proba, prefix_ids=np.array([], np.uint8),
            context=np.zeros((1, 1), np.uint8), n_samples=20_000, n_symbols=27,
            controls=controls, rng=np.random.default_rng(0),
        )  # fmt: skip
    letters = int(np.count_nonzero(ids))
    assert len(ids) > 19_000 and traced.peak < 8 * letters, (traced.peak, letters)


def test_the_names_drawn_are_those_of_one_uniform_per_name_and_step():
    # A reference drawn name by name: at each step, one uniform in (0, 1] per
    # name still going (in order), the first symbol whose cumulative
    # probability reaches it; the end marker is masked below min_length. The
    # batch's compact store (a mask per step, names decoded by blocks) must
    # give these names, in this order.
    import numpy as np

    from sknextchar._decoding import SamplingControls
    from sknextchar._generation import sample_ids

    proba = np.array([0.25, 0.25, 0.5])  # end, a, b: sums exact in binary

    def next_log_proba(contexts):
        return np.log(np.tile(proba, (len(contexts), 1)))

    controls = SamplingControls(min_length=2, max_length=6)
    got = sample_ids(
        next_log_proba, prefix_ids=np.array([], np.uint8),
        context=np.zeros((1, 1), np.uint8), n_samples=500, n_symbols=3,
        controls=controls, rng=np.random.default_rng(4),
    )  # fmt: skip
    rng, letters = np.random.default_rng(4), [[] for _ in range(500)]
    going, ended = list(range(500)), set()
    for length in range(controls.max_length + 1):
        weights = proba.copy()
        if length < controls.min_length:
            weights[0] = 0.0
        cdf = np.cumsum(weights / weights.sum())
        uniforms = 1.0 - rng.random(len(going))
        drawn = [int(np.argmax(cdf >= u)) for u in uniforms]
        ended.update(row for row, s in zip(going, drawn) if s == 0)
        going_on = [(row, s) for row, s in zip(going, drawn) if s != 0]
        if length == controls.max_length or not going_on:
            break
        for row, s in going_on:
            letters[row].append(s)
        going = [row for row, _ in going_on]
    expected = [letters[row] for row in sorted(ended)]
    assert [[s for s in row if s] for row in got.tolist()] == expected
    assert len(expected) > 300
