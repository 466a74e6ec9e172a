"""How the command line reports errors and warnings: one line each, no traceback.

An error a user can cause (a missing or corrupt file, a bad value, a name with
unknown characters) is one of :data:`USER_ERRORS` and prints as
``sknextchar: error: ...``; anything else is a bug and keeps its traceback.
"""

import ast
import codecs
import contextlib
import contextvars
import errno
import re
import sys
import warnings

from .._dead_ends import LongPrefixError, long_prefix_message
from .._emptied_labels import EmptiedLabelsError, emptied_labels_message
from .._quoted_advice import (
    QUOTES_REMOVED,
    QUOTES_REMOVED_IN_CHUNKS,
    QUOTES_REMOVED_TO_SCORE,
)
from .._shown_paths import flag_word, shell_word, shown_path
from .._skops_release import SKOPS_INSTALL
from .._text import FOLD_ALPHABET_NOTE, FOLD_GIVEN_NOTE, code_point_name
from .._words import counted, one_or_many
from .._wrong_kind import WrongKindError
from ._main import PROG

__all__ = [
    "PROG",
    "USER_ERRORS",
    "cli_spelling",
    "error_message",
    "missing_glyphs_in_one_warning",
    "one_line",
    "output_encoding_message",
    "TRAINING_READ",
    "show_warning",
    "warning_text",
]

# Errors a user can cause (bad files, values, names): one line, no traceback.
# scikit-learn's InvalidParameterError and NotFittedError are ValueErrors.
# MemoryError: a model file too large for this machine is the user's, not a bug.
# A TypeError is a bug (a call with the wrong arguments) unless the package's
# checks raised it as a WrongKindError (a model file that holds a dict).
USER_ERRORS = (OSError, ValueError, WrongKindError, ImportError, MemoryError)

# Optional dependencies: the package that is missing -> how to get it.
_INSTALL_HINTS = {
    # skops is a dependency of the package: missing, the install is incomplete.
    "skops": "this needs the skops package, which sknextchar depends on: "
    f"{SKOPS_INSTALL} (or use --format joblib when training)",
    "matplotlib": "this needs matplotlib: python -m pip install matplotlib",
}

# matplotlib's warning for each character its font cannot draw, matched by its
# start only, the part every release has kept: "Glyph 2325 (\N{...}) missing
# from font(s) NAME." in newer releases, "... missing from current font." in
# 3.8, which also warns, after each, that it does not support the script.
_MISSING_GLYPH = re.compile(r"Glyph (\d+) \(")
_GLYPH_FONT = re.compile(r"font\(s\) (.+?)\.?$")
_UNSUPPORTED_SCRIPT = re.compile(r"Matplotlib currently does not support (.+) natively")


# A line break of a message's own wrapping, and the spaces around it. A quoted
# name or path (a repr) has none: repr writes its line breaks as escapes.
_WRAP = re.compile(r"\s*[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]\s*")


def one_line(message):
    """A message with its line breaks (and the spaces around them) made single
    spaces.

    Only the message's own wrapping is joined: runs of spaces within a line are
    kept, so a quoted name or path (``'Mary  Ann'``) stays as it was given.

    Parameters
    ----------
    message : object
        The message, or an exception or warning whose text is wanted.

    Returns
    -------
    text : str

    Examples
    --------
    >>> from sknextchar.cli._errors import one_line
    >>> one_line("Cannot load\\n  'm.skops'.")
    "Cannot load 'm.skops'."
    >>> one_line("No such model file: 'my  model.skops'.")
    "No such model file: 'my  model.skops'."
    """
    return _WRAP.sub(" ", str(message)).strip()


