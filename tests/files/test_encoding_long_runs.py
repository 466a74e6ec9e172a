"""The encoding advice comes in linear time on a line of one long ASCII run.

A word with a letter outside ASCII was searched for from every character of
the run, each search scanning the rest of it: a file with a control character
(U+0085) or an undecodable byte after a line of 200,000 letters took many
minutes to get its message. The calls run in a child process with a timeout
that the quadratic search overran by far (tens of minutes at 200,000), and the
message is the one of the same line with a short run.
"""

import json
import subprocess
import sys
import textwrap

import pytest

from sknextchar.datasets._encoding import code_page_readings

RUN = 200_000

# (body of the file as a Python expression of ``run``, encoding, message part)
CASES = {
    "C1 control character in UTF-8": (
        '("Asha\\n" + run + " \\u0085\\nRavi\\n").encode("utf-8")',
        "utf-8",
        "holds '\\x85' (NEXT LINE), a control character",
    ),
    "C1 control character read as latin-1": (
        'b"Asha\\n" + run.encode() + b" \\x85\\nRavi\\n"',
        "latin-1",
        "holds '\\x85' (NEXT LINE), a control character",
    ),
    "byte that UTF-8 does not decode": (
        'b"Asha\\n" + run.encode() + b" \\xe9\\nRavi\\n"',
        "utf-8",
        "is not a utf-8 text file",
    ),
    "table row with a C1 control character": (
        '("name,note\\nAsha," + run + " \\u0085\\n").encode("utf-8")',
        "utf-8",
        "holds '\\x85' (NEXT LINE), a control character",
    ),
}

# One child loads each case's file, with the long run and with a short one,
# and prints one line of JSON per case as soon as it has its two messages.
CHILD = textwrap.dedent(
    """
    import json, os, sys
    from sknextchar.datasets import load_names
    folder, length = sys.argv[1], int(sys.argv[2])
    cases = {cases}
    for case, (body, encoding) in cases.items():
        messages = {{}}
        for size in (length, 50):
            run = "x" * size
            path = os.path.join(folder, f"names_{{len(messages)}}.txt")
            with open(path, "wb") as file:
                file.write(body(run))
            try:
                load_names(path, encoding=encoding)
            except ValueError as error:
                message = str(error).replace(run, "<run>")
            else:
                message = ""
            messages[size] = message.replace(path, "<path>")
        print(json.dumps([case, messages[length], messages[50]]), flush=True)
    """
)
TIMEOUT = 60  # linear: well under a second a case; quadratic: tens of minutes


@pytest.fixture(scope="module")
def messages(tmp_path_factory):
    """{case: (message with the long run, message with a short run)}."""
    cases = ", ".join(
        f"{case!r}: (lambda run: {body}, {encoding!r})"
        for case, (body, encoding, _) in CASES.items()
    )
    code = CHILD.format(cases="{" + cases + "}")
    folder = tmp_path_factory.mktemp("long_runs")
    done = None
    try:
        child = subprocess.run(
            [sys.executable, "-c", code, str(folder), str(RUN)],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired as expired:
        out = expired.stdout or b""  # bytes, whatever text= says
        done = (out.decode() if isinstance(out, bytes) else out).splitlines()
    if done is not None:  # failed outside the except: no chained traceback
        pytest.fail(f"no messages within {TIMEOUT} s; the cases done: {done}")
    assert child.returncode == 0, child.stderr
    lines = [json.loads(line) for line in child.stdout.splitlines()]
    return {case: (long, short) for case, long, short in lines}


@pytest.mark.parametrize("case", list(CASES))
def test_message_on_a_long_ascii_run_comes_fast_and_unchanged(messages, case):
    long, short = messages[case]
    assert CASES[case][2] in long
    # The same message as for a short run (the run itself shown as <run>;
    # a message that cuts the line short shows a part of it alike).
    assert long == short.replace("x" * 50, "<run>")


def test_readings_of_a_long_ascii_run_name_the_same_code_page():
    name = "Łukasz Żółć"
    for page in ("cp1250", "iso8859-2"):
        short = code_page_readings(b"x " + name.encode(page), "utf-8")
        long = code_page_readings(b"x" * 10_000 + b" " + name.encode(page), "utf-8")
        assert [p for p, _, _ in long] == [p for p, _, _ in short]
        assert long[0][2].endswith(name)
