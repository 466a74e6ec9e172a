"""Pictures of a fitted character-level model, with matplotlib.

The four pictures of the "next token generation" lecture: the learned character
embeddings, the training curve, the generation tree (the most probable next
characters a few steps ahead) and the next-character distribution at several
temperatures.

matplotlib is an optional dependency, imported only when a function is called:
``python -m pip install matplotlib``. Every function draws on ``ax`` when given
(otherwise on a new pyplot figure) and returns the matplotlib Figure; close it
with ``matplotlib.pyplot.close(fig)`` when done.
"""

import numpy as np
from sklearn.utils.validation import check_is_fitted

from ._classifier import CharEmbeddingMLPClassifier
from ._column_text import column_symbol
from ._fitted import as_sampler, describe, find_parts, prefix_letters
from ._generation_tree import live_nodes, place_nodes, step_proba
from ._held_pipeline import held_pipeline_advice
from ._limits import MAX_LETTERS
from ._picture_prefix import check_picture_prefix, check_room, named_as, read_prefix
from ._sample_request import sampling_controls
from ._steps import unfreeze
from ._validation import check_positive_int, check_prefix
from ._vocabulary import END, END_ID
from ._words import counted
from ._wrong_kind import WrongKindError

__all__ = [
    "plot_embeddings",
    "plot_generation_tree",
    "plot_loss_curve",
    "plot_temperature",
]

_VOWELS = frozenset("aeiouAEIOU")
# The tree draws top_k ** depth leaves at most, in depth + 1 columns; beyond these
# it is unreadable.
_MAX_TREE_LEAVES = 300
_MAX_TREE_DEPTH = 30


def _pyplot():
    """matplotlib.pyplot, or an ImportError that says how to install it."""
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise ImportError(
            "sknextchar.plotting needs matplotlib, an optional dependency; install "
            "it with: python -m pip install matplotlib"
        ) from exc
    return plt


def _figure_and_axes(ax, figsize):
    if ax is not None:
        return ax.figure, ax
    return _pyplot().subplots(figsize=figsize, layout="constrained")


# --------------------------------------------------------------------------- #
# Finding the parts of a model.
# --------------------------------------------------------------------------- #
def _find_classifier(estimator, caller):
    """The transformer (or None) and the fitted CharEmbeddingMLPClassifier inside."""
    transformer, classifier = find_parts(estimator)
    if not isinstance(classifier, CharEmbeddingMLPClassifier):
        raise WrongKindError(
            f"{caller} needs a CharEmbeddingMLPClassifier, a Pipeline ending in one, "
            "or a NameSampler around such a pipeline (FrozenEstimator wrappers are "
            f"fine); got {describe(estimator)}.{held_pipeline_advice(estimator)}"
        )
    check_is_fitted(classifier)
    return transformer, classifier


def _embedding_rows(classifier):
    """The embeddings drawn: the symbols', then the labels' when as wide."""
    embeddings = np.asarray(classifier.embeddings_, dtype=np.float64)  # (V, K)
    labels = getattr(classifier, "label_embeddings_", None)
    if labels is None or labels.shape[1] != embeddings.shape[1]:
        return embeddings
    return np.vstack([embeddings, labels])


def _symbols(transformer, classifier, n_rows):
    """The symbol of each embedding row, as strings."""
    n_symbols = classifier.embeddings_.shape[0]
    if transformer is not None and hasattr(transformer, "vocabulary_"):
        vocabulary = transformer.vocabulary_
    else:
        vocabulary = classifier.classes_
    # The labels' rows (label_embedding_dim = embedding_dim), after the symbols'.
    labels = getattr(classifier, "label_classes_", None)
    extra = [f"<{label}>" for label in labels] if n_rows > n_symbols else []
    if len(vocabulary) == n_symbols:
        return [str(s) for s in vocabulary] + extra
    return [str(i) for i in range(n_symbols)] + extra  # fit on arrays: raw ids


def _visible_symbol(symbol):
    """A symbol as a picture labels it: the space as ``"␣"``, another space
    or an invisible character by its code points, a mark learned alone on a
    dotted circle (:func:`~sknextchar._column_text.column_symbol`); any other
    symbol as it is.

    Examples
    --------
    >>> _visible_symbol(" "), _visible_symbol("\\xa0"), _visible_symbol("a")
    ('␣', 'U+00A0', 'a')
    >>> _visible_symbol("\\u200c"), _visible_symbol("\\u094d") == "\\u25cc\\u094d"
    ('U+200C', True)
    """
    return "␣" if symbol == " " else column_symbol(symbol)


