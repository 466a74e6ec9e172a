"""The warnings of the readers of names point at the user's call, however deep
in the package they are made (``_stacklevel.user_stacklevel``): a table read
as a list, a line such as '# my names', another code page; and the counts
of ``load_names`` add up to at most 2**53, as the command line's do.

Some paths pointed at the caller before ``user_stacklevel`` too (``load_names``'
own warnings, a direct fit's ConvergenceWarning, the chunk reader's table
warning): their tests are guards, which keep every entry point pointing there
now that the stack level is found rather than counted."""

import warnings

import numpy as np
import pytest
from sklearn.exceptions import ConvergenceWarning
from sklearn.pipeline import Pipeline, make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameLabelClassifier,
    NameSampler,
    PerLabelClassifier,
    train_from_file,
)
from sknextchar._limits import MAX_EXACT_COUNT
from sknextchar._name_chunks import read_name_chunks
from sknextchar.cli import main
from sknextchar.datasets import load_indian_names, load_names

NAMES = ["asha", "ravi", "meena", "john", "zoe"]
POLISH = ["Łukasz", "Wójcik", "Żaneta", "Małgorzata", "Zdzisław"]


def _commented(tmp_path):
    path = tmp_path / "commented.txt"
    path.write_text("\n".join(["# my names", *NAMES]) + "\n", encoding="utf-8")
    return path


def _table(tmp_path):
    path = tmp_path / "export.csv"
    rows = [f"{i},{name},f" for i, name in enumerate(NAMES * 2)]
    path.write_text("\n".join([",name,label", *rows]) + "\n", encoding="utf-8")
    return path


def _code_page(tmp_path):
    path = tmp_path / "polish.txt"
    path.write_bytes("\n".join(POLISH * 2).encode("cp1250") + b"\n")
    return path


# Each file, the words of its warning and the encoding it is read with.
FILES = [
    (_commented, "starts with '#'", "utf-8"),
    (_table, "looks like a table", "utf-8"),
    (_code_page, "reads as names in cp1250", "cp1252"),
]


def _pipe():
    return make_pipeline(
        ContextWindowTransformer(alphabet="auto"),
        CharEmbeddingMLPClassifier(hidden_layer_sizes=(4,), max_iter=2, random_state=0),
    )


def _caught(call, words):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    found = [w for w in caught if words in str(w.message)]
    assert len(found) == 1, [str(w.message) for w in caught]
    return found[0]


@pytest.mark.parametrize("make, words, encoding", FILES)
def test_load_names_warns_at_the_callers_line(tmp_path, make, words, encoding):
    path = make(tmp_path)
    warning = _caught(lambda: load_names(path, encoding=encoding), words)
    assert warning.filename == __file__


@pytest.mark.parametrize("make, words, encoding", FILES)
def test_the_chunk_reader_warns_at_the_callers_line(tmp_path, make, words, encoding):
    path = make(tmp_path)
    warning = _caught(lambda: list(read_name_chunks(path, 3, encoding=encoding)), words)
    assert warning.filename == __file__


@pytest.mark.parametrize("make, words, encoding", FILES)
def test_train_from_file_warns_at_the_callers_line(tmp_path, make, words, encoding):
    path = make(tmp_path)
    warning = _caught(
        lambda: train_from_file(path, _pipe(), chunk_size=4, encoding=encoding), words
    )
    assert warning.filename == __file__


def test_the_command_line_shows_a_warning_as_one_line(tmp_path, capsys):
    path = _commented(tmp_path)
    model = tmp_path / "m.skops"
    argv = ["train", str(path), "--alphabet", "auto", "--model", "kneser-ney"]
    argv += ["-q", "-o", str(model)]
    assert main(argv) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if line]
    assert len(lines) == 1, lines
    assert lines[0].startswith("sknextchar: warning: ") and "'# my names'" in lines[0]
    assert ".py" not in lines[0]  # no source file of the package, nor a line of it


def _counts(tmp_path, counts):
    path = tmp_path / "births.csv"
    rows = [f"{name},{count}" for name, count in zip(NAMES, counts)]
    path.write_text("\n".join(["name,count", *rows]) + "\n", encoding="utf-8")
    return path


def test_load_names_refuses_counts_that_add_up_past_2_53(tmp_path):
    path = _counts(tmp_path, [MAX_EXACT_COUNT, 2])  # each one is kept exactly
    with pytest.raises(ValueError) as raised:
        load_names(path, names_column="name", counts_column="count")
    message = str(raised.value)
    assert "counts_column='count'" in message and "births.csv" in message
    assert "add up to" in message and "divide every count" in message


def test_train_from_file_refuses_counts_that_add_up_past_2_53(tmp_path):
    path = _counts(tmp_path, [MAX_EXACT_COUNT, 2])
    with pytest.raises(ValueError, match=r"in counts_column='count' add up to"):
        train_from_file(path, names_column="name", counts_column="count", chunk_size=1)


def test_load_names_keeps_counts_that_add_up_to_2_53(tmp_path):
    path = _counts(tmp_path, [MAX_EXACT_COUNT - 2, 2])
    names, counts = load_names(path, names_column="name", counts_column="count")
    assert names == NAMES[:2] and counts.sum() == MAX_EXACT_COUNT


def _not_converging():
    return CharEmbeddingMLPClassifier(
        hidden_layer_sizes=(4,), learning_rate="constant", max_iter=1, random_state=0
    )


def _fit_classifier(names):
    _not_converging().fit(ContextWindowTransformer().fit_transform(names))


def _fit_pipeline(names):
    make_pipeline(ContextWindowTransformer(), _not_converging()).fit(names)


def _fit_sampler(names):
    NameSampler(make_pipeline(ContextWindowTransformer(), _not_converging())).fit(names)


@pytest.mark.parametrize("fit", [_fit_classifier, _fit_pipeline, _fit_sampler])
def test_the_convergence_warning_points_at_the_callers_line(fit):
    # Through scikit-learn's Pipeline too: its frames are skipped as well.
    warning = _caught(lambda: fit(NAMES * 4), "")
    assert warning.category is ConvergenceWarning
    assert warning.filename == __file__


def test_the_priors_alone_warning_points_at_the_callers_line_in_a_pipeline():
    # Labels drawn at random: the held-out likelihoods mislead, temperature_ is 0.
    names = load_indian_names()
    rng = np.random.default_rng(1)
    some = [names[i] for i in rng.choice(len(names), 20, replace=False)]
    labels = rng.choice(["a", "b"], 20)
    counts = make_pipeline(
        ContextWindowTransformer(context_length=2),
        PerLabelClassifier(KneserNeyClassifier(order=3)),
    )
    clf = NameLabelClassifier(counts, calibration="temperature", cv=5)
    for fit in (clf.fit, Pipeline([("labels", clf)]).fit):
        warning = _caught(lambda fit=fit: fit(some, labels), "temperature_ is 0")
        assert warning.filename == __file__
