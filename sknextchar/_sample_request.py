"""The checks of a sampling request, before any name is drawn.

``NameSampler.sample`` (and ``most_likely``, ``next_char_proba`` and
``temperature_table``, for their prefixes and names to skip) checks its
arguments here: the sampling parameters (temperature, ``top_k``, ``top_p``, the
length bounds), validated at each call (``predict_log_proba`` reads its
temperature so); the counts and flags of a call; the
names to exclude, as the model writes them (with the counts and flags, in the
call's :class:`~sknextchar._set_request.SetRequest`, :func:`checked_request`);
the prefixes, encoded within ``max_length``; and whether the request can be met
at all (memory, enough distinct names), with what it can give
(:class:`~sknextchar._request_support.RequestSupport`) for the message of a sampling
that falls short. Functions only; the sampler passes itself where its
parameters, vocabulary and record are read.
"""

import warnings
from dataclasses import fields
from functools import partial

import numpy as np

from ._compat import validate_parameter_constraints
from ._dead_ends import LongPrefixError
from ._decoding import SamplingControls, length_bounds
from ._generation import (
    check_reachable,
    check_sample_memory,
    given_bounds,
    largest_batch,
    largest_round,
    sample_memory,
)
from ._left_out import left_out_test, written_forms
from ._length_match import LENGTH_PILOT
from ._letter_forms import read_as_ascii
from ._pattern_names import check_pattern_names
from ._prefix_lengths import prefix_counts
from ._request_support import RequestSupport
from ._set_request import SetRequest
from ._sizes import machine_memory, memory_available
from ._stacklevel import user_stacklevel
from ._validation import check_bool, check_exclude, check_positive_int, check_prefix

__all__ = [
    "check_feasible",
    "checked_counts_and_flags",
    "checked_request",
    "encode_prefix",
    "encode_prefixes",
    "lowers_capitals",
    "normalised_exclude",
    "round_bound",
    "sampling_controls",
    "warn_lowered_prefix",
    "warn_prefix_case",
]

# The constructor parameters that shape sampling: SamplingControls' fields, so
# that a new control is a field there and a parameter of NameSampler.
_CONTROLS = tuple(field.name for field in fields(SamplingControls))


def checked_counts_and_flags(
    n_samples, max_rounds, unique, return_scores, on_batch=None
):
    """The counts and flags of a ``sample`` call, checked (``on_batch``:
    a callable or None, not with ``return_scores``)."""
    checked = (
        check_positive_int(n_samples, "n_samples"),
        check_positive_int(max_rounds, "max_rounds"),
        check_bool(unique, "unique"),
        check_bool(return_scores, "return_scores"),
    )
    if on_batch is not None and not callable(on_batch):
        raise TypeError(
            "on_batch must be a function of a list of names, or None, not "
            f"{type(on_batch).__name__}: e.g. on_batch=print"
        )
    if on_batch is not None and checked[3]:
        raise ValueError(
            "on_batch and return_scores=True cannot go together: on_batch keeps "
            "no names to return scores of; score each batch in on_batch "
            "(score_samples), or leave out on_batch"
        )
    return checked


def checked_request(
    sampler, transformer, n_samples, *, max_rounds, unique, exclude, novel,
    pattern, match_lengths, on_batch, return_scores,
):  # fmt: skip
    """The :class:`~sknextchar._set_request.SetRequest` of a ``sample`` call
    of ``sampler`` (its controls, counts, flags and names to exclude checked,
    in that order), and ``return_scores`` checked. ``novel``, ``pattern`` and
    ``match_lengths`` are checked by the filter they set
    (:func:`~sknextchar._sample_filters.sample_filter`), before any name is
    drawn.
    """
    controls = sampling_controls(sampler)
    n_samples, max_rounds, unique, return_scores = checked_counts_and_flags(
        n_samples, max_rounds, unique, return_scores, on_batch
    )
    request = SetRequest(
        n_samples, unique=unique, exclude=normalised_exclude(transformer, exclude),
        max_rounds=max_rounds, controls=controls, novel=novel, pattern=pattern,
        pilot=LENGTH_PILOT * bool(match_lengths), emit=on_batch,
    )  # fmt: skip
    return request, return_scores


