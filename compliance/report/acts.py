"""Acts named as a reader cites them: ``uu/2008/11`` -> "UU 11/2008".

Canonical ids (``compliance.cite_resolve``) are for machines and stay in the JSON; every
human-facing format names an act by the short kind of ``regulations/kinds.yaml``, the
issuer or region, and number/year, with the pinpoint ("Pasal 18 ayat (6)") after it.
"""

from __future__ import annotations

from functools import cache

from compliance.cite_resolve import pinpoint_label
from compliance.resources import data_yaml, regulation_kinds


@cache
def _kinds() -> dict[str, dict]:
    return {k["code"]: k for k in regulation_kinds()}


@cache
def _issuers() -> dict[str, str]:
    """Issuer code -> its short form (``panrb`` -> "PANRB")."""
    data = data_yaml("regulations", "kinds.yaml")
    out: dict[str, str] = {}
    for group, entries in data.items():
        if group == "kinds" or not isinstance(entries, list):
            continue
        for entry in entries:
            if isinstance(entry, dict) and entry.get("code"):
                out[entry["code"]] = (entry.get("abbreviations") or entry.get("names") or [entry["code"]])[0]
    return out


def act_name(target: str | None) -> str:
    """"UU 11/2008", "Permen PANRB 59/2020", "Perda Kota Banyuasri 5/2016",
    "UUD 1945 Pasal 18 ayat (6)"; an id the tables do not know is returned as it is."""
    if not target:
        return ""
    base, _, fragment = target.partition("#")
    parts = base.split("/")
    kind = _kinds().get(parts[0])
    if kind is None:
        return target
    short = (kind.get("abbreviations") or [kind.get("name") or parts[0]])[0]
    rest = parts[1:]
    if not kind.get("numbered", True) and rest:
        name = f"{short} {rest[-1]}"
    elif len(rest) >= 2:
        middle = rest[:-2]
        words = [short]
        if middle and kind.get("issuers"):
            words.append(_issuers().get(middle[0], middle[0].upper()))
        elif middle:
            words.append(" ".join(w.capitalize() for w in middle[0].split("-")))
        name = f"{' '.join(words)} {rest[-1].upper()}/{rest[-2]}"
    else:
        return target
    pinpoint = pinpoint_label(target) if fragment else ""
    return f"{name} {pinpoint}".strip()
