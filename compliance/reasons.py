"""Why a page or a file could not be read, in the reader's language.

The reader, the OCR and the DOCX reader record a reason as a language-neutral token
(``render-timeout:60``, ``tesseract-exit:1:<stderr>``), so a warning's ``detail`` or an
error's ``reason`` stays data (the JSON is the same in both languages) and the sentence
is made here when a message is shown. A token is ``name`` or ``name:arg[:arg]``; an
argument may itself be a token (``render-failed:worker-stopped``). Text that is not a
token (a label, a library's own words) is shown as it is.
"""

from __future__ import annotations

REASONS: dict[str, dict[str, str]] = {
    "id": {
        "timeout": "melebihi batas waktu {0} detik",
        "render-timeout": "pembuatan gambar halaman melebihi batas waktu {0} detik",
        "render-failed": "gambar halaman tidak dapat dibuat: {0}",
        "worker-stopped": "proses pembaca berhenti",
        "memory-limit": "batas memori pembaca tercapai",
        "page-too-large": "halaman terlalu besar untuk digambar",
        "page-error": "galat pustaka PDF: {0}",
        "pdf-format": "struktur PDF tidak sah",
        "pdf-error": "galat pustaka PDF: {0}",
        "no-pages": "tidak ada halaman",
        "tesseract-exit": "tesseract berhenti dengan kode {0}: {1}",
        "tesseract-missing": "program tesseract tidak ditemukan",
        "tesseract-language": "data bahasa '{0}' untuk tesseract belum terpasang",
        "system-error": "galat sistem: {0}",
        "not-zip": "bukan arsip ZIP",
        "zip-damaged": "arsip ZIP rusak: {0}",
        "docx-part-missing": "bagian dokumen tidak ada: {0}",
        "xml-invalid": "XML tidak sah: {0}",
    },
    "en": {
        "timeout": "over the time limit of {0} s",
        "render-timeout": "rendering the page passed the time limit of {0} s",
        "render-failed": "the page could not be rendered: {0}",
        "worker-stopped": "the reader process stopped",
        "memory-limit": "the reader's memory limit was reached",
        "page-too-large": "the page is too large to render",
        "page-error": "PDF library error: {0}",
        "pdf-format": "the PDF's structure is invalid",
        "pdf-error": "PDF library error: {0}",
        "no-pages": "no pages",
        "tesseract-exit": "tesseract exit {0}: {1}",
        "tesseract-missing": "tesseract not found",
        "tesseract-language": "tesseract language '{0}' not installed",
        "system-error": "system error: {0}",
        "not-zip": "not a ZIP archive",
        "zip-damaged": "damaged ZIP archive: {0}",
        "docx-part-missing": "a part of the document is missing: {0}",
        "xml-invalid": "invalid XML: {0}",
    },
}


def reason_text(value: str, lang: str) -> str:
    """The sentence for a reason token in ``lang``; anything else unchanged."""
    name, _, rest = value.partition(":")
    table = REASONS.get(lang) or REASONS["id"]
    template = table.get(name)
    if template is None:
        return value
    places = template.count("{")
    args = rest.split(":", places - 1) if places else []
    if len(args) < places:
        args += [""] * (places - len(args))
    text = template.format(*(reason_text(arg, lang) for arg in args))
    return text[:-2] if text.endswith(": ") else text  # an empty last argument (no stderr)
