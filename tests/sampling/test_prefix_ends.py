"""A prefix is the start of a name that goes on: how it is read and shown.

A zero-width joiner or non-joiner at its end stays (it joins the letter to
come), its last letter keeps the form it has inside a word (Hebrew), a
prefix that ends inside a grapheme cluster of the model is told so with what
to do instead; and the Arabic tatweel, a stretch of the line with no sound, is
no letter of a name.
"""

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    save_model,
)
from sknextchar._text import normalize_text
from sknextchar.cli import main

ZWNJ, ZWJ, TATWEEL = "\u200c", "\u200d", "\u0640"
PERSIAN = [
    "علی", "علی" + ZWNJ + "رضا", "علی" + ZWNJ + "اکبر", "علی" + ZWNJ + "اصغر",
    "مهدی", "مهدی" + ZWNJ + "یار", "زهرا", "فاطمه", "رضا", "حسین", "محمد",
]  # fmt: skip
DEVANAGARI = [
    "राहुल", "प्रिया", "प्रीति", "सुनीता", "र" + ZWJ + "या", "रमेश", "रवि", "रोहित",
]  # fmt: skip
HEBREW = ["מיכאל", "מיכל", "בן ציון", "אברהם", "נתן", "מנחם", "ברוך", "ציונה"]


def sampler_of(names, **params):
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto", **params), KneserNeyClassifier()
    )
    return NameSampler(pipe, max_length=12).fit(names)


def test_a_prefix_keeps_the_joiner_at_its_end_and_loses_the_one_at_its_start():
    assert normalize_text("علی" + ZWNJ, prefix=True) == "علی" + ZWNJ
    assert normalize_text(ZWNJ + "علی" + ZWNJ, prefix=True) == "علی" + ZWNJ
    assert normalize_text("علی" + ZWNJ) == "علی"  # a whole name ends there
    sampler = sampler_of(PERSIAN)
    typed = "علی" + ZWNJ
    names = sampler.sample(20, prefix=typed, random_state=0)
    assert all(name.startswith(typed) and len(name) > len(typed) for name in names)
    table = sampler.temperature_table(typed)
    assert table.prefix == typed
    assert table.proba[0, 0] < 0.5  # the end marker: rare after a joiner
    transformer = sampler.estimator_[0]
    assert (
        transformer.encode_prefixes([ZWNJ + "علی"]).tolist()
        == transformer.encode_prefixes(["علی"]).tolist()
    )
    hindi = sampler_of(DEVANAGARI)
    names = hindi.sample(10, prefix="र" + ZWJ, random_state=0)
    assert all(name.startswith("र" + ZWJ) for name in names)


def test_whole_names_still_lose_a_joiner_at_their_end():
    # exclude, novelty, in_training_set and pattern read whole names.
    sampler = sampler_of(PERSIAN)
    assert sampler.in_training_set(["علی" + ZWNJ, "علی"]).all()
    drawn = sampler.sample(
        40, prefix="عل", exclude={"علی" + ZWNJ}, random_state=0, max_rounds=50
    )
    assert "علی" not in drawn
    new = sampler.sample(10, novel=True, random_state=0, max_rounds=50)
    assert not sampler.in_training_set(new).any()
    matched = sampler.sample(10, pattern="علی" + ZWNJ + ".*", random_state=0)
    assert all(name.startswith("علی" + ZWNJ) for name in matched)


@pytest.mark.parametrize("typed", ["Mary ", "Jean-", "Zoë ", "Zoë-"])
def test_a_prefix_keeps_the_space_or_hyphen_at_its_end(typed):
    names = ["mary ann", "mary lou", "jean-luc", "jean-paul", "zoë ann", "zoë-lou"]
    sampler = sampler_of(names)
    assert sampler.temperature_table(typed).prefix == typed.lower()
    with pytest.warns(UserWarning, match="has capitals, which this model reads"):
        drawn = sampler.sample(10, prefix=typed, random_state=0)  # as lowercase
    assert all(name.startswith(typed.lower()) for name in drawn)


def test_the_tatweel_is_no_letter_of_a_name():
    assert normalize_text(TATWEEL + "جميـلة") == "جميلة"
    names = ["جميـلة", TATWEEL + "علي", "فاطمة", "جميلة", "ليلى"]
    sampler = sampler_of(names)
    assert TATWEEL not in "".join(sampler.vocabulary_)
    assert sampler.in_training_set(["جميلة", "جميــــلة", "علي"]).all()
    assert sampler.score_samples(["جميلة"]) == sampler.score_samples(["جمـيلة"])
    drawn = sampler.sample(100, random_state=0, exclude={"جميـلة"})
    assert "جميلة" not in drawn and not any(TATWEEL in name for name in drawn)
    assert all(n.startswith("جم") for n in sampler.sample(5, prefix="جمـ"))


