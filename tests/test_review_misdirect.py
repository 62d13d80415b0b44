"""Misdirected references (compliance.review.misdirect): each rule on a fixture with the slip and without it."""

from compliance.clean import clean
from compliance.models import Page, Source
from compliance.parse import parse
from compliance.review.review import review

TEXT = """PERATURAN WALI KOTA CONTOH
NOMOR 8 TAHUN 2023
TENTANG
PERANGKAT PENYIARAN DAERAH

WALI KOTA CONTOH,
Menimbang : a. bahwa perangkat penyiaran daerah perlu ditata;
Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;
MEMUTUSKAN:
Menetapkan : PERATURAN WALI KOTA TENTANG PERANGKAT PENYIARAN DAERAH.

Pasal 1
Perangkat penyiaran daerah yang digunakan untuk keperluan penyelenggaraan radio siaran terdiri atas:
a. pemancar radio siaran analog; dan
b. studio radio siaran daerah.

Pasal 2
Perangkat penyiaran daerah yang digunakan untuk keperluan penyelenggaraan televisi siaran terdiri atas:
a. pemancar televisi siaran digital; dan
b. studio televisi siaran daerah.

Pasal 3
(1) Perangkat penyiaran daerah wajib memiliki izin penggunaan frekuensi.
(2) Izin penggunaan frekuensi diberikan oleh Wali Kota untuk jangka waktu 5 (lima) tahun.

Pasal 4
Persyaratan teknis perangkat untuk keperluan penyelenggaraan radio siaran sebagaimana dimaksud dalam Pasal {radio} ditetapkan dengan Keputusan Wali Kota.

Pasal 5
Permohonan izin sebagaimana dimaksud dalam Pasal {izin} diajukan secara tertulis kepada Wali Kota.

Pasal 6
Wali Kota memutus permohonan izin paling lama 14 (empat belas) hari kerja.

Pasal 7
Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.
"""

RIGHT = {"radio": "1", "izin": "3 ayat (1)"}


def _reg(**values):
    return parse(clean([Page(1, TEXT.format(**{**RIGHT, **values}))]), Source("perwal.txt", "0" * 64, 1))


def _notes(**values):
    return {n.where: n for n in review(_reg(**values)) if n.code == "misdirected-reference"}


def test_no_warning_when_every_reference_names_its_subject():
    assert _notes() == {}


def test_a_neighbour_sharing_the_common_words_but_not_the_rare_one_is_flagged():
    """Pasal 2 says "perangkat", "penyelenggaraan", "siaran" like Pasal 1, but not "radio"."""
    note = _notes(radio="2")["Pasal 4"]
    assert note.reference == "Pasal 2"
    assert note.subject == "keperluan penyelenggaraan radio siaran"
    assert note.suggestion == "Pasal 1"


def test_an_unrelated_article_is_flagged_with_the_likely_target():
    note = _notes(radio="7")["Pasal 4"]
    assert (note.reference, note.suggestion) == ("Pasal 7", "Pasal 1")


def test_a_relation_head_need_not_be_in_the_target():
    """"Permohonan izin" cites the article on the izin, which never says "permohonan"."""
    assert "Pasal 5" not in _notes()
    assert _notes(izin="1")["Pasal 5"].reference == "Pasal 1"


NAMES = """PERATURAN WALI KOTA CONTOH
NOMOR 9 TAHUN 2023
TENTANG
OPERATOR RADIO

WALI KOTA CONTOH,
Menimbang : a. bahwa operator radio perlu ditata;
Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;
MEMUTUSKAN:
Menetapkan : PERATURAN WALI KOTA TENTANG OPERATOR RADIO.

Pasal 1
(1) Stasiun radio wajib memiliki izin stasiun radio.
(2) Izin stasiun radio diberikan bersama sertifikat frekuensi untuk jangka waktu 5 (lima) tahun.

Pasal 2
(1) Operator stasiun radio wajib memiliki Sertifikat Kewenangan.
(2) Sertifikat Kewenangan diterbitkan oleh Kepala Dinas.

Pasal 3
Sertifikat Kewenangan sebagaimana dimaksud dalam Pasal {sert} berlaku selama 3 (tiga) tahun.

Pasal 4
Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.
"""


