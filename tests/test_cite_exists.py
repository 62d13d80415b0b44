"""cite_exists: a reference points at an article, ayat, huruf or angka the regulation has."""

from compliance.cite_exists import article_index, exists
from compliance.clean import clean
from compliance.models import Page, Source
from compliance.parse import parse

TEXT = """PERATURAN WALI KOTA CONTOH
NOMOR 3 TAHUN 2021
TENTANG
SPBE
Menimbang : a. bahwa perlu mengatur SPBE;
b. bahwa perlu menetapkan Peraturan Wali Kota;
Mengingat : 1. Peraturan Presiden Nomor 95 Tahun 2018 tentang SPBE;
MEMUTUSKAN:
Menetapkan : PERATURAN WALI KOTA TENTANG SPBE.
Pasal 1
(1) Pemerintah Daerah menyusun:
a. rencana induk; dan
b. arsitektur.
(2) Rencana induk ditetapkan.
Pasal 2
Dinas melaksanakan Pasal 1."""


def test_exists_walks_article_ayat_and_items():
    reg = parse(clean([Page(1, TEXT)]), Source("contoh.txt", "0" * 64, 1))
    index = article_index(reg)
    assert set(index) == {"1", "2"}
    assert exists(reg, {"pasal": "1", "ayat": "1", "huruf": "b"}, index)
    assert exists(reg, {"pasal": "1", "ayat": "2"}, index)
    assert not exists(reg, {"pasal": "1", "ayat": "3"}, index)
    assert not exists(reg, {"pasal": "1", "ayat": "1", "huruf": "c"}, index)
    assert not exists(reg, {"pasal": "3"}, index)
    assert exists(reg, {"menimbang": "b"}, index) and not exists(reg, {"menimbang": "c"}, index)
