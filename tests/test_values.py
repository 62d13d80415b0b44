"""Periods and frequencies read as values from the ways regulations write them."""

from __future__ import annotations

import pytest

from compliance.values import frequencies, number, periods


@pytest.mark.parametrize(
    ("text", "years", "printed"),
    [
        ("disusun untuk jangka waktu 5 (lima) tahun", 5, "jangka waktu 5 (lima) tahun"),
        ("berlaku untuk lima tahun", 5, "untuk lima tahun"),
        ("untuk kurun waktu 10 (sepuluh) tahun.", 10, "kurun waktu 10 (sepuluh) tahun"),
        ("periode 60 (enam puluh) bulan", 5, "periode 60 (enam puluh) bulan"),
    ],
)
def test_periods(text, years, printed):
    [value] = periods(text)
    assert value.years == pytest.approx(years)
    assert value.printed == printed
    assert text[value.start:value.end] == printed


@pytest.mark.parametrize(
    ("text", "interval"),
    [
        ("dilaksanakan paling sedikit 1 (satu) kali dalam 2 (dua) tahun", 2),
        ("dilakukan setiap dua tahun sekali", 2),
        ("audit dilakukan 3 (tiga) tahun sekali", 3),
        ("dilakukan sekali setahun", 1),
        ("dilaksanakan 1 (satu) kali dalam 1 (satu) tahun", 1),
        ("dilakukan setiap tahun", 1),
        ("setahun sekali", 1),
        ("satu kali dalam setahun", 1),
        ("paling sedikit 2 (dua) kali dalam 1 (satu) tahun", 0.5),
        ("setiap 6 (enam) bulan sekali", 0.5),
        ("sekurang-kurangnya 1 (satu) kali dalam 3 (tiga) tahun", 3),
        # every-N forms drafters use besides the Perpres's own wording
        ("pemeriksaan dilakukan tiap tahun", 1),
        ("ditinjau tiap-tiap tahun", 1),
        ("dilakukan setiap 2 (dua) tahun oleh tim", 2),
        ("audit dua tahunan", 2),
        ("evaluasi tiga tahunan atas sistem", 3),
        ("laporan enam bulanan", 0.5),
        ("sekali tiap dua tahun", 2),
        ("1 (satu) kali per tahun", 1),
        ("setiap tahun sekali", 1),
        ("per tiga tahun", 3),
        ("paling lambat setiap 4 (empat) tahun", 4),
        ("tiga kali dalam kurun waktu satu tahun", 1 / 3),
    ],
)
def test_frequencies_as_longest_interval(text, interval):
    [value] = frequencies(text)
    assert value.years == pytest.approx(interval)
    assert text[value.start:value.end] == value.printed


def test_a_frequency_is_not_also_read_as_a_period():
    text = "Audit dilaksanakan paling sedikit 1 (satu) kali dalam 2 (dua) tahun."
    assert periods(text) == []


def test_deadlines_are_not_periods():
    assert periods("disampaikan paling lama 3 (tiga) tahun sejak ditetapkan") == []
    assert periods("ditinjau dalam waktu 1 (satu) tahun") == []


def test_no_value_in_plain_periodic_wording():
    assert frequencies("Audit TIK dilakukan secara berkala.") == []
    assert periods("pada tahun anggaran berjalan") == []


@pytest.mark.parametrize(("text", "n"), [("5", 5), ("lima", 5), ("5 (lima)", 5), ("dua belas", 12),
                                         ("dua puluh lima", 25), ("se", 1), ("sebelas", 11)])
def test_numbers_in_digits_and_words(text, n):
    assert number(text) == n


def test_regulation_numbers_are_not_periods():
    assert periods("sesuai Peraturan Presiden Nomor 95 Tahun 2018 tentang SPBE") == []
    assert periods("Undang-Undang No. 11 Tahun 2008") == []


def test_an_every_n_frequency_prints_its_own_words():
    text = "Uji keamanan sistem dilakukan sekali tiap dua tahun dan dilaporkan tiap-tiap tahun."
    assert [(v.printed, v.years) for v in frequencies(text)] == [("sekali tiap dua tahun", 2), ("tiap-tiap tahun", 1)]


def test_plural_years_words_are_not_frequencies():
    assert frequencies("selama bertahun-tahun dan tahun-tahun berikutnya") == []
