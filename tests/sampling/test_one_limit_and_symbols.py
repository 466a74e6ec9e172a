"""One limit for a context shown, and lengths counted in the model's symbols.

``sknextchar table`` refused a CONTEXT of 1,000 letters (after it only the end
of a name may follow), while ``plot_temperature`` drew one, its end marker at
probability 1 whatever the model says: the table, the plotting functions and
``sknextchar plot`` now refuse the same prefixes (``NoRoomAfterError``), each
in its own spelling, counted in the letters the model reads (``table`` counted
grapheme clusters for a model of code points too). ``plot`` counted a prefix's
code points where a model of user-perceived characters reads fewer letters
("n" with a combining diaeresis is one letter and two code points), and
refused a context the model reads in 999 letters. The advice of a request that
every draw of one name fails named a ``min_length`` above that name's code
points, not its letters; with a pattern, it offered that ``min_length`` as if
the longer names it gives had to match the pattern. The shorter prefix advised
is one that is drawn: within the file's or the sampler's ``max_length`` and
the tree's levels, and ``table`` counts CONTEXT once the model is loaded.
"""

import pickle
import re

import pytest
from sklearn.base import clone
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar._limits import MAX_LETTERS
from sknextchar.cli import main

N = "n\u0308"  # one letter of a model of graphemes, two code points
GRAPHEME_NAMES = [f"a{N}a", f"bo{N}o", f"ja{N}a", f"{N}ora", "asha", "uma"] * 3


def count_sampler(names, **params):
    transformer = ContextWindowTransformer(alphabet="auto")
    pipe = make_pipeline(transformer, KneserNeyClassifier())
    return NameSampler(pipe, **params).fit(names)


def pickled(sampler, folder, name):
    path = folder / name
    path.write_bytes(pickle.dumps(sampler))
    return str(path)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """A model of a-z saved with max_length=1000, and a model of graphemes."""
    folder = tmp_path_factory.mktemp("limits")
    latin = count_sampler(["asha", "abid", "anu", "ravi"], max_length=MAX_LETTERS)
    return (
        pickled(latin, folder, "latin.pkl"),
        pickled(count_sampler(GRAPHEME_NAMES), folder, "graphemes.pkl"),
        folder,
    )


def run(capsys, *argv):
    capsys.readouterr()
    status = main([argv[0], "--trust-pickle", *argv[1:]])
    return status, capsys.readouterr().err


@pytest.mark.slow  # draws pictures
def test_plot_temperature_refuses_the_context_that_table_refuses(files, capsys):
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    from sknextchar.plotting import plot_temperature

    latin = pickle.loads(open(files[0], "rb").read())
    for model in (latin, latin.estimator_):  # its own max_length=1000, or plot's
        with pytest.raises(ValueError) as caught:
            plot_temperature(model, "a" * MAX_LETTERS)
        message = str(caught.value)
        assert message.startswith("context='aaa"), message
        assert f"Shorten the context to {MAX_LETTERS - 1:,} letters" in message
        plt.close(plot_temperature(model, "a" * (MAX_LETTERS - 1)))
    # The command line refuses the same context, in its own spelling.
    status, err = run(capsys, "table", files[0], "a" * MAX_LETTERS)
    assert status == 1 and f"Shorten CONTEXT to {MAX_LETTERS - 1:,} letters" in err
    assert run(capsys, "table", files[0], "a" * (MAX_LETTERS - 1))[0] == 0


@pytest.mark.slow  # draws two pictures
def test_plot_refuses_it_in_its_flag_whatever_the_files_bound(files, capsys):
    pytest.importorskip("matplotlib")
    out = str(files[2] / "d.png")
    argv = ["plot", files[0], "--force", "-o", out, "--distribution"]
    status, err = run(capsys, *argv, "a" * MAX_LETTERS)
    assert status == 1, err
    assert f"Shorten --distribution to {MAX_LETTERS - 1:,} letters" in err, err
    assert "context" not in err and "Traceback" not in err, err
    assert run(capsys, *argv, "a" * (MAX_LETTERS - 1))[0] == 0


