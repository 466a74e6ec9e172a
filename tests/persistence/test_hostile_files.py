"""Hostile or damaged model files: a corpus crafted here, in the tests.

Pickles whose ``__reduce__`` would create a marker file (they must never run
without ``allow_pickle=True``, the boolean), zip bombs built on the fly with a
small compressed size and zips that lie about their sizes (refused before any
inflating), malformed schemas (a list, JSON nested 50,000 deep, invalid JSON, an
unknown activation, a parameter out of range). Each gives a ValueError naming the
file, and the command line reports each in one line without a traceback.
"""

import io
import json
import os
import pickle
import re
import struct
import sys
import time
import zipfile
from pathlib import Path

import pytest
import skops.io  # noqa: F401  (imported here: its import is no load's memory)

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    get_trusted_types,
    load_model,
    save_model,
)
from sknextchar.cli import main
from tests._traced import tracing

NAMES = ["abid", "asha", "ravi", "mira", "arun", "devi"]


class _Marker:
    """Unpickling it creates a file: code that ran."""

    def __init__(self, path):
        self.path = str(path)

    def __reduce__(self):  # Path.touch: no open file left to the garbage collector
        return (Path.touch, (Path(self.path),))


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    folder = tmp_path_factory.mktemp("good")
    clf = CharEmbeddingMLPClassifier(max_iter=1, hidden_layer_sizes=(8,))
    clf.fit(ContextWindowTransformer().fit_transform(NAMES))
    return save_model(clf, folder / "clf.skops")


