"""ASGI middleware: correlation id, body size bound, per-route metrics and one JSON access log line."""

from __future__ import annotations

import json
import logging
import re
import time
import uuid

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .logging_setup import request_id_var
from .metrics import HTTP_DURATION, HTTP_REQUESTS

log = logging.getLogger("sync_service.access")
# Metric labels come only from fixed sets: any other method is "OTHER", any unknown path "unmatched".
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"})
_RID_RE = re.compile(r"^[A-Za-z0-9._-]{1,128}$")


class BodyTooLarge(Exception):
    pass


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp, max_body_bytes: int, max_blob_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.max_blob_bytes = max_blob_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        incoming = headers.get(b"x-request-id", b"").decode("latin-1")
        rid = incoming if _RID_RE.match(incoming) else uuid.uuid4().hex
        token = request_id_var.set(rid)
        start = time.perf_counter()
        status_holder = {"status": 500}
        # Blob uploads are bounded (and streamed) by their own handler; everything else by max_body_bytes.
        limit = self.max_blob_bytes if scope["path"].startswith("/v1/blobs/") else self.max_body_bytes

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                status_holder["status"] = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", rid.encode())]
            await send(message)

        async def reject(status: int, detail: str) -> None:
            body = json.dumps({"detail": detail, "request_id": rid}).encode()
            await send_wrapper({"type": "http.response.start", "status": status,
                                "headers": [(b"content-type", b"application/json"),
                                            (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})

        try:
            length = headers.get(b"content-length")
            if length is not None and (not length.isdigit() or int(length) > limit):
                await reject(413, f"request body exceeds {limit} bytes")
                return
            seen = 0

            async def bounded_receive() -> Message:
                nonlocal seen
                message = await receive()
                if message["type"] == "http.request":
                    seen += len(message.get("body", b""))
                    if seen > limit:
                        raise BodyTooLarge
                return message

            try:
                await self.app(scope, bounded_receive, send_wrapper)
            except BodyTooLarge:
                await reject(413, f"request body exceeds {limit} bytes")
        finally:
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            elapsed = time.perf_counter() - start
            method = scope["method"] if scope["method"] in METHODS else "OTHER"
            status = status_holder["status"] if 100 <= status_holder["status"] <= 599 else 500
            HTTP_REQUESTS.labels(template, method, str(status)).inc()
            HTTP_DURATION.labels(template, method).observe(elapsed)
            log.info("request", extra={"method": method, "route": template, "status": status_holder["status"],
                                       "duration_ms": round(elapsed * 1000, 2)})
            request_id_var.reset(token)
