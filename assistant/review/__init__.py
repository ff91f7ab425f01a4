"""Clause review for trade-union reviewers: a draft pay scheme in, findings with quoted clauses out.

    review_file(path) → ReviewReport        review_text(text, tables=None) → ReviewReport
    write_report_docx(report, out) → Path

Each finding names its rule, severity (error = violates a guideline rule, warning = misses
something the guideline expects, info = suggestion), the cited units, the guideline sentence
quoted from the knowledge base and the scheme's own sentence as evidence.
"""

from __future__ import annotations

from .engine import review_file, review_text
from .errors import ReviewError
from .models import CoverageItem, ReviewFinding, ReviewReport
from .report_docx import write_report_docx

__all__ = ["CoverageItem", "ReviewError", "ReviewFinding", "ReviewReport", "review_file", "review_text", "write_report_docx"]
