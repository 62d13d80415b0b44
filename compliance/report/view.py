"""The facts every report format shows, derived once from the ``compliance/report@1`` dict.

HTML, Markdown and CSV differ only in how they print; what they print (the basis at
the precision the catalog knows, the article reference of a quote, the counts, the
highlighted words) is decided here so the formats cannot disagree.
"""

from __future__ import annotations

from typing import Any


from compliance.cite_resolve import pinpoint_label
from compliance.i18n import message
from compliance.locale_format import number
from compliance.models import STATUSES, Place, title_line
from compliance.models_place import ARTICLE_LABEL, article_place_text
from compliance.outline import first_line, heading_text
from compliance.report.acts import act_name
from compliance.report.labels import LABELS
from compliance.resources import data_yaml, kind_levels
from compliance.terms import merge_spans

# Statuses for which the report suggests a clause.
GAP_STATUSES = ("partial", "conflict", "missing")


def as_dict(report: Any) -> dict:
    """Accept the check's report object or its ``to_dict()`` form."""
    return report.to_dict() if hasattr(report, "to_dict") else report


def printed_basis(finding: dict, t: dict) -> str:
    """The Perpres reference exactly as precise as the catalog knows it.

    ``text``/``number``/``range`` bases are printable as they are ("Pasal 19",
    "Pasal 34–39"); a ``topic`` basis is a topic name and must say so, whether or
    not the check already added the note (in either language).
    """
    basis = finding.get("basis") or ""
    if finding.get("basis_confidence") != "topic":
        return basis
    for table in LABELS.values():
        if basis.endswith(table["topic_suffix"]):
            basis = basis[: -len(table["topic_suffix"])].rstrip()
    return f"{basis} {t['topic_suffix']}".strip()


def place_of(item: dict) -> Place:
    """The place a report@1 evidence, conflict or article dict names (``pasal``/``ayat``/``parent``,
    or an outline article's ``label``)."""
    return Place.from_fields(*_fields(item))


def _fields(item: dict) -> tuple[Any, str | None, Any]:
    ayat = item.get("ayat")  # an outline article's "ayat" is its list of ayat, not a place
    return item.get("pasal") or item.get("label"), ayat if isinstance(ayat, str) else None, item.get("parent")


def pasal_ref(item: dict, t: dict) -> str:
    """'Pasal 5 ayat (2)' (and the amending article an inserted one sits in), or
    'Mengingat angka 3' / 'Menimbang huruf b' for a unit outside the articles, in the
    language of the label table ``t``."""
    return pasal_link(item, t)[0]


def pasal_anchor(item: dict) -> str | None:
    """The id of an article in the report's outline (``pasal-5``, ``pasal-ii-7`` for Pasal 7 inside
    amending Pasal II); None for a unit outside the articles (Mengingat, Menimbang)."""
    pasal, _, parent = _fields(item)
    return _article_anchor(pasal, parent)


def pasal_link(item: dict, t: dict) -> tuple[str, str | None]:
    """(``pasal_ref``, ``pasal_anchor``) of one evidence or conflict: a place in an article is
    read off its fields (as ``Place.from_fields`` reads them), any other through its ``Place``."""
    pasal, ayat, parent = _fields(item)
    label = str(pasal)
    if ARTICLE_LABEL.match(label):
        return article_place_text(label, None if ayat is None else str(ayat), None, parent, t["lang"]), \
            _article_anchor(label, parent)
    return place_of(item).text(t["lang"]), None


def _article_anchor(label: Any, parent: str | None) -> str | None:
    """``pasal_anchor`` of an article by its label, read without building its ``Place``."""
    label = str(label)
    if not ARTICLE_LABEL.match(label):
        return None  # not an article's label: a place named in words, with no anchor
    return "pasal-" + (f"{parent}-{label}" if parent else label).lower()


def highlight_segments(quote: str, matched: list[str]) -> list[tuple[str, bool]]:
    """Split ``quote`` into (text, is_match) runs covering every occurrence of every
    matched substring; overlapping matches merge. Offsets are on the raw quote, so
    the caller escapes each run on its own and never shifts an offset."""
    spans: list[tuple[int, int]] = []
    for word in matched:
        if not word:
            continue
        start = quote.find(word)
        while start >= 0:
            spans.append((start, start + len(word)))
            start = quote.find(word, start + 1)
    runs: list[tuple[str, bool]] = []
    cursor = 0
    for start, end in merge_spans(spans):
        if start > cursor:
            runs.append((quote[cursor:start], False))
        runs.append((quote[start:end], True))
        cursor = end
    if cursor < len(quote):
        runs.append((quote[cursor:], False))
    return runs


