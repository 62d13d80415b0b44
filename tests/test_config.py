import pytest

from compliance.config import FILE_TIMEOUT_S, file_timeout
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
