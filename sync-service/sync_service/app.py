"""The FastAPI application."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from cloud_sync.protocol import ErrorBody

from . import logging_setup, metrics
from .accounts import Accounts, RateLimiter
from .api import auth, blobs, changes, devices, health, library, push
from .deps import Services
from .log_store import LogStore
from .logging_setup import request_id_var
from .loops import BackgroundLoops
from .middleware import BodyTooLarge, RequestContextMiddleware
from .settings import Settings
from .storage import ReplicatedStore, StoreRefused, StoreUnavailable, backend_names, build_store
from .tokens import TokenService

log = logging.getLogger(__name__)


def _error(status: int, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": detail, "request_id": request_id_var.get()}, status_code=status, headers=headers)


def _invalid(problems: list[dict[str, Any]]) -> JSONResponse:
    return JSONResponse({"detail": problems, "request_id": request_id_var.get()}, status_code=422)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    settings.check_secrets()
    logging_setup.configure(settings.log_level)
    store = build_store(settings)
    loops = BackgroundLoops(settings, store)
    generation = (lambda: store.generation.number) if isinstance(store, ReplicatedStore) else (lambda: 0)
    tokens = TokenService(store, settings.token_pepper.get_secret_value(), settings.token_cache_seconds)
    services = Services(
        settings=settings,
        store=store,
        health=loops.health,
        logs=LogStore(store, generation, settings.log_cache_bytes),
        tokens=tokens,
        accounts=Accounts(store, tokens, settings.password_time_cost, settings.password_memory_kib),
        login_users=RateLimiter(settings.login_user_burst, settings.login_user_refill_seconds),
        login_addresses=RateLimiter(settings.login_address_burst, settings.login_address_refill_seconds),
    )
    metrics.init_series(backend_names(settings))
    metrics.DEGRADED.set(0)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(loops.start)  # the first health round is bounded (health_timeout_seconds)
        yield
        await run_in_threadpool(loops.stop)
        if isinstance(store, ReplicatedStore):
            await run_in_threadpool(store.close)

    app = FastAPI(title="QRDesk sync service", version="1", lifespan=lifespan)
    app.state.services = services
    common: dict[int | str, dict[str, Any]] = {
        400: {"model": ErrorBody, "description": "malformed body or cursor"},
        401: {"model": ErrorBody, "description": "missing, invalid, expired or revoked token"},
        503: {"model": ErrorBody, "description": "storage unavailable; retry after Retry-After seconds"},
    }
    for router in (library.router, changes.router, push.router, blobs.router, devices.router):
        app.include_router(router, responses=common)
    app.include_router(auth.router, responses={400: common[400], 503: common[503]})
    app.include_router(health.router)

    retry_after = str(settings.push_retry_after_seconds)

    @app.exception_handler(StoreUnavailable)
    async def store_down(request: Request, exc: StoreUnavailable) -> JSONResponse:
        log.warning("store unavailable: %s", exc, exc_info=log.isEnabledFor(logging.DEBUG))
        return _error(503, "storage unavailable; retry later", {"Retry-After": retry_after})

    @app.exception_handler(StoreRefused)
    async def store_refused(request: Request, exc: StoreRefused) -> JSONResponse:
        # A permission or firewall problem on our side: counted and alerted on; the client keeps its changes.
        log.error("store refused: %s", exc)
        return _error(503, "storage refused the request; retry later", {"Retry-After": retry_after})

    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, exc: BodyTooLarge) -> JSONResponse:
        return _error(413, "request body is too large")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        if exc.status_code == 422:
            # Same shape as FastAPI's validation errors, so every 422 matches one documented schema.
            return _invalid([{"loc": ["body"], "msg": str(exc.detail), "type": "value_error"}])
        return _error(exc.status_code, str(exc.detail), dict(exc.headers) if exc.headers else None)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        # Name the field and the problem; never echo the submitted input back (it may hold user content).
        return _invalid([{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in exc.errors()[:20]])

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error")
        return _error(500, "internal error")

    return RequestContextMiddleware(app, settings.max_body_bytes, settings.max_blob_bytes)  # type: ignore[return-value]
