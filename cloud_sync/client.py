"""HTTP client for the sync service's ``/v1`` API (docs/sync-protocol.md, "Endpoints").

Every call has a timeout. Transient answers (``429``, ``502``, ``503``, ``504``; any other ``5xx`` too) are
retried with backoff, after their ``Retry-After`` when given (capped), and so are transport errors: every request
is safe to repeat (GET/HEAD/PUT of a content-addressed blob, and a push carries an idempotency key, so the
server answers a repeat with its first answer). When the tries run out that is :class:`ServerUnavailable`
(local changes stay queued); only a definite ``4xx`` is a :class:`ProtocolError` that drops a request.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx

from cloud_sync.errors import AuthError, ProtocolError, ResyncRequired, ServerUnavailable, SyncError
from cloud_sync.frames import FrameError, FrameReader, header
from cloud_sync.protocol import (
    ChangesPage,
    DeviceList,
    FetchBlobsRequest,
    LibraryInfo,
    LoginRequest,
    LoginResponse,
    MissingBlobsRequest,
    MissingBlobsResponse,
    PackResponse,
    PairingCode,
    PushRequest,
    PushResponse,
)

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
MAX_RETRY_AFTER_S = 30.0


class SyncClient:
    """One authenticated connection to a sync server."""

    def __init__(self, server_url: str, token: str | None = None, *, timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
                 attempts: int = 3, backoff_s: float = 0.5, transport: httpx.BaseTransport | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        if not server_url.startswith(("http://", "https://")):
            raise SyncError(f"server URL {server_url!r} must start with https:// (or http:// for a local server)")
        self.server_url = server_url.rstrip("/")
        self.attempts = max(1, attempts)
        self.backoff_s = backoff_s
        self._sleep = sleep
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._http = httpx.Client(base_url=self.server_url, timeout=timeout, transport=transport, headers=headers)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------------------------------- API calls

    def library_info(self) -> LibraryInfo:
        return LibraryInfo.model_validate(self._json("GET", "/v1/library"))

    def changes(self, cursor: str | None, limit: int = 500) -> ChangesPage:
        params = {"limit": str(limit)}
        if cursor:
            params["cursor"] = cursor
        return ChangesPage.model_validate(self._json("GET", "/v1/changes", params=params))

    def push(self, request: PushRequest | dict[str, Any]) -> PushResponse:
        body = request.model_dump(mode="json") if isinstance(request, PushRequest) else request
        return PushResponse.model_validate(self._json("POST", "/v1/push", json=body))

    def has_blob(self, sha256: str) -> bool:
        return self._request("HEAD", f"/v1/blobs/{sha256}", ok=(200, 404)).status_code == 200

    def put_blob(self, sha256: str, data: bytes) -> None:
        self._request("PUT", f"/v1/blobs/{sha256}", content=data,
                      headers={"content-type": "application/octet-stream"}, ok=(200, 201))

    def get_blob(self, sha256: str) -> bytes:
        return self._request("GET", f"/v1/blobs/{sha256}").content

    def put_pack(self, blobs: list[tuple[str, bytes]]) -> PackResponse:
        """Store many small blobs in one request (``(sha256, bytes)``, each at most ``PACK_BLOB_MAX`` bytes)."""
        body = b"".join(header(sha, len(data)) + data for sha, data in blobs)
        return PackResponse.model_validate(self._json("POST", "/v1/blobs/pack", content=body, ok=(201,),
                                                      headers={"content-type": "application/octet-stream"}))

    def fetch_blobs(self, sha256s: list[str], max_size: int) -> list[tuple[str, bytes]]:
        """The blobs of ``sha256s`` the server has, as ``(sha256, bytes)`` (not checked here: the caller checks
        each against its hash); a blob over ``max_size`` bytes is refused."""
        body = FetchBlobsRequest(sha256=sha256s).model_dump()
        reader = FrameReader(max_size)
        response = self._request("POST", "/v1/blobs/fetch", json=body)
        try:
            blobs = reader.feed(response.content)
            reader.close()
        except FrameError as err:
            raise ProtocolError(f"POST /v1/blobs/fetch: the answer is not blob frames ({err})") from None
        return blobs

    def missing_blobs(self, sha256s: list[str]) -> set[str]:
        """Which of these blobs the server lacks, in one call per thousand."""
        missing: set[str] = set()
        for start in range(0, len(sha256s), 1000):
            body = MissingBlobsRequest(sha256=sha256s[start:start + 1000]).model_dump()
            missing.update(MissingBlobsResponse.model_validate(
                self._json("POST", "/v1/blobs/missing", json=body)).missing)
        return missing

    # ------------------------------------------------------------------------------------------- account

    def login(self, request: LoginRequest) -> LoginResponse:
        """Sign a device in; the answer holds its token (never log or print it)."""
        response = self._request("POST", "/v1/auth/login", json=request.model_dump(exclude_none=True),
                                 ok=(200, 401, 429), retry_429=False)
        if response.status_code == 401:
            raise AuthError("the user name, password or code is wrong")
        if response.status_code == 429:
            wait = _retry_after(response, 60.0)
            raise AuthError(f"too many sign-in attempts; try again in {max(1, round(wait))} s")
        return LoginResponse.model_validate(response.json())

    def logout(self) -> None:
        self._request("POST", "/v1/auth/logout", ok=(204,))

    def devices(self) -> DeviceList:
        return DeviceList.model_validate(self._json("GET", "/v1/devices"))

    def revoke_device(self, device_id: str) -> None:
        self._request("DELETE", f"/v1/devices/{device_id}", ok=(204,))

    def pairing_code(self) -> PairingCode:
        return PairingCode.model_validate(self._json("POST", "/v1/auth/pairing"))

    # ------------------------------------------------------------------------------------------- plumbing

    def _json(self, method: str, path: str, **kw: Any) -> Any:
        response = self._request(method, path, **kw)
        try:
            return response.json()
        except ValueError:
            raise ProtocolError(f"{method} {path}: the server answered with something that is not JSON") from None

    def _request(self, method: str, path: str, *, ok: tuple[int, ...] = (200,), retry_429: bool = True,
                 **kw: Any) -> httpx.Response:
        what = f"{method} {path.split('?')[0]}"
        last: str = ""
        for attempt in range(1, self.attempts + 1):
            try:
                response = self._http.request(method, path, **kw)
            except httpx.TimeoutException:
                last = f"the sync server {self.server_url} did not answer in time"
            except httpx.TransportError as exc:
                last = f"cannot reach the sync server {self.server_url} ({type(exc).__name__})"
            else:
                if response.status_code in ok:
                    return response
                if response.status_code >= 500 or (response.status_code == 429 and retry_429):
                    # 502/504 from a proxy, 503 while storage is down, 429: come back later, keep the changes.
                    last = f"the sync server is temporarily unavailable ({_detail(response)})"
                    if attempt < self.attempts:
                        self._sleep(_retry_after(response, self.backoff_s * 2 ** (attempt - 1)))
                    continue
                raise _error_for(what, response)
            if attempt < self.attempts:
                self._sleep(self.backoff_s * 2 ** (attempt - 1))
        raise ServerUnavailable(f"{what}: {last}; local changes stay queued and the next sync resumes")


def _detail(response: httpx.Response) -> str:
    try:
        detail = response.json().get("detail")
    except (ValueError, AttributeError):
        detail = None
    if isinstance(detail, list):  # a 422 names each field: keep the first few, never the submitted values
        detail = "; ".join(f"{'.'.join(map(str, d.get('loc', [])))}: {d.get('msg')}" for d in detail[:3]
                           if isinstance(d, dict))
    return str(detail)[:500] if detail else f"HTTP {response.status_code}"


def _retry_after(response: httpx.Response, default: float) -> float:
    try:
        return min(MAX_RETRY_AFTER_S, max(0.0, float(response.headers.get("retry-after", default))))
    except ValueError:
        return default


def _error_for(what: str, response: httpx.Response) -> SyncError:
    status = response.status_code
    detail = _detail(response)
    if status == 401:
        return AuthError(f"the sync server refused the token ({detail}); sign in again with "
                         "`qrdesk sync --user NAME`")
    if status == 403:
        return AuthError(f"{what}: not allowed ({detail}); the token belongs to another device, sign in again")
    if status == 410:
        return ResyncRequired(f"{what}: {detail}")
    return ProtocolError(f"{what}: the sync server answered {status} ({detail})", status)
