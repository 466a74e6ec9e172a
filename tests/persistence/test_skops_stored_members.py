"""A skops file of stored members loads without being rebuilt, and one whose
stored member lies about its size is still refused."""

import io
import struct
import zipfile

import pytest

from sknextchar import ContextWindowTransformer, _model_checks, load_model, save_model


def test_stored_members_are_handed_over_as_they_are(tmp_path, monkeypatch):
    path = save_model(ContextWindowTransformer().fit(["abid"]), tmp_path / "m.skops")
    members = zipfile.ZipFile(path).infolist()
    assert all(m.compress_type == zipfile.ZIP_STORED for m in members)
    data = path.read_bytes()
    out = _model_checks.check_skops_archive(str(path), data, max_bytes=10**9)
    assert out is data  # not copied: no second archive in memory


def test_a_stored_member_that_lies_about_its_size_is_refused(tmp_path):
    raw = save_model(ContextWindowTransformer().fit(["abid"]), tmp_path / "m.skops")
    archive = zipfile.ZipFile(io.BytesIO(raw.read_bytes()))
    biggest = max(archive.infolist(), key=lambda m: m.file_size)
    size = struct.pack("<I", biggest.file_size)
    data = raw.read_bytes()
    assert data.count(size) >= 2
    lying = data.replace(size, struct.pack("<I", 10))
    path = tmp_path / "lying.skops"
    path.write_bytes(lying)
    with pytest.raises(ValueError, match="Bad CRC|corrupt"):
        load_model(path)
