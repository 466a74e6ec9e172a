"""A last row is a total only when the cells beside its name are numbers."""

import pytest

from sknextchar.datasets import load_names


@pytest.mark.parametrize("last", ["Sum,kr", "Total,fr", "Summe,de"])
def test_a_name_like_a_total_with_a_label_is_read(tmp_path, last):
    path = tmp_path / "kids.csv"
    path.write_text(f"name,origin\nAnna,se\n{last}\n", encoding="utf-8")
    assert load_names(path, names_column="name") == ["Anna", last.split(",")[0]]


@pytest.mark.parametrize("last", ["Total,5", "SUM,1.234", "Gesamt,,12"])
def test_a_total_of_numbers_is_still_refused(tmp_path, last):
    path = tmp_path / "kids.csv"
    width = last.count(",") + 1
    header = ",".join(["name", "sex", "count"][:width])
    path.write_text(f"{header}\nAnna,{'F,' * (width - 2)}3\n{last}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="a total"):
        load_names(path, names_column="name")
