"""Indonesian texts of the command line: click's own messages and our help.

Both tables are keyed by the English text (click's message ids; our help as written in
``cli.py``, whitespace collapsed). A help text missing here is shown in English;
``tests/test_cli_lang.py`` lists the missing ones, so a new option is caught.
"""

from __future__ import annotations

# Click's messages (gettext ids of click 8.x), in Indonesian.
CLICK_ID: dict[str, str] = {
    "%(prog)s, version %(version)s": "%(prog)s, versi %(version)s",
    "(dynamic)": "(dinamis)",
    "Aborted!": "Dibatalkan!",
    "Argument {name!r} takes {nargs} values.": "Argumen {name!r} memerlukan {nargs} nilai.",
    "Choose from:\n\t{choices}": "Pilih salah satu:\n\t{choices}",
    "Commands": "Perintah",
    "Could not open file {filename!r}: {message}": "Berkas {filename!r} tidak dapat dibuka: {message}",
    "Error: {message}": "Galat: {message}",
    "Invalid value for {param_hint}: {message}": "Nilai tidak sah untuk {param_hint}: {message}",
    "Invalid value: {message}": "Nilai tidak sah: {message}",
    "Missing argument": "Argumen belum diberikan",
    "Missing command.": "Perintah belum diberikan.",
    "Missing option": "Opsi belum diberikan",
    "Missing parameter": "Parameter belum diberikan",
    "Missing parameter: {param_name}": "Parameter belum diberikan: {param_name}",
    "Missing {param_type}": "{param_type} belum diberikan",
    "argument": "argumen",
    "option": "opsi",
    "parameter": "parameter",
    "No such command {name!r}.": "Perintah {name!r} tidak ada.",
    "No such option {name!r}.": "Opsi {name!r} tidak ada.",
    "No such option: {name}": "Opsi tidak ada: {name}",
    "Option {name!r} does not take a value.": "Opsi {name!r} tidak menerima nilai.",
    "Option {name!r} requires an argument.": "Opsi {name!r} memerlukan nilai.",
    "Option {name!r} requires {nargs} arguments.": "Opsi {name!r} memerlukan {nargs} nilai.",
    "Options": "Opsi",
    "Arguments": "Argumen",
    "Positional arguments": "Argumen posisi",
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "Show this message and exit.": "Tampilkan bantuan ini lalu keluar.",
    "Try '{command} {option}' for help.": "Coba '{command} {option}' untuk bantuan.",
    "Usage:": "Penggunaan:",
    "default: {default}": "bawaan: {default}",
    "required": "wajib",
    "env var: {var}": "variabel lingkungan: {var}",
    "deprecated": "usang",
    "directory": "Folder",
    "file": "Berkas",
    "path": "Path",
    "unknown error": "galat tidak dikenal",
    "{name} {filename!r} does not exist.": "{name} {filename!r} tidak ada.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} adalah folder.",
    "{name} {filename!r} is a file.": "{name} {filename!r} adalah berkas, bukan folder.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} tidak dapat dibaca.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} tidak dapat ditulis.",
    "{value!r} is not a valid {number_type}.": "{value!r} bukan {number_type} yang sah.",
    "{value} is not in the range {range}.": "{value} di luar rentang {range}.",
    "{value!r} is not {choice}.": "{value!r} bukan {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} bukan salah satu dari {choices}.",
    "Got unexpected extra argument ({args})": "Argumen tambahan yang tidak diharapkan ({args})",
    "Got unexpected extra arguments ({args})": "Argumen tambahan yang tidak diharapkan ({args})",
    "Did you mean {possibility}?": "Maksud Anda {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Maksud Anda salah satu dari: {possibilities}?)",
    "Takes {nargs} values but 1 was given.": "Memerlukan {nargs} nilai, tetapi hanya 1 diberikan.",
    "Takes {nargs} values but {len} were given.": "Memerlukan {nargs} nilai, tetapi {len} diberikan.",
    "integer": "bilangan bulat",
    "float": "bilangan",
}

# The usage line's placeholders.
METAVARS_ID: dict[str, str] = {
    "[OPTIONS]": "[OPSI]",
    "COMMAND [ARGS]...": "PERINTAH [ARGUMEN]...",
}

