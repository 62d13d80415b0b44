"""The catalog and the evaluation instrument: shape, the spec's ids, printable references,
and clear errors for a malformed file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from compliance.catalog import load_catalog
from compliance.errors import ComplianceError

from conftest import REPO, SHARED

SPEC = SHARED / "spec" / "perpres-95-2018-requirements.md"
RULES = REPO / "rules"


def _spec_entries() -> list[tuple[str, str]]:
    """(id, title) of every numbered catalog entry in the shared spec."""
    if not SPEC.exists():
        pytest.skip(f"shared spec not available ({SPEC})")
    text = SPEC.read_text(encoding="utf-8")
    return re.findall(r"^\s*\d+\.\s+`([a-z-]+)`\s+·\s+(.+?)\s+·", text, re.MULTILINE)


def test_catalog_has_the_specs_entries_in_order_with_their_titles():
    catalog = load_catalog()
    spec = _spec_entries()
    assert len(spec) == 28
    supplement = [e.id for e in load_catalog("pemdi-2026-supplement").entries]
    assert [e.id for e in catalog.entries] == [i for i, _ in spec] + supplement  # the Perpres's, then the supplement's
    for entry, (_, title) in zip(catalog.entries, spec):
        assert entry.title["id"] == title
        assert entry.title["en"]


def test_printable_basis_follows_the_legend():
    catalog = load_catalog()
    printed = {e.id: e.basis.printable("id") for e in catalog.entries}
    assert printed["peta-rencana"] == "Pasal 19"
    assert printed["kebijakan-kepala-daerah"] == "Pasal 61 ayat (1)"
    assert printed["aplikasi"] == "Pasal 34–39"
    assert printed["audit-keamanan"] == "Pasal 58"
    assert printed["pemantauan-evaluasi"].endswith("(nomor pasal belum diverifikasi)")
    assert "71" not in printed["pemantauan-evaluasi"]  # the unconfirmed delegating article is never printed
    assert catalog.entry("tim-koordinasi").basis.printable("en").endswith("(article number not verified)")
    for entry in catalog.entries:
        if entry.basis.confidence in ("topic", "structure"):
            assert not re.search(r"Pasal \d", entry.basis.printable("id")), entry.id


def _broken_copy(tmp_path: Path, mutate) -> Path:
    data = yaml.safe_load((RULES / "perpres-95-2018.yaml").read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("mutate", "entry", "field"),
    [
        (lambda d: d["entries"][5]["basis"].update(confidence="guess"), "peta-rencana", "basis.confidence"),
        (lambda d: d["entries"][4]["basis"].pop("pasal"), "arsitektur", "basis.pasal"),
        (lambda d: d["entries"][13]["elements"][1].pop("label"), "keamanan", "elements[1].label"),
        (lambda d: d["entries"][2]["signals"].append("kebijakan @tidak-ada"), "kebijakan-kepala-daerah", "signals"),
        (lambda d: d["entries"][26]["parameters"][0].update(kind="weekly"), "audit-keamanan", "parameters[0].kind"),
        (lambda d: d["entries"][6].update(group="nowhere"), "rencana-anggaran", "group"),
        (lambda d: d["entries"][7]["elements"][0].update(terms=[{"all": "x"}]), "proses-bisnis", "elements[0].terms"),
    ],
)
def test_malformed_catalog_names_file_entry_and_field(tmp_path, mutate, entry, field):
    path = _broken_copy(tmp_path, mutate)
    with pytest.raises(ComplianceError) as info:
        load_catalog(path)
    err = info.value
    assert err.code == "catalog-invalid"
    assert err.params["entry"] == entry and err.params["field"] == field
    text = err.message("id")
    assert str(path) in text and entry in text and field in text


def test_yaml_syntax_error_and_unknown_catalog_are_clear(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("entries: [unclosed\n", encoding="utf-8")
    with pytest.raises(ComplianceError) as info:
        load_catalog(bad)
    assert info.value.code == "catalog-invalid"
    with pytest.raises(ComplianceError) as info:
        load_catalog("perpres-does-not-exist")
    assert info.value.code == "catalog-unknown"
    assert "perpres-does-not-exist" in info.value.message("en")


MINIMAL = """
schema: compliance/catalog@1
id: contoh-permen
title: {id: Peraturan Menteri Contoh, en: Example ministerial regulation}
short: Permen Contoh
ditetapkan: "2020-01-01"
scoring: {fulfilled: 1, partial: 0.5, conflict: 0, missing: 0}
groups:
  - {id: umum, title: {id: Umum, en: General}}
vocabulary:
  kepala-daerah: [bupati, wali kota]
entries:
  - id: satu-data
    group: umum
    title: {id: Satu Data daerah, en: Regional One Data}
    basis: {confidence: number, pasal: "7"}
    signals: [Satu Data]
    elements:
      - id: walidata
        label: {id: walidata ditunjuk, en: data steward appointed}
        terms: [walidata]
      - id: penetapan
        label: {id: ditetapkan kepala daerah, en: set by the regional head}
        terms: [{all: [[~tetap], ["@kepala-daerah"]]}]
"""


def test_a_new_regulation_is_a_new_file_not_new_code(tmp_path):
    from compliance.match import match
    from compliance.models import Article, Regulation, Source

    path = tmp_path / "contoh.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    catalog = load_catalog(path)
    assert [e.id for e in catalog.entries] == ["satu-data"]
    assert catalog.entry("satu-data").basis.printable() == "Pasal 7"
    reg = Regulation(source=Source("x.txt", "0" * 64, 1), articles=[
        Article("3", "(1) Penyelenggaraan Satu Data di Daerah dikoordinasikan oleh walidata.", 1)])
    [finding] = match(reg, catalog)
    assert finding.status == "partial"
    assert finding.missing_elements == ["ditetapkan kepala daerah"]
    assert finding.evidence[0].pasal == "3" and finding.evidence[0].ayat == "1"
