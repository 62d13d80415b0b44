"""metadata: kind, daerah, nomor and dates from the title block and the closing."""

from __future__ import annotations

from compliance.metadata import iso_date, match_kind, parse_closing, parse_metadata
from compliance.models import Line


def _lines(text: str) -> list[Line]:
    return [Line(t, 1) for t in text.splitlines()]


def test_kind_spellings_and_short_forms():
    assert match_kind("PERATURAN DAERAH PROVINSI JAWA BARAT")[0]["code"] == "perda-provinsi"
    assert match_kind("UNDANG.UNDANG REPUBLIK INDONESIA")[0]["code"] == "uu"  # OCR dot for hyphen
    assert match_kind("PERWAL KOTA X") is None
    assert match_kind("PERWAL KOTA X", abbreviations=True)[0]["code"] == "perwal"


def test_nomor_keeps_its_printed_form_and_reads_the_year():
    md = parse_metadata(_lines("PERATURAN MENTERI KOMUNIKASI DAN INFORMATIKA\nNOMOR: 26/PER/M.KOMINFO/5/2007\nTENTANG\nPENGAMANAN"), None)
    assert (md.nomor, md.nomor_pokok, md.tahun, md.kementerian) == ("26/PER/M.KOMINFO/5/2007", 26, 2007, "kominfo")
    md = parse_metadata(_lines("UNDANG-UNDANG REPUBLIK INDONESIA\nNOMOR I1 TAHUN 2OO8\nTENTANG\nINFORMASI"), None)
    assert (md.nomor, md.tahun, md.tentang) == ("11", 2008, "INFORMASI")


def test_dates():
    assert iso_date("pada tanggal 25 November 2016") == "2016-11-25"
    assert iso_date("2 Jarruari 2024") == "2024-01-02"  # OCR of Januari
    assert iso_date("2 Januari2024") == "2024-01-02"
    assert iso_date("tanggal Д") is None


def test_closing_parts():
    c = parse_closing(_lines("Ditetapkan di Jakarta pada\ntanggal 21 April 2008\nPRESIDEN REPUBLIK INDONESIA,\nttd.\nNAMA PRESIDEN\n"
                             "Diundangkan di Jakarta\npada tanggal 22 April 2008\nLEMBARAN NEGARA REPUBLIK INDONESIA TAHUN 2008 NOMOR 58"))
    assert (c.ditetapkan_di, c.ditetapkan_tanggal, c.penandatangan) == ("Jakarta", "21 April 2008", "NAMA PRESIDEN")
    assert (c.diundangkan_di, c.diundangkan_tanggal) == ("Jakarta", "22 April 2008")
    assert c.lembaran == "LEMBARAN NEGARA REPUBLIK INDONESIA TAHUN 2008 NOMOR 58"



def _signatory(block: str) -> str | None:
    return parse_closing(_lines("Ditetapkan di Praya\npada tanggal 2 Januari 2024\n" + block)).penandatangan


def test_a_signatory_with_titles_and_degrees_is_read_verbatim():
    # how regional heads and their secretaries print: titles before the name, degrees after it
    assert _signatory("GUBERNUR NUSA KENCANA,\nttd.\nDR. H. LALU ZAINUDDIN, M.Si.") == "DR. H. LALU ZAINUDDIN, M.Si."
    assert _signatory("BUPATI X,\nttd\nHj. NURLAILA RAHMAN, S.E., M.M.") == "Hj. NURLAILA RAHMAN, S.E., M.M."
    assert _signatory("WALI KOTA X,\nIr. H. AHMAD FAUZI,  M.T.") == "Ir. H. AHMAD FAUZI,  M.T."
    assert _signatory("BUPATI X,\nI GUSTI NGURAH JAYA NEGARA, S.Sos.") == "I GUSTI NGURAH JAYA NEGARA, S.Sos."
    assert _signatory("BUPATI X,\nProf. Dr. Ir. H. ANDI MUHAMMAD RAHMAN, S.H., M.H., M.Kn.") == (
        "Prof. Dr. Ir. H. ANDI MUHAMMAD RAHMAN, S.H., M.H., M.Kn.")
    assert _signatory("BUPATI X,\ndr. Hj. Siti Rohmi Djalilah, M.Pd.") == "dr. Hj. Siti Rohmi Djalilah, M.Pd."
    assert _signatory("BUPATI X,\nDrs. BUDI SANTOSO") == "Drs. BUDI SANTOSO"
    assert _signatory("BUPATI X,\nttd\nI MADE SUARDANA") == "I MADE SUARDANA"  # plain capitals, as before


def test_a_keputusan_signed_for_the_head_keeps_the_name_not_rank_nip_or_copies():
    block = """a.n. Walikota Denpasar
Sekretaris Daerah,
Drs. A. A Ngurah Rai Iswara, M.Si
Pembina Utama Madya
NIP. 19601023 198101 1 003
Tembusan disampaikan kepada :
Yth. Ketua DPRD Kota Denpasar
Dr. H. BUKAN PENANDATANGAN, M.Si."""
    assert _signatory(block) == "Drs. A. A Ngurah Rai Iswara, M.Si"
    # a scan's dot for the comma before the degree; a rank in capitals
    assert _signatory("a.n. Walikota Denpasar\nDrs. A.A Ngurah Rai Iswara. M.Si\nPEMBINA UTAMA MADYA\n"
                      "NIP. 19601023 198101 1 003") == "Drs. A.A Ngurah Rai Iswara. M.Si"


