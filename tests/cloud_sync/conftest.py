"""Fixtures: the real sync service over HTTP (local store), "machines" with their own library folders, and an
in-memory OS keyring so no test touches (or needs) a real one."""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from app.core.encode import encode_spec
from app.core.library import Item, Library
from app.core.library.logos import portable_spec
from app.core.render import render_image
from app.core.spec import QrSpec
from cloud_sync.client import SyncClient
from cloud_sync.engine import SyncEngine, SyncReport
from tests.sync_service.helpers import ServiceProcess, make_token


@dataclass
class Server:
    proc: ServiceProcess
    data_dir: Path

    @property
    def url(self) -> str:
        return self.proc.url

    def token(self, user: str, device: str) -> str:
        return make_token(user, device, store="local", data_dir=str(self.data_dir))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data = tmp_path_factory.mktemp("sync-data")
    proc = ServiceProcess(data.parent / f"{data.name}.log", store="local", data_dir=str(data))
    yield Server(proc, data)
    proc.stop()


@dataclass
class Machine:
    """One computer of the user: a library folder and a sync engine talking to the service."""

    folder: Path
    url: str
    token: str
    lib: Library
    transport: httpx.BaseTransport | None = None
    reports: list[SyncReport] = field(default_factory=list)
    engine_kw: dict = field(default_factory=dict)

    def engine(self) -> SyncEngine:
        client = SyncClient(self.url, self.token, transport=self.transport, attempts=2, backoff_s=0.05,
                            sleep=lambda s: None)
        return SyncEngine(self.lib, client, device_label=self.folder.name, **self.engine_kw)

    def sync(self, **kw: object) -> SyncReport:
        engine = self.engine()
        try:
            report = engine.sync(**kw)  # type: ignore[arg-type]
        finally:
            engine.client.close()
        self.reports.append(report)
        return report

    def add(self, text: str, **kw: object) -> Item:
        return self.lib.add(QrSpec.text(text), **kw)  # type: ignore[arg-type]

    def attach_png(self, item_id: str) -> None:
        item = self.lib.get(item_id)
        image = render_image(encode_spec(item.spec), item.spec.style)
        buf = io.BytesIO()
        image.save(buf, format="PNG")
        self.lib.attach_file(item_id, "export", buf.getvalue())

    def reopen(self) -> None:
        self.lib.close()
        self.lib = Library.open(self.folder)


def snapshot(lib: Library) -> dict[str, tuple]:
    """What the user sees: every item with its content (not its sync bookkeeping; a logo by its content, not by
    where this machine keeps it)."""
    return {i.id: (i.name, portable_spec(i.spec).to_json(), i.tags, i.notes, i.trashed, tuple(sorted(i.files, key=str)),
                   i.conflict_of) for i in lib.all_items()}


@pytest.fixture
def machines(server: Server, tmp_path: Path) -> Iterator[callable]:
    """``machines(n)`` → n machines of one fresh user (so tests sharing the server never see each other)."""
    user = f"user-{uuid.uuid4().hex[:12]}"
    made: list[Machine] = []

    def make(n: int = 2) -> list[Machine]:
        for _ in range(n):
            folder = tmp_path / f"machine-{len(made) + 1}"
            lib = Library.open(folder)
            made.append(Machine(folder, server.url, server.token(user, lib.device_id), lib))
        return made[-n:]

    yield make
    for m in made:
        m.lib.close()


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[Server]:
    """A service of the test's own, which the test may stop and restart."""
    data = tmp_path / "own-sync-data"
    data.mkdir()
    proc = ServiceProcess(tmp_path / "own.log", store="local", data_dir=str(data))
    srv = Server(proc, data)
    yield srv
    srv.proc.stop()


def two_machines(server: Server, tmp_path: Path) -> tuple[Machine, Machine]:
    user = f"user-{uuid.uuid4().hex[:8]}"
    out = []
    for name in ("machine-1", "machine-2"):
        lib = Library.open(tmp_path / name)
        out.append(Machine(tmp_path / name, server.url, server.token(user, lib.device_id), lib))
    return tuple(out)


def restart_server(server: Server, tmp_path: Path, *machines: Machine) -> None:
    """Start the service again on the same data (on a new port: the machines follow it)."""
    server.proc.stop()
    server.proc = ServiceProcess(tmp_path / "own.log", store="local", data_dir=str(server.data_dir))
    for m in machines:
        m.url = server.url
        m.transport = None
