"""Wording shared by the messages: counts and plurals, paths, character names, guesses
of a typo, advice made from an error's parts, where warnings point.
"""
