"""The subject before a reference cue (compliance.draft.subject)."""

import pytest

from compliance.draft.subject import subject_before


@pytest.mark.parametrize("before, subject", [
    ("Layanan Gerbang Akses Internet (NAP) ", "Layanan Gerbang Akses Internet"),  # a gloss in brackets
    ("(2) Permohonan tertulis ", "Permohonan tertulis"),  # a stative ter- word describes the noun
    ("Penyelenggara Sertifikasi Elektronik status berinduk ", "Penyelenggara Sertifikasi Elektronik status berinduk"),
    ("Calon pemegang Sertifikat Kewenangan ", "Calon pemegang Sertifikat Kewenangan"),  # a capitalised name
    ("yang melakukan pelanggaran ketentuan ", ""),  # the cue names the generic "ketentuan"
    ("Setiap Orang yang memenuhi unsur ", "unsur"),
    ("berdasarkan penetapan pemenang seleksi oleh Menteri ", "penetapan pemenang seleksi oleh Menteri"),  # an agent
    ("izin yang ditetapkan oleh Menteri ", "izin"),  # a verb before the agent: the phrase it describes
    ("Lembaga Penyiaran Asing yang menyiarkan di Indonesia ", "Lembaga Penyiaran Asing"),  # a relative clause
    ("Objek Seleksi yang dapat dimenangkan (spectrum cap) ", "Objek Seleksi"),
    ("Penyelenggara Jasa yang melanggar ketentuan ", ""),  # the cue names the generic "ketentuan"
    ("Dalam melaksanakan tugas ", "tugas"),  # a generic noun the place setting it states
    ("sanksi terhadap pelanggaran ", ""),  # a violation of what the target sets: not named by it
])
def test_subject_before_a_cue(before, subject):
    text = before + "sebagaimana dimaksud dalam Pasal 3"
    assert subject_before(text, len(before)) == subject