def error_message(exc, places=None):
    """The one-line message of a user's error, after ``sknextchar: error:``.

    Parameters
    ----------
    exc : Exception
        One of ``USER_ERRORS``.
    places : Places or None, default=None
        Where the command's names came from: a name the message points at by
        its position in a list (``names[3]='o1'``) is named by its line in a
        file, or its argument, instead.

    Returns
    -------
    message : str
        How to install a missing optional dependency, or the error's own text.

    Examples
    --------
    >>> from sknextchar.cli._errors import error_message
    >>> error_message(ImportError("No module named 'matplotlib'", name="matplotlib"))
    'this needs matplotlib: python -m pip install matplotlib'
    >>> error_message(ValueError("bad\\nvalue"))
    'bad value'
    """
    if isinstance(exc, ImportError) and exc.name in _INSTALL_HINTS:
        return _INSTALL_HINTS[exc.name]
    if isinstance(exc, MemoryError):
        return f"out of memory ({one_line(exc) or 'MemoryError'}); try a smaller model"
    if isinstance(exc, PermissionError) and exc.filename is not None:
        return _unreadable_file_message(exc)
    # The system's own error (errno and strerror), as writing to standard output
    # gives; the package's errors about the files it writes say more themselves.
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC and exc.strerror:
        what = "the output" if exc.filename is None else shown_path(exc.filename)
        return (
            f"{what} could not be written: no space left on the device it goes "
            "to. Free some space there, or write to another disk, and run the "
            "command again."
        )
    if isinstance(exc, UnicodeEncodeError):
        stdout = output_encoding_message(exc)
        if stdout is not None:
            return stdout
    message = _long_prefix(exc) if isinstance(exc, LongPrefixError) else str(exc)
    # A JSON list of names: a command that writes them to a text file, not
    # Python's json.load.
    message = getattr(exc.args[0] if exc.args else None, "command_line", message)
    if isinstance(exc, EmptiedLabelsError):  # sample_weight: the --counts here
        message = emptied_labels_message(
            exc.labels,
            "Every row of {labels} has a count of 0 (--counts)",
            "give some of those rows a count above 0, or remove them",
        )
    message = message if places is None else places.rewrite(message)
    return cli_spelling(one_line(message))


def _long_prefix(error):
    """A prefix of more letters than ``max_length`` (a
    :class:`~sknextchar._dead_ends.LongPrefixError`), in the command line's
    terms, from the error's attributes."""
    from .._words import quoted

    shown = f"{error.place}={quoted(error.prefix)}"
    return long_prefix_message(
        shown, error.letters, error.max_length, error.what, bound="--max-length"
    )


def _unreadable_file_message(exc):
    """The message of the operating system's refusal to open a file.

    ``open`` says only ``[Errno 13] Permission denied: 'x.txt'``; this says
    which file could not be read and what to do. Writes never end here (the
    files written say so themselves: :func:`sknextchar._file_safety.atomic_write`).
    The path is shown as given, not respelled as flags.

    Parameters
    ----------
    exc : PermissionError
        The error of ``open`` (or ``os.stat``), with its ``filename``.

    Returns
    -------
    message : str

    Examples
    --------
    >>> import errno
    >>> from sknextchar.cli._errors import _unreadable_file_message
    >>> exc = PermissionError(errno.EACCES, "Permission denied", "names.txt")
    >>> print(_unreadable_file_message(exc))  # doctest: +NORMALIZE_WHITESPACE
    cannot read 'names.txt': Permission denied. Check its permissions (ls -l
    names.txt) and those of its folders, or copy it somewhere readable and pass
    the copy.
    """
    path = str(exc.filename)
    reason = exc.strerror or "Permission denied"
    return (
        f"cannot read {shown_path(path)}: {reason}. Check its permissions (ls -l "
        f"{shell_word(path)}) and those of its folders, or copy it somewhere "
        "readable and pass the copy."
    )


# Encodings that hold every character: the output's fault lies elsewhere.
_UNICODE_CODECS = ("utf-8", "utf-16", "utf-32", "utf-8-sig", "gb18030")


