"""An amendment draft that addresses a regulation's gaps, in the drafting conventions of
UU 12/2011 Lampiran II: judul, Menimbang, Mengingat, Pasal I with numbered change points
in the standard formulas, Pasal II on entry into force, the closing block.

One change point per gap: a conflict changes the article that states the contradicting
value (the article verbatim, only the value replaced by the national one); a partial or
missing entry inserts an article with the suggested clause (``templates/suggestions``),
after the article that partly addresses it or before the closing provisions. ``replace``
gives a full replacement regulation instead, revoking the old one. Every «…» is a
placeholder the drafter fills in. ``dasar-hukum`` is answered by the draft's own Mengingat.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from compliance.check import CheckResult
from compliance.markers import markers
from compliance.models import Article, Diktum, Finding, Metadata, Regulation
from compliance.parse_lampiran import header_end
from compliance.resources import regulation_kinds, without_level

PLACEHOLDER = "«…»"
# Letters of the articles inserted after one article: at most eight (a reader, and OCR, takes
# an I, O, S or T after a number for a digit); more go after the article before it.
_LETTERS = "ABCDEFGH"


@dataclass
class Change:
    """One change point of Pasal I: its formula and the article it quotes."""

    requirement: str
    formula: str
    label: str
    body: str


@dataclass
class Draft:
    """The whole draft as titled blocks; ``text()`` is the plain text the writers share."""

    title: list[str]
    opening: list[str]
    menimbang: list[str]
    mengingat: list[str]
    menetapkan: str
    body: list[str]
    closing: list[str]
    addressed: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    annex: list[str] = field(default_factory=list)  # a replacement's Lampiran, verbatim under a new header

    def text(self) -> str:
        lines = [*self.title, "", *self.opening, "", "Menimbang :"]
        lines += self.menimbang
        lines += ["", "Mengingat :"] + self.mengingat
        lines += ["", "MEMUTUSKAN:", "", f"Menetapkan : {self.menetapkan}", "", *self.body, "", *self.closing]
        if self.annex:
            lines += ["", *self.annex]
        return "\n".join(lines).rstrip() + "\n"


def gaps(result: CheckResult) -> list[Finding]:
    """The findings an amendment can address: conflicts and gaps with an article to write."""
    return [f for f in result.findings if f.status in ("conflict", "partial", "missing") and f.requirement != "dasar-hukum"]


def closing_pattern() -> re.Pattern[str]:
    """Entry into force or revocation of an older act: what closes an instrument's body."""
    from compliance.resources import data_yaml

    return re.compile("(?i)" + data_yaml("regulations", "drafting.yaml")["closing"])


def _kepala_daerah(result: CheckResult) -> str:
    from compliance.report.view import kepala_daerah

    return kepala_daerah(result.regulation.metadata.to_dict())


def clause_lines(finding: Finding, result: CheckResult) -> list[str]:
    """The suggested clause's ayat lines (its "Pasal «…»" heading left out)."""
    from compliance.report.templating import suggestion

    text = suggestion(finding.to_dict(), result.regulation.metadata.to_dict())
    lines = [line for line in str(text.unescape()).splitlines() if line.strip()] if text else []
    return [line.strip() for line in lines if not markers().clause_heading.match(line.strip())]


def _closing_start(reg: Regulation) -> Article | None:
    body = [a for a in reg.articles if a.parent is None]
    first = next((i for i, a in enumerate(body) if closing_pattern().search(a.text)), len(body))
    return body[first - 1] if first > 0 else (body[-1] if body else None)


LAMPIRAN = "Lampiran"  # the label of the change point that restates the Lampiran


def _fixed(text: str, conflict) -> str | None:
    """``text`` with the contradicting value replaced by the national one; for a period only
    the period itself ("sepuluh tahun" of "jangka waktu sepuluh tahun"), so the words around
    it stay; None when the value is not there exactly once."""
    regional, national = conflict.regional, conflict.national
    periods = markers().years_stated.findall(regional)
    if periods and markers().years_printed.fullmatch(national):
        regional = periods[-1]
    if text.count(regional) != 1:
        return None
    return text.replace(regional, national)


def fixed_text(article: Article | Diktum, conflict) -> str | None:
    """The article (or diktum) verbatim with the contradicting value replaced by the national one."""
    return _fixed(article.text, conflict)


def _fixed_lampiran(text: str, reg: Regulation, conflict) -> str | None:
    """The Lampiran's text with the value replaced in the section the conflict names."""
    for lampiran in reg.lampiran:
        section = next((s for s in lampiran.sections if s.label == conflict.ayat), None)
        if section is not None and text.startswith(lampiran.text[:section.start]):
            fixed = _fixed(text[section.start:section.end], conflict)
            return None if fixed is None else text[:section.start] + fixed + text[section.end:]
    return None


