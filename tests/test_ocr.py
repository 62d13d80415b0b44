"""ocr: tesseract over rendered PDF pages, in parallel, bounded in time, with a clear message when missing."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

import compliance.ocr
import compliance.pdf_reader
from compliance.errors import ComplianceError
from compliance.ocr import ocr_pages, require_tesseract
from compliance.pdf_reader import stop_worker
from pdf_samples import scanned_pdf, tiny_pdf


@pytest.fixture()
def tesseract() -> str:
    try:
        return require_tesseract("-")
    except ComplianceError as exc:
        pytest.skip(f"OCR not available here: {exc}")


def _scan(tmp_path: Path, texts: list[str]) -> Path:
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf(texts))
    return path


def test_pages_are_read_in_parallel_each_under_its_number(tmp_path: Path, tesseract: str):
    path = _scan(tmp_path, ["Pasal 1", "Pasal 2", "Pasal 3"])
    failures: dict[int, str] = {}
    texts = ocr_pages(path, [3, 1, 2], jobs=2, failures=failures)
    assert texts == {1: "Pasal 1", 2: "Pasal 2", 3: "Pasal 3"}
    assert failures == {}


def test_only_the_requested_pages_are_read(tmp_path: Path, tesseract: str):
    path = _scan(tmp_path, ["Pasal 1", "Pasal 2"])
    assert ocr_pages(path, [2], jobs=1) == {2: "Pasal 2"}


def test_a_page_over_its_time_bound_is_left_out_with_the_reason(tmp_path: Path, tesseract: str):
    path = _scan(tmp_path, ["Pasal 1"])
    failures: dict[int, str] = {}
    assert ocr_pages(path, [1], page_timeout=0.001, failures=failures) == {}
    assert failures[1] in ("render timeout 0.001s", "timeout 0.001s")


def test_a_page_whose_rendering_kills_the_worker_is_left_out(tmp_path: Path, tesseract: str, monkeypatch):
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("patching the renderer reaches the worker only with the fork start method")
    path = _scan(tmp_path, ["Pasal 1", "Pasal 2"])
    real = compliance.pdf_reader.render_pgm

    crashed = tmp_path / "crashed"  # visible to the restarted worker, unlike a variable

    def crashes_on_first_page(page, dpi):
        if not crashed.exists():
            crashed.touch()
            os._exit(3)
        return real(page, dpi)

    stop_worker()
    monkeypatch.setattr(compliance.pdf_reader, "render_pgm", crashes_on_first_page)
    failures: dict[int, str] = {}
    try:
        assert ocr_pages(path, [1, 2], failures=failures) == {2: "Pasal 2"}
    finally:
        stop_worker()
    assert failures == {1: "render: worker stopped"}


def test_a_page_of_vector_text_is_read_too(tmp_path: Path, tesseract: str):
    """OCR works on any rendered page, so ``--ocr always`` can replace a garbled text layer."""
    path = tmp_path / "text.pdf"
    path.write_bytes(tiny_pdf([[(72, 760, "Ketentuan Umum")]]))
    assert ocr_pages(path, [1]) == {1: "Ketentuan Umum"}


def test_missing_tesseract_says_what_to_install(monkeypatch):
    monkeypatch.setattr(compliance.ocr.shutil, "which", lambda name: None)
    with pytest.raises(ComplianceError) as info:
        require_tesseract("perbup.pdf")
    assert info.value.code == "ocr-unavailable"
    assert "tesseract-ocr-ind" in info.value.message("id") and "\n" not in info.value.message("en")


def test_missing_indonesian_language_is_named(monkeypatch):
    monkeypatch.setattr(compliance.ocr.shutil, "which", lambda name: "/usr/bin/tesseract")
    monkeypatch.setattr(compliance.ocr, "_languages", lambda executable: frozenset({"eng", "osd"}))
    with pytest.raises(ComplianceError) as info:
        require_tesseract("perbup.pdf")
    assert "'ind'" in info.value.message("en")
