"""The layer table of docs/architecture.rst is the one the code has.

Each module's layer is the longest chain of package imports below it (imports
inside functions included); the table lists every module but the command line's
at its layer, so that the table cannot drift from the code unnoticed; and the
section "What each module owns" names every module.
"""

import ast
import functools
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
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


def documented_layers(text=None):
    """The layer of each module in the layer table of ``text`` (the page's).

    A row is a layer (given on its first row only), one module and its concern;
    the lines below a row with neither layer nor module continue its concern.
    """
    if text is None:
        text = (ROOT / "docs" / "architecture.rst").read_text(encoding="utf-8")
    block = text.split(".. code-block:: text", 1)[1].split("\n\n", 2)[1]
    layers, current = {}, None
    for line in block.splitlines():
        number, name, concern = line[:4].strip(), line[6:34].strip(), line[34:]
        assert line[4:6] == "  " and (name or not number), f"not a row: {line!r}"
        assert concern.strip() and line[33] == " ", f"a row without concern: {line!r}"
        current = int(number) if number else current
        if name:
            assert re.fullmatch(r"[\w/]+", name), f"one module a row: {line!r}"
            module = "sknextchar." + name.strip("/").replace("/", ".")
            assert module not in layers, f"a module in two rows: {line!r}"
            layers[module] = current
    return layers


def test_the_layer_table_is_read_a_row_a_module():
    text = (
        ".. code-block:: text\n\n"
        "   2  _vocabulary                 symbols and ids\n"
        "      nn/functional               the network's math, wrapped onto\n"
        "                                  a second line\n"
        "   1  datasets/_codecs            the codec\n\n"
        "After the table.\n"
    )
    assert documented_layers(text) == {
        "sknextchar._vocabulary": 2,
        "sknextchar.nn.functional": 2,
        "sknextchar.datasets._codecs": 1,
    }
    with pytest.raises(AssertionError, match="one module a row"):
        documented_layers(text.replace("nn/functional", "_ngram, _adam"))
    with pytest.raises(AssertionError, match="without concern"):
        documented_layers(text.replace(" the codec", ""))


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


def owned_modules(text):
    """The modules that the section "What each module owns" of the page ``text``
    names (in double backquotes; a ``_name`` in the entry of ``datasets/`` or
    ``cli/`` is a module of that package)."""
    parts = re.split(r"\n([^\n]+)\n=+\n", text)  # [.., title, its text, ..]
    section = parts[parts.index("What each module owns") + 1]
    named = set()
    for entry in re.split(r"\n(?=``)", section):
        package = re.match(r"``(datasets|cli)/``", entry.lstrip("\n"))
        for name in re.findall(r"``([\w/.]+)``", entry):
            name = name.removesuffix(".py").strip("/")
            if package and name.startswith("_"):
                name = f"{package[1]}/{name}"
            named.add("sknextchar." + name.replace("/", "."))
    return named


def modules_not_owned(text):
    """The package's modules (but its root and ``nn``'s ``__init__``) that the
    section "What each module owns" of ``text`` does not name."""
    named = owned_modules(text)
    return sorted(set(_modules()) - named - {"sknextchar", "sknextchar.nn"})


def test_what_each_module_owns_names_every_module():
    text = (ROOT / "docs" / "architecture.rst").read_text(encoding="utf-8")
    assert modules_not_owned(text) == []
    entry = "``_number_runs``\n   ``runs_and_more``: line (or column) numbers"
    assert entry in text
    assert modules_not_owned(text.replace(entry, "``_other``\n   the numbers")) == [
        "sknextchar._number_runs"
    ]
    # a module of datasets/ counts only when its entry names it
    assert "   ``_opened_bytes`` (" in text
    no_pipes = text.replace("   ``_opened_bytes`` (", "   pipes (")
    assert modules_not_owned(no_pipes) == ["sknextchar.datasets._opened_bytes"]


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
