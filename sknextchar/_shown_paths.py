"""A path as text: a path argument read as a str, and how a message shows it
(in quotes, or as one word of a shell command).

A byte of a file name that is no text in the file system's encoding (a name
made on Linux in Latin-1, ``b"caf\\xff.txt"``) reaches Python as a lone
surrogate (``"caf\\udcff.txt"``, ``os.fsdecode``); every message spells it as
the byte it is, ``\\xff``, by :func:`escaped_byte`. The standard library
only: the entry point uses it while the command's modules are still loading.
"""

import difflib
import itertools
import os
import re
import shlex
import unicodedata

__all__ = [
    "ShownAs",
    "close_file_note",
    "close_word",
    "closest_words",
    "dangling_link_note",
    "escaped_byte",
    "flag_word",
    "is_undecoded",
    "path_text",
    "ranked_words",
    "shell_path",
    "shell_word",
    "shown_path",
]

# The categories of characters a message of one line cannot show as themselves:
# controls (line ends, tabs), line and paragraph separators, lone surrogates.
_UNSHOWN = frozenset({"Cc", "Zl", "Zp", "Cs"})

# What a shell reads between double quotes, other than the value: a backslash
# only before these characters (and at the end, before the closing quote).
_IN_DOUBLE_QUOTES = re.compile(r"[\"$`!]|\\(?=[\\$`\"\n]|$)")

# In a repr, a \udcXX escape that is not a doubled backslash followed by "udc".
_SURROGATE_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\u(dc[89a-f][0-9a-f])")


def is_undecoded(char):
    """Whether ``char`` stands for a byte of a name that is no text.

    Examples
    --------
    >>> is_undecoded("\\udcff"), is_undecoded("é")
    (True, False)
    """
    return 0xDC80 <= ord(char) <= 0xDCFF


def escaped_byte(char):
    """The bytes ``char`` stands for in a file name, each spelled ``\\xHH``.

    Parameters
    ----------
    char : str
        One character of a path as ``os.fsdecode`` gives it.

    Returns
    -------
    text : str
        For a byte that is no text (U+DC80..U+DCFF), that byte; for another
        lone surrogate, which stands for no byte (only a Python caller passes
        one, ``main(["sample", m, "--label", "\\ud800"])``), ``\\uHHHH``; for
        any other character, its bytes in the file system's encoding.

    Examples
    --------
    >>> print(escaped_byte("\\udcff"), escaped_byte("\\n"), escaped_byte("\\ud800"))
    \\xff \\x0a \\ud800
    """
    if is_undecoded(char):
        return f"\\x{ord(char) - 0xDC00:02x}"
    if 0xD800 <= ord(char) <= 0xDFFF:  # no byte: its code point, as bash spells one
        return f"\\u{ord(char):04x}"
    return "".join(f"\\x{byte:02x}" for byte in os.fsencode(char))


def path_text(path):
    """A path argument as a str, bytes decoded as the operating system does.

    Parameters
    ----------
    path : str, bytes or os.PathLike

    Returns
    -------
    path : str

    Raises
    ------
    TypeError
        If ``path`` is none of these.

    Examples
    --------
    >>> path_text(b"names.txt")
    'names.txt'
    >>> path_text(5)
    Traceback (most recent call last):
    ...
    TypeError: path must be the path of a file (a str, bytes or os.PathLike); got int.
    """
    try:
        return os.fsdecode(path)
    except TypeError:
        raise TypeError(
            "path must be the path of a file (a str, bytes or os.PathLike); got "
            f"{type(path).__name__}."
        ) from None


class ShownAs(str):
    """What a message shows, as it is, where a path would be: the name of a
    source that has no path (``<StringIO>``), kept by an error in place of
    the path of the temporary copy it was read from.

    Examples
    --------
    >>> print(shown_path(ShownAs("<StringIO>")))
    <StringIO>
    """

    __slots__ = ()


