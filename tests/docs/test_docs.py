"""Every public class and function has a complete numpydoc docstring.

Public means: listed in the ``__all__`` of ``sknextchar``, ``sknextchar.callbacks``,
``sknextchar.metrics``, ``sknextchar.datasets`` or ``sknextchar.plotting`` (the API
reference lists these), or of ``sknextchar.exceptions``, ``sknextchar.cli`` and the
modules of ``sknextchar.nn``. For each of them, and for the
public methods that the package's classes define, the docstring must parse as
numpydoc, its Parameters section must name every parameter of the signature (of
``__init__`` for a class) and nothing else, and the object must have an Examples
section. An estimator is fitted on tiny data, and its Attributes section must name
exactly the fitted attributes (the trailing-underscore names) that fitting sets.
"""

import importlib
import inspect
import pkgutil
import re
import tomllib
import warnings
from pathlib import Path

import numpy as np
import pytest
from sklearn.base import BaseEstimator
from sklearn.pipeline import make_pipeline

import sknextchar.nn
from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    NameLabelClassifier,
    NameSampler,
    PerLabelClassifier,
)
from tests._cases import run_cases

# numpydoc is in the test and docs extras; without it the checks cannot run.
NumpyDocString = pytest.importorskip("numpydoc.docscrape").NumpyDocString

PUBLIC_MODULES = (
    "sknextchar",
    "sknextchar.callbacks",
    "sknextchar.metrics",
    "sknextchar.datasets",
    "sknextchar.plotting",
)
# Modules whose names are public too, though the API reference does not list them:
# the exceptions (the top level re-exports them), the command line's entry points
# and the network's machinery (every public module of ``sknextchar.nn``).
DOCSTRING_MODULES = (
    *PUBLIC_MODULES,
    "sknextchar.exceptions",
    "sknextchar.cli",
    *(
        f"sknextchar.nn.{module.name}"
        for module in pkgutil.iter_modules(sknextchar.nn.__path__)
        if not module.name.startswith("_")
    ),
)
ROOT = Path(__file__).resolve().parents[2]
API_PAGE = ROOT / "docs" / "api.rst"
NAMES = ["abid", "asha", "ravi", "amit", "anita", "kiran", "meera", "sunil"]


def _public_names(module):
    names = getattr(module, "__all__", None)
    if names is None:  # a module without __all__: the functions it defines
        names = [
            name
            for name, obj in vars(module).items()
            if not name.startswith("_")
            and inspect.isfunction(obj)
            and obj.__module__ == module.__name__
        ]
    return names


def _public_objects():
    """(qualified name, object) of every public class and function."""
    found = []
    for module_name in DOCSTRING_MODULES:
        module = importlib.import_module(module_name)
        for name in _public_names(module):
            obj = getattr(module, name)
            if inspect.isclass(obj) or inspect.isfunction(obj):
                found.append((f"{module_name}.{name}", obj))
    return found


PUBLIC_OBJECTS = _public_objects()
PUBLIC_CLASSES = [(name, obj) for name, obj in PUBLIC_OBJECTS if inspect.isclass(obj)]


def _public_methods(cls):
    """(qualified name, function) of the public methods the package defines."""
    out = []
    for klass in cls.__mro__:
        if not klass.__module__.startswith("sknextchar"):
            continue
        for name, member in vars(klass).items():
            if name.startswith("_") or not inspect.isfunction(member):
                continue
            if name not in {n.rsplit(".", 1)[-1] for n, _ in out}:
                out.append((f"{cls.__name__}.{name}", member))
    return out


PUBLIC_METHODS = [
    (f"{qualname}", method)
    for _, cls in PUBLIC_CLASSES
    for qualname, method in _public_methods(cls)
]


def _parse(obj):
    """The numpydoc sections of ``obj``'s docstring; numpydoc's warnings fail."""
    doc = inspect.getdoc(obj)
    assert doc, f"{obj!r} has no docstring"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return NumpyDocString(doc)


def _documented(section):
    """The names of a Parameters or Attributes section (``a, b : int`` is two)."""
    names = set()
    for item in section:
        for name in item.name.split(","):
            name = name.strip().lstrip("*")
            if name:
                names.add(name)
    return names


def _signature_parameters(obj):
    """The parameter names of a function, or of a class's ``__init__``."""
    if inspect.isclass(obj):
        init = obj.__init__
        if not getattr(init, "__module__", "").startswith("sknextchar"):
            return set()  # inherited (an exception's *args): nothing to document
        obj = init
    parameters = inspect.signature(obj).parameters
    return {name for name in parameters if name not in {"self", "cls"}}


