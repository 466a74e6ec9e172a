"""``load_names(path, names_column=..., counts_column=...)``: a table's names with
their counts, read by the reader ``train_from_file(counts_column=...)`` uses."""

import warnings

import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    PerLabelClassifier,
)
from sknextchar._name_chunks import _weighted_chunks
from sknextchar.datasets import load_names

COLUMNS = {"names_column": "name", "counts_column": "count"}


@pytest.mark.parametrize(
    ("filename", "data"),
    [
        ("bom.csv", "\ufeffname,sex,count\r\nOlivia,F,17728\r\n\r\nLiam,M,0.5\r\n"),
        ("tabs.tsv", "Name\tSex\tCount\nOlivia\tF\t17728\nLiam\tM\t0.5\n"),
        ("semi.csv", "name;count;sex\nOlivia;17728;F\n;3;M\nLiam;0.5;M\n"),
        ("quoted.txt", 'count,name\n"17728","Olivia"\n" 0.5 ",Liam\n'),
    ],
)
def test_counts_are_read_on_their_names_rows(tmp_path, filename, data):
    path = tmp_path / filename
    path.write_bytes(data.encode("utf-8"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        names, counts = load_names(path, **COLUMNS)
    assert names == ["Olivia", "Liam"]  # a row without a name is skipped
    # Said when it has a count (";3;M"); not of a blank line.
    told = [str(w.message) for w in caught if "no name" in str(w.message)]
    assert len(told) == (filename == "semi.csv")
    assert isinstance(counts, np.ndarray) and counts.dtype == np.float64
    assert counts.tolist() == [17728.0, 0.5]


def test_quoted_names_and_counts_of_zero(tmp_path):
    path = tmp_path / "n.csv"
    path.write_text('name,count\n"Smith, Anna",0\n"O""Brien",2\n', encoding="utf-8")
    names, counts = load_names(path, **COLUMNS)
    assert names == ["Smith, Anna", 'O"Brien'] and counts.tolist() == [0.0, 2.0]


def test_without_counts_column_nothing_changes(tmp_path):
    path = tmp_path / "n.csv"
    path.write_text("name,count\nOlivia,3\n", encoding="utf-8")
    assert load_names(path, names_column="name") == ["Olivia"]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("Olivia,3\nLiam,n/a\n", r"Line 3 of '.*n\.csv' has 'n/a' in the column "),
        ("Olivia,\n", r"Line 2 of .* has nothing in the column 'Count' for the "),
        ('Olivia,"17,728"\n', r"no thousands separators \(17728, not 17,728\)"),
        ("Olivia,-1\n", r"'-1' in the column 'Count' .* not a count"),
        (f"Olivia,1{'0' * 20}\n", r"more than 9,007,199,254,740,992 \(2\*\*53\)"),
        ("Olivia,9007199254740993\n", r"more than 9,007,199,254,740,992 \(2\*\*53\)"),
        ("Olivia,3,extra\n", r"Line 2 of .* has 3 fields, more than the 2"),
    ],
)
def test_a_bad_cell_is_refused_with_its_line_and_column(tmp_path, rows, message):
    path = tmp_path / "n.csv"
    path.write_text("Name,Count\n" + rows, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_names(path, **COLUMNS)


def test_the_header_needs_both_columns(tmp_path):
    path = tmp_path / "n.csv"
    path.write_text("name,sex\nOlivia,F\n", encoding="utf-8")
    with pytest.raises(
        ValueError, match="count' is not a column \\(beside the names 'name'\\) of "
    ):
        load_names(path, **COLUMNS)
    with pytest.raises(ValueError, match="counts_column='name' names the column of"):
        load_names(path, names_column="name", counts_column="name")
    path.write_text("name,count\n\n", encoding="utf-8")
    with pytest.raises(ValueError, match="names below the header, in its column"):
        load_names(path, **COLUMNS)


def test_a_file_without_a_header_row_is_told_how_to_read_it(tmp_path):
    # The US baby-name files have no header: the message said only "pass the
    # header of its column of names", which such a file does not have.
    path = tmp_path / "yob.csv"
    path.write_text("Olivia,F,17728\nLiam,M,20272\n", encoding="utf-8")
    advice = "header=None, names_column=0, counts_column=2"
    with pytest.raises(ValueError, match=f"no header row, .*: {advice}"):
        load_names(path, **COLUMNS)
    names, counts = load_names(path, header=None, names_column=0, counts_column=2)
    assert names == ["Olivia", "Liam"] and counts.tolist() == [17728, 20272]


def test_counts_column_needs_names_column_as_in_train_from_file(tmp_path):
    # A list of names checked before the file is read: no guessing of columns.
    path = tmp_path / "n.csv"
    path.write_text("name,count\nOlivia,3\n", encoding="utf-8")
    with pytest.raises(ValueError, match="counts_column='count' reads a column of a "):
        load_names(path, counts_column="count")
    with pytest.raises(TypeError, match="counts_column must be the header"):
        load_names(path, names_column="name", counts_column=2)
    with pytest.raises(FileNotFoundError):  # the arguments are fine: the file is read
        load_names(tmp_path / "missing.csv", **COLUMNS)


def test_a_path_object_is_shown_as_its_path(tmp_path):
    path = tmp_path / "n.csv"
    path.write_text("name\nOlivia,F\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"^Line 2 of '[^']*n\.csv' has 2 fields"):
        load_names(path, names_column="name")
    path.write_text("name\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"^'[^']*n\.csv' contains no names"):
        load_names(path, names_column="name")


def test_the_chunked_reader_and_load_names_agree(tmp_path):
    path = tmp_path / "n.csv"
    rows = [f'"{name}",{count}' for name, count in zip("abcdefg", [3, 0, 1.5, 7])]
    path.write_text("Given Name,Count\n" + "\n\n".join(rows) + "\n,5\n", "utf-8")
    with pytest.warns(UserWarning, match=r"^1 row of .* in column 'Given Name'"):
        names, counts = load_names(
            path, names_column="given_name", counts_column="count"
        )
    columns = path, 3, "utf-8", "given_name", "count"
    # The chunked reader tells of the row too (it was silent), once per pass
    # that warns (the first), at the end of the file.
    with pytest.warns(UserWarning, match=r"^1 row of .* in column 'Given Name'"):
        chunks = list(_weighted_chunks(*columns, every_name=True))  # 1st pass's
    assert [len(chunk) for chunk, _ in chunks] == [3, 1]
    assert sum((chunk for chunk, _ in chunks), []) == names == list("abcd")
    np.testing.assert_array_equal(np.concatenate([w for _, w in chunks]), counts)
    # Training's: the chunks of the file without the name of count 0.
    [(learned, weights)] = _weighted_chunks(*columns, warn=False)
    assert learned == ["a", "c", "d"] and weights.tolist() == [3, 1.5, 7]


def test_a_sampler_fitted_on_loaded_counts_is_that_of_the_repeated_names(tmp_path):
    path = tmp_path / "births.csv"
    path.write_text("name,count\nasha,3\nravi,1\namitabh,2\nzoe,0\numa,4\n", "utf-8")
    names, counts = load_names(path, **COLUMNS)
    repeated = [name for name, count in zip(names, counts) for _ in range(int(count))]

    def pipe():
        return make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())

    weighted = NameSampler(pipe()).fit(names, sample_weight=counts)
    plain = NameSampler(pipe()).fit(repeated)
    np.testing.assert_array_equal(
        weighted.training_length_counts_, plain.training_length_counts_
    )
    probe = ["asha", "uma", "ravi", "amit", "zoe"]
    np.testing.assert_allclose(
        weighted.score_samples(probe), plain.score_samples(probe), rtol=1e-12
    )


@pytest.mark.parametrize(
    "model",
    [
        CharEmbeddingMLPClassifier(max_iter=1, random_state=0),
        PerLabelClassifier(KneserNeyClassifier()),
    ],
    ids=["mlp", "per-label-kn"],
)
def test_counts_given_as_labels_are_refused_with_the_way_to_pass_them(model):
    # fit(*load_names(path, names_column=..., counts_column=...)) is the trap:
    # the counts would become labels, one model per count.
    sampler = NameSampler(make_pipeline(ContextWindowTransformer(), model))
    with pytest.raises(ValueError, match=r"y holds floats .*sample_weight=counts"):
        sampler.fit(["asha", "ravi", "uma"], np.array([3.0, 1.0, 2.0]))
    assert not hasattr(sampler, "estimator_")
