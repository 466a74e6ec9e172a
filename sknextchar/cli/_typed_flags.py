"""Which options a flag typed on the command line names, as argparse reads
it: the option itself, or, for a long flag, the options it is the start of
(argparse takes ``--names-fil`` for ``--names-file``). One answer serves the
note on an option given twice (:mod:`._repeated`) and the error on flags no
option takes (:mod:`._unknown_args`)."""

__all__ = ["options_named"]


def options_named(flag, options):
    """The options of ``options`` that ``flag``, a typed flag without its
    ``=VALUE``, names: itself if it is one; else, for a long flag, every
    option it is the start of (one: argparse takes it for that option;
    several: argparse calls it ambiguous); else none (a short flag with its
    value joined, ``-n3``, is read by its first two characters: the caller's
    to tell).

    Examples
    --------
    >>> options = {"-n", "--n-samples", "--names-file", "--novel"}
    >>> options_named("--names-file", options), options_named("--names-f", options)
    (['--names-file'], ['--names-file'])
    >>> options_named("--n", options)  # the start of three: ambiguous
    ['--n-samples', '--names-file', '--novel']
    >>> options_named("-n", options), options_named("-n3", options)
    (['-n'], [])
    """
    if flag in options:
        return [flag]
    if not flag.startswith("--"):
        return []
    return sorted(option for option in options if option.startswith(flag))
