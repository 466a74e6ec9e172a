"""Four gaps of the command line's errors, each closed and held closed here.

1. A name of a file is named by its line (1-based, blank lines and a header row
   counted), not by its position in a Python list.
2. The estimators' messages reach the command line with flags, not parameters.
3. Absurd --min-length/--max-length are refused before any work.
4. A write that fails (a full disk) names the user's file, not the temporary
   one, and changes nothing.
"""

import errno
import os
import tempfile

import matplotlib
import matplotlib.figure
import pytest
import skops.io

import sknextchar._persistence
from sknextchar import ContextWindowTransformer, load_model, save_model
from sknextchar.cli import main
from sknextchar.cli._labelled import read_labelled_names
from sknextchar.datasets import load_indian_names
from sknextchar.datasets._comment_lines import numbered_lines
from tests._command_runs import run

matplotlib.use("Agg")

TINY = ["--max-iter", "1", "--hidden-layer-sizes", "8", "--seed", "0", "-q"]
KN = ["--model", "kneser-ney", "--seed", "0", "-q"]


def one_line_error(status, err, *fragments):
    assert status == 1, err
    assert "Traceback" not in err
    assert err.count("\n") == 1 and err.startswith("sknextchar: error: "), err
    for fragment in fragments:
        assert fragment in err, err
    return err


def write(path, text):
    path.write_text(text, encoding="utf-8", newline="")
    return str(path)


