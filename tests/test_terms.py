"""Indonesian morphology, reduplication, OCR noise and vocabulary sets in term matching."""

from __future__ import annotations

import pytest

from compliance.catalog import load_catalog
from compliance.terms import TermError, Terms, affixed_forms
from tests.conftest import EXAMPLES


def found(specs, text, vocabulary=None):
    terms = Terms(specs, vocabulary or load_catalog().vocabulary)
    return [text[s:e] for s, e in terms.find(text)]


@pytest.mark.parametrize(
    ("root", "forms"),
    [
        ("tetap", ["menetapkan", "ditetapkan", "penetapan", "ketetapan"]),
        ("susun", ["menyusun", "disusun", "penyusunan"]),
        ("koordinasi", ["mengoordinasikan", "mengkoordinasikan", "dikoordinasikan", "berkoordinasi", "pengoordinasian"]),
        ("periksa", ["memeriksa", "pemeriksaan", "diperiksa"]),
        ("padu", ["terpadu", "keterpaduan", "memadukan"]),
        ("sah", ["pengesahan", "disahkan", "mengesahkan"]),
        ("kala", ["berkala"]),
        ("baru", ["memperbarui", "pembaruan"]),
    ],
)
def test_affixed_root_matches_its_inflections(root, forms):
    for form in forms:
        assert found([f"~{root}"], f"yang {form} itu") == [form], form


@pytest.mark.parametrize("root", ["tetap", "kelola", "susun", "sah", "evaluasi", "koordinasi", "padu"])
def test_a_root_term_accepts_every_affixed_form(root):
    """``affixed_forms`` is the specification; the compact expression must accept all of it."""
    for form in affixed_forms(root):
        for word in (form, form + "kan", form + "nya"):
            assert found([f"~{root}"], f"yang {word} itu", {}) == [word], word


def test_root_does_not_match_unrelated_words():
    assert found(["~tetap"], "tetangga dan ketapang") == []
    assert "etap" not in affixed_forms("tetap")


def test_plain_words_take_suffixes_and_reduplication():
    text = "aplikasi-aplikasi khusus, aplikasinya, dan keamanannya"
    assert found(["aplikasi", "keamanan"], text) == ["aplikasi-aplikasi", "aplikasinya", "keamanannya"]


def test_ocr_confusions_in_longer_words():
    assert found(["informatika"], "Dinas Komunikasi dan lnformatika") == ["lnformatika"]
    assert found(["kebijakan"], "keb1jakan umum") == ["keb1jakan"]


def test_acronyms_are_case_sensitive_and_whole_words():
    assert found(["TIK"], "Dewan TIK dan praktik yang tik") == ["TIK"]
    assert found(["LAN"], "pelaksanaan LAN") == ["LAN"]


def test_compounds_tolerate_hyphen_and_space():
    assert found(["e-Government"], "e-Government, E Government dan eGovernment") == [
        "e-Government", "E Government", "eGovernment"]


def test_vocabulary_sets_expand_inside_phrases():
    text = "menyusun arsitektur e-Government, Arsitektur TIK, dan arsitektur teknologi informasi dan komunikasi"
    assert found(["arsitektur @spbe"], text) == [
        "arsitektur e-Government", "Arsitektur TIK", "arsitektur teknologi informasi dan komunikasi"]


def test_functional_institution_names_match_like_acronyms():
    text = ("berkoordinasi dengan lembaga yang menyelenggarakan tugas pemerintahan di bidang keamanan siber "
            "dan dengan BSSN")
    assert found(["@bssn"], text) == [
        "lembaga yang menyelenggarakan tugas pemerintahan di bidang keamanan siber", "BSSN"]


def test_all_groups_need_every_group_and_near_limits_distance():
    group = {"all": [["@kepala-daerah"], ["~tetap"]]}
    assert found([group], "Peta Rencana ditetapkan dengan Peraturan Wali Kota.") == ["ditetapkan", "Wali Kota"]
    assert found([group], "Peta Rencana disusun oleh Dinas.") == []
    near = {"all": [["@kepala-daerah"], ["~tetap"]], "near": 30}
    far = "Bupati membentuk tim yang terdiri atas banyak anggota dari berbagai unit, lalu ditetapkan."
    assert found([near], far) == []
    assert found([near], "Bupati menetapkan kebijakan.") == ["Bupati", "menetapkan"]


@pytest.mark.parametrize(
    ("specs", "message"),
    [
        (["kebijakan @tidak-ada"], "unknown vocabulary set"),
        (["re:(unclosed"], "bad expression"),
        ([{"all": "x"}], "a group must be"),
        ([{"all": [["a"], ["b"]], "near": 0}], "near must be"),
    ],
)
def test_bad_terms_are_rejected_with_a_reason(specs, message):
    with pytest.raises(TermError, match=message):
        Terms(specs, {"spbe": ["SPBE"]})


