"""clean: page furniture, carry-over lines, hyphenation and structural OCR repairs."""

from __future__ import annotations

from compliance.clean import clean, fix_heading, fix_words
from compliance.models import Page


def _texts(pages: list[Page]) -> list[str]:
    return [line.text for line in clean(pages)]


def test_running_headers_and_page_numbers_are_dropped():
    pages = [
        Page(1, "PRESIDEN\nREPUBLIK INDONESIA\nUNDANG-UNDANG REPUBLIK INDONESIA\nNOMOR 1 TAHUN 2020\nSK No 012345 A"),
        Page(2, "PRES IDEN\nREPUBLIK INDONESIA\n-2-\nPasal 1\nIsi pertama.\nSK No 012346 A"),
        Page(3, "PRESIDEN\nREPUBLIK INDONESIA\n- 3 -\nPasal 2\nIsi kedua."),
    ]
    # the letterhead of the first page stays (it belongs to the title block)
    assert _texts(pages) == [
        "PRESIDEN", "REPUBLIK INDONESIA", "UNDANG-UNDANG REPUBLIK INDONESIA", "NOMOR 1 TAHUN 2020",
        "Pasal 1", "Isi pertama.", "Pasal 2", "Isi kedua.",
    ]


def test_repeated_page_headers_are_learned_not_hard_coded():
    header = "KABUPATEN CONTOHREJO SEKRETARIAT DAERAH"
    pages = [Page(1, "PERATURAN BUPATI CONTOHREJO\nNOMOR 1 TAHUN 2020")]
    body = "\n".join(f"baris ke-{k} dari isi pasal" for k in range(12))
    pages += [Page(n, f"{header}\nhalaman {n}\nPasal {n - 1}\n{body}\nCukup jelas") for n in range(2, 6)]
    texts = _texts(pages)
    assert header not in texts
    assert "Pasal 3" in texts and "baris ke-11 dari isi pasal" in texts
    # a repeated line that also occurs inside pages is text, not a header
    assert "Cukup jelas" not in texts
    pages.append(Page(6, f"{header}\nPasal 5\n{body}\nCukup jelas\n{body}"))
    assert _texts(pages).count("Cukup jelas") == 5


def test_carry_over_line_at_the_foot_is_dropped():
    pages = [
        Page(1, "(1) Setiap orang wajib.\nPasal 5 . . ."),
        Page(2, "Pasal 5\nIsi pasal lima."),
        Page(3, "3. Teknologi ."),
    ]
    pages[2] = Page(3, "1. Satu.\n3. Teknologi .")
    pages.append(Page(4, "3. Teknologi Informasi adalah suatu teknik."))
    texts = _texts(pages)
    assert texts.count("Pasal 5") == 1
    assert "Pasal 5 . . ." not in texts
    assert "3. Teknologi ." not in texts
    assert "3. Teknologi Informasi adalah suatu teknik." in texts


def test_a_foot_line_that_the_next_page_does_not_repeat_is_kept():
    texts = _texts([Page(1, "Pasal 1\nberlaku sejak tanggal diundangkan ."), Page(2, "Pasal 2\nLain.")])
    assert "berlaku sejak tanggal diundangkan ." in texts


def test_hyphenated_words_are_joined():
    texts = _texts([Page(1, "Pasal 1\nPenyeleng-\ngaraan sistem menurut Undang-\nUndang ini.")])
    assert texts == ["Pasal 1", "Penyelenggaraan", "sistem menurut Undang-Undang", "ini."]


def test_a_hyphen_before_a_lettered_point_or_at_the_end_stays():
    texts = _texts([Page(1, "Pasal 1\nsistem pemerintahan-\nb. kedua"), Page(2, "Pasal 2\nberbasis-\nelektronik\nUndang-")])
    assert texts == ["Pasal 1", "sistem pemerintahan-", "b. kedua", "Pasal 2", "berbasiselektronik", "Undang-"]


