"""Nothing lost: failed calls leave objects and files as they were.

Cases the other safety tests (test_all_or_nothing.py, test_file_safety.py,
test_hostile_files.py) leave out: a skops schema that reads one zip member many
times over (a zip bomb made of references), a failed refit of a pipeline whose
model is a PerLabelClassifier, and a standard stream given as the file to write.
"""

import io
import json
import os
import zipfile

import joblib
import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    NameLabelClassifier,
    NameSampler,
    PerLabelClassifier,
    load_model,
    save_model,
)
from sknextchar.cli import main


# ----------------------------------------------------- a zip bomb made of references
def _many_references(good, path, n_references, n_bytes, shared=False, id_of=None):
    """``good`` with one member of ``n_bytes`` zeros that its schema reads n times.

    Every reference is an array node of its own (its own ``__id__``), so skops
    would read and inflate the member once per reference; ``shared`` gives them
    one ``__id__``: one array, read once, as skops saves an array held twice;
    ``id_of`` gives every node that ``__id__`` instead.
    """
    with zipfile.ZipFile(good) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    schema = json.loads(members.pop("schema.json"))
    npy = io.BytesIO()
    np.save(npy, np.zeros(n_bytes // 8))
    nodes = [
        {"__class__": "ndarray", "__module__": "numpy", "__loader__": "NdArrayNode",
         "type": "numpy", "file": "zeros.npy",
         "__id__": 10**9 + i * (not shared) if id_of is None else id_of}
        for i in range(n_references)
    ]  # fmt: skip
    attributes = schema["content"]["content"]
    attributes["hook_"] = {
        "__class__": "list", "__module__": "builtins", "__loader__": "ListNode",
        "content": nodes, "__id__": 10**9 - 1,
    }  # fmt: skip
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        archive.writestr("zeros.npy", npy.getvalue())
        archive.writestr("schema.json", json.dumps(schema))
    return path


@pytest.fixture
def good(tmp_path):
    return save_model(ContextWindowTransformer().fit(["abid"]), tmp_path / "g.skops")


def test_a_member_read_many_times_over_counts_each_time(good, tmp_path, monkeypatch):
    """1 MiB read 64 times is 64 MiB: refused before any member is read.

    At the default limit, a file of some kilobytes could make load_model read
    gigabytes this way.
    """
    path = _many_references(good, tmp_path / "refs.skops", 64, 2**20)
    assert path.stat().st_size < 2**20
    reads = []
    original = zipfile.ZipFile.read
    monkeypatch.setattr(
        zipfile.ZipFile,
        "read",
        lambda self, name, *a: reads.append(name) or original(self, name, *a),
    )
    with pytest.raises(
        ValueError, match=r"67,1\d\d,\d{3} bytes .* max_bytes=8,388,608"
    ):
        load_model(path, max_bytes=8 * 2**20)
    assert "zeros.npy" not in reads


@pytest.mark.parametrize("id_of", [0, ""])
def test_nodes_of_a_false_id_count_each_time(good, tmp_path, id_of):
    """skops reuses an object only for a true ``__id__``: nodes of id 0 (or "")
    are each read again, so each counts."""
    path = _many_references(good, tmp_path / "zero.skops", 64, 2**20, id_of=id_of)
    with pytest.raises(ValueError, match=r"schema.json reads its members"):
        load_model(path, max_bytes=8 * 2**20)


def test_a_member_read_once_per_object_is_counted_once(good, tmp_path):
    """Nodes of one ``__id__`` are one object, read once: as skops saves a shared
    array."""
    path = _many_references(good, tmp_path / "shared.skops", 64, 2**20, shared=True)
    model = load_model(path, max_bytes=8 * 2**20)  # 64 MiB if counted per reference
    assert model.vocabulary_[:2] == ("-", "a")


def test_the_references_fit_the_adjustable_limit(good, tmp_path):
    path = _many_references(good, tmp_path / "refs.skops", 4, 2**20)
    with pytest.raises(ValueError, match=r"max_bytes=3,000,000; if you trust"):
        load_model(path, max_bytes=3_000_000)
    assert load_model(path, max_bytes=6_000_000).vocabulary_[:2] == ("-", "a")


# ------------------------------------------- a failed refit of a pipeline by label
FIRST = ["abid", "asha", "ravi", "mira", "arun", "devi", "amit", "sita"]
SECOND = ["zoya", "quentin", "xavier", "yusuf", "wendy", "jack"]  # other letters


def _by_label(model):
    pipe = make_pipeline(ContextWindowTransformer(alphabet="auto"), model)
    return pipe.fit(FIRST, ["f", "m"] * 4)


@pytest.mark.parametrize(
    "model, labels, weights",
    [
        (PerLabelClassifier(), ["f", "m"] * 3, [0.5] * 6),  # KN: whole numbers
        (PerLabelClassifier(), None, [0.5] * 6),  # one model, on the windows
        (PerLabelClassifier(), ["f", "m"] * 3, [1, 2]),  # not one per name
    ],
)
def test_a_failed_refit_by_label_puts_the_transformer_back(model, labels, weights):
    """The issue's case for PerLabelClassifier: its model failed after the
    transformer's refit, which stayed, so the pipeline mixed two fits."""
    pipe = _by_label(model)
    before = [joblib.hash(step) for _, step in pipe.steps]
    proba = pipe.predict_proba(FIRST, labels=["f"] * 8)
    with pytest.raises(ValueError, match="sample_weight"):
        pipe.fit(SECOND, labels, perlabelclassifier__sample_weight=weights)
    assert [joblib.hash(step) for _, step in pipe.steps] == before
    np.testing.assert_array_equal(pipe.predict_proba(FIRST, labels=["f"] * 8), proba)


# ------------------------------------------------ a standard stream as the target
@pytest.fixture
def open_log(tmp_path):
    """A log file open for appending, as ``>> log.txt`` gives a command."""
    path = tmp_path / "log.txt"
    path.write_text("yesterday's run\n")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND)
    yield path, fd
    os.close(fd)


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="no /proc/self/fd")
@pytest.mark.parametrize("name", ["/dev/fd/{fd}", "/proc/self/fd/{fd}", "link"])
def test_a_stream_is_refused_and_its_file_kept(open_log, tmp_path, name):
    """/dev/stdout is /proc/self/fd/1: it led to the file the shell opened for
    the command's output, which save_model replaced by a model."""
    log, fd = open_log
    target = name.format(fd=fd)
    if name == "link":
        target = tmp_path / "out.skops"
        target.symlink_to(f"/dev/fd/{fd}")
    model = ContextWindowTransformer().fit(["abid"])
    with pytest.raises(FileExistsError, match="an open file of a process"):
        save_model(model, target)
    assert log.read_text() == "yesterday's run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["log.txt"] + ["out.skops"] * (name == "link")
    )


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="no /proc/self/fd")
def test_train_refuses_a_stream_even_with_force(open_log, tmp_path, capsys):
    log, fd = open_log
    names = tmp_path / "names.txt"
    names.write_text("abid\nasha\nravi\n")
    status = main(["train", str(names), "-o", f"/dev/fd/{fd}", "--force", "-q"])
    err = capsys.readouterr().err
    assert status == 1 and err.count("\n") == 1
    assert "an open file of a process" in err and "Give -o the path of a file." in err
    assert log.read_text() == "yesterday's run\n"


