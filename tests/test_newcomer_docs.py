"""What a newcomer reads in the API reference is about the object itself.

The API page documents the public constants of the package with ``autodata``,
which reads a ``#:`` comment beside the assignment in the module that exports
them; without one, Sphinx shows the docstring of ``str`` or ``dict`` instead.
"""

import ast
import importlib
import inspect

import pytest

PUBLIC_MODULES = (
    "sknextchar",
    "sknextchar.callbacks",
    "sknextchar.datasets",
    "sknextchar.metrics",
    "sknextchar.plotting",
)


def _public_constants():
    found = []
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if name.startswith("__") or inspect.isclass(obj) or callable(obj):
                continue
            found.append((module_name, name))
    return found


@pytest.mark.parametrize("module_name, name", _public_constants())
def test_public_constant_has_its_own_doc_comment(module_name, name):
    source = inspect.getsource(importlib.import_module(module_name))
    lines = source.splitlines()
    doc = ""
    for node in ast.parse(source).body:  # the module's own top-level assignments
        targets = node.targets if isinstance(node, ast.Assign) else []
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            above = lines[: node.lineno - 1]
            while above and above[-1].startswith("#:"):
                doc = above.pop()[2:] + doc
    assert doc.strip(), (
        f"{module_name}.{name} has no '#:' comment where {module_name} assigns it: "
        "the API page would show the docstring of its type"
    )
