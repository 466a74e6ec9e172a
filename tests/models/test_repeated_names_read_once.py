"""A list of names repeated line by line (100,000 lines of 420 names) is read
name by distinct name: each distinct name is normalised and cut into symbols
once, and every line still gets its own windows, the same as each name read
alone, so that every model fitted on them (counts, MLP) is the same."""

import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

import sknextchar._learned_alphabet as learned_alphabet
import sknextchar._text as text_module
from sknextchar import ContextWindowTransformer, KneserNeyClassifier
from sknextchar._lone_marks import LoneMarksError

# Accents composed and not, capitals, a final sigma, a cluster of marks.
DISTINCT = ["Zoë", "Zoe\u0308", "Ana", "ΟΔΥΣΣΕΑΣ", "राहुल", "Mary Ann", "ana"]
NAMES = [DISTINCT[i % 7] for i in np.random.default_rng(0).permutation(700)]


def _alone(transformer, names):
    """The windows of each name read by itself, one after another."""
    parts = [transformer.transform([name]) for name in names]
    return (
        np.concatenate([p.contexts for p in parts]),
        np.concatenate([p.targets for p in parts]),
    )


@pytest.mark.parametrize("params", [{}, {"lowercase": False, "unit": "char"}])
def test_each_line_gets_the_windows_of_its_name_read_alone(params):
    transformer = ContextWindowTransformer(alphabet="auto", **params)
    windows = transformer.fit_transform(NAMES)
    contexts, targets = _alone(transformer, NAMES)
    np.testing.assert_array_equal(windows.contexts, contexts)
    np.testing.assert_array_equal(windows.targets, targets)
    np.testing.assert_array_equal(
        np.bincount(windows.name_index),
        [len(transformer.encode([n])[0]) + 1 for n in NAMES],
    )


def test_the_count_model_is_that_of_the_windows_read_name_by_name():
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto"), KneserNeyClassifier()
    )
    pipe.fit(NAMES)
    transformer, fitted = pipe[0], pipe[1]
    alone = KneserNeyClassifier().fit(*_alone(transformer, NAMES))
    probe = transformer.transform(DISTINCT)
    assert np.array_equal(
        fitted.predict_log_proba(probe), alone.predict_log_proba(probe)
    )  # bit for bit


def test_each_distinct_name_is_cut_into_symbols_once(monkeypatch):
    calls = []

    def counted(text, unit, split=text_module.split_symbols):
        calls.append(text)
        return split(text, unit)

    monkeypatch.setattr(text_module, "split_symbols", counted)
    monkeypatch.setattr(learned_alphabet, "split_symbols", counted)
    ContextWindowTransformer(alphabet="auto").fit_transform(NAMES)
    # once to learn the alphabet, once to encode: the 5 names as read
    assert sorted(calls) == sorted(2 * ["zoë", "ana", "οδυσσεασ", "राहुल", "mary ann"])


def test_every_line_with_a_lone_mark_is_still_counted():
    names = ["asha", "\u0301a", "bo", "\u0301a", "\u0301e"] * 3
    with pytest.raises(LoneMarksError) as caught:
        ContextWindowTransformer(alphabet="auto").fit(names)
    assert caught.value.n_names == 9


def test_each_distinct_name_is_normalised_once(monkeypatch):
    calls = []

    def counted(text, *args, normalize=text_module.normalize_text, **kwargs):
        calls.append(text)
        return normalize(text, *args, **kwargs)

    monkeypatch.setattr(text_module, "normalize_text", counted)
    ContextWindowTransformer(alphabet="auto").fit_transform(NAMES)
    # 100 lines of each: read once each, whatever else reads a name apart
    assert set(calls) == {"Zoë", "Zoe\u0308", "ΟΔΥΣΣΕΑΣ", "राहुल"}
    assert max(map(calls.count, set(calls))) <= 2
