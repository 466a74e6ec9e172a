"""``sknextchar train``: a note when the count model of ``--model kneser-ney``
scores clearly better than the MLP on the same held-out names."""

import re

import numpy as np
import pytest

from sknextchar import load_model
from sknextchar._holdout import hold_out, peeked_hold_out_seed
from sknextchar.cli import _counts, main
from sknextchar.datasets import load_indian_names

NAMES = load_indian_names()[::100]  # 151 names
# A small network, one epoch: the count model scores the held-out names better
# by several standard errors.
SMALL = ["--hidden-layer-sizes", "8", "--max-iter", "1"]
NOTE = re.compile(
    r"Note: on the (\d+) held-out names the count model scores (\S+) nats per "
    r"character against (\S+) for this model: try --model kneser-ney(.*)\.\n"
)


def write_names(path, names):
    path.write_text("\n".join(names) + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def names_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the model files
    return write_names(tmp_path / "names.txt", NAMES)


@pytest.fixture
def comparisons(monkeypatch):
    """The (advantage, standard error, held-out names) of each comparison."""
    seen = []
    real = _counts.clearly_better
    monkeypatch.setattr(
        _counts, "clearly_better", lambda *a: seen.append(a) or real(*a)
    )
    return seen


def held_out_nll(out):
    """The NLL and the number of names of the report's ``Held-out NLL:`` line."""
    found = re.search(r"^Held-out NLL: (\S+) .* on (\d+) held-out names", out, re.M)
    return float(found.group(1)), found.group(2)


def train(capsys, *args, output="m.pkl"):
    assert main(["train", *args, "-o", output, "--force"]) == 0
    return capsys.readouterr().out


def test_the_note_gives_both_held_out_nlls_when_the_count_model_is_better(
    names_file, capsys, comparisons
):
    out = train(capsys, names_file, *SMALL, "--seed", "0")
    counts = train(capsys, names_file, "--model", "kneser-ney", "--seed", "0")
    (mlp, n_held), (kn, _) = held_out_nll(out), held_out_nll(counts)
    (note,) = NOTE.findall(out)
    assert note == (
        n_held,
        f"{kn:.4f}",
        f"{mlp:.4f}",
        " (leave out --hidden-layer-sizes, --max-iter)",
    )
    assert out.index("Held-out NLL") < out.index("Note: on") < out.index("Saved")
    # The advantage is per character, as the NLLs are; its error is smaller.
    ((advantage, error, n),) = comparisons
    assert advantage == pytest.approx(mlp - kn, abs=1e-4)
    assert n == int(n_held) and 0 < 2 * error < advantage


@pytest.mark.parametrize(
    "flags",
    [
        ["-q"],
        ["--validation-fraction", "0"],
        ["--chunk-size", "50"],
        ["--labels", "label"],
    ],
    ids=["quiet", "none-held-out", "chunks", "labels"],
)
def test_no_comparison_under_these_flags(
    names_file, capsys, comparisons, monkeypatch, tmp_path, flags
):
    if "--labels" in flags:
        rows = [f"{name},{'ab'[i % 2]}" for i, name in enumerate(NAMES)]
        names_file = write_names(tmp_path / "n.csv", ["name,label", *rows])
    called = []
    monkeypatch.setattr(_counts, "held_out_nll", lambda *a, **k: called.append(a))
    out = train(capsys, names_file, *SMALL, "--seed", "0", *flags)
    assert "Note: on" not in out
    assert (called, comparisons) == ([], [])  # the count model is not fitted


def test_no_note_on_a_few_held_out_names(tmp_path, monkeypatch, capsys, comparisons):
    # 15 names: 2 held out; the count model scores them better after one epoch.
    monkeypatch.chdir(tmp_path)  # the model file (it was: m.pkl in the checkout)
    names = write_names(tmp_path / "n.txt", NAMES[:15])
    out = train(capsys, names, *SMALL, "--seed", "0")
    ((advantage, _, n),) = comparisons
    assert (n, advantage > 0.1) == (2, True)
    assert "Note: on" not in out


@pytest.mark.parametrize(
    "context, epochs, better",
    [
        ("1", "8", False),  # the MLP scores better
        ("2", "3", True),  # the count model, by more than 0.1 but within the noise
    ],
)
def test_no_note_unless_clearly_better(
    names_file, capsys, comparisons, context, epochs, better
):
    flags = ["--context-length", context, "--max-iter", epochs, "--seed", "0"]
    out = train(capsys, names_file, *flags)
    ((advantage, error, _),) = comparisons
    assert (advantage > 0.1, advantage < 2 * error) == (better, True)
    assert "Note: on" not in out


@pytest.fixture
def global_seed():
    """NumPy's global generator, which a fit without --seed draws from, seeded
    for the test and given back as it was."""
    state = np.random.get_state()  # noqa: NPY002
    np.random.seed(3)  # noqa: NPY002
    yield
    np.random.set_state(state)  # noqa: NPY002


def test_without_a_seed_the_count_model_holds_out_the_mlp_s_names(
    names_file, capsys, global_seed
):
    seed = peeked_hold_out_seed(None)
    out = train(capsys, names_file, *SMALL, output="mlp.pkl")
    counts = train(capsys, names_file, "--model", "kneser-ney", "--seed", str(seed))
    (note,) = NOTE.findall(out)
    assert note[1] == f"{held_out_nll(counts)[0]:.4f}"
    # ... which are those the MLP held out: it scores them as early stopping did.
    _, held = hold_out(len(NAMES), np.arange(len(NAMES)), 0.1, seed)
    pipe = load_model("mlp.pkl", allow_pickle=True).estimator_
    held_out = -pipe.score([NAMES[i] for i in held])
    assert f"{held_out:.4f}" == f"{held_out_nll(out)[0]:.4f}"
