"""A check's matching context finds in each unit what the term lists find in the unit's
own text, and reads signal owners, citations and units once."""

from __future__ import annotations

import re

import pytest

import compliance
from compliance.catalog import load_catalog
from compliance.match_context import match_context
from compliance.match_units import units
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def context():
    catalog = load_catalog()
    reg = compliance.load(EXAMPLES / "perwal-banyuasri-2022-spbe.txt")
    return match_context(reg, catalog, "id")


def test_every_list_is_found_in_a_unit_as_in_the_unit_s_own_text(context):
    catalog = context.catalog
    lists = [catalog.outline, catalog.listing, catalog.delegation, catalog.composition]
    for entry in catalog.entries:
        lists += [entry.signals, entry.weak_signals, *(e.terms for e in entry.elements)]
    found = 0
    for terms in (t for t in lists if not t.empty):
        for unit in context.units:
            expected = terms.find(unit.body)
            assert context.find(terms, unit) == expected
            assert context.find_alone(terms, unit) == expected
            assert context.find_alone(terms, unit, undelegated=True) == terms.find(context.undelegated(unit))
            found += bool(expected)
    assert found > 100


def test_signal_owners_are_the_entries_whose_signals_an_operative_unit_holds(context):
    for i, unit in enumerate(context.units):
        if unit.kind != "operative":
            assert i not in context.signal_owners
            continue
        expected = {e.id for e in context.catalog.entries if e.check is None and e.signals.find(unit.body)}
        assert context.signal_owners[i] == expected
    assert any(context.signal_owners.values())


def test_units_of_one_article_are_grouped_in_document_order(context):
    for key, positions in context.articles.items():
        assert positions == sorted(positions)
        assert all(context.units[i].article_key == key for i in positions)


def test_units_sharing_words_are_counted_as_by_hand(context):
    comparable = [i for i, unit in enumerate(context.units) if unit.kind == "operative" and len(unit.body) >= 40]
    assert context.comparable() == sum(1 << i for i in comparable)
    held = {i: set(re.findall(r"[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*", context.units[i].body.lower())) for i in comparable}
    vocabulary = sorted({w for words in held.values() for w in words})
    assert len(vocabulary) > 100
    for step in (1, 7, 13):
        words = set(vocabulary[::step][:12]) | {"kata-yang-tidak-ada"}
        for least in range(0, len(words) + 2):
            expected = sum(1 << i for i in comparable if len(words & held[i]) >= least)
            assert context.sharing(words, least) == expected


def test_a_folded_letter_does_not_hide_a_word_from_similarity(tmp_path):
    """"|" folds to "i" (OCR), so "data|informasi" is one folded word; similarity reads
    the unit's own words, where "data" and "informasi" stand apart."""
    catalog = load_catalog()
    path = tmp_path / "perwal-contoh-2020.txt"
    path.write_text("PERATURAN WALI KOTA CONTOH\nNOMOR 1 TAHUN 2020\n\nPasal 1\n"
                    "Pengelolaan data|informasi dan keamanan serta layanan publik dilaksanakan.\n\nPasal 2\n"
                    "Layanan publik diselenggarakan oleh Perangkat Daerah sesuai peraturan.\n", encoding="utf-8")
    reg = compliance.load(path)
    assert [u.body[:11] for u in units(reg)] == ["Pengelolaan", "Layanan pub"]
    ctx = match_context(reg, catalog, "id")
    assert ctx.sharing({"data", "informasi", "keamanan"}, 3) == 0b01
    assert ctx.sharing({"layanan", "publik"}, 2) == 0b11


def test_words_are_not_sought_once_too_few_are_left_to_share_enough():
    catalog = load_catalog()
    reg = compliance.load(EXAMPLES / "perbup-sukamaju-2016-egov.txt")
    context = match_context(reg, catalog, "id")
    comparable = [i for i, unit in enumerate(context.units) if unit.kind == "operative" and len(unit.body) >= 40]
    assert context.comparable() and context._loose == 0  # no unit whose folding hides a word
    held = {i: set(re.findall(r"[0-9a-z]+", context.units[i].body.lower())) for i in comparable}
    present = sorted(held[comparable[0]])[:3]
    words = frozenset(present + ["katatiada", "katanihil", "katanirwana"])
    assert context.sharing(words, 5) == 0  # 3 of 6 words are words of the regulation
    assert not context._may_hold_word  # told by the regulation's words alone
    elsewhere = sorted(set(context.index.words()) - set().union(*held.values()))[:3]  # in no comparable unit
    words = frozenset(present + elsewhere)
    assert context.sharing(words, 5) == 0
    assert 0 < len(context._may_hold_word) < len(words)  # the last word is never sought
    assert context.sharing(words, 3) == sum(1 << i for i in comparable if set(present) <= held[i]) > 0


def test_a_unit_s_listing_and_outline_are_read_once(context):
    catalog = context.catalog
    for i, unit in enumerate(context.units):
        expected = [(s, e) for s, e in catalog.listing.find(unit.body) if s == 0]
        assert context.listing(unit) == expected
        assert context.listing(unit) is context._listing[i]  # the same list: read once
        assert context.is_outline(unit) == any(s == 0 for s, _ in catalog.outline.find(unit.body)) == context._outline[i]
    assert any(context._listing.values()) or any(context._outline.values())  # the sample has either formula


@pytest.mark.parametrize("name", ["perwal-banyuasri-2022-spbe.txt", "perbup-sukamaju-2016-egov.pdf", "|!"])
def test_comparable_and_loose_units_are_those_read_unit_by_unit(name, tmp_path):
    """The units similarity compares, and those whose folding is loose ("|" or "!" in the
    unit's own body, or no usable lower case), as read unit by unit; a text is looked at
    once, and only the units of a text holding "|" or "!" are read again."""
    if name == "|!":
        name = "perwal-contoh-2020.txt"
        (tmp_path / name).write_text(
            "PERATURAN WALI KOTA CONTOH\nNOMOR 1 TAHUN 2020\n\nPasal 1\n(1) Pengelolaan data dan keamanan serta layanan "
            "publik dilaksanakan.\n(2) Layanan publik diselenggarakan oleh Perangkat Daerah sesuai peraturan!\n(3) Ya.\n"
            "\nPasal 2\nLayanan publik diselenggarakan oleh Perangkat Daerah sesuai peraturan|ketentuan.\n",
            encoding="utf-8")
    reg = compliance.load(tmp_path / name if name.startswith("perwal-contoh") else EXAMPLES / name)
    ctx = match_context(reg, load_catalog(), "id")
    comparable = sum(1 << i for i, u in enumerate(ctx.units) if u.kind == "operative" and u.end - u.start >= 40)
    loose = ctx.index.ungated | sum(1 << i for i, u in enumerate(ctx.units)
                                    if comparable >> i & 1 and ("|" in u.body or "!" in u.body))
    assert ctx.comparable() == comparable and ctx._loose == loose
    if name.startswith("perwal-contoh"):
        assert (comparable, loose) == (0b1011, 0b1010)
