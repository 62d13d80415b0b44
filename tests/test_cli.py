"""The CLI shell: one-line errors, exit codes, nothing left behind."""

from pathlib import Path

from click.testing import CliRunner

from compliance.cli import main


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_missing_file_is_one_line_error_exit_1(tmp_path: Path):
    result = _run("parse", str(tmp_path / "tidak-ada.pdf"))
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert "berkas tidak ditemukan" in result.output
    assert "Traceback" not in result.output


def test_english_messages(tmp_path: Path):
    result = _run("--lang", "en", "parse", str(tmp_path / "missing.pdf"))
    assert result.exit_code == 1
    assert "file not found" in result.output


def test_empty_file_leaves_no_output(tmp_path: Path):
    src = tmp_path / "kosong.pdf"
    src.write_bytes(b"")
    out = tmp_path / "out.json"
    result = _run("parse", str(src), "--format", "json", "-o", str(out))
    assert result.exit_code == 1
    assert "kosong" in result.output
    assert not out.exists()


def test_output_equal_to_input_is_refused(tmp_path: Path):
    src = tmp_path / "perwal.txt"
    original = "PERATURAN WALI KOTA CONTOH\nPasal 1\nIsi pasal.\n"
    src.write_text(original, encoding="utf-8")
    result = _run("parse", str(src), "--format", "json", "-o", str(src))
    assert result.exit_code == 1
    assert src.read_text(encoding="utf-8") == original