def _rezip(source, target, **replace):
    """A copy of a zip with some members replaced (name -> bytes, None: left out)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = replace.pop(info.filename, old.read(info))
            if data is not None:
                new.writestr(info.filename, data)
        for name, data in replace.items():
            new.writestr(name, data)
    return target


def _schema(path):
    return json.loads(zipfile.ZipFile(path).read("schema.json"))


def _tampered(good, tmp_path, name, value):
    """The file with one parameter of the classifier set to a JSON value."""
    schema = _schema(good)
    schema["content"]["content"][name]["content"] = json.dumps(value)
    return _rezip(
        good, tmp_path / "tampered.skops", **{"schema.json": json.dumps(schema)}
    )


# --------------------------------------------------------------------------- pickles
@pytest.mark.parametrize("consent", [False, "false", "True", 1, None, [True]])
def test_a_pickle_never_runs_without_the_boolean_true(tmp_path, consent):
    marker = tmp_path / "ran"
    path = tmp_path / "evil.joblib"
    path.write_bytes(pickle.dumps(_Marker(marker)))
    expected = ValueError if consent is False else TypeError
    with pytest.raises(expected, match="allow_pickle"):
        load_model(path, allow_pickle=consent)
    assert not marker.exists()


def test_a_pickle_with_consent_is_unpickled(tmp_path):
    """The marker proves that the refusals above are what kept the code from running."""
    marker = tmp_path / "ran"
    path = tmp_path / "evil.pkl"
    path.write_bytes(pickle.dumps(_Marker(marker)))
    with pytest.raises(TypeError, match="not a model"):
        load_model(path, allow_pickle=True)
    assert marker.exists()


def test_a_pickle_named_skops_is_not_unpickled(tmp_path):
    marker = tmp_path / "ran"
    path = tmp_path / "evil.skops"
    path.write_bytes(pickle.dumps(_Marker(marker)))
    with pytest.raises(ValueError, match="is not a skops file"):
        load_model(path)
    assert not marker.exists()


# ------------------------------------------------------------------------ zip bombs
def _bomb(path, n_bytes):
    """A zip of one member of n_bytes zeros, written in chunks (small on disk)."""
    chunk = bytes(2**22)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("schema.json", "{}")
        with archive.open("bomb.npy", "w", force_zip64=True) as member:
            for _ in range(n_bytes // len(chunk)):
                member.write(chunk)
    return path


@pytest.fixture(scope="module")
def bomb(tmp_path_factory):
    """A zip bomb of 64 MiB, deflated once for the module (only ever read)."""
    return _bomb(tmp_path_factory.mktemp("bomb") / "bomb.skops", 64 * 2**20)


def test_a_zip_bomb_is_refused_before_inflating(bomb):
    path = bomb
    assert path.stat().st_size < 2**20  # 64 MiB in less than 1 MiB
    with tracing() as traced:
        start = time.perf_counter()
        with pytest.raises(ValueError, match=r"67,108,\d\d\d bytes once uncompressed"):
            load_model(path, max_bytes=16 * 2**20)
        seconds = time.perf_counter() - start
    assert seconds < 1 and traced.peak < 4 * 2**20, (seconds, traced.peak)


def test_declared_sizes_beyond_the_default_limit_are_refused(tmp_path):
    """A zip that declares 4 GiB in its directory: refused at the default limit."""
    path = tmp_path / "liar.skops"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("schema.json", "{}")
    data = bytearray(path.read_bytes())
    central = data.index(b"PK\x01\x02")
    data[central + 24 : central + 28] = struct.pack("<I", 2**32 - 1)
    path.write_bytes(bytes(data))
    with pytest.raises(
        ValueError, match=r"4,294,967,295 bytes .* max_bytes=536,870,912"
    ):
        load_model(path)


def test_the_limit_is_adjustable(good):
    size = good.stat().st_size
    with pytest.raises(ValueError, match="max_bytes=100"):
        load_model(good, max_bytes=100)
    assert hasattr(load_model(good, max_bytes=100 * size), "predict_proba")
    assert hasattr(load_model(good, max_bytes=None), "predict_proba")
    with pytest.raises(TypeError, match="max_bytes must be a positive int"):
        load_model(good, max_bytes=True)


# ------------------------------------------------------------------ crafted schemas
def _crafted(good, tmp_path):
    deep = "[" * 50_000 + "]" * 50_000
    return {
        "schema-list": (_rezip(good, tmp_path / "a.skops", **{"schema.json": "[]"}),
                        "schema.json is a list, not a JSON object"),
        "schema-deep": (_rezip(good, tmp_path / "b.skops", **{"schema.json": deep}),
                        "nests deeper than 200 levels"),
        "schema-invalid-json": (
            _rezip(good, tmp_path / "c.skops", **{"schema.json": "{not json"}),
            "schema.json is not valid JSON"),
        "schema-empty-object": (
            _rezip(good, tmp_path / "d.skops", **{"schema.json": "{}"}),
            "corrupt"),
        "no-schema": (_rezip(good, tmp_path / "e.skops", **{"schema.json": None}),
                      "it has no schema.json"),
        "unknown-activation": (
            _tampered(good, tmp_path, "activation", "softplus"),
            "'activation' parameter of CharEmbeddingMLPClassifier must be"),
    }  # fmt: skip


@pytest.mark.parametrize(
    "kind",
    ["schema-list", "schema-deep", "schema-invalid-json", "schema-empty-object",
     "no-schema", "unknown-activation"],
)  # fmt: skip
def test_crafted_skops_files_give_a_value_error_naming_the_file(good, tmp_path, kind):
    path, match = _crafted(good, tmp_path)[kind]
    with pytest.raises(ValueError, match=match) as info:
        load_model(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize(
    "name, value, match",
    [
        ("embedding_dim", -3, "'embedding_dim' parameter"),
        ("embedding_dim", True, "Got True instead"),
        ("dropout", 2.0, "'dropout' parameter"),
        ("max_iter", "many", "'max_iter' parameter"),
    ],
)
def test_parameters_are_validated_at_load(good, tmp_path, name, value, match):
    path = _tampered(good, tmp_path, name, value)
    with pytest.raises(ValueError, match=f"it holds an invalid parameter: .*{match}"):
        load_model(path)


def _newer_protocol(good, path, recorded):
    """``good`` with a protocol after skops's own, recording skops ``recorded``."""
    schema = _schema(good)
    newest = json.loads(zipfile.ZipFile(io.BytesIO(skops.io.dumps(0))).read(
        "schema.json"))["protocol"]  # fmt: skip
    schema["protocol"], schema["_skops_version"] = newest + 1, recorded
    _rezip(good, path, **{"schema.json": json.dumps(schema)})
    return newest


