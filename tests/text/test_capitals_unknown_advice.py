"""Capitals with case kept (``lowercase=False``, ``--keep-case``) and the
letters a-z: the advice on the unknown characters offers lowercasing, and
never ``handle_unknown="drop"`` alone, which would learn ``"Emma"`` as
``"mma"``.

Each test follows every setting the message offers and checks that the names
are learned whole: no letter of a name is lost.
"""

import re
import string
import warnings

import pytest

from sknextchar import ContextWindowTransformer, load_model
from sknextchar.cli import main

# Names glued by dropping a space or hyphen: told at fit, tested in
# tests/text/test_glued_parts_advice.py; not the subject here.
pytestmark = pytest.mark.filterwarnings(
    "ignore:handle_unknown='drop' removes a space or hyphen:UserWarning"
)

CAPITALISED = ["Emma", "Olivia", "Ava", "Isabella", "Sophia", "Mia"]


def _offered(message):
    """The settings of the parameters named in each hint of ``message``, a
    hint being what follows 'pass ' or ', or ' (a dict of each)."""
    advice = message.split("pass ", 1)[1]
    hints = re.split(r", or ", advice)
    settings = []
    for hint in hints:
        found = dict(re.findall(r"(\w+)=('[^']*'|True|False)", hint))
        settings.append({k: eval(v) for k, v in found.items()})  # noqa: S307
    return settings


def _read(names, **params):
    """The names as a transformer fitted on them encodes them, unknown
    symbols dropped."""
    windows = ContextWindowTransformer(**params).fit(names)
    vocabulary = windows.vocabulary_
    return ["".join(vocabulary[i] for i in ids) for ids in windows.encode(names)]


def test_keep_case_advice_offers_lowercasing_not_dropping_capitals():
    with pytest.raises(ValueError) as caught:
        ContextWindowTransformer(lowercase=False).fit(CAPITALISED)
    message = str(caught.value)
    offered = _offered(message)
    assert {"lowercase": True} in offered
    # No setting offered drops the capitals: each one, followed, keeps every
    # letter of every name (as the lowercase letters a-z).
    for setting in offered:
        if setting.get("alphabet") == "auto":
            continue
        read = _read(CAPITALISED, **{"lowercase": False, **setting})
        assert read == [name.lower() for name in CAPITALISED], setting


def test_keep_case_advice_for_capitals_and_accents_lowercases_first():
    names = [*CAPITALISED, "Zoë", "Chloé"]
    with pytest.raises(ValueError) as caught:
        ContextWindowTransformer(lowercase=False).fit(names)
    offered = [s for s in _offered(str(caught.value)) if "alphabet" not in s]
    assert offered
    for setting in offered:
        assert setting.get("lowercase") is True, setting
        read = _read(names, **{"lowercase": False, **setting})
        # Every capital is kept, as its lowercase letter.
        assert [name[0] for name in read] == [name[0].lower() for name in names]


def test_cli_keep_case_advice_says_leave_out_keep_case_and_it_works(tmp_path, capsys):
    path = tmp_path / "names.txt"
    path.write_text("\n".join(CAPITALISED * 3) + "\n", encoding="utf-8")
    model = tmp_path / "m.skops"
    common = ["train", str(path), "-o", str(model), "--model", "kneser-ney", "-q"]
    assert main([*common, "--keep-case"]) != 0
    err = capsys.readouterr().err
    assert "leave out --keep-case to lowercase capitals" in err
    assert "lowercase=" not in err
    assert "--handle-unknown drop" not in err
    assert main(common) == 0  # the advice followed
    windows = load_model(str(model)).estimator_.estimator["windows"]
    assert windows.normalize(CAPITALISED) == [n.lower() for n in CAPITALISED]


@pytest.mark.parametrize(
    "names, params",
    [
        (["Émile", "Zoë", "Ólafur", "Anna"], {"lowercase": False}),
        (["Émile", "O'Brien", "Mary-Jane", "Zoë"], {"lowercase": False}),
        (["émile", "zoë", "anna-lee"], {}),  # a first letter dropped: "mile"
    ],
)
def test_no_setting_offered_drops_a_capital_or_a_first_letter(names, params):
    with pytest.raises(ValueError) as caught:
        ContextWindowTransformer(**params).fit(names)
    offered = [s for s in _offered(str(caught.value)) if "alphabet" not in s]
    assert offered
    for setting in offered:  # each followed: every name keeps its first letter
        read = _read(names, **{**params, **setting})
        assert all(name[:1].isalpha() for name in read), (setting, read)
        kept = [len(name) for name in read]
        letters = [sum(c.isalpha() for c in name) for name in names]
        assert all(k >= n for k, n in zip(kept, letters)), (setting, read)


