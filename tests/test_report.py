"""The report renderers: escaping, CSV injection, Markdown escaping, determinism,
every status and both languages. Fixtures are built from the models the matcher
fills, with hostile regulation text in every field a regulation supplies."""

from __future__ import annotations

import csv
import io
import re
from functools import cache
from html.parser import HTMLParser

import pytest
from markupsafe import escape

from compliance.models import REPORT_SCHEMA, STATUSES, Conflict, Evidence, Finding, Metadata, Page, Place, Source
from compliance.report import render
from compliance.report.labels import LABELS
from compliance.report.spreadsheet import BOM, neutralise
from compliance.report import view
from compliance.report.view import highlight_segments, pasal_ref

SCRIPT = "<script>alert('x')</script>"
IMG = '"><img src=x onerror=alert(1)>'
FORMULA = "=HYPERLINK(\"http://evil.example\",\"klik\")"


def sample_report(jenis_kode: str = "perbup") -> dict:
    """A report@1 dict with every status, a conflict, and hostile text from the 'regulation'."""
    metadata = Metadata(jenis="Peraturan Bupati", jenis_kode=jenis_kode, daerah=f"Kabupaten Contoh {SCRIPT}",
                        nomor="14", tahun=2018, tentang=f"Pedoman E-Government {IMG}")
    source = Source(file="contoh & <uji>.pdf", sha256="ab" * 32, pages=12)
    quote = f"Bupati menetapkan Peta Rencana {SCRIPT} untuk jangka waktu 10 (sepuluh) tahun"
    findings = [
        Finding("dasar-hukum", "Dasar hukum mengacu Perpres 95/2018", "Dasar dan kebijakan",
                "Perpres 95/2018 sebagai dasar hukum (Mengingat)", "structure", "not_applicable",
                notes=["predates-perpres"]),
        Finding("prinsip", "Prinsip SPBE", "Dasar dan kebijakan", "Pasal 2", "range", "partial",
                evidence=[Evidence(Place.from_fields("3", "1"), f"asas efisiensi dan keamanan {IMG}", "term", 0.8,
                                   matched=["efisiensi", "keamanan", "<img"])],
                missing_elements=["keterpaduan", f"akuntabilitas {SCRIPT}"]),
        Finding("tim-koordinasi", "Tim Koordinasi SPBE Pemerintah Daerah", "Dasar dan kebijakan",
                "Penyelenggara SPBE", "topic", "fulfilled",
                evidence=[Evidence(Place.from_fields("7", None), "Bupati membentuk Tim e-Government & menetapkan tugasnya", "term", 0.9,
                                   matched=["Tim e-Government", "&"])]),
        Finding("peta-rencana", "Peta Rencana SPBE Pemerintah Daerah", "Perencanaan", "Pasal 19", "text", "conflict",
                evidence=[Evidence(Place.from_fields("9", "2"), quote, "term", 0.95, matched=["Peta Rencana", "10 (sepuluh) tahun"])],
                conflicts=[Conflict("jangka waktu", "5 (lima) tahun", f"10 (sepuluh) tahun {SCRIPT}", Place.from_fields("9", "2"))]),
        Finding("audit-keamanan", "Audit keamanan SPBE", "Audit TIK", "Pasal 58", "text", "missing",
                notes=["only-defined"]),
        Finding("aplikasi", "Aplikasi SPBE", "Data, infrastruktur, aplikasi", "Pasal 34–39", "range", "partial",
                evidence=[Evidence(Place.from_fields("12", None), f"{FORMULA} aplikasi", "similarity", 0.61, matched=["aplikasi"])],
                missing_elements=[FORMULA]),
    ]
    indicators = [{"no": n, "aspect": 1, "domain": 1, "name": f"Indikator {n} {SCRIPT}" if n == 2 else f"Indikator {n}",
                   "weight": 1.3, "role": "policy", "shown_by_text": True, "text_shows": None,
                   "readiness": (None if n == 9 else 2), "requirements": ["peta-rencana"],
                   "evidence": [] if n == 9 else [{"requirement": "peta-rencana", "status": "conflict", "pasal": "9",
                                                    "ayat": "2", "parent": None}],
                   "next": None if n == 9 else {"level": 3, "needs": [f"Peta Rencana: {SCRIPT}"]}}
                  for n in range(1, 11)]
    indicators.append({"no": 29, "aspect": 6, "domain": 3, "name": "Audit Infrastruktur SPBE", "weight": 1.5,
                       "role": "supporting", "shown_by_text": True, "readiness": None, "evidence": [], "next": None,
                       "requirements": ["audit-keamanan"]})
    evaluation = {"id": "spbe-2020", "title": "Evaluasi SPBE menurut PermenPANRB 59/2020", "source": "summary",
                  "measure": "indicated_level", "max_level": 4, "revoked": True,
                  "revoked_by": "Peraturan Menteri PANRB Nomor 8 Tahun 2026", "revoked_since": "2026-06-05",
                  "note": "Perkiraan dari teks, bukan hasil evaluasi.",
                  "aspects": [{"no": 1, "name": "Kebijakan internal"}, {"no": 6, "name": "Audit TIK"}],
                  "indicators": indicators}
    counts = {s: sum(f.status == s for f in findings) for s in STATUSES}
    return {
        "schema": REPORT_SCHEMA,
        "regulation": {"metadata": metadata.to_dict(), "source": source.to_dict()},
        "catalog": {"id": "perpres-95-2018", "title": "Peraturan Presiden Nomor 95 Tahun 2018"},
        "summary": {"score": 38, "counts": counts},
        "findings": [f.to_dict() for f in findings],
        "evaluation": evaluation,
    }


