"""The short label a regulation goes by in comparisons and folder indexes ("Labuhanbatu · Perbup 12/2019")."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from compliance.models import leading_number
from compliance.resources import regulation_kinds


@cache
def _cited_whole() -> frozenset[str]:
    """Kinds whose number is cited whole ("188.45/1612/HK/2019"): ``whole_number`` in kinds.yaml."""
    return frozenset(k["code"] for k in regulation_kinds() if k.get("whole_number"))


@cache
def _abbreviations() -> dict[str, str]:
    return {k["code"]: (k.get("abbreviations") or [k["name"]])[0] for k in regulation_kinds()}


def regulation_label(meta: dict[str, Any], fallback: str) -> str:
    """"Labuhanbatu · Perbup 12/2019": daerah, short kind, nomor/tahun; the file name when unknown.
    A compound number ("41/PER/M.KOMINFO/10/2009") is shortened to its leading number, as cited."""
    kind = _abbreviations().get(meta.get("jenis_kode") or "", meta.get("jenis") or "")
    nomor = str(meta.get("nomor") or "")
    if meta.get("jenis_kode") in _cited_whole():
        number = nomor or str(meta.get("tahun") or "")  # a Keputusan is cited by its whole number
    else:
        if nomor and not re.fullmatch(r"\d+[A-Z]?", nomor) and leading_number(nomor):
            nomor = str(leading_number(nomor))
        number = "/".join(str(x) for x in (nomor, meta.get("tahun")) if x)
    parts = [p for p in (meta.get("daerah"), " ".join(x for x in (kind, number) if x)) if p]
    return " · ".join(parts) if parts else fallback
