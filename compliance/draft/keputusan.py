"""Drafts for a Keputusan: a Keputusan is changed by a Keputusan, in diktum, not by Pasal I.

A Keputusan Kepala Daerah is no peraturan, so UU 12/2011 Lampiran II gives its form only
by analogy, and regional practice follows it: the amending Keputusan's diktum KESATU
states the change points ("Ketentuan Diktum KEDUA diubah sehingga berbunyi sebagai
berikut:", "Di antara Diktum KETIGA dan Diktum KEEMPAT disisipkan 1 (satu) diktum, yakni
Diktum KETIGA A sehingga berbunyi sebagai berikut:") each followed by the new diktum in
quotation marks; diktum KEDUA puts it into force "pada tanggal ditetapkan" (a Keputusan is
not promulgated). A replacement restates every diktum, adds the new ones before a diktum
revoking the old Keputusan ("dicabut dan dinyatakan tidak berlaku"). The amended Keputusan
is named in Menimbang, not in Mengingat: only peraturan are a legal basis.

Only gaps of the Keputusan's own subject are drafted (``regulations/drafting.yaml``
``keputusan_sets``, named by its title): a Keputusan forming one team or setting one
application is not where region-wide SPBE duties belong.
"""

from __future__ import annotations

import dataclasses
import re

from compliance.check import CheckResult
from compliance.draft.amend import (PLACEHOLDER, Change, Draft, annex, clause_lines, closing_pattern, fixed_text, heading,
                                    mengingat, names, subject_of)
from compliance.markers import markers
from compliance.models import Diktum, Finding

_LETTERS = "ABCDEFGH"
_GAP = ("conflict", "partial", "missing")


def subject(result: CheckResult) -> list[str]:
    """The catalog entries a Keputusan may set that its title names (strong or weak terms)."""
    from compliance.resources import data_yaml

    settable = data_yaml("regulations", "drafting.yaml")["keputusan_sets"]
    title = " ".join((result.regulation.metadata.tentang or "").split())
    entries = {e.id: e for e in result.catalog.entries} if title else {}
    return [i for i in settable if i in entries and (entries[i].signals.find(title) or entries[i].weak_signals.find(title))]


def _not_found(finding: Finding) -> bool:
    return finding.status == "not_applicable" and "note-outside-keputusan" in finding.notes


def split_gaps(result: CheckResult) -> tuple[list[Finding], list[Finding]]:
    """(gaps of the Keputusan's subject, gaps outside it). An entry of its subject that
    the Keputusan does not address at all is a gap too (the checker marks it
    ``not_applicable`` because a Keputusan speaks only for what it sets)."""
    own = set(subject(result))
    inside = [f if f.status in _GAP else dataclasses.replace(f, status="missing", notes=[])
              for f in result.findings if f.requirement in own and (f.status in _GAP or _not_found(f))]
    outside = [f for f in result.findings if f.requirement not in own and f.status in _GAP
               and f.requirement != "dasar-hukum"]
    return inside, outside


def _as_diktum(lines: list[str]) -> str:
    """A suggested clause's ayat as the diktum's numbered points ("(2)" → "2.", "ayat (1)" → "angka 1")."""
    out = []
    for line in lines:
        line = re.sub(r"^\((\d+)\)\s*", r"\1. ", line)
        out.append(markers().ayat_reference.sub(r"angka \1", line))
    return "\n".join(out)