class _Collect(HTMLParser):
    """Every start tag and every text node, as a browser would parse them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Collect:
    parser = _Collect()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("lang", ["id", "en"])
def test_html_escapes_regulation_text(lang):
    html = render(sample_report(), "html", lang)
    parsed = _parse(html)
    tags = [t for t, _ in parsed.tags]
    assert "script" not in tags and "img" not in tags
    assert not any(k.startswith("on") for _, attrs in parsed.tags for k in attrs)
    text = "".join(parsed.text)
    assert SCRIPT in text and IMG in text  # shown to the reader, verbatim
    assert "&lt;script&gt;" in html


def test_html_highlights_matched_words_inside_escaped_text():
    html = render(sample_report(), "html")
    assert "<mark>Peta Rencana</mark>" in html
    assert "<mark>&lt;img</mark>" in html  # a match that contains '<' is escaped inside the mark
    assert "<mark>&amp;</mark>" in html
    assert re.search(r"<mark>[^<]*<(?!/mark)", html) is None  # nothing but text inside a mark


def test_highlight_segments_cover_the_quote_exactly():
    quote = "Peta Rencana SPBE dan peta rencana; Rencana SPBE"
    runs = highlight_segments(quote, ["Peta Rencana", "Rencana SPBE", "absent"])
    assert "".join(r for r, _ in runs) == quote
    assert [r for r, hit in runs if hit] == ["Peta Rencana SPBE", "Rencana SPBE"]


def test_html_is_self_contained_and_script_free():
    html = render(sample_report(), "html")
    assert not re.search(r"<script|<link|<iframe|@import|url\(|src=\"http|href=\"http", html)
    assert "@page" in html and "size: A4" in html and "break-inside: avoid" in html


def test_every_status_rendered_with_its_label_in_both_languages():
    for lang in ("id", "en"):
        html = render(sample_report(), "html", lang)
        assert f'<html lang="{lang}">' in html
        for status in STATUSES:
            assert f'data-status="{status}"' in html
            assert f'<span class="badge {status}">{LABELS[lang]["status"][status]}</span>' in html
    assert "tidak ditemukan" in render(sample_report(), "html", "id")
    assert "not found" in render(sample_report(), "html", "en")
    assert "Perkiraan dari teks, bukan hasil evaluasi" in render(sample_report(), "html", "id")


def test_label_tables_have_the_same_keys():
    def shape(d):
        return {k: shape(v) if isinstance(v, dict) else None for k, v in d.items()}
    assert shape(LABELS["id"]) == shape(LABELS["en"])


def test_counts_shown_equal_the_summary():
    report = sample_report()
    html = render(report, "html")
    shown = {m[0]: int(m[1]) for m in re.findall(r'data-status="(\w+)" data-count="(\d+)"', html)}
    assert shown == report["summary"]["counts"]
    assert f'data-score="{report["summary"]["score"]}"' in html


def test_basis_is_never_more_precise_than_known():
    html = render(sample_report(), "html", "id")
    assert "Penyelenggara SPBE (nomor pasal belum diverifikasi)" in html  # topic
    assert "Pasal 34–39" in html  # range printed as a range
    en = render(sample_report(), "html", "en")
    assert "Penyelenggara SPBE (article number not verified)" in en


def test_suggestions_only_for_gaps_with_the_right_kepala_daerah():
    html = render(sample_report("perwal"), "html")
    ids = re.findall(r'<div class="suggestion" id="saran-([\w-]+)"', html)
    assert ids == ["prinsip", "peta-rencana", "audit-keamanan", "aplikasi"]  # partial, conflict, missing
    clause = html[html.index('id="saran-peta-rencana"'):]
    assert "ditetapkan oleh Wali Kota" in clause
    assert "5 (lima) tahun" in clause
    assert "Pasal 19 Peraturan Presiden Nomor 95 Tahun 2018" in clause  # text: the article may be cited
    aplikasi = html[html.index('id="saran-aplikasi"'):]
    assert "Pasal 34" not in aplikasi.split("</div>")[2]  # range: the clause cites the Perpres as a whole
    assert "ditetapkan oleh Bupati" in render(sample_report("perbup"), "html")
    assert "«Bupati/Wali Kota»" in render(sample_report("perda"), "html")


def test_every_catalog_entry_has_a_suggestion_template():
    from compliance.catalog import load_catalog
    from compliance.resources import data_dir

    ids = [entry.id for entry in load_catalog().entries]
    templates = {p.stem for p in (data_dir("templates") / "suggestions").glob("*.j2")}
    assert len(ids) == 31 and set(ids) <= templates  # the Perpres's 28 and the Pemdi supplement's 3


def test_render_is_deterministic():
    for fmt in ("html", "json", "csv", "md"):
        for lang in ("id", "en"):
            assert render(sample_report(), fmt, lang).encode() == render(sample_report(), fmt, lang).encode()


def test_json_is_the_report_dict_with_sorted_keys():
    import json

    text = render(sample_report(), "json")
    assert json.loads(text) == sample_report()
    assert text == json.dumps(sample_report(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "  =1", FORMULA])
def test_csv_neutralises_formula_cells(cell):
    assert neutralise(cell).startswith("'")


def test_csv_rows_and_injection():
    text = render(sample_report(), "csv", "id")
    assert text.startswith(BOM)
    rows = list(csv.reader(io.StringIO(text[len(BOM):])))
    assert rows[0] == ["id", "judul", "kelompok", "dasar", "keyakinan_dasar", "status", "pasal_bukti",
                       "kutipan_pertama", "unsur_belum_ada", "pertentangan", "indikator_spbe-2020"]
    assert len(rows) == 1 + len(sample_report()["findings"])
    for row in rows[1:]:
        for cell in row:
            assert not cell.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")), cell
    aplikasi = next(r for r in rows if r[0] == "aplikasi")
    assert aplikasi[7] == "'" + FORMULA + " aplikasi" and aplikasi[8] == "'" + FORMULA
    peta = next(r for r in rows if r[0] == "peta-rencana")
    assert peta[5] == "bertentangan" and peta[6] == "Pasal 9 ayat (2)"
    assert "Nasional 5 (lima) tahun / Daerah 10 (sepuluh) tahun" in peta[9]
    assert SCRIPT in peta[7]  # CSV keeps the verbatim quote; it is data, not markup
    en = list(csv.reader(io.StringIO(render(sample_report(), "csv", "en")[1:])))
    assert en[0][0:3] == ["id", "title", "group"] and next(r for r in en if r[0] == "audit-keamanan")[5] == "not found"


def test_markdown_escapes_regulation_text():
    md = render(sample_report(), "md", "id")
    assert not re.search(r"(?<!\\)<", md)  # every tag opener escaped
    assert r"\<script\>" in md
    assert "**Peta Rencana**" in md
    assert "| bertentangan | 1 |" in md
    assert "> Pasal «…»" in md


EXAMPLE_NAMES = ("perbup-sukamaju-2016-egov.txt", "perwal-tirtaraya-2017-tik.txt", "perwal-banyuasri-2022-spbe.txt")


@cache
def checked_result(example: str):
    """The real check of a project sample regulation (a CheckResult)."""
    from compliance.check import check
    from conftest import EXAMPLES

    path = EXAMPLES / example
    if not path.exists():
        pytest.skip(f"sample regulation not available ({path})")
    return check(path)


def checked(example: str) -> dict:
    """The real check of a project sample regulation, as its report@1 dict."""
    return checked_result(example).to_dict()


def citation_graph_svg(example: str) -> str:
    """The citation graph the CLI puts in the report (``compliance.report.graph_svg``)."""
    from compliance.report.graph_svg import graph_svg

    result = checked_result(example)
    return graph_svg(result.regulation, result.findings, result.catalog, "id")


@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_real_check_renders_every_finding(example):
    from compliance.report.templating import highlight

    report = checked(example)
    html = render(report, "html")
    rows = {}
    for number, finding in enumerate(report["findings"], 1):
        row = html[html.index(f'data-requirement="{finding["requirement"]}" data-status="{finding["status"]}"'):]
        rows[number] = row = row[: row.index("</tr>")]
        for ev in finding["evidence"]:  # every quote, escaped and highlighted: in its row, or once in an earlier one
            quote = str(highlight(ev["quote"], ev["matched"]))
            if quote not in row:
                earlier = int(re.search(re.escape(f'{view.pasal_ref(ev, LABELS["id"])}</a></span>') +
                                        r'\s*<span class="muted">\([^<]*<a href="#req-[^"]+">(\d+)</a>\)', row)[1])
                assert earlier < number and str(escape(ev["quote"])) in re.sub(r"</?mark>", "", rows[earlier])
        for conflict in finding["conflicts"]:
            assert str(escape(conflict["regional"])) in row and str(escape(conflict["national"])) in row
        has_suggestion = f'id="saran-{finding["requirement"]}"' in html
        assert has_suggestion == (finding["status"] in ("partial", "conflict", "missing"))
    shown = {m[0]: int(m[1]) for m in re.findall(r'data-status="(\w+)" data-count="(\d+)"', html)}
    assert shown == report["summary"]["counts"]
    assert html.count('<li class="pasal" id="pasal-') == len(report["regulation"]["articles"])
    targets = set(re.findall(r'<li class="pasal" id="([^"]+)"', html))
    assert set(re.findall(r'<a href="#(pasal-[^"]+)"', html)) <= targets  # every Pasal link lands in the outline
    kepala = {"perbup": "Bupati", "perwal": "Wali Kota"}[report["regulation"]["metadata"]["jenis_kode"]]
    other = {"Bupati": "Wali Kota", "Wali Kota": "Bupati"}[kepala]
    suggestions = html[html.index('id="suggestions"'):html.index('id="outline"')]
    assert f"oleh {kepala}" in suggestions and other not in suggestions


def test_real_check_in_markdown_and_csv():
    report = checked("perwal-banyuasri-2022-spbe.txt")
    md = render(report, "md")  # the outline comes from the report's own regulation
    assert not re.search(r"(?<!\\)<", md)
    assert f"**Pasal {report['regulation']['articles'][-1]['label']}**" in md
    rows = list(csv.reader(io.StringIO(render(report, "csv")[len(BOM):])))
    assert [r[0] for r in rows[1:]] == [f["requirement"] for f in report["findings"]]
    titles = {g["id"]: g["title"] for g in report["summary"]["groups"]}
    assert [r[2] for r in rows[1:]] == [titles[f["group"]] for f in report["findings"]]


def test_topic_basis_note_is_not_doubled():
    report = checked("perwal-banyuasri-2022-spbe.txt")
    html = render(report, "html")
    assert "(nomor pasal belum diverifikasi)" in html
    assert "(nomor pasal belum diverifikasi) (nomor pasal belum diverifikasi)" not in html
    doubled = dict(report, findings=[dict(f, basis=f"{f['basis']} (nomor pasal belum diverifikasi)")
                                     if f["basis_confidence"] == "topic" else f for f in report["findings"]])
    assert render(doubled, "html") == html
    en = render(report, "html", "en")
    assert "(article number not verified)" in en and "belum diverifikasi" not in en.split('id="suggestions"')[0]


def test_units_outside_the_articles_are_named_as_such():
    report = checked("perbup-sukamaju-2016-egov.txt")
    html = render(report, "html")
    assert "Mengingat angka" in html and "Pasal Mengingat" not in html


def test_hostile_text_through_the_real_pipeline_stays_escaped(tmp_path):
    """Markup typed into a regulation (tentang, an article the matcher quotes) reaches
    every format escaped: checked end to end, not only with hand-built findings."""
    from compliance.check import check
    from conftest import EXAMPLES

    source = EXAMPLES / "perwal-banyuasri-2022-spbe.txt"
    if not source.exists():
        pytest.skip(f"sample regulation not available ({source})")
    text = source.read_text(encoding="utf-8")
    text = text.replace("PENYELENGGARAAN SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK\n",
                        f"PENYELENGGARAAN SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK {IMG}\n", 1)
    text = text.replace("untuk kurun waktu 10 (sepuluh) tahun.", f"untuk kurun waktu 10 (sepuluh) tahun {SCRIPT}.", 1)
    hostile = tmp_path / "perwal-hostile.txt"
    hostile.write_text(text, encoding="utf-8")
    report = check(hostile).to_dict()
    quotes = [e["quote"] for f in report["findings"] for e in f["evidence"]]
    assert any(SCRIPT in q for q in quotes)  # the matcher did quote the hostile sentence
    for lang in ("id", "en"):
        html = render(report, "html", lang)
        parsed = _parse(html)
        assert not {"script", "img"} & {t for t, _ in parsed.tags}
        assert SCRIPT in "".join(parsed.text)
    assert not re.search(r"(?<!\\)<", render(report, "md"))
    again = check(hostile).to_dict()
    for fmt in ("json", "html", "csv", "md"):  # byte-identical from run to run
        assert render(report, fmt).encode() == render(again, fmt).encode(), fmt


@pytest.mark.parametrize("jenis_kode,kepala", [("perbup", "Bupati"), ("perwal", "Wali Kota"), ("pergub", "Gubernur")])
def test_every_suggestion_cites_the_perpres_no_more_precisely_than_known(jenis_kode, kepala):
    from compliance.catalog import load_catalog
    from compliance.report.templating import suggestion

    other_basis = {e.id for e in load_catalog("pemdi-2026-supplement").entries}  # another law, no article known
    for entry in load_catalog().entries:
        finding = Finding(entry.id, entry.title_in("id"), entry.group, entry.basis.printable("id"),
                          entry.basis.confidence, "missing", missing_elements=["unsur «x»"]).to_dict()
        clause = suggestion(finding, {"jenis_kode": jenis_kode, "jenis": "Peraturan"}).unescape()
        assert clause.startswith("Mengingat:" if entry.check == "mengingat" else "Pasal «…»"), entry.id
        assert ("Peraturan Presiden Nomor 95 Tahun 2018" in clause) != (entry.id in other_basis), entry.id
        cited = re.findall(r"(Pasal \d+(?: ayat \(\d+\))?) Peraturan Presiden", clause)
        if entry.basis.confidence in ("text", "number"):
            assert cited == [entry.basis.printable("id")], entry.id
        else:
            assert cited == [], entry.id  # a range or a topic: the Perpres is cited as a whole
        assert re.search(r"\bPasal \d", clause) is None or cited, entry.id
        others = {"Bupati", "Wali Kota", "Gubernur"} - {kepala}
        assert not any(o in clause for o in others), entry.id
        assert "{{" not in clause and "{%" not in clause


def test_an_entry_without_its_own_template_gets_the_generic_clause():
    from compliance.report.templating import suggestion

    finding = Finding("entri-baru", "Entri <baru>", "x", "Pasal 7", "number", "partial",
                      missing_elements=["unsur A", "unsur B"]).to_dict()
    clause = suggestion(finding, {"jenis_kode": "perwal"})
    assert "Entri &lt;baru&gt;" in clause  # autoescaped like every template
    text = clause.unescape()
    assert "Wali Kota menyelenggarakan Entri <baru> sesuai dengan ketentuan Pasal 7 Peraturan Presiden" in text
    assert "a. unsur A;" in text and "b. unsur B." in text and "(3) Ketentuan lebih lanjut" in text


def test_citation_graph_block_only_when_given():
    report = checked("perwal-banyuasri-2022-spbe.txt")
    assert 'id="graph"' not in render(report, "html")
    html = render(report, "html", graph_svg=citation_graph_svg("perwal-banyuasri-2022-spbe.txt"))
    graph = html[html.index('<section id="graph"'):html.index('<section id="outline"')]
    assert '<svg' in graph and "<script" not in graph


def with_national(report: dict, official_text: str) -> dict:
    """The report as the CLI builds it with --national: the catalog verified against an
    'official' text (a stand-in: the real Perpres is not bundled)."""
    from compliance.catalog import load_catalog
    from compliance.clean import clean
    from compliance.parse import parse
    from compliance.verify import verify

    official = parse(clean([Page(1, official_text)]), Source("perpres-95-2018.pdf", "cd" * 32, 1))
    return dict(report, national={"file": "perpres-95-2018.pdf", "sha256": "cd" * 32,
                                  "verifications": [v.to_dict() for v in verify(load_catalog(), official)]})


OFFICIAL_STANDIN = "\n".join(
    ["PERATURAN PRESIDEN REPUBLIK INDONESIA", "NOMOR 95 TAHUN 2018", "TENTANG",
     "SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK", "", "MEMUTUSKAN:", ""]
    + [f"Pasal {n}\nKetentuan contoh nomor {n}." for n in range(1, 19)]
    + ["Pasal 19", "(1) Peta Rencana SPBE Pemerintah Daerah berpedoman pada Peta Rencana SPBE Nasional.",
       f"(2) Peta Rencana SPBE Pemerintah Daerah disusun untuk jangka waktu 5 (lima) tahun {SCRIPT}.", ""])


def test_national_verification_shown_next_to_findings_and_escaped():
    report = with_national(checked("perwal-banyuasri-2022-spbe.txt"), OFFICIAL_STANDIN)
    html = render(report, "html")
    peta = html[html.index('data-requirement="peta-rencana"'):]
    assert 'data-national="confirmed"' in peta[: peta.index("</tr>")]
    assert 'href="#resmi-peta-rencana"' in peta[: peta.index("</tr>")]
    official = html[html.index('<section id="official">'):]
    assert "jangka waktu 5 (lima) tahun &lt;script&gt;" in official
    audit = html[html.index('data-requirement="audit-keamanan"'):]
    assert 'data-national="article_missing"' in audit[: audit.index("</tr>")]
    assert "pasal tidak ditemukan dalam teks resmi" in html
    parsed = _parse(html)
    assert "script" not in {t for t, _ in parsed.tags}
    md = render(report, "md")
    assert "terkonfirmasi dalam teks resmi" in md and not re.search(r"(?<!\\)<", md)
    assert 'id="official"' not in render(checked("perwal-banyuasri-2022-spbe.txt"), "html")


def test_a_real_amending_act_from_the_corpus():
    """UU 19/2016 amends UU 11/2008 through Pasal I: its quotes sit in articles quoted
    inside Pasal I, and the report must say so rather than cite a bare 'Pasal 40'."""
    from compliance.check import check
    from compliance.report.templating import highlight
    from conftest import corpus_pdf

    report = check(corpus_pdf("UU_2016_019.pdf")).to_dict()
    inside = [e for f in report["findings"] for e in f["evidence"] if e["parent"]]
    assert inside, "expected evidence inside the amending Pasal I"
    html = render(report, "html")
    for ev in inside:
        ref = pasal_ref(ev, LABELS["id"])
        anchor = view.pasal_anchor(ev)  # linked to the inserted article in the outline
        assert ref.endswith(f"(dalam Pasal {ev['parent']})") and f'<a href="#{anchor}">{ref}</a></span>' in html
        assert f'id="{anchor}"' in html
    for ev in (e for f in report["findings"] for e in f["evidence"]):
        assert str(highlight(ev["quote"], ev["matched"])) in html
    assert "«Bupati/Wali Kota»" in html  # a national act: the drafter chooses who acts


# --- the citation layer in the report: Mengingat resolved, internal references, warnings ------

DANGLING_SAMPLE = """CONTOH — dokumen fiktif untuk pengujian compliance

