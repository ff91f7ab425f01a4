"""The coverage matrix: topics a scheme is expected to address, each with the clause asking for it.

A topic the scheme writes only to refuse it ("本方案不经职工代表大会审议") is not covered: it is
marked as refused, with the scheme's sentence."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from calculators.applicability import Ownership, rule_spec
from calculators.params import parameter

from .clauses import quote
from .facts import SchemeFacts
from .models import CoverageItem, Evidence

Present = Callable[[SchemeFacts], Evidence | None]


@dataclass(frozen=True)
class Topic:
    name: str
    citations: tuple[str, ...]
    keywords: tuple[str, ...]
    present: Present
    refused: Present = lambda f: None


def _component(name: str) -> Present:
    return lambda f: f.said.components.get(name)


def _structure(f: SchemeFacts) -> Evidence | None:
    return next(iter(f.said.components.values())) if len(f.said.components) >= 2 else None


def _deliberated(f: SchemeFacts) -> Evidence | None:
    for said in (f.said.congress, f.said.negotiation):
        if said is not None and not said.denied:
            return said.evidence
    return None


def _refused_deliberation(f: SchemeFacts) -> Evidence | None:
    for said in (f.said.congress, f.said.negotiation):
        if said is not None and said.denied:
            return said.evidence
    return None


def _wage_total(f: SchemeFacts) -> Evidence | None:
    g = f.growth
    found = g.wage_total or g.profit
    return found.evidence if found else None


# Topics cite the clauses of the shared table's rules (`_of`), so a clause is named where its rule is
# declared; the few clauses no rule rests on are named here, once.
PAY_ITEMS = "qujing_skill/art-8"  # 曲靖指引第八条: the pay items a scheme sets out
STRUCTURE_TECH = "soe_tech/art-8"  # 科技人才指引: the pay structure of research posts
PERFORMANCE_TECH = "soe_tech/art-32"  # 科技人才指引: performance pay of research posts
CYCLE_SOE = "soe_internal/art-31"  # 内部薪酬分配指引: assessment cycles
CAREER_PATH = "qujing_skill/art-9"  # 曲靖指引第九条: career paths
INCENTIVES_TECH = "soe_tech/art-11"  # 科技人才指引: incentives for research talent


def _of(rule_id: str, ownership: Ownership | None = None) -> str:
    """The clause a rule of the shared table rests on (for this ownership where it differs)."""
    return rule_spec(rule_id).clause_for(ownership)


TOPICS: tuple[Topic, ...] = (
    Topic("薪酬结构（工资单元构成）", (PAY_ITEMS, STRUCTURE_TECH), ("可由基础工资",), _structure),
    Topic("基础工资", (_of("basic-wage-one-standard"),), ("基础工资全体职工应一个标准",), _component("基础工资")),
    Topic("岗位工资与岗位评价", (_of("job-evaluation"), _of("job-evaluation", Ownership.STATE)), ("岗位评价结果为基础",),
          _component("岗位工资")),
    Topic("能力工资（技能、学历津贴）", (PAY_ITEMS,), ("为体现能力差别",), _component("能力工资")),
    Topic("年功工资", (_of("seniority-arithmetic"),), ("年功工资可按不同工龄段",), _component("年功工资")),
    Topic("津贴补贴", (_of("allowance-soe-policy"),), ("针对特定环境",), _component("津贴补贴")),
    Topic("绩效工资", (_of("performance-three-level-link"), PERFORMANCE_TECH), ("绩效工资是体现员工实际业绩差别的工资",),
          _component("绩效工资")),
    Topic("先考核后分配", (_of("assess-before-allocate"),), ("先考核后分配",), lambda f: f.said.first_assess or f.said.linked_pay,
          lambda f: f.said.even_pay),
    Topic("绩效工资分配公式", (_of("allocation-formula"),), ("部门绩效工资总量=",), lambda f: f.said.formula),
    Topic("考核周期", (CYCLE_SOE, _of("assessment-cycle")), ("考核周期一般为",), lambda f: f.said.cycle),
    Topic("考核等级与强制分布", (_of("forced-distribution-top"),), ("结合考核得分及内部排序情况确定考核等级",),
          lambda f: f.distributions[0].evidence if f.distributions else None),
    Topic("考核结果运用", (_of("result-application", Ownership.STATE),), ("考核结果与薪酬分配",),
          lambda f: None if f.said.results_decoupled else f.said.results_used, lambda f: f.said.results_decoupled),
    Topic("工资总额与效益联动（两个低于）", (_of("two-lower"),), ("两个低于",), _wage_total),
    Topic("薪酬调整机制", (_of("adjustment-mechanism"), PAY_ITEMS), (parameter("cycles.adjustment_years_max").quote or "",),
          lambda f: f.adjustments[0].evidence if f.adjustments else None),
    Topic("职代会审议或工资集体协商", (_of("collective-negotiation", Ownership.STATE), _of("collective-negotiation", Ownership.NON_PUBLIC)),
          ("审议讨论",), _deliberated, _refused_deliberation),
    Topic("职业发展通道", (CAREER_PATH, _of("grade-promotion-pace")), ("职业发展通道可互相贯通",), lambda f: f.said.career_path),
    Topic("高技能（科技）人才激励", (_of("leading-talent-raise"), INCENTIVES_TECH), ("还可探索实行年薪制",), lambda f: f.said.incentives),
)


def coverage(facts: SchemeFacts) -> list[CoverageItem]:
    items = []
    for topic in TOPICS:
        evidence = topic.present(facts)
        refused = topic.refused(facts) if evidence is None else None
        shown = evidence or refused
        items.append(CoverageItem(topic=topic.name, present=evidence is not None, citations=list(topic.citations),
                                  quote=quote(topic.citations[0], *topic.keywords), evidence=shown.text if shown else None,
                                  denied=refused is not None))
    return items
