"""The command line in the user's language: help, usage errors and click's own messages
in Indonesian by default, English with ``--lang en`` (anywhere) or ``COMPLIANCE_LANG=en``."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.cli_lang import lang_from_args
from compliance.cli_texts import HELP_ID


def _run(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env, prog_name="compliance")


def _commands(group: click.Group, prefix=()):
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


def test_lang_is_read_anywhere_before_a_double_dash():
    assert lang_from_args(["check", "x.pdf", "--lang", "en"], {}) == "en"
    assert lang_from_args(["--lang=en", "check"], {}) == "en"
    assert lang_from_args(["check", "--", "--lang", "en"], {}) == "id"
    assert lang_from_args(["check"], {"COMPLIANCE_LANG": "en"}) == "en"
    assert lang_from_args(["check", "--lang", "id"], {"COMPLIANCE_LANG": "en"}) == "id"
    assert lang_from_args(["check"], {"COMPLIANCE_LANG": "fr"}) == "id"


def test_help_is_indonesian_by_default_and_english_on_request():
    indonesian = _run("--help").output
    assert "Penggunaan: compliance [OPSI] PERINTAH" in indonesian and "Opsi:" in indonesian
    assert "Tampilkan bantuan ini lalu keluar." in indonesian
    assert "Memeriksa peraturan" in indonesian  # the command list
    english = _run("--help", "--lang", "en").output
    assert "Usage: compliance [OPTIONS] COMMAND" in english and "Show this message and exit." in english


@pytest.mark.parametrize("path,command", list(_commands(main)), ids=lambda v: " ".join(v) if isinstance(v, tuple)
                         else "")
def test_every_help_text_has_its_indonesian_form(path, command):
    texts = [command.help] + [p.help for p in command.params if getattr(p, "help", None)]
    missing = [t for t in texts if t and " ".join(t.split()) not in HELP_ID and t not in ("Show the version and exit.",)]
    assert not missing, f"add the Indonesian help of `{' '.join(path)}` to compliance/cli_texts.py HELP_ID: {missing}"
    result = _run(*path, "--help")
    assert result.exit_code == 0 and "Penggunaan:" in result.output and "Opsi:" in result.output


def test_click_usage_errors_are_indonesian_with_exit_2():
    result = _run("check")
    assert result.exit_code == 2
    assert "Galat: Argumen belum diberikan" in result.output
    assert "Coba 'compliance check --help' untuk bantuan." in result.output
    typo = _run("chekc")
    assert "Perintah 'chekc' tidak ada" in typo.output and "Maksud Anda 'check'?" in typo.output
    bad = _run("check", "x.pdf", "--format", "xlsx")
    assert "Nilai tidak sah untuk '--format'" in bad.output and "bukan salah satu dari" in bad.output
    option = _run("check", "x.pdf", "--tidak-ada")
    assert "Opsi tidak ada: --tidak-ada" in option.output or "tidak ada" in option.output


def test_click_usage_errors_are_english_with_lang_en_after_the_command():
    result = _run("check", "x.pdf", "--format", "xlsx", "--lang", "en")
    assert result.exit_code == 2
    assert "Error: Invalid value for '--format'" in result.output


def test_a_wrong_lang_value_is_refused_in_indonesian():
    result = _run("--lang", "fr", "demo")
    assert result.exit_code == 2 and "Nilai tidak sah untuk '--lang'" in result.output


def test_path_metavars_and_their_errors_follow_the_language(tmp_path):
    """click names a path type once, in the language of the moment it was made: English help
    and errors said FOLDER / BERKAS; the Indonesian ones stay as they were."""
    for lang in ("en", "id", "en"):  # switching back and forth in one process
        serve = _run("serve", "--help", "--lang", lang).output
        check = _run("check", "--help", env={"COMPLIANCE_LANG": lang}).output
        if lang == "en":
            assert "--password-file FILE" in serve and "--data-dir DIRECTORY" in serve
            assert "--cache-dir DIRECTORY" in check and "FOLDER" not in serve + check and "BERKAS" not in serve
        else:
            assert "--password-file BERKAS" in serve and "--data-dir FOLDER" in serve
            assert "--cache-dir FOLDER" in check
    a_file = tmp_path / "store"
    a_file.write_text("")
    english = _run("check", "x.pdf", "--cache-dir", str(a_file), "--lang", "en")
    assert english.exit_code == 2 and f"Directory '{a_file}' is a file." in english.output
    indonesian = _run("check", "x.pdf", "--cache-dir", str(a_file))
    assert indonesian.exit_code == 2 and "adalah berkas, bukan folder." in indonesian.output
