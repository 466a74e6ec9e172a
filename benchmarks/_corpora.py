"""The benchmark corpora and their train/validation/test splits.

Two corpora:

- ``indian``: the bundled Indian first names, ``sknextchar.datasets.load_indian_names()``
  (15,074 distinct names, 4 to 10 letters a-z).
- ``names_en``: Karpathy's makemore ``names.txt`` (32,033 lines, 29,494 distinct US first
  names of 2018, MIT licence), read from ``../shared/data/names_en.txt`` beside the
  repository or from any path given on the command line. It is never copied into the
  project; when the file is absent the corpus is skipped with a message.

The split (:func:`split_names`) is by name, never by window, so no window of a held-out
name is seen in training. By default (``method="makemore"``) a copy of the list is
shuffled with Python's ``random.Random(42).shuffle`` (what ``random.seed(42);
random.shuffle(words)`` does in Karpathy's makemore lectures) and cut at 80% and 90%
(the lectures' ``int(0.8 * n)`` and ``int(0.9 * n)``)::

    shuffled = list(names); random.Random(42).shuffle(shuffled)   # n = len(names)
    train, val, test = shuffled[: 8 * n // 10], shuffled[8 * n // 10 : 9 * n // 10], \
        shuffled[9 * n // 10 :]

``names`` is the list in the order the loader returns it (sorted for the Indian names,
file order for ``names_en``). This is the default of the whole benchmark suite because
it is the split of the published names_en results (Karpathy's lectures) and of the
reference values quoted in issue 8 (modified Kneser-Ney 5-gram val NLL 1.976 and 1.991,
which ``KneserNeyClassifier(padding="raw")`` over 4-symbol windows reproduces on it
exactly). ``method="numpy"``
is kept as an option: it orders the names by ``np.random.default_rng(42).permutation(n)``
and cuts at the same positions (the split of the first reports; numbers on the two
splits differ by about 0.01 nats).

Duplicate lines of ``names_en`` are kept as they are, one entry per line, as makemore
does: the corpus keeps the name frequencies the published results were measured on, at
the price of a few hundred val/test names that also occur in train (a name listed twice
can land on both sides). The report counts them.
"""

import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from sknextchar.datasets import load_indian_names, load_names

SEED = 42
SPLIT_METHODS = ("makemore", "numpy")
REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_NAMES_EN = REPO_ROOT.parent / "shared" / "data" / "names_en.txt"


@dataclass(frozen=True)
class Corpus:
    """A named corpus split 80/10/10 by name.

    Attributes
    ----------
    name : str
        Short identifier (``"indian"``, ``"names_en"``).
    source : str
        Where the names came from, for the report.
    train, val, test : list of str
        The three disjoint parts of the shuffled list of names.
    """

    name: str
    source: str
    train: list
    val: list
    test: list

    @property
    def n_names(self):
        return len(self.train) + len(self.val) + len(self.test)

    @property
    def n_distinct(self):
        return len(set(self.train) | set(self.val) | set(self.test))

    def n_seen_in_train(self, part):
        """How many names of ``part`` ("val" or "test") also occur in train."""
        seen = set(self.train)
        return sum(name in seen for name in getattr(self, part))


def split_names(names, seed=SEED, method="makemore"):
    """Split ``names`` 80/10/10 by position after a seeded shuffle.

    Parameters
    ----------
    names : list of str
        The names, duplicates included; each entry goes to exactly one part.
    seed : int, default=42
        Seed of the shuffle.
    method : {"makemore", "numpy"}, default="makemore"
        ``"makemore"``: shuffle a copy with ``random.Random(seed).shuffle``.
        ``"numpy"``: order ``names`` by ``numpy.random.default_rng(seed).permutation``.

    Returns
    -------
    train, val, test : list of str
        ``8n//10``, ``9n//10 - 8n//10`` and ``n - 9n//10`` names.
    """
    n = len(names)
    if method == "numpy":
        perm = np.random.default_rng(seed).permutation(n)
        shuffled = [names[i] for i in perm]
    elif method == "makemore":
        shuffled = list(names)
        random.Random(seed).shuffle(shuffled)
    else:
        raise ValueError(f"method must be one of {SPLIT_METHODS}; got {method!r}.")
    n_train, n_train_val = 8 * n // 10, 9 * n // 10
    return shuffled[:n_train], shuffled[n_train:n_train_val], shuffled[n_train_val:]


def make_corpus(name, names, source, seed=SEED, method="makemore"):
    """Split ``names`` and wrap the parts in a :class:`Corpus`."""
    train, val, test = split_names(names, seed, method)
    return Corpus(name, source, train, val, test)


def load_corpora(
    names_en_path=DEFAULT_NAMES_EN, *, seed=SEED, method="makemore", log=print
):
    """Load and split every available corpus.

    Parameters
    ----------
    names_en_path : str or Path, default=``../shared/data/names_en.txt``
        The makemore names file. When it does not exist the corpus is skipped and a
        line saying so is passed to ``log``.
    seed : int, default=42
        Split seed.
    method : {"makemore", "numpy"}, default="makemore"
        Shuffle of :func:`split_names`.
    log : callable, default=print
        Receives one-line messages.

    Returns
    -------
    corpora : list of Corpus
    skipped : list of str
        One message per skipped corpus (also sent to ``log``).
    """
    corpora = [
        make_corpus(
            "indian",
            load_indian_names(),
            "sknextchar.datasets.load_indian_names() (bundled)",
            seed,
            method,
        )
    ]
    skipped = []
    path = Path(names_en_path)
    if path.is_file():
        corpora.append(
            make_corpus("names_en", load_names(path), str(path), seed, method)
        )
    else:
        message = (
            f"names_en: skipped, no file at {str(path)!r} "
            "(pass --names-en PATH to makemore's names.txt)"
        )
        skipped.append(message)
        log(message)
    return corpora, skipped
