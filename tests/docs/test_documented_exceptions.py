"""The errors and warnings that public docstrings name are public classes.

``load_names``' docstring said it raised "a ``PipeError`` (a ValueError)", a
class of the private module ``sknextchar.datasets._opened_bytes``, which no user can
import by a public name nor find in the API docs. Every class a public
docstring names is now one a user can catch by a public name: Python's own,
scikit-learn's (``sklearn.exceptions``) or sknextchar's
(``sknextchar.exceptions``); an internal subclass is documented as the public
class it is a subclass of.
"""

import builtins
import importlib
import inspect
import re

import sklearn.exceptions

import sknextchar
import sknextchar.exceptions
from tests._cases import run_cases

PUBLIC_MODULES = ["", ".datasets", ".metrics", ".plotting", ".callbacks", ".exceptions"]
CLASS_NAME = re.compile(r"\b([A-Z]\w*(?:Error|Warning|Exception))\b")
PUBLIC_CLASSES = (
    {name for name in dir(builtins) if name[0].isupper()}
    | set(sknextchar.exceptions.__all__)
    | {name for name in dir(sklearn.exceptions) if not name.startswith("_")}
)


def public_objects():
    """Each public function and class, and each public method of a class."""
    for suffix in PUBLIC_MODULES:
        module = importlib.import_module(f"sknextchar{suffix}")
        for name in module.__all__:
            value = getattr(module, name)
            yield f"sknextchar{suffix}.{name}", value
            if inspect.isclass(value):
                for attribute, member in vars(value).items():
                    if not attribute.startswith("_") and callable(member):
                        yield f"sknextchar{suffix}.{name}.{attribute}", member


def test_the_walk_reads_the_docstrings_it_checks():
    named = dict(public_objects())
    assert "sknextchar.datasets.load_names" in named
    assert "sknextchar.NameSampler.sample" in named


def test_a_public_docstring_names_only_public_classes():
    # One item for every docstring (tests/_cases.py): each takes microseconds.
    cases = [(where, (where, value)) for where, value in public_objects()]
    run_cases(cases, _names_only_public_classes, at_least=115)


def _names_only_public_classes(where, value):
    named = set(CLASS_NAME.findall(inspect.getdoc(value) or ""))
    assert named <= PUBLIC_CLASSES, (where, named - PUBLIC_CLASSES)
