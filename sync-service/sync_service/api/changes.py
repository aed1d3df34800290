from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
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
) -> ChangesPage:
    """Records committed after the cursor, oldest first. An empty cursor starts at the beginning."""
    key = services.settings.cursor_key.get_secret_value().encode()
    uid = principal.user_id
    lib = services.library

    def read() -> ChangesPage:
        meta = lib.meta(uid)
        seq = 0
        if cursor:
            try:
                lib_id, epoch, seq = cursors.decode(key, cursor)
            except cursors.BadCursor as err:
                raise HTTPException(400, f"cursor: {err}") from None
            if lib_id != meta["library_id"] or epoch != meta["epoch"]:
                raise HTTPException(410, "cursor is from another library or epoch: resync")
        records, last, head = lib.entries_after(uid, seq, limit)
        if seq > head:
            if isinstance(services.store, ReplicatedStore) and services.store.degraded:
                # The replica lags the commit point; the log was not reset. Nothing newer yet: keep the cursor.
                return ChangesPage(changes=[], cursor=cursor, has_more=False)
            raise HTTPException(410, "cursor is ahead of the server log: resync")
        return ChangesPage(
            changes=records, cursor=cursors.encode(key, meta["library_id"], meta["epoch"], last), has_more=last < head
        )

    return await run_in_threadpool(read)
