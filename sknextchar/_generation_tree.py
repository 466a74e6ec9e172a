"""The node maths of a generation tree: the branches no name can finish
left out, and each node's place in the picture.

:func:`~sknextchar.plotting.plot_generation_tree` grows the tree a level at a
time from a sampler's next-character probabilities (:func:`step_proba`),
drops the dead branches (:func:`live_nodes`) and draws each node where
:func:`place_nodes` puts it. A node is a dict: its ``parent`` (an index, None
for the root), ``text``, ``char``, ``proba``, whether it is the ``end`` and
whether it is ``dead``.
"""

import numpy as np

from ._dead_ends import UnfinishedTreeError

__all__ = ["live_nodes", "place_nodes", "step_proba"]


def step_proba(sampler, texts, label):
    """``sampler.next_char_proba`` of ``texts``, a NaN row for a text that no
    name can continue (which ``next_char_proba`` refuses).

    The texts grow the tree's root, which ``next_char_proba`` took: they are
    spelled in the vocabulary, within ``max_length``, of a known label, so a
    dead end is the only ValueError left for them.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import (ContextWindowTransformer, KneserNeyClassifier,
    ...     NameSampler)
    >>> sampler = NameSampler(make_pipeline(ContextWindowTransformer(),
    ...     KneserNeyClassifier())).fit(["ab"])
    >>> step_proba(sampler, ["a", "ab"], None).shape
    (2, 27)
    """
    try:
        return sampler.next_char_proba(texts, label=label)
    except ValueError:
        if len(texts) == 1:
            return np.full((1, len(sampler.vocabulary_)), np.nan)
    return np.concatenate([step_proba(sampler, [text], label) for text in texts])


def live_nodes(nodes, prefix):
    """The nodes without the dead ones, parents renumbered.

    A node is dead when it is marked so, or when it has branches (it is no
    end) and all of them are dead. A dead root (every branch shown is dead) is
    an error.

    Examples
    --------
    >>> root = {"parent": None, "text": "", "end": False, "dead": False}
    >>> a = {"parent": 0, "text": "a", "end": False, "dead": False}
    >>> b = {"parent": 0, "text": "b", "end": False, "dead": True}
    >>> [node["text"] for node in live_nodes([root, a, b], "")]
    ['', 'a']
    """
    children = {i: [] for i in range(len(nodes))}
    for i, node in enumerate(nodes[1:], start=1):
        children[node["parent"]].append(i)
    dead = [node["dead"] for node in nodes]
    for i in range(len(nodes) - 1, -1, -1):  # children come after their parent
        if children[i] and all(dead[c] for c in children[i]):
            dead[i] = True
    if dead[0]:
        raise UnfinishedTreeError(prefix)
    new_index = np.cumsum([not d for d in dead]) - 1
    live = []
    for i, node in enumerate(nodes):
        if not dead[i]:
            parent = node["parent"]
            live.append(
                {**node, "parent": None if parent is None else new_index[parent]}
            )
    return live


def place_nodes(nodes):
    """Set x (the level) and y of each node: leaves one apart, parents centred.

    Returns the number of leaves.

    Examples
    --------
    >>> nodes = [{"parent": None}, {"parent": 0}, {"parent": 0}]
    >>> place_nodes(nodes), [(node["x"], node["y"]) for node in nodes]
    (2, [(0, 0.5), (1, 0), (1, 1)])
    """
    children = {i: [] for i in range(len(nodes))}
    for i, node in enumerate(nodes[1:], start=1):
        children[node["parent"]].append(i)
    n_leaves = 0

    def place(i, x):
        nonlocal n_leaves
        node = nodes[i]
        node["x"] = x
        node["leaf"] = not children[i]
        if node["leaf"]:
            node["y"] = n_leaves
            n_leaves += 1
        else:
            for child in children[i]:
                place(child, x + 1)
            node["y"] = float(np.mean([nodes[c]["y"] for c in children[i]]))

    place(0, 0)
    return n_leaves
