"""Training in chunks as QA left it: its refusals say what to do, and it reports
a file's faults in the order a fit in memory does."""

import pytest
from sklearn.utils.validation import check_is_fitted

from sknextchar import (
    KneserNeyClassifier,
    NameSampler,
    make_default_pipeline,
    train_from_file,
)
from sknextchar.cli import main
from sknextchar.datasets import load_names
from tests._file_lines import by_line

NAMES = ["asha", "ravi", "meena", "john", "anu", "kiran"]
# An unknown character (ë) before a name of invisible characters only.
FAULTY = ["asha", "zoë", "\u200b", "ravi", *NAMES]


def small_pipe():
    return make_default_pipeline(random_state=0).set_params(
        clf__hidden_layer_sizes=(4,), clf__max_iter=1
    )


@pytest.fixture
def faulty(tmp_path):
    path = tmp_path / "faulty.txt"
    path.write_text("\n".join(FAULTY) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("chunk_size", [len(FAULTY), 3, 1])
def test_an_empty_name_is_reported_before_unknown_characters_as_in_memory(
    faulty, chunk_size
):
    with pytest.raises(ValueError) as in_memory:
        small_pipe().fit(load_names(faulty))
    with pytest.raises(ValueError) as in_chunks:
        train_from_file(faulty, small_pipe(), chunk_size=chunk_size)
    # the name by its line of the file ('\u200b' (line 3 of 'faulty.txt'))
    expected = by_line(str(in_memory.value), faulty)
    assert "(line 3 of " in expected and str(in_chunks.value) == expected
    resumed = small_pipe().fit(NAMES).set_params(clf__max_iter=2)
    with pytest.raises(ValueError) as in_chunks:
        train_from_file(faulty, resumed, chunk_size=chunk_size, resume=True)
    assert str(in_chunks.value) == expected


def test_train_in_chunks_reports_the_empty_name_as_train_does(faulty, tmp_path, capsys):
    argv = ["train", str(faulty), "-q", "-o", str(tmp_path / "m.skops")]
    assert main(argv) == 1
    in_memory = capsys.readouterr().err
    assert main([*argv, "--chunk-size", str(len(FAULTY))]) == 1
    assert capsys.readouterr().err == in_memory and "line 3" in in_memory


def test_train_from_file_with_its_arguments_swapped(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    pipe = small_pipe()
    swapped = r"\(path, pipeline\) takes the path of a file of names first"
    with pytest.raises(TypeError, match=swapped + ".*a Pipeline as path.*swap them"):
        train_from_file(pipe, str(path))
    with pytest.raises(TypeError, match=swapped + ".*a Pipeline as path.*swap them"):
        train_from_file(pipe, path)
    with pytest.raises(TypeError, match=swapped + r".*a Pipeline as path and None"):
        train_from_file(pipe)  # the path left out
    with pytest.raises(TypeError, match=swapped + r".*'other.txt' as pipeline\.$"):
        train_from_file(str(path), "other.txt")
    with pytest.raises(Exception, match="fitted"):
        check_is_fitted(pipe)  # untouched
    check_is_fitted(train_from_file(path, pipe)["clf"])  # the right order trains


def test_labels_with_chunk_size_says_what_to_do_instead(tmp_path, capsys):
    table = tmp_path / "names.csv"
    table.write_text(
        "name,gender\n" + "".join(f"{n},{'fm'[i % 2]}\n" for i, n in enumerate(NAMES))
    )
    argv = [
        "train",
        str(table),
        "--max-iter",
        "1",
        "-q",
        "-o",
        str(tmp_path / "m.skops"),
    ]
    assert main([*argv, "--labels", "gender", "--chunk-size", "2"]) == 1
    err = capsys.readouterr().err
    assert "--labels cannot be used with --chunk-size" in err
    assert "leave out --chunk-size" in err and "leave out --labels" in err
    # Both ways out work.
    assert main([*argv, "--labels", "gender"]) == 0
    assert main([*argv, "--chunk-size", "2", "--force"]) == 0


def test_chunks_of_one_name_are_counted_in_the_singular(tmp_path, capsys):
    path = tmp_path / "two.txt"
    path.write_text("asha\nravi\n", encoding="utf-8")
    argv = ["train", str(path), "--chunk-size", "1", "--max-iter", "1"]
    argv += ["--validation-fraction", "0", "-o", str(tmp_path / "m.skops")]
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert "in chunks of 1 name for 1 epoch" in captured.out  # not "1 names"
    assert "chunk 2/2: 1 name, loss" in captured.err


@pytest.mark.parametrize(
    "given, kind",
    [
        (KneserNeyClassifier(), "KneserNeyClassifier"),
        (NameSampler(make_default_pipeline()), "NameSampler"),
        ([make_default_pipeline()], "list"),
        (3, "int"),
    ],
    ids=["model", "sampler", "list", "int"],
)
def test_a_pipeline_of_another_kind_is_refused_in_the_words_of_train_from_file(
    tmp_path, given, kind
):
    # It was an AttributeError ('... object has no attribute steps') or
    # scikit-learn's "Cannot clone object '3'", which names no argument.
    path = tmp_path / "names.txt"
    path.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    with pytest.raises(TypeError) as caught:
        train_from_file(path, given)
    said = str(caught.value)
    assert said.startswith("train_from_file(pipeline=...) needs a Pipeline ")
    if kind == "NameSampler":  # what to pass instead
        assert said.endswith(
            "; got NameSampler. Pass the pipeline it wraps: its estimator, as in "
            "train_from_file(path, sampler.estimator), or its fitted estimator_ "
            "with resume=True."
        )
    else:
        assert said.endswith(f"; got {kind}.")
