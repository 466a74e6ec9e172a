"""Reliability: bad input everywhere, numerical safety, reproducibility.

``ROWS`` is one table of every bad input the package must refuse at each public
entry point, with the exception type and a fragment of its message, and of the odd
inputs it must accept (10,000-letter names, upper case, the drop policy);
``test_input_table`` runs it. No row may surface as an IndexError, a KeyError, a
ZeroDivisionError or a NumPy broadcasting error. Then: property-based tests of the
invariants, numerics at extreme logits, divergence, and reproducibility run to run,
in a new process, under another BLAS kernel and inside GridSearchCV.
"""

import copy
import json
import math
import os
import re
import subprocess
import sys
import textwrap
import types
import zipfile
from collections import namedtuple

import joblib
import numpy as np
import pandas as pd
import pytest
import skops.io
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn.exceptions import NotFittedError
from sklearn.frozen import FrozenEstimator
from sklearn.model_selection import GridSearchCV, KFold
from sklearn.pipeline import make_pipeline
from sklearn.utils._param_validation import InvalidParameterError
from threadpoolctl import threadpool_limits

import sknextchar
from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    ModelVersionWarning,
    NameSampler,
    load_model,
    save_model,
)
from sknextchar._text import normalize_text
from sknextchar.datasets import load_indian_names, load_names
from sknextchar.nn.functional import backward, forward, init_params, log_softmax, loss
from tests._cases import run_cases
from tests._safety_rows import safety_rows

pytestmark = [
    pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning"),
    # Names glued by dropping a space or hyphen: told at fit, tested in
    # tests/text/test_glued_parts_advice.py; here the windows are the subject.
    pytest.mark.filterwarnings(
        "ignore:handle_unknown='drop' removes a space or hyphen:UserWarning"
    ),
]

NAMES = load_indian_names()[::100]  # 151 names, 1151 windows
LETTERS = "abcdefghijklmnopqrstuvwxyz"
LONG = "ab" * 5000  # a name of 10,000 letters
SMALL = dict(
    embedding_dim=4,
    hidden_layer_sizes=(16,),
    batch_size=32,
    learning_rate_init=0.01,
    max_iter=3,
    random_state=0,
)


def new_clf(**params):
    return CharEmbeddingMLPClassifier(**{**SMALL, **params})


def new_pipe(transformer=None, **params):
    return make_pipeline(transformer or ContextWindowTransformer(), new_clf(**params))


def flat_weights(clf):
    return np.concatenate(
        [a.ravel() for a in (clf.embeddings_, *clf.coefs_, *clf.intercepts_)]
    )


@pytest.fixture(scope="module")
def m(tmp_path_factory):
    """Every fitted object and file the table needs, built once."""
    ns = type("Models", (), {})()
    ns.transformer = ContextWindowTransformer().fit(NAMES)
    ns.windows = ns.transformer.transform(NAMES)
    ns.clf = new_clf().fit(ns.windows)  # the container path: classes_ are str
    contexts, targets = ns.windows.contexts, np.asarray(ns.windows.targets)
    ns.aclf = new_clf().fit(contexts, targets)  # the array path: int classes_
    ns.contexts, ns.targets = contexts, targets
    ns.pipe = new_pipe().fit(NAMES)
    ns.sampler = NameSampler(FrozenEstimator(ns.pipe), max_length=10).fit(NAMES)
    drop = ContextWindowTransformer(handle_unknown="drop")
    ns.drop_pipe = new_pipe(drop).fit(NAMES)
    ns.drop_sampler = NameSampler(FrozenEstimator(ns.drop_pipe)).fit(NAMES)
    ns.files = _bad_files(tmp_path_factory.mktemp("files"), ns.pipe)
    return ns


