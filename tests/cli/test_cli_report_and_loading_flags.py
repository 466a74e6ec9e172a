"""Small contradictions of the CLI and the report: label-aware reports, --novel
with --exclude-file, misplaced loading flags, presentation forms."""

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    PerLabelClassifier,
    load_model,
    save_model,
)
from sknextchar.cli import main
from sknextchar.metrics import sample_report

# Label "s": names of 3 or 4 letters; label "l": names of 8 to 10 letters.
SHORT = ["abc", "bad", "cab", "dace", "aced", "bead", "ace", "dab"]
LONG = ["fghijfghi", "ghijfghij", "hijfghijfg", "ijfghijf", "jfghijfgh", "fgfghhij"]
NAMES = SHORT + LONG
LABELS = ["s"] * len(SHORT) + ["l"] * len(LONG)


def labelled_sampler():
    pipe = make_pipeline(
        ContextWindowTransformer(context_length=2),
        PerLabelClassifier(KneserNeyClassifier()),
    )
    return NameSampler(pipe).fit(NAMES, LABELS)


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_report_with_a_label_compares_with_that_labels_lengths():
    sampler = labelled_sampler()
    samples = ["abd", "cabe", "dca"]
    alone = sample_report(samples, SHORT)  # the label's own training names
    report = sample_report(samples, sampler, label="s")
    assert report.length_tv == alone.length_tv < 0.05
    assert report.train_mean_length == alone.train_mean_length
    assert report.train_median_length == alone.train_median_length
    assert report.label == "s" and report.to_dict()["label"] == "s"
    assert "label 's'" in str(report) and "of label 's'" in report.summary()
    # in_train still looks among every training name, as novel=True does.
    assert sample_report(["abc", "fghijfghi"], sampler, label="s").in_train == 1.0
    # Without a label: every training name, and the report as before.
    unlabelled = sample_report(samples, sampler)
    assert unlabelled.length_tv > 0.4 and "label" not in unlabelled.to_dict()
    assert "label" not in str(unlabelled) + unlabelled.summary()


def test_report_label_errors_say_what_to_do():
    sampler = labelled_sampler()
    with pytest.raises(ValueError, match=r"Unknown label 'x'.*\['l', 's'\]"):
        sample_report(["abc"], sampler, label="x")
    with pytest.raises(ValueError, match="pass the training names of that label"):
        sample_report(["abc"], SHORT, label="s")
    plain = NameSampler(
        make_pipeline(ContextWindowTransformer(context_length=2), KneserNeyClassifier())
    ).fit(NAMES)
    with pytest.raises(ValueError, match="fitted without labels: leave label=None"):
        sample_report(["abc"], plain, label="s")
    sampler.training_length_counts_by_label_ = None  # as a file saved without
    with pytest.raises(ValueError, match=r"no length counts by label.*fit\(names, "):
        sample_report(["abc"], sampler, label="s")


def test_cli_report_with_label_is_against_that_labels_names(tmp_path, capsys):
    rows = "".join(f"{n},{lab}\n" for n, lab in zip(NAMES, LABELS))
    table = write(tmp_path / "n.csv", "name,label\n" + rows)
    model = str(tmp_path / "m.skops")
    argv = ["train", table, "--labels", "label", "--model", "kneser-ney"]
    assert main([*argv, "--validation-fraction", "0", "-q", "-o", model]) == 0
    capsys.readouterr()
    argv = ["sample", model, "--label", "s", "-n", "40", "--seed", "0"]
    assert main([*argv, "--match-lengths", "--report"]) == 0
    out = "".join(capsys.readouterr())  # the report is on stderr
    names = out.split("\n\n")[0].split()
    assert all(len(name) in (3, 4) for name in names)  # label s's lengths
    assert "length distance  0.0" in out
    assert "(training names of label 's' 3.375)" in out
    # A file saved without the counts by label (by an earlier train --labels):
    # every label's lengths, and the report says so.
    sampler = load_model(model)
    sampler.training_length_counts_by_label_ = None
    save_model(sampler, tmp_path / "old.skops")
    argv[1] = str(tmp_path / "old.skops")
    assert main([*argv, "--report"]) == 0
    out = " ".join("".join(capsys.readouterr()).split())  # a note, wrapped
    assert "(training names 5.714)" in out and "keeps no length counts by label" in out


def test_novel_with_exclude_file_on_a_model_without_record(tmp_path, capsys):
    # A model trained in chunks keeps no record of its training names.
    names = write(tmp_path / "names.txt", "\n".join(NAMES * 3) + "\n")
    model = str(tmp_path / "chunks.skops")
    argv = ["train", names, "--chunk-size", "20", "--max-iter", "1"]
    assert main([*argv, "--validation-fraction", "0", "-q", "-o", model]) == 0
    capsys.readouterr()
    argv = ["sample", model, "-n", "5", "--seed", "0"]
    assert main([*argv, "--novel"]) == 1
    err = capsys.readouterr().err
    assert "with --exclude-file FILE instead of --novel" in err
    # Following that advice but keeping --novel: told what to drop.
    assert main([*argv, "--novel", "--exclude-file", names]) == 1
    err = capsys.readouterr().err
    assert "drop --novel, and --exclude-file alone leaves out the names of" in err
    assert "Traceback" not in err
    assert main([*argv, "--exclude-file", names]) == 0
    drawn = capsys.readouterr().out.split()
    assert len(drawn) == 5 and not set(drawn) & set(NAMES)


