"""A team archive's server problems, each one sentence, with nothing half-saved."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from desktop.core.errors import ArchiveUnreachable, CuttingsError
from desktop.core.store.archive import store_article
from desktop.core.store.db import Archive
from tests import db_rows
from tests.test_store import make_article


def test_unreachable_server_missing_database_and_unknown_user(pg_server):
    with pytest.raises(CuttingsError, match="^Cannot reach the archive's server for postgresql://u@127.0.0.1:1/x"):
        Archive("postgresql://u@127.0.0.1:1/x")
    with pytest.raises(CuttingsError, match="^The database of the archive .*/no_such_db does not exist"):
        Archive(f"{pg_server}/no_such_db")
    host = pg_server.split("@", 1)[1]
    with pytest.raises(CuttingsError, match="^The server refused the user name or password"):
        Archive(f"postgresql://no_such_user@{host}/postgres")


def test_a_password_in_the_url_is_never_shown(pg_server):
    host = pg_server.split("@", 1)[1]
    with pytest.raises(CuttingsError) as raised:
        Archive(f"postgresql://no_such_user:s3cret@{host}/postgres")
    assert "s3cret" not in str(raised.value)


def test_no_permission_to_write_is_one_sentence(pg_archive_url):
    archive = Archive(pg_archive_url)
    with db_rows.connect(archive) as con:
        con.execute("DROP ROLE IF EXISTS reader")
        con.execute("CREATE ROLE reader LOGIN")
        con.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader")
    reader = Archive(pg_archive_url.replace("cuttings@", "reader@"))
    refused = r"^The user has no permission for this in the archive .*\(permission denied for table \w+\)"
    with pytest.raises(CuttingsError, match=refused):
        store_article(reader, make_article(1))
    assert db_rows.count(archive, "article") == 0


def test_connection_lost_mid_import_saves_nothing_and_the_next_one_works(pg_archive_url):
    archive = Archive(pg_archive_url)
    with pytest.raises(ArchiveUnreachable, match="connection to the archive .* was lost: nothing of the last change"):
        with archive.transaction() as session:
            session.add(make_article_row())
            session.flush()
            # the server ends this connection, as a restart or a network cut would
            with archive.engine.connect() as other:
                pid = session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
                other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            session.connection().exec_driver_sql("SELECT 1")
    assert db_rows.count(archive, "article") == 0
    assert store_article(archive, make_article(2)).status == "saved"


def make_article_row():
    from desktop.core.store.models import ArticleRow

    return ArticleRow(url="https://news.example/lost", title="Lost", text="Never saved.", text_hash="x")


def test_an_older_schema_is_upgraded_and_a_newer_one_refused(pg_archive_url):
    from desktop.core.quotations import QuoteQuery, quotations
    from desktop.core.store.db import SCHEMA_VERSION
    from tests.test_quotations import quoting

    archive = Archive(pg_archive_url)
    with db_rows.connect(archive) as con:  # back to schema 4: no quotations, tags, corrections, provenance
        con.execute("DROP TABLE quotation, correction, duplicate_verdict, article_tag, tag")
        con.execute("ALTER TABLE article DROP COLUMN provenance")
        con.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    archive.engine.dispose()
    upgraded = Archive(pg_archive_url)
    store_article(upgraded, quoting(1, [("We will win", "Ben Noble")]))
    assert [q.quote for q in quotations(upgraded, QuoteQuery(search="win"))] == ["We will win"]
    with db_rows.connect(upgraded) as con:
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    upgraded.engine.dispose()
    with pytest.raises(CuttingsError, match=f"was made by a newer Cuttings \\(schema {SCHEMA_VERSION + 1}\\)"):
        Archive(pg_archive_url)


@pytest.mark.parametrize("address, words", [("mysql://nobody@127.0.0.1/x", "mysql:// is not an archive"),
                                             ("https://example.org/news", "https:// is not an archive"),
                                             ("postgresql://ann@127.0.0.1:notaport/x", "not a valid PostgreSQL address")])
def test_an_address_that_is_no_archive_is_one_sentence_and_makes_nothing(address, words, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CuttingsError, match=words):
        Archive(address)
    assert list(tmp_path.iterdir()) == []
