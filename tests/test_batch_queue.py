"""The import queue in the archive: a `cuttings import` killed mid-batch resumes exactly;
`queue --json`, retry of failed items, the failed list as CSV; a file's item keeps its
tags and the export's copy across a restart."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlmodel import update
from werkzeug import Response

from desktop.core.batch import (DONE, FAILED, QUEUED, RUNNING, Progress, cancel_jobs, enqueue, queue_status,
                                reason_group, resume, start_jobs)
from desktop.core.batch.owner import OWNER
from desktop.core.batch.runner import run_batch
from desktop.core.errors import CuttingsError
from desktop.core.fetch import DownloadError
from desktop.core.store.db import Archive
from desktop.core.store.models import ImportJob
from tests.db_rows import Connection
from tests.test_cli import ARTICLE

REPO = Path(__file__).resolve().parents[1]
DEAD = f"{OWNER.split('|')[0]}|1|1"  # a process of this host that is no longer running (batch.owner)


def story(n: int) -> str:
    """A page of its own text (the archive would take twins for one article)."""
    return ARTICLE.replace("Emigres rally in Belgrade for Navalny", f"Story number {n} of the batch").replace(
        "Belgrade", f"Belgrade ({n})")


def pocket_csv(path: Path, urls: list[str], tags: str = "") -> Path:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["title", "url", "time_added", "tags", "status"])
        for n, url in enumerate(urls):
            writer.writerow([f"Story {n}", url, str(1700000000 + n), tags, "unread"])
    return path


def rows(archive: Archive, sql: str) -> list[tuple]:
    with Connection(archive) as con:
        return [tuple(row) for row in con.execute(sql).fetchall()]


def test_a_killed_import_resumes_with_nothing_done_twice_and_nothing_lost(httpserver, archive, tmp_path, cli):
    count = 12
    # The second half of the pages answers only once the import is killed, so the kill lands
    # mid-batch however fast the machine stores the first half (several jobs a transaction).
    held = threading.Event()

    def slow(request):
        n = int(request.path.rsplit("/", 1)[1])
        time.sleep(0.4)
        if n >= count // 2:
            held.wait(30)
        return Response(story(n), content_type="text/html")

    for n in range(count):
        httpserver.expect_request(f"/s/{n}").respond_with_handler(slow)
    urls = [httpserver.url_for(f"/s/{n}") for n in range(count)]
    links = pocket_csv(tmp_path / "pocket.csv", urls, "batch")
    (tmp_path / "config").mkdir(exist_ok=True)
    Path(os.environ["CUTTINGS_CONFIG"]).write_text(json.dumps({"entities": False}))
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen([sys.executable, "-m", "desktop", "import", str(links), "--workers", "1",
                                "--db", archive.location], cwd=REPO, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            states = dict(rows(archive, "SELECT state, count(*) FROM import_job GROUP BY state"))
            if states.get(DONE, 0) >= 3 and states.get(RUNNING):
                break
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    finally:
        held.set()
        if process.poll() is None:
            process.kill()
    killed = {r[0] for r in rows(archive, "SELECT source FROM import_job WHERE state = 'running'")}
    done_before = rows(archive, "SELECT count(*) FROM import_job WHERE state = 'done'")[0][0]
    assert killed and 3 <= done_before < count  # it was killed mid-batch, with pages in hand
    shown = json.loads(cli("queue", "--json")[1])["counts"]
    assert shown["running"] == 0 and shown["stopped"] == len(killed)  # nothing works on them now
    assert f"{len(killed)} item{'s' if len(killed) > 1 else ''} of an import that stopped" in cli("queue")[1]

    code, out, _ = cli("import", "--resume")
    assert code == 0 and out.splitlines()[-1] == f"{count - done_before} items: {count - done_before} saved"
    stored = rows(archive, "SELECT source_url FROM article")
    assert sorted(u for (u,) in stored) == sorted(urls)  # each page once: no duplicate, no loss
    assert rows(archive, "SELECT DISTINCT state FROM import_job") == [(DONE,)]
    again = rows(archive, "SELECT source, attempts FROM import_job WHERE attempts > 1")
    assert killed <= {source for source, _ in again}  # the jobs the kill interrupted ran again
    assert rows(archive, "SELECT count(*) FROM article_tag")[0][0] == count
    assert cli("import", "--resume")[1] == "nothing to resume: the import queue is empty\n"


@pytest.fixture
def mixed(httpserver, tmp_path):
    """A Pocket file of two live pages, a 404, a 500 and a page that is no article."""
    httpserver.expect_request("/ok/1").respond_with_data(story(1), content_type="text/html")
    httpserver.expect_request("/ok/2").respond_with_data(story(2), content_type="text/html")
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    httpserver.expect_request("/broken").respond_with_data("oops", status=500)
    httpserver.expect_request("/pic").respond_with_data(b"\x89PNG", content_type="image/png")
    urls = [httpserver.url_for(p) for p in ("/ok/1", "/gone", "/ok/2", "/broken", "/pic")]
    return pocket_csv(tmp_path / "mixed.csv", urls), urls


def test_queue_json_groups_failures_by_reason_with_their_items(cli, mixed):
    links, urls = mixed
    code, out, _ = cli("import", str(links))
    assert code == 1 and out.splitlines()[-1] == "5 items: 2 saved, 3 failed"
    code, out, _ = cli("queue", "--json")
    shown = json.loads(out)
    assert shown["batches"][0]["created"].endswith("Z")  # as every command writes a time
    assert shown["counts"] == {"queued": 0, "running": 0, "stopped": 0, "done": 2, "failed": 3,
                                "cancelled": 0}
    assert [b["counts"]["failed"] for b in shown["batches"]] == [3]
    assert shown["batches"][0]["inputs"] == [str(links)]
    groups = {g["reason"]: [i["source"] for i in g["items"]] for g in shown["failures"]}
    assert groups == {"page not found (404)": [urls[1]], "server error": [urls[3]], "not an article": [urls[4]]}
    assert all(g["count"] == len(g["items"]) for g in shown["failures"])


def test_the_failed_list_exports_as_csv_and_retries(cli, mixed, httpserver, tmp_path, archive):
    links, urls = mixed
    cli("import", str(links))
    out_csv = tmp_path / "failed.csv"
    assert cli("queue", "--export-failed", str(out_csv))[0] == 0
    with out_csv.open(encoding="utf-8") as stream:
        table = list(csv.DictReader(stream))
    assert [(r["url"], r["title"]) for r in table] == [(urls[1], "Story 1"), (urls[3], "Story 3"),
                                                       (urls[4], "Story 4")]
    assert table[0]["reason"] == "The site answered 404 Not Found"

    httpserver.clear()  # the sites are back
    for n, path in ((1, "/gone"), (3, "/broken"), (4, "/pic")):
        httpserver.expect_request(path).respond_with_data(story(10 + n), content_type="text/html")
    code, _, err = cli("queue", "--retry-failed")
    assert code == 0 and "3 failed items queued again" in err
    assert queue_status(archive).counts()[QUEUED] == 3
    code, out, _ = cli("import", "--resume")
    assert code == 0 and out.splitlines()[-1] == "3 items: 3 saved"
    assert queue_status(archive).counts() == {"queued": 0, "running": 0, "stopped": 0, "done": 5, "failed": 0,
                                              "cancelled": 0}
    assert cli("queue", "--clear")[2] == "1 finished batch forgotten\n"
    assert cli("queue")[1] == "the import queue is empty\n"


def test_clearing_says_when_a_failure_list_goes_with_the_batches(cli, mixed, tmp_path):
    links, _ = mixed
    cli("import", str(links))
    out_csv = tmp_path / "failed.csv"
    code, _, err = cli("queue", "--export-failed", str(out_csv), "--clear")
    assert code == 0 and out_csv.read_text(encoding="utf-8").count("\n") == 4  # header and 3 rows, written first
    assert err.splitlines()[-1] == ("1 finished batch forgotten, with the list of 3 failed items"
                                    " (`--export-failed PATH` with --clear writes it first)")


def test_an_items_tags_and_export_copy_survive_a_restart(httpserver, tmp_path, archive):
    httpserver.expect_request("/dead").respond_with_data("gone", status=404)
    export = [{"title": "The ferry that stopped running", "url": httpserver.url_for("/dead"),
               "content": "<p>The ferry between the islands stopped running in May after forty years.</p>",
               "tags": ["boats", "islands"], "is_archived": 1, "is_starred": 0,
               "created_at": "2019-05-02T10:00:00+0200"}]
    path = tmp_path / "wallabag.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    [job] = enqueue(archive, [str(path)])
    assert job.state == QUEUED and job.item.tags == ["boats", "islands"]

    reopened = Archive(archive.location)  # a new process: only the database remembers
    [again] = resume(reopened)
    assert again.id == job.id and again.item.html == export[0]["content"] and again.item.state == "archived"
    run_batch(reopened, [again], entities=False)
    [(title, provenance)] = rows(archive, "SELECT title, provenance FROM article")
    assert title == "The ferry that stopped running" and "Wallabag export's copy" in provenance
    assert {t for (t,) in rows(archive, "SELECT name FROM tag")} == {"boats", "islands", "archived"}
    assert rows(archive, "SELECT state, status FROM import_job") == [(DONE, "saved")]


def test_a_file_cuttings_cannot_read_fails_as_it_is_queued(archive, tmp_path):
    """Chosen by mistake among other inputs, it is failed with its reason when queued, so the
    window and the CLI say so at once rather than when its turn comes after a long batch."""
    odd = tmp_path / "garbage.bin"
    odd.write_bytes(b"\x00\x01 not a page")
    jobs = enqueue(archive, ["https://example.org/a", str(odd)])
    assert [(j.state, j.reason) for j in jobs][1] == (FAILED, "Cuttings cannot read garbage.bin: it is neither a "
                                                      "page (.html, .htm, .md, .txt) nor a file of links it knows "
                                                      "(bookmarks, a Pocket, Omnivore, Wallabag or Karakeep export, "
                                                      "a feed, OPML, a list of links)")
    assert jobs[0].state == QUEUED


def test_an_unreadable_file_queues_nothing(archive, tmp_path):
    bad = tmp_path / "feeds.opml"
    bad.write_text('<?xml version="1.0"?><opml version="2.0"><head/><body><outline text="empty"/></body></opml>')
    with pytest.raises(CuttingsError, match="feeds.opml: The OPML file lists no feed .* Nothing was queued"):
        enqueue(archive, ["https://example.org/a", str(bad)])
    assert queue_status(archive).batches == []
    empty = tmp_path / "empty.xml"
    empty.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>')
    with pytest.raises(CuttingsError, match=r"^.*empty.xml: The feed holds no links\. Nothing was queued\.$"):
        enqueue(archive, [str(empty)])
    assert queue_status(archive).batches == []


@pytest.mark.parametrize("error, group", [
    (DownloadError("The site answered 404 Not Found", 404), "page not found (404)"),
    ("The site answered 503 Service Unavailable", "server error"),
    ("The site answered 403 Forbidden", "refused (403)"),
    ("The site did not answer within 30 seconds", "timed out"),
    ("Could not connect to nowhere.invalid: [Errno -2] Name or service not known", "domain not found"),
    ("Could not connect to 127.0.0.1: Connection refused", "connection refused"),
    ("No article text found on the page", "not an article"),
    ("Analysing this page took longer than 60 s; it was stopped.", "too slow to analyse"),
    ("something new", "other problem"),
])
def test_reason_groups(error, group):
    assert reason_group(error) == group


def test_progress_line_counts_and_estimates_from_the_recent_rate():
    now = [0.0]
    progress = Progress(10_000, clock=lambda: now[0])
    assert progress.line() == "0 of 10,000"
    for n in range(1_240):
        now[0] += 0.05
        progress.finished(failed=n < 37)
    # the last 50 jobs took 2.5 s: 8,760 left at 20 a second is 438 s
    assert progress.line() == "1,240 of 10,000 · 37 failed · about 7 min left"


def test_cancelled_jobs_are_not_resumed_and_running_ones_are(archive):
    jobs = enqueue(archive, [f"https://example.org/{n}" for n in range(4)])
    start_jobs(archive, jobs[:2])  # a process took two, then died
    with archive.transaction() as session:
        session.exec(update(ImportJob).values(owner=DEAD))
    assert cancel_jobs(archive, [jobs[0].id, jobs[2].id]) == 2
    assert [j.id for j in resume(archive)] == [jobs[1].id, jobs[3].id]
    assert queue_status(archive).counts() == {"queued": 2, "running": 0, "stopped": 0, "done": 0, "failed": 0,
                                              "cancelled": 2}


def test_jobs_are_taken_several_to_a_transaction_and_one_another_importer_took_stays_its_own(
        httpserver, tmp_path, archive, monkeypatch):
    from dataclasses import replace

    from desktop.core.batch import runner

    for n in range(5):
        httpserver.expect_request(f"/s/{n}").respond_with_data(story(n), content_type="text/html")
    jobs = enqueue(archive, [str(pocket_csv(tmp_path / "p.csv", [httpserver.url_for(f"/s/{n}") for n in range(5)]))])
    start_jobs(archive, [replace(jobs[3])])  # another importer of the archive took the fourth
    asked = []
    real = runner.start_jobs
    monkeypatch.setattr(runner, "start_jobs", lambda arch, some: asked.append(len(some)) or real(arch, some))
    finished = []
    progress = run_batch(archive, jobs, entities=False, report=lambda f, _p: finished.append(f.job.id))
    assert asked == [5]  # one transaction took every job, rather than one per job
    assert sorted(finished) == [j.id for j in jobs if j is not jobs[3]] and progress.total == 4
    states = dict(rows(archive, "SELECT id, state FROM import_job"))
    assert states == {j.id: RUNNING if j is jobs[3] else DONE for j in jobs}


def test_the_analysis_stage_compresses_the_offline_copy_so_the_writer_only_stores_it(
        httpserver, tmp_path, archive, monkeypatch):
    import zlib

    from desktop.core.batch import analyse_fetched, download_job, store_job
    from desktop.core.store import archive as store
    from desktop.core.store.archive import original_of

    httpserver.expect_request("/s/1").respond_with_data(story(1), content_type="text/html")
    [job] = start_jobs(archive, enqueue(archive, [httpserver.url_for("/s/1")]))
    analysed = analyse_fetched(download_job(archive, job), entities=False)
    assert zlib.decompress(analysed.original.compressed) == analysed.original.data == story(1).encode()
    monkeypatch.setattr(store.zlib, "compress", lambda *_a: pytest.fail("the writer compressed the copy"))
    outcome = store_job(archive, job, analysed)
    assert original_of(archive, outcome.id).data == story(1).encode()


def test_the_runners_workers_send_no_stage_messages(httpserver, tmp_path, archive, monkeypatch):
    """The CLI shows no stages: its workers send none, so the runner has none to read (left
    unread, they filled a worker's pipe after ~900 articles and blocked it)."""
    from desktop.core.analyser import Analyser

    for n in range(3):
        httpserver.expect_request(f"/s/{n}").respond_with_data(story(n), content_type="text/html")
    jobs = enqueue(archive, [str(pocket_csv(tmp_path / "p.csv", [httpserver.url_for(f"/s/{n}") for n in range(3)]))])
    made = []
    real = Analyser.__init__
    monkeypatch.setattr(Analyser, "__init__", lambda self, **kw: made.append(self) or real(self, **kw))
    monkeypatch.setattr(Analyser, "stages", lambda self: pytest.fail("the runner read stage messages"))
    progress = run_batch(archive, jobs, entities=False)
    assert progress.done == 3 and len(made) == 1
    assert all(worker.stages.empty() for worker in made[0]._workers)

def test_the_runner_leaves_the_garbage_collector_as_it_found_it(httpserver, tmp_path, archive):
    """run_batch freezes the objects made before it while it runs (gc.freeze): afterwards they
    are the collector's again, whoever called it."""
    import gc

    httpserver.expect_request("/s/0").respond_with_data(story(0), content_type="text/html")
    jobs = enqueue(archive, [str(pocket_csv(tmp_path / "p.csv", [httpserver.url_for("/s/0")]))])
    assert run_batch(archive, jobs, entities=False).done == 1
    assert gc.get_freeze_count() == 0
