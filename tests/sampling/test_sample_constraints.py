"""Names people would keep (issue 13): no cut, data lengths, patterns, novelty.

The distribution tests compare two samples of the same small count model at
fixed seeds with a chi-square test of homogeneity at a tiny alpha: they cannot
flake, and a cut at ``max_length`` or a pattern applied any other way than by
conditioning moves the histograms far beyond the threshold.
"""

import time
import warnings
from pathlib import Path

import numpy as np
import pytest
import skops.io
from scipy import stats
from sklearn.frozen import FrozenEstimator

from sknextchar import NameSampler, load_model, save_model
from sknextchar.exceptions import ModelVersionWarning
from sknextchar.metrics import SampleReport, sample_report
from tests._doubles import count_pipe
from tests._traced import tracing

DATA = Path(__file__).parents[1] / "data"
NAMES = [
    "abid", "abida", "aditi", "amit", "anita", "arun", "asha", "bina", "chetan",
    "deepa", "divya", "gita", "hari", "isha", "jaya", "kavita", "lata", "mohan",
    "neel", "ravi", "sita", "uma", "vijay", "zoya",
]  # fmt: skip


@pytest.fixture(scope="module")
def pipe():
    return count_pipe(alpha=0.1).fit(NAMES)


def sampler_of(pipe, names=NAMES, **params):
    return NameSampler(FrozenEstimator(pipe), **params).fit(names)


def homogeneity_statistic(first, second):
    """Chi-square statistic and degrees of freedom of two samples' histograms.

    Categories expected fewer than 5 times in either sample are pooled.
    """
    keys = sorted(set(first) | set(second))
    a = np.array([first.count(k) for k in keys], dtype=float)
    b = np.array([second.count(k) for k in keys], dtype=float)
    total = a + b
    ea, eb = total * a.sum() / total.sum(), total * b.sum() / total.sum()
    keep = (ea >= 5) & (eb >= 5)
    a, b = np.r_[a[keep], a[~keep].sum()], np.r_[b[keep], b[~keep].sum()]
    ea, eb = np.r_[ea[keep], ea[~keep].sum()], np.r_[eb[keep], eb[~keep].sum()]
    statistic = ((a - ea) ** 2 / ea).sum() + ((b - eb) ** 2 / eb).sum()
    return statistic, len(a) - 1


# --------------------------------------------------------------------------- #
# 1. No name is ever cut.
# --------------------------------------------------------------------------- #
@pytest.mark.slow
def test_max_length_conditions_instead_of_cutting(pipe):
    # Names sampled with max_length=4 against names sampled with no effective
    # bound (60) and kept when they have at most 4 letters: the same law.
    # About 1,770 names kept: over seeds 1, 11 and 21 the statistic was 35 to
    # 74 against a bound of 127 to 130; the old cut's 376 to 409.
    bounded = sampler_of(pipe, min_length=1, max_length=4)
    free = sampler_of(pipe, min_length=1, max_length=60)
    kept = [n for n in free.sample(10000, random_state=1) if len(n) <= 4]
    drawn = bounded.sample(len(kept), random_state=2)
    assert max(map(len, drawn)) == 4
    statistic, df = homogeneity_statistic(drawn, kept)
    assert statistic < stats.chi2.isf(1e-9, df)
    # The old cut gave every 4-letter prefix the mass of all its continuations.
    cut = [n[:4] for n in free.sample(len(kept), random_state=3)]
    assert homogeneity_statistic(cut, kept)[0] > stats.chi2.isf(1e-9, df)


@pytest.mark.slow
def test_pattern_conditions_the_model(pipe):
    bounded = sampler_of(pipe, min_length=1, max_length=60)
    kept = [n for n in bounded.sample(15000, random_state=1) if n.endswith("a")]
    drawn = bounded.sample(len(kept), pattern=".*a", random_state=2)
    assert all(n.endswith("a") for n in drawn)
    statistic, df = homogeneity_statistic(drawn, kept)
    assert statistic < stats.chi2.isf(1e-9, df)


