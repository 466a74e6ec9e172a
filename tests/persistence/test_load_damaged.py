"""Model files edited by hand (or damaged) are refused by load_model, clearly.

Each case edits one fitted attribute (or parameter) of a fitted model, writes the
file past save_model (which would refuse it) with skops or joblib, and expects a
DamagedModelError that names the file, the estimator, the part at fault and what
to do. With the check of the fitted state switched off, the same file loads and
its first use fails deep inside (an AttributeError, an IndexError, a TypeError)
or silently misbehaves: the check is what turns it into a clear error at load.
"""

import copy

import joblib
import numpy as np
import pytest
import skops.io
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import Pipeline, make_pipeline

import sknextchar._state_checks
import sknextchar._step_checks
from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    NameLabelClassifier,
    NameSampler,
    PerLabelClassifier,
    load_model,
)
from sknextchar.datasets import load_indian_names
from sknextchar.exceptions import DamagedModelError

NAMES = load_indian_names()[::40][:40]
LABELS = ["f" if name.endswith(("a", "i")) else "m" for name in NAMES]


def _mlp():
    return CharEmbeddingMLPClassifier(
        embedding_dim=4, hidden_layer_sizes=(8,), max_iter=2, random_state=0
    )


def _windows():
    return ContextWindowTransformer(context_length=2)


@pytest.fixture(scope="module")
def fitted():
    """One fitted model of each kind, shared: every test edits a deep copy."""
    mixture = MixtureClassifier(
        [("kn", KneserNeyClassifier()), ("mlp", _mlp())], weights=[0.5, 0.5]
    )
    return {
        "mlp": make_pipeline(_windows(), _mlp()).fit(NAMES),
        "kn": make_pipeline(_windows(), KneserNeyClassifier()).fit(NAMES),
        "mixture": make_pipeline(_windows(), mixture).fit(NAMES),
        "sampler": NameSampler(make_pipeline(_windows(), _mlp())).fit(NAMES),
        "labelled": NameSampler(make_pipeline(_windows(), _mlp())).fit(NAMES, LABELS),
        "per_label": NameSampler(
            make_pipeline(_windows(), PerLabelClassifier(KneserNeyClassifier()))
        ).fit(NAMES, LABELS),
        "by_label": NameLabelClassifier(make_pipeline(_windows(), _mlp())).fit(
            NAMES, LABELS
        ),
    }


def _dump(model, path):
    """Write ``model`` as a tampering user would: with joblib or skops directly."""
    if path.suffix == ".joblib":
        joblib.dump(model, path)
    else:
        skops.io.dump(model, path)
    return path


# ----------------------------------------------------------------- the edits
def _drop(name):
    def edit(obj):
        del obj.__dict__[name]

    return edit


def _set(name, value):
    def edit(obj):
        obj.__dict__[name] = value

    return edit


def _map(name, function):
    def edit(obj):
        obj.__dict__[name] = function(obj.__dict__[name])

    return edit


def _clf(model):
    return model[-1]


def _model(sampler):
    return sampler.estimator_[-1]


def _member(i):
    return lambda model: model[-1].estimators_[i]


def _swap_classes(classes):
    """The classes with their second and third swapped (an edit that keeps them)."""
    return classes[[0, 2, 1, *range(3, len(classes))]]


def _swap_two(vocabulary):
    """The vocabulary with its first two letters swapped (after the end marker)."""
    return (vocabulary[0], vocabulary[2], vocabulary[1], *vocabulary[3:])


# ------------------------------------------------------------- first uses
def _partial_fit(pipe):
    pipe[-1].partial_fit(pipe[0].transform(NAMES[:5]))


def _predict(pipe):
    pipe.predict_proba(NAMES[:3])


def _sample_lengths(sampler):
    sampler.sample(3, random_state=0, match_lengths=True)


def _sample_f(sampler):
    sampler.sample(3, random_state=0, label="f", match_lengths=True)


def _member_predicts_as_mixture(pipe):
    # Each member's own predictions, named by its classes_, are the mixture's
    # columns: an edited classes_ names another symbol.
    contexts = pipe[0].transform(NAMES[:5]).contexts
    for member in pipe[-1].estimators_:
        best = pipe[-1].classes_[member.predict_proba(contexts).argmax(axis=1)]
        if not np.array_equal(member.predict(contexts), best):
            raise RuntimeError("a member names its predictions by other symbols")


def _predict_with_labels(sampler):
    # Each label's model reads the contexts the classifier passes it.
    sampler.estimator_.predict_proba(NAMES[:5], labels=LABELS[:5])


