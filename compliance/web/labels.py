"""Every word the web pages print around the reports, and the web app's own messages,
in Indonesian (default) and English. Report labels stay in ``compliance.report.labels``."""

from __future__ import annotations

from compliance.i18n import DEFAULT_LANG, message

PAGES: dict[str, dict[str, str]] = {
    "id": {
        "app": "Pemeriksa kepatuhan SPBE",
        "nav_upload": "Unggah", "nav_compare": "Perbandingan", "nav_history": "Riwayat", "nav_catalog": "Katalog",
        "other_lang": "English",
        "upload_title": "Periksa peraturan daerah terhadap Perpres 95/2018",
        "upload_intro": "Pilih atau seret satu atau beberapa berkas PDF, DOCX, atau TXT (paling besar {limit} MB "
                        "per berkas). Setiap berkas diperiksa dan laporan kesenjangannya ditampilkan di sini.",
        "drop_here": "Seret berkas ke sini, atau pilih berkas",
        "choose": "Berkas", "submit": "Periksa",
        "recent": "Pemeriksaan terakhir", "file": "Berkas", "state": "Keadaan", "score": "Skor",
        "when": "Waktu", "open": "buka",
        "state_queued": "menunggu giliran", "state_running": "sedang diproses", "state_done": "selesai",
        "state_failed": "gagal",
        "stage_queued": "Menunggu giliran pemeriksaan…", "stage_reading": "Membaca berkas…",
        "stage_ocr": "Membaca halaman pindaian dengan OCR…", "ocr_progress": "OCR: halaman {done} dari {total}",
        "stage_matching": "Mencocokkan dengan persyaratan Perpres 95/2018…",
        "stage_rendering": "Menyusun laporan…", "stage_done": "Selesai.", "stage_failed": "Gagal.",
        "pages_read": "{pages} halaman dibaca", "ocr_pages": "{ocr} halaman dengan OCR",
        "no_js_refresh": "Halaman ini diperbarui sendiri setiap beberapa detik.",
        "job_title": "Pemeriksaan", "report": "Laporan kesenjangan", "downloads": "Unduh laporan",
        "failed_title": "Berkas tidak dapat diperiksa", "try_again": "Unggah berkas lain",
        "batch_title": "Berkas yang diunggah", "counts": "Jumlah per status", "total": "Jumlah persyaratan",
        "compare_title": "Perbandingan antardaerah",
        "compare_intro": "Matriks dari hasil pemeriksaan yang tersimpan (semua berkas yang pernah diperiksa "
                         "lewat aplikasi ini atau dengan perintah compliance check/compare yang menyimpan hasil).",
        "compare_empty": "Belum ada hasil pemeriksaan yang tersimpan.",
        "per_regulation": "per peraturan", "per_region": "per daerah",
        "history_title": "Riwayat pemeriksaan per daerah", "region": "Daerah", "regions": "Daerah yang tercatat",
        "history_empty": "Belum ada riwayat pemeriksaan.", "show": "Tampilkan",
        "year": "Tahun", "kind": "Jenis", "number": "Nomor", "first": "Pertama diperiksa",
        "last": "Terakhir diperiksa", "checks": "Kali diperiksa",
        "catalog_title": "Katalog persyaratan", "id": "Kode", "title": "Persyaratan", "group": "Kelompok",
        "basis": "Dasar", "confidence": "Ketepatan rujukan", "indicators": "Indikator SPBE",
        "error_title": "Permintaan tidak dapat diproses", "back": "Kembali ke halaman unggah",
        "region_mode": "Nilai sebagai satu daerah: semua berkas adalah instrumen satu daerah; yang masih berlaku "
                       "dinilai bersama (seperti compliance region)",
        "region_note": "Untuk penilaian gabungan satu daerah, unggah berkasnya sekaligus dengan pilihan «Nilai "
                       "sebagai satu daerah». Berkas yang diperiksa sendiri-sendiri dapat dibandingkan di halaman "
                       "Perbandingan.",
        "region_title": "Penilaian daerah",
        "evaluation": "Instrumen evaluasi untuk bagian indikator",
        "evaluation_default": "yang berlaku hari ini",
        "nav_amend": "Rancangan perubahan", "nav_diff": "Bandingkan rancangan",
        "amend_title": "Susun rancangan perubahan dari kesenjangan",
        "amend_intro": "Unggah satu peraturan (PDF, DOCX, atau TXT; paling besar {limit} MB). Peraturan itu diperiksa "
                       "terhadap Perpres 95/2018, lalu disusun rancangan peraturan perubahannya menurut Lampiran II "
                       "UU 12/2011 (Pasal I dengan satu butir perubahan per kesenjangan atau pertentangan, Pasal II) "
                       "dalam Word, untuk disunting penyusun.",
        "choose_one": "Pilih satu berkas",
        "amend_replace": "Rancangan pengganti: peraturan baru yang mencabut dan mengganti peraturan lama (untuk "
                         "peraturan yang ditetapkan sebelum Perpres 95/2018)",
        "amend_submit": "Susun rancangan", "amend_job": "Rancangan perubahan",
        "amend_download": "Unduh rancangan",
        "amend_changes": "Daftar perubahan ({count} butir)",
        "amend_placeholders": "Setiap «…» adalah isian yang harus diputuskan daerah.",
        "diff_title": "Bandingkan dua rancangan",
        "diff_intro": "Unggah rancangan lama dan rancangan baru (PDF, DOCX, atau TXT; paling besar {limit} MB per "
                      "berkas). Pasal dipasangkan walaupun nomornya bergeser; perubahan ditunjukkan kata demi kata, "
                      "beserta perubahan status tiap persyaratan Perpres 95/2018.",
        "diff_old": "Rancangan lama", "diff_new": "Rancangan baru", "diff_submit": "Bandingkan",
        "diff_job": "Perbandingan rancangan", "diff_download": "Unduh perbandingan",
        "diff_unrelated": "Kedua berkas tampak tidak berhubungan (hanya sedikit pasal yang dapat dipasangkan); "
                          "perbandingan tetap dibuat.",
    },
    "en": {
        "app": "SPBE compliance checker",
        "nav_upload": "Upload", "nav_compare": "Comparison", "nav_history": "History", "nav_catalog": "Catalog",
        "other_lang": "Bahasa Indonesia",
        "upload_title": "Check regional regulations against Perpres 95/2018",
        "upload_intro": "Choose or drag one or more PDF, DOCX or TXT files (at most {limit} MB each). Each file "
                        "is checked and its gap report is shown here.",
        "drop_here": "Drag files here, or choose files",
        "choose": "Files", "submit": "Check",
        "recent": "Recent checks", "file": "File", "state": "State", "score": "Score",
        "when": "Time", "open": "open",
        "state_queued": "queued", "state_running": "running", "state_done": "done", "state_failed": "failed",
        "stage_queued": "Waiting for a free worker…", "stage_reading": "Reading the file…",
        "stage_ocr": "Reading scanned pages by OCR…", "ocr_progress": "OCR: page {done} of {total}",
        "stage_matching": "Matching against the requirements of Perpres 95/2018…",
        "stage_rendering": "Writing the report…", "stage_done": "Done.", "stage_failed": "Failed.",
        "pages_read": "{pages} pages read", "ocr_pages": "{ocr} pages by OCR",
        "no_js_refresh": "This page refreshes itself every few seconds.",
        "job_title": "Check", "report": "Gap report", "downloads": "Download the report",
        "failed_title": "The file could not be checked", "try_again": "Upload another file",
        "batch_title": "Uploaded files", "counts": "Count per status", "total": "Requirements",
        "compare_title": "Comparison across regions",
        "compare_intro": "The matrix of stored results (every file checked through this app, or by "
                         "the compliance check/compare commands with the results store).",
        "compare_empty": "No stored results yet.",
        "per_regulation": "per regulation", "per_region": "per region",
        "history_title": "Check history per region", "region": "Region", "regions": "Regions on record",
        "history_empty": "No check history yet.", "show": "Show",
        "year": "Year", "kind": "Kind", "number": "Number", "first": "First checked", "last": "Last checked",
        "checks": "Checks",
        "catalog_title": "Requirement catalog", "id": "Id", "title": "Requirement", "group": "Group",
        "basis": "Basis", "confidence": "Reference precision", "indicators": "SPBE indicators",
        "error_title": "The request could not be processed", "back": "Back to the upload page",
        "region_mode": "Assess as one region: all files are instruments of one region; those in force are "
                       "assessed together (as compliance region)",
        "region_note": "For the combined assessment of one region, upload its files at once with «Assess as one "
                       "region». Files checked one by one can be compared on the Comparison page.",
        "region_title": "Region assessment",
        "evaluation": "Evaluation instrument of the indicator section",
        "evaluation_default": "the one in force today",
        "nav_amend": "Amendment draft", "nav_diff": "Compare drafts",
        "amend_title": "Draft an amendment from the gaps",
        "amend_intro": "Upload one regulation (PDF, DOCX or TXT; at most {limit} MB). It is checked against "
                       "Perpres 95/2018 and an amending regulation is drafted in the conventions of UU 12/2011 "
                       "Lampiran II (Pasal I with one change point per gap or conflict, Pasal II), in Word, for the "
                       "drafter to edit.",
        "choose_one": "Choose one file",
        "amend_replace": "Replacement draft: a new regulation revoking and replacing the old one (for a regulation "
                         "set before Perpres 95/2018)",
        "amend_submit": "Draft", "amend_job": "Amendment draft",
        "amend_download": "Download the draft",
        "amend_changes": "List of changes ({count} points)",
        "amend_placeholders": "Every «…» is a blank the region must decide.",
        "diff_title": "Compare two drafts",
        "diff_intro": "Upload the old and the new draft (PDF, DOCX or TXT; at most {limit} MB each). Articles are "
                      "paired even when renumbered; changes are shown word by word, with the status change of "
                      "each Perpres 95/2018 requirement.",
        "diff_old": "Old draft", "diff_new": "New draft", "diff_submit": "Compare",
        "diff_job": "Draft comparison", "diff_download": "Download the comparison",
        "diff_unrelated": "The two files look unrelated (few articles could be paired); they are compared anyway.",
    },
}

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "web-needs-password": "alamat {host} dapat dijangkau dari jaringan; jalankan dengan --password-file BERKAS "
                              "(atau tetap di 127.0.0.1)",
        "web-password-file": "{file}: berkas kata sandi tidak dapat dipakai ({reason})",
        "upload-missing": "tidak ada berkas yang diunggah (kolom 'file')",
        "upload-too-many": "terlalu banyak berkas dalam satu unggahan (paling banyak {limit})",
        "upload-too-large": "berkas terlalu besar (paling besar {limit} MB)",
        "upload-bad-form": "formulir unggahan tidak sah ({reason})",
        "csrf-failed": "formulir ini sudah kedaluwarsa atau tidak berasal dari aplikasi ini; muat ulang halaman "
                       "lalu kirim lagi",
        "origin-refused": "permintaan dari situs lain ({origin}) ditolak",
        "auth-required": "kata sandi diperlukan",
        "not-found": "halaman atau hasil tidak ditemukan",
        "method-not-allowed": "metode permintaan tidak diizinkan",
        "server-busy": "server sedang sibuk ({queued} pemeriksaan menunggu); coba lagi sebentar lagi",
        "job-interrupted": "{file}: pemeriksaan terhenti karena server dimatikan; unggah ulang berkasnya",
        "job-timeout": "pemeriksaan belum selesai setelah {seconds} detik; lihat hasilnya nanti di {url}",
        "worker-died": "{file}: proses pemeriksaan berhenti tiba-tiba; unggah ulang berkasnya",
        "job-stuck": "{file}: pemeriksaan dihentikan karena satu tahapnya berjalan lebih dari {seconds} detik",
        "lang-unknown": "bahasa {value} tidak dikenal (gunakan id atau en)",
        "region-unavailable": "penilaian daerah (compliance region) tidak tersedia pada pemasangan ini",
        "bad-request": "permintaan tidak sah",
        "upload-missing-field": "berkas untuk kolom '{field}' tidak diunggah",
        "format-choice": "format {value} tidak dikenal (pilih: {known})",
        "internal": "galat internal; pemeriksaan lain tetap berjalan",
    },
    "en": {
        "web-needs-password": "address {host} is reachable from the network; run with --password-file FILE "
                              "(or stay on 127.0.0.1)",
        "web-password-file": "{file}: cannot use the password file ({reason})",
        "upload-missing": "no file uploaded (field 'file')",
        "upload-too-many": "too many files in one upload (at most {limit})",
        "upload-too-large": "the file is too large (at most {limit} MB)",
        "upload-bad-form": "invalid upload form ({reason})",
        "csrf-failed": "this form has expired or does not come from this app; reload the page and send it again",
        "origin-refused": "request from another site ({origin}) refused",
        "auth-required": "password required",
        "not-found": "page or result not found",
        "method-not-allowed": "request method not allowed",
        "server-busy": "the server is busy ({queued} checks waiting); try again shortly",
        "job-interrupted": "{file}: the check stopped because the server was shut down; upload the file again",
        "job-timeout": "the check has not finished after {seconds} seconds; see its result later at {url}",
        "worker-died": "{file}: the checking process stopped unexpectedly; upload the file again",
        "job-stuck": "{file}: the check was stopped because one of its stages ran longer than {seconds} seconds",
        "lang-unknown": "unknown language {value} (use id or en)",
        "region-unavailable": "the region assessment (compliance region) is not available in this installation",
        "bad-request": "bad request",
        "upload-missing-field": "no file uploaded for the field '{field}'",
        "format-choice": "unknown format {value} (choose: {known})",
        "internal": "internal error; other checks go on",
    },
}


def page_labels(lang: str) -> dict[str, str]:
    return PAGES.get(lang, PAGES[DEFAULT_LANG])


def web_message(code: str, lang: str = DEFAULT_LANG, **params: object) -> str:
    """A web message, or the library's message for a library error code."""
    table = MESSAGES.get(lang, MESSAGES[DEFAULT_LANG])
    if code not in table:
        return message(code, lang, **params)
    try:
        return table[code].format(**params)
    except (KeyError, IndexError):
        return table[code]
