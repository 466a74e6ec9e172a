"""sknextchar.plotting: every picture returns a Figure and writes a PNG."""

import sys

import matplotlib
import numpy as np
import pytest
from sklearn.exceptions import NotFittedError
from sklearn.frozen import FrozenEstimator
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
)
from sknextchar.datasets import load_indian_names
from sknextchar.plotting import (
    plot_embeddings,
    plot_generation_tree,
    plot_loss_curve,
    plot_temperature,
)

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
NAMES = load_indian_names()[::75]  # 201 names


def fitted_pipeline(embedding_dim=3, early_stopping=True, max_iter=3):
    return make_pipeline(
        ContextWindowTransformer(),
        CharEmbeddingMLPClassifier(
            embedding_dim=embedding_dim,
            hidden_layer_sizes=(16,),
            max_iter=max_iter,
            early_stopping=early_stopping,
            random_state=0,
        ),
    ).fit(NAMES)


@pytest.fixture(scope="module")
def pipe():
    return fitted_pipeline()


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def as_input(kind, pipe):
    """The same fitted model in every form the functions accept."""
    if kind == "pipeline":
        return pipe
    if kind == "frozen":
        return FrozenEstimator(pipe)
    # The length bounds a wrapped pipeline gets (a sampler fitted on names
    # defaults to their shortest and longest).
    sampler = NameSampler(FrozenEstimator(pipe), min_length=1, max_length=20)
    if kind == "sampler":
        return sampler.fit(NAMES)
    return FrozenEstimator(sampler.fit(NAMES))


PICTURES = {
    "embeddings": lambda model, **kw: plot_embeddings(model, **kw),
    "loss": lambda model, **kw: plot_loss_curve(model, **kw),
    "tree": lambda model, **kw: plot_generation_tree(
        model, "a", top_k=2, depth=2, **kw
    ),
    "temperature": lambda model, **kw: plot_temperature(model, "abi", **kw),
}


@pytest.mark.slow
@pytest.mark.parametrize("picture", list(PICTURES))
def test_every_picture_returns_a_figure_and_writes_a_png(pipe, tmp_path, picture):
    fig = PICTURES[picture](pipe)
    assert isinstance(fig, Figure)
    path = tmp_path / f"{picture}.png"
    fig.savefig(path, dpi=30)  # a small image: drawing, not pixels, is tested
    assert path.read_bytes()[:8] == PNG_MAGIC


def drawn(ax):
    """What a picture's axes hold: its texts, and how many lines and patches."""
    return [t.get_text() for t in ax.texts], len(ax.get_lines()), len(ax.patches)


@pytest.fixture(scope="module")
def drawn_from_the_pipeline(pipe):
    """Each picture of the plain pipeline, drawn once for the whole module."""
    cache = {}

    def drawn_from(picture):
        if picture not in cache:
            cache[picture] = drawn(PICTURES[picture](pipe).axes[0])
            plt.close("all")
        return cache[picture]

    return drawn_from


@pytest.mark.parametrize("kind", ["frozen", "sampler", "frozen sampler"])
@pytest.mark.parametrize("picture", list(PICTURES))
def test_every_form_of_the_model_is_accepted(
    pipe, drawn_from_the_pipeline, kind, picture
):
    texts, n_lines, n_patches = drawn_from_the_pipeline(picture)
    ax = PICTURES[picture](as_input(kind, pipe)).axes[0]
    assert isinstance(ax.figure, Figure)
    assert drawn(ax) == (texts, n_lines, n_patches)


@pytest.mark.parametrize("picture", list(PICTURES))
def test_drawing_on_given_axes(pipe, picture):
    # Figures other test modules left open in this process are not this
    # test's: it failed after tests/cli/test_cli_prefix_as_read.py ran first.
    plt.close("all")
    fig, (left, right) = plt.subplots(1, 2)
    assert PICTURES[picture](pipe, ax=right) is fig
    assert right.has_data() and not left.has_data()
    assert plt.get_fignums() == [fig.number]  # no other figure was made


