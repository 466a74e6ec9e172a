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
``_progress`` (the training progress, a scikit-learn callback drawn with rich),
``_lengths`` (``sample``'s length bounds, checked up front), ``_places`` (where
a command's names came from: a file's line, an argument), ``_errors`` (one-line
errors and warnings, in the command line's spelling), ``_main`` (the entry
point).
"""

from ._commands import build_pipeline
from ._main import main
from ._parser import build_parser

__all__ = ["build_parser", "build_pipeline", "main"]
