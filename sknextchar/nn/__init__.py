"""The NumPy machinery of the neural next-character model.

- :mod:`sknextchar.nn.functional`: the math, as pure functions (forward pass,
  loss, gradients, initialisation).
- :mod:`sknextchar.nn.dropout`: the inverted-dropout masks of a training step.
- :mod:`sknextchar.nn.adam`: the Adam optimizer and its learning-rate schedule.
- :mod:`sknextchar.nn.training`: the pieces of a training run (parameter
  workspace, mini-batch epochs, divergence guard, patience, validation hold-out).

Nothing here knows about estimators' parameters or scikit-learn's API beyond a
few of its utilities: :class:`~sknextchar.CharEmbeddingMLPClassifier` puts the
pieces together.
"""
