"""The web app through Starlette's test client: the same report JSON as the CLI,
bad uploads refused with a clear error and nothing kept, CSRF and Origin guards,
the password rule, and a restart after a job was cut off."""

from __future__ import annotations

import re
import sqlite3
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("starlette")
pytest.importorskip("multipart")
from starlette.testclient import TestClient  # noqa: E402

from compliance.cli import main  # noqa: E402
from compliance.web import Settings, WebError, create_app  # noqa: E402
from compliance.web.jobs import JobBook  # noqa: E402
from compliance.web.server import build_settings  # noqa: E402
from conftest import EXAMPLES  # noqa: E402
from pdf_samples import tiny_pdf  # noqa: E402

BASE = "http://127.0.0.1:8765"
SAMPLE = EXAMPLES / "perwal-banyuasri-2022-spbe.pdf"
ENCRYPTED = tiny_pdf([[(72, 700, "Pasal 1")]], trailer_extra=(
    b"/Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /O <" + b"ab" * 32 + b"> /U <" + b"cd" * 32
    + b"> /P -4 >> /ID [<" + b"01" * 16 + b"><" + b"01" * 16 + b">] "))
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(200)


def cli_json(path: Path, *options: str) -> bytes:
    result = CliRunner().invoke(main, [*options, "check", str(path), "--format", "json", "--no-cache"])
    assert result.exit_code == 0, result.output
    return result.output.encode("utf-8")


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    root = tmp_path_factory.mktemp("web")
    return root / "data", root / "cache"


@pytest.fixture(scope="module")
def client(folders):
    data, cache = folders
    app = create_app(Settings(data_dir=data, cache_dir=cache, workers=1, max_upload=2 * 1024 * 1024))
    with TestClient(app, base_url=BASE, raise_server_exceptions=False) as test_client:
        yield test_client


def csrf(client: TestClient) -> str:
    page = client.get("/")
    assert page.status_code == 200
    return re.search(r'name="csrf_token" value="([0-9a-f]+)"', page.text).group(1)


def wait_done(client: TestClient, job_id: str) -> dict:
    for _ in range(600):
        job = client.get(f"/api/v1/jobs/{job_id}").json()
        if job["state"] not in ("queued", "running"):
            return job
        time.sleep(0.1)
    raise AssertionError("job did not finish")


def stored(folders) -> tuple[list, list, list]:
    """What the app has kept: uploads, report folders, history rows of the results store."""
    data, cache = folders
    uploads = sorted((data / "uploads").glob("*")) if (data / "uploads").exists() else []
    reports = sorted((data / "reports").glob("*")) if (data / "reports").exists() else []
    with sqlite3.connect(cache / "results.sqlite3") as conn:
        history = conn.execute("SELECT file, sha256 FROM history").fetchall()
    return uploads, reports, history


@pytest.mark.parametrize("name", ["perwal-banyuasri-2022-spbe.pdf", "perbup-sukamaju-2016-egov.docx"])
def test_api_check_gives_the_cli_json(client, name):
    path = EXAMPLES / name
    answer = client.post("/api/v1/check", files={"file": (name, path.read_bytes())})
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("application/json")
    assert answer.content == cli_json(path)
    assert answer.json()["regulation"]["source"]["file"] == name  # the user's name, not the stored one


def test_api_check_in_english_and_again_from_the_store(client, folders):
    path = EXAMPLES / "perwal-tirtaraya-2017-tik.txt"
    first = client.post("/api/v1/check", files={"file": (path.name, path.read_bytes())}, data={"lang": "en"})
    assert first.status_code == 200, first.text
    assert first.content == cli_json(path, "--lang", "en")
    again = client.post("/api/v1/check", files={"file": (path.name, path.read_bytes())}, data={"lang": "en"})
    assert again.content == first.content  # parse served from the store, same report
    _, _, history = stored(folders)
    sha = first.json()["regulation"]["source"]["sha256"]
    assert [row for row in history if row[1] == sha] == [(path.name, sha)] * 2
    assert list((folders[0] / "uploads").glob("*")) == []  # an upload is dropped once checked