def _partial_fit_changes_nothing(pipe):
    before = pipe[-1].coefs_[0].copy()
    _partial_fit(pipe)
    if np.array_equal(before, pipe[-1].coefs_[0]):
        raise RuntimeError("partial_fit left every weight as it was")


def _only_training_names(sampler):
    if not sampler.in_training_set(NAMES[:5]).all():
        raise RuntimeError("in_training_set misses the training names")


def _sample_training_lengths(sampler):
    # Without the record, the default length bounds and match_lengths are lost.
    lengths = {
        len(name) for name in sampler.sample(20, random_state=0, match_lengths=True)
    }
    low, high = min(map(len, NAMES)), max(map(len, NAMES))
    if not all(low <= length <= high for length in lengths):
        raise RuntimeError(
            f"names of {sorted(lengths)} letters, not of {low} to {high}"
        )


def _length_range(sampler):
    low, high = sampler.training_length_range()
    lengths = [len(name) for name in NAMES]
    if (low, high) != (min(lengths), max(lengths)):
        raise RuntimeError(f"training_length_range() is {(low, high)}")


# (model, where, edit, the part the message names, a first use that fails)
CASES = {
    # KneserNeyClassifier: the raw counts and their tables.
    "kn-counts-missing": (
        "kn", _clf, _drop("_top_counts"), "has no _top_counts", _partial_fit
    ),
    "kn-counts-dtype": (
        "kn", _clf, _map("_top_counts", lambda c: c.astype(str)),
        "_top_counts is not one positive int count", _partial_fit,
    ),
    "kn-counts-length": (
        "kn", _clf, _map("_top_counts", lambda c: c[:-1]),
        "_top_counts is not one positive int count", _partial_fit,
    ),
    "kn-keys-shape": (
        "kn", _clf, _map("_top_keys", lambda k: k[None]),
        "_top_keys is not a 1-d array", _partial_fit,
    ),
    "kn-keys-range": (
        "kn", _clf, _map("_top_keys", lambda k: k * 100),
        "_top_keys holds a key outside [0, 27**3)", None,
    ),  # ngram_counts reports n-grams never seen; partial_fit adds to them
    "kn-base": (
        "kn", _clf, _map("_base", lambda b: b + 5),
        "_base=32 is not the number of symbols", _predict,
    ),
    "kn-n-symbols": (
        "kn", _clf, _set("_n_symbols", None), "its _n_symbols is None", _partial_fit
    ),
    "kn-tables-missing": ("kn", _clf, _drop("_tables"), "has no _tables", _predict),
    "kn-tables-order": (
        "kn", _clf, _map("_tables", lambda t: t[:1]),
        "count tables end at order 1, not at order_=3", None,
    ),  # a unigram model, silently
    "kn-windows-count": (
        "kn", _clf, _set("n_windows_", "many"), "n_windows_ is not the number",
        _partial_fit,
    ),
    "kn-classes": (
        "kn", _clf, _set("classes_", None), "its classes_ is None", _predict
    ),
    "kn-classes-type": (
        "kn", _clf, _set("classes_", "ab"), "its classes_ is not a 1-d array", _predict
    ),
    "kn-context-length": (
        "kn", _clf, _set("n_features_in_", "two"), "n_features_in_ is not a positive",
        _predict,
    ),
    "kn-discounts-not-finite": (
        "kn", _clf, _map("discounts_", lambda d: d * np.nan),
        "its discounts_ are not order_=3 rows of 3 discounts", None,
    ),  # reported as they are (predictions come from the tables), silently
    "kn-discounts-range": (
        "kn", _clf, _map("discounts_", lambda d: d - 2), "its discounts_ are not", None,
    ),  # negative discounts reported, silently
    "kn-discounts-above-bound": (
        "kn", _clf, _map("discounts_", lambda d: d + [1.0, 0, 0]),
        "its discounts_ are not", None,
    ),  # a D1 above 1 reported, silently
    "kn-discounts-shape": (
        "kn", _clf, _map("discounts_", lambda d: d[:1]), "its discounts_ are not", None,
    ),  # the discounts of orders 2 and 3 lost, silently
    "kn-count-of-counts": (
        "kn", _clf, _map("count_of_counts_", lambda c: -c),
        "its count_of_counts_ are not order_=3 rows of 4 counts >= 0", None,
    ),  # negative counts of counts reported, silently
    "kn-fallback-orders": (
        "kn", _clf, _set("fallback_orders_", [7]),
        "its fallback_orders_ is not a list of orders from 1 to 3", None,
    ),  # an order the model does not have reported, silently
    "kn-n-ngrams": (
        "kn", _clf, _set("n_ngrams_", -1),
        "its n_ngrams_=-1 is not the number of n-grams of its tables", None,
    ),  # reported (sknextchar counts sums it), silently
    # A pipeline whose transformer and model disagree (a symbol taken out, or
    # two swapped): every use failed, without the file's name.
    "pipeline-classes-swapped": (
        "kn", _clf, _map("classes_", lambda c: c[[0, 2, 1, *range(3, len(c))]]),
        "its Pipeline is damaged (its steps disagree: the transformer's vocabulary "
        "is not the model's classes_ (the same symbols in another order", _predict,
    ),
    "pipeline-symbol-removed": (
        "kn", lambda m: m[0], _map("vocabulary_", lambda v: v[:-1]),
        "classes_ (only classes_ has 'z')", _predict,
    ),
    "pipeline-vocabulary-swapped": (
        "mlp", lambda m: m[0], _map("vocabulary_", _swap_two),
        "its steps disagree: the transformer's vocabulary is not", _predict,
    ),
    "sampler-pipeline-steps": (
        "sampler", _model, _map("classes_", lambda c: c[[0, 2, 1, *range(3, len(c))]]),
        "its NameSampler is damaged (its estimator_'s steps disagree",
        _sample_lengths,
    ),
    "by-label-pipeline-steps": (
        "by_label", lambda c: c.pipelines_[0][0], _map("vocabulary_", _swap_two),
        "its NameLabelClassifier is damaged (its pipelines_[0]'s steps disagree",
        None,
    ),  # each letter scored as another, silently
    # ContextWindowTransformer
    "vocabulary-missing": (
        "kn", lambda m: m[0], _drop("vocabulary_"), "has no vocabulary_", _predict
    ),
    "vocabulary-none": (
        "kn", lambda m: m[0], _set("vocabulary_", None), "vocabulary_ is None",
        _predict,
    ),
    "vocabulary-empty": (
        "kn", lambda m: m[0], _set("vocabulary_", ()), "its vocabulary_ is not a",
        _predict,
    ),
    "later-step-flag": (
        "kn", lambda m: m[0], _set("_later_step_failed", np.zeros(2, dtype=bool)),
        "_later_step_failed is not a single boolean", _predict,
    ),
    # CharEmbeddingMLPClassifier: the network, its labels and training state.
    "mlp-embeddings-missing": (
        "mlp", _clf, _drop("embeddings_"), "has no embeddings_", _predict
    ),
    "mlp-classes-missing": (
        "mlp", _clf, _drop("classes_"), "has no classes_", _predict
    ),
    "adam-moments-shape": (
        "mlp", lambda m: m[-1]._optimizer, _map("vs", lambda v: [v[0][:-1]]),
        "optimizer's moments (_optimizer.ms, .vs) are not 2 arrays", _partial_fit,
    ),
    "adam-moments-missing": (
        "mlp", lambda m: m[-1]._optimizer, _set("vs", []),
        "optimizer's moments (_optimizer.ms, .vs) are not 2 arrays",
        _partial_fit_changes_nothing,
    ),
    "adam-step-count": (
        "mlp", lambda m: m[-1]._optimizer, _set("t", -1),
        "step count (_optimizer.t) is not an int >= 0", _partial_fit,
    ),
    "mlp-optimizer-type": (
        "mlp", _clf, _set("_optimizer", "adam"), "optimizer's moments", _partial_fit
    ),
    "mlp-loss-curve": (
        "mlp", _clf, _set("loss_curve_", None), "its loss_curve_ is None", _partial_fit
    ),
    "mlp-step-total": ("mlp", _clf, _drop("t_"), "has no t_", _partial_fit),
    "mlp-step-total-type": (
        "mlp", _clf, _set("t_", "many"), "its t_ is not an int >= 0", _partial_fit
    ),
    "mlp-best-loss": (
        "mlp", _clf, _set("best_loss_", "low"), "its best_loss_ is not a number",
        _partial_fit,
    ),
    "mlp-weights-epoch-range": (
        "mlp", _clf, _set("_weights_epoch", 5),
        "its _weights_epoch 5 (the epoch whose weights early stopping kept) is not "
        "an int from 0 to 2", None,
    ),  # ignored by trained_epochs: partial_fit keeps every epoch, silently
    "mlp-weights-epoch-type": (
        "mlp", _clf, _set("_weights_epoch", "1"), "its _weights_epoch '1'", None,
    ),  # ignored by trained_epochs, silently
    "mlp-patience": (
        "mlp", _clf, _drop("_no_improvement_count"), "has no _no_improvement_count",
        _partial_fit,
    ),
    "mlp-label-table": (
        "labelled", _model, _map("label_embeddings_", lambda t: t[:1]),
        "label_embeddings_ has 1 rows for the 2 labels",
        lambda s: s.sample(3, random_state=0, label="m"),
    ),
    "mlp-labels-unsorted": (
        "labelled", _model, _map("label_classes_", lambda c: c[::-1].copy()),
        "label_classes_ is not a 1-d array of sorted", None,
    ),  # each label's names come from the other label's embedding, silently
    # NameSampler: its pipeline and its record of the training names.
    "sampler-estimator-missing": (
        "sampler", lambda s: s, _drop("estimator_"), "has no estimator_",
        _sample_lengths,
    ),
    "sampler-vocabulary": (
        "sampler", lambda s: s, _set("vocabulary_", None), "vocabulary_ is None",
        _sample_lengths,
    ),
    "lengths-missing": (
        "sampler", lambda s: s, _drop("training_length_counts_"),
        "record of the training names is incomplete", _sample_lengths,
    ),
    "lengths-none": (
        "sampler", lambda s: s, _set("training_length_counts_", None),
        "record of the training names is incomplete", _sample_training_lengths,
    ),
    "lengths-negative": (
        "sampler", lambda s: s, _map("training_length_counts_", lambda c: c - 1),
        "training_length_counts_ is not a 1-d array of counts", _length_range,
    ),
    "lengths-not-finite": (  # (fractional counts are a weighted fit's)
        "sampler", lambda s: s, _map("training_length_counts_", lambda c: c * np.nan),
        "training_length_counts_ is not a 1-d array of counts", None,
    ),  # match_lengths draws with these weights, silently
    "lengths-dimension": (
        "sampler", lambda s: s, _map("training_length_counts_", lambda c: c[None]),
        "training_length_counts_ is not a 1-d array of counts", _sample_lengths,
    ),
    "name-hashes-unsorted": (
        "sampler", lambda s: s, _map("training_name_hashes_", lambda h: h[::-1].copy()),
        "training_name_hashes_ is not a sorted", _only_training_names,
    ),
    "spelling-record-shape": (
        "sampler", lambda s: s, _map("training_transitions_", lambda p: p.ravel()),
        "training_transitions_ is not None or an array of strings", None,
    ),  # refused at the first sample, without the file's name
    "spelling-record-numbers": (
        "sampler", lambda s: s,
        _map("training_transitions_", lambda p: np.zeros(p.shape)),
        "training_transitions_ is not None or an array of strings", None,
    ),  # read as unknown kinds: no spelling test, silently
    "lengths-by-label-negative": (
        "labelled", lambda s: s,
        _map("training_length_counts_by_label_", lambda c: -c),
        "training_length_counts_by_label_ is not an array of counts", _sample_f,
    ),
    "lengths-by-label-not-finite": (
        "labelled", lambda s: s,
        _map("training_length_counts_by_label_", lambda c: c + np.inf),
        "training_length_counts_by_label_ is not an array of counts", None,
    ),  # match_lengths draws with these weights, silently
    "lengths-by-label-dimension": (
        "labelled", lambda s: s,
        _map("training_length_counts_by_label_", lambda c: c[:, :-1]),
        "training_length_counts_by_label_ is not an array of counts", None,
    ),  # the lengths of the longest names are dropped, silently
    # MixtureClassifier, PerLabelClassifier, NameLabelClassifier
    "mixture-weights": (
        "mixture", _clf, _map("weights_", lambda w: w[:1]), "its weights_ are not one",
        None,
    ),  # the mixture is its first member alone, silently
    "mixture-members": (
        "mixture", _clf, _map("estimators_", lambda e: e[:1]),
        "its weights_ are not one", _predict,
    ),
    "mixture-member-classes": (
        "mixture", _clf, _map("classes_", lambda c: np.array([*c[:-1], "?"])),
        "its estimators_[0]'s classes_ are not the mixture's classes_", _predict,
    ),
    "mixture-member-classes-swapped": (
        "mixture", _member(0), _map("classes_", _swap_classes),
        "its estimators_[0]'s classes_ are the mixture's classes_ in another order: "
        "the member names its predictions by other symbols",
        _member_predicts_as_mixture,
    ),
    "mixture-mlp-classes-swapped": (
        "mixture", _member(1), _map("classes_", _swap_classes),
        "its estimators_[1]'s classes_ are the mixture's classes_ in another order",
        _member_predicts_as_mixture,
    ),
    "mixture-member-context-length": (
        "mixture", _member(0), _set("n_features_in_", 3),
        "its estimators_[0] has n_features_in_=3, not the mixture's "
        "n_features_in_=2", _predict,
    ),
    "per-label-model-context-length": (
        "per_label", lambda s: _model(s).estimators_[1], _set("n_features_in_", 3),
        "its estimators_[1] has n_features_in_=3, not the PerLabelClassifier's "
        "n_features_in_=2", _predict_with_labels,
    ),
    "per-label-context-length": (
        "per_label", _model, _set("n_features_in_", 3),
        "its estimators_[0] has n_features_in_=2, not the PerLabelClassifier's "
        "n_features_in_=3", _sample_f,
    ),
    "per-label-models-missing": (
        "per_label", _model, _drop("estimators_"), "has no estimators_", _sample_f
    ),
    "per-label-labels-unsorted": (
        "per_label", _model, _map("label_classes_", lambda c: c[::-1].copy()),
        "its label_classes_ is not a 1-d array of sorted",
        lambda s: s.sample(3, random_state=0, label="m"),
    ),
    "per-label-classes": (
        "per_label", _model, _drop("classes_"), "has no classes_", _sample_f
    ),
    "by-label-prior": (
        "by_label", lambda c: c, _map("class_prior_", lambda p: p[:1]),
        "class_prior_ is not one number", None,
    ),  # one prior broadcast to every label, silently
    "by-label-class-count": (
        "by_label", lambda c: c, _map("class_count_", lambda c: c[:1]),
        "its class_count_ is not one number >= 0 per label of classes_", None,
    ),  # one count for two labels, silently
    "by-label-temperature-type": (
        "by_label", lambda c: c, _set("temperature_", "warm"),
        "its temperature_ is not a finite number", lambda c: c.predict(NAMES[:3]),
    ),
    "by-label-temperature": (
        "by_label", lambda c: c, _set("temperature_", None), "temperature_ is None",
        lambda c: c.predict(NAMES[:3]),
    ),
    "by-label-classes": (
        "by_label", lambda c: c, _map("classes_", lambda c: c[:1]),
        "class_prior_ is not one number", lambda c: c.predict(NAMES[:3]),
    ),
    "by-label-unknown-label": (
        "by_label", lambda c: c, _set("classes_", np.array(["f", "x"])),
        "its pipelines_[0] is not a pipeline fitted with its labels",
        lambda c: c.predict(NAMES[:3]),
    ),
    "by-label-pipeline-type": (
        "by_label", lambda c: c, _set("pipelines_", ["a pipeline"]),
        "its pipelines_[0] is not a pipeline", lambda c: c.predict(NAMES[:3]),
    ),
    "by-label-pipelines": (
        "by_label", lambda c: c, _drop("pipelines_"), "has no pipelines_",
        lambda c: c.predict(NAMES[:3]),
    ),
}  # fmt: skip


