"""Fixtures: the service over real HTTP, moto's S3 server and Azurite, all on free loopback ports."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from .helpers import REPO, Azurite, Moto, ServiceProcess, started_moto

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # cloud_sync lives at the repo root


@pytest.fixture(scope="module")
def local_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServiceProcess]:
    data = tmp_path_factory.mktemp("sync-data")
    svc = ServiceProcess(data.parent / f"{data.name}.log", store="local", data_dir=str(data),
                         max_body_bytes="65536", max_blob_bytes="200000", log_level="INFO")
    svc.data_dir = data  # type: ignore[attr-defined]
    yield svc
    svc.stop()


@pytest.fixture
def moto_s3(monkeypatch: pytest.MonkeyPatch) -> Iterator[Moto]:
    moto = started_moto(monkeypatch)
    yield moto
    moto.stop()


@pytest.fixture
def azurite(tmp_path) -> Iterator[Azurite]:
    # Disk persistence (not in-memory) so a test can stop and restart it without losing the copies.
    az = Azurite(location=tmp_path / "azurite")
    az.start()
    yield az
    az.stop()
