"""Amendment drafts: they parse back as an amending regulation, and applied to the base they
close the gaps they address; a replacement revokes the old text; no gap, no draft."""

import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner

import compliance
from compliance.check import check
from compliance.cli import main
from compliance.draft.amend import changes, draft
from compliance.draft.apply import apply_amendment
from compliance.draft.write import render
from tests.conftest import EXAMPLES

SAMPLES = sorted(EXAMPLES.glob("*.txt"))


def _write(tmp_path: Path, made, fmt: str) -> Path:
    path = tmp_path / f"rancangan.{fmt}"
    data = render(made, fmt)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_amendment_round_trip(tmp_path: Path, sample: Path):
    base = compliance.load(sample)
    result = check(base)
    made = draft(result)
    points = changes(result)
    assert made is not None and len(made.addressed) == len(points) > 0
    text = made.text()
    assert "tentang Perubahan atas".upper() in text.upper() and "Pasal I" in text and "Pasal II" in text
    assert "Peraturan Presiden Nomor 95 Tahun 2018" in text.split("MEMUTUSKAN")[0]
    amendment = compliance.load(_write(tmp_path, made, "txt"))
    assert [a.label for a in amendment.articles if a.parent is None] == ["I", "II"]
    assert [a.label for a in amendment.articles if a.parent == "I"] == [p.label for p in points]
    before = {f.requirement: f.status for f in result.findings}
    after = {f.requirement: f.status for f in check(apply_amendment(base, amendment)).findings}
    assert all(after[r] == "fulfilled" for r in made.addressed), [(r, before[r], after[r]) for r in made.addressed]


def test_conflict_is_fixed_in_the_article_verbatim():
    result = check(compliance.load(EXAMPLES / "perwal-banyuasri-2022-spbe.txt"))
    fixed = {p.requirement: p for p in changes(result)}["audit-keamanan"]
    article = result.regulation.article(fixed.label)
    assert fixed.formula == f"Ketentuan Pasal {article.label} diubah sehingga berbunyi sebagai berikut:"
    assert fixed.body == article.text.replace("3 (tiga) tahun", "2 (dua) tahun")


def test_docx_draft_parses_back(tmp_path: Path):
    base = compliance.load(EXAMPLES / "perwal-banyuasri-2022-spbe.txt")
    made = draft(check(base))
    amendment = compliance.load(_write(tmp_path, made, "docx"))
    assert amendment.metadata.jenis_kode == "perwal"
    assert len([a for a in amendment.articles if a.parent == "I"]) == len(made.addressed)
    from docx import Document

    styles = {p.style.name for p in Document(str(tmp_path / "rancangan.docx")).paragraphs}
    assert {"Judul", "Pasal", "Isi"} <= styles


def test_replacement_revokes_the_old_text_and_closes_its_gaps(tmp_path: Path):
    base = compliance.load(EXAMPLES / "perbup-sukamaju-2016-egov.txt")
    result = check(base)
    made = draft(result, replace=True)
    replacement = compliance.load(_write(tmp_path, made, "txt"))
    labels = [a.label for a in replacement.articles]
    assert labels == [str(n) for n in range(1, len(labels) + 1)]
    assert "dicabut dan dinyatakan tidak berlaku" in replacement.articles[-2].text
    assert "Nomor 27 Tahun 2016" in replacement.articles[-2].text
    after = {f.requirement: f.status for f in check(replacement).findings}
    assert all(after[r] == "fulfilled" for r in made.addressed)


def test_the_region_counts_the_replaced_regulation_as_revoked(tmp_path: Path):
    from compliance.region.assess import assess
    from tests.test_draft_keputusan import fill_placeholders

    old = EXAMPLES / "perbup-sukamaju-2016-egov.txt"
    made = draft(check(compliance.load(old)), replace=True)
    new = tmp_path / "perbup-pengganti.txt"
    new.write_text(fill_placeholders(made.text(), "7 TAHUN 2025", "2 Januari 2025"), encoding="utf-8")
    assessment, _ = assess([old, new], jobs=1)
    status = {Path(i["file"]).name: i for i in assessment["instruments"]}
    assert status[old.name]["status"] == "revoked"
    assert "Nomor 27 Tahun 2016" in status[old.name]["revoked_by"]["quote"]
    assert status[new.name]["status"] == "in-force"


