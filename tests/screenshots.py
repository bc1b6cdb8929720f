"""Where the browser tests save screenshots: `docs/screenshots/` under `make screenshots`
(SECONDLOOK_SCREENSHOTS=1), a temporary folder otherwise, so a test run never rewrites
tracked files."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def screenshot_path(name: str) -> Path:
    folder = (
        DOCS
        if os.environ.get("SECONDLOOK_SCREENSHOTS") == "1"
        else Path(tempfile.gettempdir()) / "secondlook-screenshots"
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name