def test_page_flow_shows_the_report_with_the_json_counts(client):
    token = csrf(client)
    posted = client.post("/unggah", data={"csrf_token": token},
                         files={"file": (SAMPLE.name, SAMPLE.read_bytes(), "application/pdf")}, follow_redirects=False)
    assert posted.status_code == 303
    job_url = posted.headers["location"]
    job = wait_done(client, job_url.rsplit("/", 1)[1])
    assert job["state"] == "done"
    page = client.get(job_url)
    assert page.status_code == 200
    report = client.get(f"{job_url}/laporan.json?unduh=1")
    assert report.content == cli_json(SAMPLE)
    counts = report.json()["summary"]["counts"]
    shown = {m[0]: int(m[1]) for m in re.findall(r'data-status="(\w+)" data-count="(\d+)"', page.text)}
    assert shown == counts
    for fmt, kind in (("html", "text/html"), ("csv", "text/csv"), ("md", "text/markdown")):
        download = client.get(f"{job_url}/laporan.{fmt}?unduh=1")
        assert download.status_code == 200 and download.headers["content-type"].startswith(kind)
        assert "attachment" in download.headers["content-disposition"]
    from compliance.web.work import formats

    if "docx" in formats():  # the Word writer, where the library has it
        word = client.get(f"{job_url}/laporan.docx?unduh=1")
        assert word.status_code == 200 and word.content[:2] == b"PK"
    else:
        assert client.get(f"{job_url}/laporan.docx?unduh=1").status_code == 404
    framed = client.get(f"{job_url}/laporan.html")
    assert "sandbox" in framed.headers["content-security-policy"]
    assert "<script" not in framed.text


def test_several_files_make_a_batch_and_a_bad_one_is_reported(client):
    token = csrf(client)
    files = [("file", (SAMPLE.name, SAMPLE.read_bytes(), "application/pdf")),
             ("file", ("gambar.pdf", PNG, "application/pdf"))]
    posted = client.post("/unggah", data={"csrf_token": token}, files=files, follow_redirects=False)
    assert posted.status_code == 303 and posted.headers["location"].startswith("/kelompok/")
    page = client.get(posted.headers["location"])
    assert "gambar.pdf: nama berkas berakhiran .pdf, tetapi isinya bukan berkas PDF" in page.text
    good = re.search(r'data-job="(\w+)" data-state="\w+" data-poll-job', page.text)
    if good:
        assert wait_done(client, good.group(1))["state"] == "done"


BAD_UPLOADS = [
    ("bukan.pdf", PNG, 415, "format-mismatch", "isinya bukan berkas PDF"),
    ("acak.txt", b"\x00\x01\x02" * 100, 415, "format-unknown", "format tidak dikenali"),
    ("kosong.pdf", b"", 400, "file-empty", "berkas kosong"),
    ("terkunci.pdf", ENCRYPTED, 422, "pdf-encrypted", "terenkripsi"),
    ("besar.pdf", b"%PDF-1.4\n" + b"0" * (3 * 1024 * 1024), 413, "upload-too-large", "terlalu besar"),
]


@pytest.mark.parametrize("name,data,status,code,words", BAD_UPLOADS, ids=[b[0] for b in BAD_UPLOADS])
def test_bad_upload_is_refused_and_nothing_is_kept(client, folders, name, data, status, code, words):
    before = stored(folders)
    answer = client.post("/api/v1/check", files={"file": (name, data)})
    assert answer.status_code == status
    assert answer.json()["error"]["code"] == code
    assert words in answer.json()["error"]["message"] and "{" not in answer.json()["error"]["message"]
    assert "Traceback" not in answer.text
    token = csrf(client)
    posted = client.post("/unggah", data={"csrf_token": token}, files={"file": (name, data)}, follow_redirects=False)
    if posted.status_code == 303:  # refused by the worker (the PDF must be opened): the job page says why
        assert wait_done(client, posted.headers["location"].rsplit("/", 1)[1])["state"] == "failed"
        posted = client.get(posted.headers["location"])
        status = 422
    assert posted.status_code == status
    assert words in posted.text and 'lang="id"' in posted.text and "Traceback" not in posted.text
    assert stored(folders) == before  # no upload, no report, no history row
    assert client.get("/").status_code == 200  # still serving
    ok = client.post("/api/v1/check", files={"file": (SAMPLE.name, SAMPLE.read_bytes())})
    assert ok.status_code == 200


