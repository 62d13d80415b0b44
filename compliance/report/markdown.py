"""The Markdown form, for pasting into a memo or an issue: every source word escaped."""

from __future__ import annotations

from typing import Any

from compliance.i18n import DEFAULT_LANG
from compliance.outline import md_escape
from compliance.report import view
from compliance.report.labels import labels
from compliance.report.templating import suggestion


def _cell(text: str) -> str:
    """A table cell: escaped, on one line."""
    return md_escape(" ".join(str(text).split()))


def _quote(text: str, matched: list[str]) -> str:
    """Escaped quote with matched words in bold (each run escaped on its own)."""
    runs = view.highlight_segments(" ".join(text.split()), matched or [])
    return "".join(f"**{md_escape(run)}**" if hit else md_escape(run) for run, hit in runs)


def render_markdown(report: Any, lang: str = DEFAULT_LANG, regulation: Any = None) -> str:
    data = view.as_dict(report)
    t = labels(lang)
    metadata, findings = view.metadata_of(data), data.get("findings") or []
    source = view.source_of(data)
    out = [f"# {md_escape(t['title'])}", "", f"**{md_escape(view.identity_line(metadata, t))}**  "]
    if metadata.get("tentang"):
        out.append(f"{md_escape(t['tentang'])}: {_cell(metadata['tentang'])}")
    if source.get("file"):
        out += ["", f"{md_escape(t['source'])}: {_cell(source['file'])} (sha256 `{(source.get('sha256') or '')[:12]}`)"]

    counts = view.status_counts(findings)
    out += ["", f"## {md_escape(t['summary'])}", "",
            f"{md_escape(t['score'])}: **{view.score_text((data.get('summary') or {}).get('score'), lang)}** / 100", "",
            md_escape(view.score_definition(data, t, lang)), "",
            f"| {t['status_h']} | n |", "|---|---|"]
    out += [f"| {_cell(t['status'][s])} | {n} |" for s, n in counts.items()]
    out += [f"| {_cell(t['total'])} | {len(findings)} |"]

    out += ["", f"### {md_escape(t['groups'])}", "", f"| {_cell(t['group'])} | " +
            " | ".join(_cell(t["status"][s]) for s in counts) + " |", "|---" * (len(counts) + 1) + "|"]
    for name, group in view.group_counts(data):
        out.append(f"| {_cell(name)} | " + " | ".join(str(n) for n in group.values()) + " |")

    indicators = sorted(data.get("indicators") or [], key=lambda i: int(i["no"]))
    domain1 = [i for i in indicators if i.get("domain") == 1]
    if domain1:
        out += ["", f"### {md_escape(t['domain1'])}", "", f"*{md_escape(t['estimate_note'])}*", "",
                f"| {_cell(t['indicator'])} | {_cell(t['indicator_name'])} | {_cell(t['indicated_level'])} | "
                f"{_cell(t['supporting'])} |", "|---|---|---|---|"]
        for ind in domain1:
            level = ind.get("indicated_level")
            out.append(f"| {ind['no']} | {_cell(ind.get('name', ''))} | "
                       f"{_cell(t['no_level']) if level is None else f'{level} / 5'} | "
                       f"{_cell(', '.join(ind.get('requirements') or []))} |")

    verifications = {v["requirement"]: v for v in (data.get("national") or {}).get("verifications") or []}
    out += ["", f"## {md_escape(t['requirements'])}"]
    for number, finding in enumerate(findings, 1):
        out += ["", f"### {number}. {_cell(finding.get('title', ''))} (`{finding['requirement']}`)", "",
                f"- {md_escape(t['status_h'])}: **{_cell(t['status'].get(finding['status'], finding['status']))}**",
                f"- {md_escape(t['basis'])}: {_cell(view.printed_basis(finding, t))} "
                f"({_cell(t['confidence'].get(finding.get('basis_confidence'), finding.get('basis_confidence') or ''))})"]
        official = verifications.get(finding["requirement"])
        if official:
            missing = f" ({_cell(t['anchors_missing'])}: {_cell(', '.join(official['anchors_missing']))})" \
                if official.get("anchors_missing") else ""
            out.append(f"- {_cell(t['official_text'])}: "
                       f"{_cell(t['national_status'].get(official['status'], official['status']))}{missing}"
                       + (f": “{_cell(official['quote'])}”" if official.get("quote") else ""))
        for ev in finding.get("evidence") or []:
            out.append(f"- {_cell(view.pasal_ref(ev, t))} ({_cell(t['via'].get(ev.get('via'), ev.get('via') or ''))}): "
                       f"“{_quote(ev['quote'], ev.get('matched'))}”")
        if finding.get("missing_elements"):
            out.append(f"- {md_escape(t['missing_elements'])}: " + "; ".join(_cell(m) for m in finding["missing_elements"]))
        for conflict in finding.get("conflicts") or []:
            out.append(f"- {md_escape(t['conflicts'])}: {_cell(view.conflict_text(conflict, t))}")
        for code in finding.get("notes") or []:
            out.append(f"- {md_escape(t['notes'])}: {_cell(view.note_text(code, lang))}")
        clause = suggestion(finding, metadata)
        if clause is not None:
            out += ["", f"{md_escape(t['suggestions'])}:", ""]
            out += [f"> {md_escape(line.strip())}  " if line.strip() else ">" for line in clause.unescape().splitlines()]

    entries = view.outline_entries(regulation)
    if entries:
        out += ["", f"## {md_escape(t['outline'])}", ""]
        for e in entries:
            if e["kind"] == "pasal":
                parent = f" ({md_escape(t['in_pasal'])} {_cell(e['parent'])})" if e.get("parent") else ""
                out.append(f"- **{md_escape(t['pasal'])} {_cell(e['label'])}**{parent} {_cell(e['text'])}")
            else:
                out.append(f"- *{_cell(e['text'])}*")
    return "\n".join(out) + "\n"
