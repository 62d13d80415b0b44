"""Draft-to-draft diff on a revised sample: an article dropped (the rest renumbered), one
conflict fixed, one introduced; unrelated texts are said to be unrelated and still compared."""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import compliance
from compliance.cli import main
from compliance.draft.diff import diff
from compliance.draft.diff_render import render
from tests.conftest import EXAMPLES

V1 = EXAMPLES / "perwal-banyuasri-2022-spbe.txt"


@pytest.fixture(scope="module")
def v2(tmp_path_factory) -> Path:
    text = V1.read_text(encoding="utf-8")
    text = text[:text.index("\nPasal 5\n")] + text[text.index("\nPasal 6\n"):]
    text = re.sub(r"(?m)^Pasal (\d+)$", lambda m: f"Pasal {int(m.group(1)) - 1}" if int(m.group(1)) > 5 else m.group(0), text)
    text = text.replace("1 (satu) kali dalam 3 (tiga) tahun", "1 (satu) kali dalam 2 (dua) tahun")
    text = text.replace("berlaku untuk kurun waktu 5 (lima) tahun", "berlaku untuk kurun waktu 3 (tiga) tahun")
    path = tmp_path_factory.mktemp("diff") / "perwal-banyuasri-v2.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def result(v2):
    return diff(compliance.load(V1), compliance.load(v2))


def test_articles_align_across_renumbering(result):
    by_old = {a["old"]: a for a in result["articles"] if a["old"]}
    assert by_old["5"]["change"] == "removed"
    assert by_old["12"]["new"] == "11" and by_old["12"]["change"] == "unchanged" and by_old["12"]["renumbered"]
    assert by_old["4"]["new"] == "4" and not by_old["4"]["renumbered"]
    assert result["counts"]["removed"] == 1 and result["counts"]["added"] == 0
    assert not result["unrelated"]


def test_word_level_changes(result):
    audit = next(a for a in result["articles"] if a["old"] == "31")
    assert audit["new"] == "30" and audit["change"] == "changed"
    edits = [w for w in audit["words"] if w["op"] != "equal"]
    assert edits == [{"op": "replace", "old": "3 (tiga)", "new": "2 (dua)"}]


def test_status_movements(result):
    moved = {r["requirement"]: r["movement"] for r in result["requirements"]}
    assert moved["audit-keamanan"] == "fixed"
    assert moved["peta-rencana"] == "new-conflict"
    assert moved["kebijakan-kepala-daerah"] == "broke"  # its article was the one dropped
    assert moved["arsitektur"] == "unchanged"


def test_renderings_escape_and_carry_the_same_facts(result, v2):
    html = render(result, "html")
    assert "<del>3 (tiga)</del>" in html and "<ins>2 (dua)</ins>" in html and "pertentangan baru" in html
    assert json.loads(render(result, "json")) == json.loads(json.dumps(result))
    md = render(result, "md", "en")
    assert "new conflict" in md and "~~3 (tiga)~~" in md
    hostile = dict(result, articles=[dict(result["articles"][0], change="changed",
                                          words=[{"op": "insert", "old": "", "new": "<script>x</script>"}])])
    assert "<script>x</script>" not in render(hostile, "html")


def test_cli_says_unrelated_texts_look_unrelated_and_still_compares(tmp_path: Path):
    out = tmp_path / "perubahan.json"
    run = CliRunner().invoke(main, ["diff", str(V1), str(EXAMPLES / "perbup-sukamaju-2016-egov.txt"),
                                         "-o", str(out)])
    assert run.exit_code == 0
    assert "tampak tidak berhubungan" in run.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["unrelated"] and data["articles"] and data["requirements"]
