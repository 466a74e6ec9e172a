"""Ctrl-C at any line of a NameLabelClassifier's fit leaves a whole fit.

The fit sets its attributes only once its pipelines are fitted; a
KeyboardInterrupt between two of those attributes used to leave the new
pipelines beside the old classes and priors, a classifier that predicted the
labels of another fit with no error. Now the old fit stays whole, or the new
one is whole.
"""

import functools
import inspect
import pickle

from sklearn.pipeline import Pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameLabelClassifier,
    PerLabelClassifier,
)
from tests._interrupts import interrupted_at

NAMES = ["asha", "ravi", "amitabh", "uma", "zoe", "arun", "anna", "omar"]
LABELS = ["f", "m", "m", "f", "f", "m", "f", "m"]
# Other names and a third label: a half-set fit would mix two fits.
NEW_NAMES = ["bela", "chen", "dora", "eli", "fay", "gus", "hal", "ivy", "kim"]
NEW_LABELS = [*LABELS, "x"]


def _classifier():
    pipe = Pipeline(
        [
            ("windows", ContextWindowTransformer(context_length=2)),
            ("clf", PerLabelClassifier(KneserNeyClassifier())),
        ]
    )
    return NameLabelClassifier(pipe).fit(NAMES, LABELS)


def test_ctrl_c_at_any_line_of_fit_leaves_the_old_fit_or_the_new_one():
    old = pickle.dumps(pickle.loads(pickle.dumps(_classifier())))  # as loaded
    new = pickle.loads(old).fit(NEW_NAMES, NEW_LABELS)
    expected = new.predict_proba(NEW_NAMES).tolist()
    fit = inspect.unwrap(NameLabelClassifier.fit)
    line, seen = 0, set()
    while True:
        clf = pickle.loads(old)
        line += 1
        if not interrupted_at(
            line, functools.partial(clf.fit, NEW_NAMES, NEW_LABELS), fit
        ):
            break
        if pickle.dumps(clf) == old:
            seen.add("old")
            continue
        assert clf.classes_.tolist() == ["f", "m", "x"], line
        assert clf.predict_proba(NEW_NAMES).tolist() == expected, line
        seen.add("new")
    assert seen == {"old", "new"}, seen  # new: Ctrl-C at its return
