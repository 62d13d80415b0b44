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
        "format-mismatch": "{file}: nama berkas berakhiran {suffix}, tetapi isinya bukan berkas {kind}",
        "doc-legacy": "{file}: format Word lama (.doc) tidak didukung; simpan ulang sebagai DOCX atau PDF",
        "page-timeout": "halaman {page} dilewati: pembacaan melebihi batas waktu ({detail})",
        "page-unreadable": "halaman {page} tidak dapat dibaca ({detail})",
        "page-no-text": "halaman {page} tidak memiliki teks (mungkin hasil pindaian)",
        "docx-auto-numbering": "{detail} paragraf DOCX memakai penomoran otomatis; nomornya (a., 1.) tidak ikut terbaca",
        "text-encoding-guessed": "teks bukan UTF-8; dibaca sebagai {detail}",
        "not-a-regulation": "{file}: tidak tampak sebagai peraturan (tidak ditemukan Pasal)",
        "output-is-input": "{file}: berkas keluaran sama dengan berkas masukan; tidak ditimpa",
        "output-dir-missing": "{file}: folder tujuan tidak ada",
        "output-unwritable": "{file}: tidak dapat menulis keluaran ({reason})",
        "internal-error": "{file}: galat internal ({reason}); jalankan dengan --debug untuk rinciannya",
        "config-invalid": "{file}: berkas konfigurasi tidak sah ({reason})",
        "score-below": "skor {score} di bawah batas {limit}",
        "demo-no-samples": "{file}: contoh peraturan tidak ditemukan",
        "folder-empty": "{file}: folder tidak berisi berkas PDF, DOCX, atau TXT untuk diperiksa",
        "no-input": "tidak ada berkas untuk diperiksa",
        "cache-rebuilt": "peringatan: basis data hasil {file} rusak atau bukan milik compliance ({reason}); dipindahkan ke {aside} dan dibuat ulang",
        "cache-unusable": "{file}: folder/basis data hasil tidak dapat dipakai ({reason}); coba --no-cache atau --cache-dir lain",
        "cache-busy": "{file}: basis data hasil sedang dikunci proses lain terlalu lama ({reason}); coba lagi atau pakai --no-cache",
        "batch-failed": "{failed} dari {total} berkas gagal diperiksa",
        "history-empty": "belum ada riwayat pemeriksaan untuk daerah {file}",
        "catalog-invalid": "{file}: katalog tidak sah pada entri {entry}, kolom {field}: {reason}",
        "catalog-unknown": "{file}: katalog/instrumen tidak dikenal (lihat folder rules/)",
        "catalog-entry-unknown": "{file}: katalog tidak memuat entri {entry}",
        "note-only-defined": "istilahnya hanya didefinisikan dalam ketentuan umum (Pasal 1), tidak diatur dalam pasal yang mengikat",
        "note-only-menimbang": "hanya disebut dalam konsiderans Menimbang (alasan, bukan kewajiban)",
        "note-predates-perpres": "peraturan ditetapkan sebelum Perpres 95/2018 (2 Oktober 2018)",
        "note-cited-outside-mengingat": "Perpres 95/2018 dirujuk dalam batang tubuh tetapi tidak dalam Mengingat",
        "note-enactment-date-unknown": "tanggal penetapan tidak terbaca; dianggap berlaku",
        "note-similarity-only": "hanya ditemukan lewat kemiripan teks; perlu diperiksa",
        "note-weak-signal": "hanya istilah lama/umum (mis. rencana induk TIK); paling tinggi sebagian",
        "note-secondary-element": "unsur kode sumber/dokumentasi berasal dari sumber sekunder; dilaporkan sebagai kekurangan, tidak dinilai bertentangan",
        "note-cited-article": "merujuk langsung pasal Perpres 95/2018 yang bersangkutan",
        "note-estimate": "perkiraan dari teks peraturan, bukan hasil evaluasi SPBE",
        "note-delegated": "sebagian muatan diserahkan pengaturannya kepada keputusan/peraturan lain, tidak ditulis dalam peraturan ini",
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
        "format-mismatch": "{file}: the name ends in {suffix} but the content is not a {kind} file",
        "doc-legacy": "{file}: the old Word format (.doc) is not supported; save it as DOCX or PDF",
        "page-timeout": "page {page} skipped: reading it exceeded the time limit ({detail})",
        "page-unreadable": "page {page} cannot be read ({detail})",
        "page-no-text": "page {page} has no text (possibly a scan)",
        "docx-auto-numbering": "{detail} DOCX paragraphs use automatic numbering; their labels (a., 1.) are not read",
        "text-encoding-guessed": "the text is not UTF-8; read as {detail}",
        "not-a-regulation": "{file}: does not look like a regulation (no Pasal found)",
        "output-is-input": "{file}: the output file is the input file; not overwritten",
        "output-dir-missing": "{file}: the target folder does not exist",
        "output-unwritable": "{file}: cannot write the output ({reason})",
        "internal-error": "{file}: internal error ({reason}); run with --debug for details",
        "config-invalid": "{file}: invalid configuration file ({reason})",
        "score-below": "score {score} is below the limit {limit}",
        "demo-no-samples": "{file}: bundled sample regulations not found",
        "folder-empty": "{file}: the folder holds no PDF, DOCX or TXT file to check",
        "no-input": "no file to check",
        "cache-rebuilt": "warning: the results database {file} is damaged or not compliance's ({reason}); moved to {aside} and rebuilt",
        "cache-unusable": "{file}: cannot use the results folder/database ({reason}); try --no-cache or another --cache-dir",
        "cache-busy": "{file}: the results database has been locked by another process for too long ({reason}); retry or use --no-cache",
        "batch-failed": "{failed} of {total} files could not be checked",
        "history-empty": "no check history yet for the region {file}",
        "catalog-invalid": "{file}: invalid catalog at entry {entry}, field {field}: {reason}",
        "catalog-unknown": "{file}: unknown catalog/instrument (see the rules/ folder)",
        "catalog-entry-unknown": "{file}: the catalog has no entry {entry}",
        "note-only-defined": "the term is only defined in the general provisions (Pasal 1), not regulated in an operative article",
        "note-only-menimbang": "only mentioned in the Menimbang recitals (reasons, not duties)",
        "note-predates-perpres": "the regulation was set before Perpres 95/2018 (2 October 2018)",
        "note-cited-outside-mengingat": "Perpres 95/2018 is cited in the body but not in Mengingat",
        "note-enactment-date-unknown": "the enactment date could not be read; treated as applicable",
        "note-similarity-only": "found only by text similarity; needs review",
        "note-weak-signal": "only older/general terms (e.g. an ICT master plan); at most partial",
        "note-secondary-element": "the source code/documentation element comes from secondary sources; reported as a gap, never as a conflict",
        "note-cited-article": "cites the relevant article of Perpres 95/2018 directly",
        "note-estimate": "an estimate from the regulation's text, not an SPBE evaluation result",
        "note-delegated": "part of the content is left to another decision/regulation, not written in this one",
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