def output_encoding_message(exc, stream=None):
    """The message of a name the standard output's encoding cannot hold, or None.

    A console or file in a code page (Windows' cp1252, say, for ``sample >
    names.txt``) has no Arabic or Devanagari letters: Python refuses to write
    them (no letter is replaced silently), and its message names a codec
    ("'charmap' codec can't encode..."). This says what happened and what to do.

    Parameters
    ----------
    exc : UnicodeEncodeError
        The error of a write.
    stream : file or None, default=None
        The standard output; None is ``sys.stdout``.

    Returns
    -------
    message : str or None
        None when the error is not the output's: another encoding's error
        (its ``exc.encoding`` is not the output's), or an output that holds
        the characters, or holds every character.

    Examples
    --------
    >>> import io
    >>> from sknextchar.cli._errors import output_encoding_message
    >>> out = io.TextIOWrapper(io.BytesIO(), encoding="cp1252")
    >>> try:
    ...     "Zoë \u0645".encode("cp1252")
    ... except UnicodeEncodeError as exc:
    ...     print(output_encoding_message(exc, out))  # doctest: +NORMALIZE_WHITESPACE
    cannot print U+0645 (ARABIC LETTER MEEM): the standard output (a console
    or the file it is sent to) is encoded as cp1252, which has no such
    character, so the output stops at the line that holds it. Set the
    environment variable PYTHONUTF8=1 (or PYTHONIOENCODING=utf-8) and run
    the command again: the output is then UTF-8 (Windows: 'set PYTHONUTF8=1'
    in cmd, '$env:PYTHONUTF8=1' in PowerShell).

    An error of another encoding is not the output's, even when the output
    could not hold the character either:

    >>> try:
    ...     "\u0645".encode("ascii")
    ... except UnicodeEncodeError as exc:
    ...     print(output_encoding_message(exc, out))
    None
    """
    encoding = getattr(sys.stdout if stream is None else stream, "encoding", None)
    try:
        name = codecs.lookup(encoding).name
    except (LookupError, TypeError):
        return None
    if name in _UNICODE_CODECS or name.startswith(("utf-16", "utf-32")):
        return None
    text = exc.object[exc.start : exc.end] if isinstance(exc.object, str) else ""
    if not text:
        return None
    try:
        text.encode(name)
    except UnicodeEncodeError as again:
        # The output's encoder fails as the error's did: the same codec (a
        # code page's is 'charmap' in both), not another encoding's error.
        if _codec_name(again.encoding) != _codec_name(exc.encoding):
            return None
    else:
        return None  # the output holds these characters: another encoding failed
    chars = list(dict.fromkeys(text))  # each character once, in order
    shown = ", ".join(map(code_point_name, chars[:3]))
    return (
        f"cannot print {shown}{', ...' if len(chars) > 3 else ''}: the standard "
        f"output (a console or the file it is sent to) is encoded as {name}, "
        "which has no such character, so the output stops at the line that "
        "holds it. Set the environment variable PYTHONUTF8=1 (or "
        "PYTHONIOENCODING=utf-8) and run the command again: the output is then "
        "UTF-8 (Windows: 'set PYTHONUTF8=1' in cmd, '$env:PYTHONUTF8=1' in "
        "PowerShell)."
    )


def _codec_name(encoding):
    """The codec's canonical name ('latin-1' -> 'iso8859-1'), else ``encoding``."""
    try:
        return codecs.lookup(encoding).name
    except (LookupError, TypeError):
        return encoding


# A parameter and its value as the Python API's messages write them:
# alphabet='auto', encoding=..., max_iter=40, hidden_layer_sizes=(200, 100).
# A value ends before the full stop of its sentence ("sample without novel=True.").
# A flag's own --label=-x (a value that starts with "-") is spelled already.
_SETTING = re.compile(
    r"(?<![\w-])([a-z][a-z_]*)=('((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\""
    r"|\(([\d, ]*)\)|\.\.\.|[\w.+-]*[\w+-])"
)
# A setting whose value a message shows cut (quoted): pattern='aaa'... (100
# characters).
_CUT_SETTING = re.compile(
    r"(?<![\w-])([a-z][a-z_]*)=('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")"
    r"\.\.\. \(([\d,]+) characters\)"
)
# A parameter with an underscore in its name, named without a value (such names
# are not prose): end_symbol, validation_fraction.
_NAMED = re.compile(r"(?<![\w'\"=-])([a-z]+(?:_[a-z]+)+)(?![\w'\"=(])")
# A parameter whose name is one word, where only the parameter can be meant:
# starting a sentence as its subject ("alphabet is empty"), or after "lower"
# ("Lower alpha"). In prose, such a word comes with "the".
_WORD = re.compile(
    r"(?:^|(?<=[.;:] ))[a-z]+(?= (?:has|is|must|needs)\b)"
    r"|(?<=[Ll]ower )[a-z]+\b(?![\w'\"=(-])"
)
# An estimator's constructor around one setting that a flag spells:
# ContextWindowTransformer(--context-length ...).
_CONSTRUCTOR = re.compile(r"\b[A-Z][A-Za-z]*\((--[a-z][a-z-]* [^()]*)\)")
# What a message quotes from the user, never respelled: a quoted value (a
# repr, 'alpha=0.1/names.txt' or "o'neil", or a word quoted for the shell), an
# unquoted value typed after a flag (--label max_iter, -o a=1.skops), and the
# command to copy after "run: ", the rest of the message.
_USER_TEXT = re.compile(
    r"(?<!\w)(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")(?!\w)"
    r"|(?<![\w-])--?[a-z][a-z-]*[ =](?P<value>[^\s'\"]+)"
    r"|\brun: .*",
    re.DOTALL,
)


