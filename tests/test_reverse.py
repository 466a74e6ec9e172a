"""ContextWindowTransformer(reverse=True): models of names read from the end."""

import numpy as np
import pytest
from sklearn.base import clone

from sknextchar import (
    ContextWindowTransformer,
    NameLabelClassifier,
    NameSampler,
    load_model,
    make_default_pipeline,
    save_model,
)
from sknextchar._windows import reverse_each
from sknextchar.cli import main
from sknextchar.datasets import load_indian_names

from .test_labels import ending_corpus, small_pipe


def test_reverse_each_reverses_every_name_in_place():
    rng = np.random.default_rng(0)
    lengths = rng.integers(0, 7, 50)  # names of 0 letters (all dropped) included
    ids = rng.integers(1, 27, lengths.sum())
    names = np.split(ids, np.cumsum(lengths)[:-1])
    got = reverse_each(ids, lengths)
    np.testing.assert_array_equal(got, np.concatenate([n[::-1] for n in names]))
    np.testing.assert_array_equal(reverse_each(got, lengths), ids)


@pytest.mark.parametrize(
    "params, names",
    [
        ({}, ["abid", "ali", "x", "kavya"]),
        ({"alphabet": "auto"}, ["राहुल", "Zoë", "anne-marie"]),  # graphemes
        ({"handle_unknown": "drop"}, ["ab1d", "a7", "ali"]),
    ],
)
def test_reversed_windows_are_the_windows_of_the_reversed_names(params, names):
    backward = ContextWindowTransformer(context_length=3, reverse=True, **params)
    forward = ContextWindowTransformer(context_length=3, **params)
    got = backward.fit_transform(names)
    ids = forward.fit(names).encode(names)  # dropped characters left out
    expected = forward.transform(
        ["".join(forward.vocabulary_[i] for i in row[::-1]) for row in ids]
    )
    np.testing.assert_array_equal(got.contexts, expected.contexts)
    np.testing.assert_array_equal(got.targets, expected.targets)
    np.testing.assert_array_equal(got.name_index, expected.name_index)
    assert backward.vocabulary_ == forward.vocabulary_


def test_a_devanagari_name_is_reversed_by_grapheme_not_by_code_point():
    t = ContextWindowTransformer(context_length=2, alphabet="auto", reverse=True)
    windows = t.fit_transform(["राहुल"])
    assert [t.vocabulary_[i] for i in windows.targets] == ["ल", "हु", "रा", "-"]


def test_the_sampler_refuses_a_model_that_reads_names_backwards():
    names, _ = ending_corpus()
    pipe = small_pipe(max_iter=1).set_params(contextwindowtransformer__reverse=True)
    with pytest.raises(ValueError, match="reverse=True.*NameLabelClassifier"):
        NameSampler(pipe).fit(names)


def test_a_backward_pipeline_is_the_forward_one_on_reversed_names():
    names, labels = load_indian_names(return_X_y=True)
    names, labels = names[:400], labels[:400]
    backward = make_default_pipeline(random_state=0).set_params(
        windows__reverse=True, clf__max_iter=2
    )
    forward = clone(backward).set_params(windows__reverse=False)
    a = NameLabelClassifier(backward).fit(names, labels)
    b = NameLabelClassifier(forward).fit([n[::-1] for n in names], labels)
    np.testing.assert_array_equal(
        a.log_likelihood(names[:50]), b.log_likelihood([n[::-1] for n in names[:50]])
    )
    assert a.pipeline_.score(names, labels) == b.pipeline_.score(
        [n[::-1] for n in names], labels
    )


def test_a_backward_pipeline_saves_and_loads(tmp_path):
    names, labels = ending_corpus()
    pipe = small_pipe(max_iter=1).set_params(contextwindowtransformer__reverse=True)
    pipe.fit(names, labels)
    save_model(pipe, tmp_path / "m.skops")
    loaded = load_model(tmp_path / "m.skops")
    assert loaded[0].reverse is True
    assert loaded.score(names, labels) == pipe.score(names, labels)


def test_a_transformer_saved_before_reverse_existed_reads_forwards():
    t = ContextWindowTransformer().fit(["abid"])
    state = t.__getstate__()
    del state["reverse"]
    old = ContextWindowTransformer.__new__(ContextWindowTransformer)
    old.__setstate__(state)
    assert old.reverse is False
    np.testing.assert_array_equal(old.transform(["abid"]).targets,
                                  t.transform(["abid"]).targets)  # fmt: skip


def test_the_command_line_says_why_it_cannot_sample_a_backward_model(tmp_path, capsys):
    names, labels = ending_corpus()
    pipe = small_pipe(max_iter=1).set_params(contextwindowtransformer__reverse=True)
    save_model(pipe.fit(names), tmp_path / "backward.skops")
    status = main(["sample", str(tmp_path / "backward.skops"), "-n", "2"])
    err = capsys.readouterr().err
    assert status == 1 and "Traceback" not in err
    assert err.startswith("sknextchar: error: NameSampler generates names from their")
