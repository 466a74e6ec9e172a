"""Work done without reason, checked without timing (see test_no_slow_paths.py).

Each test pins down the shape of the work (which path the names take) and
that the results stay the same bits. What loading a model file imports is
checked in test_persistence.py, in the new process that loads the model there.
"""

import numpy as np
import pytest

from sknextchar import ContextWindowTransformer, _text, _transformer
from sknextchar._text import normalize_text, normalize_texts
from sknextchar._windows import cut_windows
from tests._traced import tracing

# Names as users pass them: ASCII of any case, accents composed or not,
# invisible characters, final forms, a Turkish capital, a ligature.
MIXED = ["Asha", "RAVI", "abid", "Jose\u0301", "Zoë", "\ufeffMaria\u200e"]
MIXED += ["ΝΊΚΟΣ", "İpek", "ﬁona", "\u200dAnna\u200c", "Ángel", "राहुल"]


@pytest.mark.parametrize("lowercase", [True, False])
@pytest.mark.parametrize("strip_accents", [None, "ascii", "unicode"])
def test_normalize_texts_gives_each_texts_normalize_text(lowercase, strip_accents):
    kwargs = {"lowercase": lowercase, "strip_accents": strip_accents}
    for texts in (MIXED, [t for t in MIXED if t.isascii()], [np.str_("Ab")]):
        expected = [normalize_text(text, **kwargs) for text in texts]
        result = normalize_texts(texts, **kwargs)
        assert result == expected
        assert [type(t) for t in result] == [type(t) for t in expected]


def test_transform_normalises_ascii_names_without_a_call_each(monkeypatch):
    # 0.9 s of a transform of 1,000,000 names of a-z went to one Python call
    # of normalize_text per name, where lowercasing was all there was to do.
    transformer = ContextWindowTransformer(alphabet="auto").fit(MIXED)
    expected = transformer.transform(MIXED * 50)
    calls = []
    original = _text.normalize_text

    def counting(text, **kwargs):
        calls.append(text)
        return original(text, **kwargs)

    monkeypatch.setattr(_text, "normalize_text", counting)
    monkeypatch.setattr(_transformer, "normalize_text", counting)  # its own name
    ascii_names = [name for name in MIXED if name.isascii()] * 300
    transformer.transform(ascii_names)
    assert calls == []
    windows = transformer.transform(MIXED * 50)
    # each distinct name once, not each of its 50 lines
    assert sorted(calls) == sorted(name for name in MIXED if not name.isascii())
    for part in ("contexts", "targets", "name_index"):
        np.testing.assert_array_equal(getattr(windows, part), getattr(expected, part))


def _windows_one_name_at_a_time(ids, lengths, context_length, dtype):
    """cut_windows written as the definition: a loop over names and letters."""
    contexts, targets, name_index, start = [], [], [], 0
    for name, length in enumerate(lengths):
        padded = [0] * context_length + list(ids[start : start + length]) + [0]
        for i in range(length + 1):
            contexts.append(padded[i : i + context_length])
            targets.append(padded[i + context_length])
            name_index.append(name)
        start += length
    shape = (len(targets), context_length)
    return (
        np.array(contexts, dtype=dtype).reshape(shape),
        np.array(targets, dtype=dtype),
        np.array(name_index, dtype=np.intp),
    )


@pytest.mark.parametrize("context_length", [1, 2, 3, 5])
@pytest.mark.parametrize("dtype", [np.uint8, np.uint16, np.intp])
def test_cut_windows_gives_the_windows_of_their_definition(context_length, dtype):
    rng = np.random.default_rng(context_length)
    lengths = rng.integers(0, 9, size=40)  # a text of no letter too
    lengths[0] = 12  # longer than the context
    ids = rng.integers(1, 60, size=lengths.sum()).astype(dtype)
    result = cut_windows(ids, lengths, context_length, dtype)
    expected = _windows_one_name_at_a_time(ids, lengths, context_length, dtype)
    for got, want in zip(result, expected, strict=True):
        assert got.dtype == want.dtype and got.flags.c_contiguous
        np.testing.assert_array_equal(got, want)


def test_cut_windows_holds_little_more_than_its_output():
    # The windows of 1,000,000 names took 277 MB at the peak for 91 MB of
    # output: three arrays of an index (8 bytes) per window. Masks of a byte
    # per position leave 9.5 bytes per window beyond the output's 12.
    rng = np.random.default_rng(0)
    lengths = rng.integers(4, 11, size=20_000)
    ids = rng.integers(1, 27, size=lengths.sum()).astype(np.uint8)
    with tracing() as traced:
        result = cut_windows(ids, lengths, 3, np.uint8)
    output = sum(part.nbytes for part in result)
    assert traced.peak - output < 14 * len(result[1])  # was 25 bytes per window
