"""The review measured on schemes with planted problems (tests/review_data/<split>/):
recall per clause, false 违反, must_not violations, and how often ownership and region were read right.

A planted finding is found when a finding cites its clause at its severity; each reported finding
answers at most one planted finding (a clause planted twice must be reported twice). A 违反 is
false when the scheme has no planted 违反 of that clause.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, Field

from calculators.severity import LABELS, Severity

from .models import ReviewReport

SCHEME_EXT = (".md", ".txt", ".docx")


# The review data write severities as people do (违反/提醒); read them into the one vocabulary.
Label = Annotated[Severity, BeforeValidator(lambda v: Severity.from_label(v) if isinstance(v, str) and v in LABELS.values() else v)]


class Planted(BaseModel):
    clause: str
    severity: Label
    problem: str = ""
    evidence: str = ""


class MustNot(BaseModel):
    clause: str
    severity: Label
    why: str = ""


class Case(BaseModel):
    name: str
    path: Path
    ownership: Literal["国有", "非公"]
    region: str | None = None
    findings: list[Planted] = Field(default_factory=list)
    must_not: list[MustNot] = Field(default_factory=list)


class CaseResult(BaseModel):
    name: str
    found: list[Planted]
    missed: list[Planted]
    false_errors: list[str]  # "clause: message"
    must_not_broken: list[str]
    ownership_right: bool
    region_right: bool


class Evaluation(BaseModel):
    cases: list[CaseResult]

    @property
    def planted(self) -> int:
        return sum(len(c.found) + len(c.missed) for c in self.cases)

    @property
    def found(self) -> int:
        return sum(len(c.found) for c in self.cases)

    @property
    def recall(self) -> float:
        return self.found / self.planted if self.planted else 1.0

    @property
    def false_errors(self) -> int:
        return sum(len(c.false_errors) for c in self.cases)

    @property
    def must_not_broken(self) -> int:
        return sum(len(c.must_not_broken) for c in self.cases)

    def by_clause(self) -> list[tuple[str, int, int]]:
        """(clause, found, planted) for every clause planted, most planted first."""
        found: Counter[str] = Counter()
        planted: Counter[str] = Counter()
        for c in self.cases:
            for p in c.found:
                found[p.clause] += 1
                planted[p.clause] += 1
            for p in c.missed:
                planted[p.clause] += 1
        return sorted(((k, found[k], n) for k, n in planted.items()), key=lambda t: (-t[2], t[0]))


def load_cases(folder: Path) -> list[Case]:
    cases = []
    for expected in sorted(Path(folder).glob("*.expected.json")):
        stem = expected.name[: -len(".expected.json")]
        scheme = next((expected.with_name(stem + ext) for ext in SCHEME_EXT if expected.with_name(stem + ext).exists()), None)
        if scheme is None:
            raise FileNotFoundError(f"{expected}: no scheme file beside it")
        data = json.loads(expected.read_text(encoding="utf-8"))
        cases.append(Case(name=stem, path=scheme, **data))
    return cases


def _cites(finding, clause: str) -> bool:
    return clause in finding.citations


def score(case: Case, report: ReviewReport) -> CaseResult:
    used: set[int] = set()
    found, missed = [], []
    for planted in case.findings:
        match = next((i for i, f in enumerate(report.findings)
                      if i not in used and _cites(f, planted.clause) and f.severity is planted.severity), None)
        if match is None:
            missed.append(planted)
        else:
            used.add(match)
            found.append(planted)
    planted_errors = {p.clause for p in case.findings if p.severity is Severity.ERROR}
    false_errors = [f"{f.citations[0]}：{f.message}" for f in report.findings
                    if f.severity is Severity.ERROR and not planted_errors & set(f.citations)]
    broken = [f"{m.clause} {m.severity.label}：{f.message}" for m in case.must_not for f in report.findings
              if _cites(f, m.clause) and f.severity is m.severity]
    assumed = {a.topic: a for a in report.assumptions}
    owner = assumed["所有制"].value if "所有制" in assumed else ""
    place = assumed["所在地区"].value if "所在地区" in assumed else ""
    in_qujing = "曲靖" in place
    region_right = case.region is None and place == "未写明" or case.region == "曲靖" and in_qujing or case.region == "其他" and not in_qujing
    return CaseResult(name=case.name, found=found, missed=missed, false_errors=false_errors, must_not_broken=broken,
                      ownership_right=owner.startswith(case.ownership), region_right=region_right)


def evaluate(cases: list[Case], review: Callable[[Path], ReviewReport]) -> Evaluation:
    return Evaluation(cases=[score(case, review(case.path)) for case in cases])
