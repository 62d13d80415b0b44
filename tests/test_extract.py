"""extract: files -> pages of text lines in reading order, and one-line errors for bad input."""

from __future__ import annotations

import collections
import concurrent.futures
import hashlib
import multiprocessing
import os
import re
import subprocess
import time
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

import compliance.ocr
import compliance.pdf_handover
import compliance.pdf_reader
from compliance.errors import ComplianceError
from compliance.extract import extract, pages_without_text
from compliance.pdf_lines import normalise
from compliance.pdf_reader import stop_worker
from conftest import corpus_pdf
from pdf_samples import image_pdf, scanned_pdf, speckled, tiny_pdf, watermarked_scan_pdf


def _need_tesseract() -> None:
    try:
        compliance.ocr.require_tesseract("-")
    except ComplianceError as exc:
        pytest.skip(f"OCR not available here: {exc}")


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _error(path: Path, **kwargs) -> ComplianceError:
    with pytest.raises(ComplianceError) as info:
        extract(path, **kwargs)
    assert "\n" not in str(info.value) and "\n" not in info.value.message("id")
    return info.value


# --- PDF reading order (real corpus) ---------------------------------------------


def test_scrambled_stream_order_is_read_top_to_bottom():
    """2007_026 page 1 is stored bottom-to-top; the title must come before Menimbang."""
    lines = extract(corpus_pdf("PERMENKOMINFO_2007_026.pdf")).pages[0].text.split("\n")
    index = {key: next(i for i, line in enumerate(lines) if line.startswith(key))
             for key in ("PERATURAN MENTERI", "TENTANG", "Menimbang", "Mengingat", "4. Peraturan Presiden")}
    assert index["PERATURAN MENTERI"] < index["TENTANG"] < index["Menimbang"] < index["Mengingat"]
    assert index["Mengingat"] < index["4. Peraturan Presiden"] == len(lines) - 4
    # label, number and the text fragments of one printed line come back as one line
    assert "Mengingat 1. Undang-undang Nomor 36 Tahun 1999 tentang" in lines
    assert "b. bahwa dalam prakteknya penyalahgunaan jannqan" in lines


def test_list_numbers_stay_on_their_lines():
    """UU 19/2016 page 3 emits "3. 4. 5." apart from the definitions they number."""
    lines = extract(corpus_pdf("UU_2016_019.pdf")).pages[2].text.split("\n")
    assert "3. Teknologi Informasi adalah suatu teknik untuk" in lines
    numbered = [line.split(" ")[0] for line in lines if re.match(r"\d+a?\. [A-Z]", line)]
    assert numbered == ["3.", "4.", "5.", "6.", "6a.", "7.", "8.", "9."]


def test_line_end_hyphen_marker_becomes_a_hyphen_at_the_end_of_its_line():
    """pdfium writes "Undang\\ufffeUndang" and glues the next printed line on; both are undone."""
    lines = extract(corpus_pdf("PERMENKOMINFO_2015_032.pdf")).pages[0].text.split("\n")
    at = lines.index("Menimbang : bahwa untuk melaksanakan ketentuan Pasal 23 Undang-")
    assert lines[at + 1] == "Undang Nomor 36 Tahun 1999 tentang Telekomunikasi,"


def test_vertical_label_in_a_diagram_stays_one_piece():
    """pdfium glues a rotated "RF Combiner" onto a horizontal run; it must not become one letter per line."""
    lines = extract(corpus_pdf("PERMENKOMINFO_2019_004.pdf")).pages[16].text.split("\n")
    assert "RF Combiner" in lines
    assert sum(len(line) == 1 for line in lines) == 0


