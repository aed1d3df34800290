"""The HTTP client against small real loopback servers: transient answers (429, 502, 503, 504) retried with
backoff or after Retry-After, a definite 4xx not retried, unreachable server."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from cloud_sync.client import SyncClient
from cloud_sync.errors import AuthError, ProtocolError, ServerUnavailable
from tests.sync_service.helpers import free_port


class _Busy(BaseHTTPRequestHandler):
    answers: ClassVar[list[tuple[int, dict[str, str]]]] = []

    def do_GET(self) -> None:
        status, headers = self.answers.pop(0) if self.answers else (200, {})
        body = json.dumps({"library_id": "L", "epoch": 1, "head": 0} if status == 200 else {"detail": "busy"})
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def busy_server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Busy)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_503_is_retried_after_retry_after(busy_server: str) -> None:
    _Busy.answers = [(503, {"Retry-After": "7"}), (503, {"Retry-After": "1"})]
    slept: list[float] = []
    with SyncClient(busy_server, "t", attempts=3, sleep=slept.append) as client:
        assert client.library_info().library_id == "L"
    assert slept == [7.0, 1.0]


def test_503_beyond_the_attempts_is_server_unavailable(busy_server: str) -> None:
    _Busy.answers = [(503, {"Retry-After": "1"})] * 2
    with SyncClient(busy_server, "t", attempts=2, sleep=lambda s: None) as client, \
            pytest.raises(ServerUnavailable, match="temporarily unavailable"):
        client.library_info()


@pytest.mark.parametrize("status", [429, 502, 503, 504])
def test_transient_answers_are_retried_with_exponential_backoff(busy_server: str, status: int) -> None:
    _Busy.answers = [(status, {}), (status, {})]
    slept: list[float] = []
    with SyncClient(busy_server, "t", attempts=3, backoff_s=0.5, sleep=slept.append) as client:
        assert client.library_info().library_id == "L"
    assert slept == [0.5, 1.0]


@pytest.mark.parametrize("status", [400, 404, 409, 422])
def test_a_definite_4xx_is_not_retried(busy_server: str, status: int) -> None:
    _Busy.answers = [(status, {})]
    slept: list[float] = []
    with SyncClient(busy_server, "t", attempts=3, sleep=slept.append) as client, \
            pytest.raises(ProtocolError, match=str(status)):
        client.library_info()
    assert slept == [] and _Busy.answers == []


def test_401_is_an_auth_error(busy_server: str) -> None:
    _Busy.answers = [(401, {})]
    with SyncClient(busy_server, "t", sleep=lambda s: None) as client, pytest.raises(AuthError, match="sign in"):
        client.library_info()


def test_unreachable_server_is_reported(tmp_path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    with SyncClient(url, "t", attempts=2, sleep=lambda s: None) as client, \
            pytest.raises(ServerUnavailable, match="cannot reach"):
        client.library_info()