def test_ocr_heading_repairs():
    assert fix_heading("Pasal1") == "Pasal 1"
    assert fix_heading("PasaI 10") == "Pasal 10"
    assert fix_heading("Pasal 2 6") == "Pasal 26"
    assert fix_heading("pasal 458") == "Pasal 458"  # the parser reads 45B from the sequence
    assert fix_heading("BABI") == "BAB I"
    assert fix_heading("BAB Il") == "BAB II"
    assert fix_heading("Bag ian Kesatu") == "Bagian Kesatu"
    assert fix_heading("/ BAB VII") == "BAB VII"
    assert fix_heading("PASAL 12") == "Pasal 12"
    assert fix_heading("BAGIAN KETIGA BELAS") == "Bagian Ketiga Belas"
    assert fix_heading("PARAGRAF 2") == "Paragraf 2"
    # a cross-reference that merely starts with Pasal is left alone
    assert fix_heading("Pasal 6 ayat (2) berlaku") == "Pasal 6 ayat (2) berlaku"


def test_ocr_word_repairs_keep_other_words():
    assert fix_words("Menteri Komunikasi dan lnformatika") == "Menteri Komunikasi dan Informatika"
    assert fix_words("pidana penjara danjatau denda a tau keduanya") == "pidana penjara dan/atau denda atau keduanya"
    assert fix_words("mentransmisikan dan/ atau membuat") == "mentransmisikan dan/atau membuat"
    assert fix_words("Tata cara lnput data") == "Tata cara lnput data"


def test_carry_over_whose_dots_the_ocr_lost():
    texts = _texts([Page(1, "Pasal 26\n(2) Isi ayat dua.\n(3) Setiap."), Page(2, "(3) Setiap Penyelenggara wajib.\n(4) Lain.")])
    assert texts == ["Pasal 26", "(2) Isi ayat dua.", "(3) Setiap Penyelenggara wajib.", "(4) Lain."]
    # a short sentence that merely ends a page is kept
    kept = _texts([Page(1, "Pasal 1\nIni berlaku."), Page(2, "Pasal 2\nLain.")])
    assert "Ini berlaku." in kept


def test_header_words_at_the_foot_of_a_page_are_text():
    pages = [
        Page(1, "UNDANG-UNDANG\nDengan Persetujuan Bersama\nDEWAN PERWAKILAN RAKYAT REPUBLIK INDONESIA\ndan\nPRESIDEN REPUBLIK INDONESIA"),
        Page(2, "PRESIDEN\nREPUBLIK INDONESIA\n-2-\nMEMUTUSKAN:\nDitetapkan di Jakarta\nBUPATI CONTOH"),
    ]
    texts = _texts(pages)
    assert texts[-4:] == ["PRESIDEN REPUBLIK INDONESIA", "MEMUTUSKAN:", "Ditetapkan di Jakarta", "BUPATI CONTOH"]


def test_page_breaks_inside_a_single_page_text():
    text = "Pasal 3\nRencana Induk ditetapkan.\nPasal 4 . . .\nBUPATI SUKAMAJU\n- 3 -\nPasal 4\nIsi."
    assert _texts([Page(1, text)]) == ["Pasal 3", "Rencana Induk ditetapkan.", "Pasal 4", "Isi."]


def test_table_rule_glued_to_an_ocr_heading_is_dropped():
    from compliance.clean import fix_words

    assert fix_words("Pasal 13|") == "Pasal 13"
    assert fix_words("Pasal 45A |") == "Pasal 45A"
    assert fix_words("huruf a | huruf b") == "huruf a | huruf b"  # only after a heading, only at the line end


