"""Progress reporting: the library reports OCR pages, a terminal sink draws one labelled line,
nothing is drawn in another process or when nobody listens."""

from __future__ import annotations

import io
import os

from compliance import progress
from compliance.i18n import message


def test_terminal_line_draws_a_labelled_counter_and_ends_the_line():
    stream = io.StringIO()
    progress.attach(progress.terminal_line(stream, {"ocr": message("progress-ocr", "id")}))
    try:
        for done in (1, 2, 3):
            progress.report("ocr", done, 3, "perwal.pdf")
    finally:
        progress.attach(None)
    assert stream.getvalue() == ("\rOCR perwal.pdf: halaman 1/3\rOCR perwal.pdf: halaman 2/3"
                                 "\rOCR perwal.pdf: halaman 3/3\n")
    progress.report("ocr", 1, 3, "x.pdf")  # nobody listens: nothing happens


def test_only_the_attaching_process_draws(monkeypatch):
    seen = []
    progress.attach(lambda *args: seen.append(args))
    try:
        monkeypatch.setattr(os, "getpid", lambda: -1)  # as a forked batch worker sees it
        progress.report("ocr", 1, 2, "a.pdf")
    finally:
        monkeypatch.undo()
        progress.attach(None)
    assert seen == []


def test_ocr_reports_every_page_of_a_scan(tmp_path):
    import shutil

    import pytest

    if not shutil.which("tesseract"):
        pytest.skip("tesseract not installed")
    from compliance.ocr import ocr_pages
    from pdf_samples import scanned_pdf

    path = tmp_path / "pindaian.pdf"
    path.write_bytes(scanned_pdf(["Pasal 1 Ketentuan umum", "Pasal 2 Ketentuan penutup"]))
    seen = []
    progress.attach(lambda step, done, total, subject: seen.append((step, done, total, subject)))
    try:
        ocr_pages(path, [1, 2])
    finally:
        progress.attach(None)
    assert [s[1] for s in seen] == [1, 2] and {s[2] for s in seen} == {2} and seen[0][3] == path.name


def test_a_hostile_file_name_is_drawn_on_one_safe_line():
    stream = io.StringIO()
    progress.terminal_line(stream, {"ocr": "OCR {subject}: {done}/{total}"})("ocr", 1, 2, "a\n\x1b]0;x\x07.pdf")
    assert stream.getvalue() == "\rOCR a\\u000a\\u001b]0;x\\u0007.pdf: 1/2"
