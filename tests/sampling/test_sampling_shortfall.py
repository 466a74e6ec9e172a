"""Sampling with rejection that falls short: it stops early, and its advice is true.

A request that one drawn name in 10,000 meets drew every round (up to
``16 * n + 1024`` names each) before failing: minutes and a gigabyte for
300,000 names. It now stops as soon as the rate measured shows that the
rounds left cannot give the names missing, and a request that would succeed
is not stopped (same seed, same names). The advice of the failure named a
higher temperature at ``temperature=inf``, and more rounds when the model
(a count model without smoothing) gives no other name at all.
"""

import math

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.pipeline import make_pipeline

import sknextchar._generation as generation
from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar._decoding import SamplingControls
from sknextchar._generation import sample_new_names
from sknextchar._request_support import MAX_LONGER, RequestSupport, possible_ids
from sknextchar._set_request import SetRequest
from sknextchar._shortfall import optimistic_reach, shortfall_message
from sknextchar._training_record import HOTTER_WORDS, RepeatedNames
from sknextchar.cli import main
from tests._traced import tracing

FOUR = ["asha", "ravi", "mohan", "sita"]


class OneIn:
    """A sampler whose every ``every``-th drawn name is accepted (all distinct)."""

    def __init__(self, every):
        self.every, self.drawn = every, 0

    def __call__(self, n):
        start, self.drawn = self.drawn, self.drawn + n
        return [f"n{i}" for i in range(start, self.drawn) if i % self.every == 0]


def test_a_request_the_rounds_cannot_meet_stops_early_and_says_why():
    sample = OneIn(10_000)  # 0.01% pass; 20 rounds of 17,024 names give ~34
    with pytest.raises(ValueError, match="Drawing stopped early") as e:
        sample_new_names(
            sample,
            SetRequest(1_000, unique=True, exclude=set(), max_rounds=20,
                       controls=SamplingControls(), pattern="zz"),
            constraints=["matching pattern 'zz'"],
        )  # fmt: skip
    every_round = 1_000 + 19 * (16 * 1_000 + 1024)
    assert sample.drawn <= 1_000 + 16 * 1_000 + 1024 < every_round
    message = str(e.value)
    assert f"after drawing {sample.drawn:,}" in message
    assert "allow more rounds (max_rounds=...)" in message  # they would help


def test_a_request_that_the_rounds_can_meet_is_not_stopped():
    # 1 name in 250 passes: the 100 names come in the 20th and last round
    # (batches are sized for a rate of at least 1/64): a request met at the
    # very end is not stopped.
    sample = OneIn(250)
    names = sample_new_names(
        sample,
        SetRequest(100, unique=True, exclude=set(), max_rounds=20,
                   controls=SamplingControls()),
    )  # fmt: skip
    assert names == [f"n{i}" for i in range(0, 25_000, 250)]
    with pytest.raises(ValueError, match="Could only generate 99 of the 100"):
        sample_new_names(
            OneIn(250),
            SetRequest(100, unique=True, exclude=set(), max_rounds=19,
                       controls=SamplingControls()),
        )  # fmt: skip


def test_a_request_that_succeeds_draws_the_same_names(monkeypatch):
    counts = make_pipeline(ContextWindowTransformer(context_length=2),
                           KneserNeyClassifier(add_k=0.1))  # fmt: skip
    sampler = NameSampler(counts, max_length=8).fit(FOUR * 3 + ["zara", "zoya"])
    request = dict(pattern="z.*", unique=True, random_state=0)
    names = sampler.sample(40, **request)
    # The same request, never stopped early: the same names, in the same order.
    monkeypatch.setattr(generation, "optimistic_reach", lambda *args: math.inf)
    assert sampler.sample(40, **request) == names


@pytest.fixture(scope="module")
def four_names():
    """A count model without smoothing: it writes its four names, no other."""
    counts = make_pipeline(
        ContextWindowTransformer(context_length=8), KneserNeyClassifier(add_k=0)
    )
    return NameSampler(counts, min_length=4, max_length=5).fit(FOUR)


def test_no_more_rounds_or_temperature_when_the_model_has_no_new_name(four_names):
    with pytest.raises(ValueError) as e:
        four_names.sample(3, novel=True, random_state=0)
    message = str(e.value)
    assert "the model gives any probability to only 4 names" in message
    assert "No temperature, top_k, top_p or number of rounds can give" in message
    assert "more rounds" not in message and "change the temperature" not in message
    # Every length has its names (asha, ravi, sita; mohan): no length lever.
    assert "length" not in message.split("can give another")[1]
    assert message.endswith("can give another: sample without novel=True.")


