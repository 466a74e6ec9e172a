"""Every warning and error class of the package survives ``pickle`` and
``copy``, notes and attributes set after it was made included: joblib's
workers (``joblib.Parallel`` over ``load_names``), pytest-xdist and
cross-validation with ``n_jobs=2`` pickle the warnings and errors they carry
back. The classes are found by walking the subclasses of ``BaseException``
once every module of the package is imported, so a new one is checked too
(and fails here until it has an example below)."""

import copy
import importlib
import pickle
import pkgutil

import numpy as np
import pytest
from sklearn.base import BaseEstimator

import sknextchar
from sknextchar.datasets._quoted_lines import PYTHON_ONE_COLUMN
from tests._cases import run_cases


def _subclasses(cls):
    """Every subclass of ``cls``, however deep."""
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _classes():
    """``{"module.Class": class}`` of every exception and warning defined in
    the package: in its root module, in any other, nested in a class
    (``__main__`` left out: it is the program, not a module of classes; a
    class made inside a function is made anew by each call)."""
    for info in pkgutil.walk_packages(sknextchar.__path__, "sknextchar."):
        if info.name != "sknextchar.__main__":
            importlib.import_module(info.name)
    return {
        f"{cls.__module__}.{cls.__qualname__}": cls
        for cls in _subclasses(BaseException)
        if (cls.__module__ == "sknextchar" or cls.__module__.startswith("sknextchar."))
        and "<locals>" not in cls.__qualname__
    }


def _windows():
    return sknextchar.ContextWindowTransformer().fit(["asha"])


# Bases whose message their subclasses make: checked through those.
ABSTRACT = {
    "sknextchar._dead_ends.PrefixError",
    "sknextchar._placed_names.PlacedNamesError",
}

# An example of each class, made from its arguments (keyword ones included).
EXAMPLES = {
    "_dead_ends.DeadEndError": lambda c: c("prefixes", 1, "ab", min_length=3),
    "_dead_ends.UnendingPrefixError": lambda c: c("prefix", None, "abc", max_length=3),
    "_dead_ends.LongPrefixError": lambda c: c(
        "prefix", None, "abcd", letters=4, max_length=3
    ),
    "_dead_ends.NoRoomAfterError": lambda c: c(
        "context", 2, "aaaaa", letters=1_000, steps=1, lever="max_length", max_length=9
    ),
    "_dead_ends.EndOnlyError": lambda c: c(
        "prefix", None, "a", max_length=1, resolved=True, min_length=1
    ),
    "_dead_ends.UnknownSymbolsError": lambda c: c(
        "context", None, "ab1", symbols="'1'", vocabulary="'ab'", start="ba", kept=True
    ),
    "_dead_ends.UnfinishedTreeError": lambda c: c("ab"),
    "_emptied_labels.EmptiedLabelsError": lambda c: c(np.array(["f", "m"])),
    "_empty_names.EmptyNamesError": lambda c: c(
        ["\u200b"], ["names[4]"], n_names=7, strip_accents="unicode"
    ),
    "_labels.FewNamesPerLabelWarning": lambda c: c(3, 4, 2, numbers=True),
    "datasets._header_as_data.HeaderAsDataWarning": lambda c: c(
        "'t.csv'",
        1,
        ["Emma", "F"],
        {"names": 0, "labels": 1},
        ["labels"],
        ["like", "value"],
    ),
    "_lone_marks.LoneMarksError": lambda c: c(
        ["\u0301a"], ["names[2]"], "\u0301", n_names=4
    ),
    "_pattern_names._Many": lambda c: c(),
    "_step_words.StepError": lambda c: c(
        "pass windows__alphabet='auto'", "windows", ["windows__alphabet='auto'"]
    ),
    "_unknown_advice.DroppedNamesError": lambda c: c(
        ["иван"], ["names[2]"], "alphabet='auto'", fitting=True, n_names=7
    ),
    "_validation.RefusedNameError": lambda c: c(" ", 3, label="f"),
    "_validation.MissingNameError": lambda c: c(None, 3, label="f"),
    "_validation.MissingValueError": lambda c: c("names[3] = None is missing"),
    "_vocabulary_pass.UnknownSymbolsError": lambda c: c(
        _windows(), ["ë"], [(3, "zoë")], 1, emptied=(0, 0), dropped=[], fitting=False
    ),
    "cli._paired.LabelsTableError": lambda c: c(
        "--labels t.csv is a table", ["classify", None, "--labels", "sex"]
    ),
    "datasets._comment_lines.CommentLinesWarning": lambda c: c(
        "'kids.txt' has '#' lines"
    ),
    "datasets._comment_lines.TitleNameWarning": lambda c: c("line 1 reads as a title"),
    "datasets._column_arguments.NoColumnError": lambda c: c(
        "'kids.csv' has no column 'nmae' (did you mean 'name'?)",
        ["Emma", "F", "3"],
        ",",
        counts=True,
        near="name",
    ),
    "datasets._labelled_table.NoLabelsColumnError": lambda c: c(
        "gendr", "'kids.csv'", 1, ["name", "gender"], [(2, ["Zoë", "f"])], [0], True
    ),
    "datasets._opened_bytes.PipeError": lambda c: c("'labels' is an empty pipe."),
    "datasets._positions.NoNamesError": lambda c: c("kids.txt", 0),
    "datasets._noted_rows.NotedRowsError": lambda c: c(
        [(5, "Line 5 of 'k.csv' has no count."), (2, "Line 2 has no label.")]
    ),
    # the header of the one column, which words the advice (names_column='name')
    "datasets._quoted_lines.QuotedLinesWarning": lambda c: c(
        "kids.txt", ['"Anna"'], None, True, PYTHON_ONE_COLUMN, count=3, header="name"
    ),
    "datasets._table_footers.FooterLinesError": lambda c: c(
        "'kids.csv' ends in a total", [(5, ["Total", "5"])]
    ),
    "datasets._table_rows.UnnamedRowsWarning": lambda c: c("1 row has no name"),
    "datasets._table_rows.TitleLinesWarning": lambda c: c("line 1 is a title"),
    "datasets._tables.TitleLinesError": lambda c: c("'kids.csv' has a title"),
    "exceptions.DamagedModelError": lambda c: c("this model is damaged"),
    "exceptions.FileChangedWarning": lambda c: c("'names.txt' changed"),
    "exceptions.ModelVersionWarning": lambda c: c("saved by 0.1.0"),
    "exceptions.ProgressStoppedWarning": lambda c: c("progress stopped"),
    "nn.training.DivergenceError": lambda c: c("the loss is nan"),
    "_wrong_kind.WrongKindError": lambda c: c("'m.joblib' holds a dict, not a model"),
}

