"""End to end on the production storage path: the service backed by moto's S3 server (commit point) and
Azurite (replica), two machines editing offline, files included; then S3 goes down mid-life."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from app.core.library import Library
from app.core.spec import QrSpec
from cloud_sync.errors import ServerUnavailable
from tests.cloud_sync.conftest import Machine, snapshot
from tests.sync_service.conftest import azurite, moto_s3  # noqa: F401 - fixtures shared with the service tests
from tests.sync_service.helpers import ServiceProcess, make_token

pytestmark = pytest.mark.emulators


def _cfg(moto, az, bucket: str) -> dict[str, str]:
    return {"store": "s3+azure", "s3_bucket": bucket, "s3_endpoint_url": moto.url, "azure_container": bucket,
            "azure_connection_string": az.connection_string, "storage_timeout_seconds": "2",
            "reconcile_interval_seconds": "0.3"}


def _prepare(moto, az, bucket: str) -> None:
    from sync_service.storage.azure import AzureStore
    from sync_service.storage.s3 import S3Store

    S3Store(bucket, "us-east-1", moto.url, timeout=2).ensure_bucket()
    AzureStore(bucket, az.connection_string, timeout=2).ensure_container()


def test_two_machines_through_s3_and_azure_converge_with_files(tmp_path: Path, moto_s3, azurite) -> None:  # noqa: F811
    _prepare(moto_s3, azurite, "qrdesk")
    cfg = _cfg(moto_s3, azurite, "qrdesk")
    svc = ServiceProcess(tmp_path / "svc.log", **cfg)
    user = f"user-{uuid.uuid4().hex[:8]}"
    a = b = None
    try:
        libs = [Library.open(tmp_path / f"machine-{n}") for n in (1, 2)]
        a, b = (Machine(lib.folder, svc.url, make_token(user, lib.device_id, **cfg), lib) for lib in libs)
        shared = a.add("https://example.com/menu", name="Menu", tags=["cafe"])
        a.attach_png(shared.id)
        a.sync()
        b.sync()

        a.lib.update(shared.id, spec=QrSpec.text("https://example.com/menu-a"))
        b.lib.update(shared.id, spec=QrSpec.text("https://example.com/menu-b"))
        b.lib.retag(shared.id, add=["printed"])
        wifi = b.add("WIFI:S:cafe;T:WPA;P:secret;;", name="Wi-Fi")
        b.attach_png(wifi.id)
        a.sync()
        b.sync()
        a.sync()
        assert snapshot(a.lib) == snapshot(b.lib)
        copies = [i for i in a.lib.all_items() if i.conflict_of == shared.id]
        assert [c.spec.fields["text"] for c in copies] == ["https://example.com/menu-b"]
        for item in a.lib.all_items():
            for f in item.files:
                decoded = zxingcpp.read_barcodes(Image.open(a.lib.files.path_of(f.sha256)))
                assert decoded and decoded[0].text in {"https://example.com/menu", "WIFI:S:cafe;T:WPA;P:secret;;"}
        assert any(i.files for i in a.lib.all_items() if i.id == wifi.id)

        # S3 (the commit point) goes down: pushes get 503 and stay queued; the library is never damaged.
        a.add("made while S3 is down", name="Queued")
        moto_s3.stop()
        with pytest.raises(ServerUnavailable):
            a.sync()
        assert len(a.lib.dirty_items()) == 1
    finally:
        for m in (a, b):
            if m is not None:
                m.lib.close()
        svc.stop()
