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


def _offers(err):
    return re.search(r"write it as (.+?) \(", err).group(1).split(" or ")


def _sampled(capsys, argv):
    assert main(argv) == 0
    return capsys.readouterr().out.split()


def test_a_comma_of_thousands_or_decimals_is_offered_both_ways(files, capsys):
    # Before: --temperature 1,000 was offered 1.000 alone (a decimal comma
    # read, though 1,000 is as often a thousand): now both, each said.
    argv = ["sample", str(files[1]), "-n", "20", "--seed", "0", "--temperature"]
    err = _error(capsys, [*argv, "1,000"])
    assert "1000 with a thousands comma or 1.0 with a decimal comma" in err
    assert _offers(err) == ["1000", "1.0"]
    for offered in _offers(err):
        assert len(_sampled(capsys, [*argv, offered])) == 20


def test_a_reading_out_of_the_range_is_not_offered(files, capsys):
    argv = ["sample", str(files[1]), "-n", "20", "--seed", "0", "--top-p"]
    err = _error(capsys, [*argv, "1,000"])
    assert _offers(err) == ["1.0"]
    assert "(1000, which must be a float in the range (0.0, 1.0])" in err
    assert len(_sampled(capsys, [*argv, "1.0"])) == 20


def test_a_german_thousands_dot_in_a_count_is_offered_both_ways(files, capsys):
    # Before: -n 1.000 was offered "write it as 1" alone; in German 1.000 is
    # a thousand. Both are offered and both run.
    argv = ["sample", str(files[1]), "--seed", "0", "-n"]
    err = _error(capsys, [*argv, "1.000"])
    assert "1 with a decimal point or 1000 with a thousands dot" in err
    assert _offers(err) == ["1", "1000"]
    for offered in _offers(err):
        assert len(_sampled(capsys, [*argv, offered])) == int(offered)
    assert _offers(_error(capsys, [*argv, "2.500"])) == ["2500"]


@pytest.mark.parametrize("flag", ["--temperature", "--min-length", "--alpha"])
def test_a_percentage_is_no_value_of_a_flag_that_takes_no_share(files, capsys, flag):
    # Before: --temperature 50% was offered 0.5, a temperature that has
    # nothing to do with 50%. Only a share in [0, 1] is offered one.
    command = "train" if flag == "--alpha" else "sample"
    path = files[0] if flag == "--alpha" else files[1]
    err = _error(capsys, [command, str(path), flag, "50%", "-o", "x.skops"])
    assert f"argument {flag}" in err
    assert "write it as" not in err and "0.5" not in err


def test_a_percentage_is_offered_for_top_p(files, capsys):
    argv = ["sample", str(files[1]), "-n", "20", "--seed", "0", "--top-p"]
    assert _offers(_error(capsys, [*argv, "50%"])) == ["0.5"]
    assert len(_sampled(capsys, [*argv, "0.5"])) == 20