@pytest.mark.slow  # draws pictures
def test_a_context_is_counted_in_the_letters_the_model_reads(files, capsys):
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    from sknextchar.plotting import plot_temperature

    graphemes = pickle.loads(open(files[1], "rb").read())
    longest = N * (MAX_LETTERS - 1)  # 999 letters, 1,998 code points
    plt.close(plot_temperature(graphemes.estimator_, longest))
    with pytest.raises(ValueError, match=f"has {MAX_LETTERS:,} letters, and one"):
        plot_temperature(graphemes.estimator_, longest + N)
    out = str(files[2] / "g.png")
    argv = ["plot", files[1], "--force", "-o", out, "--distribution"]
    status, err = run(capsys, *argv, longest)
    assert status == 0, err
    status, err = run(capsys, *argv, longest + N)
    assert status == 1 and f"has {MAX_LETTERS:,} letters, and one" in err, err


def advised_min_length(message):
    found = re.search(r"raise min_length above \d+, .*?\(min_length=(\d+)", message)
    return int(found[1])


def test_a_name_drawn_over_and_over_is_measured_in_letters():
    cold = count_sampler([*GRAPHEME_NAMES, *[f"a{N}{N}a"] * 30], temperature=0.01)
    (name,) = cold.sample(1, random_state=0)
    assert name == f"a{N}{N}a"  # 4 letters, 6 code points
    with pytest.raises(ValueError) as caught:
        cold.sample(2, exclude=[name], random_state=0)
    message = str(caught.value)
    assert f"raise min_length above 4, the length of {name!r}" in message, message
    low = advised_min_length(message)
    high = int(re.search(r"and max_length=(\d+)", message)[1])
    # One letter more, not one code point more (min_length=7 would also skip
    # the names of 5 and 6 letters); followed, it draws longer names.
    assert low == 5, message
    names = (
        clone(cold)
        .set_params(min_length=low, max_length=high)
        .fit([*GRAPHEME_NAMES, *[f"a{N}{N}a"] * 30])
        .sample(3, exclude=[name], random_state=0)
    )
    lengths = [len(cold.estimator_[0].encode([each])[0]) for each in names]
    assert min(lengths) >= low, (names, lengths)


SANTA = [
    "sant", "santosh", "santa", "sanjay", "sanjana", "sunita", "suresh",
    "ramesh", "rakesh", "mahesh", "ganesh", "dinesh", "umesh", "asha",
]  # fmt: skip


@pytest.mark.parametrize("pattern", ["s.*a", None])
def test_the_min_length_offered_with_a_pattern_is_no_promise(pattern):
    cold = count_sampler(SANTA, temperature=0.01)
    with pytest.raises(ValueError) as caught:
        cold.sample(3, exclude=["santa"], pattern=pattern, random_state=0)
    message = str(caught.value)
    assert "were 'santa', drawn over and over" in message, message
    caveat = "pattern is still applied, and these longer names may not match it"
    assert (caveat in message) == (pattern is not None), message
    low = advised_min_length(message)
    high = int(re.search(r"and max_length=(\d+)", message)[1])
    followed = clone(cold).set_params(min_length=low, max_length=high).fit(SANTA)
    # The advice followed draws longer names, 'santa' no more...
    longer = followed.sample(3, exclude=["santa"], random_state=0)
    assert all(len(each) >= low for each in longer), longer
    if pattern is not None:  # ...which this pattern still leaves out
        assert not any(re.fullmatch(pattern, each) for each in longer), longer
        with pytest.raises(ValueError, match="Could only generate 0"):
            followed.sample(3, exclude=["santa"], pattern=pattern, random_state=0)


def test_the_command_line_names_pattern_by_its_flag(tmp_path, capsys):
    sampler = count_sampler(SANTA, temperature=0.01)
    model = pickled(sampler, tmp_path, "santa.pkl")
    (tmp_path / "ex.txt").write_text("santa\n", encoding="utf-8")
    argv = ["-n", "3", "--exclude-file", str(tmp_path / "ex.txt"), "--seed", "0"]
    argv += ["--temperature", "0.01"]
    status, err = run(capsys, "sample", model, *argv, "--pattern", "s.*a")
    assert status == 1, err
    assert "; --pattern is still applied, and these longer names may not" in err, err
    assert "the pattern" not in err and "Traceback" not in err, err


