"""A Keputusan (diktum KESATU ...), a Lampiran after the signature with chapters of its own,
and titles as text layers and scans damage them. Fixtures are small texts written for these
tests from the shapes the regional corpus shows; the corpus itself is measured in
tests/test_corpus_regional.py."""

from __future__ import annotations

import pytest

from compliance.errors import ComplianceError
from compliance.models import Line, Source
from compliance.outline import render_markdown, render_outline
from compliance.parse import parse

KEPUTUSAN = """WALIKOTA TIRTARAYA
KEPUTUSAN WALIKOTA TIRTARAYA
NOMOR 188.45/ 77 / HK /2021
TENTANG
PEMBENTUKAN TIM KOORDINASI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK
WALIKOTA TIRTARAYA,
Menimbang : a. bahwa untuk melaksanakan Peraturan Presiden Nomor 95 Tahun 2018 perlu
dibentuk Tim Koordinasi SPBE;
b. bahwa berdasarkan pertimbangan sebagaimana dimaksud pada huruf a, perlu
menetapkan Keputusan Walikota;
Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;
2. Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;
MEMUTUSKAN :
Menetapkan :
KESATU : Membentuk Tim Koordinasi SPBE Kota Tirtaraya dengan susunan keanggotaan
sebagaimana tercantum dalam Lampiran Keputusan ini.
KEDUA ': Tim Koordinasi SPBE sebagaimana dimaksud dalam Diktum KESATU bertugas:
a. menyusun Arsitektur SPBE Pemerintah Daerah;
b. melakukan pemantauan dan evaluasi SPBE setiap tahun;
Ditetapkan di Tirtaraya
pada tanggal 3 Maret 2021
WALIKOTA TIRTARAYA,
BUDI SANTOSO
A : PA PIRAN : KEPUTUSAN WALIKOTA TIRTARAYA
NOMOR : 188.45/77/HK/2021
TENTANG : PEMBENTUKAN TIM KOORDINASI SPBE
Ketua : Sekretaris Daerah
Sekretaris : Kepala Dinas Komunikasi dan Informatika
5 KETIGA : Segala biaya dibebankan pada Anggaran Pendapatan dan Belanja Daerah.
KEEMPAT : Keputusan ini mulai berlaku pada tanggal ditetapkan."""

PERBUP_WITH_PLAN = """BUPATI SUKAMAJU
NPERATURAN BUPATI SUKAMAJU
NOMOR 9 TAHUN2020
TENTANG
RENCANA INDUK SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK
Menimbang : a. bahwa perlu rencana induk;
Mengingat : 1. Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;
MEMUTUSKAN:
Menetapkan : PERATURAN BUPATI TENTANG RENCANA INDUK SPBE.
Pasal 1
Rencana Induk SPBE tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Peraturan Bupati ini.
Pasal 2
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
Ditetapkan di Sukamaju
pada tanggal 2 Januari 2020
BUPATI SUKAMAJU,
ttd
ANDI
BERITA DAERAH KABUPATEN SUKAMAJU TAHUN 2020 NOMOR 9
LAMP1RAN PERATURAN BUPATI SUKAMAJU
NOMOR 9 TAHUN 2020
TENTANG RENCANA INDUK SPBE
DAFTAR ISI
BAB I PENDAHULUAN ........ 1
BAB IV ARAH KEBIJAKAN ........ 9
BAB I
PENDAHULUAN
Kondisi SPBE saat ini belum terpadu.
BAB IV
ARAH KEBIJAKAN
4.1 Tata Kelola
Tim Koordinasi SPBE dibentuk dengan Keputusan Bupati.
4.2 Manajemen Keamanan
Keamanan SPBE dievaluasi setiap tahun."""


def _parse(text: str):
    pages = text.split("\f")
    lines = [Line(t, n) for n, page in enumerate(pages, start=1) for t in page.split("\n") if t.strip()]
    return parse(lines, Source("x.txt", "0" * 64, len(pages)))


