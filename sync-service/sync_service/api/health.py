from __future__ import annotations

from fastapi import APIRouter, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from ..deps import ServicesDep
from ..metrics import REGISTRY
from ..storage import ReplicatedStore, StoreError

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def healthz() -> dict:
    """Alive: the process answers. Says nothing about the stores."""
    return {"status": "ok"}


@router.get("/readyz", responses={503: {"description": "no store reachable"}})
async def readyz(services: ServicesDep) -> JSONResponse:
    """Ready when the store answers. In degraded mode (S3 down, Azure up) it stays ready and says so."""
    store = services.store
    try:
        await run_in_threadpool(store.ping)
    except (StoreError, OSError) as err:
        return JSONResponse({"status": "unavailable", "detail": str(err)}, status_code=503)
    degraded = isinstance(store, ReplicatedStore) and store.degraded
    return JSONResponse({"status": "degraded" if degraded else "ok", "degraded": degraded})


@router.get("/metrics", include_in_schema=False)
async def metrics() -> Response:
    return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)
