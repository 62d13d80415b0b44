"""Region folders for the tests, built from the fictional samples in ``examples/``.

Each instrument is a sample's text with its identity rewritten (another region, kind,
number or title) or a new small instrument made of a sample's header and closing with
articles taken from a sample. Nothing here is read by the tool except through files.
"""

from __future__ import annotations

import re
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

SUKAMAJU_OLD = "perbup-sukamaju-2016-egov.txt"
BANYUASRI = "perwal-banyuasri-2022-spbe.txt"
TIRTARAYA = "perwal-tirtaraya-2017-tik.txt"


def sample(name: str) -> str:
    return (EXAMPLES / name).read_text(encoding="utf-8")


def banyuasri_as_sukamaju(nomor: str = "5", tahun: str = "2022") -> str:
    """The Banyuasri SPBE Perwal rewritten as a Peraturan Bupati Sukamaju that revokes the
    2016 Perbup Sukamaju on e-Government (its closing article names that one instead)."""
    text = sample(BANYUASRI)
    text = text.replace("Peraturan Wali Kota Banyuasri Nomor 12 Tahun 2015 tentang Pedoman Penerapan E-Government "
                        "(Berita Daerah Kota Banyuasri Tahun 2015 Nomor 12)",
                        "Peraturan Bupati Sukamaju Nomor 27 Tahun 2016 tentang Pedoman Pelaksanaan E-Government di "
                        "Lingkungan Pemerintah Kabupaten Sukamaju (Berita Daerah Kabupaten Sukamaju Tahun 2016 Nomor 27)")
    text = text.replace("NOMOR 18 TAHUN 2022", f"NOMOR {nomor} TAHUN {tahun}")
    for old, new in (("PERATURAN WALI KOTA", "PERATURAN BUPATI"), ("WALI KOTA", "BUPATI"),
                     ("Peraturan Wali Kota", "Peraturan Bupati"), ("Wali Kota", "Bupati"),
                     ("KOTA BANYUASRI", "KABUPATEN SUKAMAJU"), ("Kota Banyuasri", "Kabupaten Sukamaju"),
                     ("BANYUASRI", "SUKAMAJU"), ("Banyuasri", "Sukamaju"), ("NUSA WIDURI", "SEGARA UTARA")):
        text = text.replace(old, new)
    return text


def _header_and_closing(text: str) -> tuple[str, str]:
    body = text.index("\nBAB I\n")
    closing = text.index("\nDitetapkan di")
    return text[:body], text[closing:]


def _article(text: str, label: str) -> str:
    """The text of ``Pasal label`` of a sample (without its heading)."""
    m = re.search(rf"\nPasal {label}\n(.*?)(?=\n\n|\nPasal \d)", text, re.S)
    assert m, label
    return m.group(1)


def small_instrument(base: str, *, nomor: str, tahun: str, tentang: str, articles: list[str],
                     day: str = "2 Maret") -> str:
    """A new instrument of the base sample's region: its header with a new number, year and
    title, the given article texts as Pasal 1..n, then an entry-into-force article and the
    sample's closing (dated in ``tahun``)."""
    text = sample(base)
    header, closing = _header_and_closing(text)
    old_tentang = re.search(r"\nTENTANG\n\n(.*?)\n\nDENGAN RAHMAT", header, re.S).group(1)
    header = header.replace(old_tentang, tentang.upper())
    header = re.sub(r"NOMOR \d+ TAHUN \d{4}", f"NOMOR {nomor} TAHUN {tahun}", header, count=1)
    header = re.sub(r"(Menetapkan\s*:\s*PERATURAN [A-Z ]+? TENTANG ).*", lambda m: m.group(1) + tentang.upper() + ".",
                    header)
    kind = re.search(r"Menetapkan\s*:\s*(PERATURAN [A-Z ]+?) TENTANG", header).group(1).title()
    parts = [header.rstrip(), ""]
    for number, body in enumerate(articles + [f"{kind} ini mulai berlaku pada tanggal diundangkan."], 1):
        parts += [f"Pasal {number}", body, ""]
    closing = re.sub(r"pada tanggal \d+ \w+ \d{4}", f"pada tanggal {day} {tahun}", closing)
    closing = re.sub(r"TAHUN \d{4} NOMOR \d+", f"TAHUN {tahun} NOMOR {nomor}", closing)
    return "\n".join(parts) + closing


