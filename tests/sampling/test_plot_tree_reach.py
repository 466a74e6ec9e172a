"""The generation tree asks the model one step past the levels it draws
(whether each leaf can go on): a length bound that plot or plot_generation_tree
sets itself reaches that step, so no branch is cut by a bound the user did not
set; and the tree's refusal on the command line advises plot's own flags, and
commands that run on the model file it drew (its --label, its max_length)."""

import re
import shlex

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    save_model,
)
from sknextchar.cli import main

pytest.importorskip("matplotlib")

# One letter of context, add_k=0: after "c" come "a", "b", "d" (2 each) and "x"
# (1, the 4th, never among the tree's 3 branches); after "a", "b", "d" only "c";
# a name ends only after "xyz". So after a prefix ending in "c", every branch
# the tree draws is a letter that the end marker never follows.
NAMES = ["cacbcd" * k + "cxyz" for k in (1, 2, 3)]  # 10, 16 and 22 letters
LONGER = "cacbcd" * 4 + "c"  # 25 letters, past the longest training name


@pytest.fixture(scope="module")
def model_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reach")
    names = folder / "names.txt"
    names.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    model = str(folder / "model.skops")
    train = ["train", str(names), "--model", "kneser-ney", "--add-k", "0"]
    assert main([*train, "--context-length", "1", "-q", "-o", model]) == 0
    return model


def _node_labels(fig):
    """The boxed labels of the tree's nodes below its root ("a 0.29", ...)."""
    texts = [text for text in fig.axes[0].texts if text.get_bbox_patch()]
    return sorted(text.get_text() for text in texts[1:])


def test_plot_tree_past_the_longest_training_name_is_not_cut_by_its_lift(
    model_file, capsys, tmp_path
):
    # plot lifts the file's bound (22 letters) for a 25-letter prefix; lifted to
    # only the 3 levels drawn, each leaf sat on it, where only the end marker
    # may follow, and the tree was refused.
    out = tmp_path / "tree.png"
    status = main(["plot", model_file, "--tree", LONGER, "-o", str(out)])
    assert status == 0, capsys.readouterr().err
    assert out.stat().st_size > 0


def test_plot_generation_tree_of_a_pipeline_does_not_depend_on_the_prefix_length():
    import matplotlib.pyplot as plt

    from sknextchar.plotting import plot_generation_tree

    pipe = make_pipeline(
        ContextWindowTransformer(context_length=1), KneserNeyClassifier(add_k=0)
    ).fit(NAMES)
    # One letter of context: the tree after "c" and after a prefix of 19 letters
    # ending in "c" are the same, though the latter's leaves reach 22 letters,
    # past the 20 that a wrapped pipeline is otherwise bounded by.
    short = plot_generation_tree(pipe, "c")
    long = plot_generation_tree(pipe, "cacbcd" * 3 + "c")
    try:
        assert _node_labels(short) == _node_labels(long)
        assert len(_node_labels(short)) == 3 + 3 + 9  # a, b, d; c; a, b, d
    finally:
        plt.close(short)
        plt.close(long)


@pytest.mark.slow
def test_plot_tree_refusal_advises_plots_own_flags(model_file, capsys, tmp_path):
    # 19 letters ending in "c": the file's bound (22 letters) is the leaves'
    # length, so no branch drawn can end (only "cxyz" would, the 4th branch).
    prefix = "cacbcd" * 3 + "c"
    picture = str(tmp_path / "tree.png")
    assert main(["plot", model_file, "--tree", prefix, "-o", picture]) == 1
    err = capsys.readouterr().err
    start = f"sknextchar: error: No name that starts with {prefix!r} (--tree)"
    assert err.startswith(start), err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    # plot has no --top-k: its own flags and the table command instead.
    assert "top-k" not in err and "top_k" not in err, err
    assert "3 most probable next characters at each of 3 levels" in err, err
    assert f"Draw another --tree, or --distribution {prefix} for" in err, err
    assert "for a name of 10 to 22 letters (the lengths plot draws)" in err, err
    command = shlex.split(err.rstrip("\n").rpartition("run: ")[2])
    assert command == ["sknextchar", "table", model_file, prefix], err
    assert main(command[1:]) == 0
    out = tmp_path / "distribution.png"
    assert main(["plot", model_file, "--distribution", prefix, "-o", str(out)]) == 0


