"""The command line's flag table and value types.

Every flag that sets an estimator parameter is one row of :data:`TRAIN_FLAGS` or
:data:`SAMPLER_FLAGS`: the option, the ``set_params`` key it sets, the values it
accepts, its default and its help. The table is the command line's own, written
out here, so ``--help`` and argument errors need neither scikit-learn nor the
estimators (the command answers at once). ``tests/cli/test_cli.py`` holds it to the
estimators: each row's default must be the estimator's, and each row's values must
pass the estimator's ``_parameter_constraints`` while the values just outside the
row's range fail both.
"""

import argparse
import decimal
import math
import os
import re
import unicodedata
from dataclasses import dataclass

from .._end_symbols import END_SYMBOL_FALLBACKS
from .._limits import MAX_LETTERS, MAX_SEED
from .._shown_paths import shown_path

__all__ = [
    "BYTE_COUNT",
    "KN_FLAGS",
    "LABEL",
    "LABEL_WEIGHT",
    "NAMES_PATH",
    "PATH",
    "POSITIVE_INT",
    "PROBABILITY",
    "SAMPLER_FLAGS",
    "SEED",
    "STEP_ESTIMATORS",
    "TEMPERATURE",
    "TRAIN_FLAGS",
    "Choice",
    "Flag",
    "Number",
    "WordList",
    "given",
    "show_default",
]

# Which estimator a ``set_params`` key's step names: "windows__context_length" is a
# parameter of the pipeline's ContextWindowTransformer, "temperature" (no step) of
# the NameSampler around the pipeline.
STEP_ESTIMATORS = {
    "windows": "ContextWindowTransformer",
    "clf": "CharEmbeddingMLPClassifier",
    "": "NameSampler",
}


@dataclass(frozen=True)
class Number:
    """An argparse type: an int or a float within a range.

    Parameters
    ----------
    kind : {int, float}
        The Python type the text converts to.
    low, high : int, float or None, default=None
        The bounds; None for no bound.
    closed : {"both", "left", "right", "neither"}, default="both"
        Which bounds belong to the range. A missing bound counts as an infinite
        one, which a float may equal when its side is closed (``inf`` is a
        temperature).

    Examples
    --------
    >>> from sknextchar.cli._flags import Number
    >>> share = Number(float, 0, 1, closed="left")
    >>> str(share), share("0.25"), share.accepts(1.0)
    ('a float in the range [0.0, 1.0)', 0.25, False)
    """

    kind: type
    low: float | None = None
    high: float | None = None
    closed: str = "both"

    def accepts(self, value):
        """Whether ``value`` lies in the range (NaN never does)."""
        low = -math.inf if self.low is None else self.low
        high = math.inf if self.high is None else self.high
        above = value >= low if self.closed in ("both", "left") else value > low
        below = value <= high if self.closed in ("both", "right") else value < high
        return bool(above and below)

    def __call__(self, text):
        try:
            value = self.kind(text)
        except ValueError:
            readings = _readings(text, self)
            whole = _whole(text) if self.kind is int else None
            if readings != [(str(whole), _POINT)] or self.accepts(whole):
                kind = "an int" if self.kind is int else "a number"
                told = f"expected {kind}; got {text!r}{self._offer(readings)}"
                raise argparse.ArgumentTypeError(told) from None
            value = whole  # 1e5 out of the range: the range is told
        if not self.accepts(value):
            raise argparse.ArgumentTypeError(f"must be {self}; got {text!r}")
        return value

    def _offer(self, readings):
        """What the error adds for ``readings`` (:func:`_readings`): each one
        in the range offered, the others told with the range; two readings
        (``1,000``: 1000 or 1.0) both said, with what each takes the text for."""
        told = ""
        if len(readings) > 1:
            told = ", which is " + " or ".join(f"{r} {how}" for r, how in readings)
        fits = [r for r, _ in readings if self.accepts(self.kind(r))]
        out = [r for r, _ in readings if r not in fits]
        if fits:
            told += "; write it as " + " or ".join(fits)
        if out:
            told += f" ({' or '.join(out)}, which must be {self})"
        return told

    def __str__(self):
        if self.kind is int and self.high is None and self.low is not None:
            least = self.low if self.closed in ("both", "left") else self.low + 1
            return f"an int of at least {least}"  # not [1, inf)
        left = "[" if self.closed in ("both", "left") else "("
        right = "]" if self.closed in ("both", "right") else ")"
        low = "-inf" if self.low is None else self.kind(self.low)
        high = "inf" if self.high is None else self.kind(self.high)
        kind = "an int" if self.kind is int else "a float"
        return f"{kind} in the range {left}{low}, {high}{right}"

    @property
    def metavar(self):
        """The value's name in ``--help``."""
        return "N" if self.kind is int else "X"


