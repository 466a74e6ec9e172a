"""A family tree's export: the column of given names read before a bare
``Name`` (a surname), no column of years offered as counts, a names column
that looks like labels or dates warned of, placeholders (``?``, ``Unknown``)
left out, and names written with their surnames noted."""

import warnings

import pytest

from sknextchar import load_model
from sknextchar.cli import main
from sknextchar.datasets import load_names
from sknextchar.datasets._column_choice import labels_and_counts_advice
from sknextchar.datasets._family_records import is_date_column, names_look_words
from sknextchar.datasets._placeholders import is_placeholder
from sknextchar.datasets._tables import find_table

KN = ["--model", "kneser-ney", "--alphabet", "auto", "--context-length", "2"]


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


def train(tmp_path, capsys, path, *flags):
    model = str(tmp_path / "m.skops")
    code = main(["train", path, *KN, "-o", model, "--force", *flags])
    return code, capsys.readouterr().err, model


def python_warnings(*args, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        names = load_names(*args, **kwargs)
    return names, " ".join(str(w.message) for w in caught)


GERMAN = "Name,Vorname,Geschlecht\nSchmidt,Johann,M\nMüller,Anna,F\nWeber,Karl,M\n"


# 1. The given names before a bare Name; no surname offered as labels.
def test_train_reads_vorname_before_name_and_names_the_other(tmp_path, capsys):
    path = write(tmp_path / "de.csv", GERMAN)
    code, err, model = train(tmp_path, capsys, path)
    assert code == 0
    assert "read its column 'Vorname' (2 of 3) as the names" in err
    assert "(column 'Name' also holds names: pass --names-column Name" in err
    assert "pass --labels Geschlecht." in err  # not Name, a surname
    assert load_model(model).in_training_set(["Johann", "Schmidt"]).tolist() == [
        True,
        False,
    ]
    code, err, model = train(tmp_path, capsys, path, "--names-column", "Name")
    assert load_model(model).in_training_set(["Schmidt"]).tolist() == [True]
    code, err, model = train(tmp_path, capsys, path, "--labels", "Geschlecht")
    assert code == 0
    assert load_model(model).in_training_set(["Johann", "Schmidt"]).tolist() == [
        True,
        False,
    ]


def test_python_reads_the_column_the_command_line_reads(tmp_path):
    path = write(tmp_path / "de.csv", GERMAN)
    _, message = python_warnings(path)
    assert "pass names_column='Vorname'" in message
    names, labels = load_names(path, labels_column="Geschlecht")
    assert list(names) == ["Johann", "Anna", "Karl"]
    assert find_table("Name,First Name", "t.csv").column == "First Name"
    assert find_table("Name,Sex", "t.csv").column == "Name"


def family(header, rows):
    """A table whose surnames repeat (a family each): a column ``--labels``
    could read, were it not of surnames."""
    return header + "\n" + "".join(f"{row}\n" for row in rows)


@pytest.mark.parametrize(
    "text, column, offered",
    [
        (family("Nazwisko,Imię,Płeć", ["Kowalski,Jan,M", "Kowalski,Zofia,F",
                                      "Nowak,Anna,F", "Nowak,Piotr,M"]),
         "Imię", "Płeć"),
        (family("Efternamn,Förnamn,Kön", ["Andersson,Karl,M", "Andersson,Anna,F",
                                         "Larsson,Eva,F", "Larsson,Nils,M"]),
         "Förnamn", "Kön"),
        (family("Familienname,Vorname,Ort", ["Schmidt,Johann,Ulm",
                                            "Schmidt,Anna,Bonn", "Weber,Karl,Ulm",
                                            "Weber,Eva,Bonn"]),
         "Vorname", "Ort"),
        (family("Name,Vorname,Ort", ["Schmidt,Johann,Ulm", "Schmidt,Anna,Bonn",
                                    "Weber,Karl,Ulm", "Weber,Eva,Bonn"]),
         "Vorname", "Ort"),
    ],
)  # fmt: skip
def test_no_surname_column_is_offered_as_labels(
    tmp_path, capsys, text, column, offered
):
    path = write(tmp_path / "t.csv", text)
    code, err, _ = train(tmp_path, capsys, path)
    assert code == 0 and f"read its column {column!r}" in err
    assert f"pass --labels {offered}." in err


# 2. No column of years or dates offered as counts.
YEARS = (
    "Name,Sex,Place,Death Year,BIRT_DATE,Ref\n"
    + "".join(f"{n},{s},Ulm,{1880 + i},{1850 + i},{1800 + i}\n"
              for i, (n, s) in enumerate([("Jan", "M"), ("Anna", "F"), ("Karl", "M")]))
)  # fmt: skip


def test_no_column_of_years_is_offered_as_counts(tmp_path, capsys):
    path = write(tmp_path / "years.csv", YEARS)
    code, err, _ = train(tmp_path, capsys, path)
    assert code == 0 and "read its column 'Name'" in err
    assert "--counts" not in err
    lines = YEARS.splitlines(keepends=True)
    advice = labels_and_counts_advice(lines, find_table(lines[0], path))
    assert "counts_column" not in advice and "labels_column='Sex'" in advice


def test_counts_are_still_offered(tmp_path, capsys):
    path = write(tmp_path / "c.csv", "name,count\nAnna,12\nKarl,1850\nJo,3\n")
    _, err, _ = train(tmp_path, capsys, path)
    assert "pass --counts count." in err
    assert not is_date_column("count", ["12", "1850"])
    assert is_date_column("Born", ["3"]) and is_date_column("Ref", ["1850", "1901"])


# 3. A names column that looks like labels or dates: a warning, read all the same.
TREE = "Name,Sex,Born\nJan,M,12 MAR 1851\nAnna,F,1855\nKarl,M,1860\n"


def test_names_column_of_labels_is_warned_of(tmp_path, capsys):
    path = write(tmp_path / "tree.csv", TREE)
    code, err, model = train(tmp_path, capsys, path, "--names-column", "Sex")
    assert code == 0  # a user may mean it
    assert "column 'Sex', read as the names, holds only 'F' and 'M'" in err
    assert "pass --names-column Name --labels Sex." in err
    names, message = python_warnings(path, names_column="Sex")
    assert list(names) == ["M", "F", "M"]
    assert "pass names_column='Name', labels_column='Sex'." in message


def test_names_column_of_dates_is_warned_of(tmp_path, capsys):
    path = write(tmp_path / "tree.csv", TREE)
    code, err, _ = train(tmp_path, capsys, path, "--names-column", "Born")
    assert code == 0 and "has a digit in every cell ('12 MAR 1851'" in err
    assert "Pass the column of names: --names-column Name." in err
    _, message = python_warnings(path, names_column="Born")
    assert "names_column='Name'" in message


def test_a_names_column_of_names_is_not_warned_of(tmp_path, capsys):
    path = write(tmp_path / "tree.csv", TREE)
    _, err, _ = train(tmp_path, capsys, path, "--names-column", "Name")
    assert "warning" not in err
    assert names_look_words(["Jo", "Al", "Ed"], "n", ["n"], True) is None  # no repeat
    assert names_look_words(["F", "M", "F"], "n", ["n"], True) is not None


# 4. Placeholders left out, as #N/A is.
PLACED = "Name,Sex\nAnna,F\nUnknown,M\n?,F\nN.N.,M\nKarl,M\n(unknown),F\nNN,M\n"


def test_placeholder_names_are_left_out_with_a_note(tmp_path, capsys):
    path = write(tmp_path / "p.csv", PLACED)
    code, err, model = train(tmp_path, capsys, path)
    assert code == 0
    assert "5 rows of" in err and "no name in column 'Name'" in err
    assert "a placeholder written for a name not known, is no name" in err
    sampler = load_model(model)
    assert sampler.in_training_set(["?", "unknown", "anna"]).tolist() == [
        False,
        False,
        True,
    ]
    names, message = python_warnings(path, names_column="Name")
    assert list(names) == ["Anna", "Karl"] and "5 rows of" in message


def test_placeholder_labels_are_labels(tmp_path, capsys):
    # A label "Unknown" is a class some tables give (name,gender): read as
    # written, as before, unlike a name "Unknown".
    path = write(tmp_path / "l.csv", "Name,Sex\nAnna,F\nKarl,?\nJo,M\nEva,Unknown\n")
    code, err, _ = train(tmp_path, capsys, path, "--labels", "Sex")
    assert code == 0 and "placeholder" not in err
    _, labels = load_names(path, names_column="Name", labels_column="Sex")
    assert list(labels) == ["F", "?", "M", "Unknown"]


@pytest.mark.parametrize(
    "cell", ["?", "???", "Unknown", "UNKNOWN", "(unknown)", "N.N.", "NN", "unbekannt",
             "Inconnu"],
)  # fmt: skip
def test_placeholders(cell):
    assert is_placeholder(cell)


@pytest.mark.parametrize("cell", ["Nina", "Ann", "N", "Nn.a", "(Peppino)", "Una", ""])
def test_names_are_no_placeholders(cell):
    assert not is_placeholder(cell)


# 5. Names written with their surnames.
def test_surname_comma_given_names_are_noted(tmp_path, capsys):
    path = write(
        tmp_path / "tree.csv",
        'Name,Sex\n"Kowalski, Jan",M\n"Nowak, Zofia",F\n"Weber, Karl",M\n',
    )
    code, err, _ = train(tmp_path, capsys, path)
    assert code == 0
    assert "3 of 3 names are written 'Surname, Given' ('Kowalski, Jan')" in err
    assert "pass --names-column COLUMN." in err
    _, message = python_warnings(path, names_column="Name")
    assert "'Surname, Given'" in message and "names_column='COLUMN'" in message


def test_gedcom_names_are_noted(tmp_path, capsys):
    path = write(tmp_path / "g.txt", "Jan /Kowalski/\nAnna /Nowak/\nKarl\n")
    code, err, _ = train(tmp_path, capsys, path)
    assert code == 0 and "2 of 3 names are written 'Given /Surname/'" in err
    _, message = python_warnings(path)
    assert "'Given /Surname/'" in message


def test_plain_given_names_are_not_noted(tmp_path, capsys):
    path = write(tmp_path / "g.txt", "Anna Maria\nJan\nKarl\n")
    _, err, _ = train(tmp_path, capsys, path)
    assert "Surname" not in err


def test_headerless_surname_given_file_names_column_2(tmp_path, capsys):
    path = write(tmp_path / "c.csv", "Kowalski, Jan\nNowak, Zofia\nSchmidt, Johann\n")
    code, err, _ = train(tmp_path, capsys, path)
    assert code != 0
    assert "pass --no-header --names-column 2: its lines look like" in err
    code, err, model = train(
        tmp_path, capsys, path, "--no-header", "--names-column", "2"
    )
    assert code == 0
    assert load_model(model).in_training_set(["Jan"]).tolist() == [True]
    path = write(tmp_path / "l.csv", "Anna, F\nBo, M\nCy, F\n")  # labels, not names
    _, err, _ = train(tmp_path, capsys, path)
    assert "column 2 the given names" not in err