PERATURAN BUPATI CONTOH
NOMOR 5 TAHUN 2020

TENTANG

PENYELENGGARAAN SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK

DENGAN RAHMAT TUHAN YANG MAHA ESA

BUPATI CONTOH,

Menimbang :
a. bahwa untuk melaksanakan Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik, perlu menetapkan Peraturan Bupati;

Mengingat :
1. Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah <b>lama</b>;
2. Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;
3. Peraturan Daerah Kabupaten Contoh Nomor … Tahun … tentang Perangkat Daerah <script>alert(1)</script>;

MEMUTUSKAN:

Menetapkan : PERATURAN BUPATI TENTANG PENYELENGGARAAN SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK.

Pasal 1
Dalam Peraturan Bupati ini yang dimaksud dengan:
1. Daerah adalah Kabupaten Contoh.
2. Bupati adalah Bupati Contoh.

Pasal 2
(1) Bupati menyusun Arsitektur SPBE Pemerintah Daerah.
(2) Arsitektur SPBE sebagaimana dimaksud pada ayat (1) disusun untuk jangka waktu 5 (lima) tahun.

Pasal 3
(1) Bupati menetapkan Peta Rencana SPBE.
(2) Peta Rencana SPBE disusun sesuai dengan ketentuan sebagaimana dimaksud dalam Pasal 9 ayat (2).

