"""Labels that look alike but are two labels to the model: "F" and "F " (a
spreadsheet's cell), "Française" composed and decomposed (a file saved on
macOS). Python warns of them (the command line reads them as one); and a
label typed for such a model finds its spelling."""

import unicodedata
import warnings

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameLabelClassifier,
    NameSampler,
    PerLabelClassifier,
)
from sknextchar._unknown_label import label_spellings_note

NAMES = ["Anna", "Marie", "Luc", "Paul", "Hans", "Otto", "Fritz", "Jürgen"]
FR, FR_NFD = "Française", unicodedata.normalize("NFD", "Française")


def _pipe():
    return make_pipeline(
        ContextWindowTransformer(alphabet="auto"),
        PerLabelClassifier(KneserNeyClassifier(order=2)),
    )


def _caught(fit):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fit()
    return [str(w.message) for w in caught if "look alike" in str(w.message)]


@pytest.mark.parametrize(
    "labels, shown",
    [
        ([FR, FR_NFD, FR, FR, "De", "De", "De", "De"], "'Franc\\u0327aise' and "),
        (["F", "F ", "F", "F", "M", "M", "M", "M"], "'F' and 'F '"),
    ],
    ids=["decomposed", "space"],
)
def test_a_sampler_fit_warns_of_labels_written_two_ways(labels, shown):
    (message,) = _caught(lambda: NameSampler(_pipe()).fit(NAMES, labels))
    assert shown in message and "learned as a label of its own" in message


def test_a_label_classifier_warns_once_not_once_per_pipeline():
    labels = ["F", "F ", "F", "F", "M", "M", "M", "M"]
    pipes = [_pipe(), _pipe()]
    assert len(_caught(lambda: NameLabelClassifier(pipes).fit(NAMES, labels))) == 1


def test_labels_alike_and_labels_of_case_only_do_not_warn():
    labels = ["F", "f", "F", "F", "M", "M", "M", "M"]
    assert _caught(lambda: NameSampler(_pipe()).fit(NAMES, labels)) == []


def test_a_typed_label_names_the_decomposed_one():
    labels = [FR_NFD] * 4 + ["De"] * 4
    sampler = NameSampler(_pipe()).fit(NAMES, labels)
    with pytest.raises(ValueError, match="did you mean") as error:
        sampler.sample(2, label=FR, random_state=0)
    # Shown by its escapes (the two look the same), with how to type it.
    assert f"did you mean {ascii(FR_NFD)}?" in str(error.value)
    assert "pass unicodedata.normalize('NFD', label)" in str(error.value)
    assert len(sampler.sample(2, label=unicodedata.normalize("NFD", FR))) == 2


def test_a_label_typed_in_another_case_is_found_before_outer_spaces_count():
    sampler = NameSampler(_pipe())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "F" and "F " look alike
        sampler.fit(NAMES, ["F", "F ", "F", "F", "M", "M", "M", "M"])
    with pytest.raises(ValueError, match="did you mean 'F'\\?"):
        sampler.sample(2, label="f", random_state=0)


def test_many_labels_written_two_ways_are_counted_not_all_listed():
    labels = [f"L{i}" for i in range(300)] + [f"L{i} " for i in range(300)]
    message = label_spellings_note(labels)
    assert "'L0' and 'L0 '" in message and "297 more such sets" in message
    assert len(message) < 600


def test_the_command_line_label_typed_in_nfc_is_the_model_s_decomposed_one():
    """The command line reads --label in NFC (sknextchar.cli._flags.LABEL): a
    model that learned the label decomposed is given its own label, not told
    to pass unicodedata.normalize, which no shell can do."""
    from sknextchar._labels import label_of_text

    sampler = NameSampler(_pipe()).fit(NAMES, [FR_NFD] * 4 + ["De"] * 4)
    assert label_of_text(sampler, FR) == FR_NFD
    assert len(sampler.sample(2, label=label_of_text(sampler, FR))) == 2
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # labels that look alike: told at fit
        both = NameSampler(_pipe()).fit(NAMES, [FR_NFD] * 4 + [FR] * 4)
    assert label_of_text(both, FR) == FR and label_of_text(both, "x") == "x"
    # sknextchar plot passes the Pipeline of the model file
    assert label_of_text(_pipe().fit(NAMES, [FR_NFD] * 4 + ["De"] * 4), FR) == FR_NFD


@pytest.mark.slow
@pytest.mark.parametrize(
    "argv",
    [["sample", "-n", "2"], ["score", "Anna"], ["plot", "--distribution", "An"]],
    ids=["sample", "score", "plot"],
)
def test_each_command_takes_the_label_typed_in_nfc(argv, tmp_path, capsys):
    from sknextchar import save_model
    from sknextchar.cli import main

    path = str(tmp_path / "nfd.skops")
    sampler = NameSampler(_pipe()).fit(NAMES, [FR_NFD] * 4 + ["De"] * 4)
    save_model(sampler, path)
    command, *rest = argv
    if command == "plot":
        rest += ["-o", str(tmp_path / "d.png")]
    assert main([command, path, *rest, "--label", FR]) == 0, capsys.readouterr().err