def _bad_files(tmp, pipe):
    files = {"folder": tmp, "missing": tmp / "absent.skops"}
    good = save_model(pipe, tmp / "good.skops")
    data = good.read_bytes()
    files["truncated.skops"] = tmp / "truncated.skops"
    files["truncated.skops"].write_bytes(data[: len(data) // 2])
    good_joblib = save_model(pipe, tmp / "good.joblib")
    files["good.joblib"] = good_joblib
    files["truncated.joblib"] = tmp / "truncated.joblib"
    files["truncated.joblib"].write_bytes(good_joblib.read_bytes()[:500])
    files["text"] = tmp / "names.txt"
    files["text"].write_text("abid\nravi\n")
    files["empty"] = tmp / "empty.skops"
    files["empty"].write_bytes(b"")
    files["zip"] = tmp / "other.skops"
    with zipfile.ZipFile(files["zip"], "w") as archive:
        archive.writestr("notes.txt", "not a model")
    for name, obj in [("dict", {"coefs": [1, 2]}), ("number", 3), ("array", NAMES)]:
        files[f"{name}.skops"] = tmp / f"{name}.skops"
        skops.io.dump(obj, files[f"{name}.skops"])
        files[f"{name}.joblib"] = tmp / f"{name}.joblib"
        joblib.dump(obj, files[f"{name}.joblib"])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sknextchar._estimator, "__version__", "0.0.1")
        files["old.skops"] = save_model(pipe, tmp / "old.skops")
        files["old.joblib"] = save_model(pipe, tmp / "old.joblib")
    files["binary.txt"] = tmp / "binary.txt"
    # A JPEG's first bytes (b"\xff\xfe" would be a UTF-16 byte-order mark).
    files["binary.txt"].write_bytes(b"\xff\xd8\xff\xe0\x00\x81abid")
    files["latin1.txt"] = tmp / "latin1.txt"
    files["latin1.txt"].write_bytes("zoë\n".encode("latin-1"))
    files["blank.txt"] = tmp / "blank.txt"
    files["blank.txt"].write_text("\n   \n\t\n")
    return files


# --------------------------------------------------------------------------- #
# The table.
# --------------------------------------------------------------------------- #
Row = namedtuple("Row", "id call expected match")
OK = "accepted"  # a row whose input must work; ``match`` checks the result


def variant(m, **params):
    """The fitted sampler with other sampling parameters, without refitting."""
    return copy.copy(m.sampler).set_params(**params)


NAME_ENTRY_POINTS = {
    "transformer.fit": lambda m, X: ContextWindowTransformer().fit(X),
    "transformer.transform": lambda m, X: m.transformer.transform(X),
    "transformer.encode": lambda m, X: m.transformer.encode(X),
    "pipeline.fit": lambda m, X: new_pipe().fit(X),
    "pipeline.predict_proba": lambda m, X: m.pipe.predict_proba(X),
    "pipeline.score": lambda m, X: m.pipe.score(X),
    "sampler.fit": lambda m, X: NameSampler(new_pipe()).fit(X),
    "sampler.predict_proba": lambda m, X: m.sampler.predict_proba(X),
    "sampler.score_samples": lambda m, X: m.sampler.score_samples(X),
    "sampler.score": lambda m, X: m.sampler.score(X),
}
PREFIX_ENTRY_POINTS = {
    "transformer.encode_prefixes": lambda m, X: m.transformer.encode_prefixes(X),
    "sampler.next_char_proba": lambda m, X: m.sampler.next_char_proba(X),
}
WHAT = r"(names|prefixes)"

# Bad collections of strings: (id, input, error, message fragment).
BAD_COLLECTIONS = [
    ("single-str", "abid", TypeError, r"got a single str 'abid'.*\['abid'\]"),
    ("single-bytes", b"abid", TypeError, "got a single bytes"),
    ("None", None, TypeError, "got NoneType"),
    ("number", 42, TypeError, "got int"),
    ("dict", {"abid": 1}, TypeError, "got dict"),
    ("None-inside", ["abid", None], TypeError, rf"{WHAT}\[1\] = None is a missing"),
    ("NaN-inside", ["abid", math.nan], TypeError, r"\[1\] = nan is a missing value"),
    (
        "NaN-object-array",
        np.array(["abid", np.nan], dtype=object),
        TypeError,
        "missing value",
    ),
    ("Series-with-NA", pd.Series(["abid", None]), TypeError, "missing value"),
    ("int-inside", ["abid", 3], TypeError, r"\[1\] is 3 \(int\), not a str"),
    ("float-inside", ["abid", 2.5], TypeError, r"\(float\), not a str"),
    ("bytes-inside", ["abid", b"ali"], TypeError, r"\(bytes\), not a str: decode it"),
    ("empty-list", [], ValueError, "got an empty input"),
    ("empty-array", np.array([], dtype=str), ValueError, "got an empty input"),
    ("2-D-array", np.array([["abid"], ["ali"]]), ValueError, r"1-D .*shape \(2, 1\)"),
    ("DataFrame", pd.DataFrame({"a": ["abid"], "b": ["ali"]}), ValueError, "1-D"),
    ("nested-list", [["abid", "ali"]], ValueError, r"\(list\), not a str: flatten"),
    # A file read with errors="surrogateescape": refused, not an unknown letter.
    (
        "lone-surrogate",
        ["abid", "ab\udc81"],
        ValueError,
        rf"{WHAT}\[1\] is 'ab\\udc81', which holds a lone surrogate \(U\+DC81\) "
        "at index 2.*byte 0x81.*surrogateescape",
    ),
]
# Names may not be empty; prefixes may ("" is the start of a name).
EMPTY_NAMES = [
    ("empty-string", ["abid", ""], ValueError, r"names\[1\] is '', an empty"),
    ("whitespace-only", ["abid", " \t"], ValueError, "empty or whitespace-only"),
]
# Characters outside the default alphabet: (id, name, the character reported).
UNKNOWN = [
    ("accented", "zoë", "ë"),
    ("digit", "r2d2", "2"),
    ("apostrophe", "o'brien", "'"),
    ("space", "anne marie", " "),
    ("end-marker", "ab-id", "-"),
]


def unknown_match(name, char, position=1):
    """The transformer's message names the characters and the offending name."""
    return (
        re.escape(f"{[char]!r} in ") + rf"{WHAT}\[{position}\]=" + re.escape(repr(name))
    )


def unknown_prefix_match(name, char):
    """The message about the one prefix of a call names it ``prefix=``."""
    return re.escape(f"{[char]!r} in prefix={name!r}")


def string_rows():
    rows = []
    for point, call in {**NAME_ENTRY_POINTS, **PREFIX_ENTRY_POINTS}.items():
        cases = BAD_COLLECTIONS + (EMPTY_NAMES if point in NAME_ENTRY_POINTS else [])
        for case, value, error, match in cases:
            rows.append(
                Row(
                    f"{point}-{case}",
                    (lambda m, c=call, v=value: c(m, v)),
                    error,
                    match,
                )
            )
        for case, name, char in UNKNOWN:
            rows.append(
                Row(
                    f"{point}-{case}",
                    (lambda m, c=call, n=name: c(m, ["abid", n])),
                    ValueError,
                    unknown_match(name, char),
                )
            )
    return rows


def odd_but_valid_rows():
    """Inputs that must work: long prefixes, upper case, the drop policy; and a
    name longer than any name (1,000 letters), refused as a file's line is."""

    def long_samples(m):
        prefix = LONG[:990]  # max_length takes at most 1000
        names = variant(m, max_length=1000).sample(3, prefix=prefix, random_state=0)
        return all(n.startswith(prefix) and len(n) <= 1000 for n in names)

    dropped = ["zoë", "o'brien", "Anne Marie", "ab-id", "r2d2"]
    drop = ContextWindowTransformer(handle_unknown="drop")
    return [
        Row(
            "long-name-transform",
            lambda m: m.transformer.transform([LONG, "abid"]),
            ValueError,
            r"names\[0\] holds a name of 10,000 characters",
        ),
        Row(
            "long-name-pipeline.predict_proba",
            lambda m: m.pipe.predict_proba(["abid", LONG]),
            ValueError,
            r"names\[1\] holds a name of 10,000 characters",
        ),
        Row(
            "long-name-pipeline.fit",
            lambda m: new_pipe(max_iter=1).fit([LONG, "abid"]),
            ValueError,
            "more than 1,000, the most letters a name can have",
        ),
        Row(
            "long-name-sampler.score_samples",
            lambda m: m.sampler.score_samples([LONG]),
            ValueError,
            "so it is not one name",
        ),
        Row(
            "long-name-encode_prefixes",
            lambda m: m.transformer.decode(m.transformer.encode_prefixes([LONG])),
            OK,
            lambda d: d == ["bab"],
        ),
        Row("long-prefix-sampler.sample", long_samples, OK, bool),
        # Temperatures too small to divide by are greedy: finite, one-hot rows.
        Row(
            "sampler.next_char_proba-temperature-1e-310-is-greedy",
            lambda m: (
                variant(m, temperature=1e-310).next_char_proba(["", "ab"]),
                variant(m, temperature=0).next_char_proba(["", "ab"]),
            ),
            OK,
            lambda pair: (
                np.isfinite(pair[0]).all() and np.array_equal(pair[0], pair[1])
            ),
        ),
        Row(
            "sampler.predict_proba-temperature-5e-324-is-greedy",
            lambda m: variant(m, temperature=5e-324).predict_proba(["abid"]),
            OK,
            lambda p: np.isfinite(p).all() and set(np.unique(p)) == {0.0, 1.0},
        ),
        # max_length is no allocation: memory grows with the letters drawn.
        Row(
            "sampler.sample-max_length-1000",
            lambda m: variant(m, max_length=1000).sample(50, random_state=0),
            OK,
            lambda names: len(names) == 50 and max(map(len, names)) < 100,
        ),
        Row(
            "upper-case-lowercased",
            lambda m: m.transformer.decode(m.transformer.encode(["ABID", "Ravi"])),
            OK,
            lambda d: d == ["abid", "ravi"],
        ),
        Row(
            "upper-case-sampler.sample-prefix",
            lambda m: m.sampler.sample(3, prefix="AB", random_state=0),
            OK,
            lambda names: all(n.startswith("ab") for n in names),
        ),
        Row(
            "upper-case-strict-fit",
            lambda m: ContextWindowTransformer(lowercase=False).fit(["abid", "Ravi"]),
            ValueError,
            unknown_match("Ravi", "R"),
        ),
        Row(
            "upper-case-strict-transform",
            lambda m: (
                ContextWindowTransformer(lowercase=False)
                .fit(["abid"])
                .transform(["ABID"])
            ),
            ValueError,
            re.escape("['A', 'B', 'D', 'I'] in names[0]='ABID'"),
        ),
        Row(
            "drop-policy-encode",
            lambda m: drop.fit(["x"]).decode(drop.fit(["x"]).encode(dropped)),
            OK,
            lambda d: d == ["zo", "obrien", "annemarie", "abid", "rd"],
        ),
        Row(
            "drop-policy-windows",
            lambda m: len(drop.fit(["x"]).transform(dropped)),
            OK,
            lambda n: n == 3 + 7 + 10 + 5 + 3,
        ),
        Row(
            "drop-policy-every-name-empty",  # was a NumPy broadcasting error
            lambda m: drop.fit(["x"]).transform(["123", "'"]),
            ValueError,
            r"leaves 2 names without any character.*names\[0\]='123'",
        ),
        Row(
            "drop-policy-pipeline.score-nothing-left",
            lambda m: m.drop_pipe.score(["123"]),
            ValueError,
            r"leaves 1 name without any character",
        ),
        Row(
            "drop-policy-sampler.score-nothing-left",
            lambda m: m.drop_sampler.score(["123"]),
            ValueError,
            r"leaves 1 name without any character",
        ),
        Row(
            "drop-policy-sampler.score_samples-empty-name-is-never-nan",
            lambda m: m.drop_sampler.score_samples(["123", "abid"]),
            ValueError,
            r"names\[0\]='123'.*neither learned nor scored",
        ),
        Row(
            "drop-policy-prefix-still-refused",
            lambda m: m.drop_sampler.sample(2, prefix="a1"),
            ValueError,
            unknown_prefix_match("a1", "1"),
        ),
    ]


def decode_rows():
    t = "transformer.decode"
    return [
        Row(f"{t}-None", lambda m: m.transformer.decode(None), TypeError, "NoneType"),
        Row(f"{t}-scalar", lambda m: m.transformer.decode(3), TypeError, "got int 3"),
        Row(f"{t}-str", lambda m: m.transformer.decode("abc"), TypeError, "got str"),
        Row(
            f"{t}-past-vocabulary",
            lambda m: m.transformer.decode([1, 27]),
            ValueError,
            r"ids must lie in \[0, 26\]",
        ),
        Row(
            f"{t}-negative",
            lambda m: m.transformer.decode([-1, 2]),
            ValueError,
            r"ids must lie in \[0, 26\]",
        ),
        Row(
            f"{t}-float",
            lambda m: m.transformer.decode([0.5, 1.0]),
            ValueError,
            "integer ids",
        ),
        Row(
            f"{t}-3-D",
            lambda m: m.transformer.decode(np.zeros((2, 2, 2), dtype=int)),
            ValueError,
            r"1-D or 2-D .*shape \(2, 2, 2\)",
        ),
        Row(
            f"{t}-mixed",
            lambda m: m.transformer.decode([1, [2, 3]]),
            ValueError,
            "a mix of ids and sequences",
        ),
        Row(
            f"{t}-2-D-without-rows",  # returned "" instead of []
            lambda m: m.transformer.decode(np.zeros((0, 3), dtype=np.uint8)),
            OK,
            lambda d: d == [],
        ),
    ]


# Context arrays: (id, X, error, message fragment).
BAD_CONTEXTS = [
    ("1-D", np.array([0, 1, 2]), ValueError, "Expected 2D array, got 1D array"),
    ("names", ["abid", "ali"], ValueError, "Put a ContextWindowTransformer before it"),
    ("3-D", np.zeros((2, 3, 1), dtype=int), ValueError, "dim 3"),
    ("NaN", np.array([[np.nan, 1, 2]]), ValueError, "Input X contains NaN"),
    ("inf", np.array([[np.inf, 1, 2]]), ValueError, "infinity"),
    ("negative", np.array([[0, -1, 2]]), ValueError, "Negative values"),
    ("float-ids", np.array([[0.5, 1, 2]]), ValueError, "integer symbol ids.*0.5"),
    ("strings", np.array([["a", "b", "c"]]), ValueError, "strings"),
    ("no-rows", np.zeros((0, 3), dtype=int), ValueError, r"0 sample\(s\)"),
]
# Only wrong for a fitted model: the first fit on arrays sets the width and table.
BAD_CONTEXTS_FITTED = [
    ("width-4", np.zeros((2, 4), dtype=int), ValueError, "X has 4 features, but"),
    ("width-2", np.zeros((2, 2), dtype=int), ValueError, "expecting 3 features"),
    (
        "past-vocabulary",
        np.array([[0, 1, 27], [40, 1, 2]]),
        ValueError,
        r"Context ids \[27, 40\] are not known to the model, which knows 27 ids",
    ),
    ("huge-id", np.array([[0, 1, 2**40]]), ValueError, "are not known to the model"),
]


def _labels(model, X):
    n = np.shape(X)[0] if np.ndim(X) else 1
    return np.full(n, model.classes_[1])


def context_rows():
    rows = []
    fitted = {"container-fitted": "clf", "array-fitted": "aclf"}
    for case, X, error, match in BAD_CONTEXTS + BAD_CONTEXTS_FITTED:
        for path, attr in fitted.items():
            calls = {
                "predict_proba": lambda m, a=attr, X=X: getattr(m, a).predict_proba(X),
                "predict": lambda m, a=attr, X=X: getattr(m, a).predict(X),
                "score": lambda m, a=attr, X=X: getattr(m, a).score(
                    X, _labels(getattr(m, a), X)
                ),
                "partial_fit": lambda m, a=attr, X=X: copy.deepcopy(
                    getattr(m, a)
                ).partial_fit(X, _labels(getattr(m, a), X)),
            }
            for method, call in calls.items():
                rows.append(Row(f"clf.{method}-{path}-{case}", call, error, match))
    for case, X, error, match in BAD_CONTEXTS:
        y = np.arange(np.shape(X)[0] if np.ndim(X) else 1) % 2
        rows.append(
            Row(
                f"clf.fit-new-{case}",
                lambda m, X=X, y=y: new_clf().fit(X, y),
                error,
                match,
            )
        )
        rows.append(
            Row(
                f"clf.partial_fit-new-{case}",
                lambda m, X=X, y=y: new_clf().partial_fit(X, y, classes=[0, 1]),
                error,
                match,
            )
        )
    return rows


def windows_rows():
    other_vocabulary = ContextWindowTransformer(alphabet="xyz").fit_transform(["xyz"])
    other_length = ContextWindowTransformer(context_length=2).fit_transform(["abid"])
    empty = ContextWindowTransformer().fit(["a"]).transform(["a"]).subset([False])
    return [
        Row(
            "clf.predict_proba-other-context-length",
            lambda m: m.clf.predict_proba(other_length),
            ValueError,
            "X has 2 features",
        ),
        Row(
            "clf.predict_proba-other-vocabulary",
            lambda m: m.clf.predict_proba(other_vocabulary),
            ValueError,
            "vocabulary '-xyz', but the model's classes_ are '-abc",
        ),
        Row(
            "clf.partial_fit-other-vocabulary",
            lambda m: copy.deepcopy(m.clf).partial_fit(other_vocabulary),
            ValueError,
            "vocabulary '-xyz'",
        ),
        Row(
            "clf.fit-windows-and-y",
            lambda m: new_clf().fit(m.windows, m.targets),
            ValueError,
            "y must hold one label per name .the targets come from the windows",
        ),
        Row(
            "clf.score-windows-and-y",
            lambda m: m.clf.score(m.windows, m.targets),
            ValueError,
            "fitted without labels, so it takes none",
        ),
        Row(
            "clf.partial_fit-windows-other-classes",
            lambda m: new_clf().partial_fit(m.windows, classes=[0, 1]),
            ValueError,
            "classes must be None or the windows' vocabulary",
        ),
        Row(
            "clf.fit-windows-without-any",
            lambda m: new_clf().fit(empty),
            ValueError,
            r"0 sample\(s\)",
        ),
        Row(
            "clf.score-array-model-on-windows",
            lambda m: m.aclf.score(m.windows),
            ValueError,
            "classes_ are not the windows' vocabulary",
        ),
        Row(
            "clf.fit-array-without-y",
            lambda m: new_clf().fit(m.contexts),
            ValueError,
            "requires y to be passed",
        ),
        Row(
            "clf.partial_fit-array-without-classes",
            lambda m: new_clf().partial_fit(m.contexts, m.targets),
            ValueError,
            "classes must be passed on the first call",
        ),
        Row(
            "clf.partial_fit-array-unknown-label",
            lambda m: copy.deepcopy(m.aclf).partial_fit(m.contexts[:2], [99, 99]),
            ValueError,
            r"y has labels \[99\] that are not in classes_",
        ),
        Row(
            "clf.score-array-without-y",
            lambda m: m.aclf.score(m.contexts),
            ValueError,
            "score needs y",
        ),
        Row(
            "clf.score-array-short-y",
            lambda m: m.aclf.score(m.contexts, m.targets[:-1]),
            ValueError,
            "different numbers of rows",
        ),
        Row(
            "clf.fit-array-2-D-y",
            lambda m: new_clf().fit(m.contexts, np.c_[m.targets, m.targets]),
            ValueError,
            "y should be a 1d array",
        ),
        Row(
            "clf.fit-array-continuous-y",
            lambda m: new_clf().fit(m.contexts[:2], [0.5, 1.3]),
            ValueError,
            "Unknown label type: continuous",
        ),
        Row(
            "clf.fit-array-NaN-y",
            lambda m: new_clf().fit(m.contexts[:2], [np.nan, 1.0]),
            ValueError,
            "Input y contains NaN",
        ),
    ]


def not_fitted_rows():
    fresh_sampler = NameSampler(new_pipe())
    calls = {
        "transformer.transform": lambda m: ContextWindowTransformer().transform(["a"]),
        "transformer.encode_prefixes": lambda m: (
            ContextWindowTransformer().encode_prefixes(["a"])
        ),
        "transformer.decode": lambda m: ContextWindowTransformer().decode([1]),
        "clf.predict_proba": lambda m: new_clf().predict_proba(m.windows),
        "clf.predict_proba-array": lambda m: new_clf().predict_proba(m.contexts),
        "clf.score": lambda m: new_clf().score(m.windows),
        "pipeline.predict_proba": lambda m: new_pipe().predict_proba(NAMES),
        "pipeline.score": lambda m: new_pipe().score(NAMES),
        "sampler.sample": lambda m: fresh_sampler.sample(3),
        "sampler.score_samples": lambda m: fresh_sampler.score_samples(NAMES),
        "sampler.most_likely": lambda m: fresh_sampler.most_likely(3),
        "sampler.temperature_table": lambda m: fresh_sampler.temperature_table("a"),
        "sampler.next_char_proba": lambda m: fresh_sampler.next_char_proba([""]),
        "sampler-of-unfitted-frozen-pipeline": lambda m: NameSampler(
            FrozenEstimator(new_pipe())
        ).fit(NAMES),
    }
    return [
        Row(f"not-fitted-{name}", call, NotFittedError, "not fitted")
        for name, call in calls.items()
    ]


# Out-of-range values of every constrained parameter.
BAD_PARAMS = {
    CharEmbeddingMLPClassifier: {
        "embedding_dim": [0, 2.5],
        "label_embedding_dim": [0, -1, 2.5, True],
        "discriminative_epochs": [-1, 2.5, True],
        "discriminative_weight": [-1.0, math.nan, math.inf],
        "average": [0.0, 1.0, -0.5, math.nan, "yes"],
        "hidden_layer_sizes": [0, -3, "ab"],
        "activation": ["softplus"],
        "alpha": [-1.0, math.nan],
        "dropout": [1.0, -0.1],
        "batch_size": [0],
        "learning_rate": ["adaptive"],
        "learning_rate_init": [0.0, -1.0, math.nan, math.inf],
        "max_iter": [0, 2.5],
        "shuffle": ["yes"],
        "random_state": [-1, "seed"],
        "tol": [-1.0, math.nan],
        "verbose": [-1],
        "warm_start": ["no"],
        "early_stopping": [1],
        "validation_fraction": [1.0, -0.1],
        "beta_1": [1.0, -0.5],
        "beta_2": [1.0],
        "epsilon": [0.0],
        "n_iter_no_change": [0, -math.inf],
        "dtype": ["float16", np.int64],
    },
    ContextWindowTransformer: {
        "context_length": [0, 2.5, None],
        "alphabet": [5, None],
        "lowercase": ["yes"],
        "strip_accents": ["latin", True],
        "unit": ["word"],
        "handle_unknown": ["ignore"],
        "end_symbol": [0, None],
    },
    NameSampler: {
        "estimator": [3],
        "temperature": [-1.0, math.nan, "hot"],
        "top_k": [0, 1.5],
        "top_p": [0.0, 1.5, -0.1, math.nan],
        "min_length": [0, 2.5],
        "max_length": [0],
    },
}


def _fit_with(cls, params):
    if cls is CharEmbeddingMLPClassifier:
        return lambda m: new_clf(**params).fit(m.windows)
    if cls is ContextWindowTransformer:
        return lambda m: ContextWindowTransformer(**params).fit(NAMES)
    return lambda m: NameSampler(**{"estimator": new_pipe(), **params}).fit(NAMES)


def parameter_rows():
    rows = []
    for cls, bad in BAD_PARAMS.items():
        for name, values in bad.items():
            if name not in cls._parameter_constraints:
                continue  # test_every_constrained_parameter_is_in_the_table
            for value in values:
                match = rf"'{name}' parameter of {cls.__name__} must be .*" + re.escape(
                    f"Got {value!r} instead"
                )
                rows.append(
                    Row(
                        f"{cls.__name__}-{name}={value!r}",
                        _fit_with(cls, {name: value}),
                        InvalidParameterError,
                        match,
                    )
                )
    # Rules checked in fit, with the bad value in the message.
    rules = [
        (CharEmbeddingMLPClassifier, {"hidden_layer_sizes": (16, 0)}, r"\(16, 0\)"),
        (CharEmbeddingMLPClassifier, {"hidden_layer_sizes": [[4, 4]]}, r"\[\[4, 4\]\]"),
        (CharEmbeddingMLPClassifier, {"hidden_layer_sizes": (1.5,)}, r"\(1.5,\)"),
    ]
    for cls, params, match in rules:
        rows.append(
            Row(
                f"{cls.__name__}-{params}",
                _fit_with(cls, params),
                InvalidParameterError,
                "hidden_layer_sizes must hold positive integers; got " + match,
            )
        )
    value_rules = [
        (
            ContextWindowTransformer,
            {"alphabet": "ab-"},
            "must not contain the reserved end marker",
        ),
        (ContextWindowTransformer, {"alphabet": "aba"}, r"repeated characters \['a'\]"),
        (ContextWindowTransformer, {"alphabet": ""}, "alphabet is empty"),
        (ContextWindowTransformer, {"alphabet": ["ab"]}, "single characters only"),
        (
            CharEmbeddingMLPClassifier,
            {"early_stopping": True, "validation_fraction": 0.0},
            "validation_fraction=0.0 holds out no data",
        ),
        (
            NameSampler,
            {"min_length": 4, "max_length": 3},
            "max_length=3 must be >= min_length=4",
        ),
    ]
    for cls, params, match in value_rules:
        rows.append(
            Row(f"{cls.__name__}-{params}", _fit_with(cls, params), ValueError, match)
        )
    # Sampling parameters are checked again at call time (set_params needs no fit).
    for params in [
        {"temperature": -0.5},
        {"temperature": math.nan},
        {"top_p": 0.0},
        {"top_p": 1.5},
        {"top_k": 0},
    ]:
        ((name, value),) = params.items()
        rows.append(
            Row(
                f"sampler.sample-after-set_params-{params}",
                lambda m, p=params: variant(m, **p).sample(3),
                InvalidParameterError,
                rf"'{name}' parameter .*" + re.escape(f"Got {value!r}"),
            )
        )
    rows.append(
        Row(
            "sampler.sample-after-set_params-max_length<min_length",
            lambda m: variant(m, min_length=5, max_length=4).sample(3),
            ValueError,
            "max_length=4 must be >= min_length=5",
        )
    )
    return rows


def sampler_call_rows():
    s = "sampler"
    rows = [
        (f"{s}.sample-n_samples=0", lambda m: m.sampler.sample(0), ValueError,
         "n_samples must be a positive int; got 0"),
        (f"{s}.sample-n_samples=-5", lambda m: m.sampler.sample(-5), ValueError,
         "got -5"),
        (f"{s}.sample-n_samples=2.5", lambda m: m.sampler.sample(2.5), TypeError,
         "n_samples must be a positive int; got 2.5"),
        (f"{s}.sample-n_samples=True", lambda m: m.sampler.sample(True), TypeError,
         "n_samples"),
        (f"{s}.sample-n_samples=None", lambda m: m.sampler.sample(None), TypeError,
         "n_samples"),
        (f"{s}.sample-prefix-digit", lambda m: m.sampler.sample(2, prefix="ab1"),
         ValueError, unknown_prefix_match("ab1", "1")),
        (f"{s}.sample-prefix-accented", lambda m: m.sampler.sample(2, prefix="zoë"),
         ValueError, unknown_prefix_match("zoë", "ë")),
        (f"{s}.sample-prefix-end-marker", lambda m: m.sampler.sample(2, prefix="a-"),
         ValueError, unknown_prefix_match("a-", "-")),
        (f"{s}.sample-prefix-too-long", lambda m: m.sampler.sample(2, prefix="a" * 11),
         ValueError, "has 11 letters, more than max_length=10"),
        (f"{s}.sample-prefix-None", lambda m: m.sampler.sample(2, prefix=None),
         TypeError, r"prefix is .* not a str: give the start"),
        (f"{s}.sample-prefix-list", lambda m: m.sampler.sample(2, prefix=["a"]),
         TypeError, r"prefix is .* not a str: give the start"),
        (f"{s}.sample-unique-beyond-all-names",
         lambda m: variant(m, min_length=2, max_length=2).sample(677, unique=True),
         ValueError, "asks for 677 distinct names, but at most 676 can be generated"),
        (f"{s}.sample-unique-greedy",
         lambda m: variant(m, temperature=0).sample(2, unique=True), ValueError,
         "at most 1 can be generated"),
        # top_k=2 and 3 letters: at most 8 names, which the up-front count knows.
        (f"{s}.sample-unique-bounded-attempts",
         lambda m: variant(m, top_k=2, min_length=3, max_length=3).sample(
             20, unique=True, max_rounds=3, random_state=0),
         ValueError, r"asks for 20 distinct names, but at most 8 can be generated"),
        (f"{s}.sample-exclude-everything",
         lambda m: variant(m, max_length=1).sample(
             1, exclude=list(LETTERS), max_rounds=2, random_state=0),
         ValueError, "No name can be returned: 26 names exist .* all 26 of them"),
        (f"{s}.sample-exclude-single-string",
         lambda m: m.sampler.sample(2, exclude="abid"), TypeError,
         "not a single string"),
        (f"{s}.sample-exclude-None-inside",
         lambda m: m.sampler.sample(2, exclude=["abid", None]), TypeError,
         r"exclude\[1\] = None is a missing value"),
        (f"{s}.sample-max_rounds=0", lambda m: m.sampler.sample(2, max_rounds=0),
         ValueError, "max_rounds must be a positive int"),
        (f"{s}.sample-random_state-str",
         lambda m: m.sampler.sample(2, random_state="seed"), TypeError, "random_state"),
        (f"{s}.sample-random_state-negative",
         lambda m: m.sampler.sample(2, random_state=-1), ValueError, "random_state"),
        (f"{s}.sample-random_state-bool",
         lambda m: m.sampler.sample(2, random_state=True), TypeError,
         r"random_state must be None, an int in \[0, 4294967295\], a numpy "
         "Generator or RandomState; got True"),
        (f"{s}.sample-n_samples-too-large-to-allocate",
         lambda m: m.sampler.sample(10**15), ValueError,
         r"n_samples=1000000000000000 makes the names being generated need .* "
         "lower n_samples"),
        (f"{s}.sample-unreachable-pattern",
         lambda m: m.sampler.sample(3, pattern="[^a-z]+", max_rounds=3), ValueError,
         r"Could only generate 0 of the 3 requested names .* matching pattern"),
        (f"{s}.sample-invalid-pattern", lambda m: m.sampler.sample(3, pattern="a("),
         ValueError, "pattern='a\\(' is not a valid regular expression"),
        (f"{s}.sample-unique-not-bool",
         lambda m: m.sampler.sample(2, unique="yes"), TypeError, "unique"),
        (f"{s}.most_likely-0", lambda m: m.sampler.most_likely(0), ValueError,
         "n_names must be a positive int; got 0"),
        (f"{s}.most_likely-beam_width-0",
         lambda m: m.sampler.most_likely(2, beam_width=0), ValueError, "beam_width"),
        (f"{s}.most_likely-prefix-digit",
         lambda m: m.sampler.most_likely(2, prefix="x1"), ValueError,
         unknown_prefix_match("x1", "1")),
        (f"{s}.most_likely-beyond-all-names",
         lambda m: variant(m, max_length=1).most_likely(30), ValueError,
         "n_names=30 asks for more names than exist: at most 26 names of 1 letter "),
        (f"{s}.most_likely-beam_width-float",
         lambda m: m.sampler.most_likely(2, beam_width=2.5), TypeError,
         "beam_width must be a positive int; got 2.5"),
        (f"{s}.most_likely-prefix-too-long",
         lambda m: m.sampler.most_likely(2, prefix="a" * 11), ValueError,
         "prefix='aaaaaaaaaaa' has 11 letters, more than max_length=10"),
        (f"{s}.most_likely-exclude-single-string",
         lambda m: m.sampler.most_likely(2, exclude="abid"), TypeError,
         "not a single string"),
        (f"{s}.temperature_table-negative",
         lambda m: m.sampler.temperature_table("ab", (1.0, -1.0)), ValueError,
         r"temperatures must be .* in \[0, inf\]; got \(1.0, -1.0\)"),
        (f"{s}.temperature_table-NaN",
         lambda m: m.sampler.temperature_table("ab", (math.nan,)), ValueError,
         "got \\(nan,\\)"),
        (f"{s}.temperature_table-empty",
         lambda m: m.sampler.temperature_table("ab", ()), ValueError, "non-empty"),
        (f"{s}.temperature_table-None-inside",  # was float()'s own TypeError
         lambda m: m.sampler.temperature_table("ab", [None]), TypeError,
         r"temperatures must be a sequence of floats; got \[None\]"),
        (f"{s}.temperature_table-scalar",
         lambda m: m.sampler.temperature_table("ab", 2.0), TypeError,
         "sequence of floats"),
        (f"{s}.temperature_table-prefix-digit",
         lambda m: m.sampler.temperature_table("ab1"), ValueError,
         unknown_prefix_match("ab1", "1")),
        (f"{s}.temperature_table-prefix-too-long",
         lambda m: m.sampler.temperature_table("a" * 11), ValueError,
         "has 11 letters, more than max_length=10"),
        (f"{s}.temperature_table-prefix-list",
         lambda m: m.sampler.temperature_table(["ab"]), TypeError,
         r"prefix is .* not a str: give the start"),
        (f"{s}.next_char_proba-prefix-too-long",
         lambda m: m.sampler.next_char_proba(["ab", "a" * 11]), ValueError,
         r"prefixes\[1\]='aaaaaaaaaaa' has 11 letters, more than max_length=10"),
        (f"{s}.fit-estimator-not-a-pipeline",
         lambda m: NameSampler(new_clf()).fit(NAMES), TypeError,
         "got CharEmbeddingMLPClassifier"),
    ]  # fmt: skip
    return [Row(*row) for row in rows]


def file_rows():
    version = re.escape(sknextchar.__version__)
    rows = [
        ("load_names-missing", lambda m: load_names(m.files["missing"]),
         FileNotFoundError, "No such file of names"),
        ("load_names-folder", lambda m: load_names(m.files["folder"]),
         IsADirectoryError, "is a directory"),
        ("load_names-blank-lines-only", lambda m: load_names(m.files["blank.txt"]),
         ValueError, "contains no names"),
        ("load_names-binary", lambda m: load_names(m.files["binary.txt"]),
         ValueError, "is a JPEG image, not a text file of names"),
        ("load_names-wrong-encoding", lambda m: load_names(m.files["latin1.txt"]),
         ValueError, "pass encoding=..."),
        ("load_names-right-encoding",
         lambda m: load_names(m.files["latin1.txt"], encoding="latin-1"), OK,
         lambda names: names == ["zoë"]),
        ("load_names-unknown-encoding",
         lambda m: load_names(m.files["latin1.txt"], encoding="klingon"),
         ValueError, "encoding='klingon' is not a text encoding"),
        ("load_names-None", lambda m: load_names(None), TypeError, "NoneType"),
        ("load_model-missing", lambda m: load_model(m.files["missing"]),
         FileNotFoundError, "No such model file"),
        ("load_model-text", lambda m: load_model(m.files["text"]), ValueError,
         "is not a skops file"),
        ("load_model-text-allow_pickle",
         lambda m: load_model(m.files["text"], allow_pickle=True), ValueError,
         "is not a skops file but a text file"),
        ("load_model-empty", lambda m: load_model(m.files["empty"]), ValueError,
         "is not a skops file"),
        ("load_model-truncated-skops", lambda m: load_model(m.files["truncated.skops"]),
         ValueError, "corrupt, truncated"),
        ("load_model-truncated-joblib",
         lambda m: load_model(m.files["truncated.joblib"], allow_pickle=True),
         ValueError, "corrupt, truncated"),
        ("load_model-other-zip", lambda m: load_model(m.files["zip"]), ValueError,
         "corrupt, truncated or not a skops model file"),
        ("load_model-joblib-without-consent",
         lambda m: load_model(m.files["good.joblib"]), ValueError,
         "allow_pickle=True"),
        ("load_model-None", lambda m: load_model(None), TypeError, "NoneType"),
        ("load_model-old-version-skops", lambda m: load_model(m.files["old.skops"]),
         ModelVersionWarning,
         rf"saved by sknextchar 0\.0\.1 and is loaded by sknextchar {version}"),
        ("load_model-old-version-joblib",
         lambda m: load_model(m.files["old.joblib"], allow_pickle=True),
         ModelVersionWarning,
         rf"saved by sknextchar 0\.0\.1 and is loaded by sknextchar {version}"),
        ("save_model-bad-format",
         lambda m: save_model(m.pipe, m.files["folder"] / "x.bin", format="pickle"),
         ValueError, "format must be 'auto', 'skops' or 'joblib'"),
        ("save_model-missing-folder",
         lambda m: save_model(m.pipe, m.files["folder"] / "no" / "m.skops"),
         FileNotFoundError, "no such folder"),
        ("save_model-onto-a-folder", lambda m: save_model(m.pipe, m.files["folder"]),
         IsADirectoryError, "it is a folder"),
        ("save_model-not-an-estimator",
         lambda m: save_model({"a": 1}, m.files["folder"] / "dict.skops"),
         TypeError, "got a dict"),
    ]  # fmt: skip
    # A file that loads but holds no estimator (a dict, a number, a list).
    for kind, shown in [("dict", "dict"), ("number", "int"), ("array", "list")]:
        for fmt, options in [("skops", {}), ("joblib", {"allow_pickle": True})]:
            rows.append(
                (
                    f"load_model-{kind}-{fmt}",
                    lambda m, f=f"{kind}.{fmt}", o=options: load_model(m.files[f], **o),
                    TypeError,
                    f"holds a {shown}, not a model",
                )
            )
    return [Row(*row) for row in rows]


ROWS = (
    string_rows()
    + odd_but_valid_rows()
    + decode_rows()
    + context_rows()
    + windows_rows()
    + not_fitted_rows()
    + parameter_rows()
    + sampler_call_rows()
    + file_rows()
    + safety_rows(Row, OK)  # issue 12: tests/_safety_rows.py
)
# The failures the issue rules out, whatever the row expects.
FORBIDDEN_MESSAGE = re.compile(r"broadcast|out of bounds|inhomogeneous|has no len")


def test_row_ids_are_unique():
    ids = [row.id for row in ROWS]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]


