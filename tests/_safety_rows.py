"""Rows of the bad-input table (tests/robustness/test_reliability.py) for the rules of
issue 12.

One row per case of every rule: files are never destroyed, only model state is
saved, hostile or damaged files, absurd inputs, all or nothing, scorers. Each row
is ``(id, call(m), expected exception or OK, message fragment or check)``; ``m``
is the table's fixture of fitted models and files. What a row needs on disk (a
FIFO, a crafted file) is made in the fixture's folder on first use.
"""

import copy
import json
import math
import os
import threading
import zipfile

import numpy as np
from sklearn.model_selection import GridSearchCV, KFold
from sklearn.pipeline import make_pipeline
from sklearn.utils._param_validation import InvalidParameterError

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    load_model,
    save_model,
)

OK = "accepted"  # replaced by the table's own marker in safety_rows
BIG = 2**70
SMALL = dict(embedding_dim=4, hidden_layer_sizes=(16,), max_iter=2, random_state=0)


def _clf(**params):
    return CharEmbeddingMLPClassifier(**{**SMALL, **params})


def _path(m, name):
    """``name`` in the folder ``issue12/``, made here so every row stands alone."""
    folder = m.files["folder"] / "issue12"
    folder.mkdir(exist_ok=True)
    return folder / name


def _made(m, name, make):
    """The file ``name``, made by ``make(path)`` the first time it is asked for."""
    path = _path(m, name)
    if not os.path.lexists(path):
        make(path)
    return path


def _fifo(m, name="fifo.skops"):
    return _made(m, name, os.mkfifo)


def _link_to_fifo(m):
    return _made(m, "link.skops", lambda p: p.symlink_to(_fifo(m)))


def _good(m):
    return _made(m, "good.skops", lambda p: save_model(m.transformer, p))


def _rezip(m, name, schema):
    def make(path):
        with zipfile.ZipFile(_good(m)) as old, zipfile.ZipFile(path, "w") as new:
            for info in old.infolist():
                data = old.read(info) if info.filename != "schema.json" else schema
                if data is not None:
                    new.writestr(info.filename, data)
            if schema is None:  # an empty zip would not even look like skops
                new.writestr("other.json", "{}")

    return _made(m, name, make)


def _tampered(m, name, value):
    schema = json.loads(zipfile.ZipFile(_good(m)).read("schema.json"))
    schema["content"]["content"][name]["content"] = json.dumps(value)
    return _rezip(m, f"tampered-{name}.skops", json.dumps(schema))


def _with_attribute(m, value):
    clf = copy.copy(m.clf)
    clf.hook_ = value
    return clf


def _save_fails(m, value):
    path = _path(m, "kept.skops")
    save_model(m.transformer, path)
    before = path.read_bytes()
    try:
        save_model(_with_attribute(m, value), path)
    finally:
        assert path.read_bytes() == before
        if hasattr(value, "close"):
            value.close()


class _FailsAtTheEnd:
    def on_fit_task_begin(self, estimator, context):
        pass

    def on_fit_task_end(self, estimator, context, **kwargs):
        raise MemoryError("simulated")

    def setup(self, estimator, context):
        pass

    def teardown(self, estimator, context):
        pass


def _failed_refit(names):
    """A pipeline whose refit failed in the classifier, after the transformer's."""
    transformer = ContextWindowTransformer(alphabet="auto")
    pipe = make_pipeline(transformer, _clf()).fit(names)
    pipe[-1].set_callbacks(_FailsAtTheEnd())
    try:
        pipe.fit(["zoya", "quentin", "xavier"])
    except MemoryError:
        pass
    del pipe[-1]._skl_callbacks
    return pipe


def file_safety_rows():
    fifo = "it is a FIFO"
    return [
        ("save_model-onto-a-FIFO", lambda m: save_model(m.pipe, _fifo(m)),
         FileExistsError, fifo),
        ("save_model-onto-a-FIFO-joblib",
         lambda m: save_model(m.pipe, _fifo(m, "fifo.joblib")), FileExistsError, fifo),
        ("save_model-onto-a-symlink-to-a-FIFO",
         lambda m: save_model(m.pipe, _link_to_fifo(m)), FileExistsError, fifo),
        ("save_model-long-file-name",
         lambda m: load_model(save_model(m.transformer, _path(m, "n" * 249 + ".sk"))),
         OK, lambda model: model.context_length == 3),
        ("save_model-lock-attribute",
         lambda m: _save_fails(m, threading.Lock()), TypeError,
         r"model\.hook_ holds a lock"),
        ("save_model-open-file-attribute",
         lambda m: _save_fails(m, open(os.devnull, "rb")), TypeError,
         r"model\.hook_ holds a BufferedReader"),
        ("save_model-lambda-attribute",
         lambda m: _save_fails(m, lambda x: x), TypeError,
         r"model\.hook_ holds a function"),
        ("save_model-generator-attribute",
         lambda m: _save_fails(m, (i for i in range(2))), TypeError,
         r"model\.hook_ holds a generator"),
    ]  # fmt: skip


