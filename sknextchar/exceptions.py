"""Warnings and errors specific to sknextchar.

Every other error of the package is, as in scikit-learn, of Python's or
scikit-learn's classes: a ``ValueError`` or ``TypeError`` for bad input or
parameters (scikit-learn's ``InvalidParameterError`` and ``NotFittedError``
are ``ValueError`` too), an ``OSError`` (such as ``FileNotFoundError``) for a
file that cannot be read or written, a ``MemoryError`` for a job the memory
cannot hold. An error whose message is made from its parts (the names
refused, the labels left without a name, the prefix no name can go on from)
is of an internal subclass of ``ValueError``, which may change from one
version to the next: catch ``ValueError``. A missing value among names
(``None``, ``NaN``, ``pd.NA``) raises one that is a ``TypeError`` too.
"""

__all__ = [
    "DamagedModelError",
    "FileChangedWarning",
    "ModelVersionWarning",
    "ProgressStoppedWarning",
]


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


class FileChangedWarning(UserWarning):
    """The names file changed after the last epoch of a training from it; the
    trained model is returned without its record of lengths by prefix.

    Given by :func:`~sknextchar.train_from_file` with ``return_sampler=True``
    (and ``train --chunk-size``) when the passes after the last epoch, which
    read the file again to record the lengths of the names after each prefix,
    find it written to, written over, replaced or removed. Every epoch trained
    on the file as it was, so the model is kept; its
    ``training_prefix_lengths_`` is None (``match_lengths`` after a prefix
    follows the lengths of all the names), never a table counted from two
    versions of the file. Under an ``"error"`` warnings filter it is raised,
    and no model is returned: to keep such a run going, filter this warning
    out by its class; to have the record too, train on a copy of the file
    that stays as it is.

    Examples
    --------
    >>> import warnings
    >>> from sknextchar.exceptions import FileChangedWarning
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("error")
    ...     warnings.filterwarnings("ignore", category=FileChangedWarning)
    ...     warnings.warn("'names.txt' changed", FileChangedWarning)  # ignored
    >>> issubclass(FileChangedWarning, UserWarning)
    True
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


class ProgressStoppedWarning(UserWarning):
    """The progress of a training could not be written, so it was stopped; the
    training went on.

    Given once per training (``fit``, ``partial_fit``, ``train_from_file``)
    when a write of its progress fails: the ``verbose`` lines, a callback's
    display or ``train_from_file``'s lines on a closed stream, on a pipe whose
    reader left, or on a stream whose encoding cannot hold a character. No more
    progress of that training is shown, and the model is the same as without
    progress. Under an ``"error"`` warnings filter it is raised, as
    scikit-learn's ``ConvergenceWarning`` would be, and the fit stops: to keep
    such a fit going, filter this warning out by its class.

    Examples
    --------
    >>> import warnings
    >>> from sknextchar.exceptions import ProgressStoppedWarning
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("error")
    ...     warnings.filterwarnings("ignore", category=ProgressStoppedWarning)
    ...     warnings.warn("progress stopped", ProgressStoppedWarning)  # ignored
    >>> issubclass(ProgressStoppedWarning, UserWarning)
    True
    """