_POINT = "with a decimal point"
_GROUPED = r"([+-]?)((?!0)\d{1,3}(?:%s\d{3})+)"


def _readings(text, number):
    """The values ``text`` may mean, in the spelling of ``number`` (a
    :class:`Number`) on the command line, each with what it takes the text
    for, when ``text`` is a number in a spreadsheet's or a person's spelling:
    an int with thousands separators (``1,000``, ``1 000``, ``1.000``), a
    number with a decimal comma (``0,8``) or, for a share in [0, 1] only, a
    percentage (``10%``). ``1,000`` for a float and ``1.000`` for an int are
    read both ways. Else an empty list.

    Examples
    --------
    >>> from sknextchar.cli._flags import Number
    >>> count, share, hot = Number(int, 1), Number(float, 0, 1), Number(float, 0)
    >>> [r for r, _ in _readings("1,000", count) + _readings("0,8", share)]
    ['1000', '0.8']
    >>> _readings("1.000", count)
    [('1', 'with a decimal point'), ('1000', 'with a thousands dot')]
    >>> [r for r, _ in _readings("1,000", hot)], _readings("50%", hot)
    (['1000', '1.0'], [])
    >>> [r for r, _ in _readings("12.5 %", share) + _readings("-1,000", count)]
    ['0.125', '-1000']
    >>> _readings("1,5", count), _readings("x", share)
    ([], [])
    """
    text = text.strip()
    if number.kind is int:
        return _int_readings(text)
    readings = []
    grouped = re.fullmatch(_GROUPED % ",", text)
    if grouped:  # 1,000: a thousands comma or a decimal one
        readings.append((_grouped_int(text), "with a thousands comma"))
    if re.fullmatch(r"[+-]?\d*,\d+", text):
        decimal_ = format(decimal.Decimal(text.replace(",", ".")).normalize(), "f")
        readings.append(
            (decimal_ if "." in decimal_ else decimal_ + ".0", "with a decimal comma")
        )
    percent = re.fullmatch(r"([+-]?\d+(?:[.,]\d+)?)\s*%", text)
    share = number.low is not None and number.high is not None
    if percent and share and 0 <= number.low and number.high <= 1:
        value = decimal.Decimal(percent.group(1).replace(",", ".")) / 100
        readings.append((format(value.normalize(), "f"), "as a share"))
    return readings


def _int_readings(text):
    """:func:`_readings` of an int: ``1e3`` (exactly 1000), ``1,000``, and
    ``1.000``, which is 1 to the command line and 1000 to a German reader."""
    whole = _whole(text)
    readings = [] if whole is None else [(str(whole), _POINT)]
    grouped = re.fullmatch(r"([+-]?)\d{1,3}(?:[,' \u00a0\u202f_]\d{3})+", text)
    dotted = re.fullmatch(_GROUPED % r"\.", text)
    if grouped or dotted:
        how = "with a thousands dot" if dotted else "with thousands separators"
        readings.append((_grouped_int(text), how))
    return readings


