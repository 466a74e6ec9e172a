"""Labels of names: exactly one per name, checked before training, and advice
that can be followed.

A conditional model read ``labels=`` (and ``y`` of ``score``) as one label per
name but accepted more (the extras ignored; one label per window read as the
first names'); ``NameSampler.fit`` refused a column of labels after training
the whole pipeline, in words that contradicted themselves; ``label=['f']`` was
"1 labels"; ``match_lengths`` advised ``label=None``, which a model fitted with
labels refuses; a model without labels given ``y`` spoke of CharWindows and a
type the user never passed.
"""

import warnings

import numpy as np
import pytest
from sklearn.exceptions import DataConversionWarning
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    NameLabelClassifier,
    NameSampler,
    PerLabelClassifier,
)
from sknextchar.metrics import log_likelihood

NAMES = ["anna", "bella", "carla", "dora", "bruno", "carlo", "dino", "paolo"] * 2
LABELS = (["f"] * 4 + ["m"] * 4) * 2
NEW = ["nina", "nino"]


def _mlp():
    return CharEmbeddingMLPClassifier(max_iter=3, random_state=0)


def _by_label():
    return PerLabelClassifier(KneserNeyClassifier(order=3))


def _pipe(model):
    return make_pipeline(ContextWindowTransformer(context_length=2), model)


@pytest.fixture(scope="module", params=["mlp", "per_label"])
def pipe(request):
    model = _mlp() if request.param == "mlp" else _by_label()
    return _pipe(model).fit(NAMES, LABELS)


@pytest.mark.parametrize(
    "labels, words",
    [
        (["f", "m", "f"], "got 3 labels for 2 names."),
        (["f"] * 5 + ["m"] * 5, "got 10 labels for 2 names, one per window"),
        ([], "got 0 labels for 2 names."),
        (["f"], "got 1 label for 2 names."),
    ],
)
def test_predict_takes_exactly_one_label_per_name(pipe, labels, words):
    for method in (pipe.predict_proba, pipe.predict_log_proba, pipe.predict):
        with pytest.raises(ValueError, match=r"^labels must hold one label per name"):
            method(NEW, labels=labels)
    with pytest.raises(ValueError) as e:
        pipe.predict_proba(NEW, labels=labels)
    assert words in str(e.value)
    assert "or a single label for all of them (labels='f')" in str(e.value)
    # The advice, followed: one label per name, or one label for all.
    both = pipe.predict_proba(NEW, labels=["f", "f"])
    assert np.array_equal(pipe.predict_proba(NEW, labels="f"), both)
    assert not np.array_equal(pipe.predict_proba(NEW, labels=["f", "m"]), both)


def test_score_and_log_likelihood_take_exactly_one_y_per_name(pipe):
    for score in (pipe.score, lambda X, y: log_likelihood(pipe, X, y)):
        with pytest.raises(ValueError, match=r"^y must hold one label per name") as e:
            score(NEW, ["f", "m", "m"])
        assert "got 3 labels for 2 names" in str(e.value)
        assert "(y='f')" in str(e.value)
        # Followed: one per name, or one for all.
        assert score(NEW, "f") == score(NEW, ["f", "f"])
        assert score(NEW, ["f", "m"]) != score(NEW, ["f", "f"])


def test_windows_of_some_names_still_take_a_label_per_name(pipe):
    """A subset's name_index counts the names of the whole list: the labels are
    one per name of that list (a name left out leaves a gap, not a shorter y)."""
    transformer, model = pipe[0], pipe[-1]
    names = ["nina", "nino", "dora"]
    some = transformer.transform(names).subset([True, True, False])
    with pytest.raises(ValueError, match="got 2 labels for 3 names"):
        model.predict_proba(some, labels=["f", "m"])
    with pytest.raises(ValueError, match="got 2 labels for 3 names"):
        model.score(some, ["f", "m"])
    full = model.predict_proba(transformer.transform(names), labels=["f", "m", "m"])
    kept = model.predict_proba(some, labels=["f", "m", "m"])
    assert np.array_equal(kept, full[: len(kept)])