def test_form_without_csrf_token_or_from_another_site_is_refused(client):
    files = {"file": (SAMPLE.name, SAMPLE.read_bytes())}
    fresh = TestClient(client.app, base_url=BASE, raise_server_exceptions=False)
    assert fresh.post("/unggah", files=files).status_code == 403  # no cookie, no token
    token = csrf(client)
    assert client.post("/unggah", data={"csrf_token": "0" * 64}, files=files).status_code == 403
    cross = client.post("/unggah", data={"csrf_token": token}, files=files, headers={"Origin": "http://evil.example"})
    assert cross.status_code == 403 and "ditolak" in cross.text


def test_api_refuses_another_origin_and_answers_errors_as_json(client):
    files = {"file": (SAMPLE.name, SAMPLE.read_bytes())}
    refused = client.post("/api/v1/check", files=files, headers={"Origin": "http://evil.example"})
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "origin-refused"
    assert client.post("/api/v1/check", files=files, headers={"Origin": BASE}).status_code == 200
    assert client.post("/api/v1/check").json()["error"]["code"] == "upload-bad-form"
    assert client.post("/api/v1/check", files={"other": ("a.txt", b"x")}).json()["error"]["code"] == "upload-missing"
    unknown = client.post("/api/v1/check", files=files, data={"lang": "fr"})
    assert unknown.status_code == 400 and unknown.json()["error"]["code"] == "lang-unknown"
    missing = client.get("/api/v1/jobs/nope")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not-found"


def _region_library() -> str | None:
    """Why this checkout cannot assess a region (None when it can)."""
    try:
        import compliance.region.assess  # noqa: F401
    except ImportError as exc:
        return str(exc)
    return None


def test_region_api_gives_the_cli_region_json(client, tmp_path, monkeypatch):
    names = ["perwal-banyuasri-2022-spbe.pdf", "perwal-banyuasri-2022-spbe.txt"]
    files = [("file", (name, (EXAMPLES / name).read_bytes())) for name in names]
    answer = client.post("/api/v1/region", files=files)
    broken = _region_library()
    if broken:  # the library's region assessment does not import here: the API says so, no traceback
        assert answer.status_code == 501 and answer.json()["error"]["code"] == "region-unavailable"
        pytest.skip(f"compliance.region unavailable on this checkout: {broken}")
    assert answer.status_code == 200, answer.text
    folder = tmp_path / "daerah"
    folder.mkdir()
    for name in names:
        (folder / name).write_bytes((EXAMPLES / name).read_bytes())
    monkeypatch.chdir(folder)
    cli = CliRunner().invoke(main, ["region", ".", "--format", "json", "--no-cache"])
    assert cli.exit_code == 0, cli.output
    assert answer.text == cli.output
    assert {i["file"] for i in answer.json()["instruments"]} == set(names)
    assert list((client.app.state.settings.data_dir / "uploads").glob("*")) == []
    token = csrf(client)
    posted = client.post("/unggah", data={"csrf_token": token, "mode": "daerah"}, files=files,
                         follow_redirects=False)
    job = wait_done(client, posted.headers["location"].rsplit("/", 1)[1])
    assert job["state"] == "done" and job["kind"] == "region"
    page = client.get(posted.headers["location"])
    shown = {m[0]: int(m[1]) for m in re.findall(r'data-status="(\w+)" data-count="(\d+)"', page.text)}
    assert shown == answer.json()["summary"]["counts"]
    history = client.get("/riwayat", params={"daerah": answer.json()["region"]["label"]})
    assert "data-assessments" in history.text


