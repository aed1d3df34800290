"""Test helpers: free ports, a service subprocess, emulator processes, record builders."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]
PEPPER = "test-pepper-not-secret"
CURSOR_KEY = "test-cursor-key-not-secret"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, timeout: float = 30.0, ok=(200,)) -> None:
    deadline = time.monotonic() + timeout
    last: object = None
    while time.monotonic() < deadline:
        try:
            r = httpx.get(url, timeout=1.0)
            if r.status_code in ok:
                return
            last = r.status_code
        except httpx.HTTPError as err:
            last = err
        time.sleep(0.1)
    raise TimeoutError(f"{url} not ready after {timeout}s: {last}")


def wait_port(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.1)
    raise TimeoutError(f"port {port} not open after {timeout}s")


def wait_for(predicate, what: str, timeout: float = 30.0, every: float = 0.05) -> float:
    """Poll `predicate` until it holds (bounded: fails saying `what` after `timeout`); returns the seconds waited."""
    start = time.monotonic()
    while not predicate():
        assert time.monotonic() - start < timeout, f"not within {timeout:g} s: {what}"
        time.sleep(every)
    return time.monotonic() - start


def metric(url: str, name: str) -> float:
    """One unlabelled series from the service's /metrics."""
    text = httpx.get(url + "/metrics", timeout=5).text
    found = re.search(rf"^{name} (\S+)$", text, re.M)
    assert found, f"{name} not exported"
    return float(found.group(1))


def run_cli(env: dict[str, str], *args: str) -> tuple[str, float]:
    """`sync-service ARGS` in a subprocess; must succeed. Returns its output and how long it took."""
    start = time.monotonic()
    out = subprocess.run([sys.executable, "-m", "sync_service", *args], env=env, capture_output=True, text=True,
                         timeout=180)
    assert out.returncode == 0, out.stdout + out.stderr
    return out.stdout, time.monotonic() - start


def base_env(**settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QRDESK_SYNC_")}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["QRDESK_SYNC_TOKEN_PEPPER"] = PEPPER
    env["QRDESK_SYNC_CURSOR_KEY"] = CURSOR_KEY
    env["QRDESK_SYNC_TOKEN_CACHE_SECONDS"] = "0"
    env["QRDESK_SYNC_LOG_LEVEL"] = "WARNING"
    # Cheaper Argon2id than production's 64 MiB x 3 (still Argon2id, still checked): tests sign in a lot.
    env["QRDESK_SYNC_PASSWORD_TIME_COST"] = "1"
    env["QRDESK_SYNC_PASSWORD_MEMORY_KIB"] = "8192"
    env.update({f"QRDESK_SYNC_{k.upper()}": v for k, v in settings.items()})
    return env


class ServiceProcess:
    """`sync-service serve` in its own process on a free loopback port, stopped by its own PID."""

    def __init__(self, log_path: Path, extra_env: dict[str, str] | None = None, wait: bool = True,
                 **settings: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**base_env(**settings), **(extra_env or {})}
        self._log = log_path.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "sync_service", "serve", "--host", "127.0.0.1", "--port", str(self.port)],
            env=self.env, stdout=self._log, stderr=subprocess.STDOUT,
        )
        if wait:
            self.wait_ready()

    def wait_ready(self) -> None:
        """Until /healthz answers (start several with wait=False first: they start in parallel)."""
        try:
            wait_http(self.url + "/healthz")
        except TimeoutError:
            self.stop()
            raise

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                os.kill(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)
        self._log.close()


class Azurite:
    """Microsoft's Azurite blob emulator from the project's node_modules."""

    def __init__(self, port: int | None = None, location: Path | None = None) -> None:
        self.port = port or free_port()
        self.location = location
        self.proc: subprocess.Popen | None = None

    @property
    def connection_string(self) -> str:
        return (
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            f"BlobEndpoint=http://127.0.0.1:{self.port}/devstoreaccount1;"
        )

    def start(self) -> None:
        exe = REPO / "node_modules" / ".bin" / "azurite-blob"
        args = [str(exe), "--blobHost", "127.0.0.1", "--blobPort", str(self.port), "--disableTelemetry",
                "--silent", "--skipApiVersionCheck", "--loose"]
        args += ["--location", str(self.location)] if self.location else ["--inMemoryPersistence"]
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_port(self.port)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.kill(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)


