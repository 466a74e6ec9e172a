"""The command line, tested by calling ``main([...])`` and reading its output.

One tiny model (200 names, 2 epochs, 16 hidden units) is trained once per module;
every error path must give a non-zero status and one line on stderr, no traceback.
The flag table is held to the estimators' signatures and parameter constraints,
and ``--help`` and argument errors must not import the heavy libraries.
"""

import argparse
import copy
import inspect
import io
import json
import math
import os
import pickle
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path
from types import SimpleNamespace

import joblib
import matplotlib
import pytest
import skops.io
from rich.console import Console
from sklearn.callback import FitCallback
from sklearn.frozen import FrozenEstimator
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

import sknextchar
from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    NameSampler,
    __version__,
    get_trusted_types,
    load_model,
    make_tuned_pipeline,
    save_model,
)
from sknextchar._compat import (
    InvalidParameterError,
    StrOptions,
    validate_parameter_constraints,
)
from sknextchar._shown_paths import shown_path
from sknextchar._skops_release import SKOPS_INSTALL
from sknextchar.cli import build_parser, build_pipeline, main
from sknextchar.cli._errors import error_message
from sknextchar.cli._flags import (
    SAMPLER_FLAGS,
    STEP_ESTIMATORS,
    TRAIN_FLAGS,
    Choice,
    Number,
    given,
    show_default,
)
from sknextchar.cli._progress import EpochProgress
from sknextchar.datasets import load_indian_names
from tests._command_runs import run

matplotlib.use("Agg")

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
TINY = ["--max-iter", "2", "--hidden-layer-sizes", "16", "--seed", "0"]


@pytest.fixture(scope="module")
def names():
    return load_indian_names()[::75]  # 201 names