def status_counts(findings: list[dict]) -> dict[str, int]:
    """Findings per status, every status present, in report order."""
    counts = dict.fromkeys(STATUSES, 0)
    for finding in findings:
        counts[finding["status"]] = counts.get(finding["status"], 0) + 1
    return counts


def group_titles(report: dict) -> dict[str, str]:
    """Group id -> title, in catalog order, as the check's summary names them."""
    return {g["id"]: g.get("title") or g["id"] for g in (report.get("summary") or {}).get("groups") or []}


def group_counts(report: dict) -> list[tuple[str, dict[str, int]]]:
    """Status counts per catalog group, in catalog order, titled as the check's summary
    names them (the group id when the summary has no title for it)."""
    titles = group_titles(report)
    groups: dict[str, list[dict]] = {gid: [] for gid in titles}
    for finding in report.get("findings") or []:
        groups.setdefault(finding.get("group") or "", []).append(finding)
    return [(titles.get(gid, gid), status_counts(members)) for gid, members in groups.items() if members]


def score_text(score: float | None, lang: str) -> str:
    """The score as a reader of ``lang`` writes a decimal (78,6 in Indonesian)."""
    return number(score, lang)


def score_definition(report: dict, t: dict, lang: str) -> str:
    """The score's definition from the weights the check used (``summary.score_weights``)."""
    weights = (report.get("summary") or {}).get("score_weights")
    if not weights:
        definition = t["score_definition"]
    else:
        parts = [f"{t['status'][s]} {score_text(weights[s], lang)}" for s in STATUSES if s in weights]
        definition = t["score_formula"].format(weights=", ".join(parts))
    regulation = report.get("regulation") or {}
    if regulation.get("diktum") and not regulation.get("articles"):
        definition += " " + message("keputusan-scope", lang)  # a Keputusan is scored on what it sets only
    return definition


def note_text(note: str, lang: str) -> str:
    """A finding's note in ``lang``: ``code`` or ``code:detail`` looked up in ``compliance.i18n``."""
    code, _, detail = note.partition(":")
    return message(code, lang, detail=detail)


def conflict_text(conflict: dict, t: dict) -> str:
    """One line per conflict: parameter, national vs regional value, and where."""
    return (f"{conflict.get('parameter')}: {t['national']} {conflict.get('national')} / "
            f"{t['regional']} {conflict.get('regional')} ({pasal_ref(conflict, t)})")


def context_data() -> dict:
    """``templates/suggestions/_context.yaml``: who acts for the region, how the Perpres is cited."""
    return data_yaml("templates", "suggestions/_context.yaml")


def kepala_daerah(metadata: dict) -> str:
    """Who acts for the region in a suggested clause, from the kind's level in
    ``regulations/kinds.yaml`` (perbup -> Bupati); a «placeholder» when unknown."""
    context = context_data()
    level = kind_levels().get(metadata.get("jenis_kode") or "", "")
    return context["kepala_daerah"].get(level, context["kepala_daerah_unknown"])



def metadata_of(report: dict) -> dict:
    """The regulation's identity (jenis, daerah, nomor, tahun, tentang) from the report."""
    return (report.get("regulation") or {}).get("metadata") or {}


def source_of(report: dict) -> dict:
    """The checked file: name, sha256, pages."""
    return (report.get("regulation") or {}).get("source") or {}


def page_ranges(pages: list[int]) -> str:
    """"1–3, 7" for pages 1, 2, 3 and 7."""
    ranges: list[list[int]] = []
    for page in sorted(set(pages)):
        if ranges and page == ranges[-1][1] + 1:
            ranges[-1][1] = page
        else:
            ranges.append([page, page])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in ranges)


def ocr_articles(report: dict) -> set[tuple[str, str | None]]:
    """(label, parent) of the articles that lie on a page read by OCR: from an article's
    first page to the page where the next one starts, so a quote from its later pages counts."""
    regulation = report.get("regulation") or {}
    ocr = set((regulation.get("source") or {}).get("ocr_pages") or [])
    if not ocr:
        return set()
    articles = regulation.get("articles") or []
    marked = set()
    for index, article in enumerate(articles):
        last = articles[index + 1]["page"] if index + 1 < len(articles) else (regulation.get("source") or {}).get(
            "pages", article["page"])
        if ocr.intersection(range(article["page"], max(last, article["page"]) + 1)):
            marked.add((article["label"], article.get("parent")))
    return marked


def identity_line(metadata: dict, t: dict) -> str:
    """'Peraturan Bupati Labuhanbatu Nomor 14 Tahun 2018' from whatever is known."""
    return title_line(metadata, t["nomor"], t["tahun"], t["unknown"])


def outline_source(report: dict, regulation: Any = None) -> Any:
    """The parsed regulation to outline: the one given, else the report's own when it carries the articles."""
    if regulation is not None:
        return regulation
    own = report.get("regulation") or {}
    return own if own.get("articles") else None


