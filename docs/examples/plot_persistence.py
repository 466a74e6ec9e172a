"""
=======================================
Save and load a model safely with skops
=======================================

A model trained once can be saved and used later, or elsewhere. A pickle (and so a
joblib file) can run any code when it is loaded, so load pickles only from sources
you trust. `skops <https://skops.readthedocs.io>`__ files load without running code,
and only with the types you trust by name: the package's list of them is
:func:`~sknextchar.get_trusted_types`. This example saves a model with skops, looks at
what the file asks to trust, and loads it, by hand and with the package's helpers.
"""

# %%
# A model to save
# ---------------
import tempfile
from pathlib import Path

from sklearn.pipeline import make_pipeline

from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer, NameSampler
from sknextchar.datasets import load_indian_names

names = load_indian_names()
pipe = make_pipeline(
    ContextWindowTransformer(context_length=3),
    CharEmbeddingMLPClassifier(hidden_layer_sizes=(64,), max_iter=5, random_state=0),
)
sampler = NameSampler(pipe, temperature=0.8).fit(names)
folder = Path(tempfile.mkdtemp())

# %%
# Save with skops
# ---------------
import skops.io

path = folder / "names.skops"
skops.io.dump(sampler, path)
print(f"{path.name}: {path.stat().st_size / 1024:.0f} KiB")

# %%
# What the file asks to trust
# ---------------------------
# skops trusts NumPy arrays, built-in types and scikit-learn's own estimators. The
# file also holds classes of sknextchar, which it does not trust until told:
print(skops.io.get_untrusted_types(file=path))

# %%
# Loading without trusting them fails:
try:
    skops.io.load(path)
except skops.io.exceptions.UntrustedTypesFoundException as exc:
    print(f"{type(exc).__name__}: {exc}")

# %%
# The package's trust list names its own classes and nothing else. Check that the
# file asks for nothing beyond it, then load:
from sknextchar import get_trusted_types

trusted = get_trusted_types()
print(trusted)
assert set(skops.io.get_untrusted_types(file=path)) <= set(trusted)
loaded = skops.io.load(path, trusted=trusted)

# %%
# The loaded model is the same model: the same probabilities, bit for bit, and the
# same names from the same seed.
import numpy as np

print(np.array_equal(loaded.predict_proba(["abid"]), sampler.predict_proba(["abid"])))
print(loaded.sample(8, random_state=0))
print(sampler.sample(8, random_state=0))

# %%
# The package's helpers
# ---------------------
# :func:`~sknextchar.save_model` writes skops by default, through a temporary file
# renamed at the end, so that a crash never leaves half a model behind.
# :func:`~sknextchar.load_model` loads skops files with the trust list, and refuses
# anything that is not a skops file unless you say that you trust it.
from sknextchar import load_model, save_model

saved = save_model(sampler, folder / "model.skops")
print(load_model(saved).sample(3, random_state=0))

save_model(sampler, folder / "model.joblib")  # joblib, chosen by the suffix
try:
    load_model(folder / "model.joblib")
except ValueError as exc:
    print(exc)
print(load_model(folder / "model.joblib", allow_pickle=True).sample(3, random_state=0))

# %%
# A model remembers the version of sknextchar that saved it: loading it with another
# version warns, with a :class:`~sknextchar.ModelVersionWarning` that names both.
# On the command line, ``sknextchar sample model.skops`` loads with the trust list
# too, and a joblib file needs ``--trust-pickle``.

# %%
# Remove the example's files.
import shutil

shutil.rmtree(folder)