def test_the_length_bounds_are_offered_when_other_lengths_have_names(four_names):
    short = clone(four_names).set_params(max_length=4).fit(FOUR)
    with pytest.raises(ValueError) as e:
        short.sample(4, unique=True, random_state=0)
    message = str(e.value)
    assert "only 3 names, and none of them can be returned" in message  # not mohan
    assert message.endswith(
        "can give another: ask for fewer names, or allow longer names (max_length=...)."
    ), message  # mohan, of 5 letters, is distinct from the 3 returned


def test_no_length_bound_whose_names_the_tests_leave_out_too(four_names):
    # mohan, of 5 letters, and asha, ravi and sita, of 4, are all training
    # names: neither bound gives a new name, and neither was to be advised.
    for bounds in (dict(max_length=4), dict(min_length=5, max_length=5)):
        sampler = clone(four_names).set_params(**bounds).fit(FOUR)
        with pytest.raises(ValueError) as e:
            sampler.sample(1, novel=True, random_state=0)
        message = str(e.value)
        assert "the names must also be not among the 4 training names" in message
        assert message.endswith("can give another: sample without novel=True.")
    # Distinct names of the other lengths are left: that bound is advised.
    with pytest.raises(ValueError) as e:
        sampler.sample(2, unique=True, random_state=0)
    assert str(e.value).endswith(
        "can give another: ask for fewer names, or allow shorter names "
        "(min_length=...)."
    ), str(e.value)


def a_run(stop, calls):
    """A model of names of "a"s, up to ``stop`` letters (None: without end)."""

    def next_log_proba(contexts):  # symbols: the end, then "a"
        calls.append(len(contexts))
        out = np.zeros((len(contexts), 2))
        if stop is not None:
            out[np.count_nonzero(contexts, axis=1) >= stop, 1] = -np.inf
        out[contexts[:, -1] == 0, 0] = -np.inf  # no name of 0 letters
        return out

    return next_log_proba


@pytest.mark.parametrize(
    "stop, shortest, longer",
    [(6, 7, False), (6, 5, True), (None, 10**6, True)],
)
def test_a_longer_bound_is_offered_only_when_a_longer_name_passes(
    stop, shortest, longer
):
    # The request keeps names of at least ``shortest`` letters; the model
    # writes "aa" and "aaa" within the bounds. Names of "a"s without end:
    # the walk past max_length cannot tell, stops after MAX_LONGER lengths
    # and offers the bound as one that may help.
    calls = []
    support = RequestSupport(
        a_run(stop, calls), prefix="", prefix_ids=np.array([], np.intp),
        context=np.zeros((1, 8), np.intp),
        controls=SamplingControls(min_length=2, max_length=3),
        keep=lambda rows: [len(row) * "a" for row in rows if len(row) >= shortest],
    )  # fmt: skip
    assert support.exhausted([], False, set()) == (2, "", (longer, False))
    assert len(calls) <= 4 + MAX_LONGER + 1, len(calls)  # lengths 0 to 3, then more


@pytest.mark.parametrize("temperature", [1e9, math.inf])
def test_the_prefix_that_blocks_a_request_is_named(four_names, temperature):
    hot = clone(four_names).set_params(temperature=temperature).fit(FOUR)
    with pytest.raises(ValueError) as e:
        hot.sample(2, prefix="as", novel=True, random_state=0)
    message = str(e.value)
    assert "with prefix='as', min_length=4 and max_length=5, the model " in message
    assert "only 1 name, and it cannot be returned: the names must also be " in message
    assert "'asha', drawn over and over" in message
    assert HOTTER_WORDS not in message and "more rounds" not in message
    assert "give a shorter prefix (prefix=...)" in message


def test_distinct_names_the_model_has_run_out_of(four_names):
    with pytest.raises(ValueError) as e:
        four_names.sample(5, unique=True, random_state=0)
    message = str(e.value)
    assert "Could only generate 4 of the 5 requested distinct names" in message
    assert "only 4 names, and none of them can be returned" in message
    assert "ask for fewer names" in message and "more rounds" not in message


def test_a_prefix_no_name_of_the_bounds_extends(four_names):
    short = clone(four_names).set_params(max_length=4).fit(FOUR)
    with pytest.raises(ValueError) as e:
        short.sample(2, prefix="mo", random_state=0)  # "mohan" has 5 letters
    message = str(e.value)
    assert "max_length=4, the model gives no name any probability." in message
    assert "give a shorter prefix (prefix=...)" in message
    assert "more rounds" not in message and "temperature (" not in message


