"""Sign-in: a user name and password (or a one-time enrollment or pairing code) give a device its own token."""

from __future__ import annotations

import math

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool

from cloud_sync.protocol import ErrorBody, LoginRequest, LoginResponse, PairingCode

from ..accounts import AccountError, SignInFailed, limiter_key
from ..deps import PrincipalDep, ServicesDep

router = APIRouter(prefix="/v1/auth", tags=["auth"])

FAILED = "user name, password or code is wrong"


@router.post(
    "/login",
    response_model=LoginResponse,
    responses={
        401: {"model": ErrorBody, "description": FAILED + " (never says which, nor whether the user exists)"},
        422: {"description": "invalid request"},
        429: {"model": ErrorBody, "description": "too many attempts for this user or address; see Retry-After"},
    },
)
async def login(body: LoginRequest, request: Request, services: ServicesDep) -> LoginResponse:
    """Mint a token bound to ``device_id`` (recorded with ``device_name``); a device signing in again gets a
    new token and its old one stops working."""
    by_user = limiter_key("user", body.user.strip().lower())
    by_address = limiter_key("address", request.client.host if request.client else "")
    wait = max(services.login_users.retry_after(by_user), services.login_addresses.retry_after(by_address))
    if wait > 0:
        raise HTTPException(429, "too many sign-in attempts; try again later",
                            {"Retry-After": str(max(1, math.ceil(wait)))})
    services.login_addresses.spend(by_address)
    try:
        done = await run_in_threadpool(
            services.accounts.sign_in, body.user, body.device_id, body.device_name, password=body.password,
            enrollment_code=body.enrollment_code, pairing_code=body.pairing_code, new_password=body.new_password)
    except SignInFailed:
        services.login_users.spend(by_user)
        raise HTTPException(401, FAILED) from None
    except AccountError as err:  # e.g. the new password is too short: only after the code was right
        raise HTTPException(422, str(err)) from None
    return LoginResponse(user=done.user, device_id=done.device_id, token=done.token)


@router.post("/logout", status_code=204, responses={401: {"model": ErrorBody}})
async def logout(principal: PrincipalDep, services: ServicesDep) -> None:
    """Sign this device out: its token stops working on every instance within a second."""
    await run_in_threadpool(services.accounts.revoke_device, principal.user_id, principal.device_id)


@router.post("/pairing", response_model=PairingCode, responses={401: {"model": ErrorBody}})
async def pairing(principal: PrincipalDep, services: ServicesDep) -> PairingCode:
    """A one-time code (valid a few minutes) another device signs in with instead of the password."""
    minutes = services.settings.pairing_code_minutes
    code = await run_in_threadpool(services.accounts.new_pairing_code, principal, minutes)
    return PairingCode(code=code, expires_in=int(minutes * 60))
