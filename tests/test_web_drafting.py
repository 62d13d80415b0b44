"""The drafting aids and the evaluation choice in the web app, through Starlette's test
client: the amendment draft with its list of changes and the diff are what ``compliance
amend`` / ``compliance diff`` write; bad uploads get an error page or a JSON error, nothing
is kept and the server goes on; ``?evaluation=`` is ``--evaluation``."""

from __future__ import annotations

import html
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("starlette")
pytest.importorskip("multipart")
from starlette.testclient import TestClient  # noqa: E402

from compliance.cli import main  # noqa: E402
from compliance.web import Settings, create_app  # noqa: E402
from conftest import EXAMPLES  # noqa: E402

BASE = "http://127.0.0.1:8765"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(200)
OLD = EXAMPLES / "perwal-banyuasri-2022-spbe.txt"
GAPPY = EXAMPLES / "perwal-tirtaraya-2017-tik.docx"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    root = tmp_path_factory.mktemp("web-drafting")
    app = create_app(Settings(data_dir=root / "data", cache_dir=root / "cache", workers=1,
                              max_upload=2 * 1024 * 1024))
    with TestClient(app, base_url=BASE, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def revised(tmp_path_factory) -> Path:
    """OLD with Pasal 5 dropped (the rest renumbered) and the audit period changed."""
    text = OLD.read_text(encoding="utf-8")
    text = text[:text.index("\nPasal 5\n")] + text[text.index("\nPasal 6\n"):]
    text = re.sub(r"(?m)^Pasal (\d+)$", lambda m: f"Pasal {int(m.group(1)) - 1}" if int(m.group(1)) > 5 else m.group(0),
                  text)
    text = text.replace("1 (satu) kali dalam 3 (tiga) tahun", "1 (satu) kali dalam 2 (dua) tahun")
    path = tmp_path_factory.mktemp("revised") / "perwal-banyuasri-v2.txt"
    path.write_text(text, encoding="utf-8")
    return path


def csrf(client: TestClient, path: str = "/") -> str:
    page = client.get(path)
    assert page.status_code == 200
    return re.search(r'name="csrf_token" value="([0-9a-f]+)"', page.text).group(1)


def wait_done(client: TestClient, job_id: str) -> dict:
    import time

    for _ in range(900):
        job = client.get(f"/api/v1/jobs/{job_id}").json()
        if job["state"] not in ("queued", "running"):
            return job
        time.sleep(0.1)
    raise AssertionError("job did not finish")


def kept(client: TestClient) -> tuple[list, list]:
    data = client.app.state.settings.data_dir
    return (sorted((data / "uploads").glob("*")) if (data / "uploads").exists() else [],
            sorted((data / "reports").glob("*")) if (data / "reports").exists() else [])


def test_the_pages_are_reachable_from_the_menu_in_both_languages(client):
    home = client.get("/")
    assert 'href="/rancangan"' in home.text and 'href="/selisih"' in home.text
    amend = client.get("/rancangan")
    assert amend.status_code == 200 and 'action="/rancangan"' in amend.text and 'name="replace"' in amend.text
    assert "Susun rancangan" in amend.text and "paling besar 2 MB" in amend.text
    diff = client.get("/selisih", params={"lang": "en"})
    assert 'name="old"' in diff.text and 'name="new"' in diff.text and "Compare two drafts" in diff.text
    assert "Bandingkan dua rancangan" in client.get("/selisih", params={"lang": "id"}).text  # and back


def test_upload_a_regulation_get_the_draft_and_its_list_of_changes(client, tmp_path):
    token = csrf(client, "/rancangan")
    posted = client.post("/rancangan", data={"csrf_token": token},
                         files={"file": (GAPPY.name, GAPPY.read_bytes())}, follow_redirects=False)
    assert posted.status_code == 303
    job = wait_done(client, posted.headers["location"].rsplit("/", 1)[1])
    assert job["state"] == "done" and job["kind"] == "amend", job
    page = client.get(posted.headers["location"])
    shown = re.findall(r'<li data-requirement="([\w-]+)"><strong>([^<]+)</strong><br>([^<]+)</li>', page.text)
    assert len(shown) == job["counts"]["changes"] > 0
    assert all(re.search(r"(diubah sehingga berbunyi|disisipkan|dihapus)", formula) for _, _, formula in shown)
    cli_md = tmp_path / "rancangan.md"
    result = CliRunner().invoke(main, ["amend", str(GAPPY), "-o", str(cli_md)])
    assert result.exit_code == 0, result.output
    md = client.get(f"{posted.headers['location']}/laporan.md?unduh=1")
    assert md.status_code == 200 and md.content == cli_md.read_bytes()  # the CLI's draft
    word = client.get(f"{posted.headers['location']}/laporan.docx?unduh=1")
    assert word.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert 'filename="rancangan-perubahan.docx"' in word.headers["content-disposition"]
    from docx import Document

    text = "\n".join(p.text for p in Document(io.BytesIO(word.content)).paragraphs)
    assert "Pasal I" in text and "Pasal II" in text
    for requirement, _, formula in shown:  # every change point listed is in the Word draft
        assert html.unescape(formula).split(" sehingga")[0][:40] in text.replace("\n", " ")
    assert kept(client)[0] == []  # the upload is dropped once drafted


def test_the_api_gives_the_draft_bytes_and_a_json_error_for_a_bad_file(client, tmp_path):
    answer = client.post("/api/v1/amend", files={"file": (GAPPY.name, GAPPY.read_bytes())}, data={"format": "md"})
    assert answer.status_code == 200, answer.text
    cli_md = tmp_path / "rancangan.md"
    assert CliRunner().invoke(main, ["amend", str(GAPPY), "-o", str(cli_md)]).exit_code == 0
    assert answer.content == cli_md.read_bytes()
    assert int(answer.headers["X-Compliance-Changes"]) > 0
    bad = client.post("/api/v1/amend", files={"file": ("bukan.pdf", PNG)})
    assert bad.status_code == 415 and bad.json()["error"]["code"] == "format-mismatch"
    fmt = client.post("/api/v1/amend", files={"file": (GAPPY.name, GAPPY.read_bytes())}, data={"format": "exe"})
    assert fmt.status_code == 400 and fmt.json()["error"]["code"] == "format-choice"
    cross = client.post("/api/v1/amend", files={"file": (GAPPY.name, GAPPY.read_bytes())},
                        headers={"Origin": "http://evil.example"})
    assert cross.status_code == 403 and cross.json()["error"]["code"] == "origin-refused"


def test_a_regulation_with_nothing_to_draft_says_so(client):
    """The page of a finished amend job without change points says why, as the CLI does."""
    book = client.app.state.checker.book
    job_id = book.create("b", "perwal-lengkap.pdf", "id", kind="amend")
    out = book.report_dir(job_id)
    out.mkdir(parents=True)
    (out / "rancangan.json").write_text(json.dumps({"changes": [], "reason": "no-gaps"}), encoding="utf-8")
    book.update(job_id, state="done", stage="done", counts={"changes": 0})
    page = client.get(f"/pekerjaan/{job_id}")
    assert page.status_code == 200 and 'data-reason="no-gaps"' in page.text
    assert "perwal-lengkap.pdf: tidak ada kesenjangan" in page.text and "laporan.docx" not in page.text
    assert client.get(f"/pekerjaan/{job_id}/laporan.docx?unduh=1").status_code == 404


def test_a_keputusan_whose_gaps_are_not_its_subject_says_why_in_the_page_and_the_api(client):
    """As `compliance amend` (exit 3): no draft, the gaps named, where they belong."""
    from tests.test_draft_keputusan import APPLICATION

    data = APPLICATION.encode("utf-8")
    token = csrf(client, "/rancangan")
    posted = client.post("/rancangan", data={"csrf_token": token}, files={"file": ("kepwal-aplikasi.txt", data)},
                         follow_redirects=False)
    job = wait_done(client, posted.headers["location"].rsplit("/", 1)[1])
    assert job["state"] == "done" and job["counts"]["changes"] == 0
    page = html.unescape(client.get(posted.headers["location"]).text)
    assert 'data-reason="outside-subject"' in page and "Aplikasi SPBE" in page
    assert "kepwal-aplikasi.txt: kekurangan Keputusan ini" in page and "Peraturan Wali Kota tentang SPBE" in page
    api = client.post("/api/v1/amend", files={"file": ("kepwal-aplikasi.txt", data)})
    assert api.status_code == 422 and api.json()["error"]["code"] == "amend-outside-subject"
    assert "Aplikasi SPBE" in api.json()["error"]["message"]


def test_upload_two_drafts_get_the_diff(client, revised, monkeypatch):
    token = csrf(client, "/selisih")
    files = [("old", (OLD.name, OLD.read_bytes())), ("new", (revised.name, revised.read_bytes()))]
    posted = client.post("/selisih", data={"csrf_token": token}, files=files, follow_redirects=False)
    assert posted.status_code == 303
    job = wait_done(client, posted.headers["location"].rsplit("/", 1)[1])
    assert job["state"] == "done" and job["kind"] == "diff" and job["file"] == f"{OLD.name} → {revised.name}"
    assert job["counts"]["removed"] == 1 and not job["counts"]["unrelated"]
    page = client.get(posted.headers["location"])
    assert 'src="/pekerjaan/' in page.text and "laporan.html" in page.text
    framed = client.get(f"{posted.headers['location']}/laporan.html")
    assert framed.status_code == 200 and "sandbox" in framed.headers["content-security-policy"]
    assert "3 (tiga)" in framed.text and "2 (dua)" in framed.text  # the word-level change
    api = client.post("/api/v1/diff", files=files)
    assert api.status_code == 200, api.text
    folder = revised.parent
    (folder / OLD.name).write_bytes(OLD.read_bytes())
    monkeypatch.chdir(folder)
    cli = CliRunner().invoke(main, ["diff", OLD.name, revised.name, "--format", "json"])
    assert cli.exit_code == 0, cli.output
    assert api.text == cli.stdout  # the same compliance/diff@1 bytes as the CLI
    assert api.json()["old"]["file"] == OLD.name


def test_unrelated_drafts_are_said_to_be_unrelated_and_still_compared(client):
    other = EXAMPLES / "perbup-sukamaju-2016-egov.txt"
    token = csrf(client, "/selisih")
    files = [("old", (OLD.name, OLD.read_bytes())), ("new", (other.name, other.read_bytes()))]
    posted = client.post("/selisih", data={"csrf_token": token}, files=files, follow_redirects=False)
    job = wait_done(client, posted.headers["location"].rsplit("/", 1)[1])
    if not job["counts"]["unrelated"]:
        pytest.skip("these two samples pair enough articles to count as related")
    page = client.get(posted.headers["location"])
    assert 'data-unrelated="1"' in page.text and "tidak berhubungan" in page.text


BAD = [
    ("/rancangan", {"file": ("bukan.pdf", PNG)}, 415, "isinya bukan berkas PDF"),
    ("/rancangan", {"file": ("besar.pdf", b"%PDF-1.4\n" + b"0" * (3 * 1024 * 1024))}, 413, "terlalu besar"),
    ("/rancangan", {"lain": ("a.txt", b"x")}, 400, "kolom 'file' tidak diunggah"),
    ("/selisih", {"old": (OLD.name, OLD.read_bytes())}, 400, "kolom 'new' tidak diunggah"),
    ("/selisih", {"old": (OLD.name, OLD.read_bytes()), "new": ("kosong.txt", b"")}, 400, "berkas kosong"),
]


@pytest.mark.parametrize("path,files,status,words", BAD, ids=[f"{b[0]}-{b[3][:12]}" for b in BAD])
def test_bad_uploads_get_an_error_page_and_nothing_is_kept(client, path, files, status, words):
    before = kept(client)
    token = csrf(client, path)
    answer = client.post(path, data={"csrf_token": token}, files=files, follow_redirects=False)
    assert answer.status_code == status
    assert words in html.unescape(answer.text) and 'lang="id"' in answer.text and "Traceback" not in answer.text
    assert kept(client) == before
    api = client.post("/api/v1/amend" if path == "/rancangan" else "/api/v1/diff", files=files)
    assert api.status_code == status and words in api.json()["error"]["message"]
    assert client.get(path).status_code == 200  # still serving


def test_a_form_without_its_token_is_refused(client):
    fresh = TestClient(client.app, base_url=BASE, raise_server_exceptions=False)
    assert fresh.post("/rancangan", files={"file": (GAPPY.name, GAPPY.read_bytes())}).status_code == 403
    files = [("old", (OLD.name, OLD.read_bytes())), ("new", (OLD.name, OLD.read_bytes()))]
    assert fresh.post("/selisih", files=files).status_code == 403


def test_a_file_the_worker_cannot_read_fails_the_job_with_its_name(client):
    token = csrf(client, "/selisih")
    broken = b"%PDF-1.4\ngarbage\n%%EOF\n"
    files = [("old", (OLD.name, OLD.read_bytes())), ("new", ("rusak.pdf", broken))]
    posted = client.post("/selisih", data={"csrf_token": token}, files=files, follow_redirects=False)
    job = wait_done(client, posted.headers["location"].rsplit("/", 1)[1])
    assert job["state"] == "failed"
    assert job["error"]["message"] == "rusak.pdf: PDF rusak atau terpotong (struktur PDF tidak sah)"
    page = client.get(posted.headers["location"])
    assert page.status_code == 422 and "rusak.pdf: PDF rusak" in page.text and "uploads" not in page.text


# --- ?evaluation= ----------------------------------------------------------------------


def test_the_check_api_takes_the_evaluation_instrument_like_the_cli(client):
    path = EXAMPLES / "perwal-banyuasri-2022-spbe.txt"
    answer = client.post("/api/v1/check?evaluation=spbe-2020", files={"file": (path.name, path.read_bytes())})
    assert answer.status_code == 200, answer.text
    cli = CliRunner().invoke(main, ["check", str(path), "--format", "json", "--no-cache", "--evaluation", "spbe-2020"])
    assert cli.exit_code == 0 and answer.content == cli.output.encode("utf-8")
    assert answer.json()["evaluation"]["id"] == "spbe-2020"
    default = client.post("/api/v1/check", files={"file": (path.name, path.read_bytes())})
    assert default.json()["evaluation"]["id"] != "spbe-2020"  # in force today: another instrument
    again = client.post("/api/v1/check", data={"evaluation": "spbe-2020"}, files={"file": (path.name, path.read_bytes())})
    assert again.content == answer.content  # a form field works as the query does (and the store keeps both apart)


@pytest.mark.parametrize("value", ["pemdi-1999", "../../rules/pemdi-evaluation-8-2026.yaml", "/etc/passwd"])
def test_an_unknown_evaluation_or_a_path_is_refused_before_any_work(client, value):
    path = EXAMPLES / "perwal-banyuasri-2022-spbe.txt"
    answer = client.post("/api/v1/check", params={"evaluation": value}, files={"file": (path.name, path.read_bytes())})
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "evaluation-unknown"
    assert "pemdi-2026" in answer.json()["error"]["message"] and "spbe-2020" in answer.json()["error"]["message"]
    token = csrf(client)
    page = client.post("/unggah", data={"csrf_token": token, "evaluation": value},
                       files={"file": (path.name, path.read_bytes())}, follow_redirects=False)
    assert page.status_code == 400 and "instrumen evaluasi tidak dikenal" in page.text


def test_the_upload_page_offers_the_instruments_and_the_job_uses_the_chosen_one(client):
    home = client.get("/", params={"evaluation": "spbe-2020"})
    options = re.findall(r'<option value="([\w-]*)"( selected)?>', home.text)
    assert [o for o, _ in options][:1] == [""] and {"pemdi-2026", "spbe-2020"} <= {o for o, _ in options}
    assert ("spbe-2020", " selected") in options
    path = EXAMPLES / "perbup-sukamaju-2016-egov.txt"
    token = csrf(client)
    posted = client.post("/unggah", data={"csrf_token": token, "evaluation": "spbe-2020"},
                         files={"file": (path.name, path.read_bytes())}, follow_redirects=False)
    job = wait_done(client, posted.headers["location"].rsplit("/", 1)[1])
    assert job["state"] == "done"
    report = client.get(f"{posted.headers['location']}/laporan.json?unduh=1").json()
    assert report["evaluation"]["id"] == "spbe-2020"
