"""The batch runner's one writer: finished jobs stored several to a transaction, each job in a
savepoint of its own, and every job the runner holds worked off."""

from __future__ import annotations

import hashlib

import pytest

from desktop.core.analyser import Analyser
from desktop.core.batch import DONE, RUNNING, enqueue, resume, start_jobs
from desktop.core.batch import runner, work
from desktop.core.batch.work import Known, analyse_apart, analyse_fetched, download_job, store_jobs, with_page
from desktop.core.errors import ArchiveUnreachable, CuttingsError
from desktop.core.store.archive import EXISTS, SAVED
from tests.db_rows import Connection
from tests.test_batch_queue import pocket_csv, rows, story


def _finished(httpserver, tmp_path, archive, count: int):
    """`count` jobs of a file of links, taken, downloaded and analysed: ready to store."""
    for n in range(count):
        httpserver.expect_request(f"/s/{n}").respond_with_data(story(n), content_type="text/html")
    links = pocket_csv(tmp_path / "p.csv", [httpserver.url_for(f"/s/{n}") for n in range(count)], "desk")
    jobs = start_jobs(archive, enqueue(archive, [str(links)]))
    return [(job, analyse_fetched(download_job(archive, job), entities=False)) for job in jobs]


def _stored_by_the_runner(archive, finished, monkeypatch) -> list:
    """What the runner's writer makes of `finished` (its _store): each entry's status, or
    its exception's type."""
    monkeypatch.setattr(runner, "Analyser", lambda **kw: Analyser(**kw | {"in_process": True}))
    run = runner._Run(archive, [job for job, _ in finished], downloads=1, workers=1, entities=False,
                      report=runner._ignore)
    try:
        entries = run._store(finished)
    finally:
        run.threads.shutdown()
        run.analyser.shutdown()
    return [e.status if not isinstance(e, Exception) else type(e) for e in entries]


def test_a_group_is_stored_in_one_transaction_or_not_at_all(httpserver, tmp_path, archive):
    finished = _finished(httpserver, tmp_path, archive, 3)
    spoilt = [finished[0], (finished[1][0], Known(article_id=999)), finished[2]]  # an article deleted meanwhile
    with pytest.raises(CuttingsError):
        store_jobs(archive, spoilt)
    assert rows(archive, "SELECT count(*) FROM article") == [(0,)]
    assert rows(archive, "SELECT DISTINCT state FROM import_job") == [(RUNNING,)]
    assert [e.status for e in store_jobs(archive, finished)] == [SAVED, SAVED, SAVED]
    assert rows(archive, "SELECT DISTINCT state FROM import_job") == [(DONE,)]
    tagged = rows(archive, "SELECT count(*) FROM article_tag JOIN tag ON tag.id = article_tag.tag_id "
                           "WHERE tag.name = 'desk'")
    assert tagged == [(3,)]
    added = rows(archive, "SELECT added FROM article ORDER BY id")  # the item's time, in the INSERT
    assert [str(a)[:10] for (a,) in added] == ["2023-11-14"] * 3


def test_a_job_that_cannot_be_stored_fails_alone_and_the_rest_of_its_group_is_stored(
        httpserver, tmp_path, archive, monkeypatch):
    finished = _finished(httpserver, tmp_path, archive, 3)
    finished[1] = (finished[1][0], Known(article_id=999))
    assert _stored_by_the_runner(archive, finished, monkeypatch) == [SAVED, CuttingsError, SAVED]
    states = dict(rows(archive, "SELECT id, state FROM import_job"))
    assert [states[job.id] for job, _ in finished] == [DONE, RUNNING, DONE]  # the caller fails the second