Pasal 4
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.

Ditetapkan di Contoh
pada tanggal 2 Januari 2020
BUPATI CONTOH,
ttd
"""


@pytest.fixture(scope="module")
def dangling_sample(tmp_path_factory) -> tuple:
    """A small regulation whose Pasal 3 cites a Pasal 9 ayat (2) it lacks and whose Mengingat
    cites the revoked UU 32/2004 and a blank Perda: the CLI's JSON report and the check result."""
    import json

    from click.testing import CliRunner

    from compliance.check import check
    from compliance.cli import main

    path = tmp_path_factory.mktemp("dangling") / "perbup-contoh-2020-5.txt"
    path.write_text(DANGLING_SAMPLE, encoding="utf-8")
    run = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert run.exit_code == 0, run.output
    return json.loads(run.output), check(path)


def with_citations(example: str) -> dict:
    """A sample's report as the CLI builds it: with the Mengingat list resolved and internal references."""
    from compliance.report.citations import citation_sections

    result = checked_result(example)
    return dict(checked(example), **citation_sections(result.regulation))


def _row(html: str, marker: str) -> str:
    row = html[html.index(marker):]
    return row[: row.index("</tr>")]


def test_cli_json_adds_mengingat_and_internal_references(dangling_sample):
    report, result = dangling_sample
    assert set(result.to_dict()) <= set(report)  # report@1 keys unchanged, three added
    assert set(report) - set(result.to_dict()) == {"mengingat", "internal_references", "reference_review"}
    assert [(r["where"], r["reference"], r["page"]) for r in report["internal_references"]] == \
        [("Pasal 3 ayat (2)", "Pasal 9 ayat (2)", 1)]
    first, second, third = report["mengingat"]
    assert [(a["target"], a["revoked_by"]) for a in first["acts"]] == [("uu/2004/32", "uu/2014/23")]
    assert [a["target"] for a in second["acts"]] == ["perpres/2018/95"]
    assert third["text"].endswith("<script>alert(1)</script>;")  # verbatim
    blank = "Peraturan Daerah Kabupaten Contoh Nomor … Tahun …"
    assert [(a["resolved"], a["raw"]) for a in third["acts"]] == [(False, blank)]