@pytest.mark.parametrize(
    "flags, shown",
    [
        (["--trust-pickle"], "--trust-pickle sets how --resume reads"),
        (["--max-bytes", "none"], "--max-bytes sets how --resume reads"),
        (["--max-bytes", "512M", "--trust-pickle"], "--trust-pickle and --max-bytes"),
    ],
)
def test_train_refuses_loading_flags_without_resume(tmp_path, capsys, flags, shown):
    names = write(tmp_path / "names.txt", "\n".join(NAMES) + "\n")
    out = tmp_path / "m.skops"
    argv = ["train", names, "--model", "kneser-ney", "-q", "-o", str(out), *flags]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert shown in err and "pass --resume MODEL, or leave" in err
    assert "Traceback" not in err and not out.exists()


def test_resume_still_reads_its_loading_flags(tmp_path, capsys):
    names = write(tmp_path / "names.txt", "\n".join(NAMES) + "\n")
    old, new = str(tmp_path / "old.skops"), str(tmp_path / "new.skops")
    argv = ["train", names, "--max-iter", "1", "--validation-fraction", "0", "-q"]
    assert main([*argv, "-o", old]) == 0
    resume = ["train", names, "--resume", old, "--max-iter", "2", "-q", "-o", new]
    assert main([*resume, "--max-bytes", "1K"]) == 1
    assert "more than --max-bytes 1,024" in capsys.readouterr().err
    assert main([*resume, "--max-bytes", "none", "--trust-pickle"]) == 0


def test_presentation_forms_are_named_with_what_folds_them(tmp_path, capsys):
    arabic = ["محمد", "علي", "فاطمة", "حسن"]
    windows = ContextWindowTransformer(alphabet="auto").fit(arabic)
    with pytest.raises(ValueError, match="outside the vocabulary") as error:
        windows.transform(["ﻣﺤﻤﺪ"])  # presentation forms of محمد
    assert "all compatibility forms of other characters" in str(error.value)
    assert "again with strip_accents='unicode' to fold them" in str(error.value)
    folding = ContextWindowTransformer(alphabet="auto", strip_accents="unicode")
    assert folding.fit(arabic).transform(["ﻣﺤﻤﺪ"]).n_names == 1
    # Not every unknown character a compatibility form: no such sentence.
    with pytest.raises(ValueError, match="outside the vocabulary") as error:
        windows.transform(["ﻣﺤﻤﺪx"])
    assert "compatibility" not in str(error.value)
    # The command line names its flag.
    names = write(tmp_path / "ar.txt", "\n".join(arabic) + "\n")
    model = str(tmp_path / "ar.skops")
    argv = ["train", names, "--alphabet", "auto", "--model", "kneser-ney", "-q"]
    assert main([*argv, "--validation-fraction", "0", "-o", model]) == 0
    capsys.readouterr()
    assert main(["score", model, "ﻣﺤﻤﺪ"]) == 1
    err = capsys.readouterr().err
    assert "again with --strip-accents unicode to fold them" in err


def test_report_names_the_flags_that_mend_repeats_and_lengths(tmp_path, capsys):
    # A 2-gram model of short and long names draws lengths unlike theirs (no
    # name of 5 to 7 letters in the data), and 200 names of it repeat.
    names = write(tmp_path / "names.txt", "\n".join(NAMES) + "\n")
    model = str(tmp_path / "m.skops")
    argv = ["train", names, "--model", "kneser-ney", "--context-length", "1"]
    assert main([*argv, "--validation-fraction", "0", "-q", "-o", model]) == 0
    capsys.readouterr()
    sample = ["sample", model, "-n", "200", "--seed", "0", "--report"]
    assert main(sample) == 0
    out = "".join(capsys.readouterr())  # the report is on stderr
    n_repeats = len(out.split("\n\n")[0].split()) - len(
        set(out.split("\n\n")[0].split())
    )
    out = " ".join(out.split())  # the hints, wrapped at 80 columns
    assert f"({n_repeats} of the 200 names are repeats: --unique draws" in out
    assert "--match-lengths draws them as often" in out
    assert main([*sample, "--match-lengths"]) == 0
    out = "".join(capsys.readouterr())  # the report is on stderr
    assert "--unique draws" in out and "--match-lengths draws" not in out
    # Lengths set by the user's own flags: --match-lengths would not mend them.
    assert main([*sample, "--min-length", "6"]) == 0
    out = "".join(capsys.readouterr())  # the report is on stderr
    assert "length distance" in out and "--match-lengths draws" not in out


def test_sample_report_leaves_stdout_to_the_names(tmp_path, capsys):
    # The table and its hints were printed under the names on stdout, so
    # "sample --report > names.txt" wrote "samples 5" into the names file.
    names = tmp_path / "names.txt"
    names.write_text("ana\nasha\numa\nravi\nanil\n", encoding="utf-8")
    model = str(tmp_path / "m.skops")
    argv = ["train", str(names), "--model", "kneser-ney"]
    assert main([*argv, "--validation-fraction", "0", "-q", "-o", model]) == 0
    sample = ["sample", model, "-n", "5", "--seed", "0"]
    capsys.readouterr()
    assert main(sample) == 0
    plain = capsys.readouterr()
    assert main([*sample, "--report"]) == 0
    reported = capsys.readouterr()
    assert reported.out == plain.out and len(plain.out.splitlines()) == 5
    assert reported.err.splitlines()[1].split() == ["names", "5"]
    assert "of the 5 names are training names: --novel" in reported.err