def _grouped_int(text):
    """The int a number with thousands separators spells, in ASCII digits,
    keeping its sign (``-1,000`` is still below 0)."""
    return str(int(re.sub(r"[^\d-]", "", text)))


def _whole(text):
    """The int that ``text`` spells as a float (``1e3``, ``20.0``), exactly;
    None for any other text, or a number of more than 18 digits.

    Examples
    --------
    >>> _whole("1e3"), _whole("-5.0"), _whole("2.5"), _whole("1e30"), _whole("x")
    (1000, -5, None, None, None)
    """
    try:
        value = decimal.Decimal(text)
    except (decimal.InvalidOperation, ValueError):
        return None
    if not value.is_finite() or value.adjusted() > 17:
        return None
    return int(value) if value == value.to_integral_value() else None


@dataclass(frozen=True)
class Choice:
    """An argparse type: one of a few strings.

    Parameters
    ----------
    options : tuple of str
        The strings accepted.

    Examples
    --------
    >>> from sknextchar.cli._flags import Choice
    >>> Choice(("error", "drop")).metavar
    '{drop,error}'
    """

    options: tuple

    def accepts(self, value):
        """Whether ``value`` is one of the options."""
        return value in self.options

    def __call__(self, text):
        if not self.accepts(text):
            raise argparse.ArgumentTypeError(f"must be {self}; got {text!r}")
        return text

    def __str__(self):
        return "one of " + ", ".join(sorted(self.options))

    @property
    def metavar(self):
        """The value's name in ``--help``."""
        return "{" + ",".join(sorted(self.options)) + "}"


@dataclass(frozen=True)
class Flag:
    """A command-line flag that sets one estimator parameter.

    Parameters
    ----------
    flag : str
        The option, e.g. ``"--embedding-dim"``.
    key : str
        The ``set_params`` key: ``"clf__embedding_dim"`` for a pipeline step,
        ``"temperature"`` for the sampler (see ``STEP_ESTIMATORS``).
    type : Number, Choice or str
        Converts and checks the command-line text.
    default : object
        The estimator's default, shown by ``--help`` (the flag itself leaves
        the parameter alone when it is not given).
    help : str
        What the flag does; the default is appended.
    nargs : str or None, default=None
        ``"*"`` for a list-valued parameter (each element is checked).
    metavar : str or None, default=None
        The value's name in ``--help``; by default the type's.
    const : object, default=None
        For a flag that takes no value (``--keep-case``): the value it sets.

    Examples
    --------
    >>> from sknextchar.cli._flags import TRAIN_FLAGS
    >>> flag = TRAIN_FLAGS[0]
    >>> flag.flag, flag.key, flag.step, flag.param, flag.default
    ('--context-length', 'windows__context_length', 'windows', 'context_length', 3)
    """

    flag: str
    key: str
    type: object
    default: object
    help: str
    nargs: str | None = None
    metavar: str | None = None
    const: object = None

    @property
    def step(self):
        """The pipeline step the parameter belongs to; ``""`` for the sampler."""
        return self.key.rpartition("__")[0]

    @property
    def param(self):
        """The parameter name, without the step."""
        return self.key.rpartition("__")[2]

    def add_to(self, parser, positional=None):
        """Add the flag to an argparse parser or argument group.

        The argparse default is None ("not given"): only the flags given are set,
        so the estimator's own default applies otherwise. A list-valued flag
        takes its words with :class:`WordList`; ``positional`` names the
        command's positional argument (e.g. ``"NAMES_FILE"``) for its errors.
        """
        if self.const is not None:  # a switch: no value on the command line
            parser.add_argument(
                self.flag,
                dest=self.key,
                action="store_const",
                const=self.const,
                default=None,
                help=f"{self.help} (default: {self.param}={self.default})",
            )
            return
        words = {"action": WordList, "positional": positional} if self.nargs else {}
        parser.add_argument(
            self.flag,
            dest=self.key,
            type=self.type,
            nargs=self.nargs,
            **words,
            metavar=self.metavar or getattr(self.type, "metavar", "TEXT"),
            default=None,
            help=f"{self.help} (default: {show_default(self.default)})",
        )


