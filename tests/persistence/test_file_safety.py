"""Files are never destroyed: save targets, atomic verified saves, the CLI's outputs.

FIFOs, folders, sockets, symlinks and read-only folders are made in ``tmp_path``;
no test touches a real device node.
"""

import contextlib
import os
import socket
import stat
import threading

import numpy as np
import pytest
import skops.io
from sklearn.pipeline import make_pipeline

import sknextchar._file_safety as file_safety
import sknextchar._persistence as persistence
from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    load_model,
    save_model,
)
from sknextchar.cli import main

NAMES = ["abid", "asha", "ravi", "mira", "arun", "devi", "amit", "sita"]
TINY = ["--embedding-dim", "2", "--hidden-layer-sizes", "4", "--max-iter", "1"]
TINY += ["--validation-fraction", "0", "-q"]


@pytest.fixture(scope="module")
def pipe():
    clf = CharEmbeddingMLPClassifier(
        embedding_dim=2, hidden_layer_sizes=(4,), max_iter=1
    )
    return make_pipeline(ContextWindowTransformer(), clf).fit(NAMES)


def _listing(folder):
    return sorted(os.listdir(folder))


def _old_model(path):
    """Save another model at ``path``: only a model file is ever replaced."""
    save_model(ContextWindowTransformer().fit(["uma"]), path)
    return path.read_bytes()


@contextlib.contextmanager
def _socket_file(path):
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        yield path
    finally:
        server.close()


# ------------------------------------------------------------------ odd targets
@pytest.mark.parametrize("fmt", ["m.skops", "m.joblib"])
def test_a_fifo_is_refused_and_left_a_fifo(pipe, tmp_path, fmt):
    fifo = tmp_path / fmt
    os.mkfifo(fifo)
    with pytest.raises(FileExistsError, match="it is a FIFO"):
        save_model(pipe, fifo)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert _listing(tmp_path) == [fmt]  # no temporary file either


def test_a_socket_is_refused(pipe, tmp_path):
    with _socket_file(tmp_path / "s.skops") as path:
        with pytest.raises(FileExistsError, match="it is a socket"):
            save_model(pipe, path)
        assert stat.S_ISSOCK(os.stat(path).st_mode)


def test_a_folder_is_refused_and_left_as_it_is(pipe, tmp_path):
    folder = tmp_path / "m.skops"
    folder.mkdir()
    (folder / "inside.txt").write_text("kept")
    with pytest.raises(IsADirectoryError, match="it is a folder"):
        save_model(pipe, folder)
    assert (folder / "inside.txt").read_text() == "kept"


