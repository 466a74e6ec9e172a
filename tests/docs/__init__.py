"""The documentation: numpydoc docstrings, and the numbers the pages state."""
