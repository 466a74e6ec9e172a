"""The vocabulary: reserved ids, id dtypes, vectorised encoding and decoding."""

import numpy as np
import pytest

from sknextchar._vocabulary import (
    END,
    END_ID,
    SymbolTable,
    decode_rows,
    id_dtype,
    make_vocabulary,
    pick_end_symbol,
)


def test_the_end_marker_comes_first():
    assert make_vocabulary("ba") == (END, "a", "b") and END_ID == 0


@pytest.mark.parametrize(
    "alphabet, match",
    [
        ("ab-", "reserved end marker"),
        ("aba", r"repeated characters \['a'\]"),
        ("", "alphabet is empty"),
        (["ab", "c"], r"single characters only; got \['ab'\]"),
    ],
)
def test_bad_alphabets(alphabet, match):
    with pytest.raises(ValueError, match=match):
        make_vocabulary(alphabet)


@pytest.mark.parametrize(
    "n_symbols, dtype", [(27, np.uint8), (256, np.uint8), (257, np.uint16)]
)
def test_id_dtype(n_symbols, dtype):
    assert id_dtype(n_symbols) == dtype


def test_symbol_table_flags_unknown_characters_and_the_end_marker():
    table = SymbolTable(make_vocabulary("abc"))
    ids, bad = table.encode_letters("ca-x")
    assert ids[:2].tolist() == [3, 1] and bad.tolist() == [False, False, True, True]
    assert table.decode([3, 1, 0]) == "ca-"


def test_decode_rows_stops_at_the_end_marker():
    vocabulary = make_vocabulary("ab")
    ids = np.array([[1, 2, 1], [2, 0, 0], [0, 0, 0]], dtype=np.uint8)
    assert decode_rows(ids, vocabulary) == ["aba", "b", ""]
    assert decode_rows(np.zeros((2, 0), dtype=np.uint8), vocabulary) == ["", ""]


def test_decode_rows_keeps_a_nul_symbol_inside_a_name():
    vocabulary = (END, "\x00", "a")  # a learned alphabet may hold NUL
    assert decode_rows(np.array([[2, 1, 2]]), vocabulary) == ["a\x00a"]


@pytest.mark.parametrize("symbols", ["ab", ["a", "\u093f", "\u0915\u093f"]])
def test_decode_rows_is_the_same_a_block_at_a_time(monkeypatch, symbols):
    # Rows decoded in blocks of 2 (65,536 in use: the slow test of
    # test_sample_memory_bounds takes 300,000 names): oracle, each row joined.
    from sknextchar import _vocabulary

    monkeypatch.setattr(_vocabulary, "_DECODED_ROWS", 2)
    vocabulary = (END, *symbols)
    ids = np.random.default_rng(0).integers(0, len(vocabulary), (7, 4))
    ids[:, 0] = 1
    decoded = decode_rows(ids.astype(np.uint8), vocabulary)
    joined = []
    for row in ids:
        ended = row.tolist().index(0) if 0 in row else len(row)
        joined.append("".join(vocabulary[i] for i in row[:ended]))
    assert decoded == joined and len(set(decoded)) > 4


def test_the_end_marker_display_is_chosen_by_the_caller():
    assert make_vocabulary("a-b", end_symbol=".") == (".", "-", "a", "b")
    with pytest.raises(ValueError, match=r"end_symbol='\$'"):
        make_vocabulary("a-.b")
    assert pick_end_symbol("ab") == "-" and pick_end_symbol("a-b", "x") == "x"
    assert pick_end_symbol("a-.b") == "$"
    with pytest.raises(ValueError, match="pass an end_symbol"):
        pick_end_symbol("-.$#|~^_*@¶")
    # The message lists every display tried, "-" included, each once.
    with pytest.raises(ValueError, match=r"\(a - \. \$ # \| ~ \^ _ \* @ ¶\)"):
        pick_end_symbol("a-.$#|~^_*@¶", "a")
    with pytest.raises(ValueError, match=r"\(- \. \$"):
        pick_end_symbol("-.$#|~^_*@¶")


def test_grapheme_symbols_encode_and_decode():
    vocabulary = make_vocabulary(["रा", "हु", "ल", "e\u0301"], unit="grapheme")
    assert vocabulary[0] == END and len(vocabulary) == 5
    table = SymbolTable(vocabulary)
    ids, bad = table.encode_letters(["रा", "हु", "ल", "ह", "-"])
    assert bad.tolist() == [False, False, False, True, True]
    assert table.decode(ids[:3]) == "राहुल"
    rows = np.array([[ids[0], ids[1], ids[2], 0], [ids[2], 0, 0, 0]])
    assert decode_rows(rows, vocabulary) == ["राहुल", "ल"]
    with pytest.raises(ValueError, match="single user-perceived characters"):
        make_vocabulary(["राहुल"], unit="grapheme")
    with pytest.raises(ValueError, match="single characters"):
        make_vocabulary(["रा"], unit="char")
