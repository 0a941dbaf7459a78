"""Kind 1: a declared charset the bytes contradict. Decode as a browser does where the
declaration fits, as UTF-8 where the bytes are valid UTF-8 (a page re-saved)."""

from __future__ import annotations

import pytest

from desktop.core.extract import extract_html
from desktop.core.fetch import decode_html

TEXT = "“Zürich” — Genève, Malmö; 新闻; Привет"


@pytest.mark.parametrize("label", ["gb2312", "windows-1251", "iso-8859-1", "shift_jis", "koi8-r"])
def test_valid_utf8_under_a_stale_meta_charset_is_utf8(label):
    raw = f'<html><head><meta charset="{label}"><title>{TEXT}</title></head><body><p>{TEXT}</p></body></html>'
    text, codec = decode_html(raw.encode("utf-8"), None)
    assert codec == "utf-8" and TEXT in text


def test_valid_utf8_beats_a_wrong_server_charset():
    text, codec = decode_html(f"<p>{TEXT}</p>".encode("utf-8"), "windows-1251")
    assert codec == "utf-8" and TEXT in text


@pytest.mark.parametrize(("label", "encoding", "sample"), [
    ("windows-1251", "cp1251", "Привет мир, новости дня"),
    ("gb2312", "gb2312", "新闻报道今天发布"),
    ("shift_jis", "shift_jis", "ニュース記事"),
])
def test_a_declaration_that_fits_the_bytes_is_kept(label, encoding, sample):
    raw = f'<meta charset="{label}"><p>{sample}</p>'.encode(encoding)
    text, _ = decode_html(raw, None)
    assert sample in text


def test_iso_8859_1_is_read_as_windows_1252_like_browsers():
    raw = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>“Zürich” — ok</p>'
    text, codec = decode_html(raw.encode("cp1252"), None)
    assert codec == "cp1252" and "“Zürich” — ok" in text


def test_no_mojibake_in_title_or_text():
    head = '<meta charset="windows-1251"><title>Hollande in Zürich – talks</title>'
    body = "<article><h1>Hollande in Zürich – talks</h1>" + "<p>The talks in Zürich — said Renée — went well. </p>" * 8 + "</article>"
    html, _ = decode_html(f"<html><head>{head}</head><body>{body}</body></html>".encode("utf-8"), None)
    article = extract_html(html)
    assert article.title == "Hollande in Zürich – talks"
    assert "Ã" not in article.text and "Zürich — said Renée" in article.text
