"""parse: sections, metadata, headings by sequence and context, amendments, Penjelasan,
Lampiran, closing, and never losing text. Fixtures are small texts written for these tests."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from compliance.clean import clean
from compliance.errors import ComplianceError
from compliance.models import Page, Source
from compliance.parse import parse, split_enumeration

PERBUP = [
    """BUPATI SUKAMAJU
PROVINSI JAWA CONTOH
PERATURAN BUPATI SUKAMAJU
NOMOR 14 TAHUN 2018
TENTANG
PENYELENGGARAAN SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK
DENGAN RAHMAT TUHAN YANG MAHA ESA
BUPATI SUKAMAJU,
Menimbang : a. bahwa untuk mewujudkan tata kelola pemerintahan
yang bersih perlu sistem elektronik;
b. bahwa berdasarkan pertimbangan sebagaimana dimaksud
dalam huruf a, perlu menetapkan Peraturan Bupati;
Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang
Pemerintahan Daerah;
2. Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem
Pemerintahan Berbasis Elektronik;
MEMUTUSKAN:
Menetapkan : PERATURAN BUPATI TENTANG PENYELENGGARAAN SISTEM
PEMERINTAHAN BERBASIS ELEKTRONIK.
BAB I
KETENTUAN UMUM
Pasal 1
Dalam Peraturan Bupati ini yang dimaksud dengan:
1. Daerah adalah Kabupaten Sukamaju.
2. Bupati adalah Bupati Sukamaju.""",
    """BUPATI SUKAMAJU
- 2 -
BAB II
TATA KELOLA
Bagian Kesatu
Rencana Induk
Pasal 2
(1) Pemerintah Daerah menyusun Rencana Induk SPBE
sebagaimana dimaksud dalam
Pasal 6
ayat (2) Peraturan Presiden.
(2) Rencana Induk memuat:
a. visi;
b. misi; dan
c. arsitektur yang terdiri atas:
1. proses bisnis;
2. data.
Pasal 3
Rencana Induk ditetapkan setiap 5 (lima) tahun.""",
    """BUPATI SUKAMAJU
