"""A JSON file given as names with an encoding: the command that converts it
reads it in that encoding (not UTF-8), as the names would have been read."""

import json
import re

import pytest

from sknextchar.cli import main
from sknextchar.datasets import load_names


@pytest.mark.parametrize("via", ["python", "cli"])
def test_the_json_advice_reads_the_encoding_given(tmp_path, capsys, via):
    path = tmp_path / "names.json"
    path.write_text(json.dumps(["Zoë", "José"], ensure_ascii=False), encoding="latin-1")
    if via == "python":
        with pytest.raises(ValueError) as caught:
            load_names(str(path), encoding="latin-1")
        message = str(caught.value)
    else:
        out = str(tmp_path / "m.skops")
        assert main(["train", str(path), "--encoding", "latin-1", "-o", out]) != 0
        message = capsys.readouterr().err
    assert re.search(r"encoding='iso8859-1'", message), message
