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
characters, a literal matched in any case (``(?i)Jé.*``) that the model writes
in no case that literal (told in lowercase). It is one-sided: where it cannot
tell (a class matched in any case, ``.``, a category such as ``\\w``, a negated
class, a back-reference), it finds no need, and the request is drawn.

It also words what the model never writes for the errors of a pattern
(:func:`unwritten_words`, :func:`unwritten_advice`: capitals of a model that
lowercases, accents it folds, look-alikes of its letters), and parses a
pattern once for every check of a request (:func:`parsed_pattern` within
:func:`one_parse`, which forgets the parse when the checks end).
"""

import re
import unicodedata
import warnings
from contextlib import contextmanager

from ._text import describe_symbol, look_alikes
from ._words import MAX_REPORTED, one_or_many, or_list

__all__ = [
    "MAX_CLASS",
    "class_chars",
    "inner_items",
    "items_of",
    "literal_chars",
    "needs_words",
    "one_parse",
    "parsed_pattern",
    "unwritten_advice",
    "unwritten_needs",
    "unwritten_words",
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
    >>> unwritten_needs("(?i)JÉ.*", lower)  # no case of 'É' is known: told lowercase
    ['é']
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
    for op, value in items_of(items):
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
    :data:`~sknextchar._words.MAX_REPORTED` shown, and how many others, when
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
    for op, value in items_of(items):
        needs = _item_needs(op, value, any_case, known, ops)
        if needs:
            return needs
    return set()


def _item_needs(op, value, any_case, known, ops):
    """What :func:`_needs` finds for one parsed item ``(op, value)``."""
    if op is ops.LITERAL:
        char = chr(value)
        if any_case:  # needed in one of its cases: told as the lowercase one
            return set() if _any_case_known(char, known) else {_lowered(char)}
        return set() if char in known else {char}
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


def _any_case_known(char, known):
    """Whether ``known`` holds ``char`` in some case, as ``(?i)`` matches it
    (``"k"`` also matches the Kelvin sign)."""
    if char in known or char.lower() in known or char.upper() in known:
        return True
    return re.search(re.escape(char), "".join(known), re.IGNORECASE) is not None


def _lowered(char):
    """``char`` in lowercase, when that is one character (``"İ"`` is two)."""
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


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

    return _parse(pattern), _parser


# The checks of one request read the parse of its pattern several times (its
# width, its edges, the characters it needs): within one_parse, the parse of
# the latest pattern is kept and shared (read, never changed); outside, none
# is kept (a refused pattern of 1 MB parses to tens of MB).
_SHARED = {"depth": 0, "parses": {}}


@contextmanager
def one_parse():
    """Share one parse of each pattern among the checks run within it.

    :func:`parsed_pattern` keeps the parse of the latest pattern while the
    block runs, and nothing once it ends (the outermost block, if nested).

    Examples
    --------
    >>> with one_parse():
    ...     parsed_pattern("ab")[0] is parsed_pattern("ab")[0]
    True
    >>> parsed_pattern("ab")[0] is parsed_pattern("ab")[0]
    False
    """
    _SHARED["depth"] += 1
    try:
        yield
    finally:
        _SHARED["depth"] -= 1
        if not _SHARED["depth"]:
            _SHARED["parses"].clear()


def _parse(pattern):
    from re import _parser

    parses = _SHARED["parses"]
    if pattern in parses:
        return parses[pattern]
    with warnings.catch_warnings():  # check_pattern has warned already
        warnings.simplefilter("ignore")
        parsed = _parser.parse(pattern)
    if _SHARED["depth"]:  # the latest one only
        parses.clear()
        parses[pattern] = parsed
    return parsed


def items_of(parsed):
    """The items of a parse (a ``SubPattern``), as a list, read without a
    Python call per item (a ``SubPattern`` has no ``__iter__`` of its own:
    iterating it calls its ``__getitem__`` once per item).

    Examples
    --------
    >>> parsed, parser = parsed_pattern("ab")
    >>> [op is parser.LITERAL for op, _ in items_of(parsed)]
    [True, True]
    """
    return getattr(parsed, "data", parsed)


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
    chars = class_chars(members, ops)
    return set() if chars is None or chars & known else chars


def class_chars(members, ops, widest=MAX_CLASS):
    """The characters a parsed class (``[ab]``, ``[a-d]``) lists, or None.

    Parameters
    ----------
    members : list of (op, value)
        The items of the class in the parse of ``re``.
    ops : module
        The parser's constants (:func:`parsed_pattern`).
    widest : int, default=MAX_CLASS
        A range of this many characters or more is not listed.

    Returns
    -------
    chars : set of str or None
        None for a negated class, a category (``\\w``) or a wide range.

    Examples
    --------
    >>> parsed, ops = parsed_pattern("[ab-d]")
    >>> sorted(class_chars(parsed[0][1], ops)), class_chars(
    ...     parsed_pattern("[^ab]")[0][0][1], ops)
    (['a', 'b', 'c', 'd'], None)
    """
    chars = set()
    for kind, member in members:
        if kind is ops.LITERAL:
            chars.add(chr(member))
        elif kind is ops.RANGE and member[1] - member[0] < widest:
            chars.update(map(chr, range(member[0], member[1] + 1)))
        else:  # a negated class, a category (\w), a wide range: unsure
            return None
    return chars


# What a pattern spells other than letters to match: an escape (\\S), a
# group's name, a flag group.
_NOT_LETTERS = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)|\(\?[a-zA-Z-]+[:)]")


def unwritten_words(pattern, vocabulary):
    """Words on the letters ``pattern`` names that no drawn name holds: a
    capital for a model of lowercased names, a letter it never learned.

    Parameters
    ----------
    pattern : str
        A regular expression.
    vocabulary : sequence of str
        The model's symbols, in id order (the padding first).

    Returns
    -------
    words : str
        ``" (it names ...)"``, to follow the words on the pattern; ``""``
        when it names no such letter, or matches in any case (``(?i)``).

    Examples
    --------
    >>> unwritten_words("José.*", ("-", "j", "o", "s", "é"))
    " (it names 'J', which the model never writes: it writes names in lowercase)"
    >>> unwritten_words("jos[^x].*", ("-", "j", "o", "s"))
    ''
    >>> unwritten_words("(?i)J.*", ("-", "j"))
    ''
    >>> print(unwritten_words("o’b.*", ("-", "'", "b", "o")))
     (it names '’', which the model never writes: it writes "'" for '’')
    >>> "(?i)" in unwritten_words("an.*", ("-", "A", "a", "n"))  # it writes "An..."
    True
    >>> unwritten_words("[a-b]n.*", ("-", "a", "b", "n", "\u2013"))  # a range's -
    ''
    """
    if re.search(r"\(\?[a-zA-Z]*i", pattern):  # a flag that ignores case
        return ""
    known = set("".join(vocabulary[1:]))
    letters = _NOT_LETTERS.sub("", re.sub(r"\[\^[^]]*\]", "", pattern))
    chars = set(unicodedata.normalize("NFC", letters)) - known
    typed = literal_chars(unicodedata.normalize("NFC", pattern))  # not [a-z]'s -
    similar = look_alikes(sorted(chars & typed), known)
    missing = sorted(
        char
        for char in chars
        if char.isalpha()
        and "FINAL" not in unicodedata.name(char, "")  # written at a word's end
    ) + [char for char, _ in similar]
    if not missing:
        return _case_words(letters, known)
    shown = ", ".join(map(repr, missing))
    why = _never_written(missing, similar, known)
    return (
        f" (it names {shown}, which the model never writes{': ' if why else ''}{why})"
    )


_LOWERCASE = "it writes names in lowercase"  # what _never_written may say

_WITHOUT_ACCENTS = "without accents, folded by strip_accents or never seen"


def _never_written(missing, similar, known):
    """Why the model never writes the characters ``missing``, in words:
    capitals or accented letters of a model that writes none (``lowercase``
    and ``strip_accents`` fold them), look-alikes (``similar``, the pairs of
    :func:`~sknextchar._text.look_alikes`) of what it writes; or nothing."""
    lower = not any(map(str.isupper, known))
    plain = not any(map(_accented, known))
    if all(_folded(char, lower, plain) in known for char in missing):
        cased = lower and any(char != char.lower() for char in missing)
        accented = plain and any(map(_accented, missing))
        return "it writes names " + " and ".join(
            ["in lowercase"] * cased + [_WITHOUT_ACCENTS] * accented
        )
    if similar:
        return "it writes " + ", ".join(
            f"{plain!r} for {char!r}" for char, plain in similar
        )
    return ""


# The longest pattern an advice shows, to copy (a longer one is described).
_MAX_ADVISED = 2_000


def _fold_words(pattern, why):
    """How to write a pattern for a model that writes neither capitals nor
    accents (``why`` of :func:`_never_written` says which)."""
    if _WITHOUT_ACCENTS not in why:
        return "write the pattern in lowercase, or start it with (?i) to ignore case"
    if _LOWERCASE not in why:
        return f"write the pattern without accents{_advised(pattern)}"
    # The pattern advised ignores case: its capitals stay, as lowercasing a
    # regular expression changes what \W, \D or \P{..} match.
    return (
        "write the pattern without accents and in lowercase, or without accents "
        f"and starting with (?i), which ignores case{_advised(pattern, '(?i)')}"
    )


def _advised(pattern, flag=""):
    """``pattern`` without accents, to copy from a message: whole, as the
    setting `` (pattern='je.*')`` (the command line spells it ``--pattern
    'je.*'``, quoted for the shell), ``flag`` (``"(?i)"``) before it, or, too
    long to show (a pattern cut is no advice), how to write it."""
    plain = _unaccented(pattern)
    if len(plain) <= _MAX_ADVISED:
        return f" (pattern={flag + plain!r})"
    char = next((char for char in pattern if _accented(char)), "")
    return (
        f": each accented letter of the pattern as its plain letter ({char!r} as "
        f"{_unaccented(char)!r}; its {len(pattern):,} characters are too many "
        "to show)"
    )


def _folded(char, lower, plain):
    """``char`` lowercased (``lower``) and without accents (``plain``)."""
    char = char.lower() if lower else char
    return _unaccented(char) if plain else char


def _unaccented(text):
    """``text`` with its accents folded as ``strip_accents="unicode"`` folds a
    name's (``"jé.*"``: ``"je.*"``)."""
    from sklearn.feature_extraction.text import strip_accents_unicode

    return unicodedata.normalize("NFC", strip_accents_unicode(text))


