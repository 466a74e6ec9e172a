"""own_class: the package's classes told by name, as the checks that cannot
import them ask (a loaded model's state, a Checkpoint's fields, the command
line's refusal of another package's model)."""

from sklearn.frozen import FrozenEstimator
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, PerLabelClassifier
from sknextchar._members import fills_label_names
from sknextchar._own_classes import own_class
from sknextchar._state_checks import fitted_state_problem


class UsersLabels(PerLabelClassifier):
    """A user's subclass: still the package's class by its parents."""


# Another package's class that happens to share the name.
ForeignLabels = type("PerLabelClassifier", (), {"__module__": "other.models"})


def test_a_subclass_is_told_as_the_package_class_it_inherits():
    assert own_class(UsersLabels(), {"PerLabelClassifier"}) is PerLabelClassifier
    assert own_class(UsersLabels()) is PerLabelClassifier  # not the test module
    assert fills_label_names(UsersLabels())


def test_another_package_s_class_of_the_same_name_is_not_the_package_s():
    assert own_class(ForeignLabels(), {"PerLabelClassifier"}) is None
    assert own_class(ForeignLabels()) is None
    assert not fills_label_names(ForeignLabels())


def test_only_the_names_asked_for_are_found():
    transformer = ContextWindowTransformer()
    assert own_class(transformer, {"NameSampler"}) is None
    assert own_class(transformer, {"ContextWindowTransformer": 1}) is not None
    assert own_class(FrozenEstimator(transformer)) is None  # a wrapper: not unwrapped
    assert own_class(make_pipeline(LogisticRegression())) is None


def test_the_state_of_a_subclass_is_checked_as_its_parent_s():
    transformer = type("Mine", (ContextWindowTransformer,), {})().fit(["abid"])
    assert fitted_state_problem(transformer) is None
    transformer.unit_ = "word"
    assert fitted_state_problem(transformer) == (
        "its unit_ 'word' is not 'char' or 'grapheme'"
    )