@pytest.mark.parametrize("lang,sentence,revoked,unknown", [
    ("id", "Pasal 3 ayat (2) merujuk Pasal 9 ayat (2), yang tidak ada", "dicabut oleh UU 23/2014", "tidak dikenali"),
    ("en", "Pasal 3 ayat (2) refers to Pasal 9 ayat (2), which does not exist", "revoked by UU 23/2014",
     "not recognised")])
def test_html_shows_dangling_reference_and_revoked_mengingat_escaped(dangling_sample, lang, sentence, revoked, unknown):
    report, _ = dangling_sample
    html = render(report, "html", lang)
    refs = html[html.index('<section id="internal-references">'):]
    refs = refs[: refs.index("</section>")]
    assert LABELS[lang]["internal_refs"] in refs
    assert _row(refs, 'data-reference="perbup/contoh/2020/5#pasal-9-ayat-2"').count("<td>") == 3
    assert sentence in refs
    first = _row(html, 'data-mengingat="1"')
    assert first.count(revoked) == 1 and 'class="revoked"' in first and 'data-act="uu/2004/32"' in first
    assert "UU 32/2004" in first and ">uu/2004/32<" not in first  # named as a reader cites it, the id stays in data
    assert 'data-act="perpres/2018/95"' in _row(html, 'data-mengingat="2"')
    third = _row(html, 'data-mengingat="3"')
    assert unknown in third and "Peraturan Daerah Kabupaten Contoh Nomor … Tahun …" in third
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in third and "&lt;b&gt;lama&lt;/b&gt;" in html
    parsed = _parse(html)
    assert not {"script", "b"} & {t for t, _ in parsed.tags}
    text = "".join(parsed.text)
    assert "<script>alert(1)</script>" in text and "<b>lama</b>" in text  # shown verbatim
    assert 'data-alert="internal-references"' in html and 'data-alert="revoked"' in html
    assert 'href="#internal-references"' in html and 'href="#mengingat"' in html
    assert 'data-warning="dangling-reference"' not in html  # listed once, in its own section


