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