def shown_path(path):
    """``path`` in quotes, as a message shows it to the user.

    The path as Python's ``repr`` shows it, but for a byte of the name that
    is no text in the file system's encoding: ``\\xff`` (the byte), not the
    ``\\udcff`` that ``repr`` writes. Two paths are never shown alike.

    Parameters
    ----------
    path : str, bytes or os.PathLike
        Any other value (a wrong argument) is shown by ``repr``.

    Returns
    -------
    text : str

    Examples
    --------
    >>> print(shown_path("names.txt"), shown_path(b"caf\\xff.txt"))
    'names.txt' 'caf\\xff.txt'
    >>> print(shown_path("caf\\\\xff.txt"), shown_path("o'brien.txt"))
    'caf\\\\xff.txt' "o'brien.txt"
    """
    if isinstance(path, ShownAs):
        return str(path)
    try:
        text = os.fsdecode(path)
    except TypeError:  # no path: a message about the wrong argument shows its repr
        return repr(path)
    return _SURROGATE_ESCAPE.sub(
        lambda match: match[1] + escaped_byte(chr(int(match[2], 16))), repr(text)
    )


def _shown(char):
    """Whether a message can show ``char`` as itself: not a control character
    (a line end, a tab), a line or paragraph separator, or a byte of a file name
    that is no UTF-8, decoded as a lone surrogate. An invisible character of a
    name (a zero-width joiner, a no-break space) is shown, quoted as any other,
    so that ``sh`` reads the command too."""
    return unicodedata.category(char) not in _UNSHOWN


def shell_word(text):
    """``text`` as one word of a POSIX shell command, on one line.

    Parameters
    ----------
    text : str or os.PathLike

    Returns
    -------
    word : str
        ``text`` itself when it is letters of any script, digits, ``.``,
        ``-`` and ``_`` (``имя``, ``名前``, ``kids.csv``), which a shell reads
        as they are; in double quotes when it holds an apostrophe and nothing
        else a shell reads there (``"O'Brien"``, ``"O'.*"``); else quoted by
        :func:`shlex.quote`; as ``$'...'`` when it holds a character a message
        of one line cannot show (a line end, a tab, a byte that is no UTF-8),
        that character spelled ``\\xHH`` (:func:`escaped_byte`), which bash,
        zsh and ksh read back as the byte it was. The one spelling of a value
        the user typed (a path, a label, a column, a pattern) in every message.

    Examples
    --------
    >>> print(shell_word("a b"), shell_word("-x"), shell_word("a\\tb"))
    'a b' -x $'a\\x09b'
    >>> print(shell_word("O'Brien"), shell_word("O'$"), shell_word(""))
    "O'Brien" 'O'"'"'$' ''
    >>> print(shell_word(b"caf\\xff.txt"))
    $'caf\\xff.txt'
    >>> print(shell_word("пол"), shell_word("名前.csv"), shell_word("first name"))
    пол 名前.csv 'first name'
    """
    text = os.fsdecode(text)
    if re.fullmatch(r"[\w.-]+", text):  # letters of any script: as they are
        return text
    if all(_shown(char) for char in text):
        if "'" in text and not _IN_DOUBLE_QUOTES.search(text):
            return f'"{text}"'
        return shlex.quote(text)
    spelled = (
        ("\\" + char if char in "\\'" else char) if _shown(char) else escaped_byte(char)
        for char in text
    )
    return "$'" + "".join(spelled) + "'"


def flag_word(flag, value):
    """``flag`` and its ``value`` as typed in a shell, the value a
    :func:`shell_word`: ``--label g``, ``--label 'two words'``, or
    ``--label=-x``, joined to the flag when it starts with ``-`` (which
    argparse would read as a flag of its own).

    Parameters
    ----------
    flag : str
    value : str

    Returns
    -------
    words : str

    Examples
    --------
    >>> print(flag_word("--label", "ë"), flag_word("--pattern", "-a b"))
    --label ë --pattern='-a b'
    """
    between = "=" if value.startswith("-") else " "
    return f"{flag}{between}{shell_word(value)}"


def shell_path(path):
    """``path`` as a shell command takes it: quoted, and never read as an option.

    Parameters
    ----------
    path : str, bytes or os.PathLike
        A file's path.

    Returns
    -------
    word : str
        The path as :func:`shell_word` quotes it; a relative path that starts
        with ``-`` is given as ``./-...``, which no command reads as its
        options.

    Examples
    --------
    >>> shell_path("my model.skops")
    "'my model.skops'"
    >>> shell_path("-m.skops")
    './-m.skops'
    >>> print(shell_path("new\\nline.skops"))
    $'new\\x0aline.skops'
    """
    path = os.fsdecode(path)
    if path.startswith("-"):
        path = os.path.join(os.curdir, path)
    return shell_word(path)


