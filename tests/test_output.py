import os
from pathlib import Path

import pytest

from compliance.errors import ComplianceError
from compliance.output import dumps_json, write_atomic


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
