import numpy as np
import pytest
from sklearn.base import clone
from sklearn.model_selection import GridSearchCV, KFold

from sknextchar import NameLabelClassifier, make_default_pipeline

NAMES = ["ana", "bela", "cara", "dora", "lia", "nina"]
NAMES += ["ano", "belo", "caro", "doro", "lio", "nino"]
LABELS = ["f"] * 6 + ["m"] * 6


def test_nested_parameters_of_the_default_pipeline_say_how_to_set_them():
    clf = NameLabelClassifier(priors="uniform")
    with pytest.raises(ValueError, match=r"estimator is None.*make_default_pipeline"):
        clf.set_params(priors=None, estimator__clf__alpha=0.1)
    assert clf.priors == "uniform" and clf.estimator is None
    search = GridSearchCV(clf, {"estimator__clf__alpha": [0.01, 0.1]}, cv=2)
    with pytest.raises(ValueError, match=r"estimator=make_default_pipeline"):
        search.fit(NAMES, LABELS)
    # Giving the pipeline in the same call still works.
    clf.set_params(estimator=make_default_pipeline(), estimator__clf__alpha=0.1)
    assert clf.estimator["clf"].alpha == 0.1


def test_the_classifier_of_names_takes_one_d_arrays_of_strings():
    tags = NameLabelClassifier().__sklearn_tags__().input_tags
    assert tags.one_d_array and tags.string and not tags.two_d_array


def test_a_splitter_that_leaves_a_label_out_is_told_to_stratify():
    pipe = make_default_pipeline(random_state=0).set_params(clf__max_iter=1)
    clf = NameLabelClassifier(pipe, calibration="temperature", cv=KFold(2))
    with pytest.raises(ValueError, match=r"stratifies by label") as error:
        clf.fit(NAMES, LABELS)
    assert "fewer folds" not in str(error.value)


@pytest.mark.parametrize("weights", [None, [1] * 12])
def test_class_counts_are_floats_with_or_without_weights(weights):
    pipe = make_default_pipeline(random_state=0).set_params(clf__max_iter=1)
    clf = NameLabelClassifier(pipe).fit(NAMES, LABELS, sample_weight=weights)
    assert clf.class_count_.dtype == np.float64
    assert clf.class_count_.tolist() == [6.0, 6.0]


def test_drop_leaves_a_named_pipeline_out_as_in_a_voting_classifier():
    pipe = make_default_pipeline(random_state=0).set_params(clf__max_iter=1)
    clf = NameLabelClassifier([("a", pipe), ("b", clone(pipe))])
    clf.set_params(estimator__b="drop").fit(NAMES, LABELS)
    assert len(clf.pipelines_) == 1
    solo = NameLabelClassifier(pipe).fit(NAMES, LABELS)
    np.testing.assert_array_equal(clf.predict_proba(NAMES), solo.predict_proba(NAMES))
    with pytest.raises(ValueError, match=r"Every pipeline of estimator is 'drop'"):
        clf.set_params(estimator__a="drop").fit(NAMES, LABELS)
    with pytest.raises(
        ValueError,
        match=r"Cannot set estimator__b__clf__alpha: .* is .drop.",
    ):
        clf.set_params(estimator__b__clf__alpha=0.1)
