"""The same model saved twice gives the same skops file, byte for byte."""

import zipfile

import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    NameSampler,
    load_model,
    save_model,
)
from sknextchar._zip_bytes import canonical_skops, write_canonical


def _sampler(kind):
    model = {
        "mlp": lambda: CharEmbeddingMLPClassifier(max_iter=2, random_state=0),
        "mixture": lambda: MixtureClassifier(
            [("kn", KneserNeyClassifier()), ("add1", KneserNeyClassifier(add_k=1))],
            random_state=0,
        ),
    }[kind]()
    names = ["asha", "ravi", "uma", "zoe", "arun", "amit"] * 3
    return NameSampler(make_pipeline(ContextWindowTransformer(), model)).fit(names)


@pytest.mark.parametrize("kind", ["mlp", "mixture"])
def test_the_same_model_saved_twice_gives_the_same_bytes(tmp_path, kind):
    # Two equal models alive at once: every object is at another address.
    twins = [_sampler(kind), _sampler(kind)]
    paths = [save_model(twin, tmp_path / f"{i}.skops") for i, twin in enumerate(twins)]
    first, second = (path.read_bytes() for path in paths)
    assert first == second
    with zipfile.ZipFile(paths[0]) as archive:
        times = {info.date_time for info in archive.infolist()}
    assert times == {(1980, 1, 1, 0, 0, 0)}
    assert load_model(paths[0]).sample(3, random_state=0) == twins[0].sample(
        3, random_state=0
    )


def test_the_canonical_file_loads_as_the_model_skops_wrote(tmp_path):
    import skops.io

    from sknextchar._persistence import get_trusted_types

    windows = ContextWindowTransformer().fit_transform(["asha", "ravi", "uma"] * 2)
    model = KneserNeyClassifier().fit(windows)
    raw, canonical = tmp_path / "raw.skops", tmp_path / "canonical.skops"
    for path in (raw, canonical):
        skops.io.dump(model, path)
    # A file of the user's beside it, by the name the rewrite once took for
    # its own (canonical.skops.canonical): once written over, then removed.
    theirs = tmp_path / "canonical.skops.canonical"
    theirs.write_bytes(b"the user's")
    assert canonical_skops(canonical)
    assert theirs.read_bytes() == b"the user's"
    as_written = skops.io.load(raw, trusted=get_trusted_types())
    rewritten = skops.io.load(canonical, trusted=get_trusted_types())
    np.testing.assert_array_equal(
        as_written.predict_proba(windows), rewritten.predict_proba(windows)
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "canonical.skops",
        "canonical.skops.canonical",
        "raw.skops",
    ]


def test_an_unexpected_archive_is_left_as_it_is(tmp_path):
    odd = tmp_path / "odd.skops"
    with zipfile.ZipFile(odd, "w") as archive:
        archive.writestr("schema.json", '{"__id__": 7, "file": "7.npy"}')
        archive.writestr("notes.txt", "not an array")
    before = odd.read_bytes()
    assert not canonical_skops(odd)
    assert odd.read_bytes() == before
    garbage = tmp_path / "garbage.skops"
    garbage.write_bytes(b"PK\x03\x04 not a zip after all")
    assert not canonical_skops(garbage)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["garbage.skops", "odd.skops"]


def test_a_declined_archive_leaves_the_target_unopened(tmp_path):
    import skops.io

    data = skops.io.dumps(ContextWindowTransformer().fit(["asha", "ravi"]))
    with zipfile.ZipFile(tmp_path / "odd.skops", "w") as archive:
        archive.writestr("schema.json", '{"__id__": 7, "file": "7.npy"}')
        archive.writestr("notes.txt", "not an array")
    for declined in (b"no zip", (tmp_path / "odd.skops").read_bytes()):
        assert not write_canonical(declined, tmp_path / "target.skops")
        assert not (tmp_path / "target.skops").exists()
    # An array member whose local header is broken fails only while it is
    # copied: that raises, never a False after the target was written to.
    with zipfile.ZipFile(tmp_path / "odd.skops", "w") as archive:
        archive.writestr("schema.json", '{"__id__": 7, "file": "7.npy"}')
        archive.writestr("7.npy", b"\x93NUMPY")
        offset = archive.getinfo("7.npy").header_offset
    broken = bytearray((tmp_path / "odd.skops").read_bytes())
    broken[offset : offset + 4] = b"XXXX"
    with pytest.raises(zipfile.BadZipFile):
        write_canonical(bytes(broken), tmp_path / "target.skops")
    assert write_canonical(data, tmp_path / "target.skops")
