"""The arguments several commands of ``sknextchar`` share: models, names, labels."""

import argparse
import codecs

from .._model_checks import DEFAULT_MAX_BYTES
from .._shown_paths import flag_word
from ._flags import BYTE_COUNT, LABEL, NAMES_PATH, PATH
from ._stdin_files import read_stdin

__all__ = [
    "add_encoding",
    "add_flag_group",
    "add_force",
    "add_known_labels",
    "add_label",
    "add_loading_flags",
    "add_model_argument",
    "add_names",
    "add_training_names",
    "check_blank_columns",
    "check_reading_flags",
]


def add_model_argument(parser):
    parser.add_argument(
        "model", metavar="MODEL", type=PATH, help="a model file saved by train"
    )
    add_loading_flags(parser)


def add_loading_flags(parser, *, max_bytes_default=DEFAULT_MAX_BYTES):
    """--trust-pickle and --max-bytes: how a model file is loaded.

    ``train`` leaves --max-bytes unset unless given (``argparse.SUPPRESS``), so
    that it can refuse the flag without --resume; --resume reads the default.
    """
    parser.add_argument(
        "--trust-pickle",
        action="store_true",
        help="allow loading a joblib/pickle model file; loading one runs code from "
        "the file, so only use it for files you trust (skops files need no flag)",
    )
    parser.add_argument(
        "--max-bytes",
        type=BYTE_COUNT,
        default=max_bytes_default,
        metavar="BYTES",
        help="refuse a model file larger than this once uncompressed, e.g. 2G, or "
        "'none' for no limit (default: 512M)",
    )


def add_flag_group(parser, title, description, flags, positional=None):
    """A group of flags of the table (:class:`~._flags.Flag`); ``positional``
    names the command's positional argument, which a list flag may take."""
    group = parser.add_argument_group(title, description)
    for flag in flags:
        flag.add_to(group, positional)


def add_label(parser, used_by=None):
    """``--label`` of the commands that generate, score or draw names."""
    parser.add_argument(
        "--label",
        type=LABEL,
        help="for a model trained with --labels: the label of the names, one of "
        "the labels it was trained with"
        + ("" if used_by is None else f" (for {used_by})")
        + " (default: none)",
    )


def add_known_labels(parser):
    """``classify --labels COLUMN_OR_FILE``, and ``--label`` (``score``'s and
    ``sample``'s) refused in its place: argparse would read it as an
    abbreviation of ``--labels``.

    Examples
    --------
    >>> import argparse
    >>> parser = argparse.ArgumentParser(prog="classify", exit_on_error=False)
    >>> add_known_labels(parser)
    >>> parser.parse_args(["--labels", "sex"]).labels
    'sex'
    >>> parser.parse_args(["--label", "female"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argparse.ArgumentError: argument --label: classify has no --label (the label ...
    """
    parser.add_argument(
        "--labels",
        metavar="COLUMN_OR_FILE",
        help="the known label of each name of --names-file, read as train "
        "--labels reads them: COLUMN, the label column of --names-file read as a "
        "table with a header row; or FILE, one label per line, one for each line "
        "of --names-file: print each name's given label and whether the model's "
        "is right, then the accuracy and balanced accuracy on stderr (default: no "
        "known labels)",
    )
    parser.add_argument(
        "--label",
        nargs="?",
        action=_NoLabel,
        default=argparse.SUPPRESS,
        help=argparse.SUPPRESS,
    )


class _NoLabel(argparse.Action):
    """``classify --label``, refused with what the user may have meant."""

    def __call__(self, parser, namespace, values, option_string=None):
        raise argparse.ArgumentError(
            self,
            "classify has no --label (the label of the names that score and sample "
            "take): it prints the most probable label of each name. To compare "
            "them with known labels, pass --names-file FILE and --labels COLUMN, "
            "the column of FILE that holds them.",
        )


