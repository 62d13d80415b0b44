"""A Lampiran cut into its own parts: a Keputusan's lettered (A., B.) or roman (I., II.)
parts as well as a plan's BAB chapters, and nothing else (numbered lists, "a." items, a table
of contents, a "Sistematika" list, an enumerated sentence, a signatory's initial). Fixtures
are small fictional texts written for these tests; every word of a Lampiran after its first
heading stays in one section, as ``text[start:end]``."""

from __future__ import annotations

import pytest

from compliance.catalog import load_catalog
from compliance.match import match
from compliance.models import Line
from compliance.output import dumps_json
from compliance.parse_lampiran import CONTENTS, build_lampiran, header_end, line_kinds
from compliance.regulation_json import regulation_from_json
from compliance.report.labels import LABELS
from compliance.report.view import pasal_ref
from test_parse_keputusan import PERBUP_WITH_PLAN, _parse

HEADER = """LAMPIRAN
KEPUTUSAN WALI KOTA TELUK BIRU
NOMOR 100/45/HK/2024
TENTANG PEMBENTUKAN TIM KOORDINASI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK
"""

LETTERED = HEADER + """A. SUSUNAN KEANGGOTAAN TIM KOORDINASI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK KOTA TELUK BIRU TAHUN 2024
No. Jabatan dalam Tim Jabatan
1. Pengarah Wali Kota Teluk Biru
2. Ketua Sekretaris Daerah
3. Anggota a. Kepala Dinas Komunikasi dan Informatika;
b. Kepala Badan Perencanaan Pembangunan Daerah.
B. URAIAN TUGAS:
1. Pengarah memberikan arahan kebijakan SPBE.
2. Ketua mengoordinasikan penyusunan Arsitektur SPBE dan Peta Rencana SPBE.
C. Tim Koordinasi menyampaikan laporan kepada Wali Kota setiap
tahun sekali.
D. SEKRETARIAT
Sekretariat berkedudukan di Dinas Komunikasi dan Informatika.
WALI KOTA TELUK BIRU,
ttd
H. MUHAMMAD RIDUAN"""

ROMAN = HEADER + """DAFTAR ISI
I. PENDAHULUAN ........ 1
II. SUSUNAN KEANGGOTAAN ........ 2
I. PENDAHULUAN
A. Latar Belakang
Pemerintah Kota membentuk tim.
B. Sistematika
Keputusan ini disusun dengan sistematika:
I. PENDAHULUAN
II. SUSUNAN KEANGGOTAAN
III. URAIAN TUGAS
II. SUSUNAN KEANGGOTAAN
| NO | JABATAN DALAM TIM | JABATAN |
| A. | PENGARAH | |
| 1. | Pengarah | Wali Kota Teluk Biru |
| B. | TIM KOORDINASI | |
| 1. | Ketua | Sekretaris Daerah |
III. URAIAN TUGAS
A. Pengarah memberikan arahan kebijakan dan
B. Ketua menyusun Peta Rencana SPBE
IV. PENDANAAN
Biaya dibebankan pada APBD."""


def _lampiran(text: str):
    return build_lampiran([Line(t, 1) for t in text.split("\n")])


def _every_word_kept(block) -> None:
    first = block.sections[0].start
    assert "\n".join(s.text for s in block.sections).split() == block.text[first:].split()
    for section in block.sections:
        assert block.text[section.start : section.end] == section.text


def test_a_keputusans_lettered_parts_are_sections():
    block = _lampiran(LETTERED)
    assert [(s.label, s.title) for s in block.sections] == [
        ("huruf A", "SUSUNAN KEANGGOTAAN TIM KOORDINASI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK KOTA TELUK BIRU "
                    "TAHUN 2024"),
        ("huruf B", "URAIAN TUGAS:"),
        ("huruf D", "SEKRETARIAT"),  # C. is an enumerated sentence; H. the signatory's initial
    ]
    assert block.title.endswith("ELEKTRONIK")  # the first part is not the Lampiran's title
    assert "Kepala Badan Perencanaan" in block.sections[0].text and "setiap\ntahun sekali." in block.sections[1].text
    _every_word_kept(block)


def test_roman_parts_with_their_letters_and_a_table_drawn_in_text():
    block = _lampiran(ROMAN)
    assert [s.label for s in block.sections] == [
        "angka romawi I", "angka romawi I huruf A", "angka romawi I huruf B",
        "angka romawi II", "angka romawi II huruf A", "angka romawi II huruf B",
        "angka romawi III", "angka romawi IV"]  # not the contents, the Sistematika list, nor III's sentences
    assert [s.context for s in block.sections[:3]] == [True, True, True]  # PENDAHULUAN: background
    assert block.sections[4].title == "PENGARAH" and block.sections[4].text.startswith("| A. | PENGARAH |")
    _every_word_kept(block)


