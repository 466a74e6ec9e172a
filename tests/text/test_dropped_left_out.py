"""Names left out (``exclude``, ``in_training_set``, the CLI's train column)
are read as ``fit`` reads the training names, characters dropped and accents
folded included: with ``handle_unknown="drop"``, "jean-luc" is "jeanluc"."""

import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar._left_out import written_forms
from sknextchar.cli import main

# Names glued by dropping a space or hyphen: told at fit, tested in
# tests/text/test_glued_parts_advice.py; not the subject here.
pytestmark = pytest.mark.filterwarnings(
    "ignore:handle_unknown='drop' removes a space or hyphen:UserWarning"
)

NAMES = ["jean-luc", "mary", "anna", "paul", "o'neil"]


def kn_sampler(names, **params):
    transformer = ContextWindowTransformer(context_length=6, **params)
    pipe = make_pipeline(transformer, KneserNeyClassifier(add_k=0))
    return NameSampler(pipe).fit(names)


def test_exclude_leaves_out_names_as_a_dropping_model_read_them():
    sampler = kn_sampler(NAMES, handle_unknown="drop")
    drawn = set(sampler.sample(200, random_state=0))
    assert {"jeanluc", "oneil"} <= drawn  # the model writes them
    kept = set(sampler.sample(200, exclude=["jean-luc", "O'Neil"], random_state=0))
    assert kept == drawn - {"jeanluc", "oneil"}


def test_in_training_set_reads_names_as_fit_read_them():
    sampler = kn_sampler(NAMES, handle_unknown="drop")
    asked = ["jean-luc", "jeanluc", "o'neil", "jean luc", "mary!", "mar", "--"]
    found = sampler.in_training_set(asked).tolist()
    assert found == [True, True, True, True, True, False, False]
    scores = sampler.score_samples(["jean-luc", "jeanluc"])
    assert scores[0] == scores[1]  # one name to the model, as to the record


def test_accents_folded_then_dropped_are_one_name():
    sampler = kn_sampler(["Søren", "asha"], strip_accents="unicode",
                         handle_unknown="drop")  # fmt: skip
    assert sampler.in_training_set(["Søren", "sren", "SØREN", "soren"]).tolist() == [
        True, True, True, False,
    ]  # fmt: skip
    assert "sren" not in sampler.sample(50, exclude=["Søren"], random_state=0)


@pytest.mark.parametrize(
    "params",
    [
        {"handle_unknown": "drop"},
        {"handle_unknown": "drop", "strip_accents": "unicode"},
        {"alphabet": "auto"},
    ],
)
def test_a_name_to_exclude_the_model_never_writes_is_ignored(params):
    sampler = kn_sampler(NAMES, **params)
    drawn = set(sampler.sample(200, random_state=0))
    assert {"mary", "paul"} <= drawn
    never = ["--", "李娜", "\u200e", "\u0301", "", "  ", "?"]
    kept = sampler.sample(200, exclude=["mary", *never, "Paul"], random_state=0)
    assert set(kept) == drawn - {"mary", "paul"}
    assert set(sampler.sample(200, exclude=never, random_state=0)) == drawn


@pytest.mark.parametrize("params", [{}, {"strip_accents": "unicode"}])
def test_models_that_drop_nothing_compare_as_before(params):
    names = ["asha", "José", "ravi"]
    sampler = kn_sampler(names, alphabet="auto", **params)
    transformer = sampler.estimator_[0]
    asked = ["Asha", "o'neil", "jose", "José", "ZOË", " Ravi ", "ra-vi"]
    assert written_forms(transformer, asked) == transformer.normalize(asked)
    folds = bool(params)
    expected = [True, False, folds, True, False, True, False]
    assert sampler.in_training_set(asked).tolist() == expected
    drawn = set(sampler.sample(100, random_state=0))
    kept = set(sampler.sample(100, exclude=["ASHA", "ra-vi"], random_state=0))
    assert kept == drawn - {"asha"} and "asha" in drawn


@pytest.mark.parametrize(
    "params, name",
    [
        ({"handle_unknown": "drop"}, "\u0640"),  # the Arabic tatweel, removed
        ({"handle_unknown": "drop", "lowercase": False}, "\u0640 \u0640"),
        ({"handle_unknown": "drop", "strip_accents": "unicode"}, "\u0301"),
        ({"handle_unknown": "drop", "strip_accents": "ascii"}, "\u00df"),  # ß
    ],
)
def test_names_to_exclude_that_all_read_as_nothing_are_ignored(params, name):
    # Every name of exclude is one the model reads as nothing, with no other
    # name beside it: nothing to leave out (once "Expected at least one string").
    sampler = kn_sampler(NAMES, **params)
    drawn = sampler.sample(50, random_state=0)
    assert sampler.sample(50, exclude=[name], random_state=0) == drawn
    assert sampler.most_likely(3, exclude=[name]) == sampler.most_likely(3)


def test_written_forms_keeps_what_the_caller_ignores():
    dropping = ContextWindowTransformer(handle_unknown="drop").fit(["ab"])
    assert written_forms(dropping, ["A-B", "\u200e", "?", "b"]) == ["ab", "", "", "b"]
    keeping = ContextWindowTransformer().fit(["ab"])
    assert written_forms(keeping, ["a?b", "\u200e"]) == ["a?b", ""]
    # Every name read as nothing: each "", as one among others.
    assert written_forms(dropping, ["\u200e", "\u200b"]) == ["", ""]