# --------------------------------------------------------------------------- #
# Embeddings
# --------------------------------------------------------------------------- #
@pytest.mark.slow
@pytest.mark.parametrize(
    "embedding_dim, xlabel",
    [
        (1, "embedding (embedding_dim=1)"),
        (2, "embedding dimension 1"),
        (3, "PCA component 1 ("),
        (10, "PCA component 1 ("),
    ],
)
def test_embeddings_in_every_dimension(embedding_dim, xlabel):
    pipe = fitted_pipeline(embedding_dim=embedding_dim, max_iter=1)
    ax = plot_embeddings(pipe).axes[0]
    assert ax.get_xlabel().startswith(xlabel)
    if embedding_dim > 2:
        assert "of the variance" in ax.get_ylabel() and "PCA" in ax.get_title()
    labels = sorted(text.get_text() for text in ax.texts)
    assert labels == sorted(pipe[0].vocabulary_)  # every symbol is labelled
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert legend == ["vowels (a, e, i, o, u)", "consonants", "start/end marker '-'"]


def test_embedding_points_are_the_embeddings_in_2d():
    pipe = fitted_pipeline(embedding_dim=2, max_iter=1)
    ax = plot_embeddings(pipe).axes[0]
    vowels, consonants, end = (c.get_offsets() for c in ax.collections)
    embeddings = pipe[-1].embeddings_
    vocabulary = pipe[0].vocabulary_
    ids = [vocabulary.index(v) for v in "aeiou"]
    np.testing.assert_allclose(vowels, embeddings[ids], rtol=1e-6)
    np.testing.assert_allclose(end, embeddings[[0]], rtol=1e-6)
    assert len(consonants) == 21


def test_embeddings_of_a_classifier_fit_on_arrays():
    clf = CharEmbeddingMLPClassifier(embedding_dim=2, max_iter=2, random_state=0)
    clf.fit(np.array([[0, 1], [1, 2], [2, 3], [3, 0]]), ["x", "y", "z", "x"])
    ax = plot_embeddings(clf).axes[0]
    assert sorted(text.get_text() for text in ax.texts) == ["0", "1", "2", "3"]
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert legend == ["other symbols"]


def test_embeddings_of_a_learned_alphabet():
    names = ["zoë", "chloé", "anaïs", "léa"]
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto"),
        CharEmbeddingMLPClassifier(embedding_dim=2, max_iter=1, random_state=0),
    ).fit(names)
    ax = plot_embeddings(pipe).axes[0]
    assert "ë" in {text.get_text() for text in ax.texts}
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert "other symbols" in legend


def test_the_end_marker_is_marked_by_its_id_whatever_its_display():
    """Names with hyphens: the marker is shown as another symbol, still id 0."""
    names = ["jean-luc", "marie-anne", "anna", "luc"]
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto"),
        CharEmbeddingMLPClassifier(embedding_dim=2, max_iter=1, random_state=0),
    ).fit(names)
    shown = pipe[0].vocabulary_[0]
    assert shown != "-"
    legend = [t.get_text() for t in plot_embeddings(pipe).axes[0].get_legend().texts]
    assert f"start/end marker {shown!r}" in legend
    assert "consonants" not in legend  # "-" is an ordinary symbol here
    label = plot_temperature(pipe, context="ann").axes[0].get_xlabel()
    assert label == f"next character ({shown!r} ends the name)"


@pytest.mark.parametrize(
    "context, note", [("ab", ", not before 4 letters, as in sampling"), ("abid", "")]
)
def test_the_end_held_at_zero_below_the_shortest_name_is_told(context, note):
    """A sampler's end marker is 0 before its shortest training name (4
    letters), as in sampling, where ``sknextchar table`` shows the model's own
    probability (a model file of ``train`` is such a sampler): the label said
    only that the marker ends a name."""
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    sampler = NameSampler(pipe, max_length=6).fit(["asha", "abid", "ravi"])
    fig = plot_temperature(sampler, context=context)
    ax = fig.axes[0]
    ends = [bar.get_height() for bar in ax.patches[:: len(ax.get_xticks())]]
    plt.close(fig)
    assert ax.get_xlabel() == f"next character ('-' ends the name{note})"
    assert (max(ends) == 0) == bool(note), ends


