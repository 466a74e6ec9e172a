"""The size limits of docs/architecture.rst: at most 450 code lines a module, at
most 50 a function (methods and nested functions included).

A code line is a line that is neither blank, nor a comment, nor part of a
docstring. A docstring here is a string statement that opens any body (a
module's, a class's, a function's, and also an ``if``'s or a ``for``'s), and a
function's lines run from its ``def`` to its last line, its decorators left out.
"""

import ast
import itertools
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "sknextchar"
MAX_MODULE_LINES = 450
MAX_FUNCTION_LINES = 50


def _docstring_lines(nodes):
    """The line numbers of the string statements that open a body of ``nodes``."""
    found = set()
    for node in nodes:
        body = getattr(node, "body", None)
        if not isinstance(body, list) or not body:
            continue
        first = body[0]
        if (
            isinstance(first, ast.Expr)
            and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)
        ):
            found.update(range(first.lineno, first.end_lineno + 1))
    return found


def code_line_sizes(text):
    """The code lines of the module source ``text`` and of each function in it, as
    ``(module_lines, [(line, name, function_lines), ...])``."""
    lines, nodes = text.splitlines(), list(ast.walk(ast.parse(text)))
    docstrings = _docstring_lines(nodes)
    code = {
        number
        for number, line in enumerate(lines, start=1)
        if number not in docstrings
        and line.strip()
        and not line.lstrip().startswith("#")
    }
    upto = list(itertools.accumulate(n in code for n in range(len(lines) + 1)))
    functions = [
        (node.lineno, node.name, upto[node.end_lineno] - upto[node.lineno - 1])
        for node in nodes
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    ]
    return len(code), sorted(functions)


def oversized(package=PACKAGE):
    """What breaks a size limit in ``package``, one line each, naming the module
    (and function), its code lines and the limit."""
    found = []
    for path in sorted(package.rglob("*.py")):
        where = path.relative_to(package.parent).as_posix()
        module_lines, functions = code_line_sizes(path.read_text(encoding="utf-8"))
        if module_lines > MAX_MODULE_LINES:
            found.append(
                f"{where}: {module_lines} code lines, over the limit of "
                f"{MAX_MODULE_LINES} a module"
            )
        found.extend(
            f"{where}:{line} {name}: {size} code lines, over the limit of "
            f"{MAX_FUNCTION_LINES} a function"
            for line, name, size in functions
            if size > MAX_FUNCTION_LINES
        )
    return found


def test_no_module_or_function_is_over_its_size_limit():
    assert (PACKAGE / "__init__.py").is_file()  # the package is where it is read
    too_large = oversized()
    assert not too_large, "split these (docs/architecture.rst):\n" + "\n".join(
        too_large
    )


def test_code_lines_leave_out_blanks_comments_and_docstrings():
    text = (
        '"""A module.\n'
        "\n"
        'Its docstring."""\n'
        "import os  # 4: code\n"
        "\n"
        "\n"
        "@staticmethod\n"
        "def f(x):  # 8\n"
        '    """Two lines\n'
        '    of docstring."""\n'
        "    # a comment\n"
        "    if x:  # 12\n"
        '        "a string that opens a body is left out too"\n'
        "        return '''a string\n"
        "\n"
        "that is no docstring'''  # 14, 16\n"
        "\n"
        "    def g():  # 18\n"
        "        return x  # 19\n"
        "\n"
        "    return g  # 21\n"
        "class A:  # 22\n"
        "    async def m(self): return 1  # 23\n"
    )
    module_lines, functions = code_line_sizes(text)
    assert module_lines == 11  # the decorator is the module's
    assert functions == [(8, "f", 7), (18, "g", 2), (23, "m", 1)]


def test_a_function_over_the_limit_is_named_with_its_size(tmp_path):
    package = tmp_path / "sknextchar"
    (package / "nn").mkdir(parents=True)

    def lines(count, indent):
        return "".join(f"{indent}x{i} = {i}\n" for i in range(count))

    (package / "nn" / "big.py").write_text(
        f"def fits():\n{lines(49, ' ' * 4)}\n\n"  # 50 code lines: at the limit
        f"class A:\n    def method(self):\n{lines(51, ' ' * 8)}"
    )
    assert oversized(package) == [
        "sknextchar/nn/big.py:54 method: 52 code lines, over the limit of 50 a function"
    ]


def test_a_module_over_the_limit_is_named_with_its_size(tmp_path):
    package = tmp_path / "sknextchar"
    package.mkdir()
    (package / "long.py").write_text("".join(f"x{i} = {i}\n" for i in range(451)))
    (package / "short.py").write_text("# a comment\n" * 500)
    assert oversized(package) == [
        "sknextchar/long.py: 451 code lines, over the limit of 450 a module"
    ]
