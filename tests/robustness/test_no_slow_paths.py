"""Operations that must not do work without reason, checked without timing.

Each test pins down the shape of the work (how many rows a model is asked for,
how much memory a call holds at its peak) on data where the slow way would
show, so a regression fails here instead of in a user's 1,000,000-name run.
"""

import json
import os
import subprocess
import sys

import numpy as np
import pytest
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    PerLabelClassifier,
    _ngram,
    _validation,
    save_model,
)
from sknextchar._decoding import tempered_log_proba
from sknextchar._row_keys import distinct_rows
from sknextchar.cli import main
from sknextchar.cli._score import name_log_likelihoods
from sknextchar.datasets import load_indian_names
from tests._traced import tracing

# A corpus whose windows repeat their contexts, as real names do: the bundled
# names' windows have 26 times fewer distinct contexts (of 3 symbols) than rows.
NAMES = list(load_indian_names()[:300]) * 20


def _count_rows(monkeypatch, model):
    """Record the number of context rows each call of the model's fast path gets."""
    calls = []
    original = model.next_log_proba

    def counting(contexts, **kwargs):
        calls.append(len(contexts))
        return original(contexts, **kwargs)

    monkeypatch.setattr(model, "next_log_proba", counting)
    return calls


def _window_log_proba(pipe, names, labels=None):
    """Each window's target log-probability, the model run on every window."""
    transformer, model = pipe[0], pipe[-1]
    windows = transformer.transform(names)
    kwargs = {} if labels is None else {"labels": labels}
    log_proba = model.predict_log_proba(windows, **kwargs)  # (n_windows, V)
    return windows, log_proba[np.arange(len(windows)), windows.targets]


@pytest.fixture(scope="module")
def mlp_pipe():
    pipe = make_pipeline(
        ContextWindowTransformer(),
        CharEmbeddingMLPClassifier(
            hidden_layer_sizes=(16,), max_iter=2, random_state=0
        ),
    )
    return pipe.fit(NAMES[:300])


@pytest.mark.parametrize(
    "scorer", ["score_samples", "score", "return_scores", "predict_log_proba"]
)
def test_scoring_runs_the_model_once_per_distinct_context(
    monkeypatch, mlp_pipe, scorer
):
    # 6,000 names: the model must see their distinct contexts, not every window.
    sampler = NameSampler(FrozenEstimator(mlp_pipe)).fit(NAMES[:300])
    windows, picked = _window_log_proba(mlp_pipe, NAMES)
    if scorer == "return_scores":
        names, scores = sampler.sample(2000, return_scores=True, random_state=0)
        windows, picked = _window_log_proba(mlp_pipe, names)
    calls = _count_rows(monkeypatch, mlp_pipe[-1])
    if scorer == "score_samples":
        result = sampler.score_samples(NAMES)
        expected = np.bincount(windows.name_index, picked)
    elif scorer == "score":
        result = sampler.score(NAMES)
        expected = float(picked.mean(dtype=np.float64))
    elif scorer == "return_scores":
        calls.clear()  # the sampling's own calls before the scoring
        result = sampler.score_samples(names)
        expected = scores
    else:  # every window's whole tempered row
        sampler.set_params(temperature=0.7)
        result = sampler.predict_log_proba(NAMES)
        log_proba = mlp_pipe[-1].predict_log_proba(windows)  # (n_windows, V)
        expected = tempered_log_proba(log_proba, 0.7)
    distinct = len(distinct_rows(windows.contexts, len(sampler.vocabulary_))[0])
    assert sum(calls) == distinct < len(windows) / 5
    np.testing.assert_array_equal(result, expected)  # the same bits


def test_scoring_by_label_runs_the_model_once_per_context_of_each_label(
    monkeypatch,
):
    labels = np.resize(["f", "m", "x"], 300)
    pipe = make_pipeline(
        ContextWindowTransformer(context_length=2),
        PerLabelClassifier(KneserNeyClassifier()),
    ).fit(NAMES[:300], labels)
    sampler = NameSampler(FrozenEstimator(pipe)).fit(NAMES[:300], labels)
    per_name = np.resize(labels, len(NAMES))
    windows, picked = _window_log_proba(pipe, NAMES, per_name)
    calls = _count_rows(monkeypatch, pipe[-1])
    result = sampler.score_samples(NAMES, label=per_name)
    window_labels = per_name[windows.name_index]
    distinct = sum(
        len(distinct_rows(windows.contexts[window_labels == label], 27)[0])
        for label in ("f", "m", "x")
    )
    assert len(calls) == 3 and sum(calls) == distinct < len(windows) / 5
    np.testing.assert_array_equal(result, np.bincount(windows.name_index, picked))


