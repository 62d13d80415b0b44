"""One region however it is written; kabupaten and kota of one name are two."""

from __future__ import annotations

from compliance.region.identity import RegionKey, instrument_region, parse_region, same_region


def test_the_ways_of_writing_one_kota_are_one_region():
    keys = {parse_region(t) for t in ("Kota Denpasar", "Pemerintah Kota Denpasar", "Wali Kota Denpasar",
                                       "WALIKOTA DENPASAR", "  kota   denpasar ")}
    assert keys == {RegionKey("denpasar", "kota")}
    assert parse_region("Kabupaten Bekasi") != parse_region("Kota Bekasi")
    assert parse_region("Bupati Bekasi") == parse_region("Kab. Bekasi") == RegionKey("bekasi", "kabupaten")
    assert parse_region("Provinsi Bali") == parse_region("Gubernur Bali") == RegionKey("bali", "provinsi")
    assert parse_region("") is None


def test_an_open_level_matches_either_but_two_levels_do_not():
    assert same_region(RegionKey("bekasi"), RegionKey("bekasi", "kota"))
    assert not same_region(RegionKey("bekasi", "kabupaten"), RegionKey("bekasi", "kota"))


def test_the_kind_gives_the_level_and_national_acts_have_no_region():
    assert instrument_region({"jenis_kode": "perwal", "daerah": "Denpasar"}) == (RegionKey("denpasar", "kota"),
                                                                                "Denpasar")
    assert instrument_region({"jenis_kode": "perbup", "daerah": "Kabupaten Sukamaju"})[0] == RegionKey("sukamaju",
                                                                                                       "kabupaten")
    assert instrument_region({"jenis_kode": "permen", "daerah": None}) == (None, "national")
    assert instrument_region({"jenis_kode": "perwal", "daerah": None}) == (None, "")
    assert RegionKey("denpasar", "kota").label("Denpasar") == "Kota Denpasar"
