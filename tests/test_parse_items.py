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
