"""Reasons a page or file could not be read are tokens in the data and sentences in the
reader's language: no English reason inside an Indonesian line (issue 12's leftover)."""

from __future__ import annotations

import io
import subprocess
import zipfile

import pytest

from compliance.errors import ComplianceError
from compliance.extract import extract
from compliance.i18n import message
from compliance.ocr import _reason
from compliance.reasons import REASONS, reason_text
from conftest import EXAMPLES


def test_every_reason_has_both_languages():
    assert set(REASONS["id"]) == set(REASONS["en"])
    for name in REASONS["id"]:
        assert REASONS["id"][name].count("{") == REASONS["en"][name].count("{"), name


@pytest.mark.parametrize("token, indonesian, english", [
    ("timeout:60", "melebihi batas waktu 60 detik", "over the time limit of 60 s"),
    ("render-failed:worker-stopped", "gambar halaman tidak dapat dibuat: proses pembaca berhenti",
     "the page could not be rendered: the reader process stopped"),
    ("tesseract-exit:1:Error during processing.", "tesseract berhenti dengan kode 1: Error during processing.",
     "tesseract exit 1: Error during processing."),
    ("tesseract-exit:1", "tesseract berhenti dengan kode 1", "tesseract exit 1"),
    ("tesseract-language:ind", "data bahasa 'ind' untuk tesseract belum terpasang",
     "tesseract language 'ind' not installed"),
])
def test_a_token_becomes_a_sentence_in_each_language(token, indonesian, english):
    assert reason_text(token, "id") == indonesian
    assert reason_text(token, "en") == english


def test_text_that_is_not_a_token_is_shown_as_it_is():
    for detail in ("Pasal 12: Pasal 25 ayat (3)", "60s", "cp1252", "", "KESATU: x"):
        assert reason_text(detail, "id") == detail


def test_a_warning_s_detail_and_an_error_s_reason_are_translated_in_the_message():
    assert message("ocr-failed", "id", page=3, detail="render-timeout:60") == \
        "OCR halaman 3 gagal (pembuatan gambar halaman melebihi batas waktu 60 detik)"
    error = ComplianceError("ocr-unavailable", file="scan.pdf", reason="tesseract-missing")
    assert error.message("id").startswith("scan.pdf: OCR tidak tersedia (program tesseract tidak ditemukan)")
    assert error.params["reason"] == "tesseract-missing"  # the data stays the token


def test_tesseract_failures_are_tokens():
    assert _reason(subprocess.TimeoutExpired("tesseract", 60)) == "timeout:60"
    failed = subprocess.CalledProcessError(1, "tesseract", stderr=b"Tesseract Open Source OCR\nError during processing.\n")
    assert _reason(failed) == "tesseract-exit:1:Error during processing."


def _error(path) -> ComplianceError:
    with pytest.raises(ComplianceError) as caught:
        extract(path)
    return caught.value


def test_damaged_files_say_why_in_indonesian(tmp_path):
    not_zip = tmp_path / "bukan.docx"
    not_zip.write_bytes(b"PK\x03\x04" + bytes(40))
    assert _error(not_zip).message() == f"{not_zip}: DOCX rusak atau bukan dokumen Word (bukan arsip ZIP)"
    source = zipfile.ZipFile(io.BytesIO((EXAMPLES / "perwal-banyuasri-2022-spbe.docx").read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            if entry.filename != "word/document.xml":
                target.writestr(entry, source.read(entry))
    no_body = tmp_path / "tanpa-isi.docx"
    no_body.write_bytes(out.getvalue())
    assert _error(no_body).message().endswith("(bagian dokumen tidak ada: word/document.xml)")
    junk = tmp_path / "rusak.pdf"
    junk.write_bytes(b"%PDF-1.4\ngarbage\n%%EOF\n")
    error = _error(junk)
    assert error.message() == f"{junk}: PDF rusak atau terpotong (struktur PDF tidak sah)"
    assert error.message("en") == f"{junk}: the PDF is damaged or truncated (the PDF's structure is invalid)"
