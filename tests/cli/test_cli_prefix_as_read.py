"""A prefix is shown and told as the model reads it, in every command that
takes one.

Before: ``plot m.skops --tree Ａｓ`` drew the prefix as typed (full-width
glyphs, missing in DejaVu Sans: empty boxes), and ``--tree AS`` drew ``'AS'``,
though a model of lowercased names reads both as ``as``; ``table m.skops AS``
and ``plot --tree AS`` said nothing of the capitals read as lowercase, which
``sample --prefix AS`` warns of."""

import matplotlib
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier
from sknextchar.plotting import plot_generation_tree
from tests.text.test_letters_typed import (
    WIDE,
    _run,
    model,  # noqa: F401 (a fixture)
)

matplotlib.use("Agg")

CAPITALS = (
    "sknextchar: warning: The prefix {typed!r} has capitals, which this model "
    "reads as lowercase letters (it was trained without --keep-case){wide}: "
    "{made} 'as', in lowercase. To {goal}, "
    "train it again with --keep-case --alphabet auto; to leave out this "
    "warning, pass {flag} in lowercase.\n"
)
# What each command makes after the prefix, in its own words: it was "its names
# start with 'as' [...] To generate names with capitals" for table and plot too.
MADE = {
    "table": {
        "made": "the table is of the characters after",
        "goal": "see the characters after capitals",
    },
    "plot": {
        "made": "the picture is of what follows",
        "goal": "draw what follows capitals",
    },
}
_WIDE = ", and full-width letters, read as ASCII ones as the model learned them"


def _texts(fig):
    return [text.get_text() for text in fig.axes[0].texts]


@pytest.mark.parametrize("typed", ["Ａｓ", "AS", " as", "as"])
def test_the_tree_draws_the_prefix_as_the_model_reads_it(typed):
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    pipe.fit(["asha", "amit", "asif"])
    fig = plot_generation_tree(pipe, typed, top_k=2, depth=2)
    texts = _texts(fig)
    assert texts[0] == "'as'", texts  # the root
    leaves = [text for text in texts if text.endswith(("...", "a", "f"))]
    assert leaves and all(text.startswith("as") for text in leaves), texts
    assert fig.axes[0].get_title().startswith("Top 2 next characters after 'as',")
    assert _texts(plot_generation_tree(pipe, "as", top_k=2, depth=2)) == texts


def test_a_keep_case_model_draws_its_capitals():
    pipe = make_pipeline(
        ContextWindowTransformer(lowercase=False, alphabet="auto"),
        KneserNeyClassifier(),
    ).fit(["Asha", "Amit", "asif"])
    assert _texts(plot_generation_tree(pipe, "As", top_k=2, depth=1))[0] == "'As'"


@pytest.mark.parametrize(
    ("argv", "flag"),
    [
        (["table", "AS", "--top", "1"], "CONTEXT"),
        (["plot", "--tree", "AS", "-o", "t.png"], "--tree"),
        (["plot", "--distribution", "As", "-o", "d.png"], "--distribution"),
    ],
)
def test_table_and_plot_warn_of_capitals(argv, flag, model, tmp_path, capsys):  # noqa: F811
    argv = [argv[0], model, *argv[1:]]
    if "-o" in argv:
        argv[-1] = str(tmp_path / argv[-1])
    status, out, err = _run(capsys, [*argv, "-q"])  # a warning: kept under -q
    assert status == 0, err
    typed = argv[2 if argv[0] == "table" else 3]
    assert err == CAPITALS.format(typed=typed, wide="", flag=flag, **MADE[argv[0]]), err
    assert "generate names" not in err
    if argv[0] == "table":
        assert out.startswith("next character after prefix 'as'"), out


def test_full_width_capitals_told_once(model, tmp_path, capsys):  # noqa: F811
    status, _, err = _run(capsys, ["table", model, "ＡＳ", "--top", "1", "-q"])
    assert status == 0, err
    told = CAPITALS.format(typed="ＡＳ", wide=_WIDE, flag="CONTEXT", **MADE["table"])
    assert err == told, err
    assert WIDE not in err  # the note is left out: the warning says it
    # drawn as 'as': no warning of glyphs missing in the font (DejaVu Sans)
    argv = ["plot", model, "--tree", "Ａｓ", "-o", str(tmp_path / "t.png"), "-q"]
    status, _, err = _run(capsys, argv)
    assert status == 0, err
    told = CAPITALS.format(typed="Ａｓ", wide=_WIDE, flag="--tree", **MADE["plot"])
    assert err == told, err


def test_a_prefix_in_lowercase_gets_no_warning(model, tmp_path, capsys):  # noqa: F811
    out = str(tmp_path / "t.png")
    plot = ["plot", model, "--tree", "as", "-o", out, "-q"]
    for argv in (["table", model, "as", "-q"], plot):
        status, _, err = _run(capsys, argv)
        assert (status, err) == (0, ""), err
