"""What last session's QA found and left: one label, Ctrl-C, the space in plots."""

import os
import pickle

import matplotlib
import pytest
from sklearn.pipeline import make_pipeline

import sknextchar._pipeline
import sknextchar.cli._saving
from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    NameLabelClassifier,
    NameSampler,
    make_default_pipeline,
)
from sknextchar.cli import main
from sknextchar.plotting import (
    plot_embeddings,
    plot_generation_tree,
    plot_temperature,
)

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

NAMES = ["asha", "ravi", "sita", "omar", "anil", "mira"]
KN = ["--model", "kneser-ney", "--context-length", "2", "-q"]


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


# --------------------------------------------------------------------------- #
# One label only
# --------------------------------------------------------------------------- #
def test_name_label_classifier_refuses_one_label_as_scikit_learn_does():
    clf = NameLabelClassifier(make_default_pipeline().set_params(clf__max_iter=1))
    with pytest.raises(ValueError, match="at least 2 classes.* only one class: 'f'"):
        clf.fit(NAMES, ["f"] * len(NAMES))
    assert not [k for k in vars(clf) if k.endswith("_")]


def test_a_model_of_names_by_one_label_still_generates_them():
    """A generator of one label's names is a model of those names: allowed."""
    pipe = make_default_pipeline(random_state=0).set_params(
        clf__max_iter=2, clf__validation_fraction=0.0
    )
    sampler = NameSampler(pipe, max_length=8).fit(NAMES, ["f"] * len(NAMES))
    assert sampler.estimator_["clf"].label_classes_.tolist() == ["f"]
    assert len(sampler.sample(3, label="f", random_state=0)) == 3


@pytest.mark.parametrize("model", [KN, ["--max-iter", "1", "-q"]])
def test_train_refuses_a_column_of_one_label(tmp_path, capsys, model):
    table = tmp_path / "names.csv"
    table.write_text("name,gender\n" + "".join(f"{n},f\n" for n in NAMES))
    output = tmp_path / "m.skops"
    args = ["train", str(table), "--labels", "gender", *model, "-o", str(output)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "Every name of --labels gender has the label 'f'" in err
    assert "train without --labels" in err and "Traceback" not in err
    assert not output.exists()


def test_train_refuses_one_label_left_by_the_counts(tmp_path, capsys):
    table = tmp_path / "names.csv"
    table.write_text("name,gender,n\nasha,f,3\nravi,m,0\nsita,f,1\n")
    args = ["train", str(table), "--labels", "gender", "--counts", "n", *KN]
    assert main([*args, "-o", str(tmp_path / "m.skops")]) == 1
    err = capsys.readouterr().err
    assert "Every name (of a count above 0) of --labels gender has the label 'f'" in err
    table.write_text("name,gender,n\nasha,f,3\nravi,m,1\nsita,f,1\n")
    assert main([*args, "-o", str(tmp_path / "m.skops")]) == 0


# --------------------------------------------------------------------------- #
# Ctrl-C
# --------------------------------------------------------------------------- #
def interrupt(*args, **kwargs):
    raise KeyboardInterrupt


TRAIN = ["train", "--max-iter", "1", "-q"]


def test_ctrl_c_while_training_says_nothing_was_saved(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sknextchar._pipeline, "fit_weighted", interrupt)
    output = tmp_path / "m.skops"
    assert main([*TRAIN, "-o", str(output)]) == 130
    err = capsys.readouterr().err
    assert f"interrupted: nothing was saved ({str(output)!r} was not created)" in err
    assert os.listdir(tmp_path) == []  # no temporary file either
    older = pickle.dumps(ContextWindowTransformer().fit(["uma"]))  # a model file
    output.write_bytes(older)
    assert main([*TRAIN, "-o", str(output), "--force"]) == 130
    err = capsys.readouterr().err
    assert f"interrupted: nothing was saved ({str(output)!r} is as it was)" in err
    assert output.read_bytes() == older


def test_ctrl_c_after_the_model_was_written_says_so(tmp_path, capsys, monkeypatch):
    save = sknextchar.cli._saving.save_model

    def save_then_interrupt(*args, **kwargs):
        save(*args, **kwargs)
        raise KeyboardInterrupt

    monkeypatch.setattr(sknextchar.cli._saving, "save_model", save_then_interrupt)
    output = tmp_path / "m.skops"
    assert main(["train", *KN, "-o", str(output)]) == 130
    err = capsys.readouterr().err
    assert f"interrupted, after writing {str(output)!r}" in err
    assert "nothing was saved" not in err and output.exists()


# --------------------------------------------------------------------------- #
# The space in the pictures
# --------------------------------------------------------------------------- #
def test_the_space_is_labelled_visibly_in_the_pictures():
    names = ["anna maria", "jean luc", "rosa", "li na", "mary ann"]
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto"),
        CharEmbeddingMLPClassifier(embedding_dim=2, max_iter=1, random_state=0),
    ).fit(names)
    assert " " in pipe[0].vocabulary_
    texts = [t.get_text() for t in plot_embeddings(pipe).axes[0].texts]
    assert "␣" in texts and all(text.strip() for text in texts)
    ax = plot_temperature(pipe, "anna").axes[0]
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert "␣" in ticks and all(tick.strip() for tick in ticks)
    ax = plot_generation_tree(pipe, "anna", top_k=len(ticks), depth=1).axes[0]
    nodes = [t.get_text() for t in ax.texts if t.get_bbox_patch() is not None]
    assert any(node.startswith("␣ ") for node in nodes)
    assert not any(node.startswith(" ") for node in nodes)
