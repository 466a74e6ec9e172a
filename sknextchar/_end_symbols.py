"""How the end marker may be shown: the symbols tried when names use ``"-"``.

A module of its own that imports nothing, so that the command line's ``--help``
lists the same symbols as :mod:`sknextchar._vocabulary` tries, without NumPy.
"""

__all__ = ["END_SYMBOL_FALLBACKS"]

# When the alphabet learned from the names contains the end marker's display
# symbol, the first of these that the alphabet lacks is shown instead.
END_SYMBOL_FALLBACKS = (".", "$", "#", "|", "~", "^", "_", "*", "@", "¶")