@pytest.mark.filterwarnings("ignore:The prefix .* has capitals:UserWarning")  # "AB"
def test_input_table(m):
    # Hundreds of rows of about a millisecond each: one item runs them all and
    # names every failing row (tests/_cases.py).
    run_cases([(row.id, (m, row)) for row in ROWS], check_row, at_least=693)


def test_every_safety_row_stands_alone(m, tmp_path):
    # The table runs its rows in file order, sharing one folder; here each
    # issue-12 row gets a fresh empty folder of its own, so a row that needs
    # what an earlier row made fails ("save_model-long-file-name" needed the
    # issue12/ folder that another row made).
    def alone(row):
        folder = tmp_path / row.id
        folder.mkdir()
        check_row(
            types.SimpleNamespace(
                **{**vars(m), "files": {**m.files, "folder": folder}}
            ),
            row,
        )

    rows = safety_rows(Row, OK)
    run_cases([(row.id, (row,)) for row in rows], alone, at_least=54)


def check_row(m, row):
    if row.expected is OK:
        assert row.match(row.call(m))
    elif issubclass(row.expected, Warning):
        with pytest.warns(row.expected, match=row.match):
            assert hasattr(row.call(m), "get_params")
    else:
        with pytest.raises(row.expected, match=row.match) as info:
            row.call(m)
        assert not FORBIDDEN_MESSAGE.search(str(info.value)), str(info.value)


