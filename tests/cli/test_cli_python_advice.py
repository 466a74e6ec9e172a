"""Every entry of the command line's table of Python advice still matches.

``sknextchar.cli._errors`` rewrites some advice of the estimators' messages
(``save_model(model, path)``, ``early_stopping=False``) into the command
line's own words by finding the Python text in the message. A message whose
wording changed would silently keep its Python advice on the command line:
here each entry's Python text must occur in a message the package can give.
The messages are read from the package's source (its string literals, not
its docstrings; an f-string's values and the operands of ``+`` being any text,
a ``!r`` value a quoted one, a conditional either branch), and those the
package builds from parts at run time are made by calling it.
"""

import ast
import itertools
from pathlib import Path

import numpy as np
import pytest

from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
from sknextchar._quoted_advice import (
    QUOTES_REMOVED,
    QUOTES_REMOVED_IN_CHUNKS,
    QUOTES_REMOVED_TO_SCORE,
    header_quotes_removed,
)
from sknextchar._sample_request import warn_lowered_prefix
from sknextchar._step_words import spelled_in_pipeline
from sknextchar._unknown_label import unknown_label_error
from sknextchar.cli._errors import _PYTHON_ADVICE

PACKAGE = Path(__file__).resolve().parents[2] / "sknextchar"
ANY = "\x00"  # what a value of an f-string or an operand of + may be


def _texts(node):
    """The texts an expression can give, as the source tells them."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        parts = [_texts(value) for value in node.values]
        return ["".join(p) for p in itertools.islice(itertools.product(*parts), 8)]
    if isinstance(node, ast.FormattedValue):
        return [f"'{ANY}'", f'"{ANY}"'] if node.conversion == ord("r") else [ANY]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        pairs = itertools.product(_texts(node.left), _texts(node.right))
        return ["".join(p) for p in itertools.islice(pairs, 8)]
    if isinstance(node, ast.IfExp):
        return _texts(node.body) + _texts(node.orelse)
    return [ANY]


def _source_texts():
    """``{module: texts}`` of the modules below the command line (its own
    messages are in its words already: a Python phrase there is no message
    that the table respells)."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        module = path.relative_to(PACKAGE).as_posix()
        if module.startswith("cli/"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # Docstrings (and their examples' output) are no messages.
        docs = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)}
        texts = found.setdefault(module, [])
        for node in ast.walk(tree):
            if isinstance(node, (ast.Constant, ast.JoinedStr, ast.BinOp)):
                if id(node) not in docs:
                    texts += [text for text in _texts(node) if text.strip(ANY)]
    return found


# The modules whose messages say an entry's Python text (its start here), for
# the entries that more than one module says: a message reworded in one of
# them fails here, though another module's message still matches the entry.
# (A new module that says it may be added.)
WHERE = {
    "or train the model again with ": ["_saved_versions.py", "_symbol_notes.py"],
    "or early_stopping=False": ["_architecture.py", "_holdout.py"],
    "This NameSampler keeps case": ["_training_record.py", "_sample_report.py"],
    "give a shorter prefix (prefix=...)": [
        "_beam.py",
        "_generation.py",
        "_shortfall.py",
    ],
    "leave strip_accents=None (the default), which keeps every character": [
        "_accent_folding.py",
        "_empty_names.py",
    ],
}


def _built_texts():
    """Messages built from parts at run time: the advice on unknown capitals
    ("or with lowercase=True ...", and "pass lowercase=True ..." for a
    numbered list), joined from a list of hints; an unknown
    label, quoted as the function chosen at run time quotes it."""
    windows = ContextWindowTransformer(lowercase=False).fit(["asha", "ravi"])
    built = []
    for names in (["Asha"], ["Zoë"]):
        with pytest.raises(ValueError) as caught:
            windows.transform(names)
        built.append(str(caught.value))
    # A numbered list at fit time: "pass lowercase=True ..." with no alphabet.
    with pytest.raises(ValueError) as caught:
        ContextWindowTransformer(lowercase=False).fit(["1. Asha", "2. Ravi"])
    built.append(str(caught.value))
    # An unknown label, shown by repr (or ascii): 'f', or "o'brien".
    built += [str(unknown_label_error(label, ["F", "M"])) for label in ("x", "o'x")]
    # Quoted names below a header "name" of their one column, in each reader's
    # words; and the advice to score, joined from its parts (an f-string).
    hows = (QUOTES_REMOVED, QUOTES_REMOVED_IN_CHUNKS, QUOTES_REMOVED_TO_SCORE)
    built += [header_quotes_removed("name", how) for how in hows]
    # The capitals of a prefix, its argument named at run time ("the prefix"
    # in Python, the default of named=).
    lowered = ContextWindowTransformer().fit(["jane"])
    with pytest.warns(UserWarning) as told:
        warn_lowered_prefix(lowered, "Ja", np.array([10, 1]))  # "ja"
    built.append(str(told[0].message))
    return [*built, QUOTES_REMOVED_TO_SCORE]


def _messages():
    texts = [*itertools.chain(*_source_texts().values()), *_built_texts()]
    # train_from_file's pipeline spells its transformer's parameters so, and
    # train's pipeline its MLP's (the warning of the first epoch kept).
    spelled = []
    for step, name in ((ContextWindowTransformer(), "windows"),
                       (CharEmbeddingMLPClassifier(), "clf")):  # fmt: skip
        named = tuple(f"{param}=" for param in step.get_params())
        spelled += [
            spelled_in_pipeline(text, step, name)
            for text in texts
            if any(param in text for param in named)
        ]
    return texts + spelled


@pytest.mark.slow  # reads the whole package's source: about 1 s
def test_each_entry_matches_a_message_of_the_package():
    messages = _messages()
    stale = [
        python
        for python, _ in _PYTHON_ADVICE
        if not any(python in text for text in messages)
    ]
    assert not stale, (
        f"no message of the package says {stale}: the command line no longer "
        "respells it. Update the entry of cli/_errors.py's _PYTHON_ADVICE to the "
        "message's new words (or remove it)."
    )


@pytest.mark.slow  # reads the whole package's source: about 1 s
def test_each_module_still_says_the_entries_it_said():
    texts = _source_texts()
    entries = [python for python, _ in _PYTHON_ADVICE]
    full = {start: [e for e in entries if e.startswith(start)] for start in WHERE}
    assert all(len(found) == 1 for found in full.values()), full
    lost = [
        f"{module} no longer says {full[start][0]!r}"
        for start, modules in WHERE.items()
        for module in modules
        if not any(full[start][0] in text for text in texts[module])
    ]
    assert not lost, (
        f"{lost}: the command line no longer respells that message. Update the "
        "entry of cli/_errors.py's _PYTHON_ADVICE to its new words (or take the "
        "module out of WHERE here if the message is gone)."
    )
