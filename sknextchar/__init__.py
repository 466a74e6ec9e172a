"""sknextchar: character-level next-token prediction for names, the scikit-learn way.

Bengio et al. (2003) at the scale of characters: cut names into (context, next
character) windows, learn character embeddings and an MLP that predicts the next
character, and sample new names from it.
"""

# Defined before the imports: the persistence module records it in saved models.
__version__ = "0.1.0.dev0"

from ._classifier import CharEmbeddingMLPClassifier  # noqa: E402
from ._persistence import (  # noqa: E402
    ModelVersionWarning,
    get_trusted_types,
    load_model,
    save_model,
)
from ._presets import make_tuned_pipeline  # noqa: E402
from ._sampler import NameSampler, TemperatureTable  # noqa: E402
from ._transformer import ContextWindowTransformer  # noqa: E402
from ._windows import CharWindows  # noqa: E402

__all__ = [
    "CharEmbeddingMLPClassifier",
    "CharWindows",
    "ContextWindowTransformer",
    "ModelVersionWarning",
    "NameSampler",
    "TemperatureTable",
    "__version__",
    "get_trusted_types",
    "load_model",
    "make_tuned_pipeline",
    "save_model",
]
