"""``unwritten_needs`` refuses only patterns that no name the model writes can
match.

``sample`` refuses, before drawing, a pattern whose every match holds one of
several characters the model never writes (``(Q|Z).*``,
:func:`sknextchar._pattern_needs.unwritten_needs`). A refusal of a pattern
that some name matches would lose names the user could have had, so this
property test builds patterns from pieces that need, may need or need not a
letter the model never writes (optional groups, alternations, look-arounds,
flags, back-references, the upper case of a letter it writes), over a model
that writes only ``a`` and ``b``, and checks that whatever it refuses, no name
of up to 4 letters matches.
"""

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sknextchar._pattern_needs import unwritten_needs

KNOWN = {"a", "b"}
NAMES = [
    "".join(letters)
    for length in range(5)
    for letters in itertools.product(sorted(KNOWN), repeat=length)
]
PIECES = [
    "a", "b", "A", "B", "Q", "Z", ".", "(?i:A)", "(?-i:A)", "[QZ]", "[aQ]",
    "[^a]", "[A-Z]", r"\w", "(Q|)", "(?:Q|Z)", "(Q)?", "Q*", "Q{0,}", "Q+",
    "(?=Q)", "(?!Q)", "(?<=Q)", "(?<!Q)",
    "(?=.*Q)", "(?i:Q)", "(?-i:Q)", r"(Q)\1", "(?:a|Q)", "(?(1)Q|a)", "[Q-Z]",
    "Q??", "(?>Q|Z)", "Q*+", "(Q|Z){0,1}", "(Q|a)+", r"(?:(Q)|a)\1", r"[\x51Z]",
    "a{0}Q?",
]  # fmt: skip


@st.composite
def patterns(draw):
    pieces = draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=3))
    pattern = "".join(pieces)
    if draw(st.booleans()):  # an alternative that may need nothing
        pattern = f"({pattern}|{draw(st.sampled_from(PIECES))})"
    return ("(?i)" if draw(st.booleans()) else "") + pattern  # any case


def check(pattern):
    """Fail when ``unwritten_needs`` refuses ``pattern`` and a name matches."""
    try:
        compiled = re.compile(pattern)
    except re.error:
        return  # not a pattern sample takes
    needs = unwritten_needs(pattern, KNOWN)
    assert not set(needs) & KNOWN, needs
    if needs:
        matched = [name for name in NAMES if compiled.fullmatch(name)]
        assert not matched, (pattern, needs, matched[:3])


@settings(max_examples=60, deadline=None)
@given(st.lists(patterns(), min_size=4, max_size=4))  # 4 a draw: fewer draws
def test_a_refused_pattern_matches_no_name_the_model_writes(some):
    for pattern in some:
        check(pattern)
