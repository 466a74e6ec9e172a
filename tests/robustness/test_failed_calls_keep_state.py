"""A call that fails on the user's input leaves every object as it was.

An audit across the public estimators: for each method that can fail on what a
user passes (``fit``, ``partial_fit``, ``predict_proba``, ``score``, ``sample``
and its controls, ``most_likely``, ``set_params``...), fitted and unfitted, the
call is made to fail and must leave the estimator the same to the byte (its
pickle), NumPy's global generator where it was, and a ``random_state`` object
given to the call or held by the estimator not advanced. Bad constructor
parameters at ``fit`` are tested in ``test_bad_parameters_at_fit.py``; this
module is about the data and the arguments of the calls. The command line's
``train -o`` keeps an existing file byte-identical when it fails.
"""

import math
import pickle
import warnings

import numpy as np
import pytest
from sklearn.pipeline import Pipeline
from sklearn.utils import check_random_state

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    NameLabelClassifier,
    NameSampler,
    PerLabelClassifier,
)
from sknextchar.cli import main
from tests._cases import run_cases
from tests.robustness.test_all_or_nothing import FailsAtTheEnd

NAMES = ["asha", "ravi", "amitabh", "uma", "zoe", "arun", "anna", "omar"]
LABELS = ["f", "m", "m", "f", "f", "m", "f", "m"]
NAN = math.nan
WRONG_WIDTH = np.array([[1, 2, 3]])  # three context ids for a context of two


def _windows(names=NAMES, **params):
    return ContextWindowTransformer(context_length=2, **params).fit_transform(names)


WINDOWS = _windows()


def _mlp(random_state=0, **params):
    return CharEmbeddingMLPClassifier(
        embedding_dim=2, hidden_layer_sizes=(3,), max_iter=2,
        random_state=random_state, **params,
    )  # fmt: skip


def _pipe(model):
    return Pipeline([("windows", ContextWindowTransformer(context_length=2)), model])


def _mixture(**params):
    members = [("kn", KneserNeyClassifier()), ("add1", KneserNeyClassifier(add_k=1))]
    return MixtureClassifier(members, **params)


# name: (a new estimator, its fit). The MLP and the mixture hold a RandomState.
ESTIMATORS = {
    "transformer": (
        lambda: ContextWindowTransformer(context_length=2),
        lambda est: est.fit(NAMES),
    ),
    "mlp": (lambda: _mlp(np.random.RandomState(0)), lambda est: est.fit(WINDOWS)),
    "mlp-labels": (lambda: _mlp(), lambda est: est.fit(WINDOWS, LABELS)),
    "kneser-ney": (KneserNeyClassifier, lambda est: est.fit(WINDOWS)),
    "mixture": (
        lambda: _mixture(random_state=np.random.RandomState(0)),
        lambda est: est.fit(WINDOWS),
    ),
    "per-label": (
        lambda: PerLabelClassifier(KneserNeyClassifier()),
        lambda est: est.fit(WINDOWS, LABELS),
    ),
    "name-label": (
        lambda: NameLabelClassifier(
            _pipe(("clf", PerLabelClassifier(KneserNeyClassifier()))), cv=2
        ),
        lambda est: est.fit(NAMES, LABELS),
    ),
    "sampler": (
        lambda: NameSampler(_pipe(("clf", KneserNeyClassifier()))),
        lambda est: est.fit(NAMES),
    ),
    "sampler-mlp": (
        lambda: NameSampler(_pipe(("clf", _mlp()))),
        lambda est: est.fit(NAMES),
    ),
    "sampler-labels": (
        lambda: NameSampler(_pipe(("clf", PerLabelClassifier(KneserNeyClassifier())))),
        lambda est: est.fit(NAMES, LABELS),
    ),
}
MODELS = ["mlp", "kneser-ney", "mixture"]  # models of windows without labels
SAMPLERS = ["sampler", "sampler-mlp", "sampler-labels"]


