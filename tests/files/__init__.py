"""Reading files of names (``load_names``, the readers of ``train``): encodings,
tables, headers, counts, quoted and numbered lists, JSON, long lines, the bundled
datasets.
"""
