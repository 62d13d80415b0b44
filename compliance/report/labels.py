"""Every word the reports print around the regulation's own text, in both languages.

One table per language so a label exists once; templates look labels up by key
(``t.status.fulfilled``) instead of spelling them in Indonesian and English twice.
"""

from __future__ import annotations

from compliance.i18n import DEFAULT_LANG, PLACE_WORDS

LABELS: dict[str, dict] = {
    "id": {
        "lang": "id",  # the language of this table (``Place.text`` prints in it)
        "title": "Laporan Kesenjangan terhadap Peraturan Presiden Nomor 95 Tahun 2018 tentang SPBE",
        "short_title": "Laporan kesenjangan SPBE",
        "regulation": "Peraturan yang diperiksa",
        "jenis": "Jenis",
        "daerah": "Daerah",
        "nomor": "Nomor",
        "tahun": "Tahun",
        "tentang": "Tentang",
        "source": "Berkas sumber",
        "pages": "halaman",
        "catalog": "Katalog persyaratan",
        "unknown": "tidak diketahui",
        "summary": "Ringkasan",
        "advice": "Saran",
        "priorities": "Prioritas perbaikan",
        "advice_intro": "Saran pemeriksa atas peraturan ini secara keseluruhan",
        "priorities_intro": "Lima hal yang perlu diperbaiki lebih dahulu: pertentangan, lalu yang belum diatur, lalu "
                            "yang baru sebagian.",
        "no_priorities": "Tidak ada kekurangan yang perlu diperbaiki.",
        "ditetapkan": "Ditetapkan",
        "in_regulation": "dalam peraturan",
        "quoted_at": "kutipan lengkap pada persyaratan",
        "fulfilled_print": "Bukti persyaratan yang terpenuhi dicetak sebagai rujukan pasal saja; kutipannya ada di "
                           "versi layar.",
        "score": "Skor",
        "score_definition": "Skor 0–100 dihitung oleh pemeriksa dari status setiap persyaratan (lihat README); "
                            "persyaratan yang tidak berlaku tidak dihitung.",
        "score_formula": "Skor = 100 × jumlah bobot status ÷ jumlah persyaratan yang berlaku; bobot: {weights}. "
                         "Persyaratan yang tidak berlaku tidak dihitung.",
        "counts": "Jumlah per status",
        "total": "Jumlah persyaratan",
        "groups": "Per kelompok persyaratan",
        "group": "Kelompok",
        "requirements": "Persyaratan dan temuan",
        "requirement": "Persyaratan",
        "basis": "Dasar",
        "status_h": "Status",
        "evidence": "Bukti dalam peraturan",
        "gaps": "Kekurangan dan pertentangan",
        "missing_elements": "Unsur yang belum ada",
        "conflicts": "Pertentangan",
        "parameter": "Parameter",
        "national": "Nasional",
        "regional": "Daerah",
        "notes": "Catatan",
        "more_evidence": "bukti lain",
        "none": "—",
        "see_suggestion": "lihat usulan",
        "suggestions": "Usulan rumusan pasal",
        "no_evidence": "Tidak ada bukti dalam peraturan.",
        "suggestions_print": "Cetakan ini memuat rumusan untuk lima prioritas; rumusan lainnya ada di versi layar "
                             "dan di laporan Word (compliance check … -o laporan.docx).",
        "suggestions_intro": "Rumusan berikut adalah titik awal bagi perancang, bukan teks final. Tanda «…» menandai "
                             "bagian yang harus diisi atau dipilih. Rujukan pasal Perpres dicantumkan hanya setepat "
                             "yang diketahui katalog.",
        "suggestion_for": "Usulan untuk",
        "reference": "Rujukan",
        "outline": "Kerangka peraturan",
        "outline_missing": "Kerangka tidak tersedia (hasil pemeriksaan tidak memuat teks pasal).",
        "in_pasal": PLACE_WORDS["id"]["in_pasal"],
        "graph": "Graf rujukan",
        "mengingat": "Dasar hukum dalam Mengingat",
        "mengingat_intro": "Setiap peraturan yang dirujuk dikenali jenis, nomor, dan tahunnya. Tanda dicabut atau "
                           "diubah hanya muncul bila tercatat dalam data alat ini; "
                           "tanpa tanda berarti statusnya tidak diketahui, bukan berarti masih berlaku.",
        "mengingat_text": "Bunyi dalam Mengingat",
        "identified_as": "Diidentifikasi sebagai",
        "not_recognised": "tidak dikenali",
        "revoked_acts": "peraturan dalam Mengingat yang sudah dicabut",
        "internal_refs": "Rujukan internal yang tidak ada",
        "internal_refs_intro": "Peraturan ini merujuk pasal, ayat, huruf, atau angka yang tidak ditemukan di dalamnya. "
                               "Periksa apakah nomornya salah ketik atau bagian yang dirujuk telah dihapus.",
        "internal_refs_count": "rujukan internal yang tidak ada",
        "review_title": "Rujukan yang perlu diperiksa",
        "review_intro": "Tempat yang sebaiknya diperiksa perancang: rujukan ke bagiannya sendiri, rujukan yang "
                        "tampaknya salah alamat, dan penomoran yang melompat. Ini bukan status dan tidak "
                        "mengubah skor.",
        "place": "Letak",
        "page": "Halaman",
        "warnings": "Catatan pembacaan dokumen",
        "ocr_note": "teks hasil OCR — periksa kutipan",
        "ocr_pages": "halaman yang dibaca dengan OCR",
        "ocr_mark": "OCR",
        "warnings_intro": "Keraguan pengurai ketika membaca berkas ini; cocokkan bagian tersebut dengan dokumen asli.",
        "warning": "Keterangan",
        "generated_by": "Dibuat oleh compliance",
        **{k: PLACE_WORDS["id"][k] for k in ("pasal", "ayat", "huruf", "angka")},
        "via": {"citation": "rujukan eksplisit", "term": "istilah", "similarity": "kemiripan teks",
                "definition": "hanya definisi (Pasal 1)", "menimbang": "hanya Menimbang", "background": "hanya latar belakang Lampiran",
                "structure": "susunan Mengingat"},
        "status": {
            "fulfilled": "terpenuhi",
            "partial": "sebagian",
            "conflict": "bertentangan",
            "missing": "tidak ditemukan",
            "not_applicable": "tidak berlaku",
        },
        "confidence": {
            "text": "bunyi pasal terverifikasi",
            "number": "nomor pasal dari sumber resmi",
            "range": "rentang pasal",
            "topic": "topik",
            "structure": "pemeriksaan struktur, bukan pasal",
        },
        "topic_suffix": "(nomor pasal belum diverifikasi)",
        "official": "Bunyi pasal dalam teks resmi Perpres 95/2018",
        "official_intro": "Rujukan katalog diperiksa terhadap teks resmi yang diberikan pengguna:",
        "official_text": "bunyi resmi",
        "anchors_missing": "kata kunci tidak ditemukan",
        "national_status": {
            "confirmed": "terkonfirmasi dalam teks resmi",
            "anchors_missing": "pasal ada, tetapi kata kuncinya tidak semua ditemukan",
            "article_missing": "pasal tidak ditemukan dalam teks resmi",
            "not_checkable": "hanya topik; tidak dapat dikonfirmasi",
        },
        "csv": {
            "id": "id", "title": "judul", "group": "kelompok", "basis": "dasar",
            "basis_confidence": "keyakinan_dasar", "status": "status", "evidence_pasal": "pasal_bukti",
            "first_quote": "kutipan_pertama", "missing_elements": "unsur_belum_ada", "conflicts": "pertentangan",
        },
    },
    "en": {
        "lang": "en",
        "title": "Gap Report against Presidential Regulation 95/2018 on SPBE (e-Government)",
        "short_title": "SPBE gap report",
        "regulation": "Regulation checked",
        "jenis": "Kind",
        "daerah": "Region",
        "nomor": "Number",
        "tahun": "Year",
        "tentang": "Subject",
        "source": "Source file",
        "pages": "page(s)",
        "catalog": "Requirement catalog",
        "unknown": "unknown",
        "summary": "Summary",
        "advice": "Advice",
        "priorities": "Priorities",
        "advice_intro": "The reviewer's advice on the regulation as a whole",
        "priorities_intro": "Five things to fix first: conflicts, then what is not regulated, then what is regulated "
                            "only in part.",
        "no_priorities": "No gap to fix.",
        "ditetapkan": "Set on",
        "in_regulation": "in the regulation",
        "quoted_at": "quoted in full at requirement",
        "fulfilled_print": "Evidence of fulfilled requirements is printed as article references only; the quotes "
                           "are in the screen version.",
        "score": "Score",
        "score_definition": "The 0–100 score is computed by the checker from each requirement's status (see the "
                            "README); requirements that do not apply are not counted.",
        "score_formula": "Score = 100 × sum of status weights ÷ number of applicable requirements; weights: {weights}. "
                         "Requirements that do not apply are not counted.",
        "counts": "Count per status",
        "total": "Requirements",
        "groups": "Per requirement group",
        "group": "Group",
        "requirements": "Requirements and findings",
        "requirement": "Requirement",
        "basis": "Basis",
        "status_h": "Status",
        "evidence": "Evidence in the regulation",
        "gaps": "Gaps and conflicts",
        "missing_elements": "Missing elements",
        "conflicts": "Conflicts",
        "parameter": "Parameter",
        "national": "National",
        "regional": "Regional",
        "notes": "Notes",
        "more_evidence": "more evidence",
        "none": "—",
        "see_suggestion": "see suggestion",
        "suggestions": "Suggested clauses",
        "no_evidence": "No evidence in the regulation.",
        "suggestions_print": "This print carries the clauses of the five priorities; the others are in the screen "
                             "version and in the Word report (compliance check … -o laporan.docx).",
        "suggestions_intro": "The clauses below are a starting point for the drafter, not final text; they stay in "
                             "Indonesian, the language of the regulation. «…» marks what must be filled in or chosen. "
                             "Perpres articles are cited only as precisely as the catalog knows them.",
        "suggestion_for": "Suggestion for",
        "reference": "Reference",
        "outline": "Outline of the regulation",
        "outline_missing": "Outline not available (the check result carries no article text).",
        "in_pasal": PLACE_WORDS["en"]["in_pasal"],
        "graph": "Citation graph",
        "mengingat": "Legal basis in Mengingat",
        "mengingat_intro": "Each cited regulation is recognised by its kind, number and year. Revoked or amended is "
                           "marked only where this tool's data records it; no mark means the status "
                           "is unknown, not that the act is in force.",
        "mengingat_text": "Text in Mengingat",
        "identified_as": "Identified as",
        "not_recognised": "not recognised",
        "revoked_acts": "revoked regulation(s) cited in Mengingat",
        "internal_refs": "Internal references to parts that do not exist",
        "internal_refs_intro": "This regulation refers to an article, ayat, huruf or angka it does not contain. "
                               "Check whether the number is a typo or the part referred to was removed.",
        "internal_refs_count": "internal reference(s) to parts that do not exist",
        "review_title": "References to check",
        "review_intro": "Places a drafter should check: references to the part they stand in, references "
                        "that seem to point at the wrong place, numbering that skips. These are not statuses "
                        "and do not change the score.",
        "place": "Place",
        "page": "Page",
        "warnings": "Notes from reading the document",
        "ocr_note": "OCR text — check the quotes",
        "ocr_pages": "pages read by OCR",
        "ocr_mark": "OCR",
        "warnings_intro": "Doubts the parser had while reading this file; compare those places with the original.",
        "warning": "Note",
        "generated_by": "Generated by compliance",
        **{k: PLACE_WORDS["en"][k] for k in ("pasal", "ayat", "huruf", "angka")},
        "via": {"citation": "explicit citation", "term": "term", "similarity": "text similarity",
                "definition": "definition only (Pasal 1)", "menimbang": "Menimbang only", "background": "Lampiran background only",
                "structure": "Mengingat list"},
        "status": {
            "fulfilled": "fulfilled",
            "partial": "partial",
            "conflict": "conflict",
            "missing": "not found",
            "not_applicable": "not applicable",
        },
        "confidence": {
            "text": "wording verified",
            "number": "article number from an official source",
            "range": "article range",
            "topic": "topic",
            "structure": "structural check, not an article",
        },
        "topic_suffix": "(article number not verified)",
        "official": "The articles in the official text of Perpres 95/2018",
        "official_intro": "The catalog's references were checked against the official text the user supplied:",
        "official_text": "official wording",
        "anchors_missing": "anchor terms not found",
        "national_status": {
            "confirmed": "confirmed in the official text",
            "anchors_missing": "article found, but not all its anchor terms",
            "article_missing": "article not found in the official text",
            "not_checkable": "topic only; cannot be confirmed",
        },
        "csv": {
            "id": "id", "title": "title", "group": "group", "basis": "basis",
            "basis_confidence": "basis_confidence", "status": "status", "evidence_pasal": "evidence_pasal",
            "first_quote": "first_quote", "missing_elements": "missing_elements", "conflicts": "conflicts",
        },
    },
}


def labels(lang: str = DEFAULT_LANG) -> dict:
    """The label table for ``lang`` (Indonesian when the language is unknown)."""
    return LABELS.get(lang, LABELS[DEFAULT_LANG])
