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
