"""NameSampler's messages on a prefix name it as the call was given it."""

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar.cli import main

NAMES = ["asha", "uma", "ravi", "mira", "rahul"]


@pytest.fixture(scope="module")
def sampler():
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    return NameSampler(pipe).fit(NAMES)


@pytest.mark.parametrize("call", ["sample", "temperature_table"])
def test_one_prefix_is_named_by_its_argument(sampler, call):
    with pytest.raises(ValueError, match=r"in prefix='ra1'\. ") as caught:
        if call == "sample":
            sampler.sample(2, prefix="ra1", random_state=0)
        else:
            sampler.temperature_table("ra1")
    assert "prefixes" not in str(caught.value)


def test_the_command_line_still_names_the_flag(tmp_path, capsys):
    names = tmp_path / "names.txt"
    names.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    model = str(tmp_path / "model.skops")
    assert main(["train", str(names), "--model", "kneser-ney", "-q", "-o", model]) == 0
    assert main(["sample", model, "--prefix", "ra1", "-n", "2"]) == 1
    assert "in --prefix ra1." in capsys.readouterr().err
    assert main(["table", model, "ra1"]) == 1
    assert "in CONTEXT 'ra1'" in capsys.readouterr().err


def _prefix_call(sampler, call, prefix):
    """Give ``prefix`` to ``call`` of a fitted ``sampler`` (its argument name
    too: plot_temperature calls it context)."""
    import matplotlib

    matplotlib.use("Agg")
    from sknextchar.metrics import sample_report
    from sknextchar.plotting import plot_generation_tree, plot_temperature

    calls = {
        "sample": lambda: sampler.sample(2, prefix=prefix, random_state=0),
        "plot_generation_tree": lambda: plot_generation_tree(sampler, prefix=prefix),
        "sample_report": lambda: sample_report(["asha"], sampler, prefix=prefix),
        "sample_report of a list": lambda: sample_report(
            ["ravi"], ["ravi", "asha"], prefix=prefix
        ),
        "plot_temperature": lambda: plot_temperature(sampler, prefix),
    }
    return calls[call]()


@pytest.mark.parametrize(
    "call", ["sample", "plot_generation_tree", "sample_report", "plot_temperature"]
)
@pytest.mark.parametrize(
    "prefix, words",
    [
        (
            3,
            "is 3 (int), not a str: give the start of a name as a str, or '' for none.",
        ),
        (
            b"ra",
            "is b'ra' (bytes), not a str: decode it with .decode(), or give '' "
            "for none.",
        ),  # fmt: skip
        (
            None,
            "is None (NoneType), not a str: give the start of a name as a str, or "
            "'' for none.",
        ),  # fmt: skip
    ],
)
def test_a_prefix_of_another_type_is_said_alike_everywhere(
    sampler, call, prefix, words
):
    # The tree said "prefix must be a str; got int.", the report "prefix must
    # be a str ('' for none); got 3." and plot_temperature "context must be a
    # str; got int.", while sample said what it is and what to do.
    argument = "context" if call == "plot_temperature" else "prefix"
    with pytest.raises(TypeError) as caught:
        _prefix_call(sampler, call, prefix)
    assert str(caught.value) == f"{argument} {words}"


@pytest.mark.parametrize(
    "call",
    ["sample", "plot_generation_tree", "sample_report", "sample_report of a list"],
)
def test_a_prefix_of_two_lines_is_refused_alike_everywhere(sampler, call):
    # sample_report took it; the tree called the line feed a symbol outside
    # the vocabulary. (With a list as train, the report said the samples do
    # not start with it, and to draw them with sample(n, prefix='ra\nvi'),
    # which refuses it.) (plot_temperature's context still does: the command
    # line's plot --distribution names its flag so.)
    with pytest.raises(ValueError) as caught:
        _prefix_call(sampler, call, "ra\nvi")
    assert str(caught.value) == (
        "prefix is 'ra\\nvi', which holds a line break; a prefix is the start of "
        "one name: remove the line break."
    )