def test_rules_api_is_the_rules_list_json(client):
    answer = client.get("/api/v1/rules")
    result = CliRunner().invoke(main, ["rules", "list", "--format", "json"])
    assert answer.status_code == 200 and answer.text == result.output


def test_pages_carry_a_content_security_policy_and_escape_what_they_show(client):
    for path in ("/", "/perbandingan", "/riwayat", "/katalog", "/riwayat?daerah=Banyuasri"):
        page = client.get(path)
        assert page.status_code == 200, path
        assert "default-src 'none'" in page.headers["content-security-policy"]
        assert "<script src=\"/static/app.js\"" in page.text
    hostile = client.get("/riwayat", params={"daerah": "<script>alert(1)</script>"})
    assert "<script>alert" not in hostile.text and "&lt;script&gt;" in hostile.text
    assert client.get("/tidak-ada").status_code == 404
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400  # DNS rebinding


def test_a_hostile_file_name_is_shown_escaped_and_never_used_as_a_path(client, folders):
    hostile = '../../<img src=x onerror=alert(1)>.txt'
    answer = client.post("/api/v1/check", files={"file": (hostile, (EXAMPLES / "perwal-tirtaraya-2017-tik.txt").read_bytes())})
    assert answer.status_code == 200
    assert answer.json()["regulation"]["source"]["file"] == "<img src=x onerror=alert(1)>.txt"  # last part only
    page = client.get("/pekerjaan/" + answer.headers["x-compliance-job"])
    assert "<img src=x" not in page.text and "&lt;img src=x onerror=alert(1)&gt;.txt" in page.text
    assert not (folders[0].parent / "<img src=x onerror=alert(1)>.txt").exists()


def test_comparison_and_history_come_from_the_stored_results(client):
    client.post("/api/v1/check", files={"file": (SAMPLE.name, SAMPLE.read_bytes())})
    matrix = client.get("/perbandingan/matriks.json").json()
    assert matrix["schema"] == "compliance/compare@1"
    assert any("Banyuasri" in c["label"] for c in matrix["columns"]), matrix["columns"]
    assert client.get("/perbandingan/matriks.html?per=daerah").status_code == 200
    history = client.get("/riwayat", params={"daerah": "Banyuasri"})
    assert SAMPLE.name in history.text


def test_password_is_required_off_the_loopback_interface(tmp_path):
    with pytest.raises(WebError) as refused:
        Settings(host="0.0.0.0", data_dir=tmp_path)
    assert "--password-file" in refused.value.message("id")
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--no-browser", "--data-dir", str(tmp_path)])
    assert result.exit_code == 1 and "--password-file" in result.output
    empty = tmp_path / "kosong.txt"
    empty.write_text("\n")
    with pytest.raises(WebError):
        build_settings(host="0.0.0.0", port=8765, password_file=empty)
    secret = tmp_path / "kantor.txt"
    secret.write_text("rahasia-kantor\n")
    settings = build_settings(host="0.0.0.0", port=8765, password_file=secret, data_dir=tmp_path / "d",
                              cache_dir=tmp_path / "c", workers=1)
    with TestClient(create_app(settings), base_url="http://10.0.0.5:8765", raise_server_exceptions=False) as guarded:
        assert guarded.get("/").status_code == 401
        assert guarded.get("/api/v1/rules").json()["error"]["code"] == "auth-required"
        assert guarded.get("/", auth=("staf", "salah")).status_code == 401
        assert guarded.get("/", auth=("staf", "rahasia-kantor")).status_code == 200
        assert guarded.get("/api/v1/rules", headers={"Authorization": "Bearer rahasia-kantor"}).status_code == 200


