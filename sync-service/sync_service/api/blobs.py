from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from typing import Annotated, BinaryIO, cast

from fastapi import APIRouter, HTTPException, Path, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse

from cloud_sync.protocol import SHA256_PATTERN, ErrorBody, MissingBlobsRequest, MissingBlobsResponse

from .. import keys
from ..deps import PrincipalDep, ServicesDep
from ..metrics import BLOB_BYTES
from ..storage import NotFound

router = APIRouter(prefix="/v1/blobs", tags=["blobs"])
ShaPath = Annotated[str, Path(pattern=SHA256_PATTERN, description="Lower-case hex SHA-256 of the blob")]


@router.put(
    "/{sha256}",
    status_code=201,
    responses={
        200: {"description": "already stored"},
        413: {"model": ErrorBody},
        422: {"description": "content does not hash to the name"},
    },
)
async def put_blob(sha256: ShaPath, request: Request, principal: PrincipalDep, services: ServicesDep) -> Response:
    """Store a content-addressed blob. The body is streamed, hashed and size-checked, then streamed to the store
    (never held in memory whole)."""
    key = keys.blob_key(principal.user_id, sha256)
    limit = services.settings.max_blob_bytes
    digest = hashlib.sha256()
    size = 0
    # Spooled to memory up to 256 KiB, then to disk: a large upload never sits in memory.
    with tempfile.SpooledTemporaryFile(max_size=1 << 18, dir=os.environ.get("TMPDIR")) as spool:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise HTTPException(413, f"blob exceeds {limit} bytes")
            digest.update(chunk)
            spool.write(chunk)
        if digest.hexdigest() != sha256:
            raise HTTPException(422, "blob content does not match its sha256")
        spool.seek(0)
        created = await run_in_threadpool(services.store.put_if_absent, key, cast(BinaryIO, spool))
    services.logs.blobs.note(principal.user_id, sha256)
    BLOB_BYTES.labels("in").inc(size)
    return Response(status_code=201 if created else 200)


@router.post("/missing", response_model=MissingBlobsResponse)
async def missing_blobs(body: MissingBlobsRequest, principal: PrincipalDep,
                        services: ServicesDep) -> MissingBlobsResponse:
    """Which of these blobs the server does not have: one call instead of a HEAD per blob."""
    missing = await run_in_threadpool(services.logs.blobs.missing, principal.user_id, body.sha256)
    return MissingBlobsResponse(missing=sorted(missing))


@router.head("/{sha256}", responses={404: {"description": "not stored"}})
async def head_blob(sha256: ShaPath, principal: PrincipalDep, services: ServicesDep) -> Response:
    size = await run_in_threadpool(services.store.size, keys.blob_key(principal.user_id, sha256))
    if size is None:
        return Response(status_code=404)
    return Response(status_code=200, headers={"content-length": str(size)})


@router.get(
    "/{sha256}",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/octet-stream": {}}}, 404: {"model": ErrorBody}},
)
async def get_blob(sha256: ShaPath, principal: PrincipalDep, services: ServicesDep) -> StreamingResponse:
    key = keys.blob_key(principal.user_id, sha256)
    try:
        chunks = await run_in_threadpool(services.store.iter_chunks, key)
    except NotFound:
        raise HTTPException(404, "blob not found") from None

    def counted() -> Iterator[bytes]:
        for chunk in chunks:
            BLOB_BYTES.labels("out").inc(len(chunk))
            yield chunk

    return StreamingResponse(counted(), media_type="application/octet-stream")