def test_keputusan_diktum_identity_and_lampiran():
    reg = _parse(KEPUTUSAN)
    assert reg.is_keputusan and not reg.articles
    md = reg.metadata
    assert (md.jenis_kode, md.daerah, md.nomor, md.tahun) == ("kepwal", "Kota Tirtaraya", "188.45/77/HK/2021", 2021)
    assert [d.label for d in reg.diktum] == ["KESATU", "KEDUA", "KETIGA", "KEEMPAT"]
    kedua = reg.diktum[1]
    assert [i.label for i in kedua.items] == ["a", "b"]
    assert "setiap tahun" in kedua.items[1].text
    # the scan put KETIGA after the Lampiran: read back into the sequence, the Lampiran keeps only its own lines
    assert [w.code for w in reg.warnings] == ["diktum-after-lampiran"]
    assert len(reg.lampiran) == 1 and "Kepala Dinas Komunikasi" in reg.lampiran[0].text
    assert "KETIGA" not in reg.lampiran[0].text
    assert reg.closing.penandatangan == "BUDI SANTOSO"
    assert reg.to_dict()["diktum"][0] == {"label": "KESATU", "page": 1, "items": [],
                                          "text": reg.diktum[0].text}


def test_keputusan_outline_and_markdown_show_diktum():
    reg = _parse(KEPUTUSAN)
    outline = render_outline(reg)
    assert "Keputusan Wali Kota Tirtaraya Nomor 188.45/77/HK/2021\n" in outline
    assert "Diktum: 4" in outline and "    KEDUA: Tim Koordinasi SPBE" in outline
    assert "### KEEMPAT" in render_markdown(reg)


def test_no_word_of_a_keputusan_is_lost():
    reg = _parse(KEPUTUSAN)
    kept = " ".join([reg.preamble, *reg.menimbang, *(m.text for m in reg.mengingat), reg.menetapkan,
                     *(d.text for d in reg.diktum), reg.closing.text, *(b.text for b in reg.lampiran),
                     *(b.text for b in reg.unplaced)])
    for word in KEPUTUSAN.split():
        if word not in ("Menimbang", "Mengingat", ":", "KESATU", "KEDUA", "KETIGA", "KEEMPAT", "'", "':", "a.", "b.", "1.", "2.", "5"):
            assert word in kept, word


def test_a_keputusan_without_diktum_is_refused_in_one_line():
    text = KEPUTUSAN.split("KESATU")[0] + "Membentuk Tim tanpa diktum."
    with pytest.raises(ComplianceError) as err:
        _parse(text)
    assert err.value.code == "no-diktum"


def test_lampiran_after_the_signature_with_its_chapters():
    reg = _parse(PERBUP_WITH_PLAN)
    md = reg.metadata
    assert (md.jenis_kode, md.daerah, md.nomor, md.tahun) == ("perbup", "Kabupaten Sukamaju", "9", 2020)
    assert [a.label for a in reg.articles] == ["1", "2"]
    assert "LAMP1RAN" not in reg.closing.text and reg.closing.text.endswith("NOMOR 9")
    (lampiran,) = reg.lampiran
    assert lampiran.title.startswith("LAMP1RAN PERATURAN BUPATI SUKAMAJU")
    labels = [(s.label, s.title, s.context) for s in lampiran.sections]
    # the table of contents opens no section; the background chapter is context
    assert labels == [("BAB I", "PENDAHULUAN", True), ("BAB IV", "ARAH KEBIJAKAN", False),
                      ("BAB IV angka 4.1", "Tata Kelola", False), ("BAB IV angka 4.2", "Manajemen Keamanan", False)]
    section = lampiran.sections[-1]
    assert lampiran.text[section.start:section.end].rstrip("\n") == section.text
    assert section.text.endswith("dievaluasi setiap tahun.")
    outline = render_outline(reg)
    assert "  BAB IV ARAH KEBIJAKAN" in outline and "    BAB IV angka 4.2 Manajemen Keamanan" in outline
    assert "### BAB IV angka 4.2" in render_markdown(reg)


def test_lampiran_printed_without_its_header_after_the_berita_daerah_line():
    text = PERBUP_WITH_PLAN.replace("LAMP1RAN PERATURAN BUPATI SUKAMAJU\nNOMOR 9 TAHUN 2020\nTENTANG RENCANA INDUK SPBE\n", "")
    text = text.replace("DAFTAR ISI\nBAB I PENDAHULUAN ........ 1\nBAB IV ARAH KEBIJAKAN ........ 9\n", "")
    reg = _parse(text)
    assert len(reg.lampiran) == 1 and reg.lampiran[0].sections[0].label == "BAB I"
    assert "lampiran-without-header" in [w.code for w in reg.warnings]
    assert "BAB I" not in reg.closing.text