def test_sections_come_from_the_parsed_regulation_when_the_report_lacks_them(dangling_sample):
    report, result = dangling_sample
    plain = result.to_dict()
    assert render(plain, "html", regulation=result.regulation) == render(report, "html", regulation=result.regulation)
    assert 'id="mengingat"' not in render(plain, "html")  # neither the keys nor the text: nothing to show


def test_markdown_shows_dangling_reference_and_mengingat_escaped(dangling_sample):
    report, _ = dangling_sample
    md = render(report, "md", "id")
    assert "- Pasal 3 ayat (2) merujuk Pasal 9 ayat (2), yang tidak ada (halaman 1)" in md
    assert "UU 32/2004 — **dicabut oleh UU 23/2014**" in md
    assert "*tidak dikenali*" in md
    assert not re.search(r"(?<!\\)<", md)
    assert "refers to Pasal 9 ayat" in render(report, "md", "en")


def _empty_headings(html: str) -> list[str]:
    """Headings followed directly by the end of their section (or another heading)."""
    return re.findall(r"<h[23][^>]*>[^<]*</h[23]>\s*(?:</section>|<h[23])", html)


def test_a_report_without_citation_findings_has_no_empty_sections():
    for report in (sample_report(), dict(sample_report(), mengingat=[], internal_references=[])):
        for lang in ("id", "en"):
            html = render(report, "html", lang)
            for section in ("internal-references", "mengingat", "warnings"):
                assert f'id="{section}"' not in html and f'href="#{section}"' not in html
            assert 'class="alerts"' not in html and _empty_headings(html) == []
            md = render(report, "md", lang)
            assert LABELS[lang]["mengingat"] not in md and LABELS[lang]["internal_refs"] not in md
            assert not re.search(r"^## .*\n\n(?:## |\Z)", md, re.M)


