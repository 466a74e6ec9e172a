"""Whether every match of a pattern needs a character the model never writes.

``NameSampler.sample`` refuses, before any drawing, a ``pattern`` that no name
the model writes can match (:func:`~sknextchar._name_filter.check_meetable`).
The characters that every match holds, each of them
(:func:`~sknextchar._name_filter.required_chars`), miss a pattern whose
matches each need one character of several: ``(Q|Z).*`` or ``[QZ].*`` for a
model of lowercase names. Such a request drew names until the rounds gave
up, and advised more rounds, which drew as many names again to the same end.
:func:`unwritten_needs` reads the parse of ``re`` for them: a sequence needs
what one of its items needs, a choice of alternatives one of what each needs,
a character class that holds no character the model writes one of its
characters. It is one-sided: where it cannot tell (a literal matched in any
case, ``.``, a category such as ``\\w``, a negated class, a back-reference), it
finds no need, and the request is drawn.
"""

import re
import warnings

from ._text import MAX_REPORTED, describe_symbol, or_list

__all__ = [
    "MAX_CLASS",
    "inner_items",
    "literal_chars",
    "needs_words",
    "parsed_pattern",
    "unwritten_needs",
]

# The widest range of a character class ([A-Z]) whose characters are listed;
# a wider one is taken as one that may hold a character the model writes.
MAX_CLASS = 256


def unwritten_needs(pattern, known):
    """The characters outside ``known`` of which every full match holds one.

    Parameters
    ----------
    pattern : str
        A regular expression, in NFC as the names are.
    known : set of str
        The characters the model writes
        (:func:`~sknextchar._vocabulary.written_chars`).

    Returns
    -------
    needs : list of str
        Sorted; empty when a match may hold only characters of ``known``, and
        when the parser cannot tell (a version of Python that parses
        otherwise).

    Examples
    --------
    >>> lower = set("abcdefghijklmnopqrstuvwxyz")
    >>> unwritten_needs("(Q|Z).*", lower), unwritten_needs("a[XY]|bZ", lower)
    (['Q', 'Z'], ['X', 'Y', 'Z'])
    >>> unwritten_needs("(Q|a).*", lower), unwritten_needs("(?i)(Q|Z).*", lower)
    ([], [])
    >>> unwritten_needs("[^a]Q", lower), unwritten_needs("Q?a", lower)
    (['Q'], [])
    """
    try:
        parsed, parser = parsed_pattern(pattern)
        any_case = bool(parsed.state.flags & re.IGNORECASE)
        return sorted(_needs(parsed, any_case, known, parser))
    except Exception:  # a private parser: when it changes, nothing is known
        return []


def literal_chars(pattern):
    """The characters ``pattern`` names as literals, to match as typed.

    Its syntax is left out: the ``-`` of a range (``[a-z]``), the spaces of a
    verbose pattern (``(?x)``), an escape's letter (``\\w``), the members of
    a negated class (``[^-]``) or lookaround; a class's listed members and a range's two
    ends count.

    Parameters
    ----------
    pattern : str

    Returns
    -------
    chars : set of str
        Empty when the parser cannot tell (a version of Python that parses
        otherwise).

    Examples
    --------
    >>> sorted(literal_chars("[a-c]n(x|-)")), sorted(literal_chars("(?x) a b"))
    (['-', 'a', 'c', 'n', 'x'], ['a', 'b'])
    """
    try:
        parsed, parser = parsed_pattern(pattern)
        return _named_literals(parsed, parser)
    except Exception:  # a private parser: when it changes, nothing is known
        return set()


def _named_literals(items, ops):
    """The literals of the parsed ``items`` and of every node inside them."""
    found = set()
    for op, value in items:
        if op is ops.LITERAL:
            found.add(chr(value))
        elif op is ops.IN and (ops.NEGATE, None) not in value:  # [^-]: not to match
            for kind, member in value:
                if kind is ops.LITERAL:
                    found.add(chr(member))
                elif kind is ops.RANGE:
                    found.update(map(chr, member))
        elif op not in (ops.IN, ops.ASSERT_NOT):  # a group, a repeat, a choice
            parts = value if isinstance(value, (tuple, list)) else (value,)
            for part in parts:
                for inner in part if isinstance(part, list) else (part,):
                    if isinstance(inner, ops.SubPattern):
                        found |= _named_literals(inner, ops)
    return found