@pytest.mark.parametrize("by_label", [False, True])
def test_mlp_score_runs_the_network_once_per_distinct_context(
    monkeypatch, mlp_pipe, by_label
):
    # Pipeline.score (what GridSearchCV calls) of 6,000 names: the network sees
    # their distinct contexts (with their label), not every window.
    pipe, labels = mlp_pipe, None
    if by_label:
        labels = np.resize(["f", "m"], len(NAMES))
        pipe = make_pipeline(
            ContextWindowTransformer(),
            CharEmbeddingMLPClassifier(
                hidden_layer_sizes=(8,), max_iter=1, random_state=0
            ),
        ).fit(NAMES[:300], labels[:300])
    windows, picked = _window_log_proba(pipe, NAMES, labels)
    model, rows = pipe[-1], []
    original = model._log_proba

    def counting(contexts):
        rows.append(len(contexts))
        return original(contexts)

    monkeypatch.setattr(model, "_log_proba", counting)
    result = pipe.score(NAMES, labels)
    keys = windows.contexts
    if by_label:  # the label is a column of the network's input
        keys = np.column_stack([keys, labels[windows.name_index] == "m"])
    assert rows == [len(distinct_rows(keys, 27)[0])] and rows[0] < len(windows) / 5
    assert result == float(picked.mean(dtype=np.float64))  # the same bits


@pytest.fixture(scope="module")
def kneser_ney():
    transformer = ContextWindowTransformer(context_length=4)
    windows = transformer.fit_transform(NAMES * 2)  # 85,840 windows
    return windows, KneserNeyClassifier().fit(windows)


@pytest.mark.parametrize("method", ["predict_log_proba", "score"])
def test_kneser_ney_interpolates_each_distinct_context_once(
    monkeypatch, kneser_ney, method
):
    windows, model = kneser_ney
    rows = []
    original = _ngram._apply_table

    def counting(table, context_keys, proba, base):
        rows.append(len(context_keys))
        return original(table, context_keys, proba, base)

    monkeypatch.setattr(_ngram, "_apply_table", counting)
    result = getattr(model, method)(windows)
    distinct = len(distinct_rows(windows.contexts, 27)[0])
    assert sum(rows) == model.order_ * distinct < len(windows)
    if method == "score":  # the same number as from every window's row
        log_proba = model.predict_log_proba(windows)
        picked = log_proba[np.arange(len(windows)), windows.targets]
        assert result == float(picked.sum()) / len(windows)


def test_kneser_ney_prediction_holds_little_more_than_its_output(rng):
    # Distinct contexts of the model's own letters: every order applies, so each
    # row meets up to 27 n-grams per order. Holding an index per n-gram of every
    # row at once took 6.3 times the output's memory (6.4 with the contexts
    # deduplicated but not cut in blocks); by blocks of rows, with the logarithm
    # taken in place, the peak is 2.6 times: the output, the distinct contexts'
    # rows it is copied from, and index arrays.
    names = list(load_indian_names())
    windows = ContextWindowTransformer(context_length=4).fit_transform(names)
    model = KneserNeyClassifier().fit(windows)
    contexts = np.unique(windows.contexts, axis=0)  # (14,843, 4) all distinct
    contexts = contexts[rng.permutation(len(contexts))]
    with tracing() as traced:
        log_proba = model.predict_log_proba(contexts)
    assert traced.peak < 3.5 * log_proba.nbytes


def _by_label_sampler(labels):
    """A sampler of a count model per label (one model, labels None)."""
    model = (
        KneserNeyClassifier()
        if labels is None
        else PerLabelClassifier(KneserNeyClassifier())
    )
    pipe = make_pipeline(
        ContextWindowTransformer(context_length=2, handle_unknown="drop"), model
    ).fit(NAMES[:300], labels)
    return NameSampler(FrozenEstimator(pipe)).fit(NAMES[:300], labels)


@pytest.fixture(scope="module")
def model_files(tmp_path_factory):
    """Saved samplers, only ever read: the command -> its model file (one model
    for score, one per label for classify)."""
    folder = tmp_path_factory.mktemp("cli")
    files = {}
    for command, labels in (("score", None), ("classify", ["f", "m", "x"])):
        labels = None if labels is None else np.resize(labels, 300)
        files[command] = str(folder / f"{command}.skops")
        save_model(_by_label_sampler(labels), files[command])
    return files