def _edited(fitted, kind, where, edit):
    model = copy.deepcopy(fitted[kind])
    edit(where(model))
    return model


def _in_each_format():
    """Every case saved as skops (the default format); as joblib, the first case
    of each kind of model in the default run and the rest among the slow tests:
    the checks run on the loaded object, whichever format it was read from."""
    first_of_kind = {}
    for case in sorted(CASES):
        first_of_kind.setdefault(CASES[case][0], case)
    for case in sorted(CASES):
        for fmt in ("skops", "joblib"):
            sweep = fmt == "joblib" and case not in first_of_kind.values()
            marks = [pytest.mark.slow] if sweep else []
            yield pytest.param(case, fmt, marks=marks, id=f"{case}-{fmt}")


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # unchecked, they misbehave
@pytest.mark.parametrize(("case", "fmt"), list(_in_each_format()))
def test_an_edited_fitted_attribute_is_refused_at_load(
    fitted, tmp_path, monkeypatch, case, fmt
):
    kind, where, edit, part, use = CASES[case]
    path = _dump(_edited(fitted, kind, where, edit), tmp_path / f"model.{fmt}")
    with pytest.raises(DamagedModelError) as info:
        load_model(path, allow_pickle=True)
    message = str(info.value)
    assert part in message
    assert f"Cannot load {str(path)!r}" in message
    assert "save the model again from the code that trained it" in message

    # Without the check, the file loads and fails (or misbehaves) at first use.
    for check in ("fitted_state_problem", "pipeline_problem"):
        monkeypatch.setattr(sknextchar._state_checks, check, lambda estimator: None)
    model = load_model(path, allow_pickle=True)
    if use is not None:
        with pytest.raises(Exception) as later:
            use(model)
        assert not isinstance(later.value, DamagedModelError)