def test_a_lettered_background_part_is_context_like_a_background_chapter():
    block = _lampiran(HEADER + "A. PENDAHULUAN\nSaat ini belum ada Tim Koordinasi SPBE.\nB. SUSUNAN KEANGGOTAAN\n"
                               "Ketua : Sekretaris Daerah")
    assert [(s.label, s.context) for s in block.sections] == [("huruf A", True), ("huruf B", False)]


def test_I_after_H_is_a_letter_and_a_lone_numeral_numbers_nothing():
    letters = "\n".join(f"{c}. BAGIAN {c}\nIsi bagian." for c in "ABCDEFGHI")
    assert [s.label for s in _lampiran(HEADER + letters).sections][-2:] == ["huruf H", "huruf I"]
    lone = _lampiran(HEADER + "I. GEDE ARIE KUSUMA\nPembina Utama Madya\nNIP. 19601023 198101 1 003")
    assert lone.sections == []


def test_without_the_shape_a_lampiran_has_no_sections():
    block = _lampiran(HEADER + "SUSUNAN KEANGGOTAAN\n1. Ketua : Sekretaris Daerah\n2. Anggota :\n"
                               "a. Kepala Dinas Komunikasi dan Informatika;\nb. Inspektur.")
    assert block.sections == []


# --- a scan's roman numerals and a mixed-case part title ending in ":" ----------------------

DAMAGED = HEADER + """I. PENDAHULUAN
Tim dibentuk untuk mempercepat penerapan SPBE.
{two}. SUSUNAN KEANGGOTAAN
Ketua : Sekretaris Daerah
{three}. URAIAN TUGAS
Tim menyusun Peta Rencana SPBE.
{four}. PENDANAAN
Biaya dibebankan pada APBD."""


@pytest.mark.parametrize("two, three, four", [("Il", "IlI", "lV"), ("1I", "I1I", "1V"), ("lI", "I|I", "I V")])
def test_a_scans_roman_numerals_read_with_i_as_l_1_or_bar_number_the_parts(two, three, four):
    block = _lampiran(DAMAGED.format(two=two, three=three, four=four))
    labels = [s.label for s in block.sections]
    if four == "I V":  # "I V." is no numeral: IV is not a part, its text stays in III
        assert labels == ["angka romawi I", "angka romawi II", "angka romawi III"]
    else:
        assert labels == ["angka romawi I", "angka romawi II", "angka romawi III", "angka romawi IV"]
    assert [s.title for s in block.sections][1:3] == ["SUSUNAN KEANGGOTAAN", "URAIAN TUGAS"]
    assert block.sections[1].text.startswith(f"{two}. SUSUNAN")  # the text stays as printed
    _every_word_kept(block)


@pytest.mark.parametrize("text", [
    "1. SUSUNAN KEANGGOTAAN\nKetua : Sekretaris Daerah\n11. URAIAN TUGAS\nTim menyusun Peta Rencana SPBE.",
    "k. Kepala Dinas Kesehatan\nl. Kepala Dinas Pendidikan\nIl. KETENTUAN LAIN",  # a letter l, then II alone
    "I. PENDAHULUAN\nTeks.\nlV. PENDANAAN\nBiaya dibebankan pada APBD.",  # IV after I: out of sequence
    "Il. GEDE ARIE KUSUMA\nPembina Utama Madya",  # one damaged numeral: an initial, no part
])
def test_digits_letters_and_a_numeral_out_of_sequence_or_alone_open_no_roman_part(text):
    assert [s.label for s in _lampiran(HEADER + text).sections] == []


def test_a_mixed_case_part_title_ending_in_a_colon_opens_a_part_in_sequence_with_a_sibling():
    block = _lampiran(HEADER + "A. Susunan Keanggotaan:\nKetua : Sekretaris Daerah\nB. Uraian Tugas:\n"
                               "1. Ketua memimpin tim.\n2. Sekretaris menyusun laporan.")
    assert [(s.label, s.title) for s in block.sections] == [("huruf A", "Susunan Keanggotaan:"),
                                                          ("huruf B", "Uraian Tugas:")]
    assert block.sections[1].text.endswith("2. Sekretaris menyusun laporan.")
    _every_word_kept(block)
    roman = _lampiran(HEADER + "I. Pendahuluan:\nTim dibentuk.\nIl. Uraian Tugas:\n1. Ketua memimpin tim.")
    assert [(s.label, s.title) for s in roman.sections] == [("angka romawi I", "Pendahuluan:"),
                                                          ("angka romawi II", "Uraian Tugas:")]