# The calls that fail on any object of the kinds named: (kinds, id, call).
FIT_CALLS = [
    (["transformer", *SAMPLERS], "fit-numbers", lambda est: est.fit([1, 2, 3])),
    (["transformer", *SAMPLERS], "fit-no-names", lambda est: est.fit([])),
    (["transformer", *SAMPLERS], "fit-a-none", lambda est: est.fit(["asha", None])),
    (SAMPLERS, "fit-negative-weight", lambda e: e.fit(NAMES, sample_weight=[-1] * 8)),
    (SAMPLERS, "fit-nan-weights", lambda est: est.fit(NAMES, sample_weight=[NAN] * 8)),
    (SAMPLERS, "fit-weights-too-few", lambda est: est.fit(NAMES, sample_weight=[1])),
    (SAMPLERS, "fit-labels-too-few", lambda est: est.fit(NAMES, ["f", "m"])),
    (MODELS, "fit-no-windows", lambda est: est.fit(np.zeros((0, 2), int))),
    (MODELS, "fit-negative-weight", lambda e: e.fit(WINDOWS, sample_weight=[-1] * 8)),
    (MODELS, "fit-weights-too-few", lambda est: est.fit(WINDOWS, sample_weight=[1])),
    (MODELS, "fit-labels-too-few", lambda est: est.fit(WINDOWS, ["f", "m"])),
    (["per-label"], "fit-nan-weights", lambda e: e.fit(WINDOWS, LABELS, [NAN] * 8)),
    (["name-label"], "fit-labels-too-few", lambda est: est.fit(NAMES, ["f", "m"])),
    (["name-label"], "fit-nan-weights", lambda e: e.fit(NAMES, LABELS, [NAN] * 8)),
    (["name-label"], "fit-numbers", lambda est: est.fit([1, 2], ["f", "m"])),
    (["mlp", "kneser-ney"], "partial_fit-wrong-width",
     lambda est: est.partial_fit(WRONG_WIDTH)),
    (["mlp", "kneser-ney"], "partial_fit-negative-weight",
     lambda est: est.partial_fit(WINDOWS, sample_weight=[-1] * 8)),
    (["mlp"], "partial_fit-classes",
     lambda est: est.partial_fit(WINDOWS, classes=[0, 1])),
]  # fmt: skip

FITTED_CALLS = [
    (["mlp-labels"], "partial_fit-unknown-labels",
     lambda est: est.partial_fit(WINDOWS, ["x"] * 8)),
    (["mlp-labels"], "partial_fit-no-labels", lambda est: est.partial_fit(WINDOWS)),
    (["transformer"], "transform", lambda est: est.transform([3])),
    (["transformer"], "decode", lambda est: est.decode([[999]])),
    (["transformer"], "encode_prefixes", lambda est: est.encode_prefixes(["q9"])),
    (MODELS + ["per-label"], "predict_proba", lambda e: e.predict_proba(WRONG_WIDTH)),
    (MODELS, "score", lambda est: est.score(WRONG_WIDTH)),
    (MODELS, "score-weights", lambda e: e.score(WINDOWS, sample_weight=[-1] * 8)),
    (["name-label"], "predict_proba", lambda est: est.predict_proba([3])),
    (["name-label"], "log_likelihood", lambda est: est.log_likelihood([3])),
    (["name-label"], "score", lambda est: est.score(NAMES, LABELS, [NAN] * 8)),
    (SAMPLERS, "predict_proba", lambda est: est.predict_proba([3])),
    (SAMPLERS, "score_samples", lambda est: est.score_samples([3])),
    (SAMPLERS, "score-weights", lambda e: e.score(NAMES, sample_weight=[NAN] * 8)),
    (SAMPLERS, "in_training_set", lambda est: est.in_training_set([3])),
    (SAMPLERS, "next_char_proba", lambda est: est.next_char_proba(["q9"])),
    (SAMPLERS, "temperature_table", lambda e: e.temperature_table("a", (-1.0,))),
    (["sampler-labels"], "predict_proba-label",
     lambda est: est.predict_proba(NAMES, label="zz")),
    (SAMPLERS, "most_likely-n", lambda est: est.most_likely(0)),
    (SAMPLERS, "most_likely-prefix", lambda est: est.most_likely(2, prefix="q9")),
    (SAMPLERS, "most_likely-beam", lambda est: est.most_likely(2, beam_width=0)),
    (SAMPLERS, "most_likely-novel", lambda est: est.most_likely(2, novel="yes")),
    (SAMPLERS, "most_likely-label", lambda est: est.most_likely(2, label="zz")),
]  # fmt: skip

