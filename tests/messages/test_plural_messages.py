"""Messages whose words agree with a count (``_words.one_or_many``,
``_words.counted``): the singular and the plural of each."""

import io

import numpy as np
import pytest

from sknextchar import ContextWindowTransformer
from sknextchar._chunk_progress import ChunkProgress
from sknextchar._decoding import SamplingControls
from sknextchar._file_passes import FilePasses
from sknextchar._generation import check_reachable
from sknextchar._holdout import check_hold_out
from sknextchar._length_match import length_matcher


@pytest.fixture(scope="module")
def transformer():
    return ContextWindowTransformer().fit(["ana", "bob"])


@pytest.mark.parametrize(
    ("names", "advice"),
    [(["zoë"], "Clean the name, or"), (["zoë", "çë"], "Clean the names, or")],
)
def test_unknown_characters_advise_cleaning_the_names_there_are(
    transformer, names, advice
):
    with pytest.raises(ValueError, match=r"Found characters outside") as raised:
        transformer.transform(names)
    assert advice in str(raised.value)  # "Clean the names" for one name, before


@pytest.mark.parametrize(
    ("prefix", "advice"),
    [("aë", "Remove that character, or"), ("aëç", "Remove those characters, or")],
)
def test_unknown_characters_of_a_prefix_are_one_or_many(transformer, prefix, advice):
    with pytest.raises(ValueError, match=r"Found characters outside") as raised:
        transformer.encode_prefix_list([prefix])
    assert advice in str(raised.value)


@pytest.mark.parametrize(
    ("n_prefix", "after"),
    [
        (0, "at each step). Ask"),
        (1, "at each step after a prefix of 1 letter). Ask"),
        (3, "at each step after a prefix of 3 letters). Ask"),
    ],
)
def test_a_refused_request_counts_the_prefix_letters(n_prefix, after):
    controls = SamplingControls(max_length=n_prefix + 1)
    with pytest.raises(ValueError, match="unique=True asks for 5 distinct") as info:
        check_reachable(5, n_letters=2, n_prefix=n_prefix, controls=controls)
    assert after in str(info.value)


@pytest.mark.parametrize(
    ("n_samples", "n_letters", "max_length", "counts"),
    [
        (1, 1, 1, "asks for 1 distinct name, but at most 0 new ones can be "
         "generated: 1 name exists with"),
        (2_000, 10, 4, "asks for 2,000 distinct names, but at most 0 new ones can "
         "be generated: 11,110 names exist with"),  # 10 + 100 + 1,000 + 10,000
    ],
)  # fmt: skip
def test_a_request_of_new_names_counts_the_names(
    n_samples, n_letters, max_length, counts
):
    n_names = sum(n_letters**k for k in range(1, max_length + 1))
    every = (lambda ids: np.ones(len(ids), dtype=bool), n_names, "training names")
    with pytest.raises(ValueError) as info:  # every name is left out
        check_reachable(
            n_samples, n_letters=n_letters, n_prefix=0,
            controls=SamplingControls(max_length=max_length), left_out=every,
            prefix_ids=np.array([], np.uint8),
        )  # fmt: skip
    assert counts in str(info.value)


@pytest.mark.parametrize(
    ("target", "fits", "cut"),
    [
        ([0, 1, 1], (1, 2), ""),
        ([1, 1, 1], (1, 2), " with 1 letter or more"),
        ([0, 1, 1, 1], (2, 3), " with 2 letters or more"),
        ([0, 1, 1], (0, 1), " with at most 1 letter"),
        ([0, 1, 1, 1], (1, 2), " with at most 2 letters"),
    ],
)
def test_the_lengths_kept_are_counted_in_letters(target, fits, cut):
    # target[k] names of k letters; those outside fits cannot be matched.
    rng = np.random.default_rng(0)
    keep = length_matcher(target, SamplingControls(), rng, fits=fits)
    assert keep.tally.cut == cut


@pytest.mark.parametrize(
    ("n_units", "groups", "units"),
    [
        (1, None, "of 1 row leaves"),
        (2, np.array([0, 0]), "of 1 distinct name leaves"),
        (1_500, None, "of 1,500 rows leaves"),
    ],
)
def test_a_hold_out_too_small_counts_its_units(n_units, groups, units):
    fraction = 0.5 if n_units < 3 else 0.9999  # leaves 0 (or 1 unit) for training
    with pytest.raises(ValueError, match="The validation set is too small") as info:
        check_hold_out(n_units, groups, fraction)
    assert units in str(info.value)


@pytest.mark.parametrize(
    ("n_kept", "kept"), [(1, "1 prefix kept"), (12, "12 prefixes")]
)
def test_a_prefix_pass_counts_its_prefixes(n_kept, kept):
    out = io.StringIO()
    ChunkProgress(n_chunks=1, n_epochs=1, stream=out).prefix_pass(2, n_kept, 0.5)
    assert kept in out.getvalue()


@pytest.mark.parametrize(
    ("done", "lost"),
    [
        (1, " The epoch this training finished is not kept. "),
        (2, " The 2 epochs this training finished are not kept. "),
    ],
)
def test_a_changed_file_counts_the_epochs_lost(tmp_path, done, lost):
    path = tmp_path / "names.txt"
    path.write_text("anna\n", encoding="utf-8")
    passes = FilePasses(path)
    with passes.reading():  # the first pass
        pass
    passes.epochs_done = done
    path.write_text("anna\nzoe\n", encoding="utf-8")
    with pytest.raises(ValueError, match="changed while training read it") as info:
        passes.check("the second pass")
    assert lost in str(info.value)
