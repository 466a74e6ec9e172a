"""Advice that fits what was passed: the flag given, the argument named.

A name of combining marks only under strip_accents='unicode' was told to pass
strip_accents='unicode'; plot's dead ends advised --min-length, a flag plot
lacks; a sampler's score named its y "labels"; a model file given as a NAME
was scored as a name; sample(keep_spelling=False) drew names with whitespace
at either end, which no name has.
"""

import pandas as pd
import pytest
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    PerLabelClassifier,
)
from sknextchar.cli import main


@pytest.mark.parametrize("strip", ["unicode", "ascii"])
def test_a_name_of_marks_only_is_not_told_to_pass_unicode(strip):
    with pytest.raises(ValueError, match="removes every character") as e:
        ContextWindowTransformer(strip_accents=strip).fit(["asha", "\u0301"])
    message = str(e.value)
    assert "Pass strip_accents='unicode'" not in message
    assert "strip_accents=None" in message


def test_ascii_still_offers_unicode_when_it_keeps_the_name():
    with pytest.raises(ValueError, match="Pass strip_accents='unicode'"):
        ContextWindowTransformer(strip_accents="ascii").fit(["asha", "\u03b1"])


def test_the_command_line_tells_to_leave_out_strip_accents(tmp_path, capsys):
    names = tmp_path / "names.txt"
    names.write_text("asha\nravi\n\u0301\nmaria\n", encoding="utf-8")
    model = str(tmp_path / "m.skops")
    argv = ["train", str(names), "--strip-accents", "unicode", "-q", "-o", model]
    assert main([*argv, "--max-iter", "1"]) == 1
    err = capsys.readouterr().err
    assert "Pass --strip-accents unicode" not in err
    assert "leave out --strip-accents" in err and "None" not in err


@pytest.fixture(scope="module")
def dead_end_model(tmp_path_factory):
    """A count model with add_k=0: after 'bc' only the end, below its
    shortest training name (3 letters) ruled out."""
    folder = tmp_path_factory.mktemp("dead")
    names = folder / "names.txt"
    names.write_text("abc\nbbc\nabd\nbbd\n", encoding="utf-8")
    model = str(folder / "dead.skops")
    train = ["train", str(names), "--model", "kneser-ney", "--add-k", "0"]
    assert main([*train, "--context-length", "1", "-q", "-o", model]) == 0
    return model


@pytest.mark.parametrize("flag", ["--tree", "--distribution"])
def test_plot_dead_ends_advise_in_plot_terms(dead_end_model, flag, capsys, tmp_path):
    pytest.importorskip("matplotlib")
    capsys.readouterr()
    picture = str(tmp_path / "p.png")
    assert main(["plot", dead_end_model, flag, "bc", "-o", picture]) == 1
    err = capsys.readouterr().err
    assert f"No name can continue 'bc' ({flag}):" in err, err
    assert "--min-length" not in err
    assert "sknextchar table" in err and "shortest training name" in err


def test_plot_tree_leaves_out_a_dead_branch(dead_end_model, capsys, tmp_path):
    # "bc" is a branch of "b" that no name can finish (nothing follows "c" but
    # the end, ruled out below the shortest training name): the tree is drawn
    # without it, where the whole picture used to be refused.
    pytest.importorskip("matplotlib")
    capsys.readouterr()
    picture = tmp_path / "p.png"
    assert main(["plot", dead_end_model, "--tree", "b", "-o", str(picture)]) == 0
    assert picture.stat().st_size > 0 and capsys.readouterr().err == ""


NAMES = ["asha", "ravi", "uma", "mira", "john", "anna", "omar"]
LABELS = ["f", "m", "f", "f", "m", "f", "m"]


@pytest.fixture(scope="module")
def by_label():
    pipe = make_pipeline(
        ContextWindowTransformer(context_length=2),
        PerLabelClassifier(KneserNeyClassifier()),
    )
    return NameSampler(pipe).fit(NAMES, LABELS)


