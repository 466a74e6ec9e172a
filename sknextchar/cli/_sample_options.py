"""The options of ``sample`` that choose which names it prints: the filters
that keep or leave out names (``--unique``, ``--pattern``, ``--novel``,
``--min-label-proba``, ``--exclude-file``, and ``--max-rounds``, the batches
drawn for them), and those about names like the training names
(``--match-lengths``, ``--any-spelling``, ``--report``)."""

from ._flags import POSITIVE_INT, PROBABILITY

__all__ = ["add_sample_filters", "add_sample_likeness"]


def add_sample_filters(parser):
    """The options of ``sample`` that keep or leave out names.

    Examples
    --------
    >>> import argparse
    >>> parser = argparse.ArgumentParser()
    >>> add_sample_filters(parser)
    >>> args = parser.parse_args(["--novel", "--max-rounds", "5"])
    >>> args.novel, args.unique, args.max_rounds
    (True, False, 5)
    """
    parser.add_argument(
        "--unique", action="store_true", help="no name twice in the output"
    )
    parser.add_argument(
        "--pattern",
        metavar="REGEX",
        help="only names that fully match this Python regular expression, e.g. "
        "'.*a' (ends with a), '.*sh.*' (contains sh), '[^xyz]*' (no x, y or z)",
    )
    parser.add_argument(
        "--novel",
        action="store_true",
        help="only names that are not among the model's own training names (the "
        "record 'train' saves with the model); a new name can still come twice: "
        "add --unique for distinct new names",
    )
    parser.add_argument(
        "--min-label-proba",
        type=PROBABILITY,
        metavar="P",
        help="with --label: only names the model itself recognises as of that "
        "label, with P(label | name) >= P by Bayes' rule with equal priors "
        "(rejection; e.g. 0.5; default: none)",
    )
    parser.add_argument(
        "--max-rounds",
        type=POSITIVE_INT,
        default=20,
        metavar="N",
        help="batches of names to draw before giving up on names that --novel, "
        "--unique, --pattern or --min-label-proba keep rarely (default: 20)",
    )
    parser.add_argument(
        "--exclude-file",
        metavar="FILE",
        help="never print a name of this file (one name per line, or the column "
        "of names of a table, as NAMES_FILE of train)",
    )


def add_sample_likeness(parser):
    """The options of ``sample`` about names like the training names, --report.

    Examples
    --------
    >>> import argparse
    >>> parser = argparse.ArgumentParser()
    >>> add_sample_likeness(parser)
    >>> args = parser.parse_args(["--report"])
    >>> args.report, args.match_lengths, args.any_spelling
    (True, False, False)
    """
    parser.add_argument(
        "--match-lengths",
        action="store_true",
        help="give the names the length distribution of the model's training "
        "names (rejection on length; within a length the model's proportions)",
    )
    parser.add_argument(
        "--any-spelling",
        action="store_true",
        help="also print names spelled as no training name is (a capital inside "
        "a word, a change of script, a doubled hyphen...), which are left out by "
        "default; names of the letters a-z alone are never left out",
    )
    parser.add_argument(
        "--report",
        action="store_true",
        help="after the names, print on stderr how many are distinct, training "
        "names or new, and how their lengths compare with the training names' "
        "(stdout holds the names alone)",
    )
