"""The numbers of the sampler's messages: counts of 1,000 or more with thousands
separators, as the other messages write them, and a noun that agrees with a
count of one ("names of 1 letter")."""

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar._beam import beam_shortfall_message
from sknextchar._decoding import SamplingControls
from sknextchar._generation import check_reachable
from sknextchar.metrics import sample_report


@pytest.fixture(scope="module")
def sampler():
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    return NameSampler(pipe).fit(["asha", "ravi", "mira", "uma", "rahul", "sita"])


@pytest.mark.parametrize(
    ("n_samples", "n_letters", "max_length", "said"),
    [
        # "asks for 2000 distinct names, but at most 14" before
        (2_000, 2, 3, "asks for 2,000 distinct names, but at most 14 can be "
         "generated with min_length=1, max_length=3 (2 letters to choose from"),
        (5_000, 10, 3, "asks for 5,000 distinct names, but at most 1,110 can"),
    ],
)  # fmt: skip
def test_a_refused_request_writes_its_counts_with_separators(
    n_samples, n_letters, max_length, said
):
    controls = SamplingControls(max_length=max_length)
    with pytest.raises(ValueError) as info:
        check_reachable(n_samples, n_letters=n_letters, n_prefix=0, controls=controls)
    assert said in str(info.value)


def test_a_deterministic_request_writes_its_count_with_separators():
    with pytest.raises(ValueError) as info:
        check_reachable(
            2_000, n_letters=2, n_prefix=0, controls=SamplingControls(temperature=0)
        )
    assert "unique=True asks for 2,000 distinct names, but at most 1" in str(info.value)


def test_a_beam_shortfall_writes_its_counts_with_separators():
    reach = {"wider": True, "longer": False, "shorter": False}
    excluded = [f"n{i}" for i in range(1_200)]
    message = beam_shortfall_message(
        1_500, 2_000, prefix="", n_prefix=0, reach=reach,
        controls=SamplingControls(max_length=3), exclude=excluded,
    )  # fmt: skip
    assert message.startswith("Found only 1,500 of the 2,000 requested names")
    assert "outside the 1,200 excluded names" in message


@pytest.mark.parametrize(
    ("excluded", "said"), [(1, "1 excluded name"), (2, "2 excluded names")]
)
def test_a_beam_shortfall_counts_one_excluded_name(excluded, said):
    # "outside the 1 excluded names" before
    reach = {"wider": True, "longer": False, "shorter": False}
    message = beam_shortfall_message(
        1, 2, prefix="", n_prefix=0, reach=reach,
        controls=SamplingControls(max_length=3), exclude=["ab", "ba"][:excluded],
    )  # fmt: skip
    assert f"outside the {said}." in message, message


@pytest.mark.parametrize(
    ("excluded", "said"), [(1, "1 excluded name"), (2, "2 excluded names")]
)
def test_a_sampling_shortfall_counts_one_excluded_name(sampler, excluded, said):
    # "(..., 1 excluded names): ... not among the 1 excluded names" before
    with pytest.raises(ValueError) as info:
        sampler.sample(5, pattern="zzz.*q", exclude=["ab", "cd"][:excluded],
                       max_rounds=2, random_state=0)  # fmt: skip
    message = str(info.value)
    assert f"max_length=5, {said}): " in message, message
    assert f"matching pattern='zzz.*q', not among the {said}." in message


def test_the_report_summary_writes_its_count_with_separators():
    # The main job reports on 2,000 names: "2000 names: ..." before.
    names = [f"n{i}" for i in range(2_000)]
    assert sample_report(names, ["ab"]).summary().startswith("2,000 names: 100%")


@pytest.mark.parametrize(
    ("pattern", "said"),
    [
        ("a", "pattern='a' matches only names of 1 letter, but"),  # "1 letters"
        ("ab", "pattern='ab' matches only names of 2 letters, but"),
        ("a{1,2}", "pattern='a{1,2}' matches only names of 1 to 2 letters, but"),
    ],
)
def test_the_lengths_a_pattern_matches_agree_with_their_count(sampler, pattern, said):
    with pytest.raises(ValueError) as info:
        sampler.sample(3, pattern=pattern, random_state=0)
    assert said in str(info.value)


@pytest.mark.parametrize(
    ("bounds", "said"),
    [
        ({"max_length": 2}, "(max_length=2, min_length left at its default, 2)"),
        ({}, "(min_length and max_length left at their defaults, 2 and 3)"),
        ({"min_length": 2, "max_length": 3}, "(min_length=2, max_length=3)"),
    ],
)
def test_the_most_likely_names_name_only_the_bounds_given(bounds, said):
    # It said "(min_length=2, max_length=2)", a min_length never given.
    transformer = ContextWindowTransformer(alphabet="auto")  # 2 letters
    pipe = make_pipeline(transformer, KneserNeyClassifier())
    sampler = NameSampler(pipe, **bounds).fit(["ab", "ba", "abb"])
    with pytest.raises(ValueError, match="asks for more names than exist") as info:
        sampler.most_likely(13)  # at most 4 + 8 names of 2 to 3 letters
    assert said in str(info.value), str(info.value)
