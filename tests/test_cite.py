"""Citations: finding, resolving, relations, internal reference checks; corpus measures."""

from __future__ import annotations

import json

import pytest
import yaml

from compliance.cite import (
    add_reference_warnings,
    dangling,
    find_citations,
    resolved_mengingat,
)
from compliance.cite_find import Vocabulary, find, vocabulary
from compliance.cite_resolve import known_status, metadata_id, span_id
from compliance.models import Article, Ayat, Item, Mengingat, Metadata, Penjelasan, Place, Regulation, Source
from compliance.resources import data_dir
from tests.conftest import CORPUS
from tests.transcript import internal_reference_counts, read_transcript



def _ids(text: str, citing: Metadata | None = None) -> list[str | None]:
    return [span_id(span, citing)[0] for span in find(text).regulations if not span.self_ref]


def _reg(articles=(), menimbang=(), mengingat=(), meta=None) -> Regulation:
    return Regulation(
        source=Source(file="perbup.pdf", sha256="x", pages=1),
        metadata=meta or Metadata(jenis="Peraturan Bupati", jenis_kode="perbup", daerah="Kabupaten Labuhanbatu",
                                  nomor="14", tahun=2018),
        menimbang=list(menimbang), mengingat=[Mengingat(t, str(i + 1)) for i, t in enumerate(mengingat)],
        articles=list(articles),
    )


@pytest.mark.parametrize("text, expected", [
    ("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah", "uu/2014/23"),
    ("Peraturan Presiden Nomor 95 Tahun 2018", "perpres/2018/95"),
    ("Perpres 95/2018", "perpres/2018/95"),
    ("PP No. 71 Th. 2019", "pp/2019/71"),
    ("UU Nomor 9 Tahun 2015", "uu/2015/9"),
    ("Undang- Undang Nomor 19 Tahun 2016", "uu/2016/19"),
    ("Undang-Undang Nomor : 36 Tahun 1999", "uu/1999/36"),
    ("Undang-Undang Republik Indonesia Nomor 36 Tahun 1999", "uu/1999/36"),
    ("Peraturan Menteri Komunikasi dan Informatika Nomor 41/PER/M.KOMINFO/11/2007", "permen/kominfo/2007/41"),
    ("Peraturan Menteri Komunikasi dan Informatika Nomor: 17/ PER/M.KOMINFO/10/2010", "permen/kominfo/2010/17"),
    ("Peraturan Menteri Komunikasi dan Informatika Nomor 09/PER/M.KOMINFO/03/2011", "permen/kominfo/2011/9"),
    ("Peraturan Menteri Dalam Negeri Nomor 80 Tahun 2015", "permen/dalam-negeri/2015/80"),
    ("Permendagri Nomor 80 Tahun 2015", "permen/dalam-negeri/2015/80"),
    ("Peraturan Menteri Keuangan Nomor 96/PMK.06/2007", "permen/keuangan/2007/96"),
    ("Keputusan Menteri Nomor : KM. 20 Tahun 2001", "kepmen/perhubungan/2001/20"),
    ("Keputusan Menteri Keuangan Nomor 1006/KMK.05/2006", "kepmen/keuangan/2006/1006"),
    ("Peraturan Kepala Lembaga Administrasi Negara Nomor 13 Tahun 2011", "perka/lan/2011/13"),
    ("Peraturan Badan Siber dan Sandi Negara Nomor 4 Tahun 2021", "perlem/bssn/2021/4"),
    ("Peraturan Daerah Kabupaten Labuhanbatu Nomor 3 Tahun 2016", "perda-kabupaten/labuhanbatu/2016/3"),
    ("Peraturan Bupati Labuhanbatu Nomor 14 Tahun 2018", "perbup/labuhanbatu/2018/14"),
    ("Peraturan Wali Kota Banjarmasin Nomor 89 Tahun 2022", "perwal/banjarmasin/2022/89"),
    ("Undang-Undang Dasar Negara Republik Indonesia Tahun 1945", "uud/1945"),
    ("Ketetapan Majelis Permusyawaratan Rakyat Republik Indonesia Nomor XVII/MPR/1998", "tap-mpr/1998/xvii"),
    ("Keputusan Presiden Republik Indonesia Nomor 84/P Tahun 2009", "keppres/2009/84-p"),
    ("Instruksi Presiden Nomor 3 Tahun 2003", "inpres/2003/3"),
    ("PERATURAN PEMERINTAH REPUBLIK INDONESIA\nNOMOR 52 TAHUN 2000", "pp/2000/52"),
])
def test_external_citations_resolve_to_canonical_ids(text, expected):
    assert _ids(text) == [expected]


