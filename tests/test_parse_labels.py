"""parse_labels: printed labels, their OCR readings, and what may follow what."""

from __future__ import annotations

from compliance.parse_labels import as_digits, follows, label_readings, next_labels, next_roman, roman_value


def test_readings_of_printed_labels():
    assert label_readings("I") == ["I", "1"]
    assert label_readings("l5") == ["15"]
    assert label_readings("S") == ["5", "8"]  # the sequence picks one
    assert label_readings("45A") == ["45A"]
    assert "16B" in label_readings("168")  # an inserted article read as a digit
    assert "II" in label_readings("Il")
    assert as_digits("2O") == "20" and as_digits("x1") is None


def test_sequence():
    assert follows(None, "1") and not follows(None, "4")
    assert follows("5", "6") and follows("5", "5A") and follows("5A", "5B") and follows("5A", "6")
    assert not follows("5", "5") and not follows("5", "9")
    assert follows("5", "9", max_jump=4)
    assert next_roman(None) == "I" and next_roman("IV") == "V"
    assert roman_value("XIV") == 14 and roman_value("IIII") is None
    assert next_labels("a") == ["b"] and next_labels("2") == ["3", "2a"] and next_labels("2a") == ["2b", "3"]
