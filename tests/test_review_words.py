"""Word stems (compliance.review.words): every word of 3 letters or more, each stemmed once."""

from compliance.review.words import forms, plain_forms, plain_stems_in, stems_in


def test_stems_of_a_text_are_the_forms_of_its_words_of_three_letters_or_more():
    text = "Penyusunan DVB-T2 oleh di ke dan/atau menyusun; disusun (a) Lernbaga x2y data data"
    words = ["Penyusunan", "DVB", "oleh", "dan", "atau", "menyusun", "disusun", "Lernbaga", "data"]
    assert stems_in(text) == set().union(*(forms(w) for w in words))
    assert plain_stems_in(text) == set().union(*(plain_forms(w) for w in words))
    assert stems_in("penyusunan") & stems_in("menyusun") & stems_in("disusun")  # they meet
    assert stems_in("") == set() and stems_in("di ke 12") == set()
