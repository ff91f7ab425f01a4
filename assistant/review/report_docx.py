"""Placeholder until the 公文 report is rewritten."""
from __future__ import annotations
from pathlib import Path
def write_report_docx(report, out: Path) -> Path:
    raise NotImplementedError
