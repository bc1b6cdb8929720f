"""The FastAPI application: models load in the lifespan (never at import), routes, error shape."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response
from starlette.concurrency import run_in_threadpool

from app.auth import RateLimiter
from app.errors import error_response, install_error_handlers
from app.routes import admin, check, feedback, health, policy
from app.service import Service
from app.settings import Settings
from app.storage.current import CurrentPolicies
from app.storage.database import Database
from app.storage.setup import prepare
from checks.policy import load_policy

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None, service: Service | None = None) -> FastAPI:
    """The service. Pass `service` to reuse already-loaded models (tests, the CLI's serve)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        database = Database(settings.database_url)
        setup_token = await run_in_threadpool(
            prepare, database, settings.default_district, load_policy(settings.policy_file)
        )
        if setup_token is not None:
            announce_setup_key(settings.default_district, setup_token)
        app.state.database = database
        app.state.policies = CurrentPolicies(database, settings.policy_refresh_seconds)
        app.state.service = service or await run_in_threadpool(Service.load, settings)
        log.info("ready: engines %s", app.state.service.pipeline.engines)
        yield
        database.dispose()

    app = FastAPI(
        title="Second Look",
        summary="A second look at a teacher's social media draft, before it goes out.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.service = None
    app.state.rate_limiter = RateLimiter(settings.rate_limit_per_minute, settings.rate_limit_burst)
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
    app.include_router(policy.router)
    app.include_router(feedback.router)
    app.include_router(admin.router)
    admin.mount_static(app)
    return app


def announce_setup_key(district_id: str, token: str) -> None:
    """The first admin key, printed once to stdout (never to the log), like a setup token."""
    print(
        "\nSecond Look first start: an admin key for district "
        f"'{district_id}' was created. It is shown only this once; store it now.\n"
        f"    {token}\n"
        "Open /admin and log in with it, or create more keys with `secondlook keys create`.\n",
        flush=True,
    )
