"""Where a meta-estimator's ``sample_weight`` goes: to itself and to its models.

:class:`~sknextchar.NameSampler` and :class:`~sknextchar.NameLabelClassifier`
use the weights themselves (the length record, the priors, the calibration's
log-loss) and pass them on to the model of each pipeline they fit. With
scikit-learn's metadata routing enabled, they pass them on as the model asks,
as :class:`~sklearn.calibration.CalibratedClassifierCV` (a meta-estimator that
uses the weights itself) does: ``set_fit_request(sample_weight=True)`` on the
model gives it the weights, ``False`` keeps them from it. A model that has not
said (its request unset) gets them, as with routing disabled, where the weights
always reach it; so enabling routing changes no fit. No scikit-learn
meta-estimator is the model for that case: ``CalibratedClassifierCV`` raises
``UnsetMetadataPassedError``, and :class:`~sklearn.ensemble.BaggingClassifier`
draws its rows by the weights and fits the model without them. A frozen
pipeline is not fitted again and gets nothing. ``get_metadata_routing`` shows
this: the wrapper's own request, and one child per pipeline.
"""

from sklearn import get_config
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import Pipeline
from sklearn.utils.metadata_routing import (
    UNUSED,
    WARN,
    MetadataRequest,
    MetadataRouter,
    MethodMapping,
    get_routing_for_object,
)

from ._steps import pipeline_steps, unfreeze

__all__ = ["model_gets_weights", "weights_router"]


def model_gets_weights(model):
    """Whether a pipeline's model is fitted with the wrapper's ``sample_weight``.

    Always, with metadata routing disabled. With it enabled, unless the model
    asks not to (``set_fit_request(sample_weight=False)``); a model that has
    not said gets them.

    Parameters
    ----------
    model : estimator
        The last step of a next-character pipeline.

    Returns
    -------
    gets : bool

    Raises
    ------
    ValueError
        If the model asks for the weights under another name (an alias): the
        wrapper passes on its own ``sample_weight`` only.

    Examples
    --------
    >>> import sklearn
    >>> from sknextchar import KneserNeyClassifier
    >>> model_gets_weights(KneserNeyClassifier())
    True
    >>> with sklearn.config_context(enable_metadata_routing=True):
    ...     model_gets_weights(KneserNeyClassifier().set_fit_request(
    ...         sample_weight=False))
    False
    """
    if not get_config()["enable_metadata_routing"]:
        return True
    request = _fit_requests(model).get("sample_weight")
    if isinstance(request, str) and request not in (WARN, UNUSED):
        raise ValueError(
            f"The pipeline's model {type(model).__name__} asks for sample_weight "
            f"under the name {request!r} (set_fit_request(sample_weight="
            f"{request!r})), but NameSampler and NameLabelClassifier pass their "
            "own sample_weight on under that name only. Set "
            "set_fit_request(sample_weight=True) on the model to fit it with the "
            "weights, or sample_weight=False to fit it without them."
        )
    return request is not False


def weights_router(meta, pipelines):
    """The metadata routing of a wrapper that fits ``pipelines`` with its weights.

    Parameters
    ----------
    meta : estimator
        The wrapper; its own requests (``set_fit_request``,
        ``set_score_request``) are part of the routing.
    pipelines : list of Pipeline or FrozenEstimator
        The pipelines it fits: ``estimator`` when one, ``estimator_0``, ... in
        the routing when several.

    Returns
    -------
    router : MetadataRouter
        ``fit``'s ``sample_weight`` goes to each pipeline whose model gets it
        (see :func:`model_gets_weights`, with routing enabled).

    Examples
    --------
    >>> import sklearn
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import (ContextWindowTransformer, KneserNeyClassifier,
    ...                         NameSampler)
    >>> with sklearn.config_context(enable_metadata_routing=True):
    ...     pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    ...     router = weights_router(NameSampler(pipe), [pipe])
    ...     router.consumes("fit", ["sample_weight"])
    {'sample_weight'}
    """
    router = MetadataRouter(owner=meta).add_self_request(meta)
    for i, pipeline in enumerate(pipelines):
        name = "estimator" if len(pipelines) == 1 else f"estimator_{i}"
        router.add(
            **{name: _pipeline_request(pipeline)},
            method_mapping=MethodMapping().add(caller="fit", callee="fit"),
        )
    return router


def _pipeline_request(pipeline):
    """What a pipeline's fit takes of the wrapper's metadata: its model's weights."""
    request = MetadataRequest(owner=type(pipeline).__name__)
    pipe = unfreeze(pipeline)
    if isinstance(pipeline, FrozenEstimator) or not isinstance(pipe, Pipeline):
        return request  # not fitted again (or not a pipeline, refused by fit)
    steps = pipeline_steps(pipe)
    if steps and "sample_weight" in _fit_requests(steps[-1]):
        gets = model_gets_weights(steps[-1])
        request.fit.add_request(param="sample_weight", alias=gets)
    return request


def _fit_requests(model):
    """The model's requests of ``fit`` metadata ({} for a router)."""
    routing = get_routing_for_object(model)
    if not isinstance(routing, MetadataRequest):
        return {}
    return routing.fit.requests
