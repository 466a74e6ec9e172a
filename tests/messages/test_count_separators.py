"""Counts of 1,000 or more in the messages of labels, windows and held-out
parts are written with thousands separators, and agree with a count of one
("1 label"), as the sampler's do; values to copy back (validation_fraction,
ids) are written as typed."""

import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameLabelClassifier,
    PerLabelClassifier,
)
from sknextchar._holdout import label_shortfall
from sknextchar._windows import CharWindows


def test_a_label_shortfall_writes_its_counts_with_separators():
    # "Holding out 750 of 1500 names ... so 1500 labels allow at most 0" before
    said = label_shortfall([f"l{i}" for i in range(1_500)], 0.5)
    assert said.startswith("Holding out 750 of 1,500 names (a share of 0.5)"), said
    assert "so 1,500 labels allow at most 0;" in said, said


def test_names_and_labels_of_different_lengths_are_counted():
    # "X and y have different lengths: 1234 names and 1 labels." before
    model = PerLabelClassifier(KneserNeyClassifier())
    pipe = make_pipeline(ContextWindowTransformer(), model)
    clf = NameLabelClassifier(pipe).fit(["anna", "marco", "dora", "dino"], list("fmfm"))
    with pytest.raises(ValueError) as info:
        clf.score(["anna"] * 1_234, ["f"])
    assert "different lengths: 1,234 names and 1 label." in str(info.value)


def test_windows_of_mismatched_rows_are_counted_with_separators():
    contexts, targets = np.zeros((1_234, 2), np.uint8), np.zeros(1_000, np.uint8)
    with pytest.raises(ValueError, match="got 1,234, 1,000 and 1,000 rows"):
        CharWindows(contexts, targets, np.zeros(1_000, int), ("-", "a"), 1)
    windows = CharWindows(contexts, np.zeros(1_234, np.uint8), np.zeros(1_234, int),
                          ("-", "a"), 2_000)  # fmt: skip
    with pytest.raises(ValueError, match=r"one entry per name \(2,000\)"):
        windows.subset(np.ones(3, bool))
