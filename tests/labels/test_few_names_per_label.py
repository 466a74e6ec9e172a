"""Labels of few names each: a warning about names, not scikit-learn's.

scikit-learn warns, for more distinct classes than half the samples, that "`y`
could represent a regression problem". For a model of names by label such
labels are legal but teach little; the warning says so, once per fit, at the
caller's line.
"""

import sys
import threading
import warnings

import numpy as np
import pytest
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import make_pipeline

import sknextchar._labels
from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameLabelClassifier,
    NameSampler,
    PerLabelClassifier,
)
from sknextchar._labels import FewNamesPerLabelWarning, labels_checked_once
from sknextchar.cli import build_parser
from sknextchar.cli._counts import fit_counts

STEMS = ["an", "be", "ca", "do", "el", "fi", "gu", "ho", "ir", "jo", "ka", "lu"]
NAMES = [a + b for a in STEMS[:6] for b in STEMS[6:]][:30]  # 30 distinct names


def _pipe():
    return make_pipeline(
        ContextWindowTransformer(context_length=2),
        PerLabelClassifier(KneserNeyClassifier(order=2)),
    )


def _caught(fit):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fit()
    return [w for w in caught if "label" in str(w.message)]


def _few_names(caught):
    return [w for w in caught if "distinct labels in y" in str(w.message)]


def test_sampler_warns_once_about_names_at_the_callers_line():
    labels = [f"l{i}" for i in range(28)] + ["l0", "l1"]  # 28 labels, 30 names
    caught = _caught(lambda: NameSampler(_pipe()).fit(NAMES, labels))
    assert not [w for w in caught if "regression" in str(w.message)]
    (warning,) = _few_names(caught)
    message = str(warning.message)
    assert message.startswith("28 distinct labels in y for 30 names, 26 labels ")
    assert "merge rare labels" in message
    assert "sample_weight" not in message  # text labels are no counts
    assert warning.filename == __file__


def test_classifier_warns_once_not_again_in_its_pipelines_fits():
    labels = [f"l{i % 20}" for i in range(30)]  # 20 labels, 10 of a single name
    caught = _caught(lambda: NameLabelClassifier(_pipe()).fit(NAMES, labels))
    (warning,) = _few_names(caught)
    assert "20 distinct labels in y for 30 names, 10 labels of a single" in str(
        warning.message
    )
    assert warning.filename == __file__


def test_whole_number_labels_may_be_counts():
    counts = np.arange(100, 130)  # 30 labels, one name each
    (warning,) = _few_names(_caught(lambda: NameSampler(_pipe()).fit(NAMES, counts)))
    assert str(warning.message).endswith(
        "If y counts how often each name occurs, pass it as sample_weight."
    )


@pytest.mark.parametrize(
    "labels",
    [
        [f"l{i}" for i in range(20)],  # 20 names: scikit-learn's bound too
        [f"l{i % 15}" for i in range(30)],  # 2 names a label
    ],
)
def test_enough_names_per_label_no_warning(labels):
    names = NAMES[: len(labels)]
    assert not _caught(lambda: NameSampler(_pipe()).fit(names, labels))


@pytest.mark.slow  # saving 28 models of a label each: about 1 s
def test_command_line_says_labels_not_y(tmp_path, capsys, monkeypatch):
    from sknextchar.cli import main

    # Worded from its parts, not by rewriting Python's words in the message.
    monkeypatch.setattr("sknextchar.cli._errors._PYTHON_ADVICE", ())

    rows = "".join(f"{name},l{i % 28}\n" for i, name in enumerate(NAMES))
    (tmp_path / "n.csv").write_text(f"name,label\n{rows}", encoding="utf-8")
    args = ["--model", "kneser-ney", "--validation-fraction", "0", "-q", "--format"]
    args.append("joblib")  # a quick save: the warning is what is tested
    code = main(["train", str(tmp_path / "n.csv"), "--labels", "label", *args,
                 "-o", str(tmp_path / "m.skops")])  # fmt: skip
    shown = capsys.readouterr().err
    assert code == 0, shown
    assert "warning: 28 distinct labels in --labels for 30 names" in shown, shown
    assert " y " not in shown, shown


def test_the_warning_keeps_its_parts_when_copied():
    import copy
    import pickle

    warning = FewNamesPerLabelWarning(28, 30, 26, numbers=True)
    for copied in (pickle.loads(pickle.dumps(warning)), copy.copy(warning)):
        assert type(copied) is FewNamesPerLabelWarning
        assert str(copied) == str(warning) and vars(copied) == vars(warning)
    told = warning.worded(labels="--labels", weights="--counts")
    assert told.endswith("If --labels counts how often each name occurs, pass it "
                         "as --counts.")  # fmt: skip
    assert told.replace("--labels", "y").replace("--counts", "sample_weight") == str(
        warning
    )


def test_checked_once_in_one_thread_changes_no_filter_and_not_another_thread():
    """labels_checked_once is the thread's own: no warnings filter (the whole
    process's) is added, so a fit in another thread still warns, and none is
    left behind when two fits overlap."""
    before = list(warnings.filters)
    inside, done = threading.Event(), threading.Event()
    seen = []

    def quiet_fit():
        with labels_checked_once():
            seen.append(list(warnings.filters))
            inside.set()
            done.wait(5)

    other = threading.Thread(target=quiet_fit)
    other.start()
    try:
        assert inside.wait(5)
        labels = [f"l{i}" for i in range(30)]
        caught = _few_names(_caught(lambda: NameSampler(_pipe()).fit(NAMES, labels)))
    finally:
        done.set()
        other.join()
    assert len(caught) == 1  # not silenced by the other thread's block
    assert seen == [before] and warnings.filters == before


