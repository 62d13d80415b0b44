"""The real regional instruments of ../shared/corpus/regional (8 Keputusan, 3 Perwal; 7 scans):
every Pasal / diktum label as the manifest lists it (checked against the page images),
and jenis, nomor, tahun. Skips cleanly without the corpus; the scans skip without Tesseract."""

from __future__ import annotations

import json
import shutil
from functools import cache

import pytest

from compliance import load
from conftest import CORPUS

REGIONAL = CORPUS / "regional"


def _documents() -> list[dict]:
    path = REGIONAL / "manifest.json"
    if not path.exists():
        return []
    return json.loads(path.read_text(encoding="utf-8"))["documents"]


@cache
def _parsed(name: str):
    return load(REGIONAL / name)


def _document(doc: dict):
    if not (REGIONAL / doc["file"]).exists():
        pytest.skip("regional corpus not available")
    if not doc["text_layer"] and shutil.which("tesseract") is None:
        pytest.skip("tesseract not installed: the scans need OCR")
    return _parsed(doc["file"])


DOCS = _documents()
IDS = [d["file"][:40] for d in DOCS]


@pytest.mark.skipif(not DOCS, reason="regional corpus not available")
@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_labels_equal_the_manifest(doc):
    reg = _document(doc)
    structure = doc["structure"]
    if "diktum" in structure:
        assert [d.label for d in reg.diktum] == structure["diktum"]
        assert reg.is_keputusan
    else:
        assert [a.label for a in reg.articles if a.parent is None] == structure["pasal"]
        assert not reg.diktum


@pytest.mark.skipif(not DOCS, reason="regional corpus not available")
@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_identity_equals_the_manifest(doc):
    md = _document(doc).metadata
    assert (md.jenis_kode, md.nomor, md.tahun) == (doc["jenis_kode"], doc["nomor"], doc["tahun"])
    assert md.daerah == doc["daerah"]


@pytest.mark.skipif(not DOCS, reason="regional corpus not available")
@pytest.mark.parametrize("doc", [d for d in DOCS if d["lampiran"]], ids=[d["file"][:40] for d in DOCS if d["lampiran"]])
def test_a_lampiran_the_manifest_describes_is_kept_apart_from_the_closing(doc):
    reg = _document(doc)
    assert reg.lampiran, "the Lampiran was not found"
    if reg.closing is not None:
        assert len(reg.closing.text) < 1500  # the closing keeps only the closing


LAMPIRAN_PARTS = {  # read from the page images: a user guide's roman parts, a team's lettered sub-teams
    "kepwal-denpasar-188-45-283-hk-2016-sistem-informasi-perijinan-online.pdf": ["angka romawi I", "angka romawi II"],
    "kepwal-denpasar-188-45-1279-hk-2019-tim-karma-simanis.pdf": ["huruf A", "huruf B"],
}


@pytest.mark.skipif(not DOCS, reason="regional corpus not available")
@pytest.mark.parametrize("name", sorted(LAMPIRAN_PARTS), ids=[n[:40] for n in sorted(LAMPIRAN_PARTS)])
def test_a_keputusans_lampiran_is_cut_at_its_own_parts(name):
    reg = _document(next(d for d in DOCS if d["file"] == name))
    block = reg.lampiran[0]
    assert [s.label for s in block.sections] == LAMPIRAN_PARTS[name]
    assert "\n".join(s.text for s in block.sections).split() == block.text[block.sections[0].start:].split()