def test_value_terms_read_frequencies_and_periods_with_their_words():
    text = "Uji kelaikan dilakukan sekali tiap dua tahun, rencana berlaku untuk lima tahun."
    assert found(["value:frequency"], text) == ["sekali tiap dua tahun"]
    assert found(["value:period"], text) == ["untuk lima tahun"]
    assert found([{"all": [["uji kelaikan"], ["value:frequency"]]}], text) == ["Uji kelaikan", "sekali tiap dua tahun"]


def test_a_vocabulary_set_of_values_expands():
    assert found(["@periodic"], "audit dilakukan dua tahunan") == ["dua tahunan"]


@pytest.mark.parametrize("spec", ["audit value:frequency", "value:kadang"])
def test_value_terms_stand_alone_and_name_a_known_kind(spec):
    with pytest.raises(TermError):
        Terms([spec], {})


def test_a_match_starts_in_a_word_holding_a_start_literal():
    """``Compiled.starts``: a plain word's first run of letters, which starts the word; a
    root's sharp literal, at most as far into the word as its longest affixed form allows
    ("mempertetap"); a set's members' own; unknown (None) when one is shorter than three
    characters."""
    from compliance.terms_compile import compiler_for

    compiler = compiler_for({"org": ["dinas kominfo", "~tetap"]})
    assert compiler.alternatives(["tim koordinasi", "~sahkan"]).starts == (("ahkan", 7), ("tim", 0))
    assert compiler.alternatives(["@org oleh"]).starts == (("dinas", 0), ("etap", 7))
    assert compiler.alternatives(["SPBE", "e-Gov"]).starts == (("gov", 2), ("spbe", 0))  # "e" is too short
    assert compiler.alternatives(["Ll1-ayanan"]).starts == (("iii", 0),)
    assert compiler.alternatives(["TIK/SPBE"]).starts == (("tik", 0),)
    assert compiler.alternatives(["e-x", "tim"]).starts is None  # no run long enough
    assert compiler.alternatives(["(a) tim"]).starts is None


@pytest.mark.parametrize("name", ["perbup-sukamaju-2016-egov.pdf", "perwal-banyuasri-2022-spbe.txt"])
def test_matches_tried_at_start_words_are_those_a_search_finds(name):
    """Every folded expression of the catalog, tried only at the words holding its start
    literals, finds in every unit of a sample exactly what ``finditer`` finds there."""
    import compliance
    from compliance.match_units import units
    from compliance.terms import Prepared
    from tests.conftest import EXAMPLES

    catalog = load_catalog()
    lists = [catalog.outline, catalog.listing, catalog.composition, catalog.delegation, catalog.plans]
    for entry in catalog.entries:
        lists += [entry.signals, entry.weak_signals] + [e.terms for e in entry.elements]
    slices = [(Prepared.of(u.text), u.start, u.end) for u in units(compliance.load(EXAMPLES / name))]
    assert all(prepared.plain for prepared, _, _ in slices)
    anchored = found = 0
    for gated in (g for terms in lists for g in terms.gated()):
        folded, _ = gated.patterns()
        if folded is None:
            continue
        anchored += gated._starts is not None
        for prepared, start, end in slices:
            expected = [(m.start() - start, m.end() - start) for m in folded.finditer(prepared.folded, start, end)]
            assert gated.spans(prepared, start, end, (True, False, False)) == expected
            found += len(expected)
    assert anchored > 100 and found > 100


def test_a_hyphenated_word_is_found_from_its_longer_run():
    """"e-Gov" is sought by "gov", its match starting up to two characters before it:
    written with a hyphen, a space or joined, at a text's very start too."""
    terms = Terms(["e-Gov"], {})
    text = "e-Gov, layanan e Gov dan eGov; bukan keGov atau e--Gov."
    assert terms.alternatives.starts == (("gov", 2),)
    assert [text[s:e] for s, e in terms.find(text)] == ["e-Gov", "e Gov", "eGov"]


def test_folding_maps_each_confusable_character_once():
    """OCR confusions become one letter each, the text keeps its length, and nothing is
    folded twice ("l" -> "i" stays "i")."""
    from compliance.terms import fold

    text = "Lalu 1|! 10 Íl l0gika"
    assert fold(text) == "Iaiu iii io Íi iogika"
    assert len(fold(text)) == len(text)


def test_an_ascii_text_is_folded_in_one_pass_as_the_pairs_fold_it():
    """``fold`` maps an ASCII text by one byte table: the same text as the pairs applied in
    turn, on every ASCII character, on words, and on the sample regulations' texts."""
    from compliance.terms_compile import _FOLD, fold

    def by_pairs(text: str) -> str:
        for old, new in _FOLD:
            text = text.replace(old, new)
        return text

    texts = ["".join(map(chr, range(128))), "", "l", "SPBE", "Lalu 1|! 10 l0gika"]
    for path in sorted(EXAMPLES.glob("*.txt")):  # each sample whole (not ASCII) and its lines (most are)
        texts += [path.read_text(encoding="utf-8"), *path.read_text(encoding="utf-8").splitlines()]
    assert sum(text.isascii() and by_pairs(text) != text for text in texts) > 100
    for text in texts:
        assert fold(text) == by_pairs(text)
        assert type(fold(text)) is str
