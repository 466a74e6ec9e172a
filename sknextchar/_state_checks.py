"""Checks of the fitted state of a loaded model, estimator by estimator.

A model file edited by hand or damaged may still unpickle, and then fail at
first use with an AttributeError, IndexError or TypeError from deep inside
(a count array of the wrong dtype, a missing vocabulary, optimizer moments of
the wrong shape). :func:`~sknextchar.load_model` runs
:func:`fitted_state_problem` on every estimator inside a loaded model and refuses
such a model with a :class:`~sknextchar.exceptions.DamagedModelError` that names
the file, the estimator and the attribute.

Each ``*_problem`` function is pure: it reads one concern of one estimator and
returns what is wrong, or None. An estimator that holds none of its fitted
attributes is unfitted (the template of a sampler, a search's estimator) and is
not checked. The checks the estimators run themselves as they are unpickled
(the network's arrays, the count tables' structure, the number of per-label
models, the pool weights) are not repeated here.
A sampler's records of its training names are checked in
:mod:`sknextchar._record_checks`, a mixture's and a per-label model's
agreement with the models they hold in :mod:`sknextchar._member_checks`. The
steps of the package's fitted pipelines (a first step that is a
ContextWindowTransformer) must agree: a sampler's and a classifier of names'
are checked with their holder, any other (the model itself, a search's
best_estimator_) after every estimator, once (:func:`damaged_estimator`);
:mod:`sknextchar._step_checks` finds and compares them. Another package's
pipeline is not checked.

The estimators are known by class name, so that this module imports none of
them (it sits below :mod:`sknextchar._persistence` in the layers).
"""

import numpy as np
from sklearn.exceptions import NotFittedError
from sklearn.utils.validation import check_is_fitted

from ._attribute_checks import (
    distinct,
    float_vector,
    int_vector,
    is_int,
    is_real,
    strictly_increasing,
)
from ._member_checks import mixture_problem, per_label_models_problem
from ._ngram import max_order, table_problem
from ._own_classes import own_class
from ._record_checks import (
    folded_record_problem,
    length_record_problem,
    name_weight_problem,
    prefix_table_problem,
    transitions_problem,
)
from ._step_checks import fitted_steps, held_pipelines, pipeline_problem, steps_problem
from ._steps import unfreeze

__all__ = [
    "classes_problem",
    "damaged_estimator",
    "fitted_state_problem",
    "is_unfitted",
    "kneser_ney_counts_problem",
    "kneser_ney_report_problem",
    "kneser_ney_tables_problem",
    "label_classes_problem",
    "missing_state_problem",
    "network_shape_problem",
    "optimizer_problem",
    "vocabulary_problem",
]

# Per class name: the fitted attributes that must be present and not None, and
# those that must be present but may be None. An estimator holding none of
# them is unfitted. The attributes of files saved by earlier versions are
# absent from these lists or filled in by the estimator's ``__setstate__``.
_STATE = {
    "ContextWindowTransformer": ("vocabulary_ unit_", ""),
    "KneserNeyClassifier": (
        "classes_ n_features_in_ order_ n_windows_ _n_symbols _from_windows _base "
        "_top_keys _top_counts _tables",
        "",
    ),
    "CharEmbeddingMLPClassifier": (
        "classes_ n_features_in_ embeddings_ coefs_ intercepts_ n_iter_ t_ "
        "loss_curve_ _no_improvement_count",
        "best_loss_ _optimizer",
    ),
    "MixtureClassifier": ("classes_ n_features_in_ estimators_ weights_", ""),
    "PerLabelClassifier": ("classes_ n_features_in_ estimators_", "label_classes_"),
    "NameLabelClassifier": (
        "pipelines_ pipeline_ classes_ class_count_ class_prior_ temperature_",
        "",
    ),
    "NameSampler": ("estimator_ vocabulary_", ""),
}


