"""The size limits of docs/architecture.rst: at most 450 code lines a module, at
most 50 a function (methods and nested functions included).

A code line is a line that is neither blank, nor a comment, nor part of a
docstring. A docstring here is a string statement that opens any body (a
module's, a class's, a function's, and also an ``if``'s or a ``for``'s), and a
function's lines run from its ``def`` to its last line, its decorators left out.
"""

import ast
import functools
import itertools
import re
from pathlib import Path

import pytest

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


@functools.cache
def _sizes_of(text):
    """:func:`code_line_sizes` of a module's text, once a text: the tests of
    this file read every module of the package."""
    return code_line_sizes(text)


def oversized(package=PACKAGE):
    """What breaks a size limit in ``package``, one line each, naming the module
    (and function), its code lines and the limit."""
    found = []
    for path in sorted(package.rglob("*.py")):
        where = path.relative_to(package.parent).as_posix()
        module_lines, functions = _sizes_of(path.read_text(encoding="utf-8"))
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


NEAR_LIMIT_LISTED = 0.8  # a module listed near the limit is at least this full
NEAR_LIMIT_UNLISTED = 0.9  # a module this full must be listed


def module_sizes(package=PACKAGE):
    """``{"datasets/_tables": code lines, ...}``: each module of ``package``,
    spelled as docs/architecture.rst names it."""
    sizes = {}
    for path in sorted(package.rglob("*.py")):
        name = path.relative_to(package).with_suffix("").as_posix()
        text = path.read_text(encoding="utf-8")
        sizes[name.removesuffix("/__init__")] = _sizes_of(text)[0]
    return sizes


def listed_near_limit(text):
    """The modules of the paragraph "Near the size limit" of the page ``text``
    (none without it)."""
    start = text.find("\nNear the size limit")
    if start == -1:
        return set()
    paragraph = text[start : text.index("\n\n", start + 1)]
    return set(re.findall(r"``([\w/]+)``", paragraph))


def near_limit_problems(sizes, listed):
    """What makes the list of modules near the size limit untrue, one line each."""
    problems = [
        f"{name} has {sizes[name]} code lines (over {NEAR_LIMIT_UNLISTED:.0%} of "
        f"{MAX_MODULE_LINES}): add it to the list"
        for name in sorted(sizes)
        if sizes[name] > NEAR_LIMIT_UNLISTED * MAX_MODULE_LINES and name not in listed
    ]
    problems += [
        f"{name} is listed, but has {sizes[name]} code lines (under "
        f"{NEAR_LIMIT_LISTED:.0%} of {MAX_MODULE_LINES}): take it out of the list"
        for name in sorted(listed & set(sizes))
        if sizes[name] < NEAR_LIMIT_LISTED * MAX_MODULE_LINES
    ]
    problems += [f"{name} is listed, and is no module" for name in listed - set(sizes)]
    return problems


def test_the_modules_near_the_size_limit_are_the_ones_listed():
    page = PACKAGE.parent / "docs" / "architecture.rst"
    if not page.exists():
        pytest.skip("docs/ is not in this tree")
    listed = listed_near_limit(page.read_text(encoding="utf-8"))
    assert listed, "docs/architecture.rst has no paragraph 'Near the size limit'"
    problems = near_limit_problems(module_sizes(), listed)
    assert not problems, (
        "docs/architecture.rst, 'Near the size limit' (under 'The layers'):\n"
        + "\n".join(problems)
    )


def test_a_module_near_the_limit_and_one_far_below_it_are_told():
    sizes = {"_big": 420, "_middle": 380, "_small": 100, "cli/_near": 406}
    assert near_limit_problems(sizes, {"_middle", "_small", "_gone"}) == [
        "_big has 420 code lines (over 90% of 450): add it to the list",
        "cli/_near has 406 code lines (over 90% of 450): add it to the list",
        "_small is listed, but has 100 code lines (under 80% of 450): take it out "
        "of the list",
        "_gone is listed, and is no module",
    ]
    assert near_limit_problems(sizes, {"_big", "cli/_near", "_middle"}) == []
