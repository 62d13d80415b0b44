"""compare with region folders: one column per region from its instruments in force."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

import region_samples as rs
from compliance.cli import main


def _national() -> str:
    text = rs.small_instrument(rs.BANYUASRI, nomor="1", tahun="2023", tentang="Contoh", articles=["Isi."])
    return text.replace("WALI KOTA BANYUASRI\nPROVINSI NUSA WIDURI\n\nPERATURAN WALI KOTA BANYUASRI",
                        "MENTERI KOMUNIKASI DAN INFORMATIKA\nREPUBLIK INDONESIA\n\n"
                        "PERATURAN MENTERI KOMUNIKASI DAN INFORMATIKA")


def test_folder_of_region_folders_gives_one_column_per_region(tmp_path: Path):
    regions = tmp_path / "daerah"
    rs.write(regions / "kab-sukamaju", {"perbup-2016.txt": rs.sample(rs.SUKAMAJU_OLD),
                                        "perbup-2022.txt": rs.banyuasri_as_sukamaju()})
    rs.write(regions / "kota-banyuasri", {"perwal-2022.txt": rs.sample(rs.BANYUASRI),
                                          "perwal-2024.txt": rs.banyuasri_amendment()})
    rs.write(regions / "campur", {"perwal-2017.txt": rs.sample(rs.TIRTARAYA), "perwal-2022.txt": rs.sample(rs.BANYUASRI)})
    single = rs.write(tmp_path / "lepas", {"perwal-tirtaraya.txt": rs.sample(rs.TIRTARAYA), "permen.txt": _national()})
    out = tmp_path / "banding.json"
    result = CliRunner().invoke(main, ["compare", str(regions), str(single / "perwal-tirtaraya.txt"),
                                       str(single / "permen.txt"), "--no-cache", "--jobs", "1", "-o", str(out)])
    assert result.exit_code == 1  # a folder of two regions and a national act could not be columns
    assert "campur" in result.output and "Kota Tirtaraya" in result.output
    assert "permen.txt: peraturan nasional tidak dapat menjadi kolom daerah" in result.output
    matrix = json.loads(out.read_text(encoding="utf-8"))
    labels = [c["label"] for c in matrix["columns"]]
    assert labels[:2] == ["Kabupaten Sukamaju", "Kota Banyuasri"]
    assert "Perwal 41/2017" in labels[2]  # a file given alone is a column of its own
    assert sorted(Path(f["files"][0]).name for f in matrix["failed"]) == ["campur", "permen.txt"]
    rows = {r["requirement"]: r for r in matrix["rows"]}
    # the revoked 2016 Perbup (Tim e-Government fulfilled) no longer counts for Sukamaju
    assert rows["tim-koordinasi"]["cells"][0]["status"] == "partial"
    # Banyuasri's amendment restates the Arsitektur for 5 years: no longer a conflict
    assert rows["arsitektur"]["cells"][1]["status"] == "fulfilled"
    assert all("Perwal 3/2024" in e["place"] for e in rows["arsitektur"]["cells"][1]["evidence"])
    sukamaju = matrix["columns"][0]
    assert {m["label"].split("·")[-1].strip(): m["in_force"] for m in sukamaju["members"]} == {
        "Perbup 27/2016": False, "Perbup 5/2022": True}
    assert matrix["columns"][1]["domain1"]  # levels under the instrument in force, from the combined findings


def test_two_region_folders_in_html(tmp_path: Path):
    a = rs.write(tmp_path / "a", {"perbup.txt": rs.banyuasri_as_sukamaju()})
    b = rs.write(tmp_path / "b", {"perwal.txt": rs.sample(rs.TIRTARAYA)})
    out = tmp_path / "banding.html"
    result = CliRunner().invoke(main, ["compare", str(a), str(b), "--no-cache", "--jobs", "1", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "Kabupaten Sukamaju" in page and "Kota Tirtaraya" in page
    assert "Pasal 6 ayat (1)" in page  # evidence names instrument and place


def test_group_by_daerah_assesses_each_region_of_a_flat_folder(tmp_path: Path):
    folder = rs.write(tmp_path / "semua", {"perbup-2016.txt": rs.sample(rs.SUKAMAJU_OLD),
                                           "perbup-2022.txt": rs.banyuasri_as_sukamaju(),
                                           "perwal-2017.txt": rs.sample(rs.TIRTARAYA), "permen.txt": _national()})
    out = tmp_path / "banding.json"
    result = CliRunner().invoke(main, ["compare", str(folder), "--group-by", "daerah", "--no-cache", "--jobs", "1",
                                       "-o", str(out)])
    assert result.exit_code == 1  # the national act is refused as a column
    assert "permen.txt: peraturan nasional tidak dapat menjadi kolom daerah" in result.output
    matrix = json.loads(out.read_text(encoding="utf-8"))
    assert [c["label"] for c in matrix["columns"]] == ["Kabupaten Sukamaju", "Kota Tirtaraya"]
    rows = {r["requirement"]: r for r in matrix["rows"]}
    assert rows["tim-koordinasi"]["cells"][0]["status"] == "partial"  # the revoked Perbup no longer counts
