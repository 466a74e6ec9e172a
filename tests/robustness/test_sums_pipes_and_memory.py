"""Limits met without a clear word before: weights whose sum overflows, names in a
FIFO that training must read again, a batch or a record too large for memory."""

import contextlib
import os
import signal
import warnings

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    NameLabelClassifier,
    NameSampler,
    PerLabelClassifier,
    train_from_file,
)
from sknextchar._file_passes import check_rereadable
from sknextchar._sample_weight import check_sample_weight
from sknextchar._sizes import batch_values
from sknextchar._spelling import spelling_record, spelling_test
from sknextchar.cli import main

NAMES = ["anna", "maria", "carla", "bob", "dave", "hugo"] * 4
LABELS = ["f", "f", "f", "m", "m", "m"] * 4
BIGGEST = np.finfo(np.float64).max


def _mlp(**params):
    params = {"hidden_layer_sizes": (4,), "max_iter": 1, "random_state": 0, **params}
    return CharEmbeddingMLPClassifier(**params)


# ------------------------------------------------ weights whose sum overflows


@pytest.mark.parametrize(
    "weights", [1e308, [1e307] * len(NAMES), [BIGGEST, BIGGEST] + [0] * 22]
)
def test_weights_whose_sum_overflows_are_refused(weights):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "overflow encountered" on the way
        with pytest.raises(ValueError, match="scale them down") as info:
            check_sample_weight(weights, len(NAMES), "name")
    assert "adds up to more than 1.8e+308" in str(info.value)


def test_weights_just_below_the_largest_sum_are_kept():
    weights = check_sample_weight([BIGGEST / 32] * 32, 32, "name")  # sum: BIGGEST
    assert np.isfinite(weights.sum())


def test_name_label_classifier_refuses_an_overflowing_sum_and_stays_unfitted():
    pipe = make_pipeline(ContextWindowTransformer(), _mlp())
    clf = NameLabelClassifier(pipe, cv=2)
    with pytest.raises(ValueError, match="sample_weight adds up to more than"):
        clf.fit(NAMES, LABELS, sample_weight=[1e307] * len(NAMES))
    assert not hasattr(clf, "class_count_")
    # Weights that add up to a finite number still give finite priors.
    clf.fit(NAMES, LABELS, sample_weight=[1e300] * len(NAMES))
    assert np.isfinite(clf.class_count_).all()
    assert np.isfinite(clf.predict_proba(["anna"])).all()


def _fits():
    """Each estimator that takes weights: fit(weights) of a fresh one."""
    windows = ContextWindowTransformer(context_length=2)
    kn_members = [("k2", KneserNeyClassifier(order=2)), ("k3", KneserNeyClassifier())]
    return {
        "mlp": lambda w: make_pipeline(windows, _mlp()).fit(
            NAMES, charembeddingmlpclassifier__sample_weight=w
        ),
        "kneser-ney": lambda w: make_pipeline(windows, KneserNeyClassifier()).fit(
            NAMES, kneserneyclassifier__sample_weight=w
        ),
        "mixture": lambda w: make_pipeline(
            windows, MixtureClassifier(kn_members, weights=[0.5, 0.5])
        ).fit(NAMES, mixtureclassifier__sample_weight=w),
        "per-label": lambda w: make_pipeline(
            windows, PerLabelClassifier(KneserNeyClassifier())
        ).fit(NAMES, LABELS, perlabelclassifier__sample_weight=w),
        "sampler": lambda w: NameSampler(
            make_pipeline(windows, KneserNeyClassifier())
        ).fit(NAMES, sample_weight=w),
    }


@pytest.mark.parametrize("which", sorted(_fits()))
def test_every_weighted_fit_refuses_an_overflowing_sum(which):
    fit = _fits()[which]
    with pytest.raises(ValueError, match="adds up to more than.*scale them down"):
        fit(1e308)
    fit(2.0)  # the same call with small weights fits


# ------------------------------------------- a names file that is read once only


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "names.fifo"
    os.mkfifo(path)
    return path


@contextlib.contextmanager
def _no_longer_than(seconds):
    """Fail, rather than hang, when the code inside blocks (on a FIFO's open)."""

    def give_up(*_):
        raise AssertionError(f"blocked for {seconds} s")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_train_from_file_refuses_a_fifo_before_opening_it(fifo):
    pipe = make_pipeline(ContextWindowTransformer(), _mlp(max_iter=2))
    with _no_longer_than(10), pytest.raises(ValueError) as info:
        train_from_file(fifo, pipe, chunk_size=10)  # no writer: open would block
    message = str(info.value)
    assert "is a FIFO (named pipe)" in message
    # It said "once per epoch (max_iter)": a file of one chunk is read twice.
    assert "reads its file more than once" in message
    assert "again for each epoch, max_iter, when its names are more than one" in message
    assert "must be in a regular file" in message and "load_names" in message
    assert not hasattr(pipe[-1], "coefs_")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_command_line_chunks_refuse_a_fifo_with_their_flags(fifo, tmp_path, capsys):
    model = tmp_path / "m.skops"
    args = ["train", str(fifo), "-o", str(model), "--chunk-size", "10"]
    with _no_longer_than(10):
        assert main(args) == 1
    err = capsys.readouterr().err
    assert "--chunk-size reads NAMES_FILE more than once" in err
    assert "not a regular file" in err
    assert "Traceback" not in err and not model.exists()


