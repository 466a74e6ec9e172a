"""A pipeline's step's advice in the pipeline's words: ``alphabet='auto'``
as ``windows__alphabet='auto'``, and the step's name found for a step that
raises inside a scikit-learn :class:`~sklearn.pipeline.Pipeline` it cannot
otherwise see (``make_default_pipeline().fit(names)``)."""

import inspect
import re

from sklearn.pipeline import Pipeline

__all__ = [
    "StepError",
    "enclosing_step",
    "spelled_in_pipeline",
    "spelled_settings",
    "step_error",
]


# A name that a message quotes (names[3]='x alphabet=1', and as it is learned:
# ('x alphabet=1' is learned as 'xalphabet')): left as it is.
_LITERAL = r"(?:'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\")"
_QUOTED_NAME = (
    rf"\bnames\[\d+\](?:=| is ){_LITERAL}|\({_LITERAL} is learned as {_LITERAL}\)"
)
# The value of a setting a message advises: alphabet='auto', alpha=0.1,
# hidden_layer_sizes=(200, 100) (not "...", which names no value).
_VALUE = r"(?:'[^'\n]*'|\"[^\"\n]*\"|\([^()\n]*\)|[\w.]*\w)"


def spelled_in_pipeline(message, transformer, step):
    """A message of a pipeline's step with its parameters spelled as the
    pipeline sets them: ``alphabet='auto'`` as ``windows__alphabet='auto'``.

    For the owner of a pipeline the user did not build (``train_from_file``'s,
    the default pipeline of :class:`~sknextchar.NameLabelClassifier`), whose
    step's advice names the step's own parameters. The names that the message
    quotes are left as they are. Only a message of that step is to be spelled
    so (:func:`~sknextchar._pipeline.fit_in_pipeline_words`): another's names
    other parameters.

    Parameters
    ----------
    message : str
        The step's message.
    transformer : estimator
        The step, whose ``get_params(deep=False)`` are the parameters to spell.
    step : str
        The step's name in the pipeline.

    Returns
    -------
    message : str

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> spelled_in_pipeline("names[2]='alphabet=1': pass alphabet='auto'.",
    ...                     ContextWindowTransformer(), "windows")
    "names[2]='alphabet=1': pass windows__alphabet='auto'."
    """
    return spelled_settings(message, transformer, step)[0]


def spelled_settings(message, transformer, step):
    """:func:`spelled_in_pipeline`, and the settings spelled, in order.

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> spelled_settings("pass alphabet='auto'.", ContextWindowTransformer(), "w")
    ("pass w__alphabet='auto'.", ["w__alphabet='auto'"])
    """
    params = "|".join(map(re.escape, transformer.get_params(deep=False)))
    setting = rf"(?<![\w'\"])(?=(?:{params})=)"
    pieces, settings, end = [], [], 0
    for match in re.finditer(rf"({_QUOTED_NAME})|{setting}", message):
        if match.group(1) is not None:
            continue  # a name, as given
        found = re.compile(rf"\w+={_VALUE}").match(message, match.start())
        settings += [] if found is None else [f"{step}__{found.group(0)}"]
        pieces += [message[end : match.start()], f"{step}__"]
        end = match.start()
    return "".join([*pieces, message[end:]]), settings


def enclosing_step(step):
    """The name of ``step`` in the innermost Pipeline running it, or None.

    A step of a plain scikit-learn Pipeline is called by the Pipeline's
    ``fit``, ``predict_log_proba``, ``score``... with no word of the name the
    pipeline gives it: the frames of the call stack hold it, as the ``self``
    of the Pipeline's method. Only on an error's way out, so the walk costs
    nothing on the way of a call that works; it reads the calling thread's
    frames only, and keeps none. A step wrapped in a
    FrozenEstimator is not found (its parameters are the wrapper's
    ``estimator__...``): its message stays in its own words.

    Parameters
    ----------
    step : estimator
        The step, as the Pipeline holds it (the same object).

    Returns
    -------
    name : str or None

    Examples
    --------
    >>> from sklearn.pipeline import Pipeline
    >>> from sklearn.preprocessing import FunctionTransformer
    >>> class Named(FunctionTransformer):
    ...     def transform(self, X):
    ...         return [enclosing_step(self)]
    >>> Pipeline([("mine", Named())]).fit([[1]]).transform([[1]])
    ['mine']
    >>> print(enclosing_step(Named()))
    None
    """
    frame = inspect.currentframe()
    frame = None if frame is None else frame.f_back  # None: no frames to read
    try:
        while frame is not None:
            name = _step_name(frame, step)
            if name is not None:
                return name
            frame = frame.f_back
        return None
    finally:
        del frame  # no frame kept beyond the walk


def _step_name(frame, step):
    """The name of ``step`` in the Pipeline whose method ``frame`` runs, if
    it holds that very object. Only a method's frame (its first argument
    ``self``) is read, and its ``self`` is told a Pipeline by its type: the
    walk runs no code of the objects it meets (a mock's ``__class__``, a
    proxy's attributes)."""
    code = frame.f_code
    if not code.co_argcount or code.co_varnames[0] != "self":
        return None
    owner = frame.f_locals.get("self")
    if not issubclass(type(owner), Pipeline):
        return None
    steps = vars(owner).get("steps")
    for pair in steps if isinstance(steps, (list, tuple)) else ():
        if isinstance(pair, (list, tuple)) and len(pair) == 2 and pair[1] is step:
            return pair[0]
    return None


class StepError(ValueError):
    """A step's error in a pipeline's fit or use, its advice spelled as the
    pipeline sets the step's parameters
    (:func:`~sknextchar._pipeline.in_pipeline_words`, or the step itself in a
    Pipeline it finds with :func:`enclosing_step`).

    Parameters
    ----------
    message : str
        The step's message, spelled so.
    step : str
        The step's name in the pipeline.
    settings : list of str
        The settings the message advises, as the pipeline sets them
        (``"windows__alphabet='auto'"``), in the order it names them.

    Examples
    --------
    >>> error = StepError("pass w__alphabet='auto'.", "w", ["w__alphabet='auto'"])
    >>> isinstance(error, ValueError), error.settings
    (True, ["w__alphabet='auto'"])
    """

    def __init__(self, message, step, settings):
        super().__init__(message)
        self.step, self.settings = step, list(settings)

    def __reduce__(self):
        return type(self), (self.args[0], self.step, self.settings), vars(self)


def step_error(step, message, note=""):
    """The error of ``step`` with ``message``: a :class:`StepError` in the
    words of the innermost Pipeline running it (:func:`enclosing_step`) when
    the message advises one of its parameters, else a plain ValueError;
    ``note`` (which explains, and advises no setting) after it as it is.

    Parameters
    ----------
    step : estimator
        The step that refuses.
    message : str
        Its message, in its own words.
    note : str, default=""
        A closing sentence (starting with a space), not spelled.

    Returns
    -------
    error : ValueError

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> step_error(ContextWindowTransformer(), "pass alphabet='auto'.")
    ValueError("pass alphabet='auto'.")
    """
    name = enclosing_step(step)
    if name is None:
        return ValueError(message + note)
    spelled, settings = spelled_settings(message, step, name)
    if not settings:
        return ValueError(message + note)
    return StepError(spelled + note, name, settings)
