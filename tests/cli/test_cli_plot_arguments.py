"""plot's errors name its flags, not the plotting functions' arguments."""

import pytest

from sknextchar.cli import main

pytest.importorskip("matplotlib")


@pytest.fixture(scope="module")
def counts_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("plot")
    names = folder / "names.txt"
    names.write_text("asha\numa\nravi\nmira\nrahul\n", encoding="utf-8")
    model = folder / "model.skops"
    args = ["train", str(names), "--model", "kneser-ney", "-q", "-o", str(model)]
    assert main(args) == 0
    return str(model)


@pytest.mark.parametrize(
    "flag, parameter", [("--tree", "prefix"), ("--distribution", "context")]
)
def test_plot_error_on_a_prefix_names_the_flag(
    counts_file, capsys, tmp_path, flag, parameter
):
    out = str(tmp_path / "x.png")
    assert main(["plot", counts_file, flag, "ra1", "-o", out]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"sknextchar: error: {flag} 'ra1' holds '1'"), err
    assert f"such as {flag} '" in err and f"{parameter}=" not in err
