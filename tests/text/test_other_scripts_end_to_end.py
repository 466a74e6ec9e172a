"""Names in other scripts, end to end: what a user of each script sees.

Devanagari vowel signs, Turkish dotted capitals, no-break spaces, Chinese and
Korean vocabularies of hundreds of symbols: the tables line up on a terminal,
messages show characters that are hard to see, lengths count the model's own
symbols, and forms of one name typed differently are one name.
"""

import io
import random
import unicodedata
import warnings
from functools import partial

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar._left_out import written_forms
from sknextchar._temperature_table import TemperatureTable
from sknextchar._text import display_width, normalize_text, split_symbols
from sknextchar._validation import check_exclude
from sknextchar.cli import main
from sknextchar.cli._errors import missing_glyphs_in_one_warning
from sknextchar.metrics import sample_report

KN = ["--model", "kneser-ney", "-q", "--alphabet", "auto"]
CONSONANTS = "कखगचजटडतदनपबमयरलवसह"
SIGNS = ["", "\u093e", "\u093f", "\u0940", "\u0941", "\u0942", "\u0947", "\u094b"]


def hindi_like(n=200, seed=0):
    """Devanagari names of 2 to 4 syllables: a consonant and a vowel sign each,
    half of the signs nonspacing marks of combining class 0 (u, uu, e)."""
    rng = random.Random(seed)
    names = set()
    while len(names) < n:
        k = rng.randint(2, 4)
        names.add("".join(rng.choice(CONSONANTS) + rng.choice(SIGNS) for _ in range(k)))
    return sorted(names)


def columns(text):
    """The terminal columns of ``text`` as the C library's wcwidth counts them:
    no column for a nonspacing or enclosing mark or a format character, two for
    a wide character, one for any other (a spacing vowel sign included)."""
    return sum(
        0
        if unicodedata.category(c) in ("Mn", "Me", "Cf")
        else 2
        if unicodedata.east_asian_width(c) in ("W", "F")
        else 1
        for c in text
    )


def ends_of_fields(line):
    """The terminal column where each space-separated field of ``line`` ends."""
    ends = []
    for i, c in enumerate(line):
        if c != " " and (i + 1 == len(line) or line[i + 1] == " "):
            ends.append(columns(line[: i + 1]))
    return ends


@pytest.fixture(scope="module")
def hindi_sampler():
    names = hindi_like()
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto"), KneserNeyClassifier()
    )
    return NameSampler(pipe).fit(names), names


