"""The result of checking one file in a batch, shared by ``batch`` (which makes it) and
``compare`` (which reads it), so neither imports the other for it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compliance.errors import ComplianceError


@dataclass
class FileResult:
    """One distinct file content: every name it was found under, and its report (with its
    citation graph drawn when the batch asked for it) or error."""

    files: list[Path]
    sha256: str | None
    report: dict[str, Any] | None = None
    error: ComplianceError | None = None
    cached: bool = False
    links: dict[str, Any] | None = None
    graph_svg: str | None = None

    @property
    def path(self) -> Path:
        return self.files[0]


def report_metadata(report: dict[str, Any]) -> dict[str, Any]:
    """The regulation's identity (daerah, jenis, nomor, tahun, tentang ...) as the report carries it."""
    regulation = report.get("regulation") or {}
    return regulation.get("metadata") or regulation


def report_score(report: dict[str, Any]) -> float | None:
    return (report.get("summary") or {}).get("score")
