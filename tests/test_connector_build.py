"""The browser extension as files to install (core.connector.extension, `cuttings connector
extension`): the unpacked Chromium folder, its .zip, and the Firefox .xpi."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from desktop.core.connector.extension import save_extension, write_packages

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "connector"


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_packages_are_a_zip_for_chromium_and_an_xpi_for_firefox(tmp_path):
    chromium_zip, firefox_xpi = write_packages(tmp_path)
    source = json.loads((SOURCE / "manifest.json").read_text(encoding="utf-8"))
    assert chromium_zip.name == f"cuttings-connector-chromium-{source['version']}.zip"
    assert firefox_xpi.suffix == ".xpi"
    for package in (chromium_zip, firefox_xpi):
        with zipfile.ZipFile(package) as archive:
            assert sorted(archive.namelist()) == _files(SOURCE)
    chromium = json.loads(zipfile.ZipFile(chromium_zip).read("manifest.json"))
    firefox = json.loads(zipfile.ZipFile(firefox_xpi).read("manifest.json"))
    assert chromium == source and chromium["manifest_version"] == 3
    assert chromium["background"] == {"service_worker": "background.js"} and "key" in chromium
    assert firefox["background"] == {"scripts": ["background.js"]} and "key" not in firefox
    assert firefox["browser_specific_settings"]["gecko"]["id"].endswith("@cuttings.app")
    assert write_packages(tmp_path / "again")[1].read_bytes() == firefox_xpi.read_bytes()  # reproducible
    assert not list(tmp_path.glob("*.part"))


def test_the_cli_writes_the_unpacked_folder_and_both_packages(cli, tmp_path):
    out = tmp_path / "for the browser"
    (out / "cuttings-connector").mkdir(parents=True)
    (out / "cuttings-connector" / "stale.js").write_text("old")  # an older extension's file
    code, printed, _ = cli("connector", "extension", "--out", str(out), db=False)
    assert code == 0
    folder, chromium_zip, firefox_xpi = map(Path, printed.splitlines())
    assert folder == out / "cuttings-connector" and _files(folder) == _files(SOURCE)
    assert (folder / "manifest.json").read_bytes() == (SOURCE / "manifest.json").read_bytes()
    assert chromium_zip.is_file() and firefox_xpi.is_file()


def test_an_unwritable_place_gets_one_sentence(cli, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    code, out, err = cli("connector", "extension", "--out", str(blocked / "x"), db=False)
    assert code == 1 and out == ""
    assert err.startswith(f"error: Cannot write the extension into {blocked / 'x'}") and "Traceback" not in err


def test_save_extension_replaces_an_older_folder(tmp_path):
    first = save_extension(tmp_path)
    (first.folder / "stale.js").write_text("old")
    assert "stale.js" not in _files(save_extension(tmp_path).folder)


def test_the_pinned_chromium_origin_is_the_manifest_keys_extension_id():
    import base64
    import hashlib

    from desktop.core.connector.listener import CHROMIUM_ORIGIN

    key = json.loads((SOURCE / "manifest.json").read_text(encoding="utf-8"))["key"]
    digest = hashlib.sha256(base64.b64decode(key)).hexdigest()[:32]
    assert CHROMIUM_ORIGIN == "chrome-extension://" + "".join(chr(ord("a") + int(c, 16)) for c in digest)
