"""The FastAPI application: models load in the lifespan (never at import), routes, error shape."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response
from starlette.concurrency import run_in_threadpool

from app.errors import error_response, install_error_handlers
from app.routes import check, health
from app.service import Service
from app.settings import Settings

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None, service: Service | None = None) -> FastAPI:
    """The service. Pass `service` to reuse already-loaded models (tests, the CLI's serve)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.service = service or await run_in_threadpool(Service.load, settings)
        log.info("ready: engines %s", app.state.service.pipeline.engines)
        yield

    app = FastAPI(
        title="Second Look",
        summary="A second look at a teacher's social media draft, before it goes out.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.service = None
    install_error_handlers(app)

    @app.middleware("http")
    async def limit_body_size(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > settings.max_body_bytes):
            return error_response(
                413,
                "body_too_large",
                f"A request body holds at most {settings.max_body_bytes} bytes.",
            )
        return await call_next(request)

    app.include_router(health.router)
    app.include_router(check.router)
    return app