def test_ordinary_paths_are_not_streams(tmp_path):
    """Folders named like /dev or fd elsewhere are ordinary folders."""
    folder = tmp_path / "dev" / "fd"
    folder.mkdir(parents=True)
    model = ContextWindowTransformer().fit(["abid"])
    assert load_model(save_model(model, folder / "1")).vocabulary_[:2] == ("-", "a")


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc")
@pytest.mark.parametrize(
    "link, to, target",
    [("p", "/proc/self", "p/fd/{fd}"), ("d", "/dev", "d/fd/{fd}"),
     ("f", "/dev/fd", "f/{fd}")],
    ids=["proc-self", "dev", "dev-fd"],
)  # fmt: skip
def test_a_link_to_the_folder_of_a_stream_is_refused(tmp_path, link, to, target):
    """A link to /dev or /proc/self on the way leads to the stream as well."""
    log = tmp_path / "log.txt"
    log.write_text("yesterday's run\n")
    model = ContextWindowTransformer().fit(["abid"])
    (tmp_path / link).symlink_to(to)
    with open(log, "a") as stream:
        path = tmp_path / target.format(fd=stream.fileno())
        with pytest.raises(FileExistsError, match="names an open file of a process"):
            save_model(model, path)
    assert log.read_text() == "yesterday's run\n"


# -------------------------------------------------- a set_params that fails
def _small_mlp():
    return CharEmbeddingMLPClassifier(hidden_layer_sizes=(4,), max_iter=1)


def _mixture():
    return MixtureClassifier([("kn", KneserNeyClassifier()), ("mlp", _small_mlp())])


@pytest.mark.parametrize(
    "make, params",
    [
        (_small_mlp, dict(alpha=1.0, nope=3)),
        (
            _mixture,
            dict(kn__order=4, mlp__nope=3),
        ),
        (
            _mixture,
            dict(kn=KneserNeyClassifier(order=2), weights=[1, 0], nope=1),
        ),
        (
            lambda: NameSampler(
                make_pipeline(ContextWindowTransformer(), _small_mlp())
            ),
            dict(top_k=3, estimator__contextwindowtransformer__context_length=2,
                 estimator__nope=1),
        ),
        (
            lambda: NameLabelClassifier(
                [("a", make_pipeline(ContextWindowTransformer(), _small_mlp())),
                 ("b", make_pipeline(ContextWindowTransformer(), _small_mlp()))]
            ),
            dict(priors="uniform", estimator__a__charembeddingmlpclassifier__alpha=0.5,
                 estimator__b__nope=1),
        ),
    ],
    ids=["classifier", "mixture-member", "mixture-replaced-member", "sampler",
         "name-label-classifier"],
)  # fmt: skip
def test_a_failed_set_params_changes_nothing(make, params):
    """scikit-learn's set_params sets the parameters it meets before a wrong one."""
    estimator = make()
    before = joblib.hash(estimator)
    with pytest.raises(ValueError, match="Invalid parameter 'nope'"):
        estimator.set_params(**params)
    assert joblib.hash(estimator) == before
    good = {k: v for k, v in params.items() if "nope" not in k}
    assert joblib.hash(estimator.set_params(**good)) != before  # they work alone


def test_a_wrong_name_is_reported_with_the_estimator_as_it_stays():
    """The message of a refused set_params shows no parameter it did not set."""
    clf = _small_mlp()
    with pytest.raises(ValueError, match=r"Invalid parameter 'nope'") as error:
        clf.set_params(alpha=0.5, nope=3)
    assert "alpha=0.5" not in str(error.value)


def test_new_members_may_be_given_with_their_parameters():
    mixture = MixtureClassifier([("kn", KneserNeyClassifier())])
    mixture.set_params(estimators=[("big", KneserNeyClassifier())], big__order=4)
    assert mixture.estimators[0][1].order == 4
