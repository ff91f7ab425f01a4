"""Shapes of the review: the scheme as read, its sentences, and the report handed to CLI and UI."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

Severity = Literal["error", "warning", "info"]


class Block(BaseModel):
    """One paragraph or one table of the scheme, in document order."""

    index: int
    kind: Literal["paragraph", "table"]
    text: str = ""  # a table's text is its rows joined, for keyword search
    rows: list[list[str]] = Field(default_factory=list)
    heading: bool = False
    context: str = ""  # the nearest heading or lead-in above: tells what a table is about


class Sentence(BaseModel):
    text: str
    block: int


class ReviewFinding(BaseModel):
    rule: str
    severity: Severity
    message: str
    citations: list[str]
    quote: str = ""  # the guideline sentence, an exact substring of the first cited unit's text
    evidence: str | None = None  # the scheme's own sentence; None when something is missing


class CoverageItem(BaseModel):
    topic: str
    present: bool
    citations: list[str]
    quote: str = ""
    evidence: str | None = None


class ReviewReport(BaseModel):
    findings: list[ReviewFinding]
    coverage: list[CoverageItem]
    facts: dict[str, Any] = Field(default_factory=dict)
    source: str = ""  # file name (or "文本") for the report header

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            out[f.severity] += 1
        return out
