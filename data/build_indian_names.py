"""Rebuild the bundled names and their labels from the getindianname wheel.

Usage::

    python -m pip download --no-deps getindianname==1.0.7 -d /tmp/wheel
    python data/build_indian_names.py /tmp/wheel/getindianname-1.0.7-py3-none-any.whl

Reads malename.txt and femalename.txt from the wheel, lowercases and strips each
line, keeps the names matching ^[a-z]{4,10}$, removes duplicates, sorts, writes one
name per line to sknextchar/datasets/data/indian_names.txt and checks the SHA-256
against the value recorded in data/README.md.

It also writes sknextchar/datasets/data/indian_name_labels.csv: a header
``name,label`` and one row per name and source list it appears in (``male`` from
malename.txt, ``female`` from femalename.txt), sorted by name then label, so a name
found in both lists has two rows. Its SHA-256 is checked too.
"""

import hashlib
import re
import sys
import zipfile
from pathlib import Path

SOURCES = ("getindianname/malename.txt", "getindianname/femalename.txt")
LABELS = dict(zip(SOURCES, ("male", "female")))
PATTERN = re.compile(r"[a-z]{4,10}")
EXPECTED_SHA256 = "e49c19496ee7f9640eced1c2f023c66112e32b6a93e5674177870a54951bad20"
EXPECTED_LABELS_SHA256 = (
    "5d150cb0285170d04169ea1d58008f158b1fa22cbc92649f12e764d11cd9d858"
)
DATA = Path(__file__).resolve().parent.parent / "sknextchar" / "datasets" / "data"
OUTPUT = DATA / "indian_names.txt"
LABELS_OUTPUT = DATA / "indian_name_labels.csv"


def extract_pairs(wheel_path):
    """Return the sorted, de-duplicated (name, label) pairs found in the wheel."""
    pairs = set()
    with zipfile.ZipFile(wheel_path) as wheel:
        for member in SOURCES:
            text = wheel.read(member).decode("utf-8", errors="replace")
            for line in text.splitlines():
                name = line.strip().lower()
                if PATTERN.fullmatch(name):
                    pairs.add((name, LABELS[member]))
    return sorted(pairs)


def extract_names(wheel_path):
    """Return the sorted, de-duplicated names found in the wheel."""
    return sorted({name for name, _ in extract_pairs(wheel_path)})


def write_checked(path, content, expected):
    """Write ``content`` to ``path``; return whether its SHA-256 is ``expected``."""
    digest = hashlib.sha256(content).hexdigest()
    path.write_bytes(content)
    print(f"wrote {path} (sha256 {digest})")
    if digest != expected:
        print(f"MISMATCH: expected sha256 {expected}")
        return False
    return True


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print(__doc__)
        return 2
    pairs = extract_pairs(argv[0])
    names = sorted({name for name, _ in pairs})
    print(f"{len(names)} names, {len(pairs)} (name, label) rows")
    content = "".join(f"{name}\n" for name in names).encode("ascii")
    labels = "name,label\n" + "".join(f"{n},{lab}\n" for n, lab in pairs)
    ok = write_checked(OUTPUT, content, EXPECTED_SHA256)
    labels_ok = write_checked(
        LABELS_OUTPUT, labels.encode("ascii"), EXPECTED_LABELS_SHA256
    )
    ok = labels_ok and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