def _picture_sampler(estimator, caller, prefix, steps):
    """``as_sampler(estimator, caller)``; the bound of a pipeline it wraps
    reaches ``steps`` letters past ``prefix`` (20 at least,
    :data:`~sknextchar._limits.MAX_LETTERS` at most), its letters counted as
    the model reads them (normalised, a letter and its marks one for a model
    of user-perceived characters), so that no bound the user never set cuts
    the picture. A sampler given keeps its own bounds."""
    sampler = as_sampler(estimator, caller)
    if sampler is not unfreeze(estimator):  # a pipeline, wrapped here
        letters = prefix_letters(sampler, prefix)
        sampler.set_params(max_length=min(MAX_LETTERS, max(20, letters + steps)))
    return sampler


def _no_end_yet(sampler, context):
    """The note on an end marker held at 0 by the sampler's shorter bound: no
    name ends before ``min_length`` letters (the shortest training name by
    default), as in sampling, while ``sknextchar table`` shows the model's
    own probability of the end; "" once ``context`` has that many letters."""
    low = sampling_controls(sampler).min_length
    if prefix_letters(sampler, context) >= low:
        return ""
    return f", not before {counted(low, 'letter')}, as in sampling"


# --------------------------------------------------------------------------- #
# The pictures.
# --------------------------------------------------------------------------- #
def plot_embeddings(estimator, *, ax=None):
    """Scatter the learned character embeddings in two dimensions.

    The lecture's picture: every symbol of the vocabulary at the position of its
    embedding vector (a row of ``embeddings_``), labelled with the symbol (the
    space as ``"␣"``, another blank or invisible character by its code point,
    such as ``U+00A0``; and,
    for a model of names by label whose labels' embeddings are as wide, every
    label as ``<label>``). Vowels,
    the other letters and the end marker ``"-"`` get their own colour and marker,
    since a trained model tends to place the vowels together. With
    ``embedding_dim=2`` the embeddings are drawn as they are; with more
    dimensions, projected on their first two principal components (the axis
    labels say so, with the share of variance each keeps); with
    ``embedding_dim=1``, against their rank (so that the labels stay readable).

    Parameters
    ----------
    estimator : Pipeline, NameSampler or CharEmbeddingMLPClassifier
        A fitted model containing a :class:`CharEmbeddingMLPClassifier`,
        possibly wrapped in :class:`~sklearn.frozen.FrozenEstimator`. A bare
        classifier fit on an integer array is labelled with the context ids.
    ax : matplotlib Axes, default=None
        Where to draw; a new figure when None.

    Returns
    -------
    fig : matplotlib Figure
        The figure drawn on.

    See Also
    --------
    CharEmbeddingMLPClassifier : The model whose ``embeddings_`` are drawn.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
    >>> from sknextchar.plotting import plot_embeddings
    >>> pipe = make_pipeline(
    ...     ContextWindowTransformer(),
    ...     CharEmbeddingMLPClassifier(embedding_dim=2, hidden_layer_sizes=(8,),
    ...                                max_iter=3, random_state=0),
    ... ).fit(["abid", "asha", "ravi", "uma"])
    >>> fig = plot_embeddings(pipe)
    >>> fig.axes[0].get_xlabel()
    'embedding dimension 1'
    >>> plt.close(fig)
    """
    transformer, classifier = _find_classifier(estimator, "plot_embeddings")
    embeddings = _embedding_rows(classifier)  # (V, K), maybe with the labels'
    symbols = _symbols(transformer, classifier, len(embeddings))
    n_dims = embeddings.shape[1]
    if n_dims == 1:
        # One number per symbol: spread the points vertically by rank so that
        # the labels of close values stay readable.
        rank = np.argsort(np.argsort(embeddings[:, 0], kind="stable"))
        points = np.column_stack([embeddings[:, 0], rank])
        xlabel = "embedding (embedding_dim=1)"
        ylabel = "symbols, in the order of their embedding"
        title = "Character embeddings (1-D)"
    elif n_dims == 2:
        points = embeddings
        xlabel, ylabel = "embedding dimension 1", "embedding dimension 2"
        title = "Character embeddings (2-D)"
    else:
        from sklearn.decomposition import PCA

        pca = PCA(n_components=2, svd_solver="full").fit(embeddings)
        points = pca.transform(embeddings)  # (V, 2)
        share = pca.explained_variance_ratio_
        xlabel = f"PCA component 1 ({share[0]:.0%} of the variance)"
        ylabel = f"PCA component 2 ({share[1]:.0%} of the variance)"
        title = f"Character embeddings: PCA projection of {n_dims}-D vectors"

    fig, ax = _figure_and_axes(ax, (6.4, 5.2))
    groups = _symbol_groups(symbols, end_by_id=transformer is not None)
    for mask, label, colour, marker in groups:
        if mask.any():
            ax.scatter(*points[mask].T, c=colour, marker=marker, s=60, label=label)
    for symbol, (x, y) in zip(symbols, points):
        ax.annotate(
            _visible_symbol(symbol),
            (x, y),
            xytext=(4, 4),
            textcoords="offset points",
            fontsize=11,
            parse_math=False,  # a '$'-enclosed label is no formula
        )
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if n_dims == 1:
        ax.set_yticks([])
    ax.set_title(title)
    ax.legend(loc="best", fontsize="small")
    return fig


