"""Assemble the web app: REST API and Gradio UI on one FastAPI app, behind optional HTTP Basic auth."""

from __future__ import annotations

import base64
import binascii
import ipaddress
import os
import secrets
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import PlainTextResponse, Response
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

from assistant.api import create_api, install_error_handlers
from assistant.errors import AssistantError
from assistant.service import Assistant
from assistant.ui.exports import Exports

OPEN_PATHS = ("/healthz",)


class BindRefused(AssistantError):
    """Listening beyond loopback without authentication was not explicitly allowed."""


def check_bind(host: str, auth: str, no_auth: bool) -> None:
    """Refuse a non-loopback host unless auth is configured or --no-auth was given."""
    if is_loopback(host) or auth or no_auth:
        return
    raise BindRefused(
        f"refusing to listen on {host} without authentication: pass --auth USER:PASSWORD (or set "
        "ASSISTANT_SERVER__AUTH), or --no-auth to serve openly on purpose"
    )


def is_loopback(host: str) -> bool:
    """Return True for localhost and loopback addresses."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def parse_auth(value: str) -> tuple[str, str] | None:
    """Parse USER:PASSWORD; raise ValueError for anything else."""
    if not value:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user or not password:
        raise ValueError("auth must be USER:PASSWORD")
    return user, password


class BasicAuth(BaseHTTPMiddleware):
    """Require HTTP Basic credentials for every path but the health check (browsers prompt for them)."""

    def __init__(self, app: FastAPI, user: str, password: str) -> None:
        super().__init__(app)
        self.expected = (user.encode(), password.encode())

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        if request.url.path in OPEN_PATHS or self._valid(request.headers.get("authorization", "")):
            return await call_next(request)
        return PlainTextResponse("authentication required", status_code=401,
                                 headers={"WWW-Authenticate": 'Basic realm="Policy Assistant"'})

    def _valid(self, header: str) -> bool:
        scheme, _, encoded = header.partition(" ")
        if scheme.lower() != "basic":
            return False
        try:
            user, _, password = base64.b64decode(encoded).partition(b":")
        except (binascii.Error, ValueError):
            return False
        return secrets.compare_digest(user, self.expected[0]) & secrets.compare_digest(password, self.expected[1])


def build_app(assistant: Assistant, auth: tuple[str, str] | None = None) -> FastAPI:
    """Return the FastAPI app: REST routes, then the Gradio UI mounted at '/'."""
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    import gradio as gr

    from assistant.ui import blocks, views

    exports = Exports()
    app = FastAPI(title="Policy Assistant", description="Answers from cyber-policy texts with exact citations.",
                  version="0.1.0", lifespan=_closing(exports))
    install_error_handlers(app)
    app.include_router(create_api(assistant))
    if auth is not None:
        app.add_middleware(BasicAuth, user=auth[0], password=auth[1])
    ui = blocks.build(assistant, exports)
    ui.queue(default_concurrency_limit=4)
    # system fonts only: nothing is fetched from outside, and every glyph has a face on a bare server
    theme = gr.themes.Default(primary_hue="orange", font=["ui-sans-serif", "system-ui", "sans-serif"],
                              font_mono=["ui-monospace", "monospace"])
    return gr.mount_gradio_app(app, ui, path="/", css=views.CSS, theme=theme, footer_links=["api"], ssr_mode=False)


def _closing(exports: Exports) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """Return a lifespan that removes the app's export files when the server shuts down."""

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # uvicorn ends on SIGTERM by re-raising the signal, so no atexit hook runs: clean up on shutdown here
        try:
            yield
        finally:
            exports.close()

    return lifespan
