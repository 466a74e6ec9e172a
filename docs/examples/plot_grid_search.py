"""
================================================
Choose the context length and the embedding size
================================================

How many previous characters should the model look at, and how many numbers should
describe each character? :class:`~sklearn.model_selection.GridSearchCV` answers with
held-out likelihood: it tries every pair of ``windows__context_length`` in
{2, 3, 4, 5} and ``clf__embedding_dim`` in {2, 5, 10}, with 3-fold cross-validation
over the names, and keeps the pair with the best mean held-out score.

The fits run in two worker processes, on joblib's process backend; the same search
runs on a Dask cluster with a one-line change (see the end).
"""

# %%
# The data and the pipeline
# -------------------------
# A test set of names is held out from the whole search, to measure the chosen model
# once at the end. The bundled names are sorted alphabetically, so the folds are
# shuffled. To keep the example fast, each model has a small hidden layer and trains
# for 5 epochs on mini-batches of 256 windows: the ranking of the settings, not the
# best possible score, is the point here.
from sklearn.model_selection import GridSearchCV, KFold, train_test_split
from sklearn.pipeline import Pipeline

from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
from sknextchar.datasets import load_indian_names

names = load_indian_names()
train, test = train_test_split(names, test_size=0.1, random_state=0)

pipe = Pipeline(
    [
        ("windows", ContextWindowTransformer()),
        (
            "clf",
            CharEmbeddingMLPClassifier(
                hidden_layer_sizes=(64,), batch_size=256, max_iter=5, random_state=0
            ),
        ),
    ]
)
grid = {"windows__context_length": [2, 3, 4, 5], "clf__embedding_dim": [2, 5, 10]}
search = GridSearchCV(pipe, grid, cv=KFold(n_splits=3, shuffle=True, random_state=0))

# %%
# The search, on two processes
# ----------------------------
# ``n_jobs=2`` with joblib's process backend, loky (the default, named here).
from time import perf_counter

from joblib import parallel_config

start = perf_counter()
with parallel_config(backend="loky", n_jobs=2):
    search.fit(train)
print(f"{len(search.cv_results_['params']) * 3} fits in {perf_counter() - start:.0f} s")

# %%
# The results
# -----------
# ``mean_test_score`` is the mean log-likelihood per character on the held-out
# fold; minus it is the held-out negative log-likelihood (NLL), in nats per
# character: lower is better.
import pandas as pd

results = pd.DataFrame(search.cv_results_)
table = pd.DataFrame(
    {
        "context_length": results["param_windows__context_length"],
        "embedding_dim": results["param_clf__embedding_dim"],
        "held-out NLL": -results["mean_test_score"],
        "std": results["std_test_score"],
        "rank": results["rank_test_score"],
    }
).sort_values("rank")
print(table.round(4).to_string(index=False))

# %%
best_nll = -search.best_score_
print(f"best: {search.best_params_}, held-out NLL {best_nll:.4f} nats per character")
print(f"the refitted best model on the test names: {-search.score(test):.4f}")

# %%
# The grid as a picture: how much does each longer context, and each larger
# embedding, lower the held-out NLL?
import matplotlib.pyplot as plt

nll = table.pivot(
    index="embedding_dim", columns="context_length", values="held-out NLL"
)
fig, ax = plt.subplots(figsize=(6, 3.5))
image = ax.imshow(nll.to_numpy(), cmap="viridis_r", aspect="auto")
ax.set_xticks(range(nll.shape[1]), nll.columns)
ax.set_yticks(range(nll.shape[0]), nll.index)
ax.set_xlabel("context_length")
ax.set_ylabel("embedding_dim")
for (i, j), value in pd.DataFrame(nll.to_numpy()).stack().items():
    ax.text(j, i, f"{value:.3f}", ha="center", va="center", color="white")
fig.colorbar(image, label="held-out NLL (nats per character)")
ax.set_title("Grid search: mean held-out NLL over 3 folds")
fig.tight_layout()

# %%
# On a cluster: joblib's Dask backend
# -----------------------------------
# The same search runs on a Dask cluster by changing the backend's name. With
# ``dask[distributed]`` installed, and sknextchar installed on the workers::
#
#     from dask.distributed import Client
#
#     client = Client()  # a local cluster; or Client("tcp://scheduler-host:8786")
#     with parallel_config(backend="dask"):
#         search.fit(train)
#
# Each task receives its fold's names and cuts the windows on the worker. This
# example does not run that block, because Dask is not a dependency of sknextchar.