@pytest.mark.parametrize(
    "case", sorted(case for case, (*_, use) in CASES.items() if use is not None)
)
def test_each_first_use_works_on_the_intact_model(fitted, tmp_path, case):
    # So that its failure above is the edit's doing.
    kind, *_, use = CASES[case]
    use(load_model(_dump(fitted[kind], tmp_path / "m.joblib"), allow_pickle=True))


@pytest.mark.parametrize("fmt", ["skops", "joblib"])
@pytest.mark.parametrize(
    ("kind", "where", "name"),
    [
        pytest.param("mlp", _clf, "dtype", id="classifier-dtype"),
        pytest.param("mlp", lambda m: m[0], "context_length", id="transformer"),
        pytest.param("kn", _clf, "padding", id="kneser-ney"),
        pytest.param("sampler", lambda s: s, "temperature", id="sampler"),
    ],
)
def test_a_missing_parameter_is_refused_at_load(
    fitted, tmp_path, kind, where, name, fmt
):
    # Before, load_model failed with an AttributeError from get_params.
    path = _dump(_edited(fitted, kind, where, _drop(name)), tmp_path / f"m.{fmt}")
    with pytest.raises(DamagedModelError, match=f"has no parameter '{name}'") as info:
        load_model(path, allow_pickle=True)
    assert str(path) in str(info.value)
    assert "save the model again" in str(info.value)


