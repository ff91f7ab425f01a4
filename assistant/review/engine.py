"""The review pipeline: read → whom it binds → facts → every rule of the table → findings with
quotes, and the coverage matrix. No rule is skipped: each is checked, or reported as not
applicable to this company with the reason."""

from __future__ import annotations

import re
import time
from pathlib import Path

from calculators.applicability import clause_name

from .applicability import Decision, Ownership, Status, decide, severity, table
from .clauses import quote
from .config import review_limits
from .context import read_context
from .coverage import coverage
from .errors import ReviewError
from .facts import read_facts
from .models import Block, ReviewFinding, ReviewReport, RuleStatus
from .reader import read_file, text_blocks
from .rules import CHECKS, Hit
from .scheme import Scheme

WHOLE = "方案整体"  # the chapter of a finding about something the scheme leaves out
# The calculators' messages end with the clause they rest on; the finding quotes it apart.
_BASIS = re.compile(r"（依据：“[^”]*”）")


class Deadline:
    """Cooperative time limit: checked between stages and rules, so no thread is left running."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise ReviewError(f"审查超时（超过 {self.seconds:g} 秒），请精简文档后重试（可用环境变量 PAYGUIDE_REVIEW_TIMEOUT_S 调整）。")


def review_file(path: Path, ownership: Ownership | None = None, region: str | None = None) -> ReviewReport:
    """Review a scheme file (.docx, .txt, .md); `ownership`/`region` override what the scheme says."""
    limits = review_limits()
    deadline = Deadline(limits.timeout_s)
    blocks = read_file(Path(path), limits)
    deadline.check()
    return review_blocks(blocks, deadline, Path(path).name, ownership, region)


def review_text(text: str, tables: list[list[list[str]]] | None = None, ownership: Ownership | None = None,
                region: str | None = None) -> ReviewReport:
    """Review a scheme given as text (markdown tables allowed) plus optional tables of cells."""
    deadline = Deadline(review_limits().timeout_s)
    return review_blocks(text_blocks(text or "", markdown=True, tables=tables), deadline, "文本", ownership, region)


def review_blocks(blocks: list[Block], deadline: Deadline, source: str = "", ownership: Ownership | None = None,
                  region: str | None = None) -> ReviewReport:
    scheme = Scheme(blocks)
    ctx, assumptions = read_context(scheme, ownership, region)
    facts = read_facts(scheme, deadline.check)
    findings: list[ReviewFinding] = []
    statuses: list[RuleStatus] = []
    for rule_id, spec in table().rules.items():
        deadline.check()
        decision = decide(ctx, rule_id)
        status = RuleStatus(rule=rule_id, name=spec.name, clause=decision.clause, status=decision.status.value, reason=decision.reason)
        if decision.status is not Status.NOT_APPLICABLE:
            found = _unique([_finding(decision, hit, ctx.ownership or Ownership.NON_PUBLIC) for hit in CHECKS[rule_id](facts)])
            status.findings = len(found)
            findings += found
        statuses.append(status)
    findings.sort(key=lambda f: (f.severity.rank, _order(scheme, f)))
    return ReviewReport(findings=findings, coverage=coverage(facts), assumptions=assumptions, rules=statuses, source=source)


def _finding(decision: Decision, hit: Hit, ownership: Ownership | None) -> ReviewFinding:
    spec = table().rules[decision.rule]
    message = _BASIS.sub("", hit.message)
    if decision.status is Status.REFERENCE:
        message = f"{message}（参考：{decision.reason}。）"
    return ReviewFinding(
        rule=spec.id,
        name=spec.name,
        severity=severity(decision, hit.level),
        message=message,
        citations=[decision.clause],
        clause_title=clause_name(decision.clause),
        quote=quote(decision.clause, spec.quote_for(ownership)),
        evidence=hit.evidence.text if hit.evidence else None,
        chapter=(hit.evidence.chapter or "正文") if hit.evidence else WHOLE,
        suggestion=hit.suggestion,
        basis=decision.reason,
    )


def _unique(findings: list[ReviewFinding]) -> list[ReviewFinding]:
    seen: set[tuple[str, str, str | None]] = set()
    out = []
    for f in findings:
        key = (f.rule, f.message, f.evidence)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _order(scheme: Scheme, finding: ReviewFinding) -> int:
    """Document order of a finding's evidence (findings about omissions last)."""
    if finding.evidence is None:
        return len(scheme.sentences)
    return next((i for i, s in enumerate(scheme.sentences) if s.text == finding.evidence), len(scheme.sentences) - 1)