def missing_state_problem(estimator, required, nullable=()):
    """The first fitted attribute a fitted estimator lacks, as a problem.

    Parameters
    ----------
    estimator : object
        A loaded estimator.
    required : sequence of str
        Fitted attributes that must be present and not None.
    nullable : sequence of str, default=()
        Fitted attributes that must be present, None allowed.

    Returns
    -------
    problem : str or None
        None when all are there, or when the estimator holds none of them (it
        is unfitted).

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> t = ContextWindowTransformer().fit(["abid"])
    >>> missing_state_problem(t, ("vocabulary_", "unit_")) is None
    True
    >>> del t.vocabulary_
    >>> missing_state_problem(t, ("vocabulary_", "unit_"))
    'it has no vocabulary_'
    """
    state = vars(estimator)
    if not any(name in state for name in (*required, *nullable)):
        return None
    for name in (*required, *nullable):
        if name not in state:
            return f"it has no {name}"
        if state[name] is None and name in required:
            return f"its {name} is None"
    return None


def classes_problem(estimator, name="classes_"):
    """What is wrong with a fitted classifier's ``classes_`` (or ``name``), or None.

    Parameters
    ----------
    estimator : object
        A fitted classifier.
    name : str, default="classes_"
        The attribute to check.

    Returns
    -------
    problem : str or None
        None for a 1-d array of at least one class, each once.

    Examples
    --------
    >>> import numpy as np
    >>> from sklearn.base import BaseEstimator
    >>> clf = BaseEstimator()
    >>> clf.classes_ = np.array(["-", "a", "b"])
    >>> classes_problem(clf) is None
    True
    >>> clf.classes_ = "ab"
    >>> classes_problem(clf)
    'its classes_ is not a 1-d array of distinct classes'
    """
    classes = getattr(estimator, name, None)
    if not (
        isinstance(classes, np.ndarray)
        and classes.ndim == 1
        and len(classes)
        and distinct(classes)
    ):
        return f"its {name} is not a 1-d array of distinct classes"
    return None


def label_classes_problem(estimator, name="label_classes_"):
    """What is wrong with the sorted labels of a fitted model, or None.

    Labels are looked up by binary search, so they must be sorted.

    Parameters
    ----------
    estimator : object
        A fitted model of names by label.
    name : str, default="label_classes_"
        The attribute to check; None (no labels) passes.

    Returns
    -------
    problem : str or None

    Examples
    --------
    >>> import numpy as np
    >>> from sklearn.base import BaseEstimator
    >>> model = BaseEstimator()
    >>> model.label_classes_ = np.array(["f", "m"])
    >>> label_classes_problem(model) is None
    True
    >>> model.label_classes_ = np.array(["m", "f"])
    >>> label_classes_problem(model)
    'its label_classes_ is not a 1-d array of sorted, distinct labels'
    """
    labels = getattr(estimator, name, None)
    if labels is None:
        return None
    if not (
        isinstance(labels, np.ndarray)
        and labels.ndim == 1
        and len(labels)
        and strictly_increasing(labels)
    ):
        return f"its {name} is not a 1-d array of sorted, distinct labels"
    return None


def vocabulary_problem(vocabulary, name="vocabulary_"):
    """What is wrong with a fitted vocabulary, or None.

    Parameters
    ----------
    vocabulary : object
        The symbols in id order: the end marker's display, then the letters.
    name : str, default="vocabulary_"
        Its attribute, for the message.

    Returns
    -------
    problem : str or None
        None for a tuple (or list) of at least two distinct non-empty strings.

    Examples
    --------
    >>> vocabulary_problem(("-", "a", "b")) is None
    True
    >>> vocabulary_problem(("-", "a", "a"))
    'its vocabulary_ is not a tuple of at least 2 distinct non-empty strings'
    """
    if not (
        isinstance(vocabulary, (tuple, list))
        and len(vocabulary) >= 2
        and all(isinstance(s, str) and s for s in vocabulary)
        and len(set(vocabulary)) == len(vocabulary)
    ):
        return f"its {name} is not a tuple of at least 2 distinct non-empty strings"
    return None


def _n_features_problem(estimator):
    if not is_int(estimator.n_features_in_, 1):
        return "its n_features_in_ is not a positive int (the context length)"
    return None


