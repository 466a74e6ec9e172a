"""Every "and N more" of a message counts with thousands separators, as
:func:`sknextchar._words.and_more` does: one message never says "1,995" in one
place and "1995" in another."""

import re

import numpy as np
import pytest

from sknextchar import ContextWindowTransformer, make_default_pipeline, train_from_file
from sknextchar._holdout import label_shortfall
from sknextchar._model_input import check_ids_below

N_NAMES = 2_000


def _unknown_names():
    return ["ddd" + chr(ord("d") + i % 10) for i in range(N_NAMES)]


def _counts_of_more(message):
    return re.findall(r"and ([\d,]+) more", message)


def test_unknown_names_left_empty_are_counted_alike_in_one_message():
    model = ContextWindowTransformer(alphabet="abc").fit(["abc", "cab"])
    with pytest.raises(ValueError) as info:
        model.transform(_unknown_names())
    message = str(info.value)
    assert "handle_unknown='drop' would not do" in message
    assert _counts_of_more(message) == ["1,995", "1,995"]


def test_a_file_read_in_chunks_counts_alike_in_one_message(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("\n".join(_unknown_names()) + "\n", encoding="utf-8")
    pipe = make_default_pipeline().set_params(windows__alphabet="abc")
    with pytest.raises(ValueError) as info:
        train_from_file(path, pipe, chunk_size=500)
    message = str(info.value)
    assert "would not do" in message and "2,000 names" in message
    assert _counts_of_more(message) == ["1,995", "1,995"]


def test_names_dropped_empty_are_counted_with_separators():
    model = ContextWindowTransformer(alphabet="abc", handle_unknown="drop")
    model.fit(["abc", "cab"])
    with pytest.raises(ValueError) as info:
        model.transform(_unknown_names())
    assert "2,000 names" in str(info.value)
    assert _counts_of_more(str(info.value)) == ["1,995"]


def test_labels_of_the_fewest_names_are_counted_with_separators():
    labels = [f"l{i}" for i in range(1_500)]
    reason = label_shortfall(labels, 0.5)
    assert _counts_of_more(reason) == ["1,495"]


def test_unknown_context_ids_are_counted_with_separators():
    contexts = np.arange(2_000).reshape(-1, 2)
    with pytest.raises(ValueError) as info:
        check_ids_below(contexts, 4)
    assert _counts_of_more(str(info.value)) == ["1,986"]
