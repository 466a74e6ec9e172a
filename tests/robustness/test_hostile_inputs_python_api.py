"""Hostile inputs that met internal errors, lost a model or misplaced a name.

A penalty so large that Adam's float32 second moment overflows is refused at
the first step (not trained only to be lost at saving), and the state check
says "not finite" for it; repeated names are placed on their own lines; a name
to exclude that is no string is pointed at as ``exclude[i]``;
``load_names``' arguments, huge temperatures, a NaN label and float labels of
``NameLabelClassifier`` get messages in the parameters' words.
"""

import copy

import numpy as np
import pytest
from scipy import sparse
from sklearn.pipeline import Pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameLabelClassifier,
    NameSampler,
    save_model,
    train_from_file,
)
from sknextchar._state_checks import optimizer_problem
from sknextchar.cli import main
from sknextchar.cli._places import Places
from sknextchar.datasets import load_names
from sknextchar.nn.adam import AdamOptimizer

NAMES = ["asha", "ravi", "uma", "anil", "gita", "mohan", "sita", "arun"] * 3
X = np.array([[0, 1], [1, 2], [2, 0]] * 10)
Y = np.array([1, 2, 0] * 10)


def tiny_pipeline():
    return Pipeline(
        [
            ("windows", ContextWindowTransformer(alphabet="auto")),
            (
                "clf",
                CharEmbeddingMLPClassifier(
                    embedding_dim=2, hidden_layer_sizes=(4,), max_iter=1,
                    random_state=0,
                ),
            ),
        ]
    )  # fmt: skip


@pytest.fixture(scope="module")
def sampler():
    return NameSampler(tiny_pipeline()).fit(NAMES)


