"""What ``sample --report`` prints after the names: the report of the names
against the model's record, and the flags that mend what it shows.

A hint names a flag that was not given (``--unique``, ``--novel``,
``--match-lengths``, ``--min-label-proba``); a note tells how much of the
length distance the length bounds owe, naming each bound as the user set it. The
modules that need NumPy or scikit-learn are imported inside the functions, so
that ``--help`` never loads them.
"""

from .._shown_paths import shown_path
from .._words import one_or_many

__all__ = ["novel_repeats_note", "sample_report_text"]


def sample_report_text(sampler, names, args):
    """The report of the names against the model's record, as a table: with
    --label, against that label's training names where the file counts them.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import (ContextWindowTransformer, KneserNeyClassifier,
    ...     NameSampler)
    >>> from sknextchar.cli import build_parser
    >>> sampler = NameSampler(make_pipeline(ContextWindowTransformer(),
    ...     KneserNeyClassifier())).fit(["ana", "asha", "uma"])
    >>> args = build_parser().parse_args(["sample", "m.skops", "--report"])
    >>> print(sample_report_text(sampler, ["ana", "ana", "ravi"], args))
    <BLANKLINE>
    names                3
    distinct         0.667  (share of different names; 1 = no repeats)
    training names   0.667  (share that are training names)
    new              0.333  (share that are not)
    length distance  0.000  (0 = same lengths, 1 = none shared)
    mean length      3.333  (training names 3.333)
    median length    3.000  (training names 3.000)
    (1 of the 3 names is a repeat: --unique draws distinct names)
    (2 of the 3 names are training names: --novel draws new names only)
    """
    from .._sample_report import report_note, sample_report, training_length_counts

    label = args.label
    if getattr(sampler, "training_length_counts_by_label_", None) is None:
        label = None  # saved without its length counts by label
    report = sample_report(names, sampler, label=label, prefix=args.prefix)
    counts = training_length_counts(sampler, label, args.prefix)
    text = (
        "\n" + report.to_string() + _report_hints(report, args, counts, sampler, names)
    )
    if args.label is not None and label is None:
        text += "\n" + report_note(
            f"(lengths compared with the training names of every label: "
            f"{shown_path(args.model)} keeps no length counts by label; train it again "
            f"with this version to compare with the names of label {args.label!r})"
        )
    return text


def _report_hints(report, args, train_counts, sampler, names):
    """The flags that mend what the report shows, when they were not given:
    --unique for repeats, --novel for training names, --match-lengths for
    lengths unlike the data (``train_counts``, the lengths the report compared
    with) beyond chance (when no pattern or length bound set the lengths
    itself), and with --label, how many names have ``P(label | name)`` below
    what --min-label-proba 0.5 keeps; and the share of those lengths that the
    length bounds leave out. None when the ``sampler`` decodes greedily
    (--temperature 0 or --top-k 1): its one name can be neither distinct nor
    of other lengths."""
    from .._sample_report import lengths_far, report_note

    if _greedy(sampler):
        return ""
    hints = []
    if report.distinct < 1 and not args.unique:
        hints.append(_repeats_hint(len(names), len(set(names))))
    if report.in_train > 0 and not args.novel:
        n_train = round(report.in_train * report.n)
        hints.append(
            f"{n_train:,} of the {report.n:,} names "
            f"{one_or_many(n_train, 'is a training name', 'are training names')}: "
            "--novel draws new names only"
        )
    bounds = _bounds_note(sampler, train_counts, args)
    # Bounds saved in the model set the lengths as the flags do.
    lengths_set = args.pattern or args.min_length or args.max_length or bounds
    if lengths_far(report, train_counts) and not (args.match_lengths or lengths_set):
        hints.append(
            "the lengths are unlike the training names': --match-lengths draws "
            "them as often as the training names have them"
        )
    hints += bounds
    if args.label is not None and not args.min_label_proba:
        hints += _label_note(sampler, names, args.label)
    return "".join("\n" + report_note(f"({hint})") for hint in hints)


