"""config.toml: the batch's file timeout; read on every supported Python (tomllib, or tomli on
3.10); a misspelled key reported instead of silently ignored; a wrong value refused in one line."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.config import FILE_TIMEOUT_S, file_timeout, national_pdf
from compliance.errors import ComplianceError


def test_file_timeout_from_environment_then_config_file(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delenv("COMPLIANCE_FILE_TIMEOUT", raising=False)
    assert file_timeout() == FILE_TIMEOUT_S
    (tmp_path / "compliance").mkdir()
    (tmp_path / "compliance" / "config.toml").write_text("file_timeout = 90\n", encoding="utf-8")
    assert file_timeout() == 90
    monkeypatch.setenv("COMPLIANCE_FILE_TIMEOUT", "0")
    assert file_timeout() == float("inf")
    for bad in ("-5", "lama", "nan"):
        monkeypatch.setenv("COMPLIANCE_FILE_TIMEOUT", bad)
        with pytest.raises(ComplianceError) as info:
            file_timeout()
        assert info.value.code == "config-invalid" and "COMPLIANCE_FILE_TIMEOUT" in info.value.message("id")


# --- config.toml read on every supported Python, unknown keys reported -----------


@pytest.fixture
def config(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delenv("COMPLIANCE_NATIONAL", raising=False)
    folder = tmp_path / "compliance"
    folder.mkdir()
    return folder / "config.toml"


def test_national_path_is_read_and_unknown_keys_are_warned_with_the_closest_one(config):
    config.write_text('national = "~/perpres.pdf"\nnasional = "x"\n', encoding="utf-8")
    warnings = []
    assert national_pdf(None, warn=warnings.append) == Path("~/perpres.pdf").expanduser()
    assert [w.params["key"] for w in warnings] == ["nasional"]
    assert "pengaturan «nasional» tidak dikenal" in warnings[0].message("id")
    assert "maksudnya national?" in warnings[0].message("id")


def test_a_non_string_national_is_refused(config):
    config.write_text("national = 3\n", encoding="utf-8")
    with pytest.raises(ComplianceError):
        national_pdf(None)


def test_the_cli_prints_the_warning_on_stderr_and_goes_on(config, tmp_path):
    config.write_text('nasional = "/tmp/perpres.pdf"\n', encoding="utf-8")
    sample = Path(__file__).resolve().parents[1] / "examples" / "perwal-banyuasri-2022-spbe.pdf"
    result = CliRunner().invoke(main, ["check", str(sample), "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "compliance: peringatan:" in result.output and "«nasional»" in result.output
    assert "Skor:" in result.output
