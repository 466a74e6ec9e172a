"""The names ``score`` and ``classify`` can score, and the others said once.

A model that refuses unknown characters (``handle_unknown="error"``, the
default) refuses a whole list of names for one name that holds one: Python's
``score_samples`` keeps that contract. The command line scores the other names
and ends with one error that names the names left out and why (status 1), as
it does when the output cannot write some characters (``classify`` prints
their rows in place, as ``-``). A list in which no name can be scored is
refused as before. ``score`` ranks a name given twice once.
"""

import sys

from .._text import and_more, counted, one_or_many, quoted

__all__ = ["distinct_names", "scorable_names", "unscored_error"]


def scorable_names(sampler, names, places=None):
    """The names the model can score, and the message on the others.

    Parameters
    ----------
    sampler : NameSampler
        Fitted.
    names : list of str
        The names of the command line and of ``--names-file``.
    places : Places or None, default=None
        Where the names came from: the message names each by its line or
        argument.

    Returns
    -------
    kept : list of int
        The positions of the names without a character outside the model's
        vocabulary; all when every name has one (the scoring then refuses
        them).
    message : str or None
        Why the others were left out, in the command line's words; None when
        none was.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import (CharEmbeddingMLPClassifier,
    ...     ContextWindowTransformer, NameSampler)
    >>> pipe = make_pipeline(ContextWindowTransformer(),
    ...     CharEmbeddingMLPClassifier(max_iter=2, random_state=0))
    >>> sampler = NameSampler(pipe).fit(["abid", "asha", "amit"])
    >>> kept, message = scorable_names(sampler, ["asha", "zoë"])
    >>> kept, message.split(" in ")[0]
    ([0], "Found characters outside the vocabulary ['ë']")
    """
    from .._pipeline import split_pipeline
    from .._transformer import unknown_symbols
    from ._errors import error_message

    every = list(range(len(names)))
    transformer = split_pipeline(sampler.estimator_)[0]
    if getattr(transformer, "handle_unknown", "error") != "error":
        return every, None  # dropped, as the model reads them
    unknown = unknown_symbols(transformer, names)
    if not unknown or len(unknown) == len(names):
        return every, None
    try:  # the transformer's own message, its names placed in the whole list
        transformer.transform(names)
    except ValueError as error:
        message = error_message(error, places)
    else:  # not expected: the symbols were found unknown
        message = f"{and_more([quoted(names[i]) for i in unknown])} cannot be scored."
    return [i for i in every if i not in unknown], message


def unscored_error(message, n_left, n_names, outcome):
    """Print the error on the names left out; the command's status, 1.

    Parameters
    ----------
    message : str
        What :func:`scorable_names` said of them.
    n_left, n_names : int
        The names not scored, and all the names given.
    outcome : str
        What became of them and of the others (``"left out (the others are
        ranked above)"``).

    Returns
    -------
    status : int
        1: the command did not do all it was asked.

    Examples
    --------
    >>> import contextlib, io
    >>> err = io.StringIO()
    >>> with contextlib.redirect_stderr(err):
    ...     unscored_error("Found characters ... in NAME 'zoë'.", 1, 2,
    ...                    "left out (the other is ranked above)")
    1
    >>> print(err.getvalue().split(": ")[2])
    1 of the 2 names left out (the other is ranked above)
    """
    from ._errors import PROG

    left = f"{n_left:,} of the {counted(n_names, 'name')}"
    print(f"{PROG}: error: {left} {outcome}: {message}", file=sys.stderr)
    return 1


def distinct_names(names, verb):
    """Each name once, in the order first given, and the note for those given
    more than once (None: each was given once), printed by the command once
    the names are scored (a list refused whole gets its error alone).

    Names are compared in NFC, as the model reads them (``zoë`` typed with
    its ``ë`` as one code point or as ``e`` and a mark, as files saved on
    macOS hold it): the first spelling given is kept. Names that differ in
    case are kept apart, even for a model that lowercases them.

    Parameters
    ----------
    names : list of str
    verb : str
        What the command does to each (``"ranked"``, ``"classified"``).

    Returns
    -------
    names : list of str
    note : str or None

    Examples
    --------
    >>> names, note = distinct_names(["asha", "ravi", "asha"], "ranked")
    >>> names
    ['asha', 'ravi']
    >>> print(note)
    Note: 1 name given more than once is ranked once: 'asha' (2 times).
    """
    import unicodedata

    seen, first = {}, {}
    for name in names:
        key = unicodedata.normalize("NFC", name)
        first.setdefault(key, name)
        seen[key] = seen.get(key, 0) + 1
    if len(seen) == len(names):
        return names, None
    twice = [(first[key], n) for key, n in seen.items() if n > 1]
    shown = and_more([f"{quoted(name)} ({n:,} times)" for name, n in twice])
    verb = f"{one_or_many(len(twice), 'is', 'are')} {verb} once"
    note = f"Note: {counted(len(twice), 'name')} given more than once {verb}: {shown}."
    return list(first.values()), note
