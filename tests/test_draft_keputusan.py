"""Drafts for a Keputusan: changed by a Keputusan in diktum (KESATU quotes the changed and
inserted diktum, KEDUA puts it into force), replaced by one that revokes it, and refused
when its gaps are not what it sets. Fixtures are small Keputusan written for these tests
in the shapes of the regional corpus; the corpus itself runs in bench/bench_amend.py and
tests/test_draft_corpus.py."""

from __future__ import annotations

from pathlib import Path

import pytest

import compliance
from compliance.check import check
from compliance.draft.apply import apply_amendment, quoted_diktum
from compliance.draft.command import amendment
from compliance.draft.keputusan import split_gaps, subject
from compliance.region.facts import relations

HEAD = """WALIKOTA TIRTARAYA
KEPUTUSAN WALIKOTA TIRTARAYA
NOMOR 188.45/ 91 / HK /2021
TENTANG
{title}
WALIKOTA TIRTARAYA,
Menimbang : a. bahwa untuk melaksanakan Peraturan Presiden Nomor 95 Tahun 2018 perlu ditetapkan keputusan;
b. bahwa berdasarkan pertimbangan sebagaimana dimaksud pada huruf a, perlu menetapkan Keputusan Walikota;
Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;
2. Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;
MEMUTUSKAN :
Menetapkan :
"""
TAIL = """Ditetapkan di Tirtaraya
pada tanggal 3 Maret 2021
WALIKOTA TIRTARAYA,
BUDI SANTOSO
"""
TEAM = HEAD.format(title="PEMBENTUKAN TIM KOORDINASI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK") + """KESATU : Membentuk Tim Koordinasi SPBE Kota Tirtaraya.
KEDUA : Segala biaya yang timbul dibebankan pada Anggaran Pendapatan dan Belanja Daerah.
KETIGA : Keputusan ini mulai berlaku pada tanggal ditetapkan.
""" + TAIL
PLAN = HEAD.format(title="PETA RENCANA SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK KOTA TIRTARAYA") + """KESATU : Menetapkan Peta Rencana SPBE Pemerintah Daerah sebagaimana tercantum dalam Lampiran Keputusan ini.
KEDUA : Peta Rencana SPBE Pemerintah Daerah sebagaimana dimaksud dalam Diktum KESATU berpedoman pada Peta Rencana SPBE Nasional, Arsitektur SPBE Pemerintah Daerah, RPJMD dan Renstra, disusun untuk jangka waktu 3 (tiga) tahun, ditetapkan oleh Walikota, dan direviu pada paruh waktu dan tahun terakhir pelaksanaan.
KETIGA : Keputusan ini mulai berlaku pada tanggal ditetapkan.
""" + TAIL
APPLICATION = HEAD.format(title="PENETAPAN SISTEM INFORMASI PERIZINAN ONLINE") + """KESATU : Menetapkan aplikasi Sistem Informasi Perizinan Online sebagai aplikasi pelayanan perizinan di Kota Tirtaraya.
KEDUA : Keputusan ini mulai berlaku pada tanggal ditetapkan.
""" + TAIL


