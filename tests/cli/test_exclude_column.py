"""``sample --exclude-file`` read from another column than the model's names
is told, with the --names-column that reads the model's names."""

import argparse
import os
import re
import shlex

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar.cli import main
from sknextchar.cli._excluded import warn_other_column
from sknextchar.datasets import load_indian_names

GIVEN = load_indian_names()[:80]


@pytest.fixture
def table_and_model(tmp_path, capsys):
    table = tmp_path / "family.csv"
    rows = [f'"Rao, {name}",{name},{"FM"[i % 2]}\n' for i, name in enumerate(GIVEN)]
    rows = "".join(rows)
    table.write_text("Name,Given,Sex\n" + rows, encoding="utf-8")
    model = tmp_path / "given.skops"
    argv = ["train", str(table), "--names-column", "Given", "--model", "kneser-ney"]
    assert main([*argv, "-o", str(model)]) == 0
    capsys.readouterr()
    return table, model


def _sample(model, table, capsys, *flags):
    argv = ["sample", str(model), "-n", "300", "--seed", "0", "--exclude-file"]
    assert main([*argv, str(table), *flags]) == 0
    out, err = capsys.readouterr()
    return out.split(), err


def test_an_exclude_file_read_from_another_column_is_told(table_and_model, capsys):
    table, model = table_and_model
    drawn, err = _sample(model, table, capsys)
    assert set(drawn) & set(GIVEN)  # the file's column 'Name' left out nothing
    assert "warning: none of the 80 names read from column 'Name'" in err
    offered = re.search(r"pass (--names-column \S+)\.", err)
    assert offered and "'Given' holds 80 of the model's training names" in err
    drawn, err = _sample(model, table, capsys, *shlex.split(offered.group(1)))
    assert "sknextchar: warning" not in err
    assert not set(drawn) & set(GIVEN)


def test_no_warning_for_a_list_or_names_shared(table_and_model, tmp_path, capsys):
    table, model = table_and_model
    others = tmp_path / "others.txt"
    others.write_text("\n".join(load_indian_names()[500:520]), encoding="utf-8")
    # a list of names: no other column to offer
    assert "sknextchar: warning" not in _sample(model, others, capsys)[1]
    mixed = tmp_path / "mixed.csv"
    mixed.write_text(table.read_text(encoding="utf-8") + f"{GIVEN[0]},x,F\n", "utf-8")
    # one name shared with the model's training names
    assert "sknextchar: warning" not in _sample(model, mixed, capsys)[1]


def test_a_table_on_a_pipe_is_read_once(table_and_model, capsys, monkeypatch):
    table, model = table_and_model
    read, write = os.pipe()
    os.write(write, table.read_bytes())
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        monkeypatch.setattr("sys.stdin", pipe)
        monkeypatch.setattr(
            "sknextchar.cli._stdin_files.STDIN", f"/dev/fd/{pipe.fileno()}"
        )
        drawn, err = _sample(model, "-", capsys)
    assert len(drawn) == 300 and "error" not in err


def test_a_cell_the_model_cannot_read_in_another_column_is_no_error(
    table_and_model, tmp_path, capsys
):
    # A tatweel alone in a column that is not the names' one: the exclude
    # file is read (its column 'name'), and the other column's look at the
    # training names skips that cell instead of failing the command.
    table, model = table_and_model
    other = tmp_path / "other.csv"
    rows = [f"Zzqx{i},\u0640\n" for i in range(3)]
    rows += [f"Qqvw{i},{name}\n" for i, name in enumerate(GIVEN[:5])]
    other.write_text("name,note\n" + "".join(rows), encoding="utf-8")
    drawn, err = _sample(model, other, capsys)
    assert len(drawn) == 300
    assert "its column 'note' holds 5 of the model's training names" in err


def test_names_to_leave_out_from_no_file_are_no_error(capsys):
    # Names to leave out that another source than --exclude-file gave (a
    # flag that takes names): no file, so no other column to look at.
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    sampler = NameSampler(pipe).fit(GIVEN[:10])
    assert sampler.training_name_hashes_ is not None  # the check runs for it
    args = argparse.Namespace(
        exclude_file=None, encoding="utf-8", names_column=None, model="m.skops"
    )
    warn_other_column(args, GIVEN[:3], sampler)
    assert capsys.readouterr().err == ""
