import os
from pathlib import Path

import pytest

from compliance.errors import ComplianceError
from compliance.output import dumps_json, write_atomic, write_output


def test_dumps_json_sorts_keys_and_keeps_unicode():
    text = dumps_json({"b": 1, "a": {"z": "Wali Kota — é", "c": [2, 1]}})
    assert text.index('"a"') < text.index('"c"') < text.index('"z"') < text.index('"b"')
    assert "Wali Kota — é" in text
    assert text == dumps_json({"a": {"c": [2, 1], "z": "Wali Kota — é"}, "b": 1})
    assert text.endswith("\n")


def test_write_atomic_writes_and_leaves_no_temp(tmp_path: Path):
    out = tmp_path / "r.json"
    write_atomic(out, "isi\n")
    assert out.read_text() == "isi\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_write_atomic_gives_ordinary_permissions(tmp_path: Path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "r.html", "x")
    finally:
        os.umask(old)
    assert (tmp_path / "r.html").stat().st_mode & 0o777 == 0o644


def test_write_atomic_refuses_input(tmp_path: Path):
    src = tmp_path / "perbup.txt"
    src.write_text("asli")
    with pytest.raises(ComplianceError) as info:
        write_atomic(src, "baru", inputs=[src])
    assert info.value.code == "output-is-input"
    assert src.read_text() == "asli"


def test_write_atomic_missing_folder(tmp_path: Path):
    with pytest.raises(ComplianceError) as info:
        write_atomic(tmp_path / "nope" / "r.html", "x")
    assert info.value.code == "output-dir-missing"
    assert "folder tujuan tidak ada" in info.value.message("id")
    assert "does not exist" in info.value.message("en")


def test_write_atomic_refuses_a_device_and_leaves_it_alone(tmp_path: Path):
    link = tmp_path / "laporan.html"
    link.symlink_to(os.devnull)
    for target in (Path(os.devnull), link, tmp_path):
        with pytest.raises(ComplianceError) as info:
            write_atomic(target, "x")
        assert info.value.code == "output-not-regular"
    assert Path(os.devnull).is_char_device() and link.is_symlink()


def test_write_atomic_failures_are_one_clear_error(tmp_path: Path, monkeypatch):
    long_name = tmp_path / ("a" * 245 + ".html")  # fits the 255-byte limit; its temp file must too
    write_atomic(long_name, "x")
    assert long_name.read_text() == "x" and len(list(tmp_path.iterdir())) == 1
    for target in (tmp_path / ("a" * 256 + ".html"), Path("/proc/self/laporan.html")):
        with pytest.raises(ComplianceError) as info:
            write_atomic(target, "x")
        assert info.value.code == "output-unwritable"

    def read_only(**kwargs):  # as in a read-only folder (the tests may run as root)
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("compliance.output.tempfile.mkstemp", read_only)
    with pytest.raises(ComplianceError) as info:
        write_atomic(tmp_path / "r.html", "x")
    assert info.value.message("id") == f"{tmp_path / 'r.html'}: tidak dapat menulis keluaran (Permission denied)"


def test_dash_writes_to_stdout_and_makes_text_safe_for_a_terminal(capsysbinary):
    write_output("Pasal 1\n\x1b]0;owned\x07a\u202eb\r\nc\rd\n", Path("-"))
    write_output(b"PK\x03\x04\x1b", "-")
    assert capsysbinary.readouterr().out == (
        b"Pasal 1\n\\u001b]0;owned\\u0007a\\u202eb\r\nc\\u000dd\nPK\x03\x04\x1b")
    assert not Path("-").exists()