@pytest.fixture(scope="module")
def hindi_model(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hindi")
    path = folder / "names.txt"
    path.write_text("\n".join(hindi_like()) + "\n", encoding="utf-8")
    model = folder / "hindi.skops"
    assert main(["train", str(path), *KN, "-o", str(model)]) == 0
    return model


# --------------------------------------------------------------------------- #
# Terminal columns.
# --------------------------------------------------------------------------- #
def test_a_nonspacing_mark_of_combining_class_zero_takes_no_column():
    # u+0941 (u) and u+0947 (e) are nonspacing marks of class 0; u+093e (aa) spaces.
    assert display_width("राहुल") == columns("राहुल") == 4
    assert display_width("अकूडूले") == 4 and display_width("अकिहि") == 5


def test_score_columns_line_up_for_names_with_vowel_signs(hindi_model, capsys):
    capsys.readouterr()
    names = ["कुमू", "कालिका", "गुरु", "ननु"]  # many, some and no spacing signs
    assert main(["score", str(hindi_model), *names]) == 0
    lines = capsys.readouterr().out.splitlines()[1:]
    # rank, name, log-likelihood, per char, train: the numbers end at one column
    assert len({tuple(ends_of_fields(line)[2:]) for line in lines}) == 1


def test_table_columns_line_up_with_wide_and_combining_symbols():
    import numpy as np

    table = TemperatureTable(
        prefix="",
        context="---",
        symbols=("-", "李", "र्दि", "हु", "a"),
        temperatures=(0.5, 1.0),
        proba=np.full((5, 2), 0.2),
    )
    lines = table.to_string(sort=False).splitlines()[1:]
    # the heading T=0.5 and the probabilities under it end at one column
    assert len({tuple(ends_of_fields(line)[1:]) for line in lines}) == 1


def test_classify_columns_line_up_with_labels_in_other_scripts(tmp_path, capsys):
    names = hindi_like(60) + ["李娜", "王伟", "张敏", "刘洋"] * 3
    labels = ["हिन्दी"] * 60 + ["中文"] * 12
    path = tmp_path / "names.csv"
    rows = "".join(f"{n},{lab}\n" for n, lab in zip(names, labels))
    path.write_text("name,label\n" + rows, encoding="utf-8")
    model = str(tmp_path / "by_script.skops")
    args = ["train", str(path), "--labels", "label", *KN]
    assert main([*args, "--validation-fraction", "0", "-o", model]) == 0
    capsys.readouterr()
    assert main(["classify", model, names[0], "李娜"]) == 0
    lines = capsys.readouterr().out.splitlines()
    # the probabilities end where their headings P(中文), P(हिन्दी) end
    assert len({tuple(ends_of_fields(line)[2:]) for line in lines}) == 1


# --------------------------------------------------------------------------- #
# Lengths.
# --------------------------------------------------------------------------- #
def test_a_report_on_a_grapheme_sampler_counts_its_symbols(hindi_sampler):
    sampler, names = hindi_sampler
    report = sample_report(names, sampler)  # the training names themselves
    assert report.in_train == 1.0 and report.length_tv == 0.0
    assert report.mean_length == report.train_mean_length


def test_cli_report_lengths_are_in_the_lengths_of_the_bounds(hindi_model, capsys):
    capsys.readouterr()
    args = ["--min-length", "3", "--max-length", "3", "--seed", "0", "--report"]
    assert main(["sample", str(hindi_model), "-n", "5", *args]) == 0
    out = "".join(capsys.readouterr())  # the report is on stderr
    assert "mean length      3.000" in out and "median length    3.000" in out


def test_min_and_max_length_count_user_perceived_characters(hindi_sampler):
    sampler, _ = hindi_sampler
    sampler = sampler.set_params(min_length=3, max_length=3)
    try:
        names = sampler.sample(20, random_state=0)
    finally:
        sampler.set_params(min_length=None, max_length=None)
    transformer = sampler.estimator_[0]
    assert {len(ids) for ids in transformer.encode(names)} == {3}
    assert max(map(len, names)) > 3  # in code points, the vowel signs count


# --------------------------------------------------------------------------- #
# One name, typed differently.
# --------------------------------------------------------------------------- #
def test_the_turkish_capital_dotted_i_lowercases_to_a_plain_i():
    assert normalize_text("İpek") == normalize_text("I\u0307PEK") == "ipek"
    transformer = ContextWindowTransformer(alphabet="auto").fit(["İpek", "Işık"])
    assert "i\u0307" not in transformer.vocabulary_
    assert transformer.normalize(["İpek"]) == ["ipek"]
    forms = partial(written_forms, transformer)
    assert check_exclude(["İpek", "I\u0307pek"], normalize=forms) == {"ipek"}


def test_a_turkish_training_name_is_excluded_in_any_case():
    names = ["İpek", "İlker", "İsmail", "Ilgaz", "Irmak", "Işık"] * 3
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto"), KneserNeyClassifier()
    )
    sampler = NameSampler(pipe).fit(names)
    assert sampler.in_training_set(["ipek", "İPEK", "I\u0307pek"]).all()
    drawn = sampler.sample(30, exclude=["İpek"], random_state=0)
    assert "ipek" not in drawn


def test_nfd_forms_are_training_names_and_prefixes_of_an_nfc_model():
    # Documents verified behaviour: Latin and Hangul NFD against NFC training.
    names = ["José", "Zoë", "Renée", "Chloé", "Noël"] * 4
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto"), KneserNeyClassifier()
    )
    sampler = NameSampler(pipe).fit(names)
    decomposed = [unicodedata.normalize("NFD", n) for n in names[:5]]
    assert sampler.in_training_set(decomposed).all()
    with pytest.warns(UserWarning, match="has capitals"):  # read in lowercase
        drawn = sampler.sample(
            10, prefix=unicodedata.normalize("NFD", "Zo"), random_state=0
        )
    assert all(name.startswith("zo") for name in drawn)
    new = sampler.sample(3, novel=True, random_state=0, max_rounds=50)
    assert not sampler.in_training_set(new).any()
    hangul = ["김민수", "이서연", "박지훈"]
    mixed = hangul + [unicodedata.normalize("NFD", n) for n in hangul]
    vocabulary = ContextWindowTransformer(alphabet="auto").fit(mixed).vocabulary_
    assert len(vocabulary) == 1 + 9  # syllables only, no conjoining jamo


def test_grapheme_names_never_start_with_a_mark(hindi_sampler):
    # Documents verified behaviour of the default unit with alphabet="auto".
    sampler, _ = hindi_sampler
    assert sampler.estimator_[0].unit_ == "grapheme"
    names = sampler.sample(300, random_state=0)
    assert not any(unicodedata.category(n[0]).startswith("M") for n in names)


