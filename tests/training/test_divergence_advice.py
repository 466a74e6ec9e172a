"""Training that diverges names the setting to lower and a value below the one
that failed, and following that advice trains: in Python, and on the command
line with the advice spelled as flags."""

import re

import numpy as np
import pytest

from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
from sknextchar.cli import main
from sknextchar.datasets import load_indian_names

NAMES = [str(name) for name in load_indian_names()[:40]]
# "with alpha=1.0 on windows ... Lower alpha (the default is 0.01)", or
# "with --learning-rate-init 0.005. Lower --learning-rate-init, e.g. to 0.0005."
_ADVICE = re.compile(
    r"with (\S+?)[= ]([\d.e+-]+?)\.? .*Lower (\S+?)"
    r"(?: \(the default is ([\d.e+-]+)\)|, e\.g\. to ([\d.e+-]+?))\. "
)


def _followed(message):
    """The setting the advice lowers and the value it offers, below the failed one."""
    match = _ADVICE.search(message)
    assert match, message
    name, failed, lowered, default, smaller = match.groups()
    assert lowered == name, message
    value = default or smaller
    assert float(value) < float(failed), message
    return name, value


def test_a_penalty_too_heavy_for_the_weights_is_advised_and_the_advice_trains():
    # At the default step size, partial_fit's weights of 0.02 make alpha=1.0
    # weigh fifty times more: lowering learning_rate_init (the advice before,
    # to its default, the value that failed) makes the loss no smaller.
    windows = ContextWindowTransformer().fit_transform(NAMES)
    weights = np.full(len(NAMES), 0.02)
    clf = CharEmbeddingMLPClassifier(
        alpha=1.0, hidden_layer_sizes=(50,), random_state=0
    )
    with pytest.raises(ValueError, match="Training diverged") as info:
        clf.partial_fit(windows, sample_weight=weights)
    name, value = _followed(str(info.value))
    assert name == "alpha"
    clf.set_params(**{name: float(value)}).partial_fit(windows, sample_weight=weights)
    assert np.isfinite(clf.loss_curve_).all()


@pytest.mark.parametrize(
    "method, params, weight",
    [
        ("fit", {"alpha": 2.0, "learning_rate_init": 1000.0}, None),
        ("partial_fit", {"alpha": 0.05, "learning_rate_init": 1000.0}, 0.02),
    ],
    ids=["fit", "partial_fit"],
)
def test_a_step_above_its_default_is_named_before_the_penalty(method, params, weight):
    # alpha / mean weight is above 1 in both, yet the step size diverges:
    # lowering alpha alone (the advice before) still diverges.
    windows = ContextWindowTransformer().fit_transform(NAMES)
    weights = None if weight is None else np.full(len(NAMES), weight)
    clf = CharEmbeddingMLPClassifier(
        hidden_layer_sizes=(50,), max_iter=5, random_state=0, **params
    )
    with pytest.raises(ValueError, match="Training diverged") as info:
        getattr(clf, method)(windows, sample_weight=weights)
    name, value = _followed(str(info.value))
    assert name == "learning_rate_init"
    getattr(clf.set_params(**{name: float(value)}), method)(
        windows, sample_weight=weights
    )
    assert np.isfinite(clf.loss_curve_).all()


def test_weights_far_from_1_are_told_by_how_much_to_scale_them():
    windows = ContextWindowTransformer().fit_transform(NAMES)
    weights = np.full(len(NAMES), 1e-6)
    clf = CharEmbeddingMLPClassifier(hidden_layer_sizes=(50,), random_state=0)
    with pytest.raises(ValueError, match="Training diverged") as info:
        clf.partial_fit(windows, sample_weight=weights)
    factor = re.search(r"multiply them by ([\d.e+-]+) ", str(info.value))
    assert factor, str(info.value)
    clf.partial_fit(windows, sample_weight=weights * float(factor.group(1)))
    assert np.isfinite(clf.loss_curve_).all()


def _counted(tmp_path, heavy):
    """Names of count 1 but one of ``heavy``: chunks of the others weigh little."""
    rows = [f"{name},{heavy if i == 0 else 1}" for i, name in enumerate(NAMES[:10])]
    path = tmp_path / "names.csv"
    path.write_text("name,count\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return ["--counts", "count", "--chunk-size", "2", str(path)]


@pytest.mark.slow  # a process's first command line loads the CLI: ~1 s
@pytest.mark.parametrize(
    "flags", [["--alpha", "1"], ["--learning-rate-init", "1000"]], ids=["alpha", "lr"]
)
def test_the_command_lines_advice_is_flags_that_train(tmp_path, capsys, flags):
    data = _counted(tmp_path, 400)
    settings = ["--max-iter", "1", "--hidden-layer-sizes", "8", "--seed", "0", "-q"]
    argv = ["train", *data, *settings, "-o", str(tmp_path / "m.skops")]
    assert main([*argv, *flags]) == 1
    err = capsys.readouterr().err
    flag, value = _followed(err)
    assert flag == flags[0], err
    assert main([*argv, flag, value]) == 0, capsys.readouterr().err


@pytest.mark.slow  # as above
@pytest.mark.parametrize(
    "flags", [[], ["--learning-rate-init", "1000"]], ids=["alpha", "lr"]
)
def test_a_chunk_of_rare_names_is_advised_a_value_that_trains(tmp_path, capsys, flags):
    # One count of 5000: the chunks of the others weigh 0.003 per window, which
    # the default alpha=0.01 outweighs; a step above its default is named
    # first, then alpha: each advice offers a value, and following them trains.
    data = _counted(tmp_path, 5000)
    settings = ["--max-iter", "1", "--hidden-layer-sizes", "8", "--seed", "0", "-q"]
    argv = ["train", *data, *settings, "-o", str(tmp_path / "m.skops")]
    named, given = [], flags
    while main([*argv, *flags]) == 1:
        err = capsys.readouterr().err
        advice = re.search(r"or lower (\S+) from ([\d.e+-]+) to ([\d.e+-]+) ", err)
        assert advice and len(named) < 2, err
        flag, failed, value = advice.groups()
        assert float(value) < float(failed), err
        named.append(flag)
        flags = [*flags, flag, value]
    assert named == ["--learning-rate-init", "--alpha"] if given else ["--alpha"]
