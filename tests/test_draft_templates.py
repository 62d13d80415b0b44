"""Every requirement that can be a gap has a clause template of its own
(``templates/suggestions/<id>.j2``, not the generic fallback), and that clause, set alone
as a Pasal of an otherwise empty Peraturan Wali Kota, fulfils its own requirement: an
amendment that inserts it closes the gap. ``dasar-hukum`` is answered by the draft's
Mengingat, not by a clause."""

from __future__ import annotations

from pathlib import Path

import pytest

import compliance
from compliance.catalog import load_catalog
from compliance.check import check
from compliance.report.templating import suggestion
from compliance.resources import data_dir

HEAD = """WALI KOTA CONTOH
PERATURAN WALI KOTA CONTOH
NOMOR 1 TAHUN 2025
TENTANG
KETENTUAN UJI
DENGAN RAHMAT TUHAN YANG MAHA ESA
WALI KOTA CONTOH,
Menimbang : a. bahwa perlu diatur;
Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;
MEMUTUSKAN:
Menetapkan : PERATURAN WALI KOTA TENTANG KETENTUAN UJI.
Pasal 1
Dalam Peraturan Wali Kota ini yang dimaksud dengan Daerah adalah Kota Contoh.
"""
TAIL = """Pasal 3
Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.
Ditetapkan di Contoh
pada tanggal 2 Januari 2025
WALI KOTA CONTOH,
ttd
"""
ENTRIES = [e for e in load_catalog().entries if e.check is None]  # "mengingat" entries: the draft's Mengingat


def test_every_catalog_entry_has_a_template_of_its_own():
    folder = data_dir("templates") / "suggestions"
    missing = [e.id for e in load_catalog().entries if not (folder / f"{e.id}.j2").is_file()]
    assert missing == []
    assert len(ENTRIES) >= 30  # the supplement's entries are part of the catalog


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_the_clause_alone_fulfils_its_requirement(tmp_path: Path, entry):
    finding = {"requirement": entry.id, "status": "missing", "title": "", "basis": None,
               "basis_confidence": "topic", "missing_elements": []}
    clause = str(suggestion(finding, {"jenis_kode": "perwal", "daerah": "Kota Contoh"}).unescape())
    assert "Pasal «…»" in clause
    path = tmp_path / "perwal.txt"
    path.write_text(HEAD + clause.replace("Pasal «…»", "Pasal 2") + "\n" + TAIL, encoding="utf-8")
    result = {f.requirement: f for f in check(compliance.load(path)).findings}[entry.id]
    assert result.status == "fulfilled", result.missing_elements
