"""parse_headings: what a heading line and its title look like, line by line."""

from compliance.parse_headings import (
    bagian_label,
    ends_sentence,
    is_article_title,
    is_heading_start,
    is_heading_words,
    is_penjelasan_title,
    title_lines,
    titled_pasal,
)


def test_heading_starts():
    for line in ("Pasal 5", "Pasal 16B", "BAB IV", "BAB II KETENTUAN UMUM", "Paragraf 2", "Bagian Kedua"):
        assert is_heading_start(line), line
    for line in ("Pasal 5 ayat (2) berbunyi", "Bagian dari rencana", "bab ini", "Paragraf ini"):
        assert not is_heading_start(line), line
    assert bagian_label("Bagian Kedua Belas") == "Kedua Belas"
    assert bagian_label("Bagian Umum") is None


def test_titles_are_capitalised_words_never_a_sentence():
    assert is_heading_words("Hak dan Kewajiban")
    assert not is_heading_words("hak dan kewajiban")
    assert ends_sentence("dilaksanakan oleh Dinas.") and ends_sentence("/") and not ends_sentence("Tata Kelola")
    texts = ["Bagian Kesatu", "Tata Kelola", "Pasal 2", "Isi pasal."]
    assert title_lines(texts, 0, upper_only=False, limit=3) == 1
    texts = ["BAB I", "KETENTUAN", "UMUM", "Pasal 1"]
    assert title_lines(texts, 0, upper_only=True) == 2
    texts = ["Bagian Kesatu", "Pemerintah Daerah menyusun rencana.", "lainnya"]
    assert title_lines(texts, 0, upper_only=False, limit=3) == 0


def test_penjelasan_title_as_ocr_garbles_it():
    assert is_penjelasan_title("PENJELASAN") and is_penjelasan_title("P3NJ3LASAN ATAS")
    assert not is_penjelasan_title("Penjelasan") and not is_penjelasan_title("PENJELASAN UMUM")


def test_article_titles_are_few_capitalised_lines():
    assert is_article_title(["Maksud dan Tujuan"]) and is_article_title(["RUANG LINGKUP"])
    assert is_article_title(["Penyelenggaraan Sistem Pemerintahan", "Berbasis Elektronik"])
    for lines in ([], ["Maksud dan tujuan peraturan"], ["Ruang Lingkup."], ["a. Maksud Dan Tujuan"],
                  ["Satu Dua", "Tiga Empat", "Lima Enam"], ["Dalam Peraturan Ini:"]):
        assert not is_article_title(lines), lines


def test_a_title_on_the_heading_line():
    assert titled_pasal("Pasal 3 Ruang Lingkup").group("raw", "title") == ("3", "Ruang Lingkup")
    assert titled_pasal("Pasal 12 KETENTUAN PENUTUP").group("title") == "KETENTUAN PENUTUP"
    assert is_heading_start("Pasal 3 Ruang Lingkup")
    for line in ("Pasal 3", "Pasal 8 A", "Pasal 4 ayat (1) kecuali huruf a", "Pasal 7 Peraturan Presiden Nomor 95",
                 "Pasal 7 Peraturan Presiden menyebutkan", "Pasal 7 Undang-Undang Dasar", "Pasal 1 Cukup jelas.",
                 "Pasal 5 Bupati melaksanakan tugas", "Pasal 3 Ruang Lingkup."):
        assert titled_pasal(line) is None, line