@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_real_samples_show_every_mengingat_entry_verbatim(example):
    report = with_citations(example)
    regulation = checked_result(example).regulation
    html = render(report, "html")
    assert html.count('<tr data-mengingat="') == len(regulation.mengingat) > 0
    for entry in regulation.mengingat:
        assert f'<td class="verbatim">{escape(entry.text)}</td>' in html
    assert ('id="internal-references"' in html) == bool(report["internal_references"])
    assert _empty_headings(html) == []


def test_parse_warnings_rendered_as_sentences_with_their_page():
    report = sample_report()
    report["regulation"]["warnings"] = [
        {"code": "article-number-skip", "detail": f"5 → 7 {SCRIPT}", "page": 3},
        {"code": "metadata-missing", "detail": "", "page": None},
        {"code": "dangling-reference", "detail": "Pasal 3: Pasal 9", "page": None},
    ]
    for lang, sentence in (("id", "nomor pasal melompat"), ("en", "article numbers jump")):
        html = render(report, "html", lang)
        section = html[html.index('<section id="warnings">'):]
        section = section[: section.index("</section>")]
        skip = _row(section, 'data-warning="article-number-skip"')
        assert sentence in skip and "<td>3</td>" in skip and "&lt;script&gt;" in skip and "{page}" not in skip
        assert 'data-warning="metadata-missing"' in section
        assert "dangling-reference" not in section  # has its own section
        assert 'href="#warnings"' in html
    md = render(report, "md", "en")
    assert "article numbers jump" in md and not re.search(r"(?<!\\)<", md)


def test_a_reference_read_in_its_context_says_which_part_it_was_read_as():
    from compliance.report.view import pinpoint_label

    report = dict(sample_report(), internal_references=[
        {"where": "Pasal 9 ayat (2)", "reference": "ayat (2) huruf b", "page": 8,
         "target": "permen/kominfo/2018/11#pasal-9-ayat-2-huruf-b",
         "place": {"part": "pasal", "pasal": "9", "ayat": "2", "item": None}}])
    html = render(report, "html")
    assert "Pasal 9 ayat (2) merujuk ayat (2) huruf b (Pasal 9 ayat (2) huruf b), yang tidak ada" in html
    assert pinpoint_label("x#pasal-12a-angka-3") == "Pasal 12A angka 3"
    assert pinpoint_label("x#menimbang-huruf-d") == "Menimbang huruf d" and pinpoint_label("x") == ""


def _evidence_marks(html: str, finding: dict) -> list[bool]:
    """For each evidence quote of ``finding`` in the HTML, whether it carries the OCR mark."""
    row = html[html.index(f'data-requirement="{finding["requirement"]}" data-status="{finding["status"]}"'):]
    row = row[: row.index("</tr>")]
    return [m == " ocr" for m in re.findall(r'<div class="evidence( ocr)?(?: seen)?">', row)]


@pytest.mark.parametrize("lang, note", [("id", "teks hasil OCR — periksa kutipan"), ("en", "OCR text — check the quotes")])
def test_quotes_from_pages_read_by_ocr_are_marked(lang, note):
    import compliance
    from compliance.check import check
    from conftest import EXAMPLES

    path = EXAMPLES / "perwal-banyuasri-2022-spbe.pdf"
    if not path.exists():
        pytest.skip(f"sample regulation not available ({path})")
    regulation = compliance.load(path, ocr="never")
    plain = render(check(regulation, lang=lang).to_dict(), "html", lang)
    assert note not in plain and 'class="evidence ocr"' not in plain and 'class="ocr-mark"' not in plain
    quoted = [(ev.pasal, ev.parent) for f in check(regulation).findings for ev in f.evidence]
    chosen = next(a for a in regulation.articles if (a.label, a.parent) in quoted and a.page > 1)
    regulation.source.ocr_pages = [chosen.page - 1, chosen.page]
    result = check(regulation, lang=lang)
    html = render(result.to_dict(), "html", lang)
    header = html[html.index("<header>"):html.index("</header>")]
    assert note in header and f'data-ocr-pages="{chosen.page - 1}–{chosen.page}"' in header
    marked = set()
    for finding in result.to_dict()["findings"]:
        marks = _evidence_marks(html, finding)
        assert len(marks) == len(finding["evidence"])
        marked |= {(ev["pasal"], ev["parent"]) for ev, mark in zip(finding["evidence"], marks) if mark}
    assert (chosen.label, chosen.parent) in marked
    starts = {(a.label, a.parent): a.page for a in regulation.articles}
    assert all(starts[key] <= chosen.page for key in marked)  # nothing that starts after the OCR'd pages
    assert len(marked) < len(set(quoted))


