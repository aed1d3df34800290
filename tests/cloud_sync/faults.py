"""httpx transports that inject faults after the real server has done its work."""

from __future__ import annotations

from collections.abc import Callable

import httpx


class DropResponses(httpx.HTTPTransport):
    """Forwards every request to the real server, then loses the answer of the chosen ones.

    ``should_drop(request)`` decides per request; the server has processed it either way, which is exactly a
    response lost on the network.
    """

    def __init__(self, should_drop: Callable[[httpx.Request], bool]) -> None:
        super().__init__()
        self.should_drop = should_drop
        self.dropped = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        self.answered(request, response)
        if self.should_drop(request):
            response.read()
            response.close()
            self.dropped += 1
            raise httpx.ReadError("connection reset after the server answered", request=request)
        return response

    def answered(self, request: httpx.Request, response: httpx.Response) -> None:
        """Called when the server has answered and the client has not seen the answer yet: the moment the
        request is in flight. Subclasses watch or act here."""


def drop_first_push() -> DropResponses:
    state = {"left": 1}

    def decide(request: httpx.Request) -> bool:
        if request.method == "POST" and request.url.path == "/v1/push" and state["left"]:
            state["left"] -= 1
            return True
        return False

    return DropResponses(decide)


class AfterRequests(httpx.HTTPTransport):
    """Calls ``action`` once, right after the ``n``-th request matching ``match`` got its answer."""

    def __init__(self, n: int, match: Callable[[httpx.Request], bool], action: Callable[[], None]) -> None:
        super().__init__()
        self.n, self.match, self.action = n, match, action
        self.seen = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if self.match(request):
            self.seen += 1
            if self.seen == self.n:
                response.read()
                self.action()
        return response


class CountRequests(httpx.HTTPTransport):
    """Forwards every request and counts them by ``(method, path)``, a blob's hash written ``*``."""

    def __init__(self) -> None:
        super().__init__()
        self.counts: dict[tuple[str, str], int] = {}

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        path = "/".join("*" if len(part) == 64 else part for part in request.url.path.split("/"))
        self.counts[(request.method, path)] = self.counts.get((request.method, path), 0) + 1
        return super().handle_request(request)