def _transformer_problem(transformer):
    problem = vocabulary_problem(transformer.vocabulary_)
    if problem:
        return problem
    if not isinstance(transformer.unit_, str) or transformer.unit_ not in (
        "char",
        "grapheme",
    ):
        return f"its unit_ {transformer.unit_!r} is not 'char' or 'grapheme'"
    failed = vars(transformer).get("_later_step_failed", False)  # absent before 0.2
    if not (
        isinstance(failed, (bool, np.bool_))
        or (
            isinstance(failed, np.ndarray)
            and failed.shape == ()
            and failed.dtype == bool
        )
    ):
        return "its _later_step_failed is not a single boolean"
    return None


def kneser_ney_counts_problem(clf):
    """What is wrong with a fitted KneserNeyClassifier's raw counts, or None.

    The highest order's n-gram keys (``_top_keys``) and their counts
    (``_top_counts``), from which ``partial_fit`` and ``ngram_counts`` work;
    the number of symbols and the key base they are written in.

    Parameters
    ----------
    clf : KneserNeyClassifier
        Fitted, with ``classes_`` and ``n_features_in_`` checked.

    Returns
    -------
    problem : str or None

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar import KneserNeyClassifier
    >>> clf = KneserNeyClassifier().fit(np.array([[0], [1]]), ["x", "y"])
    >>> kneser_ney_counts_problem(clf) is None
    True
    >>> clf._top_counts = clf._top_counts.astype(float)
    >>> kneser_ney_counts_problem(clf)
    '_top_counts is not one positive int count per key of _top_keys'
    """
    n_symbols, base, order = clf._n_symbols, clf._base, clf.order_
    if not isinstance(clf._from_windows, (bool, np.bool_)) or not is_int(n_symbols, 1):
        return "_from_windows or _n_symbols is not a boolean and a positive int"
    if not is_int(base) or base != max(n_symbols, len(clf.classes_), 2):
        return f"_base={base!r} is not the number of symbols and classes"
    if not is_int(order, 1) or order > min(clf.n_features_in_ + 1, max_order(base)):
        return f"its order_={order!r} is not an order its contexts and keys allow"
    keys, counts = clf._top_keys, clf._top_counts  # merged through np.unique
    if not int_vector(keys):
        return "_top_keys is not a 1-d array of int keys"
    if len(keys) and (keys.min() < 0 or keys.max() >= base**order):
        return f"_top_keys holds a key outside [0, {base}**{order})"
    if len(keys) and (keys % base).max() >= len(clf.classes_):
        return "_top_keys holds an n-gram whose last symbol is not among classes_"
    if not (int_vector(counts) and len(counts) == len(keys) and (counts > 0).all()):
        return "_top_counts is not one positive int count per key of _top_keys"
    if not (is_int(clf.n_windows_) and clf.n_windows_ == int(counts.sum())):
        return "its n_windows_ is not the number of windows counted in _top_counts"
    return None


def kneser_ney_tables_problem(clf):
    """What makes a fitted KneserNeyClassifier's tables disagree with it, or None.

    Each table must be sound on its own (:func:`~sknextchar._ngram.table_problem`),
    the tables' orders must rise up to ``order_``, and every n-gram must predict
    one of ``classes_``.

    Parameters
    ----------
    clf : KneserNeyClassifier
        Fitted, with its counts checked (:func:`kneser_ney_counts_problem`).

    Returns
    -------
    problem : str or None

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar import KneserNeyClassifier
    >>> clf = KneserNeyClassifier().fit(np.array([[0], [1]]), ["x", "y"])
    >>> kneser_ney_tables_problem(clf) is None
    True
    >>> clf._tables = clf._tables[:1]
    >>> kneser_ney_tables_problem(clf)
    'its count tables end at order 1, not at order_=2'
    """
    tables = clf._tables
    if not isinstance(tables, list) or not tables:
        return "its count tables (_tables) are not a list of tables"
    for i, table in enumerate(tables):
        problem = table_problem(table, clf._base)
        if problem:
            return f"its count table {i} is damaged ({problem})"
    orders = [table["order"] for table in tables]
    if orders != sorted(set(orders)) or orders[-1] != clf.order_:
        return f"its count tables end at order {orders[-1]}, not at order_={clf.order_}"
    for i, table in enumerate(tables):
        symbols = table["ngram_keys"] % clf._base
        if len(symbols) and symbols.max() >= len(clf.classes_):
            return f"its count table {i} predicts a symbol that is not among classes_"
    return None