class _CallFlag:
    """A flag that passes an argument of a method call, not a parameter."""

    def __init__(self, flag, const=None):
        self.flag, self.const = flag, const  # const: a switch's value


# Arguments of NameSampler's methods that a command's own flag passes.
_CALL_FLAGS = {
    "label": _CallFlag("--label"),
    "min_label_proba": _CallFlag("--min-label-proba"),
    "max_bytes": _CallFlag("--max-bytes"),
    "allow_pickle": _CallFlag("--trust-pickle", const=True),
    "max_rounds": _CallFlag("--max-rounds"),
    "pattern": _CallFlag("--pattern"),
    "prefix": _CallFlag("--prefix"),  # one a warning offers (sample's "ma": "Ma")
    "novel": _CallFlag("--novel", const=True),
    "unique": _CallFlag("--unique", const=True),
    "match_lengths": _CallFlag("--match-lengths", const=True),
    "n_samples": _CallFlag("-n"),
    "keep_spelling": _CallFlag("--any-spelling", const=False),
    "chunk_size": _CallFlag("--chunk-size"),  # train_from_file's
    "exclude": _CallFlag("--exclude-file"),  # the names of the file, as a set
    "counts_column": _CallFlag("--counts"),  # train_from_file's and load_names'
    "names_column": _CallFlag("--names-column"),  # as counts_column
}


# Python advice that the command line gives another way: (Python, command line).
# What reads train's NAMES_FILE without the quote marks of its lines.
_NO_HEADER_QUOTES = (
    "pass --no-header --names-column 1 (a table of one column), which reads each "
    "line as a field of CSV, quotes removed"
)

