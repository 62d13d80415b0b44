"""Shared test helpers: where the real corpus lives, and skipping cleanly without it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("COMPLIANCE_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
EXAMPLES = REPO / "examples"
# Tests must not fill the user's OCR cache, nor read a page's text from it instead of OCR.
os.environ["COMPLIANCE_NO_CACHE"] = "1"


def corpus_pdf(name: str) -> Path:
    """Path of a corpus PDF, or skip the test when the shared corpus is absent."""
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"shared corpus not available ({path})")
    return path


@pytest.fixture(scope="session")
def manifest() -> dict:
    path = CORPUS / "manifest.json"
    if not path.exists():
        pytest.skip(f"shared corpus not available ({path})")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Commands that keep a results store must not write into the user's real cache."""
    folder = tmp_path_factory.mktemp("xdg-cache")
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = old