def test_no_higher_temperature_at_temperature_inf():
    # The words as sample makes them: the names it rejected over and over.
    tally = RepeatedNames(lambda rows: ["ab"][: len(rows)])
    tally.add(np.array([[1, 2]] * 20), [True] * 20)
    repeated = tally.words("not among the training names")
    assert HOTTER_WORDS in repeated
    for temperature, higher in ((2.0, True), (math.inf, False)):
        message = shortfall_message(
            0, 2, 9, False, set(), SamplingControls(temperature=temperature),
            [repeated], novel=True,
        )  # fmt: skip
        assert (HOTTER_WORDS in message) is higher
        assert ("lower the temperature" in message) is not higher


def test_the_command_line_gives_the_same_advice_in_flags(tmp_path, capsys):
    names = tmp_path / "four.txt"
    names.write_text("\n".join(FOUR) + "\n", encoding="utf-8")
    model = str(tmp_path / "kn4.skops")
    train = ["train", str(names), "--model", "kneser-ney", "--add-k", "0", "-q"]
    assert main([*train, "--context-length", "8", "-o", model]) == 0
    capsys.readouterr()
    sample = ["sample", model, "-n", "2", "--seed", "0", "--prefix", "as", "--novel"]
    assert main([*sample, "--temperature", "inf"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "give a shorter --prefix" in err
    assert "higher --temperature" not in err and "--max-rounds" not in err
    assert "No temperature, --top-k, --top-p or number of rounds" in err


def test_max_rounds_past_any_float_is_served(tmp_path, capsys):
    # rounds_left * batch_cap, turned into a float, raised OverflowError.
    huge = 10**400
    assert optimistic_reach(0, 1_000, huge) > huge // 10**3
    counts = make_pipeline(ContextWindowTransformer(context_length=2),
                           KneserNeyClassifier(add_k=0.1))  # fmt: skip
    sampler = NameSampler(counts, max_length=8).fit(FOUR + ["zara", "zoya"])
    request = dict(pattern="z.*", random_state=0)
    assert sampler.sample(3, max_rounds=huge, **request) == sampler.sample(3, **request)
    names = tmp_path / "names.txt"
    names.write_text("\n".join(FOUR + ["zara", "zoya"]) + "\n", encoding="utf-8")
    model = str(tmp_path / "kn.skops")
    assert main(["train", str(names), "--model", "kneser-ney", "-q", "-o", model]) == 0
    capsys.readouterr()
    sample = ["sample", model, "-n", "3", "--seed", "0", "--pattern", "z.*"]
    assert main(sample) == 0
    expected = capsys.readouterr().out
    assert main([*sample, "--max-rounds", str(huge)]) == 0
    out, err = capsys.readouterr()
    assert out == expected and "Traceback" not in err


def test_one_round_left_is_one_round():
    message = shortfall_message(
        1, 1_000, 20_000, False, set(), SamplingControls(), [],
        stopped=(1, 17_024, 5),
    )  # fmt: skip
    assert "the 1 round left of max_rounds" in message, message


def test_listing_the_names_of_a_big_vocabulary_holds_little_memory():
    # 4,096 unfinished names of 2,000 symbols were asked of the model at once:
    # 74 MB here, 0.7 GB for a vocabulary of 20,000 symbols.
    n_symbols, width = 2_000, 64

    def next_log_proba(contexts):  # 64 first letters, 64 second ones, the end
        out = np.full((len(contexts), n_symbols), -np.inf)
        first, second = contexts[:, -1] == 0, contexts[:, -2] == 0
        out[first, 1 : width + 1] = 0.0
        out[second & ~first, width + 1 : 2 * width + 1] = 0.0
        out[~first & ~second, 0] = 0.0
        return out

    with tracing() as traced:
        start, controls = np.zeros((1, 2), np.intp), SamplingControls(max_length=5)
        ids = possible_ids(next_log_proba, np.array([], np.intp), start, controls)
    assert [len(rows) for rows in ids] == [0, width * width]  # 1, 2 letters
    assert ids[1][:, 1].min() == width + 1 and traced.peak < 24 * 2**20, traced.peak


@pytest.mark.parametrize(
    "accepted, drawn, share", [(3, 2_000_000, "0.00015%"), (0, 2_000_000, "0.00%")]
)
def test_the_share_accepted_is_zero_only_when_none_was(accepted, drawn, share):
    # Was "0.00% of the drawn names were accepted" beside "Could only generate 3".
    message = shortfall_message(
        accepted, 1_000, drawn, False, set(), SamplingControls(),
        ["matching pattern '.*zz.*'"], pattern=".*zz.*",
    )  # fmt: skip
    assert f": {share} of the drawn names were accepted" in message