def normalised_exclude(transformer, exclude):
    """The names to exclude, checked, as the model writes them (written_forms)."""
    return check_exclude(exclude, normalize=partial(written_forms, transformer))


def encode_prefix(transformer, prefix, controls):
    """The letters and the context of one prefix, checked. Its capitals that
    the model reads as lowercase letters are told by the caller once the
    request is checked (:func:`warn_lowered_prefix`): a request refused gets
    the refusal alone."""
    ids, _, context = encode_prefixes(
        transformer, [check_prefix(prefix)], controls, one_prefix=True
    )
    return ids, context


def warn_lowered_prefix(transformer, prefix, ids, named="the prefix", made="names"):
    """Warn that a model of lowercased names reads ``prefix``'s capitals as
    lowercase letters, so that the names start, and go on, in lowercase.

    Parameters
    ----------
    transformer : ContextWindowTransformer
        Fitted: the model's.
    prefix : str
        The prefix as given.
    ids : ndarray of int
        Its letters as the model reads them.
    named : str, default="the prefix"
        How the advice to pass it in lowercase names it: an interface's own
        word for it (``CONTEXT``, ``--tree``).
    made : {"names", "table", "picture"}, default="names"
        What is made after the prefix, in the warning's words: names
        generated, a table of the next characters, a picture.

    Examples
    --------
    >>> import warnings
    >>> import numpy as np
    >>> from sknextchar import ContextWindowTransformer
    >>> t = ContextWindowTransformer().fit(["jane"])
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_lowered_prefix(t, "Ja", np.array([10, 1]))  # "ja"
    >>> print(caught[0].message)  # doctest: +NORMALIZE_WHITESPACE
    The prefix 'Ja' has capitals, which this model reads as lowercase letters
    (it was fitted with lowercase=True, the default): its names start with
    'ja', in lowercase. To generate names with capitals, fit the model again
    with lowercase=False and alphabet='auto'; to leave out this warning, pass
    the prefix in lowercase.
    """
    if not lowers_capitals(transformer, prefix):
        return
    wide = ", and full-width letters, read as ASCII ones as the model learned them"
    warnings.warn(
        f"The prefix {prefix!r} has capitals, which this model reads as "
        "lowercase letters (it was fitted with lowercase=True, the default)"
        f"{wide if read_as_ascii(prefix, transformer) else ''}: "
        f"{_MADE[made][0]} {transformer.decode(ids)!r}, in lowercase. To "
        f"{_MADE[made][1]}, fit the model again with "
        "lowercase=False and alphabet='auto'; to leave out this warning, pass "
        f"{named} in lowercase.",
        UserWarning,
        stacklevel=user_stacklevel(),
    )


