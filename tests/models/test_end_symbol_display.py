"""What ``end_symbol`` says is shown when the learned alphabet holds it.

With ``alphabet="auto"`` and names that use the asked display, the code shows
``-`` first, then the first fallback the names lack; the docstring and the
``--end-symbol`` help list the symbols in the order the code tries them.
"""

import re

from sknextchar import ContextWindowTransformer
from sknextchar.cli import main

# A candidate display as a word of its own (not the hyphens of "--alphabet").
CANDIDATES = re.compile(r"(?<=[\s'`])[-.$#|~^_*@¶](?=[\s'`])")


def tried_in_order(n):
    """The first ``n`` displays the code picks for end_symbol="a", each time the
    names also use the one picked before."""
    used, picked = "a", []
    for _ in range(n):
        t = ContextWindowTransformer(alphabet="auto", end_symbol="a").fit([used])
        picked.append(t.vocabulary_[0])
        used += t.vocabulary_[0]
    return picked


def listed(text):
    return list(dict.fromkeys(CANDIDATES.findall(text)))


def test_the_docstring_lists_the_displays_in_the_order_they_are_tried():
    doc = " ".join(ContextWindowTransformer.__doc__.split())
    start = doc.index('When ``alphabet="auto"`` learns this character')
    sentence = doc[start : doc.index("with an alphabet you give", start)]
    tried = tried_in_order(3)
    assert tried[0] == "-"
    assert listed(sentence)[:3] == tried


def test_the_help_lists_the_displays_in_the_order_they_are_tried(capsys):
    assert main(["train", "--help"]) == 0
    shown = " ".join(capsys.readouterr().out.split())
    start = shown.index("how the end marker is shown")
    help_text = shown[start : shown.index("(default: -)", start)]
    assert listed(help_text)[:3] == tried_in_order(3)
