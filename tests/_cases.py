"""Many cheap cases in one test item, with every failure reported.

pytest spends a few milliseconds of its own on every test item (setup, teardown,
the report, and with ``-n`` the transfer to the controller); for a table of
hundreds of cases that each take a millisecond, that overhead was most of the
time. ``run_cases`` runs every case of a table inside one item instead: no case
is skipped after a failure, and the one assertion at the end names each failing
case by its id with its error, as a parametrised run would.
"""

import traceback
from pathlib import Path

import pytest

# What a case may raise and still leave the others to run: errors, failed
# asserts, pytest.fail and the "DID NOT RAISE" of pytest.raises, and also
# pytest.skip / pytest.xfail / pytest.importorskip and SystemExit (an argparse
# error in a CLI call), which are BaseExceptions: a case of a table cannot be
# skipped or end the run on its own, so these count as that case's failure.
# KeyboardInterrupt still stops the run.
CASE_FAILURES = (Exception, pytest.fail.Exception, pytest.skip.Exception, SystemExit)
HERE = Path(__file__).parent


def run_cases(cases, check, *, at_least):
    """Run ``check(*args)`` for every ``(case_id, args)`` of ``cases``.

    Every case runs even after one fails. A case that raises, skips
    (``pytest.skip``, ``pytest.xfail``, ``pytest.importorskip``) or exits
    (``SystemExit``) is a failed case: the one assertion at the end names
    each failed case with its error and the test line it failed at, and
    chains the first error, so pytest prints that error's full traceback.

    Parameters
    ----------
    cases : iterable of (str, tuple)
        Each case's id (shown in the failure text) and the arguments of ``check``.
    check : callable
        One case's test; it fails by raising, as a test function does.
    at_least : int
        The fewest cases the table may hold (its size when it was written):
        a table that shrank by mistake fails the test.

    Returns
    -------
    int
        The number of cases run.

    Examples
    --------
    >>> def positive(x):
    ...     assert x > 0, f"{x} is not positive"
    >>> run_cases([("one", (1,)), ("two", (2,))], positive, at_least=2)
    2
    >>> run_cases(
    ...     [("one", (1,)), ("minus", (-1,)), ("zero", (0,))], positive, at_least=3
    ... )
    Traceback (most recent call last):
    ...
    AssertionError: 2 of 3 cases failed:
    [minus] AssertionError: -1 is not positive
    [zero] AssertionError: 0 is not positive
    """
    failures, count, first = [], 0, None
    for case_id, args in cases:
        count += 1
        try:
            check(*args)
        except CASE_FAILURES as error:
            first = first or error
            failures.append(
                f"[{case_id}] {type(error).__name__}: {error}{_where(error)}"
            )
    if failures:
        raise AssertionError(
            f"{len(failures)} of {count} cases failed:\n" + "\n".join(failures)
        ) from first
    assert count >= at_least, f"only {count} cases, fewer than the {at_least} expected"
    return count


def _where(error):
    """The line of the test (not of pytest or this module) a case failed at."""
    frames = [
        frame
        for frame in traceback.extract_tb(error.__traceback__)
        if HERE in Path(frame.filename).parents and frame.filename != __file__
    ]
    if not frames:
        return ""
    frame = frames[-1]
    return f"\n    at {Path(frame.filename).name}:{frame.lineno}: {frame.line}"
