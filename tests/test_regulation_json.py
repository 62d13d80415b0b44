import json

from compliance.models import Article, Ayat, Heading, Item, Metadata, Regulation, Source
from compliance.output import dumps_json
from compliance.regulation_json import regulation_from_json


def test_regulation_round_trips_through_json():
    reg = Regulation(
        source=Source("perbup.pdf", "f" * 64, 3, [2]),
        metadata=Metadata(jenis="Peraturan Bupati", jenis_kode="perbup", daerah="Labuhanbatu", nomor="12", tahun=2019),
        articles=[Article("1", "Dalam Peraturan ini ...", 1, bab=Heading("I", "KETENTUAN UMUM"),
                          ayat=[Ayat("1", "(1) teks", [Item("a", "huruf a", [Item("1", "angka 1")])])])],
    )
    text = dumps_json(reg.to_dict())
    again = regulation_from_json(text)
    assert again == reg
    assert dumps_json(again.to_dict()) == text
    assert json.loads(text)["schema"] == "compliance/regulation@1"
