"""Drops and pastes as real browsers and file managers fill them (seen with Qt 6 under X11)."""

from pathlib import Path

from desktop.core.dropped import Dropped, dropped_inputs, importable_files, inputs_from_lines

URL = "https://news.example/world/2023/rally"


def utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


def test_chromium_link_drag():
    formats = {
        "text/uri-list": URL.encode(),
        "text/plain": URL.encode(),
        "_NETSCAPE_URL": f"{URL}\nEmigres rally".encode(),
        "text/html": f'\ufeff<a href="{URL}">Emigres rally</a>'.encode(),
        "chromium/x-renderer-taint": b"https://news.example",
    }
    assert dropped_inputs(formats) == [Dropped(URL, "Emigres rally")]


def test_firefox_link_drag():
    formats = {
        "text/uri-list": URL.encode(),
        "_NETSCAPE_URL": f"{URL}\nEmigres rally".encode(),
        "text/x-moz-url-data": utf16(URL),
        "text/x-moz-url-desc": utf16("Emigres rally"),
        "text/html": f'<meta http-equiv="content-type" content="text/html; charset=utf-8"><a href="{URL}">Emigres rally</a>'.encode(),
        "text/plain;charset=utf-8": URL.encode(),
    }
    assert dropped_inputs(formats) == [Dropped(URL, "Emigres rally")]


def test_moz_url_pairs_and_plain_text_with_many_urls():
    moz = {"text/x-moz-url": utf16(f"{URL}\nFirst\nhttps://other.example/b\nSecond")}
    assert dropped_inputs(moz) == [Dropped(URL, "First"), Dropped("https://other.example/b", "Second")]
    plain = {"text/plain": f"{URL} https://other.example/b\n junk words {URL}#again".encode()}
    assert [d.source for d in dropped_inputs(plain)] == [URL, "https://other.example/b"]


def test_html_with_several_links_and_refused_schemes():
    html = f'<p><a href="{URL}">One</a> <a href="javascript:alert(1)">x</a> <a href="/relative">r</a></p>'
    assert dropped_inputs({"text/html": html.encode()}) == [Dropped(URL, "One"), Dropped("javascript:alert(1)", "x")]


def test_files_and_folders(tmp_path):
    (tmp_path / "a.html").write_text("<p>a</p>")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.md").write_text("# b")
    (sub / "c.txt").write_text("c")
    (sub / "skip.png").write_bytes(b"\x89PNG")
    uris = f"file://{tmp_path / 'a.html'}\r\nfile://{sub}\r\n".encode()
    got = [d.source for d in dropped_inputs({"text/uri-list": uris})]
    assert got == [str(tmp_path / "a.html"), str(sub)]  # a folder is listed later, off the GUI thread
    assert importable_files([sub]) == [sub / "b.md", sub / "c.txt"]


def test_lines_with_junk(tmp_path):
    page = tmp_path / "my page.html"
    page.write_text("<p>x</p>")
    text = f"{URL}\n\n# note\nnot a link at all\n{page}\nexample\n{URL}\n"
    inputs, junk = inputs_from_lines(text)
    assert inputs == [Dropped(URL), Dropped(str(page))]
    assert junk == ["not a link at all", "example"]


def test_plain_text_never_imports_a_folder(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "notes.txt").write_text("x")
    (tmp_path / "story.html").write_text("<p>x</p>")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    text = f"Quote . of the day ~ see sub / {tmp_path} and {tmp_path / 'story.html'}"
    assert dropped_inputs({"text/plain": text.encode()}) == [Dropped(str(tmp_path / "story.html"))]
    # typed one per line in File > Import…, a folder is meant and still taken (listed by a worker)
    assert inputs_from_lines("sub")[0] == [Dropped("sub")]
    assert importable_files([Path("sub")]) == [Path("sub/notes.txt")]