def changes(result: CheckResult) -> list[Change]:
    """One change point per gap, in article order of where they go."""
    reg = result.regulation
    out: list[Change] = []
    inserted: dict[str, list[str]] = {}  # anchor article -> labels inserted after it
    labels = [a.label for a in reg.articles if a.parent is None]
    fallback = _closing_start(reg)
    lampiran = reg.lampiran[0].text if len(reg.lampiran) == 1 else None
    lampiran_fixes: list[str] = []
    for finding in gaps(result):
        if finding.status == "conflict" and finding.conflicts:
            conflict = finding.conflicts[0]
            if conflict.pasal == LAMPIRAN and lampiran is not None:
                fixed = _fixed_lampiran(lampiran, reg, conflict)
                if fixed is not None:
                    lampiran = fixed
                    lampiran_fixes.append(finding.requirement)
                    continue
            article = reg.article(conflict.pasal)
            fixed = fixed_text(article, conflict) if article else None
            if fixed is not None:
                out.append(Change(finding.requirement, f"Ketentuan Pasal {article.label} diubah sehingga berbunyi "
                                  "sebagai berikut:", article.label, fixed))
                continue
        clause = clause_lines(finding, result)
        if not clause:
            continue
        near = [e.pasal for e in finding.evidence if e.parent is None and e.pasal in labels and e.pasal != "1"]
        anchor = near[-1] if near and finding.status != "missing" else (fallback.label if fallback else None)
        anchor = _free_anchor(anchor, labels, inserted)
        if anchor is None:
            continue
        after = inserted.setdefault(anchor, [])
        label = f"{anchor}{_LETTERS[len(after)]}"
        previous = after[-1] if after else anchor
        index = labels.index(anchor)
        following = labels[index + 1] if index + 1 < len(labels) else None
        where = f"Di antara Pasal {previous} dan Pasal {following}" if following else f"Setelah Pasal {previous}"
        after.append(label)
        out.append(Change(finding.requirement, f"{where} disisipkan 1 (satu) pasal, yakni Pasal {label} sehingga "
                          "berbunyi sebagai berikut:", label, "\n".join(clause)))
    order = {label: i for i, label in enumerate(labels)}
    out.sort(key=lambda c: (order.get(re.sub(r"[A-Z]+$", "", c.label), 0), c.label))
    jenis = names(result)["jenis"]
    return out + [Change(requirement, f"{LAMPIRAN} diubah sehingga menjadi sebagaimana tercantum dalam Lampiran yang "
                         f"merupakan bagian tidak terpisahkan dari {jenis} ini.", LAMPIRAN, lampiran)
                  for requirement in lampiran_fixes[:1]] + [
        Change(requirement, "", LAMPIRAN, lampiran) for requirement in lampiran_fixes[1:]]


def _capitalised(word: str) -> str:
    return re.sub(r"[^\W\d_]", lambda m: m.group().upper(), word.lower(), count=1)


def title_case(text: str) -> str:
    """A title as cited in a sentence: words capitalised, small words lower-case, acronyms
    (``regulations/drafting.yaml``) in capitals; a mixed-case title keeps its capitals."""
    from compliance.resources import data_yaml

    data = data_yaml("regulations", "drafting.yaml")
    small, acronyms = set(data["small_words"]), set(data["acronyms"])
    shouting = text.isupper()
    out = []
    for i, word in enumerate(text.split()):
        core = re.sub(r"\W", "", word)
        if core.upper() in acronyms or (not shouting and word.isupper() and len(core) > 1):
            out.append(word if not shouting else word.upper())
        elif i and word.lower() in small:
            out.append(word.lower())
        else:
            out.append(_capitalised(word))
    return " ".join(out)


def _free_anchor(anchor: str | None, labels: list[str], inserted: dict[str, list[str]]) -> str | None:
    """``anchor``, or the nearest article before it that still takes an inserted article
    (never the definitions article, Pasal 1)."""
    if anchor is None:
        return None
    for label in reversed(labels[1:labels.index(anchor) + 1]):
        if len(inserted.get(label, [])) < len(_LETTERS):
            return label
    return None