def _accented(char):
    return _unaccented(char) != char


def _case_words(letters, known):
    """Words for a pattern in lowercase only, to a model that writes capitals."""
    cased = [char for char in letters if char.lower() != char.upper()]
    writes_capitals = any(char.isupper() for char in known)
    if not writes_capitals or not cased or any(map(str.isupper, cased)):
        return ""
    return (
        " (patterns tell case apart, and the model writes capitals: (?i) at the "
        "start of the pattern ignores case)"
    )


def unwritten_advice(pattern, missing, known):
    """Why the model never writes the characters ``missing`` that every match
    of ``pattern`` needs (one or all of them), and what to do, in words.

    Parameters
    ----------
    pattern : str
        The pattern, as given.
    missing : list of str
        The characters outside ``known`` that the matches need.
    known : set of str
        The characters the model writes.

    Returns
    -------
    why, fix : str
        ``why`` may be empty (no reason known).

    Examples
    --------
    >>> why, fix = unwritten_advice("Q.*", ["Q"], {"q", "a"})
    >>> why
    'it writes names in lowercase'
    >>> fix
    'write the pattern in lowercase, or start it with (?i) to ignore case'
    >>> unwritten_advice("k.*", ["k"], {"K", "a"})[0]
    "it writes 'K' for 'k'"
    >>> unwritten_advice("7.*", ["7"], {"a"})
    ('', 'change the pattern, or train a model on names that hold it')
    """
    similar = look_alikes(missing, known)
    why = _never_written(missing, similar, known)
    other = [char.swapcase() for char in missing]  # a model that keeps case
    if _LOWERCASE in why or _WITHOUT_ACCENTS in why:
        fix = _fold_words(pattern, why)
    elif not why and all(char in known for char in other):
        why = "it writes " + ", ".join(map("{!r} for {!r}".format, other, missing))
        fix = "change the case of the pattern, or start it with (?i) to ignore case"
    elif similar:
        fix = "change the pattern"
    else:
        them = one_or_many(len(missing), "it", "them")
        fix = f"change the pattern, or train a model on names that hold {them}"
    return why, fix