def test_pinpoints_into_an_external_regulation():
    reg = _reg([Article("3", "Sesuai Pasal 58 ayat (4) Peraturan Presiden Nomor 95 Tahun 2018, audit dilakukan.", 1)])
    (citation,) = find_citations(reg)
    assert citation.target == "perpres/2018/95#pasal-58-ayat-4"
    assert citation.regulation == "perpres/2018/95" and citation.pinpoint == "pasal-58-ayat-4"
    assert citation.raw == "Pasal 58 ayat (4) Peraturan Presiden Nomor 95 Tahun 2018"
    assert citation.place == Place("pasal", pasal="3")
    assert citation.to_dict()["place"] == {"part": "pasal", "pasal": "3", "ayat": None, "item": None}


def test_pinpoint_list_into_the_constitution():
    reg = _reg(mengingat=["Pasal 5 ayat (1), Pasal 20, dan Pasal 28D ayat (1) Undang-Undang Dasar Negara "
                          "Republik IndonesiaTahun 1945;"])
    assert [c.target for c in find_citations(reg)] == [
        "uud/1945#pasal-5-ayat-1", "uud/1945#pasal-20", "uud/1945#pasal-28d-ayat-1"]


def test_internal_references_inherit_article_and_ayat():
    text = ("(1) Pemerintah Daerah menyusun rencana.\n(2) Rencana sebagaimana dimaksud pada ayat (1) memuat:\n"
            "a. visi;\nb. misi.\n(3) Visi sebagaimana dimaksud pada ayat (2) huruf a dan huruf b ditetapkan.")
    article = Article("5", text, 1, ayat=[Ayat("1", "(1) ..."), Ayat("2", "(2) ...", [Item("a", "visi"), Item("b", "misi")]),
                                          Ayat("3", "(3) ...")])
    other = Article("6", "Ketentuan sebagaimana dimaksud dalam Pasal 5 ayat (1) sampai dengan ayat (3) berlaku.", 1)
    reg = _reg([article, other])
    got = [(c.place.pasal, c.place.ayat, c.target, c.pinpoint_end, c.exists) for c in find_citations(reg)]
    own = "perbup/labuhanbatu/2018/14"
    assert got == [
        ("5", "2", f"{own}#pasal-5-ayat-1", None, True),
        ("5", "3", f"{own}#pasal-5-ayat-2-huruf-a", None, True),
        ("5", "3", f"{own}#pasal-5-ayat-2-huruf-b", None, True),
        ("6", None, f"{own}#pasal-5-ayat-1", "pasal-5-ayat-3", True),
    ]


def test_article_range_and_reversed_form():
    reg = _reg([Article(str(n), "Isi.", 1) for n in range(1, 8)]
               + [Article("8", "Pasal 3 sampai dengan Pasal 7 tidak berlaku bagi ayat (1) Pasal 2.", 1)])
    got = [(c.pinpoint, c.pinpoint_end) for c in find_citations(reg)]
    assert got == [("pasal-3", "pasal-7"), ("pasal-2-ayat-1", None)]


def test_dangling_reference_is_a_warning_with_its_place():
    reg = _reg([Article("12", "Sebagaimana dimaksud dalam Pasal 25 ayat (3) dan Pasal 1.", 1), Article("1", "Isi.", 1)])
    citations = add_reference_warnings(reg)
    (bad,) = dangling(citations)
    assert bad.raw == "Pasal 25 ayat (3)" and bad.reason == "dangling-reference"
    assert bad.place.short() == "Pasal 12"
    assert [(w.code, w.detail) for w in reg.warnings] == [("dangling-reference", "Pasal 12: Pasal 25 ayat (3)")]
    add_reference_warnings(reg)  # idempotent
    assert len(reg.warnings) == 1