class Moto:
    """moto's S3 (and IAM, STS) server in this process on a free loopback port; `stop()` is "S3 down"."""

    def __init__(self) -> None:
        from moto.server import ThreadedMotoServer

        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)
        self.running = False

    def start(self) -> None:
        self.server.start()
        self.running = True
        wait_http(self.url + "/moto-api/", ok=(200, 404))

    def stop(self) -> None:
        if self.running:
            self.server.stop()
            self.running = False


AWS_TEST_ENV = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1"}


def started_moto(monkeypatch: pytest.MonkeyPatch) -> Moto:
    """moto started, with its fake credentials in this process's environment (undone by `monkeypatch`)."""
    for name, value in AWS_TEST_ENV.items():
        monkeypatch.setenv(name, value)
    moto = Moto()
    moto.start()
    return moto


@contextlib.contextmanager
def clouds(bucket: str) -> Iterator[dict[str, str]]:
    """moto's S3 and Azurite on loopback, each with `bucket` created; yields the service's settings for them
    (QRDESK_SYNC_* names, plus moto's credentials), and stops both afterwards."""
    from sync_service.storage.azure import AzureStore
    from sync_service.storage.s3 import S3Store

    moto, azurite = Moto(), Azurite()
    moto.start()
    try:
        azurite.start()
        with mock.patch.dict(os.environ, AWS_TEST_ENV):
            S3Store(bucket, "us-east-1", moto.url).ensure_bucket()
        AzureStore(bucket, azurite.connection_string).ensure_container()
        yield {"QRDESK_SYNC_STORE": "s3+azure", "QRDESK_SYNC_S3_BUCKET": bucket, "QRDESK_SYNC_S3_REGION": "us-east-1",
               "QRDESK_SYNC_S3_ENDPOINT_URL": moto.url, "QRDESK_SYNC_AZURE_CONTAINER": bucket,
               "QRDESK_SYNC_AZURE_CONNECTION_STRING": azurite.connection_string, **AWS_TEST_ENV}
    finally:
        azurite.stop()
        moto.stop()