class WordList(argparse.Action):
    """An argparse action for a flag that takes a list: it says why a word fails.

    A flag of ``nargs="+"`` or ``"*"`` takes every word after it up to the next
    option, the command's positional argument included (``train
    --hidden-layer-sizes 16 names.txt``). When a word is not a value, the
    error says so and how to end the list: the positional before the flag, or
    after ``--``. The words are converted here, one by one, with ``type``.

    Parameters
    ----------
    option_strings, dest, nargs, type, **kwargs
        As for :class:`argparse.Action`.
    positional : str or None, default=None
        The command's positional argument as ``--help`` shows it
        (``"NAMES_FILE"``, ``"NAME"``, ``"CONTEXT"``), which the flag may have
        taken; None: the error says only that the list takes every word.

    Examples
    --------
    >>> import argparse
    >>> from sknextchar.cli._flags import POSITIVE_INT, WordList
    >>> parser = argparse.ArgumentParser(prog="train", exit_on_error=False)
    >>> _ = parser.add_argument("names_file", metavar="NAMES_FILE", nargs="?")
    >>> _ = parser.add_argument("--sizes", nargs="*", type=POSITIVE_INT,
    ...                         action=WordList, positional="NAMES_FILE")
    >>> parser.parse_args(["--sizes", "16", "8"]).sizes
    [16, 8]
    >>> parser.parse_args(["--sizes", "16", "ab"])  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    argparse.ArgumentError: argument --sizes: expected an int; got 'ab' (--sizes
    takes every word after it up to the next option: put NAMES_FILE before --sizes,
    or end the list with '--' and put NAMES_FILE after that, at the end of the
    command)
    """

    def __init__(self, option_strings, dest, type=None, positional=None, **kwargs):
        super().__init__(option_strings, dest, **kwargs)
        self.convert, self.positional = type, positional

    def __call__(self, parser, namespace, values, option_string=None):
        converted = []
        for index, word in enumerate(values):
            try:
                converted.append(word if self.convert is None else self.convert(word))
            except argparse.ArgumentTypeError as error:
                message = str(error)
                if index or self.nargs == "*":  # after a value, or none needed
                    message += f" ({self._how_to_end(option_string, word)})"
                raise argparse.ArgumentError(self, message) from None
        setattr(namespace, self.dest, converted)

    def _how_to_end(self, flag, word):
        """Why the flag took ``word``, and how to end its list."""
        how = f"{flag} takes every word after it up to the next option"
        if self.positional is None:
            return f"{how}: end the list with another option, or with '--'"
        what = self.positional
        if what.endswith("FILE") and os.path.isfile(word):
            how, what = (
                f"{how}, and {shown_path(word)} is a file: if it is {what},",
                "it",
            )
        else:
            how += ":"
        return (
            f"{how} put {what} before {flag}, or end the list with '--' and put "
            f"{what} after that, at the end of the command"
        )


POSITIVE_INT = Number(int, 1, None, closed="left")
#: The seeds scikit-learn accepts as ``random_state``.
SEED = Number(int, 0, MAX_SEED)
TEMPERATURE = Number(float, 0, None)
#: A probability, e.g. ``sample --min-label-proba``.
PROBABILITY = Number(float, 0, 1)
_SHARE = Number(float, 0, 1, closed="left")

_BINARY_UNITS = {"": 1, "k": 2**10, "m": 2**20, "g": 2**30, "t": 2**40}