_PYTHON_ADVICE = (
    ("Python does not read '~' as your home folder: pass os.path.expanduser(path)",
     "The shell reads '~' as your home folder only unquoted at the start of an "
     "argument (not after --flag=): write the path without quotes, or in full"),
    ("pass force=True to replace it, or save to another path",  # save_model's
     "pass --force to replace it, or choose another output file"),
    ("a model file is what save_model(model, path) writes",
     "a model file is what 'sknextchar train NAMES_FILE -o MODEL' writes"),
    ("or train the model again with ",
     "or train the model again ('sknextchar train NAMES_FILE -o MODEL') with "),
    (FOLD_ALPHABET_NOTE, ""),  # the command line runs no folds
    (FOLD_GIVEN_NOTE, ""),
    ("an alphabet that holds the letters of the names",
     "an --alphabet that holds the letters of the names"),
    ("a smaller validation_fraction, or early_stopping=False",
     "a smaller --validation-fraction, or --validation-fraction 0"),
    ("or early_stopping=False", "or --validation-fraction 0"),
    ("without a hold-out: early_stopping=False",
     "without a hold-out: --validation-fraction 0"),
    # Early stopping that kept epoch 1 (_epoch_records.first_epoch_message),
    # told in the words of train's pipeline.
    ("without a hold-out: clf__early_stopping=False",
     "without a hold-out: --validation-fraction 0"),
    ("fit it on names and their labels (e.g. NameSampler(pipe).fit(names, labels))",
     "train it with 'sknextchar train NAMES_FILE --labels COLUMN_OR_FILE'"),
    ("a sampler fitted with labels (NameSampler(pipe).fit(names, labels)); pass a "
     "label, or leave min_label_proba=None",
     "a model trained with 'sknextchar train NAMES_FILE --labels COLUMN_OR_FILE'; "
     "pass --label, or leave out --min-label-proba"),
    ("(Names or rows of sample_weight 0 are left out",
     "(Names of count 0 (--counts) are left out"),
    ("sample_weight brings the windows counted to",
     "The counts (--counts) bring the windows counted to"),
    ("count exactly; scale the weights down",
     "count exactly; divide every count by the same number"),
    ("Fit it again on the training names (NameSampler(FrozenEstimator(pipe))"
     ".fit(names) does not refit the pipeline)",
     "Train it again on all the names without --resume ('sknextchar train "
     "NAMES_FILE --keep-case ... -o MODEL')"),
    ("This NameSampler keeps case", "This model keeps case (--keep-case)"),
    # A fit that drops capitals (sknextchar._dropped_capitals).
    ("pass lowercase=True to learn capitals as lowercase letters",
     "leave out --keep-case to learn capitals as lowercase letters"),
    # Capitals of known letters with --keep-case (sknextchar._unknown_advice),
    # also as train_from_file spells it for its pipeline (--chunk-size);
    # "with lowercase=True" ends advice to train the model again.
    # The first hint when no alphabet is offered (a numbered list, "1. Anna").
    *((f"pass {prefix}lowercase=True to lowercase capitals",
       "leave out --keep-case to lowercase capitals") for prefix in ("windows__", "")),
    *((f"with {prefix}lowercase=True to lowercase capitals",
       "without --keep-case, to lowercase capitals") for prefix in ("windows__", "")),
    *((f"{prefix}lowercase=True to lowercase capitals",
       "leave out --keep-case to lowercase capitals") for prefix in ("windows__", "")),
    # A prefix with capitals for a model of lowercased names (_sample_request).
    ("(it was fitted with lowercase=True, the default)",
     "(it was trained without --keep-case)"),
    ("fit the model again with lowercase=False and alphabet='auto'",
     "train it again with --keep-case --alphabet auto"),
    ("pass the prefix in lowercase", "pass --prefix in lowercase"),
    # Only sample takes a prefix as --prefix (table's is CONTEXT, plot's --tree).
    ("give a shorter prefix (prefix=...)", "give a shorter --prefix"),
    ("leave strip_accents=None (the default), which keeps every character",
     "leave out --strip-accents, which keeps every character"),
    # The same, as train_from_file spells it for its pipeline (--chunk-size).
    ("leave windows__strip_accents=None (the default), which keeps every "
     "character", "leave out --strip-accents, which keeps every character"),
    # No row of a table without a header row has a name (train_from_file's,
    # --chunk-size): the command line counts columns from 1.
    ("pass its place as names_column (counted from 0)",
     "pass its number as --names-column (counted from 1)"),
    # A label to sample, score or draw by is always --label's string here.
    ("Unknown label '", "Unknown --label '"),
    ('Unknown label "', 'Unknown --label "'),  # a label with a "'" in it
    # A file of names changed while --chunk-size read it (sknextchar._file_passes).
    ("or, if the names fit in memory, load them with sknextchar.datasets."
     "load_names and fit the pipeline on them",
     "or, if the names fit in memory, train without --chunk-size, which reads "
     "them once"),
    # Names read with their quote marks (sknextchar._quoted_advice): train's
    # in memory, in chunks or resumed, and the names a model scores.
    (QUOTES_REMOVED, _NO_HEADER_QUOTES),
    (QUOTES_REMOVED_IN_CHUNKS, _NO_HEADER_QUOTES),
    # ... below a header "name" (header_quotes_removed): names_column='name'
    # is then spelled --names-column name, the reader left out.
    ("pass the names without their double quotes; the lines of a file: pass ",
     "pass "),
    (" to sknextchar.datasets.load_names(path) (a table of one column",
     " (a table of one column"),
    (" to train_from_file (a table of one column", " (a table of one column"),
    (QUOTES_REMOVED_TO_SCORE, 'add a header row, a first line "name", to '
     "--names-file and pass --names-column name, which reads each line as a "
     "field of CSV, quotes removed"),
    # A model file passed as a file of names (sknextchar.datasets._file_kinds).
    ("to sample or score names with it, load it with load_model(path)",
     "pass it as the MODEL of 'sknextchar sample' or 'sknextchar score'"),
    ("if it is a model you trust, load it with load_model(path, allow_pickle=True) "
     "to sample or score names",
     "if it is a model you trust, pass it as the MODEL of 'sknextchar sample "
     "--trust-pickle' or 'sknextchar score --trust-pickle'"),
)  # fmt: skip