# --------------------------------------------------------------------------- #
# Messages.
# --------------------------------------------------------------------------- #
def test_messages_name_a_no_break_space_and_spell_out_clusters():
    # A no-break space reads as the space (tests/text/test_space_look_alikes.py):
    # the message names the space and shows the name as typed.
    transformer = ContextWindowTransformer().fit(["mary"])
    with pytest.raises(ValueError, match=r"\[' '\] in names\[0\]='Mary\\xa0Ann'"):
        transformer.transform(["Mary\xa0Ann"])
    hindi = ContextWindowTransformer(alphabet="auto").fit(["कमल", "राम"])
    with pytest.raises(ValueError, match=r"'क्' \(U\+0915 U\+094D\)"):
        hindi.transform(["क्"])  # a consonant with a virama: the start of a conjunct


def test_a_large_vocabulary_is_quoted_by_its_first_symbols():
    rng = random.Random(0)
    han = [chr(0x4E00 + i) for i in range(3000)]  # CJK unified ideographs
    names = ["".join(rng.choices(han, k=3)) for _ in range(400)]
    transformer = ContextWindowTransformer(alphabet="auto").fit(names)
    n_symbols = len(transformer.vocabulary_) - 1
    with pytest.raises(ValueError) as info:
        transformer.transform(["李娜x"])
    message = str(info.value)
    assert f"The vocabulary is {n_symbols} symbols (the first 100: '" in message
    assert "'x'" in message and len(message) < 800


def test_missing_glyphs_are_one_warning_and_other_warnings_pass(capsys):
    with missing_glyphs_in_one_warning():
        for c in "कखग李":
            warnings.warn(
                f"Glyph {ord(c)} (\\N{{X}}) missing from font(s) DejaVu Sans.",
                stacklevel=1,
            )
        warnings.warn("something else", stacklevel=1)
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and "something else" in err[0]
    assert "DejaVu Sans lacks 4 characters drawn ('कखग李')" in err[1]


def test_missing_glyphs_of_an_older_matplotlib_are_one_warning(capsys):
    """matplotlib 3.8 (the floor) words it "missing from current font." and
    warns per character that it does not support the script."""
    with missing_glyphs_in_one_warning():
        for c in "कखग":
            warnings.warn(
                f"Glyph {ord(c)} (\\N{{X}}) missing from current font.",
                stacklevel=1,
            )
            warnings.warn(
                "Matplotlib currently does not support Devanagari natively.",
                stacklevel=1,
            )
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1, err
    assert "the font in use lacks 3 characters drawn ('कखग')" in err[0]
    assert err[0].endswith("does not support Devanagari natively.")


def test_the_real_matplotlib_missing_glyphs_are_one_warning(capsys):
    """Drawn by the installed matplotlib, whatever it words its warnings as
    (3.8, the floor, says "missing from current font." and adds one line per
    glyph that it does not support Devanagari natively)."""
    matplotlib = pytest.importorskip("matplotlib")
    from matplotlib.figure import Figure

    with matplotlib.rc_context({"font.family": "DejaVu Sans"}):
        with missing_glyphs_in_one_warning():
            figure = Figure(figsize=(1, 1))
            figure.text(0, 0, "कखग")
            figure.savefig(io.BytesIO(), format="png")
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1, err
    assert "lacks 3 characters drawn ('कखग')" in err[0]


@pytest.mark.slow
def test_cli_plot_of_a_devanagari_model_warns_at_most_once(
    hindi_model, tmp_path, capsys
):
    pytest.importorskip("matplotlib")
    capsys.readouterr()
    out = str(tmp_path / "tree.png")
    assert main(["plot", str(hindi_model), "--tree", "", "-o", out]) == 0
    assert capsys.readouterr().err.count("warning") <= 1


def test_the_installed_regex_keeps_a_conjunct_in_one_grapheme():
    """Why pyproject asks for regex>=2024.9.11: older releases cut Devanagari
    conjuncts (क्ष) into two clusters, so a grapheme model trained with a newer
    regex would refuse its own training names under an older one."""
    from sknextchar._text import split_symbols

    assert split_symbols("क्षमा", "grapheme") == ["क्ष", "मा"]


def test_a_pattern_typed_in_nfd_matches_the_nfc_names():
    names = ["josé", "josefa", "renée", "andré", "josep", "irene"] * 5
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto"), KneserNeyClassifier()
    ).fit(names)
    sampler = NameSampler(pipe).fit(names)
    pattern = unicodedata.normalize("NFD", ".*é")  # e + combining acute
    drawn = sampler.sample(5, pattern=pattern, random_state=0)
    assert len(drawn) == 5 and all(name.endswith("é") for name in drawn)


