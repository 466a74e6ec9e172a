"""The calibration of NameLabelClassifier keeps the case variants of a name
("Asha", "asha") in one fold, for a pipeline that keeps case too: early
stopping, the mixture's hold-out and ``sample(novel=True)`` take them as one
name, so a calibration that trained on "Asha" and scored "asha" would reward
memorising the list."""

import numpy as np
import pytest
from sklearn.model_selection import GroupKFold
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameLabelClassifier,
    PerLabelClassifier,
)
from sknextchar._pipeline import reading_groups

NAMES = ["Asha", "ravi", "asha", "Ravi", "ASHA", "amit", "Amir", "amir"]


def _pipe(**params):
    return make_pipeline(
        ContextWindowTransformer(alphabet="auto", **params), KneserNeyClassifier()
    )


def test_a_pipeline_that_keeps_case_groups_the_case_variants():
    groups = reading_groups([_pipe(lowercase=False)], NAMES).tolist()
    assert groups == ["Asha", "ravi", "Asha", "ravi", "Asha", "amit", "Amir", "Amir"]
    assert groups == reading_groups([_pipe()], NAMES).tolist()  # as a lowercasing one
    both = reading_groups([_pipe(lowercase=False), _pipe()], NAMES).tolist()
    assert both == groups
    # A list without letters in two cases: each name its own group.
    assert reading_groups([_pipe(lowercase=False)], ["Asha", "Ravi"]).tolist() == [
        "Asha",
        "Ravi",
    ]


def test_a_dropped_character_reads_as_the_model_reads_it():
    pipe = _pipe(lowercase=False, handle_unknown="drop")
    pipe.set_params(contextwindowtransformer__alphabet=list("AaSshHRrvViI"))
    groups = reading_groups([pipe], ["Asha", "as1ha", "Ravi"]).tolist()
    assert groups == ["Asha", "Asha", "Ravi"]


class _Recording(GroupKFold):
    """GroupKFold that keeps the groups it was given (in ``given``, as the
    classifier may split with a copy)."""

    given = []

    def split(self, X, y=None, groups=None):
        self.given.append(np.asarray(groups))
        return super().split(X, y, groups)


@pytest.mark.filterwarnings("ignore:The calibration found")  # few names
def test_the_calibration_folds_keep_the_case_variants_together():
    names = [
        n
        for base in ("asha", "ravi", "amit", "sita", "mohan", "gita")
        for n in (base, base.capitalize())
    ]
    labels = ["f", "f", "m", "m", "m", "m", "f", "f", "m", "m", "f", "f"]
    splitter = _Recording(3)
    pipe = make_pipeline(
        ContextWindowTransformer(lowercase=False, alphabet="auto"),
        PerLabelClassifier(KneserNeyClassifier()),
    )
    NameLabelClassifier(pipe, calibration="temperature", cv=splitter).fit(names, labels)
    groups = _Recording.given[-1]
    assert (groups[0::2] == groups[1::2]).all(), groups  # "asha" with "Asha"
    assert len(set(groups.tolist())) == 6
