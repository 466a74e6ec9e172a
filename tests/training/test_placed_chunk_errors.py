"""A file trained in chunks refuses names as a fit on all its names does.

Each check that refuses several names at once (names read as empty, names
that start with a combining mark, names ``handle_unknown="drop"`` leaves
without any character) counts every such name of the file and shows the first
of them at their places in the file, whichever chunks they are in; of several
kinds in one file, the one a fit checks first is given. The errors carry their
names, places and count, and survive pickling with their message.
"""

import pickle

import pytest

from sknextchar import ContextWindowTransformer, make_default_pipeline, train_from_file
from sknextchar._empty_names import EmptyNamesError
from sknextchar._lone_marks import LoneMarksError
from sknextchar._placed_names import PlacedNamesError
from sknextchar._unknown_advice import DroppedNamesError
from sknextchar.datasets import load_names
from tests._file_lines import by_line

WORDS = ["asha", "ravi", "uma", "abid", "neha", "mira", "anu", "raj"]
LATIN = "abcdefghijklmnopqrstuvwxyz"


def _file_of(tmp_path, bad, lines):
    """A file of 30 names, ``bad`` (cycled) on the 1-based ``lines``."""
    names = [WORDS[i % len(WORDS)] for i in range(30)]
    for k, line in enumerate(lines):
        names[line - 1] = bad[k % len(bad)]
    path = tmp_path / "names.txt"
    path.write_text("\n".join(names) + "\n", encoding="utf-8")
    return path


def _both(path, **params):
    """The errors of a fit on all the names of ``path`` and of training on it
    in chunks of 5 (its advice spelled as the pipeline's own parameters)."""
    pipe = make_default_pipeline(random_state=0).set_params(clf__max_iter=1, **params)
    with pytest.raises(ValueError) as in_memory:
        pipe.fit(load_names(path))
    with pytest.raises(ValueError) as from_file:
        train_from_file(path, pipe, chunk_size=5)
    # each name of the fit's message named by its line of the file
    return by_line(str(in_memory.value), path), str(from_file.value).replace(
        "windows__", ""
    )


DROP = {"windows__alphabet": LATIN, "windows__handle_unknown": "drop"}
CASES = {
    "dropped": (["иван"], DROP),
    "lone mark": (["\u0301ana"], {"windows__alphabet": "auto"}),
    "invisible": (["\u200b"], {}),
    "accents": (["\u0301"], {"windows__strip_accents": "unicode"}),
}


@pytest.mark.parametrize("kind", CASES)
@pytest.mark.parametrize(
    "lines", [(4, 12, 20), (2, 4, 8, 12, 13, 19, 20, 27, 30)], ids=["3", "9"]
)
def test_a_file_in_chunks_counts_and_places_names_as_a_fit(tmp_path, kind, lines):
    bad, params = CASES[kind]
    in_memory, from_file = _both(_file_of(tmp_path, bad, lines), **params)
    assert f"{len(lines)} names" in in_memory  # the whole file's count
    assert f" (line {lines[0]} of " in from_file  # placed in the file
    assert from_file == in_memory


def test_of_several_kinds_in_a_file_the_first_check_a_fit_runs_is_given(tmp_path):
    # A fit reads the names (an empty one) before it learns a vocabulary (a
    # lone mark): the empty name of the fourth chunk, not the first chunk's mark.
    path = _file_of(tmp_path, ["\u0301a", "\u200b", "\u0301e"], [3, 18, 24])
    in_memory, from_file = _both(path, windows__alphabet="auto")
    assert in_memory.startswith("1 name holds only invisible characters")
    assert from_file == in_memory


def test_what_empty_names_hold_is_told_of_those_not_shown_too(tmp_path):
    # Five names of zero-width spaces are shown; the tatweels of the sixth,
    # in a later chunk, are told as a fit on all the names tells them.
    lines = [4, 6, 9, 10, 12, 23]
    path = _file_of(tmp_path, ["\u200b"] * 5 + ["\u0640\u0640"], lines)
    in_memory, from_file = _both(path)
    assert "the Arabic tatweel" in in_memory and "(line 23 of" not in in_memory
    assert from_file == in_memory


def test_a_resumed_model_counts_the_names_drop_leaves_in_the_whole_file(tmp_path):
    path = _file_of(tmp_path, ["иван"], [4, 12, 20])
    pipe = make_default_pipeline(random_state=0).set_params(
        windows__alphabet=LATIN, windows__handle_unknown="drop", clf__max_iter=1
    )
    pipe.fit(WORDS).set_params(clf__max_iter=2)
    with pytest.raises(DroppedNamesError) as in_memory:
        pipe["windows"].encode(load_names(path))
    with pytest.raises(ValueError) as from_file:
        train_from_file(path, pipe, chunk_size=5, resume=True)
    shown = "names[3]='иван', names[11]='иван', names[19]='иван'"
    assert f"leaves 3 names without any character of the vocabulary: {shown}." in (
        str(in_memory.value)
    )
    assert str(from_file.value).startswith(
        f"windows__handle_unknown='drop' leaves 3 names without any character of "
        f"the vocabulary: {by_line(shown, path)}."
    )


@pytest.mark.parametrize(
    ("names", "params", "kind"),
    [
        (["asha", "\u0301a", "\u0301e"], {"alphabet": "auto"}, LoneMarksError),
        (["asha", "иван"] * 4, {"handle_unknown": "drop"}, DroppedNamesError),
        (["asha", "\u200b"], {}, EmptyNamesError),
    ],
)
def test_the_errors_about_names_keep_their_numbers(names, params, kind):
    with pytest.raises(kind) as caught:
        ContextWindowTransformer(**params).fit(names)
    error = caught.value
    assert isinstance(error, PlacedNamesError)
    assert error.n_names == sum(name != "asha" for name in names)
    assert [names[i] for i in error.positions] == error.names
    moved = error.placed(["names[40]"], error.names[:1], [40], n_names=12)
    copy = pickle.loads(pickle.dumps(moved))
    assert type(copy) is kind and str(copy) == str(moved) != str(error)
    assert "12 names" in str(copy) and "names[40]=" in str(copy)
