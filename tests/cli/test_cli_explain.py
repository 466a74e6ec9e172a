"""``sknextchar score --explain``: the probability of each character of a name."""

import re
import unicodedata

import numpy as np
import pytest

from sknextchar import load_model
from sknextchar._text import display_width
from sknextchar.cli import main
from sknextchar.cli._explain import char_columns
from tests.cli.test_cli_classify import KN, labelled_model  # noqa: F401 (a fixture)


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    """A small MLP on a few names (20 epochs)."""
    folder = tmp_path_factory.mktemp("explain")
    names = folder / "names.txt"
    names.write_text("\n".join(["ravi", "rani", "asha", "amit", "zoya"] * 8))
    path = folder / "m.skops"
    assert main(["train", str(names), "--max-iter", "20", "-q", "-o", str(path)]) == 0
    return path


def blocks(text):
    """name -> rows of (context, next, probability, rank, expected or None)."""
    found, name = {}, None
    for line in text.splitlines():
        if not line or line.startswith(("rank ", "'")) or line[:4].strip().isdigit():
            continue
        if not line.startswith("  "):
            name = line
            found[name] = []
        elif not line.split()[0] == "after":
            cells = line.split()
            expected = cells[4] if len(cells) > 4 else None
            found[name].append(
                (cells[0], cells[1], float(cells[2]), int(cells[3]), expected)
            )
    return found


def oracle(path, name, label=None):
    """Each predicted symbol's probability and competition rank, from predict_proba."""
    sampler = load_model(path)
    assert sampler.temperature == 1.0  # predict_proba is then the model's own
    proba = sampler.predict_proba([name], label=label)
    pipe = sampler.estimator_
    targets = pipe[0].transform([name]).targets
    picked = proba[np.arange(len(targets)), targets]
    ranks = [1 + int((row > p).sum()) for row, p in zip(proba, picked)]
    best = [sampler.vocabulary_[i] for i in proba.argmax(axis=1)]
    return picked, ranks, best, [sampler.vocabulary_[t] for t in targets]


def test_each_row_is_the_models_probability_rank_and_first_choice(model, capsys):
    assert main(["score", str(model), "ravi", "xqzt", "--explain"]) == 0
    found = blocks(capsys.readouterr().out)
    assert list(found) == ["ravi", "xqzt"]  # the ranking's order
    for name, rows in found.items():
        picked, ranks, best, symbols = oracle(model, name)
        assert [row[1] for row in rows] == symbols
        assert [row[0] for row in rows][-1] == name[-3:]  # context of the end
        np.testing.assert_allclose([row[2] for row in rows], picked, atol=6e-5)
        assert [row[3] for row in rows] == ranks
        for row, first in zip(rows, best):
            assert row[4] == (None if row[3] == 1 else first)


def test_a_labelled_model_scores_under_the_label(labelled_model, capsys):  # noqa: F811
    assert (
        main(["score", str(labelled_model), "mira", "--label", "B", "--explain"]) == 0
    )
    rows = blocks(capsys.readouterr().out)["mira"]
    picked, ranks, _, _ = oracle(labelled_model, "mira", label="B")
    np.testing.assert_allclose([row[2] for row in rows], picked, atol=6e-5)
    assert [row[3] for row in rows] == ranks
    assert main(["score", str(labelled_model), "mira", "--explain"]) != 0
    assert "--label" in capsys.readouterr().err


def test_tiny_probabilities_are_not_printed_as_zero(model, capsys):
    assert main(["score", str(model), "xqzqxq", "--explain"]) == 0
    rows = blocks(capsys.readouterr().out)["xqzqxq"]
    assert all(row[2] > 0 for row in rows)


