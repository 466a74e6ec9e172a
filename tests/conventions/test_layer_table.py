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


def table_name(module):
    """``module`` as the layer table and "What each module owns" spell it:
    ``sknextchar.datasets._base`` is ``datasets/_base``."""
    return module.removeprefix("sknextchar.").replace(".", "/")


def layer_table_problems(measured, documented):
    """What to change in the layer table so that it is ``measured``, one
    message a module: the row to paste for a module missing from it (at its
    measured layer), the layer to move a row to."""
    problems = []
    for module in sorted(set(measured) - set(documented)):
        layer = measured[module]
        number = "" if layer in documented.values() else layer  # a new layer
        row = f"{number:>4}  {table_name(module):<28}<what it owns>"
        where = "among the rows of" if not number else "as a new"
        problems.append(
            f"{module} is missing from the layer table of docs/architecture.rst:"
            f" its measured layer is {layer}; paste this row {where} layer "
            f"{layer}:\n{row}"
        )
    problems.extend(
        f"move the row of {table_name(module)} from layer {documented[module]} "
        f"to layer {measured[module]} (its measured layer: the longest chain of "
        "its imports changed)"
        for module in sorted(set(measured) & set(documented))
        if documented[module] != measured[module]
    )
    return problems


def test_a_module_missing_from_the_table_is_given_its_row():
    documented = {"sknextchar._text": 1, "sknextchar.datasets._base": 2}
    measured = {**documented, "sknextchar.datasets._json_lines": 2}
    assert layer_table_problems(measured, documented) == [
        "sknextchar.datasets._json_lines is missing from the layer table of "
        "docs/architecture.rst: its measured layer is 2; paste this row among "
        "the rows of layer 2:\n      datasets/_json_lines        <what it owns>"
    ]
    # a layer of its own: the row gives its number
    measured["sknextchar.datasets._json_lines"] = 3
    assert layer_table_problems(measured, documented)[0].endswith(
        "paste this row as a new layer 3:\n   3  datasets/_json_lines        <what "
        "it owns>"
    )


def test_rows_whose_layer_changed_are_named_with_their_move():
    documented = {"sknextchar._text": 1, "sknextchar.datasets._base": 2}
    measured = {"sknextchar._text": 1, "sknextchar.datasets._base": 3}
    assert layer_table_problems(measured, documented) == [
        "move the row of datasets/_base from layer 2 to layer 3 (its measured "
        "layer: the longest chain of its imports changed)"
    ]
    assert layer_table_problems(documented, documented) == []


def test_the_layer_table_is_the_measured_one():
    measured = measured_layers()
    documented = documented_layers()
    core = {
        name: layer
        for name, layer in measured.items()
        if name not in ("sknextchar", "sknextchar.__main__", "sknextchar.nn")
    }
    problems = layer_table_problems(core, documented)
    assert not problems, "\n".join(problems)
    below_cli = max(core.values())
    assert documented["sknextchar.cli"] > below_cli


def owned_modules(text):
    """The modules that the section "What each module owns" of the page ``text``
    names (in double backquotes; a ``_name`` in the entry of ``datasets/`` or
    ``cli/`` is a module of that package, or of the package root when only the
    root has a module of that name: the entry of ``datasets/`` cites the root's
    ``_name_headers``)."""
    modules = set(_modules())
    parts = re.split(r"\n([^\n]+)\n=+\n", text)  # [.., title, its text, ..]
    section = parts[parts.index("What each module owns") + 1]
    named = set()
    for entry in re.split(r"\n(?=``)", section):
        package = re.match(r"``(datasets|cli)/``", entry.lstrip("\n"))
        for name in re.findall(r"``([\w/.]+)``", entry):
            name = name.removesuffix(".py").strip("/").replace("/", ".")
            module = f"sknextchar.{name}"
            if package and name.startswith("_"):
                inside = f"sknextchar.{package[1]}.{name}"
                root_only = inside not in modules and module in modules
                module = module if root_only else inside
            named.add(module)
    return named


def where_to_own(module):
    """Where "What each module owns" of docs/architecture.rst should name
    ``module``, which it does not."""
    parts = module.split(".")[1:]
    page = "docs/architecture.rst, section 'What each module owns'"
    if parts[0] in ("datasets", "cli") and len(parts) == 2:
        return (
            f"{module}: name ``{parts[1]}`` (what it owns) in the entry of "
            f"``{parts[0]}/`` in {page}"
        )
    spelled = table_name(module) + (".py" if parts[0] == "nn" else "")
    return (
        f"{module}: add an entry ``{spelled}`` (what it owns) to {page}, beside "
        "the modules it works with"
    )


def modules_not_owned(text):
    """The package's modules (but its root and ``nn``'s ``__init__``) that the
    section "What each module owns" of ``text`` does not name."""
    named = owned_modules(text)
    return sorted(set(_modules()) - named - {"sknextchar", "sknextchar.nn"})


def test_what_each_module_owns_names_every_module():
    text = (ROOT / "docs" / "architecture.rst").read_text(encoding="utf-8")
    missing = modules_not_owned(text)
    assert not missing, "\n".join(map(where_to_own, missing))
    entry = "``_number_runs``\n   ``runs_and_more``: line (or column) numbers"
    assert entry in text
    assert modules_not_owned(text.replace(entry, "``_other``\n   the numbers")) == [
        "sknextchar._number_runs"
    ]
    # a module of datasets/ counts only when its entry names it
    assert "   ``_opened_bytes`` (" in text
    no_pipes = text.replace("   ``_opened_bytes`` (", "   pipes (")
    assert modules_not_owned(no_pipes) == ["sknextchar.datasets._opened_bytes"]


def test_a_root_module_cited_in_the_entry_of_datasets_is_the_roots():
    text = (ROOT / "docs" / "architecture.rst").read_text(encoding="utf-8")
    datasets_entry = text.split("\n``datasets/``", 1)[1].split("\n``cli/``", 1)[0]
    assert "``_name_headers``" in datasets_entry  # the root's module, cited there
    owned = owned_modules(text)
    assert "sknextchar._name_headers" in owned
    assert "sknextchar.datasets._name_headers" not in owned


def test_a_module_not_owned_is_told_where_to_go():
    assert where_to_own("sknextchar.datasets._json_lines") == (
        "sknextchar.datasets._json_lines: name ``_json_lines`` (what it owns) in "
        "the entry of ``datasets/`` in docs/architecture.rst, section 'What each "
        "module owns'"
    )
    assert where_to_own("sknextchar.nn.norms").startswith(
        "sknextchar.nn.norms: add an entry ``nn/norms.py`` (what it owns) to "
    )
    assert "add an entry ``_json_lines``" in where_to_own("sknextchar._json_lines")


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
