"""Shapes of the review: the scheme as read, the evidence it gives, and the report handed to CLI and UI."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from calculators.severity import Severity


class Block(BaseModel):
    """One paragraph or one table of the scheme, in document order."""

    index: int
    kind: Literal["paragraph", "table"]
    text: str = ""  # a table's text is its rows joined, for keyword search
    rows: list[list[str]] = Field(default_factory=list)
    lines: list[str] = Field(default_factory=list)  # a text table's rows as typed
    heading: bool = False
    context: str = ""  # the nearest heading or lead-in above: tells what a table is about


class Evidence(BaseModel):
    """Where the scheme says something: its own sentence or table row, as written."""

    text: str
    chapter: str = ""  # the chapter heading it sits under ("第二章 工资总额")
    article: str = ""  # its article number, when it has one ("第六条", "3.1")
    block: int = -1


class ReviewFinding(BaseModel):
    """One finding: a rule of a guideline the scheme breaks or leaves out."""

    rule: str  # the rule's identifier (JSON only; people read `name`)
    name: str  # the rule's Chinese name
    severity: Severity
    message: str
    citations: list[str]  # unit ids; the first is the clause quoted
    clause_title: str = ""  # 《指引》第N条
    quote: str = ""  # the clause's sentence, an exact substring of the cited unit's text
    evidence: str | None = None  # the scheme's own sentence or table row; None when something is missing
    chapter: str = ""  # the scheme's chapter the evidence sits in ("" when missing)
    suggestion: str = ""  # a rewording the reviewer can propose
    basis: str = ""  # why the clause binds (or only guides) this company


class CoverageItem(BaseModel):
    topic: str
    present: bool
    citations: list[str]
    quote: str = ""
    evidence: str | None = None
    denied: bool = False  # the scheme writes the topic only to refuse it ("不经职代会审议")


class Assumption(BaseModel):
    """What the review assumed about the company, why, and whether the user set it."""

    topic: Literal["所有制", "所在地区", "适用人员"]
    value: str
    reason: str
    given: bool = False  # set by the user (--ownership / --region), not read from the scheme


class RuleStatus(BaseModel):
    """How one rule of the table was treated for this scheme: checked, or not applicable and why."""

    rule: str
    name: str
    clause: str
    status: str  # 约束 / 倡导 / 参考 / 不适用
    reason: str
    findings: int = 0


class ReviewReport(BaseModel):
    findings: list[ReviewFinding]
    coverage: list[CoverageItem]
    assumptions: list[Assumption] = Field(default_factory=list)
    rules: list[RuleStatus] = Field(default_factory=list)
    source: str = ""  # file name (or "文本") for the report header

    def counts(self) -> dict[Severity, int]:
        out = {s: 0 for s in Severity}
        for f in self.findings:
            out[f.severity] += 1
        return out

    @property
    def verdict(self) -> str:
        counts = self.counts()
        if counts[Severity.ERROR]:
            return f"不通过：发现 {counts[Severity.ERROR]} 处违反指引约束性条款的内容，须修改后再提交审议。"
        if counts[Severity.WARNING]:
            return f"基本符合：未发现违反约束性条款的内容，另有 {counts[Severity.WARNING]} 处需提醒注意。"
        return "符合：未发现违反指引条款的内容。"
