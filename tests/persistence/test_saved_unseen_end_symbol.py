"""A model saved with an end marker that ``--end-symbol`` now refuses keeps
every documented use.

The last release took ``end_symbol="\\x01"`` (only NUL was refused): such a
file is built here as it holds it (a model fitted with ``-``, whose
``end_symbol``, ``vocabulary_[0]`` and ``classes_[0]`` are then ``\\x01``), and
loads, samples, scores, goes on training from a shell (``train --resume``) and
in Python (``warm_start``, docs/reproducibility.rst), and gives its alphabet to
a copy of the transformer (docs/your_own_names.rst), without a word about the
symbol where the user cannot change it.
"""

import warnings

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.frozen import FrozenEstimator

from sknextchar import NameSampler, load_model, save_model, train_from_file
from sknextchar.cli import main
from sknextchar.datasets import load_indian_names

NAMES = load_indian_names()[::80]
OLD = "\x01"
SMALL = ["--hidden-layer-sizes", "8", "--embedding-dim", "4", "--seed", "0", "-q"]
pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")


def as_saved_before(sampler):
    """The sampler with the end marker shown as ``\\x01``, as an old file has."""
    pipeline = sampler.estimator_.estimator
    windows, clf = pipeline["windows"], pipeline[-1]
    windows.end_symbol = OLD
    windows.vocabulary_ = (OLD, *windows.vocabulary_[1:])
    sampler.vocabulary_ = windows.vocabulary_
    classes = clf.classes_.astype(object)
    classes[0] = OLD
    clf.classes_ = classes.astype(clf.classes_.dtype)
    return sampler


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("old_end")
    names = tmp / "names.txt"
    names.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    trained = str(tmp / "trained.skops")
    argv = ["train", str(names), *SMALL, "--max-iter", "2"]
    assert main([*argv, "--validation-fraction", "0", "-o", trained]) == 0
    old = tmp / "old.skops"
    save_model(as_saved_before(load_model(trained)), old)
    return {"names": str(names), "old": str(old)}


def pipeline_of(path):
    return load_model(path).estimator_.estimator


def no_end_symbol_warning(caught):
    return not [w for w in caught if "end_symbol" in str(w.message)]


def test_the_file_holds_the_old_symbol(files):
    pipeline = pipeline_of(files["old"])
    assert pipeline["windows"].end_symbol == OLD
    assert pipeline["windows"].vocabulary_[0] == OLD == pipeline[-1].classes_[0]


def test_it_loads_samples_and_scores(files, capsys):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = load_model(files["old"])
        names = model.sample(5, random_state=0)
        scores = model.score_samples(["asha", "ravi"])
    assert len(names) == 5 and all(OLD not in name and name for name in names)
    assert np.isfinite(scores).all()
    assert no_end_symbol_warning(caught)
    assert main(["sample", files["old"], "-n", "3", "--seed", "0"]) == 0
    assert main(["score", files["old"], "asha", "ravi"]) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_the_command_line_resumes_it(files, tmp_path, capsys):
    out = str(tmp_path / "resumed.skops")
    argv = ["train", files["names"], "--resume", files["old"], "--max-iter", "4"]
    assert main([*argv, "-q", "-o", out]) == 0, capsys.readouterr().err
    assert "end_symbol" not in capsys.readouterr().err
    pipeline = pipeline_of(out)
    assert pipeline["windows"].vocabulary_[0] == OLD
    assert len(pipeline[-1].loss_curve_) == 4
    # Python's counterpart, train_from_file(resume=True), on the same file.
    pipe = pipeline_of(files["old"]).set_params(clf__max_iter=4)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        python = train_from_file(files["names"], pipe, chunk_size=50, resume=True)
    assert no_end_symbol_warning(caught)
    assert len(python[-1].loss_curve_) == 4 and python[0].vocabulary_[0] == OLD


def test_python_goes_on_training_it_with_warm_start(files):
    # docs/reproducibility.rst: model[-1].set_params(warm_start=True, ...).
    pipeline = pipeline_of(files["old"])
    before = len(pipeline[-1].loss_curve_)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pipeline[-1].set_params(warm_start=True, max_iter=2)
        pipeline.fit(NAMES)
        sampler = NameSampler(FrozenEstimator(pipeline)).fit(NAMES)
    assert len(pipeline[-1].loss_curve_) == before + 2
    assert pipeline["windows"].vocabulary_[0] == OLD == pipeline[-1].classes_[0]
    assert no_end_symbol_warning(caught)
    assert len(sampler.sample(3, random_state=0)) == 3


def test_a_copy_given_its_alphabet_fits(files):
    # docs/your_own_names.rst (with_learned_alphabet): the learned alphabet,
    # end marker and unit given to a copy of the transformer.
    learned = pipeline_of(files["old"])["windows"]
    copy = clone(learned).set_params(
        alphabet=list(learned.vocabulary_[1:]),
        end_symbol=learned.vocabulary_[0],
        unit=learned.unit_,
    )
    with pytest.warns(UserWarning, match=r"end_symbol is '\\x01'.*still taken"):
        copy.fit(NAMES)
    assert copy.vocabulary_ == learned.vocabulary_
    np.testing.assert_array_equal(copy.transform(NAMES).targets,
                                  learned.transform(NAMES).targets)  # fmt: skip


def test_the_end_marker_is_named_where_the_command_line_shows_it(files, capsys):
    # It was told by its repr alone ("'\\x01' is the end marker"), unlike
    # every other message that shows a character that does not show.
    assert main(["score", files["old"], "asha", "--explain"]) == 0
    assert "\n'\\x01' (U+0001) is the end marker: it pads" in capsys.readouterr().out
    assert main(["table", files["old"], "as", "--top", "2"]) == 0
    assert "'\\x01' (U+0001) is the end marker: the name" in capsys.readouterr().out
