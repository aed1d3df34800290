from __future__ import annotations

from fastapi import APIRouter, HTTPException
from fastapi.concurrency import run_in_threadpool

from cloud_sync.protocol import ErrorBody, PushRequest, PushResponse

from ..deps import PrincipalDep, ServicesDep
from ..library import IdempotencyMismatch

router = APIRouter(prefix="/v1", tags=["push"])


@router.post(
    "/push",
    response_model=PushResponse,
    responses={
        403: {"model": ErrorBody, "description": "device_id is not the token's device"},
        409: {"model": ErrorBody, "description": "idempotency key reused with another body"},
        413: {"model": ErrorBody},
        422: {"description": "invalid request"},
        503: {"model": ErrorBody, "description": "commit point unavailable; retry later with the same key"},
    },
)
async def push(body: PushRequest, principal: PrincipalDep, services: ServicesDep) -> PushResponse:
    """Commit changes. Each record is applied, answered with the server's version (conflict), or asks for blobs."""
    if body.device_id != principal.device_id:
        raise HTTPException(403, "device_id does not match the token's device")
    try:
        return await run_in_threadpool(services.library.push, principal.user_id, body)
    except IdempotencyMismatch as err:
        raise HTTPException(409, str(err)) from None
    except ValueError as err:
        raise HTTPException(422, str(err)) from None