@pytest.mark.parametrize(("title", "kode", "nomor", "tahun"), [
    ("PERATURAN BERSAMA MENTER! DALAM NEGERI DAN MENTERI KOMUNIKASI DAN INFORMATIKA\nNOMOR 14 TAHUN2015", "peraturan-bersama", "14", 2015),
    ("PERWALI KOTA TIRTARAYA\nNOMOR 3 TAHUN 2019", "perwal", "3", 2019),
])
def test_title_slips(title, kode, nomor, tahun):
    reg = _parse(f"{title}\nTENTANG\nSPBE\nMenimbang : a. bahwa perlu;\nPasal 1\nIsi.")
    assert (reg.metadata.jenis_kode, reg.metadata.nomor, reg.metadata.tahun) == (kode, nomor, tahun)


def test_amendment_inserted_article_with_a_space_and_pasal_ii_read_as_11():
    text = """PERATURAN MENTERI KOMUNIKASI DAN INFORMATIKA
NOMOR 5 TAHUN 2020
TENTANG
PERUBAHAN ATAS PERATURAN MENTERI NOMOR 1 TAHUN 2019
Menimbang : a. bahwa perlu diubah;
Mengingat : 1. Peraturan Presiden Nomor 95 Tahun 2018;
MEMUTUSKAN:
Menetapkan : PERATURAN MENTERI TENTANG PERUBAHAN.
Pasal I
Ketentuan dalam Peraturan Menteri Nomor 1 Tahun 2019 diubah sebagai berikut:
1. Di antara Pasal 18 dan Pasal 19 disisipkan 1 (satu) pasal, yakni Pasal 18A sehingga berbunyi sebagai berikut:
Pasal 18 A
Penyelenggara wajib melapor.
2. Pasal 10 diubah sehingga berbunyi sebagai berikut:
Pasal 10
Laporan disampaikan setiap tahun.
Pasal 11
Peraturan Menteri ini mulai berlaku pada tanggal diundangkan."""
    reg = _parse(text)
    assert [(a.label, a.parent) for a in reg.articles] == [("I", None), ("18A", "I"), ("10", "I"), ("II", None)]
    assert reg.articles[1].text == "Penyelenggara wajib melapor."


def test_keputusan_of_a_sekretaris_daerah():
    text = KEPUTUSAN.replace("KEPUTUSAN WALIKOTA TIRTARAYA\nNOMOR", "KEPUTUSAN SEKRETARIS DAERAH KOTA TIRTARAYA\nNOMOR")
    md = _parse(text).metadata
    assert (md.jenis, md.daerah) == ("Keputusan Sekretaris Daerah", "Kota Tirtaraya")


def test_a_lampiran_title_stops_before_a_charts_boxes():
    text = PERBUP_WITH_PLAN.split("LAMP1RAN")[0] + (
        "LAMPIRAN PERATURAN BUPATI SUKAMAJU NOMOR 9 TAHUN 2020 TENTANG BAGAN ORGANISASI\nKEPALA DINAS\nUPT\nSEKRETARIAT")
    (lampiran,) = _parse(text).lampiran
    assert lampiran.title.endswith("TENTANG BAGAN ORGANISASI") and lampiran.text.endswith("UPT\nSEKRETARIAT")


def test_a_diktum_opening_with_a_numbered_point_keeps_its_colon():
    """"KEDUA : 1. …" opens KEDUA: the colon is the diktum's, not punctuation of the word,
    so the text after it may start with a number or a small letter."""
    text = KEPUTUSAN.replace("KEDUA ': Tim Koordinasi SPBE sebagaimana dimaksud dalam Diktum KESATU bertugas:",
                             "KEDUA : 1. Tim Koordinasi SPBE sebagaimana dimaksud dalam Diktum KESATU bertugas:")
    reg = _parse(text)
    assert [d.label for d in reg.diktum] == ["KESATU", "KEDUA", "KETIGA", "KEEMPAT"]
    assert reg.diktum[1].text.startswith("1. Tim Koordinasi SPBE")
    assert not any("1. Tim Koordinasi" in d.text for d in reg.diktum[:1])
