"""Names read as empty, told as a fit on all the names tells them.

A file trained in chunks gives the error a fit on all its names gives, even
when a later chunk fails on something a fit checks after the names (names
that leave the end marker no display); its error keeps its class when its advice
is spelled as the pipeline's parameters; the error of names read as empty
tells each kind of name it refuses (invisible characters only, characters
that ``strip_accents`` removes) and keeps only the names it shows, with the
count of each kind.
"""

import pytest

from sknextchar import ContextWindowTransformer, make_default_pipeline, train_from_file
from sknextchar._empty_names import EmptyNamesError
from sknextchar._words import MAX_REPORTED
from tests._file_lines import by_line

WORDS = ["asha", "ravi", "uma", "abid", "neha", "mira", "anu", "raj"]


def _file_of(tmp_path, bad):
    """A file of 30 names, ``bad`` (a dict line -> name, 1-based) put in."""
    names = [WORDS[i % len(WORDS)] for i in range(30)]
    for line, name in bad.items():
        names[line - 1] = name
    path = tmp_path / "names.txt"
    path.write_text("\n".join(names) + "\n", encoding="utf-8")
    return path, names


def _pipe(**params):
    return make_default_pipeline(random_state=0).set_params(clf__max_iter=1, **params)


def test_a_later_chunks_other_error_does_not_come_before_an_empty_name(tmp_path):
    # Line 20 holds every display the end marker could have: with
    # alphabet="auto", its chunk fails once the vocabulary is learned.
    path, names = _file_of(tmp_path, {2: "\u200b", 20: "a-.$#|~^_*@\u00b6"})
    with pytest.raises(ValueError) as in_memory:
        _pipe(windows__alphabet="auto").fit(names)
    with pytest.raises(ValueError) as from_file:
        train_from_file(path, _pipe(windows__alphabet="auto"), chunk_size=5)
    assert type(in_memory.value) is EmptyNamesError  # a fit reads the names first
    assert type(from_file.value) is EmptyNamesError
    assert str(from_file.value) == by_line(str(in_memory.value), path)


def test_the_files_error_keeps_its_class_when_spelled_as_the_pipelines(tmp_path):
    path, _ = _file_of(tmp_path, {2: "\u200b", 14: "\u03b1"})
    pipe = _pipe(windows__strip_accents="ascii")
    with pytest.raises(EmptyNamesError) as caught:
        train_from_file(path, pipe, chunk_size=5)
    error = caught.value
    assert "windows__strip_accents='ascii' removes" in str(error)
    assert (error.n_names, error.places) == (2, ["names[1]", "names[13]"])


@pytest.mark.parametrize("names", [["asha", "\u200b", "α"], ["asha", "α", "\u200b"]])
def test_each_kind_of_empty_name_is_told(names):
    with pytest.raises(EmptyNamesError) as caught:
        ContextWindowTransformer(strip_accents="ascii").fit(names)
    message = str(caught.value)
    assert "2 names read as empty" in message
    assert "1 of them holds only invisible characters" in message
    assert "removes every character of the other 1" in message
    assert "without an ASCII equivalent ('α')" in message
    assert "()" not in message


def test_the_error_keeps_the_names_shown_and_the_count_of_each_kind():
    names = ["\u200b"] * 30 + ["α"] * 20 + ["\u0301"] * 10
    with pytest.raises(EmptyNamesError) as caught:
        ContextWindowTransformer(strip_accents="ascii").fit(["asha", *names])
    error = caught.value
    assert len(error.names) == len(error.positions) == MAX_REPORTED
    assert {kind: n for kind, (n, _) in error.kinds.items()} == {
        "invisible": 30,
        "other": 20,
        "marks": 10,
    }
    assert str(error).startswith("60 names read as empty")
    assert "30 of them hold only invisible" in str(error)
    assert "the other 30" in str(error)


def test_the_kinds_of_every_chunk_are_counted(tmp_path):
    path, names = _file_of(tmp_path, {2: "\u200b", 3: "\u200b", 24: "α", 29: "α"})
    with pytest.raises(EmptyNamesError) as from_file:
        train_from_file(path, _pipe(windows__strip_accents="ascii"), chunk_size=5)
    with pytest.raises(EmptyNamesError) as in_memory:
        _pipe(windows__strip_accents="ascii").fit(names)
    assert from_file.value.kinds == in_memory.value.kinds
    assert "2 of them hold only invisible" in str(from_file.value)
    assert "the other 2" in str(from_file.value)


@pytest.fixture(scope="module")
def fitted():
    pytest.importorskip("matplotlib")
    names = ["asha", "abid", "anu", "ravi"] * 3
    return make_default_pipeline(random_state=0).set_params(clf__max_iter=1).fit(names)


def test_a_plots_context_longer_than_any_name_is_told_in_its_terms(fitted):
    from sknextchar.plotting import plot_generation_tree, plot_temperature

    with pytest.raises(ValueError) as caught:
        plot_temperature(fitted, context="a" * 1005)
    # One letter past the context: as sknextchar table, 999 letters at most.
    assert "Shorten the context to 999 letters or fewer" in str(caught.value)
    assert "max_length" not in str(caught.value)  # the user never passed it
    with pytest.raises(ValueError) as caught:
        plot_generation_tree(fitted, prefix="a" * 1005, depth=1)
    # One letter past it for its one level: names of 1,000 letters at most.
    assert "Shorten the prefix to 999 letters or fewer" in str(caught.value)
    assert "max_length" not in str(caught.value)


def test_a_bound_that_cannot_help_is_not_advised(fitted):
    from sknextchar import NameSampler
    from sknextchar.plotting import plot_temperature

    pipe = make_default_pipeline(random_state=0).set_params(clf__max_iter=1)
    sampler = NameSampler(pipe, max_length=5).fit(["asha", "abid", "anu"] * 3)
    with pytest.raises(ValueError) as caught:
        plot_temperature(sampler, context="a" * 1005)
    message = str(caught.value)
    # No max_length takes it (the picture reads one letter past it): raising
    # it is offered only with the shorter context that it would then take.
    assert "Shorten the context to 999 letters or fewer" in message, message
    assert "raise max_length or shorten" not in message, message
    assert "(4 or fewer with this sampler's max_length=5, or raise" in message
