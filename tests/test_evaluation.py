"""Evaluation instruments as data: the schema check of both shipped files, which one is in
force on a day, revocation, and verification against an official text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

import compliance
from compliance.catalog import load_catalog
from compliance.errors import ComplianceError
from compliance.evaluation import evaluation_in_force, load_evaluation
from compliance.verify_evaluation import CONFIRMED, DIFFERS, all_confirmed, verify_evaluation

from conftest import REPO

RULES = REPO / "rules"


def test_pemdi_instrument_passes_the_schema_check_and_matches_the_spec():
    ev = load_evaluation("pemdi-2026", load_catalog())
    assert [i.no for i in ev.indicators] == list(range(1, 21))
    assert sum(a["weight"] for a in ev.aspects) == 100 and len(ev.aspects) == 7
    assert sum(i.weight for i in ev.indicators) == 100
    for aspect in ev.aspects:  # each aspect's weight is the sum of its indicators'
        assert aspect["weight"] == sum(i.weight for i in ev.indicators if i.aspect == aspect["no"])
    assert ev.source == "secondary" and all(i.source == "secondary" for i in ev.indicators)
    assert ev.estimate["max_level"] == 2 and ev.estimate["measure"] == "readiness"
    roles = {i.no: i.role for i in ev.indicators}
    assert {n for n, r in roles.items() if r == "policy"} == {1, 2, 4, 8, 9, 12, 19}
    assert {n for n, r in roles.items() if r == "supporting"} == {5, 6, 13, 14, 15, 16, 18}
    assert {n for n, r in roles.items() if r == "none"} == {3, 7, 10, 11, 17, 20}
    assert ev.identity["nomor"] == "8" and ev.identity["tahun"] == 2026 and not ev.revoked


def test_old_instrument_is_kept_and_marked_revoked_by_whom_and_since_when():
    ev = load_evaluation("spbe-2020", load_catalog())
    assert len(ev.indicators) == 47
    assert ev.revoked["by"]["id"] == "Peraturan Menteri PANRB Nomor 8 Tahun 2026"
    assert ev.revoked["since"] == "2026-06-05" and ev.revoked["by_instrument"] == "pemdi-2026"
    assert load_evaluation("spbe-evaluation-59-2020").id == "spbe-2020"  # by file name too


def test_the_default_follows_the_instrument_in_force_on_the_day():
    catalog = load_catalog()
    assert evaluation_in_force(catalog, date(2025, 11, 1)).id == "spbe-2020"
    assert evaluation_in_force(catalog, date(2026, 6, 4)).id == "spbe-2020"
    assert evaluation_in_force(catalog, date(2026, 6, 5)).id == "pemdi-2026"
    assert evaluation_in_force(catalog, date(2026, 12, 7)).id == "pemdi-2026"


def test_unknown_instrument_is_one_clear_error():
    with pytest.raises(ComplianceError) as info:
        load_evaluation("pemdi-2035")
    assert info.value.code == "evaluation-unknown"
    assert "pemdi-2026" in info.value.message("id") and "spbe-2020" in info.value.message("id")


def _mutated(tmp_path: Path, mutate) -> Path:
    data = yaml.safe_load((RULES / "pemdi-evaluation-8-2026.yaml").read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / "eval.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("mutate,field", [
    (lambda d: d["indicators"][7]["level_from"].append("no-such-entry"), "requirements"),
    (lambda d: d["indicators"][2].update(shown_by_text="maybe"), "shown_by_text"),
    (lambda d: d["indicators"][2].update(level_from=["aplikasi"]), "shown_by_text"),
    (lambda d: d["indicators"][0].update(aspect=9), "aspect"),
    (lambda d: d["estimate"]["levels"][0].update(all=["done"]), "all"),
    (lambda d: d["estimate"].pop("note"), "note"),
    (lambda d: d["in_force"].update({"from": "5 Juni 2026"}), "from"),
])
def test_a_malformed_instrument_names_the_field(tmp_path, mutate, field):
    with pytest.raises(ComplianceError) as info:
        load_evaluation(_mutated(tmp_path, mutate), load_catalog())
    assert info.value.code == "catalog-invalid" and info.value.params["field"].endswith(field)


OFFICIAL = """PERATURAN MENTERI PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI
REPUBLIK INDONESIA
NOMOR 8 TAHUN 2026
TENTANG
EVALUASI KINERJA PEMERINTAH DIGITAL

DENGAN RAHMAT TUHAN YANG MAHA ESA

MENTERI PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI REPUBLIK INDONESIA,

Menimbang : a. bahwa perlu mengatur evaluasi kinerja pemerintah digital;

Mengingat : 1. Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;

MEMUTUSKAN:

Menetapkan : PERATURAN MENTERI TENTANG EVALUASI KINERJA PEMERINTAH DIGITAL.

Pasal 1
Indeks Pemerintah Digital disusun dari aspek dan indikator sebagai berikut:
{rows}