def test_a_file_of_a_newer_skops_protocol_says_to_upgrade_skops(good, tmp_path, capsys):
    # It said "corrupt, truncated or not a skops model file" of a file that a
    # newer skops wrote in a format this one cannot read: an upgrade loads it.
    path = tmp_path / "newer.skops"
    newest = _newer_protocol(good, path, "999.0.0")
    with pytest.raises(
        ValueError, match=r"saved by a newer skops \(999\.0\.0\)"
    ) as info:
        load_model(path)
    message = str(info.value)
    assert f"protocol {newest + 1}" in message and "corrupt" not in message
    assert f"({skops.__version__}) reads protocols up to {newest}" in message
    # The one install command of every error about skops (it said a second,
    # "pip install --upgrade skops", here), with the file's skops as the floor.
    from sknextchar._skops_release import skops_install

    assert str(path) in message and skops_install("999.0.0") in message
    assert '"skops>=999.0.0"' in message
    assert main(["sample", str(path)]) == 1
    err = capsys.readouterr().err
    assert "saved by a newer skops" in err and err.count("\n") == 1
    schema = _schema(path)
    schema["protocol"] = newest  # its own protocol: loads as before
    _rezip(good, path, **{"schema.json": json.dumps(schema)})
    assert hasattr(load_model(path), "predict_proba")


