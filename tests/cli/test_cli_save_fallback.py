"""A failed save after training keeps the model; input files are refused before
the expensive work; plot --force replaces only a picture of its format that
plot made."""

import errno
import io
import os
import shutil
import stat

import matplotlib
import pytest

import sknextchar._file_safety
import sknextchar._persistence
import sknextchar.cli._commands
import sknextchar.cli._resume
from sknextchar import load_model
from sknextchar.cli import main
from sknextchar.cli._picture_files import picture_format

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

NAMES = "asha\nravi\nsita\nomar\nanil\nmira\numa\nzoya\n"
KN = ["--model", "kneser-ney", "--context-length", "2", "-q"]
TINY = ["--max-iter", "1", "--hidden-layer-sizes", "8", "--seed", "0", "-q"]


@pytest.fixture
def folders(tmp_path, monkeypatch):
    """The names file, the folder of -o, and the temporary folder (the
    fallback's) apart from each other; the current folder is the temporary one."""
    names = tmp_path / "names.txt"
    names.write_text(NAMES, encoding="utf-8")
    out, temp = tmp_path / "out", tmp_path / "temp"
    out.mkdir()
    temp.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temp))
    monkeypatch.chdir(temp)
    yield str(names), out, temp
    if out.exists():  # pytest removes it
        out.chmod(0o755)


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """``reference(flags)``: the bytes of the model that ``train`` with these
    flags saves from :data:`NAMES` when nothing fails (no path is in them),
    trained once for the module."""
    saved = {}

    def model_bytes(flags):
        if tuple(flags) not in saved:
            folder = tmp_path_factory.mktemp("reference")
            (names := folder / "names.txt").write_text(NAMES, encoding="utf-8")
            argv = ["train", str(names), *flags, "-o", str(folder / "m.skops")]
            assert main(argv) == 0
            saved[tuple(flags)] = (folder / "m.skops").read_bytes()
        return saved[tuple(flags)]

    return model_bytes


def kept_file(err, temp):
    """The one fallback file in ``temp``, named in the message."""
    kept = os.listdir(temp)
    assert len(kept) == 1 and kept[0].startswith("m.unsaved-"), kept
    path = temp / kept[0]
    assert repr(str(path)) in err and f"mv {path}" in err, err
    return path


def fail_in(folder, exc):
    """``_dump`` that raises ``exc`` for a file in ``folder``."""
    dump = sknextchar._persistence._dump

    def dump_or_fail(model, format, tmp):
        if os.path.dirname(tmp) == str(folder):
            raise exc
        dump(model, format, tmp)

    return dump_or_fail


def read_only_during_training(folder, monkeypatch):
    """``folder`` made read-only once training began, after the check of -o."""
    with_record = sknextchar.cli._commands.with_record

    def protect_then_record(*args, **kwargs):
        folder.chmod(0o555)
        return with_record(*args, **kwargs)

    monkeypatch.setattr(sknextchar.cli._commands, "with_record", protect_then_record)