def dangling_link_note(path):
    """Why a missing ``path`` is missing if it is a symbolic link, else "".

    A link whose target is not there makes ``os.stat`` say "no such file",
    though the path is there: the note names where it leads.

    Parameters
    ----------
    path : str

    Returns
    -------
    note : str
        ``" (a symbolic link to 'moved.txt', which is not there: mend the link,
        or pass the file itself)"``, or ``""``.

    Examples
    --------
    >>> dangling_link_note("no/such/path")
    ''
    """
    if not os.path.islink(path):
        return ""
    return (
        f" (a symbolic link to {shown_path(os.readlink(path))}, which is not "
        "there: mend the link, or pass the file itself)"
    )


def close_file_note(path, offered, shown=shown_path):
    """ " Did you mean 'names.txt'?" naming the file beside a missing ``path``
    whose name is closest to its name (a typo, another extension), or "".

    Parameters
    ----------
    path : str or os.PathLike
        The path that leads to no file.
    offered : callable
        Whether the file of this path (a str) may be offered: a model file
        for a model, a file the reader takes for names. Asked of the
        closest files only, closest first, until one may be.
    shown : callable, default=shown_path
        How the note writes the path of the file offered: in quotes, or as
        the flag that passes it (``--labels e.txt``).

    Returns
    -------
    note : str
        Of the files whose name is that of ``path`` with another extension
        (or none), the closest; else the closest file name if it is close.

    Examples
    --------
    >>> import os, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> for name in ("greek.skops", "greek.txt"):
    ...     open(os.path.join(folder, name), "w").close()
    >>> close_file_note(os.path.join(folder, "greek.tx"), bool).endswith("greek.txt'?")
    True
    >>> def text(path):  # a file of names, no model
    ...     return not path.endswith(".skops")
    >>> close_file_note(os.path.join(folder, "greek.csv"), text).endswith("k.txt'?")
    True
    >>> close_file_note(os.path.join(folder, "other.csv"), bool)
    ''
    """
    folder, name = os.path.split(os.fspath(path))
    try:
        with os.scandir(folder or ".") as entries:
            files = [e.name for e in itertools.islice(entries, 10_000) if _is_file(e)]
    except (OSError, TypeError):  # no such folder, not readable; a bytes path
        return ""
    stem = os.path.splitext(name)[0]  # "names" or "names.csv" for names.txt
    same = [file for file in files if os.path.splitext(file)[0] in (stem, name)]
    ranked = closest_words(name, same, cutoff=0) + closest_words(name, files)[:10]
    for file in ranked:
        if offered(os.path.join(folder, file)):
            return f" Did you mean {shown(os.path.join(folder, file))}?"
    return ""


def closest_words(word, choices, cutoff=0.75, fold=None):
    """The ``choices`` close to ``word``, closest first: compared folded
    (by default, accents and case counted as close: ``é.txt`` is ``e.txt``,
    ``Names`` is ``names``), then as typed, then by their order as text. No
    number is close to another number (``10`` is no typo of ``100``), nor a
    text to one that differs from it only in the values of its numbers
    (``2024-03`` and ``2024-01``; ``2024-1`` is close to ``2024-01``).

    Parameters
    ----------
    word : str
    choices : iterable of str
    cutoff : float, default=0.75
        The least similarity (:func:`ranked_words`) of a choice given.
    fold : callable or None, default=None
        What of a text is compared (a label's text without spaces at either
        end, a column's header as a table spells it); None: the text without
        its accents and case.

    Returns
    -------
    close : list of str

    Examples
    --------
    >>> closest_words("é.txt", ["g.txt", "e.txt", "notes.md"])
    ['e.txt', 'g.txt']
    >>> closest_words("Names.txt", ["names.txt", "Nanes.txt"])
    ['names.txt', 'Nanes.txt']
    >>> closest_words("10", ["100", "200"]), closest_words("2024-3", ["2024-01"])
    ([], [])
    """
    return [choice for choice, _ in ranked_words(word, choices, cutoff, fold)]


