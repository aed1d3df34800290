from __future__ import annotations

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool

from cloud_sync.protocol import LibraryInfo

from ..deps import PrincipalDep, ServicesDep

router = APIRouter(prefix="/v1", tags=["library"])


@router.get("/library", response_model=LibraryInfo)
async def library_info(principal: PrincipalDep, services: ServicesDep) -> LibraryInfo:
    """The caller's library id, epoch and head seq."""
    lib = services.logs

    def read() -> LibraryInfo:
        meta = lib.meta(principal.user_id)
        return LibraryInfo(library_id=meta["library_id"], epoch=meta["epoch"], head=lib.refresh(principal.user_id).head)

    return await run_in_threadpool(read)
