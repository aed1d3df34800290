"""moto's S3 server and Azurite on loopback with the sync service on top, for the sync benchmarks.

moto runs as its own process so the emulator never competes with the measured client for one GIL.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.sync_service.helpers import Azurite, ServiceProcess, free_port, wait_http

BUCKET = "bench"
AWS = {"AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench", "AWS_DEFAULT_REGION": "us-east-1"}


@dataclass(frozen=True)
class ReplicatedService:
    service: ServiceProcess
    config: dict[str, str]  # the store settings, also what `make_token` needs
    s3_url: str


@contextmanager
def replicated_service(log: Path) -> Iterator[ReplicatedService]:
    """Start moto + Azurite, create the bucket and container, start the service on them; stop all on exit."""
    from sync_service.storage.azure import AzureStore
    from sync_service.storage.s3 import S3Store

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    os.environ.update(AWS)
    port = free_port()
    moto = subprocess.Popen([str(Path(sys.executable).with_name("moto_server")), "-H", "127.0.0.1", "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    azurite = Azurite()
    azurite.start()
    service = None
    try:
        s3_url = f"http://127.0.0.1:{port}"
        wait_http(s3_url + "/moto-api/", ok=(200, 404))
        S3Store(BUCKET, "us-east-1", s3_url).ensure_bucket()
        AzureStore(BUCKET, azurite.connection_string).ensure_container()
        config = {"store": "s3+azure", "s3_bucket": BUCKET, "s3_endpoint_url": s3_url, "azure_container": BUCKET,
                  "azure_connection_string": azurite.connection_string, "reconcile_interval_seconds": "5",
                  # As deployed (the tests turn the token cache off to see revocations at once).
                  "token_cache_seconds": "0.5"}
        service = ServiceProcess(log, **config)
        yield ReplicatedService(service, config, s3_url)
    finally:
        if service:
            service.stop()
        azurite.stop()
        moto.terminate()
        moto.wait(10)