LATIN = ["asha", "abid", "anu", "ravi"]


@pytest.fixture(scope="module")
def more_files(tmp_path_factory):
    """A model of code points, a Pipeline, and a sampler saved with max_length=10."""
    folder = tmp_path_factory.mktemp("more")
    transformer = ContextWindowTransformer(alphabet="auto", unit="char")
    char = NameSampler(make_pipeline(transformer, KneserNeyClassifier()))
    latin = count_sampler(LATIN)
    return {
        "char": pickled(char.fit(GRAPHEME_NAMES), folder, "char.pkl"),
        "pipe": pickled(latin.estimator_, folder, "pipe.pkl"),
        "bounded": pickled(count_sampler(LATIN, max_length=10), folder, "b.pkl"),
        "folder": folder,
    }


def test_table_counts_its_context_in_the_letters_the_model_reads(more_files, capsys):
    # 500 letters with a combining mark: 1,000 letters to a model of code
    # points. table drew it, its end marker at probability 1.
    model = more_files["char"]
    for marked in (500, 600):
        status, err = run(capsys, "table", model, N * marked)
        assert status == 1, err
        assert f"has {2 * marked:,} letters, and one more letter" in err, err
        assert "Shorten CONTEXT to 999 letters or fewer." in err, err
        assert "prefix" not in err, err  # table calls it CONTEXT
    capsys.readouterr()
    assert main(["table", "--trust-pickle", model, N * 499 + "a"]) == 0
    end = next(row for row in capsys.readouterr().out.splitlines() if row[0] == "-")
    assert end.split()[1:] != ["1.000"] * 3, end  # the model's own probability


@pytest.mark.slow  # draws pictures
@pytest.mark.parametrize("flag, most", [("--distribution", 999), ("--tree", 997)])
def test_plot_tells_a_pipeline_files_limit_in_its_flags(more_files, capsys, flag, most):
    pytest.importorskip("matplotlib")
    out = str(more_files["folder"] / f"{flag[2:]}.png")
    argv = ["plot", more_files["pipe"], "--force", "-o", out, flag]
    status, err = run(capsys, *argv, "a" * (most + 1))
    assert status == 1, err
    assert f"Shorten {flag} to {most} letters or fewer." in err, err
    for python in ("context", "prefix", "depth", "Traceback"):
        assert python not in err, err
    if flag == "--distribution":  # the tree of 997 letters is drawn below
        status, err = run(capsys, *argv, "a" * most)
        assert status == 0, err


@pytest.mark.slow  # draws pictures
def test_a_context_that_normalising_lengthens_is_drawn():
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    from sknextchar.plotting import plot_generation_tree, plot_temperature

    ka = "\u0915\u093c"  # U+0958, normalised: 2 code points
    transformer = ContextWindowTransformer(alphabet="auto", unit="char")
    pipe = make_pipeline(transformer, KneserNeyClassifier())
    pipe.fit([f"{ka}a", f"a{ka}a", "aa"] * 3)
    # 12 code points, 24 letters to the model: no max_length the user passed.
    plt.close(plot_temperature(pipe, "\u0958" * 12))
    plt.close(plot_generation_tree(pipe, "\u0958" * 12, depth=2))