def names(result: CheckResult) -> dict[str, str]:
    """How the draft names the region, its head and the amended act ("Keputusan Wali Kota
    Denpasar Nomor 188.45/1689/HK/2019 tentang ...": no "Tahun" when the nomor holds it)."""
    meta = result.regulation.metadata
    jenis = meta.jenis or "Peraturan"
    daerah = meta.daerah or PLACEHOLDER
    place = without_level(daerah)
    tentang = title_case(" ".join((meta.tentang or PLACEHOLDER).split()))
    nomor, tahun = meta.nomor or PLACEHOLDER, str(meta.tahun or PLACEHOLDER)
    year = "" if nomor.endswith(tahun) else f" Tahun {tahun}"
    base = f"{jenis} {place} Nomor {nomor}{year} tentang {tentang}"
    berita = "Lembaran Daerah" if with_dprd(meta) else "Berita Daerah"
    return {"jenis": jenis, "place": place, "daerah": daerah, "base": base,
            "berita": f"{berita} {daerah}", "kd": _kepala_daerah(result)}


def with_dprd(meta: Metadata) -> bool:
    """A Perda of any level (``with_dprd`` in kinds.yaml): set with the DPRD's joint approval and
    published in the Lembaran Daerah, not the Berita Daerah."""
    return any(k["code"] == meta.jenis_kode and k.get("with_dprd") for k in regulation_kinds())


def mengingat(result: CheckResult, n: dict[str, str], cite_base: bool = True) -> list[str]:
    """The amended act's Mengingat verbatim, Perpres 95/2018 added (if missing) after the acts
    above it, and (for an amendment) the amended act last."""
    from compliance.cite import citations_of, mengingat_citations
    from compliance.report.view import context_data

    rank = {"uud": 0, "uu": 1, "perppu": 1, "pp": 2, "perpres": 3}
    entries, cites_perpres, last_high = [], False, -1
    for i, (entry, cited) in enumerate(mengingat_citations(result.regulation, citations_of(result.regulation))):
        entries.append(re.sub(r"^\s*\d+\s*[.)]\s*", "", " ".join(entry.text.split())))
        cites_perpres |= any(c.regulation == "perpres/2018/95" for c in cited)
        if any(rank.get(c.kind or "", 9) <= 3 for c in cited):
            last_high = i
    if not cites_perpres:
        entries.insert(last_high + 1, f"{context_data()['perpres']} (Lembaran Negara Republik Indonesia Tahun 2018 "
                                      "Nomor 182);")
    if cite_base:  # a replaced act, or a Keputusan (not a peraturan), is no legal basis
        entries.append(f"{n['base']} ({n['berita']} Tahun {result.regulation.metadata.tahun or PLACEHOLDER} "
                       f"Nomor {PLACEHOLDER});")
    entries = [e.rstrip(";.") + ";" for e in entries]
    entries[-1] = entries[-1][:-1] + ";"
    return [f"{i}. {e}" for i, e in enumerate(entries, 1)]


def subject_of(result: CheckResult, replace: bool) -> str:
    """The draft's own subject: "Perubahan atas <the act>", or the act's title for a replacement."""
    n = names(result)
    return (f"Perubahan atas {n['base']}" if not replace
            else title_case(" ".join((result.regulation.metadata.tentang or PLACEHOLDER).split())))


def heading(result: CheckResult, subject: str, replace: bool) -> tuple[list[str], list[str]]:
    """The judul block and the Menimbang (why: alignment with Perpres 95/2018)."""
    from compliance.report.view import context_data

    n = names(result)
    title = [f"{n['jenis'].upper()} {n['place'].upper()}", f"NOMOR {PLACEHOLDER} TAHUN {PLACEHOLDER}", "TENTANG",
             subject.upper(), "", "DENGAN RAHMAT TUHAN YANG MAHA ESA", "", f"{n['kd'].upper()} {n['place'].upper()},"]
    why = (f"perlu mengubah {n['base']};" if not replace else f"{n['base']} sudah tidak sesuai sehingga perlu diganti;")
    menimbang = [f"a. bahwa untuk menyelaraskan penyelenggaraan sistem pemerintahan berbasis elektronik di {n['daerah']} "
                 f"dengan {context_data()['perpres']}, {why}",
                 f"b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan {n['jenis']} "
                 f"tentang {subject};"]
    return title, menimbang


def annex(result: CheckResult, subject: str, points: list[Change] = ()) -> list[str]:
    """The Lampiran a replacement keeps, or an amendment restates, word for word under the new
    instrument's header (its number and date left for the drafter, as in the rest of the draft):
    the diktum or Pasal that says "sebagaimana tercantum dalam Lampiran" must still find it. One
    Lampiran's old header, naming the old act, gives way to the new one; several Lampiran (I,
    II ...) keep theirs, each telling which it is."""
    reg = result.regulation
    if not reg.lampiran:
        return []
    n = names(result)
    number = f"NOMOR {PLACEHOLDER}" if reg.is_keputusan else f"NOMOR {PLACEHOLDER} TAHUN {PLACEHOLDER}"
    lines = ["LAMPIRAN", f"{n['jenis'].upper()} {n['place'].upper()}", number, "TENTANG", subject.upper()]
    restated = next((p.body for p in points if p.label == LAMPIRAN), None)
    texts = [restated] if restated is not None else [lampiran.text for lampiran in reg.lampiran]
    if len(texts) == 1:
        texts = [texts[0][header_end(texts[0], reg.metadata.tentang):]]
    for text in texts:
        lines += [line for line in text.splitlines() if line.strip()]
    return lines


