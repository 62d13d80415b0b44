"""Readable renderings of a parsed regulation: a plain-text outline and Markdown."""

from __future__ import annotations

import re

from compliance.i18n import DEFAULT_LANG, message
from compliance.models import Article, Item, Place, Regulation, title_line
from compliance.reasons import reason_text

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#+!|~&])")
_MD_LINE_START = re.compile(r"^(\s*)(-|\d+(?=[.)]))", re.MULTILINE)


def md_escape(text: str) -> str:
    """Escape Markdown syntax so regulation text is shown, never interpreted."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: m.group(1) + ("\\-" if m.group(2) == "-" else m.group(2) + "\\"), text)


def _identity(reg: Regulation) -> list[str]:
    md = reg.metadata
    lines = [title_line(md.to_dict())]
    if md.tentang:
        lines.append(f"tentang {md.tentang}")
    return lines


def _heading_changes(article: Article, previous: Article | None) -> list[tuple[str, str]]:
    out = []
    for kind in ("bab", "bagian", "paragraf"):
        heading = getattr(article, kind)
        if heading and (previous is None or getattr(previous, kind) != heading):
            out.append((kind, heading_text(kind, heading.label, heading.title)))
    return out


def heading_text(kind: str, label: str, title: str) -> str:
    """"BAB II KEBIJAKAN SPBE", "Bagian Kesatu Umum", "Paragraf 1 ..." as printed."""
    return f"{kind.upper() if kind == 'bab' else kind.capitalize()} {label} {title}".strip()


def first_line(text: str, width: int = 90) -> str:
    """The start of a text on one line, cut with "…" at ``width`` characters (for outlines)."""
    head = " ".join(text[: 2 * width].split())  # flattening a text's start gives the start of it flattened
    if len(head) > width:
        return head[: width - 1] + "…"
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _article_place(article: Article, lang: str) -> str:
    """"Pasal 5", or "Pasal 5 (dalam Pasal I)" for an article quoted inside an amending one."""
    return Place("pasal", pasal=article.label, parent=article.parent).text(lang)


def render_outline(reg: Regulation, lang: str = DEFAULT_LANG) -> str:
    """One screen per regulation: identity, counts, then BAB/Bagian/Pasal with a first line each."""
    out = _identity(reg)
    if reg.is_keputusan:
        out.append(message("outline-counts-diktum", lang, menimbang=len(reg.menimbang), mengingat=len(reg.mengingat),
                           diktum=len(reg.diktum)))
    else:
        out.append(message("outline-counts", lang, menimbang=len(reg.menimbang), mengingat=len(reg.mengingat),
                           pasal=len(reg.articles)))
    out.append("")
    for diktum in reg.diktum:
        out.append(f"    {diktum.label}: {first_line(diktum.text)}")
    previous = None
    for article in reg.articles:
        for kind, heading in _heading_changes(article, previous):
            indent = {"bab": "", "bagian": "  ", "paragraf": "    "}[kind]
            out.append(f"{indent}{heading}")
        prefix = f"    {_article_place(article, lang)}"
        ayat = f" [{len(article.ayat)} ayat]" if article.ayat else ""
        out.append(f"{prefix}{ayat}: {first_line(article.text)}")
        previous = article
    if reg.penjelasan:
        out.append(message("outline-penjelasan", lang, count=len(reg.penjelasan.pasal)))
    for block in reg.lampiran:
        out.append(f"Lampiran ({message('outline-page', lang, page=block.page)}): "
                   f"{first_line(block.title or block.text)}")
        seen: set[str] = set()
        for section in block.sections:  # nested under the chapter or part its label starts with
            nested = any(section.label.startswith(label + " ") for label in seen)
            seen.add(section.label)
            indent = "    " if nested else "  "
            out.append(f"{indent}{section.label} {first_line(section.title, 70)} "
                       f"({message('outline-page', lang, page=section.page)})".replace("  (", " ("))
    if reg.warnings:
        out.append("")
        out.append(message("outline-warnings", lang, count=len(reg.warnings)))
        for w in reg.warnings:
            page = f" {message('outline-page', lang, page=w.page)}" if w.page else ""
            out.append(f"  - {w.code}{page}: {first_line(reason_text(w.detail, lang))}")
    return "\n".join(out) + "\n"


def _md_items(items: list[Item], depth: int) -> list[str]:
    lines = []
    for item in items:
        lines.append(f"{'  ' * depth}- **{md_escape(item.label)}** {md_escape(' '.join(item.text.split()))}")
        lines.extend(_md_items(item.items, depth + 1))
    return lines


def render_markdown(reg: Regulation, lang: str = DEFAULT_LANG) -> str:
    """The whole regulation as Markdown, every source word escaped."""
    out = [f"# {md_escape(line)}" if i == 0 else md_escape(line) for i, line in enumerate(_identity(reg))]
    if reg.menimbang:
        out += ["", "## Menimbang", ""] + [f"- {md_escape(t)}" for t in reg.menimbang]
    if reg.mengingat:
        out += ["", "## Mengingat", ""] + [f"- {md_escape(m.text)}" for m in reg.mengingat]
    previous = None
    for article in reg.articles:
        for _kind, heading in _heading_changes(article, previous):
            out += ["", f"## {md_escape(heading)}"]
        out += ["", f"### {md_escape(_article_place(article, lang))}", ""]
        out.append(md_escape(article.text))
        previous = article
    if reg.diktum:
        out += ["", "## Diktum"]
    for diktum in reg.diktum:
        out += ["", f"### {md_escape(diktum.label)}", "", md_escape(diktum.text)]
    if reg.penjelasan:
        out += ["", "## Penjelasan", "", md_escape(reg.penjelasan.text)]
    for block in reg.lampiran:
        out += ["", f"## Lampiran {md_escape(block.title)}".rstrip()]
        first = block.sections[0].start if block.sections else len(block.text)
        if block.text[:first].strip():
            out += ["", md_escape(block.text[:first].rstrip("\n"))]
        for section in block.sections:  # the sections run on to the end: every word is kept
            out += ["", f"### {md_escape(section.label)}", "", md_escape(section.text)]
    for block in reg.unplaced:
        out += ["", f"## {message('outline-unplaced', lang)} ({message('outline-page', lang, page=block.page)})", "",
                md_escape(block.text)]
    return "\n".join(out) + "\n"
