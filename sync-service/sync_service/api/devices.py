"""The devices signed in to the caller's account; any of them can sign another out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path
from fastapi.concurrency import run_in_threadpool

from cloud_sync.protocol import DEVICE_ID_PATTERN, DeviceInfo, DeviceList, ErrorBody

from ..accounts import AccountError
from ..deps import PrincipalDep, ServicesDep

router = APIRouter(prefix="/v1/devices", tags=["devices"])


@router.get("", response_model=DeviceList)
async def list_devices(principal: PrincipalDep, services: ServicesDep) -> DeviceList:
    devices = await run_in_threadpool(services.accounts.devices, principal.user_id)
    return DeviceList(user=principal.user_id, devices=[
        DeviceInfo(device_id=d.device_id, name=d.name, signed_in_at=d.signed_in_at, revoked=d.revoked,
                   current=d.device_id == principal.device_id) for d in devices])


@router.delete("/{device_id}", status_code=204, responses={404: {"model": ErrorBody}})
async def revoke_device(device_id: Annotated[str, Path(pattern=DEVICE_ID_PATTERN)], principal: PrincipalDep,
                        services: ServicesDep) -> None:
    """Sign a device of this account out (its token stops working within a second)."""
    try:
        await run_in_threadpool(services.accounts.revoke_device, principal.user_id, device_id)
    except AccountError:
        raise HTTPException(404, "no such device") from None
