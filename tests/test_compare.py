from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from compliance.batch import FileResult
from compliance.compare import build_matrix, evaluation_levels
from compliance.report.matrix import render_csv, render_html, render_json
from compliance.errors import ComplianceError

ENTRIES = [("dasar-hukum", "Dasar hukum", "dasar"), ("arsitektur", "Arsitektur SPBE", "perencanaan"),
           ("peta-rencana", "Peta Rencana SPBE", "perencanaan"), ("keamanan", "Keamanan SPBE", "keamanan")]


def report(daerah, jenis_kode, nomor, tahun, statuses, *, tentang="Sistem Pemerintahan Berbasis Elektronik",
           levels=None, confidence=None):
    findings = []
    for (rid, title, group), status in zip(ENTRIES, statuses):
        evidence = [] if status in ("missing", "not_applicable") else [
            {"pasal": "5", "ayat": "1", "quote": f"{daerah}: ketentuan {rid}", "via": "term", "score": 0.8,
             "matched": [], "parent": None}]
        findings.append({"requirement": rid, "title": title, "group": group, "basis": "Pasal 6–12",
                         "basis_confidence": "range", "status": status, "evidence": evidence,
                         "missing_elements": ["jangka 5 tahun"] if status == "partial" else [],
                         "confidence": (confidence or {}).get(rid, 0.5)})
    applicable = [s for s in statuses if s != "not_applicable"]
    score = round(100 * sum({"fulfilled": 1, "partial": 0.5}.get(s, 0) for s in applicable) / len(applicable), 1)
    return {
        "schema": "compliance/report@1",
        "regulation": {"metadata": {"daerah": daerah, "jenis": None, "jenis_kode": jenis_kode, "nomor": nomor,
                                    "tahun": tahun, "tentang": tentang}},
        "catalog": {"id": "perpres-95-2018", "title": "Perpres 95/2018"},
        "summary": {"score": score, "score_weights": {"conflict": 0.0, "fulfilled": 1.0, "missing": 0.0,
                                                      "partial": 0.5},
                    "groups": [{"id": "dasar", "title": "Dasar dan kebijakan"}, {"id": "perencanaan", "title": "Perencanaan"},
                               {"id": "keamanan", "title": "Keamanan"}],
                    },
        "findings": findings,
        "evaluation": {"id": "spbe-2020", "measure": "indicated_level", "max_level": 4,
                       "indicators": [{"no": no, "name": f"Indikator {no}", "readiness": lvl}
                                      for no, lvl in sorted((levels or {}).items())]},
    }


def result(name, rep, sha=None):
    return FileResult([Path(name)], sha or name.ljust(64, "0"), report=rep)


def three_regions():
    return [
        result("binjai.pdf", report("Kota Binjai", "perwal", "3", 2021, ["fulfilled", "partial", "missing", "fulfilled"],
                                    levels={1: 2, 8: 3})),
        result("labuhanbatu.pdf", report("Kabupaten Labuhanbatu", "perbup", "12", 2019,
                                         ["fulfilled", "fulfilled", "partial", "missing"], levels={1: 3},
                                         confidence={"arsitektur": 0.9})),
        result("siantar.pdf", report("Kota Pematangsiantar", "perwal", "5", 2023,
                                     ["not_applicable", "fulfilled", "missing", "conflict"], levels={1: 3},
                                     confidence={"arsitektur": 0.7})),
    ]


def test_matrix_rows_columns_counts_and_best():
    m = build_matrix(three_regions())
    assert [c["label"] for c in m["columns"]] == ["Kota Binjai · Perwal 3/2021", "Kabupaten Labuhanbatu · Perbup 12/2019",
                                                  "Kota Pematangsiantar · Perwal 5/2023"]
    assert [c["score"] for c in m["columns"]] == [62.5, 62.5, 33.3]
    assert [r["requirement"] for r in m["rows"]] == [e[0] for e in ENTRIES]
    rows = {r["requirement"]: r for r in m["rows"]}
    assert [c["status"] for c in rows["arsitektur"]["cells"]] == ["partial", "fulfilled", "fulfilled"]
    assert rows["arsitektur"]["counts"] == {"fulfilled": 2, "partial": 1}
    # both fulfil it; the matcher was surer of Labuhanbatu
    assert rows["arsitektur"]["best"] == {"status": "fulfilled", "columns": ["c2"]}
    assert rows["dasar-hukum"]["best"] == {"status": "fulfilled", "columns": ["c1", "c2"]}
    assert rows["peta-rencana"]["best"] == {"status": "partial", "columns": ["c2"]}
    # a conflict or a missing entry is nobody's best
    assert rows["keamanan"]["best"] == {"status": "fulfilled", "columns": ["c1"]}
    assert [d["no"] for d in m["columns"][0]["domain1"]] == [1, 8]
    assert rows["peta-rencana"]["cells"][1]["missing_elements"] == ["jangka 5 tahun"]