def test_a_hebrew_prefix_keeps_its_last_letter_plain():
    sampler = sampler_of(HEBREW)
    for typed, shown in [("מיכ", "מיכ"), ("מיך", "מיכ"), ("בן ציונ", "בן ציונ")]:
        table = sampler.temperature_table(typed)
        assert table.prefix == shown, typed
        assert table.context == shown[-3:]
        assert f"after prefix {shown!r}" in table.to_string()
    assert normalize_text("בנ צי", prefix=True) == "בן צי"  # a word that ended
    names = sampler.sample(20, prefix="מיכ", random_state=0)
    assert all(name[:3] == "מיכ" and name[-1] not in "כמנפצ" for name in names)


PRIYA_CUT = "\u092a\u094d\u0930"  # प्र: a conjunct, one cluster, of प्रिया


def test_a_prefix_that_ends_inside_a_cluster_says_why_and_what_to_do():
    sampler = sampler_of(DEVANAGARI)
    with pytest.raises(ValueError) as caught:
        sampler.sample(3, prefix=PRIYA_CUT)
    message = str(caught.value)
    assert f"{PRIYA_CUT!r} (U+092A U+094D U+0930) ends the prefix inside" in message
    assert "grapheme clusters" in message and repr(PRIYA_CUT + "ि") in message
    assert f"give pattern={PRIYA_CUT + '.*'!r} instead of a prefix" in message
    assert "unit='char'" in message
    # The advice works: a pattern, or a model of characters.
    names = sampler.sample(3, pattern=PRIYA_CUT + ".*", random_state=0)
    assert all(name.startswith(PRIYA_CUT) for name in names)
    chars = sampler_of(DEVANAGARI, unit="char")
    assert all(n.startswith(PRIYA_CUT) for n in chars.sample(3, prefix=PRIYA_CUT))
    # A whole cluster the model lacks, inside a prefix, is no cut cluster.
    with pytest.raises(ValueError) as caught:
        sampler.sample(3, prefix=PRIYA_CUT + "काश")
    assert "ends the prefix inside" not in str(caught.value)


def test_the_command_line_says_it_with_its_flags(tmp_path, capsys):
    model = tmp_path / "dev.skops"
    save_model(sampler_of(DEVANAGARI), model)
    assert main(["sample", str(model), "--prefix", PRIYA_CUT]) != 0
    err = capsys.readouterr().err
    assert "ends the prefix inside" in err and "Traceback" not in err
    assert "--unit char" in err
    # The pattern to give, as the shell reads it after its flag (a Python
    # repr, with the placeholder "(--pattern ...)" after it, before).
    assert f"give --pattern '{PRIYA_CUT}.*' instead of a prefix" in err, err
    assert "pattern=" not in err and "unit=" not in err


def test_the_pattern_to_give_for_a_long_prefix_is_whole(tmp_path, capsys):
    # It was cut after 60 characters ("give --pattern '<cut>'... (77
    # characters)"): no pattern to copy.
    prefix = "प्रिया" * 12 + PRIYA_CUT  # 75 characters
    sampler = sampler_of(DEVANAGARI)
    with pytest.raises(ValueError) as caught:
        sampler.sample(3, prefix=prefix)
    assert f"give pattern={prefix + '.*'!r} instead of a prefix" in str(caught.value)
    model = tmp_path / "dev.skops"
    save_model(sampler, model)
    assert main(["sample", str(model), "--prefix", prefix]) != 0
    err = capsys.readouterr().err
    assert f"give --pattern '{prefix}.*' instead of a prefix" in err, err


def test_the_pattern_advised_for_a_cut_prefix_with_capitals_is_taken():
    # It was: a model of lowercased names advised pattern='Aप्र.*', which it
    # then refused: "matches only names that hold 'A', which the model never
    # writes".
    sampler = sampler_of([*DEVANAGARI, "a" + "प्रिया", "anna", "a" + "प्रीति"])
    with pytest.raises(ValueError) as caught:
        sampler.sample(3, prefix="A" + PRIYA_CUT)
    advised = f"a{PRIYA_CUT}.*"
    assert f"give pattern={advised!r} instead of a prefix" in str(caught.value)
    names = sampler.sample(3, pattern=advised, random_state=0)
    assert all(name.startswith("a" + PRIYA_CUT) for name in names)


