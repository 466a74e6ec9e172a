"""What a newcomer reading the docs ran into (session 60's docs reading).

README's contributor lines ran ``ruff`` without installing it, cited a path of the
development machine, the benchmarks page an internal issue number, and
``sknextchar --help`` left the main job's one-line report out.
"""

import re
from pathlib import Path

import pytest

from sknextchar.cli import main

ROOT = Path(__file__).resolve().parents[2]


def _text(path):
    if not path.exists():
        pytest.skip(f"{path.name} is not in this tree")
    return path.read_text("utf-8")


def test_the_readme_installs_ruff_before_running_it():
    readme = _text(ROOT / "README.md")
    assert "ruff check" in readme
    extras = re.search(r'pip install -e "\.\[([\w,]+)\]"', readme).group(1)
    assert "lint" in extras.split(",")


def test_the_readme_names_no_path_outside_a_clone():
    readme = _text(ROOT / "README.md")
    assert "../" not in readme
    assert "--names-en PATH" in readme


def test_no_page_cites_an_internal_issue_number():
    docs = ROOT / "docs"
    pages = [*docs.glob("*.rst"), *docs.glob("*.md"), ROOT / "README.md"]
    cited = [p.name for p in pages if re.search(r"\bissue \d+", _text(p))]
    assert cited == []


def test_the_main_help_says_the_main_job_prints_a_report(capsys):
    assert main(["--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "a one-line report on 2,000 names drawn the same way" in out