def test_missing_huruf_is_dangling_but_unsplit_ayat_is_not_claimed_missing():
    article = Article("4", "(1) Izin meliputi:\na. izin lokasi;\nb. izin usaha.\n(2) Izin sebagaimana dimaksud pada "
                           "ayat (1) huruf c diberikan.", 1,
                      ayat=[Ayat("1", "(1)", [Item("a", ""), Item("b", "")]), Ayat("2", "(2)")])
    unsplit = Article("5", "(1) Satu.\n(2) Dua sebagaimana dimaksud pada ayat (1).", 1)  # parser did not split ayat
    reg = _reg([article, unsplit])
    assert [c.raw for c in dangling(find_citations(reg))] == ["ayat (1) huruf c"]


def test_blank_and_malformed_citations_are_kept_unresolved():
    reg = _reg([Article("1", "Berdasarkan Peraturan Daerah Nomor … Tahun … tentang SPBE dan Pasal ... ayat (2), "
                             "serta Peraturan Menteri Nomor 5 Tahun 2020.", 1)])
    got = [(c.raw, c.resolved, c.reason) for c in find_citations(reg)]
    assert got == [
        ("Peraturan Daerah Nomor … Tahun …", False, "number-blank"),
        ("Pasal ... ayat (2)", False, "reference-blank"),
        ("Peraturan Menteri Nomor 5 Tahun 2020", False, "issuer-missing"),
    ]


@pytest.mark.parametrize("text", ["", "Nomor Tahun", "Pasal", "Peraturan Presiden Nomor", "Perpres /", "ayat ((",
                                  "UU 12/", "Pasal 5 sampai dengan", "huruf", "Nomor 1/2/3/4/5/6/7/8/9" * 50])
def test_odd_input_never_crashes(text):
    reg = _reg([Article("1", text, 1)], menimbang=[text], mengingat=[text])
    for citation in find_citations(reg):
        assert citation.raw and citation.raw in text  # verbatim, never invented
        assert citation.resolved == (citation.target is not None)
        assert citation.resolved or citation.reason  # an unresolved citation says why


def test_regional_act_without_daerah_takes_the_citing_daerah():
    assert _ids("Peraturan Daerah Kabupaten Nomor 3 Tahun 2016") == [None]
    citing = Metadata(jenis_kode="perbup", daerah="Kabupaten Labuhanbatu")
    own = "perda-kabupaten/labuhanbatu/2016/3"
    assert _ids("Peraturan Daerah Kabupaten Nomor 3 Tahun 2016", citing) == [own]
    # one act, one id, however the Perbup spells its own Perda
    assert _ids("Peraturan Daerah Nomor 3 Tahun 2016 dan Perda Labuhanbatu Nomor 3 Tahun 2016", citing) == [own, own]
    assert _ids("Perda Medan Nomor 1 Tahun 2010", citing) == ["perda/medan/2010/1"]  # level not printed: not guessed


def test_relations_revokes_amends_implements():
    reg = _reg(
        [Article("20", "Pada saat Peraturan Bupati ini mulai berlaku, Peraturan Bupati Labuhanbatu Nomor 2 Tahun 2010 "
                       "tentang E-Government dicabut dan dinyatakan tidak berlaku.", 1)],
        menimbang=["a. bahwa untuk melaksanakan ketentuan Pasal 19 Peraturan Presiden Nomor 95 Tahun 2018, perlu "
                   "menetapkan Peraturan Bupati tentang Perubahan atas Peraturan Bupati Labuhanbatu Nomor 5 Tahun 2017;"],
    )
    got = [(c.target, c.relation) for c in find_citations(reg)]
    assert got == [
        ("perpres/2018/95#pasal-19", "implements"),
        ("perbup/labuhanbatu/2017/5", "amends"),
        ("perbup/labuhanbatu/2010/2", "revokes"),
    ]


def test_amendment_chain_and_known_status():
    reg = _reg(mengingat=[
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2014 "
        "Nomor 244), sebagaimana telah beberapa kali diubah terakhir dengan Undang-Undang Nomor 9 Tahun 2015 tentang "
        "Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;",
        "Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah;",
    ])
    citations = find_citations(reg)
    got = [(c.target, c.relation, c.amends, c.title) for c in citations]
    assert got == [
        ("uu/2014/23", "cites", None, "Pemerintahan Daerah"),
        ("uu/2015/9", "cites", "uu/2014/23", "Perubahan Kedua atas"),
        ("uu/2014/23", "cites", None, "Pemerintahan Daerah"),
        ("uu/2004/32", "cites", None, "Pemerintahan Daerah"),
    ]
    assert citations[-1].status["revoked_by"] == "uu/2014/23"
    rows = resolved_mengingat(reg, citations)
    assert [(r["resolved"], r["revoked"], r["amended"]) for r in rows] == [(True, False, True), (True, True, True)]


