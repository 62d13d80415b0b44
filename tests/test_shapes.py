"""The fictional instruments of tests/shapes/ (Rencana Induk in a Lampiran, Keputusan with
diktum, an amending Perwal, a Peraturan Bersama, a Surat Edaran to refuse; stop 25's set:
article titles on or under the heading, signatories with titles and degrees, a Perda with its
Penjelasan, a revoking Keputusan) against their keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import compliance
from compliance.errors import ComplianceError

SHAPES = Path(__file__).resolve().parent / "shapes"
KEYS = sorted(SHAPES.glob("*.key.json"))


@pytest.mark.parametrize("key_path", KEYS, ids=[k.name[:30] for k in KEYS])
def test_shape_against_its_key(key_path):
    key = json.loads(key_path.read_text(encoding="utf-8"))
    if key.get("refuse"):
        with pytest.raises(ComplianceError):
            compliance.load(SHAPES / key["file"])
        return
    reg = compliance.load(SHAPES / key["file"])
    md = reg.metadata
    assert (md.jenis_kode, md.daerah, md.nomor, md.tahun) == (key["jenis_kode"], key["daerah"], key["nomor"], key["tahun"])
    assert [a.label for a in reg.articles if a.parent is None] == key["pasal"]
    assert [a.label for a in reg.articles if a.parent is not None] == key.get("quoted_pasal", [])
    assert [d.label for d in reg.diktum] == key["diktum"]
    assert len(reg.lampiran) == key["lampiran_count"]
    if key.get("lampiran_sections"):
        assert [s.label for block in reg.lampiran for s in block.sections] == key["lampiran_sections"]
    assert md.pihak == key.get("parties", [])  # a joint regulation: every issuer with its own number
    if "mengingat_count" in key:
        assert (len(reg.mengingat), len(reg.menimbang)) == (key["mengingat_count"], key["menimbang_count"])
    if "penandatangan" in key:
        assert reg.closing.penandatangan == key["penandatangan"]
    for label, count in key.get("ayat", {}).items():  # an article with a title keeps its ayat
        assert len(next(a for a in reg.articles if a.label == label).ayat) == count, label
