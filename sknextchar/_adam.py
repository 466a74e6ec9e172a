"""The old home of :class:`~sknextchar.nn.adam.AdamOptimizer`.

Model files saved by sknextchar 0.1 name the optimizer's class
``sknextchar._adam.AdamOptimizer``; this alias lets them load.
"""

from .nn.adam import AdamOptimizer

__all__ = ["AdamOptimizer"]
