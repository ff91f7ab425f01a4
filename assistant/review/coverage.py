"""The coverage matrix: topics a scheme is expected to address, each with the clause asking for it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from .clauses import quote
from .models import CoverageItem
from .scheme import Scheme

Present = Callable[[Scheme, dict[str, Any]], str | None]  # the scheme's sentence, or None


@dataclass(frozen=True)
class Topic:
    name: str
    citations: tuple[str, ...]
    keywords: tuple[str, ...]
    present: Present


def _component(name: str) -> Present:
    return lambda s, f: f["components"].get(name)


def _find(*patterns: str) -> Present:
    return lambda s, f: s.find(*patterns)


def _first(*present: Present) -> Present:
    return lambda s, f: next((e for e in (p(s, f) for p in present) if e), None)


TOPICS: tuple[Topic, ...] = (
    Topic("薪酬结构（工资单元构成）", ("qujing_skill/art-8", "soe_tech/art-8"), ("可由基础工资",),
          lambda s, f: s.find(r"(工资|薪酬)[^。]{0,6}(由|包括|构成|组成)") if len(f["components"]) >= 2 else None),
    Topic("基础工资", ("qujing_skill/art-8",), ("基础工资全体职工应一个标准",), _component("基础工资")),
    Topic("岗位工资与岗位评价", ("qujing_skill/art-8", "soe_internal/art-16"), ("岗位评价结果为基础",),
          _first(_component("岗位工资"), _find(r"岗位评价|岗位价值评估"))),
    Topic("能力工资（技能、学历津贴）", ("qujing_skill/art-8",), ("为体现能力差别",), _component("能力工资")),
    Topic("年功工资", ("qujing_skill/art-8",), ("年功工资可按不同工龄段",), _component("年功工资")),
    Topic("津贴补贴", ("qujing_skill/art-8",), ("针对特定环境",), _component("津贴补贴")),
    Topic("绩效工资", ("qujing_skill/art-8", "soe_tech/art-32"), ("绩效工资是体现员工实际业绩差别的工资",), _component("绩效工资")),
    Topic("先考核后分配", ("qujing_skill/art-8",), ("先考核后分配",),
          lambda s, f: f["performance_link"].get("first_assess") or f["performance_link"].get("linked")),
    Topic("绩效工资分配公式", ("qujing_skill/art-8",), ("部门绩效工资总量=",), lambda s, f: (f["formulas"] or [None])[0]),
    Topic("考核周期", ("soe_internal/art-31", "qujing_skill/art-8"), ("考核周期一般为",),
          lambda s, f: f["assessment_cycles"][0]["evidence"] if f["assessment_cycles"] else None),
    Topic("考核等级与强制分布", ("soe_internal/art-32",), ("结合考核得分及内部排序情况确定考核等级",),
          lambda s, f: f["forced_distribution"][0]["evidence"] if f["forced_distribution"] else s.find(r"考核等[级次]|强制分布")),
    Topic("考核结果运用", ("soe_internal/art-33",), ("考核结果与薪酬分配",),
          _find(r"考核|考评|绩效", r"岗位调整|调岗|晋升|降级|职级|薪级|能上能下|岗级")),
    Topic("工资总额与效益联动（两个低于）", ("qujing_skill/art-5",), ("两个低于",),
          _find(r"工资总额|薪酬总额", r"效益|利润|两个低于|劳动生产率")),
    Topic("薪酬调整机制", ("soe_tech/art-51", "qujing_skill/art-8"), ("薪酬水平调整一般以1至3年为周期",),
          lambda s, f: f["adjustment"]["evidence"] if f["adjustment"] else None),
    Topic("职代会审议或工资集体协商", ("soe_internal/art-11", "qujing_skill/art-6"), ("审议讨论",),
          lambda s, f: f["approval"].get("congress") or f["approval"].get("negotiation")),
    Topic("职业发展通道", ("qujing_skill/art-9", "soe_internal/art-22"), ("职业发展通道可互相贯通",),
          _find(r"发展通道|晋升通道|职业通道|双通道|多通道")),
    Topic("高技能（科技）人才激励", ("qujing_skill/art-10", "soe_tech/art-11"), ("还可探索实行年薪制",),
          _find(r"年薪制|协议薪酬|专项(特殊)?奖励|股权激励|超额利润分享|分红|领军人才|中长期激励")),
)


def coverage(s: Scheme, facts: dict[str, Any]) -> list[CoverageItem]:
    items = []
    for topic in TOPICS:
        evidence = topic.present(s, facts)
        items.append(CoverageItem(topic=topic.name, present=bool(evidence), citations=list(topic.citations),
                                  quote=quote(topic.citations[0], *topic.keywords), evidence=evidence))
    return items