def test_known_status_comes_from_relations_yaml():
    data = yaml.safe_load((data_dir("regulations") / "relations.yaml").read_text(encoding="utf-8"))
    for reg_id, facts in data["known"].items():
        status = known_status(reg_id + "#pasal-1")
        assert status.get("revoked_by") == facts.get("revoked_by")
        assert status.get("amended_by", []) == facts.get("amended_by", [])


def test_a_new_kind_is_a_yaml_entry_not_code():
    data = yaml.safe_load((data_dir("regulations") / "kinds.yaml").read_text(encoding="utf-8"))
    data["kinds"].append({"code": "perdes", "name": "Peraturan Desa", "level": "desa", "regional": True,
                          "spellings": ["Peraturan Desa"], "abbreviations": ["Perdes"]})
    vocab = Vocabulary(data)
    (span,) = find("Perdes Sukamaju Nomor 2 Tahun 2020", vocab).regulations
    assert (span.kind, span.between, span.number, span.year) == ("perdes", "Sukamaju", "2", 2020)
    assert not find("Perdes Sukamaju Nomor 2 Tahun 2020").regulations  # the shipped vocabulary lacks it


def test_metadata_id_and_determinism():
    meta = Metadata(jenis="Peraturan Menteri Komunikasi dan Informatika", jenis_kode="permen",
                    nomor="41/PER/M.KOMINFO/11/2007", tahun=2007)
    assert metadata_id(meta) == "permen/kominfo/2007/41"
    reg = _reg([Article("2", "Sesuai Pasal 1 dan Perpres 95/2018.", 1), Article("1", "Isi.", 1)])
    first = json.dumps([c.to_dict() for c in find_citations(reg)], sort_keys=True)
    assert first == json.dumps([c.to_dict() for c in find_citations(reg)], sort_keys=True)
    assert vocabulary() is vocabulary()


def test_a_keputusan_is_cited_and_identified_by_its_whole_number():
    """Keputusan numbers share their classification code ("188.45/…"): two of one year must not
    collapse into one id, and a citation of one must reach the same id its own metadata gives."""
    text = ("Keputusan Wali Kota Denpasar Nomor 188.45/91/HK/2021 tentang Tim dan "
            "Keputusan Wali Kota Denpasar Nomor 188.45 / 283 / HK / 2021 tentang Sistem.")
    assert _ids(text) == ["kepwal/denpasar/2021/188.45-91-hk-2021", "kepwal/denpasar/2021/188.45-283-hk-2021"]
    meta = Metadata(jenis="Keputusan Wali Kota Denpasar", jenis_kode="kepwal", daerah="Kota Denpasar",
                    nomor="188.45/91/HK/2021", tahun=2021)
    assert metadata_id(meta) == "kepwal/denpasar/2021/188.45-91-hk-2021"
    assert _ids("Peraturan Wali Kota Denpasar Nomor 5 Tahun 2019.") == ["perwal/denpasar/2019/5"]


# --- corpus ---------------------------------------------------------------------------


def _corpus_docs() -> dict[str, dict]:
    path = CORPUS / "manifest.json"
    if not path.exists():
        pytest.skip(f"shared corpus not available ({path})")
    return {d["truth"]: d for d in json.loads(path.read_text(encoding="utf-8"))["documents"]}


def test_mengingat_entries_resolve_on_the_corpus():
    docs = _corpus_docs()
    total = resolved = 0
    for name, doc in sorted(docs.items()):
        reg = read_transcript(CORPUS / name, doc)
        rows = resolved_mengingat(reg)
        total += len(rows)
        resolved += sum(r["resolved"] for r in rows)
    assert total > 250
    assert resolved / total >= 0.98


