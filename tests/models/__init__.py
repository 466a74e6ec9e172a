"""The next-character models and their parts: the MLP, the transformer, Kneser-Ney, the
mixture, ``sknextchar.nn``, windows, the vocabulary, sample weights.
"""
