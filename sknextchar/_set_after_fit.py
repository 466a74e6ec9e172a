"""Parameters set after a fit that no model file should hold, refused before a save.

:func:`~sknextchar.save_model` refuses, before the target is touched, a model
one of whose estimators was given ``random_state=True`` (a bool is no seed) or
a parameter that breaks its constraints (``temperature=nan``) after its fit,
naming the parameter as ``set_params`` of the model spells it
(:func:`set_params_advice`, which the refusal of a network size set after the
fit, in ``sknextchar._persistence``, uses too). Loading checks the same
constraints its own way (:func:`~sknextchar._model_checks.validate_loaded_params`).
"""

from ._model_checks import fitted_estimators, invalid_parameter
from ._shown_paths import shown_path
from ._words import quoted_value

__all__ = ["refuse_bool_seed", "refuse_invalid_parameter", "set_params_advice"]


def refuse_bool_seed(model, path):
    """A random_state=True given after the fit: no seed to save (a bool is none)."""
    from ._random_states import bool_seed_of  # NumPy: not at import

    found = bool_seed_of(fitted_estimators(model))
    if found is not None:
        value = found.get_params(deep=False)["random_state"]
        raise ValueError(
            f"Cannot save the model to {shown_path(path)}: its {type(found).__name__} "
            f"has random_state={value!r}, which is no seed (a bool is refused): set "
            "an int seed, or None, with set_params and save again. The target was "
            "not touched."
        )


def _parameter_spelling(model, estimator, name):
    """``name`` as ``model.set_params`` spells it (``clf__embedding_dim``), or None.

    None for an estimator that the model's parameters do not reach (one it
    fitted, such as a sampler's ``estimator_``).
    """
    if estimator is model:
        return name
    for key, value in model.get_params(deep=True).items():
        if value is estimator:
            return f"{key}__{name}"
    return None


def set_params_advice(model, estimator, name, value):
    """How to set a parameter of an estimator inside a model, in words.

    ``set_params(key=value)`` of the model, or of the outermost holder of the
    estimator at fault that reaches it (a frozen pipeline's, say).

    Parameters
    ----------
    model : estimator
        The model to save.
    estimator : estimator
        The estimator inside it whose parameter is at fault.
    name : str
        The parameter, as ``estimator`` names it.
    value : str
        The value to show, as written (``"..."``, ``"5"``).

    Returns
    -------
    key : str
        The parameter as the holder's ``set_params`` spells it.
    advice : str
        The call to make, with its holder when that is not ``model``.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
    >>> model = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    >>> key, advice = set_params_advice(model, model[0], "context_length", "2")
    >>> advice
    'set_params(contextwindowtransformer__context_length=2)'
    """
    for holder in fitted_estimators(model):  # every wrapper first
        key = _parameter_spelling(holder, estimator, name)
        if key is not None:
            owner = "" if holder is model else f"its {type(holder).__name__}'s "
            return key, f"{owner}set_params({key}={value})"
    return name, f"set_params({name}={value})"  # not reached: the estimator holds it


def refuse_invalid_parameter(model, path):
    """A parameter that breaks its constraints (set after the fit): named."""
    found = invalid_parameter(model)
    if found is None:
        return
    estimator, name, error = found
    value = estimator.get_params(deep=False)[name]
    key, advice = set_params_advice(model, estimator, name, "...")
    reason = str(error)
    must = reason.find(" must be ")
    if reason.startswith("The ") and must > 0:  # scikit-learn's spelling
        reason = "it" + reason[must:].split(". Got ")[0]
    raise ValueError(
        f"Cannot save the model to {shown_path(path)}: {key}={quoted_value(value)} "
        f"is not valid ({reason.rstrip('.')}): {advice} with a valid value and save "
        "again. The target was not touched."
    )
