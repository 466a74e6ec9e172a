"""``python -m sknextchar``: the same command line as ``sknextchar``.

Without arguments it runs the main job: train the default model on the bundled
names, print its held-out negative log-likelihood and 20 new names.
"""

import sys

from .cli import main

if __name__ == "__main__":  # importing this module (e.g. by a doc tool) runs nothing
    sys.exit(main())