- 3 -
Bagian Kedua
Keamanan
Pasal 4
Pasal 6 ayat (2) Peraturan Presiden berlaku juga bagi
keamanan informasi.
BAB III
KETENTUAN PENUTUP
Pasal 5
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
Agar setiap orang mengetahuinya, memerintahkan pengundangan
Peraturan Bupati ini dengan penempatannya dalam Berita Daerah
Kabupaten Sukamaju.
Ditetapkan di Sukamaju
pada tanggal 3 Mei 2018
BUPATI SUKAMAJU,
ttd.
AHMAD CONTOH
Diundangkan di Sukamaju
pada tanggal 4 Mei 2018
SEKRETARIS DAERAH KABUPATEN SUKAMAJU,
ttd.
BUDI CONTOH
BERITA DAERAH KABUPATEN SUKAMAJU TAHUN 2018 NOMOR 14
NOREG PERATURAN BUPATI SUKAMAJU: (14/2018)""",
]


def _parse(pages: list[str], name: str = "fixture.txt"):
    return parse(clean([Page(i + 1, t) for i, t in enumerate(pages)]), Source(name, "0" * 64, len(pages)))


@pytest.fixture(scope="module")
def perbup():
    return _parse(PERBUP, "perbup.txt")


def test_regional_metadata(perbup):
    md = perbup.metadata
    assert (md.jenis, md.jenis_kode, md.daerah) == ("Peraturan Bupati", "perbup", "Kabupaten Sukamaju")
    assert (md.nomor, md.nomor_pokok, md.tahun) == ("14", 14, 2018)
    assert md.tentang == "PENYELENGGARAAN SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK"
    assert (md.ditetapkan, md.diundangkan) == ("2018-05-03", "2018-05-04")
    assert "BUPATI SUKAMAJU" in perbup.preamble.splitlines()[0]


def test_menimbang_and_mengingat_lists(perbup):
    # the recitals keep their printed letters, so a citation "Menimbang huruf b" finds its text
    assert perbup.menimbang == [
        "a. bahwa untuk mewujudkan tata kelola pemerintahan yang bersih perlu sistem elektronik;",
        "b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Peraturan Bupati;",
    ]
    assert [(m.label, m.text[:30]) for m in perbup.mengingat] == [
        ("1", "Undang-Undang Nomor 23 Tahun 2"),
        ("2", "Peraturan Presiden Nomor 95 Ta"),
    ]
    assert perbup.menetapkan.startswith("MEMUTUSKAN:")


def test_headings_articles_ayat_and_items(perbup):
    assert [a.label for a in perbup.articles] == ["1", "2", "3", "4", "5"]
    a1, a2, _, a4, a5 = perbup.articles
    assert (a1.bab.label, a1.bab.title, a1.bagian) == ("I", "KETENTUAN UMUM", None)
    assert [i.label for i in a1.items] == ["1", "2"]
    assert (a2.bab.label, a2.bagian.label, a2.bagian.title) == ("II", "Kesatu", "Rencana Induk")
    assert [a.label for a in a2.ayat] == ["1", "2"]
    # the wrapped cross-reference "Pasal 6" stays inside ayat (1)
    assert "sebagaimana dimaksud dalam Pasal 6 ayat (2) Peraturan Presiden." in a2.ayat[0].text
    items = a2.ayat[1].items
    assert [i.label for i in items] == ["a", "b", "c"]
    assert [i.label for i in items[2].items] == ["1", "2"]
    assert (a4.bagian.label, a4.bab.label) == ("Kedua", "II")
    assert a4.text.startswith("Pasal 6 ayat (2) Peraturan Presiden")
    assert a5.bab.label == "III" and a5.text == "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan."


def test_closing(perbup):
    c = perbup.closing
    assert (c.ditetapkan_di, c.ditetapkan_tanggal) == ("Sukamaju", "3 Mei 2018")
    assert (c.diundangkan_di, c.diundangkan_tanggal) == ("Sukamaju", "4 Mei 2018")
    assert c.penandatangan == "AHMAD CONTOH"
    assert c.lembaran == "BERITA DAERAH KABUPATEN SUKAMAJU TAHUN 2018 NOMOR 14"
    assert c.noreg == "NOREG PERATURAN BUPATI SUKAMAJU: (14/2018)"
    assert c.text.startswith("Agar setiap orang mengetahuinya")


def test_no_source_word_is_lost(perbup):
    dumped = json.dumps(perbup.to_dict(), ensure_ascii=False)
    flat = " ".join(dumped.replace("\\n", " ").split())
    for page in PERBUP:
        for line in page.splitlines():
            if line.strip() in ("BUPATI SUKAMAJU", "- 2 -", "- 3 -"):
                continue  # running header and page numbers
            for word in line.split():
                if word in ("Menimbang", "Mengingat", ":", "BAB", "Bagian"):
                    continue  # section and heading labels are structure, kept as keys
                assert word.replace('"', '\\"') in flat, word


def test_output_is_deterministic():
    a = json.dumps(_parse(PERBUP).to_dict(), sort_keys=True)
    b = json.dumps(_parse(PERBUP).to_dict(), sort_keys=True)
    assert a == b


AMENDING = [
    """PERATURAN MENTERI KOMUNIKASI DAN INFORMATIKA
