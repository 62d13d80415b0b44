"""``Place``: one type names every place of a regulation and prints it as a reader cites it."""

from __future__ import annotations

import pytest

from compliance.models import Place
from compliance.models_place import article_ref, ayat_ref

PLACES = [
    # place, (pasal, ayat) as report@1 names it, Indonesian, English
    (Place("pasal", pasal="5"), ("5", None), "Pasal 5", "Pasal 5"),
    (Place("ayat", pasal="5", ayat="2"), ("5", "2"), "Pasal 5 ayat (2)", "Pasal 5 ayat (2)"),
    (Place("ayat", pasal="7", ayat="1", parent="II"), ("7", "1"), "Pasal 7 ayat (1) (dalam Pasal II)",
     "Pasal 7 ayat (1) (in Pasal II)"),
    (Place("menimbang", item="b"), ("Menimbang", "b"), "Menimbang huruf b", "Menimbang huruf b"),
    (Place("mengingat", item="3"), ("Mengingat", "3"), "Mengingat angka 3", "Mengingat angka 3"),
    (Place("diktum", diktum="KEDUA"), ("Diktum KEDUA", None), "Diktum KEDUA", "Diktum KEDUA"),
    (Place("lampiran", lampiran="Lampiran"), ("Lampiran", None), "Lampiran", "Lampiran"),
    (Place("lampiran-section", lampiran="Lampiran II", section="BAB IV angka 4.2"),
     ("Lampiran II", "BAB IV angka 4.2"), "Lampiran II BAB IV angka 4.2", "Lampiran II BAB IV angka 4.2"),
    (Place("named", name="Perwal 3/2020, Pasal 4"), ("Perwal 3/2020, Pasal 4", None), "Perwal 3/2020, Pasal 4",
     "Perwal 3/2020, Pasal 4"),
]


@pytest.mark.parametrize("place,fields,id_text,en_text", PLACES, ids=lambda x: str(x))
def test_a_place_prints_itself_and_reads_back_from_its_report_fields(place, fields, id_text, en_text):
    assert place.fields() == fields
    assert place.text("id") == id_text and place.text("en") == en_text
    assert str(place) == id_text
    # the report JSON keeps only pasal/ayat/parent: reading them back gives the same place
    assert Place.from_fields(*fields, place.parent) == place


def test_points_print_their_chain_in_an_article_and_in_a_diktum():
    assert Place("item", pasal="9", ayat="2", item="b 1").text() == "Pasal 9 ayat (2) huruf b angka 1"
    assert Place("item", diktum="KESATU", item="a").text("en") == "Diktum KESATU huruf a"


def test_offsets_travel_with_the_place_and_do_not_change_what_it_names():
    place = Place("ayat", pasal="5", ayat="2").at(10, 42)
    assert (place.start, place.end) == (10, 42)
    assert place.text() == "Pasal 5 ayat (2)" and place.fields() == ("5", "2")


@pytest.mark.parametrize("part,short,text", [
    ({"part": "pasal", "pasal": "12", "ayat": "2", "parent": None}, "Pasal 12 ayat (2)", "Pasal 12 ayat (2)"),
    ({"part": "menimbang", "item": "b"}, "Menimbang b", "Menimbang huruf b"),
    ({"part": "mengingat"}, "Mengingat", "Mengingat"),
    ({"part": "penjelasan", "pasal": "5"}, "Penjelasan Pasal 5", "Penjelasan Pasal 5"),
    ({"part": "penjelasan", "pasal": None}, "Penjelasan Umum", "Penjelasan Umum"),
    ({"part": "diktum", "diktum": "KEDUA"}, "Diktum KEDUA", "Diktum KEDUA"),
    ({"part": "lampiran", "title": "RENCANA INDUK"}, "Lampiran", "Lampiran"),
    ({"part": "judul"}, "Judul", "judul"),
])
def test_a_citation_place_prints_short_for_cite_and_in_full_for_readers(part, short, text):
    place = Place.from_part(part)
    assert place.short() == short
    assert place.text("id") == text


def test_a_catalog_basis_prints_as_a_place_of_the_national_act():
    assert ayat_ref("61", "1") == "Pasal 61 ayat (1)" and ayat_ref("19") == "Pasal 19"


@pytest.mark.parametrize("pasal,ayat,item,printed", [
    ("5", None, None, "Pasal 5"), ("5", "(2)", "b 1", "Pasal 5 ayat (2) huruf b angka 1"), (None, "2", None, "ayat (2)"),
    ("12A", None, "c", "Pasal 12A huruf c"), ("5", "", " ", "Pasal 5"), (None, None, "b", "huruf b")])
def test_an_article_reference_prints_as_a_place_in_an_article_does(pasal, ayat, item, printed):
    assert article_ref(pasal, ayat, item) == printed
    kind = "item" if item else "ayat" if ayat else "pasal"
    assert Place(kind, pasal=pasal, ayat=ayat, item=item).text() == printed


@pytest.mark.parametrize("part", [
    {"part": "pasal", "pasal": "12", "ayat": "2", "item": None},
    {"part": "pasal", "pasal": "5A", "ayat": None, "item": None, "parent": "I"},
    {"part": "menimbang", "pasal": None, "ayat": None, "item": "b"},
    {"part": "mengingat", "pasal": None, "ayat": None, "item": "3"},
    {"part": "penjelasan", "pasal": "5", "ayat": "2", "item": None},
    {"part": "penjelasan", "pasal": None, "ayat": None, "item": None},
    {"part": "diktum", "pasal": None, "ayat": None, "item": None, "diktum": "KEDUA"},
    {"part": "lampiran", "pasal": None, "ayat": None, "item": None},
    {"part": "judul", "pasal": None, "ayat": None, "item": None},
])
def test_a_citation_place_writes_the_json_it_was_read_from(part):
    assert Place.from_part(part).part_dict() == part


def test_a_place_narrowed_to_an_ayat_and_a_pinpoint_naming_no_article():
    assert Place("pasal", pasal="5").within("2") == Place("ayat", pasal="5", ayat="2")
    assert Place("penjelasan", pasal="5").within("2").text() == "Penjelasan Pasal 5"
    assert Place("pasal", pasal="5").within(None) == Place("pasal", pasal="5")
    assert Place("item", ayat="2", item="b").text() == "ayat (2) huruf b"  # a pinpoint of another act