def novel_repeats_note(sampler, counts, args):
    """The note that ``sample --novel`` prints on stderr after its names when
    some repeat, without --unique or --report (whose table has it): names
    that are new, but not all different. "" when none repeats or the
    ``sampler`` decodes greedily (one name, which --unique cannot mend).
    ``counts``: how many names were printed, and how many distinct ones.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import (ContextWindowTransformer, KneserNeyClassifier,
    ...     NameSampler)
    >>> from sknextchar.cli import build_parser
    >>> sampler = NameSampler(make_pipeline(ContextWindowTransformer(),
    ...     KneserNeyClassifier())).fit(["ana", "asha", "uma"])
    >>> args = build_parser().parse_args(["sample", "m.skops", "--novel"])
    >>> novel_repeats_note(sampler, (3, 2), args)
    '(1 of the 3 names is a repeat: --unique draws distinct names)'
    """
    if not args.novel or args.unique or args.report or _greedy(sampler):
        return ""
    if counts[1] == counts[0]:
        return ""
    from .._sample_report import report_note

    return report_note(f"({_repeats_hint(*counts)})")


def _greedy(sampler):
    """Whether ``sampler`` decodes greedily (--temperature 0 or --top-k 1)."""
    from .._decoding import is_greedy

    return is_greedy(sampler.temperature) or sampler.top_k == 1


def _repeats_hint(n_names, n_distinct):
    """How many of ``n_names`` names (``n_distinct`` of them distinct)
    repeat a name before them, and the flag that mends it."""
    n_repeats = n_names - n_distinct
    return (
        f"{n_repeats:,} of the {n_names:,} names "
        f"{one_or_many(n_repeats, 'is a repeat', 'are repeats')}: --unique draws "
        "distinct names"
    )


def _label_note(sampler, names, label):
    """How many names the model itself gives ``P(label | name) < 0.5`` by
    Bayes' rule with equal priors, the test of --min-label-proba 0.5, from
    one pass over the names (:func:`~sknextchar.cli._score.name_log_likelihoods`):
    a list of one note, or none when no name is below."""
    import numpy as np

    from .._label_posterior import label_posterior
    from .._labels import label_classes
    from .._pipeline import split_pipeline
    from ._score import name_log_likelihoods

    labels = list(label_classes(split_pipeline(sampler.estimator_)[1]))
    log_likelihood = name_log_likelihoods(sampler, names, labels)[0]
    proba = label_posterior(log_likelihood)[:, labels.index(label)]
    n_below = int(np.sum(~(proba >= 0.5)))
    if not n_below:
        return []
    given = f"P({label!r} | name)"
    return [
        f"{n_below:,} of the {len(names):,} names "
        f"{one_or_many(n_below, 'has', 'have')} {given} below 0.5 by the model's "
        f"own Bayes' rule (equal priors): --min-label-proba 0.5 keeps only the "
        f"names with {given} of 0.5 or more"
    ]


def _bounds_note(sampler, train_counts, args):
    """What the length distance owes to the length bounds: the share of the training
    names compared with (``train_counts``) whose lengths the bounds leave out,
    which no name drawn can have and the distance cannot go below. A bound is named
    by its flag when given, else as saved in the model, with the flag that
    changes it. A list of one note, or none when the share shows as 0.000 in
    the report, as the distance does (the default bounds leave out no training name)."""
    import numpy as np

    from .._sample_request import sampling_controls

    controls = sampling_controls(sampler)
    low, high = controls.min_length, controls.max_length
    counts = np.asarray(train_counts, dtype=np.float64)
    below, above = counts[:low].sum(), counts[high + 1 :].sum()
    share = (below + above) / counts.sum()
    if round(share, 3) == 0:  # a floor the report shows as 0.000 explains nothing
        return []
    bounds = (("min_length", low, below), ("max_length", high, above))
    named = [_bound_words(args, *bound[:2]) for bound in bounds if bound[2]]
    return [
        f"{' and '.join(named)} {one_or_many(len(named), 'leaves', 'leave')} out the "
        f"lengths of {share:.1%} of the training names the report compares "
        "with, which no name drawn can have: the length distance is at least "
        f"{share:.3f}, whatever the names"
    ]


def _bound_words(args, param, value):
    """A length bound that leaves out training names, as the user set it:
    ``--max-length 8`` when given on the command line, else saved in the model
    (a bound left to the data leaves out none), with the flag that changes it."""
    flag = "--" + param.replace("_", "-")
    if getattr(args, param) is not None:
        return f"{flag} {value}"
    return f"{param}={value}, saved in {shown_path(args.model)} and changed by {flag},"
