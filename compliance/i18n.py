"""User-facing messages in Indonesian (default) and English.

Library code raises ``ComplianceError(code, **params)``; the CLI and the
reports turn codes into sentences here, so the reader's language is chosen
in one place.
"""

from __future__ import annotations

DEFAULT_LANG = "id"
LANGS = ("id", "en")

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "file-not-found": "{file}: berkas tidak ditemukan",
        "file-unreadable": "{file}: berkas tidak dapat dibaca ({reason})",
        "file-empty": "{file}: berkas kosong",
        "format-unknown": "{file}: format tidak dikenali (gunakan PDF, DOCX, atau TXT)",
        "pdf-corrupt": "{file}: PDF rusak atau terpotong ({reason})",
        "pdf-encrypted": "{file}: PDF terenkripsi/berkata sandi; buka kuncinya terlebih dahulu",
        "pdf-no-text": "{file}: PDF tidak memiliki lapisan teks (hasil pindaian); diperlukan OCR",
        "docx-corrupt": "{file}: DOCX rusak atau bukan dokumen Word ({reason})",
        "text-encoding": "{file}: teks bukan UTF-8 yang sah",
        "not-a-regulation": "{file}: tidak tampak sebagai peraturan (tidak ditemukan Pasal)",
        "output-is-input": "{file}: berkas keluaran sama dengan berkas masukan; tidak ditimpa",
        "output-dir-missing": "{file}: folder tujuan tidak ada",
        "output-unwritable": "{file}: tidak dapat menulis keluaran ({reason})",
        "internal-error": "{file}: galat internal ({reason}); jalankan dengan --debug untuk rinciannya",
    },
    "en": {
        "file-not-found": "{file}: file not found",
        "file-unreadable": "{file}: cannot read the file ({reason})",
        "file-empty": "{file}: the file is empty",
        "format-unknown": "{file}: unknown format (use PDF, DOCX or TXT)",
        "pdf-corrupt": "{file}: the PDF is damaged or truncated ({reason})",
        "pdf-encrypted": "{file}: the PDF is encrypted/password-protected; unlock it first",
        "pdf-no-text": "{file}: the PDF has no text layer (a scan); OCR is needed",
        "docx-corrupt": "{file}: the DOCX is damaged or not a Word document ({reason})",
        "text-encoding": "{file}: the text is not valid UTF-8",
        "not-a-regulation": "{file}: does not look like a regulation (no Pasal found)",
        "output-is-input": "{file}: the output file is the input file; not overwritten",
        "output-dir-missing": "{file}: the target folder does not exist",
        "output-unwritable": "{file}: cannot write the output ({reason})",
        "internal-error": "{file}: internal error ({reason}); run with --debug for details",
    },
}


def message(code: str, lang: str = DEFAULT_LANG, **params: object) -> str:
    """Render message ``code`` in ``lang``; unknown codes fall back to the code itself."""
    table = MESSAGES.get(lang, MESSAGES[DEFAULT_LANG])
    template = table.get(code) or MESSAGES[DEFAULT_LANG].get(code) or code
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template