@pytest.mark.parametrize("value", ["float16", None, np.int64])
def test_an_invalid_dtype_is_a_damaged_model(fitted, tmp_path, value):
    # It was refused before, as a ValueError: now as the damaged model it is.
    path = _dump(
        _edited(fitted, "mlp", _clf, _set("dtype", value)), tmp_path / "m.skops"
    )
    with pytest.raises(DamagedModelError, match="invalid parameter.*'dtype'"):
        load_model(path)


@pytest.mark.parametrize("fmt", ["skops", "joblib"])
@pytest.mark.parametrize(
    "kind", ["by_label", "kn", "labelled", "mixture", "mlp", "per_label", "sampler"]
)
def test_intact_models_of_every_kind_load(fitted, tmp_path, kind, fmt):
    path = _dump(fitted[kind], tmp_path / f"m.{fmt}")
    assert type(load_model(path, allow_pickle=True)) is type(fitted[kind])


@pytest.mark.parametrize("frozen", [False, True])
def test_unfitted_models_are_not_checked(fitted, tmp_path, frozen):
    # An unfitted sampler holds an unfitted pipeline; a fitted one, over a frozen
    # pipeline, holds the fitted pipeline as a parameter too.
    pipe = make_pipeline(_windows(), KneserNeyClassifier())
    if frozen:
        sampler = NameSampler(FrozenEstimator(fitted["kn"])).fit(NAMES)
    else:
        sampler = NameSampler(pipe)
    loaded = load_model(_dump(sampler, tmp_path / "m.skops"))
    assert hasattr(loaded, "estimator_") is frozen