NOMOR 3 TAHUN 2021
TENTANG
PERUBAHAN ATAS PERATURAN MENTERI NOMOR 1 TAHUN 2020
Menimbang : a. bahwa perlu perubahan;
Mengingat : 1. Undang-Undang Nomor 36 Tahun 1999;
MEMUTUSKAN:
Menetapkan : PERATURAN MENTERI TENTANG PERUBAHAN.
Pasal I
Beberapa ketentuan dalam Peraturan Menteri Nomor 1 Tahun 2020
diubah sebagai berikut:
1. Ketentuan Pasal 26 diubah sehingga berbunyi sebagai berikut:
Pasal 26
(1) Penyelenggara wajib melapor.
(2) Laporan disampaikan setiap tahun.
2. Di antara Pasal 45 dan Pasal 46 disisipkan 1 (satu) pasal,
yakni Pasal 45A sehingga berbunyi sebagai berikut:
Pasal 45A
Menteri melakukan pengawasan.
3. Ketentuan ayat (1) Pasal 50 diubah sehingga Pasal 50
berbunyi sebagai berikut:
(1) Sanksi berupa teguran tertulis.
(2) Sanksi berupa denda.
Pasal II
Peraturan Menteri ini mulai berlaku pada tanggal diundangkan.
Ditetapkan di Jakarta
pada tanggal 1 Maret 2021""",
]


@pytest.mark.parametrize("ocr", [False, True])
def test_amending_regulation(ocr):
    # the OCR reads "Pasal I" / "Pasal II" as "Pasal l" / "Pasal Il": the sequence still knows them
    reg = _parse([AMENDING[0].replace("Pasal I\n", "Pasal l\n").replace("Pasal II\n", "Pasal Il\n")] if ocr else AMENDING)
    assert [(a.label, a.parent) for a in reg.articles] == [
        ("I", None), ("26", "I"), ("45A", "I"), ("50", "I"), ("II", None)]
    pasal_i = reg.articles[0]
    assert "1. Ketentuan Pasal 26 diubah" in pasal_i.text
    assert "2. Di antara Pasal 45 dan Pasal 46" in pasal_i.text
    assert "3. Ketentuan ayat (1) Pasal 50" in pasal_i.text
    assert [a.label for a in reg.articles[1].ayat] == ["1", "2"]
    assert "Di antara" not in reg.articles[1].text
    # Pasal 50 is quoted without its own heading: inferred, and said so
    assert reg.articles[3].text.startswith("(1) Sanksi")
    assert any(w.code == "heading-inferred" for w in reg.warnings)
    assert (reg.metadata.jenis_kode, reg.metadata.kementerian, reg.metadata.nomor) == ("permen", "kominfo", "3")


def test_ocr_labels_are_read_from_the_sequence():
    text = """PERATURAN MENTERI KOMUNIKASI DAN INFORMATIKA
NOMOR 7 TAHUN 2009
Menimbang : a. bahwa perlu;
Mengingat : 1. Undang-Undang;
Menetapkan : PERATURAN MENTERI.
BABI
KETENTUAN UMUM
Pasal1
Satu.
Pasal 2
Dua.
PasaI 3
Tiga.
Pasal 7
Tujuh.
Pasal S
Delapan.
Pasal l2
Dua belas."""
    reg = _parse([text])
    assert [a.label for a in reg.articles] == ["1", "2", "3", "7", "8", "12"]
    assert reg.articles[0].bab.label == "I"
    skips = [w.detail for w in reg.warnings if w.code == "article-number-skip"]
    assert skips == ["3 -> 7", "8 -> 12"]


def test_penjelasan_with_garbled_title_and_lampiran_are_kept_apart():
    text = """UNDANG-UNDANG REPUBLIK INDONESIA
NOMOR 5 TAHUN 2010
TENTANG
CONTOH
Menimbang : a. bahwa perlu;
Mengingat : 1. Undang-Undang Dasar;
MEMUTUSKAN:
Menetapkan : UNDANG-UNDANG TENTANG CONTOH.
Pasal 1
Isi satu.
Pasal 2
Isi dua.
Disahkan di Jakarta
pada tanggal 2 Januari 2010
PRESIDEN REPUBLIK INDONESIA,
ttd.
NAMA PRESIDEN
P3NJ3LASAN ATAS
UNDANG-UNDANG NOMOR 5 TAHUN 2010
Pasal 1
Cukup jelas.
Pasal 2
Cukup jelas.
LAMPIRAN
UNDANG-UNDANG NOMOR 5 TAHUN 2010
Tabel A"""
    reg = _parse([text])
    assert [a.label for a in reg.articles] == ["1", "2"]
    assert reg.articles[1].text == "Isi dua."
    assert [p["label"] for p in reg.penjelasan.pasal] == ["1", "2"]
    assert reg.penjelasan.pasal[0]["text"] == "Cukup jelas."
    assert len(reg.lampiran) == 1 and reg.lampiran[0].text.endswith("Tabel A")
    assert reg.metadata.ditetapkan == "2010-01-02"
    assert reg.closing.penandatangan == "NAMA PRESIDEN"


def test_doubts_become_warnings_and_stray_text_is_unplaced():
    text = """PERATURAN BUPATI CONTOH
