"""FastAPI dependencies: the shared service objects and the authenticated principal."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool

from .accounts import Accounts, RateLimiter
from .health import HealthMonitor
from .log_store import LogStore
from .settings import Settings
from .storage import ObjectStore, StoreUnavailable
from .tokens import Principal, TokenService


@dataclass
class Services:
    settings: Settings
    store: ObjectStore
    health: HealthMonitor
    logs: LogStore
    tokens: TokenService
    accounts: Accounts
    login_users: RateLimiter  # failed sign-ins per user name
    login_addresses: RateLimiter  # sign-in attempts per client address


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]

UNAUTHORIZED = HTTPException(401, "missing, invalid, expired or revoked token", {"WWW-Authenticate": "Bearer"})


async def get_principal(request: Request, services: ServicesDep) -> Principal:
    auth = request.headers.get("authorization", "")
    scheme, _, token = auth.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise UNAUTHORIZED
    try:
        principal = await run_in_threadpool(services.tokens.verify, token.strip())
    except StoreUnavailable:
        raise HTTPException(503, "token store unavailable", {"Retry-After": "5"}) from None
    if principal is None:
        raise UNAUTHORIZED
    return principal


PrincipalDep = Annotated[Principal, Depends(get_principal)]