def ranked_words(word, choices, cutoff=0.75, fold=None):
    """The ``choices`` close to ``word`` with their similarity to it, closest
    first, in the order of :func:`closest_words`: what a guesser that weighs
    how much closer the first is than the next asks, once.

    Parameters
    ----------
    word : str
    choices : iterable of str
    cutoff : float, default=0.75
        The least similarity of a choice given: of the folded texts,
        :class:`difflib.SequenceMatcher`'s ratio.
    fold : callable or None, default=None
        As :func:`closest_words` takes it.

    Returns
    -------
    ranked : list of (str, float)
        Each choice close enough and its similarity, from 0 to 1.

    Examples
    --------
    >>> ranked_words("--sed", ["--seed", "--sep", "--force"])
    [('--seed', 0.9090909090909091), ('--sep', 0.8)]
    """
    fold = _folded if fold is None else fold
    folded = difflib.SequenceMatcher()
    folded.set_seq2(fold(word))
    scored = []
    for choice in choices:
        folded.set_seq1(fold(choice))
        if _another_value(folded.b, folded.a):
            continue  # 100 for 10 is another value, no typo's
        if folded.real_quick_ratio() >= cutoff and folded.quick_ratio() >= cutoff:
            ratio = folded.ratio()
            typed = difflib.SequenceMatcher(None, word, choice).ratio()
            if ratio >= cutoff:
                scored.append((-ratio, -typed, choice))
    return [(choice, -ratio) for ratio, _, choice in sorted(scored)]


def close_word(word, choices, fold=None, *, ties=False, cutoff=0.6):
    """The one of ``choices`` that ``word`` is likely a typo of, or None: the
    closest (:func:`closest_words`, by default with
    :func:`difflib.get_close_matches`'s cutoff, 0.6), unless another choice
    folds to the same text (``Name`` and ``name``: which one was meant is not
    told) or, without ``ties``, another choice is as close.

    Parameters
    ----------
    word : str
    choices : iterable of str
    fold : callable or None, default=None
        As :func:`closest_words` takes it.
    ties : bool, default=False
        Whether of two choices as close the first (as :func:`closest_words`
        orders them) is given; else neither is.
    cutoff : float, default=0.6
        The least similarity of the choice given (:func:`closest_words`): a
        higher one for short words of a common start (``--seed`` and
        ``--sed`` are close, ``--n`` and ``--novel`` are not).

    Returns
    -------
    choice : str or None

    Examples
    --------
    >>> close_word("femal", ["female", "male"]), close_word("10", ["100", "200"])
    ('female', None)
    >>> tied = ["abcx", "xbcd"]
    >>> close_word("abcd", tied), close_word("abcd", tied, ties=True)
    (None, 'abcx')
    """
    fold = _folded if fold is None else fold
    choices = list(choices)
    close = ranked_words(word, choices, cutoff=cutoff, fold=fold)
    if not close or [fold(c) for c in choices].count(fold(close[0][0])) > 1:
        return None
    if not ties and len(close) > 1 and close[1][1] == close[0][1]:
        return None  # two as close: which one was meant is not told
    return close[0][0]


# A number as text: 10, -2.5, 1,5 (a decimal comma), 1e3.
_NUMBER = re.compile(r"\s*[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?\s*")
_DIGITS = re.compile(r"\d+")


def _another_value(word, choice):
    """Whether ``choice`` is another value than ``word``, no typo of it: both
    numbers (``10``, ``100``), or the same text around numbers of other
    values (``2024-03``, ``2024-01``; not ``2024-1``, ``2024-01``)."""
    if _NUMBER.fullmatch(word) and _NUMBER.fullmatch(choice):
        return True
    if _DIGITS.sub("0", word) != _DIGITS.sub("0", choice):
        return False
    values = [[run.lstrip("0") for run in _DIGITS.findall(t)] for t in (word, choice)]
    return values[0] != values[1]


def _folded(text):
    """``text`` without its accents and case (NFKD, combining marks removed,
    casefolded): ``Élodie`` is ``elodie``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _is_file(entry):
    """Whether the folder entry is a file (or a link to one); a loop of links,
    or a link into a folder that may not be searched, is none."""
    try:
        return entry.is_file()
    except OSError:  # following the link failed: not a file to name
        return False
