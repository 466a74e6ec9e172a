"""A pandas table, a 2-D array, a dict or a generator where ``exclude`` or
``sample_report`` take a list of names; a missing value in them.

A loop over a DataFrame reads its column labels, which are str: ``exclude=df``
excluded the names "name", "sex", ... and ``sample_report(samples, df[["name"]])``
compared the samples with the one training name "name", without an error. A NaN
in ``exclude`` was placed as ``exclude[81]`` (in pandas the index label 81, another
row) and in ``train`` not at all ("train must hold str names; got nan.").
"""

import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar._validation import MissingValueError
from sknextchar.metrics import sample_report

pd = pytest.importorskip("pandas")

NAMES = ["asha", "ravi", "kiran", "kavi", "karan", "meena", "uma", "gopal"]
# A table as a user has it: a name column among others, an index not 0..n-1.
TABLE = pd.DataFrame(
    {"name": NAMES, "sex": list("fmmmmffm"), "count": range(1, 9)},
    index=[7, 3, 11, 0, 5, 2, 9, 4],
)


@pytest.fixture(scope="module")
def sampler():
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    return NameSampler(pipe).fit(NAMES)


def _draw(sampler, call, exclude):
    if call == "sample":
        return sampler.sample(5, exclude=exclude, random_state=0)
    return sampler.most_likely(5, exclude=exclude)


@pytest.mark.parametrize("call", ["sample", "most_likely"])
@pytest.mark.parametrize("columns", [["name"], ["name", "sex", "count"]])
def test_a_dataframe_as_exclude_is_refused_with_its_column_to_pass(
    sampler, call, columns
):
    with pytest.raises(ValueError) as caught:
        _draw(sampler, call, TABLE[columns])
    message = str(caught.value)
    assert message.startswith(
        f"Expected 1-D input of names for exclude; got a DataFrame of shape "
        f"(8, {len(columns)})"
    )
    assert "with single brackets: exclude=X['name']" in message
    # Its column, the Series, is what excludes the names.
    drawn = _draw(sampler, call, TABLE["name"])
    assert not set(drawn) & set(NAMES)


def test_a_two_dimensional_array_as_exclude_is_refused(sampler):
    with pytest.raises(ValueError, match=r"exclude=X\[:, 0\]"):
        sampler.sample(5, exclude=np.array(NAMES)[:, None], random_state=0)


def test_a_missing_name_in_exclude_is_placed_by_position_and_label(sampler):
    column = TABLE["name"].astype(object)
    column.iloc[2] = np.nan  # the index label at position 2 is 11
    with pytest.raises(MissingValueError) as caught:
        sampler.sample(5, exclude=column, random_state=0)
    assert str(caught.value) == (
        "Input exclude contains NaN: exclude.iloc[2] (position 2, index label 11) "
        "= nan is a missing value; remove it from exclude, or put a name in its "
        "place."
    )


def test_a_name_hidden_by_a_mask_is_a_missing_name(sampler):
    # A masked array's hidden element was "exclude[2] is None
    # (MaskedConstant), not a str: flatten exclude", as if it were nested.
    masked = np.ma.array(NAMES, mask=np.arange(len(NAMES)) == 2)
    said = "contains masked: {0}\\[2\\] = masked is a missing value; remove it from {0}"
    with pytest.raises(MissingValueError, match=said.format("exclude")):
        sampler.sample(5, exclude=masked, random_state=0)
    with pytest.raises(MissingValueError, match=said.format("train")):
        sample_report(["asha"], masked)


@pytest.mark.parametrize("which", ["samples", "train", "test"])
@pytest.mark.parametrize("kind", ["frame", "array"])
def test_a_table_given_to_sample_report_is_refused_by_its_parameter(
    sampler, which, kind
):
    table = TABLE[["name"]] if kind == "frame" else TABLE[["name"]].to_numpy()
    args = {"samples": ["asha", "rani"], "train": sampler, "test": ["rani"]}
    args[which] = table
    with pytest.raises(ValueError) as caught:
        sample_report(args["samples"], args["train"], args["test"])
    message = str(caught.value)
    assert message.startswith(f"Expected 1-D input of names for {which}; got a")
    pass_as = f"{which}=X['name']" if kind == "frame" else f"{which}=X[:, 0]"
    assert pass_as in message


def test_a_missing_training_name_is_placed_and_told_what_to_do():
    column = TABLE["name"].astype(object)
    column.iloc[2] = np.nan
    with pytest.raises(MissingValueError) as caught:
        sample_report(["asha"], column)
    assert str(caught.value) == (
        "Input train contains NaN: train.iloc[2] (position 2, index label 11) = "
        "nan is a missing value; remove it from train, or put a name in its place."
    )
    with pytest.raises(TypeError, match=r"^test\[1\] is 3 \(int\), not a str"):
        sample_report(["asha"], NAMES, test=["uma", 3])


def test_a_dict_of_names_is_refused_rather_than_read_by_its_keys():
    counts = dict(zip(NAMES, range(1, 9)))  # name: count
    with pytest.raises(TypeError, match=r"got a dict: .* list\(train\) for its keys"):
        sample_report(["asha"], counts)


def test_names_given_as_generators_are_read_once_each():
    # train was read once to find the training names and again for the
    # lengths of those that start with the prefix: "train is empty".
    samples = ["kavi", "karan", "kamal", "kanti"]
    as_list = sample_report(samples, NAMES, ["kamal"], prefix="ka")
    as_generators = sample_report(
        iter(samples), iter(NAMES), iter(["kamal"]), prefix="ka"
    )
    assert as_generators == as_list
    assert (as_list.in_train, as_list.in_test) == (0.5, 0.25)