def test_columns_share_ranks_on_ties_and_chunks_change_nothing():
    log_proba = np.log([[0.4, 0.4, 0.2], [0.2, 0.2, 0.6]])
    columns = char_columns(log_proba, np.array([0, 0, 1]), np.array([1, 2, 0]))
    assert columns[:, 1].tolist() == [1, 3, 2]  # 0.4 ties with 0.4: both first
    assert columns[:, 2].tolist() == [0, 0, 2]  # the lower id on a tie
    rng = np.random.default_rng(0)
    big = np.log(rng.dirichlet(np.ones(27), size=50))
    inverse = rng.integers(0, 50, size=20_000)  # over two chunks
    targets = rng.integers(0, 27, size=20_000)
    rows = big[inverse]
    picked = rows[np.arange(20_000), targets]
    got = char_columns(big, inverse, targets)
    np.testing.assert_array_equal(got[:, 0], picked)
    np.testing.assert_array_equal(got[:, 1], 1 + (rows > picked[:, None]).sum(axis=1))
    np.testing.assert_array_equal(got[:, 2], rows.argmax(axis=1))


def test_a_long_list_is_decoded_once_per_context_and_printed_name_by_name(
    model, tmp_path, monkeypatch
):
    # 2,048 distinct names (a name given twice is scored once), 24,576
    # windows, a few dozen distinct contexts: before, every window's context
    # was decoded and the whole text printed in one write.
    import itertools

    from sknextchar import ContextWindowTransformer

    path = tmp_path / "many.txt"
    words = map("".join, itertools.product("ra", repeat=11))
    path.write_text("\n".join(words))
    decoded, real = [], ContextWindowTransformer.decode

    def counted(self, rows):
        decoded.append(len(rows))
        return real(self, rows)

    class Writes:
        def __init__(self):
            self.sizes = []

        def write(self, text):
            self.sizes.append(len(text))

        def flush(self):
            pass

    out = Writes()
    monkeypatch.setattr(ContextWindowTransformer, "decode", counted)
    monkeypatch.setattr("sys.stdout", out)
    assert main(["score", str(model), "--names-file", str(path), "--explain"]) == 0
    assert sum(decoded) < 100  # the distinct contexts, not the 10,000 windows
    assert sum(out.sizes) > 500_000 and max(out.sizes) < 1_000


@pytest.mark.parametrize("command", ["score", "classify"])
def test_a_line_too_long_for_a_name_is_refused_before_scoring(
    model,
    labelled_model,  # noqa: F811 (the imported fixture)
    tmp_path,
    capsys,
    command,
):
    # Before: an 11 MB line was scored for 82 s and printed whole.
    names = tmp_path / "long.txt"
    names.write_text("a" * 5000 + "\nbob\n")
    path = labelled_model if command == "classify" else model
    assert main([command, str(path), "--names-file", str(names)]) == 1
    err = capsys.readouterr().err
    assert "Line 1 of" in err and "5,000 characters" in err
    assert "a" * 100 not in err  # the name is not quoted whole


def test_a_long_name_is_quoted_cut_and_still_placed_by_its_line(
    model, tmp_path, capsys
):
    from sknextchar import ContextWindowTransformer

    name = "zoë, " * 60
    with pytest.raises(ValueError) as error:
        ContextWindowTransformer().fit(["bob", name])
    assert "... (300 characters)" in str(error.value)
    assert name not in str(error.value)
    names = tmp_path / "names.txt"
    names.write_text(f"bob\n{name}\n", encoding="utf-8")
    assert main(["score", str(model), "--names-file", str(names)]) == 1
    err = capsys.readouterr().err
    assert "... (299 characters) (line 2 of" in err  # the line is found by its start
    assert name.strip() not in err


def test_a_long_name_cut_alike_another_line_names_both_lines(model, tmp_path, capsys):
    # Two lines of the same start and length: the message's cut name matches
    # both, and it named only the first, a line with nothing wrong in it. The
    # line of its position comes first, the other as the alternative.
    names = tmp_path / "names.txt"
    names.write_text("bob\n" + "ravi" * 20 + "amit\nsita\n" + "ravi" * 20 + "ami9\n")
    assert main(["score", str(model), "--names-file", str(names)]) == 1
    err = capsys.readouterr().err
    assert "... (84 characters) (line 4 of " in err
    assert ", or another line of the same start and length, such as line 2 of " in err