def test_json_is_deterministic_and_sorted():
    one = render_json(build_matrix(three_regions()))
    two = render_json(build_matrix(three_regions()))
    assert one == two
    data = json.loads(one)
    assert data["schema"] == "compliance/compare@1"
    assert list(data) == sorted(data)


def test_group_by_daerah_combines_in_force_regulations():
    rows = three_regions() + [
        # Binjai amends its 2021 Perwal: both stay in force, each entry takes the better status
        result("binjai-2024.pdf", report("Kota Binjai", "perwal", "8", 2024, ["missing", "fulfilled", "partial", "missing"],
                                         tentang="Perubahan atas Peraturan Wali Kota Binjai Nomor 3 Tahun 2021 tentang "
                                                 "Sistem Pemerintahan Berbasis Elektronik", levels={1: 3})),
        # Siantar's 2023 Perwal revokes an older one, whose fulfilled entries no longer count
        result("siantar-2018.pdf", report("Kota Pematangsiantar", "perwal", "9", 2018,
                                          ["fulfilled", "fulfilled", "fulfilled", "fulfilled"], levels={1: 4})),
    ]
    rows[2].report["regulation"]["metadata"]["tentang"] = (
        "Pencabutan Peraturan Wali Kota Pematangsiantar Nomor 9 Tahun 2018 dan Sistem Pemerintahan Berbasis Elektronik")
    m = build_matrix(rows, group_by="daerah")
    assert [c["label"] for c in m["columns"]] == ["Kota Binjai", "Kabupaten Labuhanbatu", "Kota Pematangsiantar"]
    binjai, siantar = m["columns"][0], m["columns"][2]
    assert [mb["label"] for mb in binjai["members"]] == ["Kota Binjai · Perwal 3/2021", "Kota Binjai · Perwal 8/2024"]
    assert binjai["members"][0]["amended_by"] == ["Kota Binjai · Perwal 8/2024"] and binjai["members"][0]["in_force"]
    assert [r["cells"][0]["status"] for r in m["rows"]] == ["fulfilled", "fulfilled", "partial", "fulfilled"]
    assert m["rows"][1]["cells"][0]["from"] == "Kota Binjai · Perwal 8/2024"
    assert binjai["score"] == 87.5
    assert [d["indicated_level"] for d in binjai["domain1"]] == [3, 3]
    assert siantar["members"][0]["revoked_by"] == ["Kota Pematangsiantar · Perwal 5/2023"]
    assert not siantar["members"][0]["in_force"]
    assert [r["cells"][2]["status"] for r in m["rows"]] == ["not_applicable", "fulfilled", "missing", "conflict"]
    assert [d["indicated_level"] for d in siantar["domain1"]] == [3]
    assert siantar["files"] == ["siantar-2018.pdf", "siantar.pdf"]