def hostile_file_rows():
    rows = [
        ("load_model-FIFO", lambda m: load_model(_fifo(m)), ValueError,
         "not a regular file"),
        ("load_model-max_bytes-exceeded",
         lambda m: load_model(_good(m), max_bytes=100), ValueError, "max_bytes=100"),
        ("load_model-max_bytes-bool",
         lambda m: load_model(_good(m), max_bytes=True), TypeError,
         "max_bytes must be a positive int"),
        ("load_model-schema-list",
         lambda m: load_model(_rezip(m, "list.skops", "[]")), ValueError,
         "schema.json is a list, not a JSON object"),
        ("load_model-schema-nested-50000-deep",
         lambda m: load_model(_rezip(m, "deep.skops", "[" * 50_000 + "]" * 50_000)),
         ValueError, "nests deeper than 200 levels"),
        ("load_model-schema-not-json",
         lambda m: load_model(_rezip(m, "notjson.skops", "{nope")), ValueError,
         "schema.json is not valid JSON"),
        ("load_model-no-schema",
         lambda m: load_model(_rezip(m, "noschema.skops", None)), ValueError,
         "it has no schema.json"),
        ("load_model-schema-empty-object",
         lambda m: load_model(_rezip(m, "empty-object.skops", "{}")), ValueError,
         "corrupt"),
        ("load_model-tampered-context_length",
         lambda m: load_model(_tampered(m, "context_length", -2)), ValueError,
         "invalid parameter: The 'context_length' parameter"),
        ("load_model-tampered-handle_unknown",
         lambda m: load_model(_tampered(m, "handle_unknown", "explode")), ValueError,
         "invalid parameter: The 'handle_unknown' parameter"),
    ]  # fmt: skip
    for consent in ["false", "True", 1, 0, None, np.True_]:
        rows.append(
            (
                f"load_model-allow_pickle={consent!r}",
                lambda m, c=consent: load_model(m.files["good.joblib"], allow_pickle=c),
                TypeError,
                "allow_pickle must be True or False",
            )
        )
    return rows


# Integer and float parameters that a bool must not satisfy.
BOOL_PARAMS = [
    (ContextWindowTransformer, "context_length"),
    (CharEmbeddingMLPClassifier, "embedding_dim"),
    (CharEmbeddingMLPClassifier, "batch_size"),
    (CharEmbeddingMLPClassifier, "max_iter"),
    (CharEmbeddingMLPClassifier, "n_iter_no_change"),
    (CharEmbeddingMLPClassifier, "alpha"),
    (CharEmbeddingMLPClassifier, "learning_rate_init"),
    (CharEmbeddingMLPClassifier, "dropout"),
    (NameSampler, "top_k"),
    (NameSampler, "min_length"),
    (NameSampler, "max_length"),
    (NameSampler, "temperature"),
    (KneserNeyClassifier, "order"),
]


def _fit_with(m, cls, params):
    if cls is ContextWindowTransformer:
        return cls(**params).fit(["abid", "asha"])
    if cls is NameSampler:
        pipe = make_pipeline(ContextWindowTransformer(), _clf())
        return NameSampler(pipe, **params).fit(["abid", "asha"])
    return (_clf if cls is CharEmbeddingMLPClassifier else cls)(**params).fit(m.windows)