def test_every_constrained_parameter_is_in_the_table():
    for cls, bad in BAD_PARAMS.items():
        assert set(cls._parameter_constraints) <= set(bad), cls.__name__


# --------------------------------------------------------------------------- #
# Properties (hypothesis).
# --------------------------------------------------------------------------- #
# Any script, no end marker, not whitespace-only, one line (a line break is
# refused), no control character but the tab (refused too); lone surrogates
# excluded by hypothesis' default alphabet; written as normalisation writes it
# (NFC, no invisible character such as a soft hyphen, a final letter only where a
# word ends), so that the round trip is the identity.
any_name = st.text(
    st.characters(exclude_categories=("Cs", "Cc"), include_characters="\t"),
    min_size=1,
    max_size=12,
).filter(
    lambda s: (
        "-" not in s
        and s.strip() == s  # the transformer strips names as load_names does
        and s.splitlines() == [s]
        and normalize_text(s, lowercase=False) == s
    )
)
letters = st.text(alphabet=LETTERS, min_size=1, max_size=8)
messy = st.text(alphabet=LETTERS + "AZéë'1 -", min_size=1, max_size=10).filter(
    str.strip
)


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(
    names=st.lists(any_name, min_size=1, max_size=8), context_length=st.integers(1, 5)
)
def test_windows_count_and_round_trip_in_any_script(names, context_length):
    transformer = ContextWindowTransformer(
        context_length, alphabet="auto", lowercase=False, unit="char"
    ).fit(names)
    windows = transformer.transform(names)
    assert len(windows) == sum(len(name) + 1 for name in names)  # code points
    assert transformer.decode(transformer.encode(names)) == names
    padded = ["-" * context_length + name for name in names]
    assert transformer.decode(transformer.encode_prefixes(names)) == [
        p[-context_length:] for p in padded
    ]
    assert windows.contexts.dtype == np.min_scalar_type(
        len(transformer.vocabulary_) - 1
    )