@pytest.fixture(scope="module")
def names_file(tmp_path_factory, names):
    path = tmp_path_factory.mktemp("data") / "names.txt"
    path.write_text("\n".join(names) + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def model_file(tmp_path_factory, names_file):
    path = tmp_path_factory.mktemp("model") / "model.skops"
    assert main(["train", names_file, *TINY, "-q", "-o", str(path)]) == 0
    return str(path)


def assert_one_line_error(status, err, *fragments, usage=False):
    assert status == (2 if usage else 1)
    assert "Traceback" not in err
    assert err.count("\n") == 1, err
    assert err.startswith("sknextchar: error: "), err
    for fragment in fragments:
        assert fragment in err, err


# --------------------------------------------------------------------------- #
# train
# --------------------------------------------------------------------------- #
def test_train_writes_a_skops_model_that_load_model_reads(names_file, tmp_path, capsys):
    path = tmp_path / "m.skops"
    status, out, err = run(
        capsys,
        "train",
        names_file,
        *TINY,
        "--context-length",
        "2",
        "--embedding-dim",
        "2",
        "-o",
        str(path),
    )
    assert status == 0
    assert path.read_bytes()[:4] == b"PK\x03\x04"  # skops is a zip file
    assert zipfile.is_zipfile(path)
    assert not list(tmp_path.glob(".m.skops.*"))  # no temporary file left behind

    # The fitted pipeline, in a NameSampler that remembers the training names.
    sampler = load_model(path)
    assert isinstance(sampler, NameSampler) and sampler.training_length_range()
    pipe = sampler.estimator_.estimator
    assert isinstance(pipe, Pipeline) and list(pipe.named_steps) == ["windows", "clf"]
    clf = pipe["clf"]
    assert pipe["windows"].context_length == 2
    assert (clf.embedding_dim, clf.hidden_layer_sizes) == (2, (16,))
    assert (clf.max_iter, clf.random_state) == (2, 0)
    assert clf.early_stopping and len(clf.validation_scores_) == 2
    # The progress callback was cleared before saving: nothing foreign was saved.
    assert set(skops.io.get_untrusted_types(file=path)) <= set(get_trusted_types())

    # The progress goes to stderr, one line per epoch when it is not a terminal.
    assert err.startswith(f"Training on 201 names from {shown_path(names_file)}...\n")
    epoch_lines = [line for line in err.splitlines() if line.startswith("epoch")]
    assert len(epoch_lines) == 2 and "held-out NLL" in epoch_lines[0]
    # The held-out NLL is the score of the held-out names with the kept weights.
    assert f"Held-out NLL: {-clf.best_validation_score_:.4f} nats" in out
    assert "on 21 held-out names" in out  # ceil(10% of 201)
    assert f"Saved the model to {str(path)!r} (skops format)." in out


def test_train_progress_can_be_silenced(names_file, tmp_path, capsys):
    # -q: no progress, no report (sknextchar.cli._quiet): the model is saved
    path = tmp_path / "m.skops"
    status, out, err = run(capsys, "train", names_file, *TINY, "-q", "-o", str(path))
    assert (status, out, err) == (0, "", "") and path.is_file()


def test_train_without_held_out_names(names_file, tmp_path, capsys):
    path = tmp_path / "m.skops"
    status, out, err = run(
        capsys,
        "train",
        names_file,
        *TINY,
        "--validation-fraction",
        "0",
        "-o",
        str(path),
    )
    assert status == 0
    assert "Training loss:" in out and "Held-out" not in out
    assert "held-out" not in err
    assert load_model(path).estimator_.estimator["clf"].early_stopping is False


def test_train_joblib_format_needs_trust_to_load(names_file, tmp_path, capsys):
    path = tmp_path / "m.joblib"  # the suffix picks joblib
    status, out, _ = run(capsys, "train", names_file, *TINY, "-o", str(path))
    assert status == 0 and "(joblib format)" in out
    assert isinstance(joblib.load(path).estimator_.estimator, Pipeline)

    status, _, err = run(capsys, "sample", str(path), "-n", "2")
    assert_one_line_error(status, err, "--trust-pickle", "not a skops file")

    status, out, err = run(capsys, "sample", str(path), "-n", "2", "--trust-pickle")
    assert status == 0 and len(out.splitlines()) == 2 and err == ""


def test_train_format_flag_overrides_the_suffix(names_file, tmp_path, capsys):
    path = tmp_path / "model.bin"
    status, out, _ = run(
        capsys,
        "train",
        names_file,
        *TINY,
        "--format",
        "joblib",
        "-o",
        str(path),
    )
    assert status == 0 and "(joblib format)" in out
    assert not zipfile.is_zipfile(path)


def test_log_bilinear_model_from_an_empty_hidden_layer_list(names_file, tmp_path):
    path = tmp_path / "m.skops"
    argv = ["train", names_file, "--max-iter", "1", "--hidden-layer-sizes"]
    assert main([*argv, "-q", "-o", str(path)]) == 0
    assert load_model(path).estimator_.estimator["clf"].hidden_layer_sizes == ()


def test_the_tuned_configuration_trains_from_the_command_line(names_file, tmp_path):
    # make_tuned_pipeline's settings, dropout included, as flags of train.
    path = tmp_path / "m.skops"
    argv = ["train", names_file, "--context-length", "6", "--embedding-dim", "24"]
    argv += ["--hidden-layer-sizes", "32", "--dropout", "0.3", "--max-iter", "1"]
    assert main([*argv, "-q", "-o", str(path)]) == 0
    pipe = load_model(path).estimator_.estimator
    tuned = make_tuned_pipeline().get_params()
    for key in ("windows__context_length", "clf__embedding_dim", "clf__dropout"):
        assert pipe.get_params()[key] == tuned[key]


def test_dropout_help_speaks_the_command_line(capsys):
    # Its help names no Python function, and says it does nothing without a
    # hidden layer (--hidden-layer-sizes with no number trains on silently).
    _, out, _ = run(capsys, "train", "--help")
    text = " ".join(out.split())
    dropout = text[text.index("--dropout X share") :].split(" --validation")[0]
    assert "no effect without a hidden layer" in dropout
    assert "the tuned configuration" in dropout and "make_" not in dropout


def test_dropout_is_a_share_below_one(names_file, tmp_path, capsys):
    argv = ["train", names_file, "--dropout", "1", "-o", str(tmp_path / "m.skops")]
    status, _, err = run(capsys, *argv)
    assert_one_line_error(status, err, "--dropout: must be a float in the range "
                          "[0.0, 1.0); got '1'", usage=True)  # fmt: skip
    assert not (tmp_path / "m.skops").exists()


def test_one_epoch_and_one_held_out_name_are_singular(tmp_path, capsys):
    names = tmp_path / "names.txt"
    names.write_text("abid\nasha\nravi\numa\nkiran\n", encoding="utf-8")
    path = tmp_path / "m.skops"
    argv = ["train", str(names), "--max-iter", "1", "--validation-fraction", "0.2"]
    assert main([*argv, "--hidden-layer-sizes", "4", "-o", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Trained on 4 names for 1 epoch in " in out
    assert "on 1 held-out name (weights of epoch 1 kept)" in out


def test_warnings_print_one_line(names_file, tmp_path, capsys):
    # A constant learning rate that stops at max_iter warns (ConvergenceWarning).
    status, _, err = run(
        capsys,
        "train",
        names_file,
        *TINY,
        "-q",
        "--learning-rate",
        "constant",
        "-o",
        str(tmp_path / "m.skops"),
    )
    assert status == 0
    warned = [line for line in err.splitlines() if "warning" in line]
    expected = "sknextchar: warning: Stopped after --max-iter 2 epochs"  # CLI spelling
    assert warned and all(line.startswith(expected) for line in warned)


# Every flag of the table, a valid value and the parameter value it must set.
TRAIN_VALUES = {
    "--context-length": (["4"], 4),
    "--alphabet": (["auto"], "auto"),
    "--handle-unknown": (["drop"], "drop"),
    "--embedding-dim": (["3"], 3),
    "--label-embedding-dim": (["2"], 2),
    "--hidden-layer-sizes": (["20", "10"], (20, 10)),
    "--activation": (["tanh"], "tanh"),
    "--max-iter": (["7"], 7),
    "--batch-size": (["32"], 32),
    "--learning-rate": (["constant"], "constant"),
    "--learning-rate-init": (["0.01"], 0.01),
    "--alpha": (["0.5"], 0.5),
    "--dropout": (["0.3"], 0.3),
    "--validation-fraction": (["0.2"], 0.2),
    "--n-iter-no-change": (["3"], 3),
    "--seed": (["42"], 42),
    "--keep-case": ([], False),
    "--strip-accents": (["unicode"], "unicode"),
    "--unit": (["grapheme"], "grapheme"),
    "--end-symbol": (["."], "."),
}


@pytest.mark.parametrize("flag", TRAIN_FLAGS, ids=lambda f: f.flag)
def test_each_train_flag_sets_its_parameter(flag):
    values, expected = TRAIN_VALUES[flag.flag]
    args = build_parser().parse_args(["train", "-o", "m.skops", flag.flag, *values])
    pipe = build_pipeline(**given(args, TRAIN_FLAGS))
    assert pipe.get_params()[flag.key] == expected
    # Flags not given leave the estimators' defaults.
    for other in TRAIN_FLAGS:
        if other is not flag:
            assert pipe.get_params()[other.key] == other.default


def test_held_out_names_exactly_when_the_validation_fraction_is_positive():
    assert build_pipeline()["clf"].early_stopping is True
    assert build_pipeline(clf__validation_fraction=0.0)["clf"].early_stopping is False


# --------------------------------------------------------------------------- #
# The flag table against the estimators.
# --------------------------------------------------------------------------- #
ESTIMATORS = {step: getattr(sknextchar, name) for step, name in STEP_ESTIMATORS.items()}
ALL_FLAGS = TRAIN_FLAGS + SAMPLER_FLAGS


def estimator_accepts(flag, value):
    """Whether the owning estimator's parameter constraints accept the value."""
    cls = ESTIMATORS[flag.step]
    constraints = {flag.param: cls._parameter_constraints[flag.param]}
    try:
        validate_parameter_constraints(constraints, {flag.param: value}, cls.__name__)
    except InvalidParameterError:
        return False
    return True


def edge_values(number):
    """The values at each end of a range: (just inside, just outside)."""
    inside, outside = [], []
    ends = [
        (number.low, number.closed in ("both", "left"), -1),
        (number.high, number.closed in ("both", "right"), 1),
    ]
    for bound, closed, side in ends:
        if bound is None:  # an infinite end: only a float can reach it
            if number.kind is float:
                (inside if closed else outside).append(side * math.inf)
            continue
        bound = number.kind(bound)
        if number.kind is int:
            beyond, within = bound + side, bound - side
        else:
            beyond = math.nextafter(bound, side * math.inf)
            within = math.nextafter(bound, -side * math.inf)
        inside.append(bound if closed else within)
        outside.append(beyond if closed else bound)
    return inside, outside


def test_number_ranges_read_as_intervals():
    assert str(Number(int, 1, None, closed="left")) == "an int of at least 1"
    assert str(Number(float, 0, 1, closed="right")) == "a float in the range (0.0, 1.0]"
    share = Number(float, 0, 1, closed="left")
    assert edge_values(share) == ([0.0, math.nextafter(1, 0)], [-5e-324, 1.0])
    assert not Number(float, 0, None).accepts(math.nan)
    assert Number(float, 0, None).accepts(math.inf)


@pytest.mark.parametrize("flag", ALL_FLAGS, ids=lambda f: f.flag)
def test_flag_defaults_are_the_estimators(flag):
    cls = ESTIMATORS[flag.step]
    assert flag.param in cls._parameter_constraints
    expected = inspect.signature(cls).parameters[flag.param].default
    assert flag.default == expected and type(flag.default) is type(expected)


@pytest.mark.parametrize("flag", ALL_FLAGS, ids=lambda f: f.flag)
def test_flag_values_are_the_estimators(flag):
    kind = flag.type
    if isinstance(kind, Number):
        inside, outside = edge_values(kind)
        for value in inside:  # the ends of the flag's range...
            assert kind.accepts(value) and estimator_accepts(flag, value), value
            # ...parsed from text, are of a type the estimator takes
            assert estimator_accepts(flag, kind(str(value))), value
        for value in outside:  # ...and just beyond them, refused by both
            assert not kind.accepts(value), value
            assert not estimator_accepts(flag, value), value
            with pytest.raises(argparse.ArgumentTypeError, match="must be"):
                kind(str(value))
        if flag.nargs:  # a list of such values
            assert estimator_accepts(flag, tuple(inside))
    elif isinstance(kind, Choice):
        cls = ESTIMATORS[flag.step]
        options = set()
        for constraint in cls._parameter_constraints[flag.param]:
            if isinstance(constraint, StrOptions):
                options |= set(constraint.options)
        assert set(kind.options) == options  # no option missing, none invented
        assert not kind.accepts("no-such-option")
        assert not estimator_accepts(flag, "no-such-option")
    elif flag.const is not None:  # a switch: it sets one value
        assert estimator_accepts(flag, flag.const) and flag.const != flag.default
    else:  # free text, checked by the estimator when it fits
        assert kind is str and estimator_accepts(flag, "abc")


def test_help_and_usage_errors_import_no_heavy_library(tmp_path):
    # --help, argument errors and a missing model file answer at once.
    # A new process: this one has imported everything already.
    code = textwrap.dedent(
        """
        import contextlib, io, json, sys
        from sknextchar.cli import main

        argvs = [
            ["--help"], ["--version"], ["train", "--help"], ["sample", "--help"],
            ["score", "--help"], ["table", "--help"], ["plot", "--help"],
            ["train", "--max-iter", "0", "-o", "m.skops"],
            ["train", "--no-such-flag", "-o", "m.skops"],
            ["sample", "m.skops", "--top-p", "2"], ["fly"],
            ["sample", "no-such-model.skops"],
        ]
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            statuses = [main(argv) for argv in argvs]
        loaded = sorted({name.partition(".")[0] for name in sys.modules})
        print(json.dumps({"statuses": statuses, "loaded": loaded}))
        """
    )
    # This copy of the package, not one installed elsewhere: run from another
    # folder, the process imported the installed one, and missed scikit-learn
    # loaded at --help by this copy.
    root = str(Path(sknextchar.__file__).resolve().parent.parent)
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": root},
    )
    report = json.loads(result.stdout)
    assert report["statuses"] == [0] * 7 + [2] * 4 + [1]
    heavy = {"sklearn", "scipy", "numpy", "skops", "matplotlib", "joblib", "rich"}
    assert not heavy & set(report["loaded"])


@pytest.mark.parametrize(
    "argv, fragment",
    [
        (["--max-iter", "0"], "argument --max-iter: must be an int of at least 1"),
        (["--max-iter", "2.5"], "argument --max-iter: expected an int; got '2.5'"),
        (["--learning-rate-init", "0"], "--learning-rate-init: must be a float"),
        (["--alpha", "-1"], "argument --alpha: must be a float in the range [0.0"),
        (["--hidden-layer-sizes", "0"], "--hidden-layer-sizes: must be an int"),
        (["--hidden-layer-sizes", "x"], "--hidden-layer-sizes: expected an int"),
        (["--activation", "softmax"], "one of identity, logistic, relu, tanh"),
        (["--validation-fraction", "1"], "--validation-fraction: must be a float"),
        (["--context-length", "0"], "--context-length: must be an int"),
        (["--seed", "-3"], "--seed: must be an int in the range [0, 4294967295]"),
        (["--format", "pickle"], "argument --format: invalid choice: 'pickle'"),
    ],
)
def test_train_bad_flag_values(capsys, argv, fragment):
    status, out, err = run(capsys, "train", *argv, "-o", "m.skops")
    assert_one_line_error(
        status, err, fragment, "'sknextchar train --help'", usage=True
    )
    assert out == ""


def test_unknown_flag(capsys):
    status, _, err = run(capsys, "train", "--no-such-flag", "-o", "m.skops")
    assert_one_line_error(
        status, err, "unrecognized argument: --no-such-flag (see", usage=True
    )


@pytest.mark.parametrize(
    "argv, named",
    [
        # argparse took 3 as NAMES_FILE and left names.txt over: before, the
        # error named 'names.txt' as unrecognized beside the --epochs hint.
        (["--epochs", "3", "names.txt"], "argument: --epochs;"),
        (["--epochs", "3", "--lr", "0.1", "names.txt"], "arguments: --epochs --lr;"),
        (["--foo", "3", "names.txt"], "argument: --foo (see"),
    ],
)
def test_unknown_flag_is_named_alone(capsys, argv, named):
    status, out, err = run(capsys, "train", *argv, "-o", "m.skops")
    assert_one_line_error(status, err, f"unrecognized {named}", usage=True)
    assert "names.txt" not in err and out == ""


def test_words_left_over_without_a_flag_are_named(capsys):
    status, _, err = run(capsys, "train", "a.txt", "b.txt", "-o", "m.skops")
    assert_one_line_error(status, err, "unrecognized argument: b.txt (see", usage=True)


def test_a_word_left_over_before_an_unknown_flag_is_named(capsys):
    # Only the word argparse shifts (the one right after the unknown flag) is
    # excused: b.txt, typed before --bogus, is a mistake of its own.
    argv = ["train", "a.txt", "b.txt", "--bogus", "-o", "m.skops"]
    status, _, err = run(capsys, *argv)
    expected = "unrecognized arguments: b.txt --bogus (see"
    assert_one_line_error(status, err, expected, usage=True)


@pytest.mark.parametrize(
    "argv, fragments",
    [
        (["train", "--epochs", "3", "-o", "m.skops"], ["--max-iter"]),
        (["train", "--n-epochs=3", "-o", "m.skops"], ["--max-iter"]),
        (["sample", "m.skops", "--random-state", "0"], ["the seed is --seed"]),
        (["train", "--max_iter", "3", "-o", "m.skops"], ["is spelled --max-iter"]),
        (
            ["train", "--epochs", "3", "--lr", "0.1", "-o", "m.skops"],
            ["is --max-iter; the learning rate is --learning-rate-init (see"],
        ),
        (["train", "--random_state=0", "-o", "m.skops"], ["the seed is --seed"]),
        (["sample", "m.skops", "--random_state", "0"], ["the seed is --seed"]),
        (["score", "m.skops", "asha", "--no-such-flag"], []),
        # A typo is told the flag it is close to, without the value after it.
        (
            ["sample", "m.skops", "--temprature", "0.8"],
            ["; did you mean --temperature?"],
        ),
        (["train", "--keepcase", "-o", "m.skops"], ["; did you mean --keep-case?"]),
        (["score", "m.skops", "-explain", "asha"], ["; did you mean --explain?"]),
        (["train", "--epoch", "3", "-o", "m.skops"], ["the number of epochs is"]),
        # The option of the same letters, not the one first by name; two
        # typos in one question.
        (["sample", "m.skops", "--to-pk", "3"], ["; did you mean --top-k?"]),
        (["classify", "m.skops", "--labesl", "x"], ["; did you mean --labels?"]),
        (
            ["sample", "m.skops", "--sed", "1", "--temprature", "1"],
            ["--temprature; did you mean --seed and --temperature? ("],
        ),
    ],
)
def test_unknown_flag_names_the_commands_help(capsys, argv, fragments):
    # The help that lists the command's flags is the command's, not the
    # top-level one (which lists commands only), and a flag of another tool's
    # spelling is told its name here.
    status, out, err = run(capsys, *argv)
    help_of = f"(see 'sknextchar {argv[0]} --help')"
    assert_one_line_error(status, err, "unrecognized argument", help_of, usage=True)
    for fragment in fragments:
        assert fragment in err
    assert out == ""


def test_a_flag_the_command_lacks_is_not_offered(capsys):
    # table has no --learning-rate-init: --lr is told as unknown only.
    status, _, err = run(capsys, "table", "m.skops", "ab", "--lr", "3")
    assert_one_line_error(status, err, "argument: --lr (see", usage=True)
    assert "--learning-rate-init" not in err


def test_a_commands_parser_tells_its_unknown_flags():
    # Each command's parser knows its own flags (those of its groups too),
    # and parses alone: a usage error, or ArgumentError with exit_on_error off.
    from sknextchar.cli._command_parser import CommandParser
    from sknextchar.cli._parser import build_parser

    commands = build_parser().commands.choices
    assert {"--alphabet", "--resume", "--max-iter"} <= commands["train"].options
    assert "--embeddings" in commands["plot"].options
    with pytest.raises(SystemExit) as caught:
        commands["train"].parse_args(["-o", "m.skops", "--max_iter", "3"])
    assert caught.value.code == 2
    parser = CommandParser(prog="sknextchar", exit_on_error=False)
    parser.add_argument("--max-iter")
    with pytest.raises(argparse.ArgumentError, match="spelled --max-iter"):
        parser.parse_args(["--max_iter", "3"])


@pytest.mark.parametrize(
    "argv, required",
    [
        (["train"], "-o/--output"),
        # Short options with their value or others after them, as argparse
        # takes them: no "unrecognized argument: -n3" beside the missing model.
        (["sample", "-n3"], "MODEL"),
        (["sample", "-qn3"], "MODEL"),
    ],
)
def test_a_missing_argument_is_told_alone(capsys, argv, required):
    status, _, err = run(capsys, *argv)
    assert_one_line_error(status, err, f"required: {required}", usage=True)
    assert "unrecognized" not in err


@pytest.mark.parametrize(
    "argv, told",
    [
        # Before: only "required: -o/--output", for a user who typed it.
        (
            ["train", "n.txt", "--ouput", "m.skops"],
            "argument: --ouput; did you mean --output?",
        ),
        (
            ["score", "m.skops", "--explian"],
            "argument: --explian; did you mean --explain?",
        ),
    ],
)
def test_a_typo_is_told_beside_a_missing_argument(capsys, argv, told):
    status, out, err = run(capsys, *argv)
    assert_one_line_error(
        status, err, "required: ", f", and unrecognized {told}", usage=True
    )
    assert out == ""


def test_train_errors_in_the_names_file(tmp_path, capsys):
    output = str(tmp_path / "m.skops")
    status, _, err = run(capsys, "train", str(tmp_path / "missing.txt"), "-o", output)
    assert_one_line_error(status, err, "No such file of names")

    status, _, err = run(capsys, "train", str(tmp_path), "-o", output)
    assert_one_line_error(status, err, "is a directory")

    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n")
    status, _, err = run(capsys, "train", str(empty), "-o", output)
    assert_one_line_error(status, err, "contains no names")

    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00abc")  # a JPEG's start; not a BOM
    status, _, err = run(capsys, "train", str(binary), "-o", output)
    assert_one_line_error(status, err, "is a JPEG image, not a text file of names")

    odd = tmp_path / "odd.txt"
    odd.write_text("asha\no'brien\nravi\n")
    status, _, err = run(capsys, "train", str(odd), *TINY, "-o", output)
    assert_one_line_error(status, err, "outside the vocabulary", "o'brien")
    assert not (tmp_path / "m.skops").exists()

    # The same file trains with the characters dropped or learned.
    for fix in (["--handle-unknown", "drop"], ["--alphabet", "auto"]):
        argv = ["train", str(odd), *TINY, "-q", *fix, "-o", output, "--force"]
        status, _, _ = run(capsys, *argv)
        assert status == 0


def test_train_invalid_parameters_found_when_fitting(names_file, tmp_path, capsys):
    output = str(tmp_path / "m.skops")
    status, _, err = run(
        capsys, "train", names_file, *TINY, "--alphabet", "abca", "-o", output
    )
    assert_one_line_error(status, err, "repeated characters ['a']")

    status, _, err = run(
        capsys, "train", names_file, *TINY, "--alphabet", "ab-", "-o", output
    )
    assert_one_line_error(status, err, "reserved end marker")


def test_train_checks_the_output_folder_before_training(names_file, tmp_path, capsys):
    output = str(tmp_path / "no" / "such" / "m.skops")
    status, _, err = run(capsys, "train", names_file, *TINY, "-o", output)
    assert_one_line_error(status, err, "no such folder")
    assert "epoch" not in err  # it failed before training


# --------------------------------------------------------------------------- #
# sample
# --------------------------------------------------------------------------- #
def test_sample_prints_n_names_reproducibly(model_file, capsys):
    status, out, err = run(capsys, "sample", model_file, "-n", "7", "--seed", "3")
    assert status == 0 and err == ""
    first = out.splitlines()
    assert len(first) == 7 and all(name.isalpha() for name in first)
    _, again, _ = run(capsys, "sample", model_file, "-n", "7", "--seed", "3")
    assert again.splitlines() == first
    _, other, _ = run(capsys, "sample", model_file, "-n", "7", "--seed", "4")
    assert other.splitlines() != first


def test_sample_default_count(model_file, capsys):
    status, out, _ = run(capsys, "sample", model_file, "--seed", "0")
    assert status == 0 and len(out.splitlines()) == 20


def test_sample_flags_are_respected(model_file, capsys):
    status, out, _ = run(
        capsys,
        "sample",
        model_file,
        "-n",
        "30",
        "--prefix",
        "Ab",
        "--min-length",
        "4",
        "--max-length",
        "6",
        "--unique",
        "--temperature",
        "1.5",
        "--top-p",
        "0.95",
        "--seed",
        "0",
    )
    assert status == 0
    new = out.splitlines()
    assert len(new) == len(set(new)) == 30
    assert all(name.startswith("ab") and 4 <= len(name) <= 6 for name in new)


@pytest.mark.parametrize("greedy", [["--temperature", "0"], ["--top-k", "1"]])
def test_greedy_sampling_never_cuts_a_name(model_file, capsys, greedy):
    # This two-epoch model's most probable path never draws the end marker, so
    # greedy decoding has no name to give within the length bounds: it says so
    # (no name is cut). Greedy names that end: test_sampler.py.
    status, _, err = run(capsys, "sample", model_file, "-n", "5", *greedy)
    assert_one_line_error(
        status, err, "Could only generate 0 of the 5 requested names", "--max-length"
    )
    # The advice is in flags only: no parameter spelling, no unset filter. Greedy
    # decoding gives one name: more rounds or a smaller nucleus cannot help, and
    # only the setting that makes it greedy undoes it.
    assert "greedy decoding" in err and "the same at every draw" in err
    for flag in ("--min-length", "--max-length", greedy[0]):
        assert flag in err
    assert f"Set {greedy[0]} ... above {int(greedy[1])}" in err
    for useless in ("--pattern", "--max-rounds", "--top-p", "top_k", "max_rounds"):
        assert useless not in err
    assert "=" not in err and "None" not in err


def test_sample_novel_names(model_file, names_file, names, capsys):
    argv = ["sample", model_file, "-n", "40", "--seed", "0", "--temperature", "0.5"]
    status, out, _ = run(capsys, *argv, "--exclude-file", names_file)
    assert status == 0
    assert len(out.splitlines()) == 40 and not set(out.splitlines()) & set(names)

    # --novel alone leaves out the model's own training names (NAMES_FILE here).
    status, out, _ = run(capsys, *argv, "--novel")
    assert status == 0
    assert len(out.splitlines()) == 40 and not set(out.splitlines()) & set(names)


def test_sample_pattern_lengths_and_report(model_file, names, capsys):
    argv = ["sample", model_file, "-n", "30", "--seed", "0", "--temperature", "0.8"]
    status, out, err = run(capsys, *argv, "--pattern", ".*a", "--novel", "--report")
    assert status == 0 and err.startswith("\n")  # the report, on stderr
    new, table = out.splitlines(), err.splitlines()[1:]
    assert len(new) == 30
    assert all(name.endswith("a") for name in new) and not set(new) & set(names)
    # Lengths default to the training names' range; no name is cut.
    shortest, longest = min(map(len, names)), max(map(len, names))
    assert all(shortest <= len(name) <= longest for name in new)
    assert table[0].split() == ["names", "30"] and table[3].split()[0] == "new"
    assert float(table[2].split()[2]) == 0.0  # training names: none, with --novel
    status, out, _ = run(capsys, *argv, "--match-lengths", "--max-length", "8")
    assert status == 0 and all(len(n) <= 8 for n in out.splitlines())


def test_novel_on_a_model_without_record(capsys, tmp_path):
    path = str(tmp_path / "old.skops")
    with pytest.warns(UserWarning):  # saved by 0.1.0.dev0
        model = load_model("tests/data/pipeline_v0.1.0.dev0.skops")
    save_model(model, path)
    status, _, err = run(capsys, "sample", path, "-n", "3", "--novel")
    assert_one_line_error(status, err, "has no record of its training names")
    status, out, _ = run(capsys, "score", path, "asha")
    assert status == 0 and out.splitlines()[1].split()[-1] == "?"


@pytest.mark.parametrize(
    "argv, fragment",
    [
        (["--temperature", "-1"], "--temperature: must be a float in the range [0.0"),
        (["--temperature", "nan"], "--temperature: must be a float"),
        (["--temperature", "warm"], "--temperature: expected a number; got 'warm'"),
        (["--top-p", "2"], "--top-p: must be a float in the range (0.0, 1.0]"),
        (["--top-p", "0"], "--top-p: must be a float in the range (0.0, 1.0]"),
        (["--top-k", "0"], "--top-k: must be an int of at least 1"),
        (["--min-length", "0"], "--min-length: must be an int"),
        (["--max-length", "-2"], "--max-length: must be an int"),
        (["-n", "0"], "argument -n/--n-samples: must be an int of at least 1"),
        (
            ["--seed", "-1"],
            "argument --seed: must be an int in the range [0, 4294967295]",
        ),
    ],
)
def test_sample_bad_flag_values(model_file, capsys, argv, fragment):
    status, out, err = run(capsys, "sample", model_file, *argv)
    assert_one_line_error(status, err, fragment, usage=True)
    assert out == ""


def test_sample_requests_the_model_cannot_meet(model_file, capsys):
    status, _, err = run(
        capsys, "sample", model_file, "--min-length", "5", "--max-length", "3"
    )
    # In the command line's spelling: flags, not parameters.
    assert_one_line_error(status, err, "--max-length 3 must be >= --min-length 5")

    status, _, err = run(capsys, "sample", model_file, "--prefix", "a1")
    assert_one_line_error(status, err, "outside the vocabulary ['1']")

    status, _, err = run(
        capsys, "sample", model_file, "-n", "30", "--unique", "--max-length", "1"
    )
    assert_one_line_error(status, err, "at most 26 can be generated")


def test_sample_exclude_file_errors(model_file, tmp_path, capsys):
    missing = str(tmp_path / "missing.txt")
    status, _, err = run(capsys, "sample", model_file, "--exclude-file", missing)
    assert_one_line_error(status, err, "No such file of names")


@pytest.mark.parametrize(
    "text", ["", "\n  \n\n", "name,origin\n"], ids=["empty", "blank", "header"]
)
def test_sample_exclude_file_without_names_excludes_none(
    model_file, tmp_path, capsys, text
):
    # A script's list of names to leave out may be empty (none given out yet).
    path = tmp_path / "given_out.csv"
    path.write_text(text, encoding="utf-8")
    argv = ["sample", model_file, "-n", "5", "--seed", "0"]
    status, out, _ = run(capsys, *argv, "--exclude-file", str(path))
    assert status == 0 and out == run(capsys, *argv)[1]
    assert len(out.splitlines()) == 5


# --------------------------------------------------------------------------- #
# Model files.
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize("command", [["sample"], ["score", "asha"], ["table", "ab"]])
def test_bad_model_files(tmp_path, model_file, capsys, command):
    name, *rest = command
    status, _, err = run(capsys, name, str(tmp_path / "missing.skops"), *rest)
    assert_one_line_error(status, err, "No such model file")

    garbage = tmp_path / "garbage.skops"
    garbage.write_bytes(b"this is not a model")
    status, _, err = run(capsys, name, str(garbage), *rest)
    assert_one_line_error(status, err, "not a skops file but a text file")
    binary = tmp_path / "binary.skops"
    binary.write_bytes(b"\x00\x01 not a model")
    status, _, err = run(capsys, name, str(binary), *rest)
    assert_one_line_error(status, err, "not a skops file", "--trust-pickle")

    truncated = tmp_path / "truncated.skops"
    with open(model_file, "rb") as f:
        truncated.write_bytes(f.read(200))
    status, _, err = run(capsys, name, str(truncated), *rest)
    assert_one_line_error(status, err, "corrupt, truncated")

    status, _, err = run(capsys, name, str(binary), *rest, "--trust-pickle")
    assert_one_line_error(status, err, "corrupt, truncated or not a model file")

    status, _, err = run(capsys, name, str(tmp_path), *rest)
    assert_one_line_error(status, err, "No such model file")


def test_a_model_file_that_is_not_a_name_model(tmp_path, capsys):
    path = save_model(
        LogisticRegression().fit([[0], [1]], [0, 1]), tmp_path / "lr.skops"
    )
    status, _, err = run(capsys, "sample", str(path))
    assert_one_line_error(status, err, "holds a LogisticRegression, not a model")

    fitted = Pipeline([("clf", LogisticRegression())]).fit([[0], [1]], [0, 1])
    path = save_model(fitted, tmp_path / "p.joblib")  # unfitted: never fitted, said
    status, _, err = run(capsys, "sample", str(path), "--trust-pickle")
    assert_one_line_error(
        status, err, "holds a Pipeline whose last step is a LogisticRegression, not"
    )


@pytest.mark.parametrize("bare", [True, False], ids=["bare", "in a pipeline"])
def test_a_model_of_another_package_gets_one_message_from_every_command(
    tmp_path, names_file, capsys, bare
):
    # plot --loss said "draw it with --tree or --distribution" of a scikit-learn
    # LogisticRegression, and train --resume that "a count model needs no
    # resuming": advice about sknextchar's own models, which fails if followed;
    # sample, plot --tree and train --resume each said another thing of it.
    lr = LogisticRegression().fit([[0], [1]], [0, 1])
    model = lr if bare else Pipeline([("scale", StandardScaler()), ("clf", lr)])
    path = str(save_model(model, tmp_path / "lr.skops"))
    picture = str(tmp_path / "p.png")
    errors = set()
    for argv in (
        ["sample", path], ["score", path, "asha"], ["classify", path, "asha"],
        ["table", path, "ab"], ["plot", path, "--loss", "-o", picture],
        ["plot", path, "--embeddings", "-o", picture],
        ["plot", path, "--tree", "a", "-o", picture],
        ["plot", path, "--distribution", "a", "-o", picture],
        ["train", names_file, "--resume", path, "-o", str(tmp_path / "m.skops")],
    ):  # fmt: skip
        status, _, err = run(capsys, *argv)
        assert_one_line_error(status, err)
        errors.add(err)
    kind = "" if bare else "Pipeline whose last step is a "
    assert errors == {
        f"sknextchar: error: {path!r} holds a {kind}LogisticRegression, not a model "
        "saved by 'sknextchar train' (a Pipeline of a ContextWindowTransformer and "
        "a CharEmbeddingMLPClassifier).\n"
    }
    assert sorted(os.listdir(tmp_path)) == ["lr.skops"]


class MyMLP(CharEmbeddingMLPClassifier):
    """A user's subclass of the package's MLP."""


def test_a_subclass_of_the_mlp_is_drawn(tmp_path, names, capsys):
    # plot --loss and --embeddings refused it as "a MyMLP, not a model saved by
    # 'sknextchar train'" (its class's module is not sknextchar's).
    clf = MyMLP(hidden_layer_sizes=(8,), max_iter=2, random_state=0)
    pipe = Pipeline([("windows", ContextWindowTransformer()), ("clf", clf)])
    path = str(save_model(pipe.fit(names[:40]), tmp_path / "sub.joblib"))
    for flag in ("--loss", "--embeddings"):
        picture = tmp_path / f"{flag[2:]}.png"
        argv = ["plot", path, flag, "--trust-pickle", "-o", str(picture)]
        status, out, err = run(capsys, *argv)
        assert status == 0, err
        assert picture.stat().st_size > 0


@pytest.mark.parametrize("kind", ["sampler", "pipeline", "frozen pipeline"])
def test_a_model_file_of_a_model_never_fitted(tmp_path, names_file, capsys, kind):
    # Saved from Python before its fit: train --resume printed a traceback, and
    # the other commands said "Call 'fit' with appropriate arguments".
    pipe = build_pipeline()
    model = {"sampler": NameSampler(pipe), "pipeline": pipe}.get(kind)
    path = str(save_model(model or FrozenEstimator(pipe), tmp_path / "u.skops"))
    picture = str(tmp_path / "u.png")
    for argv in (
        ["sample", path], ["score", path, "asha"], ["score", path, "--explain", "asha"],
        ["classify", path, "asha"], ["table", path, "ab"],
        ["plot", path, "--tree", "a", "-o", picture],
        ["plot", path, "--distribution", "a", "-o", picture],
        ["plot", path, "--embeddings", "-o", picture],
        ["plot", path, "--loss", "-o", picture],
    ):  # fmt: skip
        status, _, err = run(capsys, *argv)
        assert_one_line_error(
            status, err, f"error: {path!r} holds a ", "that was never fitted",
            "train one with 'sknextchar train NAMES_FILE -o MODEL'",
        )  # fmt: skip
        assert "Call 'fit'" not in err
    new = str(tmp_path / "new.skops")
    argv = ["train", names_file, "--resume", path, "--max-iter", "1", "-o", new]
    status, _, err = run(capsys, *argv)
    assert_one_line_error(
        status, err, f"continues the training of a trained model, and {path!r} "
        "holds a ", "train a new model without --resume",
    )  # fmt: skip
    assert sorted(p.name for p in tmp_path.iterdir()) == ["u.skops"]


# --------------------------------------------------------------------------- #
# score, table
# --------------------------------------------------------------------------- #
def test_score_ranks_names(model_file, capsys):
    status, out, err = run(capsys, "score", model_file, "xqzt", "asha", "Ravi")
    assert status == 0 and err == ""
    header, *rows = out.splitlines()
    assert header.split() == ["rank", "name", "log-likelihood", "per", "char", "train"]
    ranked = [row.split() for row in rows]
    assert [row[0] for row in ranked] == ["1", "2", "3"]
    totals = [float(row[2]) for row in ranked]
    assert totals == sorted(totals, reverse=True) and all(t < 0 for t in totals)
    assert ranked[-1][1] == "xqzt"  # the least plausible name last
    for row in ranked:  # per char = total / (letters + end marker)
        assert float(row[3]) == pytest.approx(float(row[2]) / (len(row[1]) + 1), 1e-2)


def test_score_by_per_char(model_file, capsys):
    status, out, _ = run(
        capsys, "score", model_file, "--by", "per-char", "ab", "abhishekam"
    )
    assert status == 0
    per_char = [float(row.split()[3]) for row in out.splitlines()[1:]]
    assert per_char == sorted(per_char, reverse=True)


def test_score_errors(model_file, capsys):
    status, _, err = run(capsys, "score", model_file, "asha", "zoë")
    assert_one_line_error(status, err, "outside the vocabulary ['ë']", "zoë")
    status, _, err = run(capsys, "score", model_file)
    assert_one_line_error(status, err, "required: NAME", usage=True)


def test_table_prints_the_lecture_table(model_file, capsys):
    status, out, err = run(capsys, "table", model_file, "abi")
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "next character after prefix 'abi' (context 'abi')"
    assert lines[1].split() == ["next", "T=0.5", "T=1", "T=2"]
    assert len(lines) == 2 + 27 + 1
    assert lines[-1].startswith("'-' is the end marker")
    columns = list(zip(*(map(float, line.split()[1:]) for line in lines[2:-1])))
    assert [sum(column) for column in columns] == pytest.approx([1, 1, 1], abs=2e-2)

    status, out, _ = run(
        capsys, "table", model_file, "", "--temperatures", "0", "inf", "--top", "3"
    )
    lines = out.splitlines()
    assert status == 0 and len(lines) == 5 + 1  # and the end marker's meaning
    assert lines[0] == "next character after prefix '' (context '---')"
    assert lines[1].split() == ["next", "T=0", "T=inf"]
    assert lines[2].split()[1] == "1.000"  # greedy: the most probable has it all


def test_table_errors(model_file, capsys):
    status, _, err = run(capsys, "table", model_file, "abi", "--temperatures", "-1")
    assert_one_line_error(
        status,
        err,
        "--temperatures: must be a float in the range [0.0, inf]",
        usage=True,
    )
    status, _, err = run(capsys, "table", model_file, "ab1")
    assert_one_line_error(status, err, "outside the vocabulary ['1']")
    status, _, err = run(capsys, "table", model_file, "abi", "--top", "0")
    assert_one_line_error(
        status, err, "--top: must be an int of at least 1", usage=True
    )


# --------------------------------------------------------------------------- #
# plot
# --------------------------------------------------------------------------- #
@pytest.mark.slow
@pytest.mark.parametrize(
    "picture",
    [
        ["--embeddings"],
        ["--loss"],
        ["--tree", "a"],
        ["--tree", ""],
        ["--distribution", "abi"],
    ],
)
def test_plot_writes_a_png(model_file, tmp_path, capsys, picture):
    path = tmp_path / "picture.png"
    status, out, err = run(capsys, "plot", model_file, *picture, "-o", str(path))
    assert status == 0 and err == ""
    assert path.read_bytes()[:8] == PNG_MAGIC
    assert f"Wrote {str(path)!r}." in out


def test_plot_errors(model_file, tmp_path, capsys):
    status, _, err = run(capsys, "plot", model_file, "-o", str(tmp_path / "x.png"))
    assert_one_line_error(status, err, "one of the arguments --embeddings", usage=True)

    status, _, err = run(
        capsys, "plot", model_file, "--embeddings", "--loss", "-o", "x.png"
    )
    assert_one_line_error(status, err, "not allowed with argument", usage=True)

    missing = str(tmp_path / "no" / "x.png")
    status, _, err = run(capsys, "plot", model_file, "--loss", "-o", missing)
    assert_one_line_error(status, err, "no such folder")
    assert "Create the folder first" in err  # what to do, not only what failed

    status, _, err = run(
        capsys, "plot", model_file, "--loss", "-o", str(tmp_path / "x.nosuchformat")
    )
    assert_one_line_error(status, err, "nosuchformat")

    status, _, err = run(
        capsys, "plot", model_file, "--tree", "a1", "-o", str(tmp_path / "x.png")
    )
    assert_one_line_error(status, err, "outside the vocabulary")


# --------------------------------------------------------------------------- #
# --help, --version, the main job, the entry points
# --------------------------------------------------------------------------- #
def test_version(capsys):
    status, out, _ = run(capsys, "--version")
    assert status == 0 and out == f"sknextchar {__version__}\n"


@pytest.mark.parametrize(
    "command, flags",
    [
        ("train", TRAIN_FLAGS),
        ("sample", SAMPLER_FLAGS),
        ("score", ()),
        ("table", ()),
        ("plot", ()),
    ],
)
def test_help_lists_flags_with_their_defaults(capsys, command, flags):
    status, out, _ = run(capsys, command, "--help")
    assert status == 0 and out.startswith(f"usage: sknextchar {command}")
    text = " ".join(out.split())  # argparse wraps lines anywhere
    for flag in flags:
        assert flag.flag in text
        if flag.const is not None:  # a switch: the parameter it changes
            assert f"(default: {flag.param}={flag.default})" in text
        else:
            assert f"(default: {show_default(flag.default)})" in text
    assert "-h, --help" in text


def test_help_defaults_come_from_the_signatures(capsys):
    _, out, _ = run(capsys, "train", "--help")
    text = " ".join(out.split())
    expected = "--embedding-dim N numbers in each character's embedding (default: 10)"
    assert expected in text
    assert "(default: 500)" in text and "(default: 0.005)" in text
    _, out, _ = run(capsys, "sample", "--help")
    text = " ".join(out.split())
    assert "(default: 1.0)" in text and "(default: 20)" in text


def test_top_level_help(capsys):
    status, out, _ = run(capsys, "--help")
    assert status == 0
    for command in ("train", "sample", "score", "table", "plot"):
        assert command in out
    assert "Without arguments" in out


def test_unknown_command(capsys):
    status, _, err = run(capsys, "fly")
    # Before: "argument COMMAND: invalid choice: 'fly' (choose from ...)", 160
    # characters; now what was typed and the commands, in one look.
    assert_one_line_error(status, err, "unknown command 'fly' (the com", usage=True)
    assert "did you mean" not in err and len(err) < 110  # the six commands
    status, _, err = run(capsys, "smaple", "m.skops")  # a typo: the command meant
    assert_one_line_error(status, err, "; did you mean 'sample'?", usage=True)
    assert len(err) < 80 and "'smaple'" in err
    # argparse's own guess (Python 3.14's suggest_on_error) is not added to it
    assert err.count("mean") == 1
    assert all(parser.suggest_on_error is False for parser in _parsers(build_parser()))


def _parsers(parser):
    """``parser`` and the parsers of its commands."""
    commands = [] if parser.commands is None else parser.commands.choices.values()
    return [parser, *commands]


@pytest.mark.slow
def test_main_job(monkeypatch, names, capsys):
    # The real job trains on the 15,074 bundled names (about 20 s); the same
    # code runs here on 201 of them.
    monkeypatch.setattr(
        "sknextchar.cli._commands.load_indian_names", lambda: list(names)
    )
    status, out, err = run(capsys)
    assert status == 0
    assert "training the default model on the 201 bundled Indian names" in err
    n_epochs = len([line for line in err.splitlines() if line.startswith("epoch")])
    lines = out.splitlines()
    assert lines[0].startswith(f"Trained on 180 names for {n_epochs} epochs in ")
    assert lines[1].startswith("Held-out NLL: ")
    assert lines[2] == (
        "20 distinct new names of 4 to 10 letters, none of them in the training set:"
    )
    new = [line.strip() for line in lines[3:23]]
    assert len(set(new)) == 20 and not set(new) & set(names)
    assert all(4 <= len(name) <= 10 and name.isalpha() for name in new)
    # Reproducible: the main job is seeded (only the time taken may differ).
    assert run(capsys)[1].splitlines()[1:] == lines[1:]


def test_main_job_names_are_distinct(monkeypatch, names, capsys):
    # 200 new names from a model of 201: drawn without unique=True, some repeat.
    monkeypatch.setattr(
        "sknextchar.cli._commands.load_indian_names", lambda: list(names)
    )
    monkeypatch.setattr("sknextchar.cli._commands.MAIN_JOB_N_NAMES", 200)
    status, out, _ = run(capsys)
    assert status == 0
    lines = out.splitlines()
    assert lines[2].startswith("200 distinct new names")
    new = [line.strip() for line in lines[3:203]]
    assert len(set(new)) == 200 and not set(new) & set(names)


def run_progress(console, scores=((2.5, -2.25), (2.0, -2.1)), early_stopping=True):
    """Drive an EpochProgress through a fit's hooks, as a classifier would."""
    progress = EpochProgress("Training...", console=console)
    clf = SimpleNamespace(
        max_iter=3, early_stopping=early_stopping, loss_curve_=[], validation_scores_=[]
    )
    fit, epoch = SimpleNamespace(task_name="fit"), SimpleNamespace(task_name="epoch")
    progress.setup(clf, fit)
    progress.on_fit_task_begin(clf, fit)
    for loss, score in scores:
        clf.loss_curve_.append(loss)
        if early_stopping:
            clf.validation_scores_.append(score)
        progress.on_fit_task_begin(clf, epoch)
        assert progress.on_fit_task_end(clf, epoch) is False  # never stops training
    progress.on_fit_task_end(clf, fit)  # the end of fit is no epoch
    progress.teardown(clf, fit)


def test_progress_is_a_scikit_learn_fit_callback():
    assert isinstance(EpochProgress(), FitCallback)


def test_progress_on_a_terminal_is_a_rich_bar():
    stream = io.StringIO()
    run_progress(Console(file=stream, force_terminal=True, width=120))
    text = stream.getvalue()
    assert text.startswith("Training...")
    assert "\x1b[" in text  # drawn in place, with terminal control codes
    assert "epoch 2/3" in text and "━" in text  # the bar itself
    assert "loss 2.0000  held-out NLL 2.1000" in text


def test_progress_in_a_log_is_one_line_per_epoch():
    stream = io.StringIO()
    run_progress(Console(file=stream, width=40))  # no wrapping at 40 columns
    lines = stream.getvalue().splitlines()
    assert lines[0] == "Training..."
    assert lines[1].startswith("epoch 1/3  loss 2.5000  held-out NLL 2.2500  0 s")
    assert lines[2].startswith("epoch 2/3  loss 2.0000  held-out NLL 2.1000")
    assert len(lines) == 3 and "\x1b[" not in stream.getvalue()

    stream = io.StringIO()
    run_progress(Console(file=stream), early_stopping=False)
    assert "held-out" not in stream.getvalue()
    assert stream.getvalue().count("epoch") == 2


def test_progress_is_shared_by_copies_and_pickles_without_its_display():
    # A classifier may snapshot its state (deepcopy) or be sent to a worker
    # (pickle) with its callbacks: the live display is neither copied nor sent.
    progress = EpochProgress("Training...")
    console = Console(file=io.StringIO(), force_terminal=True)
    progress.console = console
    fit = SimpleNamespace(task_name="fit")
    clf = SimpleNamespace(max_iter=2)
    progress.setup(clf, fit)
    try:
        assert copy.deepcopy(progress) is progress
        sent = pickle.loads(pickle.dumps(progress))
    finally:
        progress.teardown(clf, fit)
    assert (sent.header, sent.console) == ("Training...", None)


def test_progress_is_cleared_when_training_fails(names_file, tmp_path, capsys):
    # An error inside fit (alphabet checked when fitting) still ends the display
    # and leaves one error line; the next training starts from a clean classifier.
    status, _, err = run(
        capsys, "train", names_file, *TINY, "--alphabet", "abca", "-o", "m.skops"
    )
    assert_one_line_error(status, err, "repeated characters")
    path = tmp_path / "m.skops"
    status, _, err = run(capsys, "train", names_file, *TINY, "-o", str(path))
    assert status == 0 and err.count("epoch 1/2") == 1


def test_missing_optional_dependencies_are_named():
    error = ImportError("No module named 'skops'", name="skops")
    assert SKOPS_INSTALL in error_message(error)  # as an old skops's refusal says
    error = ImportError("No module named 'matplotlib'", name="matplotlib")
    assert "python -m pip install matplotlib" in error_message(error)
    error = ImportError("No module named 'other'", name="other")
    assert error_message(error) == "No module named 'other'"


def test_python_dash_m_runs_the_same_main():
    result = subprocess.run(
        [sys.executable, "-m", "sknextchar", "sample", "no-such-model.skops"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1 and result.stdout == ""
    expected = "sknextchar: error: No such model file: 'no-such-model.skops'.\n"
    assert result.stderr == expected


@pytest.mark.parametrize("chunks", [[], ["--chunk-size", "100"]])
def test_count_model_flags_are_refused_for_the_mlp(tmp_path, capsys, chunks):
    names = tmp_path / "names.txt"
    names.write_text("asha\nravi\nsita\n")
    status, _, err = run(
        capsys, "train", str(names), "--order", "4", "--add-k", "1", *chunks,
        *TINY, "-o", str(tmp_path / "m.skops"),
    )  # fmt: skip
    assert_one_line_error(status, err, "--order, --add-k set the count model")
    assert not (tmp_path / "m.skops").exists()


@pytest.mark.parametrize("prefix", ["ab", "abcdefghijklmnopqrstuvwxyz"])
def test_table_shows_the_models_own_probabilities(model_file, capsys, prefix):
    # Longer than any training name: the length bounds of sampling do not apply.
    status, out, _ = run(capsys, "table", model_file, prefix, "--temperatures", "1")
    assert status == 0
    rows = dict(line.split() for line in out.splitlines()[2:-1])
    pipe = load_model(model_file).estimator_.estimator
    windows = pipe[0].transform([prefix])
    proba = pipe[-1].predict_proba(windows.contexts[-1:])[0]
    for symbol, p in zip(pipe[0].vocabulary_, proba):
        assert float(rows[symbol]) == pytest.approx(p, abs=6e-4)


def test_cli_advice_is_in_flags_not_python(tmp_path, capsys, model_file):
    one = tmp_path / "one.txt"
    one.write_text("asha\n")
    output = str(tmp_path / "m.skops")
    status, _, err = run(capsys, "train", str(one), *TINY, "-o", output)
    assert_one_line_error(status, err, "or --validation-fraction 0")
    assert "early_stopping" not in err
    status, out, _ = run(
        capsys, "train", str(one), "--model", "kneser-ney", "-o", output
    )
    assert status == 0 and "Held-out NLL: none; too few distinct names (1)" in out
    for flag in ("--embeddings", "--loss"):  # a count model has neither
        status, _, err = run(capsys, "plot", output, flag, "-o", f"{output}.png")
        assert_one_line_error(status, err, f"{flag} draws an MLP model")
    status, _, err = run(capsys, "sample", model_file, "--label", "female")
    assert_one_line_error(status, err, "train it with 'sknextchar train NAMES_FILE")
    assert "NameSampler(" not in err


def test_parameters_named_in_messages_are_spelled_as_flags(
    names_file, tmp_path, capsys
):
    output = str(tmp_path / "m.skops")
    status, _, err = run(
        capsys, "train", names_file, "--end-symbol", "ab", "-o", output
    )
    assert_one_line_error(status, err, "--end-symbol must be one character")
    assert "end_symbol" not in err


def test_unique_is_spelled_as_its_flag(model_file, capsys):
    status, _, err = run(
        capsys, "sample", model_file, "-n", "3", "--temperature", "0", "--unique"
    )
    assert_one_line_error(status, err, "--unique asks for 3 distinct names")


def test_the_bundled_names_are_inputs_never_overwritten(capsys):
    from sknextchar.datasets._bundled import bundled_files

    for bundled in bundled_files():
        before = Path(bundled).read_bytes()
        status, _, err = run(
            capsys, "train", "--model", "kneser-ney", "-o", bundled, "--force"
        )
        assert_one_line_error(status, err, "one of the input files")
        assert Path(bundled).read_bytes() == before


def test_an_output_ending_in_a_separator_is_a_missing_folder(tmp_path, capsys):
    target = str(tmp_path / "newdir") + "/"
    status, _, err = run(capsys, "train", "--model", "kneser-ney", "-o", target)
    assert_one_line_error(status, err, "no such folder (a path ending in a separator")
    assert not (tmp_path / "newdir").exists()


def test_a_count_model_without_seed_says_its_held_out_nll_is_drawn(tmp_path, capsys):
    # The saved count model is the same each run; its held-out names are not,
    # so the report of the same command changes: it says so, and how to fix it.
    names = tmp_path / "n.txt"
    names.write_text("".join(f"{a}{b}na\n" for a in "abcdefgh" for b in "aeiou"))
    argv = ["train", str(names), "--model", "kneser-ney", "--force"]
    scores = []
    for seed in ([], ["--seed", "0"]):
        output = str(tmp_path / f"m{len(seed)}.skops")
        status, out, _ = run(capsys, *argv, *seed, "-o", output)
        assert status == 0
        drawn = "drawn at random: --seed N holds out the same names each run"
        assert (drawn in out) == (not seed)
        scores.append(load_model(output).score_samples(["bana", "zzz"]).tolist())
    assert scores[0] == scores[1]