def _history_problem(clf):
    """The training records that ``partial_fit`` and a warm start continue."""
    for name in ("n_iter_", "t_", "_no_improvement_count"):
        if not is_int(getattr(clf, name)):
            return f"its {name} is not an int >= 0"
    if not (isinstance(clf.loss_curve_, list) and all(map(is_real, clf.loss_curve_))):
        return "its loss_curve_ is not a list of numbers"
    if clf.best_loss_ is not None and not is_real(clf.best_loss_):
        return "its best_loss_ is not a number or None"
    return _weights_epoch_problem(clf)


def _weights_epoch_problem(clf):
    """The epoch whose weights early stopping kept (nn.training.trained_epochs)."""
    if "_weights_epoch" not in vars(clf):  # none kept: all the epochs count
        return None
    kept, n_epochs = clf._weights_epoch, len(clf.loss_curve_)
    if not (isinstance(kept, int) and not isinstance(kept, bool)) or not (
        0 <= kept <= n_epochs
    ):
        return (
            f"its _weights_epoch {kept!r} (the epoch whose weights early stopping "
            f"kept) is not an int from 0 to {n_epochs}, the epochs of loss_curve_"
        )
    return None


def _network_labels_problem(clf):
    problem = label_classes_problem(clf)
    if problem:
        return problem
    labels = getattr(clf, "label_classes_", None)
    table = getattr(clf, "label_embeddings_", None)
    if table is not None and (labels is None or len(table) != len(labels)):
        n_labels = 0 if labels is None else len(labels)
        return (
            f"its label_embeddings_ has {len(table)} rows for the {n_labels} labels "
            "of label_classes_"
        )
    return None


def optimizer_problem(clf):
    """What is wrong with a fitted network's optimizer state, or None.

    ``partial_fit`` continues Adam from ``_optimizer``: its step count ``t`` and
    its first and second moments ``ms`` and ``vs``, one value per parameter of
    the network. None (no state) passes.

    Parameters
    ----------
    clf : CharEmbeddingMLPClassifier
        Fitted, with consistent arrays (``network_array_problem``, which it runs
        as it is unpickled).

    Returns
    -------
    problem : str or None

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar import CharEmbeddingMLPClassifier
    >>> clf = CharEmbeddingMLPClassifier(max_iter=1, random_state=0)
    >>> clf = clf.fit(np.array([[0, 1], [1, 2], [2, 0]]), np.array([1, 2, 0]))
    >>> optimizer_problem(clf) is None
    True
    >>> clf._optimizer.vs = [clf._optimizer.vs[0][:-1]]
    >>> optimizer_problem(clf)
    "its optimizer's moments (_optimizer.ms, .vs) are not 2 arrays of shape (...,)"
    """
    optimizer = clf._optimizer
    if optimizer is None:
        return None
    tables = [clf.embeddings_, *clf.coefs_, *clf.intercepts_]
    tables += [t for t in [getattr(clf, "label_embeddings_", None)] if t is not None]
    shape = (sum(table.size for table in tables),)  # the flat parameter buffer
    moments = [getattr(optimizer, "ms", None), getattr(optimizer, "vs", None)]
    moments = [m[0] if isinstance(m, list) and len(m) == 1 else None for m in moments]
    if not all(float_vector(m, finite=False) and m.shape == shape for m in moments):
        return (
            "its optimizer's moments (_optimizer.ms, .vs) are not 2 arrays of "
            f"shape {shape}"
        )
    if not all(np.isfinite(m).all() for m in moments):
        return "its optimizer's moments (_optimizer.ms, .vs) are not all finite"
    if not (moments[1] >= 0).all():
        return "its optimizer's second moments (_optimizer.vs) are not all >= 0"
    if not is_int(getattr(optimizer, "t", None)):
        return "its optimizer's step count (_optimizer.t) is not an int >= 0"
    return None


def _per_label_problem(model):
    # The number of models and their symbols: checked by the class itself.
    return per_label_models_problem(model) or label_classes_problem(model)


