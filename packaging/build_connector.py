"""Build the browser extension's packages from `connector/` (no store publishing):

    python packaging/build_connector.py [--out DIR]     # default: dist/

writes `cuttings-connector-chromium-VERSION.zip` (load it unpacked, or drop it on
chrome://extensions in developer mode) and `cuttings-connector-firefox-VERSION.xpi` (unsigned:
about:debugging, or Firefox ESR / Developer Edition with signatures off or by policy; see
the README). The two differ only in the manifest: Chromium runs the background as a service
worker and takes the `key` that fixes its extension id (the app accepts that origin only);
Firefox runs it as a background script and needs an add-on id of its own.
Prints the two paths.
"""

from __future__ import annotations

import argparse
import json
import zipfile
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "connector"
FIREFOX_ID = "connector@cuttings.app"
FIREFOX_MIN_VERSION = "128.0"  # ESR 128: MV3 host permissions granted at install (Firefox 127+)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed: the same sources give the same bytes


def firefox_manifest(chromium: dict) -> dict:
    """The Firefox variant of the Chromium manifest."""
    manifest = {key: value for key, value in chromium.items() if key != "key"}
    manifest["background"] = {"scripts": [chromium["background"]["service_worker"]]}
    manifest["browser_specific_settings"] = {"gecko": {"id": FIREFOX_ID, "strict_min_version": FIREFOX_MIN_VERSION}}
    return manifest


def _write(path: Path, manifest: dict) -> Path:
    files = sorted(p for p in SOURCE.rglob("*") if p.is_file() and p.name != "manifest.json")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        entries = [("manifest.json", (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode())]
        entries += [(p.relative_to(SOURCE).as_posix(), p.read_bytes()) for p in files]
        for name, data in entries:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return path


def build(out: Path) -> tuple[Path, Path]:
    """Write the Chromium .zip and the Firefox .xpi into `out`; return their paths."""
    chromium = json.loads((SOURCE / "manifest.json").read_text(encoding="utf-8"))
    out.mkdir(parents=True, exist_ok=True)
    version = chromium["version"]
    return (_write(out / f"cuttings-connector-chromium-{version}.zip", chromium),
            _write(out / f"cuttings-connector-firefox-{version}.xpi", firefox_manifest(chromium)))


def main() -> None:
    parser = argparse.ArgumentParser(description="Build the Cuttings browser extension's .zip and .xpi.")
    parser.add_argument("--out", type=Path, default=SOURCE.parent / "dist", help="folder for the packages")
    for path in build(parser.parse_args().out):
        print(path)


if __name__ == "__main__":
    main()
