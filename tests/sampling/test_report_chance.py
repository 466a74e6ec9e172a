"""The --match-lengths hint of `sample --report` and the length TV reached by
chance: a few names drawn are far from any length distribution by chance alone."""

import numpy as np
import pytest
from scipy.stats import binom

from sknextchar._sample_report import chance_length_tv
from sknextchar.cli import main
from sknextchar.datasets import load_indian_names


@pytest.mark.parametrize("n, p", [(10, 0.3), (40, 0.5), (200, 0.1)])
def test_chance_tv_of_two_lengths_is_the_binomial_quantile(n, p):
    # With two lengths, the TV is |X / n - p| for X ~ Binomial(n, p): its
    # 0.9 quantile, exact, against the simulation's.
    values = np.abs(np.arange(n + 1) / n - p)
    order = np.argsort(values)
    cdf = np.cumsum(binom.pmf(np.arange(n + 1), n, p)[order])
    exact = values[order][np.searchsorted(cdf, 0.9)]
    simulated = chance_length_tv([1 - p, p], n, quantile=0.9, n_draws=20_000)
    assert simulated == pytest.approx(exact, abs=1.01 / n)


def test_chance_tv_shrinks_with_the_sample():
    counts = np.bincount([len(name) for name in load_indian_names()])
    tvs = [chance_length_tv(counts, n) for n in (10, 100, 1000, 10_000)]
    assert tvs == sorted(tvs, reverse=True)
    assert tvs[0] > 0.3 and tvs[-1] < 0.05


def test_a_few_names_get_no_length_hint_from_chance(tmp_path, capsys):
    # The README's sample of 10 names: their length TV (about 0.3) is what 10
    # names drawn from the training lengths themselves reach by chance.
    names = tmp_path / "names.txt"
    names.write_text("\n".join(load_indian_names()) + "\n", encoding="utf-8")
    model = str(tmp_path / "m.skops")
    argv = ["train", str(names), "--model", "kneser-ney", "-q", "-o", model]
    assert main(argv) == 0
    capsys.readouterr()
    shown = []
    for seed in range(5):
        sample = ["sample", model, "-n", "10", "--seed", str(seed), "--report"]
        assert main(sample) == 0
        out = "".join(capsys.readouterr())  # the report is on stderr
        tv = float(out.split("length distance")[1].split()[0])
        shown.append((tv, "--match-lengths draws" in out))
    assert any(tv > 0.1 for tv, _ in shown)  # the old rule would have hinted
    assert not any(hinted for _, hinted in shown)
