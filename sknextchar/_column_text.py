"""Symbols and contexts as the columns of a table show them.

A model of code points (``unit="char"``) learns the zero-width non-joiner of
Persian names (``"علی\\u200cرضا"``, Ali-Reza), the joiner of a Sinhala or
Devanagari conjunct and each vowel sign or virama as symbols of their own. As
they are, a format character has no visible label in a column, and a mark is
drawn on the space before it. The temperature table (``sknextchar table``),
``score --explain`` and the labels of pictures show them one way:
:func:`column_symbol` for a symbol, :func:`column_context` for a context.
"""

import unicodedata

from ._text import code_points, display_width

# What the Unicode charts draw a combining mark on, so that it is seen alone.
DOTTED_CIRCLE = "\u25cc"


def _is_mark(char):
    """Whether ``char`` is a combining mark (nonspacing, spacing or enclosing)."""
    return unicodedata.category(char).startswith("M")


def column_symbol(symbol):
    """A symbol as the column of a table shows it.

    A symbol that starts with a combining mark (a vowel sign, a virama learned
    alone) is drawn on a dotted circle, U+25CC, as the Unicode charts draw
    marks: ``"◌ु"``. A format character (the zero-width non-joiner or joiner),
    a space other than the space (``"\\xa0"``) or another symbol a terminal
    draws in no column is shown by its code points. Any other symbol, a
    cluster of a letter and its marks too, is shown as it is.

    Parameters
    ----------
    symbol : str
        A symbol of a vocabulary.

    Returns
    -------
    shown : str

    Examples
    --------
    >>> column_symbol("a"), column_symbol("\\u200c"), column_symbol("\\xa0")
    ('a', 'U+200C', 'U+00A0')
    >>> column_symbol("\\u0941") == DOTTED_CIRCLE + "\\u0941"  # a vowel sign
    True
    >>> column_symbol("\\u0dc1\\u0dca\\u200d") == "\\u0dc1\\u0dca\\u200d"  # a cluster
    True
    """
    if symbol and _is_mark(symbol[0]):
        return DOTTED_CIRCLE + symbol
    hidden = len(symbol) == 1 and not (symbol == " " or symbol.isprintable())
    if display_width(symbol) and not hidden:
        return symbol
    return code_points(symbol)


def column_context(context):
    """A context (the symbols a prediction was made after) as a column shows it.

    A context that starts with a combining mark gets the dotted circle
    before it (``"◌्\\u200dय"``), not the space of the column before. A
    zero-width joiner or non-joiner in it stays as typed: it shapes the
    letters around it, and the row that predicted it shows its code point.

    Parameters
    ----------
    context : str

    Returns
    -------
    shown : str

    Examples
    --------
    >>> column_context("\\u094d\\u200d\\u092f") == "\\u25cc\\u094d\\u200d\\u092f"
    True
    >>> column_context("--a"), column_context("")
    ('--a', '')
    """
    if context and _is_mark(context[0]):
        return DOTTED_CIRCLE + context
    return context
