"""Messages that point at a name or a prefix name it as the user passed it.

A pandas Series indexed otherwise than 0, 1, 2, ... (a filtered column) gives
the position and the index label in every message of the transformer, as the
checks of the names do; a public function's message names its own argument
(``context=``, ``prefix=``), not the internal list it is passed on in.
"""

import re

import matplotlib
import pandas as pd
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
)
from sknextchar.plotting import plot_generation_tree, plot_temperature

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

NAMES = ["abid", "asha", "ravi", "uma", "mira", "rahul"]


def _filtered(values):
    """A column filtered as users do: its index is 0, 2, 3, ... not positions."""
    column = pd.Series(["x", *values])
    return column[column.str.len() > 1]  # drops index 0


def _pipe(**params):
    return make_pipeline(ContextWindowTransformer(**params), KneserNeyClassifier())


def test_unknown_characters_of_a_filtered_series_name_the_index_label():
    names = _filtered(["asha", "zoë"])  # zoë at position 1, index label 2
    place = "names.iloc[1] (position 1, index label 2)='zoë'"
    with pytest.raises(ValueError) as at_fit:
        ContextWindowTransformer().fit(names)
    assert place in str(at_fit.value)
    with pytest.raises(ValueError) as in_pipeline:
        _pipe().fit(names)
    assert place in str(in_pipeline.value)
    fitted = ContextWindowTransformer().fit(["asha"])
    for call in (fitted.transform, fitted.encode):
        with pytest.raises(ValueError) as caught:
            call(names)
        assert place in str(caught.value)
    # A list and a Series indexed 0, 1, 2, ... keep the short form.
    for plain in (["asha", "zoë"], pd.Series(["asha", "zoë"])):
        with pytest.raises(ValueError, match=r"in names\[1\]='zoë'\. "):
            ContextWindowTransformer().fit(plain)


@pytest.mark.parametrize(
    "params, name, words",
    [
        ({"handle_unknown": "drop"}, "ë", "leaves 1 name without"),
        ({"strip_accents": "ascii"}, "ß", "removes every character"),
        ({}, "\u200b", "only invisible characters"),
        ({"alphabet": "auto"}, "\u0301a", "starts with a combining mark"),
    ],
)
def test_every_message_on_a_name_gives_the_index_label(params, name, words):
    names = pd.Series(["asha", name], index=["first", "second"])
    with pytest.raises(ValueError, match=re.escape(words)) as caught:
        ContextWindowTransformer(**params).fit(names)
    assert "names.iloc[1] (position 1, index label 'second')=" in str(caught.value)


def test_encode_prefixes_of_a_series_give_the_index_label():
    fitted = ContextWindowTransformer().fit(NAMES)
    prefixes = pd.Series(["ab", "r1"], index=[5, 9])
    with pytest.raises(ValueError) as caught:
        fitted.encode_prefixes(prefixes)
    assert "prefixes.iloc[1] (position 1, index label 9)='r1'" in str(caught.value)


def test_plot_temperature_speaks_of_context_and_its_trailing_space():
    pipe = _pipe().fit(NAMES)
    with pytest.raises(ValueError) as caught:
        plot_temperature(pipe, context="ra ")
    message = str(caught.value)
    assert message.startswith("context='ra ' holds ' '"), message
    assert "prefixes[" not in message and "after it is kept" in message
    with pytest.raises(ValueError) as broken:
        plot_temperature(pipe, context="ra\n")
    assert str(broken.value).startswith("context='ra\\n'"), str(broken.value)
    # The whitespace before a context goes, as before the names of a fit.
    fig = plot_temperature(pipe, context=" ra")
    assert "'ra'" in fig.axes[0].get_title()
    plt.close(fig)


def test_a_trailing_space_is_part_of_the_context_of_a_model_that_knows_spaces():
    # As NameSampler.temperature_table reads the prefix: a name may go on after
    # a space ("mary ann"), so the picture shows what follows "mary ".
    names = ["mary ann", "mary", "anna", "ann marie", "rose"]
    pipe = _pipe(alphabet="auto").fit(names)
    fig = plot_temperature(pipe, context="mary ")
    assert "after 'mary '" in fig.axes[0].get_title()
    plt.close(fig)
    table = NameSampler(pipe).fit(names).temperature_table("mary ", (1.0,))
    assert table.prefix == "mary "


def test_plot_generation_tree_speaks_of_prefix():
    pipe = _pipe().fit(NAMES)
    with pytest.raises(ValueError) as caught:
        plot_generation_tree(pipe, "ra1", top_k=2, depth=2)
    message = str(caught.value)
    assert message.startswith("prefix='ra1' holds '1'"), message
    assert "prefixes[" not in message


def test_a_context_with_a_line_break_is_not_told_about_spaces():
    pipe = _pipe().fit(NAMES)
    with pytest.raises(ValueError, match=r"holds '\\n'") as caught:
        plot_temperature(pipe, context="ra\n")
    assert "after it is kept" not in str(caught.value)


def test_encode_prefix_list_names_one_prefix_by_its_argument():
    # For NameSampler's prefix= and the like: "prefix='r1'", not "prefixes[0]".
    fitted = ContextWindowTransformer().fit(NAMES)
    with pytest.raises(ValueError, match=r"in prefix='r1'\. ") as caught:
        fitted.encode_prefix_list(["r1"], what="prefix")
    assert "prefixes" not in str(caught.value)
