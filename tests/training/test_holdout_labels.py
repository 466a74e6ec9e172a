"""The held-out names of a fit by label: every label keeps names for training."""

import math

import numpy as np
import pandas as pd
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
from sknextchar._holdout import hold_out, label_shortfall, validation_split
from sknextchar.cli import main
from sknextchar.datasets import load_indian_names

NAMES = [str(name) for name in load_indian_names()[:200]]
NEEDS_STRING_DTYPE = pytest.mark.skipif(
    not hasattr(np.dtypes, "StringDType"), reason="StringDType: NumPy >= 2.0"
)


def _rare_label_pipeline(seed):
    clf = CharEmbeddingMLPClassifier(
        early_stopping=True, validation_fraction=0.1, max_iter=30, random_state=seed
    )
    pipe = make_pipeline(ContextWindowTransformer(), clf)
    return pipe.fit(["zzzz", *NAMES], ["x"] + ["f"] * len(NAMES))


@pytest.mark.slow
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_only_name_of_a_label_is_trained_on(seed):
    # Before: at some seeds the hold-out took "zzzz", the one name of "x", and
    # the label "x" was never trained on (it gave "zzzz" no more than "f" did).
    pipe = _rare_label_pipeline(seed)
    assert pipe.score(["zzzz"], ["x"]) > pipe.score(["zzzz"], ["f"])


def _windows_and_labels():
    counts = {"f": 50, "m": 7, "x": 1, "y": 2}
    labels = [label for label, n in counts.items() for _ in range(n)]
    rng = np.random.RandomState(0)
    labels = [labels[i] for i in rng.permutation(len(labels))]
    sizes = rng.randint(2, 6, size=len(labels))  # windows per name
    groups = np.repeat(np.arange(len(labels)), sizes)
    return groups, np.array(labels)[groups], counts


@pytest.mark.parametrize("fraction", [0.1, 0.3, 0.9])
def test_names_are_held_out_per_label_and_whole(fraction):
    groups, strata, counts = _windows_and_labels()
    n_names = len(np.unique(groups))
    if label_shortfall(strata[np.unique(groups, return_index=True)[1]], fraction):
        pytest.skip("this share cannot keep a name of every label")
    for seed in range(20):
        held = validation_split(
            len(groups), groups, fraction, np.random.RandomState(seed), strata
        )
        held_names = np.unique(groups[held])
        assert not np.isin(held_names, groups[~held]).any()  # whole names
        assert held_names.size == math.ceil(fraction * n_names)
        for label, n in counts.items():
            n_held = np.unique(groups[held & (strata == label)]).size
            assert n_held < n or n == 0  # a name of each label is trained on
            if fraction <= 0.5 and n > 1:  # no label's share reaches all its names
                share = held_names.size * n / n_names  # as StratifiedShuffleSplit
                assert math.floor(share) <= n_held <= math.ceil(share)


def test_rows_are_held_out_per_label_too():
    labels = np.array(["a"] * 9 + ["b"] * 3 + ["c"])
    for seed in range(20):
        train, held = hold_out(len(labels), None, 0.25, seed, strata=labels)
        assert sorted([*train, *held]) == list(range(len(labels)))
        assert set(labels[train]) == {"a", "b", "c"}
        assert len(held) == math.ceil(0.25 * len(labels))


def test_a_fit_that_cannot_keep_a_name_of_every_label_says_which():
    names = NAMES[:10]
    clf = CharEmbeddingMLPClassifier(early_stopping=True, max_iter=1)
    pipe = make_pipeline(ContextWindowTransformer(), clf)
    with pytest.raises(ValueError, match=r"would leave a label without training na"):
        pipe.fit(names, names)  # ten labels of one name each: none can be held out
    with pytest.raises(ValueError, match=r"'[a-z]+' \(1\).* or early_stopping=False"):
        pipe.fit(names, names)
    labels = ["a", "a", "b", "b", "c", "c", "d", "d", "e", "e"]
    clf.set_params(validation_fraction=0.6)  # 6 held out, at most 5 can be
    with pytest.raises(ValueError, match=r"a smaller validation_fraction"):
        pipe.fit(names, labels)
    clf.set_params(validation_fraction=0.5)
    assert pipe.fit(names, labels)[-1].n_iter_ == 1


def test_the_cli_says_which_labels_cannot_keep_a_name(tmp_path, capsys):
    path = tmp_path / "one_each.csv"
    path.write_text("name,label\n" + "".join(f"{n},{n}\n" for n in NAMES[:10]))
    out = str(tmp_path / "m.skops")
    assert main(["train", str(path), "--labels", "label", "-o", out]) == 1
    err = capsys.readouterr().err
    assert "would leave a label without training names" in err
    assert "--validation-fraction 0" in err and "Traceback" not in err
    kn = ["--model", "kneser-ney", "--force"]
    assert main(["train", str(path), "--labels", "label", *kn, "-o", out]) == 0
    assert "Held-out NLL: none. Holding out 1 of 10 names" in capsys.readouterr().out


def test_without_labels_the_hold_out_is_the_splitters():
    from sklearn.model_selection import GroupShuffleSplit

    groups = np.repeat(np.arange(30), 3)
    train, held = hold_out(len(groups), groups, 0.2, 4)
    splitter = GroupShuffleSplit(1, test_size=6, random_state=4)
    expected = next(splitter.split(np.empty((len(groups), 0)), groups=groups))
    assert train.tolist() == expected[0].tolist()
    assert held.tolist() == expected[1].tolist()


@pytest.mark.parametrize(
    "as_labels",
    [
        list,
        lambda v: np.asarray(v, dtype=object),
        lambda v: pd.Series(v),
        pytest.param(
            lambda v: np.asarray(v, dtype=np.dtypes.StringDType()),
            marks=NEEDS_STRING_DTYPE,
        ),
    ],
    ids=["list", "object", "series", "stringdtype"],
)
def test_the_labels_that_cannot_keep_a_name_are_named_in_any_container(as_labels):
    names = NAMES[:10]
    clf = CharEmbeddingMLPClassifier(
        early_stopping=True, max_iter=1, validation_fraction=0.9
    )
    pipe = make_pipeline(ContextWindowTransformer(), clf)
    labels = as_labels(["f", "m", "f", "m", "f", "m", "f", "m", "x", "y"])
    with pytest.raises(ValueError, match=r"'x' \(1\), 'y' \(1\)"):
        pipe.fit(names, labels)
