"""The Markdown form, for pasting into a memo or an issue: every source word escaped."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from compliance.i18n import DEFAULT_LANG
from compliance.locale_format import long_date
from compliance.outline import md_escape
from compliance.report import memo, view
from compliance.report.evaluation import evaluation_view
from compliance.report.labels import labels
from compliance.report.templating import suggestion


def _cell(text: str) -> str:
    """A table cell: escaped, on one line."""
    return md_escape(" ".join(str(text).split()))


def _quote(text: str, matched: list[str]) -> str:
    """Escaped quote with matched words in bold (each run escaped on its own)."""
    runs = view.highlight_segments(" ".join(text.split()), matched or [])
    return "".join(f"**{md_escape(run)}**" if hit else md_escape(run) for run, hit in runs)


def _header(data: dict, t: dict, lang: str) -> list[str]:
    metadata, source = view.metadata_of(data), view.source_of(data)
    out = [f"# {md_escape(t['title'])}", "", f"**{md_escape(view.identity_line(metadata, t))}**  "]
    if metadata.get("tentang"):
        out.append(f"{md_escape(t['tentang'])}: {_cell(metadata['tentang'])}")
    if metadata.get("ditetapkan"):
        out.append(f"{md_escape(t['ditetapkan'])}: {_cell(long_date(metadata['ditetapkan'], lang))}")
    if source.get("file"):
        out += ["", f"{md_escape(t['source'])}: {_cell(PurePath(source['file']).name)}"]
    return out


def _memo(data: dict, t: dict, lang: str) -> list[str]:
    """The advice with its reasons and the five priorities, as on the HTML report's first page."""
    verdict = memo.advice(data, lang)
    score = view.score_text((data.get("summary") or {}).get("score"), lang)
    out = ["", f"{md_escape(t['score'])}: **{score}** / 100 · {md_escape(t['advice'])}: "
               f"**{md_escape(verdict['text'].upper())}**", ""]
    out += [f"- {_cell(reason)}" for reason in verdict["reasons"]]
    top = memo.priorities(data, lang)
    out += ["", f"## {md_escape(t['priorities'])}", ""]
    national = (data.get("catalog") or {}).get("short") or ""
    for i, p in enumerate(top, 1):
        where = f" · {md_escape(t['in_regulation'])} " + ", ".join(_cell(w["ref"]) for w in p["where"]) \
            if p["where"] else ""
        out.append(f"{i}. **{_cell(p['title'])}** ({_cell(p['status_text'])}; {_cell(national)} "
                   f"{_cell(p['basis'])}{where}): {_cell(p['detail'])}")
    if not top:
        out.append(md_escape(t["no_priorities"]))
    return out


def _summary(data: dict, t: dict, lang: str) -> list[str]:
    findings = data.get("findings") or []
    counts = view.status_counts(findings)
    score = view.score_text((data.get("summary") or {}).get("score"), lang)
    out = ["", f"## {md_escape(t['summary'])}", "", f"{md_escape(t['score'])}: **{score}** / 100", "",
           md_escape(view.score_definition(data, t, lang)), "", f"| {t['status_h']} | n |", "|---|---|"]
    out += [f"| {_cell(t['status'][s])} | {n} |" for s, n in counts.items()]
    out += [f"| {_cell(t['total'])} | {len(findings)} |"]
    out += ["", f"### {md_escape(t['groups'])}", "",
            f"| {_cell(t['group'])} | " + " | ".join(_cell(t["status"][s]) for s in counts) + " |",
            "|---" * (len(counts) + 1) + "|"]
    out += [f"| {_cell(name)} | " + " | ".join(str(n) for n in group.values()) + " |"
            for name, group in view.group_counts(data)]
    return out


def _evaluation(data: dict, lang: str) -> list[str]:
    """The chosen instrument's indicators: level, places in the text, what the next level needs."""
    ev = evaluation_view(data, lang)
    if ev is None:
        return []
    t = ev["t"]
    out = ["", f"## {md_escape(ev['heading'])}", "", f"**{md_escape(ev['status_line'])}**", "",
           f"*{md_escape(' '.join(filter(None, [ev['note'], ev['secondary']])))}*", "",
           f"| {_cell(t['indicator'])} | {_cell(t['aspect'])} | {_cell(ev['level_h'])} | {_cell(t['places'])} | "
           f"{_cell(t['role_h'])} |", "|---|---|---|---|---|"]
    for row in ev["rows"]:
        places = "; ".join(f"{p['ref']} ({p['requirement']})" for p in row["places"]) or "—"
        role = "; ".join(filter(None, [row["role_text"], row["next"]]))
        out.append(f"| {row['no']}. {_cell(row['name'])} | {_cell(row['aspect'])} | {_cell(row['level_text'])} | "
                   f"{_cell(places)} | {_cell(role)} |")
    return out