def BYTE_COUNT(text):
    """An argparse type: a number of bytes (``2G`` is 2 GiB), or ``none``.

    Digits may be grouped with ``,`` or ``_``; a suffix K, M, G or T (with or
    without ``iB`` or ``B``) multiplies by a power of 1024.

    Examples
    --------
    >>> from sknextchar.cli._flags import BYTE_COUNT
    >>> BYTE_COUNT("2G"), BYTE_COUNT("536,870,912"), BYTE_COUNT("none")
    (2147483648, 536870912, None)
    """
    value = text.strip().lower()
    if value == "none":
        return None
    match = re.fullmatch(r"([0-9][0-9,_]*)\s*([kmgt]?)(?:i?b)?", value)
    if match is None or int(match.group(1).replace(",", "").replace("_", "")) < 1:
        raise argparse.ArgumentTypeError(
            f"expected a positive number of bytes (e.g. 600000000 or 2G) or "
            f"'none' for no limit; got {text!r}"
        )
    digits = int(match.group(1).replace(",", "").replace("_", ""))
    return digits * _BINARY_UNITS[match.group(2)]


BYTE_COUNT.metavar = "BYTES"


def LABEL(text):
    """An argparse type: a label, in Unicode NFC as ``train --labels`` stores it.

    A label typed on a keyboard that decomposes accents (``"Zu\\u0308rich"``)
    is the label read from a file (``"Zürich"``).

    Examples
    --------
    >>> from sknextchar.cli._flags import LABEL
    >>> LABEL("Zu\\u0308rich") == "Z\\u00fcrich"
    True
    """
    return unicodedata.normalize("NFC", text)


LABEL.metavar = "LABEL"


def PATH(text):
    """An argparse type: the path of a model file to read, never an empty one.

    An empty argument is a shell variable left unset (``sample "$MODEL"``),
    not a file: it is refused, and the message asks for the model file.

    Examples
    --------
    >>> from sknextchar.cli._flags import PATH
    >>> PATH("m.skops")
    'm.skops'
    >>> PATH("")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: expected the path of a file; got an empty path ...
    """
    return _not_empty(text, "give the path of the model file (saved by train)")


PATH.metavar = "FILE"


def NAMES_PATH(text):
    """An argparse type: the path of ``train``'s NAMES_FILE, never an empty one.

    An empty argument is a shell variable left unset (``train "$NAMES"``), not
    a file: it is refused rather than read as no argument at all (which
    ``train`` takes for the bundled names), and the message says how to ask
    for those.

    Examples
    --------
    >>> from sknextchar.cli._flags import NAMES_PATH
    >>> NAMES_PATH("names.txt")
    'names.txt'
    >>> NAMES_PATH("")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: expected the path of a file; got an empty path ...
    """
    return _not_empty(
        text,
        "give the path of the names file, or leave NAMES_FILE out to train on "
        "the bundled names",
    )


NAMES_PATH.metavar = "FILE"


def _not_empty(text, advice):
    """``text``, or an ArgumentTypeError with ``advice`` if it is empty."""
    if not text:
        raise argparse.ArgumentTypeError(
            "expected the path of a file; got an empty path ('', as from an "
            f"unset shell variable): {advice}"
        )
    return text


def LABEL_WEIGHT(text):
    """An argparse type: one ``LABEL=WEIGHT`` of ``classify --priors``.

    The last ``=`` splits (a label may hold one); the weight is a finite
    number, 0 or more.

    Examples
    --------
    >>> from sknextchar.cli._flags import LABEL_WEIGHT
    >>> LABEL_WEIGHT("female=0.25")
    ('female', 0.25)
    """
    label, sep, number = text.rpartition("=")
    try:
        weight = float(number)
    except ValueError:
        weight = math.nan
    if not (sep and label and 0 <= weight < math.inf):
        raise argparse.ArgumentTypeError(
            "expected LABEL=WEIGHT with a weight of 0 or more, such as female=1; "
            f"got {text!r}"
        )
    return LABEL(label), weight


LABEL_WEIGHT.metavar = "LABEL=WEIGHT"

