"""The names a fit holds out depend on its data, ``validation_fraction`` and
``random_state``, not on its architecture: comparing the held-out scores of two
architectures compares them on the same names.

The weights' initialisation draws from ``random_state`` too; the hold-out draws
apart from it (an int seeds the splitter afresh, an instance gives one seed
first), as the command line's count model and a mixture draw theirs.
"""

import numpy as np
import pytest

import sknextchar._epoch_records as records
from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
from sknextchar._holdout import validation_split
from sknextchar.datasets import load_indian_names

NAMES = sorted(set(load_indian_names()))[::50][:60]  # 60 distinct names
LABELS = ["ab"[len(name) % 2] for name in NAMES]

ARCHITECTURES = [
    dict(embedding_dim=2, hidden_layer_sizes=(4,)),
    dict(embedding_dim=8, hidden_layer_sizes=(16, 8), activation="tanh"),
    dict(embedding_dim=4, hidden_layer_sizes=(6,), dropout=0.2, alpha=1e-3),
]


def _held_out(monkeypatch, random_state, context_length=3, labels=None, **params):
    """The names early stopping holds out in a fit of ``params``."""
    seen = []

    def spy(n_rows, groups, *args, **kwargs):
        held = validation_split(n_rows, groups, *args, **kwargs)
        seen.append(np.unique(groups[held]))
        return held

    monkeypatch.setattr(records, "validation_split", spy)
    windows = ContextWindowTransformer(context_length=context_length)
    clf = CharEmbeddingMLPClassifier(
        max_iter=1, early_stopping=True, validation_fraction=0.2,
        random_state=random_state, **params,
    )  # fmt: skip
    clf.fit(windows.fit_transform(NAMES), labels)
    (units,) = seen
    return sorted(NAMES[i] for i in units), clf


@pytest.mark.parametrize("labels", [None, LABELS])
def test_the_architecture_does_not_change_the_names_held_out(monkeypatch, labels):
    held = [_held_out(monkeypatch, 0, labels=labels, **a)[0] for a in ARCHITECTURES]
    held.append(_held_out(monkeypatch, 0, 5, labels, **ARCHITECTURES[0])[0])
    assert len(held[0]) == 12  # ceil(0.2 * 60)
    assert all(names == held[0] for names in held[1:])
    assert _held_out(monkeypatch, 1, labels=labels)[0] != held[0]  # the seed does


def test_a_random_state_instance_holds_out_the_same_names_each_time(monkeypatch):
    first = [
        _held_out(monkeypatch, np.random.RandomState(3), **a) for a in ARCHITECTURES
    ]
    assert all(names == first[0][0] for names, _ in first[1:])
    again, clf = _held_out(monkeypatch, np.random.RandomState(3), **ARCHITECTURES[0])
    assert again == first[0][0]
    assert clf.validation_scores_ == first[0][1].validation_scores_
    assert np.array_equal(clf.coefs_[0], first[0][1].coefs_[0])
    other = _held_out(monkeypatch, np.random.RandomState(4), **ARCHITECTURES[0])[0]
    assert other != again


@pytest.mark.parametrize("seed", [5, "instance"])
def test_a_mixture_holds_out_the_mlps_names(monkeypatch, seed):
    import sknextchar._holdout as holdout_module
    from sknextchar import KneserNeyClassifier, MixtureClassifier
    from sknextchar._holdout import hold_out

    def state():
        return np.random.RandomState(5) if seed == "instance" else seed

    mlp, _ = _held_out(monkeypatch, state(), **ARCHITECTURES[1])
    seen = []

    def spy(n_rows, groups, *args, **kwargs):
        parts = hold_out(n_rows, groups, *args, **kwargs)
        seen.append(sorted(NAMES[i] for i in np.unique(groups[parts[1]])))
        return parts

    monkeypatch.setattr(holdout_module, "hold_out", spy)
    members = [("a", KneserNeyClassifier(order=2)), ("b", KneserNeyClassifier())]
    windows = ContextWindowTransformer().fit_transform(NAMES)
    MixtureClassifier(members, validation_fraction=0.2, random_state=state()).fit(
        windows
    )
    assert seen == [mlp]


@pytest.mark.slow
@pytest.mark.parametrize("labels", [None, LABELS])
def test_train_holds_out_the_same_names_whatever_the_model_flags(
    tmp_path, monkeypatch, labels
):
    import sknextchar._holdout as holdout
    from sknextchar.cli import main

    held, real = [], holdout.hold_out

    def spy(n_rows, groups, *args, **kwargs):
        parts = real(n_rows, groups, *args, **kwargs)
        held.append(sorted(NAMES[i] for i in np.unique(groups[parts[1]])))
        return parts

    monkeypatch.setattr(holdout, "hold_out", spy)  # the MLP's and the count model's
    base = ["train", "--seed", "3", "-q", "--force"]
    if labels is None:
        path = tmp_path / "names.txt"
        path.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    else:  # a CSV file of names and labels: held out per label
        path = tmp_path / "names.csv"
        rows = [f"{name},{label}" for name, label in zip(NAMES, labels)]
        path.write_text("\n".join(["name,label", *rows]) + "\n", encoding="utf-8")
        base += ["--labels", "label"]
    base.insert(1, str(path))
    mlp = ["--max-iter", "1", "--hidden-layer-sizes"]
    runs = [
        [*mlp, "4", "--embedding-dim", "2"],
        [*mlp, "16", "8", "--embedding-dim", "8"],
        [*mlp, "8", "--context-length", "5", "--activation", "tanh", "--alpha", "0.1"],
        ["--model", "kneser-ney", "--context-length", "4"],
    ]
    for flags in runs:
        assert main([*base, *flags, "-o", str(tmp_path / "m.skops")]) == 0
    assert len(held) == 4 and len(held[0]) == 6  # ceil(0.1 * 60)
    assert all(names == held[0] for names in held[1:])


def test_a_warm_started_fit_holds_out_the_names_of_the_first(monkeypatch):
    first, clf = _held_out(monkeypatch, 0, **ARCHITECTURES[0])
    seen = []

    def spy(n_rows, groups, *args, **kwargs):
        held = validation_split(n_rows, groups, *args, **kwargs)
        seen.append(sorted(NAMES[i] for i in np.unique(groups[held])))
        return held

    monkeypatch.setattr(records, "validation_split", spy)
    windows = ContextWindowTransformer().fit_transform(NAMES)
    clf.set_params(warm_start=True).fit(windows)
    assert seen == [first]


def test_none_draws_the_hold_out_first_from_numpys_global_generator(monkeypatch):
    held = []
    for architecture in ARCHITECTURES:  # check_random_state(None) is this one
        monkeypatch.setattr(np.random.mtrand, "_rand", np.random.RandomState(11))
        held.append(_held_out(monkeypatch, None, **architecture)[0])
    assert all(names == held[0] for names in held[1:])
