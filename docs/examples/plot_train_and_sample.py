"""
==============================
Train a model and sample names
==============================

Fit the default model on the bundled Indian names, measure it on names it has never
seen, and generate new names: novel ones, ones that start with given letters, and the
most probable ones. At the end, a look at the samples' lengths against those of the
training names.
"""

# %%
# The data
# --------
# 15,074 Indian first names, 4 to 10 letters a-z. We hold out 10% of the *names*
# (never single windows of a name), to measure the model on names it has not seen.
from sklearn.model_selection import train_test_split

from sknextchar.datasets import load_indian_names

names = load_indian_names()
train, test = train_test_split(names, test_size=0.1, random_state=0)
print(f"{len(train)} training names, {len(test)} held-out names")

# %%
# The model
# ---------
# A pipeline of two steps: :class:`~sknextchar.ContextWindowTransformer` cuts every
# name into (context, next character) windows, and
# :class:`~sknextchar.CharEmbeddingMLPClassifier` learns the next character from the
# 3 previous ones. :class:`~sknextchar.NameSampler` fits the pipeline and samples
# from it. The model's settings are the package's defaults, written out; the
# bundled names have 4 to 10 letters, and so will the samples.
from time import perf_counter

from sklearn.pipeline import Pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    NameSampler,
)

pipe = Pipeline(
    [
        ("windows", ContextWindowTransformer(context_length=3)),
        (
            "clf",
            CharEmbeddingMLPClassifier(
                embedding_dim=10, hidden_layer_sizes=(500,), random_state=0
            ),
        ),
    ]
)
start = perf_counter()
sampler = NameSampler(pipe, temperature=0.8, min_length=4, max_length=10).fit(train)
print(f"trained in {perf_counter() - start:.1f} s")

# %%
# How good is it?
# ---------------
# ``score`` is the mean natural-log likelihood per predicted character, the end of
# the name included: minus the cross-entropy. The scorers of
# :mod:`sknextchar.metrics` express it in bits per character and as a perplexity:
# the number of equally likely characters the model is, on average, choosing from.
# A uniform guess among the 27 symbols has a perplexity of 27.
from sknextchar.metrics import neg_bits_per_char, neg_perplexity

print(f"held-out NLL:        {-sampler.score(test):.3f} nats per character")
print(f"held-out bits/char:  {-neg_bits_per_char(sampler, test):.3f}")
print(f"held-out perplexity: {-neg_perplexity(sampler, test):.2f}")

# %%
# New names
# ---------
# ``novel=True`` leaves out the training names and ``exclude=test`` the held-out
# ones, so only names that are not in the data set remain; ``unique=True`` makes
# them distinct. The same ``random_state`` gives the same names.
print(sampler.sample(20, unique=True, novel=True, exclude=test, random_state=0))

# %%
# Names that start with given letters:
print(
    sampler.sample(
        10, prefix="sh", unique=True, novel=True, exclude=test, random_state=0
    )
)

# %%
# The most probable names, by beam search (the temperature does not matter here):
print(sampler.most_likely(10, novel=True, exclude=test))

# %%
# Do the samples look like names?
# -------------------------------
# One quick check: the distribution of their lengths, against that of the
# training names, at two temperatures. ``min_length`` and ``max_length`` bound
# the lengths; within the bounds, the model decides when a name ends. It sees only
# the last 3 characters, so it cannot count letters: its names are too often
# short, the more so at a low temperature. ``sample(..., match_lengths=True)``
# gives them the training names' lengths without retraining (see the
# "Generating names" page).
import matplotlib.pyplot as plt
import numpy as np

bins = np.arange(1, 12) - 0.5
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.hist(
    [len(n) for n in train], bins=bins, density=True, alpha=0.5, label="training names"
)
for temperature in (1.0, 0.5):
    sampled = sampler.set_params(temperature=temperature).sample(5000, random_state=0)
    ax.hist(
        [len(n) for n in sampled],
        bins=bins,
        density=True,
        histtype="step",
        linewidth=2,
        label=f"sampled, T={temperature:g}",
    )
ax.set_xlabel("letters")
ax.set_ylabel("share of names")
ax.legend()
fig.tight_layout()