def test_restart_after_a_kill_fails_the_cut_off_job_and_keeps_the_rest(tmp_path):
    """What a killed server leaves: a running job with its upload and a half-written report."""
    data, cache = tmp_path / "data", tmp_path / "cache"
    book = JobBook(data)
    done = book.create("b1", "selesai.pdf", "id")
    book.update(done, state="done", stage="done", score=50.0)
    cut = book.create("b2", "terpotong.pdf", "id")
    book.update(cut, state="running", stage="matching")
    book.upload_path(cut, "pdf").write_bytes(SAMPLE.read_bytes())
    book.report_dir(cut).mkdir(parents=True)
    (book.report_dir(cut) / "report.html").write_text("setengah")
    with TestClient(create_app(Settings(data_dir=data, cache_dir=cache, workers=1)), base_url=BASE,
                    raise_server_exceptions=False) as restarted:
        job = restarted.get(f"/api/v1/jobs/{cut}").json()
        assert job["state"] == "failed" and job["error"]["code"] == "job-interrupted"
        assert "unggah ulang" in job["error"]["message"]
        assert restarted.get(f"/api/v1/jobs/{done}").json()["state"] == "done"
        assert list((data / "uploads").glob("*")) == [] and not book.report_dir(cut).exists()
        assert restarted.post("/api/v1/check", files={"file": (SAMPLE.name, SAMPLE.read_bytes())}).status_code == 200


def test_a_real_server_killed_during_a_job_restarts_with_the_job_failed(tmp_path):
    """``compliance serve`` killed (SIGKILL, workers too) right after a job was queued: on
    restart the store opens, that job is failed, the finished one and its history are kept."""
    import json
    import signal
    import urllib.error
    import urllib.request

    from web_server import start, stop

    def get(url: str) -> bytes:
        with urllib.request.urlopen(url, timeout=60) as answer:
            return answer.read()

    process, url = start(tmp_path)
    try:
        boundary = "batas"
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{SAMPLE.name}\"\r\n\r\n"
                ).encode() + SAMPLE.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
        headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        done = urllib.request.urlopen(urllib.request.Request(url + "/api/v1/check", body, headers), timeout=120)
        done_job = done.headers["X-Compliance-Job"]
        first_report = done.read()
        page = urllib.request.urlopen(url + "/", timeout=30)
        cookie = page.headers["Set-Cookie"].split(";")[0]
        token = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page.read().decode()).group(1)
        form = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{token}\r\n").encode() + body

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        opener = urllib.request.build_opener(NoRedirect)
        try:
            opener.open(urllib.request.Request(url + "/unggah", form, {**headers, "Cookie": cookie}), timeout=30)
            raise AssertionError("the upload form did not redirect")
        except urllib.error.HTTPError as redirect:
            assert redirect.code == 303
            cut_job = redirect.headers["Location"].rsplit("/", 1)[1]
    finally:
        stop(process, signal.SIGKILL)  # at once: the job was queued a moment ago
    process, url = start(tmp_path)
    try:
        cut = json.loads(get(f"{url}/api/v1/jobs/{cut_job}"))
        assert cut["state"] == "failed" and cut["error"]["code"] == "job-interrupted"
        assert json.loads(get(f"{url}/api/v1/jobs/{done_job}"))["state"] == "done"
        assert get(f"{url}/pekerjaan/{done_job}/laporan.json?unduh=1") == first_report
        assert list((tmp_path / "data" / "uploads").glob("*")) == []
        assert SAMPLE.name.encode() in get(f"{url}/riwayat?daerah=Banyuasri")
    finally:
        stop(process)


def _worker_pids(checker) -> list[int]:
    return [p.pid for p in (getattr(checker.pool._pool, "_processes", None) or {}).values()]


def test_a_dead_worker_fails_its_job_and_the_waiting_ones_go_on(tmp_path):
    import os
    import signal

    app = create_app(Settings(data_dir=tmp_path / "data", cache_dir=tmp_path / "cache", workers=1))
    with TestClient(app, base_url=BASE, raise_server_exceptions=False) as served:
        checker = served.app.state.checker
        book = checker.book
        busy = book.create("b", "lama.pdf", "id")
        book.update(busy, state="running", stage="reading")
        checker._submit(busy, time.sleep, 60)  # a job that will not end by itself
        token = csrf(served)
        posted = served.post("/unggah", data={"csrf_token": token}, files={"file": (SAMPLE.name, SAMPLE.read_bytes())},
                             follow_redirects=False)
        waiting = posted.headers["location"].rsplit("/", 1)[1]
        for _ in range(100):
            if _worker_pids(checker):
                break
            time.sleep(0.1)
        assert book.get(waiting)["state"] == "queued"
        for pid in _worker_pids(checker):  # the worker process this test's server started
            os.kill(pid, signal.SIGKILL)
        assert wait_done(served, waiting)["state"] == "done"  # queued again in a fresh pool
        failed = served.get(f"/api/v1/jobs/{busy}").json()
        assert failed["state"] == "failed" and failed["error"]["code"] == "worker-died"
        assert served.get("/").status_code == 200


