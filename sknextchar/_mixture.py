"""MixtureClassifier: linear interpolation of next-character models, weights by EM."""

import functools
from numbers import Integral, Real

import numpy as np
from joblib import effective_n_jobs
from sklearn.base import ClassifierMixin, clone
from sklearn.callback import CallbackSupportMixin, with_callbacks
from sklearn.utils import Bunch
from sklearn.utils.parallel import Parallel, delayed
from sklearn.utils.validation import check_is_fitted

from ._atomic import all_or_nothing
from ._checkpoint_fields import MEMBER_FIELD, check_member_checkpoints, filled_for
from ._compat import (
    BaseComposition,
    Interval,
    StrOptions,
    fit_context,
)
from ._epoch_records import case_fold
from ._estimator import (
    PackageEstimatorMixin,
    members_visual_block,
    set_all_or_nothing,
)
from ._fit_checks import check_fit_before_drawing
from ._holdout import held_out_split, hold_out_seed, peeked_hold_out_seed
from ._members import (
    continuation,
    fit_member,
    is_pair_list,
    kept_members,
    names_match,
    names_of,
    refuse_params_of_dropped,
    resumable,
)
from ._mixture_weights import (
    em_mixture_weights,
    given_weights,
    log_linear_weights,
    member_log_proba,
    mixed_log_proba,
)
from ._model_input import (
    check_fits_on_windows,
    check_predict_contexts,
    check_score_data,
    check_training_data,
    target_log_proba_in_chunks,
    weighted_log_likelihood,
    window_sample_weight,
)
from ._next_char_model import NextCharModelMixin
from ._random_states import (
    RANDOM_STATE,
    given_back_if_fit_fails,
    refuse_generator,
    seed_of_saved_state,
)
from ._sample_weight import check_sample_weight, check_takes_sample_weight
from ._windows import CharWindows
from .exceptions import DamagedModelError
from .nn.functional import target_log_proba

_SCORE_CHUNK = 1 << 14  # windows per block when scoring: bounds the memory
# Held-out windows the log-linear weights are fitted on, at most (evenly spaced):
# bounds the memory of the members' full held-out predictions.
_MAX_LOG_LINEAR_WINDOWS = 1 << 18

__all__ = ["MixtureClassifier"]


