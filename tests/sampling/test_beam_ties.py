"""most_likely on a count model whose unfinished names tie by the thousand.

A Kneser-Ney model without smoothing (``add_k=0``), trained on the first 2,000
bundled names (all starting with "a" or "b"), backs off after a prefix no
training name starts with: thousands of unfinished names then share one score
where the beam is cut. The tied names kept were arbitrary, and most_likely(5,
prefix="s") returned one name of the best score and four far below it.
"""

import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar.datasets import load_indian_names


@pytest.fixture(scope="module")
def counts():
    names = load_indian_names(return_X_y=True)[0][:2000]
    pipe = make_pipeline(
        ContextWindowTransformer(context_length=4), KneserNeyClassifier(add_k=0)
    )
    return NameSampler(pipe).fit(names)


def scores_after(sampler, prefix, names):
    """log P(name | prefix) of each name, from the next-character probabilities."""
    vocabulary = list(sampler.vocabulary_)  # vocabulary[0] ends a name
    scores = []
    for name in names:
        steps = range(len(prefix), len(name) + 1)
        proba = sampler.next_char_proba([name[:i] for i in steps])
        ids = [vocabulary.index(c) for c in name[len(prefix) :]] + [0]
        scores.append(np.log(proba[np.arange(len(ids)), ids]).sum())
    return np.array(scores)


@pytest.mark.parametrize("prefix", ["s", "k", "v"])
def test_ties_at_the_cut_keep_the_best_names_in_reach(counts, prefix):
    found = counts.most_likely(5, prefix=prefix)
    exact = counts.most_likely(5, prefix=prefix, beam_width=50_000)
    assert len(found) == 5 and all(name.startswith(prefix) for name in found)
    best = scores_after(counts, prefix, exact)
    assert np.isfinite(best).all()
    np.testing.assert_allclose(scores_after(counts, prefix, found), best)
