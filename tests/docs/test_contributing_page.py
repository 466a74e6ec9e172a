"""docs/contributing.rst stays true of the tests: every shared helper at the
top of ``tests/`` is named in "Where the tests are", and every test file it
names as the home of a feature exists."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "contributing.rst"


def _section(text, title):
    """The text of the section ``title`` of an rst page, up to the next one."""
    parts = re.split(r"\n([^\n]+)\n[-=~]+\n", text)  # [.., title, its text, ..]
    return parts[parts.index(title) + 1]


def helpers_not_named(section, tests=ROOT / "tests"):
    """The ``tests/_*.py`` helpers that ``section`` names nowhere (as
    ````_name.py````)."""
    return sorted(
        path.name
        for path in tests.glob("_*.py")
        if path.name != "__init__.py" and f"``{path.name}``" not in section
    )


def test_every_shared_test_helper_is_named_in_where_the_tests_are():
    if not PAGE.exists():
        pytest.skip("docs/ is not in this tree")
    section = _section(PAGE.read_text(encoding="utf-8"), "Where the tests are")
    missing = helpers_not_named(section)
    assert not missing, (
        "name these helpers in docs/contributing.rst, 'Where the tests are' (a "
        "line each: what it gives, and when to use it): " + ", ".join(missing)
    )


def test_a_helper_left_out_is_found(tmp_path):
    for name in ("__init__.py", "_cases.py", "_new_helper.py", "test_x.py"):
        (tmp_path / name).write_text("")
    assert helpers_not_named("- ``_cases.py``: cases", tmp_path) == ["_new_helper.py"]


def test_the_test_files_named_as_a_features_home_exist():
    if not PAGE.exists():
        pytest.skip("docs/ is not in this tree")
    section = _section(PAGE.read_text(encoding="utf-8"), "Where the tests are")
    index = section.split("Where a main feature is tested already", 1)[1]
    index = index.split("\nA new test goes in", 1)[0]  # the list alone
    folder, named = None, []
    for word in re.findall(r"``([\w/.]+\.py)``", index):
        folder = word.rpartition("/")[0] if "/" in word else folder
        named.append(word if "/" in word else f"{folder}/{word}")
    assert len(named) > 10  # the index was read
    gone = [path for path in named if not (ROOT / path).is_file()]
    assert not gone, f"docs/contributing.rst names test files that are gone: {gone}"