def test_frozen_and_skipped_steps_are_read_as_the_sampler_reads_them(fitted, tmp_path):
    # The sampler's model is found through FrozenEstimator wrappers and past
    # skipped steps, as NameSampler finds it.
    windows, model = fitted["kn"].steps
    pipe = Pipeline(
        [("skip", "passthrough"), ("windows", FrozenEstimator(windows[1])),
         ("none", None), ("clf", FrozenEstimator(FrozenEstimator(model[1])))]
    )  # fmt: skip
    sampler = NameSampler(FrozenEstimator(pipe)).fit(NAMES)
    loaded = load_model(_dump(sampler, tmp_path / "m.skops"))
    assert loaded.sample(2, random_state=0) == sampler.sample(2, random_state=0)


def test_save_model_refuses_a_model_changed_after_fitting(tmp_path):
    from sknextchar import save_model

    target = tmp_path / "model.skops"
    save_model(ContextWindowTransformer().fit(NAMES), target)  # the user's model
    before = target.read_bytes()
    transformer = ContextWindowTransformer().fit(NAMES)
    transformer.vocabulary_ = ("a",)  # changed in memory, not in a file
    with pytest.raises(ValueError, match="changed after fitting") as error:
        save_model(transformer, target)
    assert "ContextWindowTransformer is damaged (its vocabulary_" in str(error.value)
    assert "edited by hand" not in str(error.value)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.skops"]


