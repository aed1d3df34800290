"""The profile: QRDESK_HOME puts every file of the app in one folder; the library can be moved."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.library import default_library_dir, resolve_library_dir
from app.core.profile import KEYRING_SERVICE, Profile, ProfileError


def test_a_home_holds_everything(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("QRDESK_HOME", str(home))
    profile = Profile.current()
    for path in (profile.settings_path, profile.presets_path, profile.log_dir, profile.qt_dir, profile.library_dir):
        assert home in (path, *path.parents), path
    assert default_library_dir() == home  # the library at the top of the home, as the CLI has always had it


def test_two_homes_have_two_keyring_services(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    services = set()
    for name in ("a", "b"):
        monkeypatch.setenv("QRDESK_HOME", str(tmp_path / name))
        services.add(Profile.current().keyring_service)
    monkeypatch.delenv("QRDESK_HOME")
    services.add(Profile.current().keyring_service)
    assert len(services) == 3 and KEYRING_SERVICE in services  # the default profile keeps the old name


def test_the_chosen_library_folder_is_what_the_cli_opens(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("QRDESK_HOME", str(tmp_path / "home"))
    profile = Profile.current()
    profile.choose_library_dir(tmp_path / "elsewhere")
    assert default_library_dir() == tmp_path / "elsewhere"
    assert resolve_library_dir(str(tmp_path / "opt")) == tmp_path / "opt"  # --library still wins
    profile.choose_library_dir(None)
    assert default_library_dir() == tmp_path / "home"


def test_a_damaged_profile_file_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("QRDESK_HOME", str(tmp_path))
    (tmp_path / "profile.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ProfileError, match=r"profile\.json"):
        default_library_dir()
