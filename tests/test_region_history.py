"""A region's assessments over time (compliance history NAME)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

import region_samples as rs
from compliance.cli import main


def test_history_by_region_name_with_trend(tmp_path: Path):
    cache = tmp_path / "cache"
    folder = rs.write(tmp_path / "banyuasri", {"perwal-2022.txt": rs.sample(rs.BANYUASRI)})
    runner = CliRunner()
    first = runner.invoke(main, ["region", str(folder), "--cache-dir", str(cache), "-o", str(tmp_path / "a.json")])
    assert first.exit_code == 0, first.output
    rs.write(folder, {"perwal-2024-perubahan.txt": rs.banyuasri_amendment()})  # the region amends its Perwal
    second = runner.invoke(main, ["region", str(folder), "--cache-dir", str(cache), "-o", str(tmp_path / "b.json")])
    assert second.exit_code == 0, second.output
    scores = [json.loads((tmp_path / n).read_text(encoding="utf-8"))["summary"]["score"] for n in ("a.json", "b.json")]
    assert scores[1] > scores[0]
    # the name as compare shows it, or as a title writes it
    for name in ("Kota Banyuasri", "Wali Kota Banyuasri", "banyuasri"):
        table = runner.invoke(main, ["history", name, "--cache-dir", str(cache)])
        assert table.exit_code == 0, table.output
        assessments = table.output.split("\n\n")[0]  # the region's assessments, above its checked regulations
        assert assessments.count("Kota Banyuasri") == 2, table.output
        assert f"{scores[0]:g}" in table.output and f"{scores[1]:g}" in table.output
    other = runner.invoke(main, ["history", "Kabupaten Banyuasri", "--cache-dir", str(cache)])
    assert "Tanggal" not in other.output  # a kabupaten of that name is another region: no assessment
    page = tmp_path / "riwayat.html"
    html = runner.invoke(main, ["history", "Kota Banyuasri", "--cache-dir", str(cache), "--format", "html",
                                "-o", str(page)])
    assert html.exit_code == 0, html.output
    text = page.read_text(encoding="utf-8")
    assert text.count("<svg") == 1 and text.count("<circle") == 4  # two points, score and Domain 1
    assert "<script" not in text


def test_history_tables_write_dates_and_scores_as_the_reader_does():
    from compliance.region.history import format_history, format_regions

    rows = [{"tahun": 2019, "jenis": "Peraturan Bupati", "nomor": "12", "daerah": "Labuhanbatu", "file": "a.pdf",
             "score": 61.5, "first_checked": "2026-03-01T10:00:00+00:00",
             "last_checked": "2026-04-02T10:00:00+00:00", "checks": 2}]
    indonesian = format_history(rows, "id").splitlines()
    assert indonesian[0].split()[:3] == ["Tahun", "Jenis", "Nomor"]
    assert "61,5" in indonesian[1] and "1 Maret 2026" in indonesian[1] and "2 April 2026" in indonesian[1]
    assert "61.5" in format_history(rows, "en") and "Year" in format_history(rows, "en")
    regions = format_regions([{"daerah": "Kota Banyuasri", "regulations": 1, "checks": 3,
                               "last_checked": "2026-04-02T10:00:00+00:00"}], "id").splitlines()
    assert regions[0].split() == ["Daerah", "Peraturan", "Kali", "diperiksa", "Terakhir", "diperiksa"]
    assert regions[1].split()[:4] == ["Kota", "Banyuasri", "1", "3"]
