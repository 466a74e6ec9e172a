"""Advice that names the parameter to change: a table read as a list by
train_from_file, a plot's context outside the model's alphabet."""

import re
import warnings

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    train_from_file,
)
from sknextchar.datasets import load_names

ROWS = ["asha,f", "ravi,m", "uma,f", "abid,m", "zoe,f"] * 4


def _pipe():
    return make_pipeline(
        ContextWindowTransformer(alphabet="auto"),
        CharEmbeddingMLPClassifier(hidden_layer_sizes=(4,), max_iter=2, random_state=0),
    )


def _pandas_export(tmp_path):
    """What ``df.to_csv(path)`` writes: an unnamed index column first."""
    path = tmp_path / "export.csv"
    rows = [f"{i},{row}" for i, row in enumerate(ROWS)]
    path.write_text("\n".join([",name,label", *rows]) + "\n", encoding="utf-8")
    return path


def test_train_from_file_warns_once_on_a_table_read_as_names(tmp_path):
    path = _pandas_export(tmp_path)
    with pytest.warns(UserWarning, match="looks like a table") as loaded:
        load_names(path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        train_from_file(path, _pipe(), chunk_size=7)
    tables = [w for w in caught if "looks like a table" in str(w.message)]
    assert len(tables) == 1  # the first pass only, not each epoch
    told = str(tables[0].message)
    assert "train_from_file reads one name per line" in told
    same = told.split(" looks like ")[1].replace("train_from_file", "load_names")
    # one check; load_names alone also reads the labels (labels_column)
    also = "; labels_column='label' also returns their labels"
    needed = "(a header row is needed"
    same = same.replace(f"{needed})", f"{needed}{also})")
    assert same == str(loaded[0].message).split(" looks like ")[1]
    assert tables[0].filename == __file__  # the caller's line


def test_train_from_file_reads_the_column_when_told(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fitted = train_from_file(_pandas_export(tmp_path), _pipe(), names_column="name")
    assert "," not in fitted[0].vocabulary_


def test_plot_temperature_names_context_and_offers_one():
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    from sknextchar.plotting import plot_temperature

    names = ["Zoë", "Anna", "Jean-Luc", "Marie"]
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto"), KneserNeyClassifier()
    )
    pipe.fit(names)
    with pytest.raises(ValueError, match=r"^context='abi' holds 'b'") as info:
        plot_temperature(pipe)  # the default context
    assert "prefixes[0]" not in str(info.value)
    offered = re.search(r"such as context=('[^']*')", str(info.value))[1]
    plt.close(plot_temperature(pipe, offered.strip("'")))