def test_a_regular_file_a_folder_and_a_missing_path_pass_the_check(tmp_path):
    names = tmp_path / "names.txt"
    names.write_text("anna\n")
    for path in (names, tmp_path, tmp_path / "missing.txt"):
        check_rereadable(path)  # their readers' own messages, if any


def test_a_character_device_is_refused(tmp_path):
    if not os.path.exists("/dev/null"):
        pytest.skip("no /dev/null")
    with pytest.raises(ValueError, match="is a character device"):
        check_rereadable("/dev/null")


# ------------------------------------------- a training batch that cannot fit


def _weights_and_batch_bytes(clf, X):
    """The bytes of the weights' check and of one batch, from a fitted copy."""
    fitted = clone(clf).set_params(batch_size=1).fit(X)
    arrays = [fitted.embeddings_, *fitted.coefs_, *fitted.intercepts_]
    n_weights, itemsize = sum(a.size for a in arrays), fitted.coefs_[0].itemsize
    widths = [c.shape[0] for c in fitted.coefs_] + [fitted.coefs_[-1].shape[1]]
    per_window = batch_values(X.context_length, len(fitted.embeddings_), widths)
    rows = min(clf.batch_size, len(X))
    return 4 * n_weights * itemsize, rows * per_window * itemsize


@pytest.mark.parametrize("batch_size", [10**9, 64])
def test_a_batch_whose_activations_do_not_fit_names_batch_size(monkeypatch, batch_size):
    X = ContextWindowTransformer(context_length=3).fit_transform(NAMES * 5)
    clf = _mlp(hidden_layer_sizes=(64,), embedding_dim=8, batch_size=batch_size)
    weights, batch = _weights_and_batch_bytes(clf, X)
    assert batch > weights  # room for the weights, not for the batch beside them
    monkeypatch.setattr("sknextchar._sizes.machine_memory", lambda: weights + 1)
    with pytest.raises(ValueError) as info:
        clf.fit(X)
    message = str(info.value)
    assert f"batch_size={batch_size} with hidden_layer_sizes=(64,)" in message
    rows = min(batch_size, len(X))
    assert f"one training batch ({rows:,} windows)" in message
    assert "lower batch_size" in message and not hasattr(clf, "coefs_")
    # With room for both, it trains.
    monkeypatch.setattr("sknextchar._sizes.machine_memory", lambda: weights + batch)
    assert hasattr(clf.fit(X), "coefs_")


def test_batch_values_count_the_work_arrays_of_a_training_step():
    import sknextchar.nn.functional as F

    params = F.init_params(7, 2, 3, (5, 4), 7, "tanh", np.float32,
                           np.random.RandomState(0))  # fmt: skip
    buffers = F.StepBuffers(10, 3, params[0], params[1])
    arrays = [buffers.gathered, buffers.onehot, buffers.scores_t]
    arrays += [*buffers.outputs, *buffers.input_grads, *buffers.factors]
    held = sum(a.size for a in arrays) // 10  # per window
    counted = batch_values(3, 7, [6, 5, 4, 7])
    assert held <= counted <= held + 3 * (6 + 7)  # at most the factor's slack


# ------------------------------------------- a sampler's record of many names


@pytest.mark.parametrize("step", ["training_record", "spelling_record"])
def test_memory_running_out_in_the_sampler_record_says_what_to_do(monkeypatch, step):
    def allocation_fails(*args, **kwargs):
        raise MemoryError("Unable to allocate 458. MiB for an array")

    monkeypatch.setattr(f"sknextchar._sampler.{step}", allocation_fails)
    sampler = NameSampler(make_pipeline(ContextWindowTransformer(), _mlp()))
    with pytest.raises(MemoryError) as info:
        sampler.fit(NAMES)
    message = str(info.value)
    assert f"recording its {len(NAMES)} training names" in message
    assert "train_from_file" in message and "FrozenEstimator" in message
    assert "Unable to allocate 458. MiB" in message  # NumPy's own words kept
    assert not hasattr(sampler, "estimator_")  # as it was before the call


def test_script_bits_take_the_smallest_unsigned_type():
    # A byte per letter of the names, not eight, while the record is built.
    from sknextchar import _spelling

    for letters, dtype in (("ab", np.uint8), ("aαа", np.uint8)):
        assert _spelling._script_bits(("", *letters))[1].dtype == dtype


def test_names_of_many_scripts_are_still_tested_for_their_script_sets():
    # 37 scripts: 64-bit unsigned bits, compared with the record's sets.
    letters = "aαаաאاकকਕકକகకಕകකกກཀကა가ሀᎠᐁᚁᚠកᠠあアㄅ中ꀀހܐߊ"
    vocabulary = ("", *letters)
    encoded = [np.array([i, i]) for i in range(1, len(vocabulary))]
    test = spelling_test(spelling_record(vocabulary, encoded), vocabulary)
    rows = np.array([[1, 1, 0], [1, 2, 0], [3, 3, 3]])  # a, aα, ааа
    assert test(rows).tolist() == [True, False, True]
