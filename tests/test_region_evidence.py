"""The evidence pack per Domain 1 indicator (compliance region --evidence)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner

import region_samples as rs
from compliance.cli import main


def test_evidence_pack_has_every_indicator_quotes_next_level_and_copies(tmp_path: Path):
    folder = rs.write(tmp_path / "sukamaju", {"perbup-2016.txt": rs.sample(rs.SUKAMAJU_OLD),
                                              "perbup-2022.txt": rs.banyuasri_as_sukamaju()})
    pack = tmp_path / "bukti"
    result = CliRunner().invoke(main, ["region", str(folder), "--no-cache", "--evidence", str(pack), "--jobs", "1",
                                       "--evaluation", "spbe-2020"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO((pack / "bukti.csv").read_text(encoding="utf-8-sig"))))
    assert sorted({int(r["No"]) for r in rows}) == list(range(1, 11))
    source = " ".join((folder / "perbup-2022.txt").read_text(encoding="utf-8").split())
    quoted = [row for row in rows if row["Berkas"]]
    assert len(quoted) > 20
    for row in quoted:
        assert row["Berkas"].endswith("perbup-2022.txt")  # never the revoked Perbup
        assert " ".join(row["Kutipan"].split()) in source
    for row in rows:  # an indicator without a quote still says what its next level needs
        assert row["Berkas"] or row["Yang belum ada untuk tingkat berikutnya"]
    tim = [r for r in rows if r["No"] == "10"]
    assert {r["Tingkat (perkiraan)"] for r in tim} == {"2"}
    # what the Tim Koordinasi lacks for level 3: its tasks, as the combined finding says
    assert all("tugas" in r["Yang belum ada untuk tingkat berikutnya"] for r in tim)
    arsitektur = [r for r in rows if r["No"] == "1" and r["Persyaratan"] == "arsitektur"]
    assert any(r["Tempat"] == "Pasal 8 ayat (1)" for r in arsitektur)
    # the sources: the instrument in force, byte for byte; the revoked one is not attached
    assert sorted(p.name for p in (pack / "sumber").iterdir()) == ["perbup-2022.txt"]
    assert (pack / "sumber" / "perbup-2022.txt").read_bytes() == (folder / "perbup-2022.txt").read_bytes()
    index = (pack / "index.html").read_text(encoding="utf-8")
    assert 'href="sumber/perbup-2022.txt"' in index and 'href="bukti.csv"' in index
    assert index.count('<section id="indicator-') == 10
    assert "<script" not in index
