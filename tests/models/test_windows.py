"""CharWindows, the read-only container of windows, and the window arithmetic."""

import pickle

import numpy as np
import pytest

from sknextchar import CharWindows, ContextWindowTransformer
from sknextchar._windows import cut_windows, last_contexts


def test_container_is_read_only_and_not_an_array():
    windows = ContextWindowTransformer().fit_transform(["abid", "ali"])
    with pytest.raises(AttributeError, match="read-only"):
        windows.targets = None
    with pytest.raises(ValueError, match="read-only"):
        windows.contexts[0, 0] = 3
    with pytest.raises(TypeError, match="not subscriptable"):
        windows[0]
    with pytest.raises(TypeError, match="CharWindows are not a table"):
        np.asarray(windows)  # FeatureUnion and models of tables convert so
    assert "n_windows=9" in repr(windows)


def test_a_union_of_windows_is_refused_with_what_to_do():
    from sklearn.pipeline import make_union

    union = make_union(
        ContextWindowTransformer(context_length=2),
        ContextWindowTransformer(context_length=3),
    )
    with pytest.raises(TypeError, match="right before such a model in a Pipeline"):
        union.fit_transform(["abid", "ali"])  # was: zero-dimensional arrays ...


def test_container_pickles_and_subsets():
    windows = ContextWindowTransformer().fit_transform(["abid", "ali", "zoya"])
    again = pickle.loads(pickle.dumps(windows))
    assert isinstance(again, CharWindows)
    np.testing.assert_array_equal(again.contexts, windows.contexts)
    assert again.vocabulary == windows.vocabulary and again.n_names == 3
    part = windows.subset([True, False, True])
    assert len(part) == 5 + 5
    assert sorted(set(part.name_index.tolist())) == [0, 2]
    with pytest.raises(ValueError, match="one entry per name"):
        windows.subset([True])


@pytest.mark.parametrize(
    "shapes, match",
    [
        (((3,), (3,), (3,)), "contexts must be 2-D"),
        (((3, 2), (3, 1), (3,)), "targets and name_index 1-D"),
        (((3, 2), (2,), (3,)), "one row per window; got 3, 2 and 3 rows"),
    ],
)
def test_container_refuses_inconsistent_arrays(shapes, match):
    contexts, targets, name_index = (np.zeros(shape, dtype=int) for shape in shapes)
    with pytest.raises(ValueError, match=match):
        CharWindows(contexts, targets, name_index, ("-", "a"), 1)


def test_cut_windows_of_concatenated_names():
    ids = np.array([1, 2, 3, 4], dtype=np.uint8)  # "ab" and "cd"
    contexts, targets, name_index = cut_windows(ids, [2, 2], 2, np.uint8)
    assert contexts.tolist() == [[0, 0], [0, 1], [1, 2], [0, 0], [0, 3], [3, 4]]
    assert targets.tolist() == [1, 2, 0, 3, 4, 0]
    assert name_index.tolist() == [0, 0, 0, 1, 1, 1]
    empty = cut_windows(np.zeros(0, dtype=np.uint8), [], 3, np.uint8)
    assert [a.shape for a in empty] == [(0, 3), (0,), (0,)]


@pytest.mark.parametrize("context_length", [1, 2, 4])
def test_last_contexts_are_the_contexts_of_the_end_windows(context_length):
    ids = np.array([1, 2, 3, 4, 5, 6], dtype=np.uint8)
    lengths = np.array([3, 0, 1, 2])
    contexts = last_contexts(ids, lengths, context_length)
    assert contexts.dtype == np.uint8
    # The window that predicts the end marker of each text has the same context.
    present = lengths > 0
    windows, targets, _ = cut_windows(ids, lengths[present], context_length, np.uint8)
    np.testing.assert_array_equal(contexts[present], windows[targets == 0])
    assert (contexts[~present] == 0).all()
