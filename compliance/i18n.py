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
        "folder-empty": "{file}: folder tidak berisi berkas PDF, DOCX, atau TXT untuk diperiksa",
        "no-input": "tidak ada berkas untuk diperiksa",
        "cache-rebuilt": "peringatan: basis data hasil {file} rusak atau bukan milik compliance ({reason}); dipindahkan ke {aside} dan dibuat ulang",
        "cache-unusable": "{file}: folder/basis data hasil tidak dapat dipakai ({reason}); coba --no-cache atau --cache-dir lain",
        "cache-busy": "{file}: basis data hasil sedang dikunci proses lain terlalu lama ({reason}); coba lagi atau pakai --no-cache",
        "batch-failed": "{failed} dari {total} berkas gagal diperiksa",
        "history-empty": "belum ada riwayat pemeriksaan untuk daerah {file}",
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
        "folder-empty": "{file}: the folder holds no PDF, DOCX or TXT file to check",
        "no-input": "no file to check",
        "cache-rebuilt": "warning: the results database {file} is damaged or not compliance's ({reason}); moved to {aside} and rebuilt",
        "cache-unusable": "{file}: cannot use the results folder/database ({reason}); try --no-cache or another --cache-dir",
        "cache-busy": "{file}: the results database has been locked by another process for too long ({reason}); retry or use --no-cache",
        "batch-failed": "{failed} of {total} files could not be checked",
        "history-empty": "no check history yet for the region {file}",
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
