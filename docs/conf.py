"""Sphinx configuration of the sknextchar documentation.

Build (warnings are errors; the gallery examples run, so they are tested)::

    python -m sphinx -W --keep-going -b html docs docs/_build/html

Add ``-D plot_gallery=0`` to skip running the gallery while editing prose.
"""

import sys
from pathlib import Path

import matplotlib
from docutils import nodes

matplotlib.use("Agg")  # the gallery and the run-blocks never open a window

import sknextchar  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

# -- Project -----------------------------------------------------------------

project = "sknextchar"
author = "The sknextchar developers"
copyright = "the sknextchar developers, BSD-3-Clause"
release = sknextchar.__version__
version = ".".join(release.split(".")[:2])

# -- General -----------------------------------------------------------------

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.mathjax",
    "sphinx.ext.viewcode",
    "numpydoc",
    "sphinx_gallery.gen_gallery",
    "myst_parser",  # the changelog and the benchmark report are Markdown files
    "runblock",  # docs/_ext/runblock.py: code run at build time, output shown
]

templates_path = ["_templates"]
exclude_patterns = ["_build", "examples/*.rst", "auto_examples/*.ipynb"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
default_role = "literal"

# The estimators' HTML repr links to generated/sknextchar.<Name>.html: keep the
# autosummary pages there (sknextchar/_estimator.py holds the link template).
autosummary_generate = True
autodoc_default_options = {"members": True, "inherited-members": False}
autodoc_typehints = "none"

numpydoc_show_class_members = False
numpydoc_class_members_toctree = False
numpydoc_attributes_as_param_list = True
numpydoc_xref_param_type = False

myst_heading_anchors = 3

# Every cross-reference must resolve (see _resolve_in_package below for the ones
# Sphinx does not find by itself), so a renamed object cannot leave a dead link.
nitpicky = True
nitpick_ignore = []

# -- The gallery ---------------------------------------------------------------


sphinx_gallery_conf = {
    "examples_dirs": "examples",
    "gallery_dirs": "auto_examples",
    "filename_pattern": r"/plot_",  # every plot_*.py runs during the build
    "ignore_pattern": r"/_",
    "within_subsection_order": "FileNameSortKey",
    "doc_module": ("sknextchar",),
    "backreferences_dir": "generated/backreferences",
    "reference_url": {"sknextchar": None},
    "reset_modules": ("matplotlib",),
    "remove_config_comments": True,
    "show_memory": False,
    "min_reported_time": 5,
    "abort_on_example_error": False,
    "only_warn_on_example_error": False,
    "download_all_examples": False,
    "plot_gallery": "True",
    # Run every example at every build, not only those whose script changed: the
    # output of an example depends on the package too, and a cached one from an
    # older package (docs/auto_examples/) would be shown as if current.
    "run_stale_examples": True,
}

# -- HTML ----------------------------------------------------------------------

html_theme = "pydata_sphinx_theme"
html_title = f"sknextchar {release}"
html_static_path = ["_static"]
html_css_files = ["sknextchar.css"]
html_show_sourcelink = False
html_theme_options = {
    "navbar_end": ["theme-switcher", "navbar-icon-links"],
    "show_toc_level": 2,
    "navigation_with_keys": False,
    "footer_start": ["copyright"],
    "footer_end": ["sphinx-version"],
    "secondary_sidebar_items": ["page-toc"],
}
html_sidebars = {"index": [], "quickstart": [], "benchmarks": [], "changelog": []}


def _skip_metadata_request_methods(app, what, name, obj, skip, options):
    """Leave out scikit-learn's generated ``set_{method}_request`` methods.

    scikit-learn adds them to every estimator for metadata routing; their docstrings
    point into scikit-learn's own user guide, which is not part of these pages.
    """
    if name.startswith("set_") and name.endswith("_request"):
        return True
    return None


# scikit-learn's API pages, for references such as :class:`~sklearn.pipeline.Pipeline`
# (intersphinx would need the network at build time).
SKLEARN_API_URL = "https://scikit-learn.org/stable/modules/generated/{}.html"


def _resolve_in_package(app, env, node, contnode):
    """Resolve Python references that Sphinx does not find by itself.

    - ``sklearn.<module>.<Name>`` links to scikit-learn's API page of that name.
    - The docstrings of ``sknextchar.metrics`` and ``sknextchar.plotting`` name the
      package's classes without the package prefix; Sphinx looks for them in the
      current module only. Retry such a reference as ``sknextchar.<name>``.
    """
    target = node.get("reftarget", "")
    if node.get("refdomain") != "py":
        return None
    if target.startswith("sklearn.") and target.count(".") == 2:
        link = nodes.reference("", "", internal=False, reftitle=target)
        link["refuri"] = SKLEARN_API_URL.format(target)
        link.append(contnode)
        return link
    if target.startswith("sknextchar."):
        return None
    domain = env.get_domain("py")
    return domain.resolve_xref(
        env,
        node["refdoc"],
        app.builder,
        node["reftype"],
        f"sknextchar.{target.lstrip('~.')}",
        node,
        contnode,
    )


def setup(app):
    app.connect("autodoc-skip-member", _skip_metadata_request_methods)
    app.connect("missing-reference", _resolve_in_package)
