"""The addressable places of a regulation (compliance.review.units): pinpoints, printed labels,
positions and document order."""

from compliance.clean import clean
from compliance.models import Page, Source
from compliance.parse import parse
from compliance.review.units import article_units, index, walk

TEXT = """PERATURAN WALI KOTA CONTOH
NOMOR 3 TAHUN 2024
TENTANG
DATA DAERAH

WALI KOTA CONTOH,
Menimbang : a. bahwa data daerah perlu dikelola;
Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;
MEMUTUSKAN:
Menetapkan : PERATURAN WALI KOTA TENTANG DATA DAERAH.

Pasal 1
(1) Data daerah meliputi:
a. data statistik; dan
b. data geospasial, terdiri atas:
1. peta dasar; dan
2. peta tematik.
(2) Data daerah dikelola oleh Dinas.

Pasal 2
Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.
"""


def _reg():
    return parse(clean([Page(1, TEXT)]), Source("perwal.txt", "0" * 64, 1))


def test_places_print_as_a_reader_cites_them_in_document_order():
    top = article_units(_reg().article("1"))
    assert [(u.pin, u.label) for u in walk(top)] == [
        ("pasal-1", "Pasal 1"),
        ("pasal-1-ayat-1", "Pasal 1 ayat (1)"),
        ("pasal-1-ayat-1-huruf-a", "Pasal 1 ayat (1) huruf a"),
        ("pasal-1-ayat-1-huruf-b", "Pasal 1 ayat (1) huruf b"),
        ("pasal-1-ayat-1-huruf-b-angka-1", "Pasal 1 ayat (1) huruf b angka 1"),
        ("pasal-1-ayat-1-huruf-b-angka-2", "Pasal 1 ayat (1) huruf b angka 2"),
        ("pasal-1-ayat-2", "Pasal 1 ayat (2)"),
    ]


def test_a_point_is_read_with_the_lead_of_its_list_and_found_in_the_article():
    reg = _reg()
    units = index(reg)
    point = units["pasal-1-ayat-1-huruf-b-angka-1"]
    assert point.scope == point.lead + " " + point.text
    assert point.lead.startswith("data geospasial")
    text = reg.article("1").text
    assert all(text[u.start:u.end] == u.text for u in units.values() if u.article == "1" and u.start >= 0)
    assert article_units(reg.article("1")) is article_units(reg.article("1"))  # built once per article


def test_the_index_holds_the_first_place_of_each_pinpoint_in_document_order():
    from dataclasses import replace

    reg = _reg()
    reg.articles.append(replace(reg.article("2"), page=9))  # a second "Pasal 2" (a parse slip): the first counts
    units = index(reg)
    walked = [u for a in reg.articles if a.parent is None for u in walk(article_units(a))]
    assert list(units) == list(dict.fromkeys(u.pin for u in walked))
    assert all(units[u.pin] is next(w for w in walked if w.pin == u.pin) for u in walked)
    assert units["pasal-2"] is article_units(reg.articles[-2])


def test_articles_by_label_are_the_ones_the_regulation_finds():
    from dataclasses import replace

    from compliance.review.units import by_label

    reg = _reg()
    reg.articles.append(replace(reg.article("2"), parent="X"))  # an article an amendment quotes
    reg.articles.append(replace(reg.article("1"), page=9))  # "Pasal 1" twice: the first counts
    found = by_label(reg)
    assert set(found) == {("1", None), ("2", None), ("2", "X")}
    assert all(found[key] is reg.article(*key) for key in found)


def _regulations():
    """The examples and some corpus documents (when the corpus is there)."""
    import compliance
    from tests.conftest import CORPUS, EXAMPLES

    paths = sorted(EXAMPLES.glob("*.txt")) + (sorted(CORPUS.glob("*.pdf"))[:10] if CORPUS.exists() else [])
    return [compliance.load(p) for p in paths]


def _old_items(items, pin, ayat, chain, article, body, offset, lead):
    """The points as units, read the way the review first read them: every point, with points of
    its own or not, asked for its points."""
    from compliance.review.units import Unit, _lead, slug

    out, cursor = [], offset
    for item in items:
        level = "angka" if item.label.isdigit() else "huruf"
        own_pin, own_chain = f"{pin}-{level}-{slug(item.label)}", f"{chain} {item.label}" if chain else item.label
        start = body.find(item.text, cursor) if item.text else -1
        unit = Unit(own_pin, level, article.label, item.text, start, start + len(item.text) if start >= 0 else -1,
                    ayat=ayat, item=own_chain, lead=lead)
        if start >= 0:
            cursor = start + 1
        unit.children = _old_items(item.items, own_pin, ayat, own_chain, article, body, max(start, offset),
                                   _lead(item.text, item.items))
        out.append(unit)
    return out


def _old_tree(article):
    from compliance.review.units import Unit, _lead, slug

    pin = f"pasal-{slug(article.label)}"
    top, cursor = Unit(pin, "pasal", article.label, article.text, 0, len(article.text)), 0
    for ayat in article.ayat:
        ayat_pin = f"{pin}-ayat-{slug(ayat.label)}"
        start = article.text.find(ayat.text, cursor) if ayat.text else -1
        unit = Unit(ayat_pin, "ayat", article.label, ayat.text, start, start + len(ayat.text) if start >= 0 else -1,
                    ayat=ayat.label or None)
        if start >= 0:
            cursor = start + 1
        unit.children = _old_items(ayat.items, ayat_pin, ayat.label or None, None, article, article.text,
                                   max(start, 0), _lead(ayat.text, ayat.items))
        top.children.append(unit)
    top.children += _old_items(article.items, pin, None, None, article, article.text, 0,
                               _lead(article.text, article.items))
    return top


def test_the_trees_are_those_every_point_asked_for_its_points_gives():
    """A point without points of its own is not asked for them: the same trees (every field of
    every place, in order) on the examples and the corpus."""
    count = 0
    for reg in _regulations():
        for article in reg.articles:
            assert article_units(article) == _old_tree(article), article.label
            count += 1
    assert count > 50
