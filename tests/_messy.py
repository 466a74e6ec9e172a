"""A messy list of names, as a user's own file would be.

Hyphenated, apostrophe and multi-word names, accents (composed and decomposed),
capitals, Devanagari; written with a UTF-8 byte-order mark, CRLF line ends and a
blank line. The same list is built in ``docs/your_own_names.rst``.
"""

FIRST = [
    "Jean", "Marie", "Anne", "Luc", "Paul", "Rose", "Mary", "Ann", "José", "Zoë",
    "Ángel", "Renée", "Chloé", "François", "Björn", "Søren", "Łukasz", "Inés",
    "Noël", "Maëlle", "Sean", "Liam", "Aoife", "Siobhán", "Ciarán",
]  # fmt: skip
APOSTROPHE = ["O'Brien", "O'Neil", "D'Angelo", "D'Arcy", "N'Dour"]
DEVANAGARI = [
    "राहुल", "प्रिया", "अमित", "सुनीता", "आशा", "अनु", "विजय", "कृष्ण", "लक्ष्मी",
    "गीता", "रवि", "सीता",
]  # fmt: skip


def messy_names():
    """At least 300 distinct names, as typed (before any normalisation)."""
    names = FIRST + APOSTROPHE + DEVANAGARI
    names += [f"{a}-{b}" for a in FIRST[:8] for b in FIRST[:8] if a != b]
    names += [f"{a} {b}" for a, b in zip(FIRST, FIRST[3:])]
    names += [f"{a} {s}" for a in FIRST for s in APOSTROPHE]
    names += [f"{a} {b}" for a in DEVANAGARI for b in DEVANAGARI[:4] if a != b]
    names += [name.upper() for name in FIRST[:10]]
    names += ["Jose\u0301 Luis", "Zoe\u0308 Ann", "Rene\u0301e-Claire"]  # decomposed
    return names


def write_names(path, names, *, bom=True, newline="\r\n", encoding="utf-8"):
    """Write names one per line, with a blank line after the first one."""
    lines = [names[0], "", *names[1:]]
    data = newline.join(lines) + newline
    prefix = "\ufeff" if bom else ""
    path.write_bytes((prefix + data).encode(encoding))
    return path
