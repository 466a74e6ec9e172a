"""
================================
Temperature: the lecture's table
================================

The temperature :math:`T` reshapes the next-character distribution before a
character is drawn: the model's log-probabilities :math:`z_i` are divided by
:math:`T` and normalised again, :math:`P_i = \\exp(z_i / T) / \\sum_j \\exp(z_j / T)`.
:math:`T = 1` leaves the model as it is, :math:`T < 1` sharpens it (:math:`T = 0` is
greedy: always the most probable character), :math:`T > 1` flattens it
(:math:`T = \\infty` is uniform). This example prints the lecture's table, draws it,
and shows what it does to the names.
"""

# %%
# A model
# -------
# A quick model: all the names, a hidden layer of 128 units, 8 epochs.
from sklearn.pipeline import make_pipeline

from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer, NameSampler
from sknextchar.datasets import load_indian_names

names = load_indian_names()
pipe = make_pipeline(
    ContextWindowTransformer(context_length=3),
    CharEmbeddingMLPClassifier(hidden_layer_sizes=(128,), max_iter=8, random_state=0),
)
sampler = NameSampler(pipe, min_length=4, max_length=10).fit(names)

# %%
# The table
# ---------
# The next character after ``abi``, at three temperatures: the most probable
# characters first. Each column sums to 1 over the 27 symbols. The end marker
# ``-`` gets no probability here, whatever the temperature: the sampler's
# ``min_length=4`` does not let a name end after three letters, and the table
# shows the distribution that the sampler draws from.
table = sampler.temperature_table("abi", temperatures=(0.5, 1, 2))
print(table.to_string(top=10))

# %%
# The limits: greedy at :math:`T = 0`, uniform at :math:`T = \infty`.
limits = sampler.temperature_table("abi", temperatures=(0, 1, float("inf")))
print(limits.to_string(top=5))

# %%
# The same distributions as a picture, with
# :func:`sknextchar.plotting.plot_temperature`:
from sknextchar.plotting import plot_temperature

fig = plot_temperature(sampler, "abi", temperatures=(0.5, 1, 2))

# %%
# What it does to the names
# -------------------------
# The temperature is a parameter of the sampler: change it with ``set_params``, no
# refitting. A low temperature gives common, safe names (many already exist); a high
# one gives inventive names, and then strange ones.
known = set(names)
for temperature in (0.25, 0.5, 0.8, 1.0, 1.5, 3.0):
    sampler.set_params(temperature=temperature)
    sampled = sampler.sample(1000, random_state=0)
    existing = sum(name in known for name in sampled) / len(sampled)
    print(f"T={temperature:<4g} {existing:4.0%} existing  {', '.join(sampled[:8])}")
