"""Persisted preferences (QSettings), behind typed accessors so keys live in one place.

The store is always an INI file at the profile's ``settings.ini`` (see :mod:`app.core.profile`), never Qt's
platform default (the registry, a plist, ``~/.config/QRDesk/QRDesk.conf``), so ``QRDESK_HOME`` keeps every
preference inside its folder. What Qt itself saves through default ``QSettings`` objects (the file dialog's
history) is redirected into the profile too, by :func:`isolate_qt_settings`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QSettings

from app.core.profile import Profile

log = logging.getLogger("qrdesk.ui")

THEMES = ("system", "light", "dark")
ZOOM_LEVELS = (50, 67, 75, 90, 100, 110, 125, 150, 175, 200)  # percent, for the preview's View → Zoom


def open_settings(profile: Profile) -> Settings:
    """The profile's settings; the first time the default profile starts with an INI file it takes over what
    earlier versions kept in the platform's store."""
    store = QSettings(str(profile.settings_path), QSettings.Format.IniFormat)
    if profile.home is None and not store.allKeys():
        legacy = QSettings("QRDesk", "QRDesk")
        for key in legacy.allKeys():
            store.setValue(key, legacy.value(key))
        if legacy.allKeys():
            log.info("preferences moved from the platform store to %s", profile.settings_path)
    return Settings(store)


def isolate_qt_settings(profile: Profile) -> None:
    """Send what Qt keeps in default settings (QFileDialog's recent folders, ...) into a profile with a home.

    Must run before the first such ``QSettings`` is created, i.e. right after the QApplication.
    """
    if profile.home is None:
        return
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(profile.qt_dir))
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, str(profile.qt_dir / "system"))


class Settings:
    def __init__(self, store: QSettings | None = None) -> None:
        self.store: QSettings = store if store is not None else open_settings(Profile.current()).store

    def _get(self, key: str, default: object) -> object:
        value = self.store.value(key, default)
        return default if value is None else value

    def _flag(self, key: str, default: bool) -> bool:
        return str(self._get(key, "true" if default else "false")).lower() in ("true", "1")

    def _set_flag(self, key: str, value: bool) -> None:
        self.store.setValue(key, "true" if value else "false")

    @property
    def path(self) -> str:
        return self.store.fileName()

    # -- appearance ---------------------------------------------------------------------------------
    @property
    def theme(self) -> str:
        value = str(self._get("ui/theme", "system"))
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self.store.setValue("ui/theme", value)

    @property
    def language(self) -> str:
        """A language code ("de", "pt_BR") the user chose over the system's; "" follows the system."""
        return str(self._get("ui/language", ""))

    @language.setter
    def language(self, value: str) -> None:
        self.store.setValue("ui/language", value)

    @property
    def library_visible(self) -> bool:
        return self._flag("ui/library_visible", True)

    @library_visible.setter
    def library_visible(self, value: bool) -> None:
        self._set_flag("ui/library_visible", value)

    @property
    def zoom(self) -> int:
        """The preview's zoom in percent (100: the code fits the preview area)."""
        try:
            value = int(str(self._get("ui/zoom", 100)))
        except ValueError:
            return 100
        return value if value in ZOOM_LEVELS else 100

    @zoom.setter
    def zoom(self, value: int) -> None:
        self.store.setValue("ui/zoom", int(value))

    # -- export -------------------------------------------------------------------------------------
    @property
    def verify_exports(self) -> bool:
        """Check that a code scans before it leaves the app (export, copy, drag, print); a code that does not
        scan is then refused with an explicit "anyway". Off: no check."""
        return self._flag("export/verify", True)

    @verify_exports.setter
    def verify_exports(self, value: bool) -> None:
        self._set_flag("export/verify", value)

    @property
    def default_export_dir(self) -> str:
        """Where the export dialog starts ("": the folder of the last export)."""
        return str(self._get("export/default_dir", ""))

    @default_export_dir.setter
    def default_export_dir(self, value: str) -> None:
        self.store.setValue("export/default_dir", value)

    @property
    def export_format(self) -> str:
        """The writer format the export dialog offers first (see app.ui.export.EXPORT_FORMATS)."""
        return str(self._get("export/format", "png")) or "png"

    @export_format.setter
    def export_format(self, value: str) -> None:
        self.store.setValue("export/format", value)

    @property
    def last_export_dir(self) -> str:
        return str(self._get("export/dir", ""))

    @last_export_dir.setter
    def last_export_dir(self, value: str) -> None:
        self.store.setValue("export/dir", value)

    def export_start_dir(self) -> str:
        """The folder the export dialog opens in: the chosen default, else the last one used, else ""."""
        return self.default_export_dir or self.last_export_dir

    # -- editor and window --------------------------------------------------------------------------
    @property
    def last_spec_json(self) -> str:
        return str(self._get("editor/spec", ""))

    @last_spec_json.setter
    def last_spec_json(self, value: str) -> None:
        self.store.setValue("editor/spec", value)

    @property
    def last_item_id(self) -> str:
        """The library item the editor held when the app was closed ("" for a new code)."""
        return str(self._get("editor/item", ""))

    @last_item_id.setter
    def last_item_id(self, value: str) -> None:
        self.store.setValue("editor/item", value)

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        geometry = self.store.value("window/geometry")
        state = self.store.value("window/state")
        return (geometry if isinstance(geometry, QByteArray) else None,
                state if isinstance(state, QByteArray) else None)

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self.store.setValue("window/geometry", geometry)
        self.store.setValue("window/state", state)

    def sync(self) -> None:
        self.store.sync()