# --------------------------------------------------------------------------- #
# Loss curve
# --------------------------------------------------------------------------- #
def test_loss_curve_with_held_out_scores(pipe):
    ax = plot_loss_curve(pipe).axes[0]
    train, held_out, best = ax.get_lines()
    clf = pipe[-1]
    np.testing.assert_allclose(train.get_ydata(), clf.loss_curve_)
    np.testing.assert_allclose(held_out.get_ydata(), -np.array(clf.validation_scores_))
    np.testing.assert_array_equal(held_out.get_xdata(), [1, 2, 3])
    assert best.get_ydata()[0] == pytest.approx(-clf.best_validation_score_)
    assert held_out.get_label() == "held-out NLL"
    assert "nats per character" in ax.get_ylabel() and ax.get_xlabel() == "epoch"


def test_loss_curve_without_held_out_scores():
    pipe = fitted_pipeline(early_stopping=False, max_iter=2)
    ax = plot_loss_curve(pipe).axes[0]
    assert len(ax.get_lines()) == 1
    np.testing.assert_array_equal(ax.get_lines()[0].get_xdata(), [1, 2])


# --------------------------------------------------------------------------- #
# Generation tree
# --------------------------------------------------------------------------- #
def node_labels(fig):
    ax = fig.axes[0]
    return [t.get_text() for t in ax.texts if t.get_bbox_patch() is not None]


def test_generation_tree_follows_the_most_probable_characters(pipe):
    fig = plot_generation_tree(pipe, "ab", top_k=3, depth=1)
    labels = node_labels(fig)
    sampler = NameSampler(FrozenEstimator(pipe), min_length=1, max_length=20).fit(NAMES)
    proba = sampler.next_char_proba(["ab"])[0]
    top = np.argsort(-proba, kind="stable")[:3]
    expected = [
        f"{'end' if i == 0 else pipe[0].vocabulary_[i]} {proba[i]:.2f}" for i in top
    ]
    assert labels == ["'ab'", *expected]
    assert fig.axes[0].get_title() == "Top 3 next characters after 'ab', 1 level"


def test_generation_tree_size(pipe):
    fig = plot_generation_tree(pipe, "", top_k=2, depth=3)
    labels = node_labels(fig)
    assert labels[0] == "start"
    n_ends = sum(label.startswith("end") for label in labels)
    # A full binary tree of depth 3 has 1 + 2 + 4 + 8 nodes; an end marker
    # stops its branch early.
    assert len(labels) <= 15 and (len(labels) == 15 or n_ends)
    assert "at the start of a name" in fig.axes[0].get_title()


def test_generation_tree_uses_the_samplers_controls(pipe):
    sampler = NameSampler(FrozenEstimator(pipe), top_k=1).fit(NAMES)
    labels = node_labels(plot_generation_tree(sampler, "a", top_k=3, depth=2))
    # top_k=1 leaves one possible character, with probability 1, per node.
    assert len(labels) == 3 and labels[1].endswith(" 1.00")


@pytest.mark.parametrize(
    "kwargs, error, match",
    [
        ({"top_k": 0}, ValueError, "top_k must be a positive int"),
        ({"depth": 1.5}, TypeError, "depth must be a positive int"),
        ({"top_k": 10, "depth": 4}, ValueError, "too many to read"),
        ({"prefix": 3}, TypeError, r"^prefix is 3 \(int\), not a str: give the start"),
        (
            {"prefix": "a1"},
            ValueError,
            r"^prefix='a1' holds '1', outside",
        ),
    ],
)
def test_generation_tree_errors(pipe, kwargs, error, match):
    with pytest.raises(error, match=match):
        plot_generation_tree(pipe, **kwargs)