# NameLabelClassifier.score checks its names first (a single str is told as
# in fit, not by its length), then its weights as fit does: (X, y, weights,
# a pattern of the message).
WEIGHTS_MUST = r"sample_weight must be a number or \d+ numbers, one per name.*"
NAME_LABEL_SCORES = {
    "a-single-name": ("anna", ["f"], None, r"Wrap it in a list: \['anna'\]"),
    "a-single-name-weighted": ("anna", ["f"], [1], r"Wrap it in a list: \['anna'\]"),
    "negative": (NAMES, LABELS, [1, -1] * 4, WEIGHTS_MUST + "got a negative value"),
    "negative-number": (NAMES, LABELS, -1, WEIGHTS_MUST + "got a negative value"),
    "too-few": (NAMES, LABELS, [1], WEIGHTS_MUST + r"got shape \(1,\)"),
    "all-zero": (NAMES, LABELS, [0] * 8, WEIGHTS_MUST + "got only zeros"),
    "not-numbers": (NAMES, LABELS, ["a"] * 8, WEIGHTS_MUST + "not real numbers"),
}


@pytest.mark.parametrize("case", list(NAME_LABEL_SCORES))
def test_name_label_score_refuses_what_fit_refuses(made, case):
    X, y, weights, message = NAME_LABEL_SCORES[case]
    classifier = pickle.loads(made["name-label", True])
    call = lambda est: est.score(X, y, sample_weight=weights)  # noqa: E731
    assert_fails_and_changes_nothing(classifier, call)
    with pytest.raises((ValueError, TypeError), match=message):
        call(classifier)


def test_name_label_score_takes_one_number_for_every_name(made):
    classifier = pickle.loads(made["name-label", True])
    expected = classifier.score(NAMES, LABELS)
    assert classifier.score(NAMES, LABELS, sample_weight=2) == expected


# The sampler's controls, each given a value it refuses: (id, sample's keywords).
SAMPLE_REQUESTS = [
    ("n_samples", {"n_samples": -1}),
    ("prefix-unknown", {"prefix": "q9"}),
    ("prefix-too-long", {"prefix": "a" * 50}),
    ("pattern-invalid", {"pattern": "("}),
    ("pattern-whitespace", {"pattern": " a"}),
    ("pattern-and-prefix", {"prefix": "b", "pattern": "a.*"}),
    ("pattern-lengths", {"pattern": "a"}),
    ("novel", {"novel": "yes"}),
    ("unique", {"unique": "yes"}),
    ("exclude", {"exclude": 3}),
    ("max_rounds", {"max_rounds": 0}),
    ("match_lengths", {"match_lengths": "yes"}),
    ("keep_spelling", {"keep_spelling": "yes"}),
    ("return_scores", {"return_scores": "yes"}),
    ("min_label_proba", {"min_label_proba": 2.0}),
    ("label", {"label": "zz"}),
    ("random_state", {"random_state": "a"}),
]
# Parameters of the sampler that sample refuses (set_params does not check).
SAMPLER_SETTINGS = [
    ("temperature", {"temperature": -1.0}),
    ("top_k", {"top_k": 0}),
    ("top_p", {"top_p": 2.0}),
    ("lengths", {"min_length": 5, "max_length": 3}),
]


def _cases(table, *, fitted):
    state = "fitted" if fitted else "unfitted"
    return [
        (f"{state}-{kind}-{what}", (kind, call, fitted))
        for kinds, what, call in table
        for kind in kinds
    ]