@pytest.mark.slow
def test_plot_draws_a_prefix_as_long_as_the_longest_training_name(
    model_file, capsys, tmp_path
):
    # 22 letters, the file's bound, ending in "b", after which only "c" comes:
    # unlifted, only the end marker could follow, and plot told to raise
    # --max-length, a flag it lacks.
    prefix = "cacbcd" * 3 + "cacb"
    for flag in ("--tree", "--distribution"):
        out = tmp_path / f"{flag[2:]}.png"
        status = main(["plot", model_file, flag, prefix, "-o", str(out)])
        assert status == 0, capsys.readouterr().err


@pytest.mark.slow
def test_plot_refuses_a_picture_past_the_most_letters_in_its_terms(
    model_file, capsys, tmp_path
):
    out = str(tmp_path / "d.png")
    assert main(["plot", model_file, "--distribution", "c" * 1000, "-o", out]) == 1
    err = capsys.readouterr().err
    assert "Shorten --distribution to 999 letters or fewer." in err, err
    assert "'max_length' parameter" not in err, err
    assert main(["plot", model_file, "--distribution", "c" * 999, "-o", out]) == 0


LABEL = "-g x"  # a label that needs quoting, read as a flag after a space


@pytest.fixture(scope="module")
def labelled_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("labelled")
    (folder / "names.txt").write_text("\n".join(NAMES * 2) + "\n", encoding="utf-8")
    labels = "\n".join([LABEL] * 3 + ["b"] * 3) + "\n"
    (folder / "labels.txt").write_text(labels, encoding="utf-8")
    model = str(folder / "model.skops")
    train = ["train", str(folder / "names.txt"), "--labels", str(folder / "labels.txt")]
    train += ["--model", "kneser-ney", "--add-k", "0", "--context-length", "1"]
    assert main([*train, "-q", "-o", model]) == 0
    return model


@pytest.mark.parametrize(
    "flag, prefix",
    [
        ("--tree", "cacbcd" * 3 + "c"),  # no branch drawn can end
        ("--tree", "cxyz"),  # a dead end: only the end, below 10 letters
        ("--distribution", "cxyz"),
    ],
)
def test_plot_advises_a_table_command_with_its_label(
    labelled_file, flag, prefix, capsys, tmp_path
):
    picture = str(tmp_path / "p.png")
    argv = ["plot", labelled_file, flag, prefix, "--label", LABEL, "-o", picture]
    assert main(argv) == 1
    err = capsys.readouterr().err
    command = shlex.split(err.rstrip("\n").rpartition("run: ")[2])
    expected = ["sknextchar", "table", f"--label={LABEL}", labelled_file, prefix]
    assert command == expected, err
    assert main(command[1:]) == 0, capsys.readouterr().err


@pytest.fixture(scope="module")
def bounded_file(tmp_path_factory):
    """A sampler saved from Python with max_length=9, which plot keeps."""
    pipe = make_pipeline(
        ContextWindowTransformer(context_length=1), KneserNeyClassifier(add_k=0)
    )
    path = str(tmp_path_factory.mktemp("bounded") / "model.skops")
    save_model(NameSampler(pipe, max_length=9).fit(NAMES), path)
    return path


