"""tests/_cases.run_cases: every case runs and every failed case is told."""

import sys

import pytest

from tests._cases import run_cases


def _case(how):
    if how == "skip":
        pytest.skip("case needs X")
    if how == "xfail":
        pytest.xfail("case known to fail")
    if how == "importorskip":
        pytest.importorskip("no_such_module_for_run_cases")
    if how == "exit":
        sys.exit(2)
    if how == "type":
        raise TypeError("deep in the package")
    assert how == "ok", f"{how} is not ok"


@pytest.mark.parametrize("how", ["skip", "xfail", "importorskip", "exit"])
def test_a_case_that_skips_or_exits_fails_and_the_others_still_run(how):
    cases = [("first", (how,)), ("second", ("ok",)), ("third", ("bad",))]
    with pytest.raises(AssertionError) as info:
        run_cases(cases, _case, at_least=3)
    lines = str(info.value).splitlines()
    assert lines[0] == "2 of 3 cases failed:"
    assert lines[1].startswith("[first] ")
    assert any(
        line.startswith("[third] AssertionError: bad is not ok") for line in lines
    )


def test_the_first_error_is_chained_so_its_traceback_shows():
    cases = [("ok", ("ok",)), ("deep", ("type",)), ("bad", ("bad",))]
    with pytest.raises(AssertionError) as info:
        run_cases(cases, _case, at_least=3)
    assert isinstance(info.value.__cause__, TypeError)
    assert str(info.value.__cause__) == "deep in the package"


def test_a_table_that_shrank_fails():
    with pytest.raises(AssertionError, match="only 2 cases, fewer than the 3"):
        run_cases([("a", ("ok",)), ("b", ("ok",))], _case, at_least=3)
    assert run_cases([("a", ("ok",)), ("b", ("ok",))], _case, at_least=2) == 2
