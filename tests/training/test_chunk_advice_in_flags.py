"""Training in chunks (--chunk-size) advises flags, as training in memory does:
the advice of the pipeline's steps and of partial_fit is spelled for the
command line."""

import pytest

from sknextchar import train_from_file
from sknextchar.cli import main
from sknextchar.cli._commands import build_pipeline
from sknextchar.datasets import load_indian_names


def _train(tmp_path, text, *flags):
    path = tmp_path / "names.csv"
    path.write_text(text, encoding="utf-8")
    argv = ["train", str(path), "-o", str(tmp_path / "m.skops"), "-q", *flags]
    return main(argv), path


@pytest.mark.parametrize("chunks", [[], ["--chunk-size", "2"]])
def test_a_name_of_accents_alone_advises_leaving_out_the_flag(tmp_path, capsys, chunks):
    text = "ann\n\u0301\nbob\nzo\u00eb\nkai\n"
    status, _ = _train(tmp_path, text, "--strip-accents", "unicode", *chunks)
    err = capsys.readouterr().err
    assert status == 1 and "leave out --strip-accents" in err, err
    assert "None" not in err and "strip_accents" not in err


def _light_and_heavy(n=10):
    """Names of count 1 but one of 17,000: a chunk of the others weighs little."""
    names = [str(name) for name in load_indian_names()[:n]]
    rows = [f"{name},{17000 if i == 0 else 1}" for i, name in enumerate(names)]
    return "name,count\n" + "\n".join(rows) + "\n"


def test_a_diverged_chunk_of_rare_names_advises_flags(tmp_path, capsys):
    flags = ["--counts", "count", "--chunk-size", "2", "--seed", "0"]
    status, _ = _train(tmp_path, _light_and_heavy(), *flags)
    err = capsys.readouterr().err
    assert status == 1 and "Training diverged" in err, err
    assert "a larger --chunk-size" in err and "lower --alpha" in err
    assert "partial_fit" not in err and "sample_weight" not in err


def test_train_from_file_advises_its_own_parameters(tmp_path):
    path = tmp_path / "names.csv"
    path.write_text(_light_and_heavy(), encoding="utf-8")
    pipe = build_pipeline(clf__validation_fraction=0.0, clf__random_state=0)
    with pytest.raises(ValueError, match="Training diverged") as info:
        train_from_file(
            path, pipe, chunk_size=2, names_column="name", counts_column="count",
            verbose=False,
        )  # fmt: skip
    assert "a larger chunk_size" in str(info.value)
    assert "scale the weights of all your calls" not in str(info.value)
