"""The evaluation section: evidence readiness for the Indeks Pemdi against keys written
first (tests/answer_keys/pemdi-2026/), the cap at 2, places that exist, the SPBE 2020
instrument labelled revoked, and switching instruments changing nothing else."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml
from markupsafe import escape as markupsafe_escape

import compliance
from compliance.check import check
from compliance.errors import ComplianceError
from compliance.match_units import units
from compliance.report import render

from conftest import EXAMPLES, REPO
from test_match import regulation_text

KEYS = REPO / "tests" / "answer_keys" / "pemdi-2026"
SAMPLES = sorted(p.stem for p in KEYS.glob("*.yaml"))


def _places(reg) -> set[tuple]:
    """Every place the regulation has, as the matcher names units (Pasal, ayat, parent; diktum, Lampiran)."""
    out = set()
    for u in units(reg):
        out |= {(u.pasal, u.ayat, u.parent), (u.pasal, None, u.parent)}
    return out


def _levels(result) -> dict[int, int | None]:
    return {i["no"]: i["readiness"] for i in result.evaluation_section["indicators"]}


def assert_readiness_sound(result) -> None:
    """Never above the cap; every level from 1 cites places that exist; 0 and None cite nothing."""
    section = result.evaluation_section
    places = _places(result.regulation)
    for ind in section["indicators"]:
        level = ind["readiness"]
        assert level is None or 0 <= level <= section["max_level"] <= 2, ind["no"]
        if level:
            assert ind["evidence"], ind["no"]
        else:
            assert not ind["evidence"], ind["no"]
        for ev in ind["evidence"]:
            assert (ev["pasal"], ev["ayat"], ev["parent"]) in places, (ind["no"], ev)
        if not ind["shown_by_text"]:
            assert level is None and ind["role"] == "none"


@pytest.mark.parametrize("name", SAMPLES)
def test_samples_readiness_matches_the_keys(name):
    key = yaml.safe_load((KEYS / f"{name}.yaml").read_text(encoding="utf-8"))
    result = check(EXAMPLES / f"{name}.txt", evaluation="pemdi-2026")
    statuses = {f.requirement: f for f in result.findings}
    for rid, exp in key["supplement"].items():
        assert statuses[rid].status == exp["status"], rid
        assert set(exp["pasal"]) <= {e.pasal for e in statuses[rid].evidence}, rid
    got = {i["no"]: i for i in result.evaluation_section["indicators"]}
    for no, exp in key["readiness"].items():
        assert got[no]["readiness"] == exp["level"], no
        assert set(exp.get("places") or []) <= {e["pasal"] for e in got[no]["evidence"]}, no
    text_cannot = {3, 7, 10, 11, 17, 20}
    assert {n for n, i in got.items() if not i["shown_by_text"]} == text_cannot
    assert_readiness_sound(result)


PDP = ("(1) Pemerintah Daerah melindungi data pribadi yang diproses dalam penyelenggaraan SPBE.\n"
       "(2) Bupati menetapkan kebijakan pelindungan data pribadi dan menunjuk pejabat pelindungan data pribadi "
       "pada Dinas Komunikasi dan Informatika.")
TTIS = ("(1) Bupati membentuk Tim Tanggap Insiden Siber (Computer Security Incident Response Team) Kabupaten.\n"
        "(2) Tim Tanggap Insiden Siber diketuai oleh Kepala Dinas Komunikasi dan Informatika dengan anggota "
        "pejabat Perangkat Daerah terkait.\n"
        "(3) Tim Tanggap Insiden Siber bertugas menerima laporan insiden siber, melakukan penanggulangan dan "
        "pemulihan insiden siber, serta berkoordinasi dengan Badan Siber dan Sandi Negara.")
SECURITY = "Dinas menyelenggarakan keamanan informasi untuk menjamin kerahasiaan data Pemerintah Daerah."


def _perbup(tmp_path: Path, pasal: list[str], name: str) -> Path:
    text = regulation_text(
        kind="Peraturan Bupati", daerah="Mekarsari", nomor=7, tahun=2026, tentang="Pemerintahan Digital",
        menimbang=["bahwa perlu mengatur pemerintahan digital;"],
        mengingat=["Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;"],
        pasal=["Dalam Peraturan Bupati ini yang dimaksud dengan:\n1. Daerah adalah Kabupaten Mekarsari.", *pasal],
        tanggal="3 Agustus 2026")
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_pdp_policy_and_a_formed_incident_team_reach_readiness_2(tmp_path):
    result = check(_perbup(tmp_path, [PDP, TTIS, SECURITY], "perbup-mekarsari-2026"), evaluation="pemdi-2026")
    levels = _levels(result)
    assert levels[8] == 2 and levels[12] == 2
    by_no = {i["no"]: i for i in result.evaluation_section["indicators"]}
    assert {e["pasal"] for e in by_no[8]["evidence"]} == {"2"}
    assert {e["pasal"] for e in by_no[12]["evidence"]} == {"3"}
    assert by_no[12]["next"]["level"] == 3 and "bukti" in by_no[12]["next"]["needs"][0]
    assert_readiness_sound(result)


def test_without_them_the_same_indicators_stay_at_0_or_1(tmp_path):
    result = check(_perbup(tmp_path, [SECURITY, "Dinas menangani insiden keamanan informasi."], "perbup-tanpa-2026"),
                   evaluation="pemdi-2026")
    levels = _levels(result)
    assert levels[8] == 0 and levels[12] == 1  # security work supports 12, but no team is formed
    by_no = {i["no"]: i for i in result.evaluation_section["indicators"]}
    assert "Tim tanggap insiden" in by_no[12]["next"]["needs"][0]
    assert_readiness_sound(result)


KEPUTUSAN = """KEPUTUSAN BUPATI MEKARSARI
NOMOR 480/112/KPTS/2026

