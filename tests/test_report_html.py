"""What the HTML page prints of a finding, its clause and the evaluation places, decided in
``report.html`` and escaped once: hostile words in a finding's missing elements, a quote printed
once and referred to after, a place per line."""

from __future__ import annotations

import re

import compliance
from compliance.check import check
from compliance.report import build_report
from compliance.report.html import render_html
from tests.conftest import EXAMPLES

HOSTILE = "<b>tugas</b> & 'kutip'"


def _view():
    return build_report(check(compliance.load(EXAMPLES / "perwal-banyuasri-2022-spbe.txt")), graph=False)


def test_missing_elements_print_escaped_in_the_row_and_in_the_clause():
    view = _view()
    gap = next(f for f in view.data["findings"] if f["missing_elements"] and f["status"] == "partial")
    gap["missing_elements"] = [HOSTILE, "kesinambungan"]
    html = render_html(view.data, "id", view.regulation)
    escaped = "&lt;b&gt;tugas&lt;/b&gt; &amp; &#39;kutip&#39;"
    assert f"{escaped}; kesinambungan</div>" in html  # the clause section joins them
    assert f"<li>{escaped}</li>" in html and "<b>tugas" not in html
    row = re.search(rf'<tr id="req-{gap["requirement"]}".*?</tr>', html, re.S).group(0)
    assert '<span class="badge partial">sebagian</span>' in row
    assert '<span class="muted">—</span>' not in row.split("</td>")[-2]  # it has gaps to show
    full = next(f for f in view.data["findings"] if f["status"] == "fulfilled" and not f["notes"])
    full_row = re.search(rf'<tr id="req-{full["requirement"]}".*?</tr>', html, re.S).group(0)
    assert full_row.split("</td>")[-2].strip().endswith('<span class="muted">—</span>')  # nothing to do


def test_a_quote_is_printed_once_then_referred_to():
    html = render_html(_view().data, "id")
    assert html.count("<q>") == len(set(re.findall(r"<q>(.*?)</q>", html, re.S)))
    assert "<mark>" in html and 'class="muted">(' in html  # highlighted; a later finding refers back


def test_evaluation_places_one_per_line_and_clause_note_only_for_screen_clauses():
    view = _view()
    html = render_html(view.data, "id", view.regulation)
    cell = re.search(r'<tr data-indicator="1".*?</tr>', html, re.S).group(0)
    places = cell.count('class="ref"')
    assert places >= 2 and cell.count("<br>") >= places - 1
    printed = set(re.findall(r'data-priority="([^"]+)"', html))
    screen = re.findall(r'class="suggestion screen-clause" id="saran-([^"]+)"', html)
    assert screen and not set(screen) & printed
    assert ('class="muted print-only"' in html.split('id="suggestions"')[1]) == bool(screen)