@pytest.mark.parametrize(
    "pattern, test",
    [
        (".*a", lambda n: n.endswith("a")),
        (".*i.*", lambda n: "i" in n),
        ("[^aeiou]*[aeiou][^aeiou]*", lambda n: sum(c in "aeiou" for c in n) == 1),
        ("a.*", lambda n: n.startswith("a")),
    ],
)
def test_no_name_violates_the_bounds_or_the_pattern(pipe, pattern, test):
    sampler = sampler_of(pipe, min_length=3, max_length=6, temperature=1.3)
    names = sampler.sample(300, pattern=pattern, random_state=0)
    assert len(names) == 300
    assert all(3 <= len(n) <= 6 and test(n) for n in names)


def test_beam_search_returns_only_names_that_ended(pipe):
    sampler = sampler_of(pipe, min_length=1, max_length=3)
    best = sampler.most_likely(5, beam_width=27**3)
    # Their scores are whole-name likelihoods, the end marker included.
    np.testing.assert_allclose(
        sampler.score_samples(best), sorted(sampler.score_samples(best))[::-1]
    )
    assert all(1 <= len(n) <= 3 for n in best)


# --------------------------------------------------------------------------- #
# 2. Length bounds default to the data.
# --------------------------------------------------------------------------- #
def test_length_bounds_default_to_the_training_names(pipe):
    sampler = sampler_of(pipe)
    assert sampler.training_length_range() == (3, 6)
    assert sampler.min_length is None and sampler.max_length is None
    names = sampler.sample(500, random_state=0)
    assert {len(n) for n in names} <= {3, 4, 5, 6}
    # Explicit values override, one at a time.
    assert max(map(len, sampler_of(pipe, max_length=4).sample(200))) <= 4
    assert min(map(len, sampler_of(pipe, min_length=5).sample(200))) >= 5
    # Without training names (a pipeline wrapped with fit([])): 1 and 20.
    bare = sampler_of(pipe, names=[])
    assert bare.training_length_range() is None
    assert all(1 <= len(n) <= 20 for n in bare.sample(200, random_state=0))


def test_impossible_length_range_fails_clearly_and_fast(pipe):
    # At a low temperature the model all but never ends a name after 1 letter.
    sampler = sampler_of(pipe, min_length=1, max_length=1, temperature=0.05)
    start = time.perf_counter()
    with pytest.raises(
        ValueError, match="0.00% of the drawn names were accepted"
    ) as error:
        sampler.sample(50, random_state=0)
    assert time.perf_counter() - start < 5
    assert "the length bounds (min_length=..., max_length=...)" in str(error.value)
    # Greedy decoding has one name ("abida" here): shorter bounds cannot hold it.
    greedy = sampler_of(pipe, min_length=1, max_length=4, temperature=0)
    with pytest.raises(ValueError, match="Could only generate 0 of the 2"):
        greedy.sample(2)
    with pytest.raises(ValueError, match="max_length=2 must be >= min_length=3"):
        sampler_of(pipe, min_length=3, max_length=2).sample(1)
    # A bound left to the data never crosses an explicit one.
    assert set(map(len, sampler_of(pipe, max_length=2).sample(50))) <= {1, 2}
    assert min(map(len, sampler_of(pipe, min_length=9).sample(5))) >= 9


# --------------------------------------------------------------------------- #
# 3. Patterns.
# --------------------------------------------------------------------------- #
# Patterns of letters the model never writes; one longer than max_length
# (q{7}) or one whose every match needs a character the model never writes
# ([0-9]+) is refused before drawing (test_unmeetable_requests.py).
@pytest.mark.parametrize("pattern", ["[^a-z]+", "q{5}", "x.*z.*x"])
def test_unreachable_pattern_fails_clearly_and_fast(pipe, pattern):
    sampler = sampler_of(pipe)
    start = time.perf_counter()
    with pytest.raises(ValueError, match="matching pattern") as error:
        sampler.sample(20, pattern=pattern, random_state=0, max_rounds=5)
    assert time.perf_counter() - start < 5
    message = str(error.value)
    assert "Could only generate 0 of the 20 requested names after drawing" in message
    assert "loosen the pattern" in message


def test_bad_patterns_are_refused(pipe):
    sampler = sampler_of(pipe)
    with pytest.raises(ValueError, match="not a valid regular expression"):
        sampler.sample(1, pattern="a(")
    with pytest.raises(TypeError, match="pattern must be a str"):
        sampler.sample(1, pattern=3)


