"""A column asked for by a value of the first row (``labels_column='F'``,
``--labels F`` of ``Emma,F,18688``) made that row the header row: its name was
left out silently. It is still read so, with a warning that says how to read
the row as data, in Python's words and in the command line's."""

import warnings

import pytest

from sknextchar.cli import main
from sknextchar.datasets import load_names
from sknextchar.datasets._header_as_data import HeaderAsDataWarning

ROWS = "Emma,F,18688\nOlivia,F,17921\nNoah,M,18252\nLiam,M,19837\nAva,F,14924\n"
# Titles in another script, a count's header a year.
JAPANESE = "名前,性別,2024\n陽翔,男,120\n結菜,女,110\n蓮,男,90\n陽葵,女,80\n"
KN = ["--model", "kneser-ney", "--context-length", "2", "-q", "--force"]


@pytest.fixture
def yob(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the model files
    (tmp_path / "t.csv").write_text(ROWS, encoding="utf-8")
    return "t.csv"


@pytest.mark.parametrize(
    "columns, advice",
    [
        ({"labels_column": "F"}, "header=None, names_column=0, labels_column=1."),
        ({"names_column": "Emma"}, "header=None, names_column=0."),
        (
            {"names_column": "Emma", "counts_column": "18688"},
            "header=None, names_column=0, counts_column=2.",
        ),
        (
            {"labels_column": "F", "counts_column": "18688"},
            "header=None, names_column=0, labels_column=1, counts_column=2.",
        ),
    ],
)
def test_python_warns_at_the_caller(yob, columns, advice):
    with pytest.warns(HeaderAsDataWarning) as caught:
        loaded = load_names(yob, **columns)
    names = loaded if isinstance(loaded, list) else loaded[0]
    assert "Emma" not in names  # still read as the header row
    (warning,) = [w for w in caught if w.category is HeaderAsDataWarning]
    message = str(warning.message)
    assert message.startswith("Line 1 of 't.csv', 'Emma,F,18688', is read as its")
    assert "'F' is a value of its column below too" in message
    assert message.endswith(advice)
    assert warning.filename == __file__


@pytest.mark.parametrize(
    "text, columns",
    [
        ("name,sex,count\nEmma,F,5\nNoah,M,3\n", {"labels_column": "sex"}),
        ("Name,Gender\nEmma,F\nNoah,M\n", {"labels_column": "Gender"}),
        (JAPANESE, {"labels_column": "性別"}),
        (JAPANESE, {"names_column": "名前"}),
        ("First,Last\nAnna,Smith\nBob,Jones\n", {"names_column": "First"}),
        # a usual title that is also a value of its column: a header row
        ("first,label\nemma,label\nava,other\n", {"labels_column": "label"}),
        ("first,sex\nemma,sex\nava,f\n", {"names_column": "first"}),
    ],
)
def test_a_header_row_has_no_warning(tmp_path, text, columns):
    path = tmp_path / "h.csv"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error", HeaderAsDataWarning)
        load_names(path, **columns)


@pytest.mark.parametrize(
    "argv, by, advice",
    [
        (
            ["--labels", "F"],
            "--labels F names a column",
            "--no-header --names-column 1 --labels 2;",
        ),
        (
            ["--names-column", "Emma", "--counts", "18688"],
            "--names-column Emma and --counts 18688 name columns",
            "--no-header --names-column 1 --counts 3;",
        ),
    ],
)
def test_command_line_warns_in_its_words_under_q(yob, capsys, argv, by, advice):
    assert main(["train", yob, *argv, *KN, "-o", "m.skops"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("sknextchar: warning: Line 1 of 't.csv', 'Emma,F,18688'")
    assert f"as {by} by it" in err
    assert advice in err and "header=None" not in err and "_column" not in err


def test_classify_warns_too(yob, capsys):
    assert main(["train", yob, "--labels", "F", *KN, "-o", "m.skops"]) == 0
    capsys.readouterr()
    assert main(["classify", "m.skops", "--names-file", yob, "--labels", "F"]) == 0
    err = capsys.readouterr().err
    assert "sknextchar: warning: Line 1 of 't.csv', 'Emma,F,18688'" in err
    # classify has no --no-header: the one thing it can do
    assert "no header row, write a header row above it (e.g. name,label)." in err
    assert "--no-header" not in err


# Titles of names above counts by year (a wide table) of the review: headers.
TITLES = [
    "Nom", "Prénoms", "Vornamen", "Surname", "Nombres", "Imię", "Имя", "Navn",
    "Namn", "Nimi", "Ad", "İsim", "名前", "이름", "姓名", "Girls", "Boys", "Jungen",
    "Mädchen", "Last Name", "Full Name", "Baby Name", "Girl Name", "Surnames",
    "Apellido", "Cognome", "Achternaam", "Nachname", "Familienname", "Person",
    "Child", "Baby", "Student", "Given Name ", "First",
]  # fmt: skip


@pytest.mark.parametrize("title", TITLES)
@pytest.mark.parametrize("years", ["2019,2020", "1990,2000"])
def test_a_title_of_names_above_years_has_no_warning(tmp_path, title, years):
    path = tmp_path / "w.csv"
    path.write_text(f"{title},{years}\nEmma,100,200\nOlivia,90,180\nNoah,80,170\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error", HeaderAsDataWarning)
        names, _ = load_names(path, names_column=title, counts_column=years[-4:])
    assert names == ["Emma", "Olivia", "Noah"]


@pytest.mark.parametrize(
    "text, title",
    [
        ("名前,2024\n陽翔,120\n結菜,110\n蓮,90\n", "名前"),
        ("Имя,2024\nАнна,120\nМария,110\nИван,90\n", "Имя"),
    ],
)
def test_a_title_in_another_script_above_counts_has_no_warning(tmp_path, text, title):
    path = tmp_path / "w.csv"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error", HeaderAsDataWarning)
        load_names(path, names_column=title, counts_column="2024")


def test_the_reason_agrees_with_several_titles(tmp_path):
    path = tmp_path / "w.csv"
    path.write_text("Emma,18688,500\nOlivia,17921,400\nNoah,18252,300\n")
    with pytest.warns(HeaderAsDataWarning, match="'18688' and '500' are numbers above"):
        load_names(path, names_column="Emma")


def test_no_warning_before_an_error(yob, capsys):
    with warnings.catch_warnings():
        warnings.simplefilter("error", HeaderAsDataWarning)
        with pytest.raises(ValueError, match="nope"):
            load_names(yob, labels_column="F", counts_column="nope")
    argv = ["train", yob, "--labels", "F", "--counts", "nope", *KN, "-o", "m.skops"]
    assert main(argv) != 0
    err = capsys.readouterr().err
    assert "warning" not in err and "--counts nope" in err


def test_refusal_of_a_data_row_offers_no_value_as_a_header(yob, capsys):
    assert main(["train", yob, *KN, "-o", "m.skops"]) != 0
    err = capsys.readouterr().err
    assert "It looks like a row of data: if so, pass --no-header" in err
    assert "--names-column Emma" not in err and "--names-column COLUMN" in err


def test_command_line_header_row_has_no_warning(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "h.csv").write_text("name,sex,count\n" + ROWS, encoding="utf-8")
    assert main(["train", "h.csv", "--labels", "sex", *KN, "-o", "m.skops"]) == 0
    assert "warning" not in capsys.readouterr().err


def test_train_from_file_warns_once(yob):
    from sknextchar import make_default_pipeline, train_from_file

    pipe = make_default_pipeline(random_state=0)
    pipe.set_params(clf__max_iter=1, clf__hidden_layer_sizes=(4,))
    with pytest.warns(HeaderAsDataWarning) as caught:
        train_from_file(yob, pipe, names_column="Emma", chunk_size=2)
    found = [w for w in caught if w.category is HeaderAsDataWarning]
    assert len(found) == 1 and found[0].filename == __file__
    assert str(found[0].message).endswith("header=None, names_column=0.")


@pytest.mark.parametrize(
    "text, columns",
    [
        (ROWS.replace(",", ";"), {"labels_column": "F"}),  # Emma;F;18688
        ('"Emma","F"\n"Olivia","F"\n"Noah","M"\n"Ava","F"\n', {"names_column": "Emma"}),
    ],
)
def test_the_row_is_shown_as_the_file_writes_it(tmp_path, text, columns):
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.warns(HeaderAsDataWarning) as caught:
        load_names(path, **columns)
    (warning,) = [w for w in caught if w.category is HeaderAsDataWarning]
    first = text.splitlines()[0]
    assert f"Line 1 of '{path}', {first!r}, is read as" in str(warning.message)