def diktum_changes(result: CheckResult) -> list[Change]:
    """One change point per gap of the subject: a conflicting diktum restated with the
    national value, or a diktum inserted after the one that partly addresses the gap
    (else before the closing diktum)."""
    reg = result.regulation
    labels = [d.label for d in reg.diktum]
    body = [d for d in reg.diktum if not closing_pattern().search(d.text)]
    fallback = body[-1].label if body else (labels[0] if labels else None)
    inside, _ = split_gaps(result)
    out: list[Change] = []
    inserted: dict[str, int] = {}
    for finding in inside:
        if finding.status == "conflict" and finding.conflicts:
            label = finding.conflicts[0].place.diktum or finding.conflicts[0].pasal
            target = next((d for d in reg.diktum if d.label == label), None)
            fixed = fixed_text(target, finding.conflicts[0]) if target else None
            if fixed is not None:
                out.append(Change(finding.requirement, f"Ketentuan Diktum {label} diubah sehingga berbunyi sebagai "
                                  "berikut:", label, fixed))
                continue
        clause = clause_lines(finding, result)
        if not clause or fallback is None:
            continue
        near = [e.place.diktum for e in finding.evidence]
        near = [x for x in near if x in labels and x in {d.label for d in body}]
        anchor = near[-1] if near else fallback
        if inserted.get(anchor, 0) >= len(_LETTERS):
            anchor = fallback
        count = inserted.get(anchor, 0)
        if count >= len(_LETTERS):
            continue
        inserted[anchor] = count + 1
        label = f"{anchor} {_LETTERS[count]}"
        previous = f"{anchor} {_LETTERS[count - 1]}" if count else anchor
        following = labels[labels.index(anchor) + 1] if labels.index(anchor) + 1 < len(labels) else None
        where = f"Di antara Diktum {previous} dan Diktum {following}" if following else f"Setelah Diktum {previous}"
        out.append(Change(finding.requirement, f"{where} disisipkan 1 (satu) diktum, yakni Diktum {label} sehingga "
                          "berbunyi sebagai berikut:", label, _as_diktum(clause)))
    order = {label: i for i, label in enumerate(labels)}
    return sorted(out, key=lambda c: (order.get(c.label.split(" ")[0], 0), c.label))


def draft_keputusan(result: CheckResult, replace: bool = False) -> Draft | None:
    """The amending (or replacing) Keputusan; None when its subject has no gap."""
    points = diktum_changes(result)
    if not points:
        return None
    n = names(result)
    subject_text = subject_of(result, replace)
    title, menimbang = heading(result, subject_text, replace)
    title[1] = f"NOMOR {PLACEHOLDER}"  # a Keputusan's number often holds its year (188.45/…/HK/2019)
    body = _replacement(result, points, n) if replace else _amendment(points, n)
    closing = [f"Ditetapkan di {PLACEHOLDER}", f"pada tanggal {PLACEHOLDER}", f"{n['kd'].upper()} {n['place'].upper()},",
               "", PLACEHOLDER]
    return Draft(title, [], menimbang, mengingat(result, n, cite_base=False),
                 f"{n['jenis'].upper()} TENTANG {subject_text.upper()}.", body, closing,
                 [p.requirement for p in points], points, annex(result, subject_text) if replace else [])


def _quoted(label: str, text: str) -> list[str]:
    lines = text.splitlines()
    lines[0] = f"“{label} : {lines[0]}"
    lines[-1] = f"{lines[-1]}”"
    return lines


def _amendment(points: list[Change], n: dict[str, str]) -> list[str]:
    many = len(points) > 1
    lines = [f"KESATU : {'Beberapa ketentuan' if many else 'Ketentuan'} dalam {n['base']} diubah sebagai berikut:"]
    for i, point in enumerate(points, 1):
        lines += [f"{i}. {point.formula}" if many else point.formula, *_quoted(point.label, point.body)]
    lines += ["KEDUA : Keputusan ini mulai berlaku pada tanggal ditetapkan."]
    return lines


def _replacement(result: CheckResult, points: list[Change], n: dict[str, str]) -> list[str]:
    """Every diktum of the old Keputusan (a conflicting one fixed) in its order, the new
    ones after them so "Diktum KESATU" references stay true, then the revocation and the
    entry into force."""
    from compliance.parse_diktum import ordinals

    reg = result.regulation
    fixed = {p.label: p.body for p in points if " " not in p.label}
    texts = [fixed.get(d.label, d.text) for d in reg.diktum if not closing_pattern().search(d.text)]
    texts += [p.body for p in points if " " in p.label]
    texts += [f"Pada saat Keputusan ini mulai berlaku, {n['base']} dicabut dan dinyatakan tidak berlaku.",
              "Keputusan ini mulai berlaku pada tanggal ditetapkan."]
    words = ordinals()
    return [f"{words[i] if i < len(words) else PLACEHOLDER} : {text}" for i, text in enumerate(texts)]


def diktum_of(text: str, label: str) -> Diktum:
    """A quoted diktum's text as a parsed diktum (its points as items)."""
    from compliance.parse_items import parse_article_body

    body = parse_article_body([line.strip() for line in text.splitlines() if line.strip()])
    return Diktum(label, body.text, 0, body.items)
