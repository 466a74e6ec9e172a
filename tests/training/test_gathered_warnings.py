"""Training from a file in chunks gives each warning of a fit about its names
(a tab, a mark ``strip_accents='unicode'`` removes) once for the whole file,
with the names numbered from its start, as a fit on all the names gives it,
at the user's line: not once per chunk."""

import warnings

import pytest

from sknextchar import make_default_pipeline, train_from_file
from sknextchar.cli import main
from sknextchar.datasets import load_names

# 14 names, 8 with a tab (more than a warning shows), 3 with a Cyrillic "й"/"ё".
NAMES = [
    "ana\tx", "bob", "c\tara", "dan", "e\tve", "fay", "g\tus", "h\tal",
    "Йосиф", "i\tda", "Ёжик", "j\to", "k\tim", "Майя",
]  # fmt: skip
TAB, FOLD = "hold a tab", "combining mark"


def _pipe():
    return make_default_pipeline(random_state=0).set_params(
        windows__alphabet="auto", windows__strip_accents="unicode",
        clf__hidden_layer_sizes=(8,), clf__max_iter=1,
    )  # fmt: skip


def _caught(fit):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fit()
    return [w for w in caught if TAB in str(w.message) or FOLD in str(w.message)]


@pytest.mark.parametrize("chunk_size", [2, 3, 5, 100])
def test_a_file_in_chunks_warns_once_of_each_kind_as_a_fit_on_all(tmp_path, chunk_size):
    path = tmp_path / "names.txt"
    path.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    in_memory = _caught(lambda: _pipe().fit(load_names(path)))
    assert [TAB in str(w.message) for w in in_memory] == [True, False]
    assert "8 names hold a tab" in str(in_memory[0].message)
    assert "names[11]='j\\to'" not in str(in_memory[0].message)  # the first few
    from_file = _caught(lambda: train_from_file(path, _pipe(), chunk_size=chunk_size))
    assert [str(w.message) for w in from_file] == [str(w.message) for w in in_memory]
    assert all(w.filename == __file__ for w in from_file)  # the user's line


def test_the_command_line_warns_of_the_tabs_once_for_a_file_in_chunks(tmp_path, capsys):
    path = tmp_path / "names.txt"
    path.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    argv = ["train", str(path), "--alphabet", "auto", "--strip-accents", "unicode"]
    argv += ["--chunk-size", "2", "--max-iter", "1", "-q", "-o", str(tmp_path / "m")]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert err.count(TAB) == 1 and err.count("are learned changed") == 1
    assert "8 names hold a tab" in err
