"""The nesting depth of a skops schema, counted before it is parsed: the same
count as a walk over each character, without a Python step per character."""

import sys
import zipfile

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, save_model
from sknextchar._model_checks import schema_depth as depth
from tests._traced import tracing


def walked_depth(text):
    """The deepest ``[`` or ``{`` nesting outside JSON strings, one character at
    a time (a string left open runs to the end; a backslash in a string escapes
    the next character)."""
    level = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            level += 1
            deepest = max(deepest, level)
        elif char in "]}":
            level -= 1
    return deepest


@given(st.text(alphabet='[]{}"\\a,:\n', max_size=60))
@example('"\\"[')  # an escaped quote: the string goes on
@example('"\\\\"[')  # an escaped backslash: the string ends
@example('["a]"')  # a bracket in a string
@example("]]{")  # more closed than opened
def test_the_depth_is_that_of_a_walk_over_each_character(text):
    assert depth(text) == walked_depth(text)


@pytest.fixture(scope="module")
def schema(tmp_path_factory):
    """The schema.json of a saved model whose names hold quotes and brackets."""
    names = ["asha", "ravi", 'zo"e', "[uma]", "{ira}"]
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto"), KneserNeyClassifier()
    ).fit(names)
    path = save_model(pipe, tmp_path_factory.mktemp("schema") / "m.skops")
    return zipfile.ZipFile(path).read("schema.json").decode("utf-8")


def test_a_real_schema_and_a_long_one(schema):
    assert 2 < depth(schema) == walked_depth(schema) < 200
    long = '{"a": "' + '\\"[' * 5_000 + '", "b": ' + "[" * 300 + "]" * 300 + "}"
    assert depth(long) == walked_depth(long) == 301


def test_no_python_step_for_each_character(schema):
    # Each load of a model file counts its schema: a walk in Python took
    # milliseconds for each model, and 100 ms for a schema of a megabyte.
    schema = schema * 20
    lines = []

    def tracer(frame, event, arg):  # lines of the module, in any of its functions
        if frame.f_code.co_filename == depth.__code__.co_filename:
            if event == "line":
                lines.append(frame.f_lineno)
            return tracer
        return None

    before = sys.gettrace()  # a coverage run's tracer, if any
    sys.settrace(tracer)
    try:
        depth(schema)
    finally:
        sys.settrace(before)
    assert len(schema) > 20_000 and len(lines) < 20, len(lines)


def test_memory_stays_flat_on_a_string_of_escapes():
    # A hostile schema of a small file (zipped, a string of 10**6 escaped quotes
    # packs into a few kilobytes): a backtracking point kept per escape took
    # about 120 bytes each.
    text = '{"a": "' + '\\"' * 10**6 + '"}'
    with tracing() as traced:
        assert depth(text) == 1
    assert traced.peak < 4 * len(text), traced.peak