@pytest.fixture(scope="module")
def made():
    """Each estimator, unfitted and fitted once, as bytes (each test loads a copy)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {
            (name, fitted): pickle.dumps(fit(make()) if fitted else make())
            for name, (make, fit) in ESTIMATORS.items()
            for fitted in (False, True)
        }


def _state():
    """Everything a failed call must leave alone, besides the estimator."""
    return pickle.dumps(check_random_state(None).get_state(legacy=False))


def assert_fails_and_changes_nothing(estimator, call, *given):
    """``call(estimator)`` raises a ValueError or TypeError and changes neither
    the estimator, nor NumPy's global generator, nor the objects ``given``."""
    before = [pickle.dumps(estimator), _state(), pickle.dumps(given)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises((ValueError, TypeError)):
            call(estimator)
    assert pickle.dumps(estimator) == before[0], "the estimator changed"
    assert _state() == before[1], "NumPy's global generator was drawn from"
    assert pickle.dumps(given) == before[2], "a random_state given was drawn from"


FAILED_CALLS = (
    _cases(FIT_CALLS, fitted=False)
    + _cases(FIT_CALLS, fitted=True)
    + _cases(FITTED_CALLS, fitted=True)
)


def test_a_failed_call_changes_nothing(made):
    # Over a hundred calls of milliseconds each: one item runs them all and
    # names every failing call (tests/_cases.py).
    def check(kind, call, fitted):
        assert_fails_and_changes_nothing(pickle.loads(made[kind, fitted]), call)

    run_cases(FAILED_CALLS, check, at_least=142)


@pytest.mark.parametrize("seed", ["RandomState", "None"])
@pytest.mark.parametrize("kind", SAMPLERS)
@pytest.mark.parametrize(
    "request_", [p for _, p in SAMPLE_REQUESTS], ids=[i for i, _ in SAMPLE_REQUESTS]
)
def test_a_refused_sample_request_draws_nothing(made, kind, request_, seed):
    # None: NumPy's global generator, which a refused request leaves alone too.
    sampler = pickle.loads(made[kind, True])
    rng = np.random.RandomState(5) if seed == "RandomState" else None
    keywords = {"n_samples": 2, "random_state": rng, **request_}
    assert_fails_and_changes_nothing(sampler, lambda s: s.sample(**keywords), rng)


@pytest.mark.parametrize(
    "settings", [p for _, p in SAMPLER_SETTINGS], ids=[i for i, _ in SAMPLER_SETTINGS]
)
def test_a_sampler_setting_refused_at_sample_draws_nothing(made, settings):
    sampler = pickle.loads(made["sampler", True]).set_params(**settings)
    rng = np.random.default_rng(5)
    call = lambda s: s.sample(2, random_state=rng)  # noqa: E731
    assert_fails_and_changes_nothing(sampler, call, rng)


# A parameter of each kind and a valid value other than its own, set before the
# wrong key: scikit-learn's set_params would have set it.
NEW_VALUES = {
    "transformer": {"context_length": 3},
    "mlp": {"max_iter": 3},
    "mlp-labels": {"max_iter": 3},
    "kneser-ney": {"add_k": 1},
    "mixture": {"validation_fraction": 0.3},
    "per-label": {"n_jobs": 2},
    "name-label": {"cv": 3},
    "sampler": {"temperature": 0.5},
    "sampler-mlp": {"temperature": 0.5},
    "sampler-labels": {"temperature": 0.5},
}


@pytest.mark.parametrize("fitted", [False, True], ids=["unfitted", "fitted"])
@pytest.mark.parametrize("kind", list(ESTIMATORS))
def test_set_params_with_one_wrong_key_sets_none(made, kind, fitted):
    estimator = pickle.loads(made[kind, fitted])
    [(name, value)] = NEW_VALUES[kind].items()
    assert estimator.get_params(deep=False)[name] != value  # else the test is void
    call = lambda e: e.set_params(**{name: value, "not_a_parameter": 1})  # noqa: E731
    assert_fails_and_changes_nothing(estimator, call)


# Fits of the MLP refused for the user's input although the same fit with
# other data or parameters would draw from random_state before reaching the
# check: the checks come before the first draw. (changed: the parameters set
# after a first fit, for a warm start; None for no first fit.)
REFUSED_BEFORE_DRAWING = {
    "validation-set-too-small": (
        dict(early_stopping=True),
        None,
        lambda est: est.fit(_windows(["asha"])),
    ),
    "validation-set-of-weight-0": (
        dict(early_stopping=True),
        None,
        lambda est: est.fit(WINDOWS, sample_weight=[1] + [0] * 7),
    ),
    "a-label-without-training-names": (
        dict(early_stopping=True, validation_fraction=0.5),
        None,
        lambda est: est.fit(WINDOWS, list("abcdefgg")),
    ),
    "weights-beyond-memory": (
        dict(early_stopping=True, hidden_layer_sizes=(10**12,)),
        None,
        lambda est: est.fit(WINDOWS),
    ),
    "warm-start-other-vocabulary": (
        dict(warm_start=True, early_stopping=True),
        {},
        lambda est: est.fit(_windows(["abc"], alphabet="abc")),
    ),
    "warm-start-other-architecture": (
        dict(warm_start=True, early_stopping=True),
        dict(embedding_dim=3),
        lambda est: est.fit(WINDOWS),
    ),
    "warm-start-other-label-embedding": (
        dict(warm_start=True, early_stopping=True, label_embedding_dim=2),
        dict(label_embedding_dim=3),
        lambda est: est.fit(WINDOWS, LABELS),
    ),
    "partial_fit-other-architecture": (
        {},
        dict(embedding_dim=3),
        lambda est: est.partial_fit(WINDOWS),
    ),
}


def _fitted_mlp(random_state, params, changed):
    model = _mlp(random_state).set_params(**params)
    if changed is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model.fit(WINDOWS, LABELS if "label_embedding_dim" in changed else None)
        model.set_params(**changed)
    return model


@pytest.mark.parametrize("seed", ["RandomState", "None"])
@pytest.mark.parametrize("case", list(REFUSED_BEFORE_DRAWING))
def test_a_fit_refused_for_its_input_draws_nothing(case, seed):
    params, changed, call = REFUSED_BEFORE_DRAWING[case]
    rng = np.random.RandomState(0) if seed == "RandomState" else None
    assert_fails_and_changes_nothing(_fitted_mlp(rng, params, changed), call)


# Members of a mixture refused: they are checked before its hold-out draws its
# seed (a RandomState given, or NumPy's global one for None), so nothing drew.
REFUSED_MEMBERS = {
    "bad-parameter": lambda: _mlp().set_params(max_iter=-1),
    "weights-beyond-memory": lambda: _mlp().set_params(hidden_layer_sizes=(10**12,)),
}


@pytest.mark.parametrize("seed", ["RandomState", "None"])
@pytest.mark.parametrize("member", list(REFUSED_MEMBERS))
def test_a_mixture_whose_member_is_refused_draws_nothing(member, seed):
    rng = np.random.RandomState(0) if seed == "RandomState" else None
    mixture = _mixture(random_state=rng).set_params(add1=REFUSED_MEMBERS[member]())
    assert_fails_and_changes_nothing(mixture, lambda est: est.fit(WINDOWS))


# A NameLabelClassifier fits its pipelines (and, calibrated, its folds) one
# after the other; the first draws from NumPy's global generator (its
# random_state is None). A later one refused for the names it is fitted on
# (each fold's names, with calibration) is refused before the first draws.
REFUSED_LATER_PIPELINES = {
    "count-order": lambda: PerLabelClassifier(KneserNeyClassifier(order=4)),
    "count-weights": lambda: PerLabelClassifier(KneserNeyClassifier()),
    "early-stopping": lambda: _mlp(early_stopping=True, validation_fraction=0.9),
}


@pytest.mark.parametrize("calibration", [None, "temperature"])
@pytest.mark.parametrize("later", list(REFUSED_LATER_PIPELINES))
def test_a_name_label_ensemble_refused_for_a_later_pipeline_draws_nothing(
    later, calibration
):
    pipes = [
        _pipe(("clf", _mlp(None))),
        _pipe(("clf", REFUSED_LATER_PIPELINES[later]())),
    ]
    clf = NameLabelClassifier(pipes, calibration=calibration, cv=2)
    weights = [1.5] * len(NAMES) if later == "count-weights" else None  # whole for KN
    assert_fails_and_changes_nothing(
        clf, lambda est: est.fit(NAMES, LABELS, sample_weight=weights)
    )


# On arrays, the rows held out decide the members' training rows: the split is
# checked with the seed the hold-out would draw, before it draws. Six rows of
# one context, half held out: an MLP's early stopping holds out 0.7 of the
# three others and leaves none to train on.
ONE_CONTEXT = np.ones((6, 1), dtype=int), list("abbaba")


@pytest.mark.parametrize("seed", ["RandomState", "None"])
def test_a_mixture_on_arrays_refused_for_its_training_rows_draws_nothing(seed):
    rng = np.random.RandomState(0) if seed == "RandomState" else None
    member = _mlp(early_stopping=True, validation_fraction=0.7)
    mixture = _mixture(random_state=rng, validation_fraction=0.5)
    mixture.set_params(add1=member)
    assert_fails_and_changes_nothing(mixture, lambda est: est.fit(*ONE_CONTEXT))
    with pytest.raises(ValueError, match="0.7 of 3 rows leaves 0 for training"):
        mixture.fit(*ONE_CONTEXT)


class SeenWeights:
    """A callback that records the embeddings at the start of each task."""

    def __init__(self):
        self.seen = []

    def setup(self, estimator, context):
        pass

    def on_fit_task_begin(self, estimator, context, **kwargs):
        self.seen.append(estimator.embeddings_.copy())

    def on_fit_task_end(self, estimator, context, **kwargs):
        pass

    def teardown(self, estimator, context):
        pass


@pytest.mark.parametrize("seed", ["RandomState", "None"])
def test_a_diverged_fit_draws_as_any_fit_so_a_retry_starts_elsewhere(seed):
    # Random restarts: the estimator is left as it was, the generator is not.
    rng = np.random.RandomState(0) if seed == "RandomState" else None
    model = _mlp(rng, learning_rate_init=1e30)
    model.set_callbacks(first := SeenWeights())
    before, starts = pickle.dumps(model.get_params(deep=False)), []
    for _ in range(2):
        starts.append(len(first.seen))  # the fit's task begins first, then epochs'
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with pytest.raises(ValueError, match="Training diverged"):
                model.fit(WINDOWS)
    assert not hasattr(model, "coefs_")
    assert not np.array_equal(first.seen[starts[0]], first.seen[starts[1]])
    if rng is not None:
        assert pickle.dumps(model.get_params(deep=False)) != before  # rng advanced


# ---------------------------------------------------------------- the command line


@pytest.fixture(scope="module")
def names_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("names") / "names.txt"
    path.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "argv",
    [
        ["{missing}"],
        ["{names}", "--context-length", "0"],
        ["{names}", "--labels", "{missing}"],
        ["{names}", "--resume", "{names}"],
        ["{names}", "--alphabet", "xyz", "--handle-unknown", "error"],
        ["{names}", "--validation-fraction", "0.99"],
    ],
    ids=["no-names-file", "bad-value", "no-labels-file", "resume-no-model",
         "unknown-characters", "validation-too-large"],
)  # fmt: skip
@pytest.mark.parametrize("force", [True, False], ids=["force", "no-force"])
def test_a_failed_train_leaves_the_output_file_as_it_was(
    argv, force, names_file, tmp_path, capsys
):
    output = tmp_path / "model.skops"
    output.write_bytes(b"an existing file \x00\xff")
    paths = {"names": str(names_file), "missing": str(tmp_path / "missing.txt")}
    argv = [part.format(**paths) for part in argv]
    extra = ["--max-iter", "1", "-q", "-o", str(output)] + (["--force"] * force)
    assert main(["train", *argv, *extra]) != 0
    assert "Traceback" not in capsys.readouterr().err
    assert output.read_bytes() == b"an existing file \x00\xff"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.skops"]


