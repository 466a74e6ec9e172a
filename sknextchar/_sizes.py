"""Refusing allocations too large for the machine, before they are attempted.

A size such as ``embedding_dim=2**70`` would otherwise surface deep inside NumPy
as an OverflowError or "Maximum allowed dimension exceeded", naming nothing the
user set. :func:`check_allocation` counts with Python integers (which do not
overflow) and names the parameters when the count is beyond this machine.
"""

import contextlib
import os
import sys

__all__ = [
    "batch_values",
    "check_allocation",
    "first_layer_inputs",
    "machine_memory",
    "memory_available",
    "resident_memory",
    "sampler_record_memory",
]


def machine_memory():
    """The bytes of memory this process may use, or 2**63 where nothing says.

    The least of the physical memory, the address-space limit
    (``RLIMIT_AS``, ``ulimit -v``) and the memory limit of the process's
    control group (a container's ``--memory``): a size within the physical
    memory but beyond a container's limit is killed, not refused.

    Returns
    -------
    n_bytes : int

    Examples
    --------
    >>> from sknextchar._sizes import machine_memory
    >>> machine_memory() > 2**20
    True
    """
    limits = [2**63]
    try:
        limits.append(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES"))
    except (AttributeError, ValueError, OSError):
        pass
    try:
        import resource  # not on Windows

        soft = resource.getrlimit(resource.RLIMIT_AS)[0]
        if soft not in (resource.RLIM_INFINITY, -1) and soft > 0:
            limits.append(soft)
    except (ImportError, AttributeError, ValueError, OSError):
        pass
    limits.extend(_cgroup_limits())
    return min(limits)


def memory_available():
    """The bytes of memory this process can take now, without taking it from
    the other processes of the machine.

    The least of what the process may use less what it holds already
    (:func:`machine_memory` less :func:`resident_memory`: its model, the names
    kept so far) and of the memory the system has available now
    (:func:`system_memory_available`: free memory and the caches it can drop,
    where the system tells it). A bound for work that can be done in smaller
    parts (the later rounds of sampling), not a refusal: what is available
    changes from one moment to the next.

    Returns
    -------
    n_bytes : int
        At least 0.

    Examples
    --------
    >>> from sknextchar._sizes import machine_memory, memory_available
    >>> 0 <= memory_available() < machine_memory()
    True
    """
    room = [machine_memory() - resident_memory()]
    available = system_memory_available()
    if available is not None:
        room.append(available)
    return max(min(room), 0)


#: Where Linux tells the memory available (``MemAvailable``, since 3.14) and
#: the pages this process holds in memory (the second number).
MEMINFO_FILE = "/proc/meminfo"
STATM_FILE = "/proc/self/statm"


def system_memory_available():
    """The bytes the system has available for a new allocation now, without
    swapping (``MemAvailable`` of :data:`MEMINFO_FILE`), or None where the
    system does not tell (not Linux: then :func:`memory_available` counts
    what this process holds against what it may use).

    Examples
    --------
    >>> from sknextchar._sizes import system_memory_available
    >>> available = system_memory_available()
    >>> available is None or available > 0
    True
    """
    try:
        with open(MEMINFO_FILE, encoding="ascii") as file:
            for line in file:
                name, _, value = line.partition(":")
                if name == "MemAvailable":  # "  123456 kB"
                    return int(value.split()[0]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def resident_memory():
    """The bytes of memory this process holds now (its resident pages, from
    :data:`STATM_FILE`); where the system does not tell, the most it has
    held (``ru_maxrss``), or 0.

    Examples
    --------
    >>> from sknextchar._sizes import resident_memory
    >>> resident_memory() > 2**20
    True
    """
    try:
        with open(STATM_FILE, encoding="ascii") as file:
            return int(file.read(256).split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    try:
        import resource  # not on Windows

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    except (ImportError, AttributeError, ValueError, OSError):
        return 0
    return peak if sys.platform == "darwin" else peak * 1024  # bytes there, KB


#: Where Linux control groups state a memory limit (version 2, then 1).
CGROUP_LIMIT_FILES = (
    "/sys/fs/cgroup/memory.max",
    "/sys/fs/cgroup/memory/memory.limit_in_bytes",
)


def _cgroup_limits():
    """The memory limits of :data:`CGROUP_LIMIT_FILES` that hold a number
    ("max", or none of the files, is no limit)."""
    limits = []
    for path in CGROUP_LIMIT_FILES:
        try:
            with open(path, encoding="ascii") as file:
                text = file.read(64).strip()
        except (OSError, ValueError):
            continue
        if text.isdigit() and int(text) > 0:
            limits.append(int(text))
    return limits


def check_allocation(n_values, itemsize, *, what, parameters):
    """Refuse ``n_values`` of ``itemsize`` bytes when they exceed the memory.

    Parameters
    ----------
    n_values : int
        How many values are about to be allocated (a Python int: exact).
    itemsize : int
        Bytes per value.
    what : str
        What they are, for the message ("the weights").
    parameters : dict
        The parameters that set the size, by name, shown in the message.

    Raises
    ------
    ValueError
        Naming the parameters, the bytes needed and the bytes available.

    Examples
    --------
    >>> from sknextchar._sizes import check_allocation
    >>> check_allocation(10, 8, what="the weights", parameters={"embedding_dim": 10})
    >>> check_allocation(2**70, 8, what="the weights",
    ...                  parameters={"embedding_dim": 2**70})
    Traceback (most recent call last):
    ...
    ValueError: embedding_dim=1180591620717411303424 makes the weights need ...
    """
    n_bytes = int(n_values) * int(itemsize)
    available = machine_memory()
    if n_bytes <= available:
        return
    shown = ", ".join(f"{name}={value!r}" for name, value in parameters.items())
    lower = " or ".join(parameters)
    raise ValueError(
        f"{shown} makes {what} need {n_bytes:.3g} bytes, more than the "
        f"{available:.3g} bytes of memory this process may use; lower {lower}."
    )


def first_layer_inputs(context_length, embedding_dim, label_dim=0):
    """The inputs of an embedding MLP's first layer (the rows of ``coefs_[0]``).

    The concatenated embeddings of the context, then the label's embedding of a
    model of names by label.

    Parameters
    ----------
    context_length, embedding_dim : int
        The context's symbols and the numbers in each symbol's embedding.
    label_dim : int, default=0
        The numbers in the label's embedding (0 for a model without labels).

    Returns
    -------
    n_inputs : int

    Examples
    --------
    >>> from sknextchar._sizes import first_layer_inputs
    >>> first_layer_inputs(3, 10), first_layer_inputs(3, 10, label_dim=4)
    (30, 34)
    """
    return context_length * embedding_dim + label_dim


def check_weight_memory(
    n_symbols,
    embedding_dim,
    context_length,
    hidden_sizes,
    n_classes,
    itemsize,
    labels=None,
    batch=None,
):
    """Refuse a network whose weights, gradients and Adam moments cannot fit,
    or, with ``batch``, not together with one training batch's activations.

    Parameters
    ----------
    n_symbols, embedding_dim, context_length : int
        The sizes of the embedding table and of its output.
    hidden_sizes : sequence of int
        Units of each hidden layer.
    n_classes : int
        Units of the output layer.
    itemsize : int
        Bytes per weight.
    labels : tuple of int or None, default=None
        ``(n_labels, label embedding size)`` of a model of names by label: the
        label table, whose rows also join the first layer's input.
    batch : tuple or None, default=None
        ``(batch_size, n_windows, dropout)`` of a training call: its batches
        have ``min(batch_size, n_windows)`` rows (see :func:`batch_values`).

    Raises
    ------
    ValueError
        Naming ``embedding_dim``, ``hidden_layer_sizes`` (and
        ``label_embedding_dim`` for a model with labels) when the weights alone
        do not fit; naming ``batch_size`` and ``hidden_layer_sizes`` when they
        fit without a batch's activations but not with them.

    Examples
    --------
    >>> from sknextchar._sizes import check_weight_memory
    >>> check_weight_memory(30, 10, 3, [200], 30, 8, labels=(2, 4))
    >>> check_weight_memory(30, 10, 3, [10**5], 30, 4, batch=(10**9, 10**8, 0.0))
    Traceback (most recent call last):
    ...
    ValueError: batch_size=1000000000 with hidden_layer_sizes=(100000,) makes ...
    """
    n_labels, label_dim = labels if labels is not None else (0, 0)
    first = first_layer_inputs(context_length, embedding_dim, label_dim)
    widths = [first, *hidden_sizes, n_classes]
    n_weights = (n_symbols * embedding_dim + n_labels * label_dim) + sum(
        a * b + b for a, b in zip(widths, widths[1:])
    )
    parameters = {
        "embedding_dim": embedding_dim,
        "hidden_layer_sizes": tuple(hidden_sizes),
    }
    if labels is not None:
        parameters["label_embedding_dim"] = label_dim
    check_allocation(
        4 * n_weights,  # the weights, their gradients and Adam's two moments
        itemsize,
        what="the weights",
        parameters=parameters,
    )
    if batch is not None:
        batch_size, n_windows, dropout = batch
        rows = min(batch_size, n_windows)
        per_row = batch_values(context_length, n_symbols, widths, dropout)
        _check_batch(4 * n_weights * itemsize, rows * per_row * itemsize, batch_size,
                     rows, hidden_sizes)  # fmt: skip


def batch_values(context_length, n_symbols, widths, dropout=0.0):
    """The values one window of a training batch holds while it trains.

    The work arrays of a step (:class:`~sknextchar.nn.functional.StepBuffers`):
    the gathered embeddings and their gradient (two per input), each hidden
    layer's output, gradient and activation derivative (three per unit), the
    output layer's scores and their transpose (two per class), the one-hot rows
    of the context (``context_length * n_symbols``), and a dropout mask per
    hidden unit when ``dropout`` is set: at most three per unit of
    ``widths`` plus the one-hot rows.

    Parameters
    ----------
    context_length, n_symbols : int
        The context's symbols and the vocabulary's size.
    widths : sequence of int
        The units of each layer: the first layer's inputs, the hidden layers,
        the classes.
    dropout : float, default=0.0
        The dropout rate (a mask per hidden unit when not 0).

    Returns
    -------
    n_values : int

    Examples
    --------
    >>> from sknextchar._sizes import batch_values
    >>> batch_values(3, 30, [30, 200, 30])  # 3 * 260 + 3 * 30
    870
    """
    hidden = sum(widths[1:-1])
    return 3 * sum(widths) + context_length * n_symbols + (hidden if dropout else 0)


def _check_batch(weight_bytes, batch_bytes, batch_size, rows, hidden_sizes):
    """Refuse a batch whose activations do not fit beside the weights."""
    available = machine_memory()
    if weight_bytes + batch_bytes <= available:
        return
    raise ValueError(
        f"batch_size={batch_size!r} with hidden_layer_sizes={tuple(hidden_sizes)!r} "
        f"makes one training batch ({rows:,} windows) need {batch_bytes:.3g} "
        f"bytes for its activations, besides the {weight_bytes:.3g} of the "
        f"weights: more than the {available:.3g} bytes of memory this process may "
        "use; lower batch_size (or hidden_layer_sizes)."
    )


def check_window_memory(texts, context_length):
    """Refuse a ``context_length`` whose windows of ``texts`` cannot fit.

    Parameters
    ----------
    texts : sequence of str
        The names about to be cut into windows (one more window than letters).
    context_length : int
        Characters per window.

    Raises
    ------
    ValueError
        Naming ``context_length``.

    Examples
    --------
    >>> from sknextchar._sizes import check_window_memory
    >>> check_window_memory(["abid"], 3)
    """
    n_windows = sum(map(len, texts)) + len(texts)  # one more than letters each
    check_allocation(
        n_windows * context_length,
        8,
        what="the windows",
        parameters={"context_length": context_length},
    )


@contextlib.contextmanager
def sampler_record_memory(names):
    """Say what to do when memory runs out while a sampler records its names.

    ``NameSampler.fit`` keeps a record of its training names (their hashes,
    lengths and spellings) after the model is trained; for tens of millions of
    names it may not fit where the training did. A MemoryError inside becomes
    one naming the number of names and the ways out.

    Parameters
    ----------
    names : sequence of str
        The training names (their number is shown).

    Raises
    ------
    MemoryError
        Saying what ran out of memory and what to do, from the original.

    Examples
    --------
    >>> from sknextchar._sizes import sampler_record_memory
    >>> with sampler_record_memory(["asha"] * 3):
    ...     raise MemoryError("Unable to allocate 458. MiB")
    Traceback (most recent call last):
    ...
    MemoryError: NameSampler.fit ran out of memory recording its 3 training ...
    """
    try:
        yield
    except MemoryError as exc:
        n_names = len(names) if hasattr(names, "__len__") else "many"
        n_names = f"{n_names:,}" if isinstance(n_names, int) else n_names
        raise MemoryError(
            f"NameSampler.fit ran out of memory recording its {n_names} training "
            "names (their hashes, lengths and spellings, for sample(novel=True), "
            "the default length bounds and the spelling checks), after training "
            f"the model ({exc}). Fit it on fewer names; or train the pipeline on "
            "a file of the names with sknextchar.train_from_file, which holds one "
            "chunk of names at a time and keeps no record of them, then fit "
            "NameSampler(FrozenEstimator(pipeline)) on a part of the names (only "
            "they are recorded) or on [] (no record)."
        ) from exc
