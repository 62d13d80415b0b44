"""The reference drawing: the report's citation graph drawn from a BUILT graph, as the report
drew it until a check stopped building its graph (#11). ``compliance.report.graph_svg`` draws
without the graph; ``test_graph_drawing`` holds it to this, byte for byte, document by document.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from compliance.cite import regulation_key
from compliance.graph import requirements_for
from compliance.models import Regulation
from compliance.report.graph_svg import STATUS_COLOURS, _escape, _mark, _short
from compliance.report.labels import labels


def graph_svg(graph: nx.MultiDiGraph, regulation: Regulation | str, lang: str = "id") -> str:
    """Draw one regulation's part of the graph: its articles on the left, the catalog entries on
    the right, an edge per ``satisfies`` link coloured by status (dashed blue where an article
    reaches an entry through a citation of the national act), then the Mengingat list with each
    cited act resolved and marked where it is known to be revoked or amended. No script; all text escaped."""
    reg_id = regulation if isinstance(regulation, str) else regulation_key(regulation)
    statuses = labels(lang)["status"]
    links = _links(graph, reg_id, statuses)
    order = {node: i for i, node in enumerate(graph.successors(reg_id))} if reg_id in graph else {}
    articles = sorted({a for a, _, _, _ in links}, key=lambda n: (order.get(n, 10**6), n))  # in text order
    nodes = graph._node  # the node and adjacency dicts, read as networkx's own algorithms read them
    requirements = sorted((n for n, d in nodes.items() if d.get("type") == "requirement"),
                          key=lambda r: (nodes[r].get("order", 10**6), r))
    # as out_edges(reg_id, keys=True, data=True) lists them
    own_edges = [(reg_id, v, key, d) for v, keys in graph._succ.get(reg_id, {}).items() for key, d in keys.items()]
    assessed = {v: d.get("status") for _, v, _, d in own_edges if d.get("relation") == "assessed"}
    row, top, left_w, gap = 22, 48, 170, 260
    right_x = left_w + gap
    m_top = top + max(len(articles), len(requirements), 1) * row + 40
    rows = _mengingat_rows(own_edges)
    width, height = right_x + 420, m_top + (len(rows) + 1) * row + 10
    y_art = {a: top + i * row for i, a in enumerate(articles)}
    y_req = {r: top + i * row for i, r in enumerate(requirements)}
    esc = _escape
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="citation-graph" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" role="img" aria-label="{esc(reg_id)}">',
           '<style>text{font:12px sans-serif;fill:#222}.muted{fill:#777}</style>',
           f'<text x="4" y="16" font-weight="bold">{esc(_heading(graph, reg_id))}</text>']
    x = 4
    for status, colour in STATUS_COLOURS.items():  # legend
        name = statuses.get(status) or _mark("cites", lang)
        out.append(f'<rect x="{x}" y="26" width="14" height="4" fill="{colour}"/>'
                   f'<text x="{x + 18}" y="32" class="muted">{esc(name)}</text>')
        x += 30 + 7 * len(name)
    for a, r, status, title in links:
        if a not in y_art or r not in y_req:
            continue
        y1, y2 = y_art[a] + 4, y_req[r] + 4
        dash = ' stroke-dasharray="4 3"' if status == "cites" else ""
        out.append(f'<path d="M{left_w} {y1} C{left_w + gap / 2} {y1} {right_x - gap / 2} {y2} {right_x - 6} {y2}" '
                   f'fill="none" stroke="{STATUS_COLOURS.get(status, "#555")}" stroke-width="1.5"{dash}>'
                   f'<title>{esc(title)}</title></path>')
    for a in articles:
        label = nodes[a].get("label", a) if a in nodes else a
        out.append(f'<text x="{left_w - 6}" y="{y_art[a] + 8}" text-anchor="end">'
                   f'<title>{esc(a)}</title>{esc(label)}</text>')
    for r in requirements:
        d, status = nodes[r], assessed.get(r)
        tip = f"{d.get('label', r)} — {d.get('basis', '')}"
        tip += f" — {statuses.get(status, status)}" if status else ""
        out.append(f'<circle cx="{right_x}" cy="{y_req[r] + 4}" r="4" fill="{STATUS_COLOURS.get(status, "#555")}"/>'
                   f'<text x="{right_x + 8}" y="{y_req[r] + 8}"><title>{esc(tip)}</title>'
                   f'{esc(_short(d.get("label", r), 60))}</text>')
    out.append(f'<text x="4" y="{m_top}" font-weight="bold">Mengingat</text>')
    for i, (d, target) in enumerate(rows):
        out.append(_mengingat_line(graph, d, target, m_top + (i + 1) * row, lang))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _links(graph: nx.MultiDiGraph, reg_id: str, statuses: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """(article, requirement, status, tooltip): the matcher's links, and those reached through a citation."""
    links, reached = [], {}
    prefix = reg_id + "#"
    succ = graph._succ  # the adjacency dicts, read as networkx's own algorithms read them
    edges = [(u, v, key, d) for u in succ if u == reg_id or u.startswith(prefix)
             for v, keys in succ[u].items() for key, d in keys.items()]
    for u, v, _, d in sorted(edges, key=lambda e: e[:3]):
        if d.get("relation") == "satisfies":
            status = d.get("status", "")
            links.append((u, v, status, f"{statuses.get(status, status)} · {d.get('via', '')} {d.get('score', '')}"))
        elif d.get("relation") in ("cites", "implements") and u != reg_id:
            if v not in reached:
                reached[v] = requirements_for(graph, v)
            links.extend((u, req, "cites", d.get("raw", "")) for req in reached[v])
    return links


def _mengingat_rows(own_edges: list) -> list[tuple[dict, str]]:
    rows, seen = [], set()
    cited = [(d, v) for _, v, _, d in own_edges if d.get("part") == "mengingat"]
    for d, v in sorted(cited, key=lambda dv: (_item_key(dv[0].get("item")), dv[0].get("offset", 0), dv[1])):
        if (d.get("item"), v) not in seen:  # an act named twice in one entry (base and amendment title)
            seen.add((d.get("item"), v))
            rows.append((d, v))
    return rows


def _mengingat_line(graph: nx.MultiDiGraph, d: dict, target: str, y: int, lang: str) -> str:
    """One Mengingat row: item, resolved id and title, known revocation/amendment; full text as tooltip."""
    esc = _escape
    node = graph._node[target]
    name = target if node.get("type") != "unresolved" else _mark("unresolved", lang)
    if d.get("title"):
        name += f" — {_short(d['title'], 70)}"
    marks = []
    if node.get("revoked_by"):
        marks.append(_mark("revoked", lang, by=node["revoked_by"]))
    if node.get("amended_by"):
        marks.append(_mark("amended", lang, by=node["amended_by"].replace(",", ", ")))
    colour = "#c62828" if node.get("revoked_by") else "#222"
    tail = f'<tspan class="muted"> — {esc("; ".join(marks))}</tspan>' if marks else ""
    return (f'<text x="12" y="{y}"><title>{esc(d.get("raw", ""))}</title>'
            f'<tspan>{esc(str(d.get("item") or ""))}. </tspan><tspan fill="{colour}">{esc(name)}</tspan>{tail}</text>')


def _heading(graph: nx.MultiDiGraph, reg_id: str) -> str:
    node = graph.nodes[reg_id] if reg_id in graph else {}
    label = node.get("label", reg_id)
    return f"{label} tentang {node['tentang']}" if node.get("tentang") else label


def _item_key(item: Any) -> tuple:
    text = str(item or "")
    return (0, int(text), "") if text.isdigit() else (1, 0, text)