def outline_entries(regulation: Any) -> list[dict]:
    """The regulation's own structure: a heading whenever BAB/Bagian/Paragraf changes,
    then each Pasal with its first words (an outline, so a shortened line is fine)."""
    if regulation is None:
        return []
    if isinstance(regulation, dict) or not hasattr(regulation, "articles"):
        articles = as_dict(regulation).get("articles") or []
        return _outline(articles, dict.get, lambda heading: (heading["label"], heading["title"]))
    return _outline(regulation.articles, getattr, lambda heading: (heading.label, heading.title))


def _outline(articles: list, read: Any, label_title: Any) -> list[dict]:
    """``outline_entries`` of articles as ``to_dict`` gives them or as parsed (``read`` reads a
    field of either; headings compare equal in either form exactly when label and title do)."""
    entries: list[dict] = []
    previous = None
    for article in articles:
        for kind in ("bab", "bagian", "paragraf"):
            heading = read(article, kind)
            if heading and (previous is None or heading != read(previous, kind)):
                entries.append({"kind": kind, "text": heading_text(kind, *label_title(heading))})
        label, parent = read(article, "label"), read(article, "parent")
        entries.append({"kind": "pasal", "label": label, "parent": parent,
                        "anchor": _article_anchor(label, parent),
                        "text": first_line(read(article, "text") or "", 110)})
        previous = article
    return entries


# --- the citation layer: Mengingat, internal references, parse warnings ------------


def citation_data(report: dict, regulation: Any = None) -> dict:
    """The report's ``mengingat`` and ``internal_references`` (added by ``report_data``), else
    computed from the parsed ``Regulation`` when one is given, else nothing."""
    if "mengingat" in report or "internal_references" in report:
        return {"mengingat": report.get("mengingat") or [],
                "internal_references": report.get("internal_references") or [],
                "reference_review": report.get("reference_review") or []}
    from compliance.models import Regulation

    if isinstance(regulation, Regulation):
        from compliance.report.citations import citation_sections

        return citation_sections(regulation)
    return {"mengingat": [], "internal_references": []}


def act_marks(act: dict, lang: str) -> list[dict]:
    """What the tool knows of a cited act: revoked (by whom), amended (by which acts),
    and an amendment the text itself states. Nothing known means unknown, not in force."""
    marks = []
    if act.get("revoked_by"):
        marks.append({"kind": "revoked", "text": message("graph-revoked", lang, by=act_name(act["revoked_by"]))})
    if act.get("amended_by"):
        marks.append({"kind": "amended", "text": message("graph-amended", lang,
                                                         by=", ".join(act_name(a) for a in act["amended_by"]))})
    if act.get("amends"):
        marks.append({"kind": "amends", "text": message("cite-amends", lang, target=act_name(act["amends"]))})
    return marks


def mengingat_rows(entries: list[dict], lang: str) -> list[dict]:
    """Mengingat entries with each cited act's marks decided; ``revoked`` when an act it
    cites as a whole is known to be revoked."""
    rows = []
    for i, entry in enumerate(entries):
        acts = [dict(a, marks=act_marks(a, lang), name=act_name(a.get("target"))) for a in entry.get("acts") or []]
        rows.append({"label": entry.get("label") or str(i + 1), "text": entry.get("text") or "", "acts": acts,
                     "revoked": any(a.get("revoked_by") for a in acts),
                     "recognised": any(a.get("resolved") for a in acts)})
    return rows


def reference_rows(references: list[dict], lang: str) -> list[dict]:
    """"Pasal 12 merujuk Pasal 25 ayat (3), yang tidak ada" with the page it stands on; a reference
    read in its context ("ayat (2) huruf b" inside Pasal 9) also says which part it was read as."""
    rows = []
    for r in references:
        ref = " ".join(str(r.get("reference") or "").split())
        full = pinpoint_label(r.get("target"))
        if full and not ref.lower().startswith("pasal"):
            ref = f"{ref} ({full})"
        rows.append({"sentence": message("dangling-reference", lang, place=r.get("where") or "", ref=ref),
                     "where": r.get("where") or "", "page": r.get("page"), "target": r.get("target")})
    return rows


def warning_rows(report: dict, t: dict, lang: str) -> list[dict]:
    """The parser's doubts as sentences in ``lang`` with their page; dangling references
    are left out here because the report lists them in their own section."""
    rows = []
    for w in (report.get("regulation") or {}).get("warnings") or []:
        if w.get("code") == "dangling-reference":
            continue
        page = w.get("page")
        rows.append({"code": w.get("code"), "page": page,
                     "text": message(w.get("code") or "", lang, detail=w.get("detail") or "",
                                     page=page if page is not None else t["unknown"])})
    return rows
