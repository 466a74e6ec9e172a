"""Rebuild sknextchar/datasets/data/indian_names.txt from the getindianname wheel.

Usage::

    python -m pip download --no-deps getindianname==1.0.7 -d /tmp/wheel
    python data/build_indian_names.py /tmp/wheel/getindianname-1.0.7-py3-none-any.whl

Reads malename.txt and femalename.txt from the wheel, lowercases and strips each
line, keeps the names matching ^[a-z]{4,10}$, removes duplicates, sorts, writes one
name per line and checks the SHA-256 against the value recorded in data/README.md.
"""

import hashlib
import re
import sys
import zipfile
from pathlib import Path

SOURCES = ("getindianname/malename.txt", "getindianname/femalename.txt")
PATTERN = re.compile(r"[a-z]{4,10}")
EXPECTED_SHA256 = "e49c19496ee7f9640eced1c2f023c66112e32b6a93e5674177870a54951bad20"
OUTPUT = (
    Path(__file__).resolve().parent.parent
    / "sknextchar"
    / "datasets"
    / "data"
    / "indian_names.txt"
)


def extract_names(wheel_path):
    """Return the sorted, de-duplicated names found in the wheel."""
    names = set()
    with zipfile.ZipFile(wheel_path) as wheel:
        for member in SOURCES:
            text = wheel.read(member).decode("utf-8", errors="replace")
            for line in text.splitlines():
                name = line.strip().lower()
                if PATTERN.fullmatch(name):
                    names.add(name)
    return sorted(names)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print(__doc__)
        return 2
    names = extract_names(argv[0])
    content = "".join(f"{name}\n" for name in names).encode("ascii")
    digest = hashlib.sha256(content).hexdigest()
    OUTPUT.write_bytes(content)
    print(f"wrote {len(names)} names to {OUTPUT}")
    print(f"sha256 {digest}")
    if digest != EXPECTED_SHA256:
        print(f"MISMATCH: expected sha256 {EXPECTED_SHA256}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