@pytest.mark.parametrize("command", ["score", "classify"])
def test_cli_score_and_classify_cut_the_names_once(
    monkeypatch, model_files, capsys, command
):
    # score printed two scores of each name from two passes; classify made one
    # pass per label of the model. One pass over the names gives all of them.
    path = model_files[command]
    passes = []
    transform = ContextWindowTransformer.transform

    def counting(self, X):
        passes.append(len(X))
        return transform(self, X)

    monkeypatch.setattr(ContextWindowTransformer, "transform", counting)
    assert main([command, path, "asha", "ravi", "zoya"]) == 0
    assert passes == [3]
    assert len(capsys.readouterr().out.splitlines()) == 4  # a heading, 3 names


def test_cli_classify_measures_each_name_not_each_cell(monkeypatch, model_files):
    # The table of 100,000 names took 7 of classify's 9 s: every row measured
    # every column's heading and padded its label again. Now a row measures
    # its name only: twice (for the column's width, then to pad it).
    import sknextchar._text as text
    import sknextchar.cli._classify as classify

    path = model_files["classify"]
    measured = []
    for module in (text, classify):
        original = module.display_width
        monkeypatch.setattr(
            module, "display_width", lambda s, f=original: measured.append(s) or f(s)
        )
    counts = []
    for names in (["asha", "ravi"] * 10, ["asha", "ravi"] * 20):
        measured.clear()
        assert main(["classify", path, *names]) == 0
        counts.append(len(measured))
    assert counts[1] - counts[0] == 2 * 20


@pytest.mark.parametrize("labels", [None, np.resize(["f", "m", "x"], 300)])
def test_cli_scores_are_the_samplers_bit_for_bit(labels):
    sampler = _by_label_sampler(labels)
    names = ["asha", "ravi", "ab1d", "zoya"]  # "1" dropped
    classes = [None] if labels is None else ["f", "m", "x"]
    log_likelihood, counts = name_log_likelihoods(sampler, names, classes)
    for column, label in enumerate(classes):
        total = sampler.score_samples(names, label=label)
        np.testing.assert_array_equal(log_likelihood[:, column], total)
        per_char = sampler.score_samples(names, per_char=True, label=label)
        np.testing.assert_array_equal(total / counts.clip(min=1), per_char)
    assert counts.tolist() == [5, 5, 4, 5]


def test_sampler_record_checks_each_name_once(monkeypatch, mlp_pipe):
    # fit (of a fitted pipeline) and in_training_set check the names where the
    # transformer encodes them, not once more before. Every check of a list of
    # names goes through check_elements (one pass, or name by name).
    checked = []
    original = _validation.check_elements

    def counting(names, *args, **kwargs):
        checked.extend(names)
        return original(names, *args, **kwargs)

    monkeypatch.setattr(_validation, "check_elements", counting)
    sampler = NameSampler(FrozenEstimator(mlp_pipe)).fit(NAMES)
    assert len(checked) == len(NAMES)
    checked.clear()
    assert sampler.in_training_set(NAMES).all()
    assert len(checked) == len(NAMES)


# What a new process imports: first the sampler alone, then every public name.
# The sampler's modules are among those every public name imports, so the
# second list is what it would be in a process of its own.
_IMPORTS = """
import json, sys
import sknextchar._sampler, sknextchar._generation
sampler = sorted(m for m in sys.modules if m.startswith("sknextchar."))
import sknextchar
for name in sknextchar.__all__: getattr(sknextchar, name)
import sknextchar.plotting, sknextchar.metrics, sknextchar.callbacks
import sknextchar.cli._commands, sknextchar.cli._classify
print(json.dumps([sampler, sorted({m.partition(".")[0] for m in sys.modules})]))
"""


@pytest.fixture(scope="module")
def imported():
    """(sknextchar modules the sampler imports, packages the public names
    import), in a new process: this one has imported everything already."""
    out = subprocess.run(
        [sys.executable, "-c", _IMPORTS], capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out)


@pytest.mark.slow
def test_the_sampler_does_not_import_the_classifier(imported):
    sampler, _ = imported
    assert "sknextchar._classifier" not in sampler
    assert "sknextchar._pipeline" in sampler


@pytest.mark.slow
def test_public_names_import_neither_skops_nor_matplotlib(imported):
    # skops takes seconds to import (it lists every scikit-learn estimator,
    # importing each of scikit-learn's modules): only reading or writing a
    # model file loads it, and only a figure loads matplotlib.
    _, loaded = imported
    for heavy in ("skops", "matplotlib", "torch", "dask"):
        assert heavy not in loaded


