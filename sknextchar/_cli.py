"""The ``sknextchar`` command line."""

import argparse
import sys

from . import __version__


def build_parser():
    """The argument parser of the ``sknextchar`` command."""
    parser = argparse.ArgumentParser(
        prog="sknextchar",
        description="Character-level next-token prediction for names.",
    )
    parser.add_argument(
        "--version", action="version", version=f"sknextchar {__version__}"
    )
    return parser


def main(argv=None):
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``).

    Returns
    -------
    status : int
        The exit status.
    """
    parser = build_parser()
    parser.parse_args(sys.argv[1:] if argv is None else argv)
    return 0
