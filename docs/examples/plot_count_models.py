"""
==============================================
From the bigram table to a mixture with an MLP
==============================================

The lecture starts from counts: a table of how often each character follows each
other one. This example follows the count models up from there, with
:class:`~sknextchar.KneserNeyClassifier`: add-k smoothing of the bigram table, then
Kneser-Ney n-grams of growing order, and finally
:class:`~sknextchar.MixtureClassifier`, which mixes the best n-gram with a neural model
and predicts held-out names better than either.
"""

# %%
# The data
# --------
# Every model is fitted on 80% of the bundled names and scored on the other 20%: the
# held-out negative log-likelihood per character (NLL, nats; lower is better).
import matplotlib.pyplot as plt
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
)
from sknextchar.datasets import load_indian_names

train, held_out = train_test_split(load_indian_names(), test_size=0.2, random_state=0)


def count_model(context_length, **params):
    return Pipeline(
        [
            ("windows", ContextWindowTransformer(context_length=context_length)),
            ("clf", KneserNeyClassifier(**params)),
        ]
    )


# %%
# The bigram table and its smoothing
# ----------------------------------
# ``add_k`` adds ``k`` fake counts to every cell of the table before each row is
# normalised. Without them (``k = 0``) a pair never seen in training has probability
# 0, and a held-out name that contains one costs an infinite NLL; too many flatten
# the table towards the uniform distribution.
ks = [0.001, 0.01, 0.1, 1, 10, 100, 1000]
bigram_nll = [-count_model(1, add_k=k).fit(train).score(held_out) for k in ks]
unseen = count_model(1, add_k=0).fit(train)
print(f"add_k=0: held-out NLL {-unseen.score(held_out)}")
for k, nll in zip(ks, bigram_nll):
    print(f"add_k={k:<6}: held-out NLL {nll:.4f}")

# %%
# Kneser-Ney n-grams
# ------------------
# The order of the model is the context length plus one. Add-k smoothing of a longer
# context gets worse quickly: most contexts are rare, and their rows are mostly fake
# counts. Modified Kneser-Ney interpolates every order from the longest context down,
# so it keeps improving up to 6-grams on these names.
orders = range(2, 9)
add_one = [-count_model(n - 1, add_k=1).fit(train).score(held_out) for n in orders]
kneser_ney = [-count_model(n - 1).fit(train).score(held_out) for n in orders]

fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(orders, add_one, "o-", label="add-one counts")
ax.plot(orders, kneser_ney, "o-", label="modified Kneser-Ney")
ax.set_xlabel("order (context length + 1)")
ax.set_ylabel("held-out NLL (nats per character)")
ax.legend()
ax.set_title("Count models on the bundled names")
fig.tight_layout()

# %%
# Mixing the best n-gram with an MLP
# ----------------------------------
# A small MLP (to keep the example fast) and the Kneser-Ney 6-gram share windows of 6
# characters (the n-gram reads the last 5). A linear mixture
# :math:`P = w\,P_{KN} + (1 - w)\,P_{MLP}` is better than both ends for a range of
# weights; :class:`~sknextchar.MixtureClassifier` picks :math:`w` by EM on a tenth of
# the training names, without looking at the held-out ones.
best_order = orders[int(np.argmin(kneser_ney))]
print(f"best order: {best_order}")


def mixture_model(weights):
    members = [
        ("kn", KneserNeyClassifier(order=6)),
        (
            "mlp",
            CharEmbeddingMLPClassifier(
                embedding_dim=16, hidden_layer_sizes=(128,), max_iter=6, random_state=0
            ),
        ),
    ]
    return Pipeline(
        [
            ("windows", ContextWindowTransformer(context_length=6)),
            ("clf", MixtureClassifier(members, weights=weights, random_state=0)),
        ]
    )


fitted = mixture_model("fit").fit(train)
w_fitted = fitted["clf"].weights_[0]
grid = np.linspace(0, 1, 11)
# The members of one fit, mixed with every weight of the grid.
kn, mlp = fitted["clf"].estimators_
windows = fitted["windows"].transform(held_out)
rows = np.arange(len(windows))
p_kn = kn.predict_proba(windows)[rows, windows.targets]
p_mlp = mlp.predict_proba(windows)[rows, windows.targets]
sweep = [-np.mean(np.log(w * p_kn + (1 - w) * p_mlp)) for w in grid]

fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(grid, sweep, "o-", label="held-out NLL of the mixture")
ax.axvline(w_fitted, color="k", linestyle="--", label=f"EM weight {w_fitted:.2f}")
ax.set_xlabel("weight of the Kneser-Ney 6-gram")
ax.set_ylabel("held-out NLL (nats per character)")
ax.legend()
ax.set_title("Linear mixture of a Kneser-Ney 6-gram and an MLP")
fig.tight_layout()

print(f"MLP alone:        {sweep[0]:.4f}")
print(f"Kneser-Ney alone: {sweep[-1]:.4f}")
print(f"mixture (EM):     {-fitted.score(held_out):.4f}")

# %%
# ``combine="log-linear"`` multiplies the members' probabilities instead, each raised
# to its weight, and normalises; on these names it does a little better still. The
# benchmark report (``benchmarks/REPORT.md``) measures both with the tuned MLP, and
# with several MLPs trained from different seeds.
log_linear = mixture_model("fit")
log_linear.set_params(clf__combine="log-linear").fit(train)
print(f"log-linear mixture: {-log_linear.score(held_out):.4f}")