def _name_label_problem(clf):
    problem = label_classes_problem(clf, "classes_")
    if problem:
        return problem
    for name in ("class_prior_", "class_count_"):
        per_label = getattr(clf, name)
        if not (
            float_vector(per_label)
            and len(per_label) == len(clf.classes_)
            and (per_label >= 0).all()
        ):
            return f"its {name} is not one number >= 0 per label of classes_"
    if not (is_real(clf.temperature_) and np.isfinite(clf.temperature_)):
        return "its temperature_ is not a finite number"  # fitted: of any sign
    return _name_label_pipelines_problem(clf)


def _name_label_pipelines_problem(clf):
    """Every pipeline is a next-character pipeline that knows every label, and
    whose steps agree."""
    named = [(f"pipelines_[{i}]", p) for i, p in enumerate(clf.pipelines_)]
    seen = set()  # pipeline_ is pipelines_[0] when one pipeline takes the labels
    for name, pipeline in [*named, ("pipeline_", clf.pipeline_)]:
        if id(pipeline) in seen:
            continue
        seen.add(id(pipeline))
        steps = fitted_steps(pipeline)
        known = getattr(steps and steps[1], "label_classes_", None)
        if not isinstance(known, np.ndarray) or not np.isin(clf.classes_, known).all():
            return f"its {name} is not a pipeline fitted with its labels (classes_)"
        what = steps_problem(steps)
        if what:
            return f"its {name}'s steps disagree: {what}"
    return None


def _sampler_problem(sampler):
    steps = fitted_steps(sampler.estimator_)
    if steps is None:
        return "its estimator_ is not a fitted next-character pipeline"
    problem = vocabulary_problem(sampler.vocabulary_)
    if problem:
        return problem
    what = steps_problem(steps, sampler.vocabulary_)
    if what:
        return f"its estimator_'s steps disagree: {what}"
    labels = getattr(steps[1], "label_classes_", None)  # checked with the model
    return (
        length_record_problem(sampler, None if labels is None else len(labels))
        or folded_record_problem(sampler)
        or transitions_problem(getattr(sampler, "training_transitions_", None))
        or prefix_table_problem(getattr(sampler, "training_prefix_lengths_", None))
        or name_weight_problem(sampler)
    )


def damaged_estimator(estimators):
    """The estimator of a model whose fitted state is wrong, and what is wrong.

    The innermost at fault: the fitted state of every estimator is checked
    (:func:`fitted_state_problem`) before the steps of any pipeline
    (:func:`~sknextchar._step_checks.pipeline_problem`), so that a sampler or
    a classifier of names names its own pipeline first. Each pipeline's steps
    are compared once: not again when its holder's check compared them, nor
    once more through a FrozenEstimator that wraps it.

    Parameters
    ----------
    estimators : list of estimator
        The estimators inside a model, every wrapper before the estimators it
        holds (as :func:`~sknextchar._model_checks.fitted_estimators` gives
        them).

    Returns
    -------
    found : tuple of (estimator, str) or None
        The estimator at fault and its problem, or None.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
    >>> pipe = make_pipeline(ContextWindowTransformer(alphabet="ab"),
    ...                      KneserNeyClassifier()).fit(["ab", "ba"])
    >>> damaged_estimator([pipe, *pipe]) is None
    True
    >>> pipe[-1].classes_ = pipe[-1].classes_[::-1]
    >>> estimator, problem = damaged_estimator([pipe, *pipe])
    >>> type(estimator).__name__, problem[:19]
    ('Pipeline', 'its steps disagree:')
    """
    inner_first = estimators[::-1]
    for estimator in inner_first:
        problem = fitted_state_problem(estimator)
        if problem:
            return estimator, problem
    compared = {id(held) for e in inner_first for held in held_pipelines(e)}
    for estimator in inner_first:
        if id(unfreeze(estimator)) in compared:
            continue
        compared.add(id(unfreeze(estimator)))
        problem = pipeline_problem(estimator)
        if problem:
            return estimator, problem
    return None