def cli_spelling(message):
    """A message with its parameter hints spelled as command-line flags.

    The estimators' messages name parameters (``alphabet='auto'``); on the
    command line the same hint is a flag (``--alphabet auto``). Settings that no
    flag sets are left as they are, and so is what the message quotes from the
    user: a path, a label or a prefix (quoted, or a flag's value), and the
    command to copy after "run: ".

    Parameters
    ----------
    message : str

    Returns
    -------
    message : str

    Examples
    --------
    >>> from sknextchar.cli._errors import cli_spelling
    >>> cli_spelling("pass alphabet='auto', or handle_unknown='drop'.")
    'pass --alphabet auto, or --handle-unknown drop.'
    >>> cli_spelling("pass encoding=... (e.g. encoding='latin-1'); names[1]='x=y'")
    "pass --encoding ... (e.g. --encoding latin-1); names[1]='x=y'"
    >>> cli_spelling("P('f' | name) >= min_label_proba=0.9")
    "P('f' | name) >= --min-label-proba 0.9"
    >>> cli_spelling("Sample without novel=True.")
    'Sample without --novel.'
    >>> cli_spelling("The counts in counts_column='n' add up to 1e+16")
    'The counts in --counts n add up to 1e+16'
    >>> cli_spelling("Use a smaller validation_fraction, or early_stopping=False.")
    'Use a smaller --validation-fraction, or --validation-fraction 0.'
    >>> cli_spelling("Use more names of those labels, or early_stopping=False.")
    'Use more names of those labels, or --validation-fraction 0.'
    >>> cli_spelling("end_symbol must be one character")
    '--end-symbol must be one character'
    >>> cli_spelling("alphabet has repeated characters ['a']; list each once.")
    "--alphabet has repeated characters ['a']; list each once."
    >>> cli_spelling("hidden_layer_sizes=(200, 100) needs 9 GB. Lower alpha.")
    '--hidden-layer-sizes 200 100 needs 9 GB. Lower --alpha.'
    >>> cli_spelling("or pass windows__alphabet='auto'")
    'or pass --alphabet auto'
    >>> cli_spelling("Lengthen them (ContextWindowTransformer(context_length=...))")
    'Lengthen them (--context-length ...)'
    >>> cli_spelling("run: sknextchar table --label=-x m.skops ab")
    'run: sknextchar table --label=-x m.skops ab'
    >>> cli_spelling("No such file of names: 'alpha=0.1/n.txt'. Lower alpha.")
    "No such file of names: 'alpha=0.1/n.txt'. Lower --alpha."
    >>> print(cli_spelling("pattern=%r matches none; pattern=%r" % ("O'.*", "$'x")))
    --pattern "O'.*" matches none; --pattern '$'"'"'x'
    >>> print(cli_spelling("pattern='aaaa'... (1,000 characters) matches none"))
    --pattern 'aaaa' (cut after 4 of its 1,000 characters) matches none
    """
    for python, command_line in _PYTHON_ADVICE:
        advice = re.escape(python)
        message = _outside_user_text(advice, lambda _, cli=command_line: cli, message)
    message = _outside_user_text(_KEEP_CASE_AND, _keep_case_and, message)
    flags = _flags_by_parameter()

    def spell(match):
        param, text, quoted, double, numbers = match.groups()
        if quoted is not None or double is not None:  # a repr: the value itself
            quoted = _value_of(text, quoted if double is None else double)
        if param == "encoding":  # of the names files: "UTF-8 with BOM" quoted
            return f"--encoding {shell_word(quoted) if quoted is not None else text}"
        flag = flags.get(param)
        if flag is None:
            return match.group(0)
        if flag.const is not None:  # a switch such as --keep-case
            return flag.flag if text == repr(flag.const) else match.group(0)
        if numbers is not None:  # a tuple, typed as numbers after the flag
            return " ".join([flag.flag, *numbers.replace(",", " ").split()])
        if quoted is not None:  # as typed: --pattern "O'.*", --pattern=-x
            return flag_word(flag.flag, quoted)
        return f"{flag.flag} {text}"

    def spell_name(match):  # a parameter named without a value
        flag = flags.get(match.group(0))
        return match.group(0) if flag is None or flag.const is not None else flag.flag

    def spell_cut(match):  # never joined to "...": it is no whole value
        param, literal, total = match.groups()
        flag = flags.get(param)
        if flag is None or flag.const is not None:
            return match.group(0)
        shown = _value_of(literal, literal[1:-1])
        word = shell_word(shown)
        word = word if word[:1] in "'\"$" else f"'{word}'"  # quoted, always
        joined = "=" if shown.startswith("-") else " "  # as argparse reads it
        cut = f"cut after {len(shown):,} of its {total} characters"
        return f"{flag.flag}{joined}{word} ({cut})"

    message = _outside_user_text(_CUT_SETTING, spell_cut, message)
    message = _outside_user_text(_SETTING, spell, message)
    message = _outside_user_text(_WORD, spell_name, message)
    message = _outside_user_text(_NAMED, spell_name, message)
    message = _outside_user_text(_CONSTRUCTOR, r"\1", message)
    return _UNKNOWN_LABEL.sub(_unknown_label, message)  # its value, as typed