def test_a_job_stuck_in_one_stage_is_stopped_and_the_server_goes_on(tmp_path):
    app = create_app(Settings(data_dir=tmp_path / "data", cache_dir=tmp_path / "cache", workers=1, job_timeout=3.0))
    with TestClient(app, base_url=BASE, raise_server_exceptions=False) as served:
        checker = served.app.state.checker
        stuck = checker.book.create("b", "macet.pdf", "id")
        checker.book.update(stuck, state="running", stage="reading")
        checker._submit(stuck, time.sleep, 60)
        for _ in range(200):
            job = served.get(f"/api/v1/jobs/{stuck}").json()
            if job["state"] == "failed":
                break
            time.sleep(0.1)
        assert job["error"]["code"] == "job-stuck" and "lebih dari 3 detik" in job["error"]["message"]
        text = EXAMPLES / "perwal-tirtaraya-2017-tik.txt"
        answer = served.post("/api/v1/check", files={"file": (text.name, text.read_bytes())})
        assert answer.status_code == 200


def test_ocr_progress_is_written_into_the_job_and_shown(client):
    from compliance.web.work import ocr_progress

    book = client.app.state.checker.book
    job_id = book.create("b", "pindaian.pdf", "id")
    book.update(job_id, state="running", stage="reading")
    sink = ocr_progress(book, job_id, every=0)
    sink("ocr", 3, 10, "pindaian.pdf")
    sink("other", 9, 9, "x")  # not OCR: ignored
    job = client.get(f"/api/v1/jobs/{job_id}").json()
    assert (job["stage"], job["ocr_pages"], job["pages"]) == ("ocr", 3, 10)
    assert "OCR: halaman 3 dari 10" in client.get(f"/pekerjaan/{job_id}").text
    book.fail(job_id, "job-interrupted", {"file": "pindaian.pdf"})


def test_a_scan_is_read_by_ocr_in_the_job(client):
    import io

    from compliance.errors import ComplianceError
    from compliance.ocr import require_tesseract
    import pypdfium2 as pdfium

    try:
        require_tesseract("-")
    except ComplianceError as exc:
        pytest.skip(f"OCR not available here: {exc}")
    pages = [["PERATURAN WALI KOTA CONTOH", "NOMOR 4 TAHUN 2021", "TENTANG", "SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK",
              "Pasal 1", "Wali Kota menetapkan Arsitektur SPBE Pemerintah Daerah."],
             ["Pasal 2", "Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan."]]
    document = pdfium.PdfDocument.new()  # an image-only PDF: each page a picture of its lines
    for lines in pages:
        source = pdfium.PdfDocument(tiny_pdf([[(72, 760 - 24 * i, line) for i, line in enumerate(lines)]]))
        image = pdfium.PdfImage.new(document)
        image.set_bitmap(source[0].render(scale=200 / 72, grayscale=True))
        image.set_matrix(pdfium.PdfMatrix().scale(595, 842))
        page = document.new_page(595, 842)
        page.insert_obj(image)
        page.gen_content()
    buffer = io.BytesIO()
    document.save(buffer)
    scan = buffer.getvalue()
    answer = client.post("/api/v1/check", files={"file": ("pindaian.pdf", scan)})
    assert answer.status_code == 200, answer.text
    assert answer.json()["regulation"]["source"]["ocr_pages"] == [1, 2]
    job = client.get("/api/v1/jobs/" + answer.headers["x-compliance-job"]).json()
    assert (job["pages"], job["ocr_pages"]) == (2, 2)
