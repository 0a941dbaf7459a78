"""The offline copy: hostile pages come out running nothing and loading nothing."""

from __future__ import annotations

import re

import pytest
from sqlmodel import update

from desktop.core.article import Article, Original
from desktop.core.snapshot import render, sanitize, saved_copy
from desktop.core.store.archive import store_article
from desktop.core.store.models import Snapshot

EVIL = "evil.example"

# (hostile markup, text that must survive it): every way a page can run code or load things.
HOSTILE = [
    ("<script>alert(1)</script><p>kept</p>", "kept"),
    ('<script src="http://evil.example/a.js"></script><p>kept</p>', "kept"),
    ('<p onclick="alert(1)" onmouseover="steal()">kept</p>', "kept"),
    ('<body onload="boot(\'evil.example\')"><p>kept</p></body>', "kept"),
    ('<a href="javascript:fetch(\'//evil.example\')">kept</a>', "kept"),
    ('<a href="  JaVaScRiPt:alert(1)">kept</a>', "kept"),
    ('<a href="data:text/html,<script>alert(1)</script>">kept</a>', "kept"),
    ('<iframe src="http://evil.example/frame"></iframe><p>kept</p>', "kept"),
    ('<iframe srcdoc="<img src=http://evil.example/x>"></iframe><p>kept</p>', "kept"),
    ('<frameset><frame src="http://evil.example/f"></frameset><p>kept</p>', ""),
    ('<object data="http://evil.example/o.swf"><param name="movie" value="http://evil.example/m">kept</object>',
     "kept"),
    ('<embed src="http://evil.example/e.swf"><p>kept</p>', "kept"),
    ('<link rel="stylesheet" href="http://evil.example/s.css"><p>kept</p>', "kept"),
    ('<link rel="preload" as="image" href="http://evil.example/p.png"><p>kept</p>', "kept"),
    ('<link rel="prefetch" href="http://evil.example/next"><p>kept</p>', "kept"),
    ('<link rel="icon" href="http://evil.example/favicon.ico"><p>kept</p>', "kept"),
    ('<head><base href="http://evil.example/"></head><body><p>kept</p></body>', "kept"),
    ('<p>kept</p><base href="http://evil.example/">', "kept"),
    ('<meta http-equiv="refresh" content="0; url=http://evil.example/"><p>kept</p>', "kept"),
    ("<style>@import url(http://evil.example/i.css);</style><p>kept</p>", "kept"),
    ('<style>@import "http://evil.example/i2.css";</style><p>kept</p>', "kept"),
    ("<style>p { background: url(http://evil.example/bg.png) }</style><p>kept</p>", "kept"),
    ('<p style="background-image: url(\'http://evil.example/bg.png\')">kept</p>', "kept"),
    ('<p style="background: u\\72 l(http://evil.example/esc.png)">kept</p>', "kept"),
    ('<table background="http://evil.example/t.png"><tr>'
     '<td background="http://evil.example/td.png">kept</td></tr></table>', "kept"),
    ('<img src="http://evil.example/a.png" srcset="http://evil.example/b.png 2x" alt="kept">', "[image: kept]"),
    ('<img src="x" onerror="alert(1)">', "[image]"),
    ('<picture><source srcset="http://evil.example/p.webp" type="image/webp">'
     '<img src="http://evil.example/p.jpg" alt="kept"></picture>', "[image: kept]"),
    ('<video poster="http://evil.example/poster.jpg" src="http://evil.example/v.mp4">'
     '<source src="http://evil.example/v.webm"><track src="http://evil.example/subs.vtt"></video><p>kept</p>',
     "[video]"),
    ('<audio src="http://evil.example/a.mp3" autoplay></audio><p>kept</p>', "[audio]"),
    ('<svg><image href="http://evil.example/s.png"/><image xlink:href="http://evil.example/x.png"/>'
     '<use href="http://evil.example/u.svg#a"/></svg><p>kept</p>', "kept"),
    ('<form action="http://evil.example/post"><input type="image" src="http://evil.example/in.png">'
     '<input name="q" value="kept-not"><button formaction="http://evil.example/b">x</button>kept</form>', "kept"),
    ('<!--[if IE]><img src="http://evil.example/ie.png"><![endif]--><p>kept</p>', "kept"),
    ('<?xml version="1.0" encoding="utf-8"?><html><body><p>kept</p><img src="http://evil.example/x"></body></html>',
     "kept"),
    ('<template><img src="http://evil.example/t.png"></template><p>kept</p>', "kept"),
    ('<noscript><img src="http://evil.example/pixel.gif"></noscript><p>kept</p>', "kept"),
    ('<noembed><img src="http://evil.example/pin.gif"></noembed><p>kept</p>', "kept"),
    ('<div background="http://evil.example/bg" data-src="http://evil.example/lazy.png">kept</div>', "kept"),
]


def _loads_nothing(html: str) -> None:
    lowered = html.lower()
    assert EVIL not in lowered
    for marker in ("<script", "javascript:", "<iframe", "<object", "<embed", "<link", "<base", "<meta", "<style",
                   "style=", "url(", "@import", "src=", "srcset", "poster", "background", "<svg", "<form", "<input",
                   "<img", "<video", "<source"):
        assert marker not in lowered, marker
    assert not re.search(r"\son\w+\s*=", lowered)


@pytest.mark.parametrize(("page", "kept"), HOSTILE)
def test_hostile_markup_is_removed_and_the_text_stays(page, kept):
    html = sanitize(page, "https://news.example/story")
    _loads_nothing(html)
    assert kept in html