NOMOR 1 TAHUN 2020
Menimbang : a. bahwa perlu;
Menetapkan : PERATURAN BUPATI.
BAB I
UMUM
Teks yang tidak berada dalam pasal mana pun.
Pasal 1
Satu.
BAB II
KOSONG
BAB III
LAIN
Pasal 2
Dua.
Pasal 2
Lagi dua."""
    reg = _parse([text])
    codes = [w.code for w in reg.warnings]
    assert "bab-without-articles" in codes
    assert reg.unplaced and reg.unplaced[0].text == "Teks yang tidak berada dalam pasal mana pun."
    assert "unplaced-text" in codes
    # a second "Pasal 2" in a row is not a new article: its text stays in Pasal 2, with a warning
    assert [a.label for a in reg.articles] == ["1", "2"]
    assert "duplicate-article" in codes
    assert "Lagi dua." in reg.articles[1].text


def test_text_without_articles_is_not_a_regulation():
    with pytest.raises(ComplianceError) as err:
        _parse(["Surat undangan rapat\nHari Senin pukul 09.00\nTempat: aula"], "surat.txt")
    assert err.value.code == "not-a-regulation"
    assert err.value.params["file"] == "surat.txt"


def test_split_enumeration_follows_the_sequence():
    got = split_enumeration(["a. bahwa satu", "2008 tentang dua;", "b. bahwa tiga;", "d. bukan label"])
    assert got == [("a", "bahwa satu 2008 tentang dua;"), ("b", "bahwa tiga; d. bukan label")]


def test_a_wrapped_number_does_not_open_a_point():
    got = split_enumeration(["8. Peraturan Daerah Nomor 9 Tahun 2016 (Lembaran Daerah Nomor", "9);"])
    assert got == [(None, "8. Peraturan Daerah Nomor 9 Tahun 2016 (Lembaran Daerah Nomor 9);")]
    mengingat = split_enumeration(["1. Undang-Undang Nomor 1;", "2. Peraturan (Lembaran Nomor", "3);", "e bahwa bukan"])
    assert [label for label, _ in mengingat] == ["1", "2"]


def test_menimbang_and_mengingat_set_as_a_two_column_table():
    text = """PERATURAN WALI KOTA CONTOH
NOMOR 2 TAHUN 2022
TENTANG
SPBE
WALI KOTA CONTOH,
Menimbang
:
a.
bahwa satu;
b.
bahwa dua;
Mengingat
:
1.
Undang-Undang Nomor 23 Tahun 2014;
2.
Peraturan Presiden Nomor 95 Tahun 2018;
MEMUTUSKAN:
Pasal 1
Isi."""
    reg = _parse([text])
    assert reg.menimbang == ["a. bahwa satu;", "b. bahwa dua;"]
    assert [(m.label, m.text) for m in reg.mengingat] == [
        ("1", "Undang-Undang Nomor 23 Tahun 2014;"), ("2", "Peraturan Presiden Nomor 95 Tahun 2018;")]
    assert (reg.metadata.jenis_kode, reg.metadata.daerah, reg.metadata.nomor) == ("perwal", "Kota Contoh", "2")


@pytest.mark.parametrize(
    ("title", "kode", "daerah"),
    [
        ("PERATURAN WALIKOTA MEDAN", "perwal", "Kota Medan"),
        ("PERWAL KOTA TIRTARAYA", "perwal", "Kota Tirtaraya"),
        ("PERATURAN GUBERNUR SUMATERA UTARA", "pergub", "Provinsi Sumatera Utara"),
        ("PERATURAN DAERAH KABUPATEN LABUHANBATU", "perda-kabupaten", "Kabupaten Labuhanbatu"),
    ],
)
def test_regional_title_spellings(title, kode, daerah):
    reg = _parse([f"{title}\nNOMOR 5 TAHUN 2019\nTENTANG\nSPBE\nMenimbang : a. bahwa perlu;\nPasal 1\nIsi."])
    assert (reg.metadata.jenis_kode, reg.metadata.daerah, reg.metadata.nomor_pokok, reg.metadata.tahun) == (kode, daerah, 5, 2019)


def test_a_cross_reference_alone_on_a_line_is_not_a_heading():
    text = """PERATURAN BUPATI CONTOH
