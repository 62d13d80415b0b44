"""Read a corpus transcription (``NAME.md``) into a ``Regulation``.

The citation tests and bench measure citation finding on the reference text,
independently of the PDF parser: ``## menimbang`` / ``## mengingat`` sections,
``## Pasal N`` headings (articles quoted by an amending ``Pasal I`` get parent
``I``), ayat ``(1)`` and item ``a.`` / ``1.`` lines.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import yaml

from compliance.models import Article, Ayat, Item, Mengingat, Metadata, Regulation, Source

# manifest "jenis" -> (jenis_kode, jenis as printed)
JENIS = {
    "PERMENKOMINFO": ("permen", "Peraturan Menteri Komunikasi dan Informatika"),
    "UU": ("uu", "Undang-Undang"),
    "PP": ("pp", "Peraturan Pemerintah"),
}

INTERNAL_REFS = Path(__file__).parent / "fixtures" / "internal_refs.yaml"  # hand-checked references

_AYAT = re.compile(r"^\((\d+[a-z]?)\)\s*(.*)$")
_ITEM = re.compile(r"^([a-z]{1,2}|\d+)\.\s+(.*)$")
_ENTRY = re.compile(r"^\(?(\d+)[.)]\s*(.*)$")
_ROMAN = re.compile(r"^[IVX]+$")


def read_transcript(path: Path, doc: dict | None = None) -> Regulation:
    """Build a Regulation from ``path``; ``doc`` is its manifest entry (for metadata)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    reg = Regulation(source=Source(file=path.name, sha256="", pages=0))
    if doc:
        kode, jenis = JENIS.get(doc["jenis"], (doc["jenis"].lower(), doc["jenis"]))
        reg.metadata = Metadata(jenis=jenis, jenis_kode=kode, nomor=str(doc["nomor"]), tahun=doc["tahun"])
    section = "preamble"
    preamble: list[str] = []
    article: Article | None = None
    amending: str | None = None
    for raw in lines:
        line = raw.strip()
        if line.startswith("## "):
            head = line[3:].strip()
            m = re.match(r"Pasal\s+(\S+)$", head)
            if m:
                label = m.group(1)
                if _ROMAN.match(label):
                    amending = label if label == "I" else None
                    parent = None
                else:
                    parent = amending
                article = Article(label=label, text="", page=0, parent=parent)
                reg.articles.append(article)
                section = "pasal"
            elif head.lower() in ("menimbang", "mengingat"):
                section = head.lower()
            elif re.match(r"\d+\.\s", head) and amending:
                # amendment instruction ("1. Ketentuan Pasal 5 diubah ..."): part of Pasal I
                first = reg.article("I")
                if first is not None:
                    first.text = (first.text + "\n" + head).strip()
                section = "skip"
            else:
                section = "skip" if section in ("menimbang", "mengingat", "preamble") else section
                if head.split()[0] in ("BAB", "Bagian", "Paragraf"):
                    section = "skip"
            continue
        if not line:
            continue
        if section == "preamble":
            preamble.append(line)
        elif section == "menimbang":
            reg.menimbang.append(line)
        elif section == "mengingat":
            m = _ENTRY.match(line)
            if m:
                reg.mengingat.append(Mengingat(text=m.group(2), label=m.group(1)))
            elif reg.mengingat and not line.isupper() and not line.lower().startswith(("dengan", "dan")):
                reg.mengingat[-1].text += " " + line
        elif section == "pasal" and article is not None:
            article.text = (article.text + "\n" + line).strip()
            _structure(article, line, len(raw) - len(raw.lstrip("\t")))
    reg.preamble = "\n".join(preamble)
    return reg


def _structure(article: Article, line: str, depth: int) -> None:
    """Ayat "(1)" lines; items "a." / "1." nested by their tab indentation."""
    m = _AYAT.match(line)
    if m:
        article.ayat.append(Ayat(label=m.group(1), text=line))
        return
    target = article.ayat[-1] if article.ayat else None
    if target is not None:
        target.text += "\n" + line
    m = _ITEM.match(line)
    if not m:
        return
    items = target.items if target is not None else article.items
    for _ in range(max(depth - 1, 0)):
        if not items:
            break
        items = items[-1].items
    items.append(Item(label=m.group(1), text=m.group(2)))


def internal_reference_counts(corpus: Path, docs: dict[str, dict]) -> list[tuple[str, Counter, Counter]]:
    """Per document of ``INTERNAL_REFS``: (file, expected, found) reference-form citations in the
    articles, each keyed (pasal, parent, target), for the precision/recall of the test and bench."""
    from compliance.cite import find_citations

    out = []
    for entry in yaml.safe_load(INTERNAL_REFS.read_text(encoding="utf-8"))["documents"]:
        reg = read_transcript(corpus / entry["file"], docs[entry["file"]])
        expected = Counter((r["pasal"], r.get("parent"), r["target"]) for r in entry["references"])
        found = Counter((c.place.pasal, c.place.parent, c.target) for c in find_citations(reg)
                        if c.form == "reference" and c.place.part == "pasal")
        out.append((entry["file"], expected, found))
    return out