CLASSES = _classes()


def _same(a, b):
    """Whether two attribute values hold the same (an estimator by its
    class and parameters, an array by its values)."""
    if isinstance(a, BaseEstimator):
        return type(a) is type(b) and repr(a.get_params()) == repr(b.get_params())
    if isinstance(a, np.ndarray):
        return isinstance(b, np.ndarray) and np.array_equal(a, b)
    return a == b


COPIES = {
    "pickle": lambda e: pickle.loads(pickle.dumps(e)),
    "copy": copy.copy,
    "deepcopy": copy.deepcopy,
}


def test_every_warning_and_error_survives_pickle_and_copy():
    # One item for all (tests/_cases.py): each case takes microseconds.
    cases = [
        (f"{way}-{name}", (name, copied))
        for way, copied in COPIES.items()
        for name in sorted(set(CLASSES) - ABSTRACT)
    ]
    run_cases(cases, _survives, at_least=96)


def _survives(name, copied):
    # NoColumnError and FooterLinesError could not be unpickled or copied:
    # their class was called with the message alone.
    short = name.removeprefix("sknextchar.")
    if short not in EXAMPLES:
        pytest.fail(f"{name} has no example: add one to EXAMPLES")
    error = EXAMPLES[short](CLASSES[name])
    error.add_note("read from 'kids.csv'")  # as pytest and re-raising code do
    error.seen_by = "a worker"  # an attribute set after the error was made
    again = copied(error)
    assert type(again) is type(error)
    assert str(again) == str(error) and again.args == error.args
    assert vars(again).keys() == vars(error).keys()
    for key, value in vars(error).items():
        assert _same(value, vars(again)[key]), key


def test_every_example_and_abstract_base_is_a_class_of_the_package():
    # A class removed or renamed leaves no entry behind.
    found = {name.removeprefix("sknextchar.") for name in CLASSES}
    assert set(EXAMPLES) - found == set()
    assert ABSTRACT - set(CLASSES) == set()
    assert len(CLASSES) >= 27  # the walk finds them (27 when it was written)
