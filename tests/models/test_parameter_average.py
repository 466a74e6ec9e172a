"""Polyak averaging of CharEmbeddingMLPClassifier (``average``): the fitted
parameters are the bias-corrected moving average of those after every step."""

import warnings

import numpy as np
import pytest
from sklearn.exceptions import ConvergenceWarning

from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
from sknextchar.datasets import load_indian_names
from sknextchar.nn import training
from sknextchar.nn.training import ParameterAverage

NAMES = load_indian_names()[::200]


def small(**params):
    return CharEmbeddingMLPClassifier(
        embedding_dim=4, hidden_layer_sizes=(8,), batch_size=64, max_iter=2,
        learning_rate="constant", random_state=0, **params,
    )  # fmt: skip


def flat(clf):
    """The parameters in the order of the training buffer."""
    arrays = (clf.embeddings_, *clf.coefs_, *clf.intercepts_)
    return np.concatenate([a.ravel() for a in arrays])


def record_steps(monkeypatch):
    """A list that gets the parameters after every training step from now on."""
    trajectory, step = [], training.MinibatchTrainer.step

    def recording_step(self, *args, **kwargs):
        value = step(self, *args, **kwargs)
        trajectory.append(self.workspace.flat.astype(np.float64))
        return value

    monkeypatch.setattr(training.MinibatchTrainer, "step", recording_step)
    return trajectory


def moving_average(trajectory, decay):
    """The bias-corrected exponential moving average, written out as weights."""
    ages = np.arange(len(trajectory))[::-1]
    weights = (1 - decay) * decay**ages
    return np.tensordot(weights, np.array(trajectory), axes=1) / weights.sum()


def test_parameter_average_is_the_decayed_mean_of_the_steps():
    rng = np.random.RandomState(0)
    trajectory = [rng.randn(5) for _ in range(7)]
    average = ParameterAverage(trajectory[0], decay=0.7)
    before = np.zeros(5)
    assert (average.copy_to(before) == 0).all()  # nothing to average yet
    for params in trajectory:
        average.update(params)
    got = average.copy_to(np.zeros(5))
    np.testing.assert_allclose(got, moving_average(trajectory, 0.7), rtol=1e-12)


def test_fitted_parameters_are_the_average_of_the_steps(monkeypatch):
    windows = ContextWindowTransformer(context_length=3).fit_transform(NAMES)
    trajectory = record_steps(monkeypatch)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        plain = small().fit(windows)
    last, steps = trajectory[-1], list(trajectory)
    trajectory.clear()
    averaged = small(average=0.9).fit(windows)
    # The same run (averaging draws no random numbers), then its average.
    np.testing.assert_array_equal(np.concatenate(trajectory), np.concatenate(steps))
    expected = moving_average(steps, 0.9)
    np.testing.assert_allclose(flat(averaged), expected, rtol=1e-5, atol=1e-6)
    np.testing.assert_array_equal(flat(plain), last)  # None: the last step's
    assert not np.allclose(flat(averaged), last)


def test_constant_rate_with_average_ends_as_planned():
    windows = ContextWindowTransformer(context_length=3).fit_transform(NAMES)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ConvergenceWarning)
        small(average=0.99).fit(windows)
    with pytest.warns(ConvergenceWarning):
        small().fit(windows)


def test_average_with_early_stopping_says_which_to_drop():
    windows = ContextWindowTransformer(context_length=3).fit_transform(NAMES)
    with pytest.raises(ValueError, match="average=0.99 cannot be combined with "
                       "early_stopping=True.*Pass average=None or "
                       "early_stopping=False"):  # fmt: skip
        small(average=0.99, early_stopping=True).fit(windows)


def test_each_partial_fit_call_ends_with_the_average_of_its_steps(monkeypatch):
    windows = ContextWindowTransformer(context_length=3).fit_transform(NAMES)
    clf = small(average=0.9).partial_fit(windows)
    trajectory = record_steps(monkeypatch)
    clf.partial_fit(windows)
    expected = moving_average(trajectory, 0.9)  # the second call's steps only
    np.testing.assert_allclose(flat(clf), expected, rtol=1e-5, atol=1e-6)