@pytest.mark.parametrize("suffix", [".skops", ".joblib"])
def test_save_and_load_name_a_damaged_estimator_in_one_spelling(tmp_path, suffix):
    # The refusal to save rebuilt the load's "its X is damaged (...)" words.
    from sknextchar import save_model

    transformer = ContextWindowTransformer().fit(NAMES)
    transformer.vocabulary_ = ("a",)
    with pytest.raises(ValueError, match="changed after fitting") as saving:
        save_model(transformer, tmp_path / f"model{suffix}")
    with pytest.raises(DamagedModelError) as loading:
        load_model(_dump(transformer, tmp_path / f"t{suffix}"), allow_pickle=True)
    said = [str(e.value).split(": its ", 1)[1] for e in (saving, loading)]
    clause = said[1][: said[1].index(". ") + 1]
    assert clause.startswith("ContextWindowTransformer is damaged (its vocabulary_")
    assert said[0].startswith(clause)


def test_the_epoch_early_stopping_kept_loads(tmp_path):
    # A valid _weights_epoch (0 to the epochs of loss_curve_) passes its check.
    from sknextchar import save_model

    clf = CharEmbeddingMLPClassifier(
        embedding_dim=4, hidden_layer_sizes=(8,), max_iter=3, random_state=0,
        early_stopping=True, validation_fraction=0.25,
    )  # fmt: skip
    pipe = make_pipeline(_windows(), clf).fit(NAMES)
    assert 0 <= clf._weights_epoch <= len(clf.loss_curve_)
    loaded = load_model(save_model(pipe, tmp_path / "m.skops"))
    assert loaded[-1]._weights_epoch == clf._weights_epoch


def test_labels_that_are_arrays_are_a_damaged_model(fitted, tmp_path):
    # An object array of arrays compares to an array of arrays: the check of
    # sorted labels must say the file is damaged, not raise NumPy's "truth value
    # of an array is ambiguous".
    labels = np.empty(2, dtype=object)
    labels[0], labels[1] = np.array([1, 2]), np.array([3, 4])
    model = _edited(fitted, "labelled", _model, _set("label_classes_", labels))
    path = _dump(model, tmp_path / "model.joblib")
    with pytest.raises(DamagedModelError, match="label_classes_ is not a 1-d array"):
        load_model(path, allow_pickle=True)


@pytest.mark.parametrize("fmt", ["skops", "joblib"])
@pytest.mark.parametrize("entry", ["alpha", "gamma"])
def test_count_tables_whose_probabilities_do_not_sum_to_1_are_refused(
    fitted, tmp_path, entry, fmt
):
    # Each context's alpha and gamma sum to 1: edited, they loaded, and the
    # probabilities of the next symbol summed to 3 after a context seen.
    pipe = copy.deepcopy(fitted["kn"])
    windows = pipe[0].encode_prefixes(["a"])
    assert np.allclose(pipe[-1].predict_proba(windows).sum(axis=1), 1)  # intact
    pipe[-1]._tables[-1][entry] *= 3.0  # every context of the highest order
    path = _dump(pipe, tmp_path / f"m.{fmt}")
    with pytest.raises(DamagedModelError) as info:
        load_model(path, allow_pickle=True)
    message = str(info.value)
    assert f"Cannot load {str(path)!r}" in message
    assert "its alpha and gamma do not sum to 1 after each context" in message


@pytest.mark.parametrize(
    "command",
    [
        ["sample", "{path}"],
        ["score", "{path}", "anna"],
        ["train", "{names}", "--resume", "{path}", "-o", "{out}", "--max-iter", "4"],
    ],
)
def test_the_command_line_names_the_file_whose_steps_disagree(
    fitted, tmp_path, capsys, command
):
    # It said "The pipeline's steps disagree ... a refit that failed in a later
    # step" without naming the file (or, with train --resume, blamed the
    # transformer it was to be put behind).
    from sknextchar.cli import main

    edit = _map("vocabulary_", _swap_two)
    path = _dump(_edited(fitted, "mlp", lambda m: m[0], edit), tmp_path / "m.skops")
    names = tmp_path / "names.txt"
    names.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    out = tmp_path / "out.skops"
    args = [a.format(path=path, names=names, out=out) for a in command]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"Cannot load {str(path)!r}: its Pipeline is damaged" in err
    assert "its steps disagree" in err and not out.exists()


