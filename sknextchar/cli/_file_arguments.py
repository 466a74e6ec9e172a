"""Arguments that are names or the start of one, refused when they are files.

The NAMEs of ``score`` and ``classify`` and the CONTEXT of ``table`` are text
themselves; a file passed there by mistake (``score m.skops names.txt``,
``table names.txt m.skops``) would be read as a name, and fail far from the
mistake (an unknown character '.') or print a table nobody asked for. Only an
argument shaped like a path is looked for on disk: one with a ``/``, or a
file suffix and no space (a name such as "st. john" or "j.r." is read as a
name even beside a file of that name).
"""

import os
import re
import shlex

__all__ = ["check_context_not_file", "check_names_not_files", "file_on_disk"]

_FILE_SUFFIX = re.compile(r"\A\S+\.[A-Za-z0-9]{1,8}\Z")


def file_on_disk(argument):
    """Whether a command-line argument meant as text is a file on disk.

    Examples
    --------
    >>> file_on_disk("st. john"), file_on_disk("no/such/file.txt")
    (False, False)
    """
    path_like = os.sep in argument or "/" in argument or _FILE_SUFFIX.search(argument)
    return bool(path_like) and os.path.isfile(argument)


def check_names_not_files(names, command):
    """Refuse a NAME that is a file on disk (``score m.skops names.txt``): the
    NAMEs are names themselves, and a file of names is ``--names-file``'s."""
    for name in names:
        if file_on_disk(name):
            raise ValueError(
                f"NAME {name!r} is a file on disk, but the NAMEs of {command} are "
                f"the names to {command} themselves: to {command} the names of a "
                f"file, pass it with --names-file {shlex.quote(name)}."
            )


def check_context_not_file(context, model):
    """Refuse a CONTEXT of ``table`` that is a file on disk: a model file
    (MODEL and CONTEXT swapped), or a file of names (``table`` shows one
    context, and reads no file).

    Parameters
    ----------
    context : str
        ``table``'s CONTEXT.
    model : str
        ``table``'s MODEL, as given.
    """
    if not file_on_disk(context):
        return
    from .._persistence import PICKLE_SUFFIXES

    start = (
        f"CONTEXT {context!r} is a file on disk, but CONTEXT is the beginning of "
        "a name itself (e.g. abi, or '' for the first letter)"
    )
    suffix = os.path.splitext(context)[1].casefold()
    if suffix in (".skops", *PICKLE_SUFFIXES):
        raise ValueError(
            f"{start}, and the model file is MODEL, the first argument: "
            f"sknextchar table {shlex.quote(context)} abi."
        )
    raise ValueError(
        f"{start}: table shows the next characters after one CONTEXT and reads "
        "no file of names. Pass the beginning of a name; to score the names of "
        f"a file, run sknextchar score {shlex.quote(model)} --names-file "
        f"{shlex.quote(context)}."
    )
