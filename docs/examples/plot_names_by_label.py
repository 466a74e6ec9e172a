"""
==============
Names by label
==============

One model, fitted on names and their labels, works in both directions: it generates
names of a requested label, ``P(name | label)``, and, by Bayes' rule, it tells the
label of a given name, ``P(label | name)``. The bundled names come from a list of
male names and a list of female names, so their label is the list.
"""

# %%
# Names and labels
# ----------------
# ``load_indian_names(return_X_y=True)`` gives each name with the label of its list
# (the few names in both lists appear once with each label). To keep the example
# fast, it trains on a third of the names; the split is by name, so the two rows of
# a shared name stay together.
import matplotlib.pyplot as plt
import numpy as np
from sklearn.frozen import FrozenEstimator
from sklearn.metrics import ConfusionMatrixDisplay, balanced_accuracy_score

from sknextchar import NameLabelClassifier, NameSampler, make_default_pipeline
from sknextchar.datasets import load_indian_names

names, labels = map(np.array, load_indian_names(return_X_y=True))
rng = np.random.default_rng(0)
distinct = rng.permutation(np.unique(names))
train_names, test_names = set(distinct[:5000]), set(distinct[-2000:])
train = np.isin(names, list(train_names))
test = np.isin(names, list(test_names))
print(f"{train.sum():,} training rows, {test.sum():,} held-out rows")
print({label: int((labels[train] == label).sum()) for label in ("female", "male")})

# %%
# One conditional model
# ---------------------
# The default pipeline, fitted with labels: the classifier learns an embedding of
# each label beside the characters' embeddings. ``NameLabelClassifier`` fits it and
# turns it into a classifier of names. With ``priors="uniform"`` the three male
# names for each female one do not push uncertain names towards "male".
pipe = make_default_pipeline(random_state=0).set_params(clf__max_iter=10)
classifier = NameLabelClassifier(pipe, priors="uniform")
classifier.fit(names[train], labels[train])

# %%
# Female and male names, side by side
# -----------------------------------
# The same fitted pipeline generates names of each label, with every control of
# :class:`~sknextchar.NameSampler` (here: new names only, and a prefix).
sampler = NameSampler(FrozenEstimator(classifier.pipeline_)).fit(
    names[train], labels[train]
)
columns = {
    label: sampler.sample(8, label=label, novel=True, unique=True, random_state=1)
    for label in ("female", "male")
}
columns.update(
    {
        f"{label}, prefix 'ka'": sampler.sample(
            8, label=label, prefix="ka", novel=True, unique=True, random_state=1
        )
        for label in ("female", "male")
    }
)
print("  ".join(f"{title:18s}" for title in columns))
for row in zip(*columns.values()):
    print("  ".join(f"{name:18s}" for name in row))

# %%
# The label of a name
# -------------------
# On held-out names: accuracy is dominated by the common label, balanced accuracy
# weighs both labels equally.
predicted = classifier.predict(names[test])
print(f"accuracy {classifier.score(names[test], labels[test]):.3f}")
print(f"balanced accuracy {balanced_accuracy_score(labels[test], predicted):.3f}")
ConfusionMatrixDisplay.from_predictions(
    labels[test], predicted, normalize="true", cmap="Blues"
)
plt.title("Held-out names: share of each true label")
plt.show()

# %%
# The names the model is least sure about
# ---------------------------------------
# Names whose probability of being female is closest to one half: the model finds
# their letters about as likely under either label (endings such as -u and -i,
# which both lists share, are common among them).
proba = classifier.predict_proba(names[test])[:, 0]  # classes_ is female, male
unsure = np.argsort(np.abs(proba - 0.5))[:10]
for name, p, label in zip(names[test][unsure], proba[unsure], labels[test][unsure]):
    print(f"{name:12s} P(female) = {p:.3f}   (listed as {label})")

# %%
# How much a label tells
# ----------------------
# The log-likelihood of the held-out names under their own label and under the other
# one, per character: the gap is the information the label carries about the
# letters, in nats per character.
log_likelihood = classifier.log_likelihood(names[test])
own = np.searchsorted(classifier.classes_, labels[test])
n_chars = sum(len(name) + 1 for name in names[test])
rows = np.arange(len(own))
for what, column in (("own label", own), ("other label", 1 - own)):
    nll = -log_likelihood[rows, column].sum() / n_chars
    print(f"{what:12s} {nll:.3f} nats per character")
