"""``sknextchar train --resume MODEL``: a saved MLP trained further from a shell."""

import re

import numpy as np
import pytest

from sknextchar import load_model, save_model, train_from_file
from sknextchar.cli import main
from sknextchar.datasets import load_indian_names

NAMES = load_indian_names()
OLD_NAMES, NEW_NAMES = NAMES[::80], NAMES[7::80]  # disjoint, ~190 names each
SMALL = ["--hidden-layer-sizes", "8", "--embedding-dim", "4", "--seed", "0", "-q"]


def write_names(path, names):
    path.write_text("\n".join(names) + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """Two files of names and a model trained 2 of 4 epochs on the first."""
    tmp = tmp_path_factory.mktemp("resume")
    old_names = write_names(tmp / "old.txt", OLD_NAMES)
    new_names = write_names(tmp / "new.txt", NEW_NAMES)
    old = str(tmp / "old.skops")
    argv = ["train", old_names, *SMALL, "--max-iter", "2", "-o", old]
    assert main([*argv, "--validation-fraction", "0"]) == 0
    return {"old_names": old_names, "new_names": new_names, "old": old}


def mlp(sampler):
    return sampler.estimator_.estimator["clf"]


def test_resume_goes_on_with_the_weights_adam_state_and_schedule(
    files, tmp_path, capsys
):
    out = str(tmp_path / "more.skops")
    argv = ["train", files["old_names"], "--resume", files["old"], "--max-iter", "4"]
    assert main([*argv, "-o", out]) == 0
    printed = capsys.readouterr()
    assert "for 2 epochs (epochs 3 to 4 of --max-iter 4)" in printed.out
    # The progress counts on from the saved epochs.
    assert "epoch 3/4" in printed.err and "epoch 4/4" in printed.err
    old, more = mlp(load_model(files["old"])), mlp(load_model(out))
    assert more.loss_curve_[:2] == old.loss_curve_ and len(more.loss_curve_) == 4
    assert more.n_iter_ == 2 and more._optimizer.t == 2 * old._optimizer.t
    # The Python counterpart on the same file: the same model, weight for weight.
    pipe = load_model(files["old"]).estimator_.estimator.set_params(clf__max_iter=4)
    python = train_from_file(
        files["old_names"], pipe, chunk_size=len(OLD_NAMES), resume=True
    )["clf"]
    for a, b in zip(
        [more.embeddings_, *more.coefs_], [python.embeddings_, *python.coefs_]
    ):
        np.testing.assert_array_equal(a, b)


def test_resume_takes_a_dropout_as_it_takes_an_alpha(files, tmp_path):
    # A regulariser of the training, not a part of the model: the resumed
    # epochs drop units, and a later resume without the flag keeps its value.
    argv = ["train", files["old_names"], "--resume", files["old"], "--max-iter", "3"]
    plain, dropped = str(tmp_path / "plain.skops"), str(tmp_path / "dropped.skops")
    assert main([*argv, "--seed", "1", "-q", "-o", plain]) == 0
    assert main([*argv, "--seed", "1", "--dropout", "0.5", "-q", "-o", dropped]) == 0
    plain, first = mlp(load_model(plain)), mlp(load_model(dropped))
    assert plain.dropout == 0.0 and first.dropout == 0.5
    assert not np.allclose(plain.coefs_[0], first.coefs_[0])
    later = str(tmp_path / "later.skops")
    argv = ["train", files["old_names"], "--resume", dropped, "--max-iter", "4"]
    assert main([*argv, "-q", "-o", later]) == 0
    assert mlp(load_model(later)).dropout == 0.5


def test_novel_after_resuming_leaves_out_the_names_of_both_runs(files, tmp_path):
    out = str(tmp_path / "both.skops")
    argv = ["train", files["new_names"], "--resume", files["old"], "--max-iter", "3"]
    assert main([*argv, "-o", out]) == 0
    sampler = load_model(out)
    assert sampler.in_training_set(OLD_NAMES + NEW_NAMES).all()
    assert not sampler.in_training_set(NAMES[3::80]).any()
    assert sampler.training_length_counts_.sum() == len(OLD_NAMES) + len(NEW_NAMES)
    drawn = sampler.sample(300, novel=True, random_state=0)
    assert not set(drawn) & set(OLD_NAMES + NEW_NAMES)
    assert sampler.get_params()["temperature"] == 1.0  # the saved sampler's settings


def test_resume_in_chunks_keeps_no_partial_record(files, tmp_path, capsys):
    out = str(tmp_path / "chunks.skops")
    argv = ["train", files["new_names"], "--resume", files["old"], "--max-iter", "3"]
    assert main([*argv, "--chunk-size", "50", "-o", out]) == 0
    assert "keeps no record of its training names (--chunk-size" in (
        capsys.readouterr().out
    )
    model = load_model(out)  # the spelling of both runs' names, no record of them
    assert len(model.estimator_.estimator["clf"].loss_curve_) == 3
    assert model.training_name_hashes_ is None
    assert model.training_transitions_ is not None
    assert main(["sample", out, "--novel"]) == 1
    assert "has no record of its training names" in capsys.readouterr().err


def test_resume_in_chunks_reads_the_file_once_per_pass(files, tmp_path, monkeypatch):
    import sknextchar._name_chunks as name_chunks

    reads, real = [], name_chunks.read_name_chunks

    def counted(*args, **kwargs):
        reads.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(name_chunks, "read_name_chunks", counted)
    out = str(tmp_path / "chunks.skops")
    argv = ["train", files["new_names"], "--resume", files["old"], "--max-iter", "3"]
    assert main([*argv, "--chunk-size", "50", "-q", "-o", out]) == 0
    # The first pass (vocabulary check, chunk count), the one epoch (which
    # also counts the names of each first letter for the saved table of
    # prefixes: two letters have 20 names or more) and one pass for the
    # second letters (the table's next depth: none has 20 names): no fourth.
    assert reads == [files["new_names"]] * 3
    table = load_model(out).training_prefix_lengths_
    assert len(table["keys"]) == 2


def _counting_reads(monkeypatch):
    import sknextchar._name_chunks as name_chunks

    reads, real = [], name_chunks.read_name_chunks

    def counted(*args, **kwargs):
        reads.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(name_chunks, "read_name_chunks", counted)
    return reads


@pytest.mark.parametrize("max_iter", ["3", "5"])
def test_resume_in_memory_reads_the_file_in_one_pass_of_training(
    files, tmp_path, monkeypatch, max_iter
):
    reads = _counting_reads(monkeypatch)
    out = str(tmp_path / "memory.skops")
    argv = ["train", files["new_names"], "--resume", files["old"], "-q", "-o", out]
    assert main([*argv, "--max-iter", max_iter]) == 0
    # The first pass (vocabulary check) and the first epoch's, whose names the
    # later epochs and the passes of the prefix table take from memory; each
    # epoch read the file again.
    assert reads == [files["new_names"]] * 2


@pytest.fixture(scope="module")
def other_models(files, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("others")
    counts, labelled = str(tmp / "counts.skops"), str(tmp / "labelled.skops")
    assert (
        main(["train", files["old_names"], "--model", "kneser-ney", "-q", "-o", counts])
        == 0
    )
    csv = tmp / "labelled.csv"
    csv.write_text(
        "name,label\n"
        + "".join(f"{n},{'fm'[i % 2]}\n" for i, n in enumerate(OLD_NAMES))
    )
    argv = ["train", str(csv), "--labels", "label", *SMALL, "--max-iter", "1"]
    assert main([*argv, "-o", labelled]) == 0
    sampler, averaged = load_model(files["old"]), str(tmp / "averaged.skops")
    mlp(sampler).set_params(average=0.99)  # as saved from Python with an average
    save_model(sampler, averaged)
    return {"counts": counts, "labelled": labelled, "averaged": averaged}


@pytest.mark.parametrize(
    "case, extra, message",
    [
        ("done", [], r"Nothing to resume: '.*old.skops' has trained 2 epochs, and "
         r"its --max-iter is 2\. Pass a larger --max-iter"),
        ("done", ["--max-iter", "2"], r"and --max-iter is 2\."),
        ("counts", ["--max-iter", "3"], r"holds a KneserNeyClassifier\. A count "
         r"model needs no resuming: train it again, without --resume, on all"),
        ("labelled", ["--max-iter", "3"], r"is a model of names by label .* train a "
         r"new model with --labels"),
        ("averaged", ["--max-iter", "3"], r"--resume cannot continue "
         r"'.*averaged.skops': its MLP averages its parameters \(average=0.99, set "
         r"in Python\), .* Train a new model without --resume"),
        ("averaged", ["--max-iter", "3", "--chunk-size", "50"], "cannot continue"),
        ("done", ["--max-iter", "3", "--model", "kneser-ney"], "needs no resuming"),
        ("done", ["--max-iter", "3", "--order", "3"], "needs no resuming"),
        ("done", ["--max-iter", "3", "--labels", "label"], "--labels cannot be used"),
        ("done", ["--max-iter", "3", "--embedding-dim", "3", "--unit", "char"],
         r"so --unit, --embedding-dim cannot be changed \(a resumed run takes "
         r"--max-iter, --batch-size, --learning-rate, --learning-rate-init, "
         r"--alpha, --dropout, --seed\)"),
        ("done", ["--max-iter", "3", "--validation-fraction", "0.2"],
         "--resume holds out no names"),
        ("unknown", ["--max-iter", "3"], r"outside the vocabulary \['ë'\] in 'zoë' "
         r"\(line 2 of .*\)\. .* or train a new model \(without --resume\) with"),
        ("unknown", ["--max-iter", "3", "--chunk-size", "1"], r"outside the "
         r"vocabulary \['ë'\] in 'zoë' \(line 2 of .*\)\. .* or train a new model "
         r"\(without --resume\) with --alphabet auto"),
    ],
)  # fmt: skip
def test_what_cannot_be_continued_is_refused_before_any_work(
    files, other_models, tmp_path, capsys, case, extra, message
):
    model = {**files, **other_models}.get(case, files["old"])
    names = files["old_names"]
    if case == "unknown":
        names = write_names(tmp_path / "accents.txt", ["asha", "zoë"])
    before = open(model, "rb").read()
    out = tmp_path / "out.skops"
    assert main(["train", names, "--resume", model, *extra, "-q", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sknextchar: error: ") and err.count("\n") == 1
    assert re.search(message, err), err
    assert not out.exists() and open(model, "rb").read() == before


def test_the_resumed_file_is_never_the_output(files, capsys):
    before = open(files["old"], "rb").read()
    argv = ["train", files["old_names"], "--resume", files["old"], "--max-iter", "3"]
    assert main([*argv, "-o", files["old"], "--force"]) == 1
    assert "is one of the input files of this command" in capsys.readouterr().err
    assert open(files["old"], "rb").read() == before


@pytest.mark.parametrize("chunks", [[], ["--chunk-size", "5"]])
def test_resume_tells_of_rows_without_a_name_once(files, tmp_path, capsys, chunks):
    # Read into memory, then again by train_from_file's first pass: the rows
    # with no name were told twice (a note, then a warning).
    rows = [f"{name},f" for name in OLD_NAMES[:6]]
    rows[2:2], rows[5:5] = [",f"], [",m"]
    table = tmp_path / "kids.csv"
    table.write_text("name,sex\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = str(tmp_path / "kids.skops")
    argv = ["train", str(table), "--names-column", "name", "--resume", files["old"]]
    assert main([*argv, *chunks, "--max-iter", "3", "-q", "-o", out]) == 0
    err = capsys.readouterr().err
    assert err.count("have no name in column 'name'") == 1, err
    assert "(lines 4 and 7)" in err


def test_resume_tells_of_comment_and_quoted_lines_once(files, tmp_path, capsys):
    # Read into memory, then again by train_from_file's first pass: each
    # warning of the file's lines comes from the first reading alone.
    lines = [*OLD_NAMES[:6], "# girls", '"anna"']
    names = tmp_path / "kids.txt"
    names.write_text("\n".join(lines) + "\n", encoding="utf-8")
    old, out = str(tmp_path / "old.skops"), str(tmp_path / "kids.skops")
    first = ["train", str(names), *SMALL, "--alphabet", "auto", "--max-iter", "1"]
    assert main([*first, "-q", "-o", old]) == 0
    capsys.readouterr()
    argv = ["train", str(names), "--resume", old, "--max-iter", "2", "-q", "-o", out]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert err.count("has a line that starts with '#'") == 1, err
    assert err.count("in double quotes") == 1, err


@pytest.mark.parametrize("chunks", [[], ["--chunk-size", "5"]])
def test_resume_tells_of_a_title_above_the_header_once(files, tmp_path, capsys, chunks):
    # Read into memory, then again by train_from_file's first pass: the title
    # left out is told by the first reading alone.
    rows = [f"{name},f" for name in OLD_NAMES[:6]]
    table = tmp_path / "titled.csv"
    table.write_text("Baby names 2024\nname,sex\n" + "\n".join(rows) + "\n")
    out = str(tmp_path / "titled.skops")
    argv = ["train", str(table), "--resume", files["old"], *chunks]
    assert main([*argv, "--max-iter", "3", "-q", "-o", out]) == 0
    err = capsys.readouterr().err
    assert err.count("read as its title, left out") == 1, err
    assert "below line 1, 'Baby names 2024'" in err