# --------------------------------------------------------------------------- #
# 4. Novelty the model remembers.
# --------------------------------------------------------------------------- #
def test_novel_never_returns_a_training_name(pipe, tmp_path):
    sampler = sampler_of(pipe, temperature=0.7)
    plain = sampler.sample(2000, random_state=0)
    assert set(plain) & set(NAMES)  # the model does reproduce training names
    new = sampler.sample(2000, novel=True, random_state=0)
    assert len(new) == 2000 and not set(new) & set(NAMES)
    # skops (the test double's class trusted by hand) and joblib.
    data = skops.io.dumps(sampler)
    from_skops = skops.io.loads(data, trusted=skops.io.get_untrusted_types(data=data))
    path = save_model(sampler, tmp_path / "s.joblib")
    for again in (from_skops, load_model(path, allow_pickle=True)):
        assert isinstance(again.training_name_hashes_, np.ndarray)
        assert again.sample(2000, novel=True, random_state=0) == new
        assert again.in_training_set(["Asha", "ashaa", "uma"]).tolist() == [
            True,
            False,
            True,
        ]


def test_in_training_set_compares_after_the_transformer_normalisation(pipe):
    sampler = sampler_of(pipe)
    found = sampler.in_training_set(["ASHA", "Asha", "asha", "ash", "ashas"])
    assert found.tolist() == [True, True, True, False, False]


def test_a_model_without_a_record_says_so():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ModelVersionWarning)
        old = load_model(DATA / "sampler_v0.1.0.dev0.skops")
    assert old.sample(3, random_state=0)  # still samples
    with pytest.raises(ValueError, match="no record of its training names"):
        old.sample(3, novel=True)
    with pytest.raises(ValueError, match="saved by sknextchar before 0.2.0"):
        old.in_training_set(["asha"])


def test_record_is_eight_bytes_per_distinct_name(pipe):
    sampler = sampler_of(pipe, names=NAMES * 3)
    assert sampler.training_name_hashes_.nbytes == 8 * len(set(NAMES))
    assert (np.diff(sampler.training_name_hashes_.astype(np.float64)) >= 0).all()


# --------------------------------------------------------------------------- #
# 5. Scores with samples.
# --------------------------------------------------------------------------- #
def test_return_scores_equals_score_samples(pipe):
    sampler = sampler_of(pipe, temperature=1.7, top_k=10)
    names, scores = sampler.sample(200, return_scores=True, random_state=0)
    assert names == sampler.sample(200, random_state=0)
    np.testing.assert_array_equal(scores, sampler.score_samples(names))


# --------------------------------------------------------------------------- #
# 6. The sample-quality report.
# --------------------------------------------------------------------------- #
def test_report_numbers_by_hand():
    samples = ["anu", "asha", "asha", "ravi", "kiran", "mo"]
    train = ["asha", "uma", "ravi", "ravi"]
    test = ["kiran", "asha"]
    report = sample_report(samples, train, test)
    assert isinstance(report, SampleReport)
    # in train: asha, asha, ravi; in test: asha, asha, kiran; new: anu, mo.
    assert report.n == 6
    assert report.distinct == pytest.approx(5 / 6)
    assert report.in_train == pytest.approx(3 / 6)
    assert report.in_test == pytest.approx(3 / 6)
    assert report.novel == pytest.approx(2 / 6)
    # lengths: samples 3,4,4,4,5,2; train 4,3,4,4.
    # shares: samples {2: 1/6, 3: 1/6, 4: 3/6, 5: 1/6}, train {3: 1/4, 4: 3/4}
    tv = 0.5 * (1 / 6 + abs(1 / 6 - 1 / 4) + abs(3 / 6 - 3 / 4) + 1 / 6)
    assert report.length_tv == pytest.approx(tv)
    assert report.mean_length == pytest.approx(22 / 6)
    assert report.median_length == 4.0
    assert report.train_mean_length == pytest.approx(15 / 4)
    assert report.train_median_length == 4.0
    numbers = report.to_dict()
    assert numbers["novel"] == report.novel and len(numbers) == 10
    text = str(report)
    assert "test names" in text and "length distance" in text
    assert sample_report(samples, train).in_test is None
    assert sample_report(samples, train).novel == pytest.approx(3 / 6)


def test_report_against_the_sampler_record_equals_the_names(pipe):
    sampler = sampler_of(pipe)
    samples = sampler.sample(300, random_state=0)
    assert sample_report(samples, sampler) == sample_report(samples, NAMES)