def test_tidy_pages_are_split_as_normalising_each_line_would():
    """A page that is tidy (single spaces, "\\n" only; printable beyond ASCII) is only split; any
    other page is normalised line by line."""
    import random

    from compliance.clean import _is_tidy, _page_lines, normalise

    pages = [
        "Pasal 1\nIsi pertama.\n\n(2) Ayat kedua;",  # tidy: the fast path
        "Pasal 1\nIsi “pertama” – kedua é.",  # tidy beyond ASCII
        " Pasal 1\nIsi  pertama. \n\tayat",  # spaces to collapse and strip, a tab
        "Pasal 1\r\nIsi\x0bpertama\x1cketiga\x1f",  # other line ends, a unit separator
        "Pasal 1 \nIsi\n pertama",  # a space at a line end and at a line start
        "Pasal\u00a01\nIsi\u2003pertama\u00ad\nPenye\ufffelenggara\ufeff",  # not ASCII
        "Pasal 1\u2028Isi\x85pertama é",  # line breaks beyond ASCII
    ]
    characters = list("ab \n\t\r\x0b\x1c\x1f\x85\u00a0\u2003\u2028\u200b\u00ad\ufffe\ufeff“é–")
    rng = random.Random(11)
    pages += ["".join(rng.choice(characters) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    for text in pages:
        assert _page_lines(text) == [t for t in (normalise(x) for x in text.splitlines()) if t], repr(text)
    assert _page_lines(pages[2]) == ["Pasal 1", "Isi pertama.", "ayat"]
    assert _is_tidy(pages[0]) and _is_tidy(pages[1]) and not any(_is_tidy(t) for t in pages[2:7])


def test_a_header_line_that_also_stands_inside_a_page_is_not_learned():
    header = "KABUPATEN CONTOHREJO SEKRETARIAT DAERAH"
    body = "\n".join(f"baris ke-{k} dari isi pasal" for k in range(12))
    pages = [Page(1, "PERATURAN BUPATI CONTOHREJO\nNOMOR 1 TAHUN 2020")]
    pages += [Page(n, f"{header}\nPasal {n - 1}\n{body}\nCukup jelas") for n in range(2, 6)]
    assert header not in _texts(pages)
    pages[2] = Page(3, f"{header}\nPasal 2\n{body}\n{header}\n{body}\nCukup jelas")  # also inside page 3
    assert _texts(pages).count(header) == 5


def test_furniture_patterns_are_matched_as_one_each_with_its_own_flags():
    """layout.yaml's furniture patterns are tried as one alternation: a pattern's leading
    ``(?i)`` still relaxes case for that pattern only, and each must match the whole line."""
    from compliance.clean import _is_pattern_furniture

    assert _is_pattern_furniture("Halaman 3 dari 12", top=False)  # (?i) pattern
    assert _is_pattern_furniture("HALAMAN 3 DARI 12", top=False)
    assert _is_pattern_furniture("WWW.JDIH.GO.ID/perda", top=False)
    assert _is_pattern_furniture("SK No 012345 A", top=False)  # a case-sensitive one
    assert not _is_pattern_furniture("sk no 012345 a", top=False)  # its case is not relaxed
    assert _is_pattern_furniture("SALINAN", top=True) and not _is_pattern_furniture("SALINAN", top=False)
    assert not _is_pattern_furniture("Salinan", top=True)
    assert not _is_pattern_furniture("- 2 - Pasal 3 berlaku", top=True)  # anchored at both ends
    assert not _is_pattern_furniture("halaman 3 dari 12 berisi", top=False)


def test_word_repairs_of_a_page_are_those_of_each_line():
    """Lines holding no literal of the page's repairs are passed over; the others are repaired
    in order, a repair making the words of a later one ("Pasa1 13|" -> "Pasal 13")."""
    from compliance.clean import _page_words

    pages = [
        ["Pasa1 13|", "sistem lnformasi dan/ atau data", "tidak ada yang diperbaiki", "danjatau", "a tau"],
        ["Pasal 5 ayat (1)", "Pasa1 6", "huruf a | huruf b"],
        ["tanpa perbaikan apa pun", ""],
        [],
    ]
    for lines in pages:
        assert _page_words(lines) == [fix_words(text) for text in lines]
    assert _page_words(pages[0])[:2] == ["Pasal 13", "sistem Informasi dan/atau data"]
