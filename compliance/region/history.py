"""A region's assessments over time: stored with the hashes of its instruments, listed
by the same region name ``compare`` shows ("Kota Banyuasri"), drawn as a small inline
SVG trend of the score and the Domain 1 levels; the regulations checked for a region
(``Store.history``) and the regions checked so far as plain-text tables."""

from __future__ import annotations

from typing import Any

from compliance.locale_format import long_date, number
from compliance.region.identity import RegionKey, parse_region, same_region
from compliance.store import Store

SVG_WIDTH, SVG_HEIGHT, PAD = 480, 160, 28
LEVEL_SCALE = 5  # both instruments grade indicators 1-5


def record(store: Store, assessment: dict[str, Any], catalog_key: str) -> None:
    region = assessment["region"]
    store.record_region({
        "name": region["key"].split(" ", 1)[-1] if region["level"] else region["key"],
        "level": region["level"], "label": region["label"], "catalog": catalog_key,
        "score": assessment["summary"]["score"],
        "domain1": [{"no": d["no"], "indicated_level": d["indicated_level"]}
                    for d in assessment["summary"]["indicator_levels"]],
        "instruments": [{"file": i["file"], "sha256": i["sha256"], "in_force": i["in_force"]}
                        for i in assessment["instruments"]],
    })


def region_rows(store: Store, name: str) -> list[dict[str, Any]]:
    """The recorded assessments of the region ``name`` names (level optional)."""
    wanted = parse_region(name)
    if wanted is None:
        return []
    return [r for r in store.region_history(wanted.name) if same_region(wanted, RegionKey(r["name"], r["level"]))]


def format_table(rows: list[dict[str, Any]], lang: str) -> str:
    head = ("Tanggal", "Daerah", "Skor", "Tingkat indikator", "Instrumen berlaku") if lang == "id" else (
        "Date", "Region", "Score", "Indicator levels", "Instruments in force")
    table = [head]
    for r in rows:
        levels = " ".join(f"{d['no']}:{'-' if d['indicated_level'] is None else d['indicated_level']}"
                          for d in r["domain1"])
        table.append((r["checked_at"][:19].replace("T", " "), r["label"], "" if r["score"] is None else f"{r['score']:g}",
                      levels, str(sum(1 for i in r["instruments"] if i["in_force"]))))
    widths = [max(len(row[i]) for row in table) for i in range(len(head))]
    return "".join("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() + "\n" for row in table)


def trend_svg(rows: list[dict[str, Any]]) -> str:
    """Score (0–100, solid) and mean indicator level (on the instruments' 1–5 scale, dashed)."""
    n = len(rows)

    def x(i: int) -> float:
        return PAD + (SVG_WIDTH - 2 * PAD) * (i / (n - 1) if n > 1 else 0.5)

    def y(fraction: float) -> float:
        return SVG_HEIGHT - PAD - (SVG_HEIGHT - 2 * PAD) * fraction

    scores = [(x(i), y((r["score"] or 0) / 100)) for i, r in enumerate(rows)]
    means = []
    for i, r in enumerate(rows):
        levels = [d["indicated_level"] or 0 for d in r["domain1"]]
        means.append((x(i), y((sum(levels) / len(levels) / LEVEL_SCALE) if levels else 0)))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="trend" width="{SVG_WIDTH}" height="{SVG_HEIGHT}" '
             f'viewBox="0 0 {SVG_WIDTH} {SVG_HEIGHT}" role="img">',
             f'<line x1="{PAD}" y1="{y(0):.1f}" x2="{SVG_WIDTH - PAD}" y2="{y(0):.1f}" stroke="#8c939a"/>',
             f'<line x1="{PAD}" y1="{y(1):.1f}" x2="{SVG_WIDTH - PAD}" y2="{y(1):.1f}" stroke="#d5dadf"/>',
             f'<text x="2" y="{y(1) + 4:.1f}" font-size="10">100</text><text x="8" y="{y(0) + 4:.1f}" font-size="10">0</text>']
    for points, style in ((scores, 'stroke="#2e8b57" stroke-width="2"'),
                          (means, 'stroke="#5f7fa8" stroke-width="2" stroke-dasharray="5,3"')):
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
        parts.append(f'<polyline fill="none" {style} points="{path}"/>')
        parts += [f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3" fill="#1d2329"/>' for px, py in points]
    parts.append("</svg>")
    return "".join(parts)


def render_html(rows: list[dict[str, Any]], checks: list[dict[str, Any]], lang: str) -> str:
    """The region's assessments (table and trend) and the regulations checked for it."""
    from markupsafe import Markup

    from compliance.region.render import region_labels
    from compliance.report.templating import environment

    return environment().get_template("region-history.html.j2").render(
        rows=rows, checks=checks, svg=Markup(trend_svg(rows)) if rows else "", t=region_labels(lang), lang=lang,
        label=rows[-1]["label"] if rows else (checks[0]["daerah"] if checks else ""))


_HISTORY_HEADERS = {
    "id": ("Tahun", "Jenis", "Nomor", "Daerah", "Berkas", "Skor", "Pertama diperiksa", "Terakhir diperiksa", "Kali"),
    "en": ("Year", "Kind", "Number", "Region", "File", "Score", "First checked", "Last checked", "Checks"),
}


def format_history(rows: list[dict[str, Any]], lang: str) -> str:
    """A plain-text table of ``Store.history`` rows: dates as the reader writes them, decimal comma in Indonesian."""
    keys = ("tahun", "jenis", "nomor", "daerah", "file", "score", "first_checked", "last_checked", "checks")
    cells = [{**row, "first_checked": long_date(row["first_checked"], lang),
              "last_checked": long_date(row["last_checked"], lang), "score": number(row["score"], lang, "")}
             for row in rows]
    return _table(_HISTORY_HEADERS.get(lang, _HISTORY_HEADERS["id"]), keys, cells)


def format_regions(rows: list[dict[str, Any]], lang: str) -> str:
    """A plain-text table of ``Store.regions`` rows."""
    keys = ("daerah", "regulations", "checks", "last_checked")
    cells = [{**row, "last_checked": long_date(row["last_checked"], lang)} for row in rows]
    return _table(_REGION_HEADERS.get(lang, _REGION_HEADERS["id"]), keys, cells)


_REGION_HEADERS = {
    "id": ("Daerah", "Peraturan", "Kali diperiksa", "Terakhir diperiksa"),
    "en": ("Region", "Regulations", "Checks", "Last checked"),
}


def _table(headers: tuple[str, ...], keys: tuple[str, ...], rows: list[dict[str, Any]]) -> str:
    table = [headers] + [tuple("" if row[k] is None else str(row[k]) for k in keys) for row in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(keys))]
    return "".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() + "\n" for r in table)
