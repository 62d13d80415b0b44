from pathlib import Path

from compliance.batch import default_pipeline
from compliance.report_folder import check_many

EXAMPLES = Path(__file__).parents[1] / "examples"


def test_check_many_writes_one_report_per_file_and_an_index(tmp_path: Path):

    regs = tmp_path / "regs"
    for sub, sample in (("a", "perwal-banyuasri-2022-spbe.txt"), ("b", "perwal-banyuasri-2022-spbe.txt"),
                        ("b", "perbup-sukamaju-2016-egov.txt")):
        (regs / sub).mkdir(parents=True, exist_ok=True)
        text = (EXAMPLES / sample).read_text(encoding="utf-8")
        (regs / sub / sample).write_text(text + ("\n" if sub == "b" else ""), encoding="utf-8")  # distinct content
    (regs / "kosong.txt").write_bytes(b"")
    out = tmp_path / "laporan"
    results = check_many([regs], out, default_pipeline(), jobs=1)
    assert [r.error.code if r.error else None for r in results] == [None, None, None, "file-empty"]
    assert sorted(p.name for p in out.iterdir()) == [
        "index.html", "perbup-sukamaju-2016-egov.txt.html", "perwal-banyuasri-2022-spbe.txt-2.html",
        "perwal-banyuasri-2022-spbe.txt.html"]
    index = (out / "index.html").read_text(encoding="utf-8")
    for name in ("perbup-sukamaju-2016-egov.txt.html", "perwal-banyuasri-2022-spbe.txt-2.html"):
        assert f'href="{name}"' in index
    assert "Banyuasri · Perwal 18/2022" in index and "kosong.txt: berkas kosong" in index
    report = (out / "perwal-banyuasri-2022-spbe.txt.html").read_text(encoding="utf-8")
    assert "Banyuasri" in report and "<html" in report


def test_index_links_are_url_encoded_file_names(tmp_path: Path):
    regs = tmp_path / "regs"
    regs.mkdir()
    text = (EXAMPLES / "perwal-banyuasri-2022-spbe.txt").read_text(encoding="utf-8")
    for n, name in enumerate(("javascript:alert(1).txt", "#1.txt", "a b?.txt")):
        (regs / name).write_text(text + "\n" * n, encoding="utf-8")
    out = tmp_path / "laporan"
    check_many([regs], out, default_pipeline(), jobs=1)
    index = (out / "index.html").read_text(encoding="utf-8")
    hrefs = sorted(part.split('"')[0] for part in index.split('href="')[1:])
    assert hrefs == ["%231.txt.html", "a%20b%3F.txt.html", "javascript%3Aalert%281%29.txt.html"]
    assert all((out / name).is_file() for name in ("#1.txt.html", "a b?.txt.html", "javascript:alert(1).txt.html"))
    assert "sedang berjalan" not in index  # the final index says nothing of a batch in progress


def test_a_folder_check_cannot_go_to_stdout(tmp_path: Path):
    from click.testing import CliRunner

    from compliance.cli import main

    (tmp_path / "regs").mkdir()
    (tmp_path / "regs" / "a.txt").write_text("x", encoding="utf-8")
    run = CliRunner().invoke(main, ["check", str(tmp_path / "regs"), "-o", "-", "--no-cache"])
    assert run.exit_code == 2 and "-o" in run.stderr and not Path("-").exists()