def add_training_names(parser):
    """NAMES_FILE, --labels, --counts and --encoding of ``train``."""
    first = len(parser._actions)
    parser.add_argument(
        "names_file",
        metavar="NAMES_FILE",
        nargs="?",
        type=NAMES_PATH,
        help="a text file, one name per line (UTF-8 unless --encoding says "
        "otherwise; a byte-order mark, any line ending and blank lines are fine; "
        "default: the bundled 15,074 Indian names), or a table (a .csv file) whose "
        "header row has a column of names: 'name', 'first name', 'given name'... "
        "(see --names-column)",
    )
    parser.add_argument(
        "--labels",
        metavar="COLUMN_OR_FILE",
        help="train one model of names by label (sample --label then picks one): "
        "COLUMN is the label column of NAMES_FILE read as a CSV file with a header "
        "(names from --names-column, else its first column whose header says "
        "'name', else its first other column), so a CSV of "
        "name,label works with --labels label; FILE has one label per line, one "
        "for each line of NAMES_FILE; a first line that is a header ('name' in "
        "NAMES_FILE, 'sex' or 'label' in FILE) is read as that file's header row, "
        "with a note (with --no-header, COLUMN is the number of the label column, "
        "counted from 1). Without NAMES_FILE, --labels label "
        "uses the bundled names' labels, female or male (default: no labels)",
    )
    parser.add_argument(
        "--counts",
        metavar="COLUMN",
        help="NAMES_FILE is a table with a column of counts, how many times each "
        "name occurs (name,count; the US baby-name files, read with --no-header): "
        "COLUMN is its header (its number, counted from 1, with --no-header), "
        "and a name of count 3 "
        "trains as if it were on three lines (0 leaves it out; whole numbers "
        "for --model kneser-ney). Works with --labels COLUMN, --chunk-size and "
        "--resume (default: each name once)",
    )
    parser.add_argument(
        "--no-header",
        action="store_true",
        help="NAMES_FILE is a table without a header row, its first row data (the "
        "US baby-name files, Emma,F,18688): --names-column (needed), --labels "
        "and --counts then give its columns by number, counted from 1 as cut, "
        "awk and spreadsheets count them, e.g. --no-header --names-column 1 "
        "--labels 2 --counts 3 (default: a table's first row is its header)",
    )
    add_encoding(parser, ("names_file", "NAMES_FILE"))
    # The flags added here choose and read the names: a command line offered
    # to read them again (train --resume after Ctrl-C) repeats those given.
    added = parser._actions[first:]
    parser.set_defaults(reading_actions=tuple(a for a in added if a.option_strings))


def add_names(parser, verb):
    """NAME..., --names-file and --encoding of the commands that read names."""
    parser.add_argument("names", metavar="NAME", nargs="*", help=f"names to {verb}")
    parser.add_argument(
        "--names-file",
        metavar="FILE",
        help=f"also {verb} the names of this file, one name per line (or the "
        "column of names of a table, as NAMES_FILE of train)",
    )
    add_encoding(parser, ("names_file", "--names-file FILE"))


def add_encoding(parser, read_file):
    """--encoding and --names-column: how the names files are read.

    ``read_file`` is the file they read, ``(dest, as the command line shows
    it)``: :func:`check_reading_flags` refuses them without it.
    """
    parser.set_defaults(read_file=read_file)
    parser.add_argument(
        "--names-column",
        action=_StoreGiven,
        metavar="COLUMN",
        help="read the names files as tables (a header row, a comma, semicolon or "
        "tab between fields) and take the names from the column with this header "
        "(train --no-header: its number, counted from 1; "
        "default: a header row with a column 'name', 'names', 'first name', "
        "'given name', 'forename' or the like makes a file a table, read from that "
        "column; any other file has one name per line)",
    )
    parser.add_argument(
        "--encoding",
        action=_StoreGiven,
        default="utf-8",
        help="text encoding of the names files, e.g. latin-1 or utf-16 (default: "
        "utf-8, with or without a byte-order mark)",
    )
    parser.add_argument(
        "--sheet",
        action=_StoreGiven,
        metavar="NAME_OR_NUMBER",
        help="the sheet of an Excel workbook (.xlsx, .xlsm; needs openpyxl: pip "
        'install "sknextchar[excel]") to read the names from, by its name or its '
        "number counted from 1 (default: the first sheet shown); the sheet is read "
        "as a CSV file of the same rows",
    )


