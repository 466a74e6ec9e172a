"""The encoding advice comes in linear time on a line of one long ASCII run.

A word with a letter outside ASCII was searched for from every character of
the run, each search scanning the rest of it: a file with a control character
(U+0085) or an undecodable byte after a line of 200,000 letters took many
minutes to get its message. Each call runs in a child process with a timeout
that the quadratic search overran by far (tens of minutes at 200,000), and the
message is the one of the same line with a short run.
"""

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
        "holds '\\x85', a control character",
    ),
    "C1 control character read as latin-1": (
        'b"Asha\\n" + run.encode() + b" \\x85\\nRavi\\n"',
        "latin-1",
        "holds '\\x85', a control character",
    ),
    "byte that UTF-8 does not decode": (
        'b"Asha\\n" + run.encode() + b" \\xe9\\nRavi\\n"',
        "utf-8",
        "is not a utf-8 text file",
    ),
    "table row with a C1 control character": (
        '("name,note\\nAsha," + run + " \\u0085\\n").encode("utf-8")',
        "utf-8",
        "holds '\\x85', a control character",
    ),
}

CHILD = textwrap.dedent(
    """
    import sys
    from sknextchar.datasets import load_names
    path, length, encoding = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    run = "x" * length
    with open(path, "wb") as file:
        file.write({body})
    try:
        load_names(path, encoding=encoding)
    except ValueError as error:
        print(str(error).replace(run, "<run>"))
    """
)


def _message(tmp_path, case, length):
    body, encoding, _ = CASES[case]
    path = tmp_path / f"names_{length}.txt"
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            CHILD.format(body=body),
            str(path),
            str(length),
            encoding,
        ],
        capture_output=True,
        text=True,
        timeout=30,  # linear: well under a second; quadratic: tens of minutes
    )
    assert child.returncode == 0, child.stderr
    return child.stdout.replace(str(path), "<path>")


@pytest.mark.parametrize("case", list(CASES))
def test_message_on_a_long_ascii_run_comes_fast_and_unchanged(tmp_path, case):
    long = _message(tmp_path, case, RUN)
    assert CASES[case][2] in long
    # The same message as for a short run (the run itself shown as <run>;
    # a message that cuts the line short shows a part of it alike).
    assert long == _message(tmp_path, case, 50).replace("x" * 50, "<run>")


def test_readings_of_a_long_ascii_run_name_the_same_code_page():
    name = "Łukasz Żółć"
    for page in ("cp1250", "iso8859-2"):
        short = code_page_readings(b"x " + name.encode(page), "utf-8")
        long = code_page_readings(b"x" * 10_000 + b" " + name.encode(page), "utf-8")
        assert [p for p, _, _ in long] == [p for p, _, _ in short]
        assert long[0][2].endswith(name)
