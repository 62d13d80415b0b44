"""The draft-to-draft diff as HTML (self-contained, escaped), Markdown or JSON."""

from __future__ import annotations

from typing import Any

from compliance.models_place import ayat_ref
from compliance.output import dumps_json

FORMATS = ("html", "json", "md")

LABELS = {
    "id": {"title": "Perbandingan dua rancangan", "old": "Lama", "new": "Baru", "score": "skor",
           "requirements": "Perubahan status per persyaratan Perpres 95/2018", "requirement": "Persyaratan",
           "movement": "Perubahan", "articles": "Perubahan per pasal", "change": "Jenis", "text": "Teks (kata demi kata)",
           "no_movement": "Tidak ada status yang berubah.", "no_change": "Tidak ada pasal yang berubah.",
           "unrelated": "Kedua peraturan tampak tidak berhubungan: hanya {share}% pasal dapat dipasangkan. "
                        "Perbandingan tetap dibuat.",
           "counts": "{added} pasal ditambah, {removed} dihapus, {changed} diubah, {unchanged} tetap "
                     "({renumbered} bernomor baru).",
           "change_names": {"added": "ditambah", "removed": "dihapus", "changed": "diubah", "unchanged": "tetap"},
           "movements": {"fixed": "diperbaiki (kini terpenuhi)", "improved": "membaik", "broke": "rusak (tidak lagi "
                         "terpenuhi)", "worsened": "memburuk", "new-conflict": "pertentangan baru", "changed": "berubah",
                         "unchanged": "tetap"},
           "status": {"fulfilled": "terpenuhi", "partial": "sebagian", "conflict": "bertentangan",
                      "missing": "tidak ditemukan", "not_applicable": "tidak berlaku", None: "–"}},
    "en": {"title": "Comparison of two drafts", "old": "Old", "new": "New", "score": "score",
           "requirements": "Status changes per Perpres 95/2018 requirement", "requirement": "Requirement",
           "movement": "Movement", "articles": "Changes per article", "change": "Kind", "text": "Text (word by word)",
           "no_movement": "No status changed.", "no_change": "No article changed.",
           "unrelated": "The two regulations look unrelated: only {share}% of the articles could be paired. "
                        "They are compared anyway.",
           "counts": "{added} articles added, {removed} removed, {changed} changed, {unchanged} unchanged "
                     "({renumbered} renumbered).",
           "change_names": {"added": "added", "removed": "removed", "changed": "changed", "unchanged": "unchanged"},
           "movements": {"fixed": "fixed (now fulfilled)", "improved": "improved", "broke": "broke (no longer "
                         "fulfilled)", "worsened": "worsened", "new-conflict": "new conflict", "changed": "changed",
                         "unchanged": "unchanged"},
           "status": {"fulfilled": "fulfilled", "partial": "partial", "conflict": "conflict", "missing": "missing",
                      "not_applicable": "not applicable", None: "–"}},
}


def _label(meta: dict) -> str:
    jenis, daerah = meta.get("jenis") or "?", meta.get("daerah") or ""
    if daerah.split(" ", 1)[0] and jenis.endswith(daerah.split(" ", 1)[0]):  # "Wali Kota" + "Kota X"
        daerah = daerah.split(" ", 1)[-1]
    parts = [jenis, daerah, f"Nomor {meta['nomor']}" if meta.get("nomor") else "",
             f"Tahun {meta['tahun']}" if meta.get("tahun") else ""]
    return " ".join(p for p in parts if p)


def _view(d: dict, lang: str) -> tuple[dict, dict]:
    t = dict(LABELS.get(lang, LABELS["id"]))
    counts = dict(d["counts"], renumbered=sum(a["renumbered"] for a in d["articles"]))
    t["counts"] = t["counts"].format(**counts)
    t["unrelated"] = t["unrelated"].format(share=round(d["aligned_share"] * 100))
    view = dict(d)
    view["old"] = dict(d["old"], label=_label(d["old"]["metadata"]))
    view["new"] = dict(d["new"], label=_label(d["new"]["metadata"]))
    view["requirements"] = [dict(r, old_label=t["status"].get(r["old"], r["old"]),
                                 new_label=t["status"].get(r["new"], r["new"]),
                                 movement_label=t["movements"].get(r["movement"], r["movement"]))
                            for r in d["requirements"]]
    view["articles"] = [dict(a, change_label=t["change_names"][a["change"]],
                             old_place=_article(a["old"], lang), new_place=_article(a["new"], lang))
                        for a in d["articles"]]
    return view, t


def _article(label: str | None, lang: str) -> str | None:
    """"Pasal 12" for one side of an aligned pair, None for the side that has no article."""
    return ayat_ref(label, lang=lang) if label else None


def render(d: dict[str, Any], fmt: str, lang: str = "id") -> str:
    if fmt == "json":
        return dumps_json(d)
    view, t = _view(d, lang)
    if fmt == "html":
        from compliance.report.templating import environment

        return environment().get_template("diff.html.j2").render(d=view, t=t, lang=lang)
    return _markdown(view, t)


def _markdown(d: dict, t: dict) -> str:
    from compliance.outline import md_escape

    out = [f"# {md_escape(t['title'])}", "",
           f"- {md_escape(t['old'])}: {md_escape(d['old']['label'])} ({md_escape(d['old']['file'])}), "
           f"{t['score']} {d['old']['score']}",
           f"- {md_escape(t['new'])}: {md_escape(d['new']['label'])} ({md_escape(d['new']['file'])}), "
           f"{t['score']} {d['new']['score']}", ""]
    if d["unrelated"]:
        out += [f"> {md_escape(t['unrelated'])}", ""]
    out += [md_escape(t["counts"]), "", f"## {md_escape(t['requirements'])}", ""]
    moved = [r for r in d["requirements"] if r["movement"] != "unchanged"]
    out += [f"- {md_escape(r['title'])}: {md_escape(r['old_label'])} → {md_escape(r['new_label'])} "
            f"({md_escape(r['movement_label'])})" for r in moved] or [md_escape(t["no_movement"])]
    out += ["", f"## {md_escape(t['articles'])}", ""]
    changed = [a for a in d["articles"] if a["change"] != "unchanged"]
    for a in changed:
        head = " → ".join(x for x in (a["old_place"], a["new_place"]) if x)
        words = " ".join(md_escape(w["old"]) if w["op"] == "equal" else
                         " ".join(p for p in (f"~~{md_escape(w['old'])}~~" if w["old"] else "",
                                              f"**{md_escape(w['new'])}**" if w["new"] else "") if p)
                         for w in a["words"])
        out += [f"### {md_escape(head)} ({md_escape(a['change_label'])})", "", words, ""]
    if not changed:
        out.append(md_escape(t["no_change"]))
    return "\n".join(out).rstrip() + "\n"