def _symbol_groups(symbols, *, end_by_id):
    """(mask, legend label, colour, marker) of vowels, other symbols, end marker.

    The end marker is id 0 of a transformer's vocabulary, whatever its display;
    without a transformer it is the symbol ``"-"``.
    """
    if end_by_id:
        is_end = np.arange(len(symbols)) == END_ID
    else:
        is_end = np.array([s == END for s in symbols])
    end_shown = symbols[int(np.argmax(is_end))] if is_end.any() else END
    is_vowel = np.array([s in _VOWELS for s in symbols]) & ~is_end
    others = ~(is_end | is_vowel)
    letters_only = all(
        s.isascii() and s.isalpha() for s, o in zip(symbols, others) if o
    )
    return [
        (is_vowel, "vowels (a, e, i, o, u)", "tab:red", "o"),
        (others, "consonants" if letters_only else "other symbols", "tab:blue", "s"),
        (is_end, f"start/end marker {end_shown!r}", "tab:gray", "D"),
    ]


def plot_loss_curve(estimator, *, ax=None):
    """Plot the training loss and, when recorded, the held-out NLL per epoch.

    The training loss is the mean cross-entropy plus the L2 penalty
    (``loss_curve_``). Under ``early_stopping``, the classifier also recorded the
    held-out mean log-likelihood per character after each epoch
    (``validation_scores_``); it is drawn converted to the negative
    log-likelihood, on the same nats-per-character axis, with the best epoch
    (whose weights the model kept) marked.

    Parameters
    ----------
    estimator : Pipeline, NameSampler or CharEmbeddingMLPClassifier
        A fitted model containing a :class:`CharEmbeddingMLPClassifier`,
        possibly wrapped in :class:`~sklearn.frozen.FrozenEstimator`.
    ax : matplotlib Axes, default=None
        Where to draw; a new figure when None.

    Returns
    -------
    fig : matplotlib Figure
        The figure drawn on.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
    >>> from sknextchar.plotting import plot_loss_curve
    >>> names = ["abid", "asha", "ravi", "uma", "amit", "anil", "arun", "isha"]
    >>> pipe = make_pipeline(
    ...     ContextWindowTransformer(),
    ...     CharEmbeddingMLPClassifier(hidden_layer_sizes=(8,), max_iter=4,
    ...                                early_stopping=True, validation_fraction=0.25,
    ...                                random_state=0),
    ... ).fit(names)
    >>> fig = plot_loss_curve(pipe)
    >>> [line.get_label() for line in fig.axes[0].get_lines()][:2]
    ['training loss (cross-entropy + L2 penalty)', 'held-out NLL']
    >>> plt.close(fig)
    """
    _, classifier = _find_classifier(estimator, "plot_loss_curve")
    losses = np.asarray(classifier.loss_curve_, dtype=np.float64)
    epochs = np.arange(1, len(losses) + 1)
    fig, ax = _figure_and_axes(ax, (6.4, 4.2))
    ax.plot(
        epochs, losses, marker="o", label="training loss (cross-entropy + L2 penalty)"
    )
    scores = classifier.validation_scores_
    if scores:
        nll = -np.asarray(scores, dtype=np.float64)
        # Validation scores are recorded by fit only; align them with the last epochs.
        val_epochs = epochs[len(epochs) - len(nll) :]
        ax.plot(val_epochs, nll, marker="s", label="held-out NLL")
        best = int(np.argmin(nll))
        ax.plot(
            val_epochs[best],
            nll[best],
            marker="*",
            markersize=16,
            linestyle="none",
            color="tab:orange",
            markeredgecolor="black",
            label=f"best epoch ({val_epochs[best]}): weights kept",
        )
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("epoch")
    ax.set_ylabel("nats per character (lower is better)")
    ax.set_title("Training curve")
    ax.grid(alpha=0.3)
    ax.legend(loc="best", fontsize="small")
    return fig


