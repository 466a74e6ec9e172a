"""``train NAMES_FILE --no-header``: a table without a header row, its
columns given by number.

The US baby-name files (``Emma,F,18688``: name, sex, count) have no header
row: ``--no-header --names-column 1 --labels 2 --counts 3`` reads them,
columns counted from 1 as ``cut``, ``awk`` and spreadsheets count them (the
Python readers take ``header=None`` and positions counted from 0). The rows
are read as those of a table with a header are
(:mod:`sknextchar.datasets._positions`), from the first.
"""

import contextlib
import os

from .._shown_paths import shown_path
from ..datasets._column_arguments import COMMAND_LINE, NoColumnError
from ..datasets._column_choice import placed_columns_words
from ..datasets._labelled_table import UnlabelledRows
from ..datasets._long_lines import MAX_ROW_LETTERS
from ..datasets._noted_rows import noted_first
from ..datasets._positions import NoNamesError, PlacedColumn, position_table
from ..datasets._table_rows import UnnamedRows, text_lines
from ..datasets._tables import cells_below, named_rows
from ..datasets._text_files import read_text
from ._column_note import shell_word
from ._errors import TRAINING_READ
from ._label_checks import checked_labels, is_labels_file
from ._labelled import unnamed_note
from ._places import places_of
from ._weights import CountsColumn, untitled_counts

__all__ = [
    "check_columns",
    "command_line_words",
    "file_columns",
    "headerless_names",
    "no_header",
]

# The flags that give a column by number with --no-header, and what they read.
_FLAGS = (
    ("names", "--names-column", "names_column"),
    ("labels", "--labels", "labels"),
    ("counts", "--counts", "counts"),
)


@contextlib.contextmanager
def command_line_words(training=True, model=None):
    """Tell an error of a column missing from a file's header row, or of a
    file with no names in its column, in the command line's words
    (``--no-header``, columns counted from 1); its warnings too, with
    ``--no-header`` offered only to ``training`` (:data:`TRAINING_READ`); and a
    file of labels that is a table, with the command that reads it for the
    model file ``model``."""
    from ._paired import LabelsTableError

    token = TRAINING_READ.set(training)
    try:
        yield
    except LabelsTableError as error:
        raise (error if model is None else error.for_model(model)) from None
    except NoColumnError as error:
        raise error.in_command_line(training=training) from None
    except NoNamesError as error:
        raise error.in_command_line() from None
    finally:
        TRAINING_READ.reset(token)


def no_header(args):
    """Whether ``--no-header`` was given (False for a command without it)."""
    return bool(getattr(args, "no_header", False))


def _column_positions(args):
    """The columns of NAMES_FILE that ``--no-header`` reads, counted from 0:
    ``{"names": 0, "labels": 1, "counts": 2}`` for ``--names-column 1
    --labels 2 --counts 3`` (the flags left out, left out).

    Raises
    ------
    ValueError
        Without NAMES_FILE or ``--names-column``, for a flag that is no
        column number (``0``, ``-1``, ``sex``), or two flags of one column.

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> argv = ["train", "yob.txt", "--no-header", "--names-column", "1",
    ...         "--labels", "2", "--counts", "3", "-o", "m.skops"]
    >>> _column_positions(build_parser().parse_args(argv))
    {'names': 0, 'labels': 1, 'counts': 2}
    """
    if not args.names_file:
        raise ValueError(
            "--no-header says that NAMES_FILE has no header row, and no NAMES_FILE "
            "was given (train then reads the bundled names): pass NAMES_FILE, or "
            "leave out --no-header."
        )
    if getattr(args, "names_column", None) is None:
        raise ValueError(
            f"--no-header reads {shown_path(args.names_file)} as a table without a "
            "header "
            "row, its columns given by number, counted from 1: pass --names-column "
            "N, the number of its column of names (e.g. --no-header --names-column "
            "1 for the first column)."
        )
    positions, flags = {}, {}
    for what, flag, dest in _FLAGS:
        value = getattr(args, dest, None)
        if value is None:
            continue
        if what == "labels" and is_labels_file(value) and not value.isdigit():
            raise ValueError(
                f"--labels {shell_word(value)} is a file of labels, one per line "
                "of a NAMES_FILE of one name per line, and --no-header reads "
                "NAMES_FILE as a table: pass --labels N, the number of its column "
                "of labels, or leave out --no-header."
            )
        try:
            at = _number(value, flag)
        except ValueError as error:
            if what != "labels" or "names" not in positions:
                raise
            raise ValueError(_with_columns(error, args, positions["names"])) from None
        if at in flags:
            raise ValueError(
                f"{flags[at]} {at + 1} and {flag} {at + 1} are the same column of "
                f"{shown_path(args.names_file)}: pass the number of each column, "
                "counted "
                "from 1, one column for each flag."
            )
        positions[what], flags[at] = at, flag
    return positions


def _number(value, flag):
    """The column ``flag`` gives, a number counted from 1, as counted from 0."""
    text = str(value).strip()
    if text.isascii() and text.isdigit() and int(text) >= 1:
        return int(text) - 1
    header = "; a header names a column only without --no-header"
    header = "" if text.lstrip("+-").isdigit() else header
    raise ValueError(
        f"{flag} {shell_word(value)} is no column number: with --no-header, pass "
        f"the number of a column, counted from 1 (e.g. {flag} 1 for the first "
        f"column){header}."
    )


