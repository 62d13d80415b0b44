"""Amendment drafts of the real regional instruments (../shared/corpus/regional): every
Perwal and every Keputusan either gets a draft that parses back as its amending instrument
(Pasal I / diktum KESATU quoting exactly the change points) and, applied, fulfils every
requirement it addresses — or, for a Keputusan whose gaps are not what it sets, no draft
and the reason. Skips cleanly without the corpus; the scans skip without Tesseract."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance import load
from compliance.check import check
from compliance.draft.amend import LAMPIRAN
from compliance.draft.apply import apply_amendment, quoted_diktum
from compliance.draft.command import amendment
from test_corpus_regional import DOCS, IDS, _document


@pytest.mark.skipif(not DOCS, reason="regional corpus not available")
@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_round_trip_or_declined(tmp_path: Path, doc):
    base = _document(doc)
    made = amendment(base)
    if made.draft is None:
        assert base.is_keputusan and made.reason == "outside-subject" and made.outside
        return
    path = tmp_path / "rancangan.txt"
    path.write_bytes(made.render("txt"))
    back = load(path)
    labels = [c.label for c in made.changes]
    if base.is_keputusan:
        assert back.is_keputusan and [d.label for d in back.diktum] == ["KESATU", "KEDUA"]
        assert [label for label, _ in quoted_diktum(back)] == labels
    else:
        assert [a.label for a in back.articles if a.parent is None] == ["I", "II"]
        assert [a.label for a in back.articles if a.parent == "I"] == [x for x in labels if x != LAMPIRAN]
    after = {f.requirement: f.status for f in check(apply_amendment(base, back)).findings}
    assert all(after[r] == "fulfilled" for r in made.draft.addressed)
