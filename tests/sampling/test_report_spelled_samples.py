"""sample_report with a sampler counts repeats and lengths of the samples as the
model spells them, as it tells training names: "Anna" and "anna" are one name."""

import unicodedata
import warnings

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar._empty_names import EmptyNamesError
from sknextchar._left_out import written_forms
from sknextchar._training_record import folds_case
from sknextchar.metrics import sample_report

NAMES = ["anna", "emma", "zoë", "olivia", "mia"]


def _sampler(names=NAMES, **transformer):
    pipe = make_pipeline(ContextWindowTransformer(alphabet="auto", **transformer),
                         KneserNeyClassifier())  # fmt: skip
    return NameSampler(pipe).fit(names)


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


def test_a_list_is_compared_in_any_case_but_its_repeats_as_given():
    report = sample_report(["Anna", "anna"], NAMES)
    assert (report.in_train, report.distinct) == (1.0, 1.0)


def test_a_capitalised_training_list_counts_what_the_sampler_counts():
    # A model that lowercases draws "anna"; a user's column of names has "Anna"
    # and "EMMA". With the column as train the report counted them as new (and
    # warned): on a table of baby names, 29% training names and 71% new, where
    # the sampler as train said 75% and 25%.
    capitalised = ["Anna", "EMMA", "Zoë", "Olivia", "MIA", "Noah", "LIAM"]
    sampler = _sampler(capitalised)
    drawn = sampler.sample(300, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        listed = sample_report(drawn, capitalised)
        tested = sample_report(drawn, sampler, test=capitalised)
    by_sampler = sample_report(drawn, sampler)
    assert listed.in_train == by_sampler.in_train > 0.25  # 0.0 as given
    assert listed.novel == by_sampler.novel
    assert tested.in_test == by_sampler.in_train  # test names alike


def test_a_list_finds_names_in_any_case_as_the_sampler_does():
    # str.casefold is not the model's fold: it made "ipek" and "IPEK" (a model
    # that lowercases writes "ipek" of "İpek") and "AYDIN" ("Aydın" in
    # capitals) new names, and "STRASSE", of another length, "Straße".
    names = ["İpek", "Aydın", "Straße", "Anna", "José", "PEKIN", "DYSTRA"]
    sampler = _sampler(names, lowercase=False)  # it writes each of the drawn
    drawn = ["ipek", "IPEK", "AYDIN", "aydın", "STRASSE", "strasse", "ANNA", "jose"]
    listed = sample_report(drawn, names)
    assert listed.in_train == 5 / 8  # all but the two "strasse" and "jose"
    by_sampler = sample_report(drawn, sampler)
    assert (listed.in_train, listed.novel) == (by_sampler.in_train, by_sampler.novel)
    assert sample_report(drawn, sampler, test=names).in_test == 5 / 8


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


def _counting_reads(monkeypatch, sampler):
    """The calls of the transformer's ``encode`` and ``normalize``, by size."""
    transformer, read = sampler.estimator_.steps[0][1], []
    for method in ("encode", "normalize"):
        original = getattr(transformer, method)

        def counted(names, *args, _original=original, _method=method, **kwargs):
            read.append((_method, len(names)))
            return _original(names, *args, **kwargs)

        monkeypatch.setattr(transformer, method, counted)
    return read


@pytest.mark.parametrize("lowercase", [True, False])
def test_a_dropping_model_reads_the_samples_as_in_training_set_alone(
    monkeypatch, lowercase
):
    # One reading gives the report both the spelling and the training names,
    # with case kept (found in any case, as novel=True) too.
    sampler = _sampler([*NAMES, "Mia"], handle_unknown="drop", lowercase=lowercase)
    samples = ["A-nna", "--", "anna", "Zoë", "x-y", "mia", "Mia", "ANNA"]
    ignore_case = folds_case(sampler)
    assert ignore_case is not lowercase
    expected = sampler.in_training_set(samples, ignore_case=ignore_case)
    written = written_forms(sampler.estimator_.steps[0][1], samples)
    read = _counting_reads(monkeypatch, sampler)
    sampler.in_training_set(samples, ignore_case=ignore_case)
    alone, read[:] = list(read), []
    report = sample_report(samples, sampler)
    assert read == alone
    assert report.in_train == expected.mean()
    assert report.distinct == len(set(written)) / len(samples)


def test_a_sample_read_as_nothing_is_refused_as_by_in_training_set():
    sampler = _sampler([*NAMES, "Mia"], handle_unknown="drop", lowercase=False)
    with pytest.raises(EmptyNamesError, match="invisible") as asked:
        sampler.in_training_set(["\u200e"], ignore_case=True)
    with pytest.raises(EmptyNamesError) as reported:
        sample_report(["\u200e"], sampler)
    assert str(reported.value) == str(asked.value)