@pytest.mark.parametrize("top_k, depth", [(1, 31), (2, 10**6)])
def test_generation_tree_refuses_a_depth_too_deep_to_read_at_once(pipe, top_k, depth):
    # top_k=1 gives one leaf at any depth, but depth + 1 columns (and a model
    # call per level); a huge depth must not be raised to a power either.
    with pytest.raises(ValueError, match=rf"depth={depth} gives .* depth <= 30\."):
        plot_generation_tree(pipe, top_k=top_k, depth=depth)


def test_generation_tree_takes_numpy_integers(pipe):
    fig = plot_generation_tree(pipe, "a", top_k=np.int64(2), depth=np.int32(2))
    assert fig.axes[0].get_title() == "Top 2 next characters after 'a', 2 levels"


# --------------------------------------------------------------------------- #
# Temperature
# --------------------------------------------------------------------------- #
def test_temperature_bars_are_the_temperature_table(pipe):
    temperatures = (0.25, 1, 4)
    ax = plot_temperature(pipe, "abi", temperatures=temperatures).axes[0]
    assert len(ax.patches) == 27 * 3
    heights = np.array([p.get_height() for p in ax.patches]).reshape(3, 27).T
    sampler = NameSampler(FrozenEstimator(pipe), min_length=1, max_length=20).fit(NAMES)
    table = sampler.temperature_table("abi", temperatures)
    np.testing.assert_allclose(heights, table.proba, rtol=1e-6)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "T = 0.25",
        "T = 1",
        "T = 4",
    ]
    assert [t.get_text() for t in ax.get_xticklabels()] == list(pipe[0].vocabulary_)
    assert ax.get_title() == "Next character after 'abi' (the model sees 'abi')"


def test_temperature_bars_label_a_joiner_and_a_lone_mark_readably():
    # A model of code points learns the joiner of the Marathi eyelash ra
    # (कर्‍या) and the virama and vowel signs as symbols of their own: a
    # joiner is labelled by its code point, a mark drawn on a dotted circle.
    names = ["कर्\u200dया", "सूर्\u200dया", "राम", "राहुल"] * 3
    transformer = ContextWindowTransformer(alphabet="auto", unit="char")
    pipe = make_pipeline(transformer, KneserNeyClassifier()).fit(names)
    ax = plot_temperature(pipe, "र").axes[0]
    labels = dict(
        zip(pipe[0].vocabulary_, (t.get_text() for t in ax.get_xticklabels()))
    )
    assert labels["\u200d"] == "U+200D"
    assert [labels[m] for m in "\u094d\u0941\u093e"] == [
        "\u25cc\u094d",
        "\u25cc\u0941",
        "\u25cc\u093e",
    ]
    assert labels["र"] == "र"
    plt.close(ax.figure)


def test_temperature_errors(pipe):
    with pytest.raises(ValueError, match="temperatures must be"):
        plot_temperature(pipe, "abi", temperatures=(-1,))
    with pytest.raises(TypeError, match=r"^context is \['abi'\] \(list\), not a str"):
        plot_temperature(pipe, ["abi"])


# --------------------------------------------------------------------------- #
# What is accepted
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize("picture", list(PICTURES))
def test_unfitted_models_are_refused(picture):
    unfitted = make_pipeline(ContextWindowTransformer(), CharEmbeddingMLPClassifier())
    with pytest.raises(NotFittedError):
        PICTURES[picture](unfitted)
    with pytest.raises(NotFittedError):
        PICTURES[picture](NameSampler(unfitted))


@pytest.mark.parametrize("picture", list(PICTURES))
def test_other_objects_are_refused_with_a_clear_message(picture):
    other = LogisticRegression().fit([[0], [1]], [0, 1])
    with pytest.raises(TypeError, match="got LogisticRegression"):
        PICTURES[picture](other)
    with pytest.raises(TypeError, match="got FrozenEstimator.LogisticRegression."):
        PICTURES[picture](FrozenEstimator(other))