NOMOR 1 TAHUN 2020
Menimbang : a. bahwa perlu;
Pasal 1
Satu.
Pasal 2
Ketentuan sebagaimana dimaksud dalam
Pasal 3
Peraturan Bupati ini berlaku juga.
Pasal 3
Tiga."""
    reg = _parse([text])
    assert [a.label for a in reg.articles] == ["1", "2", "3"]
    assert reg.articles[1].text == "Ketentuan sebagaimana dimaksud dalam Pasal 3 Peraturan Bupati ini berlaku juga."


def test_every_parser_warning_has_a_message_in_both_languages():
    from compliance.i18n import LANGS, message

    codes = {"article-number-skip", "duplicate-article", "bab-without-articles", "heading-inferred",
             "unplaced-text", "metadata-missing", "metadata-from-lampiran", "lampiran-without-header",
             "diktum-after-lampiran"}
    package = Path(__file__).resolve().parents[1] / "compliance"
    source = "".join(open(package / name, encoding="utf-8").read()
                     for name in ("parse_body.py", "parse.py", "parse_diktum.py", "parse_lampiran.py"))
    assert codes == set(re.findall(r'(?:_warn|Warning_)\("([a-z-]+)"', source))
    for code in codes:
        for lang in LANGS:
            assert message(code, lang, detail="x", page=1) != code, (code, lang)


@pytest.mark.parametrize("stem", ["perbup-sukamaju-2016-egov", "perwal-banyuasri-2022-spbe", "perwal-tirtaraya-2017-tik"])
def test_bundled_sample_parses_alike_from_pdf_and_docx(stem):
    import compliance

    examples = Path(__file__).resolve().parents[1] / "examples"
    if not (examples / f"{stem}.pdf").exists():
        pytest.skip(f"sample {stem} not bundled")
    pdf, docx = compliance.load(examples / f"{stem}.pdf"), compliance.load(examples / f"{stem}.docx")

    def flat(text):
        return " ".join(text.split())

    assert pdf.metadata == docx.metadata and pdf.metadata.jenis_kode in ("perbup", "perwal")
    assert [(a.label, flat(a.text)) for a in pdf.articles] == [(a.label, flat(a.text)) for a in docx.articles]
    assert pdf.menimbang == docx.menimbang and len(pdf.mengingat) == len(docx.mengingat) > 0
    assert pdf.closing.lembaran == docx.closing.lembaran and pdf.closing.lembaran.startswith("BERITA DAERAH")
    assert not pdf.unplaced and not docx.unplaced


def test_heading_titles_up_to_the_next_heading():
    text = """PERATURAN MENTERI KOMUNIKASI DAN INFORMATIKA
NOMOR 9 TAHUN 2019
Menimbang : a. bahwa perlu;
Pasal 1
Satu.
BAB II
Wartawan
Bagian Kesatu
Sanggahan atas Hasil Seleksi
Paragraf Pertama
Jaringan dan Sistem Perangkat.
Pasal 2
Dua."""
    a2 = _parse([text]).articles[1]
    assert (a2.bab.label, a2.bab.title) == ("II", "Wartawan")
    assert (a2.bagian.label, a2.bagian.title) == ("Kesatu", "Sanggahan atas Hasil Seleksi")
    assert (a2.paragraf.label, a2.paragraf.title) == ("Pertama", "Jaringan dan Sistem Perangkat.")
    assert a2.text == "Dua."


def test_pasal_i_is_article_one_unless_it_amends():
    text = """PERATURAN BUPATI CONTOH
NOMOR 3 TAHUN 2021
Menimbang : a. bahwa perlu;
BAB I
KETENTUAN UMUM
Pasal I
Dalam Peraturan Bupati ini yang dimaksud sebagai berikut:
1. Daerah adalah Kabupaten Contoh.
Pasal 2
Dua."""
    reg = _parse([text])
    assert [(a.label, a.parent) for a in reg.articles] == [("1", None), ("2", None)]


def test_a_misread_point_label_still_opens_a_point():
    got = split_enumeration([
        "1. Undang-Undang Nomor 36 Tahun 1999;", "3. Undang-Undang Nomor 11 Tahun 2008;",
        "2. Peraturan Pemerintah Nomor 52 Tahun 2000;", "4. Peraturan Presiden Nomor 47",
        "Tahun 2009;"])
    assert [label for label, _ in got] == ["1", "3", "2", "4"]
    assert got[-1][1] == "Peraturan Presiden Nomor 47 Tahun 2009;"


def test_penjelasan_after_the_lampiran():
    text = """UNDANG-UNDANG REPUBLIK INDONESIA
