"""A name written more than once is held out with all its copies or not at all.

Were one copy held out and another trained on, the held-out score would reward
memorising the list: early stopping, the mixture's weights and the command
line's held-out NLL all draw their held-out names so.
"""

import math
from types import SimpleNamespace

import numpy as np
import pytest

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
)
from sknextchar._epoch_records import split_for_early_stopping
from sknextchar._holdout import same_name_groups, same_text_groups
from sknextchar.cli import main
from sknextchar.datasets import load_indian_names

DISTINCT = [str(name) for name in load_indian_names()[:40]]


def _repeated(seed=0):
    """Each name of DISTINCT two or three times, in a shuffled order."""
    rng = np.random.default_rng(seed)
    names = [n for n in DISTINCT for _ in range(2 + (len(n) % 2))]
    return [names[i] for i in rng.permutation(len(names))]


def _sides(names, held):
    """The names (as text) held out (``held``: their numbers) and the others."""
    texts = np.array(names, dtype=object)
    others = np.setdiff1d(np.arange(len(names)), held)
    return set(texts[held]), set(texts[others])


def test_same_name_groups_joins_the_copies_of_a_name_as_the_model_reads_it():
    names = ["Asha", "ravi", "asha", "Ravi", "amit", "ASHA"]  # lowercased: 3 names
    windows = ContextWindowTransformer().fit_transform(names)
    groups = same_name_groups(windows.targets, windows.name_index)
    first = [groups[windows.name_index == i][0] for i in range(len(names))]
    assert first == [0, 1, 0, 1, 4, 0]
    assert same_text_groups(ContextWindowTransformer().normalize(names)).tolist() == (
        first
    )
    # No repeated name: the groups are the names' own numbers.
    once = ContextWindowTransformer().fit_transform(DISTINCT)
    assert np.array_equal(
        same_name_groups(once.targets, once.name_index), once.name_index
    )
    assert same_name_groups(once.targets, None) is None


@pytest.mark.parametrize("seed", range(5))
def test_early_stopping_holds_out_every_copy_of_a_name(seed):
    names = _repeated(seed)
    windows = ContextWindowTransformer().fit_transform(names)
    rows = np.arange(len(windows.targets))[:, None]  # contexts: the row numbers
    data = SimpleNamespace(
        contexts=rows, targets=windows.targets, groups=windows.name_index
    )
    estimator = SimpleNamespace(early_stopping=True, validation_fraction=0.2)
    _, held = split_for_early_stopping(estimator, data, np.random.RandomState(seed))
    held_rows = held[0].ravel()
    held_names, trained_names = _sides(names, np.unique(windows.name_index[held_rows]))
    assert held_names and not held_names & trained_names
    assert len(held_names) == math.ceil(0.2 * len(DISTINCT))


@pytest.mark.parametrize("seed", range(20))
def test_a_name_under_two_labels_is_a_unit_under_each(seed):
    # "u" has only names that are under "f" or "m" too: joined into one unit
    # with their other copies, they could all be held out, and "u" went
    # untrained (5 draws of 50 at 0.3, found by a review).
    names = DISTINCT[:12] + DISTINCT[:2] + DISTINCT[:12]
    labels = ["f", "m"] * 6 + ["u", "u"] + ["f", "m"] * 6
    windows = ContextWindowTransformer().fit_transform(names)
    label_ids = np.unique(labels, return_inverse=True)[1][windows.name_index]
    rows = np.arange(len(windows.targets))
    data = SimpleNamespace(
        contexts=np.column_stack([rows, label_ids]),
        targets=windows.targets,
        groups=windows.name_index,
    )
    estimator = SimpleNamespace(
        early_stopping=True,
        validation_fraction=0.3,
        label_classes_=np.array(["f", "m", "u"]),
    )
    train, held = split_for_early_stopping(estimator, data, np.random.RandomState(seed))
    assert set(train[0][:, 1].tolist()) == {0, 1, 2}  # every label trained on
    pairs = set(zip(names, labels))
    held_rows = held[0][:, 0]
    held_pairs = {(names[i], labels[i]) for i in windows.name_index[held_rows]}
    trained = {(names[i], labels[i]) for i in windows.name_index[train[0][:, 0]]}
    assert not held_pairs & trained  # a (name, label) is held out whole
    assert len(held_pairs) == math.ceil(0.3 * len(pairs))


