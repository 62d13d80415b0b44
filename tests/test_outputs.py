"""Outputs chosen by their name: ``-o``'s suffix picks the format, ``--format`` overrides,
an unknown suffix is refused before any work, and ``check`` prints a summary."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.errors import ComplianceError
from compliance.report.outputs import COMMAND_FORMATS, format_for

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SAMPLE = EXAMPLES / "perwal-banyuasri-2022-spbe.pdf"
OLD = EXAMPLES / "perbup-sukamaju-2016-egov.pdf"


def _score(lang: str = "id") -> str:
    """The sample's score as the library computes it, written as ``lang`` writes decimals."""
    from compliance.check import check
    from compliance.locale_format import number

    return number(check(SAMPLE).score, lang)


def _run(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env)


def test_format_for_reads_the_suffix_case_insensitively_and_refuses_unknown_ones():
    assert format_for(Path("HASIL.JSON"), COMMAND_FORMATS["check"]) == "json"
    assert format_for(Path("g.gv"), COMMAND_FORMATS["graph"]) == "dot"
    assert format_for(Path("outline.txt"), COMMAND_FORMATS["parse"]) == "outline"
    assert format_for(None, COMMAND_FORMATS["compare"]) == "html"
    assert format_for(Path("x.xlsx"), COMMAND_FORMATS["check"], explicit="csv") == "csv"
    with pytest.raises(ComplianceError) as err:
        format_for(Path("banding.xlsx"), COMMAND_FORMATS["compare"])
    assert ".xlsx" in err.value.message("id") and ".csv" in err.value.message("id")
    with pytest.raises(ComplianceError) as err:
        format_for(Path("laporan"), COMMAND_FORMATS["check"])  # no suffix: say so, do not guess
    assert "tanpa akhiran" in err.value.message("id") and ".docx" in err.value.message("id")


@pytest.mark.parametrize("suffix,probe", [
    (".json", lambda text: json.loads(text)["schema"] == "compliance/report@1"),
    (".csv", lambda text: len(list(csv.reader(io.StringIO(text)))) > 20),
    (".md", lambda text: text.startswith("# ") and "<html" not in text),
    (".html", lambda text: text.lstrip().startswith("<!DOCTYPE html>")),
])
def test_check_writes_the_format_its_name_asks_for_and_prints_the_summary(tmp_path, suffix, probe):
    out = tmp_path / f"hasil{suffix}"
    result = _run("check", str(SAMPLE), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert probe(out.read_text(encoding="utf-8"))
    assert "Skor: 72,6 / 100" in result.output
    assert f"Laporan ditulis: {out}" in result.output


def test_format_option_overrides_the_suffix(tmp_path):
    out = tmp_path / "hasil.txt"
    assert _run("check", str(SAMPLE), "-o", str(out), "--format", "json").exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "compliance/report@1"


@pytest.mark.parametrize("command", [["check", str(SAMPLE)], ["graph", str(SAMPLE)],
                                     ["compare", str(SAMPLE), "--no-cache", "--jobs", "1"]])
def test_an_unknown_suffix_is_refused_in_one_indonesian_line_and_nothing_is_written(tmp_path, command):
    out = tmp_path / "banding.xlsx"
    result = _run(*command, "-o", str(out))
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert "akhiran .xlsx tidak dikenal" in result.output
    assert not out.exists()


@pytest.mark.parametrize("suffix,start", [(".graphml", "<graphml"), (".dot", "digraph citations {"),
                                          (".gexf", "<gexf"), (".json", "{")])
def test_graph_format_follows_the_suffix(tmp_path, suffix, start):
    out = tmp_path / f"graf{suffix}"
    result = _run("graph", str(SAMPLE), "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith(start)
    assert "perpres/2018/95" in text


def test_gexf_is_byte_identical_across_runs(tmp_path):
    first, second = tmp_path / "a.gexf", tmp_path / "b.gexf"
    _run("graph", str(SAMPLE), "-o", str(first))
    _run("graph", str(SAMPLE), "-o", str(second))
    assert first.read_bytes() == second.read_bytes()


def test_compare_writes_csv_for_a_csv_name(tmp_path):
    out = tmp_path / "banding.csv"
    result = _run("compare", str(SAMPLE), str(OLD), "--no-cache", "--jobs", "1", "-o", str(out))
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows[0]) >= 5 and not out.read_text(encoding="utf-8").lstrip().startswith("<")


def test_check_without_output_prints_a_summary_not_html():
    result = _run("check", str(SAMPLE))
    assert result.exit_code == 0, result.output
    out = result.output
    assert "<html" not in out and len(out.splitlines()) < 15
    assert "Skor: 72,6 / 100" in out and "bertentangan 2" in out
    assert "Saran: UBAH" in out
    assert "Arsitektur SPBE Pemerintah Daerah (Perpres 95/2018 Pasal 12)" in out
    assert "[Pasal 8 ayat (1)]" in out  # where the regulation contradicts it


def test_summary_of_an_old_low_regulation_advises_revoke_and_replace():
    result = _run("check", str(OLD))
    assert result.exit_code == 0, result.output
    assert "Saran: CABUT DAN GANTI" in result.output
    assert "ditetapkan sebelum Perpres 95/2018 (2 Oktober 2018)" in result.output


@pytest.mark.parametrize("args,env", [(["check", str(SAMPLE), "--lang", "en"], None),
                                      (["--lang", "en", "check", str(SAMPLE)], None),
                                      (["check", str(SAMPLE)], {"COMPLIANCE_LANG": "en"})])
def test_lang_before_or_after_the_command_or_from_the_environment(args, env):
    result = _run(*args, env=env)
    assert result.exit_code == 0, result.output
    assert "Score: 72.6 / 100" in result.output and "Advice: AMEND" in result.output


def test_fail_under_still_prints_the_summary_and_exits_3():
    result = _run("check", str(SAMPLE), "--fail-under", "90")
    assert result.exit_code == 3
    assert "Skor: 72,6" in result.output