def test_a_zero_width_non_joiner_is_shown_by_its_code_point(tmp_path, capsys):
    # علی‌رضا (Ali-Reza) typed with the ZWNJ between its two words: a model of
    # code points predicts the ZWNJ as a symbol of its own, invisible as it is.
    names = tmp_path / "fa.txt"
    names.write_text("\n".join(["علی\u200cرضا", "محمد\u200cرضا", "علی", "رضا"] * 3))
    path = tmp_path / "fa.skops"
    args = ["--alphabet", "auto", "--unit", "char", *KN, "-o", str(path)]
    assert main(["train", str(names), *args]) == 0
    capsys.readouterr()
    assert main(["score", str(path), "علی\u200cرضا", "--explain"]) == 0
    rows = blocks(capsys.readouterr().out.replace("\u200e", ""))["علی\u200cرضا"]
    assert [row[1] for row in rows] == [*"علی", "U+200C", *"رضا", "-"]
    assert "\u200c" not in "".join(row[1] + (row[4] or "") for row in rows)


JOINED = {
    # Persian names with the ZWNJ between their words, Marathi with the joiner
    # of the eyelash ra, and Hindi vowel signs: labels of 6 columns (U+200C)
    # and marks on a dotted circle.
    "fa": ["علی\u200cرضا", "محمد\u200cرضا", "علی", "رضا", "مهر\u200cانگیز"],
    "hi": ["कर्\u200dया", "सूर्\u200dया", "राम", "राहुल", "सुरेश"],
}


@pytest.fixture(scope="module", params=sorted(JOINED))
def joined_model(request, tmp_path_factory):
    """A model of code points of names typed with a joiner."""
    folder = tmp_path_factory.mktemp("joined")
    names = folder / "names.txt"
    names.write_text("\n".join(JOINED[request.param] * 2), encoding="utf-8")
    path = folder / "m.skops"
    args = ["--alphabet", "auto", "--unit", "char", *KN, "-o", str(path)]
    assert main(["train", str(names), *args]) == 0
    return path, JOINED[request.param]


def test_every_row_puts_its_probability_in_one_column(joined_model, capsys):
    path, names = joined_model
    capsys.readouterr()
    assert main(["score", str(path), *names, "--explain"]) == 0
    lines = capsys.readouterr().out.splitlines()
    ends = set()
    for line in lines:
        if line.startswith("  after"):
            ends.add(display_width(line[: line.index("probability") + 11]))
        elif line.startswith("  ") and not line[:4].strip().isdigit():
            found = re.search(r"  (\d\.\d{4}|\d\.\de-\d\d)  ", line)
            ends.add(display_width(line[: found.end(1)]))
    assert len(ends) == 1, ends


def test_a_mark_is_drawn_on_a_dotted_circle_in_either_column(tmp_path, capsys):
    names = tmp_path / "hi.txt"
    names.write_text("\n".join(JOINED["hi"] * 3), encoding="utf-8")
    path = tmp_path / "hi.skops"
    args = ["--alphabet", "auto", "--unit", "char", *KN, "-o", str(path)]
    assert main(["train", str(names), *args]) == 0
    capsys.readouterr()
    assert main(["score", str(path), "कर्\u200dया", "--explain"]) == 0
    rows = blocks(capsys.readouterr().out)["कर्\u200dया"]
    shown = ["क", "र", "\u25cc\u094d", "U+200D", "य", "\u25cc\u093e", "-"]
    assert [row[1] for row in rows] == shown
    # A context that starts with the virama: on the circle, not on the space
    # of the column before; the joiner in it stays as typed.
    assert rows[5][0] == "\u25cc\u094d\u200dय"
    assert all(not unicodedata.category(row[0][0]).startswith("M") for row in rows)