def kneser_ney_report_problem(clf):
    """What is wrong with what a fitted KneserNeyClassifier reports, or None.

    ``discounts_``, ``count_of_counts_``, ``fallback_orders_`` and
    ``n_ngrams_`` describe the fit (predictions come from the tables): an
    edited value would be reported as it is. Both arrays are None after a fit
    with ``add_k``; an attribute a file lacks is not checked.

    Parameters
    ----------
    clf : KneserNeyClassifier
        Fitted, with its tables checked (:func:`kneser_ney_tables_problem`).

    Returns
    -------
    problem : str or None

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar import KneserNeyClassifier
    >>> clf = KneserNeyClassifier().fit(np.array([[0], [1]]), ["x", "y"])
    >>> kneser_ney_report_problem(clf) is None
    True
    >>> clf.discounts_[0, 0] = np.nan
    >>> kneser_ney_report_problem(clf)[:40]
    'its discounts_ are not order_=2 rows of '
    """
    state, order = vars(clf), clf.order_
    discounts = state.get("discounts_")
    if discounts is not None and not (
        isinstance(discounts, np.ndarray)
        and discounts.shape == (order, 3)
        and discounts.dtype.kind == "f"
        and bool(np.isfinite(discounts).all())
        and bool(((discounts > 0) & (discounts <= [1, 2, 3])).all())
    ):
        return (
            f"its discounts_ are not order_={order} rows of 3 discounts (D1, D2, "
            "D3+) with 0 < D1 <= 1, 0 < D2 <= 2 and 0 < D3+ <= 3"
        )
    counts = state.get("count_of_counts_")
    if (counts is None) != (discounts is None) or not (
        counts is None
        or (int_vector(counts, 2) and counts.shape == (order, 4) and counts.min() >= 0)
    ):
        return f"its count_of_counts_ are not order_={order} rows of 4 counts >= 0"
    fallback = state.get("fallback_orders_", [])
    if not (
        isinstance(fallback, list)
        and all(is_int(k, 1) and k <= order for k in fallback)
        and fallback == sorted(set(fallback))
    ):
        return f"its fallback_orders_ is not a list of orders from 1 to {order}"
    n_ngrams = state.get("n_ngrams_", None)
    if "n_ngrams_" in state and n_ngrams != sum(
        len(t["ngram_keys"]) for t in clf._tables
    ):
        return f"its n_ngrams_={n_ngrams!r} is not the number of n-grams of its tables"
    return None


def _kneser_ney_problems(clf):
    return (
        classes_problem(clf)
        or _n_features_problem(clf)
        or kneser_ney_counts_problem(clf)
        or kneser_ney_tables_problem(clf)
        or kneser_ney_report_problem(clf)
    )


def _network_problems(clf):
    return (
        classes_problem(clf)
        or _n_features_problem(clf)
        or _network_labels_problem(clf)
        or network_shape_problem(clf)
        or _history_problem(clf)
        or optimizer_problem(clf)
    )


def network_shape_problem(clf):
    """Which parameter of a fitted network its arrays' shapes contradict, or None.

    ``embedding_dim``, ``hidden_layer_sizes`` and ``label_embedding_dim`` made
    the arrays of the fit (their agreement with each other and with
    ``n_features_in_`` and ``classes_`` is checked as the model is unpickled);
    a parameter edited in a file would be trusted by a later training call.

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar import CharEmbeddingMLPClassifier
    >>> clf = CharEmbeddingMLPClassifier(embedding_dim=4, max_iter=1)
    >>> clf = clf.fit(np.array([[0, 1], [1, 2], [2, 0]]), np.array([1, 2, 0]))
    >>> network_shape_problem(clf) is None
    True
    >>> clf.embedding_dim = 3  # as an edited file could hold it
    >>> network_shape_problem(clf)
    'its embedding_dim=3 does not match its embeddings_, of 4 numbers per symbol'
    """
    changed = changed_network_size(clf)
    if changed is None:
        return None
    name, given, fitted = changed
    if name == "embedding_dim":
        return (
            f"its embedding_dim={given!r} does not match its embeddings_, of "
            f"{fitted} numbers per symbol"
        )
    if name == "hidden_layer_sizes":
        layers = f"hidden layers of {', '.join(map(str, fitted))} units"
        return (
            f"its hidden_layer_sizes={given!r} does not match "
            f"its coefs_, of {layers if fitted else 'no hidden layer'}"
        )
    return (
        f"its label_embedding_dim={given!r} does not match its "
        f"label_embeddings_, of {fitted} numbers per label"
    )


