"""A model file whose network parameters were edited is refused at load.

``embedding_dim``, ``hidden_layer_sizes`` or ``label_embedding_dim`` changed in
a file's schema.json loaded and sampled (the arrays hold together); a later
``train --resume`` then failed with Python's advice ("set warm_start=False").
"""

import pytest
import skops.io
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    NameLabelClassifier,
    NameSampler,
    load_model,
    save_model,
)
from sknextchar.cli import main
from sknextchar.exceptions import DamagedModelError

NAMES = ["abid", "asha", "ravi", "mira", "arun", "devi", "amit", "sita"]
LABELS = ["m", "f", "m", "f", "m", "f", "m", "f"]


def _mlp(**params):
    params = {"embedding_dim": 2, "hidden_layer_sizes": (4,), "max_iter": 1, **params}
    return CharEmbeddingMLPClassifier(random_state=0, **params)


def _pipe(clf=None):
    return make_pipeline(ContextWindowTransformer(), _mlp() if clf is None else clf)


def _network(model):
    """The CharEmbeddingMLPClassifier of the fitted model, where a file holds it."""
    if isinstance(model, NameSampler):
        return model.estimator_[-1]
    if isinstance(model, NameLabelClassifier):
        return model.pipelines_[0][-1]
    last = model[-1]
    return last.estimators_[0] if isinstance(last, MixtureClassifier) else last


def _fitted(kind):
    if kind == "pipeline":
        return _pipe().fit(NAMES)
    if kind == "sampler":
        return NameSampler(_pipe()).fit(NAMES)
    if kind == "sampler with labels":
        return NameSampler(_pipe(_mlp(label_embedding_dim=2))).fit(NAMES, LABELS)
    if kind == "name label classifier":
        return NameLabelClassifier(_pipe()).fit(NAMES, LABELS)
    mixture = MixtureClassifier([("mlp", _mlp()), ("kn", KneserNeyClassifier())])
    return _pipe(mixture).fit(NAMES)


EDITS = [
    ("pipeline", "embedding_dim", 3, "embedding_dim=3 does not match its embeddings_"),
    ("sampler", "hidden_layer_sizes", (5,), "hidden_layer_sizes=(5,) does not match"),
    ("sampler with labels", "label_embedding_dim", 3, "label_embedding_dim=3 does"),
    ("name label classifier", "embedding_dim", 5, "embedding_dim=5 does not"),
    ("mixture", "hidden_layer_sizes", (4, 4), "hidden_layer_sizes=(4, 4) does"),
]


@pytest.mark.parametrize("kind, param, value, told", EDITS)
def test_an_edited_network_parameter_is_refused_at_load(
    tmp_path, kind, param, value, told
):
    model = _fitted(kind)
    intact = save_model(model, tmp_path / "intact.skops")
    load_model(intact)  # as trained: loads
    setattr(_network(model), param, value)  # as an edited schema.json holds it
    edited = tmp_path / "edited.skops"
    skops.io.dump(model, edited)
    with pytest.raises(DamagedModelError) as caught:
        load_model(edited)
    message = str(caught.value)
    assert message.startswith("Cannot load 'edited.skops'") or str(edited) in message
    assert told in message and "CharEmbeddingMLPClassifier is damaged" in message
    before = intact.read_bytes()
    with pytest.raises(ValueError, match="was set after the fit"):  # nor saved so
        save_model(model, intact)
    assert intact.read_bytes() == before


def test_the_command_line_refuses_an_edited_model_in_one_line(tmp_path, capsys):
    model = NameSampler(_pipe()).fit(NAMES)
    _network(model).embedding_dim = 3
    edited = tmp_path / "edited.skops"
    skops.io.dump(model, edited)
    names = tmp_path / "names.txt"
    names.write_text("\n".join(NAMES) + "\n")
    resume = ["train", str(names), "--resume", str(edited), "--max-iter", "3"]
    for argv in (
        ["sample", str(edited), "-n", "2"],
        [*resume, "-o", str(tmp_path / "r.skops")],
    ):
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "edited.skops" in err, err
        assert "--embedding-dim 3 does not match its embeddings_, of 2" in err
        assert "warm_start" not in err
    assert not (tmp_path / "r.skops").exists()
