"""packaging/build_connector.py: the Chromium .zip and the Firefox .xpi of the extension."""

from __future__ import annotations

import json
import runpy
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_build_makes_a_zip_for_chromium_and_an_xpi_for_firefox(tmp_path):
    build = runpy.run_path(str(ROOT / "packaging" / "build_connector.py"))["build"]
    chromium_zip, firefox_xpi = build(tmp_path)
    source = json.loads((ROOT / "connector" / "manifest.json").read_text(encoding="utf-8"))
    assert chromium_zip.name == f"cuttings-connector-chromium-{source['version']}.zip"
    assert firefox_xpi.suffix == ".xpi"
    files = sorted(p.relative_to(ROOT / "connector").as_posix() for p in (ROOT / "connector").rglob("*") if p.is_file())
    for package in (chromium_zip, firefox_xpi):
        with zipfile.ZipFile(package) as archive:
            assert sorted(archive.namelist()) == files
    chromium = json.loads(zipfile.ZipFile(chromium_zip).read("manifest.json"))
    firefox = json.loads(zipfile.ZipFile(firefox_xpi).read("manifest.json"))
    assert chromium == source and chromium["manifest_version"] == 3
    assert chromium["background"] == {"service_worker": "background.js"} and "key" in chromium
    assert firefox["background"] == {"scripts": ["background.js"]} and "key" not in firefox
    assert firefox["browser_specific_settings"]["gecko"]["id"].endswith("@cuttings.app")
    assert build(tmp_path / "again")[1].read_bytes() == firefox_xpi.read_bytes()  # reproducible


def test_the_pinned_chromium_origin_is_the_manifest_keys_extension_id():
    import base64
    import hashlib

    from desktop.core.connector.listener import CHROMIUM_ORIGIN

    key = json.loads((ROOT / "connector" / "manifest.json").read_text(encoding="utf-8"))["key"]
    digest = hashlib.sha256(base64.b64decode(key)).hexdigest()[:32]
    assert CHROMIUM_ORIGIN == "chrome-extension://" + "".join(chr(ord("a") + int(c, 16)) for c in digest)