def plot_generation_tree(
    estimator, prefix="", *, top_k=3, depth=3, label=None, ax=None
):
    """Draw the most probable continuations of a prefix as a tree.

    From ``prefix`` (the root), each node branches into the ``top_k`` most
    probable next characters, labelled with their probability given the path
    so far, for ``depth`` levels. The end marker ends a branch (``end``); the
    last column spells out each branch. Thicker edges are more probable.

    Parameters
    ----------
    estimator : Pipeline or NameSampler
        A fitted pipeline (possibly wrapped in
        :class:`~sklearn.frozen.FrozenEstimator`): the probabilities are the
        model's own. A fitted :class:`NameSampler`: the probabilities are those
        it samples from (:meth:`NameSampler.next_char_proba`: temperature,
        ``top_k``, ``top_p`` and the length bounds applied).
    prefix : str, default=""
        The beginning of the names; ``""`` starts from the beginning of a name.
        It is drawn as the model reads it, as
        :meth:`NameSampler.temperature_table` shows it (``"AS"`` as ``'as'``
        for a model of lowercased names, full-width letters as ASCII ones).
        The tree draws names of ``depth`` letters more, so it has at most
        ``1000 - depth`` letters (a name has at most 1,000), counted as the
        model reads them (a letter and its combining marks are one for a model
        of user-perceived characters). With a NameSampler, one of its
        ``max_length`` letters is refused too: only the end could follow.
    top_k : int, default=3
        Branches per node; ``top_k ** depth`` (the most leaves) is at most 300.
    depth : int, default=3
        Levels below the root, at most 30.
    label : object or None, default=None
        For a model fitted with labels (and only then): the label whose names
        the tree continues, as ``NameSampler.next_char_proba(..., label=)``.
    ax : matplotlib Axes, default=None
        Where to draw; a new figure, sized to the tree, when None.

    Returns
    -------
    fig : matplotlib Figure
        The figure drawn on.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
    >>> from sknextchar.plotting import plot_generation_tree
    >>> pipe = make_pipeline(
    ...     ContextWindowTransformer(),
    ...     CharEmbeddingMLPClassifier(hidden_layer_sizes=(8,), max_iter=3,
    ...                                random_state=0),
    ... ).fit(["abid", "asha", "ravi", "uma"])
    >>> fig = plot_generation_tree(pipe, "a", top_k=2, depth=2)
    >>> fig.axes[0].get_title()
    "Top 2 next characters after 'a', 2 levels"
    >>> plt.close(fig)
    """
    top_k, depth = _check_tree_arguments(prefix, top_k, depth)
    # A pipeline's bound reaches one step past the leaves, which _grow_tree
    # asks about (whether each can go on): no leaf is cut for meeting it, but
    # at MAX_LETTERS, where only the end may follow.
    sampler = _picture_sampler(estimator, "plot_generation_tree", prefix, depth + 1)
    check_picture_prefix(
        sampler, prefix, label, prefix_letters, what="prefix", depth=depth
    )
    nodes = _grow_tree(sampler, prefix, top_k, depth, label)
    read = read_prefix(sampler, prefix)  # drawn as the model reads it ('AS': 'as')
    for node in nodes:
        node["text"] = read + node["text"][len(prefix) :]
    prefix = read
    leaves = place_nodes(nodes)

    figsize = (2.0 + 1.6 * (depth + 1), max(2.5, 0.32 * leaves + 1.0))
    fig, ax = _figure_and_axes(ax, figsize)
    _draw_edges(ax, nodes)
    _draw_nodes(ax, nodes, prefix, depth)
    ax.set_xlim(-0.5, depth + 1.2)
    ax.set_ylim(leaves - 0.5, -0.5)  # the most probable branch on top
    ax.set_axis_off()
    where = f"after {prefix!r}" if prefix else "at the start of a name"
    levels = counted(depth, "level")
    of_label = "" if label is None else f", label {label!r}"
    ax.set_title(
        f"Top {top_k} next characters {where}, {levels}{of_label}", parse_math=False
    )
    return fig


