"""parse_items: ayat, huruf and angka inside one article, by sequence."""

from __future__ import annotations

from compliance.parse_items import parse_article_body


def test_nested_points():
    body = parse_article_body(["(1) Wajib:", "a. satu;", "b. dua:", "1) x;", "2) y; dan", "c. tiga.", "(2) Lain."])
    assert [a.label for a in body.ayat] == ["1", "2"]
    assert [i.label for i in body.ayat[0].items] == ["a", "b", "c"]
    assert [i.label for i in body.ayat[0].items[1].items] == ["1", "2"]
    assert body.ayat[0].items[1].text == "dua:\n1) x;\n2) y; dan"


def test_numbers_that_do_not_open_points():
    body = parse_article_body(["Sebagaimana dimaksud dalam Pasal 7 ayat", "(1) huruf b, wajib:", "a. satu;", "c. bukan urutan", "(Lembaran Nomor", "9);"])
    assert body.ayat == []
    assert [i.label for i in body.items] == ["a"]
    assert body.items[0].text == "satu; c. bukan urutan (Lembaran Nomor 9);"


def test_ocr_ayat_label():
    body = parse_article_body(["(1) Satu.", "(21 Setiap Orang dua.", "(3) Tiga."])
    assert [a.label for a in body.ayat] == ["1", "2", "3"]


# An article titled on its own line under its heading ("Pasal 2" / "Maksud dan Tujuan" /
# "(1) ..."), as many regional Perbup/Perwal print them: the title is the article's first
# line of text, verbatim, and its ayat are read as in an untitled article.
TITLED = [
    (["Maksud dan Tujuan", "(1) Peraturan ini dimaksudkan sebagai pedoman.", "(2) Bertujuan efisiensi."],
     "Maksud dan Tujuan", ["1", "2"]),
    (["KETENTUAN UMUM", "(1) Satu.", "(2) Dua."], "KETENTUAN UMUM", ["1", "2"]),
    (["Penyelenggaraan Sistem Pemerintahan", "Berbasis Elektronik", "(1) Satu.", "(2) Dua."],
     "Penyelenggaraan Sistem Pemerintahan Berbasis Elektronik", ["1", "2"]),  # lines joined as a paragraph's
    (["Hak dan Kewajiban", "(1) Perangkat Daerah wajib:", "a. satu;", "b. dua.", "(2) Lain."],
     "Hak dan Kewajiban", ["1", "2"]),
]


def test_a_title_under_the_heading_does_not_stop_the_ayat():
    for lines, title, labels in TITLED:
        body = parse_article_body(lines)
        assert [a.label for a in body.ayat] == labels, lines
        assert body.text.split("\n(1) ")[0] == title, lines
        assert body.text.split() == " ".join(lines).split(), lines  # no word dropped or added
        for a in body.ayat:  # each ayat is still a slice of the article's text
            assert body.text[a.start:a.end] == a.text
    body = parse_article_body(TITLED[3][0])
    assert [i.label for i in body.ayat[0].items] == ["a", "b"] and body.items == []


def test_what_is_not_a_title_is_read_as_before():
    # a finished sentence, a lower-case clause, a list item or three lines before "(1)": no title,
    # the "(1)" is text as it was (the ayat are not guessed)
    for lines in (["Peraturan ini berlaku untuk seluruh Perangkat Daerah.", "(1) Satu.", "(2) Dua."],
                  ["Pemerintah Daerah menyusun rencana", "(1) Satu.", "(2) Dua."],
                  ["a. Maksud dan Tujuan", "(1) Satu.", "(2) Dua."],
                  ["Penyelenggaraan Sistem", "Pemerintahan Berbasis", "Elektronik Daerah", "(1) Satu."]):
        assert parse_article_body(lines).ayat == [], lines
    # a wrapped reference "... Pasal 7 ayat / (1)" stays text even after a capitalised line
    body = parse_article_body(["Ketentuan Pasal 7 ayat", "(1) Berlaku Juga"])
    assert body.ayat == []
    # an article that starts with an ordinary sentence and no ayat is unchanged
    body = parse_article_body(["Peraturan Bupati ini mulai berlaku", "pada tanggal diundangkan."])
    assert body.text == "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan." and body.ayat == []
