"""Evidence from a Lampiran's sections and a Keputusan's diktum, cited by place; a background
chapter is context; a policy listed "to be drawn up" is partial at most; a Keputusan speaks
only for what it sets. Fixtures are the small texts of tests/test_parse_keputusan.py."""

from __future__ import annotations

from compliance.catalog import load_catalog
from compliance.match import match
from compliance.match_units import units
from compliance.report.labels import LABELS
from compliance.report.view import pasal_ref
from test_parse_keputusan import KEPUTUSAN, PERBUP_WITH_PLAN, _parse


def _by_id(reg):
    return {f.requirement: f for f in match(reg, load_catalog())}


def test_lampiran_evidence_names_its_section():
    findings = _by_id(_parse(PERBUP_WITH_PLAN))
    tim = findings["tim-koordinasi"]
    assert tim.status in ("partial", "fulfilled")
    places = [(e.pasal, e.ayat) for e in tim.evidence]
    assert ("Lampiran", "BAB IV angka 4.1") in places
    ev = next(e for e in tim.evidence if e.ayat == "BAB IV angka 4.1")
    assert pasal_ref(ev.to_dict(), LABELS["id"]) == "Lampiran BAB IV angka 4.1"
    assert ev.quote in PERBUP_WITH_PLAN  # verbatim


def test_the_table_of_contents_and_the_background_chapter_are_not_provisions():
    text = PERBUP_WITH_PLAN.replace("Kondisi SPBE saat ini belum terpadu.",
                                    "Saat ini belum ada Manajemen Risiko SPBE di daerah.")
    findings = _by_id(_parse(text))
    risk = findings["manajemen-risiko"]
    assert risk.status == "missing" and "note-only-background" in risk.notes
    for finding in findings.values():  # the contents line "BAB IV ARAH KEBIJAKAN ..... 9" is never a quote
        assert all("........" not in e.quote for e in finding.evidence)


def test_a_policy_only_to_be_drawn_up_is_partial_at_most():
    sentence = ("Tim Koordinasi SPBE dibentuk dengan Keputusan Bupati, diketuai Sekretaris Daerah, dengan tugas "
                "mengoordinasikan penyelenggaraan SPBE.")
    written = PERBUP_WITH_PLAN.replace("Tim Koordinasi SPBE dibentuk dengan Keputusan Bupati.", sentence)
    planned = PERBUP_WITH_PLAN.replace("Tim Koordinasi SPBE dibentuk dengan Keputusan Bupati.",
                                       "Kebijakan yang akan disusun: " + sentence)
    assert _by_id(_parse(written))["tim-koordinasi"].status == "fulfilled"  # control: the same words, set
    tim = _by_id(_parse(planned))["tim-koordinasi"]
    assert tim.status == "partial" and "note-planned-only" in tim.notes


def test_a_keputusan_speaks_only_for_what_it_sets():
    findings = _by_id(_parse(KEPUTUSAN))
    tim = findings["tim-koordinasi"]
    assert tim.status in ("partial", "fulfilled")
    assert any(e.pasal.startswith("Diktum ") for e in tim.evidence)
    others = [f for f in findings.values() if not f.evidence and f.requirement != "dasar-hukum"]
    assert others and all(f.status == "not_applicable" and "note-outside-keputusan" in f.notes for f in others)
    assert not [f for f in findings.values() if f.status == "missing"]


def test_a_citation_in_a_diktum_reaches_the_matcher():
    text = KEPUTUSAN.replace("b. melakukan pemantauan dan evaluasi SPBE setiap tahun;",
                             "b. menyusun Peta Rencana sesuai Pasal 19 Peraturan Presiden Nomor 95 Tahun 2018;")
    from compliance.cite import find_citations

    reg = _parse(text)
    in_diktum = [c for c in find_citations(reg) if c.place.part == "diktum"]
    assert [c.place.short() for c in in_diktum] == ["Diktum KEDUA"]
    finding = _by_id(reg)["peta-rencana"]
    assert ("Diktum KEDUA", "citation") in [(e.pasal, e.via) for e in finding.evidence]


def test_the_planned_words_are_sought_only_in_the_points_asked_about():
    """A Lampiran point says whether it names a policy only as one still to be drawn up when
    asked (a check asks of few); an article never does."""
    text = PERBUP_WITH_PLAN.replace("Tim Koordinasi SPBE dibentuk dengan Keputusan Bupati.",
                                    "Peta Rencana SPBE akan disusun.")
    all_units = units(_parse(text))
    points = [u for u in all_units if u.lampiran]
    assert points and not any("planned" in vars(u) for u in all_units)  # nothing read yet
    assert [u.body for u in points if u.planned] == [u.body for u in points if "akan disusun" in u.body] != []
    assert not any(u.planned for u in all_units if not u.lampiran)