def test_group_by_keeps_a_kabupaten_and_a_kota_of_one_name_apart():
    statuses = ["fulfilled", "partial", "missing", "missing"]
    rows = [result("kab.pdf", report("Bekasi", "perbup", "1", 2020, statuses)),
            result("kota.pdf", report("Bekasi", "perwal", "2", 2020, statuses)),
            result("perda.pdf", report("Bekasi", "perda", "3", 2020, statuses)),  # which Bekasi? not said
            result("lb-perda.pdf", report("Labuhanbatu", "perda", "4", 2019, statuses)),
            result("lb-perbup.pdf", report("Kabupaten Labuhanbatu", "perbup", "5", 2020, statuses))]
    m = build_matrix(rows, group_by="daerah")
    assert [(c["label"], c["files"]) for c in m["columns"]] == [
        ("Kabupaten Bekasi", ["kab.pdf"]), ("Kota Bekasi", ["kota.pdf"]), ("Bekasi", ["perda.pdf"]),
        ("Kabupaten Labuhanbatu", ["lb-perda.pdf", "lb-perbup.pdf"])]


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.hrefs, self.scripts = set(), [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href", "").startswith("#"):
            self.hrefs.append(attrs["href"][1:])
        self.scripts += tag == "script"


def test_html_escapes_and_every_badge_links_to_its_evidence():
    rows = three_regions()
    evil = '<script>alert("x")</script>'
    rows[0].report["regulation"]["metadata"]["daerah"] = evil
    rows[0].report["findings"][0]["evidence"][0]["quote"] = "Pasal <b>5</b> & " + evil
    rows[0].report["findings"][1]["title"] = evil
    for lang in ("id", "en"):
        page = render_html(build_matrix(rows), lang)
        assert evil not in page
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
        parser = _Collect()
        parser.feed(page)
        assert parser.scripts == 1  # only our own script
        assert set(parser.hrefs) <= parser.ids
        assert "ev-c1-arsitektur" in parser.hrefs and "ev-c3-keamanan" in parser.hrefs
    assert "terpenuhi" in render_html(build_matrix(rows), "id")
    assert "fulfilled" in render_html(build_matrix(rows), "en")


def test_html_transposes_many_columns():
    rows = [result(f"r{i:03d}.pdf", report(f"Kabupaten {i:03d}", "perbup", str(i), 2020,
                                           ["fulfilled", "partial", "missing", "conflict"]), sha=f"{i:064d}")
            for i in range(60)]
    rows[0].report["findings"][1]["evidence"].append({"pasal": "9", "ayat": None, "quote": "kutipan kedua",
                                                       "via": "term", "score": 0.5, "matched": [], "parent": None})
    page = render_html(build_matrix(rows), "id")
    assert 'class="m wide"' in page
    # many columns: the first quote per cell, the others counted (all of them stay in the JSON)
    assert "kutipan kedua" not in page and "+1 bukti lain" in page
    assert "kutipan kedua" in render_html(build_matrix(rows[:2]), "id")
    parser = _Collect()
    parser.feed(page)
    assert set(parser.hrefs) <= parser.ids
    assert "ev-c60-keamanan" in parser.ids
    assert 'class="m narrow"' in render_html(build_matrix(rows[:2]), "id")


def test_csv_carries_the_matrix_and_neutralises_formulas():
    rows = three_regions()
    rows[0].report["regulation"]["metadata"].update(daerah="=HYPERLINK(\"http://x\")", jenis_kode=None, nomor=None,
                                                    tahun=None)
    for finding, title in zip(rows[0].report["findings"][1:], ("+SUM(A1)", "-1", "@cmd")):
        finding["title"] = title  # entry titles come from the first report listing them
    text = render_csv(build_matrix(rows), "en")
    table = list(csv.reader(io.StringIO(text)))
    assert table[0][3] == "'=HYPERLINK(\"http://x\")"
    body = {r[0]: r for r in table[1:]}
    assert body["arsitektur"][3:6] == ["partial", "fulfilled", "fulfilled"]
    assert body["arsitektur"][6:] == ["2", "Kabupaten Labuhanbatu · Perbup 12/2019"]
    assert body["score"][3:6] == ["62.5", "62.5", "33.3"]
    assert body["domain1-1"][3:6] == ["2", "3", "3"]
    titles = {r[1] for r in table}
    assert {"'+SUM(A1)", "'-1", "'@cmd"} <= titles
    assert not any(cell[:1] in "=+-@" and cell for row in table for cell in row)


def test_failed_files_are_listed():
    rows = three_regions() + [FileResult([Path("rusak.pdf")], None,
                                         error=ComplianceError("pdf-corrupt", file="rusak.pdf", reason="EOF"))]
    m = build_matrix(rows)
    assert m["failed"] == [{"files": ["rusak.pdf"], "code": "pdf-corrupt", "params": {"file": "rusak.pdf",
                                                                                       "reason": "EOF"}}]
    assert "rusak.pdf: PDF rusak atau terpotong (EOF)" in render_html(m, "id")


def test_group_by_uses_citation_links():
    older = result("lb-2019.pdf", report("Kabupaten Labuhanbatu", "perbup", "12", 2019,
                                         ["fulfilled", "fulfilled", "fulfilled", "fulfilled"]))
    newer = result("lb-2022.pdf", report("Kabupaten Labuhanbatu", "perbup", "3", 2022,
                                         ["fulfilled", "missing", "partial", "missing"], tentang="SPBE"))
    older.links = {"id": "perbup/labuhanbatu/2019/12", "amends": [], "revokes": []}
    newer.links = {"id": "perbup/labuhanbatu/2022/3", "amends": [], "revokes": ["perbup/labuhanbatu/2019/12"]}
    column = build_matrix([older, newer], group_by="daerah")["columns"][0]
    assert [(mb["in_force"], mb["revoked_by"]) for mb in column["members"]] == [
        (False, ["Kabupaten Labuhanbatu · Perbup 3/2022"]), (True, [])]
    assert column["score"] == 37.5  # only the newer one counts: (1 + 0.5) of 4


def test_matrix_of_the_real_check_on_the_samples():
    from compliance.batch import default_pipeline, run_batch
    from compliance.catalog import load_catalog

    examples = Path(__file__).resolve().parents[1] / "examples"
    samples = sorted(examples.glob("*.txt"))
    assert len(samples) == 3
    results = run_batch(samples, default_pipeline(), jobs=1)
    assert [r.error for r in results] == [None, None, None]
    m = build_matrix(results)
    assert [c["label"] for c in m["columns"]] == ["Kabupaten Sukamaju · Perbup 27/2016", "Kota Banyuasri · Perwal 18/2022",
                                                  "Kota Tirtaraya · Perwal 41/2017"]
    assert [r["requirement"] for r in m["rows"]] == [e.id for e in load_catalog("perpres-95-2018").entries]
    for i, res in enumerate(results):
        statuses = {f["requirement"]: f["status"] for f in res.report["findings"]}
        assert {r["requirement"]: r["cells"][i]["status"] for r in m["rows"]} == statuses
        assert m["columns"][i]["score"] == res.report["summary"]["score"]
        assert m["columns"][i]["domain1"] == evaluation_levels(res.report)
    dasar = next(r for r in m["rows"] if r["requirement"] == "dasar-hukum")
    # answer keys: only the 2022 Perwal can cite Perpres 95/2018; the older ones predate it
    assert [c["status"] for c in dasar["cells"]] == ["not_applicable", "fulfilled", "not_applicable"]
    assert dasar["best"] == {"status": "fulfilled", "columns": ["c2"]}
    page = render_html(m, "id")
    assert "Dasar dan kebijakan" in page and "Banyuasri · Perwal 18/2022" in page
    assert "<blockquote>Mengingat angka 7: Peraturan Presiden Nomor 95 Tahun 2018" in page  # answer key


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

WRAPPER = """<!DOCTYPE html><html><body><pre id="out"></pre>
<iframe id="f" src="%s" width="1200" height="800"></iframe>
<script>
document.getElementById("f").addEventListener("load", function () {
  var d = this.contentDocument, out = [], t = d.getElementById("m");
  function order() {
    return Array.prototype.filter.call(t.querySelectorAll("tbody tr"), function (r) {
      return !r.classList.contains("grp") && !r.hidden && r.closest("tbody") === t.tBodies[1];
    }).map(function (r) { return r.cells[0].firstChild.textContent.trim(); }).join("|");
  }
  out.push("controls:" + !d.getElementById("controls").hidden);
  out.push("before:" + order());
  var th = t.tHead.rows[0].cells[t.tHead.rows[0].cells.length - 2];
  th.click(); out.push("asc:" + order());
  th.click(); out.push("desc:" + order());
  var q = d.getElementById("q"); q.value = "peta"; q.dispatchEvent(new Event("input"));
  out.push("filtered:" + order());
  q.value = ""; q.dispatchEvent(new Event("input"));
  var st = d.getElementById("st"); st.value = "conflict"; st.dispatchEvent(new Event("change"));
  out.push("conflict:" + order());
  document.getElementById("out").textContent = out.join("\\n");
});
</script></body></html>"""


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="headless Chromium not installed (.ci/run installs it)")
def test_sort_and_filter_work_in_chromium(tmp_path: Path):
    page = tmp_path / "banding.html"
    page.write_text(render_html(build_matrix(three_regions()), "en"), encoding="utf-8")
    wrapper = tmp_path / "wrapper.html"
    wrapper.write_text(WRAPPER % page.name, encoding="utf-8")
    profile = tmp_path / "profile"
    run = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
                          f"--user-data-dir={profile}", "--no-first-run", "--enable-logging=stderr", "--v=0",
                          "--virtual-time-budget=5000", "--dump-dom", wrapper.as_uri()],
                         capture_output=True, text=True, timeout=180)
    lines = dict(line.split(":", 1) for line in
                 re.search(r'<pre id="out">(.*?)</pre>', run.stdout, re.S).group(1).strip().splitlines())
    assert "Uncaught" not in run.stderr
    assert lines["controls"] == "true"
    # the perencanaan group: Arsitektur fulfilled by 2 regions, Peta Rencana by none
    assert lines["before"] == "Arsitektur SPBE|Peta Rencana SPBE"
    assert lines["asc"] == "Peta Rencana SPBE|Arsitektur SPBE"
    assert lines["desc"] == "Arsitektur SPBE|Peta Rencana SPBE"
    assert lines["filtered"] == "Peta Rencana SPBE"
    assert lines["conflict"] == ""  # no conflict in this group (only Keamanan has one)