@pytest.fixture
def in_tmp_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_cli_exclude_file_leaves_out_training_names_with_dropped_characters(
    in_tmp_path, capsys
):
    rng = np.random.default_rng(0)
    letters = list("abcdefghij")
    names = {"".join(rng.choice(letters, rng.integers(2, 5))) for _ in range(300)}
    spelled = sorted(name[0] + "'" + name[1:] for name in names)
    (in_tmp_path / "apos.txt").write_text("\n".join(spelled) + "\n", "utf-8")
    flags = ["--model", "kneser-ney", "--context-length", "3", "-q"]
    train = ["train", "apos.txt", "--handle-unknown", "drop", *flags]
    assert main([*train, "-o", "apos.skops"]) == 0
    capsys.readouterr()
    sample = ["sample", "apos.skops", "-n", "300", "--seed", "0"]
    assert main(sample) == 0
    drawn = capsys.readouterr().out.split()
    assert set(drawn) & names  # the model writes training names
    # Blank lines and names the model never writes ("--", dropped) are ignored.
    never = "\n\n--\n\u200e\n  \n"
    (in_tmp_path / "ex.txt").write_text(never.join(spelled) + "\n", "utf-8")
    assert main([*sample, "--exclude-file", "ex.txt"]) == 0
    kept = capsys.readouterr().out.split()
    assert len(kept) == 300 and not set(kept) & names


def test_cli_exclude_file_of_tatweels_only_is_ignored(in_tmp_path, capsys):
    # Each line reads as nothing to the model: nothing to leave out.
    (in_tmp_path / "n.txt").write_text("anna\nbela\nivi\nmira\nsita\n", "utf-8")
    flags = ["--model", "kneser-ney", "--handle-unknown", "drop", "-q"]
    assert main(["train", "n.txt", *flags, "-o", "m.skops"]) == 0
    (in_tmp_path / "ex.txt").write_text("\u0640\n\u0640 \u0640\n", "utf-8")
    capsys.readouterr()
    sample = ["sample", "m.skops", "-n", "5", "--seed", "0"]
    assert main(sample) == 0
    drawn = capsys.readouterr().out
    assert main([*sample, "--exclude-file", "ex.txt"]) == 0, capsys.readouterr().err
    assert capsys.readouterr().out == drawn


def test_cli_score_train_column_reads_names_as_the_model(in_tmp_path, capsys):
    (in_tmp_path / "ld.txt").write_text("Søren\nasha\nravi\nmary\n", "utf-8")
    flags = ["--model", "kneser-ney", "--context-length", "3", "-q"]
    train = ["train", "ld.txt", "--strip-accents", "unicode", "--handle-unknown"]
    assert main([*train, "drop", *flags, "-o", "ld.skops"]) == 0
    capsys.readouterr()
    assert main(["score", "ld.skops", "Søren", "sren", "zoe"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    marks = {row.split()[1]: row.split()[-1] for row in rows}
    assert marks == {"Søren": "yes", "sren": "yes", "zoe": "no"}


CASED = {"lowercase": False, "alphabet": "abcdefghijklmnopqrstuvwxyzM"}
CASED_NAMES = ["Mary", "Anna", "Jo-Anne", "paul"]


def test_ignore_case_finds_training_names_read_without_unknown_capitals():
    sampler = kn_sampler(CASED_NAMES, handle_unknown="drop", **CASED)
    asked = ["Anna", "Jo-Anne", "nna", "MARY", "mary", "JO-ANNE", "Paula"]
    exact = sampler.in_training_set(asked).tolist()
    assert exact == [True, True, True, False, False, False, False]
    folded = sampler.in_training_set(asked, ignore_case=True).tolist()
    assert folded == [True, True, True, True, True, False, False]


def test_cli_score_train_column_ignores_case_as_fit_read_the_names(in_tmp_path, capsys):
    (in_tmp_path / "c.txt").write_text("\n".join(CASED_NAMES) + "\n", "utf-8")
    alphabet = ["--alphabet", CASED["alphabet"], "--keep-case"]
    flags = ["--model", "kneser-ney", "--context-length", "3", "-q", *alphabet]
    train = ["train", "c.txt", "--handle-unknown", "drop", *flags]
    assert main([*train, "-o", "c.skops"]) == 0
    capsys.readouterr()
    assert main(["score", "c.skops", "Anna", "Jo-Anne", "MARY", "Paula"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    marks = {row.split()[1]: row.split()[-1] for row in rows}
    assert marks == {"Anna": "yes", "Jo-Anne": "yes", "MARY": "yes", "Paula": "no"}


def test_names_read_with_dropped_characters_take_one_reading(monkeypatch):
    # encode drops as fit did: the unknown symbols are sought only when a
    # name is left without any character (not a pass per name on each call).
    import sknextchar._left_out as left_out

    sampler = kn_sampler(NAMES, handle_unknown="drop")
    calls = []
    seek = left_out.unknown_symbols

    def counted(*args, **kwargs):
        calls.append(1)
        return seek(*args, **kwargs)

    monkeypatch.setattr(left_out, "unknown_symbols", counted)
    asked = ["jean-luc", "O'Neil", "mary!", "zoë"]
    assert sampler.in_training_set(asked).tolist() == [True, True, True, False]
    assert "jeanluc" not in sampler.sample(50, exclude=asked, random_state=0)
    assert calls == []
    assert sampler.in_training_set(["jean-luc", "--"]).tolist() == [True, False]
    assert len(calls) == 1
