"""The official text must be Perpres 95/2018 itself: any other act is refused before any work."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.catalog import load_catalog
from compliance.cli import main
from compliance.errors import ComplianceError
from compliance.official import expected_id, load_official
from compliance.verify import verify
from tests.conftest import CORPUS, EXAMPLES
from tests.test_verify import OFFICIAL

SAMPLE = EXAMPLES / "perwal-banyuasri-2022-spbe.txt"
# Another Perpres on a neighbouring subject: same kind, same year range, wrong number.
SATU_DATA = OFFICIAL.replace("NOMOR 95 TAHUN 2018", "NOMOR 39 TAHUN 2019").replace(
    "SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK", "SATU DATA INDONESIA")


def _run(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_catalog_names_the_act_it_is_about():
    assert expected_id(load_catalog()) == "perpres/2018/95"


def test_the_perpres_itself_is_accepted(tmp_path: Path):
    official = load_official(_write(tmp_path, "perpres.txt", OFFICIAL))
    assert official.metadata.nomor == "95" and official.metadata.tahun == 2018


def test_another_perpres_is_refused_by_the_library_too(tmp_path: Path):
    with pytest.raises(ComplianceError) as err:
        load_official(_write(tmp_path, "perpres-39.txt", SATU_DATA))
    assert err.value.code == "national-wrong-act"
    assert "Nomor 39 Tahun 2019" in err.value.message("id")
    from compliance import load

    with pytest.raises(ComplianceError):  # verify() never confirms against the wrong act
        verify(load_catalog(), load(tmp_path / "perpres-39.txt"))


def test_rules_verify_refuses_another_act_in_indonesian(tmp_path: Path):
    wrong = _write(tmp_path, "satu-data.txt", SATU_DATA)
    result = _run("rules", "verify", str(wrong))
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert "bukan teks resmi Peraturan Presiden Nomor 95 Tahun 2018" in result.output
    assert "terkonfirmasi" not in result.output and "Traceback" not in result.output


def test_check_refuses_the_wrong_national_text_before_any_work(tmp_path: Path):
    wrong = _write(tmp_path, "satu-data.txt", SATU_DATA)
    out = tmp_path / "laporan.html"
    result = _run("check", str(SAMPLE), "--national", str(wrong), "-o", str(out), "--no-cache")
    assert result.exit_code == 1 and "bukan teks resmi" in result.output
    assert not out.exists()
    # the same through the environment and through the config file, and for a folder
    env = _run("check", str(SAMPLE), "-o", str(out), "--no-cache", env={"COMPLIANCE_NATIONAL": str(wrong)})
    assert env.exit_code == 1 and "bukan teks resmi" in env.output and not out.exists()
    config = tmp_path / "xdg" / "compliance"
    config.mkdir(parents=True)
    (config / "config.toml").write_text(f'national = "{wrong.as_posix()}"\n', encoding="utf-8")
    conf = _run("check", str(SAMPLE), "-o", str(out), "--no-cache",
                env={"XDG_CONFIG_HOME": str(tmp_path / "xdg"), "COMPLIANCE_NATIONAL": ""})
    assert conf.exit_code == 1 and "bukan teks resmi" in conf.output and not out.exists()
    folder = _run("check", str(EXAMPLES), "-o", str(tmp_path / "laporan"), "--national", str(wrong), "--no-cache")
    assert folder.exit_code == 1 and "bukan teks resmi" in folder.output
    assert not (tmp_path / "laporan").exists()


def test_a_text_without_identity_is_refused(tmp_path: Path):
    anonymous = _write(tmp_path, "tanpa-judul.txt", "Pasal 1\nKetentuan contoh.\n\nPasal 2\nKetentuan lain.\n")
    result = _run("rules", "verify", str(anonymous))
    assert result.exit_code == 1 and "identitas peraturan tidak terbaca" in result.output


@pytest.mark.parametrize("name", ["UU_2008_011.pdf", "PP_2000_052.pdf", "PERMENKOMINFO_2018_001.pdf"])
def test_real_national_acts_are_refused(name: str):
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"shared corpus not available ({path})")
    result = _run("rules", "verify", str(path))
    assert result.exit_code == 1, result.output
    assert "bukan teks resmi" in result.output and "terkonfirmasi" not in result.output
