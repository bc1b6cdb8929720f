"""The tuning console: the `/admin` page and the admin-only endpoints it reads and writes
(overview, district settings, roster upload, audit log, the default labelled sample)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request, UploadFile
from fastapi.responses import HTMLResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, ConfigDict, StrictBool

from app.auth import Admin
from app.errors import ApiError
from app.routes.check import ERRORS, _service
from app.storage import audit, outcomes, policies, rosters
from app.storage.districts import get_district, set_collect_outcome_counts

router = APIRouter(tags=["admin"], responses=ERRORS)
templates = Jinja2Templates(directory=str(resources.files("app").joinpath("templates")))

MAX_ROSTER_BYTES = 2_000_000
SAMPLE_CANDIDATES = ("devset.jsonl", "conduct_dev.jsonl")


class DistrictSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    collect_outcome_counts: StrictBool


def mount_static(app: FastAPI) -> None:
    app.mount(
        "/admin/static",
        StaticFiles(directory=str(resources.files("app").joinpath("static"))),
        name="admin-static",
    )


@router.get("/admin", response_class=HTMLResponse, include_in_schema=False)
def console(request: Request) -> HTMLResponse:
    """The page itself holds no data; it asks for a key and calls the API with it."""
    return templates.TemplateResponse(request, "admin.html", {"has_sample": bool(_sample_path())})


@router.get("/v1/admin/overview")
def overview(request: Request, principal: Admin) -> dict[str, Any]:
    """Everything the console shows: the rules the service runs, with their docs, the current policy, outcome counts per rule,
    district settings, roster size and the newest audit entries."""
    district_id = principal.district_id
    with request.app.state.database.session() as session:
        district = get_district(session, district_id)
        current = policies.current_version(session, district_id)
        counts = outcomes.counts_by_code(session, district_id)
        log = audit.entries(session, district_id, limit=50)
        roster = rosters.roster_size(session, district_id)
        collect = district.collect_outcome_counts
    return {
        "district": district_id,
        "key": {"name": principal.name, "role": principal.role},
        "current": {**current.summary(), "policy": current.document},
        "rules": [rule.as_dict() for rule in _service(request).pipeline.rules.values()],
        "outcome_counts": counts,
        "settings": {"collect_outcome_counts": collect},
        "roster": {"full_name_digests": roster},
        "audit": [e.as_dict() for e in log],
    }


@router.put("/v1/admin/settings")
def put_settings(body: DistrictSettings, request: Request, principal: Admin) -> dict[str, Any]:
    """Turn the collection of aggregate outcome counts on or off (audited)."""
    with request.app.state.database.session() as session:
        set_collect_outcome_counts(
            session, principal.district_id, body.collect_outcome_counts, principal.name
        )
    return {"collect_outcome_counts": body.collect_outcome_counts}


@router.post("/v1/admin/roster")
async def upload_roster(file: UploadFile, request: Request, principal: Admin) -> dict[str, Any]:
    """Replace the district's roster from a CSV. Names are hashed on arrival with the district's
    salt; only the digests are stored."""
    data = await file.read(MAX_ROSTER_BYTES + 1)
    if len(data) > MAX_ROSTER_BYTES:
        raise ApiError(413, "roster_too_large", f"A roster holds at most {MAX_ROSTER_BYTES} bytes.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ApiError(422, "roster_not_utf8", "Save the roster as a UTF-8 CSV file.") from None
    del data
    with request.app.state.database.session() as session:
        hashed = rosters.replace_roster_from_csv(
            session, principal.district_id, text, principal.name
        )
    del text
    request.app.state.policies.forget(principal.district_id)
    return {"names_hashed": hashed}


@router.get("/v1/admin/audit")
def audit_log(request: Request, principal: Admin, limit: int = 100) -> dict[str, Any]:
    with request.app.state.database.session() as session:
        log = audit.entries(session, principal.district_id, limit=max(1, min(limit, 1000)))
    return {"entries": [e.as_dict() for e in log]}


@router.get("/v1/admin/sample", response_class=PlainTextResponse)
def default_sample(_: Admin) -> PlainTextResponse:
    """The project's labelled dev set, offered as the default preview sample when present."""
    path = _sample_path()
    if path is None:
        raise ApiError(404, "no_default_sample", "No labelled dev set ships with this install.")
    return PlainTextResponse(path.read_text("utf-8"), media_type="application/x-ndjson")


def _sample_path() -> Path | None:
    """`app/static/devset.jsonl` when packaged, else the repository's `tests/data` dev set."""
    folders = (
        Path(str(resources.files("app").joinpath("static"))),
        Path(__file__).resolve().parents[2] / "tests" / "data",
    )
    for folder in folders:
        for name in SAMPLE_CANDIDATES:
            if (folder / name).is_file():
                return folder / name
    return None