@pytest.mark.parametrize("name, number", [("PP_2000_052.pdf", 2), ("UU_1999_040.pdf", 5), ("PERMENKOMINFO_2024_004.pdf", 19)])
def test_line_order_agrees_with_pdfplumber_on_ordinary_pages(name: str, number: int):
    """On pages stored in reading order, our lines are pdfplumber's (spacing aside)."""
    path = corpus_pdf(name)
    ours = extract(path).pages[number - 1].text.split("\n")
    with pdfplumber.open(path) as pdf:
        theirs = (pdf.pages[number - 1].extract_text() or "").split("\n")
    squeeze = lambda lines: [re.sub(r"\s+", "", line) for line in lines if line.strip()]  # noqa: E731
    assert squeeze(ours) == squeeze(theirs)


def test_pages_read_through_pdfium_calls_read_as_through_pypdfium2_pages():
    """The worker loads pages with pdfium's C calls (no helper objects); the text is what
    pypdfium2's page and text page objects give; a page pdfium cannot load is that page's error."""
    from compliance.pdf_lines import page_text
    from compliance.pdf_page import text_page

    pdf = pdfium.PdfDocument(corpus_pdf("UU_2016_019.pdf"))
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            expected = page_text(textpage)
            textpage.close()
            page.close()
            with text_page(pdf, index) as raw:
                assert page_text(raw) == expected, index
        with pytest.raises(pdfium.PdfiumError, match="Failed to load page"):
            with text_page(pdf, len(pdf)):
                pass
    finally:
        pdf.close()


@pytest.mark.parametrize("text", ["plain words", "two  spaces", "tab\tinside", "no\u00a0break", "\u2003em space", "é  accent"])
def test_a_line_of_one_run_reads_with_its_whitespace_collapsed(text: str):
    from compliance.pdf_lines import _lines

    assert _lines([(-700.0, 10.0, 10.0, 90.0, text)]) == [" ".join(text.split())]


def test_every_character_of_the_text_layer_survives():
    """Reordering must not drop or invent text: same characters as pdfium's stream text."""
    path = corpus_pdf("UU_2016_019.pdf")
    pages = extract(path).pages
    pdf = pdfium.PdfDocument(path)
    assert [p.number for p in pages] == list(range(1, len(pdf) + 1))
    for page in pages:
        stream = pdf[page.number - 1].get_textpage().get_text_range()
        expected = collections.Counter(normalise(stream).replace(" ", ""))
        assert collections.Counter(page.text.replace(" ", "").replace("\n", "")) == expected, page.number
        assert not set(page.text) & {"\ufffe", "\r", "\x0c", "\x02"}
        assert all(line == line.strip() and line for line in page.text.split("\n"))
    pdf.close()


def test_image_only_page_among_text_pages_is_flagged_without_ocr():
    extracted = extract(corpus_pdf("PERMENKOMINFO_2018_001.pdf"), ocr="never")
    assert extracted.pages[0].text == ""
    assert [(w.code, w.page) for w in extracted.warnings] == [("page-no-text", 1)]
    assert pages_without_text(extracted.pages) == [1]
    assert extracted.source.ocr_pages == []


def test_image_only_page_is_read_by_ocr_in_auto_mode():
    _need_tesseract()
    extracted = extract(corpus_pdf("PERMENKOMINFO_2018_001.pdf"))
    first, second = extracted.pages[:2]
    assert first.ocr and not second.ocr
    assert extracted.source.ocr_pages == [1]
    assert "NOMOR 1 TAHUN 2018" in first.text.split("\n")
    assert extracted.warnings == []


