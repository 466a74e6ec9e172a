"""What a newcomer reads in the API reference is about the object itself.

The API page documents the public constants of the package with ``autodata``,
which reads a ``#:`` comment beside the assignment in the module that exports
them; without one, Sphinx shows the docstring of ``str`` or ``dict`` instead.

A newcomer also pastes the pages' code blocks in order: a block the build does
not run must get the names the page started with, and a package that a plain
``pip install .`` does not bring must be named, with how to install it, before a
block imports it.
"""

import ast
import importlib
import inspect
import re
import sys
import textwrap
import tomllib
from pathlib import Path

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


DOCS = Path(__file__).resolve().parents[2] / "docs"
_BLOCK = re.compile(
    r"^\.\. (runblock|code-block)::[ \t]*(\S*)\n((?:[ \t]*\n|[ \t]+\S.*\n)*)", re.M
)


def _python_blocks(page):
    """(static, line, statements) of each Python block of ``page``, in order."""
    text = page.read_text(encoding="utf-8")
    for match in _BLOCK.finditer(text):
        kind, language, body = match.groups()
        if kind == "code-block" and language != "python":
            continue
        lines = textwrap.dedent(body).splitlines()
        code = "\n".join(line for line in lines if not re.match(r":\w+:", line))
        line = text.count("\n", 0, match.start()) + 1
        yield kind == "code-block", line, ast.parse(code).body


def _binds_names(statement):
    """The value bound to ``names`` by ``statement``, or None if it binds none."""
    if not isinstance(statement, ast.Assign):
        return None
    for target in statement.targets:
        for node in ast.walk(target):
            if isinstance(node, ast.Name) and node.id == "names":
                return statement.value
    return None


def _reads_names(statement):
    return any(
        isinstance(node, ast.Name)
        and node.id == "names"
        and isinstance(node.ctx, ast.Load)
        for node in ast.walk(statement)
    )


def _stale_names_uses():
    """Static blocks that, pasted after the page's earlier blocks, get other names.

    A block the build does not run (``code-block``) is written for the names the
    page started with; a ``runblock`` may rebind ``names`` to a subset to keep the
    build fast. A reader who pastes the blocks in order then runs the static one
    on that subset, and its comments (counts, "close to even") no longer hold.
    """
    found = []
    for page in sorted(DOCS.glob("*.rst")):
        first = bound = None
        for static, line, statements in _python_blocks(page):
            for statement in statements:
                if static and _reads_names(statement) and bound != first:
                    found.append(f"{page.name}:{line} reads names = {bound}")
                    break
                value = _binds_names(statement)
                if value is not None:
                    bound = ast.unparse(value)
                    first = first or bound
    return found


def test_static_blocks_get_the_pages_names_when_pasted_in_order():
    assert _stale_names_uses() == []


def _installed_with_the_package():
    """Top-level modules a plain ``pip install .`` brings, and the extras' packages."""
    project = tomllib.loads((DOCS.parent / "pyproject.toml").read_text())["project"]

    def module(requirement):
        name = re.match(r"[A-Za-z0-9_.-]+", requirement).group().lower()
        return {"scikit-learn": "sklearn"}.get(name, name.replace("-", "_"))

    required = {module(r) for r in project["dependencies"]} | {"sknextchar"}
    extras = {
        extra: {module(r) for r in requirements}
        for extra, requirements in project["optional-dependencies"].items()
    }
    return required | set(sys.stdlib_module_names), extras


def _imported_modules(statements):
    """The top-level modules that ``statements`` import."""
    modules = set()
    for node in (n for statement in statements for n in ast.walk(statement)):
        if isinstance(node, ast.Import):
            modules |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            modules.add(node.module.split(".")[0])
    return modules


def _unexplained_imports():
    """Imports of the docs' blocks that need a package nobody said to install."""
    installed, extras = _installed_with_the_package()
    found = []
    for page in sorted(DOCS.glob("*.rst")):
        lines = page.read_text(encoding="utf-8").splitlines()
        for _, line, statements in _python_blocks(page):
            before = "\n".join(lines[:line])
            for top in sorted(_imported_modules(statements) - installed):
                said = [f"pip install {top}"]
                said += [f".[{e}]" for e, mods in extras.items() if top in mods]
                if not any(phrase in before for phrase in said):
                    found.append(f"{page.name}:{line} imports {top}")
    return found


def test_docs_say_how_to_install_what_their_blocks_import():
    assert _unexplained_imports() == []


def _small_pipelines_and_names(monkeypatch):
    """Make the page's pipelines one-epoch toys and its names every tenth pair."""
    import sknextchar
    import sknextchar.datasets

    def small(make):
        def make_small(**params):
            return make(**params).set_params(
                clf__embedding_dim=2, clf__hidden_layer_sizes=(8,), clf__max_iter=1
            )

        return make_small

    load = sknextchar.datasets.load_indian_names

    def load_some(**params):
        loaded = load(**params)
        if isinstance(loaded, tuple):
            return tuple(part[::10] for part in loaded)
        return loaded[::10]

    for name in ("make_default_pipeline", "make_tuned_pipeline"):
        monkeypatch.setattr(sknextchar, name, small(getattr(sknextchar, name)))
    monkeypatch.setattr(sknextchar.datasets, "load_indian_names", load_some)


@pytest.mark.slow
def test_names_by_label_code_blocks_run_on_small_models(monkeypatch, tmp_path):
    """The page's code-blocks (fits of minutes on every name) are shown, not run by
    the build: run the whole page here, in order, on small models and names, so
    that a renamed parameter, method or attribute in them fails."""
    page = DOCS / "names_by_label.rst"
    if not page.exists():
        pytest.skip("docs/ is not in this tree")
    _small_pipelines_and_names(monkeypatch)
    monkeypatch.chdir(tmp_path)
    namespace, static = {}, 0
    for is_static, line, statements in _python_blocks(page):
        static += is_static
        for statement in statements:
            code = compile(ast.Module([statement], []), f"{page.name}:{line}", "exec")
            exec(code, namespace)  # an error names the block's line
    assert static >= 2  # the tuned ensembles; the others are runblocks