@settings(max_examples=40, deadline=None)
@given(names=st.lists(messy, min_size=1, max_size=8), context_length=st.integers(1, 4))
def test_windows_count_under_the_drop_policy(names, context_length):
    transformer = ContextWindowTransformer(context_length, handle_unknown="drop")
    kept = ["".join(c for c in name.lower() if c in LETTERS) for name in names]
    if not all(kept):  # "drop" never leaves a name empty: it says which
        with pytest.raises(ValueError, match="can be neither learned nor scored"):
            transformer.fit_transform(names)
        return
    windows = transformer.fit_transform(names)
    assert len(windows) == sum(len(k) + 1 for k in kept)
    assert windows.n_names == len(names)
    assert transformer.decode(transformer.encode(names)) == kept


@pytest.fixture(scope="module")
def classifiers(m):
    """Fitted float32 and float64 models, and one with logits in the thousands."""
    models = {"float32": m.clf, "float64": new_clf(dtype="float64").fit(m.windows)}
    extreme = copy.deepcopy(m.clf)
    extreme.coefs_ = [c * np.float32(1e3) for c in extreme.coefs_]
    extreme.embeddings_ = extreme.embeddings_ * np.float32(10)
    models["extreme"] = extreme
    return models


@settings(max_examples=30, deadline=None)
@given(
    kind=st.sampled_from(["float32", "float64", "extreme"]),
    contexts=arrays(
        np.uint8, st.tuples(st.integers(1, 50), st.just(3)), elements=st.integers(0, 26)
    ),
)
def test_classifier_probability_rows_sum_to_one(classifiers, kind, contexts):
    clf = classifiers[kind]
    proba = clf.predict_proba(contexts)
    log_proba = clf.predict_log_proba(contexts)
    assert proba.dtype == clf.coefs_[0].dtype
    assert np.isfinite(log_proba).all() and (log_proba <= 0).all()
    tol = 1e-12 if kind == "float64" else 1e-5
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=0, atol=tol)


