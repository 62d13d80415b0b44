"""The report view's places: read off a report's fields, the same as through their ``Place``."""

from __future__ import annotations

import pytest

import compliance
from compliance.models_place import Place, article_place_text
from compliance.report import view
from compliance.report.labels import labels
from tests.conftest import EXAMPLES

FIELDS = [
    {"pasal": "5"}, {"pasal": "5", "ayat": "2"}, {"pasal": "7A", "ayat": "1", "parent": "II"},
    {"pasal": "IV"}, {"pasal": "Menimbang", "ayat": "b"}, {"pasal": "Mengingat", "ayat": "3"},
    {"pasal": "Diktum KEDUA"}, {"pasal": "Lampiran II", "ayat": "BAB IV angka 4.2"}, {"pasal": "Lampiran"},
    {"label": "12", "ayat": [{"label": "1"}], "parent": None}, {"pasal": "pasal 5"}, {"pasal": None},
    {"pasal": 3, "ayat": 2},
]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_place_reads_as_its_place_prints_it(lang):
    t = labels(lang)
    for item in FIELDS:
        place = view.place_of(item)
        anchor = ("pasal-" + (f"{place.parent}-{place.pasal}" if place.parent else place.pasal).lower()
                  if place.in_article else None)
        assert view.pasal_link(item, t) == (place.text(lang), anchor), item
        assert view.pasal_ref(item, t) == place.text(lang)
        assert view.pasal_anchor(item) == anchor
    assert view.pasal_link({"pasal": "7A", "ayat": "1", "parent": "II"}, labels("id")) == \
        ("Pasal 7A ayat (1) (dalam Pasal II)", "pasal-ii-7a")


def test_article_place_text_is_place_text():
    for fields in (("5", None, None, None), ("5", "2", "b 1", None), ("3", None, None, "I"), (None, "2", None, None)):
        for lang in ("id", "en"):
            kind = "item" if fields[2] else "ayat" if fields[1] else "pasal"
            assert article_place_text(*fields, lang=lang) == Place(kind, pasal=fields[0], ayat=fields[1],
                                                                   item=fields[2], parent=fields[3]).text(lang)


def test_the_outline_of_a_parsed_regulation_is_the_outline_of_its_dict():
    for path in sorted(EXAMPLES.glob("*.txt")):
        reg = compliance.load(path)
        entries = view.outline_entries(reg)
        assert entries == view.outline_entries({"articles": [a.to_dict() for a in reg.articles]})
        assert [e["label"] for e in entries if e["kind"] == "pasal"] == [a.label for a in reg.articles]
        assert any(e["kind"] == "bab" for e in entries) or not any(a.bab for a in reg.articles)
