"""A lowercase prefix to a model that keeps case, whose training names start
with it capitalised: ``prefix="ma"`` where they are ``"Maria"``,
``"Martin"``. The names drawn start with ``"ma"``, which few or none of them
do: ``sample`` and ``most_likely`` warn, and offer the capitalised prefix, in
the spelling of the interface (``prefix='Ma'``, ``--prefix Ma``)."""

import warnings

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    PerLabelClassifier,
)
from sknextchar.cli import main

STARTS = ["Ma", "Jo", "An", "Pe"]
ENDS = ["ria", "rta", "x", "rek", "tthias", "ja", "rgit", "lte", "nuel", "mira"]
NAMES = [s + e for s in STARTS for e in ENDS] * 3  # 30 names of each start


def sampler_of(names, **params):
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto", **params), KneserNeyClassifier()
    )
    return NameSampler(pipe, max_length=12).fit(names)


def _warned(call):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    return [str(w.message) for w in caught if "training names start" in str(w.message)]


def test_a_lowercase_prefix_of_capitalised_names_is_told_with_the_retyped_one():
    sampler = sampler_of(NAMES, lowercase=False)
    told = _warned(lambda: sampler.sample(5, prefix="ma", random_state=0))
    assert told == [
        "Fewer than 20 training names start with 'ma', and at least 20 with 'Ma': "
        "the model keeps the case of its names (it was fitted with "
        "lowercase=False), so its names start with 'ma' in lowercase. To generate "
        "names like those, pass prefix='Ma'."
    ]
    assert len(_warned(lambda: sampler.most_likely(2, prefix="ma"))) == 1
    # The prefix as the names start, or one of no name: nothing to tell.
    assert not _warned(lambda: sampler.sample(5, prefix="Ma", random_state=0))
    assert not _warned(lambda: sampler.sample(5, prefix="x", random_state=0))


@pytest.mark.parametrize("names", [NAMES, [n.lower() for n in NAMES]])
def test_nothing_is_told_when_the_prefix_starts_names_as_typed(names):
    sampler = sampler_of(names + [n.lower() for n in NAMES], lowercase=False)
    assert not _warned(lambda: sampler.sample(5, prefix="ma", random_state=0))
    lowered = sampler_of(NAMES)  # lowercase=True: "ma" is how it reads them
    assert not _warned(lambda: lowered.sample(5, prefix="ma", random_state=0))


def test_names_in_capitals_are_offered_the_prefix_in_capitals():
    sampler = sampler_of([n.upper() for n in NAMES] + ["Emma"], lowercase=False)
    told = _warned(lambda: sampler.sample(3, prefix="ma", random_state=0))
    assert len(told) == 1 and told[0].endswith("pass prefix='MA'.")


def test_cli_offers_the_flag(tmp_path, capsys):
    path, model = tmp_path / "names.txt", str(tmp_path / "m.skops")
    path.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    argv = ["train", str(path), "--model", "kneser-ney", "--keep-case"]
    assert main([*argv, "--alphabet", "auto", "-o", model]) == 0
    capsys.readouterr()
    assert main(["sample", model, "-n", "3", "--seed", "0", "--prefix", "ma"]) == 0
    err = capsys.readouterr().err
    assert "(it was fitted with --keep-case)" in err
    assert err.rstrip().endswith("To generate names like those, pass --prefix Ma.")


@pytest.mark.parametrize("method", ["sample", "most_likely"])
def test_no_warning_for_a_label_whose_names_start_in_lowercase(method):
    # The table of prefixes counts every label's names: the "Ma" names are
    # the label "m"'s, and the label "f" has only "ma" names. Asked for
    # label="f", prefix="ma", the model draws what it was trained on: the
    # offer of "Ma" (which the label "f" never starts with) is not made.
    lower = ["ma" + e for e in ENDS[:8]]
    names, labels = [*NAMES, *lower], ["m"] * len(NAMES) + ["f"] * len(lower)
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto", lowercase=False),
        PerLabelClassifier(KneserNeyClassifier()),
    )
    sampler = NameSampler(pipe, max_length=12).fit(names, labels)
    call = getattr(sampler, method)
    kept = {"random_state": 0} if method == "sample" else {}
    assert not _warned(lambda: call(3, prefix="ma", label="f", **kept))
    # the same names without labels: "Ma" is offered, as before
    alone = getattr(sampler_of(names, lowercase=False), method)
    assert _warned(lambda: alone(3, prefix="ma", **kept))