def _check_tree_arguments(prefix, top_k, depth):
    """``top_k`` and ``depth`` as ints, once checked (before any power of them)."""
    top_k = check_positive_int(top_k, "top_k")
    depth = check_positive_int(depth, "depth")
    check_prefix(prefix)  # the sampler's words
    if depth > _MAX_TREE_DEPTH:  # also keeps top_k ** depth a small computation
        raise ValueError(
            f"depth={depth} gives {depth + 1} columns, too many to read (at most "
            f"{_MAX_TREE_DEPTH + 1}); pass depth <= {_MAX_TREE_DEPTH}."
        )
    if top_k**depth > _MAX_TREE_LEAVES:
        raise ValueError(
            f"top_k={top_k} and depth={depth} give up to {top_k**depth} leaves, too "
            f"many to read (at most {_MAX_TREE_LEAVES}); lower top_k or depth."
        )
    return top_k, depth


def _draw_edges(ax, nodes):
    """A line from each node to its parent; thicker and darker when more probable."""
    for node in nodes[1:]:
        parent = nodes[node["parent"]]
        p = node["proba"]
        ax.plot(
            [parent["x"], node["x"]],
            [parent["y"], node["y"]],
            color="tab:blue",
            linewidth=0.5 + 4 * p,
            alpha=0.3 + 0.7 * p,
            zorder=1,
        )


def _draw_nodes(ax, nodes, prefix, depth):
    """Each node's boxed label, and each branch spelled out after its leaf."""
    box = {"boxstyle": "round,pad=0.25", "facecolor": "white", "edgecolor": "0.6"}
    for node in nodes:
        if node["parent"] is None:
            label = repr(prefix) if prefix else "start"
        else:
            char = "end" if node["end"] else _visible_symbol(node["char"])
            label = f"{char} {node['proba']:.2f}"
        ax.text(  # parse_math=False: a name such as '$aa$' drawn as typed
            node["x"],
            node["y"],
            label,
            ha="center",
            va="center",
            bbox=box,
            zorder=2,
            parse_math=False,
        )
        if node["leaf"] and node["parent"] is not None:
            ax.text(
                depth + 0.45,
                node["y"],
                node["text"] + ("" if node["end"] else "..."),
                ha="left",
                va="center",
                color="0.35",
                style="italic",
                parse_math=False,
            )


def _grow_tree(sampler, prefix, top_k, depth, label=None):
    """The nodes of the tree, breadth first; one model call per level.

    A branch that no name can finish is left out: a node after which the
    sampler allows no symbol (its row of :func:`step_proba` is NaN), looked
    at one level past ``depth`` too, and a node whose every branch is left
    out (:func:`live_nodes`).
    """
    vocabulary = sampler.vocabulary_
    root = {"parent": None, "text": prefix, "char": "", "proba": 1.0, "end": False}
    nodes, level = [root], [0]
    for step in range(depth + 1):
        open_ = [i for i in level if not nodes[i]["end"]]
        if not open_:
            break
        texts = [nodes[i]["text"] for i in open_]
        if step == 0:  # a prefix no name can continue is the caller's error
            with named_as("prefix"):
                proba = sampler.next_char_proba(texts, label=label)  # (1, V)
            check_room(sampler, prefix, "prefix", prefix_letters)  # the end alone
        else:
            proba = step_proba(sampler, texts, label)  # (m, V)
        for row, i in enumerate(open_):
            nodes[i]["dead"] = bool(np.isnan(proba[row]).any())
        if step == depth:  # the last column: only whether it can go on
            break
        best = np.argsort(-np.nan_to_num(proba), axis=1, kind="stable")[:, :top_k]
        level = []
        for row, parent in enumerate(open_):
            for symbol_id in best[row]:
                p = float(proba[row, symbol_id])
                if not p > 0:  # the sampler's own controls removed it, or dead
                    continue
                end = symbol_id == END_ID
                char = vocabulary[symbol_id]
                text = nodes[parent]["text"] + ("" if end else char)
                nodes.append(
                    {
                        "parent": parent,
                        "text": text,
                        "char": char,
                        "proba": p,
                        "end": end,
                        "dead": False,
                    }
                )
                level.append(len(nodes) - 1)
    return live_nodes(nodes, prefix)