def test_the_capitals_listed_say_how_many_more_there_are():
    names = ["Ava", "Bea", "Cleo", "Dina", "Eve", "Fay", "Gus"]
    with pytest.raises(ValueError) as caught:
        ContextWindowTransformer(lowercase=False).fit(names)
    told = re.search(r"lowercase capitals \((.*?)\)", str(caught.value)).group(1)
    shown = re.findall(r"'(\w)' -> '\w'", told)
    more = re.search(r"and (\d+) more$", told)
    assert len(shown) + int(more.group(1) if more else 0) == len(names)


def test_dropping_capitals_is_told_and_the_advice_keeps_them():
    names = [*CAPITALISED, "zoe"]
    with pytest.warns(UserWarning, match="removes capitals") as caught:
        ContextWindowTransformer(lowercase=False, handle_unknown="drop").fit(names)
    message = str(caught[0].message)
    assert "6 names are learned without them" in message
    assert "names[0]='Emma' read as 'mma'" in message
    for setting in _offered(message):  # each followed: no name loses a letter
        params = {"lowercase": False, "handle_unknown": "drop", **setting}
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            read = _read(names, **params)
        assert [len(name) for name in read] == [len(name) for name in names]


def test_dropping_other_characters_is_not_told():
    # No capital is dropped: only the hyphen between the parts is told.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read = _read(["anne-marie", "zoe"], lowercase=False, handle_unknown="drop")
    assert read == ["annemarie", "zoe"]
    told = [str(w.message) for w in caught]
    assert len(told) == 1 and "hyphen between the letters of 1 name" in told[0]


def test_cli_dropping_capitals_is_told_in_flags(tmp_path, capsys):
    path = tmp_path / "names.txt"
    path.write_text("\n".join(CAPITALISED * 3) + "\n", encoding="utf-8")
    common = ["train", str(path), "--model", "kneser-ney", "-q"]
    drop = ["--handle-unknown", "drop"]
    assert main([*common, "-o", str(tmp_path / "a.skops"), "--keep-case", *drop]) == 0
    err = capsys.readouterr().err
    assert "'Emma' (line 1 of " in err and "read as 'mma'" in err
    assert "leave out --keep-case to learn capitals" in err
    assert "--alphabet auto" in err and "lowercase=" not in err
    assert main([*common, "-o", str(tmp_path / "b.skops"), *drop]) == 0  # followed
    assert "removes capitals" not in capsys.readouterr().err


@pytest.mark.parametrize(
    "names", [["'abdullah", "o'brien", "anna"], ['"anna"', "emma"], ["-ann", "bo"]]
)
def test_a_symbol_that_begins_a_name_may_be_dropped_if_no_letter(names):
    # Only a letter that begins a name is kept from dropping: a quote,
    # apostrophe or hyphen there is offered to be dropped, and the advice works.
    with pytest.raises(ValueError) as caught:
        ContextWindowTransformer().fit(names)
    assert {"handle_unknown": "drop"} in _offered(str(caught.value))
    read = _read(names, handle_unknown="drop")
    assert read == ["".join(c for c in name if c.isalpha()) for name in names]


def test_a_name_of_a_capital_and_symbols_keeps_the_lowercase_advice():
    # Dropping alone would empty "J.", not once lowercased: "j".
    names = ["Emma", "J.", "Ava"]
    with pytest.raises(ValueError) as caught:
        ContextWindowTransformer(lowercase=False).fit(names)
    offered = [s for s in _offered(str(caught.value)) if "alphabet" not in s]
    assert offered == [{"lowercase": True, "handle_unknown": "drop"}]
    assert "would not do" not in str(caught.value)
    assert _read(names, **{"lowercase": False, **offered[0]}) == ["emma", "j", "ava"]


def test_dropping_accented_capitals_is_told_and_the_advice_keeps_them():
    names = ["Émile", "Ólafur", "anna"]  # "É" -> "é", unknown; "e" known
    with pytest.warns(UserWarning, match="removes capitals") as caught:
        ContextWindowTransformer(lowercase=False, handle_unknown="drop").fit(names)
    message = str(caught[0].message)
    assert "names[0]='Émile' read as 'mile'" in message
    assert "2 names are learned without them" in message
    for setting in _offered(message):  # each followed: no name loses a letter
        params = {"lowercase": False, "handle_unknown": "drop", **setting}
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            read = _read(names, **params)
        assert [len(name) for name in read] == [len(name) for name in names]


