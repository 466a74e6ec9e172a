"""``NameSampler.temperature_table`` and ``sknextchar table`` rank the rows by
the model's own probabilities (temperature 1), whatever the temperatures shown."""

import numpy as np
import pytest

from sknextchar import load_model
from sknextchar.cli import main
from sknextchar.datasets import load_indian_names

KN = ["--model", "kneser-ney", "--context-length", "2", "-q"]


@pytest.fixture(scope="module")
def model_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("model")
    names = folder / "names.txt"
    names.write_text("\n".join(load_indian_names()[::15]) + "\n", encoding="utf-8")
    path = folder / "model.skops"
    assert main(["train", str(names), *KN, "-o", str(path)]) == 0
    return str(path)


def first_cells(out):
    """The characters of a table's rows, best first."""
    return [
        line.split()[0] for line in out.splitlines()[2:] if "end marker" not in line
    ]


def test_temperature_table_carries_the_models_own_probabilities(model_file):
    sampler = load_model(model_file)
    at_one = sampler.temperature_table("abi", (1.0,))
    greedy = sampler.temperature_table("abi", (0.0, np.inf))
    assert greedy.proba.shape == (len(sampler.vocabulary_), 2)
    np.testing.assert_allclose(greedy.model_proba, at_one.proba[:, 0])
    assert first_cells(greedy.to_string()) == first_cells(at_one.to_string())


def test_table_at_temperature_zero_alone_shows_the_likely_rows(model_file, capsys):
    tables = {}
    for temperature in ("1", "0"):
        argv = ["table", model_file, "abi", "--temperatures", temperature]
        assert main([*argv, "--top", "5"]) == 0
        tables[temperature] = first_cells(capsys.readouterr().out)
    assert tables["0"] == tables["1"]


def test_table_top_help_says_how_rows_are_ranked(capsys):
    assert main(["table", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert "ranked by the model's own probabilities (temperature 1)" in help_text