@pytest.mark.parametrize(
    ("recorded", "shown"),
    [
        (skops.__version__, f"records skops {skops.__version__},"),
        ("0.0.1", "records skops 0.0.1,"),
        (None, "records no skops version,"),
        ("\x1b[2J\x1b[31mEVIL\nline2" + "B" * 100_000, "(no version)"),
        ("9" * 100_000, "(no version)"),
    ],
    ids=["this skops", "older", "none", "escapes", "huge"],
)
def test_a_newer_protocol_of_no_newer_skops_is_not_said_newer(
    good, tmp_path, capsys, recorded, shown
):
    # It said "saved by a newer skops ... which records skops 0.0.1" of a file
    # that records an older skops (an edited file), and copied the recorded
    # version into the message whole: 50 MB of it, terminal escapes included.
    path = tmp_path / "edited.skops"
    _newer_protocol(good, path, recorded)
    with pytest.raises(ValueError, match="its schema claims skops protocol") as info:
        load_model(path)
    message = str(info.value)
    assert "saved by a newer skops" not in message and shown in message
    assert len(message) < 600 and "\x1b" not in message and "\n" not in message
    assert main(["sample", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\x1b" not in err and len(err) < 700


def test_a_fifo_is_not_opened_for_loading(tmp_path):
    fifo = tmp_path / "model.skops"
    os.mkfifo(fifo)
    with pytest.raises(ValueError, match="not a regular file"):
        load_model(fifo)  # would block forever if it were opened


# ----------------------------------------------------------------- the command line
@pytest.mark.parametrize(
    "kind",
    ["schema-list", "schema-deep", "schema-invalid-json", "schema-empty-object",
     "no-schema", "unknown-activation"],
)  # fmt: skip
def test_the_cli_reports_crafted_files_in_one_line(good, tmp_path, capsys, kind):
    path, _ = _crafted(good, tmp_path)[kind]
    status = main(["sample", str(path), "-n", "2"])
    err = capsys.readouterr().err
    assert status == 1
    assert err.startswith("sknextchar: error: Cannot load") and err.count("\n") == 1
    assert "Traceback" not in err


def test_the_cli_reports_a_memory_error_in_one_line(good, capsys, monkeypatch):
    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr("sknextchar.cli._commands.load_model", exhausted)
    status = main(["sample", str(good), "-n", "2"])
    err = capsys.readouterr().err
    assert status == 1 and err.count("\n") == 1
    assert err.startswith("sknextchar: error: out of memory")


def test_the_cli_never_unpickles_without_trust_pickle(tmp_path, capsys):
    marker = tmp_path / "ran"
    path = tmp_path / "evil.joblib"
    path.write_bytes(pickle.dumps(_Marker(marker)))
    assert main(["sample", str(path)]) == 1
    assert "--trust-pickle" in capsys.readouterr().err
    assert not marker.exists()


def test_untrusted_zip_members_are_not_read_before_the_size_check(bomb):
    """get_untrusted_types used to read every member first; now the sizes come first."""
    path = bomb  # 64 MiB of zeros: reading its member would hold them all
    with tracing() as traced, pytest.raises(ValueError, match="max_bytes"):
        load_model(path, max_bytes=2**20)
    assert traced.peak < 4 * 2**20


# ------------------------------------------------------------ tampered fitted arrays
def _fitted_pipeline():
    from sklearn.pipeline import make_pipeline

    clf = CharEmbeddingMLPClassifier(embedding_dim=4, hidden_layer_sizes=(8,),
                                     max_iter=2, random_state=0)  # fmt: skip
    return make_pipeline(ContextWindowTransformer(context_length=2), clf).fit(NAMES)


def _dump_past_save_model(model, path):
    """Write ``model`` as a tampering user would: with joblib or skops directly."""
    import joblib

    if path.suffix == ".joblib":
        joblib.dump(model, path)
    else:
        skops.io.dump(model, path)
    return path


def _tamper_arrays(clf, kind):
    import numpy as np

    if kind == "first-layer-rows":
        clf.coefs_ = [clf.coefs_[0][:5], *clf.coefs_[1:]]
        return "coefs_\\[0\\] has 5 rows, the embeddings it reads need 8"
    if kind == "intercept-length":
        clf.intercepts_ = [clf.intercepts_[0][:3], *clf.intercepts_[1:]]
        return "intercepts_\\[0\\] has 3 values for 8 units"
    if kind == "layers-disagree":
        clf.coefs_ = [clf.coefs_[0], clf.coefs_[1][:6]]
        return "coefs_\\[1\\] reads 6 units, layer 0 gives 8"
    if kind == "classes":
        clf.classes_ = clf.classes_[:-1]
        return "the last layer gives \\d+ scores for \\d+ classes"
    if kind == "nan":
        clf.coefs_[1][0, 0] = np.nan
        return "holds nan or inf"
    clf.embeddings_ = clf.embeddings_.astype(np.int64)  # "int-embeddings"
    return "embeddings_ is not a 2-d array of floats"


@pytest.mark.parametrize("fmt", ["joblib", "skops"])
@pytest.mark.parametrize(
    "kind",
    ["first-layer-rows", "intercept-length", "layers-disagree", "classes", "nan",
     "int-embeddings"],
)  # fmt: skip
def test_tampered_fitted_arrays_fail_at_load_naming_the_file(tmp_path, fmt, kind):
    # The arrays of a file are checked at load, not found wrong inside NumPy.
    pipe = _fitted_pipeline()
    match = _tamper_arrays(pipe[-1], kind)
    path = _dump_past_save_model(pipe, tmp_path / f"m.{fmt}")
    with pytest.raises(ValueError, match=match) as info:
        load_model(path, allow_pickle=True)
    message = str(info.value)
    assert str(path) in message and "CharEmbeddingMLPClassifier" in message
    assert main(["sample", str(path), "--trust-pickle", "-n", "1"]) == 1


def test_intact_fitted_arrays_load(tmp_path):
    path = tmp_path / "m.skops"
    pipe = _fitted_pipeline()
    save_model(pipe, path)
    loaded = load_model(path)
    assert (loaded.predict_proba(["ab"]) == pipe.predict_proba(["ab"])).all()


def test_the_cli_max_bytes_flag_sets_the_limit(tmp_path, capsys):
    path = save_model(_fitted_pipeline(), tmp_path / "m.skops")
    size = path.stat().st_size
    argv = ["sample", str(path), "-n", "1", "--seed", "0"]
    assert main([*argv, "--max-bytes", "100"]) == 1
    err = capsys.readouterr().err
    assert "raise the limit (--max-bytes ...)" in err and "max_bytes=" not in err
    assert "Traceback" not in err
    for limit in (str(100 * size), f"{100 * size:,}", "1G", "2 MiB", "none"):
        assert main([*argv, "--max-bytes", limit]) == 0, limit
        assert len(capsys.readouterr().out.split()) == 1
    for bad in ("-5", "0", "lots", "1.5G"):
        assert main([*argv, "--max-bytes", bad]) == 2
        assert "--max-bytes: expected a positive number of bytes" in (
            capsys.readouterr().err
        )


def _tamper_tables(tables, kind):
    import numpy as np

    table = tables[-1]
    if kind == "alpha-length":
        table["alpha"] = table["alpha"][:-1]
        return "alpha does not hold one non-negative float per n-gram"
    if kind == "unsorted-keys":
        table["ngram_keys"] = table["ngram_keys"][::-1].copy()
        return "n-gram keys are not sorted and distinct"
    if kind == "key-range":
        table["ngram_keys"] = table["ngram_keys"] + 10**12
        return "n-gram key is outside"
    if kind == "indptr":
        table["indptr"] = table["indptr"][:-1]
        return "indptr does not delimit"
    if kind == "negative-gamma":
        table["gamma"] = -np.abs(table["gamma"]) - 1
        return "gamma does not hold one non-negative float per context"
    tables.clear()  # "no-tables"
    return "they are not a list of tables"


@pytest.mark.parametrize("fmt", ["joblib", "skops"])
@pytest.mark.parametrize(
    "kind",
    ["alpha-length", "unsorted-keys", "key-range", "indptr", "negative-gamma",
     "no-tables"],
)  # fmt: skip
def test_tampered_count_tables_fail_at_load_naming_the_file(tmp_path, fmt, kind):
    import copy

    from sklearn.pipeline import make_pipeline

    from sknextchar import KneserNeyClassifier

    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier()).fit(NAMES)
    state = copy.deepcopy(pipe[-1].__getstate__())
    match = _tamper_tables(state["_tables"], kind)
    pipe[-1].__dict__.update(state)  # as a file edited by hand would hold it
    path = _dump_past_save_model(pipe, tmp_path / f"m.{fmt}")
    with pytest.raises(ValueError, match=match) as info:
        load_model(path, allow_pickle=True)
    assert str(path) in str(info.value) and "count tables are damaged" in str(
        info.value
    )
    assert main(["sample", str(path), "--trust-pickle", "-n", "1"]) == 1


def test_intact_count_tables_load_bit_identical(tmp_path):
    from sklearn.pipeline import make_pipeline

    from sknextchar import KneserNeyClassifier

    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier()).fit(NAMES)
    path = save_model(pipe, tmp_path / "m.skops")
    assert (load_model(path).predict_proba(NAMES) == pipe.predict_proba(NAMES)).all()