def draft(result: CheckResult, replace: bool = False) -> Draft | None:
    """The amendment (or, with ``replace``, the replacement) draft of a Peraturan; None when
    there is no gap. A Keputusan's is ``compliance.draft.keputusan.draft_keputusan``."""
    points = changes(result)
    if not points:
        return None
    n = names(result)
    subject = subject_of(result, replace)
    title, menimbang = heading(result, subject, replace)
    opening = ["Dengan Persetujuan Bersama", f"DEWAN PERWAKILAN RAKYAT DAERAH {n['daerah'].upper()}", "dan",
               f"{n['kd'].upper()} {n['place'].upper()}"] if with_dprd(result.regulation.metadata) else []
    body = _replacement_body(result, points, n) if replace else _amendment_body(points, n)
    closing = [f"Ditetapkan di {PLACEHOLDER}", f"pada tanggal {PLACEHOLDER}", f"{n['kd'].upper()} {n['place'].upper()},",
               "", PLACEHOLDER, "", f"Diundangkan di {PLACEHOLDER}", f"pada tanggal {PLACEHOLDER}",
               f"SEKRETARIS DAERAH {n['daerah'].upper()},", "", PLACEHOLDER, "",
               f"{n['berita'].upper()} TAHUN {PLACEHOLDER} NOMOR {PLACEHOLDER}"]
    return Draft(title, opening, menimbang, mengingat(result, n, cite_base=not replace),
                 f"{n['jenis'].upper()} TENTANG {subject.upper()}.", body, closing, [p.requirement for p in points], points,
                 annex(result, subject, points) if replace or any(p.label == LAMPIRAN for p in points) else [])


def _amendment_body(points: list[Change], n: dict[str, str]) -> list[str]:
    points = [p for p in points if p.formula]  # several Lampiran fixes: one point restates the Lampiran
    lines = ["Pasal I", f"Beberapa ketentuan dalam {n['base']} ({n['berita']} Tahun {PLACEHOLDER} Nomor {PLACEHOLDER}) "
             "diubah sebagai berikut:" if len(points) > 1 else
             f"Ketentuan dalam {n['base']} ({n['berita']} Tahun {PLACEHOLDER} Nomor {PLACEHOLDER}) diubah sebagai "
             "berikut:", ""]
    for i, point in enumerate(points, 1):
        lines += [f"{i}. {point.formula}" if len(points) > 1 else point.formula, ""]
        if point.label != LAMPIRAN:  # the Lampiran follows the closing block, whole
            lines += [f"Pasal {point.label}", point.body, ""]
    lines += ["Pasal II", f"{n['jenis']} ini mulai berlaku pada tanggal diundangkan.",
              f"Agar setiap orang mengetahuinya, memerintahkan pengundangan {n['jenis']} ini dengan penempatannya "
              f"dalam {n['berita']}."]
    return lines


def _replacement_body(result: CheckResult, points: list[Change], n: dict[str, str]) -> list[str]:
    """The old articles (a conflicting one fixed), the new ones appended before the closing
    provisions, every article numbered anew only after the old ones so references stay true."""
    reg = result.regulation
    fixed = {p.label: p.body for p in points if not re.search(r"[A-Z]$", p.label)}
    new = [p.body for p in points if re.search(r"[A-Z]$", p.label) and p.label != LAMPIRAN]
    body = [a for a in reg.articles if a.parent is None]
    closing = [a for a in body if closing_pattern().search(a.text)]
    keep = [a for a in body if a not in closing]
    lines, number = [], 0
    for article in keep:
        number += 1
        lines += [f"Pasal {number}", fixed.get(article.label, article.text), ""]
    for text in new:
        number += 1
        lines += [f"Pasal {number}", text, ""]
    lines += [f"Pasal {number + 1}", f"Pada saat {n['jenis']} ini mulai berlaku, {n['base']} ({n['berita']} Tahun "
              f"{reg.metadata.tahun or PLACEHOLDER} Nomor {PLACEHOLDER}) dicabut dan dinyatakan tidak berlaku.", "",
              f"Pasal {number + 2}", f"{n['jenis']} ini mulai berlaku pada tanggal diundangkan.",
              f"Agar setiap orang mengetahuinya, memerintahkan pengundangan {n['jenis']} ini dengan penempatannya "
              f"dalam {n['berita']}."]
    return lines
