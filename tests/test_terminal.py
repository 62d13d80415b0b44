import json

from compliance.errors import ComplianceError
from compliance.terminal import for_terminal, one_line


def test_escape_sequences_and_bidi_controls_become_visible_codes():
    hostile = "Pasal 1\x1b]0;judul\x07 \x1b[2J\x9b31m \u202eabc\u202c\tend\n"
    assert for_terminal(hostile) == "Pasal 1\\u001b]0;judul\\u0007 \\u001b[2J\\u009b31m \\u202eabc\\u202c\tend\n"
    assert for_terminal("Kota Bandung — é\r\n") == "Kota Bandung — é\r\n"  # ordinary text and CRLF kept


def test_json_on_a_terminal_stays_the_same_json():
    text = json.dumps({"judul": "a\u202eb\x85c"}, ensure_ascii=False)
    assert json.loads(for_terminal(text)) == {"judul": "a\u202eb\x85c"}


def test_error_messages_are_one_line_whatever_the_file_name():
    error = ComplianceError("file-empty", file="a\nb\x1b[31m\u202e.txt")
    assert error.message("id") == "a\\u000ab\\u001b[31m\\u202e.txt: berkas kosong"
    assert str(error) == "a\\u000ab\\u001b[31m\\u202e.txt: the file is empty"
    assert one_line("perda.pdf") == "perda.pdf"


def test_cli_prints_a_hostile_regulation_and_file_name_safely(tmp_path):
    from click.testing import CliRunner

    from compliance.cli import main

    reg = tmp_path / "perbup.txt"
    reg.write_text("PERATURAN BUPATI SUKAMAJU\x1b]0;owned\x07\nNOMOR 1 TAHUN 2021\nTENTANG\nSPBE\u202e\n"
                   "Pasal 1\nIsi\x1b[2J pasal.\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["parse", str(reg)])
    assert run.exit_code == 0, run.output
    assert "\x1b" not in run.stdout and "\u202e" not in run.stdout and "\\u001b]0;" in run.stdout
    empty = tmp_path / "kosong\n\x1b[31m.txt"
    empty.write_bytes(b"")
    run = CliRunner().invoke(main, ["parse", str(empty)])
    assert run.exit_code == 1
    assert run.stderr.count("\n") == 1 and "\x1b" not in run.stderr and "kosong\\u000a" in run.stderr
