"""sample_report with names that hold invisible characters, and with a prefix.

A training list copied from the web ("\\u200fmeena", "mee\\u00adna") made a
generated "meena" count as new, with no warning, and its length as 6; samples
that do not start with ``prefix`` had their lengths compared with those of the
training names that do.
"""

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar.metrics import sample_report

TRAIN = ["asha", "kiran", "kavi", "karan", "kamala", "ravi", "zoë"]


@pytest.mark.parametrize("mark", ["\u200f", "\u00ad", "\u200e", "\ufeff", "\u200b"])
def test_a_training_name_with_an_invisible_mark_is_a_training_name(mark):
    train = [f"{mark}meena", "asha", "kiran"]
    report = sample_report(["meena", "asha", "zoe"], train)
    assert report.in_train == pytest.approx(2 / 3)
    assert report.novel == pytest.approx(1 / 3)
    assert report.train_mean_length == pytest.approx(14 / 3)  # 5, 4, 5 letters


def test_marks_in_the_samples_and_test_names_are_left_out_too():
    report = sample_report(["mee\u00adna", "zoe"], ["meena"], test=["z\u200boe"])
    assert (report.in_train, report.in_test, report.novel) == (0.5, 0.5, 0.0)
    assert report.mean_length == 4.0


def test_a_case_variant_with_a_mark_is_a_training_name_too():
    report = sample_report(["meena"], ["Mee\u00adna"])
    assert report.in_train == 1.0


def test_a_name_of_marks_only_is_refused_as_blank():
    with pytest.raises(ValueError, match=r"train\[0\] is .*invisible characters"):
        sample_report(["asha"], ["\u200f\u00ad ", "asha"])


def _sampler(**params):
    pipe = make_pipeline(ContextWindowTransformer(**params), KneserNeyClassifier())
    return NameSampler(pipe).fit(TRAIN)


@pytest.mark.parametrize("train", ["list", "sampler"])
def test_samples_that_do_not_start_with_the_prefix_are_refused(train):
    train = TRAIN if train == "list" else _sampler(alphabet="auto")
    with pytest.raises(ValueError) as caught:
        sample_report(["kavi", "ravi", "meena"], train, prefix="ka")
    message = str(caught.value)
    assert message.startswith("samples[1] is 'ravi', which does not start with")
    assert "prefix='ka'" in message and "prefix=''" in message


def test_the_names_a_sampler_draws_with_a_prefix_are_taken():
    sampler = _sampler(alphabet="auto")
    with pytest.warns(UserWarning, match="capitals"):
        drawn = sampler.sample(50, prefix="Ka", random_state=0)
    report = sample_report(drawn, sampler, prefix="Ka")  # as sample was given it
    assert report.n == 50
    assert sample_report(drawn, TRAIN, prefix="Ka").n == 50  # a list: any case
    zoe = sampler.sample(20, prefix="zoë", random_state=0)
    assert sample_report(zoe, sampler, prefix="zoë").n == 20
    with pytest.raises(ValueError, match="'zoey', which does not start"):
        sample_report(["zoey"], sampler, prefix="zoë")  # the model keeps "ë"


def test_a_model_that_strips_accents_writes_the_prefix_without_them():
    sampler = _sampler(strip_accents="unicode")
    drawn = sampler.sample(20, prefix="zoë", random_state=0)
    assert all(name.startswith("zoe") for name in drawn)
    assert sample_report(drawn, sampler, prefix="Zoë").n == 20
    assert sample_report(drawn, TRAIN, prefix="Zoë").n == 20


def test_test_names_with_marks_count_with_a_sampler_as_train():
    sampler = _sampler(alphabet="auto")
    report = sample_report(["kavi", "anu"], sampler, test=["\u200fanu"])
    assert report.in_test == 0.5 and report.novel == 0.0


@pytest.mark.parametrize("train", ["list", "sampler"])
def test_a_prefix_closed_by_a_final_form_is_the_start_of_its_samples(train):
    # A model writes a name that ends right after the prefix "מיכ" with its
    # final form, "מיך" (as a Greek name ends in "ς"): the report refused the
    # sampler's own samples, telling to draw them with that prefix.
    names = ["מיכאל", "מיכה", "מיכל", "דניאל", "שרה", "רבקה", "מירב"]
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto"), KneserNeyClassifier()
    )
    sampler = NameSampler(pipe).fit(names)
    drawn = sampler.sample(200, prefix="מיכ", random_state=0)
    assert "מיך" in drawn  # the prefix as a whole name, in its final form
    report = sample_report(
        drawn, sampler if train == "sampler" else names, prefix="מיכ"
    )
    assert report.n == 200
    with pytest.raises(ValueError, match="'מירב', which does not start"):
        sample_report(["מיך", "מירב"], sampler, prefix="מיכ")