def test_without_tesseract_blank_pages_are_flagged_and_scans_refused(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(compliance.ocr.shutil, "which", lambda name: None)
    extracted = extract(corpus_pdf("PERMENKOMINFO_2018_001.pdf"))
    assert [(w.code, w.page) for w in extracted.warnings] == [("ocr-skipped", None), ("page-no-text", 1)]
    scan = _write(tmp_path, "scan.pdf", scanned_pdf(["Pasal 1"]))
    assert _error(scan).code == "ocr-unavailable"
    assert "tesseract-ocr-ind" in _error(scan, ocr="always").message("id")


def test_source_identifies_the_bytes():
    path = corpus_pdf("PP_2000_052.pdf")
    source = extract(path).source
    assert source.file == "PP_2000_052.pdf"
    assert source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert source.pages == len(pdfium.PdfDocument(path))


def test_work_while_the_worker_reads_is_done_once_while_it_reads(tmp_path, monkeypatch):
    """``read_pages`` calls ``while_reading`` (extract: the file's hash) once the worker has
    opened the PDF, while it reads the pages (here page 1 waits for the call: were it made
    after the pages came, page 1 would run out of time), and only once when a fresh worker
    takes over after a page ran out of time (page 2 hangs)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("patching the page reader reaches the worker only with the fork start method")
    from compliance.limits import Limits
    from compliance.pdf_reader import read_pages

    real, called = compliance.pdf_reader.page_text, tmp_path / "called"

    def waits_on_page_one_hangs_on_page_two(textpage):
        text = real(textpage)
        for _ in range(600 if "Satu" in text else 0):
            if called.exists():
                break
            time.sleep(0.01)
        time.sleep(60 if "Dua" in text else 0)
        return text

    data = tiny_pdf([[(72, 700, "Halaman Satu")], [(72, 700, "Halaman Dua")], [(72, 700, "Halaman Tiga")]])
    calls = []

    def work() -> None:
        calls.append(1)
        called.touch()

    stop_worker()
    monkeypatch.setattr(compliance.pdf_reader, "page_text", waits_on_page_one_hangs_on_page_two)
    try:
        pages, warnings, _ = read_pages(data, "x.pdf", Limits(page_timeout=3), while_reading=work)
    finally:
        stop_worker()
    assert [p.text for p in pages] == ["Halaman Satu", "", "Halaman Tiga"]
    assert [(w.code, w.page) for w in warnings] == [("page-timeout", 2)]
    assert calls == [1]


# --- PDF layout rules on a PDF built here ------------------------------------------


def test_runs_are_grouped_by_baseline_and_ordered_left_to_right(tmp_path: Path):
    page = [(160, 600, "a. bahwa isi"), (72, 700, "PERATURAN BUPATI"), (72, 600.8, "Menimbang"),
            (300, 400, "Undang-"), (72, 386, "Undang Nomor 1"), (72, 200, "akhir")]
    text = extract(_write(tmp_path, "p.pdf", tiny_pdf([page]))).pages[0].text
    assert text.split("\n") == ["PERATURAN BUPATI", "Menimbang a. bahwa isi", "Undang-", "Undang Nomor 1", "akhir"]


def test_pdf_is_recognised_by_content_not_name(tmp_path: Path):
    path = _write(tmp_path, "peraturan.txt", tiny_pdf([[(72, 700, "Pasal 1")]]))
    assert extract(path).pages[0].text == "Pasal 1"


def test_pdf_without_any_text_is_a_scan_error_without_ocr(tmp_path: Path):
    assert _error(_write(tmp_path, "scan.pdf", scanned_pdf(["Pasal 1"])), ocr="never").code == "pdf-no-text"


def test_scanned_pdf_is_read_by_ocr(tmp_path: Path):
    _need_tesseract()
    extracted = extract(_write(tmp_path, "scan.pdf", scanned_pdf(["Pasal 1", "Pasal 2"])))
    assert [(p.number, p.text, p.ocr) for p in extracted.pages] == [(1, "Pasal 1", True), (2, "Pasal 2", True)]
    assert extracted.source.ocr_pages == [1, 2]


def test_scan_with_no_readable_text_is_refused_after_ocr(tmp_path: Path):
    _need_tesseract()
    path = _write(tmp_path, "specks.pdf", image_pdf([(speckled(827, 1170, 2000), 827, 1170)] * 2))
    error = _error(path)
    assert error.code == "ocr-no-text" and "OCR" in error.message("id") and "readable" in error.message("en")


def test_scan_whose_ocr_fails_on_every_page_names_a_reason(tmp_path: Path, monkeypatch):
    _need_tesseract()

    def times_out(executable, image, dpi, lang, timeout):
        raise subprocess.TimeoutExpired("tesseract", timeout)

    monkeypatch.setattr(compliance.ocr, "_tesseract", times_out)
    error = _error(_write(tmp_path, "scan.pdf", scanned_pdf(["Pasal 1", "Pasal 2"])))
    assert error.code == "ocr-all-failed" and "(page 1: over the time limit of 60 s)" in error.message("en")
    assert "(halaman 1: melebihi batas waktu 60 detik)" in error.message()


def test_500_page_scan_of_blank_pages_ends_with_a_message(tmp_path: Path):
    """Every page is rendered and judged within its bound; blank ones never reach tesseract."""
    _need_tesseract()
    blank = (b"\xff" * 60 * 80, 60, 80)
    error = _error(_write(tmp_path, "long.pdf", image_pdf([blank] * 500, media=(144, 192))))
    assert error.code == "ocr-no-text"


def test_huge_page_among_text_pages_is_read_smaller_with_a_warning(tmp_path: Path):
    _need_tesseract()
    text = _write(tmp_path, "text.pdf", tiny_pdf([[(72, 760, "Pasal 1")]]))
    huge = pdfium.PdfDocument(image_pdf([(b"\xff" * 40000, 200, 200)], media=(14400, 14400)))
    document = pdfium.PdfDocument(text)
    document.import_pages(huge)
    document.save(tmp_path / "mixed.pdf")
    extracted = extract(tmp_path / "mixed.pdf")
    assert [(w.code, w.detail, w.page) for w in extracted.warnings] == [
        ("ocr-page-reduced", "30", 2), ("page-no-text", "", 2)]
    assert extracted.pages[0].text == "Pasal 1"


def test_scan_under_a_watermark_text_layer_is_read_by_ocr(tmp_path: Path):
    """A JDIH watermark gives a scan a text layer of one line; its words are still in the picture."""
    _need_tesseract()
    path = _write(tmp_path, "scan.pdf", watermarked_scan_pdf(["Pasal 1"], "www.jdih.contoh.go.id"))
    extracted = extract(path)
    assert extracted.pages[0].ocr and extracted.pages[0].text.startswith("Pasal 1")
    assert extracted.source.ocr_pages == [1] and extracted.warnings == []


def test_scan_under_a_watermark_is_no_text_without_ocr(tmp_path: Path):
    path = _write(tmp_path, "scan.pdf", watermarked_scan_pdf(["Pasal 1"], "www.jdih.contoh.go.id"))
    assert _error(path, ocr="never").code == "pdf-no-text"


def test_pdf_of_blank_pages_is_refused_after_ocr_found_nothing(tmp_path: Path):
    _need_tesseract()
    assert _error(_write(tmp_path, "kosong.pdf", tiny_pdf([[], []]))).code == "ocr-no-text"


@pytest.fixture()
def patch_page_reader(monkeypatch):
    """Replace the worker's page reader; the worker is restarted so that it forks with the patch."""
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("patching the page reader reaches the worker only with the fork start method")
    real = compliance.pdf_reader.page_text

    def patch(misbehave_on: str, action) -> None:
        def reader(textpage):
            text = real(textpage)
            if text == misbehave_on:
                action()
            return text

        stop_worker()
        monkeypatch.setattr(compliance.pdf_reader, "page_text", reader)

    yield patch
    stop_worker()


def test_a_hung_page_is_abandoned_and_reading_resumes(tmp_path: Path, patch_page_reader):
    patch_page_reader("dua", lambda: time.sleep(60))
    pdf = tiny_pdf([[(72, 700, "satu")], [(72, 700, "dua")], [(72, 700, "tiga")]])
    extracted = extract(_write(tmp_path, "p.pdf", pdf), page_timeout=0.5)
    assert [p.text for p in extracted.pages] == ["satu", "", "tiga"]
    assert [(w.code, w.page) for w in extracted.warnings] == [("page-timeout", 2)]
    # the next document is served by a fresh worker, with nothing left over from this one
    again = extract(_write(tmp_path, "q.pdf", tiny_pdf([[(72, 700, "empat")]])))
    assert [p.text for p in again.pages] == ["empat"] and again.warnings == []


def test_a_page_that_kills_the_worker_is_skipped(tmp_path: Path, patch_page_reader):
    patch_page_reader("satu", lambda: os._exit(3))
    pdf = tiny_pdf([[(72, 700, "satu")], [(72, 700, "dua")]])
    extracted = extract(_write(tmp_path, "p.pdf", pdf))
    assert [p.text for p in extracted.pages] == ["", "dua"]
    assert [(w.code, w.page) for w in extracted.warnings] == [("page-unreadable", 1)]


def patch_opening(monkeypatch, action) -> None:
    """Make opening a PDF misbehave in the worker (restarted so that it forks with the patch)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("patching the opening reaches the worker only with the fork start method")
    real = compliance.pdf_reader.open_pdf

    def opening(data, name):
        action()
        return real(data, name)

    stop_worker()
    monkeypatch.setattr(compliance.pdf_reader, "open_pdf", opening)


@pytest.mark.parametrize("action, reason", [(lambda: os._exit(3), "worker-stopped"),
                                            (lambda: time.sleep(60), "timeout:0.5")])
def test_a_pdf_that_stops_or_hangs_the_reader_as_it_opens_is_one_error(tmp_path: Path, monkeypatch, action, reason):
    """The worker opens the PDF, so a file that crashes or hangs pdfium there stops the worker,
    not this process: one line, and the next document is read by a fresh worker."""
    path = _write(tmp_path, "p.pdf", tiny_pdf([[(72, 700, "satu")]]))
    patch_opening(monkeypatch, action)
    error = _error(path, page_timeout=0.5)
    assert (error.code, error.params["reason"]) == ("pdf-corrupt", reason)
    monkeypatch.undo()
    stop_worker()
    assert [p.text for p in extract(path).pages] == ["satu"]


def test_this_process_opens_no_pdf_to_read_its_text(tmp_path: Path, monkeypatch):
    """Only the worker loads the PDF (the page count comes from it), so pdfium never parses
    a hostile file inside the caller."""
    path = _write(tmp_path, "p.pdf", tiny_pdf([[(72, 700, "satu")], [(72, 700, "dua")]]))
    extract(path)  # the worker is running (forked before the patch below)

    def refuse(*args, **kwargs):
        raise AssertionError("pdfium opened a document in the calling process")

    monkeypatch.setattr(compliance.pdf_reader.pdfium, "PdfDocument", refuse)
    assert [p.text for p in extract(path).pages] == ["satu", "dua"]


def test_one_worker_serves_many_documents_and_a_forked_child_gets_its_own(tmp_path: Path):
    path = _write(tmp_path, "p.pdf", tiny_pdf([[(72, 700, "satu")]]))
    extract(path)
    first = compliance.pdf_reader._WORKER
    extract(path)
    assert compliance.pdf_reader._WORKER is first and first[1].is_alive()
    if "fork" in multiprocessing.get_all_start_methods():
        with concurrent.futures.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
            texts, owner, child = pool.submit(_texts_and_worker_owner, path).result()
        assert texts == ["satu"] and owner == child != first[0]


def _texts_and_worker_owner(path: Path) -> tuple[list[str], int, int]:
    texts = [p.text for p in extract(path).pages]
    return texts, compliance.pdf_reader._WORKER[0], os.getpid()


def test_the_pdf_reaches_the_worker_as_an_in_memory_file_or_through_the_pipe(tmp_path: Path, monkeypatch):
    """Both ways give the same pages, and the parent keeps no descriptor of a handed-over file."""
    path = _write(tmp_path, "p.pdf", tiny_pdf([[(72, 700, "satu")], [(72, 700, "dua")]]))
    extract(path)  # the worker is running
    handed = []
    real = compliance.pdf_handover.memory_file
    monkeypatch.setattr(compliance.pdf_handover, "memory_file", lambda data: handed.append(real(data)) or handed[-1])
    descriptors = len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None
    shared = [p.text for p in extract(path).pages]
    if descriptors is not None:
        assert len(os.listdir("/proc/self/fd")) == descriptors
    assert handed and (handed[0] is not None) == hasattr(os, "memfd_create")
    monkeypatch.setattr(compliance.pdf_handover, "memory_file", lambda data: None)
    assert shared == [p.text for p in extract(path).pages] == ["satu", "dua"]


def test_threads_may_extract_at_once(tmp_path: Path):
    """pdfium is not thread-safe: concurrent calls are serialised and each gets its own pages."""
    paths = [_write(tmp_path, f"{i}.pdf", tiny_pdf([[(72, 700, f"Pasal {i}")], [(72, 700, f"Ayat {i}")]]))
             for i in range(8)]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda path: [p.text for p in extract(path).pages], paths))
    assert results == [[f"Pasal {i}", f"Ayat {i}"] for i in range(8)]


def test_reads_inside_a_daemonic_pool_worker(tmp_path: Path):
    """multiprocessing.Pool workers may not start children: pages are read in-process there."""
    path = _write(tmp_path, "p.pdf", tiny_pdf([[(72, 700, "satu")], [(72, 700, "dua")]]))
    with multiprocessing.get_context().Pool(1) as pool:
        extracted = pool.apply(extract, (path,))
    assert [p.text for p in extracted.pages] == ["satu", "dua"]


# --- bad input ---------------------------------------------------------------------


def test_missing_file(tmp_path: Path):
    assert _error(tmp_path / "tidak-ada.pdf").code == "file-not-found"


def test_directory_is_not_a_file(tmp_path: Path):
    assert _error(tmp_path).code == "file-is-directory"


def test_permission_denied_is_unreadable(tmp_path: Path):
    if os.geteuid() == 0:
        pytest.skip("running as root: file permissions do not stop reads")
    path = _write(tmp_path, "rahasia.txt", b"Pasal 1")
    path.chmod(0)
    assert _error(path).code == "file-unreadable"


def test_empty_file(tmp_path: Path):
    assert _error(_write(tmp_path, "kosong.pdf", b"")).code == "file-empty"


def test_truncated_real_pdf_is_refused(tmp_path: Path):
    """pdfium would silently open the first pages of a cut file: refuse it instead."""
    data = corpus_pdf("UU_2016_019.pdf").read_bytes()
    assert _error(_write(tmp_path, "potong.pdf", data[: len(data) // 2])).code == "pdf-truncated"


def test_truncated_small_pdf_is_refused(tmp_path: Path):
    data = tiny_pdf([[(72, 700, "Pasal 1")]])
    assert _error(_write(tmp_path, "potong.pdf", data[:200])).code == "pdf-truncated"


def test_corrupt_pdf_body(tmp_path: Path):
    data = b"%PDF-1.4\n" + b"\x00garbage" * 50 + b"\n%%EOF\n"
    assert _error(_write(tmp_path, "rusak.pdf", data)).code == "pdf-corrupt"


def test_encrypted_pdf(tmp_path: Path):
    """Standard security handler whose /U does not accept the empty password: a locked PDF."""
    encrypt = (b"/Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /O <" + b"ab" * 32 + b"> /U <"
               + b"cd" * 32 + b"> /P -4 >> /ID [<" + b"01" * 16 + b"><" + b"01" * 16 + b">] ")
    data = tiny_pdf([[(72, 700, "Pasal 1")]], trailer_extra=encrypt)
    assert _error(_write(tmp_path, "kunci.pdf", data)).code == "pdf-encrypted"


def test_pdf_name_with_other_content(tmp_path: Path):
    error = _error(_write(tmp_path, "halaman.pdf", b"<html><body>404</body></html>"))
    assert error.code == "format-mismatch" and ".pdf" in error.message("id")


def test_binary_file_is_unknown_format(tmp_path: Path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)
    assert _error(_write(tmp_path, "gambar.png", png)).code == "format-unknown"


def test_legacy_word_document(tmp_path: Path):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    assert _error(_write(tmp_path, "perda.doc", ole)).code == "doc-legacy"


def test_corrupt_docx(tmp_path: Path):
    docx = _docx_bytes(tmp_path, lambda d: d.add_paragraph("Pasal 1"))
    assert _error(_write(tmp_path, "rusak.docx", docx[: len(docx) // 2])).code == "docx-corrupt"
    assert _error(_write(tmp_path, "bukan.docx", b"PK\x03\x04" + bytes(40))).code == "docx-corrupt"


# --- DOCX --------------------------------------------------------------------------


def _docx_bytes(tmp_path: Path, build) -> bytes:
    document = Document()
    build(document)
    path = tmp_path / "built.docx"
    document.save(path)
    return path.read_bytes()


def _draft(document) -> None:
    document.add_paragraph("PERATURAN BUPATI CONTOH")
    document.add_paragraph("NOMOR 5 TAHUN 2024")
    two = document.add_table(rows=1, cols=2)
    two.cell(0, 0).text = "Menimbang"
    two.cell(0, 1).text = "a. bahwa penyelenggaraan SPBE perlu diatur;"
    two.cell(0, 1).add_paragraph("b. bahwa berdasarkan pertimbangan huruf a;")
    three = document.add_table(rows=1, cols=3)
    three.cell(0, 0).text = "Mengingat"
    three.cell(0, 1).text = ":"
    three.cell(0, 2).text = "1. Undang-Undang Nomor 23 Tahun 2014;"
    document.add_paragraph("Pasal 1")
    document.add_paragraph("Dalam Peraturan Bupati ini yang dimaksud dengan:", style="List Number")


def test_docx_reads_paragraphs_and_tables_in_body_order(tmp_path: Path):
    path = _write(tmp_path, "draf.docx", _docx_bytes(tmp_path, _draft))
    extracted = extract(path)
    assert [p.number for p in extracted.pages] == [1]
    assert extracted.pages[0].text.split("\n") == [
        "PERATURAN BUPATI CONTOH",
        "NOMOR 5 TAHUN 2024",
        "Menimbang a. bahwa penyelenggaraan SPBE perlu diatur;",
        "b. bahwa berdasarkan pertimbangan huruf a;",
        "Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014;",
        "Pasal 1",
        "1. Dalam Peraturan Bupati ini yang dimaksud dengan:",  # numbered by its style, List Number
    ]
    assert extracted.warnings == []
    assert extracted.source.pages == 1 and extracted.source.file == "draf.docx"


def _numbered(document, num_id: str, level: int, text: str, container=None):
    """A paragraph in Word list ``num_id`` at ``level`` (the label lives in numbering.xml only)."""
    paragraph = (container or document).add_paragraph(text)
    numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = level
    numpr.get_or_add_numId().val = int(num_id)
    return paragraph


def _legal_lists(document) -> None:
    """Lists as regional drafts define them: huruf "a." over angka "1)", and "BAB I" headings."""
    levels = ('<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1."/></w:lvl>'
              '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2)"/></w:lvl>')
    bab = '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="BAB %1"/></w:lvl>'
    numbering = document.part.numbering_part.element
    for xml in (f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{levels}</w:abstractNum>',
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91">{bab}</w:abstractNum>',
                f'<w:num {nsdecls("w")} w:numId="70"><w:abstractNumId w:val="90"/></w:num>',
                f'<w:num {nsdecls("w")} w:numId="71"><w:abstractNumId w:val="90"/><w:lvlOverride w:ilvl="0">'
                '<w:startOverride w:val="1"/></w:lvlOverride></w:num>',
                f'<w:num {nsdecls("w")} w:numId="72"><w:abstractNumId w:val="91"/></w:num>'):
        element = parse_xml(xml)
        if element.tag.endswith("abstractNum"):
            numbering.insert(0, element)
        else:
            numbering.append(element)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Menimbang"
    items = table.cell(0, 1)
    items.paragraphs[0].text = "bahwa SPBE perlu diatur;"
    numpr = items.paragraphs[0]._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val, numpr.get_or_add_numId().val = 0, 70
    _numbered(document, "70", 0, "bahwa perlu menetapkan Peraturan Bupati;", container=items)
    _numbered(document, "72", 0, "KETENTUAN UMUM")
    document.add_paragraph("Pasal 1")
    _numbered(document, "71", 0, "SPBE meliputi:")
    _numbered(document, "71", 1, "tata kelola;")
    _numbered(document, "71", 1, "manajemen;")
    _numbered(document, "71", 0, "Pemerintah Daerah.")
    _numbered(document, "72", 0, "KETENTUAN PENUTUP")


def test_docx_automatic_numbering_is_rendered_as_word_shows_it(tmp_path: Path):
    path = _write(tmp_path, "draf.docx", _docx_bytes(tmp_path, _legal_lists))
    assert extract(path).pages[0].text.split("\n") == [
        "Menimbang a. bahwa SPBE perlu diatur;",
        "b. bahwa perlu menetapkan Peraturan Bupati;",
        "BAB I KETENTUAN UMUM",
        "Pasal 1",
        "a. SPBE meliputi:",  # list 71 restarts the letters list 70 used
        "1) tata kelola;",
        "2) manajemen;",
        "b. Pemerintah Daerah.",
        "BAB II KETENTUAN PENUTUP",
    ]


def test_docx_is_recognised_by_content_not_name(tmp_path: Path):
    path = _write(tmp_path, "unduhan.bin", _docx_bytes(tmp_path, lambda d: d.add_paragraph("Pasal 1")))
    assert extract(path).pages[0].text == "Pasal 1"


# --- TXT ---------------------------------------------------------------------------


@pytest.mark.parametrize("data", [
    "Pasal 1\r\nKeputusan “Bupati”\r\n\r\nPasal 2".encode("utf-8"),
    "Pasal 1\nKeputusan “Bupati”\n\nPasal 2\n".encode("utf-8-sig"),
    "Pasal 1\rKeputusan “Bupati”\r\rPasal 2".encode("utf-16"),
])
def test_text_in_utf8_and_utf16_keeps_lines(tmp_path: Path, data: bytes):
    extracted = extract(_write(tmp_path, "perwal.txt", data))
    assert extracted.pages[0].text == "Pasal 1\nKeputusan “Bupati”\n\nPasal 2"
    assert extracted.warnings == []
    assert extracted.source.sha256 == hashlib.sha256(data).hexdigest()


def test_legacy_text_is_read_as_cp1252_with_a_warning(tmp_path: Path):
    extracted = extract(_write(tmp_path, "lama.txt", "Pasal 1\nKeputusan “Bupati” – é".encode("cp1252")))
    assert extracted.pages[0].text == "Pasal 1\nKeputusan “Bupati” – é"
    assert [(w.code, w.detail) for w in extracted.warnings] == [("text-encoding-guessed", "cp1252")]


def test_damaged_utf8_is_refused_not_guessed(tmp_path: Path):
    data = "Pasal 1 – Ketentuan Umum".encode("utf-8") + b" \xff"
    assert _error(_write(tmp_path, "rusak.txt", data)).code == "text-encoding"


def test_txt_form_feeds_are_page_breaks(tmp_path):
    from compliance.extract import extract

    path = tmp_path / "perbup.txt"
    path.write_text("BUPATI CONTOH\nPasal 1\nIsi satu.\n\f- 2 -\nPasal 2\nIsi dua.\n", encoding="utf-8")
    result = extract(path)
    assert [p.number for p in result.pages] == [1, 2]
    assert result.source.pages == 2
    assert result.pages[1].text.startswith("- 2 -")
    source_lines = [line for line in path.read_text(encoding="utf-8").replace("\f", "\n").splitlines() if line]
    assert [line for p in result.pages for line in p.text.splitlines()] == source_lines
