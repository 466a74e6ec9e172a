"""What `sample` gives and how it says so: --novel names that repeat are told
(with how many, and --unique), the report says what each number means (no
"length TV"), an unknown Greek final sigma is listed as the one letter a model
learns for both forms, and a shortfall names no "0 excluded names"."""

import re

import pytest

from sknextchar import ContextWindowTransformer
from sknextchar.cli import main
from sknextchar.metrics import sample_report

# A 1-character-context model of a few short names repeats its new names often.
NAMES = ["ab", "ba", "abc", "cab", "bca", "acb", "cba", "bac", "abab", "baba"]


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    folder = tmp_path_factory.mktemp("words")
    names = folder / "names.txt"
    names.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    path = str(folder / "m.skops")
    argv = ["train", str(names), "--model", "kneser-ney", "--context-length", "1"]
    assert main([*argv, "--validation-fraction", "0", "-q", "-o", path]) == 0
    return path


def test_novel_names_that_repeat_are_told_with_the_flag_for_distinct(model, capsys):
    capsys.readouterr()
    sample = ["sample", model, "-n", "200", "--novel", "--seed", "0"]
    assert main(sample) == 0
    out, err = capsys.readouterr()
    drawn = out.split()
    n_repeats = len(drawn) - len(set(drawn))
    assert len(drawn) == 200 and n_repeats > 0  # new names, some twice
    assert not set(drawn) & set(NAMES)
    assert err == (
        f"({n_repeats} of the 200 names are repeats: --unique draws distinct names)\n"
    )
    # Asked for distinct names, or for the results alone: no note.
    for flag in ("--unique", "-q"):
        assert main([*sample, flag]) == 0
        assert capsys.readouterr().err == ""


def test_report_says_what_each_number_means():
    report = sample_report(["ab", "cd", "ab"], ["ab", "xyz"], test=["cd"])
    text, line = str(report), report.summary()
    assert "TV" not in text + line and "in train" not in text + line
    rows = dict(re.split(r"\s{2,}", row, maxsplit=1) for row in text.splitlines())
    assert list(rows) == [
        "names", "distinct", "training names", "test names", "new",
        "length distance", "mean length", "median length",
    ]  # fmt: skip
    scale = "(0 = same lengths, 1 = none shared)"
    assert rows["length distance"] == f"{report.length_tv:.3f}  {scale}"
    assert rows["mean length"].endswith(
        f"(training names {report.train_mean_length:.3f})"
    )
    assert rows["distinct"].endswith("(share of different names; 1 = no repeats)")
    assert rows["new"].endswith("(share that are neither)")
    assert f"length distance {report.length_tv:.2f} {scale[:-1]};" in line
    assert line.endswith(f"vs {report.train_mean_length:.1f} of the training names)")


@pytest.mark.parametrize(
    "fields",
    [{}, {"label": "female"}, {"label": "female", "lengths_of": "the training names "
     "that start with 'sh', blended with all training names' lengths"}],
)  # fmt: skip
def test_report_rows_fit_80_columns_and_say_whose_lengths(fields):
    from sknextchar.metrics import SampleReport

    numbers = (2_000, 0.96, 0.167, 0.0, 0.833, 0.591, 4.85, 5.0, 7.012, 7.0)
    text = str(SampleReport(*numbers, **fields))
    assert max(map(len, text.splitlines())) <= 80
    assert text.splitlines()[0] == "names            2,000"
    whose = "compared names" if "lengths_of" in fields else "training names"
    whose += " of label 'female'" if fields == {"label": "female"} else ""
    assert f"mean length      4.850  ({whose} 7.012)" in text
    if "lengths_of" in fields:  # the names compared with, said in full once
        assert f"(compared names: {fields['lengths_of']})" in " ".join(text.split())


def test_report_of_one_label_says_whose_lengths():
    from sknextchar.metrics import SampleReport

    report = SampleReport(3, 1.0, 0.0, None, 1.0, 0.25, 3.0, 3.0, 4.0, 4.0, label="f")
    text = str(report)
    assert "(training names of label 'f' 4.000)" in text
    assert "(share that are not)" in text  # no test names: new is not training


def test_unknown_final_sigma_listed_as_the_letter_a_model_learns():
    greek = ["νίκος", "σοφία"]
    with pytest.raises(ValueError) as caught:
        ContextWindowTransformer().fit(greek)  # the default alphabet, a-z
    message = str(caught.value)
    listed = re.search(r"outside the vocabulary \[(.*?)\]", message).group(1)
    letters = "".join(re.findall(r"'(.)'", listed))
    assert "σ" in letters and "ς" not in letters
    assert "'ς' is listed as 'σ', its form inside a word" in message
    # An alphabet of the letters listed reads the names, final sigma as σ.
    fitted = ContextWindowTransformer(alphabet="abc" + letters).fit(greek)
    assert "ς" not in fitted.vocabulary_
    assert fitted.normalize(["νίκοσ"]) == ["νίκος"]


def test_unknown_final_sigma_in_a_score_on_the_command_line(model, capsys):
    capsys.readouterr()
    assert main(["score", model, "νίκος"]) != 0
    err = capsys.readouterr().err
    assert "['ί', 'κ', 'ν', 'ο', 'σ']" in err and "'ς' is listed as 'σ'" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("name", ["ς", "ςa", "σς"])
def test_final_sigma_told_when_it_arrives_read_as_sigma(name):
    with pytest.raises(ValueError, match="'ς' is listed as 'σ', its form inside"):
        ContextWindowTransformer().fit([name])


def test_shortfall_names_no_excluded_names_when_none_were(model, capsys):
    capsys.readouterr()
    argv = ["sample", model, "-n", "3", "--pattern", "(abc){3}", "--seed", "0"]
    assert main([*argv, "--max-length", "9", "--max-rounds", "1"]) != 0
    err = capsys.readouterr().err
    assert "Could only generate" in err and "--max-length 9)" in err
    assert "excluded" not in err