def _check_parameters(name, obj, doc):
    expected = _signature_parameters(obj)
    documented = _documented(doc["Parameters"])
    missing = sorted(expected - documented)
    extra = sorted(documented - expected)
    assert not missing and not extra, (
        f"{name}: parameters missing from the docstring: {missing}; documented but "
        f"not in the signature: {extra}"
    )
    in_signature = [p for p in _signature_order(obj) if p in documented]
    in_docstring = [p for p in _documented_order(doc["Parameters"]) if p in expected]
    assert in_docstring == in_signature, (
        f"{name}: document the parameters in the order of the signature, "
        f"{in_signature}, not {in_docstring}"
    )


def _signature_order(obj):
    """The parameter names of ``obj`` (a class's ``__init__``), in order."""
    if inspect.isclass(obj):
        obj = obj.__init__
    return list(inspect.signature(obj).parameters)


def _documented_order(section):
    """The names of a Parameters section in the order of the docstring."""
    return [
        name.strip().lstrip("*")
        for item in section
        for name in item.name.split(",")
        if name.strip()
    ]


def test_public_object_docstring():
    # One item per table, not per object (tests/_cases.py): a docstring takes
    # a millisecond to check, less than pytest spends on an item.
    cases = [(name, (name, obj)) for name, obj in PUBLIC_OBJECTS]
    run_cases(cases, _object_docstring, at_least=76)


def _object_docstring(name, obj):
    doc = _parse(obj)
    assert doc["Summary"], f"{name}: no one-line summary"
    _check_parameters(name, obj, doc)
    assert doc["Examples"], f"{name}: no Examples section"


def test_public_method_parameters():
    cases = [(name, (name, method)) for name, method in PUBLIC_METHODS]
    run_cases(cases, _method_parameters, at_least=99)


def _method_parameters(name, method):
    doc = _parse(method)
    assert doc["Summary"], f"{name}: no one-line summary"
    _check_parameters(name, method, doc)


# scikit-learn's callback machinery calls these during a fit, never the user; the
# callback class's own example shows them at work.
CALLBACK_HOOKS = {"setup", "on_fit_task_begin", "on_fit_task_end", "teardown"}
USER_METHODS = [
    (name, method)
    for name, method in PUBLIC_METHODS
    if name.rsplit(".", 1)[-1] not in CALLBACK_HOOKS
]


def test_public_method_has_an_example():
    cases = [(name, (name, method)) for name, method in USER_METHODS]
    run_cases(cases, _has_an_example, at_least=91)


def _has_an_example(name, method):
    assert _parse(method)["Examples"], f"{name}: no Examples section"


def _public_properties():
    """(qualified name, property) of the properties the public classes define."""
    return [
        (f"{cls.__name__}.{name}", member)
        for _, cls in PUBLIC_CLASSES
        for klass in cls.__mro__
        if klass.__module__.startswith("sknextchar")
        for name, member in vars(klass).items()
        if isinstance(member, property) and not name.startswith("_")
    ]


PUBLIC_PROPERTIES = _public_properties()


@pytest.mark.parametrize(
    "name, prop", PUBLIC_PROPERTIES, ids=[n for n, _ in PUBLIC_PROPERTIES]
)
def test_public_property_has_a_docstring_with_an_example(name, prop):
    doc = _parse(prop)
    assert doc["Summary"], f"{name}: no one-line summary"
    assert doc["Examples"], f"{name}: no Examples section"


# --------------------------------------------------------------------------- #
# Fitted attributes
# --------------------------------------------------------------------------- #
def _small_classifier(**params):
    return CharEmbeddingMLPClassifier(
        embedding_dim=2, hidden_layer_sizes=(4,), max_iter=2, random_state=0, **params
    )


def _fitted_transformers():
    return [ContextWindowTransformer().fit(NAMES)]


def _fitted_classifiers():
    windows = ContextWindowTransformer().fit_transform(NAMES)
    X = np.array([[0, 1], [1, 2], [2, 0], [1, 1]])
    y = np.array(["b", "c", "a", "b"])
    return [
        _small_classifier().fit(windows),
        _small_classifier(early_stopping=True, validation_fraction=0.25).fit(windows),
        _small_classifier().fit(X, y),
        _small_classifier().partial_fit(windows),
    ]


def _fitted_samplers():
    pipe = make_pipeline(ContextWindowTransformer(), _small_classifier())
    return [NameSampler(pipe).fit(NAMES)]


def _fitted_name_label_classifiers():
    pipe = make_pipeline(ContextWindowTransformer(), _small_classifier())
    labels = ["f" if name.endswith("a") else "m" for name in NAMES]
    return [NameLabelClassifier(pipe).fit(NAMES, labels)]


