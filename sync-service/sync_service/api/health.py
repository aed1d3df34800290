from __future__ import annotations

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from ..deps import ServicesDep
from ..metrics import REGISTRY
from ..storage import ReplicatedStore

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """Alive: the process answers. Says nothing about the stores."""
    return {"status": "ok"}


@router.get("/readyz", responses={503: {"description": "no store reachable"}})
async def readyz(services: ServicesDep) -> JSONResponse:
    """Ready while a store answers, from the cached bounded health checks (never waits for a store).

    Degraded (commit point down, replica up) stays ready: reads are served and pushes get 503 + Retry-After.
    """
    health = services.health
    stores = {name: {"up": s.up, "detail": s.detail} for name, s in health.status.items()}
    if not health.ready():
        return JSONResponse({"status": "unavailable", "stores": stores}, status_code=503)
    store = services.store
    degraded = isinstance(store, ReplicatedStore) and store.degraded
    body: dict[str, object] = {"status": "degraded" if degraded else "ok", "degraded": degraded, "stores": stores}
    if isinstance(store, ReplicatedStore):
        body["generation"] = store.generation.number
        body["primary"] = store.generation.primary
    return JSONResponse(body)


@router.get("/metrics", include_in_schema=False)
async def metrics() -> Response:
    return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)
