"""markers: the parser's vocabulary is regulations/markers.yaml, compiled once; a new spelling
is a YAML line. The proofs edit a copy of the data folder and parse with it, no code changed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

import compliance.resources as resources
from compliance.cite_find import find
from compliance.cite_vocab import vocabulary
from compliance.clean import clean
from compliance.markers import Markers, markers
from compliance.metadata import iso_date
from compliance.models import Page, Source
from compliance.parse import parse
from compliance.values import frequencies

REPO = Path(__file__).resolve().parents[1]

REGULATION = """PERATURAN WALI KOTA CONTOH
NOMOR 3 TAHUN 2021
TENTANG
SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK
Menimbang : a. bahwa perlu mengatur SPBE;
Mengingat : 1. Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem
Pemerintahan Berbasis Elektronik;
MEMUTUSKAN:
Menetapkan : PERATURAN WALI KOTA TENTANG SPBE.
BAB I
KETENTUAN UMUM
Bagian Kesatu
Pengertian
Pasal 1
Dalam Peraturan Wali Kota ini yang dimaksud dengan SPBE adalah sistem elektronik.
Bagian Kedua Puluh Satu
Tata Kelola
Pasal 2
Pemerintah Daerah menyusun Rencana Induk SPBE.
Ditetapkan di Contoh
pada tanggal 17 Agst 2021
WALI KOTA CONTOH,
ttd
BUDI
PENJELASAN
ATAS
PERATURAN WALI KOTA CONTOH NOMOR 3 TAHUN 2021
I. UMUM
SPBE perlu diatur.
II. PASAL DEMI PASAL
Pasal 1 hingga Pasal 2
Cukup jelas."""


def _parse():
    return parse(clean([Page(1, REGULATION)]), Source("contoh.txt", "0" * 64, 1))


def _clear_caches() -> None:
    resources.data_yaml.cache_clear()
    markers.cache_clear()
    vocabulary.cache_clear()


@pytest.fixture
def edited_data(tmp_path, monkeypatch):
    """Edit a copy of regulations/: ``edit(name, function)`` changes the parsed content of one
    YAML file, then every module reads the copy (the caches are cleared around the test)."""
    folder = tmp_path / "regulations"
    shutil.copytree(REPO / "regulations", folder)

    def edit(name: str, change) -> None:
        path = folder / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        _clear_caches()

    real = resources.data_dir
    monkeypatch.setattr(resources, "data_dir", lambda name: folder if name == "regulations" else real(name))
    yield edit
    _clear_caches()


def test_every_entry_compiles_and_refers_to_defined_entries():
    vocab = markers()
    names = list(vocab._sources)
    assert len(names) > 60
    for name in names:
        assert isinstance(getattr(vocab, name), re.Pattern), name
    assert getattr(vocab, "pasal_heading") is vocab.pasal_heading  # compiled once, then kept
    with pytest.raises(AttributeError):
        vocab.no_such_marker


def test_pasal_heading_is_written_once_and_reused():
    vocab = markers()
    assert vocab.pasal_heading.match("Pasal 8A").group("raw") == "8A"
    assert vocab.pasal_heading.match("“Pasal 8").group("raw") == "8"
    assert not vocab.pasal_heading.match("Pasal 8 ayat (2) berbunyi")
    for name in ("pasal_heading", "body_start", "penjelasan_pasal", "quoted_article_named"):
        assert "{{pasal_word}}" in vocab._sources[name], name


def test_a_list_is_one_group_and_a_flag_is_scoped_when_embedded():
    vocab = Markers({"values": {"words": ["a", "b"]},
                     "x": {"loud": "(?i)yes", "both": "^{{words}}-{{loud}}$", "list": ["p", "q{{loud}}"]}})
    assert vocab.both.pattern == "^(?:a|b)-(?i:yes)$"
    assert vocab.both.match("b-YES") and not vocab.both.match("B-yes")
    assert vocab.list.pattern == "p|q(?i:yes)"
    with pytest.raises(ValueError):
        Markers({"values": {}, "x": {"a": "1"}, "y": {"a": "2"}})
    with pytest.raises(ValueError):
        Markers({"values": {}, "x": {"a": "{{a}}"}}).a


def test_any_of_matches_where_one_of_its_entries_matches():
    """``any_of`` asks several entries at once: their groups' names dropped (two may share
    one), a leading flag kept to its entry, a back-reference kept working by matching all."""
    vocab = Markers({"values": {}, "x": {"ayat": r"^\((?P<label>\d+)\)", "item": r"^(?P<label>[a-z])\.",
                                         "loud": "(?i)^pasal", "twice": r"^(?P<w>\w+) (?P=w)$"}})
    either = vocab.any_of("ayat", "item", "loud")
    assert either.match("(2) Setiap") and either.match("b. huruf") and either.match("PASAL 3")
    assert not either.match("Setiap orang") and not either.match("B. HURUF")  # only "loud" ignores case
    assert vocab.any_of("ayat", "item") is vocab.any_of("ayat", "item")  # compiled once
    assert vocab.any_of("twice", "item").match("anything")  # cannot be combined: no line is ruled out


def test_without_the_new_words_they_are_text():
    reg = _parse()
    assert [a.label for a in reg.articles] == ["1", "2"]
    assert reg.articles[0].bagian.label == "Kesatu"
    assert reg.articles[1].bagian.label == "Kesatu"  # "Bagian Kedua Puluh Satu" is not an ordinal yet
    assert "Bagian Kedua Puluh Satu" in reg.articles[0].text
    assert reg.metadata.ditetapkan is None  # "Agst" is not a month yet
    assert reg.penjelasan.pasal == []  # "Pasal 1 hingga Pasal 2" heads no note yet
    assert frequencies("audit dilakukan saban dua tahun") == []


def test_a_new_spelling_is_a_yaml_line(edited_data):
    def add(data):
        data["values"]["bagian_ordinals"].append("Kedua Puluh Satu")
        data["values"]["months"]["agst"] = 8
        data["penjelasan"]["range_words"].append("hingga")
        data["periods"]["every"].append("saban")

    edited_data("markers.yaml", add)
    assert iso_date("17 Agst 2021") == "2021-08-17"
    reg = _parse()
    assert [a.label for a in reg.articles] == ["1", "2"]
    assert reg.articles[1].bagian.label == "Kedua Puluh Satu"
    assert reg.articles[1].bagian.title == "Tata Kelola"
    assert "Bagian" not in reg.articles[0].text
    assert reg.metadata.ditetapkan == "2021-08-17"
    assert [p["label"] for p in reg.penjelasan.pasal] == ["1 hingga Pasal 2"]
    [audit] = frequencies("audit dilakukan saban dua tahun")
    assert (audit.years, audit.printed) == (2, "saban dua tahun")


def test_a_new_lookalike_of_a_roman_i_is_a_yaml_line(edited_data):
    from compliance.models import Line
    from compliance.parse_lampiran import build_lampiran

    text = "LAMPIRAN\nKEPUTUSAN WALI KOTA CONTOH\nI. SUSUNAN KEANGGOTAAN\nKetua\nI!. URAIAN TUGAS\nTeks."

    def labels() -> list[str]:
        return [s.label for s in build_lampiran([Line(t, 1) for t in text.split("\n")]).sections]

    assert labels() == []  # "I!." is no numeral yet; "I." alone numbers nothing
    edited_data("markers.yaml", lambda data: data["values"].update(roman_i_lookalikes="l1|!"))
    assert labels() == ["angka romawi I", "angka romawi II"]


CITATION = ("sesuai Peraturan Presiden Nomor 95 Tahun 2018 mengenai Sistem Pemerintahan Berbasis Elektronik; "
            "Pasal 5 menurut Peraturan Presiden Nomor 95 Tahun 2018")


def test_a_new_citation_word_is_a_yaml_line(edited_data):
    found = find(CITATION)
    assert [s.title for s in found.regulations] == [None, None]
    assert found.groups[0].target is None

    def add(data):
        data["citation"]["title_words"].append("mengenai")
        data["citation"]["pinpoint_words"].append("menurut")

    edited_data("kinds.yaml", add)
    found = find(CITATION)
    assert [s.title for s in found.regulations] == ["Sistem Pemerintahan Berbasis Elektronik", None]
    assert found.groups[0].target is found.regulations[1]


MARKER_WORDS = re.compile(r"Pasal|BAB|Bagian|Paragraf|enimbang|engingat|MEMUTUSKAN|Menetapkan|Ditetapkan|"
                          r"Diundangkan|NOMOR|TAHUN|TENTANG|LAMPIRAN|UMUM|ayat|huruf|angka|bahwa|berbunyi|diubah|"
                          r"Lampiran|dihapus|BELAS|PULUH|nomor|tahun|Kota|Kabupaten|Provinsi")


def test_no_module_holds_a_marker_pattern():
    """The loader is the single source: no regular expression written in any module of the
    package (parser, citations, drafting aids, titles, reports ...) names a marker word or a
    region's level word (their remaining patterns are punctuation and number shapes); the words
    are in regulations/markers.yaml and kinds.yaml."""
    literal = re.compile(r"""re\.(?:compile|match|search|fullmatch|sub|split|findall|finditer)\(\s*(?:rf|fr|r|f)?(["'])(.*?)\1""")
    modules = sorted((REPO / "compliance").rglob("*.py"))
    assert len(modules) > 100 and REPO / "compliance" / "parse_lampiran.py" in modules
    for path in modules:
        source = path.read_text(encoding="utf-8")
        for m in literal.finditer(source):
            assert not MARKER_WORDS.search(m.group(2)), f"{path.relative_to(REPO)}: {m.group(2)}"
