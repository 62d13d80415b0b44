"""Verifying catalog references against an 'official' text (a synthetic stand-in: the
real Perpres 95/2018 is not bundled)."""

from compliance.catalog import load_catalog
from compliance.parse import parse
from compliance.clean import clean
from compliance.models import Page, Source
from compliance.verify import ANCHORS_MISSING, ARTICLE_MISSING, CONFIRMED, NOT_CHECKABLE, verify

OFFICIAL = """PERATURAN PRESIDEN REPUBLIK INDONESIA
NOMOR 95 TAHUN 2018
TENTANG
SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK

PRESIDEN REPUBLIK INDONESIA,
Menimbang : a. bahwa pertimbangan contoh;
Mengingat : 1. Pasal 4 ayat (1) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;
MEMUTUSKAN:
Menetapkan : PERATURAN PRESIDEN TENTANG SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK.

{before}
Pasal 19
(1) Peta Rencana SPBE Pemerintah Daerah berpedoman pada Peta Rencana SPBE Nasional.
(2) Peta Rencana SPBE Pemerintah Daerah disusun untuk jangka waktu 5 (lima) tahun.

Pasal 20
Teks pasal dua puluh.
""".format(before="\n".join(f"Pasal {n}\nKetentuan contoh nomor {n}." for n in range(1, 19)))


def _official():
    return parse(clean([Page(1, OFFICIAL)]), Source("perpres.txt", "0" * 64, 1))


def test_verify_confirms_missing_and_topic_entries():
    catalog = load_catalog()
    results = {v.requirement: v for v in verify(catalog, _official())}
    assert len(results) == len(catalog.entries)
    peta = results["peta-rencana"]
    assert peta.status == CONFIRMED, peta
    assert peta.articles == ["19"]
    assert "5 (lima) tahun" in peta.anchors_found
    assert peta.quote.startswith("(1) Peta Rencana SPBE")
    assert results["audit-keamanan"].status == ARTICLE_MISSING
    assert results["tim-koordinasi"].status == NOT_CHECKABLE


def test_anchor_not_in_article_is_reported():
    text = OFFICIAL.replace("5 (lima) tahun", "jangka menengah")
    reg = parse(clean([Page(1, text)]), Source("perpres.txt", "0" * 64, 1))
    peta = {v.requirement: v for v in verify(load_catalog(), reg)}["peta-rencana"]
    assert peta.status == ANCHORS_MISSING
    assert peta.anchors_missing == ["5 (lima) tahun"]
