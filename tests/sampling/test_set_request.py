"""One SetRequest carries a set-level sampling request through generation:
built once by NameSampler.sample (checked_request), read whole by
sample_new_names and keep_new."""

import dataclasses
import itertools

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar._decoding import SamplingControls
from sknextchar._generation import sample_new_names
from sknextchar._sample_request import checked_request
from sknextchar._set_request import SetRequest, keep_new

NAMES = ["anna", "asha", "amit", "arun", "bala", "chen", "dev"]


def _request(**fields):
    base = {"unique": False, "exclude": set(), "max_rounds": 5}
    return SetRequest(4, controls=SamplingControls(), **{**base, **fields})


def _stream():
    cycle = itertools.cycle(["ab", "ba", "ab", "b", "c", "d"])
    return lambda n: [next(cycle) for _ in range(n)]


@pytest.mark.parametrize(
    "fields",
    [{}, {"unique": True}, {"exclude": {"ab"}}, {"unique": True, "exclude": {"b"}}],
)
def test_a_request_keeps_the_first_names_drawn_that_pass_its_tests(fields):
    request = _request(**fields)
    # The oracle: the stream's names in order, each kept if the tests pass.
    kept, draws = [], _stream()
    while len(kept) < 4:
        (name,) = draws(1)
        repeated = request.unique and name in kept
        if name not in request.exclude and not repeated:
            kept.append(name)
    assert sample_new_names(_stream(), request) == kept


def test_the_fields_of_a_request_are_no_request():
    # One form: a SetRequest, never n_samples with its fields as keywords.
    with pytest.raises(TypeError, match="unique"):
        sample_new_names(_stream(), 4, unique=True)


def test_tests_names_says_whether_a_set_level_test_applies():
    assert not _request().tests_names
    assert _request(unique=True).tests_names
    assert _request(exclude={"x"}).tests_names
    with pytest.raises(dataclasses.FrozenInstanceError):
        _request().unique = True


class _Accepted(list):
    def extend(self, names):
        super().extend(names)


def test_keep_new_fills_the_room_left_and_counts_repeats():
    accepted, seen, excluded = _Accepted(["ab"]), {"ab"}, []

    class Excluded:
        def add(self, names):
            excluded.extend(names)

    request = _request(unique=True, exclude={"c"})
    repeats = keep_new(
        ["ab", "c", "b", "b", "ba", "d", "e"], accepted, seen, request, Excluded()
    )
    assert accepted == ["ab", "b", "ba", "d"]  # room for 3 more of the 4
    assert repeats == 2 and excluded == ["c"] and seen == {"ab", "b", "ba", "d"}


def _sampler():
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    return NameSampler(pipe, max_length=8).fit(NAMES)


def test_checked_request_builds_the_request_of_a_sample_call():
    sampler = _sampler()
    transformer = sampler.estimator_.steps[0][1]
    arguments = {
        "max_rounds": 7, "unique": True, "exclude": ["ANNA"], "novel": True,
        "pattern": "a.*", "match_lengths": True, "on_batch": print,
        "return_scores": False,
    }  # fmt: skip
    request, scores = checked_request(sampler, transformer, 3, **arguments)
    assert scores is False
    assert (request.n_samples, request.max_rounds, request.unique) == (3, 7, True)
    assert request.exclude == {"anna"}  # as the model writes it
    assert (request.novel, request.pattern, request.emit) == (True, "a.*", print)
    assert request.pilot > 0 and request.controls.max_length == 8
    without = checked_request(
        sampler, transformer, 3, **{**arguments, "match_lengths": False}
    )
    assert without[0].pilot == 0


def test_checked_request_checks_the_controls_first():
    sampler = _sampler().set_params(temperature=-1)
    transformer = sampler.estimator_.steps[0][1]
    with pytest.raises(ValueError, match="temperature"):
        checked_request(
            sampler, transformer, 0, max_rounds=0, unique=True, exclude=None,
            novel=False, pattern=None, match_lengths=False, on_batch=None,
            return_scores=False,
        )  # fmt: skip


def test_sample_passes_one_request_to_sample_new_names(monkeypatch):
    import sknextchar._sampler as module

    requests, real = [], module.sample_new_names

    def spy(draw, request, **known):
        requests.append(request)
        return real(draw, request, **known)

    monkeypatch.setattr(module, "sample_new_names", spy)
    names = _sampler().sample(3, unique=True, exclude=["Dev"], random_state=0)
    (request,) = requests
    assert isinstance(request, SetRequest)
    assert (request.n_samples, request.unique, request.exclude) == (3, True, {"dev"})
    assert len(set(names)) == 3 and "dev" not in names
