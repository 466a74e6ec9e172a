"""Messages of the Python API that a data scientist's afternoon found wrong, in
``NameSampler`` and ``load_names``.

``sample(label=..., match_lengths=True)`` for a label the sampler was given no
names of drew names until the rounds gave up and advised a higher temperature,
and ``novel=True`` let the model's training names of that label through;
``NameSampler.score`` asked for ``label=`` where it takes ``y``; and
``load_names`` with ``counts_column`` naming the column of names said that the
file had no such column.
"""

import pytest
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    PerLabelClassifier,
)
from sknextchar.datasets import load_names

NAMES = ["anna", "emma", "olivia", "ava", "liam", "noah", "lucas"]
LABELS = ["F"] * 4 + ["M"] * 3


def labelled_pipe():
    return make_pipeline(
        ContextWindowTransformer(), PerLabelClassifier(KneserNeyClassifier())
    )


@pytest.fixture
def part_sampler(monkeypatch):
    """A FrozenEstimator's sampler fitted on the names of label 'F' only."""
    pipe = labelled_pipe().fit(NAMES, LABELS)
    return NameSampler(FrozenEstimator(pipe)).fit(NAMES[:4], LABELS[:4])


@pytest.mark.usefixtures("no_drawing")
@pytest.mark.parametrize(
    "kwargs, consequence, instead",
    [
        ({"match_lengths": True},
         "so match_lengths cannot match the lengths of label 'M'",
         "or leave match_lengths=False"),
        ({"novel": True},
         "so novel=True cannot leave out the training names of label 'M'",
         "or leave novel=False."),
    ],
)  # fmt: skip
def test_a_label_without_training_names_is_refused_before_drawing(
    part_sampler, kwargs, consequence, instead
):
    with pytest.raises(ValueError) as caught:
        part_sampler.sample(2, label="M", random_state=0, **kwargs)
    message = str(caught.value)
    assert message.startswith(
        "This NameSampler was given no training names of label 'M'"
    )
    assert consequence in message and instead in message
    assert "fit it on names that include some of label 'M'" in message
    assert "temperature" not in message


def test_a_label_with_training_names_samples_as_before(part_sampler):
    names = part_sampler.sample(
        3, label="F", match_lengths=True, novel=True, random_state=0
    )
    assert len(names) == 3 and not set(names) & set(NAMES[:4])
    # Without the label's names, plain sampling of it still works.
    assert len(part_sampler.sample(2, label="M", random_state=0)) == 2
    # A sampler fitted without labels keeps novel=True by label, as before.
    unlabelled = NameSampler(FrozenEstimator(labelled_pipe().fit(NAMES, LABELS)))
    unlabelled.fit(NAMES)
    assert len(unlabelled.sample(2, label="M", novel=True, random_state=0)) == 2


def test_score_asks_for_y_and_the_label_methods_for_label():
    sampler = NameSampler(labelled_pipe()).fit(NAMES, LABELS)
    with pytest.raises(ValueError) as score:
        sampler.score(NAMES)
    labels = sorted(set(LABELS))
    assert f"pass y, one label per name, each one of {labels!r}." in str(score.value)
    assert "label=" not in str(score.value)
    with pytest.raises(ValueError, match=r"pass label=\.\.\., one of them"):
        sampler.score_samples(NAMES)
    assert sampler.score(NAMES, LABELS) < 0
    plain = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    unlabelled = NameSampler(plain).fit(NAMES)
    with pytest.raises(ValueError, match=r"^y was given, .* or leave y=None\.$"):
        unlabelled.score(NAMES, LABELS)
    with pytest.raises(ValueError, match=r"^label='F' was given, .* by label\.$"):
        unlabelled.score_samples(NAMES, label="F")


@pytest.mark.parametrize(
    "header, suggested",
    [
        ("name,count", " (counts_column='count')"),
        ("name,sex,Count", " (counts_column='Count')"),
        ("name,sex,year", ""),  # no column headed as counts: none suggested
        ("name,count,n", ""),  # two: neither
    ],
)
def test_counts_column_naming_the_names_says_so(tmp_path, header, suggested):
    path = tmp_path / "c.csv"
    cells = ",".join(["1"] * header.count(","))
    path.write_text(f"{header}\nAnna,{cells}\nLiam,{cells}\n", encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        load_names(path, names_column="name", counts_column="Name")
    assert str(caught.value) == (
        f"counts_column='Name' names the column of names of {str(path)!r}, whose "
        f"header is {header!r}: pass the column of counts{suggested}, another column."
    )
