"""sknextchar: character-level next-token prediction for names, the scikit-learn way.

Bengio et al. (2003) at the scale of characters: cut names into (context, next
character) windows, learn character embeddings and an MLP that predicts the next
character, and sample new names from it.
"""

from ._transformer import ContextWindowTransformer
from ._windows import CharWindows

__version__ = "0.1.0.dev0"

__all__ = [
    "CharWindows",
    "ContextWindowTransformer",
    "__version__",
]
