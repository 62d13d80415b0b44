"""The subject before a reference cue (compliance.review.subject)."""

import re

import pytest

from compliance.review.subject import subject_before


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


@pytest.mark.parametrize("window", [
    "Layanan Gerbang Akses Internet (NAP) ", "ayat (1) huruf (a) dan (Call Center, 24 jam)  ", "x (ab)(cd) y",
    "a - - b", "a -\n- b", "x\n- y", "tanpa tanda", "", "akhir.", "(1) Izin; (2) Permohonan - Tertulis",
    "Objek \u00a0(spectrum cap)\u2003Seleksi", "dua  -  kata", "a (b", "a b) c",
])
def test_glosses_and_the_last_phrase_as_the_expressions_read_them(window):
    from compliance.review.subject import _GLOSS, _PHRASE_STOP, _last_phrase, _without_glosses

    assert _without_glosses(window) == re.sub(r"\s*" + _GLOSS.pattern, " ", window)
    assert _last_phrase(window) == _PHRASE_STOP.split(window)[-1]