def changed_network_size(clf):
    """The size parameter a fitted network's arrays contradict, or None.

    Returns
    -------
    changed : tuple of (str, object, object) or None
        The parameter's name, its value and the value its arrays were fitted
        with (``hidden_layer_sizes`` as a tuple of widths); None when the
        parameters match the arrays.

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar import CharEmbeddingMLPClassifier
    >>> clf = CharEmbeddingMLPClassifier(embedding_dim=4, max_iter=1)
    >>> clf = clf.fit(np.array([[0, 1], [1, 2], [2, 0]]), np.array([1, 2, 0]))
    >>> changed_network_size(clf) is None
    True
    >>> changed_network_size(clf.set_params(hidden_layer_sizes=(7, 2)))
    ('hidden_layer_sizes', (7, 2), (500,))
    """
    fitted, given = clf.embeddings_.shape[1], clf.embedding_dim
    if given != fitted:
        return "embedding_dim", given, fitted
    widths = tuple(int(coef.shape[1]) for coef in clf.coefs_[:-1])
    sizes = np.asarray(clf.hidden_layer_sizes).ravel()
    if tuple(sizes.tolist()) != widths:
        return "hidden_layer_sizes", clf.hidden_layer_sizes, widths
    table = getattr(clf, "label_embeddings_", None)
    size = getattr(clf, "label_embedding_dim", None)
    if table is not None and table.shape[1] != (given if size is None else size):
        return "label_embedding_dim", size, table.shape[1]
    return None


def _classifier_problems(check):
    def problems(clf):
        return classes_problem(clf) or _n_features_problem(clf) or check(clf)

    return problems


# The check of each estimator's fitted state, after the presence of _STATE's.
_CHECKS = {
    "ContextWindowTransformer": _transformer_problem,
    "KneserNeyClassifier": _kneser_ney_problems,
    "CharEmbeddingMLPClassifier": _network_problems,
    "MixtureClassifier": _classifier_problems(mixture_problem),
    "PerLabelClassifier": _classifier_problems(_per_label_problem),
    "NameLabelClassifier": _name_label_problem,
    "NameSampler": _sampler_problem,
}


def fitted_state_problem(estimator):
    """What is wrong with the fitted state of one of the package's estimators.

    Parameters
    ----------
    estimator : object
        Any estimator; only the package's own are checked, and only when fitted.

    Returns
    -------
    problem : str or None
        The attribute at fault and what is wrong with it, or None.

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> t = ContextWindowTransformer().fit(["abid"])
    >>> fitted_state_problem(t) is None
    True
    >>> t.unit_ = "word"
    >>> fitted_state_problem(t)
    "its unit_ 'word' is not 'char' or 'grapheme'"
    """
    cls = own_class(estimator, _STATE)
    if cls is None:
        return None
    required, nullable = (names.split() for names in _STATE[cls.__name__])
    if not any(name in vars(estimator) for name in (*required, *nullable)):
        return None  # unfitted
    problem = missing_state_problem(estimator, required, nullable)
    return problem or _CHECKS[cls.__name__](estimator)


def is_unfitted(model):
    """Whether ``model`` is an estimator that was never fitted.

    scikit-learn's ``check_is_fitted`` tells (a wrapper such as a Pipeline or a
    FrozenEstimator by what it wraps). An object it cannot tell about, one
    without ``fit`` or without scikit-learn's tags (an estimator that does not
    inherit ``BaseEstimator``), counts as fitted: nothing is refused for a
    fittedness unknown.

    Parameters
    ----------
    model : object
        Any object, such as a model about to be saved or just loaded.

    Returns
    -------
    unfitted : bool

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> is_unfitted(ContextWindowTransformer())
    True
    >>> is_unfitted(ContextWindowTransformer().fit(["abid"])), is_unfitted("text")
    (False, False)
    """
    try:
        check_is_fitted(model)
    except NotFittedError:  # before AttributeError, one of its bases
        return True
    except (TypeError, AttributeError):  # no fit method, or no tags
        return False
    return False