@settings(max_examples=30, deadline=None)
@given(
    log10_temperature=st.floats(-6, 6),
    names=st.lists(letters, min_size=1, max_size=4),
)
def test_tempered_rows_sum_to_one(m, log10_temperature, names):
    sampler = variant(m, temperature=10.0**log10_temperature)
    for proba in (sampler.predict_proba(names), sampler.next_char_proba(names)):
        assert np.isfinite(proba).all() and (proba >= 0).all()
        np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=0, atol=1e-12)


@settings(max_examples=30, deadline=None)
@given(
    min_length=st.integers(1, 4),
    extra=st.integers(0, 5),
    temperature=st.one_of(st.sampled_from([0.0, math.inf]), st.floats(0.05, 20)),
    top_k=st.one_of(st.none(), st.integers(1, 27)),
    top_p=st.one_of(st.none(), st.floats(0.05, 1.0)),
    prefix=st.text(alphabet=LETTERS + "AB", max_size=3),
    seed=st.integers(0, 2**32 - 1),
)
def test_sampled_names_use_the_vocabulary_and_respect_lengths(
    m, min_length, extra, temperature, top_k, top_p, prefix, seed
):
    max_length = max(min_length + extra, len(prefix))
    sampler = variant(
        m,
        min_length=min_length,
        max_length=max_length,
        temperature=temperature,
        top_k=top_k,
        top_p=top_p,
    )
    try:
        names = sampler.sample(6, prefix=prefix, random_state=seed)
    except ValueError as error:  # no name ends within the bounds: none is cut
        assert "Could only generate" in str(error) and "max_length" in str(error)
        return
    assert len(names) == 6
    for name in names:
        assert set(name) <= set(LETTERS)
        assert name.startswith(prefix.lower())
        assert max(min_length, len(prefix)) <= len(name) <= max_length
    # Same seed, same names (an int or a fresh Generator from it).
    assert sampler.sample(6, prefix=prefix, random_state=seed) == names
    again = sampler.sample(6, prefix=prefix, random_state=np.random.default_rng(seed))
    assert again == names