@pytest.mark.slow
def test_the_cli_keeps_a_label_whose_names_have_other_labels_too(tmp_path, capsys):
    rows = [f"{n},{'fm'[i % 2]}" for i, n in enumerate(DISTINCT[:12])]
    rows += [f"{DISTINCT[0]},u", f"{DISTINCT[1]},u"]
    path = tmp_path / "names.csv"
    path.write_text("name,label\n" + "\n".join(rows) + "\n", encoding="utf-8")
    for seed in range(10):
        argv = ["train", str(path), "--labels", "label", "--model", "kneser-ney"]
        argv += ["--validation-fraction", "0.5", "--seed", str(seed)]
        # A skops file at seed 0 only: the split at each seed is what is tested,
        # and a skops file takes ten times as long as joblib to write and check.
        out = tmp_path / ("m.joblib" if seed else "m.skops")
        assert main([*argv, "-o", str(out), "--force"]) == 0
        assert "Held-out NLL: " in capsys.readouterr().out


class _RecordingKneserNey(KneserNeyClassifier):
    """Kneser-Ney that keeps the names of the windows it was fitted on."""

    def fit(self, X, y=None, sample_weight=None):
        self.names_seen_ = np.unique(X.name_index)
        return super().fit(X, y, sample_weight=sample_weight)


@pytest.mark.parametrize("seed", range(3))
def test_the_mixture_weights_are_fitted_on_names_its_members_never_saw(seed):
    names = _repeated(seed)
    windows = ContextWindowTransformer(context_length=3).fit_transform(names)
    mixture = MixtureClassifier(
        [("kn", _RecordingKneserNey(order=2)), ("kn3", KneserNeyClassifier())],
        refit=False,  # the members as fitted for the weights
        random_state=seed,
    ).fit(windows)
    seen = mixture.estimators_[0].names_seen_
    held = np.setdiff1d(np.arange(len(names)), seen)
    held_names, trained_names = _sides(names, held)
    assert held_names and not held_names & trained_names
    assert len(held_names) == math.ceil(0.1 * len(DISTINCT))


def _train(tmp_path, names, *flags):
    path = tmp_path / "names.txt"
    path.write_text("\n".join(names) + "\n", encoding="utf-8")
    model = tmp_path / "m.skops"
    return main(["train", str(path), "-o", str(model), "--force", *flags])


def test_the_count_models_held_out_nll_holds_out_every_copy(tmp_path, capsys):
    names = [n for n in DISTINCT[:10] for _ in range(3)]
    flags = ["--model", "kneser-ney", "--validation-fraction", "0.2", "--seed", "0"]
    assert _train(tmp_path, names, *flags) == 0
    # 2 of the 10 distinct names, each with its 3 copies.
    assert "on 2 distinct held-out names (counted" in capsys.readouterr().out


def test_the_mlps_report_counts_distinct_names(tmp_path, capsys):
    names = [n for n in DISTINCT[:10] for _ in range(3)]
    flags = ["--max-iter", "1", "--validation-fraction", "0.2", "--seed", "0"]
    assert _train(tmp_path, names, *flags) == 0
    out = capsys.readouterr().out
    assert "Trained on 8 of 10 distinct names (a name written more than once" in out
    assert "on 2 distinct held-out names (weights of epoch 1 kept)" in out
    assert _train(tmp_path, DISTINCT[:10], *flags) == 0  # no repeat: as before
    out = capsys.readouterr().out
    assert "Trained on 8 names for 1 epoch" in out and "on 2 held-out names" in out


def test_the_report_counts_the_names_the_classifier_reads(tmp_path, capsys):
    # With --handle-unknown drop, "as1ha" is read as "asha": one unit with it,
    # as the classifier holds them out (the report counted 20 names, by text).
    names = DISTINCT[:10] + [n[:2] + "1" + n[2:] for n in DISTINCT[:10]]
    flags = ["--max-iter", "1", "--validation-fraction", "0.2", "--seed", "0"]
    assert _train(tmp_path, names, *flags, "--handle-unknown", "drop") == 0
    out = capsys.readouterr().out
    assert "Trained on 8 of 10 distinct names" in out, out
    assert "on 2 distinct held-out names" in out
