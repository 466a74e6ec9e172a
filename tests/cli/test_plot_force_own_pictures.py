"""plot writes its mark in every picture, --force replaces only a picture
that carries it (never a figure of the user's own, even one drawn with
matplotlib), and --force is never the advice when another error would follow."""

import functools
import gzip
import io
import os
import re

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer, save_model
from sknextchar.cli import main

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

# The program that made a picture, as plot names itself in each one it saves.
PLOT_MARK = "sknextchar plot"
NAMES = ["asha", "ravi", "sita", "omar", "anil", "mira", "uma", "zoya"]


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    pipe = make_pipeline(
        ContextWindowTransformer(),
        CharEmbeddingMLPClassifier(hidden_layer_sizes=(4,), max_iter=2, random_state=0),
    ).fit(NAMES)
    return str(save_model(pipe, tmp_path_factory.mktemp("model") / "m.skops"))


def _plot_mark(fmt):
    """savefig's metadata of a picture that names plot as its maker."""
    key = "Software" if fmt == "png" else "Creator"
    return {"metadata": {key: f"{PLOT_MARK} (Matplotlib {matplotlib.__version__})"}}


def _matplotlib_picture(fmt, **metadata):
    """The bytes of a picture that matplotlib itself writes in ``fmt``."""
    fig = plt.figure(figsize=(1, 1))
    fig.gca().plot([0, 1], [1, 0])
    data = io.BytesIO()
    fig.savefig(data, format=fmt, **metadata)
    plt.close(fig)
    return data.getvalue()


def _plot(capsys, model, target, *flags, drawn=("--loss",)):
    status = main(["plot", model, *drawn, "-o", str(target), *flags])
    return status, capsys.readouterr().err


MARKED = ["png", "pdf", "svg", "svgz", "eps", "ps"]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", MARKED)
def test_plot_writes_its_mark_in_the_bytes(model, tmp_path, capsys, fmt):
    """The program that made the picture, in the bytes plot wrote: plot, and
    the matplotlib that drew it (a PDF escapes the parentheses)."""
    target = tmp_path / f"loss.{fmt}"
    status, err = _plot(capsys, model, target)
    assert status == 0, err
    data = target.read_bytes()
    data = gzip.decompress(data) if fmt == "svgz" else data
    version = matplotlib.__version__
    mark = f"{PLOT_MARK} (Matplotlib {version})"
    written = {
        "png": b"tEXtSoftware\0" + mark.encode(),
        "pdf": f"/Creator ({PLOT_MARK} \\(Matplotlib {version}\\))".encode(),
        "svg": f"<dc:title>{mark}</dc:title>".encode(),
        "eps": f"%%Creator: {mark}\n".encode(),
    }
    written["svgz"], written["ps"] = written["svg"], written["eps"]
    assert written[fmt] in data


@pytest.mark.slow
@pytest.mark.parametrize("fmt", MARKED)
def test_force_replaces_a_picture_that_plot_made(model, tmp_path, capsys, fmt):
    target = tmp_path / f"loss.{fmt}"
    status, err = _plot(capsys, model, target, drawn=("--tree", "a"))
    assert status == 0, err
    old = target.read_bytes()
    status, err = _plot(capsys, model, target)
    assert status == 1 and "pass --force" in err and target.read_bytes() == old
    status, err = _plot(capsys, model, target, "--force")
    assert status == 0, err
    assert target.read_bytes() != old  # the loss curve, not the tree
    assert sorted(os.listdir(tmp_path)) == [f"loss.{fmt}"]


def _png(software):
    """A PNG written by Pillow, with ``software`` as its Software text or none."""
    from PIL import Image, PngImagePlugin

    info = PngImagePlugin.PngInfo()
    if software is not None:
        info.add_text("Software", software)
    data = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(data, format="png", pnginfo=info)
    return data.getvalue()


def _updated_pdf():
    """A PDF that matplotlib wrote and another program updated since (an
    incremental update: a new trailer with /Prev), as an annotating viewer
    saves it."""
    old = _matplotlib_picture("pdf")
    start = int(re.search(rb"startxref\s+(\d+)", old)[1])
    size = int(re.search(rb"/Size (\d+)", old)[1])
    note = b"%d 0 obj\n<< /Type /Annot /Contents (my note) >>\nendobj\n" % size
    xref = len(old) + len(note)
    return (
        old
        + note
        + (
            b"xref\n%d 1\n%010d 00000 n \ntrailer\n"
            b"<< /Size %d /Root 1 0 R /Info %d 0 R /Prev %d >>\n"
            b"startxref\n%d\n%%%%EOF\n"
            % (size, len(old), size + 1, size - 1, start, xref)
        )
    )


def _inkscape_svg():
    """An SVG that matplotlib wrote and Inkscape saved since."""
    old = _matplotlib_picture("svg")
    name = b' xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"'
    return old.replace(b"<svg ", b"<svg" + name + b" ", 1)


