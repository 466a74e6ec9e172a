"""The examples at the end of each command's ``--help``: the command lines a
user starts with, as the program's own help ends with its examples."""

import argparse

__all__ = ["EXAMPLES", "ExamplesFormatter", "wrapped_at_bars"]

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

    def _format_usage(self, usage, actions, groups, prefix):
        # argparse keeps a group of options that are one of (plot's pictures)
        # on one line, however long: it is broken at a "|" as other lines wrap
        text = super()._format_usage(usage, actions, groups, prefix)
        return "\n".join(
            wrapped_at_bars(line, self._width) for line in text.split("\n")
        )


def wrapped_at_bars(line, width):
    """``line`` broken before the ``|`` words that would run past ``width``
    columns, each further line indented one past the line's own indent (its
    group's opening parenthesis).

    Examples
    --------
    >>> print(wrapped_at_bars("  (--aaa | --bbb | --ccc)", 18))
      (--aaa | --bbb |
       --ccc)
    >>> wrapped_at_bars("  (--aaa | --bbb)", 40)
    '  (--aaa | --bbb)'
    """
    indent = " " * (len(line) - len(line.lstrip()) + 1)
    lines = []
    while len(line) > width and (at := line.rfind(" | ", 0, width - 1)) > 0:
        lines.append(line[: at + 2])
        line = indent + line[at + 3 :]
    return "\n".join([*lines, line])
