"""The mixin shared by every sknextchar estimator."""

import warnings

from ._version import __version__
from .exceptions import ModelVersionWarning

# The API reference page of each public estimator (docs/api.rst, autosummary).
DOC_LINK_TEMPLATE = (
    "https://sknextchar.readthedocs.io/en/latest/generated/"
    "{estimator_module}.{estimator_name}.html"
)


class PackageEstimatorMixin:
    """What every sknextchar estimator shares beyond scikit-learn's BaseEstimator.

    - The package version is recorded in the pickled / skops state; loading a model
      saved by another version gives a :class:`ModelVersionWarning` naming both
      versions, as scikit-learn does for its own estimators.
    - The HTML representation links to this package's API documentation.

    Place it before the scikit-learn mixins: ``class E(PackageEstimatorMixin,
    TransformerMixin, BaseEstimator)``.
    """

    _doc_link_module = "sknextchar"
    _doc_link_template = DOC_LINK_TEMPLATE

    def __getstate__(self):
        state = super().__getstate__()
        return dict(state, _sknextchar_version=__version__)

    def __setstate__(self, state):
        state = dict(state)
        saved = state.pop("_sknextchar_version", None)
        if saved is not None and saved != __version__:
            warnings.warn(
                f"This {type(self).__name__} was saved by sknextchar {saved} and is "
                f"loaded by sknextchar {__version__}; it may not work or may give "
                f"different results. Retrain it with sknextchar {__version__}, or "
                f"install sknextchar=={saved} to use it.",
                ModelVersionWarning,
                stacklevel=2,
            )
        super().__setstate__(state)