def test_a_symlink_is_followed_and_kept(pipe, tmp_path):
    """The documented behaviour: the file the link points to is replaced."""
    real = tmp_path / "real.skops"
    _old_model(real)
    link = tmp_path / "link.skops"
    link.symlink_to(real)
    save_model(pipe, link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert load_model(real).predict_proba(["abid"]).shape[0] == 5


def test_a_dangling_symlink_creates_its_target(pipe, tmp_path):
    link = tmp_path / "link.skops"
    link.symlink_to(tmp_path / "new.skops")
    save_model(pipe, link)
    assert link.is_symlink() and (tmp_path / "new.skops").is_file()


def test_a_symlink_to_a_fifo_is_refused(pipe, tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    link = tmp_path / "link.skops"
    link.symlink_to(fifo)
    with pytest.raises(FileExistsError, match="FIFO"):
        save_model(pipe, link)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_read_only_folder(pipe, tmp_path):
    """Refused as root too: root passes os.access, so the mode bits decide."""
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(PermissionError, match="mode 0o555 lets no one write it"):
            save_model(pipe, folder / "m.skops")
        assert _listing(folder) == []
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("suffix", [".skops", ".joblib"])
def test_a_write_protected_file_is_never_replaced(pipe, tmp_path, suffix):
    """chmod 444 protects a file, as open(path, "w") would find.

    The tests run as root, whom os.access lets write any file: the check reads
    the mode bits (no write bit for anyone), so it refuses the same for root.
    """
    path = tmp_path / f"m{suffix}"
    precious = _old_model(path)
    path.chmod(0o444)
    with pytest.raises(
        PermissionError, match=r"write-protected \(mode 0o444 .*os\.chmod\(path"
    ):
        save_model(pipe, path)
    assert path.read_bytes() == precious and _listing(tmp_path) == [path.name]
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o444
    path.chmod(0o644)  # the advice: made writable, it is replaced
    assert save_model(pipe, path).read_bytes() != precious


def test_a_file_this_user_may_not_write_is_refused(pipe, tmp_path, monkeypatch):
    """Write bits for others only: os.access says no, as it does for a user
    who is not root, and the message says whose file it is."""
    path = tmp_path / "m.skops"
    path.write_bytes(b"theirs")
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, m: os.fspath(p) != str(path) and real_access(p, m)
    )
    with pytest.raises(PermissionError, match="owner uid .*: you may not write it"):
        save_model(pipe, path)
    assert path.read_bytes() == b"theirs"


# ------------------------------------------------------ atomic and verified saves
@pytest.mark.parametrize(
    "failure",
    [OSError(28, "No space left on device"), MemoryError(), KeyboardInterrupt()],
    ids=["disk-full", "memory", "interrupt"],
)
def test_a_failed_save_leaves_the_old_file_byte_identical(pipe, tmp_path, failure):
    path = save_model(pipe, tmp_path / "m.skops")
    before = path.read_bytes()

    def broken_write(data, tmp):  # the skops file, half written
        with open(tmp, "wb") as f:
            f.write(b"PK\x03\x04 half a file")
        raise failure

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sknextchar._persistence.write_canonical", broken_write)
        with pytest.raises(type(failure)):
            save_model(pipe, path)
    assert path.read_bytes() == before
    assert _listing(tmp_path) == ["m.skops"]


def test_a_file_that_would_not_load_never_replaces_the_old_one(pipe, tmp_path):
    path = save_model(pipe, tmp_path / "m.skops")
    before = path.read_bytes()

    def writes_garbage(model):
        return b"PK\x03\x04 not a zip after all"

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("skops.io.dumps", writes_garbage)
        with pytest.raises(
            ValueError, match="would not load .* target was not touched"
        ):
            save_model(pipe, path)
    assert path.read_bytes() == before
    assert _listing(tmp_path) == ["m.skops"]


def test_a_file_that_loads_as_another_model_never_replaces_the_old_one(pipe, tmp_path):
    path = save_model(pipe, tmp_path / "m.skops")
    before = path.read_bytes()
    other = skops.io.dumps(ContextWindowTransformer().fit(["abid"]))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("skops.io.dumps", lambda model: other)
        with pytest.raises(
            ValueError,
            match="loads as a ContextWindowTransformer, not a Pipeline; the target",
        ):
            save_model(pipe, path)
    assert path.read_bytes() == before
    assert _listing(tmp_path) == ["m.skops"]


@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_a_new_file_follows_the_umask(pipe, tmp_path, umask):
    old = os.umask(umask)
    try:
        path = save_model(pipe, tmp_path / "m.skops")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o666 & ~umask


@pytest.mark.parametrize("suffix", [".skops", ".joblib"])
def test_a_replaced_file_keeps_its_mode(pipe, tmp_path, suffix):
    path = tmp_path / f"m{suffix}"
    _old_model(path)
    path.chmod(0o640)
    save_model(pipe, path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640


def test_a_replaced_file_keeps_its_owner(pipe, tmp_path):
    if os.geteuid() != 0:
        pytest.skip("only root can give a file to another user")
    path = tmp_path / "m.skops"
    _old_model(path)
    os.chown(path, 1234, 5678)
    save_model(pipe, path)
    assert (os.stat(path).st_uid, os.stat(path).st_gid) == (1234, 5678)


def test_a_long_legal_file_name_works(pipe, tmp_path):
    name = "m" * (255 - len(".skops")) + ".skops"  # NAME_MAX on Linux
    path = save_model(pipe, tmp_path / name)
    assert hasattr(load_model(path), "predict_proba")
    assert _listing(tmp_path) == [name]


# ------------------------------------------------------------- only model state
@pytest.mark.parametrize(
    "make, kind",
    [
        (threading.Lock, "lock"),
        (lambda: open(os.devnull, "rb"), "BufferedReader"),  # opened, not written
        (lambda: lambda x: x, "function"),
        (lambda: (i for i in range(3)), "generator"),
    ],
    ids=["lock", "open-file", "lambda", "generator"],
)
def test_unsaveable_attributes_are_refused_naming_them(pipe, tmp_path, make, kind):
    path = save_model(pipe, tmp_path / "m.skops")
    before = path.read_bytes()
    value = make()
    pipe[-1].hook_ = value
    try:
        with pytest.raises(TypeError, match=r"model\.steps\[1\]\[1\]\.hook_ holds a"):
            save_model(pipe, path)
    finally:
        del pipe[-1].hook_
        if hasattr(value, "close"):
            value.close()
    assert path.read_bytes() == before
    assert _listing(tmp_path) == ["m.skops"]


def test_callbacks_never_reach_the_file(pipe, tmp_path):
    from sknextchar.callbacks import History

    pipe.set_callbacks(History())
    try:
        path = save_model(pipe, tmp_path / "m.skops")
    finally:
        del pipe._skl_callbacks
    assert not hasattr(load_model(path), "_skl_callbacks")


# ---------------------------------------------------------------- the command line
def _run(capsys, *argv):
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, err


@pytest.fixture
def names_file(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("\n".join(NAMES) + "\n")
    return path


def test_train_never_writes_over_its_names_file(names_file, capsys):
    before = names_file.read_bytes()
    for force in ([], ["--force"]):
        status, err = _run(capsys, "train", names_file, *TINY, "-o", names_file, *force)
        assert status == 1 and "input files of this command" in err
        assert err.count("\n") == 1
    assert names_file.read_bytes() == before


def test_train_needs_force_to_replace_a_file(names_file, tmp_path, capsys):
    output = tmp_path / "m.skops"
    precious = _old_model(output)
    status, err = _run(capsys, "train", names_file, *TINY, "-o", output)
    assert status == 1 and "pass --force to replace it" in err
    assert output.read_bytes() == precious
    status, _ = _run(capsys, "train", names_file, *TINY, "-o", output, "--force")
    assert status == 0 and hasattr(load_model(output), "predict_proba")


def _protected_output(path):
    path.write_bytes(b"precious")
    path.chmod(0o444)  # mode bits: the tests run as root, whom os.access lets in
    return path


def _refused_with_and_without_force(capsys, *argv):
    for force in ([], ["--force"]):
        status, err = _run(capsys, *argv, *force)
        assert status == 1 and err.count("\n") == 1
        assert "not even with --force" in err and "(chmod u+w " in err


def test_train_never_replaces_a_write_protected_file(names_file, tmp_path, capsys):
    output = _protected_output(tmp_path / "m.skops")
    _refused_with_and_without_force(capsys, "train", names_file, *TINY, "-o", output)
    chunked = ("train", names_file, *TINY, "--chunk-size", "4", "-o", output)
    _refused_with_and_without_force(capsys, *chunked)
    assert output.read_bytes() == b"precious"


def test_plot_never_replaces_a_write_protected_file(pipe, tmp_path, capsys):
    pytest.importorskip("matplotlib")
    model = save_model(pipe, tmp_path / "m.skops")
    output = _protected_output(tmp_path / "loss.png")
    _refused_with_and_without_force(capsys, "plot", model, "--loss", "-o", output)
    assert output.read_bytes() == b"precious"


def test_train_refuses_a_fifo_even_with_force(names_file, tmp_path, capsys):
    fifo = tmp_path / "m.skops"
    os.mkfifo(fifo)
    status, err = _run(capsys, "train", names_file, *TINY, "-o", fifo, "--force")
    assert status == 1 and "it is a FIFO" in err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@pytest.mark.slow  # matplotlib: seconds
def test_plot_never_replaces_a_picture_made_while_it_draws(
    pipe, tmp_path, capsys, monkeypatch
):
    """Two plots to one new -o at once: the picture the other wrote while this
    one drew was replaced without --force; now it is kept, and this one fails."""
    figure = pytest.importorskip("matplotlib.figure")
    model = save_model(pipe, tmp_path / "m.skops")
    output = tmp_path / "embeddings.png"
    savefig, made = figure.Figure.savefig, []

    def another_plot_first(fig, temporary, **kwargs):
        if not made:  # the other plot's picture, with plot's mark
            savefig(fig, output, **kwargs)
            made.append(os.stat(output).st_ino)
        return savefig(fig, temporary, **kwargs)

    monkeypatch.setattr(figure.Figure, "savefig", another_plot_first)
    status, err = _run(capsys, "plot", model, "--embeddings", "-o", output)
    assert status == 1 and "already exists (another program wrote it" in err
    assert "pass --force to replace it" in err
    assert os.stat(output).st_ino == made[0]  # the other's file, not replaced
    assert _listing(tmp_path) == ["embeddings.png", "m.skops"]  # no temporary file


@pytest.mark.slow
def test_plot_output_rules(pipe, tmp_path, capsys):
    pytest.importorskip("matplotlib")
    model = save_model(pipe, tmp_path / "m.skops")
    before = model.read_bytes()
    image = tmp_path / "loss.png"
    # --force replaces a PNG that plot made only (its mark, the Software text).
    status, _ = _run(capsys, "plot", model, "--embeddings", "-o", image)
    old = image.read_bytes()
    assert status == 0 and b"tEXtSoftware\0sknextchar plot (Matplotlib " in old
    status, err = _run(capsys, "plot", model, "--embeddings", "-o", image)
    assert status == 1 and "pass --force" in err and image.read_bytes() == old
    status, _ = _run(capsys, "plot", model, "--embeddings", "-o", image, "--force")
    assert status == 0 and image.read_bytes().startswith(b"\x89PNG")
    # An input file first, whatever its suffix (as_png below: a picture's).
    status, err = _run(capsys, "plot", model, "--embeddings", "-o", model, "--force")
    assert status == 1 and "input files" in err and model.read_bytes() == before
    # A model file with a picture's suffix: never written over, as an input.
    as_png = model.rename(tmp_path / "m.png")
    status, err = _run(capsys, "plot", as_png, "--embeddings", "-o", as_png, "--force")
    assert status == 1 and "input files" in err and as_png.read_bytes() == before
    fifo = tmp_path / "fifo.png"
    os.mkfifo(fifo)
    status, err = _run(capsys, "plot", as_png, "--embeddings", "-o", fifo, "--force")
    assert status == 1 and "FIFO" in err and stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert sorted(os.listdir(tmp_path)) == ["fifo.png", "loss.png", "m.png"]


# -------------------------------------------- advice in the caller's interface
def _python_refusals(tmp_path, monkeypatch):
    """The refusals of save_model's checks, as Python sees them: a folder that
    may not be written, one on the way that may not be entered, a loop of
    links."""
    import sknextchar._file_safety

    model = ContextWindowTransformer().fit(["a"])
    locked = tmp_path / "locked"
    (locked / "inner").mkdir(parents=True)
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    stat = os.stat

    def no_entry(path, *args, **kwargs):  # as a folder of mode 0o000, even to root
        if os.fspath(path).startswith(os.fspath(locked / "inner")):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return stat(path, *args, **kwargs)

    calls = [
        lambda: save_model(model, locked / "m.skops"),
        lambda: save_model(model, locked / "inner" / "m.skops"),
        lambda: save_model(model, tmp_path / "loop"),
    ]
    locked.chmod(0o500)  # enterable, not writable
    messages = []
    for call in calls:
        with monkeypatch.context() as patch, pytest.raises(OSError) as caught:
            if call is calls[1]:
                patch.setattr(sknextchar._file_safety.os, "stat", no_entry)
            call()
        messages.append(str(caught.value))
    locked.chmod(0o700)
    return messages


def test_save_model_advises_in_python_words(tmp_path, monkeypatch):
    """A read-only folder, save_model: 'Choose another output file' (the
    command line's -o) was the advice in Python too, and a loop of links
    was to be removed with a shell command (rm)."""
    writable, entered, loop = _python_refusals(tmp_path, monkeypatch)
    for message in (writable, entered, loop):
        assert "output file" not in message and "rm " not in message, message
        assert message.endswith("ave to another path."), message
    assert "its folder cannot be written to" in writable
    assert "cannot be entered (no permission)" in entered
    assert "remove it (os.remove(path))" in loop


def test_the_command_line_keeps_its_words(tmp_path, capsys):
    names = tmp_path / "names.txt"
    names.write_text("abid\nasha\n")
    (tmp_path / "old.skops").write_bytes(b"")
    argv = ["train", str(names), "-o", str(tmp_path / "old.skops"), "-q"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "pass --force to replace it, or choose another output file" in err


# ------------------------------------------------- a file written meanwhile
def _other_model(path):
    """What the other program saves at ``path``: (inode, bytes)."""
    data = _old_model(path)
    return os.stat(path).st_ino, data


def _another_save_meanwhile(monkeypatch, path, when):
    """Patch a step of the save so that another model lands at ``path`` then:
    while the model is written, or after the last check, just before it is
    put into place. Returns the list that gets (inode, bytes) of that file."""
    made = []
    if when == "while writing":
        dump = persistence._dump

        def step(*args):
            if not made:  # the other save's own step: as it was
                made.append(None)
                made[0] = _other_model(path)
            return dump(*args)

        monkeypatch.setattr(persistence, "_dump", step)
    else:
        check = file_safety.check_target
        calls = []

        def step(*args, **kwargs):
            status = check(*args, **kwargs)
            calls.append(args)
            if len(calls) == 2:  # atomic_write's last check: the file comes after
                made.append(_other_model(path))
            return status

        monkeypatch.setattr(file_safety, "check_target", step)
    return made


@pytest.mark.parametrize("when", ["while writing", "after the last check"])
def test_save_model_without_force_keeps_a_model_written_meanwhile(
    pipe, tmp_path, monkeypatch, when
):
    path = tmp_path / "m.skops"
    made = _another_save_meanwhile(monkeypatch, path, when)
    with pytest.raises(FileExistsError) as caught:
        save_model(pipe, path, force=False)
    assert made and (os.stat(path).st_ino, path.read_bytes()) == made[0]
    assert "another program wrote it" in str(caught.value)
    assert "pass force=True to replace it, or save to another path" in str(caught.value)
    assert os.listdir(tmp_path) == ["m.skops"]  # no temporary file left


def test_save_model_force_is_python_worded_and_a_bool(pipe, tmp_path):
    path = tmp_path / "m.skops"
    first = _other_model(path)
    with pytest.raises(FileExistsError, match=r"pass force=True to replace it"):
        save_model(pipe, path, force=False)
    assert (os.stat(path).st_ino, path.read_bytes()) == first
    with pytest.raises(TypeError) as caught:
        save_model(pipe, path, force="no")
    assert str(caught.value) == "force must be True or False; got 'no'."
    # A NumPy bool is a flag, as every other flag of the package takes it.
    with pytest.raises(FileExistsError, match=r"pass force=True to replace it"):
        save_model(pipe, path, force=np.False_)
    assert (os.stat(path).st_ino, path.read_bytes()) == first
    # The default replaces a model file, as joblib.dump and skops.io.dump do.
    save_model(pipe, path)
    assert hasattr(load_model(path), "predict_proba")
    new = tmp_path / "new.skops"
    save_model(pipe, new, force=False)  # no file there: written
    assert hasattr(load_model(new), "predict_proba")


def test_save_model_without_hard_links_still_refuses(pipe, tmp_path, monkeypatch):
    """A file system without hard links: the rename, after a last look."""
    path = tmp_path / "m.skops"

    def no_links(*args, **kwargs):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(file_safety.os, "link", no_links)
    save_model(pipe, path, force=False)
    assert hasattr(load_model(path), "predict_proba")
    made = _another_save_meanwhile(monkeypatch, tmp_path / "n.skops", "while writing")
    with pytest.raises(FileExistsError, match="another program wrote it"):
        save_model(pipe, tmp_path / "n.skops", force=False)
    assert (tmp_path / "n.skops").read_bytes() == made[0][1]


@pytest.mark.parametrize("when", ["while writing", "after the last check"])
def test_train_without_force_keeps_a_model_written_meanwhile(
    tmp_path, monkeypatch, capsys, when
):
    """Two trains to one new -o: the second replaced the first's model."""
    names = tmp_path / "names.txt"
    names.write_text("\n".join(NAMES) + "\n")
    output = tmp_path / "m.skops"
    made = _another_save_meanwhile(monkeypatch, output, when)
    status = main(["train", str(names), *TINY, "-o", str(output)])
    err = capsys.readouterr().err
    assert status == 1 and made
    assert (os.stat(output).st_ino, output.read_bytes()) == made[0]
    assert "another program wrote it" in err
    assert "pass --force to replace it, or choose another output file" in err
    assert "force=True" not in err
    kept = [name for name in os.listdir(tmp_path) if ".unsaved-" in name]
    assert len(kept) == 1 and kept[0] in err  # the trained model, kept elsewhere
