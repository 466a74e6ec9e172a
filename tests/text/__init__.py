"""How a name's text is read: letters and their look-alikes, accents, capitals, spaces,
joiners, control characters, other scripts.
"""
