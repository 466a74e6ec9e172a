"""Files made once for a test module and read by many of its tests: training a
model for each test cost more than the test itself. :func:`kept_as_it_was`
guards them: a test that changes one makes its module fail at teardown, naming
the file."""

import contextlib
import os


@contextlib.contextmanager
def kept_as_it_was(path):
    """Fail, once the module's tests are done, if any of them changed the file
    at ``path`` or left another beside it: the file is shared, read only."""
    before = path.read_bytes(), sorted(os.listdir(path.parent))
    yield
    assert (path.read_bytes(), sorted(os.listdir(path.parent))) == before, path
