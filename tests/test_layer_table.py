"""The layer table of docs/architecture.rst is the one the code has.

Each module's layer is the longest chain of package imports below it (imports
inside functions included); the table lists every module but the command line's
at its layer, so that the table cannot drift from the code unnoticed.
"""

import ast
import functools
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "sknextchar"


def _modules():
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


@functools.cache
def import_statements(text):
    """The ``import`` and ``from ... import`` statements of the module source
    ``text``, anywhere in it (inside functions too), in ``ast.walk`` order.

    Cached by the text: the tests of this file read every module of the package,
    and parsing and walking each whole tree once per test was most of their time.
    """
    return tuple(
        node
        for node in ast.walk(ast.parse(text))
        if isinstance(node, (ast.Import, ast.ImportFrom))
    )


def _imports(name, path, modules):
    """The package modules that module ``name`` imports (relative imports, and
    ``import sknextchar.x``)."""
    base = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in import_statements(path.read_text(encoding="utf-8")):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names} & set(modules)
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            parent = base[: len(base) - node.level + 1]
            target = ".".join([*parent, *([node.module] if node.module else [])])
        elif (node.module or "").startswith("sknextchar"):
            target = node.module
        else:
            continue
        submodules = {f"{target}.{a.name}" for a in node.names} & set(modules)
        found |= submodules or ({target} & set(modules))  # a submodule, or a module
    return found - {name, "sknextchar"}


def measured_layers(skip=("sknextchar.cli",)):
    """The layer of each module outside ``skip`` (whose modules import one
    another); an import cycle among them fails."""
    modules = {
        name: path for name, path in _modules().items() if not name.startswith(skip)
    }
    imports = {name: _imports(name, path, modules) for name, path in modules.items()}

    @functools.cache
    def layer(name, chain=()):
        assert name not in chain, f"an import cycle: {[*chain, name]}"
        below = (layer(d, (*chain, name)) for d in imports[name])
        return 1 + max(below, default=0)

    return {name: layer(name) for name in modules}


def documented_layers():
    text = (ROOT / "docs" / "architecture.rst").read_text(encoding="utf-8")
    block = text.split(".. code-block:: text", 1)[1].split("\n\n", 2)[1]
    layers, current = {}, None
    for line in block.splitlines():
        number = re.match(r"\s*(\d+)\s", line)
        current = int(number[1]) if number else current
        names = line[6:34] if len(line) > 6 else ""
        for name in re.findall(r"[\w/]+", names):
            layers["sknextchar." + name.strip("/").replace("/", ".")] = current
    return layers


def test_the_layer_table_is_the_measured_one():
    measured = measured_layers()
    documented = documented_layers()
    core = {
        name: layer
        for name, layer in measured.items()
        if name not in ("sknextchar", "sknextchar.__main__", "sknextchar.nn")
    }
    missing = sorted(set(core) - set(documented))
    assert not missing, f"modules missing from the table: {missing}"
    wrong = {
        name: (documented[name], layer)
        for name, layer in core.items()
        if documented[name] != layer
    }
    assert not wrong, f"(documented, measured) layers differ: {wrong}"
    below_cli = max(core.values())
    assert documented["sknextchar.cli"] > below_cli


def test_the_sample_report_is_imported_only_by_its_public_faces():
    # The sampler reads a label's lengths from _label_lengths, below both.
    modules = _modules()
    importers = sorted(
        name
        for name, path in modules.items()
        if "sknextchar._sample_report" in _imports(name, path, modules)
    )
    assert importers == [
        "sknextchar.cli._commands",
        "sknextchar.cli._report_hints",
        "sknextchar.metrics",
    ]


def test_the_package_imports_its_own_modules_by_relative_imports():
    absolute = []
    for name, path in sorted(_modules().items()):
        for node in import_statements(path.read_text(encoding="utf-8")):
            if isinstance(node, ast.Import):
                heads = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                heads = [(node.module or "").split(".")[0]]
            else:
                continue
            if "sknextchar" in heads:
                absolute.append(f"{name}:{node.lineno}")
    assert absolute == []


# The only ways an import reaches the package root or the command line (a
# module that has none of them is not parsed; a doctest's ">>> from" is no
# import of the module).
_MAY_REACH_UP = re.compile(
    r"^[ \t]*(?:from\s+(?:\.+\s*(?:import|cli)\b|sknextchar\b)|import\s+sknextchar\b)",
    re.MULTILINE,
)


def upward_imports(package=PACKAGE):
    """The imports of the package root's names or of the command line by a module
    below the command line, anywhere in it (inside functions too), as
    ``"module:line target"``.

    The measured layers cannot see them: the command line's modules are left
    out of the measure, and a name of the package root is no module.
    """
    modules = {
        ".".join(path.relative_to(package.parent).with_suffix("").parts): path
        for path in package.rglob("*.py")
    }
    root, found = package.name, []
    for name, path in sorted(modules.items()):
        parts = name.split(".")
        if parts[-1] in ("__init__", "__main__") and len(parts) == 2:
            continue  # the package root and ``python -m``: above everything
        if parts[1] == "cli":
            continue  # the top layer
        base, text = parts[:-1], path.read_text(encoding="utf-8")
        if not _MAY_REACH_UP.search(text):
            continue
        for node in import_statements(text):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level:
                module = base[: len(base) - node.level + 1]
                module = ".".join([*module, *([node.module] if node.module else [])])
                targets = [f"{module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                targets = [f"{node.module}.{a.name}" for a in node.names]
            else:
                continue
            for target in targets:
                head, _, rest = target.partition(".")
                below = f"{root}.{rest.split('.')[0]}"
                if head != root:
                    continue
                if (
                    not rest
                    or rest.startswith("cli")
                    or (f"{below}.__init__" not in modules and below not in modules)
                ):
                    found.append(f"{name}:{node.lineno} {target}")
    return found


def test_no_module_below_the_command_line_imports_it_or_the_root():
    assert upward_imports() == []


def test_upward_imports_are_found_inside_functions(tmp_path):
    package = tmp_path / "sknextchar"
    (package / "cli").mkdir(parents=True)
    (package / "datasets").mkdir()
    for path in ("__init__.py", "cli/__init__.py", "cli/_errors.py", "_text.py"):
        (package / path).write_text("")
    (package / "datasets" / "__init__.py").write_text("")
    (package / "datasets" / "_base.py").write_text(
        "from .._text import counted\n"
        "def load():\n"
        "    from ..cli._errors import message\n"
        "    from .. import NameSampler\n"
    )
    (package / "_sampler.py").write_text("def f():\n    import sknextchar.cli\n")
    assert upward_imports(package) == [
        "sknextchar._sampler:2 sknextchar.cli",
        "sknextchar.datasets._base:3 sknextchar.cli._errors.message",
        "sknextchar.datasets._base:4 sknextchar.NameSampler",
    ]
