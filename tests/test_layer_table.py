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


def _imports(name, path, modules):
    """The package modules that module ``name`` imports (relative imports)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    base = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(tree):
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
