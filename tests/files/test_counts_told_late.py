"""More than ``HOLD_LIMIT`` counts such as 1.000 of a semicolon table, then
one that tells how the column writes numbers (1.234.567, 2,5): a file that
can be read again is looked through for it, none of its counts held, and
read as that count tells; a pipe, read once, is refused with what to do."""

import os
import threading

import pytest

from sknextchar._name_chunks import _weighted_chunks
from sknextchar.cli._labelled import read_labelled_names, read_names_file
from sknextchar.datasets import load_names
from sknextchar.datasets._count_cells import HOLD_LIMIT

N_ROWS = HOLD_LIMIT + 1


def _write(path, last="1.234.567", labels=False):
    sex = [";f", ";m"] if labels else ["", ""]
    rows = [f"N{i};{1 + i % 998}.{i % 1000:03d}{sex[i % 2]}\n" for i in range(N_ROWS)]
    head = "name;count;sex\n" if labels else "name;count\n"
    text = head + "".join(rows) + f"Emma;{last}{sex[0]}\n"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("last", "emma"), [("1.234.567", 1234567), ("2,5", 2.5)])
def test_load_names_reads_a_late_told_column(tmp_path, last, emma):
    names, counts = load_names(
        _write(tmp_path / "namen.csv", last), names_column="name", counts_column="count"
    )
    assert (names[0], counts[0], counts[1]) == ("N0", 1000, 2001)
    assert (names[-1], counts[-1], len(counts)) == ("Emma", emma, N_ROWS + 1)


def test_train_from_file_reads_a_late_told_column(tmp_path):
    path = _write(tmp_path / "namen.csv")
    chunks = list(_weighted_chunks(path, 4000, "utf-8", "name", "count"))
    assert chunks[0][1][0] == 1000 and chunks[-1][1][-1] == 1234567


def test_command_line_reads_a_late_told_column(tmp_path):
    path = _write(tmp_path / "namen.csv")
    _, counts = read_names_file(str(path), counts="count", with_counts=True)
    assert (counts[0], counts[-1]) == (1000, 1234567)
    path = _write(tmp_path / "labelled.csv", labels=True)
    _, labels, counts = read_labelled_names(str(path), "sex", counts="count")
    assert (counts[0], counts[-1], labels[-1]) == (1000, 1234567, "f")


def test_a_pipe_read_once_is_still_refused(tmp_path):
    text = _write(tmp_path / "namen.csv").read_text(encoding="utf-8")
    fifo = str(tmp_path / "namen.fifo")
    os.mkfifo(fifo)

    def feed():
        with open(fifo, "w", encoding="utf-8") as pipe:
            pipe.write(text)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        with pytest.raises(ValueError, match="no count told which"):
            list(_weighted_chunks(fifo, 4000, "utf-8", "name", "count"))
    finally:
        os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))  # frees the writer
        writer.join(5)
