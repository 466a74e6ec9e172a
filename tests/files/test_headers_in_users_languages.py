"""Column titles in the users' own languages, as ``load_names`` and the
table readers see them: the headers of names of Hindi, Greek, Turkish,
Vietnamese... found; a word that is also a given name (``Ad``, ``Jina``) a
header only beside another title; family names (French ``Nom``, Spanish
``Primer apellido``) never offered as labels; counts written with
separators or as percentages refused with what to write instead.
"""

import warnings

import pytest

from sknextchar import _name_headers as titles
from sknextchar.datasets import load_names
from sknextchar.datasets._column_choice import offered_columns
from sknextchar.datasets._table_top import is_header_row
from sknextchar.datasets._tables import find_table

NEW_HEADERS = [
    "नाम", "নাম", "பெயர்", "نام", "Όνομα", "ΌΝΟΜΑ", "名", "İsim", "ISIM", "Tên",
    "Nama",
]  # fmt: skip


def _write(tmp_path, text, name="k.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _warned(path, **arguments):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loaded = load_names(path, **arguments)
    return loaded, " ".join(str(w.message) for w in caught)


@pytest.mark.parametrize("header", NEW_HEADERS)
def test_a_header_of_names_in_another_language_heads_the_names(tmp_path, header):
    assert find_table(f"{header},sex\n", "k.csv").column == header
    path = _write(tmp_path, f"{header},sex\nAsha,F\nRavi,M\n")
    _, told = _warned(path)
    assert f"pass names_column={header!r}" in told
    assert load_names(path, names_column=header) == ["Asha", "Ravi"]


def test_headers_are_compared_in_nfkc_with_turkish_i():
    key = titles.header_key
    assert key("İSİM") == key("Isim") == key("isim") == "isim"
    assert key("Adı") == key("ADI") == "adi"
    assert key("\uff2e\uff41\uff4d\uff45") == "name"  # full-width Name
    assert find_table("\uff2e\uff41\uff4d\uff45,sex\n", "k.csv").name_at == 0


def test_a_header_in_a_script_with_vowel_signs_is_one_word():
    # the vowel signs of Hindi and Tamil are marks, not word breaks
    assert titles.is_name_header("नाम:", alone=True)
    assert titles.is_name_header("பெயர் (first)", alone=True)


@pytest.mark.parametrize(
    "first, column",
    [
        ("Ad,Soyad,Cinsiyet", "Ad"),
        ("Adı,Soyadı", "Adı"),
        ("Jina,Jinsia", "Jina"),
        ("Jina,sex", "Jina"),
        ("Name,Ad", "Name"),  # a bare Name before the Turkish Ad
        ("Ad,Name", "Name"),
    ],
)
def test_a_header_that_is_also_a_given_name_heads_names_beside_a_title(first, column):
    assert find_table(f"{first}\n", "k.csv").column == column


@pytest.mark.parametrize("first", ["Jina,F", "Ad,M", "Adi,3", "Ad Spend,Clicks"])
def test_a_given_name_in_a_first_row_is_no_header(first):
    # a name and its label, not a header row; "Ad" is no word of a title
    assert find_table(f"{first}\n", "k.csv") is None


@pytest.mark.parametrize("first", ["Ad", "Jina", "Adi"])
def test_a_list_that_starts_with_such_a_name_keeps_it(tmp_path, first):
    assert not titles.is_name_header(first, alone=True)
    assert find_table(f"{first}\n", "k.csv") is None
    assert load_names(_write(tmp_path, f"{first}\nAmani\n")) == [first, "Amani"]


@pytest.mark.parametrize("last", ["F", "Soyad"])
def test_a_row_of_many_such_names_is_looked_at_once(tmp_path, monkeypatch, last):
    # Each "Jina" is read beside the others: with one look at the row for a
    # usual title, not one look per field (4,000 fields once took 33 s).
    calls = []
    key = titles.header_key
    monkeypatch.setattr(titles, "header_key", lambda f: calls.append(f) or key(f))
    first = ["Jina"] * 2000 + [last]
    table = find_table(",".join(first) + "\n", "k.csv")
    assert (table is None) == (last == "F")
    assert is_header_row(first, ",") == (last != "F")
    assert len(calls) < 20 * 2001


FAMILY_TABLES = [
    ("Nom,Prénom,Sexe", "Prénom", ["Sexe"]),
    ("Nom,Prénom", "Prénom", []),
    ("Primer apellido,Nombre,Sexo", "Nombre", ["Sexo"]),
    ("Nombre,Apellido paterno,Apellido materno", "Nombre", []),
    ("Apelido,Nome", "Nome", []),
    ("Cognome,Nome,Sesso", "Nome", ["Sesso"]),
    ("Soyad,Ad,Cinsiyet", "Ad", ["Cinsiyet"]),
    ("Επώνυμο,Όνομα,Φύλο", "Όνομα", ["Φύλο"]),
    ("Họ,Tên", "Tên", []),
    ("姓,名,性別", "名", ["性別"]),
]


def _family_rows(header):
    # family names that repeat, as in a family's export: read as labels before
    rows = ["Dupont,Marie,F", "Dupont,Paul,M", "Martin,Anne,F", "Martin,Luc,M"]
    width = header.count(",") + 1
    return [f"{header}\n"] + [",".join(r.split(",")[:width]) + "\n" for r in rows]


@pytest.mark.parametrize("header, names, labels", FAMILY_TABLES)
def test_family_names_are_never_offered_as_labels(header, names, labels):
    lines = _family_rows(header)
    table = find_table(lines[0], "k.csv")
    assert table.column == names
    assert offered_columns(lines, table)[0] == labels


def test_load_names_does_not_offer_nom_as_labels(tmp_path):
    path = _write(tmp_path, "".join(_family_rows("Nom,Prénom,Sexe")))
    _, told = _warned(path)
    assert "names_column='Prénom'" in told
    assert "labels_column='Sexe'" in told and "'Nom'" not in told


@pytest.mark.parametrize(
    "cell, written",
    [("1,000.5", "1000.5"), ("1.000,5", "1000.5"), ("1,000", "1000"),
     ("1 000", "1000"), ("1,234,567", "1234567")],
)  # fmt: skip
def test_a_count_with_separators_is_refused_with_it_written_as_a_count(
    tmp_path, cell, written
):
    path = _write(tmp_path, f'name,count\nAsha,"{cell}"\nRavi,"{cell}"\n')
    with pytest.raises(ValueError) as refused:
        load_names(path, names_column="name", counts_column="count")
    message = str(refused.value)
    assert f"no thousands separators ({written}, not {cell})" in message


@pytest.mark.parametrize("cell", ["12%", "12.5 %", "3,5%"])
def test_a_percentage_is_refused_as_a_share_not_a_count(tmp_path, cell):
    path = _write(tmp_path, f'name,count\nAsha,"{cell}"\nRavi,"{cell}"\n')
    with pytest.raises(ValueError) as refused:
        load_names(path, names_column="name", counts_column="count")
    message = str(refused.value)
    assert f"{cell!r} is a share of the names, not a count" in message
    assert "how many times a name occurs" in message
    assert "leave the counts out" in message


@pytest.mark.parametrize(
    "cells", [("1,000", "2,500"), ("1 000", "2 500"), ("12%", "30%"),
              ("1.000,5", "2.500,5")],
)  # fmt: skip
def test_numbers_with_separators_are_not_offered_as_labels(tmp_path, cells):
    one, other = cells  # two values: labels, had they been read as words
    text = f'name,count\nAsha,"{one}"\nRavi,"{other}"\nMira,"{one}"\n'
    lines = text.splitlines(keepends=True)
    assert offered_columns(lines, find_table(lines[0], "k.csv"))[0] == []
    _, told = _warned(_write(tmp_path, text))
    assert "labels_column" not in told
