"""Checkpoint checks every path of ``{epoch}`` before training; names with a
character the model does not know are never training names, whatever the
transformer's ``handle_unknown``."""

import time

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    callbacks,
    load_model,
    save_model,
    train_from_file,
)
from sknextchar.callbacks import Checkpoint
from sknextchar.cli import main
from sknextchar.metrics import sample_report
from sknextchar.nn.training import MinibatchTrainer

NAMES = ["asha", "ravi", "mina", "tara", "zo", "bo", "liam", "noah"] * 3
TEXT = "asha\nravi\n"
pytestmark = pytest.mark.filterwarnings(
    "ignore:The estimator ContextWindowTransformer",
    "ignore::sklearn.exceptions.ConvergenceWarning",
)


def small(**params):
    defaults = dict(embedding_dim=4, hidden_layer_sizes=(8,), max_iter=3,
                    random_state=0)  # fmt: skip
    return CharEmbeddingMLPClassifier(**{**defaults, **params})


@pytest.fixture
def epochs(monkeypatch):
    """The epochs trained, counted."""
    trained = []
    run_epoch = MinibatchTrainer.run_epoch

    def counted(self, *args, **kwargs):
        trained.append(1)
        return run_epoch(self, *args, **kwargs)

    monkeypatch.setattr(MinibatchTrainer, "run_epoch", counted)
    return trained


def names_file(path):
    path.write_text(TEXT)
    return path


def test_a_later_checkpoint_path_is_checked_before_training(tmp_path, epochs):
    kept = names_file(tmp_path / "ck_2.skops")
    pipe = make_pipeline(ContextWindowTransformer(), small(max_iter=3))
    pipe.set_callbacks(Checkpoint(tmp_path / "ck_{epoch}.skops", every=1))
    with pytest.raises(FileExistsError, match="ck_2.skops.*text file"):
        pipe.fit(NAMES)
    assert epochs == []  # refused before the first epoch
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ck_2.skops"]
    assert kept.read_text() == TEXT
    assert not hasattr(pipe[-1], "coefs_")


def test_a_skops_checkpoint_with_an_old_skops_is_refused_before_training(
    tmp_path, epochs, monkeypatch
):
    import skops

    monkeypatch.setattr(skops, "__version__", "0.13.0")
    pipe = make_pipeline(ContextWindowTransformer(), small(max_iter=3))
    pipe.set_callbacks(Checkpoint(tmp_path / "ck_{epoch}.skops", every=2))
    with pytest.raises(ImportError, match="skops 0.13.0 is installed"):
        pipe.fit(NAMES)
    assert epochs == []  # refused before the first epoch
    assert list(tmp_path.iterdir()) == []
    assert not hasattr(pipe[-1], "n_iter_")
    # a joblib checkpoint is not concerned
    pipe.set_callbacks(Checkpoint(tmp_path / "ck_{epoch}.joblib", every=2))
    pipe.fit(NAMES)
    assert len(epochs) == 3 and [p.name for p in tmp_path.iterdir()] == ["ck_2.joblib"]


def test_only_the_paths_of_the_call_are_checked(tmp_path):
    """Epochs that are no multiple of every, or past max_iter, are not written."""
    for epoch in (3, 6):
        names_file(tmp_path / f"ck_{epoch}.skops")
    windows = ContextWindowTransformer().fit_transform(NAMES)
    checkpoint = Checkpoint(tmp_path / "ck_{epoch}.skops", every=2)
    small(max_iter=4).set_callbacks(checkpoint).fit(windows)
    assert [p.name for p in checkpoint.paths] == ["ck_2.skops", "ck_4.skops"]
    names_file(tmp_path / "ck_4.skops")
    with pytest.raises(FileExistsError, match="ck_4.skops"):
        small(max_iter=4).set_callbacks(checkpoint).fit(windows)


def test_a_warm_start_checks_the_epochs_it_goes_on_to(tmp_path, epochs):
    windows = ContextWindowTransformer().fit_transform(NAMES)
    clf = small(max_iter=2, warm_start=True).fit(windows)  # epochs 1 and 2
    names_file(tmp_path / "ck_1.skops")  # written by no later call
    names_file(tmp_path / "ck_4.skops")
    clf.set_callbacks(Checkpoint(tmp_path / "ck_{epoch}.skops"))
    del epochs[:]
    with pytest.raises(FileExistsError, match="ck_4.skops"):
        clf.fit(windows)  # epochs 3 and 4
    assert epochs == [] and len(clf.loss_curve_) == 2
    with pytest.raises(FileExistsError, match="ck_4.skops"):  # in a pipeline too
        make_pipeline(ContextWindowTransformer(), clf).set_callbacks(
            Checkpoint(tmp_path / "ck_{epoch}.skops")
        ).fit(NAMES)
    assert epochs == []
    clf.partial_fit(windows)  # epoch 3 only
    assert len(clf.loss_curve_) == 3 and (tmp_path / "ck_3.skops").exists()
    with pytest.raises(FileExistsError, match="ck_4.skops"):
        clf.partial_fit(windows)
    assert len(clf.loss_curve_) == 3


