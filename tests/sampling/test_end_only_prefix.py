"""A prefix of a sampler's max_length letters, shown with the letter after it.

After ``max_length`` letters only the end of a name may follow, so a
NameSampler's table and pictures of such a prefix showed the end marker at
probability 1 at every temperature, whatever the model predicts, and said
nothing of why. ``plot_temperature``, ``plot_generation_tree`` and ``sknextchar
plot`` now refuse it (``EndOnlyError``), naming the prefix's letters, the bound
and what to pass; a shorter prefix is drawn as before.
"""

import os
import re
import shlex

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    save_model,
)
from sknextchar._dead_ends import EndOnlyError, room_after_message
from sknextchar.cli import main

NAMES = ["asha", "abid", "ravi", "uma"]
plt = pytest.importorskip("matplotlib.pyplot")


def _sampler(**params):
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    return NameSampler(pipe, **params).fit(NAMES)


def _pictures():
    from sknextchar.plotting import plot_generation_tree, plot_temperature

    return [("context", plot_temperature), ("prefix", plot_generation_tree)]


@pytest.mark.parametrize("argument, draw", _pictures())
def test_a_prefix_of_max_length_letters_is_refused_with_what_to_pass(argument, draw):
    sampler = _sampler(max_length=6)
    with pytest.raises(EndOnlyError) as caught:
        draw(sampler, "a" * 6)
    message = str(caught.value)
    assert message.startswith(f"{argument}='aaaaaa' has 6 letters"), message
    assert "as many as max_length=6" in message, message
    assert "at probability 1 whatever the model predicts" in message, message
    advice = f"Raise max_length above 6, or shorten the {argument} to 5 letters"
    assert advice in message, message


@pytest.mark.slow  # draws pictures
@pytest.mark.parametrize("argument, draw", _pictures())
def test_both_ways_out_are_drawn_and_show_more_than_the_end(argument, draw):
    sampler = _sampler(max_length=6)
    raised = clone(sampler).set_params(max_length=7).fit(NAMES)
    for model, prefix in [(sampler, "a" * 5), (raised, "a" * 6)]:
        fig = draw(model, prefix)
        assert _more_than_the_end(fig), prefix
        plt.close(fig)


def _more_than_the_end(fig):
    """Whether a picture shows a letter after its prefix with probability."""
    ax = fig.axes[0]
    letters = [t.get_text() for t in ax.texts if re.fullmatch(r"\w \S+", t.get_text())]
    bars = [bar for bar in ax.patches if bar.get_height() > 0]
    return len(bars) > 3 or any(not text.startswith("end ") for text in letters)


def test_the_bound_of_max_length_none_is_told_as_such():
    from sknextchar.plotting import plot_temperature

    sampler = _sampler()  # max_length=None: the longest training name, 4
    with pytest.raises(EndOnlyError) as caught:
        plot_temperature(sampler, "abid")
    message = str(caught.value)
    assert "as many as max_length=None gives this sampler (4:" in message, message
    assert "Set max_length above 4" in message, message


@pytest.mark.slow  # draws a picture
def test_a_shorter_context_is_drawn_as_the_table_says():
    from sknextchar.plotting import plot_temperature

    sampler = _sampler(max_length=6)
    table = sampler.temperature_table("ab", (0.5, 2))
    fig = plot_temperature(sampler, "ab", temperatures=(0.5, 2))
    heights = np.array([bar.get_height() for bar in fig.axes[0].patches])
    plt.close(fig)
    assert np.allclose(np.sort(heights), np.sort(table.proba.ravel()))
    assert (table.proba[1:] > 0).any()  # more than the end


def test_the_trees_depth_is_offered_only_where_it_leaves_room():
    # A tree of 999 letters under max_length=999 was offered a lower depth,
    # after which only the end could follow its root.
    message = room_after_message("prefix='a...'", 999, 2, "the prefix", "depth", 999)
    assert "depth" not in message, message
    message = room_after_message("prefix='a...'", 998, 3, "the prefix", "depth", 999)
    assert "or lower depth to 2" in message, message


@pytest.fixture(scope="module")
def bounded_file(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("end_only") / "model.skops")
    save_model(_sampler(max_length=6), path)
    return path


@pytest.mark.slow  # draws pictures through the command line
@pytest.mark.parametrize("flag", ["--distribution", "--tree"])
def test_plot_refuses_it_in_its_flags(bounded_file, flag, tmp_path, capsys):
    picture = str(tmp_path / "p.png")
    assert main(["plot", bounded_file, flag, "a" * 6, "-o", picture]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert f"'aaaaaa' ({flag}) has as many letters as the 6 that" in err, err
    assert "probability 1 whatever the model predicts" in err, err
    assert f"Give a shorter {flag}" in err, err
    assert not os.path.exists(picture)
    command = shlex.split(err.rstrip("\n").rpartition("run: ")[2])
    assert command == ["sknextchar", "table", bounded_file, "a" * 6], err
    assert main(command[1:]) == 0  # the model's own probabilities
    assert main(["plot", bounded_file, flag, "a" * 5, "-o", picture]) == 0
