"""Suggested clauses (compliance.report.templating.suggestion): a clause that reads nothing of
the finding is printed once per process for who acts and how the Perpres is cited; one that
reads the finding (the generic clause) is printed for each finding."""

from compliance.catalog import load_catalog
from compliance.models import Finding
from compliance.report import view
from compliance.report.templating import _suggestion_template, escape_output, highlight, placeholders, suggestion


def _finding(entry, missing):
    return Finding(entry.id, entry.title_in("id"), entry.group, entry.basis.printable("id"), entry.basis.confidence,
                   "missing", missing_elements=missing).to_dict()


def test_a_clause_of_the_catalog_alone_is_the_same_for_every_finding_and_kept_once():
    entry = next(e for e in load_catalog().entries if not _suggestion_template(e.id).reads_finding
                 and "Wali Kota" in suggestion(_finding(e, []), {"jenis_kode": "perwal"}))
    first = suggestion(_finding(entry, ["unsur A"]), {"jenis_kode": "perwal"})
    again = suggestion(_finding(entry, ["unsur B", "unsur C"]), {"jenis_kode": "perwal"})
    assert first == again and first is again  # kept, not printed again
    governor = suggestion(_finding(entry, ["unsur A"]), {"jenis_kode": "pergub"})
    assert "Gubernur" in governor and "Wali Kota" not in governor  # who acts is part of the key
    marked = suggestion(_finding(entry, ["unsur A"]), {"jenis_kode": "perwal"}, marked=True)
    assert marked == placeholders(first) and '<span class="placeholder">' in marked


def test_the_generic_clause_reads_each_finding():
    assert _suggestion_template("entri-baru").reads_finding
    entry = load_catalog().entries[0]
    new = Finding("entri-baru", "Entri <baru>", "x", "Pasal 7", "number", "partial",
                  missing_elements=["unsur <A>"]).to_dict()
    other = dict(new, title="Entri lain", missing_elements=["unsur B"])
    first, second = suggestion(new, {"jenis_kode": "perwal"}), suggestion(other, {"jenis_kode": "perwal"})
    assert "Entri &lt;baru&gt;" in first and "unsur &lt;A&gt;" in first  # escaped, as every template
    assert "Entri lain" in second and "unsur B" in second and "unsur &lt;A&gt;" not in second
    assert suggestion(new, {"jenis_kode": "perwal"}, marked=True) == placeholders(first)
    assert suggestion(dict(_finding(entry, []), status="fulfilled"), {"jenis_kode": "perwal"}) is None


def test_a_clause_that_takes_in_another_template_counts_as_reading_the_finding():
    from jinja2 import DictLoader, Environment

    from compliance.report.templating import _Clause

    env = Environment(loader=DictLoader({
        "outer.j2": "Bupati {{ kd }} {% include 'inner.j2' %}",
        "inner.j2": "{{ finding.title }}",
        "plain.j2": "{{ kd }} menetapkan {{ perpres }}.",
    }))
    assert _Clause(env.get_template("outer.j2")).reads_finding
    assert not _Clause(env.get_template("plain.j2")).reads_finding


def test_dict_lookups_compiled_inline_print_what_jinja_prints():
    from jinja2 import Environment, StrictUndefined
    from markupsafe import Markup

    from compliance.report.templating import _Environment, environment

    env = environment()
    assert type(env) is _Environment, "the hooked code generator passes its probe on this jinja"
    source = ("{{ d.a }}|{{ d.b.c }}|{{ d.items()|list|length }}|{{ d.get('a') }}|{{ d.z is defined }}"
              "|{% for k in d.b %}{{ k }}{% endfor %}|{{ s.upper() }}|{{ m.x }}|{{ (d.b or d.a).c }}")
    data = {"d": {"a": "<a&>", "b": {"c": Markup("<i>")}, "items": "shadowed by the method"}, "s": "x",
            "m": type("Obj", (), {"x": "'attr'"})()}
    stock = Environment(autoescape=True, undefined=StrictUndefined)
    assert env.from_string(source).render(**data) == stock.from_string(source).render(**data)
    assert "_ga[" in env.compile(source, raw=True), "dict items are read inline"


def test_printed_values_escaped_inline_print_what_jinja_prints():
    from jinja2 import Environment
    from markupsafe import Markup

    from compliance.report.templating import environment

    values = ["plain", "a&b", "<i>", "x>y", "it's", 'say "hi"', "", Markup("<b>ok</b>"), 3, 2.5, None, True,
              type("Obj", (), {"__str__": lambda self: "<obj>"})()]
    source = "{% for v in values %}[{{ v }}]{% endfor %}"
    assert "_eo" in environment().compile(source, raw=True), "a printed value is tested inline"
    expected = Environment(autoescape=True).from_string(source).render(values=values)
    assert environment().from_string(source).render(values=values) == expected
    assert "[a&amp;b][&lt;i&gt;][x&gt;y][it&#39;s][say &#34;hi&#34;][]" in expected


def test_a_highlighted_quote_escapes_each_run_whether_or_not_it_holds_a_special_character():
    """A quote without any of the five characters is joined as it is: the same page as escaping
    each run, which a quote holding one still gets."""
    quotes = [("Bupati menetapkan Arsitektur SPBE", ["Arsitektur SPBE", "Bupati"]),
              ("Data & <Informasi> \"Satu\" Data 'Daerah'", ["Data", "<Informasi>", "'Daerah'"]),
              ("tanpa kata", []), ("", ["x"])]
    for quote, matched in quotes:
        expected = "".join(f"<mark>{escape_output(run)}</mark>" if is_match else escape_output(run)
                           for run, is_match in view.highlight_segments(quote, matched))
        assert highlight(quote, matched) == expected
    assert "&lt;Informasi&gt;</mark>" in highlight(*quotes[1]) and "&amp;" in highlight(*quotes[1])
