"""The review pipeline: read → facts → rules → findings with quotes, and the coverage matrix."""

from __future__ import annotations

import time
from pathlib import Path

from .clauses import quote
from .config import review_limits
from .coverage import coverage
from .errors import ReviewError
from .facts import extract_facts
from .models import Block, ReviewFinding, ReviewReport
from .reader import read_file, text_blocks
from .rules import RULES, Hit, Rule
from .scheme import Scheme

_ORDER = {"error": 0, "warning": 1, "info": 2}


class Deadline:
    """Cooperative time limit: checked between stages and rules, so no thread is left running."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise ReviewError(f"审查超时（超过 {self.seconds:g} 秒），请精简文档后重试（可用环境变量 PAYGUIDE_REVIEW_TIMEOUT_S 调整）。")


def review_file(path: Path) -> ReviewReport:
    """Review a scheme file (.docx, .txt, .md)."""
    limits = review_limits()
    deadline = Deadline(limits.timeout_s)
    blocks = read_file(Path(path), limits)
    deadline.check()
    return review_blocks(blocks, deadline, source=Path(path).name)


def review_text(text: str, tables: list[list[list[str]]] | None = None) -> ReviewReport:
    """Review a scheme given as text (markdown tables allowed) plus optional tables of cells."""
    deadline = Deadline(review_limits().timeout_s)
    return review_blocks(text_blocks(text or "", markdown=True, tables=tables), deadline, source="文本")


def review_blocks(blocks: list[Block], deadline: Deadline, source: str = "") -> ReviewReport:
    scheme = Scheme(blocks)
    facts = extract_facts(scheme, deadline.check)
    findings: list[ReviewFinding] = []
    skipped: dict[str, str] = {}
    for rule in RULES.values():
        deadline.check()
        try:
            hits = rule.check(scheme, facts)
        except Exception as exc:
            if not _missing_dependency(exc):
                raise
            skipped[rule.id] = f"{type(exc).__name__}: {exc}"
            continue
        findings += [_finding(rule, hit) for hit in hits]
    findings.sort(key=lambda f: _ORDER[f.severity])
    facts["skipped_rules"] = skipped
    return ReviewReport(findings=findings, coverage=coverage(scheme, facts), facts=facts, source=source)


def _missing_dependency(exc: Exception) -> bool:
    """A calculators check or parameter not built yet: skip that rule, say so in facts, go on."""
    if isinstance(exc, ImportError):
        return True
    if isinstance(exc, AttributeError):
        return "calculators" in str(exc)
    return type(exc).__name__ == "CalculationError" and "参数" in str(exc)


def _finding(rule: Rule, hit: Hit) -> ReviewFinding:
    cites = list(dict.fromkeys((hit.cite or rule.citations) + hit.also))
    return ReviewFinding(
        rule=rule.id,
        severity=hit.severity,
        message=hit.message,
        citations=cites,
        quote=quote(cites[0], *(hit.keywords or rule.keywords)),
        evidence=hit.evidence,
    )
