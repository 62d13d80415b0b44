"""ocr: tesseract over rendered PDF pages, in parallel, bounded in time and size, cached by file and page,
with a clear message when missing."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pypdfium2 as pdfium
import pytest

import compliance.ocr
import compliance.pdf_reader
from compliance.errors import ComplianceError
from compliance.ocr import ocr_pages, require_tesseract
from compliance.pdf_reader import MAX_PIXELS, render_pgm, stop_worker
from pdf_samples import image_pdf, scanned_pdf, speckled, tiny_pdf


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
    assert failures[1] in ("render-timeout:0.001", "timeout:0.001")


def test_a_page_whose_rendering_kills_the_worker_is_left_out(tmp_path: Path, tesseract: str, monkeypatch):
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("patching the renderer reaches the worker only with the fork start method")
    path = _scan(tmp_path, ["Pasal 1", "Pasal 2"])
    real = compliance.pdf_reader.render_pgm

    crashed = tmp_path / "crashed"  # visible to the restarted worker, unlike a variable

    def crashes_on_first_page(page, dpi, *limit):
        if not crashed.exists():
            crashed.touch()
            os._exit(3)
        return real(page, dpi, *limit)

    stop_worker()
    monkeypatch.setattr(compliance.pdf_reader, "render_pgm", crashes_on_first_page)
    failures: dict[int, str] = {}
    try:
        assert ocr_pages(path, [1, 2], failures=failures) == {2: "Pasal 2"}
    finally:
        stop_worker()
    assert failures == {1: "render-failed:worker-stopped"}


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


def _count_tesseract_runs(monkeypatch) -> list[int]:
    """Record each page sent to tesseract (the real one still reads it)."""
    runs: list[int] = []
    real = compliance.ocr._tesseract

    def counted(*args):
        runs.append(1)
        return real(*args)

    monkeypatch.setattr(compliance.ocr, "_tesseract", counted)
    return runs


def test_a_page_read_before_comes_from_the_cache(tmp_path: Path, tesseract: str, monkeypatch):
    monkeypatch.delenv("COMPLIANCE_NO_CACHE")
    monkeypatch.setenv("COMPLIANCE_CACHE_DIR", str(tmp_path / "cache"))
    path = _scan(tmp_path, ["Pasal 1", "Pasal 2"])
    runs = _count_tesseract_runs(monkeypatch)
    assert ocr_pages(path, [1, 2]) == {1: "Pasal 1", 2: "Pasal 2"}
    assert len(runs) == 2 and len(list((tmp_path / "cache" / "ocr").glob("*.txt"))) == 2
    # read again, and under another name: no tesseract, and no page rendered either
    rendered = _count_rendered_pages(monkeypatch)
    copy = tmp_path / "salinan.pdf"
    copy.write_bytes(path.read_bytes())
    assert ocr_pages(path, [1, 2]) == {1: "Pasal 1", 2: "Pasal 2"}
    assert ocr_pages(copy, [2]) == {2: "Pasal 2"}
    assert len(runs) == 2 and rendered == []
    # another resolution is another image: read again
    assert ocr_pages(path, [1], dpi=150) == {1: "Pasal 1"}
    assert len(runs) == 3 and rendered == [1]
    # another file is read, even where a page of it shows the same words
    other = tmp_path / "lain.pdf"
    other.write_bytes(scanned_pdf(["Pasal 2"]))
    assert ocr_pages(other, [1]) == {1: "Pasal 2"}
    assert len(runs) == 4 and rendered == [1, 1]


def _count_rendered_pages(monkeypatch) -> list[int]:
    """Record each page number sent to the worker to be rendered."""
    rendered: list[int] = []
    real = compliance.ocr.run_pages

    def counted(job, data, numbers, *args):
        rendered.extend(numbers)
        return real(job, data, numbers, *args)

    monkeypatch.setattr(compliance.ocr, "run_pages", counted)
    return rendered


def test_a_blank_page_read_before_is_not_rendered_again(tmp_path: Path, tesseract: str, monkeypatch):
    monkeypatch.delenv("COMPLIANCE_NO_CACHE")
    monkeypatch.setenv("COMPLIANCE_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "blank.pdf"
    path.write_bytes(image_pdf([(b"\xff" * 40000, 200, 200)], media=(14400, 14400)))
    assert ocr_pages(path, [1]) == {1: ""}
    rendered = _count_rendered_pages(monkeypatch)
    reduced: dict[int, int] = {}
    assert ocr_pages(path, [1], reduced=reduced) == {1: ""}
    assert rendered == [] and reduced == {1: 30}  # the resolution it was read at is kept too


def test_no_cache_reads_every_time_and_keeps_nothing(tmp_path: Path, tesseract: str, monkeypatch):
    monkeypatch.setenv("COMPLIANCE_CACHE_DIR", str(tmp_path / "cache"))  # COMPLIANCE_NO_CACHE=1 from conftest
    path = _scan(tmp_path, ["Pasal 1"])
    runs = _count_tesseract_runs(monkeypatch)
    ocr_pages(path, [1])
    ocr_pages(path, [1])
    assert len(runs) == 2 and not (tmp_path / "cache").exists()


def test_cache_folder_follows_the_environment(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("COMPLIANCE_NO_CACHE")
    monkeypatch.delenv("COMPLIANCE_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert compliance.ocr.cache_folder() == tmp_path / "compliance" / "ocr"
    monkeypatch.setenv("COMPLIANCE_CACHE_DIR", str(tmp_path / "here"))
    assert compliance.ocr.cache_folder() == tmp_path / "here" / "ocr"
    monkeypatch.setenv("COMPLIANCE_NO_CACHE", "0")
    assert compliance.ocr.cache_folder() == tmp_path / "here" / "ocr"
    monkeypatch.setenv("COMPLIANCE_NO_CACHE", "1")
    assert compliance.ocr.cache_folder() is None


def test_a_blank_page_is_not_sent_to_tesseract(tmp_path: Path, tesseract: str, monkeypatch):
    path = tmp_path / "blank.pdf"
    path.write_bytes(image_pdf([(b"\xff" * 100 * 140, 100, 140)]))
    runs = _count_tesseract_runs(monkeypatch)
    assert ocr_pages(path, [1]) == {1: ""}
    assert runs == []


def test_a_scan_of_specks_reads_as_no_text(tmp_path: Path, tesseract: str, monkeypatch):
    path = tmp_path / "specks.pdf"
    path.write_bytes(image_pdf([(speckled(827, 1170, 2000), 827, 1170)]))
    runs = _count_tesseract_runs(monkeypatch)
    failures: dict[int, str] = {}
    assert ocr_pages(path, [1], failures=failures) == {1: ""}
    assert len(runs) == 1 and failures == {}


def test_a_huge_page_is_rendered_at_a_lower_resolution(tmp_path: Path):
    """A 200 x 200 inch media box would be 40000 x 40000 pixels at 200 dpi (1.6 GB)."""
    pdf = pdfium.PdfDocument(image_pdf([(speckled(200, 200, 50), 200, 200)], media=(14400, 14400)))
    image, dpi = render_pgm(pdf[0], 200)
    width, height = map(int, image.split(b"\n")[1].split())
    assert dpi == 30 and width == height == 6000 and width * height <= MAX_PIXELS
    small = pdfium.PdfDocument(image_pdf([(speckled(200, 200, 50), 200, 200)]))
    assert render_pgm(small[0], 200)[1] == 200  # an A4 page keeps its resolution
    pdf.close()
    small.close()


def test_a_huge_page_is_reported_with_the_resolution_it_was_read_at(tmp_path: Path, tesseract: str):
    path = tmp_path / "huge.pdf"
    path.write_bytes(image_pdf([(b"\xff" * 40000, 200, 200)], media=(14400, 14400)))
    reduced: dict[int, int] = {}
    assert ocr_pages(path, [1], reduced=reduced) == {1: ""}
    assert reduced == {1: 30}


@pytest.mark.parametrize("read, kept", [
    ("Pasal I h", "Pasal I"), ("$ Pasal 14", "Pasal 14"), (": BAB VII .", "BAB VII"), ("Pasal 5A ‘", "Pasal 5A"),
    ("Pasal 5 huruf a", "Pasal 5 huruf a"), ("(1) Pasal 5", "(1) Pasal 5"), ("Pasal 12 ayat", "Pasal 12 ayat")])
def test_specks_beside_a_heading_line_are_dropped(read, kept):
    from compliance.markers import markers

    assert markers().heading_speck.sub(r"\1", read) == kept


def test_pages_that_finish_together_are_each_reported(tmp_path: Path, monkeypatch):
    """On a busy machine several pages are read between two looks at the running ones: the
    progress still counts every page (1, 2, 3), never jumping from 0 to 3."""
    from concurrent.futures import ALL_COMPLETED, wait

    from compliance import progress

    monkeypatch.setattr(compliance.ocr, "require_tesseract", lambda name, lang="ind": "tesseract")
    monkeypatch.setattr(compliance.ocr, "_version", lambda executable: "tesseract 0")
    monkeypatch.setattr(compliance.ocr, "_tesseract", lambda executable, image, dpi, lang, timeout: f"{len(image)}")
    # every page done before the first look: the busy machine, made certain
    monkeypatch.setattr(compliance.ocr, "wait", lambda running, return_when: wait(running, return_when=ALL_COMPLETED))
    seen = []
    progress.attach(lambda step, done, total, subject: seen.append((done, total)))
    try:
        read = ocr_pages(_scan(tmp_path, ["Pasal 1", "Pasal 2", "Pasal 3"]), [1, 2, 3], jobs=4)
    finally:
        progress.attach(None)
    assert sorted(read) == [1, 2, 3]
    assert seen == [(1, 3), (2, 3), (3, 3)]