# fmt: off
TRAIN_FLAGS = (
    Flag("--context-length", "windows__context_length",
         Number(int, 1, MAX_LETTERS, closed="both"), 3,
         f"characters the next one is predicted from, at most {MAX_LETTERS} "
         "(with --model kneser-ney, at most 12 for the 26 letters of the "
         "default alphabet, fewer for a larger alphabet)"),
    Flag("--alphabet", "windows__alphabet", str, "abcdefghijklmnopqrstuvwxyz",
         "characters a name may contain; 'auto' learns them from the names "
         "(hyphens, apostrophes, spaces, accents, other scripts)"),
    Flag("--handle-unknown", "windows__handle_unknown", Choice(("error", "drop")),
         "error",
         "characters outside the alphabet: 'error' stops, 'drop' removes them "
         "(a name left without any character stops)"),
    Flag("--keep-case", "windows__lowercase", bool, True,
         "keep capitals instead of lowercasing every name", const=False),
    Flag("--strip-accents", "windows__strip_accents",
         Choice(("ascii", "unicode")), None,
         "fold accents as scikit-learn's CountVectorizer does: 'unicode' makes "
         "José jose and removes every combining mark (in Devanagari or "
         "Cyrillic names, marks that are part of letters: use it for Latin "
         "script), 'ascii' also removes every character without an ASCII "
         "equivalent"),
    Flag("--unit", "windows__unit", Choice(("auto", "char", "grapheme")), "auto",
         "one symbol is a code point ('char') or a letter with its combining "
         "marks ('grapheme'); 'auto' is grapheme with '--alphabet auto'"),
    Flag("--end-symbol", "windows__end_symbol", str, "-",
         "how the end marker is shown (one character that shows); with "
         "'--alphabet auto' and names that use it, '-' is shown, or, if they "
         f"use '-' too, the first of {' '.join(END_SYMBOL_FALLBACKS)} that "
         "they do not use",
         metavar="CHAR"),
    Flag("--embedding-dim", "clf__embedding_dim", POSITIVE_INT, 10,
         "numbers in each character's embedding"),
    Flag("--label-embedding-dim", "clf__label_embedding_dim", POSITIVE_INT, None,
         "numbers in each label's embedding, with --labels (none: as "
         "--embedding-dim); below the number of labels, the labels share that "
         "many directions of effect"),
    Flag("--hidden-layer-sizes", "clf__hidden_layer_sizes", POSITIVE_INT, (500,),
         "units of each hidden layer, e.g. '--hidden-layer-sizes 200 100'; no "
         "number for none (embeddings straight to the softmax)",
         nargs="*", metavar="UNITS"),
    Flag("--activation", "clf__activation",
         Choice(("identity", "logistic", "relu", "tanh")), "relu",
         "hidden-layer activation"),
    Flag("--max-iter", "clf__max_iter", POSITIVE_INT, 20,
         "epochs (with --resume: in all, the epochs trained before included)"),
    Flag("--batch-size", "clf__batch_size", POSITIVE_INT, 128,
         "windows per Adam step"),
    Flag("--learning-rate", "clf__learning_rate", Choice(("constant", "cosine")),
         "cosine", "learning-rate schedule"),
    Flag("--learning-rate-init", "clf__learning_rate_init",
         Number(float, 0, None, closed="neither"), 0.005, "Adam step size"),
    Flag("--alpha", "clf__alpha", Number(float, 0, None, closed="left"), 0.01,
         "L2 penalty"),
    Flag("--dropout", "clf__dropout", Number(float, 0, 1, closed="left"), 0.0,
         "share of the hidden units left out at each training step, against "
         "overfitting; no effect without a hidden layer (0.3 in the tuned "
         "configuration, with --context-length 6 --embedding-dim 24 "
         "--hidden-layer-sizes 512)"),
    Flag("--validation-fraction", "clf__validation_fraction", _SHARE, 0.1,
         "share of the names held out (whole names; with --labels, drawn per "
         "label, each label keeping a name for training) to measure the held-out "
         "NLL after every epoch and keep the best epoch's weights; 0 trains on "
         "every name"),
    Flag("--n-iter-no-change", "clf__n_iter_no_change", POSITIVE_INT, 10,
         "stop after this many epochs without a better held-out NLL (training "
         "loss with --validation-fraction 0)"),
    Flag("--seed", "clf__random_state", SEED, None,
         "seeds the held-out split (the same names for any network, "
         "--context-length or --model), "
         "the initial weights and the shuffling; none "
         "gives a different model each run (--model kneser-ney: the same model, "
         "but other held-out names, so another held-out NLL)"),
)

