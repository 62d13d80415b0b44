"""Reference review: each slip on a fixture with it and without it, and on real documents."""

import json

import pytest

from compliance.check import check
from compliance.clean import clean
from compliance.models import Page, Source
from compliance.parse import parse
from compliance.report import render_result
from compliance.review.review import review
from tests.conftest import CORPUS

HEAD = """PERATURAN WALI KOTA CONTOH
NOMOR 7 TAHUN 2023
TENTANG
SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK

WALI KOTA CONTOH,
Menimbang : a. bahwa penyelenggaraan SPBE perlu ditata;
b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf {menimbang}, perlu menetapkan Peraturan Wali Kota;
Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;
MEMUTUSKAN:
Menetapkan : PERATURAN WALI KOTA TENTANG SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK.

Pasal 1
Dalam Peraturan Wali Kota ini yang dimaksud dengan:
1. Daerah adalah Kota Contoh.
2. Sistem Pemerintahan Berbasis Elektronik yang selanjutnya disingkat SPBE adalah penyelenggaraan pemerintahan yang memanfaatkan teknologi informasi.

Pasal 2
(1) Wali Kota membentuk Tim Koordinasi SPBE.
(2) Tim Koordinasi SPBE sebagaimana dimaksud pada ayat {tim} diketuai oleh Sekretaris Daerah.
(3) Susunan keanggotaan ditetapkan dengan Keputusan Wali Kota.

Pasal 3
(1) Audit Teknologi Informasi dan Komunikasi SPBE meliputi:
a. audit infrastruktur SPBE;
b. audit aplikasi SPBE; dan
c. audit keamanan SPBE.
(2) Audit dilaksanakan paling sedikit 1 (satu) kali dalam 2 (dua) tahun.

Pasal 4
(1) Manajemen perubahan SPBE dilakukan untuk menjamin keberlangsungan layanan.
(2) Manajemen perubahan SPBE meliputi perencanaan, analisis, pengembangan, implementasi, pemantauan dan evaluasi.

Pasal 5
Audit infrastruktur SPBE sebagaimana dimaksud dalam Pasal {audit} dilaksanakan oleh Perangkat Daerah yang membidangi komunikasi dan informatika.

Pasal 6
(1) Peta Rencana SPBE disusun untuk jangka waktu 5 (lima) tahun.
(2) Peta Rencana SPBE ditetapkan oleh Wali Kota.
{ayat_gap}

Pasal 7
Layanan SPBE meliputi:
a. layanan administrasi pemerintahan;
b. layanan publik; {huruf_gap}

{pasal_gap}
Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.
"""

CLEAN = {"menimbang": "a", "tim": "(1)", "audit": "3 ayat (1) huruf a", "ayat_gap": "(3) Peta Rencana SPBE direviu.",
         "huruf_gap": "dan\nc. layanan pengaduan.", "pasal_gap": "Pasal 8"}
SLIPS = {"menimbang": "b", "tim": "(2)", "audit": "4 ayat (1)", "ayat_gap": "(3) Peta Rencana SPBE direviu.\n(5) Reviu dilakukan oleh Wali Kota.",
         "huruf_gap": "dan\na. layanan pengaduan.", "pasal_gap": "Pasal 9"}


def _reg(values):
    return parse(clean([Page(1, HEAD.format(**values))]), Source("perwal.txt", "0" * 64, 1))


def _notes(values):
    return {(n.code, n.where): n for n in review(_reg(values))}


def test_no_warning_on_the_clean_text():
    assert [n for n in _notes(CLEAN).values() if n.code != "dangling-reference"] == []


def test_self_references_in_an_ayat_and_in_menimbang():
    notes = _notes({**CLEAN, "menimbang": "b", "tim": "(2)"})
    assert ("self-reference", "Pasal 2 ayat (2)") in notes
    assert ("self-reference", "Menimbang b") in notes
    assert notes[("self-reference", "Pasal 2 ayat (2)")].reference == "ayat (2)"


def test_misdirected_reference_names_the_likely_target():
    notes = _notes({**CLEAN, "audit": "4 ayat (1)"})
    note = notes[("misdirected-reference", "Pasal 5")]
    assert note.reference == "Pasal 4 ayat (1)"
    assert note.subject == "Audit infrastruktur SPBE"
    assert note.suggestion == "Pasal 3 ayat (1) huruf a"


def test_numbering_gaps():
    notes = _notes({**CLEAN, "ayat_gap": SLIPS["ayat_gap"], "huruf_gap": SLIPS["huruf_gap"],
                    "pasal_gap": "Pasal 9"})
    details = sorted(n.detail for n in notes.values() if n.code == "numbering-gap")
    assert "ayat (3) → (5)" in details
    assert "b → a" in details
    assert "Pasal 7 → Pasal 9" in details


def test_report_lists_places_to_check_without_changing_the_score():
    clean_result, slipped = check(_reg(CLEAN)), check(_reg(SLIPS))
    assert clean_result.score == slipped.score
    data = json.loads(render_result(slipped, "json"))
    codes = {n["code"] for n in data["reference_review"]}
    assert codes == {"self-reference", "misdirected-reference", "numbering-gap"}
    assert all(f["status"] in {"fulfilled", "partial", "conflict", "missing", "not_applicable"} for f in data["findings"])
    html = render_result(slipped, "html")
    assert "Rujukan yang perlu diperiksa" in html and "kemungkinan yang dimaksud Pasal 3 ayat (1) huruf a" in html
    assert "Rujukan yang perlu diperiksa" not in render_result(clean_result, "html")
    assert "Rujukan yang perlu diperiksa" in render_result(slipped, "md")