# --------------------------------------------------------------------------- #
# Numerics.
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_log_softmax_and_cross_entropy_at_extreme_logits(dtype):
    S = np.array(
        [
            [1e4, -1e4, 0.0],
            [1e4, 1e4, 1e4],
            [-1e4, -1e4, -1e4],
            [-1e4, 0.0, 1e4],
            [3e38 if dtype == np.float32 else 1e308, 0.0, -1e4],
        ],
        dtype=dtype,
    )
    log_proba = log_softmax(S.copy())
    assert log_proba.dtype == dtype and np.isfinite(log_proba).all()
    np.testing.assert_allclose(np.exp(log_proba).sum(axis=1), 1.0, rtol=1e-6)
    np.testing.assert_allclose(log_proba[0], [0.0, -2e4, -1e4], rtol=1e-6)
    np.testing.assert_allclose(log_proba[1], [-math.log(3)] * 3, rtol=1e-6)
    np.testing.assert_allclose(log_proba[2], [-math.log(3)] * 3, rtol=1e-6)
    y = np.array([1, 0, 2, 2, 0])  # the least probable class first: a 2e4 nats loss
    value = loss(log_proba, y, [np.ones(2, dtype=dtype)], alpha=0.0)
    expected = (2e4 + math.log(3) + math.log(3) + 0.0 + 0.0) / 5
    assert math.isfinite(value) and value == pytest.approx(expected, rel=1e-6)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_forward_and_backward_stay_finite_with_huge_weights(dtype):
    rng = np.random.RandomState(0)
    E, coefs, intercepts = init_params(27, 4, 3, (8,), 27, "relu", dtype, rng)
    E *= dtype(1e3)
    coefs = [rng.standard_normal(c.shape).astype(dtype) * dtype(1e2) for c in coefs]
    X = rng.randint(0, 27, (64, 3))
    y = rng.randint(0, 27, 64)
    hidden, log_proba = forward(X, E, coefs, intercepts, "relu")
    assert np.abs(log_proba).max() > 1e3  # the logits really are extreme
    assert np.isfinite(log_proba).all()
    assert math.isfinite(loss(log_proba, y, [E, *coefs], alpha=0.1))
    grads = backward(X, y, E, coefs, hidden, log_proba, "relu", 0.1)
    assert all(np.isfinite(g).all() for g in [grads[0], *grads[1], *grads[2]])


DIVERGENCE_MODES = ["fit", "fit-early-stopping", "warm-start", "partial_fit", "array"]


