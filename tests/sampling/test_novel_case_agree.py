"""One meaning of "a training name" on a model that keeps case.

``sample(novel=True)`` leaves out case variants of the training names ("ASHA"
beside "Asha"); the sample report's "in train" and "novel", ``score``'s
``train`` column and a model resumed with ``train --resume`` tell training
names the same way. A model saved before the record of the names case-folded
compares exactly, and says so.
"""

import copy
import warnings

import numpy as np
import pytest
import skops.io

from sknextchar import NameSampler, load_model
from sknextchar.cli import main
from sknextchar.metrics import sample_report
from tests.cli.test_cli_resume import SMALL, write_names
from tests.sampling.test_novel_case import BASE, CASED, _pipe

KEEP_CASE = ["--alphabet", "auto", "--keep-case"]
OWN = CASED[::3]  # the names of the models trained from the command line


@pytest.fixture(scope="module")
def cased():
    return NameSampler(_pipe(lowercase=False), temperature=0.5).fit(CASED)


def _older(sampler):
    """The sampler as saved before the record of its names case-folded."""
    old = copy.deepcopy(sampler)
    del old.training_name_folded_hashes_
    return old


def test_the_report_counts_case_variants_as_training_names_as_novel_does(cased):
    drawn = cased.sample(2000, random_state=0)
    exact = cased.in_training_set(drawn)
    any_case = cased.in_training_set(drawn, ignore_case=True)
    assert any_case.sum() > exact.sum()  # "ASHA" drawn beside "Asha"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no warning: the record is there
        report = sample_report(drawn, cased)
    assert report.in_train == any_case.mean()
    assert report.novel == 1 - any_case.mean()
    kept = cased.sample(300, novel=True, random_state=0)
    assert sample_report(kept, cased).novel == 1.0


def test_a_list_of_names_counts_case_variants_as_training_names_too():
    report = sample_report(["ASHA", "Ravi"], ["Asha", "Uma"])
    assert report.in_train == 0.5


def test_an_older_model_that_keeps_case_is_compared_exactly_and_says_so(cased):
    old = _older(cased)
    drawn = cased.sample(2000, random_state=0)
    with pytest.warns(UserWarning, match="compare names exactly, as novel=True"):
        report = sample_report(drawn, old)
    assert report.in_train == old.in_training_set(drawn).mean()
    assert report.novel == 1 - cased.in_training_set(drawn).mean()


def test_a_model_without_case_reports_as_before_without_warning():
    plain = _older(NameSampler(_pipe()).fit(BASE))  # a-z: no folded record to miss
    drawn = plain.sample(500, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        report = sample_report(drawn, plain)
    assert report.in_train == plain.in_training_set(drawn).mean()


@pytest.fixture(scope="module")
def cased_files(tmp_path_factory):
    """A keep-case KN model, and an MLP one saved as before the folded record."""
    tmp = tmp_path_factory.mktemp("agree")
    own = write_names(tmp / "own.txt", OWN)
    other = write_names(tmp / "other.txt", ["Zuzanna"])
    kn = str(tmp / "kn.skops")
    assert (
        main(["train", own, *KEEP_CASE, "--model", "kneser-ney", "-q", "-o", kn]) == 0
    )
    mlp = str(tmp / "mlp.skops")
    argv = ["train", own, *KEEP_CASE, *SMALL, "--max-iter", "2"]
    assert main([*argv, "--validation-fraction", "0", "-o", mlp]) == 0
    old = str(tmp / "old.skops")
    skops.io.dump(_older(load_model(mlp)), old)  # as saved before the record
    return {"own": own, "other": other, "kn": kn, "mlp": mlp, "old": old}


def test_score_marks_a_case_variant_as_a_training_name(cased_files, capsys):
    name = OWN[1]
    assert main(["score", cased_files["kn"], name, name.upper(), "Zzzq"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    marks = {row.split()[1]: row.split()[-1] for row in rows}
    assert marks == {name: "yes", name.upper(): "yes", "Zzzq": "no"}


def test_sample_report_on_the_command_line_agrees_with_novel(cased_files, capsys):
    argv = ["sample", cased_files["kn"], "-n", "1000", "--seed", "0", "--report"]
    argv += ["--temperature", "0.5"]
    assert main(argv) == 0
    out = "".join(capsys.readouterr())  # the report is on stderr
    drawn = out.split("\n\n")[0].split()
    in_train = float(
        next(r for r in out.splitlines() if r.startswith("training names")).split()[2]
    )
    found = load_model(cased_files["kn"]).in_training_set(drawn, ignore_case=True)
    folded = {name.lower() for name in OWN}
    assert [n for n in drawn if n.lower() in folded and n not in OWN]  # variants
    assert in_train == round(found.mean(), 3)


def test_resume_on_its_own_names_rebuilds_the_folded_record(
    cased_files, tmp_path, capsys
):
    out = str(tmp_path / "resumed.skops")
    argv = ["train", cased_files["own"], "--resume", cased_files["old"]]
    assert main([*argv, "--max-iter", "3", "-q", "-o", out]) == 0
    assert "warning" not in capsys.readouterr().err
    resumed, fresh = load_model(out), load_model(cased_files["mlp"])
    np.testing.assert_array_equal(
        resumed.training_name_folded_hashes_, fresh.training_name_folded_hashes_
    )
    name = OWN[1]
    assert resumed.in_training_set([name.upper()], ignore_case=True).all()


def test_resume_on_other_names_says_novel_compares_case_exactly(
    cased_files, tmp_path, capsys
):
    out = str(tmp_path / "resumed.skops")
    argv = ["train", cased_files["other"], "--resume", cased_files["old"]]
    assert main([*argv, "--max-iter", "3", "-q", "-o", out]) == 0
    err = capsys.readouterr().err
    assert err.count("sknextchar: warning:") == 1 and "Traceback" not in err
    assert "--novel" in err and "compare names exactly" in err
    assert "without --resume" in err
    assert load_model(out).training_name_folded_hashes_ is None
    assert main(["sample", out, "-n", "50", "--seed", "0", "--report"]) == 0
    err = capsys.readouterr().err
    assert "sknextchar: warning: This model keeps case (--keep-case)" in err
    assert "as --novel on it does" in err
    assert "Train it again on all the names without --resume" in err
    assert "NameSampler(" not in err and "Traceback" not in err


@pytest.fixture(scope="module")
def chunked_model(cased_files, tmp_path_factory):
    """A keep-case MLP trained in chunks: it keeps no record of its names."""
    path = str(tmp_path_factory.mktemp("chunked") / "chunked.skops")
    argv = ["train", cased_files["own"], *KEEP_CASE, *SMALL, "--chunk-size", "64"]
    assert main([*argv, "--max-iter", "1", "-o", path]) == 0
    return path


@pytest.mark.parametrize("chunks", [["--chunk-size", "64"], []], ids=["chunks", "all"])
def test_resume_without_a_record_of_names_gives_no_case_warning(
    cased_files, chunked_model, tmp_path, capsys, chunks
):
    # Neither file keeps a record of the names: the note says so, and no
    # warning says the model was saved "before sknextchar kept one" folded.
    out = str(tmp_path / "resumed.skops")
    argv = ["train", cased_files["own"], "--resume", chunked_model, *chunks]
    assert main([*argv, "--max-iter", "2", "-o", out]) == 0
    captured = capsys.readouterr()
    assert "keeps no record of its training names" in captured.out
    assert "warning" not in captured.err and "saved before" not in captured.err
    assert getattr(load_model(out), "training_name_hashes_", None) is None
