"""
===================
The generation tree
===================

Sampling grows a name one character at a time. The generation tree shows the choices
the model weighs at each step: from a prefix, the ``top_k`` most probable next
characters with their probabilities, then theirs, a few levels deep. Each path from
the root is the beginning of a name; its probability is the product of the
probabilities along it.
"""

# %%
# A model
# -------
from sklearn.pipeline import make_pipeline

from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer, NameSampler
from sknextchar.datasets import load_indian_names
from sknextchar.plotting import plot_generation_tree

names = load_indian_names()
pipe = make_pipeline(
    ContextWindowTransformer(context_length=3),
    CharEmbeddingMLPClassifier(hidden_layer_sizes=(128,), max_iter=8, random_state=0),
).fit(names)

# %%
# From the start of a name
# ------------------------
# The root is the empty prefix: the first level is the distribution of first
# letters.
fig = plot_generation_tree(pipe, "", top_k=3, depth=3)

# %%
# From a prefix
# -------------
# After ``sh``, the model has far fewer plausible continuations. The ``end`` leaves
# are names the model would stop at.
fig = plot_generation_tree(pipe, "sh", top_k=3, depth=3)

# %%
# The tree of a sampler
# ---------------------
# Given a :class:`~sknextchar.NameSampler`, the tree shows the distribution that the
# sampler draws from, with its temperature and its other controls applied. At a low
# temperature the most probable branch takes most of the mass.
# :class:`~sklearn.frozen.FrozenEstimator` uses the fitted pipeline as it is.
from sklearn.frozen import FrozenEstimator

sampler = NameSampler(FrozenEstimator(pipe), temperature=0.5).fit(names)
fig = plot_generation_tree(sampler, "sh", top_k=3, depth=3)

# %%
# The numbers behind the first level, from the sampler itself:
import numpy as np

proba = sampler.next_char_proba(["sh"])[0]
top = np.argsort(-proba)[:3]
print({sampler.vocabulary_[i]: round(float(proba[i]), 3) for i in top})
