"""What one assistant turn returns (the `payguide ask --json` contract)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class Citation(BaseModel):
    n: int
    id: str
    doc_id: str
    article: int | None = None
    case: int | None = None
    quote: str


class ToolCall(BaseModel):
    name: str
    input: dict[str, Any]
    output: dict[str, Any]


class Reply(BaseModel):
    answer: str
    citations: list[Citation] = Field(default_factory=list)
    tool_calls: list[ToolCall] = Field(default_factory=list)
    needs: list[str] = Field(default_factory=list)
    # Not part of the contract's minimum, but useful to a UI: which path answered and why.
    mode: str = "offline"
    notice: str | None = None