def test_the_legal_office_certifying_a_copy_is_not_the_signatory():
    """A SALINAN ends with "Salinan sesuai dengan aslinya" and the name of the officer who
    certified it; a Keputusan has no "Diundangkan" block to close the signature before it."""
    certified = "BUPATI X,\nttd\nH. AHMAD SUBAGJA, S.H.\n\nSalinan sesuai dengan aslinya\nKEPALA BAGIAN HUKUM,\n"
    assert _signatory(certified + "ttd\nSITI AMINAH, S.H.\nPembina Tingkat I\nNIP. 19700101 199003 2 001") == (
        "H. AHMAD SUBAGJA, S.H.")
    assert _signatory("WALI KOTA X,\nttd\nRAJA AZHAR\nSALINAN sesuai aslinya\nKABAG HUKUM\nDEWI LESTARI") == "RAJA AZHAR"
    assert _signatory("WALI KOTA X,\nttd\nRAJA AZHAR\nSalinan Keputusan ini disampaikan kepada Yth.:\n"
                      "Dr. H. BUKAN PENANDATANGAN, M.Si.") == "RAJA AZHAR"


def test_lines_that_are_not_names_stay_refused():
    assert _signatory("BUPATI X,\nttd\nSEKRETARIS DAERAH,") is None
    assert _signatory("WALIKOTA DENPASAR, Pj\nPembina Utama Muda\nNip.19601023 198101 1 003") is None
    assert _signatory("a.n. Walikota Denpasar\nKepala Dinas Komunikasi dan Informatika") is None
    c = parse_closing(_lines("Ditetapkan di Praya\npada tanggal 2 Januari 2024\nBUPATI X,\nH. M. SUHAILI FT, S.H.\n"
                             "Diundangkan di Praya\npada tanggal 3 Januari 2024\nSEKRETARIS DAERAH KABUPATEN X,\n"
                             "Drs. H. NAMA SEKDA, M.M."))
    assert c.penandatangan == "H. M. SUHAILI FT, S.H."  # the head who enacts, not the Sekda who promulgates


JOINT = """GUBERNUR SEGARA RAYA          BUPATI LEMBAH HIJAU
PERATURAN BERSAMA
GUBERNUR SEGARA RAYA DAN
BUPATI LEMBAH HIJAU
NOMOR 3 TAHUN 2021
NOMOR 12 TAHUN 2021
TENTANG
KERJA SAMA PUSAT DATA"""


def test_a_joint_regulation_carries_every_issuers_number():
    md = parse_metadata(_lines(JOINT), None)
    assert (md.nomor, md.tahun, md.daerah) == ("3", 2021, "Provinsi Segara Raya")  # the first issuer's
    assert md.pihak == [
        {"jabatan": "Gubernur Segara Raya", "daerah": "Provinsi Segara Raya", "nomor": "3", "tahun": 2021},
        {"jabatan": "Bupati Lembah Hijau", "daerah": "Kabupaten Lembah Hijau", "nomor": "12", "tahun": 2021}]
    assert md.to_dict()["pihak"] == md.pihak and md.to_dict()["nomor"] == "3"
    ministers = parse_metadata(_lines(JOINT.replace("GUBERNUR SEGARA RAYA DAN", "MENTERI DALAM NEGERI DAN")
                                      .replace("BUPATI LEMBAH HIJAU", "MENTERI KEUANGAN")), None)
    assert [(p["jabatan"], p["daerah"], p["nomor"]) for p in ministers.pihak] == [(None, None, "3"), (None, None, "12")]
    one_line = parse_metadata(_lines("PERATURAN BERSAMA WALI KOTA TELUK BIRU DAN BUPATI LEMBAH HIJAU NOMOR 2 TAHUN 2023\n"
                                     "NOMOR 9 TAHUN 2023\nTENTANG\nX"), None)
    assert [(p["jabatan"], p["nomor"]) for p in one_line.pihak] == [("Wali Kota Teluk Biru", "2"), ("Bupati Lembah Hijau", "9")]
    assert one_line.daerah == "Kota Teluk Biru"  # not "... Dan Bupati Lembah Hijau"


def test_one_number_makes_no_parties_and_the_json_stays_as_it_was():
    single = parse_metadata(_lines(JOINT.replace("NOMOR 12 TAHUN 2021\n", "")), None)
    assert single.nomor == "3" and single.pihak == [] and "pihak" not in single.to_dict()
    perwal = parse_metadata(_lines("PERATURAN WALI KOTA DENPASAR\nNOMOR 5 TAHUN 2020\nNOMOR 6 TAHUN 2020\nTENTANG\nX"),
                            None)
    assert perwal.pihak == [] and "pihak" not in perwal.to_dict()  # only a joint kind has parties
