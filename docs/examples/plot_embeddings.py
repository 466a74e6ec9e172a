"""
========================
The character embeddings
========================

Every symbol has a learned vector, its embedding. With two numbers per symbol
(``embedding_dim=2``) the embeddings can be drawn as they are: the lecture's picture.
Symbols that play similar roles in names end up close together; in particular, a
trained model tends to group the vowels. This example also draws the training curve,
and the embeddings of a larger model, projected to two dimensions.
"""

# %%
# A model with 2-D embeddings
# ---------------------------
# ``early_stopping=True`` holds out 10% of the training names, records the held-out
# score after every epoch, and keeps the weights of the best epoch.
from sklearn.pipeline import make_pipeline

from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
from sknextchar.datasets import load_indian_names
from sknextchar.plotting import plot_embeddings, plot_loss_curve

names = load_indian_names()
pipe_2d = make_pipeline(
    ContextWindowTransformer(context_length=3),
    CharEmbeddingMLPClassifier(
        embedding_dim=2,
        hidden_layer_sizes=(128,),
        max_iter=10,
        early_stopping=True,
        random_state=0,
    ),
).fit(names)
fig = plot_embeddings(pipe_2d)

# %%
# The embeddings are the first layer of the network: a :math:`27 \times 2` table.
clf = pipe_2d[-1]
print(clf.embeddings_.shape)
print(f"held-out log-likelihood per character: {clf.best_validation_score_:.3f}")

# %%
# The training curve
# ------------------
# The training loss (cross-entropy plus the L2 penalty) and the held-out score of
# every epoch.
fig = plot_loss_curve(pipe_2d)

# %%
# More dimensions
# ---------------
# With ``embedding_dim=10``, the picture is the projection of the embeddings on their
# first two principal components; the axis labels say how much of the variance each
# keeps. Two panels, drawn on axes made beforehand with ``ax=``:
import matplotlib.pyplot as plt

pipe_10d = make_pipeline(
    ContextWindowTransformer(context_length=3),
    CharEmbeddingMLPClassifier(
        embedding_dim=10, hidden_layer_sizes=(128,), max_iter=10, random_state=0
    ),
).fit(names)
fig, axes = plt.subplots(1, 2, figsize=(12, 5))
plot_embeddings(pipe_2d, ax=axes[0])
plot_embeddings(pipe_10d, ax=axes[1])
fig.tight_layout()
