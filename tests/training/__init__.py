"""Training beyond one plain fit: in chunks from a file, checkpoints and callbacks,
Ctrl-C, resuming, hold-outs, progress, divergence.
"""