class _CountingKneserNey(KneserNeyClassifier):
    """A model that counts its fits (a label check must come before any)."""

    fits = 0

    def fit(self, X, y=None, sample_weight=None):
        type(self).fits += 1
        return super().fit(X, y, sample_weight=sample_weight)


def _counting_sampler():
    return NameSampler(_pipe(PerLabelClassifier(_CountingKneserNey(order=3))))


def test_sampler_fit_takes_a_column_of_labels_as_a_labelled_classifier_does():
    column = np.array(LABELS).reshape(-1, 1)
    with pytest.warns(DataConversionWarning, match="column-vector y") as caught:
        sampler = _counting_sampler().fit(NAMES, column)
    with pytest.warns(DataConversionWarning, match="column-vector y") as caught_too:
        NameLabelClassifier(_pipe(_by_label())).fit(NAMES, column)
    # Both point at the user's line (they pointed inside the package).
    assert {w.filename for w in [*caught, *caught_too]} == {__file__}
    flat = _counting_sampler().fit(NAMES, LABELS)
    assert np.array_equal(
        sampler.training_length_counts_by_label_,
        flat.training_length_counts_by_label_,
    )
    assert sampler.sample(5, label="m", random_state=0) == flat.sample(
        5, label="m", random_state=0
    )


@pytest.mark.parametrize(
    "y, words",
    [
        (
            np.array([LABELS, LABELS]).T,
            "in one dimension; got an array of shape (16, 2)",
        ),
        (LABELS[:3], "got 3 labels for 16 names"),
        (np.array(LABELS[:3]).reshape(-1, 1), "got 3 labels for 16 names"),
    ],
)
def test_sampler_refuses_labels_of_the_wrong_shape_before_any_training(y, words):
    _CountingKneserNey.fits = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataConversionWarning)
        with pytest.raises(ValueError, match=r"^y must hold one label per name") as e:
            _counting_sampler().fit(NAMES, y)
    assert _CountingKneserNey.fits == 0
    assert words in str(e.value)
    # The advice, followed: one label per name, in one dimension.
    assert _counting_sampler().fit(NAMES, list(LABELS)).sample(2, label="f")


@pytest.fixture(scope="module")
def sampler():
    return NameSampler(_pipe(_by_label())).fit(NAMES, LABELS)


@pytest.mark.parametrize("label", [["f"], np.array(["f"]), ("f",)])
def test_a_list_of_one_label_says_to_pass_the_label_itself(sampler, label):
    for generate in (sampler.sample, sampler.most_likely):
        with pytest.raises(ValueError) as e:
            generate(2, label=label)
        assert str(e.value) == (
            "label takes the label itself, not a list: pass label='f'."
        )
    # Followed.
    assert len(sampler.sample(2, label="f", random_state=0)) == 2
    assert len(sampler.most_likely(2, label="f")) == 2


def test_match_lengths_without_names_of_the_label_advises_what_works():
    pipe = FrozenEstimator(_pipe(_by_label()).fit(NAMES + ["zoe"], LABELS + ["x"]))
    sampler = NameSampler(pipe).fit(NAMES, LABELS)  # no name of "x"
    with pytest.raises(ValueError, match="match_lengths cannot match") as e:
        sampler.sample(2, label="x", match_lengths=True, random_state=0)
    message = str(e.value)
    assert "label=None" not in message
    assert message.endswith("or leave match_lengths=False.")
    # Both pieces of advice, followed.
    assert len(sampler.sample(2, label="x", match_lengths=False, random_state=0)) == 2
    refit = NameSampler(pipe).fit(NAMES + ["zoe"], LABELS + ["x"])
    assert refit.sample(2, label="x", match_lengths=True, random_state=0)


def test_partial_fit_documents_and_takes_one_label_per_name():
    y_doc = CharEmbeddingMLPClassifier.partial_fit.__doc__.split("y : ")[1]
    y_doc = " ".join(y_doc.split("classes :")[0].split())
    assert "None for the model of names, or one label per name" in y_doc
    transformer = ContextWindowTransformer(context_length=2).fit(NAMES)
    windows = transformer.transform(NAMES)
    clf = _mlp().fit(windows, LABELS)
    clf.partial_fit(windows, LABELS)  # as documented
    with pytest.raises(ValueError, match="one label per name"):
        clf.partial_fit(windows)
    with pytest.raises(ValueError, match="first fitted with"):
        clf.partial_fit(windows, ["x"] * len(NAMES))


