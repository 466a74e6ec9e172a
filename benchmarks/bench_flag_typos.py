"""How well the command line guesses the option meant by a mistyped flag.

Every long option of every command (and of the program itself) is mistyped in
two ways, and each typo is given to the guesser the error on an unrecognized
argument asks (``_near_option``, with the options of that command):

- the slips of one key after the leading ``--``: a letter left out, two
  neighbouring letters swapped, a letter doubled;
- every one-edit typo after the leading ``--``: those, and a letter
  replaced or added (a-z or ``-``);
- ``--typos`` random two-edit typos (``--seed``): a random option of a random
  command, two edits in a row, each a letter left out, one added (a-z or
  ``-``), one replaced, or two neighbours swapped.

A typo that argparse takes (an option, or the start of one or more, which it
expands or calls ambiguous) never reaches the guesser and is not counted. The
script prints, for each set, how many typos got the option meant alone, two
options with the meant one among them, another option, or no guess; and up to
``--show`` typos of each wrong kind.

Usage::

    python benchmarks/bench_flag_typos.py
    python benchmarks/bench_flag_typos.py --typos 20000 --seed 1 --show 20
"""

import argparse
import collections
import random
import string

from sknextchar.cli._parser import build_parser
from sknextchar.cli._unknown_args import _near_option

_LETTERS = string.ascii_lowercase + "-"


def command_options():
    """Each command's name ("" for the program) and its options."""
    parser = build_parser()
    return {
        "": parser.options,
        **{n: p.options for n, p in parser.commands.choices.items()},
    }


def one_edit_typos(option, letters=""):
    """The one-edit typos of ``option`` after its ``--``: a letter left out,
    swapped with the next or doubled; and each of ``letters`` put in place
    of a letter or added."""
    body = range(2, len(option))
    left_out = {option[:i] + option[i + 1 :] for i in body}
    swapped = {
        option[:i] + option[i + 1] + option[i] + option[i + 2 :] for i in body[:-1]
    }
    doubled = {option[:i] + option[i] + option[i:] for i in body}
    replaced = {option[:i] + c + option[i + 1 :] for i in body for c in letters}
    added = {
        option[:i] + c + option[i:] for i in range(2, len(option) + 1) for c in letters
    }
    return (left_out | swapped | doubled | replaced | added) - {option}


def random_edit(word, rng):
    """``word`` with one random edit after its ``--``."""
    kinds = ("left out", "added", "replaced", "swapped")
    kind = rng.choice(kinds if len(word) > 3 else kinds[1:2])
    i = rng.randrange(2, len(word) + (kind == "added"))
    if kind == "left out":
        return word[:i] + word[i + 1 :]
    if kind == "added":
        return word[:i] + rng.choice(_LETTERS) + word[i:]
    if kind == "replaced":
        return word[:i] + rng.choice(_LETTERS) + word[i + 1 :]
    i = min(i, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def taken(typo, options):
    """Whether argparse takes ``typo`` itself (an option or a start of one)."""
    return len(typo) < 3 or any(option.startswith(typo) for option in options)


def outcome(typo, meant, options):
    """What the guesser told of ``typo`` of the option ``meant``."""
    guess = _near_option(typo, options)
    if guess == [meant]:
        return "meant"
    if meant in guess:
        return "two, the meant one among them"
    return "another option" if guess else "no guess"


def measure(typos, show):
    """Print the outcomes of the ``typos`` (typo, meant, options) and examples."""
    counts, wrong = collections.Counter(), collections.defaultdict(list)
    for typo, meant, options in typos:
        told = outcome(typo, meant, options)
        counts[told] += 1
        if told in ("another option", "no guess"):
            wrong[told].append(f"{typo} (for {meant}: {_near_option(typo, options)})")
    print(f"  {sum(counts.values()):,} typos")
    for told in (
        "meant",
        "two, the meant one among them",
        "another option",
        "no guess",
    ):
        print(f"  {counts[told]:6,} {told}")
        for example in wrong[told][:show]:
            print(f"           {example}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--typos", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=5)
    args = parser.parse_args()
    commands = command_options()
    for title, letters in (
        ("slips of one key (left out, swapped, doubled)", ""),
        ("every one-edit typo (also a letter replaced or added)", _LETTERS),
    ):
        ones = []
        for options in commands.values():
            for option in sorted(o for o in options if o.startswith("--")):
                typos = sorted(one_edit_typos(option, letters))
                ones += [(t, option, options) for t in typos if not taken(t, options)]
        print(f"{title} of every long option:")
        measure(ones, args.show)
    rng, twos = random.Random(args.seed), []
    names = sorted(commands)
    while len(twos) < args.typos:
        options = commands[rng.choice(names)]
        option = rng.choice(sorted(o for o in options if o.startswith("--")))
        typo = random_edit(random_edit(option, rng), rng)
        if typo != option and not taken(typo, options):
            twos.append((typo, option, options))
    print(f"random two-edit typos (seed {args.seed}):")
    measure(twos, args.show)


if __name__ == "__main__":
    main()
