"""A bad transformer setting is reported before a bad name, on every path.

As scikit-learn validates the parameters before the data, each estimator that
fits a ContextWindowTransformer reports a setting that needs no name to be
refused (a declared constraint, an end marker or a given alphabet) before it
refuses a name, whichever of them checks the names first.
"""

import pytest
from sklearn.base import clone
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    NameLabelClassifier,
    NameSampler,
    train_from_file,
)

NAMES = ["anna", "marco", "ravi", "asha", "ugo", "lia", "amit", "sara"] * 3
BAD = [*NAMES[:5], "a\x1bb", *NAMES[5:]]  # a control character: refused
LABELS = ["fm"[i % 2] for i in range(len(BAD))]

SETTINGS = {
    "end_symbol": ({"end_symbol": "ab"}, "end_symbol"),
    "repeated": ({"alphabet": "abca"}, "repeated"),
    "declared": ({"context_length": 0}, "context_length"),
}


def pipe(**settings):
    model = CharEmbeddingMLPClassifier(max_iter=1)  # never trained: each fit fails
    return make_pipeline(ContextWindowTransformer(**settings), model)


def from_file(settings, tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("\n".join(BAD) + "\n", encoding="utf-8")
    return train_from_file(path, pipe(**settings), chunk_size=4)


FITS = {
    "transformer.fit": lambda s, _: ContextWindowTransformer(**s).fit(BAD),
    "transformer.fit_transform": (
        lambda s, _: ContextWindowTransformer(**s).fit_transform(BAD)
    ),
    "Pipeline": lambda s, _: pipe(**s).fit(BAD),
    "NameSampler": lambda s, _: NameSampler(pipe(**s)).fit(BAD, LABELS),
    # A single str as X: refused as names after the setting, with weights or
    # labels too (each checked before the long fit).
    "NameSampler-str-weights": (
        lambda s, _: NameSampler(pipe(**s)).fit("anna", sample_weight=[1])
    ),
    "NameSampler-str-labels": lambda s, _: NameSampler(pipe(**s)).fit("anna", ["f"]),
    "NameLabelClassifier": lambda s, _: NameLabelClassifier(pipe(**s)).fit(BAD, LABELS),
    "NameLabelClassifier-calibrated": lambda s, _: NameLabelClassifier(
        pipe(**s), calibration="temperature"
    ).fit(BAD, LABELS),
    "NameLabelClassifier-second-pipeline": lambda s, _: NameLabelClassifier(
        [pipe(), pipe(**s)]
    ).fit(BAD, LABELS),
    "train_from_file": from_file,
}


@pytest.mark.parametrize("setting", SETTINGS.values(), ids=SETTINGS.keys())
@pytest.mark.parametrize("fit", FITS.values(), ids=FITS.keys())
def test_a_bad_setting_is_reported_before_a_bad_name(fit, setting, tmp_path):
    settings, word = setting
    with pytest.raises(ValueError) as expected:  # the setting alone, good names
        ContextWindowTransformer(**settings).fit(NAMES)
    with pytest.raises(ValueError) as raised:
        fit(settings, tmp_path)
    assert type(raised.value) is type(expected.value)
    assert str(raised.value) == str(expected.value)
    assert word in str(raised.value)


def test_the_bad_name_alone_is_refused():
    # The names above are refused for their name when the settings are good,
    # so that the test above sees the setting's error come first, not alone.
    for fit in (
        lambda: clone(pipe()).fit(BAD),
        lambda: NameLabelClassifier(pipe()).fit(BAD, LABELS),
    ):
        with pytest.raises(ValueError, match=r"names\[5\] is 'a\\x1bb'"):
            fit()
    for fit in (
        lambda: NameSampler(pipe()).fit("anna", sample_weight=[1]),
        lambda: NameSampler(pipe()).fit("anna", ["f"]),
    ):
        with pytest.raises(TypeError, match="got a single str 'anna'"):
            fit()


@pytest.mark.parametrize(
    "flags, told",
    [
        (["--end-symbol", "ab"], "--end-symbol must be one character"),
        (["--alphabet", "abca"], "--alphabet has repeated characters"),
        (["--alphabet", "abca", "--model", "kneser-ney"], "--alphabet has repeated"),
        (["--end-symbol", "ab", "--chunk-size", "4"], "--end-symbol must be one"),
    ],
    ids=["end-symbol", "alphabet", "kneser-ney", "chunk-size"],
)
def test_train_reports_a_bad_flag_before_a_bad_line(flags, told, tmp_path, capsys):
    from sknextchar.cli import main

    path = tmp_path / "names.txt"
    path.write_text("\n".join(BAD) + "\n", encoding="utf-8")
    output = tmp_path / "model.skops"
    assert main(["train", str(path), *flags, "-q", "-o", str(output)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"sknextchar: error: {told}"), err
    assert not output.exists()
    assert main(["train", str(path), "-q", "-o", str(output)]) == 1  # the line alone
    assert "Line 6 of" in capsys.readouterr().err
