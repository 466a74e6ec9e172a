"""The command line's training in chunks and ``--keep-case`` hold-outs.

A model trained in chunks keeps no record of its names and holds none out:
its messages say what to do in flags. Names that differ only in case are one
name to ``sample --novel``, so they are one unit of the hold-out too.
"""

from pathlib import Path

import numpy as np

from sknextchar.cli import main

NAMES = [f"na{a}{b}" for a in "bcdfghk" for b in "aeiou"]  # 35 distinct names


def write(path, text):
    Path(path).write_text(text, encoding="utf-8")
    return str(path)


def test_chunks_refuse_a_validation_fraction_with_both_ways_out(tmp_path, capsys):
    names = write(tmp_path / "n.txt", "\n".join(NAMES) + "\n")
    argv = ["train", names, "--chunk-size", "10", "-o", str(tmp_path / "m.skops")]
    assert main([*argv, "--validation-fraction", "0.1"]) == 1
    err = capsys.readouterr().err
    assert "pass --validation-fraction 0 or leave --validation-fraction out" in err


def test_report_on_a_model_trained_in_chunks_says_what_to_do_in_flags(tmp_path, capsys):
    names = write(tmp_path / "n.txt", "\n".join(NAMES) + "\n")
    model = str(tmp_path / "m.skops")
    argv = ["train", names, "--chunk-size", "10", "--max-iter", "1", "-q"]
    assert main([*argv, "--validation-fraction", "0", "-o", model]) == 0
    capsys.readouterr()
    assert main(["sample", model, "-n", "3", "--report"]) == 1
    err = capsys.readouterr().err
    assert "--report cannot compare with them: train a model without" in err
    assert "Python" not in err and "sample_report(" not in err


def test_empty_names_of_every_chunk_are_counted(tmp_path, capsys):
    lines = list(NAMES[:30])
    lines[17], lines[18], lines[25] = "\u200b", "\u200b\u200b", "\u200c"
    names = write(tmp_path / "n.txt", "\n".join(lines) + "\n")
    argv = ["train", names, "--max-iter", "1", "--validation-fraction", "0", "-q"]
    assert main([*argv, "-o", str(tmp_path / "a.skops")]) == 1
    in_memory = capsys.readouterr().err
    assert main([*argv, "--chunk-size", "5", "-o", str(tmp_path / "b.skops")]) == 1
    err = capsys.readouterr().err
    assert "3 names hold only invisible characters" in err
    assert "(line 18 of " in err and "(line 19 of " in err
    assert err == in_memory


# Names in two cases each: 8 names to sample(novel=True) on a model that keeps case.
CASES = [
    v for b in ("asha", "ravi", "amit", "abid", "neha", "raj", "mira", "anu")
    for v in (b, b.capitalize())
]  # fmt: skip


def _units_seen(monkeypatch, module, name):
    """Record the units (groups) the hold-out function ``name`` of ``module`` gets."""
    seen, real = [], getattr(module, name)

    def spy(n_rows, groups, *args, **kwargs):
        seen.append(groups)
        return real(n_rows, groups, *args, **kwargs)

    monkeypatch.setattr(module, name, spy)
    return seen


def test_early_stopping_holds_out_case_variants_as_one_name(monkeypatch):
    import sknextchar._epoch_records as records
    from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer

    seen = _units_seen(monkeypatch, records, "validation_split")
    windows = ContextWindowTransformer(lowercase=False, alphabet="auto")
    clf = CharEmbeddingMLPClassifier(
        hidden_layer_sizes=(4,), max_iter=1, early_stopping=True,
        validation_fraction=0.25, random_state=0,
    )  # fmt: skip
    clf.fit(windows.fit_transform(CASES))
    units = seen[0]
    assert np.unique(units).size == 8
    name_of = windows.transform(CASES).name_index
    for i in range(0, len(CASES), 2):  # "asha" and "Asha": one unit
        assert set(units[name_of == i]) == set(units[name_of == i + 1])


def test_mixture_weights_hold_out_case_variants_as_one_name(monkeypatch):
    import sknextchar._holdout as holdout
    from sknextchar import (
        ContextWindowTransformer,
        KneserNeyClassifier,
        MixtureClassifier,
    )

    seen = _units_seen(monkeypatch, holdout, "hold_out")
    windows = ContextWindowTransformer(lowercase=False, alphabet="auto")
    members = [("a", KneserNeyClassifier(order=2)), ("b", KneserNeyClassifier())]
    MixtureClassifier(members, validation_fraction=0.25, random_state=0).fit(
        windows.fit_transform(CASES)
    )
    assert np.unique(seen[0]).size == 8


def test_train_keep_case_holds_out_case_variants_as_one_name(tmp_path, capsys):
    names = write(tmp_path / "n.txt", "\n".join(CASES) + "\n")
    argv = ["train", names, "--keep-case", "--alphabet", "auto", "--seed", "0",
            "--validation-fraction", "0.25"]  # fmt: skip
    assert main([*argv, "--max-iter", "1", "-o", str(tmp_path / "m.skops")]) == 0
    out = capsys.readouterr().out
    assert "Trained on 6 of 8 distinct names" in out
    assert "in any case" in out and "on 2 distinct held-out names" in out
    kn = [*argv, "--model", "kneser-ney", "-o", str(tmp_path / "k.skops")]
    assert main(kn) == 0
    out = capsys.readouterr().out
    assert "on 2 distinct held-out names (counted" in out  # each in its two cases


def test_train_report_does_not_cut_the_names_into_windows_again(
    tmp_path, capsys, monkeypatch
):
    from sknextchar import ContextWindowTransformer

    calls = []
    real = ContextWindowTransformer.transform

    def transform(self, X):
        calls.append(len(X))
        return real(self, X)

    monkeypatch.setattr(ContextWindowTransformer, "transform", transform)
    # Not the count model of the note that may follow: it scores the held-out
    # names with windows of its own.
    monkeypatch.setattr("sknextchar.cli._counts.note_count_model", lambda *a: None)
    names = write(tmp_path / "n.txt", "\n".join(NAMES * 2) + "\n")
    argv = ["train", names, "--max-iter", "1", "--seed", "0"]
    assert main([*argv, "--validation-fraction", "0.2", "-o", str(tmp_path / "m")]) == 0
    out = capsys.readouterr().out
    assert "Trained on 28 of 35 distinct names" in out  # counted all the same
    assert calls == []  # fit_transform cut them once


def test_kneser_ney_names_every_unknown_character_of_the_file(tmp_path, capsys):
    # Not only those of the names the held-out NLL counts first.
    lines = [*NAMES[:10], "josé", "zoë", "noël"]
    names = write(tmp_path / "n.txt", "\n".join(lines) + "\n")
    argv = ["train", names, "--model", "kneser-ney", "--seed", "0"]
    argv += ["--validation-fraction", "0.5"]
    assert main([*argv, "-o", str(tmp_path / "k.skops")]) == 1
    err = capsys.readouterr().err
    assert all(f"'{name}' (line" in err for name in ("josé", "zoë", "noël"))