def warn_prefix_case(sampler, transformer, prefix, ids, named="prefix", label=None):
    """Warn that few training names of a model that keeps case start with
    the lowercase ``prefix``, and many with it capitalised (or in capitals):
    ``prefix="ma"`` where the names are ``"Maria"``, ``"Martin"``.

    Parameters
    ----------
    sampler : NameSampler
        Fitted: its ``training_prefix_lengths_`` counts the names by prefix
        (absent, or None: no warning).
    transformer : ContextWindowTransformer
        The model's.
    prefix : str
        The prefix as given.
    ids : ndarray of int
        Its letters as the model reads them.
    named : str, default="prefix"
        The parameter that takes it, as the advice spells it.
    label : object, default=None
        The label asked for: none is warned, as the table counts the names
        of every label (the capitalised names may be another label's).

    Examples
    --------
    >>> import warnings
    >>> from types import SimpleNamespace
    >>> from sknextchar import ContextWindowTransformer
    >>> from sknextchar._prefix_lengths import prefix_lengths
    >>> t = ContextWindowTransformer(lowercase=False, alphabet="auto")
    >>> names = ["Maria", "Marta", "Mila", "mia"]
    >>> table = prefix_lengths(t.fit(names).encode(names), min_names=2)
    >>> s = SimpleNamespace(training_prefix_lengths_=table)
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_prefix_case(s, t, "ma", t.encode_prefix_list(["ma"])[0])
    >>> print(caught[0].message)  # doctest: +NORMALIZE_WHITESPACE
    Fewer than 2 training names start with 'ma', and at least 2 with 'Ma':
    the model keeps the case of its names (it was fitted with lowercase=False),
    so its names start with 'ma' in lowercase. To generate names like those,
    pass prefix='Ma'.
    """
    table = getattr(sampler, "training_prefix_lengths_", None)
    if table is None or label is not None or transformer.lowercase:
        return
    if prefix != prefix.lower():
        return
    if prefix_counts(table, ids) is not None:  # enough names start with it
        return
    for retyped in dict.fromkeys((prefix.capitalize(), prefix.upper())):
        try:
            other = transformer.encode_prefix_list([retyped], what="prefix")[0]
        except ValueError:  # a capital the model does not know
            continue
        if retyped != prefix and prefix_counts(table, other) is not None:
            warnings.warn(
                f"Fewer than {table['min_names']} training names start with "
                f"{prefix!r}, and at least {table['min_names']} with {retyped!r}: "
                "the model keeps the case of its names (it was fitted with "
                f"lowercase=False), so its names start with {prefix!r} in "
                f"lowercase. To generate names like those, pass {named}={retyped!r}.",
                UserWarning,
                stacklevel=user_stacklevel(),
            )
            return


# What is made after a prefix read in lowercase (warn_lowered_prefix's
# ``made``): what it starts with, then what capitals would take.
_MADE = {
    "names": ("its names start with", "generate names with capitals"),
    "table": (
        "the table is of the characters after",
        "see the characters after capitals",
    ),
    "picture": ("the picture is of what follows", "draw what follows capitals"),
}


def lowers_capitals(transformer, prefix):
    """Whether the fitted ``transformer`` reads the capitals of ``prefix`` as
    lowercase letters (:func:`warn_lowered_prefix` warns of it).

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> t = ContextWindowTransformer().fit(["jane"])
    >>> lowers_capitals(t, "Ja"), lowers_capitals(t, "ja")
    (True, False)
    """
    return bool(getattr(transformer, "lowercase", False)) and prefix != prefix.lower()


def encode_prefixes(transformer, prefixes, controls, *, one_prefix=False):
    """Letters, lengths and contexts of checked prefixes within max_length;
    messages name the one prefix of a call by its argument (``prefix=``)."""
    what = "prefix" if one_prefix else "prefixes"
    ids, lengths, contexts = transformer.encode_prefix_list(prefixes, what=what)
    too_long = lengths > controls.max_length
    if too_long.any():
        i = int(np.flatnonzero(too_long)[0])
        raise LongPrefixError(  # quotes a long prefix cut: it can be a file
            what, None if one_prefix else i, prefixes[i],
            letters=int(lengths[i]), max_length=controls.max_length,
        )  # fmt: skip
    return ids, lengths, contexts