def test_each_hint_joins_its_settings_with_and():
    # Lowercasing said once, and the settings after it joined by "and" (it
    # was "with", which read as "with ... with" after "train again").
    with pytest.raises(ValueError) as caught:
        ContextWindowTransformer(lowercase=False).fit(["Emma", "zoë", "anna-lee"])
    hints = str(caught.value).split("pass ", 1)[1].split(", or ")
    both = [h for h in hints if "strip_accents=" in h and "handle_unknown=" in h]
    assert both and all(hint.count("lowercase=True") == 1 for hint in both), both
    assert all(" with " not in hint and "') and " in hint for hint in both), both


@pytest.mark.parametrize("alphabet", ["auto", string.ascii_letters])
def test_turkish_capital_i_advice_lowercases_it_to_i(alphabet):
    # "İ" lowercases to "i" in names, not to Python's two code points (an "i"
    # and a combining dot): the advice said so through a TypeError before.
    names = ["Ali", "Ipek", "Emine"]
    windows = ContextWindowTransformer(alphabet=alphabet, lowercase=False).fit(names)
    with pytest.raises(ValueError, match=re.escape("capitals ('İ' -> 'i')")):
        windows.transform(["İsmail"])
    assert _read(["İsmail", *names], lowercase=True) == [
        "ismail",
        "ali",
        "ipek",
        "emine",
    ]


def test_cli_score_turkish_capital_i_with_keep_case_says_what_to_do(tmp_path, capsys):
    path = tmp_path / "names.txt"
    path.write_text(
        "\n".join(["Ali", "Ipek", "Emine", "Ayşe"]) + "\n", encoding="utf-8"
    )
    model = tmp_path / "m.skops"
    train = ["train", str(path), "-o", str(model), "--model", "kneser-ney", "-q"]
    assert main([*train, "--keep-case", "--alphabet", "auto"]) == 0
    capsys.readouterr()
    assert main(["score", str(model), "İsmail"]) == 1
    err = capsys.readouterr().err
    assert "--keep-case, to lowercase capitals ('İ' -> 'i')" in err, err


def test_turkish_i_lowercased_by_python_is_told_as_an_accented_letter():
    # "İsmail".lower() (Python's, pandas' str.lower) is "i" and a combining
    # dot above: one symbol of two code points, whose advice raised a TypeError.
    windows = ContextWindowTransformer(alphabet="auto").fit(["Ali", "Ipek", "Ayşe"])
    with pytest.raises(ValueError, match=re.escape("letters ('i̇' -> 'i')")):
        windows.transform(["İsmail".lower()])


FANTASY = ["Ka'thar", "Tel'Quessir", "Anne-Marie", "Drizz't", "Mor-Gal", "Ael'ora"]


@pytest.mark.parametrize(
    "typed, retyped",
    [
        ("ka'thar", "Ka'thar"),
        ("MOR-GAL", "Mor-Gal"),
        ("ＭＯＲ-ＧＡＬ", "Mor-Gal"),  # full-width, read as ASCII: retyped so
        ("anne", None),
    ],
)
def test_a_name_in_the_other_case_is_told_how_the_model_writes_it(typed, retyped):
    """A model that keeps case, given a name in lowercase: the message said only
    to clean the name or train again, when it knows the capital; now it names
    the letters it knows in the other case, and the name retyped with them,
    which it reads."""
    fitted = ContextWindowTransformer(alphabet="auto", lowercase=False).fit(FANTASY)
    if retyped is None:  # every letter known: nothing to say
        fitted.transform([typed])
        return
    with pytest.raises(ValueError) as caught:
        fitted.transform([typed])
    message = str(caught.value)
    assert "The model keeps the case of its training names, and knows " in message
    assert f"type {retyped!r}" in message, message
    fitted.transform([retyped])  # the advice followed


@pytest.mark.parametrize(
    "names, typed, retyped",
    [
        (["JÜRGEN", "Karen", "Greta"], ["jürgen"], "JÜRGEN"),  # was 'JÜrGen'
        (["Karen", "Ada"], ["aken"], None),  # was 'AKen': no case guessed
        (FANTASY, ["mor-gal", "ka"], None),  # was 'Mor-Gal': for which name?
    ],
)
def test_no_name_retyped_in_a_mix_of_cases_nor_for_several(names, typed, retyped):
    """Only a name capitalised (by parts) or in capitals is offered, and only
    when one name is refused; else the note names the letters only."""
    fitted = ContextWindowTransformer(alphabet="auto", lowercase=False).fit(names)
    with pytest.raises(ValueError) as caught:
        fitted.transform(typed)
    message = str(caught.value)
    keeps = "The model keeps the case of its training names, and knows "
    told = message.split(keeps)[1].split(". ")[0]  # fails if not told
    assert "'K'" in told or "'J'" in told, message
    if retyped is None:
        assert ": type " not in message, message
    else:
        assert f": type {retyped!r}. " in message, message
        fitted.transform([retyped])


