"""Warnings and errors specific to sknextchar.

Every other error of the package is a ``ValueError`` or ``TypeError`` (or
scikit-learn's ``NotFittedError``), as in scikit-learn: built-in, scikit-learn's
``InvalidParameterError``, or for a prefix no name can go on from, a subclass
whose message is made from its attributes (``sknextchar._dead_ends``, internal:
catch ``ValueError``).
"""

__all__ = ["DamagedModelError", "ModelVersionWarning"]


class DamagedModelError(ValueError):
    """A loaded model's fitted state does not hold together.

    Raised when a model is unpickled (by :func:`~sknextchar.load_model`,
    ``joblib.load``, ``pickle`` or ``skops.io.load``) whose fitted arrays or
    count tables are inconsistent: a damaged or edited file. The model checks
    itself as it is restored, so the error comes at load, not at first use deep
    inside NumPy. A ``ValueError``, as scikit-learn's errors about bad input.

    Examples
    --------
    >>> import pickle
    >>> import numpy as np
    >>> from sknextchar import CharEmbeddingMLPClassifier
    >>> from sknextchar.exceptions import DamagedModelError
    >>> clf = CharEmbeddingMLPClassifier(max_iter=1, random_state=0)
    >>> clf = clf.fit(np.array([[0, 1], [1, 2], [2, 0]]), np.array([1, 2, 0]))
    >>> clf.coefs_[0][0, 0] = np.nan  # as an edited file would hold it
    >>> pickle.loads(pickle.dumps(clf))
    Traceback (most recent call last):
    ...
    sknextchar.exceptions.DamagedModelError: This CharEmbeddingMLPClassifier's ...
    """


class ModelVersionWarning(UserWarning):
    """A model file was saved by another version of sknextchar.

    Examples
    --------
    >>> import warnings
    >>> from sknextchar.exceptions import ModelVersionWarning
    >>> issubclass(ModelVersionWarning, UserWarning)
    True
    """
