from compliance.daerah_keys import daerah_key, region_query


def test_a_region_name_is_keyed_without_case_or_spacing():
    assert daerah_key("  Kota   TIRTARAYA ") == "kota tirtaraya"
    assert daerah_key(None) == ""


def test_a_query_drops_the_level_word_and_the_label_tail_compare_prints():
    assert region_query("Kota Tirtaraya") == "tirtaraya"
    assert region_query("Tirtaraya · Perwal 3/2017") == "tirtaraya"
    assert region_query("Kabupaten  Labuhanbatu Utara") == "labuhanbatu utara"
    assert region_query("Kota") == "kota"  # a bare level word is a name, not a prefix


def test_the_level_words_a_query_drops_are_data_in_kinds_yaml():
    from compliance.resources import data_yaml

    typed = data_yaml("regulations", "kinds.yaml")["daerah_levels_typed"]
    assert {"Kota", "Kabupaten", "Provinsi"} <= set(typed)
    for word in typed:
        assert region_query(f"{word.upper()} Badung") == "badung"
    assert region_query("Kab. Badung") == "badung"
    assert region_query("Kecamatan Badung") == "kecamatan badung"  # not a regional level