def absurd_input_rows():
    rows = [
        (f"{cls.__name__}-{name}=True",
         lambda m, c=cls, n=name: _fit_with(m, c, {n: True}),
         InvalidParameterError, rf"'{name}' parameter of {cls.__name__} .*Got True")
        for cls, name in BOOL_PARAMS
    ]  # fmt: skip
    rows += [
        ("clf-embedding_dim=2**70", lambda m: _clf(embedding_dim=BIG).fit(m.windows),
         ValueError, rf"embedding_dim={BIG}, .* makes the weights need .* lower "
         "embedding_dim or hidden_layer_sizes"),
        ("clf-hidden_layer_sizes=(2**40,)",
         lambda m: _clf(hidden_layer_sizes=(2**40,)).fit(m.windows), ValueError,
         r"hidden_layer_sizes=\(1099511627776,\) makes the weights need"),
        ("clf-hidden_layer_sizes=(True, 4)",
         lambda m: _clf(hidden_layer_sizes=(True, 4)).fit(m.windows),
         InvalidParameterError,
         r"hidden_layer_sizes must hold positive integers; got \(True, 4\)"),
        ("clf-hidden_layer_sizes=2**70",
         lambda m: _clf(hidden_layer_sizes=BIG).fit(m.windows), InvalidParameterError,
         "hidden_layer_sizes must hold positive integers"),
        ("transformer-context_length=2**70",
         lambda m: ContextWindowTransformer(context_length=BIG).fit(["abid"]),
         InvalidParameterError, r"'context_length' .* range \[1, 1000\]"),
        ("pipeline-context_length=2**70",
         lambda m: make_pipeline(ContextWindowTransformer(context_length=BIG),
                                 _clf()).fit(["abid"]),
         InvalidParameterError, r"'context_length' .* range \[1, 1000\]"),
        ("clf-float32-epsilon-rounds-to-0",
         lambda m: _clf(epsilon=1e-60, dtype="float32").fit(m.windows), ValueError,
         "epsilon=1e-60 is too small for dtype='float32': it rounds to 0"),
        ("clf-float64-epsilon-subnormal",
         lambda m: _clf(epsilon=1e-320, dtype="float64").fit(m.windows), ValueError,
         "epsilon=1e-320 is too small for dtype='float64'"),
        ("clf-huge-alpha-diverges",
         lambda m: _clf(alpha=1e300).fit(m.windows), ValueError,
         r"diverged: .* with alpha=1e\+300\. Lower alpha"),
        ("clf-fit-None-in-y", lambda m: _clf().fit(m.contexts[:3], ["a", None, "b"]),
         ValueError, r"y\[1\] = None is a missing value"),
        ("clf-fit-NaN-in-object-y",
         lambda m: _clf().fit(m.contexts[:3], np.array(["a", math.nan, "b"], object)),
         ValueError, r"y\[1\] = nan is a missing value"),
        ("clf-score-None-in-y",
         lambda m: m.aclf.score(m.contexts[:2], [m.aclf.classes_[0], None]),
         ValueError, r"y\[1\] = None is a missing value"),
        ("kneser-ney-fit-None-in-y",
         lambda m: KneserNeyClassifier().fit(m.contexts[:2], [None, "a"]),
         ValueError, r"y\[0\] = None is a missing value"),
    ]  # fmt: skip
    return rows


def all_or_nothing_rows():
    # A refit that failed in the classifier puts the transformer back too: the
    # pipeline refuses the new letters exactly as it did before the call.
    before = "outside the vocabulary.*'abdhis'"
    return [
        ("failed-refit-pipeline-predict_proba",
         lambda m: _failed_refit(["abid", "asha"]).predict_proba(["zoya"]),
         ValueError, before),
        ("failed-refit-pipeline-score",
         lambda m: _failed_refit(["abid", "asha"]).score(["xavier"]),
         ValueError, before),
    ]  # fmt: skip


def scorer_rows():
    def search(scoring):
        pipe = make_pipeline(ContextWindowTransformer(), _clf())
        grid = {"charembeddingmlpclassifier__alpha": [1e-4, 1e-3]}
        return GridSearchCV(
            pipe, grid, scoring=scoring, cv=KFold(2), error_score="raise"
        )

    return [
        (f"search-scoring={scoring}-error_score=raise",
         lambda m, s=scoring: search(s).fit(["abid", "asha", "ravi", "mira"]),
         TypeError, "y_true")
        for scoring in ("accuracy", "neg_log_loss")
    ]  # fmt: skip


def safety_rows(row, ok):
    """Every row of issue 12, made with the table's ``Row`` type and OK marker."""
    rows = (
        file_safety_rows()
        + hostile_file_rows()
        + absurd_input_rows()
        + all_or_nothing_rows()
        + scorer_rows()
    )
    return [row(i, call, ok if expected == OK else expected, match)
            for i, call, expected, match in rows]  # fmt: skip
