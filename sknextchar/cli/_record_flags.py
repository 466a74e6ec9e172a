"""The flags of ``sknextchar sample`` that need a record the model file lacks.

``--novel`` and ``--report`` need the record of the training names (their
hashes), which a model trained with ``--chunk-size`` does not keep;
``--match-lengths`` needs their length counts only, which it keeps (a model
trained with ``--chunk-size`` by an earlier version has none). Such a flag is
refused before sampling, with what to do instead.
"""

from .._shown_paths import shown_path

__all__ = ["check_record"]

# What each flag needs (an attribute of the sampler), what a model without it
# lacks, what the flag would do with it and what to do instead.
_NAMES = (
    "no record of its training names (it was trained with --chunk-size, which "
    "keeps none, or saved before sknextchar 0.2.0, or is a bare pipeline)"
)
_RECORD_FLAGS = {
    "novel": (
        "training_name_hashes_",
        _NAMES,
        "--novel cannot leave them out",
        "pass the names file it was trained on with --exclude-file FILE instead "
        "of --novel, or train a model without --chunk-size",
    ),
    "match_lengths": (
        "training_length_counts_",
        "no record of its training names' lengths (it is a bare pipeline: saved "
        "by sknextchar before 0.2.0, or kept when Ctrl-C stopped a training with "
        "--chunk-size before its end)",
        "--match-lengths cannot follow them",
        "train it again with this version, to its end (--chunk-size keeps their "
        "lengths)",
    ),
    "report": (
        "training_name_hashes_",
        _NAMES,
        "--report cannot compare with them",
        "train a model without --chunk-size",
    ),
}


def check_record(sampler, args):
    """Fail before sampling when a flag needs a record the model file lacks.

    Parameters
    ----------
    sampler : NameSampler
        The loaded model.
    args : argparse.Namespace
        The parsed command line of ``sample``.

    Raises
    ------
    ValueError
        If ``--novel`` or ``--report`` is given for a model without a record
        of its training names, or ``--match-lengths`` for one without their
        length counts.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> sampler = SimpleNamespace(training_name_hashes_=None,
    ...                           training_length_counts_=[0, 2])  # --chunk-size
    >>> args = SimpleNamespace(model="m.skops", novel=False, exclude_file=None,
    ...                        match_lengths=True, report=False)
    >>> check_record(sampler, args)  # its lengths are kept
    >>> check_record(sampler, SimpleNamespace(**{**vars(args), "report": True}))
    Traceback (most recent call last):
    ...
    ValueError: 'm.skops' has no record of its training names (it was trained ...
    """
    if getattr(sampler, "training_name_hashes_", None) is not None:
        return
    if args.novel and args.exclude_file is not None:
        # The advice below is followed already: --novel is what stands in the way.
        raise ValueError(
            f"{shown_path(args.model)} has no record of its training names, so --novel "
            "cannot leave them out: drop --novel, and --exclude-file alone leaves "
            f"out the names of {shown_path(args.exclude_file)} (make it the names file "
            "the "
            "model was trained on); or train a model without --chunk-size."
        )
    for key, (needs, lacks, cannot, instead) in _RECORD_FLAGS.items():
        if getattr(args, key) and getattr(sampler, needs, None) is None:
            raise ValueError(
                f"{shown_path(args.model)} has {lacks}, so {cannot}: {instead}."
            )
