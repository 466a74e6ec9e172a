"""scikit-learn's conventions (common checks, parameters, clone, routing, seeds, HTML
repr) and the project's own (layers, module sizes, benchmarks, the test helpers).
"""