def internal_scores(docs: dict[str, dict]) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of reference-form citations vs the fixture."""
    tp = fp = fn = 0
    for _, expected, got in internal_reference_counts(CORPUS, docs):
        tp += sum((expected & got).values())
        fp += sum((got - expected).values())
        fn += sum((expected - got).values())
    return tp, fp, fn


def test_internal_references_match_the_hand_checked_fixture():
    tp, fp, fn = internal_scores(_corpus_docs())
    assert tp / (tp + fp) >= 0.95
    assert tp / (tp + fn) >= 0.95


def test_real_drafting_errors_are_flagged():
    docs = _corpus_docs()
    name = "PERMENKOMINFO_2018_011.md"
    reg = read_transcript(CORPUS / name, docs[name])
    flagged = {(c.place.short(), c.raw) for c in dangling(find_citations(reg))}
    # Pasal 36 has no ayat; Pasal 9 has two ayat and ayat (2) no points.
    assert ("Pasal 38", "Pasal 36 ayat (2)") in flagged
    assert ("Pasal 9 ayat (2)", "ayat (2) huruf b") in flagged


def test_ocr_digits_are_read_only_inside_numbers():
    assert _ids("Undang-Undang Nomor l1 Tahun 20O8 dan UNDANG-UNDANG NOMOR 19 TAHUN 2O16") == ["uu/2008/11", "uu/2016/19"]
    # a look-alike after the number hides what followed it ("84/P"): not read as 841, not as 84
    assert _ids("Keputusan Presiden Nomor 84l Tahun 2009") == [None]
    assert _ids("Peraturan Menteri Komunikasi dan Informatika Nomor 3A/PER/M.KOMINFO/02/2008") == [
        "permen/kominfo/2008/3a"]


def test_amending_act_with_an_unreadable_target_does_not_flag_its_references():
    reg = _reg([
        Article("I", "Beberapa ketentuan dalam Peraturan Bupati Nomor ... Tahun ... diubah:\n"
                     "1. Ketentuan Pasal 5 diubah sehingga berbunyi:", 1),
        Article("5", "(1) Sebagaimana dimaksud dalam Pasal 4 ayat (2).", 1, parent="I"),
        Article("II", "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.", 1),
    ])
    citations = find_citations(reg)
    assert not dangling(citations)
    assert [(c.raw, c.reason) for c in citations if c.form == "reference"] == [
        ("Pasal 5", "amended-act-unknown"), ("Pasal 4 ayat (2)", "amended-act-unknown")]


def test_reference_after_an_acts_lembaran_note_points_into_that_act():
    reg = _reg([Article("20", "Dengan berlakunya Undang-undang ini, maka Undang-undang Nomor 4 PNPS Tahun 1963 tentang "
                              "Pengamanan Barang Cetakan (Lembaran Negara Tahun 1963 Nomor 23), Pasal 2 ayat (3) "
                              "dinyatakan tidak berlaku.", 1)])
    assert [(c.target, c.relation) for c in find_citations(reg)] == [("uu/1963/4-pnps#pasal-2-ayat-3", "revokes")]


def test_penjelasan_notes_take_their_article_and_ayat_heading():
    article = Article("5", "(1) Izin.\n(2) Syarat izin:\na. lokasi;\nb. usaha.", 1,
                      ayat=[Ayat("1", "(1) Izin."), Ayat("2", "(2)", [Item("a", "lokasi"), Item("b", "usaha")])])
    reg = _reg([article])
    reg.penjelasan = Penjelasan(pasal=[{"label": "5", "text": "Ayat (1)\nCukup jelas.\nAyat (2)\nHuruf a\n"
                                                              "Lokasi sebagaimana dimaksud pada huruf b."}])
    (citation,) = find_citations(reg)
    assert citation.place == Place("penjelasan", pasal="5", ayat="2")
    assert citation.to_dict()["place"] == {"part": "penjelasan", "pasal": "5", "ayat": "2", "item": None}
    assert citation.target.endswith("#pasal-5-ayat-2-huruf-b") and citation.exists


def test_the_title_is_not_a_citation_even_when_its_year_is_unreadable():
    reg = _reg([Article("1", "Isi.", 1)])
    reg.preamble = ("PERATURAN BUPATI LABUHANBATU\nNOMOR 14 TAHUN 2O1B\nTENTANG PERUBAHAN ATAS PERATURAN BUPATI "
                    "LABUHANBATU NOMOR 5 TAHUN 2017")
    assert [(c.target, c.relation) for c in find_citations(reg)] == [("perbup/labuhanbatu/2017/5", "amends")]


LAMPIRAN_TEXT = """PERATURAN BUPATI CONTOHJAYA
NOMOR 5 TAHUN 2021
TENTANG
PEDOMAN TATA KELOLA TEKNOLOGI INFORMASI