def test_score_names_its_y_missing(by_label):
    X = pd.Series(NAMES, index=[f"r{i}" for i in range(7)])
    y = pd.Series(LABELS[:6] + [None], index=X.index)
    with pytest.raises(ValueError, match=r"Input y contains") as e:
        by_label.score(X, y)
    assert "y.iloc[6] (position 6, index label 'r6')" in str(e.value)
    with pytest.raises(ValueError, match=r"Input y contains None: y\[6\] = None"):
        by_label.score(NAMES, LABELS[:6] + [None])


def test_score_names_its_y_of_the_wrong_length(by_label):
    with pytest.raises(ValueError, match=r"^y must hold one label per name") as e:
        by_label.score(NAMES, LABELS[:3])
    assert "3 labels for 7 names" in str(e.value)
    # score_samples takes them as label=.
    with pytest.raises(ValueError, match=r"^label must hold one label per name"):
        by_label.score_samples(NAMES, label=LABELS[:3])


@pytest.mark.parametrize("command", ["score", "classify"])
def test_a_file_given_as_a_name_is_pointed_out(dead_end_model, command, capsys):
    capsys.readouterr()
    assert main([command, dead_end_model, "abc", dead_end_model]) == 1
    err = capsys.readouterr().err
    assert f"NAME {dead_end_model!r} is a file" in err
    assert f"--names-file {dead_end_model}" in err
    assert "outside the vocabulary" not in err


def test_a_name_that_is_no_path_is_scored(dead_end_model, capsys, tmp_path):
    capsys.readouterr()
    assert main(["score", dead_end_model, "abc", "abd"]) == 0


SPACED = ["mary ann", "anna", "jo ann", "li na", "asha", "ravi", "anne marie"] * 3


@pytest.mark.parametrize("keep_spelling", [False, True])
@pytest.mark.parametrize("fitted_on_names", [True, False])
def test_no_sampled_name_has_whitespace_at_an_edge(keep_spelling, fitted_on_names):
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto", context_length=2),
        KneserNeyClassifier(),
    ).fit(SPACED)
    sampler = NameSampler(FrozenEstimator(pipe), temperature=3, max_length=12)
    sampler.fit(SPACED if fitted_on_names else [])
    names = sampler.sample(1000, keep_spelling=keep_spelling, random_state=0)
    assert len(names) == 1000
    assert all(name == name.strip() for name in names)


@pytest.mark.parametrize("keep_spelling", [False, True])
def test_no_most_likely_name_has_whitespace_at_an_edge(keep_spelling):
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto", context_length=2),
        KneserNeyClassifier(),
    ).fit(SPACED)
    sampler = NameSampler(FrozenEstimator(pipe), max_length=12).fit([])
    names = sampler.most_likely(50, keep_spelling=keep_spelling)
    assert len(names) == 50
    assert all(name == name.strip() for name in names)


def test_name_label_classifier_score_names_its_y():
    from sknextchar import NameLabelClassifier

    pipe = make_pipeline(
        ContextWindowTransformer(context_length=2),
        PerLabelClassifier(KneserNeyClassifier()),
    )
    clf = NameLabelClassifier(pipe).fit(NAMES, LABELS)
    X = pd.Series(NAMES, index=[f"r{i}" for i in range(7)])
    y = pd.Series(LABELS[:6] + [None], index=X.index)
    with pytest.raises(ValueError, match=r"Input y contains (None|NaN): y.iloc\[6\]"):
        clf.score(X, y)
    with pytest.raises(ValueError, match="X and y have different lengths: 7 names"):
        clf.score(X, LABELS[:3])


@pytest.mark.parametrize("name", ["st. john", "j.r."])
def test_a_name_beside_a_file_of_that_name_is_still_scored(
    dead_end_model, name, capsys, tmp_path, monkeypatch
):
    # A name with a dot is no path: a file of that name in the folder does not
    # turn it into one (only a "/" or a file suffix without a space does).
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text("x\n", encoding="utf-8")
    capsys.readouterr()
    main(["score", dead_end_model, name])
    assert "is a file on disk" not in capsys.readouterr().err
