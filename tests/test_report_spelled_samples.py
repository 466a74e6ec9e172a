"""sample_report with a sampler counts repeats and lengths of the samples as the
model spells them, as it tells training names: "Anna" and "anna" are one name."""

import unicodedata

from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar._left_out import written_forms
from sknextchar.metrics import sample_report

NAMES = ["anna", "emma", "zoë", "olivia", "mia"]


def _sampler(**transformer):
    pipe = make_pipeline(ContextWindowTransformer(alphabet="auto", **transformer),
                         KneserNeyClassifier())  # fmt: skip
    return NameSampler(pipe).fit(NAMES)


def test_case_variants_are_one_name_as_they_are_one_training_name():
    report = sample_report(["Anna", "anna", "EMMA"], _sampler())
    assert report.in_train == 1.0  # each is a training name, in the model's spelling
    assert report.distinct == 2 / 3  # so "Anna" and "anna" are one name
    assert report.mean_length == 4.0


def test_a_decomposed_accent_counts_as_one_letter():
    decomposed = unicodedata.normalize("NFD", "zoë")  # z, o, e, combining diaeresis
    assert len(decomposed) == 4
    report = sample_report([decomposed, "zoë"], _sampler())
    assert report.in_train == 1.0
    assert (report.distinct, report.mean_length) == (0.5, 3.0)


def test_a_list_is_compared_as_given():
    report = sample_report(["Anna", "anna"], NAMES)
    assert (report.in_train, report.distinct) == (0.5, 1.0)


def test_a_dropped_character_makes_no_other_name_nor_length():
    pipe = make_pipeline(ContextWindowTransformer(handle_unknown="drop"),
                         KneserNeyClassifier())  # fmt: skip
    sampler = NameSampler(pipe).fit(["jeanluc", *NAMES[:2], *NAMES[3:]])
    report = sample_report(["jean-luc", "jeanluc"], sampler)
    assert report.in_train == 1.0  # "jean-luc" is read as "jeanluc", as fit reads it
    assert (report.distinct, report.mean_length) == (0.5, 7.0)
    # A name the model reads as nothing is no training name, and no error.
    report = sample_report(["--", "anna"], sampler)
    assert (report.in_train, report.distinct) == (0.5, 1.0)


def _counting_encodes(monkeypatch, sampler):
    transformer = sampler.estimator_.steps[0][1]
    read, encode = [], transformer.encode

    def counted(names, *args, **kwargs):
        read.append(len(names))
        return encode(names, *args, **kwargs)

    monkeypatch.setattr(transformer, "encode", counted)
    return read


def test_a_dropping_model_reads_each_sample_once(monkeypatch):
    sampler = _sampler(handle_unknown="drop")
    samples = ["A-nna", "--", "anna", "Zoë", "x-y", "mia", "Mia"]
    expected = sampler.in_training_set(samples)  # before counting
    written = written_forms(sampler.estimator_.steps[0][1], samples)
    read = _counting_encodes(monkeypatch, sampler)
    report = sample_report(samples, sampler)
    # Read once as a whole (then its encodable names): not again to find them.
    assert read.count(len(samples)) == 1, read
    assert report.in_train == expected.mean() == 5 / 7  # "--", "x-y" written ""
    assert report.distinct == len(set(written)) / len(samples) == 4 / 7
    lengths = [len(name) for name in written]  # "" counts 0, as before
    assert report.mean_length == sum(lengths) / len(samples)
