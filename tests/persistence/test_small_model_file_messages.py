"""Small messages of loading and saving: an edited version string, a loop of
symbolic links, a file where a folder should be, the method a bad
min_label_proba was passed to."""

import io
import json
import os
import pickle
import warnings
import zipfile

import pytest

import sknextchar
import sknextchar._estimator
from sknextchar import ContextWindowTransformer, load_model, save_model
from sknextchar._name_filter import check_min_label_proba
from sknextchar.exceptions import ModelVersionWarning

# How the messages tell to install the version 0.1.0 that saved a model: the
# repository has no tags, so the advice names the file that holds the version.
SOURCE_0_1_0 = (
    "install sknextchar 0.1.0 from its source (run python -m pip install . in a "
    "checkout of a commit whose sknextchar/_version.py says 0.1.0, or in a release "
    "archive of 0.1.0)"
)


def with_version(raw, version):
    """A skops file's bytes with every recorded sknextchar version replaced."""
    archive = zipfile.ZipFile(io.BytesIO(raw))
    schema = json.loads(archive.read("schema.json"))

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "_sknextchar_version" and isinstance(value, dict):
                    value["content"] = json.dumps(version)
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for name in archive.namelist():
            data = json.dumps(schema) if name == "schema.json" else archive.read(name)
            out.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("version", ["", "0.1 or so", "x" * 200])
def test_a_recorded_version_that_is_no_version_is_quoted(tmp_path, version):
    raw = save_model(ContextWindowTransformer().fit(["abid"]), tmp_path / "m.skops")
    path = tmp_path / "edited.skops"
    path.write_bytes(with_version(raw.read_bytes(), version))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_model(path)
    (message,) = [str(w.message) for w in caught if w.category is ModelVersionWarning]
    assert f"saved by sknextchar {version!r}"[:30] in message
    assert "(no version)" in message and "install" not in message
    assert len(message) < 400


def test_a_recorded_version_number_keeps_its_install_advice(tmp_path):
    raw = save_model(ContextWindowTransformer().fit(["abid"]), tmp_path / "m.skops")
    path = tmp_path / "old.skops"
    path.write_bytes(with_version(raw.read_bytes(), "0.1.0"))
    with pytest.warns(ModelVersionWarning) as caught:
        load_model(path)
    message = str(caught[0].message)
    assert "saved by sknextchar 0.1.0 and" in message
    # sknextchar is installed from its source: no "sknextchar==0.1.0" to ask a
    # package index for, but that version's source and the command to run in it.
    assert message.endswith(SOURCE_0_1_0 + " to use it."), message
    assert "==" not in message


def test_an_estimator_unpickled_alone_advises_its_versions_source(monkeypatch):
    # Outside load_model, each estimator warns for itself, with the same advice.
    data = pickle.dumps(ContextWindowTransformer().fit(["abid"]))
    saved = sknextchar.__version__
    monkeypatch.setattr(sknextchar._estimator, "__version__", "9.9.9")
    with pytest.warns(ModelVersionWarning) as caught:
        pickle.loads(data)
    message = str(caught[0].message)
    assert f"saved by sknextchar {saved} and is loaded by sknextchar 9.9.9" in message
    advice = SOURCE_0_1_0.replace("0.1.0", saved)
    assert message.endswith(f"Retrain it with sknextchar 9.9.9, or {advice} to use it.")
    assert "==" not in message


def test_the_file_the_install_advice_names_holds_the_version():
    # The advice names no git tag (the repository has none) but the file a
    # commit's version is read from: it must be that file, holding the version.
    advice = sknextchar._estimator.install_version_advice("0.1.0")
    (path,) = [word for word in advice.split() if word.endswith("_version.py")]
    root = os.path.dirname(os.path.dirname(sknextchar.__file__))
    with open(os.path.join(root, path), encoding="utf-8") as source:
        assert f'__version__ = "{sknextchar.__version__}"' in source.read()
    assert "clone" not in advice and "tag" not in advice


def test_loading_a_loop_of_symbolic_links_says_what_it_is(tmp_path):
    os.symlink(tmp_path / "a", tmp_path / "b")
    os.symlink(tmp_path / "b", tmp_path / "a")
    with pytest.raises(OSError, match="symbolic link in a loop of links") as caught:
        load_model(tmp_path / "a")
    assert "Errno" not in str(caught.value)
    assert str(caught.value).startswith(f"Cannot load {str(tmp_path / 'a')!r}")


def test_a_file_where_a_folder_should_be_is_named(tmp_path):
    names = tmp_path / "names.txt"
    names.write_text("anna\n")
    model = ContextWindowTransformer().fit(["abid"])
    with pytest.raises(NotADirectoryError) as saving:
        save_model(model, names / "m.skops")
    assert f"{str(names)!r} is a file, not a folder" in str(saving.value)
    assert "Errno" not in str(saving.value)
    with pytest.raises(FileNotFoundError) as loading:
        load_model(names / "m.skops")
    assert f"{str(names)!r} is a file, not a folder" in str(loading.value)
    assert names.read_text() == "anna\n"


def test_a_bad_min_label_proba_names_the_method_it_was_passed_to():
    with pytest.raises(ValueError, match="of NameSampler.most_likely must be"):
        check_min_label_proba("f", 2.0, "NameSampler.most_likely")
    with pytest.raises(ValueError, match="of NameSampler.sample must be"):
        check_min_label_proba("f", -1.0)