class StopsTheFit(FailsAtTheEnd):
    """FailsAtTheEnd, raising ``error`` at ``hook`` (its end or its teardown)."""

    def __init__(self, hook, error):
        self.hook, self.error = hook, error

    def on_fit_task_end(self, estimator, context, **kwargs):
        if self.hook == "end":
            raise self.error

    def teardown(self, estimator, context):
        if self.hook == "teardown":
            raise self.error


# A mixture's fit stopped as it ends: (hook, what is raised there).
STOPS = {
    "end-MemoryError": None,  # FailsAtTheEnd itself
    "end-KeyboardInterrupt": ("end", KeyboardInterrupt()),
    "teardown-KeyboardInterrupt": ("teardown", KeyboardInterrupt()),
    "teardown-OSError": ("teardown", OSError("simulated: the log's disk is full")),
}


@pytest.mark.parametrize("case", list(STOPS))
def test_a_mixture_stopped_by_its_callback_draws_nothing(case):
    # Its members (counts) draw nothing: the hold-out's draw is given back.
    stop = STOPS[case]
    callback = FailsAtTheEnd() if stop is None else StopsTheFit(*stop)
    mixture = _mixture(random_state=np.random.RandomState(0))
    mixture.set_callbacks(callback)
    before = pickle.dumps(mixture)  # its RandomState's state too
    with pytest.raises((MemoryError, KeyboardInterrupt, OSError)):
        mixture.fit(WINDOWS)
    assert pickle.dumps(mixture) == before