@pytest.mark.parametrize("picture", ["tree", "temperature"])
def test_sampling_pictures_need_the_whole_pipeline(pipe, picture):
    with pytest.raises(TypeError, match="needs a fitted Pipeline"):
        PICTURES[picture](pipe[-1])
    with pytest.raises(TypeError, match="NameSampler needs a Pipeline"):
        PICTURES[picture](Pipeline([("clf", pipe[-1])]))


@pytest.mark.parametrize("picture", ["embeddings", "loss"])
def test_model_pictures_accept_the_bare_classifier(pipe, picture):
    assert isinstance(PICTURES[picture](pipe[-1]), Figure)


def test_missing_matplotlib_says_how_to_install_it(pipe, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)  # import fails
    with pytest.raises(ImportError, match="python -m pip install matplotlib"):
        plot_embeddings(pipe)


def test_tree_and_temperature_of_a_model_by_label():
    # Label A names end in "a", label B names in "o": after a training stem the
    # tree and the bars follow the label asked for.
    from tests.labels.test_labels import ending_corpus, small_pipe

    names, labels = ending_corpus()
    stem = names[0][:-1]
    # 30 epochs, not 60: the letter of each label leads as clearly (label B's
    # "o" by 0.07 at 30, 0.07 at 60), in half the time of the fit.
    pipe = small_pipe(max_iter=30).fit(names, labels)
    sampler = NameSampler(FrozenEstimator(pipe), min_length=1, max_length=20).fit(
        names, labels
    )
    for label, letter in (("A", "a"), ("B", "o")):
        fig = plot_generation_tree(pipe, stem, top_k=1, depth=1, label=label)
        proba = sampler.next_char_proba([stem], label=label)[0]
        assert node_labels(fig)[1] == f"{letter} {proba.max():.2f}"
        assert fig.axes[0].get_title().endswith(f", label {label!r}")
        ax = plot_temperature(pipe, stem, temperatures=(1,), label=label).axes[0]
        heights = np.array([p.get_height() for p in ax.patches])
        table = sampler.temperature_table(stem, (1,), label=label)
        np.testing.assert_allclose(heights, table.proba[:, 0], rtol=1e-6)
    with pytest.raises(ValueError, match="fitted with the labels"):
        plot_generation_tree(pipe, "be")  # which label: it must be said


def test_names_labels_and_prefixes_with_dollars_are_drawn_as_typed():
    """matplotlib reads text between two '$' as a formula ('$aa$' in italic
    'aa'): every text drawn from the user's names, prefix or labels is not."""
    from matplotlib import cbook
    from matplotlib.text import Text

    from sknextchar import KneserNeyClassifier

    names = ["$aa$", "$ab$", "$ba$", "$bb$"] * 3
    labels = ["$f$", "$m$"] * 6
    count_model = make_pipeline(
        ContextWindowTransformer(alphabet="auto"), KneserNeyClassifier()
    ).fit(names)
    mlp = make_pipeline(
        ContextWindowTransformer(alphabet="auto"),
        CharEmbeddingMLPClassifier(
            embedding_dim=2, label_embedding_dim=2, max_iter=1, random_state=0
        ),
    ).fit(names, labels)
    figures = [
        plot_generation_tree(count_model, "$a", top_k=2, depth=2),
        plot_temperature(count_model, "$a$"),
        plot_generation_tree(mlp, "$", top_k=1, depth=1, label="$f$"),
        plot_embeddings(mlp),
    ]
    drawn = [t for fig in figures for t in fig.findobj(Text) if t.get_text()]
    typed = {t.get_text() for t in drawn}
    assert {"$aa$...", "<$f$>", "<$m$>"} <= typed
    assert any(text.endswith("label '$f$'") for text in typed)
    assert any("'$a$'" in text for text in typed)
    as_math = [
        t.get_text()
        for t in drawn
        if t.get_parse_math() and cbook.is_math_text(t.get_text())
    ]
    assert as_math == []
