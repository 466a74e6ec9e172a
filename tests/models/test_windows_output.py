"""set_output and the containers of tables: the windows stay windows.

``ContextWindowTransformer.set_output`` takes ``"default"`` and ``None`` (what
``Pipeline.set_output`` passes on by default) and refuses a table with a message
that says what the windows are and what to do; a ColumnTransformer reaches the
windows' own message instead of a generic one about 2-D outputs.
"""

import pickle

import numpy as np
import pandas as pd
import pytest
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from sknextchar import CharWindows, ContextWindowTransformer, KneserNeyClassifier

NAMES = ["abid", "ali", "zoya", "ravi", "asha"]


def _pipe():
    return make_pipeline(ContextWindowTransformer(2), KneserNeyClassifier())


@pytest.mark.parametrize("transform", ["default", None])
def test_default_output_is_the_windows_and_changes_nothing(transform):
    transformer = ContextWindowTransformer(context_length=2)
    before = pickle.dumps(transformer)
    assert transformer.set_output(transform=transform) is transformer
    assert pickle.dumps(transformer) == before  # nothing recorded
    assert isinstance(transformer.fit_transform(NAMES), CharWindows)

    pipe = _pipe()
    assert pipe.set_output(transform=transform) is pipe
    assert pipe.fit(NAMES).score(NAMES) == _pipe().fit(NAMES).score(NAMES)


@pytest.mark.parametrize("transform", ["pandas", "polars", "numpy"])
def test_a_table_output_is_refused_saying_what_to_do(transform):
    transformer = ContextWindowTransformer(context_length=2).fit(NAMES)
    before = pickle.dumps(transformer)
    with pytest.raises(ValueError) as error:
        transformer.set_output(transform=transform)
    message = str(error.value)
    assert f"got transform={transform!r}" in message
    assert "transform='default' or None" in message  # what it accepts
    assert "no table" in message and "windows.contexts" in message  # what to do
    assert pickle.dumps(transformer) == before  # the failed call changed nothing


@pytest.mark.parametrize(
    "make",
    [
        _pipe,
        lambda: ColumnTransformer([("windows", ContextWindowTransformer(), "name")]),
    ],
    ids=["Pipeline", "ColumnTransformer"],
)
def test_a_meta_estimator_passes_the_refusal_on(make):
    # scikit-learn said "`set_output` is not available" and nothing more.
    meta = make()
    with pytest.raises(ValueError, match="set_output set the output of every step"):
        meta.set_output(transform="pandas")
    meta.set_output(transform="default")  # what the message says sets them back


def test_a_column_transformer_reaches_the_message_of_the_windows():
    table = pd.DataFrame({"name": NAMES, "age": [30.0, 41, 25, 38, 52]})
    columns = ColumnTransformer(
        [
            ("windows", ContextWindowTransformer(), "name"),
            ("age", StandardScaler(), ["age"]),
        ]
    )
    # Was ValueError: "The output of the 'windows' transformer should be 2D".
    with pytest.raises(TypeError, match="CharWindows are not a table"):
        columns.fit_transform(table)


def test_windows_shape_is_that_of_their_contexts():
    windows = ContextWindowTransformer(context_length=3).fit_transform(NAMES)
    assert windows.shape == windows.contexts.shape == (len(windows), 3)
    assert windows.ndim == np.ndim(windows.contexts)
    with pytest.raises(TypeError, match="CharWindows are not a table"):
        np.asarray(windows)  # a shape, but still no array