# Our commands' and options' help, in Indonesian.
HELP_ID: dict[str, str] = {
    "Check Indonesian regional e-government regulations against Perpres 95/2018 (SPBE).":
        "Memeriksa peraturan daerah tentang SPBE terhadap Perpres 95/2018.",
    "Language of messages and reports (id = Bahasa Indonesia; also COMPLIANCE_LANG); before or after the command.":
        "Bahasa pesan dan laporan (id = Bahasa Indonesia, en = Inggris; juga COMPLIANCE_LANG); boleh sebelum "
        "atau sesudah perintah.",
    "Language of messages and reports (id = Bahasa Indonesia; also COMPLIANCE_LANG).":
        "Bahasa pesan dan laporan (id = Bahasa Indonesia, en = Inggris; juga COMPLIANCE_LANG).",
    "Show tracebacks instead of one-line errors.": "Tampilkan jejak galat lengkap, bukan pesan satu baris.",
    "Parse a regulation (PDF, DOCX, TXT) into its legal structure.":
        "Mengurai peraturan (PDF, DOCX, TXT) menjadi susunannya: Menimbang, Mengingat, BAB, Pasal, ayat.",
    "Output format (default: from the -o suffix; without -o the first).":
        "Format keluaran (bawaan: dari akhiran nama berkas -o; tanpa -o yang pertama).",
    "Write to this file instead of stdout.": "Tulis ke berkas ini, bukan ke layar.",
    "OCR (tesseract) for PDF pages: those without text, all pages, or none.":
        "OCR (tesseract) untuk halaman PDF: yang tanpa teks (auto), semua halaman (always), atau tidak sama "
        "sekali (never).",
    "List every citation in a regulation: resolved id, relation and place, or why not resolved.":
        "Mendaftar setiap rujukan dalam peraturan: peraturan yang dirujuk, hubungannya dan letaknya, atau "
        "mengapa tidak dikenali.",
    "Export the citation graph of one or more regulations (with the catalog) as JSON, GraphML, DOT or GEXF.":
        "Mengekspor graf rujukan satu atau beberapa peraturan (dengan katalog) sebagai JSON, GraphML, DOT "
        "atau GEXF.",
    "Requirement catalog (id or YAML).": "Katalog persyaratan (id atau berkas YAML).",
    "Also run the check and add its satisfies links.":
        "Jalankan juga pemeriksaan dan tambahkan tautan persyaratan yang dipenuhi.",
    "Check a regulation (or folders of them) against the catalog and write the gap report.":
        "Memeriksa peraturan (atau folder berisi peraturan) terhadap katalog dan menulis laporan kesenjangan.",
    "Write the report here, its format from the suffix (.html .json .csv .md .docx); without -o a short summary "
    "is printed. For a folder or several files: the folder for the reports (one per file plus index.html).":
        "Tulis laporan ke sini, formatnya menurut akhiran nama (.html .json .csv .md .docx); tanpa -o "
        "ringkasan singkat dicetak ke layar. Untuk folder atau beberapa berkas: folder laporan (satu per "
        "berkas ditambah index.html).",
    "Evaluation instrument of the indicator section (pemdi-2026, spbe-2020 or a YAML file; default: the one in "
    "force today).":
        "Instrumen evaluasi untuk bagian indikator (pemdi-2026, spbe-2020, atau berkas YAML; bawaan: yang berlaku "
        "hari ini).",
    "List this evaluation instrument's indicators instead (pemdi-2026, spbe-2020).":
        "Tampilkan indikator instrumen evaluasi ini (pemdi-2026, spbe-2020) sebagai ganti katalog.",
    "The instrument the text should be.":
        "Instrumen yang seharusnya dimuat teks ini.",
    "Confirm an instrument's identity, indicator names and weights against its official text; exit 2 on a "
    "difference.":
        "Konfirmasi identitas, nama indikator, dan bobot instrumen evaluasi terhadap teks resminya; keluar dengan "
        "kode 2 bila ada perbedaan.",
    "Official PDF of the national regulation, to quote it and confirm references (also COMPLIANCE_NATIONAL or "
    "config.toml).":
        "PDF resmi peraturan nasional, untuk mengutipnya dan mengonfirmasi rujukan (juga COMPLIANCE_NATIONAL "
        "atau config.toml).",
    "Exit with code 3 when a score is below this.": "Keluar dengan kode 3 bila ada skor di bawah nilai ini.",
    "Worker processes for a batch (default: number of cores).":
        "Jumlah proses kerja untuk banyak berkas (bawaan: jumlah inti prosesor).",
    "OCR (tesseract) for PDF pages: those without text, all pages, or none (one file only).":
        "OCR (tesseract) untuk halaman PDF: yang tanpa teks (auto), semua halaman (always), atau tidak sama "
        "sekali (never); always/never hanya untuk satu berkas.",
    "Folder of the results store (default: $XDG_CACHE_HOME/compliance).":
        "Folder penyimpanan hasil (bawaan: $XDG_CACHE_HOME/compliance).",
    "Do not read or write the results store.": "Jangan membaca atau menulis penyimpanan hasil.",
    "The requirement catalog: list it, or verify it against the official text.":
        "Katalog persyaratan: tampilkan, atau periksa terhadap teks resmi.",
    "Print the catalog: id, title, basis (as precise as known), indicators.":
        "Cetak katalog: id, judul, dasar pasal (setepat yang diketahui), indikator.",
    "Are the catalog's article references in the official text? Exit 2 if any is not confirmed.":
        "Apakah rujukan pasal katalog ada dalam teks resmi? Keluar dengan kode 2 bila ada yang tidak "
        "terkonfirmasi.",
    "Check the bundled sample regulations and write their reports (HTML and JSON).":
        "Memeriksa contoh peraturan yang disertakan dan menulis laporannya (HTML dan JSON).",
    "Folder for the reports (created if missing).": "Folder laporan (dibuat bila belum ada).",
    "Compare regulations (files or folders) side by side against the catalog.":
        "Membandingkan peraturan (berkas atau folder) berdampingan terhadap katalog.",
    "One column per region, combining its regulations.": "Satu kolom per daerah, menggabungkan peraturannya.",
    "Worker processes (default: number of cores).": "Jumlah proses kerja (bawaan: jumlah inti prosesor).",
    "A region over time: its assessments (compliance region, with a trend in html) and the regulations "
    "checked for it, with scores; without a region, the regions checked so far.":
        "Riwayat suatu daerah: penilaian daerahnya (compliance region, dengan grafik tren dalam html) dan "
        "peraturan yang diperiksa, dengan skornya; tanpa nama daerah, daftar daerah yang pernah diperiksa.",
    "json lists the checked regulations; html adds the region's assessments with a trend chart.":
        "json mencantumkan peraturan yang diperiksa; html menambahkan penilaian daerah dengan grafik tren.",
    # --- compliance region ---
    "Assess a region from the folder of its instruments (those in force, combined).":
        "Menilai satu daerah dari folder instrumennya (yang masih berlaku, digabungkan).",
    "Write the region's report here (format from the suffix: .html .json .csv .md).":
        "Tulis laporan daerah ke berkas ini (format dari akhiran: .html .json .csv .md).",
    'Assess this region when the folder holds several (e.g. "Kota X").':
        'Nilai daerah ini bila folder memuat instrumen beberapa daerah (mis. "Kota X").',
    "Folder for the evidence pack per indicator (index.html, bukti.csv, sumber/).":
        "Folder paket bukti per indikator (index.html, bukti.csv, sumber/).",
    "Address to listen on; anything but 127.0.0.1/localhost needs --password-file.":
        "Alamat yang didengarkan; selain 127.0.0.1/localhost memerlukan --password-file.",
    "File whose first line is the password (HTTP Basic, or 'Authorization: Bearer' for the API).":
        "Berkas yang baris pertamanya kata sandi (HTTP Basic, atau 'Authorization: Bearer' untuk API).",
    "Folder for uploads, jobs and reports (default: $XDG_DATA_HOME/compliance/web).":
        "Folder unggahan, pekerjaan, dan laporan (bawaan: $XDG_DATA_HOME/compliance/web).",
    "Folder of the results store (default: $XDG_CACHE_HOME/compliance, as check and compare).":
        "Folder penyimpanan hasil (bawaan: $XDG_CACHE_HOME/compliance, sama dengan check dan compare).",
    "Largest file accepted; a larger upload is answered with 413.":
        "Ukuran berkas terbesar yang diterima; unggahan yang lebih besar dijawab dengan 413.",
    "Checks at once (default: number of cores).": "Jumlah pemeriksaan sekaligus (bawaan: jumlah inti prosesor).",
    "Seconds one stage of a check may take before its worker is stopped and the job failed.":
        "Detik yang boleh dipakai satu tahap pemeriksaan sebelum prosesnya dihentikan dan pemeriksaannya gagal.",
    "Official PDF of Perpres 95/2018 to quote (also COMPLIANCE_NATIONAL or config.toml).":
        "PDF resmi Perpres 95/2018 untuk dikutip (juga COMPLIANCE_NATIONAL atau config.toml).",
    "Do not open the page in a browser.": "Jangan membuka halaman di peramban.",
    "Run the web app (upload, reports, comparison, history, catalog, JSON API).":
        "Menjalankan aplikasi web (unggah, laporan, perbandingan, riwayat, katalog, API JSON).",
    # compliance amend / diff (drafting aids)
    "Write an amendment draft (Pasal I, II; diktum for a Keputusan) that addresses the gaps; exit 3 when none.":
        "Menulis rancangan perubahan (Pasal I, II; diktum untuk Keputusan) yang menjawab kesenjangan; kode "
        "keluar 3 bila tidak ada.",
    "The draft: .docx (Word), .md or .txt; - for stdout (Markdown unless --format).":
        "Berkas rancangan: .docx (Word), .md, atau .txt; - untuk layar (Markdown kecuali --format).",
    "Default: from the -o suffix.": "Bawaan: dari akhiran nama berkas -o.",
    "A full replacement regulation revoking the old one, not an amendment.":
        "Rancangan peraturan pengganti yang mencabut peraturan lama, bukan perubahan.",
    "Compare two drafts: articles added, removed, changed (word by word), and each requirement's status.":
        "Membandingkan dua rancangan: pasal yang ditambah, dihapus, diubah (kata demi kata), dan status "
        "setiap persyaratan.",
    "Write to this file (.html, .json, .md) instead of stdout.":
        "Tulis ke berkas ini (.html, .json, .md), bukan ke layar.",
    "Default: from the -o suffix, else md.": "Bawaan: dari akhiran nama berkas -o, selain itu md.",
}
