"""The check of names: one pass in C for plain names, each name's message kept.

A list of plain one-line ``str`` is checked without a Python call per name;
anything else is checked name by name, so every message (its index, its
wording) is the one of the first bad name. Checked without timing: by counting
the Python calls a check makes, and against the per-name check itself.
"""

import sys

import numpy as np
import pytest

from sknextchar import ContextWindowTransformer, _text, _validation
from sknextchar._sizes import check_window_memory
from sknextchar._validation import check_names
from sknextchar.datasets import load_indian_names
from tests._cases import run_cases

NAMES = list(load_indian_names()[:3000])


class _Name(str):
    """A subclass of str: a name, but not the plain str of the one-pass check."""


def _python_calls(function):
    """The number of Python-level calls (frames entered) while ``function`` runs."""
    calls = [0]

    def profile(frame, event, arg):
        calls[0] += event == "call"

    sys.setprofile(profile)
    try:
        function()
    finally:
        sys.setprofile(None)
    return calls[0]


def _one_by_one(names, what="names", allow_empty_strings=False):
    """The per-name check, the reference of every message."""
    for i, name in enumerate(names):
        _validation._check_element(name, f"{what}[{i}]", what, allow_empty_strings)


def _outcome(check, names, **kwargs):
    try:
        check(names, **kwargs)
    except (TypeError, ValueError) as exc:  # of a name: a RefusedNameError
        return (ValueError if isinstance(exc, ValueError) else TypeError), str(exc)
    return None


def test_line_breaks_are_those_at_which_splitlines_splits():
    # A line break the one-pass check did not know would let such a name in.
    text = "x".join(map(chr, range(sys.maxunicode + 1)))
    ends = {line[-1] for line in text.splitlines(keepends=True)[:-1]}
    assert ends == set(_text.LINE_BREAKS) == set(LINE_BREAKS)


@pytest.mark.parametrize(
    "check",
    [
        lambda: check_names(NAMES),
        lambda: check_names(NAMES, what="prefixes", allow_empty_strings=True),
        lambda: check_window_memory(NAMES, 3),
    ],
    ids=["names", "prefixes", "window-memory"],
)
def test_plain_names_are_checked_without_a_python_call_per_name(check):
    assert _python_calls(check) < len(NAMES) // 10


@pytest.mark.parametrize("step", ["fit", "fit_transform", "transform"])
def test_the_transformer_makes_no_python_call_per_name(step):
    transformer = ContextWindowTransformer().fit(NAMES)
    calls = _python_calls(lambda: getattr(transformer, step)(NAMES))
    assert calls < len(NAMES) // 4


LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # of str.splitlines
BAD = [
    *LINE_BREAKS,  # each line break alone, then inside a name
    *(f"a{brk}b" for brk in LINE_BREAKS),
    "a\r\n",
    "",
    " ",
    "\t \xa0",
    "\u3000",
    "\x1f",  # whitespace, no line break
    _Name(""),
    _Name("a\nb"),
    np.str_(""),
    np.str_("a\x85"),
    None,
    float("nan"),
    np.float64("nan"),
    3,
    b"x",
    ["a"],
    ("a",),
    np.array(["a"]),
    {"a": 1},
    {"a"},
    True,
]


def test_every_message_is_that_of_the_first_bad_name():
    # One item for all (tests/_cases.py): each case takes microseconds.
    cases = [
        (f"{allow}-{bad!r}", (bad, allow)) for allow in (False, True) for bad in BAD
    ]
    run_cases(cases, _message_of_the_first_bad_name, at_least=82)


def _message_of_the_first_bad_name(bad, allow_empty_strings):
    kwargs = {"allow_empty_strings": allow_empty_strings}
    for names in (
        [bad],
        ["asha", "ravi", bad, "abid"],
        ["asha", bad, "ravi", bad],
        [_Name("asha"), np.str_("ravi"), bad],
    ):
        expected = _outcome(_one_by_one, names, **kwargs)
        assert _outcome(check_names, names, **kwargs) == expected
        if expected is None:  # allowed: "" and blanks among prefixes
            assert allow_empty_strings and check_names(names, **kwargs) == names


def test_subclasses_of_str_pass_name_by_name():
    names = [_Name("asha"), np.str_("ravi"), "abid"]
    assert check_names(names) == names
