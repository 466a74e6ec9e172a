"""Arguments that are names or the start of one, refused when they are files.

The NAMEs of ``score`` and ``classify`` and the CONTEXT of ``table`` are text
themselves; a file passed there by mistake (``score m.skops names.txt``,
``table names.txt m.skops``) would be read as a name, and fail far from the
mistake (an unknown character '.') or print a table nobody asked for. Only an
argument shaped like a path is looked for on disk: one with a ``/``, or a
file suffix and no space (a name such as "st. john" or "j.r." is read as a
name even beside a file of that name). A model file where a file of names
goes (``--names-file``, ``sample --exclude-file``) is refused too, said to be
MODEL itself when it is.
"""

import os
import re

from .._shown_paths import shell_path, shell_word, shown_path

__all__ = [
    "check_context_not_file",
    "check_exclude_not_model",
    "check_names_not_files",
    "is_model_file",
    "path_shaped",
]

_FILE_SUFFIX = re.compile(r"\A\S+\.[A-Za-z0-9]{1,8}\Z")


def _file_on_disk(argument):
    """Whether a command-line argument meant as text is a file on disk.

    Examples
    --------
    >>> _file_on_disk("st. john"), _file_on_disk("no/such/file.txt")
    (False, False)
    """
    return path_shaped(argument) and os.path.isfile(argument)


def path_shaped(argument):
    """Whether a command-line argument is shaped like a path: it holds a
    ``/`` (or the system's separator), or ends in a file suffix and holds no
    space (``names.txt``, ``m.skops``; not ``st. john``).

    Examples
    --------
    >>> [path_shaped(a) for a in ("names.txt", "data/n", "st. john", "trian")]
    [True, True, False, False]
    """
    return bool(os.sep in argument or "/" in argument or _FILE_SUFFIX.search(argument))


def check_names_not_files(names, command, model=None, names_file=None):
    """Refuse a NAME that is a file on disk (``score m.skops names.txt``): the
    NAMEs are names themselves, and a file of names is ``--names-file``'s.

    A model file given as a NAME, or with ``--names-file``, while MODEL is a
    text file is said to be swapped with MODEL, with the command line that
    puts each in its place; a model file given with ``--names-file`` is
    refused too (it is no file of names).

    Parameters
    ----------
    names : list of str
        The NAMEs, as given.
    command : str
        ``"score"`` or ``"classify"``.
    model : str, optional
        MODEL, as given.
    names_file : str, optional
        The file of ``--names-file``, if given.
    """
    for name in names:
        if _file_on_disk(name):
            shown = shown_path(name)
            raise ValueError(
                _swapped(name, f"NAME {shown}", model, command, names, names_file)
                or f"NAME {shown} is a file on disk, but the NAMEs of {command} "
                f"are the names to {command} themselves: to {command} the names "
                f"of a file, pass it with --names-file {shell_word(name)}."
            )
    if names_file is not None and is_model_file(names_file):
        given = f"--names-file {shell_path(names_file)}"
        raise ValueError(
            _swapped(names_file, given, model, command, names)
            or f"{given} is a model file, not a text file of names: {command} "
            "reads its model from MODEL, its first argument, and the names from "
            "NAME arguments or a text file of names given with --names-file."
        )


def check_exclude_not_model(exclude_file, model):
    """Refuse a model file given as ``sample --exclude-file`` (a file of the
    names to leave out): the MODEL of this sample itself, or another model.

    Parameters
    ----------
    exclude_file : str or None
        The file of ``--exclude-file``, if given.
    model : str
        ``sample``'s MODEL, as given.

    Examples
    --------
    >>> check_exclude_not_model("no/such/names.txt", "m.skops")
    """
    if exclude_file is None or not is_model_file(exclude_file):
        return
    given = f"--exclude-file {shell_path(exclude_file)}"
    takes = (
        "--exclude-file takes a text file of names to leave out of the sample, "
        "such as the names the model was trained on"
    )
    if _same_file(exclude_file, model):
        raise ValueError(
            f"{given} is the model file itself, the MODEL of this sample, not a "
            f"file of names: {takes} (--novel leaves those out, by the record of "
            "them a model trained without --chunk-size keeps)."
        )
    raise ValueError(
        f"{given} is a model file, not a text file of names: {takes}. The model "
        "to sample from is MODEL, the first argument."
    )


def _same_file(path, other):
    """Whether two paths name one file (False if either is missing)."""
    try:
        return os.path.samefile(path, other)
    except (OSError, ValueError):
        return False


def is_model_file(path):
    """Whether ``path`` is a model file (a skops file or a model's pickle).

    Examples
    --------
    >>> is_model_file("no/such/model.skops")
    False
    """
    from .._model_files import not_a_model_file

    return (
        os.path.isfile(path)
        and bool(os.path.getsize(path))
        and (not_a_model_file(path) is None)
    )


def _swapped(path, given, model, command, names, names_file=None):
    """The message on a model file given where a file of names goes while
    MODEL is a text file (the two swapped), or None. A NAME swapped while
    ``--names-file`` names another file: no command line reads both files of
    names, so none is offered."""
    from .._model_files import not_a_model_file

    if model is None or not os.path.isfile(model) or not is_model_file(path):
        return None
    kind = not_a_model_file(model)
    if kind is None or not kind.startswith("a text file"):
        return None
    said = (
        f"MODEL {shown_path(model)} and {given} are swapped: {shown_path(path)} is the "
        "model file "
        f"and {shown_path(model)} is {kind}. The model file comes first and the file "
        "of "
        "names goes with --names-file"
    )
    if names_file is not None and names_file != path:  # two files of names
        return (
            f"{said}, which names {shown_path(names_file)} too: {command} reads one "
            "file of "
            f"names, so {command} each in its own run, MODEL {shown_path(path)} first."
        )
    others = [name for name in names if name != path]
    words = ["sknextchar", command, path, *others, "--names-file", model]
    fixed = " ".join(shell_word(word) for word in words)
    return f"{said}. Add any other options you gave, and run: {fixed}"


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
    if not _file_on_disk(context):
        return
    from .._persistence import PICKLE_SUFFIXES

    start = (
        f"CONTEXT {shown_path(context)} is a file on disk, but CONTEXT is the "
        "beginning of a name itself (e.g. abi, or '' for the first letter)"
    )
    suffix = os.path.splitext(context)[1].casefold()
    if suffix in (".skops", *PICKLE_SUFFIXES):
        raise ValueError(
            f"{start}, and the model file is MODEL, the first argument: "
            f"sknextchar table {shell_word(context)} abi."
        )
    raise ValueError(
        f"{start}: table shows the next characters after one CONTEXT and reads "
        "no file of names. Pass the beginning of a name; to score the names of "
        f"a file, run sknextchar score {shell_word(model)} --names-file "
        f"{shell_word(context)}."
    )
