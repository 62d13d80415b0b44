"""parse_body: headings read from the sequence and the context, here an article's title
printed on the line of its heading ("Pasal 3 Ruang Lingkup")."""

from __future__ import annotations

from compliance.models import Line
from compliance.parse_body import parse_body


def _body(text: str):
    return parse_body([Line(t, 1) for t in text.splitlines()])


TITLED_ON_THE_HEADING_LINE = """Pasal 1 Ketentuan Umum
Dalam Peraturan Bupati ini yang dimaksud dengan:
1. Daerah adalah Kabupaten Contoh.
2. Bupati adalah Bupati Contoh.
Pasal 2 Maksud dan Tujuan
(1) Peraturan ini dimaksudkan sebagai pedoman.
(2) Peraturan ini bertujuan untuk efisiensi.
Pasal 3 RUANG LINGKUP
(1) Ruang lingkup meliputi tata kelola.
(2) Ketentuan sebagaimana dimaksud pada
Pasal 4 ayat (1) kecuali huruf a berlaku juga.
(3) Hal ini sesuai.
Pasal 4 Peraturan Presiden Nomor 95 Tahun 2018 menyebutkan hal itu.
Pasal 4
Tata Kelola
(1) Bupati menetapkan arsitektur.
(2) Perangkat Daerah melaksanakan.
Pasal 5 Peraturan Presiden Nomor 95 Tahun 2018
menyebutkan hal lain.
Pasal 5 Pemantauan dan Evaluasi
melakukan pemantauan.
Pasal 5 Pemantauan dan Evaluasi
Bupati melakukan pemantauan."""


def test_a_title_on_the_heading_line_opens_the_article_and_is_its_first_line():
    body = _body(TITLED_ON_THE_HEADING_LINE)
    assert [a.label for a in body.articles] == ["1", "2", "3", "4", "5"]
    a1, a2, a3, a4, a5 = body.articles
    assert a1.text.startswith("Ketentuan Umum Dalam Peraturan") and [i.label for i in a1.items] == ["1", "2"]
    assert a2.text.splitlines()[0] == "Maksud dan Tujuan" and [a.label for a in a2.ayat] == ["1", "2"]
    assert a3.text.splitlines()[0] == "RUANG LINGKUP" and [a.label for a in a3.ayat] == ["1", "2", "3"]
    # references that start a line stay text of the article they stand in
    assert "pada Pasal 4 ayat (1) kecuali huruf a" in a3.ayat[1].text
    assert a3.ayat[2].text.endswith("Pasal 4 Peraturan Presiden Nomor 95 Tahun 2018 menyebutkan hal itu.")
    assert "melaksanakan. Pasal 5 Peraturan Presiden Nomor 95 Tahun 2018 menyebutkan hal lain." in a4.ayat[1].text
    # a titled line the next line runs on from (lower case) is text; the next one opens Pasal 5
    assert a4.ayat[1].text.endswith("lain. Pasal 5 Pemantauan dan Evaluasi melakukan pemantauan.")
    assert a5.text == "Pemantauan dan Evaluasi Bupati melakukan pemantauan."
    assert not body.unplaced
