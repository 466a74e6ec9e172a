"""``sknextchar score --explain``: how likely the model found each character of a name.

The per-character view of a name's log-likelihood: for every symbol the model
predicted (each character, then the end), the context it was predicted from,
its probability, its rank among all symbols, and what the model expected most.
"""

import numpy as np

from .._column_text import column_context, column_symbol
from .._label_posterior import windows_from_contexts
from .._pipeline import next_log_proba_function, split_pipeline
from .._text import describe_symbol, display_width, pad_right

# Windows whose rows are expanded at once: memory stays at a few MB for any list.
_CHUNK = 8192


def char_columns(log_proba, inverse, targets):
    """Per window: the target's log-probability and rank, and the likeliest symbol.

    Parameters
    ----------
    log_proba : ndarray of shape (n_contexts, n_symbols)
        The model's log-probabilities after each distinct context.
    inverse : ndarray of shape (n_windows,)
        The distinct context of each window.
    targets : ndarray of shape (n_windows,)
        The symbol each window predicts.

    Returns
    -------
    columns : ndarray of shape (n_windows, 4)
        The target's log-probability; its rank (1 for the likeliest symbol;
        symbols as likely as it share its rank); the likeliest symbol's id
        (the lower id on a tie); that symbol's log-probability.

    Examples
    --------
    >>> import numpy as np
    >>> log_proba = np.log([[0.5, 0.3, 0.2], [0.1, 0.1, 0.8]])
    >>> char_columns(log_proba, np.array([0, 1]), np.array([1, 0])).round(2).tolist()
    [[-1.2, 2.0, 0.0, -0.69], [-2.3, 2.0, 2.0, -0.22]]
    """
    parts = []
    for start in range(0, len(targets), _CHUNK):
        rows = log_proba[inverse[start : start + _CHUNK]]
        picked = rows[np.arange(len(rows)), targets[start : start + _CHUNK]]
        rank = 1 + (rows > picked[:, None]).sum(axis=1)
        best = rows.argmax(axis=1)
        parts.append(np.column_stack([picked, rank, best, rows.max(axis=1)]))
    return np.concatenate(parts) if parts else np.zeros((0, 4))


def explain_blocks(sampler, names, label, order):
    """The text of ``--explain``, one block at a time: a table per name, in
    ``order``, then a note on the end marker.

    A generator, so that a long list is printed name by name, never held
    whole as text.

    Parameters
    ----------
    sampler : NameSampler
        Fitted.
    names : list of str
        The names.
    label : object or None
        The label to score under (None for a model without labels).
    order : list of int
        The order to print the names in (the ranking's).

    Yields
    ------
    block : str
        The lines of one name's table (a blank line first), or the note.
    """
    transformer, model = split_pipeline(sampler.estimator_)
    windows = transformer.transform(names)
    function = next_log_proba_function(model, label)
    columns = windows_from_contexts(
        lambda _: function, None, windows, len(sampler.vocabulary_), char_columns
    )
    # Each distinct context decoded once: a long list repeats most of them.
    distinct, which = np.unique(windows.contexts, axis=0, return_inverse=True)
    contexts, which = transformer.decode(distinct), which.reshape(-1)  # NumPy 2.0
    contexts = [column_context(context) for context in contexts]
    width = max(5, *map(display_width, contexts), 0)
    # The next column as wide as its widest label (a joiner's U+200C takes 6).
    shown = [column_symbol(symbol) for symbol in sampler.vocabulary_]
    next_width = max(4, *map(display_width, shown))
    header = _HEADER.format(pad_right("after", width), pad_right("next", next_width))
    # The windows come name by name: each name's rows are one slice.
    bounds = np.searchsorted(windows.name_index, np.arange(len(names) + 1))
    for i in order:
        lines = ["", f"{names[i]}", header]
        for row in range(bounds[i], bounds[i + 1]):
            lines.append(
                _row_line(
                    pad_right(contexts[which[row]], width),
                    (shown, next_width),
                    windows.targets[row],
                    columns[row],
                )
            )
        yield "\n".join(lines)
    end = sampler.vocabulary_[0]
    yield (
        f"\n{describe_symbol(end)} is the end marker: it pads the start, and "
        "ends the name."
    )


_HEADER = "  {}  {}  probability  rank  expected instead"


def _row_line(context, labels, target, column):
    """One predicted symbol: what it was, how likely, and what was expected.

    ``labels`` is each symbol's label (:func:`column_symbol`) and the width
    of the widest.
    """
    (shown, width), (picked, rank, best, best_log) = labels, column
    symbol = pad_right(shown[target], width)
    line = f"  {context}  {symbol}  {_probability(picked):>11}  {int(rank):>4}"
    if rank > 1:
        line += f"  {shown[int(best)]} ({_probability(best_log)})"
    return line


def _probability(log_proba):
    """Four decimals, or two significant digits below 0.0001 (not a bare 0)."""
    proba = float(np.exp(log_proba))
    return f"{proba:.4f}" if proba >= 5e-5 or proba == 0 else f"{proba:.1e}"
