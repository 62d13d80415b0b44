from pathlib import Path

from compliance import load
from compliance.relations import regulation_links, relations_from_metadata


def test_relations_need_the_earlier_number_and_year():
    members = [{"nomor": "3", "tahun": 2021, "tentang": "SPBE"},
               {"nomor": "8", "tahun": 2024, "tentang": "Perubahan atas Peraturan Wali Kota Nomor 3 Tahun 2020"},
               {"nomor": "9", "tahun": 2024, "tentang": "Perubahan Kedua atas Peraturan Wali Kota Nomor 3 Tahun 2021"}]
    assert relations_from_metadata(members) == [("amends", 2, 0)]


def test_regulation_links_from_the_real_citation_finder(tmp_path: Path):
    path = tmp_path / "perbup.txt"
    path.write_text("""PERATURAN BUPATI LABUHANBATU
NOMOR 20 TAHUN 2021
TENTANG
SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK
BUPATI LABUHANBATU,
Menimbang : a. bahwa perlu mengubah Peraturan Bupati Labuhanbatu Nomor 12 Tahun 2019;
Mengingat : 1. Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;
MEMUTUSKAN:
Menetapkan : PERATURAN BUPATI TENTANG SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK.
Pasal 1
Peraturan Bupati Labuhanbatu Nomor 9 Tahun 2016 tentang E-Government dicabut dan dinyatakan tidak berlaku.
Pasal 2
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""", encoding="utf-8")
    links = regulation_links(load(path))
    assert links == {"id": "perbup/labuhanbatu/2021/20", "amends": ["perbup/labuhanbatu/2019/12"],
                     "revokes": ["perbup/labuhanbatu/2016/9"]}
