"""
========================
Names from your own file
========================

Train on your own names: a text file with one name per line. This example writes such
a file, as a user would have it (capitals, blank lines, a few names with an apostrophe
or an accent), reads it with :func:`~sknextchar.datasets.load_names`, deals with the
characters outside a-z, trains, and samples new names.
"""

# %%
# The file
# --------
# Here it is made from the bundled names, capitalised, with a few names added that
# contain characters outside a-z. Yours needs no preparation beyond one name per line.
import tempfile
from pathlib import Path

from sknextchar.datasets import load_indian_names, load_names

lines = [name.capitalize() for name in load_indian_names()[::2]]
lines += ["", "D'Souza", "Zoë", "Renée", "  Anaïs  ", "O'Neil"]
path = Path(tempfile.mkdtemp()) / "my_names.txt"
path.write_text("\n".join(lines), encoding="utf-8")

names = load_names(path)  # strips spaces, skips blank lines, keeps the rest
print(len(names), names[:3], names[-5:])

# %%
# Characters outside the alphabet
# -------------------------------
# By default the alphabet is a-z (names are lowercased first), and a name with any
# other character is an error that lists the characters and the names they occur in:
from sknextchar import ContextWindowTransformer

try:
    ContextWindowTransformer().fit_transform(names)
except ValueError as exc:
    print(exc)

# %%
# Two ways out. ``handle_unknown="drop"`` removes those characters (``d'souza``
# becomes ``dsouza``); ``alphabet="auto"`` learns the alphabet from the names, so
# the model can write apostrophes and accents too:
dropped = ContextWindowTransformer(handle_unknown="drop").fit(names)
print("".join(dropped.vocabulary_))
learned = ContextWindowTransformer(alphabet="auto").fit(names)
print("".join(learned.vocabulary_))

# %%
# Train and sample
# ----------------
from sklearn.pipeline import make_pipeline

from sknextchar import CharEmbeddingMLPClassifier, NameSampler

pipe = make_pipeline(
    ContextWindowTransformer(context_length=3, alphabet="auto"),
    CharEmbeddingMLPClassifier(hidden_layer_sizes=(128,), max_iter=8, random_state=0),
)
sampler = NameSampler(pipe, temperature=0.8, min_length=4, max_length=10).fit(names)
new = sampler.sample(12, unique=True, novel=True, random_state=0)  # not in the file
print([name.capitalize() for name in new])

# %%
# The rare characters are in the model's vocabulary, with small probabilities. The
# names the model finds most and least plausible among a few:
candidates = ["asha", "renée", "zoë", "qxzv"]
scores = sampler.score_samples(candidates, per_char=True)
for name, score in sorted(zip(candidates, scores), key=lambda pair: -pair[1]):
    print(f"{name:8} {score:7.3f} nats per character")

# %%
# The same from the command line::
#
#     sknextchar train my_names.txt --alphabet auto -o my_model.skops
#     sknextchar sample my_model.skops -n 12 --unique \
#         --exclude-file my_names.txt --seed 0

# %%
# Remove the example's file.
import shutil

shutil.rmtree(path.parent)