def test_a_duplicate_is_one_column_naming_both_files():
    rows = three_regions()
    rows[0].files.append(Path("salinan/binjai-copy.pdf"))
    m = build_matrix(rows)
    assert len(m["columns"]) == 3 and m["columns"][0]["files"] == ["binjai.pdf", "salinan/binjai-copy.pdf"]
    page = render_html(m, "en")
    assert 'title="binjai.pdf, salinan/binjai-copy.pdf">2 files' in page


WIDE_WRAPPER = """<!DOCTYPE html><html><body><pre id="out"></pre>
<iframe id="f" src="%s" width="1200" height="800"></iframe>
<script>
document.getElementById("f").addEventListener("load", function () {
  var d = this.contentDocument, out = [], t = d.getElementById("m");
  function order() {
    return Array.prototype.filter.call(t.tBodies[0].rows, function (r) { return !r.hidden; })
      .map(function (r) { return r.cells[0].firstChild.textContent.trim().split(" ")[1]; }).join("|");
  }
  t.tHead.rows[0].cells[1].click(); out.push("score:" + order());
  var q = d.getElementById("q"); q.value = "kabupaten 03"; q.dispatchEvent(new Event("input"));
  out.push("filtered:" + order());
  document.getElementById("out").textContent = out.join("\\n");
});
</script></body></html>"""


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="headless Chromium not installed (.ci/run installs it)")
def test_transposed_page_sorts_and_filters_in_chromium(tmp_path: Path):
    cycle = ["missing", "partial", "fulfilled"]
    rows = [result(f"r{i:02d}.pdf", report(f"Kabupaten {i:02d}", "perbup", str(i), 2020,
                                           [cycle[(i + k) % 3] for k in range(4)]), sha=f"{i:064d}")
            for i in range(36)]
    page = tmp_path / "banding.html"
    page.write_text(render_html(build_matrix(rows), "id"), encoding="utf-8")
    (tmp_path / "wrapper.html").write_text(WIDE_WRAPPER % page.name, encoding="utf-8")
    run = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
                          f"--user-data-dir={tmp_path / 'profile'}", "--no-first-run", "--virtual-time-budget=5000",
                          "--dump-dom", (tmp_path / "wrapper.html").as_uri()], capture_output=True, text=True,
                         timeout=180)
    lines = dict(line.split(":", 1) for line in
                 re.search(r'<pre id="out">(.*?)</pre>', run.stdout, re.S).group(1).strip().splitlines())
    scores = {f"{i:02d}": build_matrix(rows[i:i + 1])["columns"][0]["score"] for i in range(36)}
    shown = lines["score"].split("|")
    assert sorted(shown) == sorted(scores) and [scores[x] for x in shown] == sorted(scores.values())
    assert lines["filtered"] == "03"  # "Kabupaten 03 · Perbup 3/2020" only


def test_matrix_colours_are_the_reports_colours():
    from compliance.resources import data_dir

    css = (data_dir("templates") / "report.css").read_text(encoding="utf-8")
    report_colours = dict(re.findall(r"--(fulfilled|partial|conflict|missing|not_applicable): (#[0-9a-f]{6})", css))
    html = render_html(build_matrix(three_regions()), "id")
    matrix_colours = dict(re.findall(r"\.s-(\w+)\{background:(#[0-9a-f]{6})", html))
    assert len(report_colours) == 5 and matrix_colours == report_colours