def test_many_letters_in_the_other_case_are_told_in_one_short_line():
    """'JÜRGEN' to a model of 'Jürgen' listed each letter with its capital
    ('e' (for 'E'), 'g' (for 'G')... five pairs); now the case, once."""
    fitted = ContextWindowTransformer(alphabet="auto", lowercase=False)
    fitted.fit(["Jürgen", "Ka'thar"])
    with pytest.raises(ValueError) as caught:
        fitted.transform(["JÜRGEN"])
    told = "knows 'e', 'g', 'n', 'r', 'ü' in lowercase only: type 'Jürgen'. "
    assert told in str(caught.value), str(caught.value)


def test_cli_score_and_prefix_in_the_other_case_are_told_the_name_to_type(
    tmp_path, capsys
):
    path = tmp_path / "fantasy.txt"
    path.write_text("\n".join(FANTASY) + "\n", encoding="utf-8")
    model = str(tmp_path / "m.skops")
    train = ["train", str(path), "-o", model, "--alphabet", "auto", "--keep-case"]
    assert main([*train, "--model", "kneser-ney", "-q"]) == 0
    capsys.readouterr()
    for argv, advice in [
        (["score", model, "ka'thar"], 'type "Ka\'thar"'),
        (["sample", model, "--prefix", "ka", "-n", "1"], "type 'Ka'"),
    ]:
        assert main(argv) != 0
        assert advice in capsys.readouterr().err, argv
    assert main(["score", model, "Ka'thar"]) == 0


def test_a_pattern_in_the_other_case_is_told_to_ignore_case():
    """``pattern="k.*"`` to a model that writes only ``K``: the message said
    to change the pattern or train again; now it says the model writes 'K'
    for 'k', and (?i), which it offers, draws names."""
    from sklearn.pipeline import make_pipeline

    from sknextchar import KneserNeyClassifier, NameSampler

    windows = ContextWindowTransformer(alphabet="auto", lowercase=False)
    sampler = NameSampler(make_pipeline(windows, KneserNeyClassifier())).fit(FANTASY)
    with pytest.raises(ValueError) as caught:
        sampler.sample(1, pattern="k.*", random_state=0)
    message = str(caught.value)
    assert "(it writes 'K' for 'k'; its vocabulary is " in message, message
    assert "or start it with (?i) to ignore case" in message, message
    assert sampler.sample(2, pattern="(?i)k.*", random_state=0)[0].startswith("K")


def test_lowercasing_and_another_setting_are_joined_by_and(tmp_path, capsys):
    # It read "lowercase capitals ('I' -> 'i') with handle_unknown='drop'";
    # on the command line "without --keep-case, to lowercase capitals ('I' ->
    # 'i') with --handle-unknown drop" (found in session 58).
    windows = ContextWindowTransformer(lowercase=False, alphabet="auto")
    windows.fit(["Olga", "ina", "anna"])
    with pytest.raises(ValueError) as caught:
        windows.transform(["Ivan"])
    assert (
        "or with lowercase=True to lowercase capitals ('I' -> 'i') and "
        "handle_unknown='drop' to remove the other unknown characters."
        in (str(caught.value))
    ), str(caught.value)
    with pytest.raises(ValueError) as caught:
        ContextWindowTransformer(lowercase=False).fit(["Ivan", "olga7"])
    assert (
        "or lowercase=True to lowercase capitals ('I' -> 'i') and "
        "handle_unknown='drop' to remove the other unknown characters"
        in (str(caught.value))
    ), str(caught.value)
    names = tmp_path / "names.txt"
    names.write_text("Olga\nina\nanna\n", encoding="utf-8")
    model = tmp_path / "m.skops"
    argv = ["train", str(names), "--keep-case", "--alphabet", "auto"]
    assert main([*argv, "--model", "kneser-ney", "-q", "-o", str(model)]) == 0
    capsys.readouterr()
    assert main(["score", str(model), "Ivan"]) == 1
    err = capsys.readouterr().err
    assert (
        "or without --keep-case, to lowercase capitals ('I' -> 'i'), and with "
        "--handle-unknown drop to remove the other unknown characters." in err
    ), err