@pytest.mark.parametrize("text", [
    "SUSUNAN KEANGGOTAAN\nB. Uraian Tugas:\n1. Ketua memimpin tim.",  # alone: no sibling
    "A. Tim mempunyai tugas sebagai berikut:\n1. menyusun laporan;\nB. Sekretaris mempunyai tugas:\n"
    "1. mencatat.",  # enumerated sentences, not titles
    "A. Susunan Keanggotaan:\nKetua : Sekretaris Daerah\nE. Uraian Tugas:\n1. Ketua memimpin tim.",  # A, then E
])
def test_a_colon_title_alone_a_sentence_or_out_of_sequence_opens_no_part(text):
    assert _lampiran(HEADER + text).sections == []


KEPUTUSAN_BODY = """KEPUTUSAN WALI KOTA TELUK BIRU
NOMOR 100/45/HK/2024
TENTANG
PEMBENTUKAN TIM PENGELOLA PORTAL
WALI KOTA TELUK BIRU,
Menimbang : a. bahwa perlu dibentuk tim pengelola portal;
Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;
MEMUTUSKAN :
Menetapkan :
KESATU : Membentuk Tim Pengelola Portal dengan susunan dan tugas sebagaimana tercantum dalam Lampiran.
KEDUA : Keputusan ini mulai berlaku pada tanggal ditetapkan.
Ditetapkan di Teluk Biru
pada tanggal 2 Januari 2024
WALI KOTA TELUK BIRU,
AHMAD SURYA
"""
KEPUTUSAN_WITH_PARTS = KEPUTUSAN_BODY + LETTERED.replace(
    "2. Ketua mengoordinasikan penyusunan Arsitektur SPBE dan Peta Rencana SPBE.",
    "2. Ketua menyusun dan menetapkan Peta Rencana SPBE Pemerintah Daerah untuk jangka waktu 5 (lima) tahun.")


@pytest.mark.parametrize("text", [KEPUTUSAN_WITH_PARTS, KEPUTUSAN_WITH_PARTS.replace("B. URAIAN TUGAS:", "B. Uraian Tugas:")])
def test_evidence_in_a_lettered_part_is_cited_by_its_letter(text):
    finding = {f.requirement: f for f in match(_parse(text), load_catalog())}["peta-rencana"]
    in_lampiran = [e for e in finding.evidence if e.pasal == "Lampiran"]
    assert in_lampiran and {e.ayat for e in in_lampiran} == {"huruf B"}
    assert pasal_ref(in_lampiran[0].to_dict(), LABELS["id"]) == "Lampiran huruf B"
    assert in_lampiran[0].quote in text


def test_a_plans_chapters_keep_their_sections_and_roman_lines_under_a_bab_open_none():
    block = _lampiran(HEADER + "BAB I\nPENDAHULUAN\nA. Latar Belakang\nTeks.\nB. Maksud dan Tujuan\nTeks.\n"
                               "II. Tahap Kedua\nTeks.\nBAB II\nARAH KEBIJAKAN\n2.1 Kebijakan Umum\nTeks.")
    assert [s.label for s in block.sections] == ["BAB I", "BAB I huruf A", "BAB I huruf B", "BAB II",
                                                 "BAB II angka 2.1"]
    _every_word_kept(block)



def test_a_numbered_section_without_chapters_needs_a_sibling():
    """A scan's "3. I Gede Oka" read as "3.1 Gede Oka" in a membership list opens no section;
    numbered sections standing together do, and under a chapter one alone still does."""
    members = HEADER + ("SUSUNAN KEANGGOTAAN\nAnggota : 1. Ketut Purna, SH\n2. Ni Putu Melani, SH\n"
                        "3.1 Gede Oka Darmawan, SH\n4. Ni Luh Ketut Guna")
    assert _lampiran(members).sections == []
    numbered = _lampiran(HEADER + "1.1 Susunan Keanggotaan\nKetua : Sekretaris Daerah\n1.2 Uraian Tugas\nTeks.")
    assert [s.label for s in numbered.sections] == ["angka 1.1", "angka 1.2"]
    _every_word_kept(numbered)


# --- header_end: where the header naming the regulation a Lampiran belongs to ends ----------

TENTANG = "Rencana Induk Sistem Pemerintahan Berbasis Elektronik Kabupaten Wonosekar Tahun 2021-2025"


def _split(text: str, tentang: str | None = TENTANG) -> tuple[str, str]:
    end = header_end(text, tentang)
    return text[:end], text[end:]