# Pictures of the user's own, each of the format written there: a figure
# drawn with matplotlib (or saved by an older plot, without the mark) too.
OTHERS = {
    **{f"mpl.{fmt}": functools.partial(_matplotlib_picture, fmt) for fmt in MARKED},
    "titled.pdf": lambda: _matplotlib_picture(
        "pdf", metadata={"Title": f"{PLOT_MARK} (Matplotlib 3.9.0)"}
    ),
    "plotter.png": lambda: _png(f"{PLOT_MARK}ter 1.0"),
    "pillow.png": lambda: _png(None),
    "gimp.png": lambda: _png("GIMP 2.10"),
    "minimal.pdf": lambda: (
        b"%PDF-1.4\n% my CV, written by LibreOffice\n1 0 obj <<>> endobj\n"
        b"trailer <<>>\n%%EOF\n"
    ),
    "libreoffice.pdf": lambda: _matplotlib_picture(
        "pdf", metadata={"Creator": "Writer", "Producer": "LibreOffice 7.3"}
    ),
    "annotated.pdf": _updated_pdf,
    "drawn.svg": lambda: b'<svg xmlns="http://www.w3.org/2000/svg"></svg>',
    "inkscape.svg": _inkscape_svg,
    "ghostscript.eps": lambda: b"%!PS-Adobe-3.0 EPSF-3.0\n%%Creator: GPL Ghostscript\n",
}


@pytest.mark.parametrize("name", sorted(OTHERS))
def test_force_keeps_a_picture_of_the_format_that_plot_did_not_make(
    model, tmp_path, capsys, name
):
    target = tmp_path / name
    old = OTHERS[name]()
    target.write_bytes(old)
    for force in ([], ["--force"]):
        status, err = _plot(capsys, model, target, *force)
        assert status == 1 and target.read_bytes() == old, err
        assert err.count("\n") == 1 and "pass --force" not in err, err
        assert "that plot did not make" in err and "left untouched" in err, err
        assert f"does not name {PLOT_MARK!r} as the program that made it" in err
        assert "Give -o another file, or remove this one yourself (rm " in err, err
    assert os.listdir(tmp_path) == [name]


@pytest.mark.parametrize("fmt", ["jpg", "tiff"])
def test_force_never_replaces_a_picture_without_a_mark(model, tmp_path, capsys, fmt):
    """matplotlib writes JPEG and TIFF through Pillow, with no mark in them:
    plot cannot tell its own from the user's photo, so it replaces neither."""
    target = tmp_path / f"loss.{fmt}"
    old = _matplotlib_picture(fmt)
    target.write_bytes(old)
    status, err = _plot(capsys, model, target, "--force")
    assert status == 1 and target.read_bytes() == old
    assert f"plot cannot write its mark in a .{fmt} picture" in err, err
    assert "remove this one yourself" in err, err


def test_an_empty_file_may_be_replaced(model, tmp_path, capsys):
    target = tmp_path / "loss.pdf"
    target.write_bytes(b"")
    status, err = _plot(capsys, model, target, "--force")
    assert status == 0 and target.read_bytes().startswith(b"%PDF-"), err


# --------------------------------------------------------------------------- #
# The order of the checks: --force is the advice only when nothing else fails.
# --------------------------------------------------------------------------- #
def test_a_file_with_no_picture_suffix_is_told_before_force(model, tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    for force in ([], ["--force"]):
        status, err = _plot(capsys, model, notes, *force)
        assert status == 1 and "no picture format" in err and "--force" not in err
    assert notes.read_text() == "my notes\n"


def test_an_error_of_the_drawing_is_told_before_force(tmp_path, capsys):
    """--loss of a count model fails whatever -o is: that is the error."""
    from sknextchar import KneserNeyClassifier

    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    counts = str(save_model(pipe.fit(NAMES), tmp_path / "kn.skops"))
    target = tmp_path / "loss.png"
    old = _matplotlib_picture("png", **_plot_mark("png"))  # --force may replace it
    target.write_bytes(old)
    status, err = _plot(capsys, counts, target)
    assert status == 1 and "--loss draws an MLP model" in err, err
    assert "--force" not in err and target.read_bytes() == old


@pytest.mark.parametrize(
    ("drawn", "example"),
    [(("--loss",), "loss.png"), (("--tree", "a"), "tree.png")],
)
def test_a_folder_as_output_suggests_a_picture_file_in_it(
    model, tmp_path, capsys, drawn, example
):
    folder = tmp_path / "pictures"
    folder.mkdir()
    status, err = _plot(capsys, model, folder, "--force", drawn=drawn)
    assert status == 1 and "it is a folder" in err, err
    assert f"Give -o a picture file in it, such as {str(folder / example)!r}" in err
    assert "model.skops" not in err and os.listdir(folder) == []
