"""The 企业概况 Excel workbook (placeholder while the template is built)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

STAFF_SHEET = "现有职工"


def sheet_rows(path: Path, sheet: str) -> list[dict[str, Any]] | None:
    return None
