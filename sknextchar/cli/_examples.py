"""The examples at the end of each command's ``--help``: the command lines a
user starts with, as the program's own help ends with its examples."""

import argparse

__all__ = ["EXAMPLES", "ExamplesFormatter"]

#: Each command -> the examples its help ends with, as typed in a shell.
EXAMPLES = {
    "train": """\
examples:
  sknextchar train names.txt -o names.skops    a file of names, one per line
  sknextchar train -o names.skops              the bundled names
  sknextchar train names.txt --max-iter 40 --seed 1 -o names.skops
  sknextchar train kids.csv --names-column name --labels sex -o by_sex.skops
  sknextchar train names.txt --model kneser-ney -o counts.skops""",
    "sample": """\
examples:
  sknextchar sample names.skops -n 10 --seed 0
  sknextchar sample names.skops --temperature 0.8 --novel --prefix ra""",
    "score": """\
examples:
  sknextchar score names.skops asha ravi xqzt
  sknextchar score names.skops --names-file more.txt --by per-char""",
    "classify": """\
examples:
  sknextchar classify by_sex.skops asha ravi
  sknextchar classify by_sex.skops --names-file more.txt""",
    "table": """\
examples:
  sknextchar table names.skops abi --temperatures 0.5 1 2""",
    "plot": """\
examples:
  sknextchar plot names.skops --embeddings -o embeddings.png
  sknextchar plot names.skops --tree ra -o tree.png""",
}


class ExamplesFormatter(argparse.HelpFormatter):
    """argparse's help formatter, which wraps the description, but keeps the
    lines of the examples as they are written (:data:`EXAMPLES`).

    Examples
    --------
    >>> parser = argparse.ArgumentParser(
    ...     prog="sknextchar plot", formatter_class=ExamplesFormatter,
    ...     epilog=EXAMPLES["plot"], add_help=False)
    >>> print(parser.format_help())  # doctest: +NORMALIZE_WHITESPACE
    usage: sknextchar plot
    examples:
      sknextchar plot names.skops --embeddings -o embeddings.png
      sknextchar plot names.skops --tree ra -o tree.png
    """

    def _fill_text(self, text, width, indent):
        if text.startswith("examples:\n"):
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)