def test_tampered_arrays_inside_fitted_wrappers_fail_at_load(tmp_path):
    # Fitted members that only a fitted attribute holds (a classifier of names'
    # pipelines_, a mixture's estimators_) are checked like the others.
    from sklearn.pipeline import make_pipeline

    from sknextchar import MixtureClassifier, NameLabelClassifier

    clf = CharEmbeddingMLPClassifier(embedding_dim=4, hidden_layer_sizes=(8,),
                                     max_iter=2, random_state=0)  # fmt: skip
    by_label = NameLabelClassifier(_fitted_pipeline()).fit(NAMES, list("ffmmfm"))
    mixture = make_pipeline(
        ContextWindowTransformer(context_length=2),
        MixtureClassifier([("mlp", clf)], weights=[1]),
    ).fit(NAMES)
    for model, network in (
        (by_label, by_label.pipelines_[0][-1]),
        (mixture, mixture[-1].estimators_[0]),
    ):
        _tamper_arrays(network, "nan")
        path = _dump_past_save_model(model, tmp_path / "m.skops")
        with pytest.raises(ValueError, match="holds nan or inf"):
            load_model(path)


@pytest.mark.parametrize("loader", ["joblib", "pickle", "skops"])
def test_tampered_models_fail_when_unpickled_by_any_loader(tmp_path, loader):
    # The models check their fitted state as they are restored, so loading a
    # file without load_model (joblib.load, pickle, skops.io.load) fails too.
    import joblib
    from sklearn.pipeline import make_pipeline

    from sknextchar import KneserNeyClassifier
    from sknextchar.exceptions import DamagedModelError

    network = _fitted_pipeline()
    _tamper_arrays(network[-1], "classes")
    counts = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier()).fit(NAMES)
    counts[-1].__dict__["_tables"] = []
    for model, match in ((network, "fitted arrays do not fit together"),
                         (counts, "count tables are damaged")):  # fmt: skip
        path = tmp_path / "m.bin"
        if loader == "joblib":
            joblib.dump(model, path)
            load = joblib.load
        elif loader == "pickle":
            path.write_bytes(pickle.dumps(model))
            load = lambda p: pickle.loads(p.read_bytes())  # noqa: E731
        else:
            skops.io.dump(model, path)
            load = lambda p: skops.io.load(p, trusted=get_trusted_types())  # noqa: E731
        with pytest.raises(DamagedModelError, match=match):
            load(path)
        with pytest.raises(DamagedModelError, match=match) as info:
            load_model(path, allow_pickle=True)
        assert str(path) in str(info.value)