Pasal 2
Peraturan Menteri ini mulai berlaku pada tanggal diundangkan.
"""


def _official(tmp_path: Path, change=None) -> Path:
    ev = load_evaluation("pemdi-2026")
    rows = [f"Aspek {a['name']['id']} {a['weight']}%" for a in ev.aspects]
    rows += [f"{i.no}. {i.name} {change.get(i.no, i.weight) if change else i.weight:g}%" for i in ev.indicators]
    path = tmp_path / "permenpanrb-8-2026.txt"
    path.write_text(OFFICIAL.format(rows="\n".join(rows)), encoding="utf-8")
    return path


def test_verify_evaluation_confirms_names_and_weights_and_marks_a_wrong_weight(tmp_path):
    ev = load_evaluation("pemdi-2026")
    checks = verify_evaluation(ev, compliance.load(_official(tmp_path)))
    assert len(checks) == 27 and all_confirmed(checks)
    wrong = verify_evaluation(ev, compliance.load(_official(tmp_path, change={20: 12})))
    by_no = {c.no: c for c in wrong if c.kind == "indicator"}
    assert by_no[20].weight_status == DIFFERS and by_no[20].weight_found == 12 and by_no[20].weight == 15
    assert by_no[19].weight_status == CONFIRMED and not all_confirmed(wrong)


def test_verify_evaluation_refuses_another_regulation(tmp_path):
    from tests.test_verify import OFFICIAL as PERPRES

    path = tmp_path / "perpres.txt"
    path.write_text(PERPRES, encoding="utf-8")
    with pytest.raises(ComplianceError) as info:
        verify_evaluation(load_evaluation("pemdi-2026"), compliance.load(path))
    assert info.value.code == "national-wrong-act"


def _run(*args: str):
    from click.testing import CliRunner

    from compliance.cli import main

    return CliRunner().invoke(main, list(args))


def test_cli_rules_list_evaluation_and_verify_evaluation(tmp_path):
    import json

    listing = _run("rules", "list", "--evaluation", "pemdi-2026", "--format", "json")
    assert listing.exit_code == 0, listing.output
    data = json.loads(listing.output)
    assert data["id"] == "pemdi-2026" and len(data["indicators"]) == 20 and data["source"] == "secondary"
    assert {i["no"] for i in data["indicators"] if not i["shown_by_text"]} == {3, 7, 10, 11, 17, 20}
    old = _run("rules", "list", "--evaluation", "spbe-2020")
    assert old.exit_code == 0 and "DICABUT" in old.output and "2026-06-05" in old.output
    assert _run("rules", "list", "--evaluation", "nope").exit_code == 1
    ok = _run("rules", "verify-evaluation", str(_official(tmp_path)))
    assert ok.exit_code == 0, ok.output
    assert ok.output.count("sesuai") == 27 + 27  # name and weight of 7 aspects and 20 indicators
    wrong = _run("rules", "verify-evaluation", str(_official(tmp_path, change={8: 6})))
    assert wrong.exit_code == 2 and "berbeda (teks resmi 6)" in wrong.output
    from tests.test_verify import OFFICIAL as PERPRES

    other = tmp_path / "perpres.txt"
    other.write_text(PERPRES, encoding="utf-8")
    refused = _run("rules", "verify-evaluation", str(other))
    assert refused.exit_code == 1 and len(refused.output.strip().splitlines()) == 1


def test_cli_check_evaluation_switches_the_section(tmp_path):
    import json

    sample = REPO / "examples" / "perwal-banyuasri-2022-spbe.txt"
    for evaluation in ("pemdi-2026", "spbe-2020"):
        out = tmp_path / f"{evaluation}.json"
        result = _run("check", str(sample), "--evaluation", evaluation, "-o", str(out))
        assert result.exit_code == 0, result.output
        assert json.loads(out.read_text(encoding="utf-8"))["evaluation"]["id"] == evaluation
    assert _run("check", str(sample), "--evaluation", "pemdi-2099").exit_code == 1


def test_the_instrument_in_force_follows_the_rules_folder_as_it_changes(tmp_path, monkeypatch):
    """The shipped instruments are read once, and again when a file in rules/ is added,
    modified or removed (a long-running server sees a new instrument without a restart)."""
    import os
    import shutil

    from compliance import evaluation

    for path in RULES.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.setattr(evaluation, "data_dir", lambda name: tmp_path)
    catalog, day = load_catalog(), date(2026, 12, 7)
    assert evaluation_in_force(catalog, day).id == "pemdi-2026"
    newer = tmp_path / "pemdi-2027.yaml"
    text = (RULES / "pemdi-evaluation-8-2026.yaml").read_text(encoding="utf-8")
    newer.write_text(text.replace("id: pemdi-2026", "id: pemdi-2027").replace('from: "2026-06-05"', 'from: "2026-12-01"'),
                     encoding="utf-8")
    assert evaluation_in_force(catalog, day).id == "pemdi-2027"
    newer.write_text(newer.read_text(encoding="utf-8").replace('from: "2026-12-01"', 'from: "2027-01-01"'),
                     encoding="utf-8")
    os.utime(newer, ns=(1, 1))  # a modification time of its own, however coarse the file system's clock
    assert evaluation_in_force(catalog, day).id == "pemdi-2026"
    assert evaluation_in_force(catalog, date(2027, 1, 1)).id == "pemdi-2027"
    newer.unlink()
    assert evaluation_in_force(catalog, date(2027, 1, 1)).id == "pemdi-2026"
