"""A skops file whose zip directory lies about a member's size is refused while
the member inflates, a chunk at a time: never inflated whole in memory."""

import io
import struct
import zipfile

import numpy as np
import pytest

from sknextchar import ContextWindowTransformer, load_model, save_model
from tests._traced import tracing

# What the lying member inflates to (32 MiB build in half the time of
# 64): a load that inflated it whole would hold four times the INFLATED // 4
# the test allows at its peak; the load holds about 2 MiB.
INFLATED = 32 * 2**20


def lying_copy(raw, declared=200):
    """``raw`` with its largest member grown to INFLATED zero bytes, its size in
    the zip's headers replaced by ``declared``."""
    archive = zipfile.ZipFile(io.BytesIO(raw))
    names = archive.namelist()
    biggest = max(names, key=lambda name: archive.getinfo(name).file_size)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name in names:
            data = archive.read(name)
            if name == biggest:
                data = data[:128] + b"\0" * INFLATED
            out.writestr(name, data)
    data = buffer.getvalue()
    assert data.count(struct.pack("<I", INFLATED + 128)) == 2  # local and central
    return data.replace(struct.pack("<I", INFLATED + 128), struct.pack("<I", declared))


def test_a_member_larger_than_it_declares_is_refused_without_inflating_it(tmp_path):
    raw = save_model(ContextWindowTransformer().fit(["abid"]), tmp_path / "m.skops")
    path = tmp_path / "lying.skops"
    path.write_bytes(lying_copy(raw.read_bytes()))
    assert path.stat().st_size < INFLATED // 100
    with (
        tracing() as traced,
        pytest.raises(ValueError, match="corrupt, truncated or not a skops"),
    ):
        load_model(path)
    assert traced.peak < INFLATED // 4


def test_a_model_still_loads_from_its_checked_members(tmp_path):
    model = ContextWindowTransformer(context_length=4).fit(["abid", "asha"])
    path = save_model(model, tmp_path / "m.skops")
    loaded = load_model(path, max_bytes=path.stat().st_size * 50)
    assert loaded.vocabulary_ == model.vocabulary_
    ours, theirs = loaded.transform(["ravi"]), model.transform(["ravi"])
    assert np.array_equal(ours.contexts, theirs.contexts)
