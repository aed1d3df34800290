"""Persisted preferences (QSettings), behind typed accessors so keys live in one place."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

THEMES = ("system", "light", "dark")


class Settings:
    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings("QRDesk", "QRDesk")

    def _get(self, key: str, default: object) -> object:
        value = self.store.value(key, default)
        return default if value is None else value

    @property
    def theme(self) -> str:
        value = str(self._get("ui/theme", "system"))
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self.store.setValue("ui/theme", value)

    @property
    def verify_exports(self) -> bool:
        return str(self._get("export/verify", "true")).lower() in ("true", "1")

    @verify_exports.setter
    def verify_exports(self, value: bool) -> None:
        self.store.setValue("export/verify", "true" if value else "false")

    @property
    def last_export_dir(self) -> str:
        return str(self._get("export/dir", ""))

    @last_export_dir.setter
    def last_export_dir(self, value: str) -> None:
        self.store.setValue("export/dir", value)

    @property
    def last_spec_json(self) -> str:
        return str(self._get("editor/spec", ""))

    @last_spec_json.setter
    def last_spec_json(self, value: str) -> None:
        self.store.setValue("editor/spec", value)

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
