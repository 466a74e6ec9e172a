"""The lines of a file's names, for the errors of train_from_file's first pass."""

from sknextchar._error_lines import lines_spelled, name_lines, placed_in_lines


def test_positions_count_names_not_lines(tmp_path):
    path = tmp_path / "gaps.txt"
    path.write_text("asha\n\n\nravi\n\nzoë\n  \nmeena\u2028kiran\njosé\n", "utf-8")
    found = name_lines(path, "utf-8", [0, 2, 3, 4, 5, 9])
    assert found == {0: (1, "asha"), 2: (6, "zoë"), 3: (8, "meena"),
                     4: (8, "kiran"), 5: (9, "josé")}  # fmt: skip


def test_a_file_gone_places_nothing(tmp_path):
    assert name_lines(tmp_path / "gone.txt", "utf-8", [0]) == {}


def test_a_name_whose_line_holds_another_is_left_as_shown():
    # The file changed since its pass: its line would be a guess.
    lines = {2: (6, "zoe"), 5: (10, "josé")}
    message = "in names[2]='zoë', names[5]='josé' and names[7]='uma'."
    assert lines_spelled(message, "g.txt", lines) == (
        "in names[2]='zoë', 'josé' (line 10 of 'g.txt') and names[7]='uma'."
    )
    assert lines_spelled("names[5] is 'josé'.", "g.txt", lines) == (
        "line 10 of 'g.txt' is 'josé'."
    )


def test_an_error_of_no_name_of_the_file_is_raised_as_it_is(tmp_path):
    error = ValueError("names[0]='asha' is refused")  # not placed in the file
    assert placed_in_lines(error, tmp_path / "x.txt", "utf-8") is error
