"""Small count models for the tests of ``score`` over long lists of names."""

import numpy as np

from sknextchar.cli import main

KN = ["--model", "kneser-ney", "--context-length", "3", "-q"]
LETTERS = list("bdklmnprstaeiuo")


def letter_names(rng, n):
    """``n`` names of 5 to 9 of :data:`LETTERS`, drawn by ``rng``."""
    letters = np.array(LETTERS)
    return ["".join(rng.choice(letters, k)) for k in rng.integers(5, 10, n)]


def count_models(folder):
    """Count models of 300 names of :data:`LETTERS` (their alphabet a-z)
    saved in ``folder``, one refusing unknown characters and one dropping
    them: ``{"error": path, "drop": path}``."""
    train = folder / "train.txt"
    train.write_text("\n".join(letter_names(np.random.default_rng(1), 300)) + "\n")
    made = {}
    for unknown in ("error", "drop"):
        made[unknown] = folder / f"{unknown}.skops"
        flags = [*KN, "--handle-unknown", unknown, "-o", str(made[unknown])]
        assert main(["train", str(train), *flags]) == 0
    return made
