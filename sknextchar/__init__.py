"""sknextchar: character-level next-token prediction for names, the scikit-learn way.

Bengio et al. (2003) at the scale of characters: cut names into (context, next
character) windows, learn character embeddings and an MLP that predicts the next
character, and sample new names from it.

The public names load lazily (as in SciPy and scikit-image): ``import sknextchar``
imports neither scikit-learn nor NumPy until a name that needs them is used, so the
command line answers ``--help`` at once.
"""

import importlib

from ._version import __version__ as __version__

# Public name -> the module that defines it.
_LAZY = {
    "CharEmbeddingMLPClassifier": "._classifier",
    "CharWindows": "._windows",
    "ContextWindowTransformer": "._transformer",
    "KneserNeyClassifier": "._kneser_ney",
    "MixtureClassifier": "._mixture",
    "DamagedModelError": ".exceptions",
    "FileChangedWarning": ".exceptions",
    "ModelVersionWarning": ".exceptions",
    "ProgressStoppedWarning": ".exceptions",
    "NameLabelClassifier": "._name_label_classifier",
    "NameSampler": "._sampler",
    "PerLabelClassifier": "._per_label",
    "TemperatureTable": "._temperature_table",
    "get_trusted_types": "._persistence",
    "load_model": "._persistence",
    "make_default_pipeline": "._presets",
    "make_tuned_pipeline": "._presets",
    "save_model": "._persistence",
    "train_from_file": "._chunked",
}
_SUBMODULES = {"callbacks", "datasets", "exceptions", "metrics", "plotting"}

__all__ = sorted([*_LAZY, "__version__"])


def __getattr__(name):
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():  # a name loaded (or a submodule imported) is in globals too
    return sorted({*globals(), *_LAZY, *_SUBMODULES})