def needs_words(needs):
    """``needs`` in words, as one of which a name holds: at most
    :data:`~sknextchar._text.MAX_REPORTED` shown, and how many others, when
    more than one is left out ("" for none).

    Examples
    --------
    >>> needs_words(["Q", "Z"])
    "'Q' or 'Z'"
    >>> needs_words(list("ABCDEFG"))
    "'A', 'B', 'C', 'D', 'E', or one of 2 others"
    """
    many = len(needs) > MAX_REPORTED + 1  # "one of 1 others" says less
    shown = [describe_symbol(char) for char in needs[: MAX_REPORTED if many else None]]
    if not shown:
        return ""
    if many:
        shown.append(f"one of {len(needs) - MAX_REPORTED:,} others")
    elif len(shown) == 2:
        return " or ".join(shown)
    return or_list(shown)


def _needs(items, any_case, known, ops):
    """The characters outside ``known`` one of which every match of the
    parsed ``items`` holds (those of its first item that has any); empty
    when a match may hold none. ``ops`` is the parser module."""
    for op, value in items:
        needs = _item_needs(op, value, any_case, known, ops)
        if needs:
            return needs
    return set()


def _item_needs(op, value, any_case, known, ops):
    """What :func:`_needs` finds for one parsed item ``(op, value)``."""
    if op is ops.LITERAL:
        char = chr(value)
        return set() if any_case or char in known else {char}
    if op is ops.IN:
        return set() if any_case else _class_needs(value, known, ops)
    if op is ops.BRANCH:  # every alternative needs one
        found = set()
        for branch in value[1]:
            needs = _needs(branch, any_case, known, ops)
            if not needs:
                return set()
            found |= needs
        return found
    inner = inner_items(op, value, any_case, ops)
    if inner is None:  # ., a category, a negated class, a back-reference: unsure
        return set()
    group, case = inner
    return _needs(group, case, known, ops)


def parsed_pattern(pattern):
    """The parse of ``pattern`` by ``re``'s private ``_parser``, and that module
    (its constants name the nodes); it raises whatever the parser raises, and
    its warnings are silenced (``check_pattern`` has given them already).

    Examples
    --------
    >>> parsed, parser = parsed_pattern("ab")
    >>> [op is parser.LITERAL for op, _ in parsed]
    [True, True]
    """
    from re import _parser

    with warnings.catch_warnings():  # check_pattern has warned already
        warnings.simplefilter("ignore")
        return _parser.parse(pattern), _parser


def inner_items(op, value, any_case, ops):
    """The parsed items inside one node ``(op, value)`` of a parse that every
    match of the node matches, and whether they are matched in any case.

    Such a node is a group (with flags of its own), a repeat of at least once,
    an atomic group, or a lookahead or lookbehind (which looks within the
    name). Any other node (a literal, a class, a choice of alternatives, a
    repeat that may be absent) has none: None. ``ops`` is the parser module
    (:func:`parsed_pattern`).

    Examples
    --------
    >>> parsed, parser = parsed_pattern("(?i:ab)c?")
    >>> items, any_case = inner_items(*parsed[0], False, parser)
    >>> len(items), bool(any_case), inner_items(*parsed[1], False, parser)
    (2, True, None)
    """
    if op is ops.SUBPATTERN:  # a group, with flags of its own
        _, added, removed, group = value
        case = (any_case or added & re.IGNORECASE) and not removed & re.IGNORECASE
        return group, case
    if op in (ops.MAX_REPEAT, ops.MIN_REPEAT, ops.POSSESSIVE_REPEAT):
        return (value[2], any_case) if value[0] > 0 else None
    if op is ops.ATOMIC_GROUP:
        return value, any_case
    if op is ops.ASSERT:  # (?=...) or (?<=...): within the name
        return value[1], any_case
    return None


def _class_needs(members, known, ops):
    """The characters of a class, when it lists them and ``known`` has none."""
    chars = set()
    for kind, member in members:
        if kind is ops.LITERAL:
            chars.add(chr(member))
        elif kind is ops.RANGE and member[1] - member[0] < MAX_CLASS:
            chars.update(map(chr, range(member[0], member[1] + 1)))
        else:  # a negated class, a category (\w), a wide range: unsure
            return set()
    return set() if chars & known else chars
