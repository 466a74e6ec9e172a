"""A pattern of few names is counted before any name is drawn."""

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar._pattern_names import pattern_names

NAMES = ["abc", "abd", "abe", "anna", "bob", "carla", "dora", "eva"]


@pytest.fixture(scope="module")
def sampler():
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    return NameSampler(pipe).fit(NAMES)


@pytest.mark.parametrize(
    "pattern, expected",
    [
        ("ab", ["ab"]),
        ("ab[cd]", ["abc", "abd"]),
        ("(ann|bob)a?", ["ann", "anna", "bob", "boba"]),
        ("a[b-d]{0,1}", ["a", "ab", "ac", "ad"]),
        (r"\Aab(?=c)c\Z", ["abc"]),
        ("(?:x|y){2}", ["xx", "xy", "yx", "yy"]),
    ],
)
def test_pattern_names_lists_few_names(pattern, expected):
    assert pattern_names(pattern) == expected


@pytest.mark.parametrize(
    "pattern", ["a.*", "a+", "[^a]b", r"\w", "(?i)ab", "(?i:a)b", r"(a)\1", "[a-z]{5}"]
)
def test_pattern_names_none_for_many_or_unlisted(pattern):
    assert pattern_names(pattern) is None


def test_unique_beyond_the_pattern_names_refused(sampler):
    # Drew rounds of names, then blamed the model ("rarely produces").
    with pytest.raises(ValueError, match=r"pattern='ab\[cd\]' matches 2 names in all"):
        sampler.sample(5, pattern="ab[cd]", unique=True, random_state=0)


def test_pattern_names_all_left_out_refused(sampler):
    with pytest.raises(
        ValueError, match=r"No name can be returned: .*0 of those not among the"
    ) as e:
        sampler.sample(3, pattern="(anna|bob)", novel=True, random_state=0)
    assert "fewer names" not in str(e.value)  # fewer would not help


def test_pattern_names_counted_within_bounds_and_prefix(sampler):
    sampler.set_params(max_length=3)  # "anna" is too long, "ac" too short
    try:
        with pytest.raises(ValueError, match=r"matches 3 names in all, 1 of them"):
            sampler.sample(2, prefix="a", pattern="a(bc|nna|c)", unique=True)
    finally:
        sampler.set_params(max_length=None)


def test_pattern_names_enough_are_drawn(sampler):
    names = sampler.sample(3, pattern="ab[cde]", unique=True, random_state=0)
    assert sorted(names) == ["abc", "abd", "abe"]


def test_cli_pattern_names_refused_in_flags(sampler, tmp_path, capsys):
    from sknextchar import save_model
    from sknextchar.cli import main

    path = str(tmp_path / "m.skops")
    save_model(sampler, path)
    flags = ["--pattern", "ab[cd]", "--unique", "--novel", "--seed", "0"]
    assert main(["sample", path, "-n", "5", *flags]) == 1
    err = capsys.readouterr().err
    assert "No name can be returned: --pattern 'ab[cd]'" in err, err
    assert "matches 2 names in all, 2 of them" in err, err
    assert "0 of those not among the training names (--novel)" in err, err
    assert "sample without --novel" in err and "Traceback" not in err


def _fit(names):
    transformer = ContextWindowTransformer(alphabet="auto", unit="char")  # क, ़
    return NameSampler(make_pipeline(transformer, KneserNeyClassifier())).fit(names)


@pytest.mark.parametrize(
    "names, pattern, expected",
    [
        (["josé", "jose", "ana"], "jose\u0301", "jos\u00e9"),  # typed in NFD
        (["अनिल", "क़मर", "सुनील"], "\u0958मर", "\u0915\u093cमर"),  # NFC splits it
        (["νικος", "ανας", "νας", "σας", "ελενη"], "νας", "νας"),  # σ learned for ς
        (["מיכאל", "דוד", "אמן", "מרים"], "אמן", "אמן"),  # נ learned for ן
    ],
)
@pytest.mark.parametrize("options", [{}, {"unique": True}])
def test_pattern_names_as_the_model_writes_them(names, pattern, expected, options):
    # Refused before: the pattern's raw form or final form was looked up.
    drawn = _fit(names).sample(1, pattern=pattern, random_state=0, **options)
    assert drawn == [expected]


@pytest.mark.parametrize(
    "names, pattern, expected",
    [
        (["josée", "jose", "ana"], "jose\u0301", "jos\u00e9"),
        (["νικος", "ανας", "σας", "ελενη"], "(νας|σας)", "νας"),
        (["מיכאל", "דוד", "נאמן", "מרים"], "אמן", "אמן"),
    ],
)
def test_pattern_names_as_the_model_writes_them_novel(names, pattern, expected):
    sampler = _fit(names)
    drawn = sampler.sample(1, pattern=pattern, novel=True, unique=True, random_state=0)
    assert drawn == [expected]


def test_pattern_names_the_model_never_writes_not_counted():
    sampler = _fit(["νικος", "ανας", "νας", "σας", "ελενη"])
    assert sorted(sampler.sample(2, pattern="(νας|σας)", unique=True)) == [
        "νας",
        "σας",
    ]
    with pytest.raises(ValueError, match="matches 3 names in all, 2 of them"):
        sampler.sample(3, pattern="(νας|σας|νασ)", unique=True)  # νασ: never


def test_pattern_names_none_left_unique_says_no_name_and_what_left_them_out():
    sampler = _fit(["ann", "bob", "carla", "dora"])
    with pytest.raises(ValueError) as e:
        sampler.sample(2, pattern="(ann|bob)", unique=True, novel=True)
    message = str(e.value)
    assert message.startswith("No name can be returned: pattern='(ann|bob)'")
    assert "0 of those not among the training names (novel=True)" in message
    assert "fewer names" not in message and "sample without novel=True" in message
