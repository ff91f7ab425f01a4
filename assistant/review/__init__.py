"""Clause review for trade-union reviewers: a draft pay scheme in, findings with quoted clauses out.

    review_file(path, ownership=None, region=None) → ReviewReport
    review_text(text, tables=None, ownership=None, region=None) → ReviewReport
    write_report_docx(report, out) → Path          report_rows(report) → [ReviewRow] (for the UI)

Each finding names its rule (Chinese name), severity (违反 / 提醒 / 提示, from the clause's own
words and whether its guideline binds the company), the clause quoted from the knowledge base,
the scheme's own sentence or table row, and a suggested rewording.
"""

from __future__ import annotations

from .applicability import Ownership
from .engine import review_file, review_text
from .errors import ReviewError
from .models import Assumption, CoverageItem, ReviewFinding, ReviewReport
from .report_docx import write_report_docx
from .rows import ReviewRow, report_rows

__all__ = ["Assumption", "CoverageItem", "Ownership", "ReviewError", "ReviewFinding", "ReviewReport", "ReviewRow", "report_rows",
           "review_file", "review_text", "write_report_docx"]