def banyuasri_arsitektur_5_years() -> str:
    """A Perwal Banyuasri 7/2023 on the Arsitektur SPBE: the sample's own Arsitektur article,
    but for 5 (lima) years, beside the 2022 Perwal that says 10 years. It revokes nothing."""
    pasal8 = _article(sample(BANYUASRI), "8").replace("10 (sepuluh) tahun", "5 (lima) tahun")
    return small_instrument(BANYUASRI, nomor="7", tahun="2023", tentang="Arsitektur SPBE Pemerintah Daerah",
                            articles=[pasal8])


def banyuasri_amendment() -> str:
    """Perwal Banyuasri 3/2024, Perubahan atas Perwal 18/2022: restates Pasal 8 for 5 years."""
    pasal8 = _article(sample(BANYUASRI), "8").replace("10 (sepuluh) tahun", "5 (lima) tahun")
    tentang = ("Perubahan atas Peraturan Wali Kota Banyuasri Nomor 18 Tahun 2022 tentang Penyelenggaraan Sistem "
               "Pemerintahan Berbasis Elektronik")
    amending = ("Beberapa ketentuan dalam Peraturan Wali Kota Banyuasri Nomor 18 Tahun 2022 tentang Penyelenggaraan "
                "Sistem Pemerintahan Berbasis Elektronik (Berita Daerah Kota Banyuasri Tahun 2022 Nomor 18) diubah "
                "sebagai berikut:\n1. Ketentuan Pasal 8 diubah sehingga berbunyi sebagai berikut:\n\nPasal 8\n"
                + pasal8)
    text = small_instrument(BANYUASRI, nomor="3", tahun="2024", tentang=tentang, articles=[amending])
    return text.replace("\nPasal 1\nBeberapa", "\nPasal I\nBeberapa").replace("\nPasal 2\nPeraturan", "\nPasal II\nPeraturan")


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def banyuasri_keputusan_tim() -> str:
    """Keputusan Wali Kota Banyuasri 188.45/21/HK/2022 setting the Tim Koordinasi SPBE that the
    2022 Perwal (Pasal 6) only names: the sample's header, Menimbang and Mengingat, then diktum
    forming the team, its chair and members (in a Lampiran) and its tasks, and the sample's
    signature."""
    text = sample(BANYUASRI)
    header, closing = _header_and_closing(text)
    header = header[:header.index("MEMUTUSKAN")]
    header = header.replace("PERATURAN WALI KOTA BANYUASRI\nNOMOR 18 TAHUN 2022",
                            "KEPUTUSAN WALI KOTA BANYUASRI\nNOMOR 188.45/21/HK/2022")
    header = header.replace("PENYELENGGARAAN SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK",
                            "TIM KOORDINASI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK")
    body = (
        "MEMUTUSKAN:\n\nMenetapkan :\n"
        "KESATU : Membentuk Tim Koordinasi Sistem Pemerintahan Berbasis Elektronik Kota Banyuasri yang "
        "selanjutnya disebut Tim Koordinasi SPBE, diketuai oleh Sekretaris Daerah, dengan susunan keanggotaan "
        "sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.\n"
        "KEDUA : Tim Koordinasi SPBE sebagaimana dimaksud dalam Diktum KESATU bertugas:\n"
        "a. mengoordinasikan penyusunan kebijakan SPBE di lingkungan Pemerintah Daerah;\n"
        "b. mengarahkan penerapan Arsitektur SPBE dan Peta Rencana SPBE oleh Perangkat Daerah;\n"
        "c. melaporkan pelaksanaan tugasnya kepada Wali Kota setiap 6 (enam) bulan.\n"
        "KETIGA : Keputusan ini mulai berlaku pada tanggal ditetapkan.\n")
    closing = closing[:closing.index("\nDiundangkan di")]
    lampiran = ("\n\nLAMPIRAN KEPUTUSAN WALI KOTA BANYUASRI\nNOMOR 188.45/21/HK/2022\n"
                "TENTANG TIM KOORDINASI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK\n\n"
                "SUSUNAN KEANGGOTAAN TIM KOORDINASI SPBE\n"
                "Ketua : Sekretaris Daerah\n"
                "Sekretaris : Kepala Dinas Komunikasi, Informatika, Statistik, dan Persandian\n"
                "Anggota : Kepala Badan Perencanaan Pembangunan Daerah; Kepala Badan Keuangan Daerah; "
                "Inspektur\n")
    return header + body + closing + lampiran