@pytest.fixture(scope="module")
def names_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("data") / "names.txt"
    path.write_text("\n".join(load_indian_names()[::75]) + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def model_file(tmp_path_factory, names_file):
    """A model of names of 4 to 10 letters."""
    path = tmp_path_factory.mktemp("model") / "model.skops"
    assert main(["train", names_file, *TINY, "-o", str(path)]) == 0
    return str(path)


# --------------------------------------------------------------------------- #
# 1. Line numbers, not list indexes.
# --------------------------------------------------------------------------- #
# "o'brien" is on line 6: two blank lines before it, and a name with a
# character outside the default alphabet is the 3rd name.
BAD_NAMES = "asha\n\n\nravi\r\n  \no'brien\namit\n"


@pytest.mark.parametrize(
    "extra",
    [
        TINY,  # the MLP: the transformer checks every name
        KN,  # counted beside the held-out names: positions in a subset
        [*TINY, "--chunk-size", "2", "--validation-fraction", "0"],  # in a chunk
    ],
    ids=["mlp", "kneser-ney", "chunks"],
)
def test_train_names_a_bad_name_by_its_line(tmp_path, capsys, extra):
    path = write(tmp_path / "names.txt", BAD_NAMES)
    status, _, err = run(capsys, "train", path, *extra, "-o", tmp_path / "m")
    one_line_error(status, err, f""""o'brien" (line 6 of {path!r})""")
    assert "names[" not in err


def test_score_and_classify_name_lines_and_arguments(tmp_path, capsys, model_file):
    path = write(tmp_path / "names.txt", BAD_NAMES)
    status, _, err = run(capsys, "score", model_file, "ab1", "--names-file", path)
    one_line_error(status, err, "NAME 'ab1'", f""""o'brien" (line 6 of {path!r})""")
    assert "names[" not in err


def test_labels_csv_names_the_line_of_the_row(tmp_path, capsys):
    # A header, a blank line and a quoted name over two lines come first.
    text = 'name,label\nasha,f\n\n"ra\nvi",m\nsita,f\n'
    path = write(tmp_path / "names.csv", text)
    argv = ["train", path, "--labels", "label", *TINY, "-o", tmp_path / "m"]
    one_line_error(
        *run(capsys, *argv)[::2], f"Line 4 of {path!r} opens a quote that runs over"
    )
    # A row after a two-line note: its own line, not its row number.
    text = 'name,label,note\nravi,m,"two\nlines"\nsita,,\n'
    path = write(tmp_path / "nolabel.csv", text)
    with pytest.raises(ValueError, match="Line 4 of .* the name 'sita' but no label"):
        read_labelled_names(path, "label")


def test_labels_file_names_the_line_of_the_names_file(tmp_path, capsys):
    names = write(tmp_path / "names.txt", "asha\n\nravi\nx1\n")
    labels = write(tmp_path / "labels.txt", "f\n\nm\nf\n")
    argv = ["train", names, "--labels", labels, *TINY, "-o", tmp_path / "m"]
    one_line_error(*run(capsys, *argv)[::2], f"'x1' (line 4 of {names!r})")


def test_the_python_api_keeps_the_index():
    with pytest.raises(ValueError, match=r"""names\[1\]="o'brien"""):
        ContextWindowTransformer().fit(["asha", "o'brien"])


def test_lines_are_counted_as_an_editor_counts_them():
    text = "asha\r\n\nravi\u2028uma\rzoe"
    assert list(numbered_lines(text)) == [
        (1, "asha"), (2, ""), (3, "ravi"), (3, "uma"), (4, "zoe"),
    ]  # fmt: skip


# --------------------------------------------------------------------------- #
# 2. Flags, not parameters.
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize(
    "flags, fragments",
    [
        (["--alphabet", "abca"], ["error: --alphabet has repeated characters ['a']"]),
        (["--alphabet", ""], ["error: --alphabet is empty"]),
        (["--alphabet", "ab-"], ["error: --alphabet must not contain"]),
        (["--embedding-dim", "10000000000"], ["--hidden-layer-sizes 8 makes"]),
        (["--alpha", "1e308"], ["with --alpha 1e+308. Lower --alpha (the default"]),
        (
            [*KN, "--order", "9"],
            ["--order 9 needs", "windows (--context-length ...) or lower --order."],
        ),
    ],
    ids=["repeated", "empty", "end-marker", "sizes", "diverged", "order"],
)
def test_train_errors_spell_flags(names_file, tmp_path, capsys, flags, fragments):
    settings = flags if "kneser-ney" in flags else [*TINY, *flags]
    argv = ["train", names_file, *settings, "-o", tmp_path / "m.skops"]
    err = one_line_error(*run(capsys, *argv)[::2], *fragments)
    python = ("error: alphabet", "_sizes", "order=", "Transformer(", "lower order")
    assert not any(spelling in err for spelling in python), err


def test_sample_errors_spell_flags(model_file, capsys):
    argv = ["sample", model_file, "--min-label-proba", "0.5"]
    err = one_line_error(*run(capsys, *argv)[::2], "leave out --min-label-proba")
    assert "NameSampler(" not in err and "None" not in err

    argv = ["sample", model_file, "--prefix", "ab1"]
    err = one_line_error(*run(capsys, *argv)[::2], "in --prefix ab1.")
    assert "prefixes[" not in err


# --------------------------------------------------------------------------- #
# 3. Absurd length bounds, refused up front.
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize(
    "flags, fragment",
    [
        (["--min-length", "1000000000"], "--min-length 1,000,000,000 is more than"),
        (["--max-length", "1000000000"], "--max-length 1,000,000,000 is more than"),
        (["--min-length", "5", "--max-length", "3"], "--max-length 3 must be >="),
    ],
)
def test_absurd_lengths_are_refused_before_loading(tmp_path, capsys, flags, fragment):
    missing = tmp_path / "no-such-model.skops"  # never opened
    one_line_error(*run(capsys, "sample", missing, *flags)[::2], fragment)


def test_names_that_cannot_fit_in_memory_are_refused(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sknextchar.cli._lengths.machine_memory", lambda: 10**6)
    argv = ["sample", tmp_path / "m.skops", "-n", "1000", "--min-length", "100"]
    one_line_error(*run(capsys, *argv)[::2], "-n 1,000 names of --min-length 100")


def test_names_of_a_large_alphabet_that_cannot_fit_are_refused(
    tmp_path, capsys, monkeypatch
):
    # 10,000 names of a 301-symbol model hold ~120 MB of probabilities at each
    # step; the check counted 200 bytes a name and let it run out of memory.
    letters = [chr(0x4E00 + i) for i in range(300)]
    names = write(
        tmp_path / "n.txt", "".join(a + b + "\n" for a, b in zip(letters, letters[1:]))
    )
    model = tmp_path / "m.skops"
    assert run(capsys, "train", names, "-o", model, "--alphabet", "auto", *KN)[0] == 0
    monkeypatch.setattr("sknextchar._sizes.machine_memory", lambda: 20 * 10**6)
    err = one_line_error(*run(capsys, "sample", model, "-n", "10000")[::2], "-n")
    assert "probabilities of 301 symbols" in err and "lower -n" in err


def test_min_length_above_the_models_default_max_length_raises_it(model_file, capsys):
    # As NameSampler.sample: the default maximum (the longest training name, 10
    # letters here) rises to --min-length.
    argv = ["sample", model_file, "-n", "2", "--min-length", "12", "--seed", "0"]
    status, out, _ = run(capsys, *argv)
    assert status == 0 and [len(name) for name in out.split()] == [12, 12]


# --------------------------------------------------------------------------- #
# 4. A failed write names the target and changes nothing.
# --------------------------------------------------------------------------- #
def disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(args[-1]))


def check_nothing_changed(err, folder, target, before, kept=()):
    assert f"Cannot write {str(target)!r}: No space left on device" in err, err
    assert "Nothing was changed" in err and ".m.skops." not in err, err
    if before is None:
        assert not target.exists() and "was not created" in err
    else:
        assert target.read_bytes() == before and "is as it was" in err
    assert sorted(os.listdir(folder)) == sorted(
        [target.name] * (before is not None) + ["names.txt", *kept]
    )  # no temporary file left; the trained model kept in a file of its own


@pytest.mark.parametrize("existing", [False, True], ids=["new", "replaced"])
def test_train_on_a_full_disk(tmp_path, capsys, monkeypatch, existing):
    names = write(tmp_path / "names.txt", "asha\nravi\nsita\nomar\n")
    target = tmp_path / "m.skops"
    before = None
    if existing:  # a model file: --force replaces no other file
        before = save_model(ContextWindowTransformer().fit(["uma"]), target)
        before = before.read_bytes()
    monkeypatch.setattr(sknextchar._persistence, "write_canonical", disk_full)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # no other folder
    monkeypatch.chdir(tmp_path)
    argv = ["train", names, *TINY, "-o", target, "--force"]
    err = one_line_error(*run(capsys, *argv)[::2])
    check_nothing_changed(err, tmp_path, target, before)
    assert "could not be kept in another file either" in err


def test_a_failed_rename_names_the_target(tmp_path, capsys, monkeypatch):
    names = write(tmp_path / "names.txt", "asha\nravi\nsita\nomar\n")
    target = tmp_path / "m.skops"
    old = save_model(ContextWindowTransformer().fit(["uma"]), target).read_bytes()
    replace = os.replace

    def failing(src, dst):
        if str(dst) == str(target):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), src, None, dst)
        replace(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    argv = ["train", names, *TINY, "-o", target, "--force"]
    err = one_line_error(*run(capsys, *argv)[::2])
    # The model trained is kept beside the target, in a file of a new name.
    kept = [name for name in os.listdir(tmp_path) if name.startswith("m.unsaved-")]
    check_nothing_changed(err, tmp_path, target, old, kept)
    assert len(kept) == 1 and repr(str(tmp_path / kept[0])) in err


def test_plot_on_a_full_disk(model_file, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(matplotlib.figure.Figure, "savefig", disk_full)
    target = tmp_path / "loss.png"
    argv = ["plot", model_file, "--loss", "-o", target]
    err = one_line_error(*run(capsys, *argv)[::2], f"Cannot write {str(target)!r}")
    assert "Nothing was changed" in err and os.listdir(tmp_path) == []


def test_save_model_on_a_full_disk_keeps_the_errno(tmp_path, monkeypatch):
    monkeypatch.setattr(sknextchar._persistence, "write_canonical", disk_full)
    target = str(tmp_path / "windows.skops")
    with pytest.raises(OSError, match=f"Cannot write {target!r}") as info:
        save_model(ContextWindowTransformer().fit(["abid"]), target)
    assert info.value.errno == errno.ENOSPC and os.listdir(tmp_path) == []


def test_a_written_file_that_does_not_load_names_no_temporary_file(
    tmp_path, monkeypatch
):
    dumps = skops.io.dumps

    def truncated(model):
        return dumps(model)[:100]

    monkeypatch.setattr(skops.io, "dumps", truncated)
    target = str(tmp_path / "windows.skops")
    with pytest.raises(ValueError, match="would not load") as info:
        save_model(ContextWindowTransformer().fit(["abid"]), target)
    assert ".windows.skops." not in str(info.value)
    assert os.listdir(tmp_path) == []


@pytest.mark.slow
@pytest.mark.parametrize("flag", ["--tree", "--distribution"])
def test_plot_after_a_prefix_longer_than_any_training_name(
    model_file, capsys, tmp_path, flag
):
    # plot has no --max-length: a prefix past the model's longest training name
    # (10 letters) lifts the bound for the picture instead of advising a flag
    # that plot does not have.
    out = tmp_path / "p.png"
    status, _, err = run(capsys, "plot", model_file, flag, "abhi" * 4, "-o", out)
    assert status == 0, err
    assert out.stat().st_size > 0


def test_plot_keeps_a_min_length_above_the_training_names(model_file, capsys, tmp_path):
    # A sampler saved with min_length=15 (its names: 4 to 10 letters) reaches 15
    # letters: an 11-letter prefix needs no lifted bound, and one lifted to 12
    # would cross min_length.
    sampler = load_model(model_file).set_params(min_length=15)
    path = tmp_path / "long.skops"
    save_model(sampler, str(path))
    out = tmp_path / "p.png"
    status, _, err = run(
        capsys, "plot", path, "--distribution", "abhishekana", "-o", out
    )
    assert status == 0, err
    assert out.stat().st_size > 0