def test_report_refuses_bad_input():
    with pytest.raises(ValueError, match="samples is empty"):
        sample_report([], ["asha"])
    with pytest.raises(TypeError, match="not a single string"):
        sample_report(["asha"], "asha")


def test_match_lengths_gives_the_training_lengths(pipe):
    # A model whose own lengths differ from the training names'.
    train = ["ab", "ba", "abab", "baba", "aabb", "bbaa", "abba", "baab"] * 3
    lengths = np.bincount([len(n) for n in train])
    sampler = sampler_of(pipe, names=train, min_length=1, max_length=6)
    plain = sampler.sample(4000, random_state=0)
    matched = sampler.sample(4000, match_lengths=True, random_state=0)
    assert all(len(n) in (2, 4) for n in matched)
    assert sample_report(plain, train).length_tv > 0.3
    assert sample_report(matched, train).length_tv < 0.03
    assert lengths[2] == 6 and lengths[4] == 18
    # Within a length, the model's proportions: the 4-letter names kept match
    # the 4-letter names of plain sampling.
    four = [n for n in plain if len(n) == 4]
    kept = [n for n in matched if len(n) == 4][: len(four)]
    statistic, df = homogeneity_statistic(kept, four)
    assert statistic < stats.chi2.isf(1e-9, df)


def test_sampling_memory_does_not_grow_with_max_length(pipe):
    sampler = sampler_of(pipe, max_length=1000)  # the most it takes
    with tracing() as traced:
        names = sampler.sample(200, random_state=0)
    assert len(names) == 200 and traced.peak < 8 * 2**20  # was 200 GB of ids


def test_a_dead_end_of_an_unsmoothed_count_model_is_discarded():
    # With add_k=0 a context seen only at the end of names allows nothing but the
    # end marker; below min_length that is ruled out too: such a name cannot be
    # completed, so it is discarded, never returned too short.
    from sklearn.pipeline import make_pipeline

    from sknextchar import ContextWindowTransformer, KneserNeyClassifier

    counts = make_pipeline(
        ContextWindowTransformer(context_length=1), KneserNeyClassifier(add_k=0)
    )
    sampler = NameSampler(counts, min_length=3, max_length=5)
    sampler.fit(["ab", "abc", "bc", "abd"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no NaN on the way
        for params in ({}, {"temperature": 2.0}, {"top_k": 2}, {"top_p": 0.5}):
            names = sampler.set_params(**params).sample(200, random_state=0)
            assert names and all(3 <= len(name) <= 5 for name in names)
            sampler.set_params(temperature=1.0, top_k=None, top_p=None)
    with pytest.raises(ValueError, match=r"No name can continue prefixes\[1\]='bc'"):
        sampler.next_char_proba(["ab", "bc"])
    # No temperature helps after "bc": the error says why, not "raise it".
    with pytest.raises(ValueError, match=r"No name can continue prefix='bc'") as e:
        sampler.set_params(temperature=0).sample(1, prefix="bc")
    assert "greedy" not in str(e.value) and "temperature" not in str(e.value)


def test_a_row_with_every_symbol_ruled_out_draws_no_symbol():
    from sknextchar._decoding import draw, sampling_weights

    log_proba = np.array([[0.0, -np.inf, -np.inf], [-1.0, -1.0, -np.inf]])
    for temperature in (0, 1.0):
        weights = sampling_weights(
            log_proba, temperature=temperature, end_allowed=False
        )
        assert np.all(weights[0] == 0) and weights[1, 1] > 0  # no NaN
    assert draw(np.zeros((1, 3)), np.array([0.5])).tolist() == [3]  # n_symbols


def test_numpy_integers_as_length_bounds(pipe):
    # As they come from min(lengths) of an array: the cached drawing path too.
    lengths = np.array([3, 7])
    bounded = sampler_of(pipe, min_length=lengths.min(), max_length=lengths.max())
    names = bounded.sample(50, random_state=0)
    assert len(names) == 50 and all(3 <= len(name) <= 7 for name in names)


def test_match_lengths_costs_nothing_for_a_huge_max_length(pipe):
    # Its arrays follow the training lengths, not max_length (a TiB at 10**12,
    # when max_length took it).
    sampler = sampler_of(pipe, max_length=1000)
    names = sampler.sample(20, match_lengths=True, random_state=0)
    longest = sampler.training_length_range()[1]
    assert len(names) == 20 and max(map(len, names)) <= longest
