from compliance.models import Article, Ayat, Heading, Metadata, Regulation, Source
from compliance.outline import md_escape, render_markdown, render_outline


def _regulation() -> Regulation:
    reg = Regulation(source=Source("x.txt", "0" * 64, 1))
    reg.metadata = Metadata(jenis="Peraturan Bupati", jenis_kode="perbup", daerah="Sukamaju", nomor="3", tahun=2020,
                            tentang="Sistem <Pemerintahan> Berbasis Elektronik")
    bab = Heading("I", "KETENTUAN UMUM")
    reg.articles = [
        Article("1", "Dalam Peraturan Bupati ini yang dimaksud dengan: 1. Daerah adalah *Kabupaten*.", 1, bab=bab),
        Article("2", "(1) Bupati menetapkan [kebijakan].\n- butir", 2, bab=bab, ayat=[Ayat("1", "Bupati menetapkan.")]),
    ]
    return reg


def test_md_escape_neutralises_markup():
    assert md_escape("<b>*x*</b> [a](b)") == "\\<b\\>\\*x\\*\\</b\\> \\[a\\](b)"
    assert md_escape("- a\n1. b") == "\\- a\n1\\. b"


def test_outline_shows_identity_headings_and_articles():
    text = render_outline(_regulation())
    assert text.splitlines()[0] == "Peraturan Bupati Sukamaju Nomor 3 Tahun 2020"
    assert "BAB I KETENTUAN UMUM" in text
    assert text.count("BAB I") == 1
    assert "Pasal 2 [1 ayat]" in text


def test_markdown_escapes_regulation_text():
    md = render_markdown(_regulation())
    assert "\\<Pemerintahan\\>" in md
    assert "\\*Kabupaten\\*" in md
    assert "\\[kebijakan\\]" in md
    assert "\n\\- butir" in md


def test_outline_and_markdown_speak_the_chosen_language():
    from compliance.models import Block, Lampiran, Warning_

    reg = _regulation()
    reg.articles.append(Article("5", "Teks kutipan.", 3, parent="I"))
    reg.lampiran = [Lampiran("Tabel", 4, "LAMPIRAN I")]
    reg.unplaced = [Block("sisa", 5)]
    reg.warnings = [Warning_("unplaced-text", "sisa", 5)]
    indonesian, english = render_outline(reg), render_outline(reg, "en")
    assert "Menimbang: 0 butir · Mengingat: 0 butir · Pasal: 3" in indonesian
    assert "Pasal 5 (dalam Pasal I):" in indonesian and "Lampiran (hlm. 4): LAMPIRAN I" in indonesian
    assert "Peringatan (1):" in indonesian and "unplaced-text hlm. 5: sisa" in indonesian
    assert "Menimbang: 0 items · Mengingat: 0 items · Pasal: 3" in english
    assert "Pasal 5 (in Pasal I):" in english and "Lampiran (p. 4): LAMPIRAN I" in english
    assert "Warnings (1):" in english and "butir ·" not in english and "hlm." not in english
    assert "## Teks tidak terpetakan (hlm. 5)" in render_markdown(reg)
    md = render_markdown(reg, "en")
    assert "### Pasal 5 (in Pasal I)" in md and "## Text not placed in the structure (p. 5)" in md


def test_first_line_is_the_start_of_the_whole_text_on_one_line():
    """Cut from the text's start or from all of it, the line is the same, whatever the spacing."""
    import random

    from compliance.outline import first_line

    rng = random.Random(7)
    pieces = ["Pasal", "ayat", "(1)", " ", "  ", "\n", "\t", "\u00a0", "SPBE", "Pemerintah Daerah"]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 120)))
        for width in (10, 90, 110):
            flat = " ".join(text.split())
            assert first_line(text, width) == (flat if len(flat) <= width else flat[: width - 1] + "…")
