"""region/facts: the articles of the amended act an amending instrument changes or removes, read
with the amending vocabulary of regulations/markers.yaml (the words an applied amendment reads)."""

from __future__ import annotations

import compliance
from compliance.region.facts import amended_articles
from tests.conftest import EXAMPLES
from test_parse_keputusan import _parse

AMENDING = """PERATURAN WALI KOTA CONTOH
NOMOR 4 TAHUN 2023
TENTANG
PERUBAHAN ATAS PERATURAN WALI KOTA CONTOH NOMOR 3 TAHUN 2021 TENTANG SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK
WALI KOTA CONTOH,
Menimbang : a. bahwa perlu mengubah Peraturan Wali Kota Contoh Nomor 3 Tahun 2021;
Mengingat : 1. Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;
MEMUTUSKAN:
Menetapkan : PERATURAN WALI KOTA TENTANG PERUBAHAN ATAS PERATURAN WALI KOTA CONTOH NOMOR 3 TAHUN 2021.
Pasal I
Beberapa ketentuan dalam Peraturan Wali Kota Contoh Nomor 3 Tahun 2021 diubah sebagai berikut:
1. Ketentuan Pasal 5 ayat (2) diubah dan ditambah satu ayat.
2. Pasal 7 dihapus.
3. PASAL 9 DIHAPUS.
4. Pasal 11 tetap berlaku.
Pasal II
Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.
Ditetapkan di Contoh
pada tanggal 2 Januari 2023
WALI KOTA CONTOH,
BUDI"""


def test_the_points_of_pasal_i_name_the_changed_and_removed_articles():
    reg = _parse(AMENDING)
    assert [a.label for a in reg.articles if a.parent is None] == ["I", "II"]
    assert amended_articles(reg) == ["5", "7", "9"]  # not 11: it stays in force


def test_an_instrument_amending_nothing_names_no_article():
    reg = compliance.load(EXAMPLES / "perwal-banyuasri-2022-spbe.txt")
    assert reg.articles and amended_articles(reg) == []