TENTANG

PEMBENTUKAN TIM TANGGAP INSIDEN SIBER KABUPATEN MEKARSARI

BUPATI MEKARSARI,

Menimbang : a. bahwa untuk menangani insiden siber perlu dibentuk tim tanggap insiden siber;

Mengingat : 1. Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;

MEMUTUSKAN:

Menetapkan :

KESATU : Membentuk Tim Tanggap Insiden Siber Kabupaten Mekarsari dengan susunan keanggotaan sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan Bupati ini.

KEDUA : Tim Tanggap Insiden Siber sebagaimana dimaksud dalam Diktum KESATU diketuai oleh Kepala Dinas Komunikasi dan Informatika dan bertugas menerima laporan insiden siber, melakukan penanggulangan dan pemulihan insiden siber.

KETIGA : Keputusan Bupati ini mulai berlaku pada tanggal ditetapkan.

Ditetapkan di Mekarsari
pada tanggal 3 Agustus 2026
BUPATI MEKARSARI,

ttd

RAHMAT HIDAYAT
"""


def test_a_keputusan_forming_the_team_reaches_readiness_2_on_12(tmp_path):
    path = tmp_path / "kepbup-mekarsari-2026-ttis.txt"
    path.write_text(KEPUTUSAN, encoding="utf-8")
    try:
        reg = compliance.load(path)
    except ComplianceError as exc:  # diktum parsing lands with issue 10
        pytest.skip(f"Keputusan (diktum) not parsed yet: {exc.code}")
    result = check(reg, evaluation="pemdi-2026")
    assert _levels(result)[12] == 2
    assert_readiness_sound(result)


def test_switching_instruments_changes_only_the_indicator_section():
    path = EXAMPLES / "perwal-banyuasri-2022-spbe.txt"
    pemdi, spbe = check(path, evaluation="pemdi-2026").to_dict(), check(path, evaluation="spbe-2020").to_dict()
    assert {k: v for k, v in pemdi.items() if k != "evaluation"} == {k: v for k, v in spbe.items() if k != "evaluation"}
    assert pemdi["evaluation"]["id"] == "pemdi-2026" and not pemdi["evaluation"]["revoked"]
    assert spbe["evaluation"]["id"] == "spbe-2020" and spbe["evaluation"]["revoked"]
    assert len(pemdi["evaluation"]["indicators"]) == 20 and len(spbe["evaluation"]["indicators"]) == 47
    assert max(i["readiness"] or 0 for i in spbe["evaluation"]["indicators"]) == 4  # the old indicated level


@pytest.mark.parametrize("lang", ["id", "en"])
def test_reports_follow_the_chosen_instrument_and_label_the_revoked_one(lang):
    path = EXAMPLES / "perwal-tirtaraya-2017-tik.txt"
    for evaluation, rows, revoked in (("pemdi-2026", 20, False), ("spbe-2020", 47, True)):
        data = check(path, evaluation=evaluation, lang=lang).to_dict()
        html = render(data, "html", lang)
        section = html[html.index('<section id="evaluation"'):]
        section = section[:section.index("</section>")]
        assert f'data-evaluation="{evaluation}"' in section and section.count("data-indicator=") == rows
        assert (f'data-revoked="true"' in section) == revoked
        assert (("DICABUT" if lang == "id" else "REVOKED") in section) == revoked
        note = data["evaluation"]["note"]
        assert str(markupsafe_escape(note.split(".")[0])) in section
        md = render(data, "md", lang)
        assert (("DICABUT" if lang == "id" else "REVOKED") in md) == revoked and note.split(".")[0] in md
        rows_csv = list(csv.reader(io.StringIO(render(data, "csv", lang).lstrip("\ufeff"))))
        assert rows_csv[0][-1].endswith(evaluation)
    pemdi = render(check(path, evaluation="pemdi-2026", lang=lang).to_dict(), "html", lang)
    assert ("sumber sekunder" if lang == "id" else "secondary sources") in pemdi


def test_region_evidence_pack_follows_the_pemdi_instrument(tmp_path):
    from click.testing import CliRunner

    import region_samples as rs
    from compliance.cli import main

    folder = rs.write(tmp_path / "banyuasri", {"perwal-2022.txt": rs.sample(rs.BANYUASRI)})
    pack = tmp_path / "bukti"
    result = CliRunner().invoke(main, ["region", str(folder), "--no-cache", "--evidence", str(pack), "--jobs", "1",
                                       "--evaluation", "pemdi-2026"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO((pack / "bukti.csv").read_text(encoding="utf-8-sig"))))
    levels = {int(r["No"]): int(r["Tingkat (perkiraan)"]) for r in rows}
    assert set(levels) == {1, 2, 4, 5, 8, 9, 12, 13, 14, 15, 16, 18, 19} and max(levels.values()) <= 2
    assert levels[12] == 1 and levels[8] == 0  # the key: a team formed without members or tasks; no PDP policy
    source = " ".join((folder / "perwal-2022.txt").read_text(encoding="utf-8").split())
    assert all(" ".join(r["Kutipan"].split()) in source for r in rows)


def test_personal_data_merely_named_is_no_protection_policy(tmp_path):
    manual = "Pemohon wajib mengisi data pribadi dengan benar dan dapat memperbarui data pribadi pada tahap kedua."
    result = check(_perbup(tmp_path, [manual], "perbup-manual-2026"), evaluation="pemdi-2026")
    assert {f.requirement: f.status for f in result.findings}["pelindungan-data-pribadi"] == "missing"
    assert _levels(result)[8] == 0


def test_word_report_carries_the_evaluation_section():
    import docx

    path = EXAMPLES / "perwal-tirtaraya-2017-tik.txt"
    for evaluation, rows, revoked in (("pemdi-2026", 20, False), ("spbe-2020", 47, True)):
        data = check(path, evaluation=evaluation).to_dict()
        document = docx.Document(io.BytesIO(render(data, "docx", "id")))
        texts = [p.text for p in document.paragraphs]
        assert any(t.startswith(("Kesiapan bukti dukung: ", "Perkiraan tingkat: ")) for t in texts)
        assert any(t.startswith("DICABUT") for t in texts) == revoked
        assert any(t.startswith(data["evaluation"]["note"]) for t in texts)
        table = next(t for t in document.tables if t.rows[0].cells[0].text == "No." and len(t.columns) == 4)
        assert len(table.rows) == rows + 1


def test_a_level_that_asks_for_tags_needs_them_on_the_entries_that_decide_it():
    from compliance.catalog import load_catalog
    from compliance.evaluation import load_evaluation
    from compliance.indicators import estimate_level
    from compliance.models import Finding

    catalog = load_catalog()
    evaluation = load_evaluation("spbe-evaluation-59-2020", catalog)
    indicator = next(i for i in evaluation.indicators if len(i.level_from) >= 2)
    by_id = {r: Finding(r, r, "g", "Pasal 1", "text", "fulfilled") for r in indicator.level_from}
    first, second = indicator.level_from[:2]
    both = {first: {"national-link"}, second: {"review"}}  # the tags may sit on different entries
    assert estimate_level(indicator, evaluation, by_id, both)[0] == 4
    assert estimate_level(indicator, evaluation, by_id, {first: {"national-link"}})[0] == 3
    assert estimate_level(indicator, evaluation, by_id, {"elsewhere": {"national-link", "review"}})[0] == 3
    by_id[second] = Finding(second, second, "g", "Pasal 1", "text", "partial")
    assert estimate_level(indicator, evaluation, by_id, both)[0] == 2
