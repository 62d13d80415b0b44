from compliance.regulation_label import regulation_label


def test_labels_cite_a_compound_number_by_its_leading_number():
    assert regulation_label({"jenis_kode": "permen", "nomor": "41/PER/M.KOMINFO/10/2009", "tahun": 2009}, "x.pdf") \
        == "Permen 41/2009"
    assert regulation_label({"daerah": "Binjai", "jenis_kode": "perwal", "nomor": "12A", "tahun": 2020}, "x") \
        == "Binjai · Perwal 12A/2020"
    assert regulation_label({}, "perbup.pdf") == "perbup.pdf"


def test_a_keputusan_column_is_labelled_by_its_whole_number():
    meta = {"jenis_kode": "kepwal", "jenis": "Keputusan Wali Kota", "daerah": "Kota Denpasar",
            "nomor": "188.45/1612/HK/2019", "tahun": 2019}
    assert regulation_label(meta, "x.pdf") == "Kota Denpasar · Kepwal 188.45/1612/HK/2019"
    perbup = {"jenis_kode": "perbup", "daerah": "Kabupaten Sukamaju", "nomor": "27", "tahun": 2016}
    assert regulation_label(perbup, "x.pdf") == "Kabupaten Sukamaju · Perbup 27/2016"