def test_match_lengths_follows_the_grapheme_lengths_of_a_grapheme_model():
    # Training names of 2, 3 and 4 graphemes, about a third each; a name's
    # length is counted in the model's symbols, not in code points (a
    # consonant with a vowel sign is one grapheme of two code points).
    names = hindi_like(300)
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto"), KneserNeyClassifier()
    )
    sampler = NameSampler(pipe).fit(names)
    drawn = sampler.sample(300, match_lengths=True, random_state=0)
    lengths = [len(split_symbols(name, "grapheme")) for name in drawn]
    for k in (2, 3, 4):
        assert 60 <= lengths.count(k) <= 140, (k, lengths.count(k))


INVISIBLE = [
    "\ufeff",  # a byte-order mark left at the start of a line by joining files
    "\u200b",  # zero-width space
    "\u2060",  # word joiner
    "\u00ad",  # soft hyphen
    "\u200e", "\u200f", "\u061c",  # left-to-right, right-to-left, Arabic marks
    "\u202a", "\u202c", "\u2066", "\u2069",  # bidi embedding and isolates
]  # fmt: skip


@pytest.mark.parametrize("alphabet", ["auto", "abcdefghijklmnopqrstuvwxyz"])
@pytest.mark.parametrize("mark", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_invisible_characters_are_not_letters_of_a_name(mark, alphabet):
    plain = ["anna", "bob", "carl", "dora"]
    marked = [mark + "anna", "b" + mark + "ob", "carl" + mark, "dora"]
    transformer = ContextWindowTransformer(alphabet=alphabet)
    windows = transformer.fit_transform(marked)
    assert mark not in transformer.vocabulary_
    assert (windows.contexts == transformer.transform(plain).contexts).all()
    sampler = NameSampler(make_pipeline(transformer, KneserNeyClassifier()))
    sampler.fit(marked)
    assert sampler.in_training_set(plain).all()
    assert not any(mark in name for name in sampler.sample(50, random_state=0))


def test_the_zero_width_non_joiner_of_persian_names_is_kept():
    names = ["می\u200cخواهم", "نامه", "خانه"]  # mi-khaham is spelled with a ZWNJ
    vocabulary = ContextWindowTransformer(alphabet="auto").fit(names).vocabulary_
    assert "\u200c" in "".join(vocabulary)


@pytest.mark.parametrize(
    "left",
    ["\ufe0f", "\ufe0e", "\u200d", "\u200c"],
    ids=["vs16", "vs15", "zwj", "zwnj"],
)
@pytest.mark.parametrize("unit", ["grapheme", "char"])
def test_a_selector_or_joiner_after_a_latin_letter_is_no_symbol(left, unit):
    # Left behind by an emoji deleted from a copied name: "Lily" looks the same.
    names = [f"Lily{left}", f"Ma{left}ria", "Anna", f"Ζωή{left}", f"Олег{left}"]
    transformer = ContextWindowTransformer(alphabet="auto", unit=unit).fit(names)
    assert not any(left in symbol for symbol in transformer.vocabulary_)
    sampler = NameSampler(make_pipeline(transformer, KneserNeyClassifier()))
    sampler.fit(names)
    assert sampler.in_training_set(["Lily", "Maria", "Ζωή", "Олег"]).all()
    assert not any(left in name for name in sampler.sample(30, random_state=0))


def test_an_emoji_and_indic_or_persian_letters_keep_their_selector_or_joiner():
    names = ["\u2764\ufe0fLily", "क्\u200dष", "می\u200cخواهم", "\u2139\ufe0f"]
    symbols = ContextWindowTransformer(alphabet="auto").fit(names).vocabulary_
    assert {"\u2764\ufe0f", "\u2139\ufe0f"} <= set(symbols)
    assert "\u200c" in "".join(symbols) and "\u200d" in "".join(symbols)


def test_score_a_name_typed_without_the_selector_its_file_holds(tmp_path, capsys):
    path = tmp_path / "names.txt"
    path.write_text("Lily\ufe0f\nLola\nMila\n", encoding="utf-8")
    model = str(tmp_path / "m.skops")
    assert main(["train", str(path), *KN, "-o", model]) == 0
    capsys.readouterr()
    assert main(["score", model, "Lily", "Lily\ufe0f"]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines()[1:]]
    assert [row[-1] for row in rows] == ["yes", "yes"]
    assert rows[0][2:4] == rows[1][2:4]  # one name: the same log-likelihood


@pytest.mark.parametrize("strip_accents", [None, "unicode"])
def test_a_selector_after_a_letter_and_its_marks_is_no_symbol(strip_accents):
    # Yoruba ọ́ (U+1ECD U+0301) and q́ have no precomposed form: the code point
    # before the selector is the mark, not the letter.
    names = ["Fọ́\ufe0f", "Lola", "Fọ́la", "Jaq\u0301\u200da"]
    transformer = ContextWindowTransformer(alphabet="auto", strip_accents=strip_accents)
    vocabulary = transformer.fit(names).vocabulary_
    assert not any(set(symbol) & {"\ufe0f", "\u200d"} for symbol in vocabulary)
    assert transformer.normalize(["Fọ́\ufe0f"]) == transformer.normalize(["Fọ́"])


def test_a_selector_or_joiner_at_a_word_edge_is_dropped_not_refused():
    # "Lily ❤️" with its emoji deleted leaves "Lily \ufe0f".
    names = ["Lily \ufe0f", "\ufe0fLola", "Anna \u200dBob", "Eve-\ufe0fMay", "Mila"]
    sampler = NameSampler(
        make_pipeline(ContextWindowTransformer(alphabet="auto"), KneserNeyClassifier())
    ).fit(names)
    assert not any(set(s) & {"\ufe0f", "\u200d"} for s in sampler.vocabulary_)
    assert sampler.in_training_set(["Lily", "Lola", "Anna Bob", "Eve-May"]).all()


@pytest.mark.filterwarnings("ignore:The prefix .* has capitals:UserWarning")
def test_prefix_exclude_and_novelty_read_a_name_without_its_idle_marks():
    names = ["Lily\ufe0f", "Ma\u200dria", "Lola", "Mila", "Marina", "Anna"]
    sampler = NameSampler(
        make_pipeline(ContextWindowTransformer(alphabet="auto"), KneserNeyClassifier())
    ).fit(names)
    joined = sampler.sample(20, prefix="Ma\u200d", random_state=0)
    assert joined == sampler.sample(20, prefix="Ma", random_state=0)
    assert "lily" in sampler.sample(200, random_state=0)
    drawn = sampler.sample(200, random_state=0, exclude=["Lily\ufe0f"])
    novel = sampler.sample(200, random_state=0, novel=True)
    assert "lily" not in drawn and not {"lily", "maria"} & set(novel)


def old_idle_sampler(monkeypatch, names):
    """A sampler fitted as before idle joiners and selectors were removed."""
    import regex

    from sknextchar import _text

    with monkeypatch.context() as patch:  # the removal undone for this fit
        patch.setattr(_text, "_idle_marks_pattern", lambda: regex.compile("(?!)"))
        sampler = NameSampler(
            make_pipeline(
                ContextWindowTransformer(alphabet="auto"), KneserNeyClassifier()
            )
        ).fit(names)
    assert normalize_text("Lily\ufe0f") == "lily"  # the removal is back
    return sampler


def test_a_saved_model_that_learned_idle_marks_reads_names_as_trained(
    monkeypatch, tmp_path
):
    from sknextchar import load_model, save_model

    names = ["Lily\ufe0f", "Ma\u200dria", "Lola", "Mila", "Marina", "Anna"]
    save_model(old_idle_sampler(monkeypatch, names), tmp_path / "old.skops")
    sampler = load_model(tmp_path / "old.skops")
    assert {"y\ufe0f", "a\u200d"} <= set(sampler.vocabulary_)
    assert sampler.in_training_set(["Ma\u200dria", "Lily\ufe0f", "Maria"]).tolist() == [
        True, True, False,
    ]  # fmt: skip
    assert sampler.estimator_[0].normalize(["Lily\ufe0f"]) == ["lily\ufe0f"]
    assert "lily\ufe0f" in sampler.sample(300, random_state=1)
    assert "lily\ufe0f" not in sampler.sample(300, random_state=1, exclude=names)
    # A model that learned only an emoji's selector drops the idle ones.
    new = old_idle_sampler(monkeypatch, ["\u2764\ufe0fLily", "Lola"])
    assert new.estimator_[0].normalize(["Lily\ufe0f"]) == ["lily"]


def test_one_missing_glyph_is_told_in_the_singular(capsys):
    # It was "lacks 1 characters drawn ('王'), which show as empty boxes".
    with missing_glyphs_in_one_warning():
        warnings.warn(
            f"Glyph {ord('王')} (\\N{{X}}) missing from font(s) DejaVu Sans.",
            stacklevel=1,
        )
    err = capsys.readouterr().err
    assert (
        "DejaVu Sans lacks 1 character drawn ('王'), which shows as an empty box: "
        "install a font that has it (e.g." in err
    ), err