# Lowercasing (--keep-case left out) and another flag: the flag is not left
# out too ("... capitals ('I' -> 'i'), and with --handle-unknown drop", when
# training again; ", and pass --handle-unknown drop", when training).
_KEEP_CASE_AND = (
    r"(without --keep-case, to|leave out --keep-case to) lowercase capitals "
    r"\([^)]*\) and "
)


def _keep_case_and(match):
    """The lowercasing of :data:`_KEEP_CASE_AND`, then the other flag's verb."""
    verb = "with" if match[1].startswith("without") else "pass"
    return f"{match[0].removesuffix(' and ')}, and {verb} "


# An unknown label to sample, score or draw by, and the known one it is near,
# as Python shows them: by repr (a label shown by ascii, its accents escaped
# to tell it apart from one the model knows, is left so).
_LITERAL = r"""('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
_UNKNOWN_LABEL = re.compile(
    rf"Unknown --label {_LITERAL}(?:: did you mean {_LITERAL}\?)?"
)


def _unknown_label(match):
    """``Unknown --label 'fe male'``, ``did you mean --label M?``: --label's
    values as typed in a shell, bare when a file of --labels would be."""
    told = f"Unknown {_label_word(match[1], '--label ')}"
    if match[2] is None:
        return told
    return f"{told}: did you mean {_label_word(match[2])}?"


def _label_word(literal, escaped=""):
    """The label the Python string ``literal`` shows, as ``--label`` and its
    word (--label=-x, as every flag's value); a label shown by ascii, its
    accents escaped to tell it apart from one the model knows, is left so,
    after ``escaped``."""
    value = ast.literal_eval(literal)
    if literal != repr(value):
        return escaped + literal
    return flag_word("--label", value)


def _value_of(literal, inner):
    """The value a message shows as the Python string ``literal`` (its repr:
    ``'O\\\\w'`` is ``O\\w``); ``inner``, the text between its quotes, when
    it is no string literal."""
    try:
        with warnings.catch_warnings():  # "\\p" in text that is no repr
            warnings.simplefilter("ignore")
            value = ast.literal_eval(literal)
    except (ValueError, SyntaxError):
        return inner
    return value if isinstance(value, str) else inner


def _outside_user_text(pattern, replace, message):
    """``re.sub(pattern, replace, message)``, except for a match that starts in
    what the message quotes from the user (:data:`_USER_TEXT`): a path, a
    label, a prefix or a command is shown as the user gave it."""
    if re.search(pattern, message) is None:
        return message
    quoted = [
        match.span("value" if match["value"] is not None else 0)
        for match in _USER_TEXT.finditer(message)
    ]

    def outside(match):
        if any(start <= match.start() < end for start, end in quoted):
            return match.group(0)
        return replace(match) if callable(replace) else match.expand(replace)

    return re.sub(pattern, outside, message)


def _flags_by_parameter():
    """Every flag that passes a parameter or an argument, by its Python name."""
    from ._flags import KN_FLAGS, SAMPLER_FLAGS, TRAIN_FLAGS

    flags = {flag.param: flag for flag in TRAIN_FLAGS + KN_FLAGS + SAMPLER_FLAGS}
    # A parameter as the pipeline sets it (train_from_file's windows__alphabet).
    flags.update({flag.key: flag for flag in TRAIN_FLAGS + KN_FLAGS if flag.step})
    flags.update(_CALL_FLAGS)
    return flags


def show_warning(message, category, filename, lineno, file=None, line=None):
    """Print a warning as one line on stderr (a ``warnings.showwarning``).

    Parameters
    ----------
    message : Warning or str
        The warning.
    category : type
        Its class (not shown).
    filename, lineno, file, line : object
        Where it was raised (not shown).

    Examples
    --------
    >>> import sys
    >>> from sknextchar.cli._errors import show_warning
    >>> stderr, sys.stderr = sys.stderr, sys.stdout  # show it here
    >>> show_warning(UserWarning("careful\\n  now"), UserWarning, "x.py", 1)
    sknextchar: warning: careful now
    >>> sys.stderr = stderr
    """
    text = warning_text(message)
    print(f"{PROG}: warning: {cli_spelling(one_line(text))}", file=sys.stderr)


def warning_text(message):
    """The text of a warning, in the command line's words where the warning
    has its parts as data (labels of few names each, given by ``--labels``);
    any other warning's own text (:func:`cli_spelling` then spells its
    parameters as flags).

    Parameters
    ----------
    message : Warning or str

    Returns
    -------
    text : str

    Examples
    --------
    >>> from sknextchar._labels import FewNamesPerLabelWarning
    >>> warning_text(FewNamesPerLabelWarning(30, 30, 30))[:47]
    '30 distinct labels in --labels for 30 names, 30'
    """
    # Loaded if it warned: no other warning imports it (and scikit-learn).
    package = __package__.rpartition(".")[0]
    labels = sys.modules.get(f"{package}._labels")
    if labels is not None and isinstance(message, labels.FewNamesPerLabelWarning):
        return message.worded(labels="--labels", weights="--counts")
    quoted = sys.modules.get(f"{package}.datasets._quoted_lines")
    if (  # train --chunk-size (train_from_file) reads the file as a table of one column
        quoted is not None
        and isinstance(message, quoted.QuotedLinesWarning)
        and message.how == quoted.PYTHON_ONE_COLUMN
    ):
        return message.worded(quoted.COMMAND_LINE_ONE_COLUMN)
    header = sys.modules.get(f"{package}.datasets._header_as_data")
    if header is not None and isinstance(message, header.HeaderAsDataWarning):
        return message.worded(header.COMMAND_LINE, TRAINING_READ.get())
    return str(message)


#: Whether the file being read is train's, which ``--no-header`` reads
#: (:func:`~sknextchar.cli._no_header.command_line_words` sets it); other
#: commands' warnings advise writing a header row.
TRAINING_READ = contextvars.ContextVar("training_read", default=False)


@contextlib.contextmanager
def missing_glyphs_in_one_warning():
    """Report matplotlib's missing glyphs in one warning, not one per character.

    A picture of names in a script that the default font lacks (Devanagari,
    Chinese, Korean) makes matplotlib warn once per character: hundreds of
    lines. Other warnings are shown as they are.

    Examples
    --------
    >>> import sys, warnings
    >>> from sknextchar.cli._errors import missing_glyphs_in_one_warning
    >>> stderr, sys.stderr = sys.stderr, sys.stdout  # show it here
    >>> with missing_glyphs_in_one_warning():
    ...     for c in "कख":
    ...         warnings.warn(f"Glyph {ord(c)} (x) missing from font(s) DejaVu Sans.")
    ... # doctest: +ELLIPSIS
    sknextchar: warning: the font DejaVu Sans lacks 2 characters drawn ('कख'), ...
    >>> sys.stderr = stderr
    """
    glyphs, fonts, scripts = {}, set(), {}
    try:
        with warnings.catch_warnings(record=True) as caught:
            yield
    finally:
        for warning in caught:
            text = str(warning.message)
            match = _MISSING_GLYPH.match(text)
            script = _UNSUPPORTED_SCRIPT.match(text)
            if script is not None:
                scripts[script[1]] = None
            elif match is None:
                show_warning(warning.message, warning.category, "", 0)
            else:
                glyphs[chr(int(match[1]))] = None
                font = _GLYPH_FONT.search(text)
                fonts.add("in use" if font is None else font[1])
        if glyphs:
            show_warning(_glyphs_message(glyphs, fonts, scripts), UserWarning, "", 0)


def _glyphs_message(glyphs, fonts, scripts):
    """The one warning of :func:`missing_glyphs_in_one_warning`: matplotlib
    says it does not support a script only after a glyph of it is missing."""
    unsupported = f"matplotlib says it does not support {', '.join(scripts)} natively"
    shown = "".join(list(glyphs)[:20]) + ("..." if len(glyphs) > 20 else "")
    n = len(glyphs)
    return (
        f"the font {', '.join(sorted(fonts))} lacks {counted(n, 'character')} "
        f"drawn ({shown!r}), "
        f"{one_or_many(n, 'which shows as an empty box', 'which show as empty boxes')}"
        f": install a font that has {one_or_many(n, 'it', 'them')} (e.g. a Noto "
        "Sans font of the script) and "
        "name it in matplotlib's font.family setting (matplotlibrc)"
        + (f"; {unsupported}." if scripts else ".")
    )
