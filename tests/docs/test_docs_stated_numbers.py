"""Numbers the pages state in prose or in blocks the docs build does not run.

Each test reads the figure from the page (so that an edit of the page is checked
too) and measures it again: the bundled names' counts, the size of the list the
"Your own names" page writes, and the arithmetic the "Lengths like the data"
section of generating_names.rst gives for its example.
"""

import re
from pathlib import Path

import pytest

from sknextchar import ContextWindowTransformer
from sknextchar.datasets import load_indian_names

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def _text(path):
    """The page with its line breaks and indentation made single spaces."""
    return " ".join(path.read_text(encoding="utf-8").split())


def _number(written):
    return int(written.replace(",", ""))


def _stated(path, pattern):
    """The numbers of the first match of ``pattern`` in the page at ``path``."""
    found = re.search(pattern, _text(path))
    assert found is not None, f"{path.name} no longer says {pattern!r}"
    return [_number(group) for group in found.groups()]


@pytest.mark.parametrize(
    ("page", "pattern"),
    [
        ("README.md", r"bundled (\S+) Indian names"),
        ("README.md", r"# (\S+) names, a-z"),
        ("docs/quickstart.rst", r"the (\S+) bundled Indian names"),
        ("docs/command_line.rst", r"the bundled (\S+) Indian names"),
        ("docs/names_by_label.rst", r"the (\S+) distinct names"),
        ("docs/user_guide.rst", r"On the (\S+) bundled names"),
    ],
)
def test_the_pages_count_the_bundled_names_as_the_loader(page, pattern):
    assert _stated(ROOT / page, pattern) == [len(load_indian_names())]


def test_the_names_by_label_page_counts_the_pairs_and_labels():
    page = DOCS / "names_by_label.rst"
    names, labels = load_indian_names(return_X_y=True)
    pairs, female, male = _stated(page, r"# (\S+) pairs .*?# \((\d+), (\d+)\)")
    assert (pairs, female, male) == (
        len(names),
        labels.count("female"),
        labels.count("male"),
    )
    (both,) = _stated(page, r"The (\d+) names found in both lists")
    female_names = {name for name, label in zip(names, labels) if label == "female"}
    male_names = {name for name, label in zip(names, labels) if label == "male"}
    assert both == len(female_names & male_names)
    (classified,) = _stated(page, r"on the (\S+) bundled names and labels")
    assert classified == len(names)


def test_the_user_guide_counts_more_windows_than_it_says():
    (floor,) = _stated(DOCS / "user_guide.rst", r"gives more than (\S+) windows")
    windows = ContextWindowTransformer(context_length=3).fit_transform(
        load_indian_names()
    )
    assert len(windows) > floor


def test_the_messy_list_has_the_number_of_names_the_page_says():
    page = DOCS / "your_own_names.rst"
    (said,) = _stated(page, r"this page uses: (\d+) names")
    lines = page.read_text(encoding="utf-8").splitlines()
    start = lines.index(
        ".. runblock::",
        next(i for i, line in enumerate(lines) if "this page uses:" in line),
    )
    block = []
    for line in lines[start + 1 :]:
        if line and not line.startswith(" "):
            break
        block.append(line[3:])
    code = "\n".join(block).split("lines = [names[0]")[0]  # stop before writing
    scope = {}
    exec(code, scope)  # the page's own lines that build the list
    assert len(scope["names"]) == said


def test_the_length_matching_example_is_its_own_arithmetic():
    stats = pytest.importorskip("scipy.stats")
    page = DOCS / "generating_names.rst"
    training, asked, short, matched = _stated(
        page,
        r"model of the (\S+) US first names .*? (\S+) names lacked the (\d+) of them"
        r".*?training names matched \((\S+) here",
    )
    assert matched == round(asked * training / (asked + training))
    assert short == asked * 2 // 100  # "2% of them"
    one_in, absent_from, effective = _stated(
        page,
        r"1 name of 2 letters in (\d+) training names is too few for its "
        r"absence from (\S+) names to show .*?1% of (\d+) names is 1",
    )
    assert effective == round(absent_from * one_in / (absent_from + one_in))
    (p_value,) = re.search(r"Fisher's exact test: p = ([\d.]+)", _text(page)).groups()
    table = [[1, one_in - 1], [0, absent_from]]
    assert round(stats.fisher_exact(table).pvalue, 2) == float(p_value)