# The count model of ``train --model kneser-ney`` (its "clf" is a
# KneserNeyClassifier; the windows' flags of TRAIN_FLAGS apply too).
KN_FLAGS = (
    Flag("--order", "clf__order", POSITIVE_INT, None,
         "symbols per n-gram, the predicted one included (none: the context "
         "length + 1)"),
    Flag("--padding", "clf__padding", Choice(("continuation", "raw", "single")),
         "single", "how the n-grams that begin at the start of a name are counted"),
    Flag("--add-k", "clf__add_k", Number(float, 0, None, closed="left"), None,
         "add-k smoothing of the counts instead of Kneser-Ney (with "
         "--context-length 1: the lecture's bigram table)", metavar="K"),
)

SAMPLER_FLAGS = (
    Flag("--temperature", "temperature", TEMPERATURE, 1.0,
         "below 1: safer names, above 1: wilder names, 0: always the most "
         "probable character, inf: uniform", metavar="T"),
    Flag("--top-k", "top_k", POSITIVE_INT, None,
         "draw only from the k most probable characters", metavar="K"),
    Flag("--top-p", "top_p", Number(float, 0, 1, closed="right"), None,
         "draw only from the most probable characters whose probability adds up "
         "to p (nucleus sampling)", metavar="P"),
    Flag("--min-length", "min_length", POSITIVE_INT, None,
         f"fewest letters per name, at most {MAX_LETTERS} (none: the bound "
         "saved in the model, if any, else its shortest training name; 1 for "
         "a model file saved before 0.2.0)"),
    Flag("--max-length", "max_length", POSITIVE_INT, None,
         f"most letters per name, at most {MAX_LETTERS}; a name still going is "
         "redrawn, never cut (none: the bound saved in the model, if any, else "
         "its longest training name, 20 for a model file saved before 0.2.0, "
         "or --min-length if larger)"),
)
# fmt: on


def show_default(value):
    """A default as ``--help`` shows it.

    Parameters
    ----------
    value : object
        None, a number, a string or a tuple of them.

    Returns
    -------
    text : str
        ``"none"`` for None or an empty tuple; a tuple's elements separated by
        spaces, as they are typed on the command line.

    Examples
    --------
    >>> from sknextchar.cli._flags import show_default
    >>> show_default(None), show_default((200, 100)), show_default(0.5)
    ('none', '200 100', '0.5')
    """
    if value is None:
        return "none"
    if isinstance(value, (tuple, list)):
        return " ".join(str(v) for v in value) or "none"
    return str(value)


def given(args, flags):
    """The ``set_params`` settings of the flags given on the command line.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line.
    flags : sequence of Flag
        The flags to read.

    Returns
    -------
    params : dict
        ``{key: value}`` for each flag given; a list-valued parameter as a
        tuple, like its default.

    Examples
    --------
    >>> import argparse
    >>> from sknextchar.cli._flags import TRAIN_FLAGS, given
    >>> parser = argparse.ArgumentParser()
    >>> for flag in TRAIN_FLAGS:
    ...     flag.add_to(parser)
    >>> given(parser.parse_args(["--max-iter", "5", "--hidden-layer-sizes", "8"]),
    ...       TRAIN_FLAGS)
    {'clf__hidden_layer_sizes': (8,), 'clf__max_iter': 5}
    """
    params = {}
    for flag in flags:
        value = getattr(args, flag.key)
        if value is not None:
            params[flag.key] = tuple(value) if flag.nargs else value
    return params
