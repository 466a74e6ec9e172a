"""The ``sknextchar`` command line: train, sample, score, classify, table and plot.

A thin layer over the estimators. Every flag of ``train`` and every sampling
control of ``sample`` is one row of the command line's own flag table
(``sknextchar.cli._flags``), which names the estimator parameter it sets with
``set_params``, the values it accepts and its default; the tests hold the table
to the estimators' signatures and parameter constraints.

Run without arguments, the command does the README's main job: train the default
model on the bundled names, print its held-out negative log-likelihood and 20 new
names.

Importing this package, ``--help`` and argument errors load neither
scikit-learn, SciPy, NumPy, skops, rich nor matplotlib: each command imports
what it needs when it runs.

Modules: ``_flags`` (the flag table and value types), ``_parser`` (the argument
parser), ``_commands`` (what each command does), ``_classify`` (``classify``),
``_labelled`` and ``_counts`` (``train --labels`` and ``--model kneser-ney``),
``_in_chunks`` (``train --chunk-size``), ``_plot`` (``plot``),
``_progress`` (the training progress, a scikit-learn callback drawn with rich),
``_lengths`` (``sample``'s length bounds, checked up front), ``_places`` (where
a command's names came from: a file's line, an argument), ``_errors`` (one-line
errors and warnings, in the command line's spelling), ``_main`` (the entry
point).
"""

import importlib

# Public name -> the module that defines it, imported when the name is first
# used: ``from sknextchar.cli import main`` (the console script) loads only
# ``_main``, whose ``main`` imports the rest inside its Ctrl-C handling.
_LAZY = {"build_parser": "._parser", "build_pipeline": "._commands", "main": "._main"}

__all__ = sorted(_LAZY)


def __getattr__(name):
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():  # a name loaded is in globals too
    return sorted({*globals(), *_LAZY})