def _mixture():
    return MixtureClassifier(
        [
            ("short", KneserNeyClassifier(order=2)),
            ("long", KneserNeyClassifier(order=3)),
        ]
    )


@pytest.mark.parametrize(
    "fit",
    [
        lambda pipe: pipe.fit(NAMES, LABELS),
        lambda pipe: NameSampler(pipe).fit(NAMES, LABELS),
        lambda pipe: NameLabelClassifier([pipe]).fit(NAMES, LABELS),
    ],
    ids=["Pipeline", "NameSampler", "NameLabelClassifier"],
)
def test_a_mixture_given_labels_is_told_to_be_wrapped(fit):
    with pytest.raises(ValueError) as e:
        fit(_pipe(_mixture()))
    message = str(e.value)
    assert message.startswith("MixtureClassifier was given y, the labels of the names")
    assert "of type" not in message and "CharWindows" not in message
    assert "PerLabelClassifier(MixtureClassifier(...))" in message
    # Followed: wrapped, it models names by label in the same call.
    fitted = fit(_pipe(PerLabelClassifier(_mixture())))
    assert fitted is not None


def test_a_model_without_labels_scored_with_y_says_to_score_without():
    pipe = _pipe(_mixture()).fit(NAMES)  # the other advice: fit without y
    with pytest.raises(ValueError, match=r"fitted without labels") as e:
        pipe.score(NEW, ["f", "m"])
    assert "of type" not in str(e.value) and "pipe.score(names)" in str(e.value)
    assert pipe.score(NEW) <= 0
    by_label = _pipe(PerLabelClassifier(_mixture())).fit(NAMES, LABELS)
    assert by_label.score(NEW, ["f", "m"]) <= 0


def test_labels_of_two_dimensions_are_refused_in_the_parameters_name(pipe):
    two = np.array([["f", "m"]])
    with pytest.raises(ValueError, match=r"^labels must hold one label per name, in"):
        pipe.predict_proba(NEW, labels=two)
    # A column: one label per name, as scikit-learn takes y (with its warning).
    with pytest.warns(
        DataConversionWarning,
        match=r"^A column-vector y was passed when a 1d array was expected: "
        r"labels has shape \(2, 1\)",
    ) as caught:
        column = pipe.predict_proba(NEW, labels=np.array([["f"], ["m"]]))
    assert "(numpy.ravel(labels))" in str(caught[0].message)
    assert caught[0].filename == __file__  # the user's line
    assert np.array_equal(column, pipe.predict_proba(NEW, labels=["f", "m"]))


def test_the_single_label_advised_is_the_one_given(pipe):
    with pytest.raises(ValueError, match=r"for all of them \(labels='m'\)"):
        pipe.predict_proba(NEW, labels=["m"])
    with pytest.raises(ValueError, match=r"for all of them \(y='m'\)"):
        pipe.score(NEW, ["m"])


def test_a_samplers_labels_of_two_dimensions_are_refused_in_its_words(sampler):
    two = np.array([["f", "m"], ["f", "m"]])
    with pytest.raises(ValueError, match=r"^label must hold one label per name, in"):
        sampler.score_samples(NEW, label=two)
    with pytest.warns(
        DataConversionWarning, match=r": label has shape \(2, 1\)"
    ) as caught:
        column = sampler.score_samples(NEW, label=np.array([["f"], ["m"]]))
    assert caught[0].filename == __file__  # a column, as fit takes it, warned here
    assert np.array_equal(column, sampler.score_samples(NEW, label=["f", "m"]))


def test_a_filter_on_scikit_learns_words_still_silences_a_column_of_labels():
    # The warning opens as scikit-learn's does, so filters written for it work.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warnings.filterwarnings(
            "ignore",
            message="A column-vector y was passed",
            category=DataConversionWarning,
        )
        _counting_sampler().fit(NAMES, np.array(LABELS).reshape(-1, 1))
