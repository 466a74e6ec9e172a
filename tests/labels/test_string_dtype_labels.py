"""Labels in NumPy's variable-width strings (StringDType, NumPy >= 2.0), as pandas
and NumPy users may hold them: taken as the same labels in Python strings.
(scikit-learn's own target checks refuse that dtype with a TypeError about isdtype.)"""

import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

import sknextchar as skn

StringDType = getattr(np.dtypes, "StringDType", None)
pytestmark = pytest.mark.skipif(StringDType is None, reason="NumPy < 2.0")

NAMES = ["anna", "bruno", "carla", "dino", "elena", "fabio"] * 3
LABELS = ["f", "m", "f", "m", "f", "m"] * 3


def _strings(labels):
    return np.array(labels, dtype=StringDType())


def test_name_label_classifier_takes_string_dtype_labels():
    pipe = make_pipeline(
        skn.ContextWindowTransformer(),
        skn.PerLabelClassifier(skn.KneserNeyClassifier()),
    )
    plain = skn.NameLabelClassifier(pipe).fit(NAMES, LABELS)
    strings = skn.NameLabelClassifier(pipe).fit(NAMES, _strings(LABELS))
    assert strings.classes_.tolist() == ["f", "m"]
    np.testing.assert_array_equal(
        strings.predict_proba(NAMES), plain.predict_proba(NAMES)
    )
    assert strings.score(NAMES, _strings(LABELS)) == plain.score(NAMES, LABELS)


def test_conditional_pipeline_and_sampler_take_string_dtype_labels():
    def mlp():
        clf = skn.CharEmbeddingMLPClassifier(max_iter=3, random_state=0)
        return make_pipeline(skn.ContextWindowTransformer(), clf)

    plain = mlp().fit(NAMES, LABELS)
    strings = mlp().fit(NAMES, _strings(LABELS))
    np.testing.assert_array_equal(strings[-1].coefs_[0], plain[-1].coefs_[0])
    assert strings.score(NAMES, _strings(LABELS)) == plain.score(NAMES, LABELS)
    sampler = skn.NameSampler(mlp()).fit(NAMES, _strings(LABELS))
    assert sampler.sample(3, label="f", random_state=0) == skn.NameSampler(mlp()).fit(
        NAMES, LABELS
    ).sample(3, label="f", random_state=0)
