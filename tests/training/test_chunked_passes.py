"""The passes of train_from_file over a file: what the first pass reports for
the whole file, and what the later passes leave alone."""

import warnings

import pytest

from sknextchar import make_default_pipeline, train_from_file
from sknextchar._name_chunks import read_name_chunks
from sknextchar.cli import main

NAMES = ["asha", "ravi", "meena", "john", "zoe", "anu", "kiran", "lata"]
# Each unknown character in a chunk of its own (chunks of 2 names), after the first.
MIXED = ["asha", "ravi", "o'neil", "meena", "jean-luc", "zoe", "mary ann", "søren"]
MIXED = [*MIXED, *NAMES, "anne-marie", "d'arcy"]  # 6 names hold one


def small_pipe(**params):
    settings = dict(clf__hidden_layer_sizes=(4,), clf__max_iter=1)
    return make_default_pipeline(random_state=0).set_params(**settings, **params)


def failure(path, pipe, chunk_size, **kwargs):
    with pytest.raises(ValueError) as caught:
        train_from_file(path, pipe, chunk_size=chunk_size, **kwargs)
    return str(caught.value)


@pytest.fixture
def mixed(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_text("\n".join(MIXED) + "\n", encoding="utf-8")
    return path


def test_the_first_pass_names_the_unknown_characters_of_every_chunk(mixed):
    whole = failure(mixed, small_pipe(), len(MIXED))  # one chunk: the whole file
    assert "[' ', \"'\", '-', 'ø']" in whole and "and 1 more" in whole
    assert failure(mixed, small_pipe(), 2) == whole


def test_a_resumed_run_names_the_unknown_characters_of_every_chunk(mixed):
    resumed = small_pipe().fit(NAMES).set_params(clf__max_iter=2)
    whole = failure(mixed, resumed, len(MIXED), resume=True)
    assert "'ø'" in whole and "resume=False" in whole
    assert failure(mixed, resumed, 2, resume=True) == whole


def test_train_in_chunks_names_the_unknown_characters_of_the_whole_file(
    mixed, tmp_path, capsys
):
    argv = ["train", str(mixed), "-q", "-o", str(tmp_path / "m.skops")]
    assert main(argv) == 1
    whole = capsys.readouterr().err
    assert main([*argv, "--chunk-size", "2"]) == 1
    assert capsys.readouterr().err == whole and "'ø'" in whole


def test_a_later_pass_neither_warns_nor_touches_the_warning_filters(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("\n".join(["# my names", *NAMES]) + "\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")  # once per place, as Python shows them
        filters = list(warnings.filters)
        for _ in read_name_chunks(path, 2, warn_comments=False):  # 5 chunks
            assert warnings.filters == filters  # no filter around a read
            warnings.warn("the same warning at every chunk", UserWarning, stacklevel=1)
    assert [str(w.message) for w in caught] == ["the same warning at every chunk"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")
        chunks = list(read_name_chunks(path, 2))  # the first pass warns, once
    assert len(caught) == 1 and "'# my names'" in str(caught[0].message)
    assert sum(chunks, []) == ["# my names", *NAMES]
