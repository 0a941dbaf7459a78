"""The user's preferences: theme, default archive, import concurrency, entities, trash.

Kept as JSON in the user's config folder (`$CUTTINGS_CONFIG` names another file, for tests).
A missing file means the defaults; a broken file or a bad value in it is logged as a warning
and replaced by the default, never a crash. Setting a bad value raises ValueError with one
sentence saying what is allowed. Callers pass the values on (the pipeline gets `entities`
as an argument): nothing deep in the core reads this file.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from desktop.core.errors import CuttingsError
from desktop.core.store import postgres

log = logging.getLogger(__name__)

THEMES = ("system", "light", "dark")
CONCURRENCY_RANGE = (1, 8)
TRASH_DAYS_RANGE = (0, 3650)  # 0: never empty the trash
DEFAULT_CONCURRENCY = 3  # downloads at once: they mostly wait, but each holds a page in memory
_TRUE, _FALSE = ("on", "true", "yes", "1"), ("off", "false", "no", "0")
_NO_ARCHIVE = ("", "default", "none")  # what `cuttings config archive …` takes for "the default"


@dataclass(frozen=True)
class Preferences:
    """One value per setting; constructing it validates them (ValueError on a bad one)."""

    theme: str = "system"
    archive: str | None = None  # None: archive.sqlite3 in the user data folder
    import_concurrency: int = DEFAULT_CONCURRENCY
    entities: bool = True  # find people, places and organisations on import
    trash_days: int = 30

    def __post_init__(self) -> None:
        if self.theme not in THEMES:
            raise ValueError(f"theme must be one of {', '.join(THEMES)}, not {self.theme!r}.")
        if self.archive is not None and (not isinstance(self.archive, str) or not self.archive.strip()):
            raise ValueError("archive must be the path of an archive file, or empty for the default.")
        _check_int("import_concurrency", self.import_concurrency, CONCURRENCY_RANGE)
        if not isinstance(self.entities, bool):
            raise ValueError(f"entities must be on or off, not {self.entities!r}.")
        _check_int("trash_days", self.trash_days, TRASH_DAYS_RANGE)


KEYS = tuple(f.name for f in dataclasses.fields(Preferences))


def _check_int(key: str, value, bounds: tuple[int, int]) -> None:
    low, high = bounds
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"{key} must be a whole number from {low} to {high}, not {value!r}.")


def config_path() -> Path:
    """The preferences file: $CUTTINGS_CONFIG, else preferences.json in the user config folder."""
    env = os.environ.get("CUTTINGS_CONFIG")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir("Cuttings", appauthor=False)) / "preferences.json"


def load(path: Path | None = None) -> Preferences:
    """The saved preferences; defaults for anything missing or unusable (with a warning)."""
    path = path or config_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Preferences()
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        log.warning("Preferences in %s are unreadable (%s); using the defaults.", path, exc)
        return Preferences()
    if not isinstance(data, dict):
        log.warning("Preferences in %s are not a JSON object; using the defaults.", path)
        return Preferences()
    prefs = Preferences()
    for key, value in data.items():
        try:
            _check_key(key)
            prefs = dataclasses.replace(prefs, **{key: value})
        except ValueError as exc:
            log.warning("Ignoring a setting in %s: %s", path, exc)
    return prefs


def save(prefs: Preferences, path: Path | None = None) -> Path:
    """Write `prefs` (replacing the file in one step, so a crash never leaves half a file)."""
    path = path or config_path()
    partial = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps(dataclasses.asdict(prefs), indent=1) + "\n", encoding="utf-8")
        partial.replace(path)
    except OSError as exc:
        raise CuttingsError(f"Cannot save the preferences to {path}: {exc.strerror}") from exc
    return path


def _check_key(key: str) -> None:
    if key not in KEYS:
        raise ValueError(f"{key!r} is not a preference; the preferences are {', '.join(KEYS)}.")


def parse(key: str, text: str):
    """A value for `key` from text as typed ("dark", "4", "off", "~/news.sqlite3", "default")."""
    _check_key(key)
    default = getattr(Preferences(), key)
    word = text.strip().lower()
    if isinstance(default, bool):
        if word not in _TRUE + _FALSE:
            raise ValueError(f"{key} must be on or off, not {text!r}.")
        return word in _TRUE
    if isinstance(default, int):
        try:
            return int(word)
        except ValueError:
            raise ValueError(f"{key} must be a whole number, not {text!r}.") from None
    if key == "archive":
        if postgres.is_server(text.strip()):  # a team archive; its password stays out of the file
            return postgres.without_password(text.strip())
        return None if word in _NO_ARCHIVE else str(Path(text.strip()).expanduser().resolve())
    return word


def with_text(prefs: Preferences, key: str, text: str) -> Preferences:
    """`prefs` with `key` set from typed text; ValueError with one sentence if it is bad."""
    return dataclasses.replace(prefs, **{key: parse(key, text)})


def as_text(prefs: Preferences, key: str) -> str:
    """A value as `parse` reads it back: "on"/"off", numbers, a path or "default"."""
    _check_key(key)
    value = getattr(prefs, key)
    if isinstance(value, bool):
        return "on" if value else "off"
    return "default" if value is None else str(value)