BUPATI CONTOHJAYA,
Menimbang : a. bahwa tata kelola teknologi informasi perlu pedoman;
Mengingat : 1. Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;
MEMUTUSKAN:
Menetapkan : PERATURAN BUPATI TENTANG PEDOMAN TATA KELOLA TEKNOLOGI INFORMASI.

Pasal 1
Pedoman tata kelola teknologi informasi tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Peraturan Bupati ini.

Pasal 2
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.

Ditetapkan di Contohjaya
pada tanggal 3 Maret 2021
BUPATI CONTOHJAYA,

LAMPIRAN
PERATURAN BUPATI CONTOHJAYA
NOMOR 5 TAHUN 2021
BAB I PENGAMANAN
Pemerintah Daerah melaksanakan audit keamanan sebagaimana dimaksud dalam Pasal 58 Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik.
"""


def test_citations_in_the_lampiran_are_found_and_reach_the_matcher(tmp_path):
    """Regional guidelines often live in the Lampiran: a Perpres pinpoint there counts."""
    import compliance
    from compliance.check import check

    path = tmp_path / "perbup-contohjaya.txt"
    path.write_text(LAMPIRAN_TEXT, encoding="utf-8")
    reg = compliance.load(path)
    in_annex = [c for c in find_citations(reg) if c.place.part == "lampiran"]
    assert [c.target for c in in_annex] == ["perpres/2018/95#pasal-58"]  # the annex header naming itself is no citation
    finding = next(f for f in check(reg).findings if f.requirement == "audit-keamanan")
    assert ("Lampiran", "citation") in [(e.pasal, e.via) for e in finding.evidence]
    assert finding.status == "partial"  # a citation alone never makes it fulfilled


def test_a_pinpoint_prints_as_the_place_it_names():
    from compliance.cite_resolve import pinpoint_label, pinpoint_place

    assert pinpoint_place("perpres/2018/95#pasal-5-ayat-2-huruf-b-angka-1") == Place(
        "item", pasal="5", ayat="2", item="b 1")
    assert pinpoint_label("perpres/2018/95#pasal-5-ayat-2-huruf-b-angka-1") == "Pasal 5 ayat (2) huruf b angka 1"
    assert pinpoint_place("x#pasal-i/pasal-12a") == Place("pasal", pasal="12A")  # the quoted article
    assert pinpoint_place("x#menimbang-huruf-c").text("en") == "Menimbang huruf c"
    assert pinpoint_place("x") is None and pinpoint_label("x") == ""


@pytest.mark.parametrize("target", ["perpres/2018/95#pasal-5-ayat-2-huruf-b-angka-1", "uu/2014/23#pasal-12a-huruf-c",
                                    "x#menimbang-huruf-c", "x#bab-ii-pasal-5", "x#pasal-i/pasal-12a-ayat-3"])
def test_a_pinpoint_chain_labels_each_level_as_its_own_pinpoint_prints(target):
    """The graph reads a target's chain in one pass: each node labelled as ``pinpoint_label``
    labels it alone, and only the nodes asked for."""
    from compliance.cite_resolve import pinpoint_chain, pinpoint_label, pinpoint_levels

    chain = pinpoint_chain(target, lambda node: True)
    assert [(node, level) for node, level, _ in chain] == pinpoint_levels(target)
    assert [label for _, _, label in chain] == [pinpoint_label(node) for node, _ in pinpoint_levels(target)]
    first = chain[0][0]
    assert [label is None for _, _, label in pinpoint_chain(target, lambda node: node != first)] == [
        node == first for node, _, _ in chain]


KIND_TEXTS = [
    "berdasarkan Peraturan  Presiden Nomor 95 Tahun 2018 dan Perpres 39/2019",
    "Undang - Undang Nomor 23 Tahun 2014, Undang-Undang Dasar Negara, UndangUndang Nomor 1",
    "Perda Kota Bandung Nomor 1 Tahun 2020; Perda Provinsi; Perdakab; perda kota",
    "ASPERDA, non-Perpres, Perpres-nya, PERATURAN WALI KOTA DENPASAR, Peraturan Walikota, Perwali",
    "Permen Kominfo, PermenPAN-RB, Permenpan - RB 5/2020, Keputusan Wali Kota, Kepwal, Instruksi Presiden",
    "Peraturan Pemerintah Pengganti Undang-Undang Nomor 1 Tahun 2020 dan Peraturan Pemerintah Nomor 71",
    "\nPeraturan\nDaerah\nProvinsi Bali; (Perpres) [UU] 'Permendagri' pada peraturan daerah ini",
]


@pytest.mark.parametrize("text", KIND_TEXTS)
def test_kinds_are_found_where_the_whole_alternation_finds_them(text):
    """kind_matches tries the kind pattern only where the words' trie says a word starts: the
    same matches, same spans and same chosen spelling as scanning with the whole pattern."""
    vocab = vocabulary()
    expected = [(m.span(), m.group(0)) for m in vocab.kind_re.finditer(text)]
    assert expected  # each text names kinds
    assert [(m.span(), m.group(0)) for m in vocab.kind_matches(text)] == expected


@pytest.mark.parametrize("text", KIND_TEXTS + [
    "Undang-Undang, undang-undang;UU/uu perpres-x Perpres_ \tPeraturan\nPresiden pp PP- -PP",
])
def test_in_ascii_text_the_fast_start_pattern_finds_the_same_places(text):
    """The ASCII start pattern (a leading character class, the initial consumed) marks exactly
    the positions the zero-width pattern marks."""
    vocab = vocabulary()
    slow = [m.start() for m in vocab._kind_start_re.finditer(text)]
    assert text.isascii() and slow
    assert [m.start() for m in vocab._kind_start_ascii_re.finditer(text)] == slow


def test_beyond_ascii_kinds_are_found_as_the_whole_pattern_finds_them():
    """Under re.I "\u212a" (Kelvin) is a K and "\u0130" an I: such a text takes the zero-width pattern."""
    vocab = vocabulary()
    text = "\u212aeputusan Presiden Nomor 1; \u0130nstruksi Presiden; Perpres 95/2018 \u00e9"
    expected = [(m.span(), m.group(0)) for m in vocab.kind_re.finditer(text)]
    assert len(expected) >= 2
    assert [(m.span(), m.group(0)) for m in vocab.kind_matches(text)] == expected


def test_the_kinds_trie_matches_every_spelling_and_nothing_longer():
    import re

    from compliance.cite_vocab import trie_pattern

    words = ["Perda", "Perda Kota", "Perpres", "Per Pres", "Undang-Undang", "UU"]
    trie = re.compile(r"(?:" + trie_pattern(words) + r")(?![\w])", re.I)
    for word in words + ["perda  kota", "PERPRES", "Undang - Undang", "PerPres"]:
        assert trie.fullmatch(word), word
    for other in ["Perdana", "Perda Kot", "Pres", "Undang", "UUD"]:
        assert not trie.fullmatch(other), other


def test_the_ayat_of_a_position_is_the_last_mark_at_or_before_it():
    from compliance.cite import _ayat_at

    marks = [(3, "1"), (40, "2"), (41, "2a"), (90, "3")]
    expected = {0: None, 2: None, 3: "1", 39: "1", 40: "2", 41: "2a", 89: "2a", 90: "3", 500: "3"}
    assert {pos: _ayat_at(marks, pos) for pos in expected} == expected
    assert _ayat_at([], 10) is None


@pytest.mark.parametrize("text", [
    "sebagaimana dimaksud dalam Pasal 5 ayat (2) huruf a", "angka 3", "lihat ayat ( 4 )", "Pasal ... ayat (2)",
    "tanpa rujukan apa pun", "PASAL 5 dan AYAT (2)", "pasal 7", "Undang-Undang Nomor 1 Tahun 2020", "",
])
def test_a_text_without_the_unit_words_is_not_scanned_and_holds_no_unit(text):
    vocab = vocabulary()
    if not vocab.may_hold_units(text):
        assert not vocab.unit_re.search(text) and not vocab.blank_unit_re.search(text)
        assert find(text).groups == []
    else:
        assert any(word in text for word in ("Pasal", "ayat", "huruf", "angka"))
    assert vocab.may_hold_units(text) == any(word in text for word in ("Pasal", "ayat", "huruf", "angka"))
