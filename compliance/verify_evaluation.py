"""Check an evaluation instrument's data against the official text of its regulation.

The Indeks Pemdi data comes from secondary sources; a user with the official PDF of
PermenPANRB 8/2026 can confirm it. The text must be that regulation (its parsed title
resolves to the id the instrument's ``identity.cite`` names), else it is refused. Then
each aspect and indicator name is looked for in the whole text (body and Lampiran), and
the weight printed right after the name (a table row) is compared with the data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from compliance.errors import ComplianceError
from compliance.evaluation import Evaluation
from compliance.models import Regulation

CONFIRMED, DIFFERS, NOT_FOUND, NO_WEIGHT = "confirmed", "differs", "not_found", "no_weight"
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:[.,]\d+)?)\s*%?")
_AFTER = 160  # characters after a name in which its table row's weight stands


@dataclass
class Check:
    kind: str  # aspect | indicator
    no: int
    name: str
    name_status: str
    weight: float | None
    weight_status: str
    weight_found: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "no": self.no, "name": self.name, "name_status": self.name_status,
                "weight": self.weight, "weight_status": self.weight_status, "weight_found": self.weight_found}


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def official_text(reg: Regulation) -> str:
    """Everything the parser kept: preamble, articles, Lampiran, unplaced blocks."""
    parts = [reg.preamble, *(a.text for a in reg.articles), *(b.text for b in reg.lampiran),
             *(b.text for b in reg.unplaced)]
    return _fold("\n".join(p for p in parts if p))


def expected_id(evaluation: Evaluation) -> str | None:
    """The canonical id (``permen/panrb/2026/8``) of the regulation the instrument is."""
    from compliance.cite_find import find
    from compliance.cite_resolve import span_id

    for span in find(evaluation.identity.get("cite") or "").regulations:
        found, _ = span_id(span)
        if found:
            return found
    return None


def check_identity(official: Regulation, evaluation: Evaluation) -> None:
    """Refuse a text that is not the instrument's regulation (one-line error)."""
    from compliance.cite_resolve import metadata_id
    from compliance.official import describe

    expected = expected_id(evaluation)
    if expected is None:
        raise ComplianceError("evaluation-no-identity", file=evaluation.path.name)
    meta = official.metadata
    # a ministerial regulation's title names the ministry on a line of its own: the parser keeps it apart
    ministry = f"{meta.jenis_kode}/{meta.kementerian}/{meta.tahun}/{meta.nomor}" if meta.kementerian else None
    if expected in (metadata_id(meta), ministry):
        return
    code = "national-wrong-act" if meta.jenis_kode and meta.nomor and meta.tahun else "national-unidentified"
    raise ComplianceError(code, file=official.source.file, found=describe(meta),
                          expected=evaluation.identity.get("cite"))


def _weight_after(text: str, end: int) -> float | None:
    match = _NUMBER.search(text, end, end + _AFTER)
    return float(match.group(1).replace(",", ".")) if match else None


def _check(kind: str, no: int, name: str, weight: float | None, text: str) -> Check:
    at = text.find(_fold(name))
    if at < 0:
        return Check(kind, no, name, NOT_FOUND, weight, NOT_FOUND if weight is not None else NO_WEIGHT)
    if weight is None:
        return Check(kind, no, name, CONFIRMED, None, NO_WEIGHT)
    found = _weight_after(text, at + len(_fold(name)))
    if found is None:
        return Check(kind, no, name, CONFIRMED, weight, NOT_FOUND)
    return Check(kind, no, name, CONFIRMED, weight, CONFIRMED if abs(found - weight) < 1e-6 else DIFFERS, found)


def all_confirmed(checks: list[Check]) -> bool:
    """Every name found and every weight the data gives printed after it."""
    return all(c.name_status == CONFIRMED and c.weight_status in (CONFIRMED, NO_WEIGHT) for c in checks)


def verify_evaluation(evaluation: Evaluation, official: Regulation) -> list[Check]:
    """One check per aspect and per indicator, in the instrument's order; identity first."""
    check_identity(official, evaluation)
    text = official_text(official)
    out = []
    for aspect in evaluation.aspects:
        name = aspect["name"].get("id") if isinstance(aspect.get("name"), dict) else aspect.get("name")
        out.append(_check("aspect", aspect["no"], name, aspect.get("weight"), text))
    for ind in evaluation.indicators:
        out.append(_check("indicator", ind.no, ind.name, ind.weight, text))
    return out