@pytest.mark.parametrize("name, code, where", [
    ("PERMENKOMINFO_2024_006.pdf", "self-reference", "Pasal 38 ayat (3)"),  # "... pada ayat (3)" inside ayat (3)
    ("PERMENKOMINFO_2022_016.pdf", "numbering-gap", "Pasal 33"),  # the PDF jumps from Pasal 31 to 33
])
def test_real_slips_in_the_corpus(name, code, where):
    from compliance import load

    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"shared corpus not available ({path})")
    assert (code, where) in {(n.code, n.where) for n in review(load(path))}


@pytest.mark.parametrize("text, label, style, found", [
    ("aplikasi; d. x", "b", "huruf", "d"),  # the shortest later mark a point's text can hold
    ("aplikasi; d.", "b", "huruf", None),  # too near the end to be one
    ("satu; dan 4. dua", "2", "angka", "4"),
    ("Tiga. (5) L", "3", "ayat", "5"),
    ("Tiga. (5)", "3", "ayat", None),
    ("Tiga dengan (5) L", "3", "ayat", None),  # no stop before the mark
])
def test_a_later_mark_left_in_a_unit_s_own_text(text, label, style, found):
    from compliance.review.review import _skipped_mark
    from compliance.review.units import Unit

    unit = Unit(f"pasal-1-{style}-{label}", style, "1", text, 0, len(text))
    assert _skipped_mark(unit, label, style) == found


def _old_skipped_mark(unit, label, style):
    """``_skipped_mark`` as first written: the own text of every unit cut from its points."""
    from compliance.review.review import _LATER_MARK, _MARK_NEEDS, _NUMBER, _own_text

    needed, length = _MARK_NEEDS["ayat" if style == "ayat" else "point"]
    own = _own_text(unit)
    if not 0 <= own.find(needed) <= len(own) - length:
        return None
    kind = "ayat" if style == "ayat" else "number" if _NUMBER.match(label) else "letter"
    for m in _LATER_MARK[kind].finditer(own):
        found = m.group(1)
        step = int(found) - int(label) if _NUMBER.match(label) and found.isdigit() else (
            ord(found) - ord(label) if len(label) == 1 and not found.isdigit() else 0)
        if 2 <= step <= 4:
            return found
    return None


def _old_gaps(reg):
    """The ayat and list gaps of ``numbering_gaps`` as first written: every article, every unit's
    own text cut from its points (the article numbering is unchanged)."""
    from compliance.review.review import _label, _own_text
    from compliance.review.units import article_units

    out = []
    for article in (a for a in reg.articles if a.parent is None):
        top = article_units(article)
        ayat = [u for u in top.children if u.level == "ayat"]
        labels = [_label(u) for u in ayat]
        out += [(u.label, f"ayat ({a}) → ({b})") for a, b, u in zip(labels, labels[1:], ayat[1:])
                if a.isdigit() and b.isdigit() and int(b) > int(a) + 1]
        out += [(u.label, f"ayat ({label}) → ({found})") for u, label in zip(ayat, labels)
                if (found := _old_skipped_mark(u, label, "ayat"))]
        holding = [top]
        while holding:
            parent = holding.pop()
            items = [c for c in parent.children if c.level in ("huruf", "angka")]
            labels = [_label(c) for c in items]
            for a, b, u in zip(labels, labels[1:], items[1:]):
                step = (int(b) - int(a)) if a.isdigit() and b.isdigit() else (
                    ord(b) - ord(a) if len(a) == 1 == len(b) and a.isalpha() and b.isalpha() else 1)
                if step > 1:
                    out.append((u.label, f"{a} → {b}"))
            for u, label in zip(items, labels):
                if found := _old_skipped_mark(u, label, u.level):
                    out.append((u.label, f"{label} → {found}"))
                first = u.children[0] if u.children else None
                if (first is not None and first.level == u.level and label.isalpha() == first.pin[-1].isalpha()
                        and not _own_text(u).rstrip().endswith(":")):
                    out.append((u.label, f"{label} → {_label(first)}"))
            holding.extend(child for child in reversed(parent.children) if child.children)
    return out


def test_numbering_gaps_read_only_the_articles_and_texts_that_can_hold_one():
    """Articles without ayat or points are passed over and a point's own text is its text: the
    same gaps (in order) as reading every article and cutting every text, on real documents."""
    import compliance
    from compliance.review.review import numbering_gaps
    from tests.conftest import EXAMPLES

    paths = sorted(EXAMPLES.glob("*.txt")) + (sorted(CORPUS.glob("*.pdf")) if CORPUS.exists() else [])
    found = 0
    for path in paths:
        reg = compliance.load(path)
        gaps = [(n.where, n.detail) for n in numbering_gaps(reg) if not n.detail.startswith("Pasal")]
        assert gaps == _old_gaps(reg), path.name
        found += len(gaps)
    assert found > 0