def _fitted_count_models():
    windows = ContextWindowTransformer().fit_transform(NAMES)
    return [
        KneserNeyClassifier().fit(windows),
        KneserNeyClassifier(add_k=1).partial_fit(windows),
    ]


def _fitted_mixtures():
    windows = ContextWindowTransformer().fit_transform(NAMES)
    members = [("kn", KneserNeyClassifier()), ("mlp", _small_classifier())]
    return [
        MixtureClassifier(members, random_state=0, validation_fraction=0.25).fit(
            windows
        ),
        MixtureClassifier(members, weights=[1, 1]).fit(windows),
    ]


def _fitted_per_label_models():
    windows = ContextWindowTransformer().fit_transform(NAMES)
    labels = ["a" if i % 2 else "b" for i in range(len(NAMES))]
    return [
        PerLabelClassifier().fit(windows, labels),
        PerLabelClassifier(KneserNeyClassifier(order=2)).fit(windows),
    ]


# Every public estimator needs a way to be fitted here; a new one fails
# test_every_estimator_has_a_fitting_recipe until it gets one.
FITTED = {
    ContextWindowTransformer: _fitted_transformers,
    CharEmbeddingMLPClassifier: _fitted_classifiers,
    KneserNeyClassifier: _fitted_count_models,
    MixtureClassifier: _fitted_mixtures,
    NameSampler: _fitted_samplers,
    NameLabelClassifier: _fitted_name_label_classifiers,
    PerLabelClassifier: _fitted_per_label_models,
}
ESTIMATORS = [
    (name, cls) for name, cls in PUBLIC_CLASSES if issubclass(cls, BaseEstimator)
]


def test_every_estimator_has_a_fitting_recipe():
    missing = [name for name, cls in ESTIMATORS if cls not in FITTED]
    assert not missing, f"add a fitting recipe to FITTED in {__file__}: {missing}"


@pytest.mark.parametrize("name, cls", ESTIMATORS, ids=[n for n, _ in ESTIMATORS])
@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
def test_fitted_attributes_are_documented(name, cls):
    documented = _documented(_parse(cls)["Attributes"])
    fitted = set()
    for estimator in FITTED[cls]():
        fitted |= {
            attr
            for attr in vars(estimator)
            if attr.endswith("_") and not attr.startswith("_")
        }
        fitted |= {  # fitted properties (a mixture's named_estimators_)
            attr
            for attr, value in vars(cls).items()
            if isinstance(value, property)
            and attr.endswith("_")
            and not attr.startswith("_")
            and hasattr(estimator, attr)
        }
    undocumented = sorted(fitted - documented)
    never_set = sorted(documented - fitted)
    assert not undocumented and not never_set, (
        f"{name}: fitted attributes missing from the Attributes section: "
        f"{undocumented}; documented but never set by fitting: {never_set}"
    )


@pytest.mark.parametrize(
    "name, cls",
    [(n, c) for n, c in PUBLIC_CLASSES if not issubclass(c, BaseEstimator)],
    ids=[n for n, c in PUBLIC_CLASSES if not issubclass(c, BaseEstimator)],
)
def test_properties_are_documented(name, cls):
    properties = {
        attr
        for klass in cls.__mro__
        if klass.__module__.startswith("sknextchar")
        for attr, member in vars(klass).items()
        if isinstance(member, property) and not attr.startswith("_")
    }
    doc = _parse(cls)
    documented = _documented(doc["Attributes"]) | _documented(doc["Parameters"])
    missing = sorted(properties - documented)
    assert not missing, f"{name}: properties missing from the docstring: {missing}"


# --------------------------------------------------------------------------- #
# The API reference page
# --------------------------------------------------------------------------- #
@pytest.mark.skipif(not API_PAGE.exists(), reason="docs/ is not in this tree")
def test_api_page_lists_every_public_name():
    text = API_PAGE.read_text(encoding="utf-8")
    missing = []
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        prefix = module_name.removeprefix("sknextchar").lstrip(".")
        for name in _public_names(module):
            if name.startswith("__"):  # __version__
                continue
            entry = f"{prefix}.{name}" if prefix else name
            if f"   {entry}\n" not in text:
                missing.append(f"{module_name}.{name}")
    assert not missing, f"add these to an autosummary list of {API_PAGE}: {missing}"


# --------------------------------------------------------------------------- #
# Claims of the install instructions and of the command-line page
# --------------------------------------------------------------------------- #
def _project():
    path = ROOT / "pyproject.toml"
    if not path.exists():
        pytest.skip("pyproject.toml is not in this tree")
    return tomllib.loads(path.read_text(encoding="utf-8"))["project"]