def _with_columns(error, args, names_at):
    """The message of ``error`` (``--labels sex``, no column number) with the
    columns of NAMES_FILE, their first values, and its likely column of
    labels (:func:`placed_columns_words`), when its first lines are read."""
    from ..datasets._base import first_lines

    try:
        lines = first_lines(args.names_file, args.encoding) or []
        table = position_table(lines, args.names_file, {"names": names_at})
        words = placed_columns_words(lines, table, COMMAND_LINE)
    except (OSError, ValueError):  # its reading says what is wrong, in turn
        return str(error)
    return f"{str(error).rstrip('.')}. {shown_path(args.names_file)} has {words}."


def file_columns(args, names_column):
    """The arguments of ``train_from_file`` that say which columns of
    NAMES_FILE it reads: ``names_column`` (the column of names, as
    :func:`~sknextchar.cli._commands.chunked_names_column` found it),
    ``counts_column`` and ``header``; by position with ``--no-header``."""
    if not no_header(args):
        counts = _counts_column_argument(args, getattr(args, "counts", None))
        return {"names_column": names_column, "counts_column": counts}
    positions = _column_positions(args)
    return {
        "names_column": positions["names"],
        "counts_column": positions.get("counts"),
        "header": None,
    }


def _counts_column_argument(args, counts):
    """``--counts N`` as ``train_from_file`` reads it: the position (counted
    from 0) of the column of NAMES_FILE's header row left without a title
    that N numbers (``name,`` above ``Anna,3``: ``--counts 2``), else as
    given (a header)."""
    from ..datasets._base import first_lines, header_row_of_lines

    if counts is None:
        return None
    lines = first_lines(args.names_file, args.encoding)
    _, table, _ = header_row_of_lines(lines, args.names_file)
    at = None if table is None else untitled_counts(table.header, counts, table.name_at)
    return counts if at is None else at


def check_columns(args):
    """Refuse the columns of ``--no-header`` that the first row of NAMES_FILE
    has not (saying how many it has), from its first lines only: the file
    read in chunks (``--chunk-size``, ``--resume``). Returns the column of
    names, counted from 0."""
    from ..datasets._base import first_lines

    positions = _column_positions(args)
    lines = first_lines(args.names_file, args.encoding) or []
    position_table(lines, args.names_file, positions, COMMAND_LINE)
    return positions["names"]


def headerless_names(args):
    """The names of NAMES_FILE with ``--no-header``, their labels (None
    without ``--labels``) and their counts (None without ``--counts``), the
    lines of the names recorded for messages.

    Examples
    --------
    >>> import os, tempfile
    >>> from sknextchar.cli import build_parser
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "yob.txt")
    ...     with open(path, "w") as f:
    ...         _ = f.write("Emma,F,18688\\nLiam,M,19837\\n")
    ...     argv = ["train", path, "--no-header", "--names-column", "1",
    ...             "--labels", "2", "--counts", "3", "-o", "m.skops"]
    ...     headerless_names(build_parser().parse_args(argv))
    (['Emma', 'Liam'], ['F', 'M'], array([18688., 19837.]))
    """
    positions = _column_positions(args)
    path = args.names_file
    text = read_text(path, encoding=args.encoding, longest=MAX_ROW_LETTERS)
    table = position_table(text_lines(text), path, positions, COMMAND_LINE)
    source = shown_path(path)
    counts = _counts_column(args, text, table, positions.get("counts"), source)
    names, labels, lines, unnamed = [], [], [], UnnamedRows()
    label_at = positions.get("labels")
    if label_at is not None:  # "its 2nd column (--labels 2)"
        label_words = PlacedColumn(label_at).read_as("labels", COMMAND_LINE)
        unlabelled = UnlabelledRows(source, label_words)
    else:
        unlabelled = None
    with noted_first(unlabelled, counts):  # noted rows before a later error
        for line, fields in named_rows(text_lines(text), table, source, unnamed):
            name = fields[table.name_at]
            if label_at is not None:
                if not unlabelled.check(fields[label_at], name, line):
                    if counts is not None:  # its count told with its label
                        counts.add(fields[counts.at], name, line, kept=False)
                    continue  # refused with the others after the last row
                labels.append(fields[label_at])
            if counts is not None:
                counts.add(fields[counts.at], name, line)
            names.append(name)
            lines.append(line)
        if unlabelled is not None:
            unlabelled.refuse_noted()
    kept = ("count",) * (counts is not None) + ("label",) * (label_at is not None)
    unnamed_note(unnamed, source, kept, none_named=not names)  # before a refusal
    if not names:  # "in its 1st column (--names-column 1)"
        raise NoNamesError(os.fspath(path), table.name_at).in_command_line()
    places_of(args).add_lines("names", path, names, lines)
    weights = None if counts is None else counts.weights()
    if label_at is None:
        return names, None, weights
    return (
        names,
        checked_labels(labels, weights, args.labels, path, args.counts),
        weights,
    )


def _counts_column(args, text, table, at, source):
    """The :class:`CountsColumn` of ``--counts`` (None without it)."""
    if at is None:
        return None

    def ahead(line):  # the cells below line, for counts such as 1.500 that tell late
        return cells_below(text_lines(text), table, at, line)

    whole = getattr(args, "model", None) == "kneser-ney"
    column = PlacedColumn(at)  # "the 3rd column", no header
    return CountsColumn(source, column, whole, at, table.delimiter, ahead)