def test_a_generic_word_inside_a_capitalised_name_tells_places_apart():
    """Pasal 1 speaks of a "sertifikat" too, but not of the Sertifikat Kewenangan."""
    def notes(sert):
        reg = parse(clean([Page(1, NAMES.format(sert=sert))]), Source("perwal.txt", "0" * 64, 1))
        return {n.where: n for n in review(reg) if n.code == "misdirected-reference"}

    assert notes("2 ayat (1)") == {}
    note = notes("1")["Pasal 3"]
    assert (note.reference, note.subject, note.suggestion) == ("Pasal 1", "Sertifikat Kewenangan", "Pasal 2")




AUDIT = """PERATURAN BUPATI CONTOH
NOMOR 4 TAHUN 2024
TENTANG
AUDIT TEKNOLOGI INFORMASI

BUPATI CONTOH,
Menimbang : a. bahwa audit teknologi informasi perlu diatur;
Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;
MEMUTUSKAN:
Menetapkan : PERATURAN BUPATI TENTANG AUDIT TEKNOLOGI INFORMASI.

Pasal 1
(1) Bupati bertanggung jawab atas audit teknologi informasi dan membentuk Tim Koordinasi.
(2) Tim Koordinasi bertugas mengoordinasikan audit dan pemantauan jaringan terestrial Pemerintah Daerah.

Pasal 2
(1) Audit dilaksanakan untuk memastikan kesesuaian penerapan teknologi informasi.
(2) Audit terdiri atas:
a. audit jaringan radio;
b. audit pusat data; dan
c. audit keamanan.
(3) Pelaksana audit adalah Dinas.

Pasal 3
Manajemen pengetahuan dilakukan melalui dokumentasi dan berbagi pengetahuan antarperangkat daerah.

Pasal 4
(1) Audit pusat data sebagaimana dimaksud dalam Pasal {audit} meliputi pemeriksaan kinerja pusat data.
(2) Audit pusat data dilaksanakan paling sedikit 1 (satu) kali dalam 2 (dua) tahun.

Pasal 5
(1) Audit keamanan dilakukan terhadap pusat data dan jaringan radio milik Pemerintah Daerah.
(2) Untuk kelancaran pelaksanaan tugas Tim Koordinasi sebagaimana dimaksud dalam Pasal {tim} disediakan anggaran.
(3) Pelaksana sebagaimana dimaksud dalam Pasal {pelaksana} melapor kepada Bupati.
(4) Untuk mendukung pelaksanaan tugas Bupati sebagaimana dimaksud dalam Pasal {bupati}, Dinas menyusun laporan.

Pasal 6
Pemantauan jaringan teresterial sebagaimana dimaksud dalam Pasal {jaringan} dilakukan setiap bulan.

Pasal 7
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
"""

AUDIT_RIGHT = {"audit": "2 ayat (2) huruf b", "tim": "1", "pelaksana": "2 ayat (3)", "jaringan": "1 ayat (2)",
               "bupati": "1 ayat (1)"}


def _audit_notes(**values):
    reg = parse(clean([Page(1, AUDIT.format(**{**AUDIT_RIGHT, **values}))]), Source("perbup.txt", "0" * 64, 1))
    return {n.where: n for n in review(reg) if n.code == "misdirected-reference"}


def test_no_warning_on_the_audit_fixture_as_written():
    assert _audit_notes() == {}


def test_the_likely_target_is_the_item_that_states_the_subject_as_a_phrase():
    """Pasal 4 ayat (2) (the citing article) and Pasal 5 ayat (1) (its words apart) also hold
    "audit", "pusat", "data"; the list item names it, as precisely as the text numbers it."""
    note = _audit_notes(audit="3")["Pasal 4 ayat (1)"]
    assert (note.reference, note.subject, note.suggestion) == ("Pasal 3", "Audit pusat data", "Pasal 2 ayat (2) huruf b")


def test_a_purpose_head_need_not_be_stated_where_the_subject_is_set():
    """"kelancaran" is said only where the reference stands; the Tim Koordinasi is set in Pasal 1."""
    note = _audit_notes(tim="3")["Pasal 5 ayat (2)"]
    assert (note.reference, note.suggestion) == ("Pasal 3", "Pasal 1")


def test_a_subject_of_generic_words_only_is_compared_by_them():
    """"Pelaksana" is a generic word, yet Pasal 3 never says it and Pasal 2 ayat (3) does; no
    target is named, as "dilaksanakan" is said in several places."""
    note = _audit_notes(pelaksana="3")["Pasal 5 ayat (3)"]
    assert (note.reference, note.subject, note.suggestion) == ("Pasal 3", "Pelaksana", "")