@pytest.mark.parametrize("mode", DIVERGENCE_MODES)
def test_divergence_stops_clearly_and_leaves_no_bad_weights(m, mode):
    X, y = (m.contexts, m.targets) if mode == "array" else (m.windows, None)
    if mode in ("fit", "fit-early-stopping"):
        clf = new_clf(learning_rate_init=1e3, early_stopping=mode != "fit")
        with pytest.raises(ValueError, match="Training diverged.*Lower learning_rate"):
            clf.fit(X, y)
        assert not hasattr(clf, "coefs_")  # still unfitted: nothing half-trained
        return
    clf = new_clf(warm_start=True)
    if mode == "warm-start":
        clf.fit(X, y)
    else:
        clf.partial_fit(X, y, classes=np.unique(m.targets) if y is not None else None)
    before = flat_weights(clf)
    clf.set_params(learning_rate_init=1e3)
    with pytest.raises(ValueError, match="Training diverged"):
        clf.fit(X, y) if mode == "warm-start" else clf.partial_fit(X, y)
    after = flat_weights(clf)
    assert np.isfinite(after).all()
    np.testing.assert_array_equal(after, before)
    assert np.isfinite(clf.predict_proba(m.contexts[:50])).all()


def test_early_stopping_validation_scores_are_finite(m):
    clf = new_clf(early_stopping=True, max_iter=6, learning_rate_init=0.05).fit(
        m.windows
    )
    assert len(clf.validation_scores_) >= 1
    assert np.isfinite(clf.validation_scores_).all()
    assert math.isfinite(clf.best_validation_score_)
    assert clf.best_validation_score_ == max(clf.validation_scores_)
    assert np.isfinite(flat_weights(clf)).all()


# --------------------------------------------------------------------------- #
# Reproducibility.
# --------------------------------------------------------------------------- #
# Run as is in this process and in a child process, which imports no more than
# it needs (importing this test module would double the child's start-up time).
_RUN = textwrap.dedent(
    """
    import numpy as np
    from sklearn.pipeline import make_pipeline
    from sknextchar import (
        CharEmbeddingMLPClassifier, ContextWindowTransformer, NameSampler)
    from sknextchar.datasets import load_indian_names

    def train_and_sample(dtype="float32"):
        \"\"\"Weights, score and names of a from-scratch run, random_state=0.\"\"\"
        names = load_indian_names()[::100]
        clf = CharEmbeddingMLPClassifier(
            embedding_dim=4, hidden_layer_sizes=(16,), batch_size=32,
            learning_rate_init=0.01, max_iter=3, random_state=0, dtype=dtype)
        pipe = make_pipeline(ContextWindowTransformer(), clf)
        sampler = NameSampler(pipe, max_length=10).fit(names)
        fitted = sampler.estimator_[-1]
        weights = np.concatenate([a.ravel() for a in (
            fitted.embeddings_, *fitted.coefs_, *fitted.intercepts_)])
        return weights, sampler.score(names), sampler.sample(8, random_state=0)
    """
)
_namespace = {}
exec(_RUN, _namespace)
_train_and_sample = _namespace["train_and_sample"]


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_same_seed_same_weights_scores_and_names(dtype):
    weights, score, names = _train_and_sample(dtype)
    again = _train_and_sample(dtype)
    np.testing.assert_array_equal(again[0], weights)
    assert again[1] == score and again[2] == names


def test_partial_fit_sequences_are_reproducible(m):
    runs = []
    for _ in range(2):
        clf = new_clf()
        for chunk in np.array_split(np.arange(len(NAMES)), 3):
            mask = np.zeros(len(NAMES), dtype=bool)
            mask[chunk] = True
            clf.partial_fit(m.windows.subset(mask))
        runs.append(flat_weights(clf))
    np.testing.assert_array_equal(*runs)


def test_results_ignore_the_blas_thread_count(m):
    """Training and prediction run BLAS single-threaded, whatever the settings.

    A product split over threads sums in another order: with the default sizes
    (embedding_dim=10, 500 hidden units), predictions under two BLAS threads
    differed from one thread by 4e-6 before prediction was made single-threaded,
    and GridSearchCV's scores with n_jobs=2 (workers limited to one thread) from
    those with n_jobs=1.
    """
    params = dict(embedding_dim=10, hidden_layer_sizes=(500,), max_iter=1)
    with threadpool_limits(limits=1, user_api="blas"):
        one = new_clf(**params).fit(m.windows)
    with threadpool_limits(limits=2, user_api="blas"):
        two = new_clf(**params).fit(m.windows)
    np.testing.assert_array_equal(flat_weights(one), flat_weights(two))
    contexts = np.random.default_rng(0).integers(0, 27, (4096, 3)).astype(np.uint8)
    with threadpool_limits(limits=1, user_api="blas"):
        single = one.predict_log_proba(contexts)
    with threadpool_limits(limits=2, user_api="blas"):
        threaded = one.predict_log_proba(contexts)
    np.testing.assert_array_equal(threaded, single)


_CHILD = _RUN + textwrap.dedent(
    """
    import json, sys
    weights, score, names = train_and_sample()
    np.save(sys.argv[1], weights)
    print(json.dumps({"score": score, "names": names}))
    """
)


def _another_blas_kernel():
    """An OpenBLAS core type other than the one this process was told to use.

    Sandybridge (AVX without FMA) runs wherever Haswell (AVX2 and FMA) does.
    """
    forced = os.environ.get("OPENBLAS_CORETYPE", "")
    return "Sandybridge" if forced.lower() == "haswell" else "Haswell"


@pytest.mark.slow
def test_same_results_in_a_new_process_and_close_under_another_blas_kernel(tmp_path):
    """A new process gives identical results; another BLAS kernel close ones.

    ``OPENBLAS_CORETYPE`` makes OpenBLAS use the kernels of another CPU family,
    as on another machine: the sums of a matrix product run in another order, so
    float32 weights differ in the last bits. Other BLAS libraries ignore the
    variable and the results are then identical. The "same" child gets this
    process's environment unchanged: where ``OPENBLAS_CORETYPE`` is set (as on a
    machine told to use the Haswell kernels), removing it would change the kernel
    of the "same" run.
    """
    kinds = {"same": {}, "other": {"OPENBLAS_CORETYPE": _another_blas_kernel()}}
    children = {
        kind: subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(tmp_path / f"{kind}.npy")],
            env=dict(os.environ, **extra),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for kind, extra in kinds.items()
    }
    weights, score, names = _train_and_sample()
    results = {}
    for kind, child in children.items():
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        results[kind] = json.loads(out), np.load(tmp_path / f"{kind}.npy")
    same, same_weights = results["same"]
    np.testing.assert_array_equal(same_weights, weights)
    assert same["score"] == score and same["names"] == names
    other, other_weights = results["other"]
    np.testing.assert_allclose(other_weights, weights, rtol=1e-4, atol=1e-5)
    assert other["score"] == pytest.approx(score, rel=1e-6)


@pytest.mark.slow
def test_grid_search_is_identical_with_one_and_two_jobs():
    grid = {
        "contextwindowtransformer__context_length": [2, 3],
        "charembeddingmlpclassifier__embedding_dim": [2, 4],
    }
    cv = KFold(n_splits=2, shuffle=True, random_state=0)
    results = [
        GridSearchCV(new_pipe(max_iter=2), grid, cv=cv, n_jobs=n_jobs)
        .fit(NAMES)
        .cv_results_
        for n_jobs in (1, 2)
    ]
    for key in ("split0_test_score", "split1_test_score", "mean_test_score"):
        np.testing.assert_array_equal(results[0][key], results[1][key])
    assert list(results[0]["rank_test_score"]) == list(results[1]["rank_test_score"])
