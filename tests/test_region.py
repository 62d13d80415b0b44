"""compliance region: instruments in force, combined findings, Domain 1, bad input.

Region folders are built from the samples (tests/region_samples.py); expected results
are in tests/answer_keys/regions.yaml, written before the implementation.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import region_samples as rs
from compliance.cli import main
from compliance.region.assess import assess

KEYS = yaml.safe_load((Path(__file__).parent / "region_keys.yaml").read_text(encoding="utf-8"))
SAMPLE_KEYS = Path(__file__).parent / "answer_keys"

FOLDERS = {
    "sukamaju-replaced": lambda: {"perbup-2016.txt": rs.sample(rs.SUKAMAJU_OLD),
                                  "perbup-2022.txt": rs.banyuasri_as_sukamaju()},
    "banyuasri-period": lambda: {"perwal-2022.txt": rs.sample(rs.BANYUASRI),
                                 "perwal-2023-arsitektur.txt": rs.banyuasri_arsitektur_5_years()},
    "banyuasri-amended": lambda: {"perwal-2022.txt": rs.sample(rs.BANYUASRI),
                                  "perwal-2024-perubahan.txt": rs.banyuasri_amendment()},
    "banyuasri-keputusan-tim": lambda: {"perwal-2022.txt": rs.sample(rs.BANYUASRI),
                                        "kepwal-tim.txt": rs.banyuasri_keputusan_tim()},
}


def _folder(tmp_path: Path, name: str) -> Path:
    return rs.write(tmp_path / name, FOLDERS[name]())


def _expected_statuses(key: dict) -> dict[str, str]:
    sample = yaml.safe_load((SAMPLE_KEYS / f"{key['statuses_from']}.yaml").read_text(encoding="utf-8"))
    statuses = {rid: e["status"] for rid, e in sample["expected"].items()}
    statuses.update(key["statuses"])
    return statuses


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", sorted(FOLDERS))
def test_region_matches_its_key(tmp_path: Path, name: str):
    key = KEYS[name]
    folder = _folder(tmp_path, name)
    assessment, results = assess([folder], jobs=1, progress=False, evaluation="spbe-2020")  # Domain 1 numbering
    assert not [r for r in results if r.error]
    assert assessment["schema"] == "compliance/region@1"
    assert assessment["region"]["label"] == key["region"]
    rows = {Path(i["file"]).name: i for i in assessment["instruments"]}
    for file, expected in key["instruments"].items():
        assert rows[file]["status"] == expected["status"], (file, rows[file]["reason"])
        assert rows[file]["in_force"] == (expected["status"] == "in-force")
        if "by" in expected:
            assert Path(rows[file]["revoked_by"]["file"]).name == expected["by"]
            assert rows[file]["revoked_by"]["place"] == expected["place"]
            assert "dicabut dan dinyatakan tidak berlaku" in rows[file]["revoked_by"]["quote"]
            assert expected["place"] in rows[file]["reason"]
        assert rows[file]["superseded_articles"] == expected.get("superseded", [])
    got = {f["requirement"]: f["status"] for f in assessment["findings"]}
    expected = _expected_statuses(key)
    assert {r: got[r] for r in expected} == expected  # the entries the sample keys cover (Perpres 95/2018)
    for no, level in key.get("domain1", {}).items():
        assert next(i for i in assessment["indicators"] if i["no"] == no)["indicated_level"] == level
    assert all(1 <= (i["indicated_level"] or 1) <= 4 for i in assessment["indicators"])
    for requirement, file in key.get("evidence_from", {}).items():
        finding = next(f for f in assessment["findings"] if f["requirement"] == requirement)
        assert {Path(e["file"]).name for e in finding["evidence"]} == {file}
    for requirement, places in key.get("evidence_places", {}).items():
        finding = next(f for f in assessment["findings"] if f["requirement"] == requirement)
        assert set(places) <= {e["place"] for e in finding["evidence"]}
    targets = [n["target"] for n in assessment["notes"] if n["code"] == "relation-target-absent"]
    assert targets == key.get("absent_targets", [])


@pytest.mark.parametrize("name", sorted(FOLDERS))
def test_every_quote_is_verbatim_from_its_instrument(tmp_path: Path, name: str):
    folder = _folder(tmp_path, name)
    assessment, _ = assess([folder], jobs=1, progress=False)
    texts = {str(p): _flat(p.read_text(encoding="utf-8")) for p in folder.iterdir()}
    quotes = [(e["file"], e["quote"]) for f in assessment["findings"] for e in f["evidence"]]
    quotes += [(c["file"], c["quote"]) for f in assessment["findings"] for c in f["conflicts"] if "file" in c]
    quotes += [(v["file"], v["quote"]) for f in assessment["findings"] for c in f["conflicts"]
               for v in c.get("values", [])]
    quotes += [(i["revoked_by"]["file"], i["revoked_by"]["quote"]) for i in assessment["instruments"] if i["revoked_by"]]
    assert len(quotes) > 20
    for file, quote in quotes:
        assert _flat(quote) in texts[file], (file, quote)
    in_force = {i["file"] for i in assessment["instruments"] if i["in_force"]}
    assert {e["file"] for f in assessment["findings"] for e in f["evidence"]} <= in_force


def test_two_instruments_disagreeing_on_a_period_are_a_conflict_between_them(tmp_path: Path):
    key = KEYS["banyuasri-period"]["disagreement"]
    assessment, _ = assess([_folder(tmp_path, "banyuasri-period")], jobs=1, progress=False)
    finding = next(f for f in assessment["findings"] if f["requirement"] == key["requirement"])
    between = [c for c in finding["conflicts"] if c["kind"] == "instruments"]
    assert len(between) == 1
    values = {Path(v["file"]).name: v for v in between[0]["values"]}
    assert set(values) == set(key["values"])
    for file, expected in key["values"].items():
        assert values[file]["place"] == expected["place"]
        assert expected["value"] in values[file]["value"]
    assert between[0]["national"] == "5 (lima) tahun"
    # both instruments' quotes are shown as evidence
    assert {Path(e["file"]).name for e in finding["evidence"]} == set(key["values"])


def test_json_is_byte_identical_and_sorted(tmp_path: Path):
    folder = _folder(tmp_path, "banyuasri-period")
    runner = CliRunner()
    outputs = []
    for n in (1, 2):
        out = tmp_path / f"r{n}.json"
        result = runner.invoke(main, ["region", str(folder), "--no-cache", "-o", str(out), "--jobs", "1",
                                      "--evaluation", "pemdi-2026"])
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    data = json.loads(outputs[0])
    assert list(data) == sorted(data)
    for item in data["instruments"]:
        assert {"file", "sha256", "jenis", "nomor", "tahun", "tentang", "in_force", "reason"} <= set(item)
    for finding in data["findings"]:
        assert {"requirement", "status", "evidence", "conflicts", "missing_elements"} <= set(finding)
        assert all({"file", "place", "quote"} <= set(e) for e in finding["evidence"])
    # the indicators follow the instrument in force (Indeks Pemdi: evidence readiness, at most 2)
    assert data["evaluation"]["id"] == "pemdi-2026" and data["evaluation"]["max_level"] == 2
    assert [i["no"] for i in data["indicators"]] == [1, 2, 4, 5, 8, 9, 12, 13, 14, 15, 16, 18, 19]
    assert all(0 <= i["indicated_level"] <= 2 for i in data["indicators"])
    assert all({"no", "name", "indicated_level", "evidence", "next_level"} <= set(i) for i in data["indicators"])


@pytest.mark.parametrize("fmt", ["html", "csv", "md"])
def test_other_formats_escape_and_carry_the_region(tmp_path: Path, fmt: str):
    files = FOLDERS["sukamaju-replaced"]()
    files["perbup-2022.txt"] = files["perbup-2022.txt"].replace(
        "Tim Koordinasi SPBE diketuai", "Tim Koordinasi SPBE <script>x</script> =cmd| diketuai")
    folder = rs.write(tmp_path / "s", files)
    out = tmp_path / f"laporan.{fmt}"
    result = CliRunner().invoke(main, ["region", str(folder), "--no-cache", "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8-sig")
    assert "Kabupaten Sukamaju" in text and "Tim Koordinasi SPBE" in text
    assert "Pasal 34" in text or fmt == "csv"  # the revoking article (the CSV lists findings only)
    assert "<script>x</script>" not in text or fmt == "csv"
    if fmt == "csv":
        assert ",'=cmd" not in text and "=cmd|" in text  # inside a cell, not at its start: left as is
    if fmt == "html":
        assert "&lt;script&gt;" in text and "dicabut" in text


def test_empty_folder_is_one_line_exit_1(tmp_path: Path):
    (tmp_path / "kosong").mkdir()
    result = CliRunner().invoke(main, ["region", str(tmp_path / "kosong"), "--no-cache"])
    assert result.exit_code == 1
    assert "tidak berisi berkas" in result.output and "Traceback" not in result.output


def test_several_regions_are_listed_and_refused_unless_one_is_chosen(tmp_path: Path):
    folder = rs.write(tmp_path / "campur", {**FOLDERS["sukamaju-replaced"](), "perwal-2017.txt": rs.sample(rs.TIRTARAYA)})
    out = tmp_path / "x.json"
    refused = CliRunner().invoke(main, ["region", str(folder), "--no-cache", "-o", str(out), "--jobs", "1"])
    assert refused.exit_code == 1
    assert "Kabupaten Sukamaju" in refused.output and "Kota Tirtaraya" in refused.output and "--region" in refused.output
    assert not out.exists()
    chosen = CliRunner().invoke(main, ["region", str(folder), "--no-cache", "-o", str(out), "--jobs", "1",
                                       "--region", "Pemerintah Kota Tirtaraya"])
    assert chosen.exit_code == 0, chosen.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["region"]["label"] == "Kota Tirtaraya"
    standing = {Path(i["file"]).name: i["status"] for i in data["instruments"]}
    assert standing == {"perwal-2017.txt": "in-force", "perbup-2016.txt": "other-region",
                        "perbup-2022.txt": "other-region"}


def test_a_national_act_is_listed_apart_and_an_unreadable_file_does_not_stop_the_rest(tmp_path: Path):
    national = rs.small_instrument(rs.BANYUASRI, nomor="1", tahun="2023", tentang="Contoh", articles=["Isi."])
    national = national.replace("WALI KOTA BANYUASRI\nPROVINSI NUSA WIDURI\n\nPERATURAN WALI KOTA BANYUASRI",
                                "MENTERI KOMUNIKASI DAN INFORMATIKA\nREPUBLIK INDONESIA\n\n"
                                "PERATURAN MENTERI KOMUNIKASI DAN INFORMATIKA")
    folder = rs.write(tmp_path / "b", {"perwal-2022.txt": rs.sample(rs.BANYUASRI), "permen.txt": national})
    (folder / "rusak.pdf").write_bytes(b"%PDF-1.4 rusak")
    out = tmp_path / "b.json"
    result = CliRunner().invoke(main, ["region", str(folder), "--no-cache", "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 1  # as a batch: a failed file
    assert "rusak.pdf" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    standing = {Path(i["file"]).name: i["status"] for i in data["instruments"]}
    assert standing == {"perwal-2022.txt": "in-force", "permen.txt": "national"}
    assert [Path(f["files"][0]).name for f in data["failed"]] == ["rusak.pdf"]
    assert data["summary"]["instruments_in_force"] == 1


def test_a_revocation_naming_only_the_title_is_matched_by_title(tmp_path: Path):
    new = rs.banyuasri_as_sukamaju().replace(
        "Peraturan Bupati Sukamaju Nomor 27 Tahun 2016 tentang Pedoman Pelaksanaan E-Government di Lingkungan "
        "Pemerintah Kabupaten Sukamaju (Berita Daerah Kabupaten Sukamaju Tahun 2016 Nomor 27)",
        "Peraturan Bupati tentang Pedoman Pelaksanaan E-Government di Lingkungan Pemerintah Kabupaten Sukamaju")
    folder = rs.write(tmp_path / "s", {"perbup-2016.txt": rs.sample(rs.SUKAMAJU_OLD), "perbup-2022.txt": new})
    assessment, _ = assess([folder], jobs=1, progress=False)
    old = next(i for i in assessment["instruments"] if i["file"].endswith("perbup-2016.txt"))
    assert old["status"] == "revoked" and old["revoked_by"]["place"] == "Pasal 34"
    # a title shared by no file of the folder revokes nothing here: it is noted instead
    other = new.replace("Pedoman Pelaksanaan E-Government", "Pedoman Pengelolaan Situs Web")
    folder = rs.write(tmp_path / "t", {"perbup-2016.txt": rs.sample(rs.SUKAMAJU_OLD), "perbup-2022.txt": other})
    assessment, _ = assess([folder], jobs=1, progress=False)
    assert all(i["in_force"] for i in assessment["instruments"])
    assert [n["code"] for n in assessment["notes"]] == ["relation-target-absent"]
    assert "Situs Web" in assessment["notes"][0]["quote"]