def check_feasible(sampler, request, prefix_ids, context, model_prefix):
    """Fail up front: the names of ``request`` (a
    :class:`~sknextchar._set_request.SetRequest`) that cannot fit in memory or
    cannot be distinct (the names its ``novel`` and ``exclude`` leave out do
    not count; without ``unique``, fail when they leave out every name; with a
    ``pattern`` of few names, fail when fewer of them fit than asked for).

    Returns what the request can give at all, asked when it falls short
    (:class:`~sknextchar._request_support.RequestSupport`), and the most names a
    round may draw together (:func:`round_bound`, by the memory estimate the
    names were checked with; ``model_prefix``: the
    model's function, the prefix, the request's tests ``keep`` and
    ``spelled``, and ``match_lengths``, whose test draws at random: then
    the names it can give are not listed; ``sampler``: the fitted
    NameSampler, whose vocabulary and record the request draws from)."""
    next_log_proba, prefix, keep, spelled, thinned = model_prefix
    n_samples, unique, controls = request.n_samples, request.unique, request.controls
    terms = _memory_terms(sampler, next_log_proba, context, controls, n_samples)
    check_sample_memory(n_samples, **terms)
    left_out = left_out_test(sampler, request.novel, request.exclude)
    check_reachable(
        n_samples,
        n_letters=len(sampler.vocabulary_) - 1,
        n_prefix=len(prefix_ids),
        controls=controls,
        left_out=left_out,
        prefix_ids=prefix_ids,
        unique=unique,
        given=given_bounds(sampler),
    )
    check_pattern_names(
        sampler, n_samples, unique, request.pattern, prefix_ids, controls, left_out
    )
    return RequestSupport(
        next_log_proba, prefix=prefix, prefix_ids=prefix_ids, context=context,
        controls=controls, keep=None if thinned else lambda ids: keep(spelled(ids)),
    ), round_bound(terms, n_samples, partial(next_log_proba, context))  # fmt: skip


def round_bound(terms, n_samples, model_floats=None):
    """The most names a round of a request draws together, for
    ``sample_new_names(max_batch=...)``: as many as fit
    (:func:`~sknextchar._generation.largest_batch`, by the estimate of
    ``terms``, those :func:`check_feasible` checked the names asked for with)
    in the memory available now (:func:`~sknextchar._sizes.memory_available`,
    read once: less what the process holds, its model among it) less the
    ``n_samples`` names the rounds keep.

    Counted in float64, the bound is counted again in the model's own floats
    (an MLP's float32 probabilities take half the bytes), those of
    ``model_floats()`` (the model called on the prefix's context), only when
    it would cut a round: a request whose rounds fit calls the model as
    before."""
    room = memory_available()

    def fitting(terms):
        return largest_batch(
            **terms, memory=room - sample_memory(n_samples, **terms)[0]
        )

    bound = fitting(terms)
    if model_floats is None or terms["itemsize"] != 8:
        return bound
    if bound >= largest_round(n_samples):
        return bound
    return fitting({**terms, "itemsize": model_floats().dtype.itemsize})


def _memory_terms(sampler, next_log_proba, context, controls, n_samples):
    """What the memory of a request's names depends on, for
    :func:`~sknextchar._generation.sample_memory`. Counted in float64, and
    when ``n_samples`` names do not fit so, in the model's own floats (an
    MLP's float32 takes half), asked of it by one call on the prefix's
    context: a request that fits calls the model as before."""
    terms = {
        "context_length": context.shape[1],
        "min_length": controls.min_length,
        "n_symbols": len(sampler.vocabulary_),
        "itemsize": 8,
    }
    if sum(sample_memory(n_samples, **terms)) > machine_memory():
        terms["itemsize"] = next_log_proba(context).dtype.itemsize
    return terms


def sampling_controls(sampler):
    """The sampling parameters of ``sampler``, validated at call time (set_params
    needs no fit).

    Cheaper than ``_validate_params``, which inspects the signature. Length
    bounds left at None come from the training names (1 and 20 without).
    """
    values = {name: getattr(sampler, name) for name in _CONTROLS}
    validate_parameter_constraints(
        {name: sampler._parameter_constraints[name] for name in _CONTROLS},
        values,
        caller_name=type(sampler).__name__,
    )
    values["min_length"], values["max_length"] = length_bounds(
        values["min_length"], values["max_length"], sampler.training_length_range()
    )
    return SamplingControls(**values)