# ------------------ a cut prefix where no pattern is taken (found in session 58)
def test_a_cut_prefix_is_advised_a_pattern_only_where_one_is_taken(tmp_path, capsys):
    sampler = sampler_of(DEVANAGARI)
    starts = f"{PRIYA_CUT + 'ि'!r}, {PRIYA_CUT + 'ी'!r}"  # प्रिया, प्रीति
    whole = f"({starts}). Type one of those clusters, or train the model again"
    for call in [
        lambda: sampler.temperature_table(PRIYA_CUT),
        lambda: sampler.most_likely(2, prefix=PRIYA_CUT),
    ]:
        with pytest.raises(ValueError) as caught:
            call()
        message = str(caught.value)
        assert "ends the prefix inside" in message and whole in message, message
        assert "pattern" not in message
        # The model holds the clusters: no alphabet would. Nor is the cluster
        # to remove, which would leave no prefix (it said "Remove that
        # character." after the note).
        assert "alphabet" not in message and "Remove that" not in message
        assert message.endswith("with unit='char' (one symbol per character).")
    with pytest.raises(ValueError) as caught:
        sampler.sample(3, prefix=PRIYA_CUT)
    assert f"give pattern={PRIYA_CUT + '.*'!r} instead" in str(caught.value)
    assert "alphabet" not in str(caught.value)
    assert "Remove that" not in str(caught.value)
    # Another unknown character of the prefix: an alphabet may hold that one.
    with pytest.raises(ValueError) as caught:
        sampler.temperature_table("x" + PRIYA_CUT)
    assert "ends the prefix inside" in str(caught.value)
    assert "with an alphabet that holds them" in str(caught.value)
    assert "Remove those characters, or train" in str(caught.value)
    model = tmp_path / "dev.skops"
    save_model(sampler, model)
    assert main(["table", str(model), PRIYA_CUT]) != 0
    err = capsys.readouterr().err
    assert whole in err and err.endswith("--unit char (one symbol per character).\n")
    assert "pattern" not in err and "--alphabet" not in err


# ------------------ plot on a cut prefix (found by U2 in session 58)
def _picture_refusals(sampler, typed):
    """The argument named and the message of each picture refusing ``typed``."""
    from sknextchar.plotting import plot_generation_tree, plot_temperature

    told = []
    for call, argument in [
        (lambda: plot_generation_tree(sampler, prefix=typed), "prefix"),
        (lambda: plot_temperature(sampler, context=typed), "context"),
    ]:
        with pytest.raises(ValueError) as caught:
            call()
        told.append((argument, str(caught.value)))
    return told


def test_plot_on_a_cut_prefix_gets_the_cluster_note_in_its_own_words(tmp_path, capsys):
    # It was: "--tree 'प्र' holds 'प्र' (U+092A U+094D U+0930), outside the
    # vocabulary of the model, [...]: pass a prefix of its characters, such as
    # --tree '...'", where table and sample told the cut cluster.
    from sknextchar.plotting import plot_generation_tree

    sampler = sampler_of(DEVANAGARI)
    whole = f"({PRIYA_CUT + 'ि'!r}, {PRIYA_CUT + 'ी'!r}). Type one of those clusters"
    for argument, message in _picture_refusals(sampler, PRIYA_CUT):
        assert message.startswith(f"{argument}={PRIYA_CUT!r} holds "), message
        assert f"ends the {argument} inside a symbol" in message, message
        assert whole in message and "of its characters" not in message
        assert message.endswith("with unit='char' (one symbol per character).")
    model = tmp_path / "dev.skops"
    save_model(sampler, model)
    out = str(tmp_path / "t.png")
    for flag, argument in [("--tree", "prefix"), ("--distribution", "context")]:
        assert main(["plot", str(model), flag, PRIYA_CUT, "-o", out]) != 0
        err = capsys.readouterr().err
        assert err.startswith(f"sknextchar: error: {flag} {PRIYA_CUT!r} holds "), err
        assert f"ends the {argument} inside a symbol" in err and whole in err, err
        assert err.endswith("--unit char (one symbol per character).\n"), err
        assert "unit=" not in err and "Traceback" not in err
    assert not (tmp_path / "t.png").exists()
    # A character no cluster starts with keeps its advice: a start to pass.
    with pytest.raises(ValueError) as caught:
        plot_generation_tree(sampler, prefix="x")
    assert "pass a prefix of its characters" in str(caught.value)
    assert "inside a symbol" not in str(caught.value)


def test_plot_on_a_cut_prefix_and_another_unknown_gets_the_note_then_a_start(
    tmp_path, capsys
):
    # It was the old advice alone ("pass a prefix of its characters, such as
    # --tree '...'"), where table and sample told the cut cluster too.

    sampler = sampler_of(DEVANAGARI)
    typed = "x" + PRIYA_CUT
    whole = f"({PRIYA_CUT + 'ि'!r}, {PRIYA_CUT + 'ी'!r}). Type one of those clusters"
    for argument, message in _picture_refusals(sampler, typed):
        assert message.startswith(f"{argument}={typed!r} holds 'x', "), message
        assert f"ends the {argument} inside a symbol" in message and whole in message
        assert (
            f". For the others, pass a {argument} of the model's characters" in message
        )
        assert message.endswith(f"or {argument}='' (the start of a name)."), message
    model = tmp_path / "dev.skops"
    save_model(sampler, model)
    out = str(tmp_path / "t.png")
    for flag, argument in [("--tree", "prefix"), ("--distribution", "context")]:
        assert main(["plot", str(model), flag, typed, "-o", out]) != 0
        err = capsys.readouterr().err
        assert err.startswith(f"sknextchar: error: {flag} {typed!r} holds 'x', "), err
        assert f"ends the {argument} inside a symbol" in err and whole in err, err
        assert "--unit char (one symbol per character). For the others, " in err, err
        assert err.endswith(f"or {flag} '' (the start of a name).\n"), err
        assert "unit=" not in err and "Traceback" not in err
    assert not (tmp_path / "t.png").exists()
