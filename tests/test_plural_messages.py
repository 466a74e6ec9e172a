"""Messages whose words agree with a count (``_text.one_or_many``,
``_text.counted``): the singular and the plural of each."""

import io

import pytest

from sknextchar import ContextWindowTransformer
from sknextchar._chunk_progress import ChunkProgress
from sknextchar._file_passes import FilePasses
from sknextchar._generation import _after_prefix, _names
from sknextchar._length_match import _cut_words


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


def test_generation_counts_names_and_prefix_letters():
    assert (
        _names(1) == "1 name" and _names(2_000, "distinct ") == "2,000 distinct names"
    )
    assert _after_prefix(1) == " after a prefix of 1 letter"
    assert _after_prefix(3) == " after a prefix of 3 letters"
    assert _after_prefix(0) == ""


def test_the_lengths_kept_are_counted_in_letters():
    assert _cut_words([0, 1, 1], 1, 2) == ""
    assert _cut_words([1, 1, 1], 1, 2) == " with 1 letter or more"
    assert _cut_words([0, 1, 1, 1], 2, 3) == " with 2 letters or more"
    assert _cut_words([0, 1, 1], 0, 1) == " with at most 1 letter"
    assert _cut_words([0, 1, 1, 1], 1, 2) == " with at most 2 letters"


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
    passes.epochs_done = done
    assert lost in passes._changed("the second pass", "found it changed")
