"""NameLabelClassifier(estimator=None) spells the advice of its default
pipeline's steps as that pipeline's parameters: a step's own message only, by
its own parameters, and the setting it advises is the one the step named."""

import re

import pytest
from sklearn.model_selection import KFold

from sknextchar import NameLabelClassifier, make_default_pipeline

NAMES = ["asha", "ravi", "uma", "gita", "anil", "mohan"]


def fit_error(names, labels, **params):
    with pytest.raises(ValueError) as caught:
        NameLabelClassifier(**params).fit(names, labels)
    return str(caught.value)


def test_its_own_advice_is_not_spelled_as_a_steps():
    # shuffle=True of a splitter was read as the MLP's shuffle: "cv=
    # StratifiedGroupKFold(n_splits, clf__shuffle=True)", and the pipeline
    # set_params(clf__shuffle=True) was advised.
    labels = ["f", "f", "f", "m", "m", "m"]
    with pytest.warns(UserWarning, match="groups parameter is ignored"):
        message = fit_error(NAMES, labels, calibration="temperature", cv=KFold(2))
    assert "StratifiedGroupKFold(n_splits, shuffle=True)" in message, message
    assert "clf__" not in message and "default pipeline" not in message


def test_the_setting_advised_is_the_steps_not_a_names():
    # The first "x__y=" of the message was advised, here the user's name's.
    name = "x windows__unit=char"
    message = fit_error(["asha", "ravi", name], ["f", "m", "f"])
    assert f"names[2]={name!r}" in message, message
    assert message.endswith(
        "estimator=make_default_pipeline().set_params(windows__alphabet='auto')."
    )


ADVICE = "estimator=make_default_pipeline().set_params(windows__alphabet='auto')."


def calibration_errors(name):
    """The message of a calibrated fit with ``name`` at each position of the
    names: in a fold's training names (its fit) or in its held-out names."""
    messages = []
    for position in range(len(NAMES)):
        names = list(NAMES)
        names[position] = name
        labels = ["f", "m"] * 3
        messages.append(fit_error(names, labels, calibration="temperature", cv=2))
    return messages


@pytest.mark.parametrize("name", ["zoë", "иван", "\u0301abc"])
def test_the_advice_is_spelled_wherever_a_calibration_meets_the_name(name):
    # A name met while a fold's held-out names were scored, not fitted, was
    # advised alphabet='auto', no parameter of NameLabelClassifier.
    for position, message in enumerate(calibration_errors(name)):
        assert message.endswith(ADVICE), (position, message)
        assert " alphabet='auto'" not in message, (position, message)


@pytest.mark.filterwarnings("ignore:The calibration found")  # 6 names, no more
def test_the_advice_of_a_calibration_can_be_followed():
    advised = {
        re.search(r"set_params\((\w+)='(\w+)'\)\.$", message).groups()
        for message in calibration_errors("zoë")
    }
    assert len(advised) == 1, advised  # the same, wherever the name is
    estimator = make_default_pipeline().set_params(**dict(advised))
    model = NameLabelClassifier(estimator, calibration="temperature", cv=2)
    model.fit(["zoë", *NAMES[1:]], ["f", "m"] * 3)
    assert model.classes_.tolist() == ["f", "m"]