def add_user(data_dir: str | Path, name: str, password: str | None = None) -> str:
    """`sync-service user add NAME` on a local store, as an operator runs it: the password on stdin, or (None) a
    one-time enrollment code, which is returned; never through the service's own Python API."""
    args = ["user", "add", name] + ([] if password is not None else ["--enrollment-code"])
    out = subprocess.run([sys.executable, "-m", "sync_service", *args], input=f"{password}\n" if password else None,
                         env=base_env(store="local", data_dir=str(data_dir)), capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    if password is not None:
        return ""
    found = re.search(r"code \(valid [^)]*\): ([A-Z0-9-]+)", out.stdout)
    assert found, out.stdout
    return found.group(1)


def make_token(user: str, device: str, ttl_days: float | None = None, **settings: str) -> str:
    """Create a token with the real CLI code path against the service's store."""
    from sync_service.settings import Settings
    from sync_service.storage import build_store
    from sync_service.tokens import TokenService

    env = {f"QRDESK_SYNC_{k.upper()}": v for k, v in settings.items()}
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        cfg = Settings(token_pepper=PEPPER)
        return TokenService(build_store(cfg), PEPPER, 0).create(user, device, ttl_days)
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def record(rid: str | None = None, base_rev: int = 0, name: str = "code", **extra: object) -> dict:
    payload = {"name": name, "spec": {"kind": "url", "fields": {"url": f"https://example.com/{name}"}}, "tags": []}
    doc = {
        "id": rid or str(uuid.uuid4()),
        "base_rev": base_rev,
        "payload": payload,
        "content_hash": hashlib.sha256(repr(payload).encode()).hexdigest(),
    }
    doc.update(extra)
    return doc


def push_body(device: str, *records: dict, key: str | None = None) -> dict:
    return {"device_id": device, "idempotency_key": key or uuid.uuid4().hex, "changes": list(records)}


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


class SwitchableProxy:
    """A TCP proxy on loopback in front of a server, that can start swallowing traffic.

    `blackhole = True` models a store that accepts connections and never answers (a dropped route, a hung
    load balancer): new and open connections are held and nothing is forwarded either way. Stopped by `close`.
    """

    def __init__(self, target_port: int) -> None:
        import threading

        self.target_port = target_port
        self.blackhole = False
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._closed = threading.Event()
        self._sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        import threading

        while not self._closed.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            self._sockets.append(client)
            if self.blackhole:
                continue  # accepted, never answered
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=5)
            except OSError:
                client.close()
                continue
            self._sockets.append(upstream)
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while not self._closed.is_set():
                data = src.recv(65536)
                if not data:
                    break
                if self.blackhole:
                    continue  # swallow: the peer waits forever
                dst.sendall(data)
        except OSError:
            pass
        finally:
            if not self.blackhole:
                with contextlib.suppress(OSError):
                    dst.shutdown(socket.SHUT_WR)

    def close(self) -> None:
        self._closed.set()
        self._listener.close()
        for s in self._sockets:
            with contextlib.suppress(OSError):
                s.close()


def inject_log_entry(data_dir: Path | str, user: str, records: list[Any]) -> int:
    """Write a log entry straight into a local store, behind the service's back (as a bug, an old version or a
    tampered bucket would), after the user's last one; returns its seq. The feed serves what is stored."""
    log = Path(data_dir) / "u" / user / "log"
    seq = max((int(p.stem) for p in log.glob("*.json")), default=0) + 1
    entry = {"seq": seq, "device_id": "intruder", "idempotency_key": f"injected-{seq}", "request_hash": "",
             "server_ts": "2026-01-01T00:00:00+00:00", "server_ts_epoch": 1767225600.0,
             "records": [{**r, "rev": seq} if isinstance(r, dict) else r for r in records], "response": {}}
    (log / f"{seq:020d}.json").write_text(json.dumps(entry, allow_nan=True, ensure_ascii=True))
    return seq


class Client:
    """A device pushing one record at a time; remembers what the service acknowledged."""

    def __init__(self, urls: list[str], token: str) -> None:
        self.clients = [httpx.Client(base_url=u, timeout=20, headers=auth(token)) for u in urls]
        self.acked: dict[str, str] = {}  # record id -> name
        self.turn = 0

    def push(self, name: str, deadline_s: float = 60) -> float:
        """Push until acknowledged (503 means retry later, as the desktop client does), to the services in turn.
        Returns the time of the acknowledgement."""
        rec = record(name=name)
        body = push_body("laptop", rec)  # one idempotency key for every retry of this push
        deadline = time.monotonic() + deadline_s
        while True:
            self.turn += 1
            if self.push_once(body, self.turn % len(self.clients)) == 200:
                return time.monotonic()
            assert time.monotonic() < deadline, f"push {name} never acknowledged"
            time.sleep(0.2)

    def push_once(self, body: dict, via: int) -> int:
        """One attempt to the `via`-th service: 200 (acknowledged and remembered), 503, or 0 for a timeout."""
        try:
            r = self.clients[via].post("/v1/push", json=body)
        except httpx.TimeoutException:
            return 0
        if r.status_code == 200 and r.json()["results"][0]["status"] == "applied":
            rec = body["changes"][0]
            self.acked[rec["id"]] = rec["payload"]["name"]
            return 200
        assert r.status_code == 503, r.text
        return 503

    def close(self) -> None:
        for c in self.clients:
            c.close()
