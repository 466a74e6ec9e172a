"""Flag values in a person's or a spreadsheet's spelling (``-n 1,000``,
``0,8``, ``10%``, ``--encoding windows``, ``train --label``): the error
gives the command line's spelling, and the value it offers works."""

import codecs
import re

import pytest

from sknextchar.cli import main
from sknextchar.datasets import load_indian_names


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("spelled")
    names = folder / "names.csv"
    rows = [f"{name},{'FM'[i % 2]}" for i, name in enumerate(load_indian_names()[:200])]
    names.write_text("name,Sex\n" + "\n".join(rows) + "\n", encoding="utf-8")
    model = folder / "m.skops"
    argv = ["train", str(names), "--model", "kneser-ney", "-o", str(model)]
    assert main(argv) == 0
    return names, model


def _error(capsys, argv, status=2):
    assert main(argv) == status
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize(
    "flag, typed, offered",
    [("-n", "1,000", "1000"), ("--temperature", "0,8", "0.8"), ("-n", "2 500", "2500")],
)
def test_a_sample_value_is_offered_as_the_cli_spells_it(
    files, capsys, flag, typed, offered
):
    argv = ["sample", str(files[1]), "-n", "20", "--seed", "0"]
    err = _error(capsys, [*argv, flag, typed])
    assert re.search(r"write it as (\S+) \(see ", err).group(1) == offered
    assert main([*argv, flag, offered]) == 0
    out = capsys.readouterr().out.split()
    assert len(out) == (int(offered) if flag == "-n" else 20)


def test_a_percentage_is_offered_as_a_share(files, capsys, tmp_path):
    argv = ["train", str(files[0]), "--hidden-layer-sizes", "4", "--max-iter", "1"]
    argv += ["--embedding-dim", "2", "-o", str(tmp_path / "v.skops")]
    err = _error(capsys, [*argv, "--validation-fraction", "10%"])
    offered = re.search(r"write it as (\S+) \(see ", err).group(1)
    assert offered == "0.1"
    assert main([*argv, "--validation-fraction", offered]) == 0
    assert "held-out" in capsys.readouterr().out
    err = _error(capsys, [*argv, "--validation-fraction", "100%"])
    assert "(1, which must be a float in the range [0.0, 1.0))" in err


def test_a_lower_bound_is_said_in_words(files, capsys):
    err = _error(capsys, ["train", str(files[0]), "--max-iter", "0", "-o", "x.skops"])
    assert "--max-iter: must be an int of at least 1; got '0'" in err
    assert "inf" not in err


def test_close_encoding_names_are_offered(files, capsys, tmp_path):
    names = tmp_path / "west.txt"
    names.write_bytes("ravi\nasha\n".encode("cp1252"))
    argv = ["score", str(files[1]), "--names-file", str(names), "--encoding"]
    err = _error(capsys, [*argv, "windows"], status=1).replace("\n", " ")
    assert "Python" not in err
    offered = re.findall(r"--encoding (\S+?)[,?]", err)
    assert offered == ["windows-1252", "windows-1250", "windows-1251"]
    assert main([*argv, offered[0]]) == 0
    assert "ravi" in capsys.readouterr().out


def _available(codec):
    try:
        codecs.lookup(codec)
    except LookupError:
        return False
    return True


@pytest.mark.skipif(_available("mbcs"), reason="Windows has the mbcs codec")
@pytest.mark.parametrize("typed", ["mbcs", "dbcs", "mbc"])
def test_a_codec_name_of_windows_only_is_no_traceback(files, capsys, tmp_path, typed):
    # "mbcs" (and its aliases "dbcs", "ansi") is a name Python knows that has
    # no codec outside Windows: the error offers codecs that exist.
    names = tmp_path / "west.txt"
    names.write_bytes(b"ravi\nasha\n")
    argv = ["score", str(files[1]), "--names-file", str(names), "--encoding"]
    err = _error(capsys, [*argv, typed], status=1).replace("\n", " ")
    assert "is not a text encoding" in err
    for offered in re.findall(r"--encoding (\S+?)[,?.]", err):
        assert main([*argv, offered]) == 0, offered
        capsys.readouterr()


def test_train_label_is_offered_labels(files, capsys, tmp_path):
    argv = ["train", str(files[0]), "--model", "kneser-ney"]
    argv += ["-o", str(tmp_path / "l.skops")]
    err = _error(capsys, [*argv, "--label", "Sex"])
    offered = re.search(r"did you mean (--\S+)\? \(see ", err).group(1)
    assert offered == "--labels"
    assert main([*argv, offered, "Sex"]) == 0


def test_a_negative_grouped_int_keeps_its_sign(files, capsys):
    # -n=-1,000 is no count: the offer is not "write it as 1000" (the sign
    # dropped), but the value with its sign and the range it must be in.
    _, model = files
    err = _error(capsys, ["sample", str(model), "-n=-1,000"])
    assert "write it as 1000" not in err
    assert "(-1000, which must be an int of at least 1)" in err