def test_a_process_killed_before_a_groups_commit_leaves_every_job_of_it_to_do(
        httpserver, tmp_path, archive, monkeypatch):
    finished = _finished(httpserver, tmp_path, archive, 3)
    calls = []
    real = work.finish

    def finish_then_die(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt  # stands for SIGKILL: nothing after this point runs
        return real(*args, **kwargs)

    monkeypatch.setattr(work, "finish", finish_then_die)
    with pytest.raises(KeyboardInterrupt):
        store_jobs(archive, finished)
    assert rows(archive, "SELECT count(*) FROM article") == [(0,)]
    assert rows(archive, "SELECT DISTINCT state FROM import_job") == [(RUNNING,)]


def test_when_the_archive_refuses_a_group_each_job_is_stored_alone(httpserver, tmp_path, archive, monkeypatch):
    for n in range(3):
        httpserver.expect_request(f"/s/{n}").respond_with_data(story(n), content_type="text/html")
    jobs = enqueue(archive, [str(pocket_csv(tmp_path / "p.csv", [httpserver.url_for(f"/s/{n}") for n in range(3)]))])

    def refused(_archive, _finished, _failed=()):
        raise CuttingsError("The disk holding the archive is nearly full")

    monkeypatch.setattr(runner, "store_jobs", refused)
    progress = runner.run_batch(archive, jobs, entities=False)
    assert progress.failed == 0
    assert rows(archive, "SELECT DISTINCT state FROM import_job") == [(DONE,)]


def test_jobs_taken_ahead_and_new_ones_chosen_together_are_all_worked_off(httpserver, tmp_path, archive, monkeypatch):
    """A download round may choose jobs taken ahead with jobs not taken yet: the ones taken
    already are RUNNING, so asking for them again found them 'taken by another importer'
    and left them RUNNING, never worked, and out of the count."""
    count = 30
    for n in range(count):
        httpserver.expect_request(f"/s/{n}").respond_with_data(story(n), content_type="text/html")
    links = pocket_csv(tmp_path / "p.csv", [httpserver.url_for(f"/s/{n}") for n in range(count)])
    jobs = enqueue(archive, [str(links)])
    monkeypatch.setattr(runner, "TAKE_AHEAD", 2)
    monkeypatch.setattr(runner, "Analyser", lambda **kw: Analyser(**kw | {"in_process": True}))
    monkeypatch.setattr(Analyser, "warm_up", lambda self: None)
    progress = runner.run_batch(archive, jobs, workers=2, entities=False)
    assert progress.total == count and progress.done == count
    assert rows(archive, "SELECT DISTINCT state FROM import_job") == [(DONE,)]
    assert resume(archive) == []


def test_a_round_hands_out_one_job_a_host(tmp_path, archive, monkeypatch):
    """A second job of a host would wait out the host's pause holding a download thread while
    other hosts' jobs wait for one: while some host is free, a round hands out one job a host
    (and none of a host whose job is handed out but not started)."""
    from desktop.core import polite

    urls = [f"http://127.0.0.{host}/p/{n}" for host, n in [(2, 1), (2, 2), (3, 1), (2, 3), (3, 2), (4, 1),
                                                            (4, 2), (5, 1)]]
    jobs = enqueue(archive, [str(pocket_csv(tmp_path / "p.csv", urls))])
    monkeypatch.setattr(polite, "GATE", polite.Gate())
    monkeypatch.setattr(runner, "Analyser", lambda **kw: Analyser(**kw | {"in_process": True}))
    monkeypatch.setattr(Analyser, "warm_up", lambda self: None)
    run = runner._Run(archive, jobs, downloads=8, workers=1, entities=False, report=runner._ignore)
    handed = []
    monkeypatch.setattr(run.threads, "submit", lambda _download, job: handed.append(job.source))
    try:
        run._dispatch()
        assert handed == [urls[0], urls[2], urls[5], urls[7]]
    finally:
        run.threads.shutdown()
        run.analyser.shutdown()


def test_a_server_away_for_a_while_is_waited_for_and_one_away_too_long_stops_the_batch(
        httpserver, tmp_path, archive, monkeypatch):
    for n in range(3):
        httpserver.expect_request(f"/s/{n}").respond_with_data(story(n), content_type="text/html")
    jobs = enqueue(archive, [str(pocket_csv(tmp_path / "p.csv", [httpserver.url_for(f"/s/{n}") for n in range(3)]))])
    monkeypatch.setattr(runner, "RECONNECT_WAITS_S", (0, 0))
    away = []

    def server_back_at_the_third_try(archive, finished, failed=()):
        away.append(1)
        if len(away) < 3:
            raise ArchiveUnreachable("Cannot reach the archive's server for postgresql://x/y")
        return store_jobs(archive, finished, failed)

    monkeypatch.setattr(runner, "store_jobs", server_back_at_the_third_try)
    progress = runner.run_batch(archive, jobs, entities=False)
    assert progress.failed == 0 and len(away) >= 3
    assert rows(archive, "SELECT DISTINCT state FROM import_job") == [(DONE,)]

    more = enqueue(archive, [str(pocket_csv(tmp_path / "q.csv", [httpserver.url_for(f"/s/{n}?2") for n in range(3)]))])
    monkeypatch.setattr(runner, "store_jobs", lambda *_: (_ for _ in ()).throw(ArchiveUnreachable("away")))
    with pytest.raises(ArchiveUnreachable):  # after the last wait: stopped, not failed job by job
        runner.run_batch(archive, more, entities=False)
    states = dict(rows(archive, "SELECT id, state FROM import_job"))
    assert {states[job.id] for job in more} <= {"queued", "running"}  # none failed: left to `import --resume`


def test_a_list_imported_again_is_found_in_the_archive_without_a_download(httpserver, tmp_path, archive, monkeypatch):
    """A batch asks the archive which of the jobs it takes are stored already, together, when
    it takes them: an address stored already is neither downloaded again nor asked about by
    every download thread. One address two stored articles claim (a shared canonical link)
    names neither, so it is downloaded."""
    count = 10
    for n in range(count):
        httpserver.expect_request(f"/s/{n}").respond_with_data(story(n), content_type="text/html")
    links = pocket_csv(tmp_path / "p.csv", [httpserver.url_for(f"/s/{n}") for n in range(count)])
    monkeypatch.setattr(runner, "Analyser", lambda **kw: Analyser(**kw | {"in_process": True}))
    monkeypatch.setattr(Analyser, "warm_up", lambda self: None)
    assert runner.run_batch(archive, enqueue(archive, [str(links)]), entities=False).failed == 0
    httpserver.clear_log()
    asked = []
    monkeypatch.setattr(work, "stored_at", lambda *args: asked.append(args))  # the one-job lookup
    again = enqueue(archive, [str(links)])
    assert runner.run_batch(archive, again, entities=False).done == count
    assert httpserver.log == [] and asked == []
    assert {status for (status,) in rows(archive, f"SELECT status FROM import_job WHERE id >= {again[0].id}")} \
        == {"exists"}


def test_find_at_addresses_names_the_one_article_an_address_leads_to(archive):
    from desktop.core.store.archive import store_article, stored_at_addresses
    from tests.test_store import make_article

    home, own = "https://news.example/", "https://news.example/a"
    store_article(archive, make_article(1, url=home, canonical_url=home))
    store_article(archive, make_article(2, url="https://news.example/b", canonical_url=home))
    mine = store_article(archive, make_article(3, url=own))
    found = stored_at_addresses(archive, [own + "#top", home, "https://news.example/c"])
    assert {url: row.id for url, row in found.items()} == {own + "#top": mine.id}


def test_a_group_finds_what_it_stored_before_the_same_article_comes_again(httpserver, tmp_path, archive):
    """A group writes its new articles' snapshots, captures, tag links and job ends at its
    end (store.group); a job of the group that finds an article stored earlier in it reads
    them written: its tag is not linked twice."""
    finished = _finished(httpserver, tmp_path, archive, 2)
    again = start_jobs(archive, enqueue(archive, [str(pocket_csv(tmp_path / "q.csv", [httpserver.url_for("/s/0")],
                                                                 "desk"))]))[0]
    finished.append((again, analyse_fetched(download_job(archive, again), entities=False)))
    assert [o.status for o in store_jobs(archive, finished)] == [SAVED, SAVED, EXISTS]
    assert rows(archive, "SELECT count(*) FROM article_tag") == [(2,)]
    assert rows(archive, "SELECT count(*) FROM snapshot") == [(2,)]
    assert rows(archive, "SELECT count(*) FROM capture") == [(2,)]
    assert rows(archive, "SELECT DISTINCT state FROM import_job") == [(DONE,)]


def test_a_job_gone_from_the_queue_fails_its_group_and_alone_only_itself(httpserver, tmp_path, archive, monkeypatch):
    finished = _finished(httpserver, tmp_path, archive, 3)
    with Connection(archive) as con:  # another window cancelled and cleared it meanwhile
        con.execute("DELETE FROM import_job WHERE id = ?", (finished[1][0].id,))
        con.commit()
    with pytest.raises(CuttingsError, match="removed from the queue"):
        store_jobs(archive, finished)
    assert rows(archive, "SELECT count(*) FROM article") == [(0,)]
    assert _stored_by_the_runner(archive, finished, monkeypatch) == [SAVED, CuttingsError, SAVED]


def test_a_workers_answer_leaves_the_page_out_and_the_writer_stores_it_whole(httpserver, tmp_path, archive):
    (job, _), = _finished(httpserver, tmp_path, archive, 1)
    fetched = download_job(archive, job)
    page = fetched.loaded.original.data
    apart = analyse_apart(fetched, entities=False)  # what a worker process sends back
    assert apart.original.data == b"" and apart.original.compressed
    whole = with_page(apart, fetched)
    assert whole.original.data == page
    store_jobs(archive, [(job, whole)])
    assert rows(archive, "SELECT size FROM snapshot") == [(len(page),)]
    assert rows(archive, "SELECT sha256 FROM capture") == [(hashlib.sha256(page).hexdigest(),)]


def test_the_jobs_that_failed_are_marked_so_in_their_groups_transaction(httpserver, tmp_path, archive):
    finished = _finished(httpserver, tmp_path, archive, 3)
    gone = CuttingsError("The site answered 404 Not Found")
    assert [o.status for o in store_jobs(archive, finished[:2], [(finished[2][0], gone)])] == [SAVED, SAVED]
    states = dict(rows(archive, "SELECT id, state || ' ' || coalesce(reason, '') FROM import_job"))
    assert [states[job.id] for job, _ in finished] == ["done ", "done ", "failed The site answered 404 Not Found"]