def test_a_generic_word_is_stated_by_one_of_its_group():
    """The "tugas" of the Bupati is set in Pasal 1 ayat (1) as "bertanggung jawab": no warning;
    Pasal 3 says none of the words of the group."""
    assert "Pasal 5 ayat (4)" not in _audit_notes()
    assert _audit_notes(bupati="3")["Pasal 5 ayat (4)"].subject == "pelaksanaan tugas Bupati"


def test_a_word_one_letter_off_is_the_same_word_when_rare():
    """"teresterial" (Pasal 6) and "terestrial" (Pasal 1 ayat (2)): the right target is not
    flagged, and a wrong one is, with the right one named."""
    assert "Pasal 6" not in _audit_notes()
    note = _audit_notes(jaringan="3")["Pasal 6"]
    assert (note.reference, note.suggestion) == ("Pasal 3", "Pasal 1 ayat (2)")


def test_letters_a_scan_confuses_are_folded_when_words_are_compared():
    from compliance.review.words import stems_in

    assert stems_in("Lernbaqa Penyiaran Asinq") >= stems_in("Lembaga Penyiaran Asing")
    assert stems_in("ID-SIRTII") == stems_in("ID-SIRTU")


_TOPICS = ["pelatihan pegawai", "pendanaan kegiatan", "pelaporan tahunan", "pengadaan perangkat", "kearsipan dinamis",
           "pengaduan masyarakat", "kerja sama antardaerah", "penghargaan inovasi", "pembinaan teknis"]
SERVICE = """PERATURAN WALI KOTA CONTOH
NOMOR 5 TAHUN 2024
TENTANG
MANAJEMEN SPBE

WALI KOTA CONTOH,
Menimbang : a. bahwa manajemen SPBE perlu diatur;
Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;
MEMUTUSKAN:
Menetapkan : PERATURAN WALI KOTA TENTANG MANAJEMEN SPBE.

Pasal 1
Manajemen SPBE meliputi:
a. manajemen risiko;
b. manajemen layanan SPBE; dan
c. manajemen data.

Pasal 2
(1) Manajemen data dilaksanakan oleh Dinas.
(2) Dinas menyusun standar layanan data.

Pasal 3
Manajemen Layanan SPBE sebagaimana dimaksud dalam Pasal {service} dilaksanakan melalui pusat bantuan.

""" + "".join(f"Pasal {n}\nKetentuan {topic} ditetapkan oleh Wali Kota.\n\n" for n, topic in enumerate(_TOPICS, 4)) + """Pasal 13
Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.
"""


def test_a_capitalised_name_must_be_said_as_a_name():
    """Pasal 2 uses "manajemen" and "layanan" (not "SPBE"), but never "manajemen layanan
    SPBE": word by word it would pass for the target; as a name it does not."""
    def notes(service):
        reg = parse(clean([Page(1, SERVICE.format(service=service))]), Source("perwal.txt", "0" * 64, 1))
        return {n.where: n for n in review(reg) if n.code == "misdirected-reference"}

    assert notes("1 huruf b") == {}
    note = notes("2")["Pasal 3"]
    assert (note.reference, note.subject, note.suggestion) == ("Pasal 2", "Manajemen Layanan SPBE", "Pasal 1 huruf b")


def test_a_place_stating_the_subject_without_its_relation_head_does_not_witness_a_slip():
    """"Permohonan pelayanan Bursa Kerja" cites Pasal 1, which says neither "pelayanan" nor "Kerja"; Pasal 2
    sets the pelayanan but no permohonan of it, so no other place states the subject. (A
    purpose head, "kelancaran", need not be stated there: test above.)"""
    def notes(pelayanan):
        text = SERVICE.split("Pasal 1\n")[0] + f"""Pasal 1
Perusahaan wajib melaporkan lowongan ke bursa daerah.

Pasal 2
{pelayanan} Bursa Kerja diberikan tanpa biaya.

Pasal 3
Permohonan pelayanan Bursa Kerja sebagaimana dimaksud dalam Pasal 1 diajukan secara tertulis.

""" + SERVICE.split("pusat bantuan.\n\n")[1]
        reg = parse(clean([Page(1, text)]), Source("perwal.txt", "0" * 64, 1))
        return [n.where for n in review(reg) if n.code == "misdirected-reference"]

    assert notes("Pelayanan") == []
    assert notes("Permohonan pelayanan") == ["Pasal 3"]  # a place that states it all: a slip
