"""NameSampler and generation: decoding, prefixes, patterns, ``match_lengths``,
``novel``, shortfalls, reports, temperature tables, pictures.
"""
