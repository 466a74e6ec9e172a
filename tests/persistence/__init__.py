"""Saving and loading models: skops, pickle and joblib files, damaged or hostile files,
save targets, file safety.
"""