@pytest.mark.parametrize("flags", [KN, TINY], ids=["counts", "mlp"])
def test_a_full_disk_keeps_the_trained_model(
    folders, reference, capsys, monkeypatch, flags
):
    names, out, temp = folders
    expected = reference(flags)
    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(sknextchar._persistence, "_dump", fail_in(out, full))
    target = out / "m.skops"
    assert main(["train", names, *flags, "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sknextchar: error: Cannot write") and err.count("\n") == 1
    assert "No space left on device" in err and "Traceback" not in err
    assert os.listdir(out) == []  # the target not created, no temporary file
    kept = kept_file(err, temp)
    assert kept.read_bytes() == expected  # the same model, the same bytes
    assert type(load_model(kept)).__name__ == "NameSampler"
    # Readable as a saved model is (the umask's mode), not private to its owner.
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o666 & ~mask


def test_a_folder_made_read_only_during_training(
    folders, reference, capsys, monkeypatch
):
    names, out, temp = folders
    expected = reference(KN)
    read_only_during_training(out, monkeypatch)
    assert main(["train", names, *KN, "-o", str(out / "m.skops")]) == 1
    err = capsys.readouterr().err
    assert "its folder cannot be written to" in err and err.count("\n") == 1
    assert os.listdir(out) == []
    kept = kept_file(err, temp)
    assert kept.read_bytes() == expected
    # Why not beside -o: said of the copy too (it did not say), and not
    # again when the error just said it.
    assert (
        f"saved to {str(kept)!r} instead, as the folder of -o did not take it "
        "either; move it into place"
    ) in err, err
    assert err.count("mode 0o555 lets no one write it") == 1, err


def test_a_fallback_folder_refused_is_told_in_the_command_lines_words(
    folders, capsys, monkeypatch
):
    """A fallback folder that may not be written was refused with Python's
    advice ("Pass another path") in the command line's message; then with
    the command line's advice on -o again. Its reason is told alone."""
    names, out, temp = folders
    protection = sknextchar._file_safety.protection

    def temp_protected(path, *args):  # as if temp were write-protected
        if not args and os.path.realpath(path) == os.path.realpath(temp):
            return "no permission (for this test)"
        return protection(path, *args)

    monkeypatch.setattr(sknextchar._file_safety, "protection", temp_protected)
    read_only_during_training(out, monkeypatch)
    assert main(["train", names, *KN, "-o", str(out / "m.skops")]) == 1
    err = capsys.readouterr().err
    assert "could not be kept in another file either" in err, err
    in_temp = err.split(f"in {os.path.realpath(temp)!r}: ")[1]
    # The reason alone, without a refusal of a file never made nor advice.
    assert in_temp.startswith("cannot be written to") and "for this test" in in_temp
    assert "another path" not in err and err.count("Choose another") == 1, err


def test_a_folder_removed_during_training(folders, tmp_path, capsys, monkeypatch):
    names, out, temp = folders
    with_record = sknextchar.cli._commands.with_record

    def remove_then_record(*args, **kwargs):
        shutil.rmtree(out)
        return with_record(*args, **kwargs)

    monkeypatch.setattr(sknextchar.cli._commands, "with_record", remove_then_record)
    assert main(["train", names, *KN, "-o", str(out / "m.skops")]) == 1
    err = capsys.readouterr().err
    assert "no such folder" in err and "was not lost" in err
    assert type(load_model(kept_file(err, temp))).__name__ == "NameSampler"


def test_ctrl_c_in_training_says_why_the_model_is_not_beside_o(
    folders, capsys, monkeypatch
):
    from sknextchar.cli._progress import EpochProgress

    names, out, temp = folders

    def protect_then_interrupt(self, estimator, context, **kwargs):
        if context.task_name == "epoch":
            out.chmod(0o555)
            raise KeyboardInterrupt

    monkeypatch.setattr(EpochProgress, "on_fit_task_end", protect_then_interrupt)
    flags = ["--hidden-layer-sizes", "8", "--seed", "0", "--max-iter", "3"]  # no -q
    argv = ["train", names, *flags, "-o", str(out / "m.skops")]
    assert main(argv) == 130
    err = capsys.readouterr().err
    kept = kept_file(err, temp)
    why = f"as the folder of -o did not take it (in {os.path.realpath(out)!r}: "
    assert f"saved to {str(kept)!r} instead, {why}cannot be written to" in err, err
    assert type(load_model(kept)).__name__ == "NameSampler"


def test_ctrl_c_while_saving_keeps_the_model(folders, reference, capsys, monkeypatch):
    names, out, temp = folders
    expected = reference(KN)
    dump, calls = sknextchar._persistence._dump, []

    def interrupted_once(*args):
        calls.append(args[-1])
        if len(calls) == 1:
            raise KeyboardInterrupt
        dump(*args)

    monkeypatch.setattr(sknextchar._persistence, "_dump", interrupted_once)
    target = out / "m.skops"
    assert main(["train", names, *KN, "-o", str(target)]) == 130
    err = capsys.readouterr().err
    assert "interrupted while saving" in err and "nothing was saved" in err
    assert not target.exists() and os.listdir(temp) == []
    assert kept_file(err, out).read_bytes() == expected  # beside the target


def test_the_fallback_replaces_nothing(folders, tmp_path, capsys, monkeypatch):
    names, out, temp = folders
    (out / "m.skops").write_bytes(b"")  # an empty file: a model may replace it
    others = {name: name.encode() for name in ("m.unsaved-a.skops", "notes.txt")}
    for name, data in others.items():
        (temp / name).write_bytes(data)
    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(sknextchar._persistence, "_dump", fail_in(out, full))
    target = out / "m.skops"
    assert main(["train", names, *KN, "-o", str(target), "--force"]) == 1
    err = capsys.readouterr().err
    assert target.read_bytes() == b"" and "is as it was" in err
    new = set(os.listdir(temp)) - set(others)
    assert len(new) == 1 and all(
        (temp / n).read_bytes() == d for n, d in others.items()
    )
    assert repr(str(temp / new.pop())) in err


def test_chunked_and_resumed_training_keep_the_model(folders, capsys, monkeypatch):
    names, out, temp = folders
    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(sknextchar._persistence, "_dump", fail_in(out, full))
    chunked = ["train", names, *TINY, "--chunk-size", "4", "--validation-fraction", "0"]
    assert main([*chunked, "-o", str(out / "m.skops")]) == 1
    kept = kept_file(capsys.readouterr().err, temp)
    resumed = ["train", names, "--resume", str(kept), "--max-iter", "2", "-q"]
    assert main([*resumed, "-o", str(out / "m.skops")]) == 1
    err = capsys.readouterr().err
    again = [temp / n for n in os.listdir(temp) if temp / n != kept]
    assert len(again) == 1 and repr(str(again[0])) in err
    assert type(load_model(again[0])).__name__ in ("Pipeline", "NameSampler")


# --------------------------------------------------------------------------- #
# Input files refused before the model loads.
# --------------------------------------------------------------------------- #
@pytest.fixture(scope="module")
def trained_folder(tmp_path_factory):
    """The names file and the model trained on it, trained once for the module."""
    folder = tmp_path_factory.mktemp("trained")
    names = folder / "names.txt"
    names.write_text(NAMES, encoding="utf-8")
    assert main(["train", str(names), *TINY, "-o", str(folder / "m.skops")]) == 0
    return folder


@pytest.fixture
def model_file(trained_folder, tmp_path):
    """A copy of the trained model (and its names file) in the test's own folder."""
    for name in ("names.txt", "m.skops"):
        shutil.copyfile(trained_folder / name, tmp_path / name)
    return str(tmp_path / "m.skops")


def never_loaded(*args, **kwargs):
    raise AssertionError("the model was loaded before the input files were checked")


@pytest.mark.parametrize("exclude", ["missing.txt", "bad.txt"])
def test_sample_refuses_the_exclude_file_before_loading(
    model_file, tmp_path, capsys, monkeypatch, exclude
):
    (tmp_path / "bad.txt").write_bytes(b"asha\x00\x01\x02\xff\xfe" * 200)
    monkeypatch.setattr(sknextchar.cli._commands, "load_model", never_loaded)
    path = str(tmp_path / exclude)
    assert main(["sample", model_file, "--exclude-file", path]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sknextchar: error:") and repr(path) in err, err


def test_resume_refuses_the_names_file_before_loading(
    model_file, tmp_path, capsys, monkeypatch
):
    monkeypatch.setattr(sknextchar.cli._resume, "load_trained", never_loaded)
    missing = str(tmp_path / "missing.txt")
    argv = ["train", missing, "--resume", model_file, "-o", str(tmp_path / "n.skops")]
    assert main([*argv, "-q"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sknextchar: error:") and repr(missing) in err, err


# --------------------------------------------------------------------------- #
# plot -o PICTURE --force replaces only a picture of the format written that
# plot made (see test_plot_force_own_pictures.py).
# --------------------------------------------------------------------------- #
@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["png", "svg", "pdf", "eps", "jpg", "tiff", "svgz"])
def test_matplotlib_pictures_are_told_by_their_bytes(fmt):
    fig = plt.figure()
    data = io.BytesIO()
    fig.savefig(data, format=fmt)
    plt.close(fig)
    head = data.getvalue()[:4096]
    assert fmt in picture_format(head)
    assert picture_format(b"asha\nravi\n") == [] and picture_format(b"") == []


def plot(capsys, model, target, *flags):
    status = main(["plot", model, "--loss", "-o", str(target), *flags])
    return status, capsys.readouterr().err


@pytest.mark.parametrize(
    ("old", "kind"),
    [
        (NAMES.encode(), "a text file (first line: 'asha')"),
        (b"%PDF-1.4\n", "a PDF picture"),
        (b'<?xml version="1.0"?>\n<svg xmlns="x">', "an SVG picture"),
    ],
    ids=["names", "pdf", "svg"],
)
def test_plot_force_keeps_what_is_no_png(model_file, tmp_path, capsys, old, kind):
    target = tmp_path / "loss.png"
    target.write_bytes(old)
    status, err = plot(capsys, model_file, target, "--force")
    assert status == 1 and target.read_bytes() == old
    assert "not a PNG picture" in err and f"it is {kind}" in err, err
    assert sorted(os.listdir(tmp_path)) == ["loss.png", "m.skops", "names.txt"]


def _plot_picture(fmt):
    """A picture of ``fmt`` with plot's mark, as plot saves one: it replaces it."""
    fig = plt.figure(figsize=(1, 1))
    data = io.BytesIO()
    key = "Software" if fmt == "png" else "Creator"
    mark = f"sknextchar plot (Matplotlib {matplotlib.__version__})"
    fig.savefig(data, format=fmt, metadata={key: mark})
    plt.close(fig)
    return data.getvalue()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("suffix", "old"),
    [(".png", "png"), (".svg", None), (".pdf", "pdf")],
    ids=["png", "empty svg", "pdf"],
)
def test_plot_force_replaces_a_picture_of_its_format(
    model_file, tmp_path, capsys, suffix, old
):
    """A picture that plot made (its mark in it), or an empty file."""
    target = tmp_path / f"loss{suffix}"
    old = b"" if old is None else _plot_picture(old)
    target.write_bytes(old)
    status, err = plot(capsys, model_file, target)
    assert status == 1 and "pass --force" in err and target.read_bytes() == old
    status, err = plot(capsys, model_file, target, "--force")
    assert status == 0, err
    assert target.read_bytes() != old and suffix[1:] in picture_format(
        target.read_bytes()[:4096]
    )


@pytest.mark.slow  # a save at each of ~100 lines
def test_an_interrupt_anywhere_in_keep_elsewhere_leaves_no_stray_file(tmp_path):
    """Ctrl-C between any two lines of keep_elsewhere, of the making of its
    file (tempfile.mkstemp made it: a Ctrl-C inside it left an empty file)
    and of the save: the folder holds nothing, or the whole model."""
    import tempfile

    from sknextchar import (
        ContextWindowTransformer,
        _file_safety,
        _name_limits,
        _open_files,
        _path_flaws,
        _temp_files,
        _write_protection,
    )
    from sknextchar.cli._saving import keep_elsewhere
    from tests._interrupts import interrupted_at

    model = ContextWindowTransformer().fit(["asha", "ravi"])
    output = tmp_path / "m.skops"
    made_by = getattr(tempfile, "_mkstemp_inner", None)  # what mkstemp ran
    safety = (_file_safety, _name_limits, _open_files, _path_flaws, _temp_files)
    functions = [f for m in (*safety, _write_protection) for f in vars(m).values()]
    traced = [keep_elsewhere, made_by, *functions]
    traced = [f for f in traced if hasattr(getattr(f, "__wrapped__", f), "__code__")]

    def keep():
        keep_elsewhere(model, output, "skops")

    line = 0
    while interrupted_at(line := line + 1, keep, *traced):
        left = os.listdir(tmp_path)
        assert len(left) <= 1, f"interrupted at line {line}: {left}"
        if left:  # interrupted after the save: the file holds the model
            assert load_model(tmp_path / left[0]).vocabulary_, line
            os.remove(tmp_path / left[0])
    assert line > 20  # the interrupts reached every line of the making


@pytest.mark.slow  # 4 epochs of a chunked MLP: 17 s on a loaded machine
def test_epochs_kept_from_a_changed_file_are_told_in_one_sentence(
    folders, capsys, monkeypatch
):
    # The folder of -o refusing the model kept after the names file changed
    # during training: before, "... did not take it (in '...': ...) ('...'
    # was not created): epochs 3 to 4 are left", two brackets in a row.
    import sknextchar._chunked as chunked

    names, out, temp = folders
    with open(names, "w", encoding="utf-8") as f:  # read in several chunks
        f.write(NAMES * 40)
    epoch_trainer = chunked._epoch_trainer

    def and_change(*args):
        train_epoch = epoch_trainer(*args)

        def then_change(at):
            stop = train_epoch(at)
            if at == 1:  # after 2 epochs: the names file grows, -o is refused
                with open(names, "a", encoding="utf-8") as f:
                    f.write("zoe\n")
                out.chmod(0o555)
            return stop

        return then_change

    monkeypatch.setattr(chunked, "_epoch_trainer", and_change)
    target = out / "m.skops"
    argv = ["train", names, *TINY[2:], "--max-iter", "4", "--chunk-size", "80"]
    assert main([*argv, "-o", str(target)]) == 1
    err = capsys.readouterr().err
    (kept,) = temp.iterdir()
    why = f"as the folder of -o did not take it (in {os.path.realpath(out)!r}: "
    assert f"saved to {str(kept)!r} instead, {why}" in err, err
    assert ") (" not in err and ")(" not in err, err
    assert f", and {str(target)!r} was not created: epochs 3 to 4 are" in err
    assert len(load_model(kept).estimator_[-1].loss_curve_) == 2


def test_an_internal_error_while_saving_keeps_the_model(
    folders, reference, capsys, monkeypatch
):
    """A bug at save time keeps its traceback, and the trained model too."""
    names, out, temp = folders
    expected = reference(KN)
    bug = TypeError("unsupported operand type(s) for +: 'NoneType' and 'int'")
    monkeypatch.setattr(sknextchar._persistence, "_dump", fail_in(out, bug))
    with pytest.raises(TypeError, match="unsupported operand"):
        main(["train", names, *KN, "-o", str(out / "m.skops")])
    err = capsys.readouterr().err
    assert "sknextchar: error:" not in err and "internal error" in err
    assert os.listdir(out) == []
    assert kept_file(err, temp).read_bytes() == expected
