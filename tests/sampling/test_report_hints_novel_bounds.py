"""sample --report says when names are training names (--novel leaves them out),
when the model itself does not recognise names as of --label X (--min-label-proba
keeps those it does), and what of its length TV the length bounds account for."""

import re

import pytest

from sknextchar.cli import main

# Seven names: one of 3 letters, four of 4, two of 5.
NAMES = ["uma", "asha", "ravi", "mira", "john", "aisha", "rahul"]


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hints")
    names = folder / "names.txt"
    names.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    path = str(folder / "kn.skops")
    assert main(["train", str(names), "--model", "kneser-ney", "-q", "-o", path]) == 0
    return path


def _report(model, capsys, *flags):
    capsys.readouterr()
    assert main(["sample", model, "-n", "40", "--seed", "0", "--report", *flags]) == 0
    out = "".join(capsys.readouterr())  # the report is on stderr
    names, report = out.split("\n\n", 1)
    # Its rows and the hints under them fit 80 columns (a hint ran to 184).
    assert max(map(len, report.splitlines())) <= 80, report
    return names.split("\n"), " ".join(report.split())  # a hint, on one line


def test_training_names_drawn_bring_the_novel_hint(model, capsys):
    names, report = _report(model, capsys)
    assert set(names) & set(NAMES)  # a count model of 7 names writes some of them
    assert "--novel draws new names only" in report


def test_no_novel_hint_with_novel(model, capsys):
    names, report = _report(model, capsys, "--novel")
    assert not set(names) & set(NAMES)
    assert "--novel" not in report


def test_bounds_note_gives_the_floor_of_the_length_tv(model, capsys):
    _, report = _report(model, capsys, "--min-length", "4", "--novel")
    share = 1 / len(NAMES)  # "uma": the one training name below 4 letters
    assert f"--min-length 4 leaves out the lengths of {share:.1%}" in report
    assert f"the length distance is at least {share:.3f}" in report
    tv = float(re.search(r"length distance\s+([0-9.]+)", report).group(1))
    assert tv >= round(share, 3)  # the floor the note gives holds
    assert "--max-length" not in report  # the default bound: the longest name


def test_both_bounds_named_and_none_by_default(model, capsys):
    _, report = _report(model, capsys, "--min-length", "4", "--max-length", "4")
    # "uma" below, "aisha" and "rahul" above: 3 of the 7 training names.
    assert "--min-length 4 and --max-length 4 leave out the lengths of 42.9%" in report
    assert "the length distance is at least 0.429" in report
    _, report = _report(model, capsys)
    assert "leave out the lengths" not in report and "leaves out" not in report


@pytest.fixture(scope="module")
def labelled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("labelled")
    table = folder / "names.csv"
    rows = ["asha,f", "mira,f", "uma,f", "anita,f", "ravi,m", "arun,m", "amit,m"]
    table.write_text("name,label\n" + "\n".join(rows) + "\n", encoding="utf-8")
    path = str(folder / "kn.skops")
    train = ["train", str(table), "--labels", "label", "--model", "kneser-ney"]
    assert main([*train, "-q", "-o", path]) == 0
    return path


def _not_recognised(model, names, label, capsys):
    """How many names 'classify' (equal priors) gives P(label | name) < 0.5."""
    capsys.readouterr()
    assert main(["classify", model, *names]) == 0
    rows = capsys.readouterr().out.strip().split("\n")
    column = rows[0].split().index(f"P({label})")
    return sum(float(row.split()[column]) < 0.5 for row in rows[1:])


def test_label_note_counts_the_names_classify_gives_another_label(labelled, capsys):
    names, report = _report(labelled, capsys, "--label", "f")
    n_other = _not_recognised(labelled, names, "f", capsys)
    assert 0 < n_other < len(names)  # a count model of 7 names mixes the labels
    # A count, not a share that rounds 1 name of 500 to "(0%)".
    # Worded as the other hints under the table: "(N of the M names ...".
    said = re.search(
        r"\(([\d,]+) of the ([\d,]+) names (has|have) P\('f' \| name\)", report
    )
    assert said, report
    assert (said[1], said[2]) == (f"{n_other:,}", f"{len(names):,}")
    assert said[3] == ("has" if n_other == 1 else "have")
    assert "P('f' | name) below 0.5" in report
    # True for any number of labels: the most probable label may have P < 0.5.
    assert "recognises" not in report
    kept = (
        "--min-label-proba 0.5 keeps only the names with P('f' | name) of 0.5 or more"
    )
    assert kept in report


def test_no_label_note_with_min_label_proba(labelled, capsys):
    flags = ["--label", "f", "--min-label-proba", "0.5"]
    names, report = _report(labelled, capsys, *flags)
    assert _not_recognised(labelled, names, "f", capsys) == 0
    assert "--min-label-proba" not in report