def test_train_from_file_checks_the_passes_it_will_make(tmp_path, epochs):
    names = tmp_path / "names.txt"
    names.write_text("\n".join(NAMES) + "\n")
    pipe = make_pipeline(ContextWindowTransformer(alphabet="auto"), small(max_iter=4))
    pipe.set_callbacks(Checkpoint(tmp_path / "ck_{epoch}.skops", every=2))
    names_file(tmp_path / "ck_4.skops")
    with pytest.raises(FileExistsError, match="ck_4.skops"):
        train_from_file(names, pipe, chunk_size=10)
    assert epochs == []
    (tmp_path / "ck_4.skops").unlink()
    train_from_file(names, pipe)
    at_two = load_model(tmp_path / "ck_2.skops")
    names_file(tmp_path / "ck_2.skops")  # behind a resumed run: not written
    names_file(tmp_path / "ck_4.skops")
    resumed = make_pipeline(ContextWindowTransformer(alphabet="auto"), at_two)
    resumed.set_callbacks(Checkpoint(tmp_path / "ck_{epoch}.skops", every=2))
    del epochs[:]
    with pytest.raises(FileExistsError, match="ck_4.skops"):
        train_from_file(names, resumed, resume=True)
    assert epochs == []
    (tmp_path / "ck_4.skops").unlink()
    train_from_file(names, resumed, resume=True)  # ck_2.skops is no concern
    assert (tmp_path / "ck_2.skops").read_text() == TEXT


def test_very_many_checkpoint_paths_are_checked_without_listing_them(tmp_path, epochs):
    names_file(tmp_path / "ck_77777.skops")
    pipe = make_pipeline(ContextWindowTransformer(), small(max_iter=1_000_000))
    pipe.set_callbacks(Checkpoint(tmp_path / "ck_{epoch}.skops", every=7))
    start = time.perf_counter()
    with pytest.raises(FileExistsError, match="ck_77777.skops"):
        pipe.fit(NAMES)
    assert epochs == [] and time.perf_counter() - start < 5


def test_past_the_limit_the_existing_files_of_the_call_are_checked(
    tmp_path, monkeypatch, epochs
):
    monkeypatch.setattr(callbacks, "_MAX_CHECKED", 1)  # as for max_iter=10**6
    for name in ("ck_3.skops", "ck_04.skops", "ck_4.skops.txt", "ck_4_4.skops"):
        names_file(tmp_path / name)  # the name of no checkpoint of the call
    windows = ContextWindowTransformer().fit_transform(NAMES)
    checkpoint = Checkpoint(tmp_path / "ck_{epoch}.skops", every=2)
    small(max_iter=6).set_callbacks(checkpoint).fit(windows)
    assert [p.name for p in checkpoint.paths] == [f"ck_{e}.skops" for e in (2, 4, 6)]
    names_file(tmp_path / "ck_4.skops")  # neither the first nor the last
    del epochs[:]
    with pytest.raises(FileExistsError, match="ck_4.skops"):
        small(max_iter=6).set_callbacks(checkpoint).fit(windows)
    assert epochs == []


# ----------------------------------------------- names with unknown characters


def sampler(**transformer):
    pipe = make_pipeline(ContextWindowTransformer(**transformer), KneserNeyClassifier())
    return NameSampler(pipe).fit(NAMES)


@pytest.mark.parametrize("handle_unknown, known", [("error", False), ("drop", True)])
def test_a_name_with_an_unknown_character_is_read_as_fit_reads_it(
    handle_unknown, known
):
    """With "error", "zoë" cannot have been a training name; with "drop", fit
    reads "zoë" as "zo" (the same name to the model, of the same score), as
    it read any training name with "ë"."""
    fitted = sampler(handle_unknown=handle_unknown)
    names = ["zoë", "zo", "zxq", "ë", "ravi"]
    found = fitted.in_training_set(names).tolist()
    assert found == [known, True, False, False, True]
    report = sample_report(names, fitted)
    assert report.in_train == pytest.approx((2 + known) / 5)
    assert report.novel == pytest.approx((3 - known) / 5)


def test_with_drop_another_case_of_a_known_character_still_counts():
    fitted = sampler(handle_unknown="drop", lowercase=False, alphabet="auto")
    assert fitted.in_training_set(["ZO", "Zoë", "zo"]).tolist() == [False, False, True]
    found = fitted.in_training_set(["ZO", "ZOË", "Zoë", "ZOA"], ignore_case=True)
    assert found.tolist() == [True, True, True, False]  # "ZOË" as "zoË": "zo"


def test_the_command_line_agrees(tmp_path, capsys):
    path = save_model(sampler(handle_unknown="drop"), tmp_path / "drop.skops")
    assert main(["score", str(path), "zoë", "zo", "zoa"]) == 0
    rows = dict(line.split()[1::3] for line in capsys.readouterr().out.splitlines()[1:])
    assert rows == {"zoë": "yes", "zo": "yes", "zoa": "no"}
