"""``--`` ends the options; a list flag says why a word is not its value; and
``--match-lengths`` is refused where it cannot work (deterministic decoding)."""

import pytest

from sknextchar import load_model
from sknextchar.cli import main
from sknextchar.datasets import load_indian_names
from tests._command_runs import run
from tests.labels.test_labels import ending_corpus

KN = ["--model", "kneser-ney", "--context-length", "2", "-q"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("option_lists")


@pytest.fixture(scope="module")
def names_file(folder):
    path = folder / "names.txt"
    path.write_text("\n".join(load_indian_names()[::15]) + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def model_file(folder, names_file):
    path = folder / "model.skops"
    assert main(["train", names_file, *KN, "-o", str(path)]) == 0
    return str(path)


@pytest.fixture(scope="module")
def labelled_model(folder):
    """A count model per label: A names end in "a", B names in "o"."""
    names, labels = ending_corpus()
    csv_file = folder / "labelled.csv"
    rows = "".join(f"{n},{lab}\n" for n, lab in zip(names, labels))
    csv_file.write_text("name,label\n" + rows, encoding="utf-8")
    path = folder / "by_label.skops"
    argv = ["train", str(csv_file), "--labels", "label", *KN, "-o", str(path)]
    assert main(argv) == 0
    return str(path)


# --------------------------------------------------------------------------- #
# "--" ends the options
# --------------------------------------------------------------------------- #
def test_score_reads_the_words_after_dashdash_as_names(model_file, capsys):
    status, out, err = run(capsys, "score", model_file, "--by", "per-char", "ana")
    assert status == 0, err
    expected = out
    status, out, err = run(capsys, "score", model_file, "--by", "per-char", "--", "ana")
    assert status == 0, err
    assert out == expected and "unrecognized" not in err
    # Two names after "--", as two names before it.
    both = run(capsys, "score", model_file, "--by", "per-char", "ana", "eva")[1]
    after = run(capsys, "score", model_file, "--by", "per-char", "--", "ana", "eva")
    assert after[0] == 0 and after[1] == both


def test_a_word_after_dashdash_is_a_name_even_with_a_leading_hyphen(model_file, capsys):
    status, _, err = run(capsys, "score", model_file, "--by", "per-char", "--", "-ana")
    # A name, not an option: refused for its character, not as an argument.
    assert "unrecognized" not in err
    assert status == 1 and "'-ana'" in err and "Traceback" not in err


def test_classify_reads_the_names_after_dashdash(labelled_model, capsys):
    status, out, err = run(
        capsys, "classify", labelled_model, "--priors", "A=1", "B=3", "--", "lena"
    )
    assert status == 0, err
    assert out.splitlines()[1].split()[0] == "lena"


def test_a_trailing_dashdash_is_harmless(model_file, capsys):
    status, out, err = run(capsys, "sample", model_file, "-n", "2", "--seed", "0", "--")
    assert status == 0, err
    assert len(out.splitlines()) == 2


def test_table_and_train_take_their_positional_after_dashdash(
    model_file, names_file, folder, capsys
):
    # A guard: argparse already read these after "--"; they must stay so.
    status, out, err = run(
        capsys, "table", model_file, "--temperatures", "0.5", "1", "--", "ab"
    )
    assert status == 0, err
    assert out.splitlines()[0].startswith("next character after prefix 'ab' (")
    output = folder / "after_dashdash.skops"
    argv = ["train", *KN, "-o", str(output), "--", names_file]
    assert main(argv) == 0
    assert output.is_file()


# --------------------------------------------------------------------------- #
# A list flag takes every word after it: the error says so
# --------------------------------------------------------------------------- #
def usage_error(capsys, *argv):
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == "" and err.count("\n") == 1, err
    return err


def test_hidden_layer_sizes_that_took_the_names_file_say_so(names_file, capsys):
    err = usage_error(
        capsys, "train", "--hidden-layer-sizes", "16", names_file, "-o", "x.skops"
    )
    assert "expected an int" in err
    assert "--hidden-layer-sizes takes every word after it" in err
    assert f"{names_file!r} is a file" in err
    assert "put it before --hidden-layer-sizes" in err and "'--'" in err


def test_a_word_that_is_no_file_gets_the_advice_without_the_file(capsys):
    err = usage_error(
        capsys, "train", "--hidden-layer-sizes", "16", "nofile.txt", "-o", "x.skops"
    )
    assert "takes every word after it" in err and "is a file" not in err
    assert "put NAMES_FILE before --hidden-layer-sizes" in err


def test_priors_that_took_a_name_say_how_to_end_the_list(capsys):
    err = usage_error(capsys, "classify", "m.skops", "--priors", "F=1", "M=0", "Ana")
    assert "expected LABEL=WEIGHT" in err and "got 'Ana'" in err
    assert "--priors takes every word after it" in err
    assert "put NAME before --priors" in err and "'--'" in err


def test_temperatures_that_took_the_context_say_how_to_end_the_list(capsys):
    err = usage_error(capsys, "table", "m.skops", "--temperatures", "0.5", "1", "ab")
    assert "expected a number" in err
    assert "--temperatures takes every word after it" in err
    assert "put CONTEXT before --temperatures" in err


def test_a_first_word_that_is_no_value_is_only_that(capsys):
    # Nothing was taken before it: the list did not swallow anything.
    err = usage_error(capsys, "classify", "m.skops", "--priors", "Ana")
    assert "got 'Ana'" in err and "takes every word" not in err


def test_list_flags_still_read_their_values():
    from sknextchar.cli import build_parser

    parser = build_parser()
    args = parser.parse_args(["train", "--hidden-layer-sizes", "16", "8", "-o", "m"])
    assert args.clf__hidden_layer_sizes == [16, 8]
    args = parser.parse_args(["train", "-o", "m", "--hidden-layer-sizes"])
    assert args.clf__hidden_layer_sizes == []  # no hidden layer
    args = parser.parse_args(["table", "m", "ab", "--temperatures", "0.5", "inf"])
    assert args.temperatures == [0.5, float("inf")]
    args = parser.parse_args(["classify", "m", "ana", "--priors", "F=1", "M=3"])
    assert args.priors == [("F", 1.0), ("M", 3.0)]


# --------------------------------------------------------------------------- #
# --match-lengths with deterministic decoding
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize(
    "greedy, setting",
    [(["--temperature", "0"], "--temperature 0"), (["--top-k", "1"], "--top-k 1")],
)
def test_match_lengths_is_refused_at_deterministic_decoding(
    model_file, capsys, greedy, setting
):
    status, out, err = run(
        capsys, "sample", model_file, *greedy, "--match-lengths", "-n", "3"
    )
    assert status == 1 and out == "" and "Traceback" not in err
    assert err.count("\n") == 1, err
    assert "--match-lengths" in err and f"at {setting}" in err
    assert "Sample without --match-lengths" in err
    assert "match_lengths" not in err and "temperature=" not in err


def test_match_lengths_is_refused_in_python_in_python_words(model_file):
    greedy = load_model(model_file).set_params(temperature=0)
    with pytest.raises(ValueError, match="match_lengths=True") as info:
        greedy.sample(3, match_lengths=True)
    assert "temperature=0" in str(info.value)
    assert "Sample without match_lengths=True" in str(info.value)
    one = load_model(model_file).set_params(top_k=1)
    with pytest.raises(ValueError, match="at top_k=1"):
        one.sample(1, match_lengths=True)
    # Sampling still matches lengths above temperature 0, and greedy without it.
    assert len(load_model(model_file).sample(3, match_lengths=True, random_state=0))
    assert len(set(greedy.sample(3))) == 1


def test_advice_that_ends_a_sentence_is_spelled_as_a_flag(model_file, capsys):
    # The greedy name is a training name: --novel keeps none. The last lever,
    # "sample without novel=True.", ends the sentence: a flag on the command line.
    greedy = load_model(model_file).set_params(temperature=0).sample(1)[0]
    status, _, err = run(
        capsys, "sample", model_file, "--temperature", "0", "--novel", "-n", "1"
    )
    assert status == 1, f"the greedy name {greedy!r} is new: nothing is refused"
    assert "sample without --novel" in err
    assert "novel=True" not in err