def test_label_note_scores_the_names_in_one_pass(labelled, capsys, monkeypatch):
    from sknextchar import NameSampler

    def once_per_label(*args, **kwargs):
        raise AssertionError("the note scores the names once per label")

    monkeypatch.setattr(NameSampler, "score_samples", once_per_label)
    _, report = _report(labelled, capsys, "--label", "f")
    assert "below 0.5 by the model's own Bayes' rule" in report


def test_no_label_note_when_every_name_reaches_one_half(tmp_path, capsys):
    # Labels of letters apart: the model gives every name of 'f' P('f' | name)
    # of 0.5 or more, with no --min-label-proba.
    rows = ["aia,f", "eai,f", "iae,f", "aie,f", "eia,f", "iea,f", "aaie,f"]
    rows += ["ouy,m", "yuo,m", "uoy,m", "oyu,m", "yyou,m", "uuoy,m", "ieea,f"]
    table = tmp_path / "names.csv"
    table.write_text("name,label\n" + "\n".join(rows) + "\n", encoding="utf-8")
    path = str(tmp_path / "kn.skops")
    train = ["train", str(table), "--labels", "label", "--model", "kneser-ney"]
    assert main([*train, "-q", "-o", path]) == 0
    names, report = _report(path, capsys, "--label", "f")
    assert _not_recognised(path, names, "f", capsys) == 0
    assert "P('f' | name)" not in report and "--min-label-proba" not in report


def test_bounds_note_counts_the_names_of_the_label(labelled, capsys):
    # The names of 'f': asha, mira, uma, anita; only "uma" is below 4 letters,
    # 1 of 4 (of every label: 1 of 7).
    _, report = _report(labelled, capsys, "--label", "f", "--min-length", "4")
    assert "--min-length 4 leaves out the lengths of 25.0%" in report
    assert "the length distance is at least 0.250" in report


def test_bounds_note_counts_the_names_the_prefix_report_compares_with(tmp_path, capsys):
    from sknextchar._persistence import load_model
    from sknextchar._sample_report import training_length_counts

    # 24 names start with "k" (3 to 5 letters), enough to compare with theirs.
    names = [f"k{a}{b}" for a in "aeiou" for b in "lmnr"][:12]
    names += [f"k{a}{b}a" for a in "aeiou" for b in "lmnr"][:8]
    names += ["kiran", "kamal", "kavya", "kunal", "ravindra", "gopalan", "uma"]
    (tmp_path / "names.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    path = str(tmp_path / "kn.skops")
    train = ["train", str(tmp_path / "names.txt"), "--model", "kneser-ney"]
    assert main([*train, "-q", "-o", path]) == 0
    _, report = _report(path, capsys, "--prefix", "k", "--max-length", "4")
    counts = training_length_counts(load_model(path), prefix="k")
    share = counts[5:].sum() / counts.sum()  # blended with every name's lengths
    every = sum(len(name) > 4 for name in names) / len(names)
    assert round(share, 3) != round(every, 3)  # not the share among every name
    assert f"--max-length 4 leaves out the lengths of {share:.1%}" in report
    tv = float(re.search(r"length distance\s+([0-9.]+)", report).group(1))
    assert tv >= round(share, 3) > 0


def test_no_bounds_note_for_a_share_the_report_shows_as_zero(tmp_path, capsys):
    # 1 name of 3,001 is longer than 10 letters: a floor of 0.0003.
    lines = ["asha"] * 3000 + ["alexandrina"]
    (tmp_path / "names.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    path = str(tmp_path / "kn.skops")
    train = ["train", str(tmp_path / "names.txt"), "--model", "kneser-ney"]
    assert main([*train, "-q", "-o", path]) == 0
    _, report = _report(path, capsys, "--max-length", "10")
    assert "leaves out" not in report and "0.0%" not in report
    _, report = _report(path, capsys, "--max-length", "4")  # 1 of 3,001, too
    assert "leaves out" not in report
    _, report = _report(path, capsys, "--min-length", "5")  # 3,000 of 3,001
    assert "--min-length 5 leaves out the lengths of 100.0%" in report


def test_bounds_note_names_a_bound_saved_in_the_model(tmp_path, capsys, monkeypatch):
    from sklearn.pipeline import make_pipeline

    from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
    from sknextchar._persistence import save_model

    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    longer = ["ravindra", "gopalan"]  # 2 of the 9 names are longer than 4 letters
    sampler = NameSampler(pipe, max_length=4).fit([*NAMES, *longer])
    path = "max4.skops"  # in the folder of the command, as a user names it
    monkeypatch.chdir(tmp_path)
    save_model(sampler, path)
    _, report = _report(path, capsys)  # no length flag given
    saved = f"max_length=4, saved in {path!r} and changed by --max-length, leaves out"
    assert saved in report
    assert "--max-length 4" not in report  # a flag the user did not type
    # --match-lengths cannot go below the floor the saved bound sets.
    assert "--match-lengths" not in report