def test_the_whole_document_loads_nothing():
    page = "".join(markup for markup, _ in HOSTILE)
    copy = render(Original(page.encode()), "https://news.example/story")
    body = copy.html.split("<body>", 1)[1]
    _loads_nothing(body)
    assert "default-src 'none'" in copy.html  # a browser opening the CLI's file refuses loads too


def test_links_are_kept_absolute_and_only_for_web_and_mail():
    html = sanitize(
        '<a href="/world/1">rel</a> <a href="https://other.example/x?a=1&amp;b=2">abs</a> '
        '<a href="mailto:desk@news.example">mail</a> <a href="ftp://files.example/f">ftp</a> '
        '<a href="#top">frag</a> <area href="http://evil.example/area">',
        "https://news.example/story/2",
    )
    assert '<a href="https://news.example/world/1">rel</a>' in html
    assert 'href="https://other.example/x?a=1&amp;b=2"' in html
    assert 'href="mailto:desk@news.example"' in html
    assert "<a>ftp</a>" in html
    assert 'href="https://news.example/story/2#top"' in html
    assert EVIL not in html


def test_relative_links_without_an_address_lose_it():
    assert sanitize('<a href="/world/1">rel</a> <a href="//evil.example/x">proto</a>') == (
        "<div><a>rel</a> <a>proto</a></div>"
    )


def test_images_become_placeholders_with_their_alt_text():
    html = sanitize('<p>Before <img src="a.png" alt="  Protesters\n in Belgrade "> after</p>')
    assert html == '<div><p>Before <span class="saved-media">[image: Protesters in Belgrade]</span> after</p></div>'


def test_text_and_markdown_show_escaped_and_preformatted():
    copy = render(Original(b"# Title\n\n<script>alert(1)</script> & <img src=x>", "text/markdown"))
    assert "<pre># Title\n\n&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x&gt;</pre>" in copy.html
    assert not copy.is_html
    assert copy.url is None and copy.size == 48


def test_empty_and_undecodable_pages_do_not_raise():
    assert sanitize("") == sanitize(" \n ") == ""
    copy = render(Original(bytes(range(256)) * 4))
    assert copy.size == 1024 and "<body>" in copy.html


def test_the_page_is_decoded_by_its_declared_charset():
    page = '<meta charset="windows-1251"><p>Белград</p>'.encode("cp1251")
    assert "Белград" in render(Original(page, "text/html", None)).html


def test_saved_copy_of_a_stored_article(archive):
    page = b'<html><body><p>Offline <img src="http://evil.example/x.png" alt="photo"></p></body></html>'
    outcome = store_article(archive, Article(url="https://news.example/a", title="A", text="Offline"),
                            Original(page, "text/html", "utf-8"))
    copy = saved_copy(archive, outcome.id)
    assert copy.url == "https://news.example/a"
    assert copy.size == len(page) and copy.content_type == "text/html" and copy.is_html
    assert copy.fetched is not None
    assert "[image: photo]" in copy.html and EVIL not in copy.html


def test_no_saved_copy_is_none(archive):
    outcome = store_article(archive, Article(url="https://news.example/b", title="B", text="No copy"))
    assert saved_copy(archive, outcome.id) is None
    assert saved_copy(archive, 999) is None


def test_a_damaged_copy_raises_a_clear_value_error(archive, capsys):
    outcome = store_article(archive, Article(url="https://news.example/c", title="C", text="Damaged"),
                            Original(b"<p>fine</p>"))
    with archive.transaction() as session:
        session.exec(update(Snapshot).where(Snapshot.article_id == outcome.id).values(data=b"not zlib at all"))
    with pytest.raises(ValueError, match=f"saved copy of article {outcome.id} is damaged"):
        saved_copy(archive, outcome.id)
    code, out, err = _show(capsys, archive, str(outcome.id), "--saved-copy")
    assert (code, out) == (1, "") and err.startswith(f"error: The saved copy of article {outcome.id} is damaged")


def _show(capsys, archive, *args: str):
    from desktop.cli import run

    code = run(["show", *args, "--db", archive.location])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_writes_the_saved_copy(archive, capsys, tmp_path):
    page = b'<p>Offline <script>alert(1)</script><a href="/more">more</a></p>'
    outcome = store_article(archive, Article(url="https://news.example/d", title="D", text="Offline"),
                            Original(page))
    code, out, err = _show(capsys, archive, str(outcome.id), "--saved-copy")
    assert code == 0 and err == ""
    assert out.startswith("<!DOCTYPE html>") and '<a href="https://news.example/more">more</a>' in out
    assert "<script" not in out
    target = tmp_path / "copy.html"
    assert _show(capsys, archive, str(outcome.id), "--saved-copy", "--out", str(target)) == (0, "", "")
    assert target.read_text(encoding="utf-8") == out


def test_cli_says_so_when_there_is_no_saved_copy(archive, capsys):
    outcome = store_article(archive, Article(url="https://news.example/e", title="E", text="No copy"))
    assert _show(capsys, archive, str(outcome.id), "--saved-copy") == (
        1, "", f"error: Article {outcome.id} has no saved copy\n")
    assert _show(capsys, archive, "99", "--saved-copy") == (1, "", "error: There is no article 99 in the archive.\n")
    code, _, err = _show(capsys, archive, str(outcome.id), "--out", "x.html")
    assert code == 2 and "--out goes with --saved-copy" in err
