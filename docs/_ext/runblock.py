"""The ``runblock`` directive: Python code run during the build, shown with its output.

The user guide shows numbers that the package computes, never numbers typed by hand.
A ``runblock`` holds plain Python; at build time each top-level statement runs in a
namespace shared by the blocks of the same page (like cells of a notebook), and the
block is rendered as an interactive session: ``>>>`` before the code, then what it
printed and the ``repr`` of an expression's value, exactly as the doctest format
writes them.

- An exception fails the build, unless ``:raises: ExceptionType`` says that the last
  statement is meant to raise it; its message is then shown as Python shows it.
- A Python warning raised by the code fails the build too (it is reported as a Sphinx
  warning, and the documentation is built with ``-W``), as FutureWarning and
  DeprecationWarning are errors in the test suite. Silence an expected warning in
  the code itself, where readers see it.
- Code runs in a temporary working directory, so files it writes do not land in the
  source tree.

The ``runcommand`` directive does the same for one ``sknextchar`` command line: it
runs ``python -m sknextchar ARGS`` with the Python that builds the documentation, in
the same working directory, and shows ``$ sknextchar ARGS`` with what the command
printed (stdout, then stderr; ``:no-stderr:``: stdout alone, a report without the
progress of training). A non-zero exit status fails the build, unless
``:returncode: N`` expects it.
"""

import ast
import contextlib
import io
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
import traceback
import warnings

import numpy as np
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

_NAMESPACE_KEY = "runblock_namespace"
# NumPy's print options are global: each page starts from these.
_NUMPY_PRINT_OPTIONS = np.get_printoptions()


def _statements(source):
    """Split ``source`` into (displayed lines, code of the statement or None).

    Comment lines between statements are kept for display; blank lines are not.
    """
    tree = ast.parse(source)
    lines = source.splitlines()
    out, previous_end = [], 0
    for node in tree.body:
        start = node.lineno - 1
        if getattr(node, "decorator_list", None):
            start = min(d.lineno for d in node.decorator_list) - 1
        for line in lines[previous_end:start]:
            if line.strip():
                out.append(([line], None))  # a comment line of its own
        out.append((lines[start : node.end_lineno], node))
        previous_end = node.end_lineno
    for line in lines[previous_end:]:
        if line.strip():
            out.append(([line], None))
    return out


def _prompted(lines):
    first, *rest = lines
    return [">>> " + first] + ["... " + line for line in rest]


def _run(node, namespace, filename):
    """Run one statement; return what it printed (and the repr of an expression)."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        if isinstance(node, ast.Expr):
            code = compile(ast.Expression(node.value), filename, "eval")
            value = eval(code, namespace)  # noqa: S307 - the docs' own code
            if value is not None:
                print(repr(value))
        else:
            code = compile(ast.Module([node], type_ignores=[]), filename, "exec")
            exec(code, namespace)  # noqa: S102 - the docs' own code
    return buffer.getvalue()


class RunBlock(SphinxDirective):
    """Run the Python code of the directive's content and show it with its output."""

    has_content = True
    option_spec = {"raises": directives.unchanged_required}

    def run(self):
        namespace = self.env.temp_data.get(_NAMESPACE_KEY)
        if namespace is None:  # the first block of this page
            np.set_printoptions(**_NUMPY_PRINT_OPTIONS)
            namespace = self.env.temp_data[_NAMESPACE_KEY] = {"__name__": "__main__"}
        source = textwrap.dedent("\n".join(self.content))
        filename = f"<runblock {self.env.docname}:{self.lineno}>"
        expected = self.options.get("raises")
        shown = []
        start = time.perf_counter()
        statements = _statements(source)
        workdir = self.env.app.runblock_workdir
        here = os.getcwd()
        try:
            os.chdir(workdir)
            for i, (lines, node) in enumerate(statements):
                shown += _prompted(lines)
                if node is None:
                    continue
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    try:
                        output = _run(node, namespace, filename)
                    except Exception as exc:
                        last = all(n is None for _, n in statements[i + 1 :])
                        if expected and last and type(exc).__name__ == expected:
                            detail = "".join(traceback.format_exception_only(exc))
                            shown += ["Traceback (most recent call last):", "  ..."]
                            shown += detail.rstrip("\n").splitlines()
                            break
                        return self._fail(
                            "raised an exception:\n" + traceback.format_exc()
                        )
                for w in caught:
                    self._warn(
                        f"the code raised {w.category.__name__}: {w.message} "
                        f"({w.filename}:{w.lineno})"
                    )
                shown += output.rstrip("\n").splitlines() if output.strip() else []
            else:
                if expected:
                    return self._fail(f"was expected to raise {expected}; it did not")
        finally:
            os.chdir(here)
        logger.verbose(
            "runblock %s:%s ran in %.2f s",
            self.env.docname,
            self.lineno,
            time.perf_counter() - start,
        )
        text = "\n".join(shown)
        block = nodes.literal_block(text, text, language="pycon")
        block["classes"].append("runblock")
        self.set_source_info(block)
        return [block]

    def _warn(self, message):
        logger.warning(
            f"runblock: {message}", location=self.get_location(), type="runblock"
        )

    def _fail(self, message):
        self._warn(message)
        return [nodes.literal_block("", "The code of this block failed.")]


class RunCommand(SphinxDirective):
    """Run ``sknextchar ARGS`` and show the command with its output."""

    required_arguments = 1
    final_argument_whitespace = True
    # no-stderr: the output shown is stdout alone (a report without the
    # progress of training, as `train ... 2>/dev/null` prints it).
    option_spec = {
        "returncode": directives.nonnegative_int,
        "no-stderr": directives.flag,
    }

    def run(self):
        command = self.arguments[0]
        args = shlex.split(command)
        if not args or args[0] != "sknextchar":
            return self._fail(f"only sknextchar commands can run; got {command!r}")
        env = dict(os.environ, COLUMNS="88", PYTHONIOENCODING="utf-8")
        result = subprocess.run(
            [sys.executable, "-m", "sknextchar", *args[1:]],
            cwd=self.env.app.runblock_workdir,
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
            check=False,
        )
        expected = self.options.get("returncode", 0)
        if result.returncode != expected:
            return self._fail(
                f"{command!r} exited with {result.returncode}, expected {expected}:"
                f"\n{result.stdout}{result.stderr}"
            )
        shown = "" if "no-stderr" in self.options else result.stderr
        output = (result.stdout + shown).rstrip("\n")
        text = f"$ {command}\n{output}" if output else f"$ {command}"
        block = nodes.literal_block(text, text, language="console")
        block["classes"].append("runblock")
        self.set_source_info(block)
        return [block]

    def _fail(self, message):
        logger.warning(
            f"runcommand: {message}", location=self.get_location(), type="runblock"
        )
        return [nodes.literal_block("", "The command of this block failed.")]


def _make_workdir(app):
    app.runblock_workdir = tempfile.mkdtemp(prefix="sknextchar-docs-")


def _remove_workdir(app, exception):
    shutil.rmtree(getattr(app, "runblock_workdir", ""), ignore_errors=True)


def setup(app):
    app.add_directive("runblock", RunBlock)
    app.add_directive("runcommand", RunCommand)
    app.connect("builder-inited", _make_workdir)
    app.connect("build-finished", _remove_workdir)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
