"""Where one user's QRDesk keeps its things: a *profile*.

Without ``$QRDESK_HOME`` the profile uses the platform's folders for "QRDesk" (configuration, data, logs).
With ``QRDESK_HOME=DIR`` everything lives under DIR and nothing anywhere else, so two profiles (a test and
a real one, two users on a shared account, a portable install) never mix::

    DIR/settings.ini     the app's preferences (QSettings, INI format; never the platform default store)
    DIR/profile.json     the library's location when the user moved it (read by the app and the CLI)
    DIR/presets.json     the user's style presets
    DIR/logs/            the app's log and the crash log
    DIR/qt/              what Qt itself keeps in default settings (the file dialog's recent folders)
    DIR/library.db ...   the library, unless profile.json points elsewhere

The sync token is kept in the OS keyring under a service name of the profile's own (:attr:`keyring_service`).
Plain Python (no Qt): the CLI, the core and the sync client use it as the app does.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from app.core.errors import QrDeskError

APP_NAME = "QRDesk"
HOME_ENV = "QRDESK_HOME"
KEYRING_SERVICE = "QRDesk sync"
SETTINGS_FILE = "settings.ini"
LOCATION_FILE = "profile.json"
PRESETS_FILE = "presets.json"


class ProfileError(QrDeskError):
    """The profile's own files cannot be read or written (the message says which and why)."""


@dataclass(frozen=True)
class Profile:
    """The folders of one profile; ``home`` is ``$QRDESK_HOME`` (None: the platform's folders)."""

    home: Path | None
    config_dir: Path
    data_dir: Path
    log_dir: Path

    @classmethod
    def current(cls) -> Profile:
        """The profile this process uses: ``$QRDESK_HOME`` if set and not empty, else the platform's."""
        home = os.environ.get(HOME_ENV, "").strip()
        if home:
            return cls.at(Path(home))
        return cls(None, Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
                   Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
                   Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)))

    @classmethod
    def at(cls, home: Path) -> Profile:
        """The profile kept entirely in ``home``."""
        home = Path(home).expanduser().absolute()
        return cls(home, home, home, home / "logs")

    @property
    def settings_path(self) -> Path:
        return self.config_dir / SETTINGS_FILE

    @property
    def presets_path(self) -> Path:
        return self.config_dir / PRESETS_FILE

    @property
    def qt_dir(self) -> Path:
        """Where Qt's own default settings go (file dialog history): under the home, not the user's config."""
        return self.config_dir / "qt"

    @property
    def keyring_service(self) -> str:
        """The OS keyring service of this profile's sync token: the same server signed in from two profiles
        keeps two tokens."""
        return KEYRING_SERVICE if self.home is None else f"{KEYRING_SERVICE} ({self.home})"

    # -- the library's location -------------------------------------------------------------------
    @property
    def default_library_dir(self) -> Path:
        """Where the library lives when the user has not moved it."""
        return self.data_dir

    @property
    def library_dir(self) -> Path:
        """The library folder: the one chosen in the preferences, else :attr:`default_library_dir`."""
        return self.chosen_library_dir() or self.default_library_dir

    def chosen_library_dir(self) -> Path | None:
        path = self.config_dir / LOCATION_FILE
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise ProfileError(f"the profile file {path} cannot be read ({exc}); fix or delete it") from None
        chosen = raw.get("library") if isinstance(raw, dict) else None
        return Path(chosen).expanduser() if isinstance(chosen, str) and chosen.strip() else None

    def choose_library_dir(self, folder: Path | None) -> None:
        """Keep the library in ``folder`` from the next start on (None: back to the default place)."""
        path = self.config_dir / LOCATION_FILE
        data = {"library": str(Path(folder).expanduser().absolute())} if folder is not None else {}
        try:
            self.config_dir.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".profile-", dir=self.config_dir)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, indent=2)
            os.replace(tmp, path)
        except OSError as exc:
            raise ProfileError(f"cannot write {path}: {exc.strerror or exc}") from None
