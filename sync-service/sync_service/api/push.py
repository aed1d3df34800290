from __future__ import annotations

from fastapi import APIRouter, HTTPException, Response
from fastapi.concurrency import run_in_threadpool

from cloud_sync.protocol import ErrorBody, PushRequest, PushResponse

from ..deps import PrincipalDep, ServicesDep
from ..log_store import IdempotencyMismatch, safe_json

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
async def push(body: PushRequest, principal: PrincipalDep, services: ServicesDep) -> Response:
    """Commit changes. Each record is applied, answered with the server's version (conflict), asks for blobs,
    or is rejected with the reason (invalid records are never stored; the valid ones still commit)."""
    if body.device_id != principal.device_id:
        raise HTTPException(403, "device_id does not match the token's device")
    try:
        answer: PushResponse = await run_in_threadpool(services.logs.push, principal.user_id, body)
    except IdempotencyMismatch as err:
        raise HTTPException(409, str(err)) from None
    # A conflict carries the server's record as stored; safe_json keeps any stored oddity parseable.
    return Response(safe_json(answer.model_dump()), media_type="application/json")
