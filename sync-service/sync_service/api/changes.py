from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Response
from fastapi.concurrency import run_in_threadpool

from cloud_sync.protocol import ChangesPage, ErrorBody

from .. import cursors
from ..deps import PrincipalDep, ServicesDep
from ..storage import ReplicatedStore

router = APIRouter(prefix="/v1", tags=["changes"])


@router.get(
    "/changes",
    response_model=ChangesPage,
    responses={400: {"model": ErrorBody}, 410: {"model": ErrorBody, "description": "Cursor expired: resync"}},
)
async def changes(
    principal: PrincipalDep,
    services: ServicesDep,
    cursor: Annotated[str, Query(max_length=512)] = "",
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> Response:
    """Records committed after the cursor, oldest first, as they were stored; a page ends after about ``limit``
    records or ``changes_max_bytes`` bytes (whole log entries). An empty cursor starts at the beginning."""
    key = services.settings.cursor_key.get_secret_value().encode()
    uid = principal.user_id
    lib = services.logs

    def read() -> bytes:
        meta = lib.meta(uid)
        seq = 0
        if cursor:
            try:
                lib_id, epoch, seq = cursors.decode(key, cursor)
            except cursors.BadCursor as err:
                raise HTTPException(400, f"cursor: {err}") from None
            if lib_id != meta["library_id"] or epoch != meta["epoch"]:
                raise HTTPException(410, "cursor is from another library or epoch: resync")
        records, last, head = lib.entries_after(uid, seq, limit, services.settings.changes_max_bytes)
        if seq > head:
            if isinstance(services.store, ReplicatedStore) and services.store.degraded:
                # The replica lags the commit point; the log was not reset. Nothing newer yet: keep the cursor.
                return _page([], cursor, False)
            raise HTTPException(410, "cursor is ahead of the server log: resync")
        return _page(records, cursors.encode(key, meta["library_id"], meta["epoch"], last), last < head)

    return Response(await run_in_threadpool(read), media_type="application/json")


def _page(records: list[bytes], cursor: str, has_more: bool) -> bytes:
    """A :class:`ChangesPage` from records already serialized (served as stored, never re-checked)."""
    tail = json.dumps({"cursor": cursor, "has_more": has_more}, separators=(",", ":")).encode()
    return b'{"changes":[' + b",".join(records) + b"]," + tail[1:]
