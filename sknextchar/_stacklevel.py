"""The stack level of a warning that points at the user's call."""

import os
import sys

__all__ = ["user_stacklevel"]

_PACKAGE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def user_stacklevel():
    """The ``stacklevel`` of :func:`warnings.warn`, called by the caller of
    this function, that points at the first frame outside the package: the
    user's call, however deep in the package the warning is made.

    Examples
    --------
    >>> user_stacklevel() >= 1
    True
    """
    frame, level = sys._getframe(1), 1
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE):
        frame, level = frame.f_back, level + 1
    return level