class MixtureClassifier(
    PackageEstimatorMixin,
    NextCharModelMixin,
    CallbackSupportMixin,
    ClassifierMixin,
    BaseComposition,
):
    """Mix next-character models, linearly or log-linearly, with fitted weights.

    ``combine="linear"`` interpolates the members' probabilities,
    ``P(w | h) = sum_m weight_m P_m(w | h)``, the way Bengio et al. (2003) got
    their best results (their neural model mixed with an interpolated trigram);
    ``combine="log-linear"`` multiplies them, ``P(w | h) ∝ prod_m P_m(w | h) **
    weight_m`` (a product of experts). Models that make different errors, such as a
    :class:`KneserNeyClassifier` and a :class:`CharEmbeddingMLPClassifier`, or
    several MLPs trained from different seeds, predict better together than
    either alone. It is a classifier over the same input as its members (the
    windows of :class:`ContextWindowTransformer`, or an integer array of
    context ids with labels), so it is the last step of a pipeline from names
    and works with :class:`NameSampler`, ``GridSearchCV`` (members' parameters
    are reached as ``<name>__<parameter>``) and :func:`save_model`.

    With ``weights="fit"``, ``fit`` holds out ``validation_fraction`` of the
    names (whole names, never single windows, and a name written more than
    once with all its copies, in any case for windows that keep case; rows for
    an array), fits the
    members on the other names, and chooses the weights that maximise the
    likelihood of the held-out windows: by EM for the linear mixture (the
    classical method, Jelinek & Mercer 1980), by L-BFGS-B on the exact gradient
    for the log-linear one (its held-out log-likelihood is concave in the
    weights too). Then, with ``refit=True``, it fits the members again on all
    the names, so no training name is wasted; the weights stay those chosen on
    held-out data. ``refit=False`` keeps the members fitted without the
    held-out names and halves the cost of fitting. ``refit="warm_start"`` lies
    between: the members that train by epochs continue from their fit without
    the held-out names for ``refit_max_iter`` epochs on all of them, the others
    are fitted again (a count model's fit is cheap).

    Parameters
    ----------
    estimators : list of (str, estimator)
        The members, each with a name. Every member must accept the same input
        (the pipeline's windows), and all must predict the same classes: after
        fitting on windows, the vocabulary. Members whose windows should be
        shorter read the last columns of the context: e.g.
        ``KneserNeyClassifier(order=6)`` in a pipeline with
        ``context_length=8``. A member set to ``"drop"`` (``set_params(kn="drop")``,
        as for scikit-learn's ``VotingClassifier``) is left out: not fitted,
        without weight, not saved; a search can so try the mixture with and
        without it. At least one member must not be ``"drop"``. To save
        the members' checkpoints, set a
        :class:`~sknextchar.callbacks.Checkpoint` on the mixture when you fit
        it alone, or on the pipeline or search around it when it is a step of
        one (scikit-learn refuses it on a step), not on a member (refused before any
        training, as scikit-learn refuses it in a meta-estimator's part):
        it reaches every member; with two members or more that train by
        epochs, its path must hold ``{member}``, replaced by each member's
        name (``"model-{member}-{epoch}.skops"``), else ``fit`` raises a
        ValueError before any training rather than writing one member's
        checkpoints over another's.
    combine : {"linear", "log-linear"}, default="linear"
        Mix the probabilities (linear) or the log-probabilities (log-linear).
        On the benchmark corpora, log-linear mixing of a Kneser-Ney model and
        MLPs predicts held-out names about 0.007 nats per character better than
        linear mixing (``benchmarks/REPORT.md``).
    weights : "fit" or array-like of shape (n_members,), default="fit"
        ``"fit"`` chooses the weights on held-out names; an array gives them,
        one per member of ``estimators`` (non-negative; normalised to sum to 1
        for the linear mixture, used as they are for the log-linear one, where
        their sum sets the sharpness), and ``fit`` then fits every member on all
        the data. The weight of a ``"drop"`` member is ignored.
    validation_fraction : float, default=0.1
        Fraction of the names (or rows) held out to fit the weights. For an
        array, held-out rows with a context id larger than every other row's
        join the training rows: a member knows only the ids up to the largest
        it was fitted on.
    refit : bool or "warm_start", default=True
        With ``weights="fit"``, what happens after the weights are chosen. True
        fits the members again on all the data, from scratch. ``"warm_start"``
        continues each member that has the parameters ``warm_start`` and
        ``max_iter`` (such as :class:`CharEmbeddingMLPClassifier`) from its fit
        without the held-out data (if that fit saw every class), for
        ``refit_max_iter`` epochs on all the data (the member's own
        ``max_iter`` is for the first fit), and fits the others again from
        scratch; it costs a fraction of True. The members in
        ``estimators_`` keep the parameters they were given; their fit records
        (``loss_curve_``, ``n_iter_``) are those of the continuation. False
        keeps the members fitted without the held-out data.
    refit_max_iter : int, default=5
        Epochs of each continued member with ``refit="warm_start"``. On
        names_en, four 20-epoch MLPs and a Kneser-Ney model continued for 5
        (10) epochs reached a held-out NLL 0.0008 above (0.0004 below) a refit
        from scratch, whose 20 epochs cost two to four times as much
        (``benchmarks/tuning_results.md``).
    max_iter : int, default=200
        Maximum number of EM updates (L-BFGS-B iterations for the log-linear
        mixture).
    tol : float, default=1e-7
        Stop when an update raises the held-out mean log-likelihood by less.
    n_jobs : int or None, default=None
        Members fitted in parallel (joblib): None is 1, -1 is all processors.
        Callbacks (``sklearn.callback``) set on the mixture, or on a pipeline
        or search around it, propagate into the members when they are fitted
        one after the other; members fitted in parallel run without them (a
        :class:`~sknextchar.callbacks.Checkpoint` for members that train by
        epochs, which would then save nothing, is refused before any
        training: set ``n_jobs=1`` to save checkpoints). At most one worker
        per member is started.
    random_state : int, RandomState instance or None, default=None
        Seeds the choice of the held-out names. With the same names,
        ``validation_fraction`` and int ``random_state``, they are those that
        the early stopping of a
        :class:`~sknextchar.CharEmbeddingMLPClassifier` holds out, whatever its
        architecture (and the members). A RandomState instance gives one seed
        for them, given back by a fit that fails after it, even as it ends (a
        callback that raises). None draws from NumPy's global generator,
        whose draws are never given back: a fit refused for its members,
        their data or its held-out part (on arrays, one left empty) draws
        nothing, the split checked with the seed it would draw. An
        int is in ``[0, 2**32 - 1]``; a bool or a numpy Generator is refused
        (from a Generator ``rng``, pass ``int(rng.integers(2**32))``). A model
        saved with ``random_state=True``, which a fit read as the seed 1
        before, loads with ``random_state=1`` and a warning.

    Attributes
    ----------
    estimators_ : list of estimator
        The fitted members, in the order of ``estimators``, without the
        ``"drop"`` ones (without any, the member named ``estimators[i][0]`` is
        ``estimators_[i]``).
    named_estimators_ : :class:`~sklearn.utils.Bunch`
        The fitted members by name, in the order of ``estimators`` at fit
        time, as in scikit-learn's ``VotingClassifier``: a ``"drop"`` member's
        value is ``"drop"``. A model saved by an older sknextchar gets it from
        ``estimators`` when loaded.
    weights_ : ndarray of shape (n_members,)
        The weight of each member of ``estimators_`` (they sum to 1 for the
        linear mixture).
    validation_score_ : float or None
        With ``weights="fit"``, the held-out mean log-likelihood per character of
        the mixture (members fitted without the held-out names); else None.
    member_validation_scores_ : ndarray of shape (n_members,) or None
        The same for each member of ``estimators_`` alone; else None.
    n_iter_ : int
        Updates made by the weight fit (0 with given weights).
    classes_ : ndarray of shape (n_classes,)
        The columns of :meth:`predict_proba`: the vocabulary after fitting on
        windows, else the sorted labels of ``y``.
    n_features_in_ : int
        The context length.

    See Also
    --------
    KneserNeyClassifier : The count model to mix with the MLP.
    CharEmbeddingMLPClassifier : The neural model.

    Notes
    -----
    The log-linear weights are fitted on at most 262,144 held-out windows
    (evenly spaced when there are more), which bounds the memory of the
    members' held-out predictions (windows x symbols x members).

    References
    ----------
    Y. Bengio, R. Ducharme, P. Vincent and C. Jauvin, "A Neural Probabilistic
    Language Model", Journal of Machine Learning Research 3:1137-1155, 2003.

    F. Jelinek and R. L. Mercer, "Interpolated estimation of Markov source
    parameters from sparse data", Pattern Recognition in Practice, 1980.

    G. E. Hinton, "Training products of experts by minimizing contrastive
    divergence", Neural Computation 14(8):1771-1800, 2002.

    Examples
    --------
    >>> from sklearn.pipeline import Pipeline
    >>> from sknextchar import (ContextWindowTransformer, KneserNeyClassifier,
    ...                         MixtureClassifier)
    >>> from sknextchar.datasets import load_indian_names
    >>> names = load_indian_names()[::20]
    >>> mixture = MixtureClassifier(
    ...     [("trigram", KneserNeyClassifier(order=3)),
    ...      ("fivegram", KneserNeyClassifier(order=5))], random_state=0)
    >>> pipe = Pipeline([("windows", ContextWindowTransformer(context_length=4)),
    ...                  ("clf", mixture)]).fit(names)
    >>> weights = pipe["clf"].weights_
    >>> weights.shape, bool(abs(weights.sum() - 1) < 1e-12)
    ((2,), True)
    >>> pipe.predict_proba(["amit"]).shape
    (5, 27)
    >>> pipe["clf"].named_estimators_["fivegram"].order_
    5
    """

    _parameter_constraints = {
        "estimators": [list],
        "combine": [StrOptions({"linear", "log-linear"})],
        "weights": [StrOptions({"fit"}), "array-like"],
        "validation_fraction": [Interval(Real, 0, 1, closed="neither")],
        "refit": ["boolean", StrOptions({"warm_start"})],
        "refit_max_iter": [Interval(Integral, 1, None, closed="left")],
        "max_iter": [Interval(Integral, 1, None, closed="left")],
        "tol": [Interval(Real, 0, None, closed="left")],
        "n_jobs": [
            None,
            Interval(Integral, None, -1, closed="right"),
            Interval(Integral, 1, None, closed="left"),
        ],  # no 0, as joblib
        "random_state": RANDOM_STATE,
    }

    def __init__(
        self,
        estimators,
        *,
        combine="linear",
        weights="fit",
        validation_fraction=0.1,
        refit=True,
        refit_max_iter=5,
        max_iter=200,
        tol=1e-7,
        n_jobs=None,
        random_state=None,
    ):
        self.estimators = estimators
        self.combine = combine
        self.weights = weights
        self.validation_fraction = validation_fraction
        self.refit = refit
        self.refit_max_iter = refit_max_iter
        self.max_iter = max_iter
        self.tol = tol
        self.n_jobs = n_jobs
        self.random_state = random_state

    def get_params(self, deep=True):
        """Parameters of the mixture and, with ``deep``, of its members.

        Parameters
        ----------
        deep : bool, default=True
            Also return ``<name>__<parameter>`` for every member.

        Returns
        -------
        params : dict

        Examples
        --------
        >>> from sknextchar import KneserNeyClassifier, MixtureClassifier
        >>> mixture = MixtureClassifier([("kn", KneserNeyClassifier())])
        >>> mixture.get_params()["kn__padding"]
        'single'
        """
        return self._get_params("estimators", deep=deep)

    def set_params(self, **params):
        """Set the mixture's parameters, a member (``<name>``) or its parameters.

        Parameters
        ----------
        **params : dict
            ``<name>__<parameter>`` sets a member's parameter.

        Returns
        -------
        self : MixtureClassifier

        Examples
        --------
        >>> from sknextchar import KneserNeyClassifier, MixtureClassifier
        >>> mixture = MixtureClassifier([("kn", KneserNeyClassifier())])
        >>> mixture.set_params(kn__order=4).estimators[0][1].order
        4

        A member set to ``"drop"`` is left out of the fit:

        >>> import numpy as np
        >>> X, y = np.array([[0], [1], [1]]), ["a", "b", "b"]
        >>> mixture = MixtureClassifier([("kn", KneserNeyClassifier()),
        ...                              ("add1", KneserNeyClassifier(add_k=1))],
        ...                             weights=[0.5, 0.5])
        >>> len(mixture.set_params(add1="drop").fit(X, y).estimators_)
        1
        """
        refuse_params_of_dropped(params.get("estimators", self.estimators), params)
        set_all_or_nothing(
            self, functools.partial(self._set_params, "estimators"), params
        )
        return self

    def _sk_visual_block_(self):
        """The HTML diagram shows the members side by side, as VotingClassifier's."""
        return members_visual_block(self, self.estimators)

    @property
    def named_estimators_(self):
        """The fitted members by name; ``"drop"`` for a member left out.

        Examples
        --------
        >>> from sknextchar import (ContextWindowTransformer, KneserNeyClassifier,
        ...                         MixtureClassifier)
        >>> windows = ContextWindowTransformer().fit_transform(["abid", "asha", "ravi"])
        >>> mixture = MixtureClassifier(
        ...     [("kn2", KneserNeyClassifier(order=2)), ("kn3", KneserNeyClassifier())],
        ...     weights=[1, 1],
        ... ).fit(windows)
        >>> sorted(mixture.named_estimators_)
        ['kn2', 'kn3']
        """
        names, fitted = (
            self.__dict__.get("_member_names"),
            self.__dict__.get("estimators_"),
        )
        if fitted is None or not names_match(names, fitted):
            raise AttributeError(
                f"This {type(self).__name__} has no named_estimators_: "
                + (
                    "it is not fitted yet. Call fit first."
                    if fitted is None
                    else "its estimators changed after it was fitted and saved by "
                    "an older sknextchar; estimators_ holds its members. Fit it "
                    "again to name them."
                )
            )
        fitted = iter(fitted)
        named = Bunch()
        for name, kept in names:
            named[name] = next(fitted) if kept else "drop"
        return named

    def _validate_params(self):
        refuse_generator(self)  # with what to pass instead
        super()._validate_params()

    def __setstate__(self, state):
        # A pickled, joblib or skops copy. One saved before named_estimators_ has
        # no record of the names: they are those of estimators, when its members
        # match the fitted ones in number.
        state = dict(state)
        seed_of_saved_state(state, type(self).__name__)  # True loads as the seed 1
        super().__setstate__(state)
        self.__dict__.setdefault("refit_max_iter", 5)  # not a parameter before 0.2
        fitted = self.__dict__.get("estimators_")
        if fitted is None:
            return
        names = self.__dict__.get("_member_names")
        if names is None:
            names = names_of(self.__dict__.get("estimators"))
            if names_match(names, fitted):
                self._member_names = names
            return
        # A count unlike that of estimators_ is the record's fault only when
        # weights_ agrees with estimators_ (else load_model's checks name those).
        weights = self.__dict__.get("weights_")
        agree = isinstance(fitted, list) and getattr(weights, "shape", 0) == (
            len(fitted),
        )
        if not is_pair_list(names, bool) or (agree and not names_match(names, fitted)):
            raise DamagedModelError(
                f"This {type(self).__name__} is damaged: its record of member names "
                "(_member_names) is not one (str, bool) pair per member of "
                "estimators, kept or 'drop'. Fit it again, or load a copy saved by "
                "save_model."
            )

    # ------------------------------------------------------------------- fit

    @all_or_nothing
    @given_back_if_fit_fails(hold_out_seed)  # a failed fit: to a RandomState
    @fit_context(prefer_skip_nested_validation=False)
    @with_callbacks
    def fit(self, X, y=None, sample_weight=None):
        """Fit the members and the mixture weights.

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            The windows of :meth:`ContextWindowTransformer.transform`, or an
            array of context ids.
        y : None or array-like of shape (n_windows,)
            Must be None for a :class:`CharWindows`; the labels for an array.
        sample_weight : float or array-like, default=None
            One weight per name for windows (every window of a name gets its
            weight: what a pipeline's ``fit(names, clf__sample_weight=...)``
            passes), one per row for arrays; e.g. how often each name occurs.
            Each member is fitted with the weights of the names it is fitted
            on, and ``weights="fit"`` maximises the weighted likelihood of the
            held-out names, so an integer weight counts as that many copies of
            the name (names are held out whole, with all their weight;
            ``validation_fraction`` is a fraction of the names). A name of
            weight 0 is on neither side of the split: the weights are chosen
            as without it. Every member's ``fit`` must take ``sample_weight``.
            None weighs every name alike.

        Returns
        -------
        self : MixtureClassifier
            The fitted mixture.

        Examples
        --------
        >>> import numpy as np
        >>> from sknextchar import KneserNeyClassifier, MixtureClassifier
        >>> X, y = np.array([[0], [1], [1]]), ["a", "b", "b"]
        >>> members = [("counts", KneserNeyClassifier(add_k=1)),
        ...            ("kn", KneserNeyClassifier())]
        >>> mixture = MixtureClassifier(members, weights=[0.25, 0.75]).fit(X, y)
        >>> mixture.weights_.tolist()
        [0.25, 0.75]

        A weight counts a row (in a pipeline, a name) that many times: the
        rows ``[0]`` and ``[1]`` weighted ``[1, 2]`` are the rows above.

        >>> weighted = MixtureClassifier(members, weights=[0.25, 0.75])
        >>> weighted.fit(X[:2], y[:2], sample_weight=[1, 2])
        MixtureClassifier(...)
        >>> bool(np.array_equal(weighted.predict_proba(X), mixture.predict_proba(X)))
        True
        """
        checked = self._check_fit_input(X, y, sample_weight)
        members, given, data, everything, split = checked
        self.validation_score_ = self.member_validation_scores_ = None
        self.n_iter_ = 0
        ctx = self._init_callback_context(max_subtasks=None)
        check_member_checkpoints(self, members, self._n_workers(members), ctx)
        ctx.call_on_fit_task_begin(estimator=self, X=X, y=y)
        if given is not None:
            self.weights_ = given
            self.estimators_ = self._fit_members(members, *everything, ctx)
        else:  # the draw the split was made with, now that nothing refuses
            hold_out_seed(self.random_state)
            fitted = self._fit_members(members, *split[0], ctx)
            self._fit_weights(fitted, *split[1])
            self.estimators_ = self._refit_members(members, fitted, everything, ctx)
        self._member_names = names_of(self.estimators)
        ctx.call_on_fit_task_end(estimator=self, X=X, y=y)
        return self

    def _check_fit_input(self, X, y=None, sample_weight=None):
        """What ``fit`` checks before anything draws: (members, given weights,
        data, (X, y, sample_weight) of the members' fit on all of it, and with
        weights to fit, those of the training and held-out parts).

        The members' fits too (:func:`check_fit_before_drawing`): on all the
        data when they are fitted on it, and on the training part the hold-out
        leaves, split with the seed ``fit`` will draw, peeked at on a copy of
        the generator (:func:`peeked_hold_out_seed`), so a fit refused for its
        members or its parts (on arrays, which rows are held out decides)
        draws neither the hold-out nor a member's initial weights.
        """
        members = kept_members(self.estimators, self._validate_names)
        for name, member in members:
            use = f"Set it to one, set_params({name}=KneserNeyClassifier()), or "
            use += f"leave it out, set_params({name}='drop'); in a Pipeline, prefix "
            use += f"the mixture's step name (e.g. clf__{name})."
            check_fits_on_windows(X, member, f"The member {name!r} of estimators", use)
        given = given_weights(self.weights, self.estimators, self.combine)
        data = check_training_data(self, X, y, reset=True)
        windows = isinstance(X, CharWindows)
        # Members get the checked ids (no DataFrame's column names: the mixture
        # checks those, and passes arrays to its members when predicting).
        X_fit = X if windows else data.contexts
        y_fit = None if windows else self.classes_[data.targets]
        if sample_weight is not None:  # one per name (windows) or row: checked
            n, unit = (X.n_names, "name") if windows else (len(X_fit), "row")
            sample_weight = check_sample_weight(sample_weight, n, unit)
            for name, member in members:  # before any fit
                check_takes_sample_weight(
                    member, f"the member {name!r}", f", set_params({name}='drop')"
                )
        everything = (X_fit, y_fit, sample_weight)
        split = None
        if given is None:
            split = held_out_split(
                X, y_fit, data, sample_weight, fraction=self.validation_fraction,
                random_state=peeked_hold_out_seed(self.random_state),
                fold=case_fold(self, data.groups),
            )  # fmt: skip
        parts = [] if split is None else list(split[:1])  # in the order fitted
        parts += [everything] if given is not None or self.refit else []
        for part in parts:
            for _, member in members:
                check_fit_before_drawing(member, *part)
        return members, given, data, everything, split

    def _refit_members(self, members, fitted, everything, ctx):
        """The members of ``estimators_``, after the weights were fitted with
        ``fitted`` (the members fitted without the held-out data): as ``refit``
        says; ``everything`` is (X, y, sample_weight) of all the data."""
        if not isinstance(self.refit, str):  # a boolean
            return (
                self._fit_members(members, *everything, ctx) if self.refit else fitted
            )
        # A member that never saw a class of the data (array input: a label
        # only in the held-out rows) cannot go on: it is fitted again.
        starts = [
            continuation(member, self.refit_max_iter)
            if resumable(member) and np.isin(self.classes_, member.classes_).all()
            else None
            for member in fitted
        ]
        refitted = self._fit_members(members, *everything, ctx, starts=starts)
        for (_, given), member, start in zip(members, refitted, starts):
            if start is not None:  # the parameters it was given, as refit=True
                params = given.get_params(deep=False)
                member.set_params(
                    warm_start=params["warm_start"], max_iter=params["max_iter"]
                )
        return refitted

    def _fit_members(self, members, X, y, sample_weight, ctx, starts=None):
        """Fit clones of the (name, estimator) members (or, where ``starts``
        has an estimator instead of None, that estimator): in this process, one
        callback subtask each (the mixture's callbacks propagate into them), or in
        parallel without callbacks."""
        starts = [None] * len(members) if starts is None else starts
        to_fit = [
            clone(member) if start is None else start
            for (_, member), start in zip(members, starts, strict=True)
        ]
        n_jobs = self._n_workers(members)
        if n_jobs == 1:
            fitted = []
            for (name, _), member in zip(members, to_fit):
                subcontext = ctx.subcontext(task_name=f"fit-{name}")
                with (
                    subcontext.propagate_callback_context(member),
                    filled_for(member, MEMBER_FIELD, name),  # its own files
                ):
                    fitted.append(fit_member(member, X, y, sample_weight))
        else:
            fitted = Parallel(n_jobs=n_jobs)(
                delayed(fit_member)(member, X, y, sample_weight) for member in to_fit
            )
        for (name, _), member in zip(members, fitted, strict=True):
            self._check_member_classes(name, member)
        return fitted

    def _n_workers(self, members):
        return min(effective_n_jobs(self.n_jobs), len(members))  # a worker each

    def _check_member_classes(self, name, member):
        classes = getattr(member, "classes_", None)
        if classes is None or not np.all(np.isin(classes, self.classes_)):
            raise ValueError(
                f"Member {name!r} predicts the classes {classes!r}, which are not "
                f"among the mixture's classes_ {self.classes_!r}. Every member must "
                "be a classifier of the same next symbols."
            )

    def _fit_weights(self, fitted, X, y, sample_weight):
        """The weights on the held-out windows, the members fitted without them
        (the windows weighted by ``sample_weight``, one per name or row)."""
        weights = window_sample_weight(X, sample_weight)  # one per window, or None
        if isinstance(X, CharWindows):
            contexts, targets = X.contexts, np.asarray(X.targets)
        else:
            contexts, targets = X, np.searchsorted(self.classes_, y)
        if self.combine == "log-linear":
            self._fit_log_linear_weights(fitted, contexts, targets, weights)
            return
        member_log_proba = np.column_stack(
            [self._member_target_log_proba(m, contexts, targets) for m in fitted]
        )  # (n_held_out, n_members)
        self.weights_, self.validation_score_, self.n_iter_ = em_mixture_weights(
            np.exp(member_log_proba),
            max_iter=self.max_iter,
            tol=self.tol,
            sample_weight=weights,
        )
        self.member_validation_scores_ = np.average(
            member_log_proba, axis=0, weights=weights
        )

    def _fit_log_linear_weights(self, fitted, contexts, targets, weights):
        if len(targets) > _MAX_LOG_LINEAR_WINDOWS:
            keep = np.linspace(0, len(targets) - 1, _MAX_LOG_LINEAR_WINDOWS)
            keep = keep.astype(np.intp)
            contexts, targets = contexts[keep], targets[keep]
            weights = None if weights is None else weights[keep]
        member_log_proba = [
            self._member_log_proba(member, contexts, checked=True) for member in fitted
        ]
        self.weights_, self.validation_score_, self.n_iter_ = log_linear_weights(
            member_log_proba,
            targets,
            max_iter=self.max_iter,
            tol=self.tol,
            sample_weight=weights,
        )
        self.member_validation_scores_ = np.array(
            [
                np.average(target_log_proba(lp, targets), weights=weights)
                for lp in member_log_proba
            ]
        )

    def _member_target_log_proba(self, member, contexts, targets):
        return target_log_proba_in_chunks(
            lambda rows: self._member_log_proba(member, rows, checked=True),
            contexts,
            targets,
            _SCORE_CHUNK,
        )

    # ---------------------------------------------------------------- predict

    def _member_log_proba(self, member, contexts, *, checked):
        return member_log_proba(member, self.classes_, contexts, checked=checked)

    def _mixed_log_proba(self, contexts, *, checked):
        members, weights, combine = self.estimators_, self.weights_, self.combine
        return mixed_log_proba(members, weights, self.classes_, contexts,
                               combine=combine, checked=checked)  # fmt: skip

    def next_log_proba(self, contexts):
        """Log-probabilities of the next symbol, without the mixture's input checks.

        The fast path of the sampler/model protocol: each member's own fast path
        (``next_log_proba`` when it has one), mixed. Members with weight 0 are
        not evaluated.

        Parameters
        ----------
        contexts : ndarray of shape (n, context_length), int
            Context ids the members know.

        Returns
        -------
        log_proba : ndarray of shape (n, n_classes), float64

        Examples
        --------
        >>> import numpy as np
        >>> from sknextchar import KneserNeyClassifier, MixtureClassifier
        >>> X, y = np.array([[0], [1], [1]]), ["a", "b", "b"]
        >>> mixture = MixtureClassifier([("kn", KneserNeyClassifier())],
        ...                             weights=[1]).fit(X, y)
        >>> float(np.exp(mixture.next_log_proba(np.array([[1]]))).sum().round(6))
        1.0
        """
        if "weights_" not in self.__dict__:  # a dict lookup: the sampler's hot path
            check_is_fitted(self)
        return self._mixed_log_proba(contexts, checked=False)

    def predict_log_proba(self, X):
        """Natural-log probability of every class after each context.

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            Windows, or context ids.

        Returns
        -------
        log_proba : ndarray of shape (n_windows, n_classes)
            Columns in the order of ``classes_``.

        Examples
        --------
        >>> from sknextchar import (ContextWindowTransformer, KneserNeyClassifier,
        ...                         MixtureClassifier)
        >>> windows = ContextWindowTransformer().fit_transform(["abid", "ali"])
        >>> mixture = MixtureClassifier([("kn", KneserNeyClassifier())], weights=[1])
        >>> mixture.fit(windows).predict_log_proba(windows).shape
        (9, 27)
        """
        contexts = check_predict_contexts(self, X)
        return self._mixed_log_proba(contexts, checked=True)

    def predict_proba(self, X):
        """Probability of every class after each context.

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            Windows, or context ids.

        Returns
        -------
        proba : ndarray of shape (n_windows, n_classes)
            Rows sum to 1; columns in the order of ``classes_``.

        Examples
        --------
        >>> import numpy as np
        >>> from sknextchar import KneserNeyClassifier, MixtureClassifier
        >>> X, y = np.array([[0], [1], [1]]), ["a", "b", "b"]
        >>> members = [("mle", KneserNeyClassifier(add_k=0)),  # counts: (0, 1)
        ...            ("flat", KneserNeyClassifier(add_k=1e9))]  # (1/2, 1/2)
        >>> mixture = MixtureClassifier(members, weights=[0.5, 0.5]).fit(X, y)
        >>> mixture.predict_proba([[1]]).round(3).tolist()
        [[0.25, 0.75]]
        """
        return np.exp(self.predict_log_proba(X))

    def predict(self, X):
        """The most probable next symbol after each context.

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            Windows, or context ids.

        Returns
        -------
        y_pred : ndarray of shape (n_windows,)
            Labels from ``classes_``.

        Examples
        --------
        >>> from sknextchar import (ContextWindowTransformer, KneserNeyClassifier,
        ...                         MixtureClassifier)
        >>> t = ContextWindowTransformer(context_length=2).fit(["abid"])
        >>> mixture = MixtureClassifier([("kn", KneserNeyClassifier())], weights=[1])
        >>> "".join(mixture.fit(t.transform(["abid"])).predict(t.transform(["abid"])))
        'abid-'
        """
        log_proba = self.predict_log_proba(X)  # checks that the model is fitted
        return self.classes_[np.argmax(log_proba, axis=1)]

    def score(self, X, y=None, sample_weight=None):
        """Mean natural-log likelihood per predicted character (higher is better).

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            Windows, or context ids.
        y : None or array-like of shape (n_windows,)
            None for a :class:`CharWindows`; the true labels for an array.
        sample_weight : float or array-like, default=None
            Weights of the names of a :class:`CharWindows` (every window of a
            name counts with its weight: what a pipeline's ``score(names,
            sample_weight=...)`` passes), or of the rows of an array; None
            weighs every window the same.

        Returns
        -------
        score : float
            ``mean(log P(target | context))``, at most 0.

        Examples
        --------
        >>> from sknextchar import (ContextWindowTransformer, KneserNeyClassifier,
        ...                         MixtureClassifier)
        >>> windows = ContextWindowTransformer().fit_transform(["abid", "ali"])
        >>> mixture = MixtureClassifier([("kn", KneserNeyClassifier())], weights=[1])
        >>> round(mixture.fit(windows).score(windows), 3) <= 0
        True
        """
        contexts, targets = check_score_data(self, X, y)
        picked = target_log_proba_in_chunks(
            lambda rows: self._mixed_log_proba(rows, checked=True),
            contexts,
            targets,
            _SCORE_CHUNK,
        )
        return weighted_log_likelihood(picked, X, sample_weight)