def test_save_model_refuses_a_pipeline_whose_steps_disagree(fitted, tmp_path):
    # It saved the pipeline, a file every use of which then failed.
    from sknextchar import save_model

    edit = _map("classes_", lambda c: c[[0, 2, 1, *range(3, len(c))]])
    pipe = _edited(fitted, "kn", _clf, edit)
    target = tmp_path / "model.skops"
    with pytest.raises(ValueError, match="changed after fitting") as error:
        save_model(pipe, target)
    assert "its Pipeline is damaged (its steps disagree" in str(error.value)
    assert not target.exists()


def test_the_pipeline_of_a_calibrated_classifier_of_names_is_named(tmp_path):
    # Its refusal said "its Pipeline is damaged", not which of its pipelines.
    pipe = make_pipeline(_windows(), _mlp())
    clf = NameLabelClassifier(pipe, calibration="temperature", cv=2)
    clf.fit(NAMES, LABELS)
    assert len(clf.pipelines_) == 2
    _map("vocabulary_", _swap_two)(clf.pipelines_[1][0])
    path = _dump(clf, tmp_path / "m.skops")
    with pytest.raises(DamagedModelError) as info:
        load_model(path)
    assert "its NameLabelClassifier is damaged (its pipelines_[1]'s steps" in str(
        info.value
    )


def test_discounts_at_their_upper_bounds_still_load(tmp_path):
    # The bounds of discount_fallback, which a fit may use as they are.
    pipe = make_pipeline(
        _windows(), KneserNeyClassifier(discount_fallback=(1, 2, 3))
    ).fit(["ab", "ba"])
    fell_back = np.array(pipe[-1].fallback_orders_) - 1
    assert len(fell_back)  # those orders' discounts are (1, 2, 3)
    assert (pipe[-1].discounts_[fell_back] == [1.0, 2.0, 3.0]).all()
    for fmt in ("skops", "joblib"):
        load_model(_dump(pipe, tmp_path / f"m.{fmt}"), allow_pickle=True)


def _text_pipeline(labels):
    """A user's scikit-learn text pipeline: its vectorizer has a vocabulary_."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    documents = ["good film", "bad film", "great plot", "awful plot"]
    return make_pipeline(CountVectorizer(), LogisticRegression()).fit(documents, labels)


@pytest.mark.parametrize("fmt", ["skops", "joblib"])
@pytest.mark.parametrize(
    "labels", [["pos", "neg", "pos", "neg"], [1, 0, 1, 0]], ids=["str", "int"]
)
def test_another_packages_pipeline_saves_and_loads(tmp_path, capsys, labels, fmt):
    # The check that the steps agree is for sknextchar's pipelines only: run on
    # every Pipeline, it called this one "damaged" (a CountVectorizer's words
    # are not its labels), or failed with an AttributeError (a traceback in the
    # command line) when its labels were numbers.
    from sknextchar import save_model
    from sknextchar.cli import main

    pipe = _text_pipeline(labels)
    saved = save_model(pipe, tmp_path / f"saved.{fmt}")
    path = _dump(pipe, tmp_path / f"m.{fmt}")  # the check at load, alone
    for loaded in (load_model(p, allow_pickle=True) for p in (saved, path)):
        assert (
            loaded.predict(["good plot"]).tolist()
            == pipe.predict(["good plot"]).tolist()
        )
    assert main(["sample", str(path), "--trust-pickle"]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"sknextchar: error: {str(path)!r} holds a Pipeline whose last step is a "
        "LogisticRegression, not a model saved by 'sknextchar train' (a Pipeline "
        "of a ContextWindowTransformer and a CharEmbeddingMLPClassifier).\n"
    )


@pytest.mark.parametrize(
    ("kind", "wrap", "compared"),
    [
        pytest.param("kn", lambda m: m, 1, id="pipeline"),
        pytest.param("kn", FrozenEstimator, 1, id="frozen-pipeline"),
        pytest.param("sampler", lambda m: m, 1, id="sampler"),
        pytest.param("by_label", lambda m: m, 1, id="classifier-of-names"),
    ],
)
def test_each_pipeline_s_steps_are_compared_once_at_load(
    fitted, tmp_path, monkeypatch, kind, wrap, compared
):
    # Before, a sampler's pipeline was compared by the sampler's check and
    # again by pipeline_problem, and a frozen one through its wrapper too; a
    # classifier of names' as pipelines_[0], as pipeline_ (the same) and again.
    path = _dump(wrap(fitted[kind]), tmp_path / "m.joblib")
    calls = []

    def counted(*args):
        calls.append(args[0])
        return None

    monkeypatch.setattr(sknextchar._step_checks, "steps_disagreement", counted)
    load_model(path, allow_pickle=True)
    assert len(calls) == compared
    assert len({id(transformer) for transformer in calls}) == compared