def test_encode_makes_no_numpy_call_per_name():
    # encode cuts one array of ids into a view per name; np.split made three
    # Python-level NumPy calls per name (0.7 s of 2.5 s for 1,000,000 names).
    transformer = ContextWindowTransformer().fit(["abid", "asha"])
    numpy_root = os.path.dirname(np.__file__)

    def numpy_calls(names):
        calls = []

        def record(frame, event, arg):
            if event == "call" and frame.f_code.co_filename.startswith(numpy_root):
                calls.append(frame.f_code.co_name)

        sys.setprofile(record)
        try:
            encoded = transformer.encode(names)
        finally:
            sys.setprofile(None)
        return encoded, len(calls)

    few, n_few = numpy_calls(["abid", "asha", "ravi"] * 10)
    many, n_many = numpy_calls(["abid", "asha", "ravi"] * 1000)
    assert n_many == n_few < 30
    assert [ids.tolist() for ids in many[:3]] == [
        [1, 2, 9, 4],
        [1, 19, 8, 1],
        [18, 1, 22, 9],
    ]
    assert len(many) == 3000 and many[-1].base is many[0].base  # views of one array


def test_decode_of_a_2d_array_checks_and_builds_its_table_once(monkeypatch):
    import sknextchar._transformer as module

    transformer = ContextWindowTransformer(context_length=3).fit(["abid", "asha"])
    contexts = transformer.transform(["abid", "asha", "ravi"] * 50).contexts
    expected = [transformer.decode(row) for row in contexts]  # one row at a time
    built, checked = [], []
    real_table, real_check = module.SymbolTable, type(transformer)._checked_ids
    monkeypatch.setattr(
        module, "SymbolTable", lambda v: built.append(1) or real_table(v)
    )
    monkeypatch.setattr(
        type(transformer),
        "_checked_ids",
        lambda self, ids, ndim=1: checked.append(1) or real_check(self, ids, ndim),
    )
    assert transformer.decode(contexts) == expected
    assert len(built) == 1 and len(checked) == 1
    assert transformer.decode([list(contexts[0]), list(contexts[1])]) == expected[:2]
    assert len(built) == 2  # a list of sequences: one table too


def test_sampler_record_counts_capitals_by_word_only_where_a_name_has_two(
    monkeypatch,
):
    # fit keeps the most capitals in one word of a training name; cutting every
    # name into words (six arrays of all the names' symbols) took 0.1 to 0.4 s
    # of a fit on 1,000,000 names, for names of a-z, which have no capitals.
    from sknextchar import _spelling

    counted = []
    original = _spelling._capitals_per_word

    def counting(ids, capital, in_word):
        counted.append(ids.size)
        return original(ids, capital, in_word)

    monkeypatch.setattr(_spelling, "_capitals_per_word", counting)
    plain = ContextWindowTransformer(alphabet="auto", lowercase=False)
    names = ["Asha", "ravi", "Jean-Luc", "McDonald", "abid"] * 200
    plain.fit(names)

    def capitals(names):
        record = _spelling.spelling_record(plain.vocabulary_, plain.encode(names))
        return record[record[:, 0] == "capitals", 1].tolist()

    assert capitals(["abid", "ravi"] * 500) == ["0"] and counted == []
    assert capitals(["Asha", "Luc", "ravi"] * 300) == ["1"] and counted == []
    assert capitals(names) == ["2"]
    # Only the names with two capitals or more, and an end between them.
    assert counted == [200 * (len("Jean-Luc") + len("McDonald") + 2) - 1]


def test_grapheme_names_compile_their_pattern_once(monkeypatch):
    # alphabet="auto" cuts names into grapheme clusters; compiling the pattern
    # for each name (regex's cache lookup) took 2 s of a 1,000,000-name fit.
    import regex

    compiled = []
    original = regex.compile
    monkeypatch.setattr(
        regex, "compile", lambda *a, **k: compiled.append(a) or original(*a, **k)
    )
    transformer = ContextWindowTransformer(alphabet="auto").fit(["राहुल", "zoë"] * 50)
    assert transformer.unit_ == "grapheme"
    assert transformer.encode(["राहुल", "zoë"] * 500)[0].tolist() == [4, 6, 5]
    assert len(compiled) <= 1  # once in the process (none if compiled before)