def test_no_warnings_filter_while_checking_the_labels(monkeypatch):
    """The check reads the target type itself, without a filter over
    scikit-learn's warning (a filter is the whole process's)."""
    import sklearn.utils.multiclass

    before, seen = list(warnings.filters), []

    def spy(original):
        def type_of_target(*args, **kwargs):
            seen.append(list(warnings.filters))
            return original(*args, **kwargs)

        return type_of_target

    for module in (sklearn.utils.multiclass, sknextchar._labels):
        original = getattr(module, "type_of_target", None)
        if original is not None:
            monkeypatch.setattr(module, "type_of_target", spy(original))
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        NameSampler(_pipe()).fit(NAMES, [f"l{i}" for i in range(30)])
        inner = list(warnings.filters)
    assert seen and all(filters == inner for filters in seen)
    assert warnings.filters == before


def _frozen(labels):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the pipeline's own fit warns
        return FrozenEstimator(_pipe().fit(NAMES, labels))


def test_frozen_pipelines_get_no_advice_on_names_per_label():
    """Their fit only sets the priors: the labels teach them nothing."""
    labels = [f"l{i % 20}" for i in range(30)]  # 20 labels, 10 of a single name
    frozen = _frozen(labels)
    clf = NameLabelClassifier(frozen)
    assert not _few_names(_caught(lambda: clf.fit(NAMES, labels)))
    assert clf.class_count_.sum() == 30
    mixed = NameLabelClassifier([frozen, _pipe()])  # one pipeline learns
    assert len(_few_names(_caught(lambda: mixed.fit(NAMES, labels)))) == 1


@pytest.mark.parametrize("sample_weight", [None, [0] + [1] * 29])
def test_labels_sorted_once_per_fit(monkeypatch, sample_weight):
    """The classes and ids of the labels' check serve the whole fit."""
    labels = [f"l{i % 20}" for i in range(30)]
    frozen = _frozen(labels)
    calls, unique = [], np.unique

    def counting_unique(values, *args, **kwargs):
        caller = sys._getframe(1).f_globals.get("__name__", "")
        if caller.startswith("sknextchar") and np.size(values) >= 29:
            calls.append(caller)
        return unique(values, *args, **kwargs)

    monkeypatch.setattr(np, "unique", counting_unique)
    clf = NameLabelClassifier(frozen).fit(NAMES, labels, sample_weight=sample_weight)
    assert calls == ["sknextchar._labels"]
    expected = np.bincount([i % 20 for i in range(30)], weights=sample_weight)
    counts = dict(zip(clf.classes_.tolist(), clf.class_count_.tolist()))
    assert counts == {f"l{i}": count for i, count in enumerate(expected.tolist())}


def test_count_model_of_the_command_line_warns_once_with_a_held_out_share(capsys):
    """'train --labels FILE --model kneser-ney': its held-out fit (on fewer
    names, other counts) does not warn again."""
    args = ["train", "-o", "m.skops", "--model", "kneser-ney", "--seed", "0"]
    labels = [f"l{i % 20}" for i in range(30)]  # 20 labels, 10 of a single name
    parsed = build_parser().parse_args([*args, "--context-length", "2"])
    caught = _few_names(_caught(lambda: fit_counts(parsed, NAMES, labels)))
    assert "Held-out NLL: " in capsys.readouterr().out  # the held-out fit ran
    assert [str(w.message)[:36] for w in caught] == [
        "20 distinct labels in y for 30 names"
    ]


def test_labels_of_another_length_are_refused_without_a_warning():
    # 30 labels for 25 names: the length is what is wrong, not how few names
    # each label has (the warning would count the labels as names).
    from sknextchar import NameLabelClassifier

    names = [f"n{'a' * (i % 7)}b{'c' * (i // 7)}" for i in range(25)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match="25 names and 30 labels"):
            NameLabelClassifier().fit(names, [f"l{i}" for i in range(30)])


def test_the_warning_caught_has_no_method_named_message():
    """``caught[0].message`` is the warning: its ``.message`` is no method."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.warn(FewNamesPerLabelWarning(28, 30, 26), stacklevel=1)
    assert not callable(getattr(caught[0].message, "message", None))
    assert str(caught[0].message).startswith("28 distinct labels in y for 30 names")


def test_the_command_line_words_another_warning_without_loading_labels(monkeypatch):
    """Only a warning of labels needs sknextchar._labels (and scikit-learn)."""
    from sknextchar.cli._errors import warning_text

    monkeypatch.delitem(sys.modules, "sknextchar._labels")
    assert warning_text(UserWarning("careful")) == "careful"
    assert "sknextchar._labels" not in sys.modules
    monkeypatch.setitem(sys.modules, "sknextchar._labels", sknextchar._labels)
    told = warning_text(FewNamesPerLabelWarning(28, 30, 26))
    assert told.startswith("28 distinct labels in --labels for 30 names"), told
