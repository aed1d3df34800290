from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from typing import Annotated, BinaryIO, cast

from fastapi import APIRouter, HTTPException, Path, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse

from cloud_sync.frames import FrameError, FrameReader, header
from cloud_sync.protocol import (
    PACK_BLOB_MAX,
    PACK_BLOBS_MAX,
    SHA256_PATTERN,
    ErrorBody,
    FetchBlobsRequest,
    MissingBlobsRequest,
    MissingBlobsResponse,
    PackResponse,
)

from .. import keys
from ..blobindex import Packed
from ..deps import PrincipalDep, ServicesDep
from ..metrics import BLOB_BYTES
from ..storage import NotFound

router = APIRouter(prefix="/v1/blobs", tags=["blobs"])
IN_MEMORY = 1 << 18  # bytes of an upload kept in memory (256 KiB); a larger one is spooled to disk
PACK_IN_MEMORY = 1 << 22  # a pack up to 4 MiB goes to the store as bytes (the copy to the other cloud reads none back)
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
    with tempfile.SpooledTemporaryFile(max_size=IN_MEMORY, dir=os.environ.get("TMPDIR")) as spool:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise HTTPException(413, f"blob exceeds {limit} bytes")
            digest.update(chunk)
            spool.write(chunk)
        if digest.hexdigest() != sha256:
            raise HTTPException(422, "blob content does not match its sha256")
        spool.seek(0)
        # A small blob goes to the store as bytes (it is in memory already), so the copy to the other cloud
        # needs no read back from the commit point; a large one is streamed, and the copy streams it back.
        data = spool.read() if size <= IN_MEMORY else cast(BinaryIO, spool)
        created = await run_in_threadpool(services.store.put_if_absent, key, data)
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
        packed = await run_in_threadpool(services.logs.blobs.packed, principal.user_id, sha256)
        size = packed.size if packed is not None else None
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
        packed = await run_in_threadpool(services.logs.blobs.packed, principal.user_id, sha256)
        if packed is None:
            raise HTTPException(404, "blob not found") from None
        pack = await run_in_threadpool(services.store.iter_chunks, packed.key)
        chunks = (data for _sha, data in _slices(pack, [(sha256, packed)]))

    def counted() -> Iterator[bytes]:
        for chunk in chunks:
            BLOB_BYTES.labels("out").inc(len(chunk))
            yield chunk

    return StreamingResponse(counted(), media_type="application/octet-stream")


@router.post(
    "/pack",
    status_code=201,
    response_model=PackResponse,
    responses={413: {"model": ErrorBody}, 422: {"model": ErrorBody, "description": "a frame is malformed or "
                                                "its content does not match its sha256"}},
)
async def put_pack(request: Request, principal: PrincipalDep, services: ServicesDep) -> PackResponse:
    """Store many small blobs (each at most ``PACK_BLOB_MAX`` bytes) in one object: the body is frames
    (``cloud_sync.frames``), each checked against its hash. One store write for a batch instead of one per blob;
    the pack's index object, written after it, says where each blob is."""
    uid = principal.user_id
    limit = services.settings.max_blob_bytes  # a pack is bounded like one blob
    reader = FrameReader(PACK_BLOB_MAX)
    digest = hashlib.sha256()
    where: dict[str, tuple[int, int]] = {}
    received = offset = 0
    with tempfile.SpooledTemporaryFile(max_size=PACK_IN_MEMORY, dir=os.environ.get("TMPDIR")) as spool:
        try:
            async for chunk in request.stream():
                received += len(chunk)
                if received > limit:
                    raise HTTPException(413, f"pack exceeds {limit} bytes")
                for sha, blob in reader.feed(chunk):
                    if reader.count > PACK_BLOBS_MAX:
                        raise HTTPException(413, f"a pack holds at most {PACK_BLOBS_MAX} blobs")
                    if hashlib.sha256(blob).hexdigest() != sha:
                        raise HTTPException(422, f"frame {reader.count}: content does not match its sha256")
                    if sha not in where:
                        where[sha] = (offset, len(blob))
                        spool.write(blob)
                        digest.update(blob)
                        offset += len(blob)
            reader.close()
        except FrameError as err:
            raise HTTPException(422, str(err)) from None
        if not where:
            raise HTTPException(422, "the pack holds no blob")
        pack_id = digest.hexdigest()
        pack_key = keys.pack_key(uid, pack_id, ".pack")
        spool.seek(0)
        data: bytes | BinaryIO = spool.read() if offset <= PACK_IN_MEMORY else cast(BinaryIO, spool)
        await run_in_threadpool(services.store.put_if_absent, pack_key, data)
    index_key = keys.pack_key(uid, pack_id, ".idx")
    index = json.dumps({"blobs": [[sha, at, size] for sha, (at, size) in where.items()]}).encode()
    await run_in_threadpool(services.store.put_if_absent, index_key, index)
    services.logs.blobs.note_pack(uid, index_key, {s: Packed(pack_key, at, n) for s, (at, n) in where.items()})
    BLOB_BYTES.labels("in").inc(offset)
    return PackResponse(pack=pack_id, blobs=len(where))


@router.post(
    "/fetch",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/octet-stream": {}},
                     "description": "frames (cloud_sync.frames) of the blobs the server has"}},
)
async def fetch_blobs(body: FetchBlobsRequest, principal: PrincipalDep, services: ServicesDep) -> StreamingResponse:
    """Many blobs in one answer, as frames; each pack is read once however many of its blobs are asked for, and
    a blob the server does not have is left out (the client notices)."""
    uid = principal.user_id
    wanted = sorted(set(body.sha256))
    located = await run_in_threadpool(services.logs.blobs.locate, uid, wanted)
    by_pack: dict[str, list[tuple[str, Packed]]] = {}
    for sha, packed in located.items():
        by_pack.setdefault(packed.key, []).append((sha, packed))
    alone = [sha for sha in wanted if sha not in located]
    store = services.store

    def frames() -> Iterator[bytes]:
        sent = 0
        for key, blobs in by_pack.items():
            try:
                for sha, data in _slices(store.iter_chunks(key), sorted(blobs, key=lambda b: b[1].offset)):
                    sent += len(data)
                    yield header(sha, len(data)) + data
            except NotFound:
                continue
        for sha in alone:
            key = keys.blob_key(uid, sha)
            size = store.size(key)
            if size is None:
                continue
            yield header(sha, size)
            for chunk in store.iter_chunks(key):
                sent += len(chunk)
                yield chunk
        BLOB_BYTES.labels("out").inc(sent)

    return StreamingResponse(frames(), media_type="application/octet-stream")


def _slices(chunks: Iterable[bytes], wanted: list[tuple[str, Packed]]) -> Iterator[tuple[str, bytes]]:
    """The ``wanted`` blobs (sorted by offset) cut out of a pack read as a stream; memory holds one blob and
    one chunk. A pack that ends early yields what it holds (the client finds the rest missing)."""
    todo = iter(wanted)
    current = next(todo, None)
    base = 0  # offset in the pack of buf[0]
    buf = bytearray()
    for chunk in chunks:
        buf += chunk
        while current is not None and base + len(buf) >= current[1].offset + current[1].size:
            sha, packed = current
            start = packed.offset - base
            yield sha, bytes(buf[start:start + packed.size])
            current = next(todo, None)
        if current is None:
            return
        drop = max(0, min(current[1].offset - base, len(buf)))
        del buf[:drop]
        base += drop
