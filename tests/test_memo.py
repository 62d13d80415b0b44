"""The reviewer's advice and priorities (compliance/report/memo.py) on real checks and on
reports built to sit on each side of the limits in templates/advice.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.check import check
from compliance.report import render, report_data
from compliance.report.acts import act_name
from compliance.report.memo import advice, advice_rules, priorities, summary_text

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _report(statuses: list[str], ditetapkan: str | None, score: float, revoked: bool = False) -> dict:
    findings = [{"requirement": f"r{i}", "title": f"Persyaratan {i}", "status": s, "basis": "Pasal 5",
                 "basis_confidence": "number", "evidence": [], "conflicts": [], "missing_elements": [],
                 "notes": []} for i, s in enumerate(statuses)]
    acts = [{"target": "uu/2004/32", "revoked_by": "uu/2014/23" if revoked else None}]
    return {"findings": findings, "summary": {"score": score},
            "catalog": {"short": "Perpres 95/2018", "ditetapkan": "2018-10-02"},
            "regulation": {"metadata": {"ditetapkan": ditetapkan}}, "mengingat": [{"acts": acts}]}


@pytest.mark.parametrize("statuses,ditetapkan,score,revoked,kind", [
    (["missing", "fulfilled"], "2016-05-01", 49.9, False, "replace"),   # old and low
    (["missing", "fulfilled"], "2016-05-01", 50.0, False, "complete"),  # old but at the limit: complete it
    (["missing", "fulfilled"], "2020-05-01", 40.0, False, "amend"),     # low but set after the Perpres
    (["missing", "fulfilled"], None, 40.0, False, "amend"),             # date unknown: never replace on a guess
    (["conflict", "fulfilled"], "2020-05-01", 90.0, False, "amend"),    # a contradiction is amended
    (["fulfilled", "fulfilled"], "2020-05-01", 100.0, True, "amend"),   # a revoked legal basis too
    (["partial", "fulfilled"], "2020-05-01", 75.0, False, "complete"),
    (["fulfilled", "not_applicable"], "2020-05-01", 100.0, False, "keep"),
])
def test_advice_follows_the_limits_in_the_data(statuses, ditetapkan, score, revoked, kind):
    assert advice_rules()["replace_below"] == 50
    verdict = advice(_report(statuses, ditetapkan, score, revoked), "id")
    assert verdict["kind"] == kind and verdict["reasons"]
    assert verdict["text"] == {"replace": "cabut dan ganti", "amend": "ubah", "complete": "lengkapi",
                               "keep": "pertahankan"}[kind]


def test_replace_names_both_reasons_in_indonesian_with_a_decimal_comma():
    verdict = advice(_report(["missing"], "2016-05-01", 27.8), "id")
    assert verdict["reasons"][:2] == ["ditetapkan sebelum Perpres 95/2018 (2 Oktober 2018)", "skor 27,8 di bawah 50"]
    english = advice(_report(["missing"], "2016-05-01", 27.8), "en")
    assert english["text"] == "revoke and replace" and "score 27.8 below 50" in english["reasons"]


def test_priorities_put_conflicts_first_then_missing_then_partial_five_at_most():
    statuses = ["partial", "missing", "fulfilled", "conflict", "partial", "missing", "partial", "conflict"]
    top = priorities(_report(statuses, "2020-01-01", 30.0), "id")
    assert [p["status"] for p in top] == ["conflict", "conflict", "missing", "missing", "partial"]
    assert [p["requirement"] for p in top] == ["r3", "r7", "r1", "r5", "r0"]


def test_real_sample_priorities_name_the_articles_and_what_is_missing():
    data = report_data(check(EXAMPLES / "perwal-banyuasri-2022-spbe.pdf"))
    top = priorities(data, "id", limit=50)
    conflict = top[0]
    assert conflict["status"] == "conflict" and [w["ref"] for w in conflict["where"]] == ["Pasal 8 ayat (1)"]
    assert conflict["where"][0]["anchor"] == "pasal-8"
    assert "nasional 5 (lima) tahun" in conflict["detail"]
    partial = next(p for p in top if p["status"] == "partial")
    assert partial["detail"].startswith("unsur yang belum ada: ")
    text = summary_text(data, "id", "laporan.docx")
    assert text.count("\n") < 12 and text.endswith("Laporan ditulis: laporan.docx\n")


def test_acts_are_named_as_readers_cite_them():
    assert act_name("uu/2008/11") == "UU 11/2008"
    assert act_name("perpres/2018/95#pasal-12") == "Perpres 95/2018 Pasal 12"
    assert act_name("permen/panrb/2020/59") == "Permen PANRB 59/2020"
    assert act_name("perbup/labuhanbatu/2018/14") == "Perbup Labuhanbatu 14/2018"
    assert act_name("uud/1945#pasal-18-ayat-6") == "UUD 1945 Pasal 18 ayat (6)"
    assert act_name("tidak/dikenal") == "tidak/dikenal"


def test_html_report_speaks_plain_words():
    data = report_data(check(EXAMPLES / "perwal-banyuasri-2022-spbe.pdf"))
    html = render(data, "html", "id")
    visible = html[html.index("<body"):]
    for developer in ("0.85", "istilah 0", "class=\"req-id\"", "sha256", "regulations/relations.yaml",
                      ">uu/2008/11<", "compliance/report@1", "perpres-95-2018"):
        assert developer not in visible.replace('data-schema="compliance/report@1"', ""), developer
    assert "UU 11/2008" in visible and "9 Juni 2022" in visible and 'data-advice="amend"' in visible


def test_reasons_name_only_the_kinds_of_gap_that_occur():
    only_partial = advice(_report(["partial", "fulfilled"], "2020-05-01", 75.0), "id")
    assert only_partial["reasons"] == ["1 persyaratan baru diatur sebagian"]
    only_missing = advice(_report(["missing", "missing", "fulfilled"], "2020-05-01", 33.3), "id")
    assert only_missing["reasons"][-1] == "2 persyaratan belum diatur"