def test_invalid_parameters_inside_fitted_wrappers_fail_at_load(tmp_path):
    # The parameter check reaches the fitted members of a wrapper too.
    from sknextchar import NameLabelClassifier

    by_label = NameLabelClassifier(_fitted_pipeline()).fit(NAMES, list("ffmmfm"))
    by_label.pipelines_[0][-1].max_iter = -3  # as an edited file would hold it
    path = _dump_past_save_model(by_label, tmp_path / "m.skops")
    with pytest.raises(ValueError, match="invalid parameter.*max_iter") as info:
        load_model(path)
    assert str(path) in str(info.value)


# ------------------------------------------------- files that are no model at all
_NO_MODEL = {
    "empty": (b"", "it is empty; a model file"),
    "names": (b"asha\nravi\n", "but a text file (first line: 'asha'), perhaps a"),
    "csv-bom": ("\ufeffname,label\nasha,f\n".encode(), "first line: 'name,label'"),
    "utf-16": ("asha\nravi\n".encode("utf-16"), "first line: 'asha'"),
    "latin-1": ("zoë\n".encode("latin-1"), "first line: 'zoë'"),
    "blank": (b"\n \n", "but a text file of blank lines, perhaps a"),
}


@pytest.mark.parametrize("consent", [False, True])
@pytest.mark.parametrize("kind", sorted(_NO_MODEL))
def test_an_empty_or_text_file_is_named_as_such_not_as_a_pickle(
    tmp_path, kind, consent
):
    data, part = _NO_MODEL[kind]
    path = tmp_path / "names.skops"
    path.write_bytes(data)
    with pytest.raises(ValueError) as info:
        load_model(path, allow_pickle=consent)
    message = str(info.value)
    assert part in message and f"{str(path)!r} is not a skops file" in message
    assert "a model file is what save_model(model, path) writes" in message
    assert "pickle" not in message and "--" not in message  # Python's spelling


@pytest.mark.parametrize("command", [["sample"], ["score", "asha"]])
def test_the_cli_names_a_file_of_names_given_as_the_model(tmp_path, capsys, command):
    names = tmp_path / "names.txt"
    names.write_text("asha\nravi\n")
    empty = tmp_path / "empty.skops"
    empty.write_bytes(b"")
    for path, part in ((names, "a text file"), (empty, "it is empty; a model file")):
        for trust in ([], ["--trust-pickle"]):
            assert main([command[0], str(path), *command[1:], *trust]) == 1
            err = capsys.readouterr().err
            assert err.count("\n") == 1 and part in err
            assert "what 'sknextchar train NAMES_FILE -o MODEL' writes" in err
            assert "save_model" not in err and "pickle" not in err


def test_pickle_consent_is_asked_in_the_spelling_of_each_interface(tmp_path, capsys):
    path = tmp_path / "m.joblib"
    path.write_bytes(pickle.dumps({"a": 1}))
    with pytest.raises(ValueError) as info:
        load_model(path)
    assert "Pass allow_pickle=True only if you trust" in str(info.value)
    assert "--trust-pickle" not in str(info.value)
    assert main(["sample", str(path)]) == 1
    err = capsys.readouterr().err
    assert "Pass --trust-pickle only if you trust" in err and "allow_pickle" not in err


@pytest.mark.parametrize("protocol", [0, 1, 5])
def test_a_pickle_of_any_protocol_is_still_taken_for_a_pickle(tmp_path, protocol):
    # Protocol 0 is text: it is told from a text file by its final STOP opcode.
    path = tmp_path / "m.pkl"
    path.write_bytes(pickle.dumps({"a": 1}, protocol=protocol))
    with pytest.raises(ValueError, match="Pass allow_pickle=True only if"):
        load_model(path)
    with pytest.raises(TypeError, match="holds a dict, not a model"):
        load_model(path, allow_pickle=True)


