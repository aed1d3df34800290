"""docs/sync-protocol.md's endpoint table names exactly the service's routes: a renamed or new endpoint (the
account ones: sign-in, sign-out, pairing, devices) cannot leave the documented protocol behind."""

from __future__ import annotations

import importlib
import pkgutil
import re

import sync_service.api
from fastapi.routing import APIRoute

from .helpers import REPO


def _routes() -> set[str]:
    found = set()
    for module in pkgutil.iter_modules(sync_service.api.__path__):
        router = getattr(importlib.import_module(f"sync_service.api.{module.name}"), "router", None)
        for route in getattr(router, "routes", []):
            if isinstance(route, APIRoute):
                found |= {f"{method} {route.path}" for method in route.methods}
    return found


def _documented() -> set[str]:
    text = (REPO / "docs" / "sync-protocol.md").read_text(encoding="utf-8")
    table = text.split("\n## Endpoints\n", 1)[1].split("\n## ", 1)[0]
    return {f"{method} {path.split('?')[0]}"
            for method, path in re.findall(r"^\| `([A-Z]+) (/[^`]*)`", table, re.M)}


def test_the_endpoint_table_names_every_route_and_only_those() -> None:
    routes, documented = _routes(), _documented()
    assert {"POST /v1/auth/login", "POST /v1/auth/logout", "POST /v1/auth/pairing", "GET /v1/devices",
            "DELETE /v1/devices/{device_id}"} <= routes
    assert documented == routes, (f"undocumented: {sorted(routes - documented)}; "
                                  f"documented but not served: {sorted(documented - routes)}")