@pytest.fixture(scope="module")
def labelled():
    labels = ["f", "m"] * (len(NAMES) // 2)
    return NameSampler(tiny_pipeline()).fit(NAMES, labels)


def run(capsys, *argv):
    status = main([str(arg) for arg in argv])
    return status, capsys.readouterr().err


# --------------------------------------------------------------------------- #
# 1. A penalty that overflows the optimizer's state: refused at the first step.
# --------------------------------------------------------------------------- #
def test_huge_alpha_is_refused_at_the_first_step(monkeypatch):
    steps = []
    update = AdamOptimizer.update_params

    def counted(self, *args, **kwargs):
        steps.append(1)
        return update(self, *args, **kwargs)

    monkeypatch.setattr(AdamOptimizer, "update_params", counted)
    clf = CharEmbeddingMLPClassifier(
        alpha=1e30, hidden_layer_sizes=(4,), batch_size=2, max_iter=5, random_state=0
    )
    with pytest.raises(ValueError) as info:
        clf.fit(X, Y)
    message = str(info.value)
    assert "overflowed float32 in epoch 1" in message, message
    assert "alpha=1e+30. Lower alpha (the default is 0.01)" in message, message
    assert len(steps) == 1  # of 75: nothing trained only to be lost
    assert not hasattr(clf, "coefs_")  # left as it was


def test_an_overflow_after_the_first_step_is_caught_at_the_epoch_end(monkeypatch):
    update = AdamOptimizer.update_params
    steps = []

    def overflowing_later(self, *args, **kwargs):
        update(self, *args, **kwargs)
        steps.append(1)
        if len(steps) == 3:  # past the first step's check, the weights finite
            self.vs[0][0] = np.inf

    monkeypatch.setattr(AdamOptimizer, "update_params", overflowing_later)
    clf = CharEmbeddingMLPClassifier(
        hidden_layer_sizes=(4,), batch_size=2, max_iter=1, random_state=0
    )
    with pytest.raises(ValueError, match="overflowed float32 in epoch 1"):
        clf.fit(X, Y)
    assert len(steps) == 15 and not hasattr(clf, "coefs_")


def test_huge_alpha_in_partial_fit_leaves_the_model_as_it_was():
    clf = CharEmbeddingMLPClassifier(
        hidden_layer_sizes=(4,), max_iter=1, random_state=0
    )
    clf.fit(X, Y)
    coefs, vs = clf.coefs_[0].copy(), clf._optimizer.vs[0].copy()
    with pytest.raises(ValueError, match="overflowed float32"):
        clf.set_params(alpha=1e30).partial_fit(X, Y)
    np.testing.assert_array_equal(clf.coefs_[0], coefs)
    np.testing.assert_array_equal(clf._optimizer.vs[0], vs)
    assert optimizer_problem(clf) is None


def test_huge_alpha_in_float64_trains_as_mlp_classifier_does():
    # No range on alpha: float64's moments hold what float32's cannot.
    clf = CharEmbeddingMLPClassifier(
        alpha=1e30, hidden_layer_sizes=(4,), max_iter=2, dtype="float64",
        random_state=0,
    )  # fmt: skip
    assert optimizer_problem(clf.fit(X, Y)) is None


def test_state_check_says_not_finite_not_a_shape(tmp_path):
    clf = CharEmbeddingMLPClassifier(
        hidden_layer_sizes=(4,), max_iter=1, random_state=0
    )
    clf.fit(X, Y)
    clf._optimizer.vs[0][3] = np.inf
    assert optimizer_problem(clf) == (
        "its optimizer's moments (_optimizer.ms, .vs) are not all finite"
    )
    with pytest.raises(ValueError, match="are not all finite") as info:
        save_model(clf, tmp_path / "m.skops")
    assert "shape" not in str(info.value)


def test_cli_huge_alpha_is_refused_before_training(tmp_path, capsys):
    names = tmp_path / "names.txt"
    names.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    out = tmp_path / "m.skops"
    status, err = run(
        capsys, "train", names, "--alpha", "1e30", "--hidden-layer-sizes", "4",
        "--max-iter", "1", "-q", "-o", out,
    )  # fmt: skip
    assert status == 1 and err.count("\n") == 1, err
    assert "Lower --alpha" in err and "overflowed" in err, err
    assert "lost" not in err and "shape" not in err, err
    assert not out.exists()


# --------------------------------------------------------------------------- #
# 2. A name repeated in a message: each on its own line.
# --------------------------------------------------------------------------- #
def test_cli_repeated_names_get_their_own_lines(tmp_path, capsys):
    path = tmp_path / "dup.txt"
    path.write_text("asha\n\u200e\nravi\n\u200e\n", encoding="utf-8")
    status, err = run(capsys, "train", path, "-q", "-o", tmp_path / "d.skops")
    assert status == 1, err
    assert f"(line 2 of {str(path)!r})" in err, err
    assert f"(line 4 of {str(path)!r})" in err, err


def test_places_use_the_position_then_the_order():
    places = Places()
    places.add_lines("names", "f.txt", ["x", "a", "x", "x"], [1, 3, 4, 6])
    # The recorded names hold 'x' at position 3: its line.
    assert places.rewrite("names[3]='x'") == "'x' (line 6 of 'f.txt')"
    # Positions of a subset: the second position shown, the second line.
    assert places.rewrite("names[0]='x', names[1]='x'") == (
        "'x' (line 1 of 'f.txt'), 'x' (line 4 of 'f.txt')"
    )


def test_places_of_a_file_read_again_follow_the_order(tmp_path):
    path = tmp_path / "f.txt"
    path.write_text("x\n\na\nx\n", encoding="utf-8")
    places = Places()
    places.add_file("names", str(path), "utf-8")
    assert places.rewrite("names[0] is 'x'; names[2] is 'x'.") == (
        f"line 1 of {str(path)!r} is 'x'; line 4 of {str(path)!r} is 'x'."
    )


def test_places_of_a_file_count_its_names_as_its_reader_does(tmp_path):
    # U+2028 parts a line into two names (load_names reads 'ravi', 'zoë'): the
    # first 'zoë' is on line 2, not the first line that is 'zoë' alone (5).
    path = tmp_path / "f.txt"
    path.write_text("asha\nravi\u2028zoë\n\numa\nzoë\n", encoding="utf-8")
    assert load_names(path)[2] == load_names(path)[4] == "zoë"
    places = Places()
    places.add_file("names", str(path), "utf-8")
    where = repr(str(path))
    assert places.rewrite("in names[2]='zoë', names[4]='zoë'.") == (
        f"in 'zoë' (line 2 of {where}), 'zoë' (line 5 of {where})."
    )


# --------------------------------------------------------------------------- #
# 3. Names to exclude: pointed at in exclude, by position.
# --------------------------------------------------------------------------- #
def test_exclude_names_its_own_element(sampler):
    with pytest.raises(ValueError, match=r"^exclude\[2\] is 'a\\nb', which holds a"):
        sampler.sample(2, exclude=["asha", "ravi", "a\nb"], random_state=0)
    with pytest.raises(TypeError, match=r"^exclude\[2\] is 3 \(int\), not a str"):
        sampler.sample(2, exclude=["asha", "ravi", 3], random_state=0)
    # A set has no positions.
    with pytest.raises(
        TypeError, match=r"^an element of exclude is 3 \(int\), not a str"
    ):
        sampler.sample(2, exclude={"asha", 3}, random_state=0)
    assert "asha" not in sampler.sample(20, exclude=["Asha "], random_state=0)


# --------------------------------------------------------------------------- #
# 4. Messages in the parameters' words.
# --------------------------------------------------------------------------- #
def test_load_names_arguments(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("asha\nravi\n", encoding="utf-8")
    assert load_names(bytes(path)) == ["asha", "ravi"]  # a bytes path is a path
    with pytest.raises(TypeError, match="^path must be the path of a file"):
        load_names(bytearray(bytes(path)))
    with pytest.raises(TypeError, match="^encoding must be the name of .* got None"):
        load_names(path, encoding=None)
    with pytest.raises(ValueError, match=r"^encoding='\\x00' is not a text encoding"):
        load_names(path, encoding="\x00")
    with pytest.raises(TypeError, match="^names_column must be the header .* got 5"):
        load_names(path, names_column=5)


def test_train_from_file_takes_a_bytes_path(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("name\n" + "\n".join(NAMES) + "\n", encoding="utf-8")
    pipe = tiny_pipeline().set_params(windows__alphabet="abcdefghijklmnopqrstuvwxyz")
    fitted = train_from_file(bytes(path), pipe, chunk_size=10)
    assert fitted["clf"].n_iter_ == 1
    with pytest.raises(TypeError, match="Pipeline as path and b'.*' as pipeline: swap"):
        train_from_file(pipe, bytes(path))


@pytest.mark.parametrize("temperature", [10**30, 10**400], ids=["1e30", "1e400"])
def test_huge_int_temperature_samples(sampler, temperature):
    hot = copy.deepcopy(sampler).set_params(temperature=temperature)
    assert len(hot.sample(3, random_state=0)) == 3
    proba = hot.predict_proba(["asha"])
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)


def test_nan_label_at_sampling_is_an_unknown_label(labelled):
    with pytest.raises(ValueError, match="^Unknown label nan: .* \\['f', 'm'\\]"):
        labelled.sample(1, label=float("nan"))


@pytest.mark.parametrize("y", [[np.inf, 1.0], [0.5, 1.0]])
def test_label_classifier_float_labels_say_what_to_do(y):
    with pytest.raises(ValueError) as info:
        NameLabelClassifier(tiny_pipeline()).fit(["asha", "ravi"], y)
    message = str(info.value)
    assert message.startswith("Unknown label type: continuous: y holds floats")
    assert f"such as y[0] = {y[0]!r}" in message, message
    assert "pass them as sample_weight" in message  # as NameSampler.fit says


def test_cli_exclude_file_ignores_blank_lines_and_names_never_written(
    tmp_path, capsys, sampler
):
    model, path = tmp_path / "m.skops", tmp_path / "ex.txt"
    save_model(sampler, model)
    path.write_text("asha\n\n\u200e\n  \n\u0301\nravi\n", encoding="utf-8")
    status, err = run(capsys, "sample", model, "--exclude-file", path, "-n", "2")
    assert status == 0 and not err, err


def test_exclude_ignores_a_name_the_transformer_reads_as_nothing():
    pipe = tiny_pipeline().set_params(windows__strip_accents="unicode")
    folding = NameSampler(pipe).fit(NAMES + ["josé"])
    mark = "\u0301"  # a combining acute accent, alone: folded away
    drawn = folding.sample(30, exclude=["JOSÉ", mark], random_state=0)
    assert len(drawn) == 30 and "jose" not in drawn


class _SparseWithoutRows(sparse.csr_array):
    """A sparse array with a length that cannot give one row, as SciPy 1.10's
    ("We have not yet implemented 1D sparse slices")."""

    def __len__(self):
        return self.shape[0]

    def __getitem__(self, key):
        raise NotImplementedError("We have not yet implemented 1D sparse slices")


@pytest.mark.parametrize("model", [KneserNeyClassifier(), CharEmbeddingMLPClassifier()])
def test_sparse_windows_are_refused_before_a_row_is_taken(model):
    # scikit-learn's check_estimator_sparse_array at the SciPy floor: the
    # check for names read X[0] first and SciPy 1.10 raised NotImplementedError.
    windows = _SparseWithoutRows(sparse.csr_array(X))
    with pytest.raises(TypeError, match="[Ss]parse data was passed"):
        model.fit(windows, Y)
    fitted = KneserNeyClassifier().fit(X, Y)
    with pytest.raises(TypeError, match="[Ss]parse data was passed"):
        fitted.predict_proba(windows)