def test_the_subject_on_its_own_lines_ends_where_it_is_spelled_whole():
    header = ("LAMPIRAN\nPERATURAN BUPATI WONOSEKAR\nNOMOR 27 TAHUN 2021\nTENTANG\n"
              "RENCANA INDUK SISTEM PEMERINTAHAN BERBASIS\nELEKTRONIK KABUPATEN WONOSEKAR TAHUN\n2021-2025\n")
    body = "RENCANA INDUK SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK\nKABUPATEN WONOSEKAR\nBAB I\nPENDAHULUAN"
    assert _split(header + body) == (header, body)  # the Lampiran's own title, the same words, stays


def test_a_header_on_one_line_and_a_keputusan_header_with_its_date():
    one_line = "LAMPIRAN PERATURAN WALIKOTA CONTOH NOMOR 5 TAHUN 2021 TENTANG RENCANA INDUK SPBE\n"
    assert _split(one_line + "BAB I\nUMUM", "Rencana Induk SPBE") == (one_line, "BAB I\nUMUM")
    keputusan = ("LAMPIRAN : KEPUTUSAN WALIKOTA DENPASAR\nTANGGAL : 4 OKTOBER 2019\nNOMOR : 188.45/1589/HK/2019\n"
                 "TENTANG : PENETAPAN SISTEM INFORMASI\nPERENCANAAN PEMBANGUN DAERAH\n")  # a scan's slip
    body = "I. Fitur Sistem\nFitur yang ada pada sistem ini sebagai berikut:"
    assert _split(keputusan + body, "Penetapan Sistem Informasi Perencanaan Pembangunan Daerah") == (keputusan, body)


@pytest.mark.parametrize("text", [
    "BAB I\nPENDAHULUAN\nA. Latar Belakang",  # no header at all
    "LAMPIRAN II\nKEPUTUSAN GUBERNUR CONTOH\nNOMOR : 555/517/KPTS/2020\nTANGGAL : 9 NOVEMBER 2020\n"
    "MATRIKS PROGRAM DAN KEGIATAN\nNo Program 2020 2021",  # a header naming no subject: left whole
])
def test_no_header_with_a_subject_is_no_header(text):
    assert header_end(text, TENTANG) == 0


def test_the_outline_nests_a_part_s_letters_under_it():
    from compliance.outline import render_outline

    reg = _parse(KEPUTUSAN_BODY + ROMAN)
    lines = [line for line in render_outline(reg).splitlines() if "angka romawi" in line]
    assert [line[: len(line) - len(line.lstrip())] for line in lines] == ["  ", "    ", "    ", "  ", "    ", "    ", "  ", "  "]
    assert lines[0].strip().startswith("angka romawi I PENDAHULUAN")


@pytest.mark.parametrize("text, header", [
    ("LAMPIRAN I", True),  # the marker itself
    ("LAMP1RAN PERATURAN BUPATI", True),  # as a scan misreads it, naming the regulation
    ("' . LAMP1RAN", True),  # after two specks, the regulation named on the next line
    ("LAMP1RAN: PERATURAN", True),  # a colon counts as a space
    (":LAMP1RAN", True),
    ("Lampiran ini merupakan bagian", False),  # text, not a header in capitals
    ("sebagaimana tercantum dalam LAMPIRAN", False),
    ("(1) LAMP1RAN", False),  # the first word, three characters long, is no speck
    ("a. LAMP1RAN", True),  # a speck of two characters goes
    ("", False),
    ("   ", False),
])
def test_lampiran_header_is_the_word_in_capitals_opening_the_line(text: str, header: bool):
    from compliance.parse_lampiran import is_lampiran_header

    assert is_lampiran_header([text, "PERATURAN BUPATI TELUK BIRU"], 0) is header


def test_each_line_s_kind_is_kept_for_the_matcher():
    block = _lampiran(ROMAN)
    lines = block.text.split("\n")
    kinds = dict(zip(lines, block.line_kinds))
    assert len(block.line_kinds) == len(lines)
    assert kinds["DAFTAR ISI"] == kinds["II. SUSUNAN KEANGGOTAAN ........ 2"] == CONTENTS
    assert kinds["III. URAIAN TUGAS"] == kinds["| A. | PENGARAH | |"] == "section"  # a table row read by its cells
    assert kinds["Pemerintah Kota membentuk tim."] is None and kinds["| 1. | Pengarah | Wali Kota Teluk Biru |"] is None
    assert block.line_kinds == line_kinds(block.text)  # read again from the text alone, the same


def test_a_lampiran_read_back_from_json_gets_its_line_kinds_again():
    reg = _parse(PERBUP_WITH_PLAN)
    assert reg.lampiran and reg.lampiran[0].line_kinds
    again = regulation_from_json(dumps_json(reg.to_dict()))
    assert again.lampiran[0].line_kinds == reg.lampiran[0].line_kinds