def _finding(number: int, finding: dict, official: dict | None, metadata: dict, t: dict, lang: str) -> list[str]:
    status = t["status"].get(finding["status"], finding["status"])
    out = ["", f"### {number}. {_cell(finding.get('title', ''))}", "",
           f"- {md_escape(t['status_h'])}: **{_cell(status)}**",
           f"- {md_escape(t['basis'])}: {_cell(view.printed_basis(finding, t))}"]
    if official:
        line = f"- {_cell(t['official_text'])}: {_cell(t['national_status'].get(official['status'], official['status']))}"
        if official.get("anchors_missing"):
            line += f" ({_cell(t['anchors_missing'])}: {_cell(', '.join(official['anchors_missing']))})"
        if official.get("quote"):
            line += f": “{_cell(official['quote'])}”"
        out.append(line)
    seen = set()
    for ev in finding.get("evidence") or []:
        key = (ev.get("pasal"), ev.get("parent"), ev.get("ayat"), ev.get("quote"))
        if key not in seen:  # each quote once per finding
            seen.add(key)
            out.append(f"- {_cell(view.pasal_ref(ev, t))}: “{_quote(ev['quote'], ev.get('matched'))}”")
    if finding.get("missing_elements"):
        out.append(f"- {md_escape(t['missing_elements'])}: " + "; ".join(_cell(m) for m in finding["missing_elements"]))
    out += [f"- {md_escape(t['conflicts'])}: {_cell(view.conflict_text(c, t))}" for c in finding.get("conflicts") or []]
    out += [f"- {md_escape(t['notes'])}: {_cell(view.note_text(n, lang))}" for n in finding.get("notes") or []]
    clause = suggestion(finding, metadata)
    if clause is not None:
        out += ["", f"{md_escape(t['suggestions'])}:", ""]
        out += [f"> {md_escape(line.strip())}  " if line.strip() else ">" for line in clause.unescape().splitlines()]
    return out


def _references(cited: dict, t: dict, lang: str) -> list[str]:
    """Internal references that point nowhere, then the Mengingat list resolved; nothing when empty."""
    out = []
    rows = view.reference_rows(cited["internal_references"], lang)
    if rows:
        out += ["", f"## {md_escape(t['internal_refs'])}", "", md_escape(t["internal_refs_intro"]), ""]
        out += [f"- {_cell(r['sentence'])}" + (f" ({md_escape(t['page'].lower())} {r['page']})" if r["page"] else "")
                for r in rows]
    from compliance.review.review import review_rows

    checks = review_rows(cited.get("reference_review") or [], lang)
    if checks:
        out += ["", f"## {md_escape(t['review_title'])}", "", md_escape(t["review_intro"]), ""]
        out += [f"- {_cell(r['sentence'])}" + (f" ({md_escape(t['page'].lower())} {r['page']})" if r["page"] else "")
                for r in checks]
    entries = view.mengingat_rows(cited["mengingat"], lang)
    if entries:
        out += ["", f"## {md_escape(t['mengingat'])}", "", md_escape(t["mengingat_intro"]), ""]
        for m in entries:
            out.append(f"{_cell(m['label'])}. {_cell(m['text'])}  ")
            out += [f"   → {_act(a, t)}  " for a in m["acts"]] or [f"   → *{md_escape(t['not_recognised'])}*  "]
    return out


def _act(act: dict, t: dict) -> str:
    """A cited act: its name (or "not recognised" and the raw text), then what is known of it; revoked in bold."""
    out = md_escape(act["name"]) if act["resolved"] else f"*{md_escape(t['not_recognised'])}*: “{_cell(act['raw'])}”"
    for mark in act["marks"]:
        text = _cell(mark["text"])
        out += f" — **{text}**" if mark["kind"] == "revoked" else f" — {text}"
    return out


def _warnings(data: dict, t: dict, lang: str) -> list[str]:
    rows = view.warning_rows(data, t, lang)
    if not rows:
        return []
    out = ["", f"## {md_escape(t['warnings'])}", "", md_escape(t["warnings_intro"]), ""]
    return out + [f"- {_cell(w['text'])}" + (f" ({md_escape(t['page'].lower())} {w['page']})" if w["page"] else "")
                  for w in rows]


def _outline(regulation: Any, t: dict) -> list[str]:
    entries = view.outline_entries(regulation)
    if not entries:
        return []
    out = ["", f"## {md_escape(t['outline'])}", ""]
    for e in entries:
        if e["kind"] == "pasal":
            parent = f" ({md_escape(t['in_pasal'])} {_cell(e['parent'])})" if e.get("parent") else ""
            out.append(f"- **{md_escape(t['pasal'])} {_cell(e['label'])}**{parent} {_cell(e['text'])}")
        else:
            out.append(f"- *{_cell(e['text'])}*")
    return out


def render_markdown(report: Any, lang: str = DEFAULT_LANG, regulation: Any = None) -> str:
    """Header, summary, one section per requirement (with its suggested clause), internal references
    that point nowhere, the Mengingat list resolved, parse warnings, outline."""
    data = view.as_dict(report)
    t = labels(lang)
    metadata = view.metadata_of(data)
    verifications = {v["requirement"]: v for v in (data.get("national") or {}).get("verifications") or []}
    out = _header(data, t, lang) + _memo(data, t, lang) + _summary(data, t, lang) + _evaluation(data, lang)
    out += ["", f"## {md_escape(t['requirements'])}"]
    for number, finding in enumerate(data.get("findings") or [], 1):
        out += _finding(number, finding, verifications.get(finding["requirement"]), metadata, t, lang)
    out += _references(view.citation_data(data, regulation), t, lang)
    out += _warnings(data, t, lang)
    out += _outline(view.outline_source(data, regulation), t)
    return "\n".join(out) + "\n"