@pytest.mark.parametrize("flag", ["--tree", "--distribution"])
@pytest.mark.parametrize(
    "prefix",
    ["cacbcdcacbcd", "cacbcdcac"],  # past max_length; at it, with no end
)
def test_plot_past_the_files_max_length_advises_what_plot_can_do(
    bounded_file, flag, prefix, capsys, tmp_path
):
    picture = str(tmp_path / "p.png")
    assert main(["plot", bounded_file, flag, prefix, "-o", picture]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert "raise --max-length" not in err, err
    assert "'max_length' 9" in err and "NameSampler" in err, err
    assert f"Give a shorter {flag}" in err, err
    if len(prefix) == 9:  # the value, then the flag, as plot's other messages
        assert f"No name can continue {prefix!r} ({flag}): " in err, err
    command = shlex.split(err.rstrip("\n").rpartition("run: ")[2])
    assert command == ["sknextchar", "table", bounded_file, prefix], err
    assert main(command[1:]) == 0, capsys.readouterr().err


@pytest.fixture(scope="module")
def ends_after_a_file(tmp_path_factory):
    """A sampler saved with max_length=10 whose names end only after "a"."""
    pipe = make_pipeline(
        ContextWindowTransformer(context_length=1), KneserNeyClassifier(add_k=0)
    )
    path = str(tmp_path_factory.mktemp("ends") / "model.skops")
    names = ["ba", "aba", "bba", "abba"]
    save_model(NameSampler(pipe, max_length=10).fit(names), path)
    return path


@pytest.mark.parametrize("flag", ["--tree", "--distribution"])
def test_plot_the_most_letters_it_advises_are_drawn(
    ends_after_a_file, flag, capsys, tmp_path
):
    # Past the most letters a sampler takes, plot gives a length. It gave the
    # file's max_length (10), where only the end may follow: the prefix cut to
    # 10 letters ends in "b", after which no name ends, and was refused.
    prefix = "ab" * 600
    picture = str(tmp_path / "p.png")
    assert main(["plot", ends_after_a_file, flag, prefix, "-o", picture]) == 1
    err = capsys.readouterr().err
    most = int(re.search(rf"Give a {flag} of at most (\d+) letters", err)[1])
    argv = ["plot", ends_after_a_file, flag, prefix[:most], "-o", picture]
    assert main(argv) == 0, capsys.readouterr().err
    # The longest: one letter more meets the file's bound.
    argv = ["plot", ends_after_a_file, flag, prefix[: most + 1], "-o", picture]
    assert main([*argv, "--force"]) == 1
    assert "'max_length' 10" in capsys.readouterr().err


def _flags_of(command, capsys):
    capsys.readouterr()
    assert main([command, "--help"]) == 0
    return set(re.findall(r"--[a-z][a-z-]*", capsys.readouterr().out))


def _flags_in(text):
    return set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", text))


def test_every_flag_plot_advises_is_one_of_the_command_named(
    model_file, labelled_file, bounded_file, capsys, tmp_path
):
    picture = str(tmp_path / "p.png")
    calls = [
        [model_file, "--tree", "cacbcd" * 3 + "c"],
        [model_file, "--distribution", "cxyz"],
        [model_file, "--tree", "c" * 998],
        [model_file, "--distribution", "o'x"],
        [labelled_file, "--tree", "cacbcd" * 3 + "c", "--label", "b"],
        [labelled_file, "--tree", "cxyz"],
        [bounded_file, "--tree", "cacbcdcacbcd"],
        [bounded_file, "--distribution", "cacbcdcac"],
    ]
    flags = {name: _flags_of(name, capsys) for name in ("plot", "train")}
    for call in calls:
        assert main(["plot", *call, "-o", picture]) == 1
        err = capsys.readouterr().err
        # A flag is plot's; train's in a sentence about training the model
        # again; after "sknextchar COMMAND", that command's.
        for sentence in re.split(r"\. |; ", err):
            before, _, command = sentence.partition("sknextchar ")
            allowed = set(flags["plot"])
            if re.search(r"\btrain\b", before):
                allowed |= flags["train"]
            assert _flags_in(before) <= allowed, (err, sentence)
            if command:
                name = command.split()[0]
                if name not in flags:
                    flags[name] = _flags_of(name, capsys)
                assert _flags_in(command) <= flags[name], (err, sentence)
