"""Where shared pieces live: the import edges the structure review asked for.

The count model does not depend on the neural network's training loop (the
rollback of a failed fit is in ``_atomic``), the network's shape is one module's
(``_architecture``), and the first layer's width is computed by one function.
"""

import numpy as np
import pytest

from sknextchar import _architecture, _labels, _model_input
from sknextchar._sizes import first_layer_inputs
from sknextchar.nn.functional import init_params
from tests.conventions.test_layer_table import _imports, _modules


def package_imports(name):
    modules = _modules()
    return _imports(name, modules[name], modules)


def test_the_count_model_imports_nothing_of_the_network():
    assert package_imports("sknextchar._kneser_ney") & {"sknextchar._atomic"}
    network = {m for m in _modules() if m.startswith("sknextchar.nn")}
    assert not package_imports("sknextchar._kneser_ney") & network


@pytest.mark.parametrize(
    "name",
    [
        "check_label_architecture",
        "check_params_together",
        "label_embedding_size",
        "label_network",
        "label_table_shape",
        "n_label_inputs",
    ],
)
def test_the_network_shape_is_in_architecture(name):
    assert getattr(_architecture, name).__module__ == "sknextchar._architecture"
    assert name in _architecture.__all__
    assert not hasattr(_labels, name) and not hasattr(_model_input, name)


@pytest.mark.parametrize("labels", [None, (2, 4)])
def test_first_layer_inputs_is_the_width_init_params_draws(labels):
    rng = np.random.RandomState(0)
    coefs = init_params(7, 5, 3, (6,), 7, "relu", np.float64, rng, labels=labels)[1]
    label_dim = 0 if labels is None else labels[1]
    assert coefs[0].shape[0] == first_layer_inputs(3, 5, label_dim)


def test_the_first_layer_width_has_one_home():
    for user in ("sknextchar.nn.functional", "sknextchar._architecture"):
        assert "sknextchar._sizes" in package_imports(user)
