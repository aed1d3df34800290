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


class ProxyErrors(httpx.HTTPTransport):
    """A proxy in front of the service that answers the chosen requests with an error of its own (502, 504, 429
    with ``Retry-After``) the first ``times`` times; ``after_server``: only once the service has handled the
    request (a gateway timing out on an upstream that committed)."""

    def __init__(self, status: int, match: Callable[[httpx.Request], bool], times: int,
                 after_server: bool = False) -> None:
        super().__init__()
        self.status, self.match, self.left, self.after_server = status, match, times, after_server
        self.answered = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not (self.left and self.match(request)):
            return super().handle_request(request)
        self.left -= 1
        self.answered += 1
        if self.after_server:
            super().handle_request(request).read()
        headers = {"retry-after": "0"} if self.status == 429 else {}
        return httpx.Response(self.status, headers=headers, text=f"<html>{self.status} from the proxy</html>",
                              request=request)