@pytest.mark.slow  # draws pictures
def test_raising_max_length_is_offered_only_where_it_helps(more_files, capsys):
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    from sknextchar.plotting import plot_temperature

    sampler = count_sampler(LATIN)  # its bound: the longest name, 4 letters
    with pytest.raises(ValueError) as caught:
        plot_temperature(sampler, "a" * MAX_LETTERS)
    # Raising max_length alone cannot help: it is offered with the shorter
    # context (test_each_figure_advised_is_drawn follows both).
    assert "raise max_length)." in str(caught.value), caught.value
    assert "Shorten the context to 999 letters" in str(caught.value), caught.value
    with pytest.raises(ValueError, match="raise max_length or shorten"):
        plot_temperature(sampler, "a" * (MAX_LETTERS - 1))
    raised = clone(sampler).set_params(max_length=MAX_LETTERS).fit(LATIN)
    plt.close(plot_temperature(raised, "a" * (MAX_LETTERS - 1)))  # followed
    # The command line: a file saved with max_length=10 is drawn to 9 letters.
    out = str(more_files["folder"] / "b.png")
    argv = ["plot", more_files["bounded"], "--force", "-o", out, "--distribution"]
    status, err = run(capsys, *argv, "a" * MAX_LETTERS)
    assert status == 1, err
    assert "save the model again" not in err, err
    most = int(re.search(r"Give a --distribution of at most (\d+) letters", err)[1])
    assert run(capsys, *argv, "a" * most)[0] == 0


@pytest.mark.slow  # draws pictures
def test_the_tree_draws_names_of_the_most_letters_and_offers_depth(more_files):
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    from sknextchar.plotting import plot_generation_tree

    pipe = pickle.loads(open(more_files["pipe"], "rb").read())
    plt.close(plot_generation_tree(pipe, "a" * 997))  # 3 levels: 1,000 letters
    with pytest.raises(ValueError) as caught:
        plot_generation_tree(pipe, "a" * 998)
    message = str(caught.value)
    assert message.startswith("prefix='aaa"), message
    advice = "Shorten the prefix to 997 letters or fewer, or lower depth to 2."
    assert advice in message, message
    plt.close(plot_generation_tree(pipe, "a" * 998, depth=2))  # followed


@pytest.mark.slow  # draws pictures
def test_plot_advises_a_tree_that_it_draws_whatever_the_files_bound(files, capsys):
    # Saved with max_length=1000, the file's bound was advised less one (999
    # letters), which the tree of 3 levels refuses: it draws 3 letters more.
    pytest.importorskip("matplotlib")
    out = str(files[2] / "t.png")
    argv = ["plot", files[0], "--force", "-o", out, "--tree"]
    status, err = run(capsys, *argv, "a" * (MAX_LETTERS + 5))
    assert status == 1, err
    most = int(re.search(r"Give a --tree of at most (\d+) letters", err)[1])
    assert most == MAX_LETTERS - 3, err
    assert run(capsys, *argv, "a" * most)[0] == 0  # the advice followed


def test_table_tells_the_letters_of_the_model_of_code_points(more_files, capsys):
    # 1,000 grapheme clusters were counted before loading and called the
    # letters of a model that reads 2,000 code points in them.
    status, err = run(capsys, "table", more_files["char"], N * MAX_LETTERS)
    assert status == 1, err
    assert f"has {2 * MAX_LETTERS:,} letters, and one more letter" in err, err


def advised(message):
    """The shorter prefix that the sampler's bound takes, advised in ``message``."""
    found = re.search(r"\((\d+) or fewer with this sampler's max_length=(\d+)", message)
    assert found, message
    return int(found[1]), int(found[2])


@pytest.mark.slow  # draws pictures
def test_each_figure_advised_is_drawn():
    # A sampler of max_length=5 was advised 999 letters, which it refuses; the
    # tree offered a lower depth, which would not make it take 998 letters.
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    from sknextchar.plotting import plot_generation_tree, plot_temperature

    bounded = count_sampler(LATIN, max_length=5)
    for draw, prefix in [
        (plot_temperature, "a" * (MAX_LETTERS + 5)),
        (plot_generation_tree, "a" * (MAX_LETTERS - 2)),
    ]:
        with pytest.raises(ValueError) as caught:
            draw(bounded, prefix)
        message = str(caught.value)
        assert "depth" not in message, message
        most, high = advised(message)
        assert high == 5, message
        plt.close(draw(bounded, "a" * most))  # the advice followed
        with pytest.raises(ValueError, match="more than max_length=5"):
            draw(bounded, "a" * (most + 2))  # it is the sampler's figure
    # Its bound raised, the figure of the limit is drawn.
    raised = clone(bounded).set_params(max_length=MAX_LETTERS).fit(LATIN)
    plt.close(plot_temperature(raised, "a" * (MAX_LETTERS - 1)))
