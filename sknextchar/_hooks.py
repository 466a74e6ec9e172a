"""Runtime hooks: what scikit-learn's callback API attaches to an estimator.

In a module of its own, importing nothing, so that the file-saving code can use it
without loading scikit-learn.
"""

__all__ = ["CALLBACK_ATTRIBUTES"]

#: The callbacks and the task tree of a fit in progress (``sklearn.callback``).
#: Runtime hooks, never model state: not saved, not rolled back, not copied as
#: fitted state.
CALLBACK_ATTRIBUTES = (
    "_skl_callbacks",
    "_skl_callbacks_to_teardown",
    "_callback_fit_ctx",
    "_parent_callback_ctx",
)
