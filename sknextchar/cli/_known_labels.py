"""``classify --labels COLUMN_OR_FILE``: names whose labels are known, and how
many the model gets right.

The names of ``--names-file`` and their labels are read as ``train --labels
COLUMN_OR_FILE`` reads NAMES_FILE and its labels
(:func:`~sknextchar.cli._labelled.read_labelled_names`): a column of the table,
or a file of one label per line beside one name per line; one row per line:
a name on two lines counts twice in the accuracy, once with each label. The
accuracy is the share of names given their label; the balanced accuracy the
mean, over the labels of the file, of the share of that label's names given
it (scikit-learn's ``balanced_accuracy_score``), which a file of mostly one
label does not inflate.
"""

import sys

from .._words import and_more, quoted
from ._commands import names_column
from ._places import places_of

__all__ = ["labelled_names", "print_accuracy"]


def labelled_names(args):
    """The names of ``--names-file`` and their labels: its column ``--labels``,
    or the file ``--labels`` of one label per line.

    Parameters
    ----------
    args : argparse.Namespace
        ``classify``'s, with ``labels`` given.

    Returns
    -------
    names, labels : list of str

    Raises
    ------
    ValueError
        With NAME arguments (which have no label): the parser already refuses
        a command line without NAME or ``--names-file``.

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> args = build_parser().parse_args(["classify", "m.skops", "asha", "--labels",
    ...                                   "sex"])
    >>> labelled_names(args)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: --labels sex gives the known labels of the names of --names-file, ...
    """
    from ._column_note import shell_word
    from ._labelled import read_labelled_names
    from ._lengths import check_name_lengths
    from ._no_header import command_line_words

    flag = f"--labels {shell_word(args.labels)}"
    if args.names:
        raise ValueError(
            f"{flag} gives the known labels of the names of --names-file, and NAME "
            f"{quoted(args.names[0])} was given: pass the names in --names-file "
            "(a CSV file name,label with --labels label, or one name per line "
            "with --labels a file of one label per line), and no NAME."
        )
    with command_line_words(training=False, model=args.model):
        names, labels = read_labelled_names(
            args.names_file, args.labels, encoding=args.encoding,
            places=places_of(args), names_column=names_column(args),
            training=False,
        )  # fmt: skip
    check_name_lengths(names, args.names_file, places_of(args))  # as given_names
    return names, labels


def print_accuracy(truth, predicted, model_labels, flag):
    """Print on stderr the accuracy and the balanced accuracy.

    Parameters
    ----------
    truth : list of str
        The known label of each name.
    predicted : list of str or None
        The model's label of each name (None: it could tell none).
    model_labels : list of str
        The labels the model was trained with.
    flag : str
        ``--labels COLUMN`` as typed, for the lines printed.

    Examples
    --------
    >>> import contextlib, io
    >>> err = io.StringIO()
    >>> with contextlib.redirect_stderr(err):
    ...     print_accuracy(["f", "f", "f", "m"], ["f", "f", "m", "f"], ["f", "m"],
    ...                    "--labels sex")
    >>> print(err.getvalue().strip())
    Accuracy: 0.500 (2 of the 4 names given their label of --labels sex).
    Balanced accuracy: 0.333 (the mean of: f 0.667 (2 of 3), m 0.000 (0 of 1)).
    """
    right = [t == p for t, p in zip(truth, predicted)]
    by_label = {}
    for label, ok in zip(truth, right):
        by_label.setdefault(label, []).append(ok)
    shares = {label: sum(oks) / len(oks) for label, oks in by_label.items()}
    parts = and_more(
        [
            f"{label} {shares[label]:.3f} ({sum(oks):,} of {len(oks):,})"
            for label, oks in sorted(by_label.items())
        ]
    )
    n = len(truth)
    print(
        f"Accuracy: {sum(right) / n:.3f} ({sum(right):,} of the {n:,} names given "
        f"their label of {flag}).\nBalanced accuracy: "
        f"{sum(shares.values()) / len(shares):.3f} (the mean of: {parts}).",
        file=sys.stderr,
    )
    _note_unknown_labels(by_label, model_labels, flag)


def _note_unknown_labels(by_label, model_labels, flag):
    """Note the labels of the file the model was not trained with: their
    names are all counted wrong (``F`` for a model of ``female``; ``Female``
    is told as differing only in case from ``female``)."""
    other = sorted(set(by_label) - set(model_labels))
    if not other:
        return
    folded = {label.casefold(): label for label in model_labels}
    shown = []
    for label in other:
        twin = folded.get(label.casefold())
        case = "" if twin is None else f"; differs only in case from {quoted(twin)}"
        shown.append(f"{quoted(label)} ({len(by_label[label]):,}{case})")
    shown = and_more(shown)
    print(
        f"Note: labels of {flag} the model was not trained with, their names "
        f"all counted wrong: {shown}; the model's labels are "
        f"{and_more(list(map(quoted, model_labels)))}.",
        file=sys.stderr,
    )
