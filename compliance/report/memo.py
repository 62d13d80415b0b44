"""What a reviewer writes on the first page: the advice, its reasons and five priorities.

Derived from the ``compliance/report@1`` dict only, so the HTML, Word, Markdown report
and the terminal summary give the same advice. The thresholds are data
(``templates/advice.yaml``), not code.
"""

from __future__ import annotations

from typing import Any

from compliance.i18n import message
from compliance.locale_format import long_date, number
from compliance.report import view
from compliance.report.labels import labels
from compliance.resources import data_yaml

# Priority order of the gaps a reviewer lists: a contradiction first, then what is absent.
PRIORITY_ORDER = ("conflict", "missing", "partial")
ADVICE_KINDS = ("replace", "amend", "complete", "keep")


def advice_rules() -> dict:
    """``templates/advice.yaml``: the score limits behind each advice."""
    return data_yaml("templates", "advice.yaml")


def _predates(report: dict) -> bool:
    """Set before the national regulation (both dates known, ISO strings compare as dates)."""
    enacted = view.metadata_of(report).get("ditetapkan")
    national = (report.get("catalog") or {}).get("ditetapkan")
    return bool(enacted and national and str(enacted)[:10] < str(national)[:10])


def advice(report: dict, lang: str, mengingat: list[dict] | None = None) -> dict:
    """``{"kind": replace|amend|complete|keep, "text": "cabut dan ganti", "reasons": [...]}``.

    replace: set before the national regulation and scoring below ``replace_below``;
    amend: a conflict, a revoked act in Mengingat, or a score below ``amend_below``;
    complete: only partial or missing requirements; keep: no gap at all. ``mengingat``: the
    report's Mengingat entries when the caller found them elsewhere (the parsed text)."""
    rules = advice_rules()
    summary = report.get("summary") or {}
    score = summary.get("score")
    counts = view.status_counts(report.get("findings") or [])
    catalog = report.get("catalog") or {}
    national = catalog.get("short") or catalog.get("id") or ""
    entries = mengingat if mengingat is not None else report.get("mengingat") or []
    revoked = sum(any(a.get("revoked_by") for a in m.get("acts") or []) for m in entries)
    low = score is not None and score < rules["amend_below"]
    reasons: list[str] = []
    if _predates(report) and score is not None and score < rules["replace_below"]:
        kind = "replace"
        reasons.append(message("advice-why-predates", lang, national=national,
                               date=long_date(catalog.get("ditetapkan"), lang)))
        reasons.append(message("advice-why-low", lang, score=number(score, lang),
                               limit=number(rules["replace_below"], lang)))
        if revoked:
            reasons.append(message("advice-why-revoked", lang, count=revoked))
    elif counts["conflict"] or revoked or low:
        kind = "amend"
        if counts["conflict"]:
            reasons.append(message("advice-why-conflicts", lang, count=counts["conflict"], national=national))
        if revoked:
            reasons.append(message("advice-why-revoked", lang, count=revoked))
        if low:
            reasons.append(message("advice-why-low", lang, score=number(score, lang),
                                   limit=number(rules["amend_below"], lang)))
    elif counts["missing"] or counts["partial"]:
        kind = "complete"
        reasons.append(_gaps(counts, lang))
    else:
        kind = "keep"
        reasons.append(message("advice-why-none", lang))
    if kind in ("replace", "amend") and (counts["missing"] or counts["partial"]):
        reasons.append(_gaps(counts, lang))
    return {"kind": kind, "text": message(f"advice-{kind}", lang), "reasons": reasons}


def _gaps(counts: dict[str, int], lang: str) -> str:
    """"2 persyaratan belum diatur, 5 baru sebagian", naming only the kinds that occur."""
    if counts["missing"] and counts["partial"]:
        return message("advice-why-gaps", lang, missing=counts["missing"], partial=counts["partial"])
    if counts["missing"]:
        return message("advice-why-missing", lang, missing=counts["missing"])
    return message("advice-why-partial", lang, partial=counts["partial"])


def _articles(items: list[dict], t: dict) -> list[dict]:
    """Distinct article references of evidence or conflicts, in order: ``{"ref", "anchor"}``
    (the anchor of the article in the report's outline, None outside the articles)."""
    refs: list[dict] = []
    for item in items:
        ref = view.pasal_ref(item, t)
        if all(r["ref"] != ref for r in refs):
            refs.append({"ref": ref, "anchor": view.pasal_anchor(item)})
    return refs


def priorities(report: dict, lang: str, limit: int = 5) -> list[dict]:
    """The gaps to fix first: conflicts, then missing, then partial (catalog order within
    each), with the national basis, where the regulation speaks of it, and what is wrong."""
    t = labels(lang)
    findings = report.get("findings") or []
    ordered = [f for status in PRIORITY_ORDER for f in findings if f["status"] == status]
    out = []
    for finding in ordered[:limit]:
        conflicts = finding.get("conflicts") or []
        if conflicts:
            where = _articles(conflicts, t)
            detail = "; ".join(f"{c.get('parameter')}: {t['national'].lower()} {c.get('national')}, "
                               f"{t['regional'].lower()} {c.get('regional')}" for c in conflicts)
        else:
            where = _articles(finding.get("evidence") or [], t) if finding["status"] == "partial" else []
            missing = finding.get("missing_elements") or []
            detail = (f"{t['missing_elements'].lower()}: {'; '.join(missing)}" if missing and
                      finding["status"] == "partial" else message("priority-absent", lang))
        out.append({"requirement": finding["requirement"], "title": finding.get("title") or finding["requirement"],
                    "act": finding.get("act"),
                    "status": finding["status"], "status_text": t["status"][finding["status"]],
                    "basis": view.printed_basis(finding, t), "where": where, "detail": detail})
    return out


def summary_text(report: Any, lang: str, written: str | None = None) -> str:
    """The terminal summary of a check: identity, score and counts, the advice, the top
    gaps with their Pasal, and (``written``) where the report went."""
    data = view.as_dict(report)
    t = labels(lang)
    meta = view.metadata_of(data)
    identity = view.identity_line(meta, t)
    if meta.get("tentang"):
        identity += f" {t['tentang'].lower()} {meta['tentang']}"
    counts = view.status_counts(data.get("findings") or [])
    shown = ", ".join(f"{t['status'][s]} {n}" for s, n in counts.items() if n)
    score = (data.get("summary") or {}).get("score")
    lines = [identity, f"{t['score']}: {number(score, lang)} / 100 ({shown})"]
    verdict = advice(data, lang)
    lines.append(f"{t['advice']}: {verdict['text'].upper()} — {'; '.join(verdict['reasons'])}")
    top = priorities(data, lang)
    if top:
        lines.append(f"{t['priorities']}:")
        national = (data.get("catalog") or {}).get("short") or ""
        for i, p in enumerate(top, 1):
            where = f" [{', '.join(w['ref'] for w in p['where'])}]" if p["where"] else ""
            lines.append(f"  {i}. {p['title']} ({p['act'] or national} {p['basis']}) — {p['status_text']}{where}: "
                         f"{p['detail']}")
    if written:
        lines.append(message("report-written", lang, file=written))
    return "\n".join(lines) + "\n"