class _StoreGiven(argparse.Action):
    """Store a flag's value, and note that it was given (``--encoding
    utf-8`` as well as its default)."""

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values)
        given = getattr(namespace, "given_flags", ())
        namespace.given_flags = (*given, (self.dest, option_string, values))


def check_reading_flags(args):
    """Refuse ``--names-column`` and ``--encoding`` without the file they
    read: NAMES_FILE of ``train`` (``--names-column`` also picks the names of
    the bundled table beside ``--labels COLUMN``), ``--names-file`` of
    ``score`` and ``classify``, ``--exclude-file`` of ``sample``.
    ``--encoding utf-8``, the default under any of its names (``UTF8``,
    ``utf_8``), is accepted without a file: a script may always pass it.

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> argv = ["score", "m.skops", "asha", "--encoding", "latin-1"]
    >>> check_reading_flags(build_parser().parse_args(argv))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: --encoding latin-1 says how to read --names-file FILE, and no ...
    >>> check_reading_flags(build_parser().parse_args(argv[:3] + ["--encoding=UTF8"]))
    """
    check_blank_columns(args)
    read_stdin(args)  # "-": standard input
    dest, shown = getattr(args, "read_file", (None, None))
    if dest is None or getattr(args, dest, None) is not None:
        return
    for flag, option, value in getattr(args, "given_flags", ()):
        if flag == "names_column" and getattr(args, "labels", None) is not None:
            continue  # the column of names of the bundled table of labels
        if flag == "encoding" and _is_utf8(value):
            continue  # the default, given: nothing to read differently
        what = f"which column of {shown} holds the names"
        if flag == "encoding":
            what = f"how to read {shown}"
        if flag == "sheet":
            what = f"which sheet of {shown} (an Excel workbook) to read"
        bundled = " (train then reads the bundled names)" * (shown == "NAMES_FILE")
        raise ValueError(
            f"{flag_word(option, value)} says {what}, and no {shown.split()[0]} "
            f"was given{bundled}: pass {shown}, or leave out {option}."
        )


# The flags that read a column by its header, what they read, and an example.
_COLUMN_FLAGS = (
    ("names_column", "--names-column", "names", "name"),
    ("labels", "--labels", "labels", "sex"),
    ("counts", "--counts", "counts", "count"),
)


def check_blank_columns(args):
    """Refuse a blank header (``--names-column ''``) given to a flag that
    reads a column by its header, as ``load_names`` refuses
    ``names_column=''`` (with ``--no-header``, the column numbers say).

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> argv = ["train", "k.csv", "--names-column", "", "-o", "m.skops"]
    >>> check_blank_columns(build_parser().parse_args(argv))
    Traceback (most recent call last):
    ...
    ValueError: --names-column '' is blank: pass the header of the column of names ...
    """
    if getattr(args, "no_header", False):
        return
    for dest, flag, what, example in _COLUMN_FLAGS:
        value = getattr(args, dest, None)
        if isinstance(value, str) and not value.strip():
            train = hasattr(args, "no_header")  # whose --labels may be a file
            file = ", or a file of labels" * (dest == "labels" and train)
            raise ValueError(
                f"{flag_word(flag, value)} is blank: pass the header of the "
                f"column of {what} (e.g. {flag} {example}){file}, or leave out "
                f"{flag}."
            )


def _is_utf8(encoding):
    """Whether ``encoding`` is a name of UTF-8, the default of --encoding."""
    try:
        return codecs.lookup(encoding).name == codecs.lookup("utf-8").name
    except (LookupError, ValueError):  # unknown, or a NUL in the name
        return False


def add_force(parser, replaced="a model file"):
    parser.add_argument(
        "--force",
        action="store_true",
        help=f"replace the output file if it exists and is {replaced} (an input "
        "file is never replaced, nor anything that is not a regular file)",
    )