def plot_temperature(
    estimator, context="abi", *, temperatures=(0.5, 1, 2), label=None, ax=None
):
    """Bar chart of the next-character distribution at several temperatures.

    The lecture's temperature picture: for one context, the probability of
    every next symbol at low, standard and high temperature, side by side. Low
    temperatures sharpen the distribution towards the most probable characters,
    high temperatures flatten it towards uniform. The numbers are those of
    :meth:`NameSampler.temperature_table`: with a NameSampler, the end marker
    has probability 0 before its ``min_length`` letters (its shortest training
    name by default), as in sampling, and the axis label says so.

    Parameters
    ----------
    estimator : Pipeline or NameSampler
        A fitted pipeline (possibly wrapped in
        :class:`~sklearn.frozen.FrozenEstimator`), or a fitted
        :class:`NameSampler`, whose other controls (``top_k``, ``top_p``,
        lengths) then apply too.
    context : str, default="abi"
        The beginning of a name; the model sees its last ``context_length``
        characters, ``"-"``-padded. It is read as
        :meth:`NameSampler.temperature_table` reads a prefix: the whitespace
        before it goes, the whitespace after it stays (a name may go on after
        a space, as ``"mary ann"``). At most 999 letters, as for ``sknextchar
        table``, counted as the model reads them (a letter and its combining
        marks are one for a model of user-perceived characters): a name has at
        most 1,000, and after 1,000 letters only its end could follow. With a
        NameSampler, so could it after its ``max_length`` letters: such a
        context is refused, as by :meth:`NameSampler.temperature_table`.
    temperatures : sequence of float, default=(0.5, 1, 2)
        One group member per temperature, each in ``[0, inf]``.
    label : object or None, default=None
        For a model fitted with labels (and only then): the label whose
        distribution is drawn, as ``NameSampler.temperature_table(..., label=)``.
    ax : matplotlib Axes, default=None
        Where to draw; a new figure when None.

    Returns
    -------
    fig : matplotlib Figure
        The figure drawn on.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
    >>> from sknextchar.plotting import plot_temperature
    >>> pipe = make_pipeline(
    ...     ContextWindowTransformer(),
    ...     CharEmbeddingMLPClassifier(hidden_layer_sizes=(8,), max_iter=3,
    ...                                random_state=0),
    ... ).fit(["abid", "asha", "ravi", "uma"])
    >>> fig = plot_temperature(pipe, "ab", temperatures=(0.5, 2))
    >>> fig.axes[0].get_legend().get_texts()[0].get_text()
    'T = 0.5'
    >>> plt.close(fig)
    """
    if not isinstance(context, str):  # a line break: told as the vocabulary
        check_prefix(context, "context")  # lacks it, in --distribution's words
    sampler = _picture_sampler(estimator, "plot_temperature", context, 1)
    check_picture_prefix(sampler, context, label, prefix_letters)
    with named_as("context"):
        # Refuses a context of max_length letters, after which only the end
        # may follow, at probability 1 (EndOnlyError, told as context=).
        table = sampler.temperature_table(context, temperatures, label=label)
    n_symbols, n_temps = table.proba.shape
    fig, ax = _figure_and_axes(ax, (max(6.4, 0.36 * n_symbols), 4.2))
    width = 0.8 / n_temps
    colours = _pyplot().get_cmap("viridis")(np.linspace(0.15, 0.85, n_temps))
    positions = np.arange(n_symbols)
    for j, (temperature, colour) in enumerate(zip(table.temperatures, colours)):
        offset = (j - (n_temps - 1) / 2) * width
        ax.bar(
            positions + offset,
            table.proba[:, j],
            width=width,
            color=colour,
            label=f"T = {temperature:g}",
        )
    ax.set_xticks(positions, labels=[_visible_symbol(s) for s in table.symbols])
    ends = f"{table.symbols[END_ID]!r} ends the name"
    ax.set_xlabel(f"next character ({ends}{_no_end_yet(sampler, context)})",
                  parse_math=False)  # fmt: skip
    ax.set_ylabel("probability")
    of_label = "" if label is None else f", label {label!r}"
    ax.set_title(
        f"Next character after {table.prefix!r} (the model sees "
        f"{table.context!r}){of_label}",
        parse_math=False,
    )
    ax.legend(title="temperature", fontsize="small")
    ax.grid(axis="y", alpha=0.3)
    return fig