def test_no_gap_no_draft(tmp_path: Path, monkeypatch):
    result = check(compliance.load(EXAMPLES / "perwal-banyuasri-2022-spbe.txt"))
    clean = dataclasses.replace(result, findings=[dataclasses.replace(f, status="fulfilled", conflicts=[])
                                                  for f in result.findings])
    assert draft(clean) is None
    monkeypatch.setattr("compliance.check.check", lambda *a, **k: clean)
    out = tmp_path / "rancangan.docx"
    run = CliRunner().invoke(main, ["amend", str(EXAMPLES / "perwal-banyuasri-2022-spbe.txt"), "-o", str(out)])
    assert run.exit_code == 3 and "tidak ada rancangan yang ditulis" in run.output
    assert not out.exists()


def test_cli_writes_the_draft_and_refuses_an_unknown_format(tmp_path: Path):
    out = tmp_path / "rancangan.docx"
    run = CliRunner().invoke(main, ["amend", str(EXAMPLES / "perwal-tirtaraya-2017-tik.txt"), "-o", str(out)])
    assert run.exit_code == 0 and "titik perubahan ditulis" in run.output and out.stat().st_size > 0
    bad = CliRunner().invoke(main, ["amend", str(EXAMPLES / "perwal-tirtaraya-2017-tik.txt"), "-o",
                                    str(tmp_path / "x.pdf")])
    assert bad.exit_code == 1 and "format keluaran tidak dikenal" in bad.output


def test_a_conflict_stated_in_the_lampiran_restates_the_lampiran(tmp_path: Path):
    """A period set in a Lampiran section ("jangka waktu sepuluh tahun") is amended by
    restating the Lampiran with only that value replaced, after the closing block; the
    parsed amendment applied to the base puts the new Lampiran in place."""
    from compliance.draft.amend import LAMPIRAN

    source = Path(__file__).parent / "heldout" / "perbup-argawilis-2020-rencana-induk-tik.txt"
    base = compliance.load(source)
    result = check(base)
    conflict = {f.requirement: f for f in result.findings}["arsitektur"].conflicts[0]
    assert conflict.pasal == "Lampiran"
    made = draft(result)
    point = next(p for p in made.changes if p.label == LAMPIRAN)
    assert point.requirement == "arsitektur"
    assert point.formula == ("Lampiran diubah sehingga menjadi sebagaimana tercantum dalam Lampiran yang merupakan "
                             "bagian tidak terpisahkan dari Peraturan Bupati ini.")
    old = base.lampiran[0].text
    assert point.body == old.replace("sepuluh tahun", "5 (lima) tahun", 1) and old.count("sepuluh tahun") >= 1
    # the restated Lampiran is the amending regulation's: its header, number and date left to fill,
    # not the old act's "NOMOR 41 TAHUN 2020"; its own title and chapters follow word for word
    assert made.annex[:5] == ["LAMPIRAN", "PERATURAN BUPATI ARGAWILIS", "NOMOR «…» TAHUN «…»", "TENTANG",
                              "PERUBAHAN ATAS PERATURAN BUPATI ARGAWILIS NOMOR 41 TAHUN 2020 TENTANG RENCANA INDUK "
                              "DAN TATA KELOLA TEKNOLOGI INFORMASI DAN KOMUNIKASI"]
    assert made.annex.count("LAMPIRAN") == 1 and "NOMOR 41 TAHUN 2020" not in made.annex
    assert made.annex[5:8] == ["RENCANA INDUK DAN TATA KELOLA TEKNOLOGI INFORMASI DAN KOMUNIKASI",
                               "KABUPATEN ARGAWILIS TAHUN 2021-2025", "BAB I"]
    back = compliance.load(_write(tmp_path, made, "txt"))
    assert back.lampiran and [a.label for a in back.articles if a.parent is None] == ["I", "II"]
    assert back.lampiran[0].title.startswith("LAMPIRAN PERATURAN BUPATI ARGAWILIS NOMOR «…» TAHUN «…» TENTANG "
                                             "PERUBAHAN ATAS")
    after = {f.requirement: f.status for f in check(apply_amendment(base, back)).findings}
    assert after["arsitektur"] == "fulfilled"