def test_stated_python_version_is_the_required_one():
    required = re.fullmatch(r">=\s*(\d+\.\d+)", _project()["requires-python"])
    assert required, "requires-python is no longer '>=X.Y': update this test"
    for page in (ROOT / "README.md", ROOT / "docs" / "quickstart.rst"):
        stated = set(re.findall(r"Python (\d+\.\d+) or newer", page.read_text("utf-8")))
        assert stated == {required.group(1)}, (
            f"{page.name} says Python {sorted(stated)} or newer; pyproject.toml "
            f"requires {required.group(1)}"
        )


def test_quickstart_names_every_dependency():
    text = (ROOT / "docs" / "quickstart.rst").read_text("utf-8").lower()
    names = [
        re.match(r"[A-Za-z0-9_.-]+", dep).group() for dep in _project()["dependencies"]
    ]
    missing = [name for name in names if name.lower() not in text]
    assert not missing, f"the Install section of quickstart.rst does not name {missing}"


def test_command_line_page_shows_every_command_help():
    from sknextchar.cli import build_parser

    page = ROOT / "docs" / "command_line.rst"
    if not page.exists():
        pytest.skip("docs/ is not in this tree")
    helptext = build_parser().format_help()
    commands = re.findall(r"^    ([a-z]+)  ", helptext.split("commands:", 1)[1], re.M)
    assert "train" in commands and "classify" in commands, helptext
    text = page.read_text("utf-8")
    missing = [
        c for c in commands if f".. runcommand:: sknextchar {c} --help\n" not in text
    ]
    assert not missing, f"add '.. runcommand:: sknextchar COMMAND --help' for {missing}"


# Flags of other programs the pages show: pip, Sphinx and ruff.
OTHER_TOOLS_FLAGS = {"--no-deps", "--upgrade", "--keep-going", "--check"}
# Typos command_line.rst shows on purpose, each with the flag it is told.
TYPOS_SHOWN = {"--ouput": "--output", "--temprature": "--temperature"}


def _pages_with_flags():
    """The README, the site's pages and the gallery's sources (the changelogs
    are left out: they name flags that were removed)."""
    docs = ROOT / "docs"
    return [
        ROOT / "README.md",
        *sorted(docs.glob("*.rst")),
        *sorted(p for p in docs.glob("*.md") if p.name != "changelog.md"),
        *sorted(docs.glob("examples/*.py")),
    ]


def _flags(text):
    return re.findall(r"(?<![\w>-])--[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?![\w>-])", text)


def _commands_given_flags(text, commands):
    """(command, flag) of every ``sknextchar COMMAND ...`` the text shows, the
    flags read up to the end of the command (its line, continuation backslashes
    joined, or a backtick, ``&&``, ``;``, ``|`` or the next ``sknextchar``)."""
    text = re.sub(r"\\\n\s*", " ", text)
    found = []
    for match in re.finditer(r"(?<![\w.])sknextchar[ \t]+([a-z]+)\b", text):
        if match.group(1) in commands:
            rest = re.split(r"\n|`|&&|;|\||\bsknextchar\b", text[match.end() :])[0]
            found += [(match.group(1), flag) for flag in _flags(rest)]
    return found


def test_every_flag_the_pages_name_exists():
    from sknextchar.cli import build_parser

    if not (ROOT / "docs" / "command_line.rst").exists():
        pytest.skip("docs/ is not in this tree")
    parser = build_parser()
    commands = parser.commands.choices
    known = set(parser.options).union(*(c.options for c in commands.values()))
    known |= OTHER_TOOLS_FLAGS
    assert known.issuperset(TYPOS_SHOWN.values())
    known |= TYPOS_SHOWN.keys()
    scripts = "".join(p.read_text("utf-8") for p in ROOT.glob("benchmarks/*.py"))
    stale, misplaced = [], []
    for page in _pages_with_flags():
        text = page.read_text("utf-8")
        stale += [
            f"{page.name}: {flag}"
            for flag in _flags(text)
            if flag not in known and f'"{flag}"' not in scripts
        ]
        misplaced += [
            f"{page.name}: sknextchar {command} ... {flag}"
            for command, flag in _commands_given_flags(text, commands)
            if flag
            not in commands[command].options | parser.options | TYPOS_SHOWN.keys()
        ]
    assert not stale, f"flags that no command (or benchmark script) has: {stale}"
    assert not misplaced, f"flags given to a command without them: {misplaced}"
