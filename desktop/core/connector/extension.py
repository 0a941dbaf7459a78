"""The browser extension as files a user installs: the Chromium folder to load unpacked, its
.zip, and the Firefox .xpi, written from the sources that ship with the app (connector/).

The Chromium and Firefox packages differ only in the manifest: Chromium runs the background
as a service worker and takes the `key` that fixes its extension id (the listener accepts
that origin only); Firefox runs it as a background script and needs an add-on id of its own.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

from desktop.resources import connector_dir

FIREFOX_ID = "connector@cuttings.app"
FIREFOX_MIN_VERSION = "128.0"  # ESR 128: MV3 host permissions granted at install (Firefox 127+)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed: the same sources give the same bytes


@dataclass
class Extension:
    """What save_extension wrote: the unpacked Chromium folder, its .zip, the Firefox .xpi."""

    folder: Path
    chromium_zip: Path
    firefox_xpi: Path


def firefox_manifest(chromium: dict) -> dict:
    """The Firefox variant of the Chromium manifest."""
    manifest = {key: value for key, value in chromium.items() if key != "key"}
    manifest["background"] = {"scripts": [chromium["background"]["service_worker"]]}
    manifest["browser_specific_settings"] = {"gecko": {"id": FIREFOX_ID, "strict_min_version": FIREFOX_MIN_VERSION}}
    return manifest


def _package(path: Path, source: Path, manifest: dict) -> Path:
    files = sorted(p for p in source.rglob("*") if p.is_file() and p.name != "manifest.json")
    partial = path.with_name(path.name + ".part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        entries = [("manifest.json", (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode())]
        entries += [(p.relative_to(source).as_posix(), p.read_bytes()) for p in files]
        for name, data in entries:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    partial.replace(path)  # a half-written package never sits under the real name
    return path


def write_packages(out: Path, source: Path | None = None) -> tuple[Path, Path]:
    """Write `cuttings-connector-chromium-VERSION.zip` and `cuttings-connector-firefox-VERSION.xpi`
    into `out` (made if missing) from `source` (default: the shipped connector/); return their
    paths. Raises OSError when `out` cannot be written."""
    source = source or connector_dir()
    chromium = json.loads((source / "manifest.json").read_text(encoding="utf-8"))
    out.mkdir(parents=True, exist_ok=True)
    version = chromium["version"]
    return (_package(out / f"cuttings-connector-chromium-{version}.zip", source, chromium),
            _package(out / f"cuttings-connector-firefox-{version}.xpi", source, firefox_manifest(chromium)))


def save_extension(out: Path) -> Extension:
    """Write the extension into the folder `out` for a user to install: `out/cuttings-connector`
    (Chromium's Load unpacked; replaced if there) and the two packages of write_packages.
    Raises OSError when `out` cannot be written."""
    source = connector_dir()
    folder = out / "cuttings-connector"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(source, folder)
    return Extension(folder, *write_packages(out, source))
