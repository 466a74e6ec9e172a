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
    _main_job()
    return 0


def _main_job():
    """Load the bundled names, fit the transformer, print the lecture's table."""
    from ._transformer import ContextWindowTransformer
    from .datasets import load_indian_names

    names = load_indian_names()
    transformer = ContextWindowTransformer(context_length=3).fit(names)
    windows = transformer.transform(names)
    print(f"{len(names)} names -> {len(windows)} windows of context length 3")
    example = transformer.transform(["abid"])
    contexts = transformer.decode(example.contexts)
    for context, target in zip(contexts, transformer.decode(example.targets)):
        print(f"  {context} -> {target}")