def _load(tmp_path: Path, text: str, name: str = "kepwal.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return compliance.load(path)


def _reload(tmp_path: Path, made, fmt: str):
    path = tmp_path / f"rancangan.{fmt}"
    path.write_bytes(made.render(fmt))
    return compliance.load(path)


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_a_gap_of_its_subject_is_an_inserted_diktum_that_closes_it(tmp_path: Path, fmt: str):
    base = _load(tmp_path, TEAM)
    result = check(base)
    assert subject(result) == ["tim-koordinasi"]
    made = amendment(base)
    assert [c.label for c in made.changes] == ["KESATU A"] and made.draft.addressed == ["tim-koordinasi"]
    text = made.draft.text()
    assert "TENTANG\nPERUBAHAN ATAS KEPUTUSAN WALI KOTA TIRTARAYA NOMOR 188.45/91/HK/2021 TENTANG PEMBENTUKAN TIM" in text
    assert ("Di antara Diktum KESATU dan Diktum KEDUA disisipkan 1 (satu) diktum, yakni Diktum KESATU A sehingga "
            "berbunyi sebagai berikut:") in text
    assert "KEDUA : Keputusan ini mulai berlaku pada tanggal ditetapkan." in text
    assert "Pasal I" not in text and "Berita Daerah" not in text  # a Keputusan is not promulgated
    mengingat = text.split("Mengingat :")[1].split("MEMUTUSKAN")[0]
    assert "188.45/91/HK/2021" not in mengingat  # a Keputusan is no legal basis
    back = _reload(tmp_path, made, fmt)
    assert back.is_keputusan and [d.label for d in back.diktum] == ["KESATU", "KEDUA"]
    assert back.metadata.jenis_kode == "kepwal"
    assert [label for label, _ in quoted_diktum(back)] == ["KESATU A"]
    applied = apply_amendment(base, back)
    assert [d.label for d in applied.diktum] == ["KESATU", "KESATU A", "KEDUA", "KETIGA"]
    after = {f.requirement: f.status for f in check(applied).findings}
    assert after["tim-koordinasi"] == "fulfilled"


def test_a_conflicting_diktum_is_restated_with_the_national_value(tmp_path: Path):
    base = _load(tmp_path, PLAN)
    result = check(base)
    finding = {f.requirement: f for f in result.findings}["peta-rencana"]
    assert finding.status == "conflict"
    made = amendment(base)
    change = next(c for c in made.changes if c.requirement == "peta-rencana")
    assert change.formula == "Ketentuan Diktum KEDUA diubah sehingga berbunyi sebagai berikut:"
    assert change.body == base.diktum[1].text.replace("3 (tiga) tahun", "5 (lima) tahun")
    back = _reload(tmp_path, made, "txt")
    assert "KEDUA" in [label for label, _ in quoted_diktum(back)]
    after = {f.requirement: f.status for f in check(apply_amendment(base, back)).findings}
    assert after["peta-rencana"] != "conflict"


def test_gaps_outside_its_subject_give_no_draft_and_say_why(tmp_path: Path):
    from tests.test_parse_keputusan import KEPUTUSAN

    for text in (APPLICATION, KEPUTUSAN):
        base = _load(tmp_path, text)
        made = amendment(base)
        inside, outside = split_gaps(check(base))
        assert made.draft is None and not inside
        assert made.reason == ("outside-subject" if outside else "no-gaps")
    made = amendment(_load(tmp_path, APPLICATION))
    assert made.reason == "outside-subject" and any("Aplikasi SPBE" in t for t in made.outside)
    assert made.kepala_daerah == "Wali Kota"


def test_replacement_keputusan_revokes_the_old_one_in_a_form_the_region_reads(tmp_path: Path):
    base = _load(tmp_path, TEAM)
    made = amendment(base, replace=True)
    back = _reload(tmp_path, made, "txt")
    labels = [d.label for d in back.diktum]
    assert labels == ["KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA"]
    assert back.diktum[0].text == base.diktum[0].text and back.diktum[1].text == base.diktum[1].text
    revoking = back.diktum[-2].text
    assert "Keputusan Wali Kota Tirtaraya Nomor 188.45/91/HK/2021" in revoking
    assert revoking.endswith("dicabut dan dinyatakan tidak berlaku.")
    assert any(r["kind"] == "revokes" and r["quote"] == revoking for r in relations(back))
    after = {f.requirement: f.status for f in check(back).findings}
    assert after["tim-koordinasi"] == "fulfilled"


def fill_placeholders(text: str, nomor: str, tanggal: str) -> str:
    """What a drafter does before the draft is signed: number and date filled in."""
    text = text.replace("NOMOR «…» TAHUN «…»", f"NOMOR {nomor}").replace("NOMOR «…»", f"NOMOR {nomor}")
    return text.replace("pada tanggal «…»", f"pada tanggal {tanggal}", 1)


def test_the_region_counts_the_replaced_keputusan_as_revoked(tmp_path: Path):
    from compliance.region.assess import assess

    old = tmp_path / "kepwal-2021.txt"
    old.write_text(TEAM, encoding="utf-8")
    made = amendment(compliance.load(old), replace=True)
    new = tmp_path / "kepwal-pengganti.txt"
    new.write_text(fill_placeholders(made.render("txt").decode("utf-8"), "188.45/12/HK/2025", "2 Januari 2025"),
                   encoding="utf-8")
    assessment, _ = assess([old, new], jobs=1)
    status = {Path(i["file"]).name: i for i in assessment["instruments"]}
    assert status["kepwal-2021.txt"]["status"] == "revoked"
    assert status["kepwal-2021.txt"]["revoked_by"]["quote"].endswith("dicabut dan dinyatakan tidak berlaku.")
    assert status["kepwal-pengganti.txt"]["status"] == "in-force"