def test_page_ranges_are_compact():
    from compliance.report.view import page_ranges

    assert page_ranges([7, 1, 2, 3, 9, 10]) == "1–3, 7, 9–10" and page_ranges([]) == ""


def test_only_a_very_tall_row_may_continue_overleaf_and_rows_without_evidence_span_both_columns():
    from compliance.report.html import LONG_ROW_CHARS

    report = sample_report()
    long_quote = "Pasal panjang " * (LONG_ROW_CHARS // 10)
    report["findings"][2]["evidence"] = [dict(report["findings"][2]["evidence"][0], quote=long_quote, matched=[])]
    html = render(report, "html")
    classes = dict(re.findall(r'<tr id="req-([^"]+)" class="([^"]*)"', html))
    assert classes["tim-koordinasi"] == "fulfilled long" and classes["prinsip"] == "partial"
    missing = _row(html, 'data-requirement="audit-keamanan"')
    assert '<td colspan="2" class="no-evidence">' in missing and LABELS["id"]["no_evidence"] in missing


def test_template_names_read_dict_items_and_attributes_as_jinja_does():
    """The environment looks a plain dict's item up first only where no dict attribute has
    the name: ``d.items`` is still the method, a missing item still undefined (an error)."""
    import jinja2

    from compliance.report.templating import environment

    env = environment()
    page = env.from_string("{{ d.title }}|{{ d['items'] }}|{{ d.items()|list|length }}|{{ o.real }}")
    assert page.render(d={"title": "<b>", "items": "x"}, o=3) == "&lt;b&gt;|x|2|3"
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ d.missing }}").render(d={})


def test_printed_values_are_escaped_as_markupsafe_escapes_them():
    """Every ``{{ value }}`` prints through ``escape_output``: the same text as markupsafe's
    escape for any string (hostile ones too), markup left as it is, other values through markupsafe."""
    import random

    import jinja2
    from markupsafe import Markup, escape

    from compliance.report.templating import environment, escape_output

    rng = random.Random(11)
    alphabet = "&<>'\"a; #x\u00a0«»\n&amp;"
    samples = ["", "&amp;", "<script>alert('x')</script>", '"quoted" & <b>'] + [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(300)]
    for text in samples:
        assert escape_output(text) == str(escape(text))
    assert escape_output(Markup("<mark>a</mark>")) == "<mark>a</mark>"
    assert escape_output(12) == "12" and escape_output(None) == "None"
    for value in (0, -7, 10**30, True, 2.5, float("inf")):
        assert escape_output(value) == str(escape(value))
    env = environment()
    page = env.from_string("{% macro m(x) %}<i>{{ x }}</i>{% endmacro %}{{ a }}|{{ m(a) }}|{{ b }}|{{ n }}")
    assert page.render(a="<a href='x'>&", b=Markup("<br>"), n=3.5) == (
        "&lt;a href=&#39;x&#39;&gt;&amp;|<i>&lt;a href=&#39;x&#39;&gt;&amp;</i>|<br>|3.5")
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing }}").render()


@pytest.mark.parametrize("broken", ["raises", "unescaped"])
def test_a_jinja_that_changed_the_escaping_hook_gets_jinjas_own_escaping(monkeypatch, broken):
    """The hook overrides a private jinja method: when it fails to compile, or prints
    differently from jinja's own escaping, the environment falls back to the stock code
    generator, and hostile text still reaches the page escaped."""
    from compliance.report import templating

    def raising(self, node, frame, finalize):
        raise TypeError("changed signature")

    def unescaped(self, node, frame, finalize):
        self.write("str(")
        if finalize.src is not None:
            self.write(finalize.src)

    assert templating.environment().code_generator_class is templating._CodeGenerator  # this jinja: hook on
    monkeypatch.setattr(templating._CodeGenerator, "_output_child_pre", raising if broken == "raises" else unescaped)
    templating.environment.cache_clear()
    try:
        env = templating.environment()
        assert env.code_generator_class is not templating._CodeGenerator
        assert env.from_string("{{ x }}").render(x="<b>&") == "&lt;b&gt;&amp;"
    finally:
        templating.environment.cache_clear()
        templating._suggestion_template.cache_clear()


def test_report_outline_reads_a_parsed_regulation_as_its_dict_form():
    """The report outline of a parsed ``Regulation`` is the outline of its ``to_dict()``
    (headings once where they change, quoted articles under their amending one)."""
    from compliance.models import Article, Heading, Regulation, Source
    from compliance.report import view

    reg = Regulation(source=Source("x.txt", "0" * 64, 1))
    umum, lain = Heading("I", "KETENTUAN UMUM"), Heading("II", "KETENTUAN <LAIN>")
    reg.articles = [Article("1", "Dalam Peraturan ini yang dimaksud dengan: 1. Daerah.", 1, bab=umum),
                    Article("2", "Bupati menetapkan kebijakan.", 1, bab=umum, bagian=Heading("Kesatu", "Umum")),
                    Article("I", "Beberapa ketentuan diubah.", 2, bab=lain),
                    Article("7", "Pasal yang diubah.", 2, bab=lain, parent="I")]
    entries = view.outline_entries(reg)
    assert entries == view.outline_entries(reg.to_dict())
    assert [e["kind"] for e in entries] == ["bab", "pasal", "bagian", "pasal", "bab", "pasal", "pasal"]
    assert entries[-1]["anchor"] == "pasal-i-7" and entries[-1]["parent"] == "I"