@pytest.mark.parametrize("n_bytes", [0, 100, 1000, -1])
@pytest.mark.parametrize("suffix", ["skops", "joblib"])
def test_a_model_file_cut_short_is_refused_naming_the_file(
    good, tmp_path, capsys, n_bytes, suffix
):
    source = good
    if suffix == "joblib":
        source = save_model(load_model(good), tmp_path / "m.joblib")
    path = tmp_path / f"cut.{suffix}"
    path.write_bytes(source.read_bytes()[:n_bytes])
    expected = "it is empty; a model file" if n_bytes == 0 else "corrupt"
    with pytest.raises(ValueError, match=expected) as info:
        load_model(path, allow_pickle=True)
    assert str(path) in str(info.value)
    assert main(["sample", str(path), "--trust-pickle"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sknextchar: error: ") and err.count("\n") == 1


# ------------------------------------------------ an untrusted file runs no code
_MARKER_MODULE = """
from pathlib import Path

Path(__file__).with_name("IMPORTED").touch()


class Marker:
    def __setstate__(self, state):
        Path(__file__).with_name("CONSTRUCTED").touch()
        self.__dict__.update(state)
"""


@pytest.fixture
def marker_module(tmp_path, monkeypatch, request):
    """The folder of ``hostile_marker_module``, importable, not imported yet.

    The module is taken out of ``sys.modules`` again at teardown, whatever the
    test imported (not set to None: that would hide an import a load makes).
    """
    (tmp_path / "hostile_marker_module.py").write_text(_MARKER_MODULE)
    monkeypatch.syspath_prepend(str(tmp_path))
    sys.modules.pop("hostile_marker_module", None)
    request.addfinalizer(lambda: sys.modules.pop("hostile_marker_module", None))
    return tmp_path


@pytest.mark.parametrize("reader", ["load_model", "cli"])
def test_an_untrusted_skops_file_imports_and_builds_nothing(
    marker_module, monkeypatch, capsys, reader
):
    from skops.io import _audit

    tmp_path = marker_module
    import hostile_marker_module

    model = ContextWindowTransformer().fit(NAMES)
    model.extra_ = hostile_marker_module.Marker()
    path = tmp_path / "hostile.skops"
    skops.io.dump(model, path)
    del sys.modules["hostile_marker_module"]  # for good: the load must not import it
    (tmp_path / "IMPORTED").unlink()
    built = []
    construct = _audit.Node.construct
    monkeypatch.setattr(
        _audit.Node, "construct", lambda node: built.append(node) or construct(node)
    )
    if reader == "load_model":
        with pytest.raises(ValueError, match="does not trust.*hostile_marker_module"):
            load_model(path)
    else:
        assert main(["sample", str(path), "-n", "2"]) == 1
        err = capsys.readouterr().err
        assert "does not trust" in err and "hostile_marker_module" in err
    assert "hostile_marker_module" not in sys.modules
    assert {p.name for p in tmp_path.iterdir()} == {
        "hostile_marker_module.py",
        "hostile.skops",
    }  # neither IMPORTED nor CONSTRUCTED
    assert built == []


# ------------------------------- holes of older skops releases, closed by the floor
# skops 0.11 to 0.13 imported the module that a LossNode names before checking
# it against the trust list; 0.11 to 0.14 called whatever numpy.random attribute
# a Generator names as its bit generator. Both pass the tests above.
_LIST = {"__class__": "list", "__module__": "builtins", "__loader__": "ListNode"}
_EMPTY_DICT = {
    "__class__": "dict",
    "__module__": "builtins",
    "__loader__": "DictNode",
    "content": {},
    "key_types": {**_LIST, "content": []},
}


def _with_extra(good, target, node):
    """The file with one more attribute, ``extra_``, of the schema ``node``."""
    schema = _schema(good)
    schema["content"]["content"]["extra_"] = node
    return _rezip(good, target, **{"schema.json": json.dumps(schema)})


# LossNode fails with skops 0.11 to 0.13; TreeNode is refused with nothing
# imported by every release from 0.11 to 0.16: coverage of the other reduce
# node, not the test of a hole.
@pytest.mark.parametrize(
    "loader", ["LossNode", pytest.param("TreeNode", id="TreeNode-coverage")]
)
def test_a_reduce_node_naming_a_module_imports_nothing(good, marker_module, loader):
    tmp_path = marker_module
    node = {
        "__class__": "Marker",
        "__module__": "hostile_marker_module",
        "__loader__": loader,
        "__reduce__": {"args": {**_LIST, "__class__": "tuple", "content": []}},
        "content": _EMPTY_DICT,
    }
    path = _with_extra(good, tmp_path / "hostile.skops", node)
    with pytest.raises(ValueError) as info:
        load_model(path)
    assert "hostile_marker_module" not in sys.modules
    assert not (tmp_path / "IMPORTED").exists()
    message = str(info.value)
    assert "does not trust" in message and "'hostile_marker_module.Marker'" in message


def test_a_generator_naming_another_numpy_random_callable_calls_nothing(
    tmp_path, monkeypatch
):
    import numpy as np

    calls = []
    monkeypatch.setattr(np.random, "hostile_probe", calls.append, raising=False)
    model = ContextWindowTransformer().fit(NAMES)
    model.extra_ = np.random.default_rng(0)  # skops trusts a Generator by default
    good = tmp_path / "good.skops"
    skops.io.dump(model, good)
    schema = zipfile.ZipFile(good).read("schema.json")
    assert schema.count(b'\\"PCG64\\"') == 1  # its bit generator, by name
    schema = schema.replace(b'\\"PCG64\\"', b'\\"hostile_probe\\"')
    path = _rezip(good, tmp_path / "hostile.skops", **{"schema.json": schema})
    with pytest.raises(ValueError) as info:
        load_model(path)
    assert calls == []
    assert "does not trust: ['numpy.random.hostile_probe']" in str(info.value)


def test_the_skops_floor_is_safe_skops_and_installed():
    import tomllib

    from sknextchar._skops_release import SAFE_SKOPS, check_skops_release

    pyproject = Path(__file__).parents[2] / "pyproject.toml"
    if not pyproject.is_file():
        pytest.skip("pyproject.toml is not in this tree")
    dependencies = tomllib.loads(pyproject.read_text())["project"]["dependencies"]
    assert f"skops>={SAFE_SKOPS}" in dependencies
    check_skops_release(skops.__version__)  # raises if older than SAFE_SKOPS


@pytest.mark.parametrize(
    "version", ["0.10.0", "0.14.0", "0.14.1rc1", "0.15.0rc1", "unknown", None]
)
def test_an_unsafe_skops_release_saves_and_loads_nothing(
    good, tmp_path, monkeypatch, capsys, version
):
    if version is None:
        monkeypatch.delattr(skops, "__version__")
    else:
        monkeypatch.setattr(skops, "__version__", version)
    refused = (
        f'skops.*{re.escape(str(version))}.* is installed.*before 0.15.*"skops>=0.15"'
    )
    with pytest.raises(ImportError, match=refused):
        load_model(good)
    target = tmp_path / "m.skops"
    with pytest.raises(ImportError, match=refused):
        save_model(ContextWindowTransformer().fit(NAMES), target)
    assert not target.exists() and list(tmp_path.iterdir()) == []
    assert main(["sample", str(good), "-n", "2"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sknextchar: error: skops ") and "Traceback" not in err
    assert err.count("\n") == 1 and "no skops file" in err and "joblib files" in err
    assert err.rstrip().endswith('python -m pip install --upgrade "skops>=0.15"')


@pytest.mark.parametrize("version", ["0.15.0", "0.16rc1", "0.16.0.dev0", "1.0"])
def test_a_safe_skops_release_loads(good, monkeypatch, version):
    monkeypatch.setattr(skops, "__version__", version)
    assert type(load_model(good)).__name__ == "CharEmbeddingMLPClassifier"


def test_without_packaging_the_release_is_read_from_major_minor(monkeypatch):
    from sknextchar._skops_release import check_skops_release

    monkeypatch.setitem(sys.modules, "packaging.version", None)  # import fails
    check_skops_release("0.16rc1")
    check_skops_release("1.0")
    for version in ["0.14.1rc1", "0.13.0", "unknown", None]:
        with pytest.raises(ImportError, match="before 0.15"):
            check_skops_release(version)