NOMOR 8 TAHUN 2012
Menimbang : a. bahwa perlu;
Pasal 1
Satu.
Disahkan di Jakarta
pada tanggal 1 Juni 2012
LAMPIRAN
UNDANG-UNDANG NOMOR 8 TAHUN 2012
Tabel daerah
PENJELASAN
ATAS
UNDANG-UNDANG NOMOR 8 TAHUN 2012
I. UMUM
Penjelasan umum.
II. PASAL DEMI PASAL
Pasal 1
Cukup jelas."""
    reg = _parse([text])
    assert reg.lampiran[0].text.endswith("Tabel daerah")
    assert reg.penjelasan.umum == "Penjelasan umum."
    assert reg.penjelasan.pasal == [{"label": "1", "text": "Cukup jelas."}]


def test_truncated_or_shuffled_text_parses_or_says_why():
    import random

    rng = random.Random(7)
    lines = ("\n".join(PERBUP) + "\n" + AMENDING[0]).splitlines()
    for k in range(120):
        sample = lines[rng.randrange(len(lines)):] if k % 3 == 0 else lines[: rng.randrange(len(lines))]
        if k % 3 == 2:
            sample = rng.sample(lines, len(lines))
        try:
            reg = _parse(["\n".join(sample)])
        except ComplianceError as err:
            assert err.code == "not-a-regulation"
        else:
            assert reg.articles


def test_labels_centred_beside_their_points():
    text = """PERATURAN BUPATI CONTOH
NOMOR 4 TAHUN 2020
BUPATI CONTOH,
a. bahwa satu;
Menimbang :
b. bahwa dua;
1. Undang-Undang Nomor 23 Tahun 2014;
Mengingat :
2. Peraturan Presiden Nomor 95 Tahun 2018;
MEMUTUSKAN:
Pasal 1
Isi."""
    reg = _parse([text])
    assert reg.menimbang == ["a. bahwa satu;", "b. bahwa dua;"]
    assert [m.label for m in reg.mengingat] == ["1", "2"]
    assert reg.preamble.endswith("BUPATI CONTOH,")


def test_an_article_titled_under_its_heading_keeps_its_ayat():
    doc = _parse(["""PERATURAN WALI KOTA CONTOH
NOMOR 1 TAHUN 2024
TENTANG
PUSAT DATA
Menimbang : a. bahwa perlu;
Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014;
MEMUTUSKAN:
Menetapkan : PERATURAN WALI KOTA TENTANG PUSAT DATA.
Pasal 1
Maksud dan Tujuan
(1) Peraturan ini dimaksudkan sebagai pedoman.
(2) Peraturan ini bertujuan untuk efisiensi.
Pasal 2
(1) Tanpa judul satu.
(2) Tanpa judul dua."""])
    a1, a2 = doc.articles
    assert [a.text for a in a1.ayat] == ["Peraturan ini dimaksudkan sebagai pedoman.",
                                         "Peraturan ini bertujuan untuk efisiensi."]
    assert a1.text.splitlines()[0] == "Maksud dan Tujuan"  # the title, verbatim, as the first line
    assert [a.label for a in a2.ayat] == ["1", "2"] and a2.text.startswith("(1) Tanpa judul satu.")


def test_a_regulation_whose_articles_carry_their_titles_on_the_heading_line():
    # before: the body start was never found ("tidak ditemukan Pasal atau diktum")
    doc = _parse(["""PERATURAN BUPATI CONTOH
NOMOR 2 TAHUN 2024
TENTANG
SPBE
Menimbang : a. bahwa perlu;
Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014;
MEMUTUSKAN:
Menetapkan : PERATURAN BUPATI TENTANG SPBE.
Pasal 1 Ruang Lingkup
(1) Ruang lingkup meliputi tata kelola.
(2) Dan manajemen.
Pasal 2 Penutup
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan."""])
    assert [a.label for a in doc.articles] == ["1", "2"]
    assert doc.articles[0].text.splitlines()[0] == "Ruang Lingkup" and len(doc.articles[0].ayat) == 2
    assert doc.articles[1].text == "Penutup Peraturan Bupati ini mulai berlaku pada tanggal diundangkan."
    assert doc.menetapkan == "MEMUTUSKAN:\nMenetapkan : PERATURAN BUPATI TENTANG SPBE."
