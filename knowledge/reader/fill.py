"""Placing the figures of a reading into the fields of a model, by kind and by the words around
each figure — the same engine for every calculator and every fact sheet of the review.

Nothing is invented: every value placed is a figure of the text (or a word choice it makes).
A figure of a kind the model takes that cannot be placed with confidence is returned as a
leftover, and an inconsistent total as a problem, so the caller asks instead of guessing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from .bind import (
    SET_ASIDE,
    THE_REST_ITEM,
    core,
    entity_end,
    looks_like_entity,
    mention_in,
    part_of_another_rate,
    person_pattern,
    whole_unit,
)
from .fields import PER_HEAD_WORDS, Reads, Shape, Slot, slots
from .lexicon import contains_any, dictionary_word, ends_with_any, lexicon
from .models import Kind, Quantity, Reading
from .numerals import NUMERAL_CHARS

# Kinds a bare number may stand for, when the words around it say which field it fills.
_BARE_OK = {Kind.MONEY, Kind.SCORE, Kind.PIECES, Kind.PEOPLE, Kind.COUNT, Kind.LEVELS, Kind.YEARS,
            Kind.MULTIPLE, Kind.NUMBER, Kind.TIMES, Kind.PERCENT, Kind.MONTHS, Kind.PERCENTILE}
# A total written with these words sums what is listed; with a group word it is the whole unit's.
_SUM_WORDS = ("合计", "总计", "共计", "小计", "加起来", "总和", "一共", "总共", "共有")
_GROUP_WORDS = ("全班", "全组", "组里", "班里", "部门", "全部门", "车间", "全车间", "全厂", "厂里", "班组", "全体", "整个", "全公司",
                "单位", "全单位", "大家", "所有人", "全队", "队里", "科室", "全科", "总分", "总量", "总数", "总产量", "总件数")
_MEMBER_SHAPES = (Shape.MAP, Shape.GROUPS, Shape.RECORDS, Shape.NUMBERED, Shape.GRID)


@dataclass
class Filled:
    """What was placed where, and what could not be."""

    values: dict[str, Any] = field(default_factory=dict)
    placed: dict[int, str] = field(default_factory=dict)  # index of a quantity → slot path
    leftovers: list[Quantity] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    cued: set[str] = field(default_factory=set)  # fields filled because the words named them
    keyed: set[str] = field(default_factory=set)  # maps filled with their usual names (A、B、C; 高级技师)
    outranked: set[int] = field(default_factory=set)  # figures a better-named one took the field from (集团有5600人…在岗740人)
    withdrawn: set[int] = field(default_factory=set)  # figures read into a field, then asked about (基本年薪比绩效年薪少6万)

    @property
    def cue_hits(self) -> int:
        return len(self.cued)
    slots: list[Slot] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # how a value was derived from the text
    context: dict[str, Any] = field(default_factory=dict)  # inputs known before this text (follow-ups)

    def known(self, path: str) -> Any:
        """A value filled from this text, else the one known from before."""
        value = self.get(path)
        return _context_value(self.context, path) if value in (None, {}, []) else value

    def get(self, path: str) -> Any:
        current: Any = self.values
        for part in path.split("."):
            if not isinstance(current, dict) or part not in current:
                return None
            current = current[part]
        return current

    def set(self, path: str, value: Any) -> None:
        parts = path.split(".")
        current = self.values
        for part in parts[:-1]:
            current = current.setdefault(part, {})
        current[parts[-1]] = value


Figures = list[tuple[int, Quantity]]


# ---- matching a figure to a field ------------------------------------------------------------


def cue_strength(reads: Reads, q: Quantity) -> int:
    """How surely the words around a figure name this field: the length of the longest cue in
    its own subject or tail, else (weaker) in what its sentence is about; 0 for none."""
    around = q.subject + "|" + q.tail[:4] + "|" + (q.per or "") + "|" + _affirmed(q.heading)  # a long tail belongs to the next item
    own = max((len(c) for c in reads.cues if c in around), default=0)
    if own:
        return own + 1
    topical = max((len(c) for c in reads.cues if len(c) >= 2 and c in q.topic), default=0)
    return 1 if topical and q.kind in reads.kinds else 0


@lru_cache(maxsize=1024)
def _affirmed(label: str) -> str:
    """A list's label without what it says is not there (不设薪级：… names no 薪级)."""
    negations = sorted(lexicon().negations, key=len, reverse=True)
    return re.sub(f"(?:{'|'.join(map(re.escape, negations))})[^，,；;。]*", "", label) if label else label


def _avoided(reads: Reads, q: Quantity) -> bool:
    # the line's own label (目标净利润：1000万) counts as much as the words before the figure
    own_label = q.heading if not q.subject.strip() else ""
    return any(word in q.subject or word in q.tail or word in own_label for word in reads.avoid)


def kind_fit(reads: Reads, q: Quantity) -> int:
    """3 for the field's own kind, 2 for another kind it takes, 1 for a bare number, 0 for none."""
    if reads.cued and not cue_strength(reads, q):
        return 0  # 系数1.2 is a coefficient; a bare 860 beside it is no one's
    if q.kind is Kind.NUMBER and q.money_sized and Kind.MONEY not in reads.kinds:
        return 0  # 3万2 is money, never a coefficient, a score or a head count (两千一 may be pieces)
    if q.kind in reads.kinds:
        return 3 if q.kind is reads.kinds[0] else 2
    if q.unit == "比" and reads.kinds[0] is Kind.SCORE:
        return 3  # 按6:4分: shares in proportion are what scores are for
    if q.kind is Kind.MONTHS and Kind.YEARS in reads.kinds:
        return 2
    if q.kind is not Kind.NUMBER or not reads.bare:
        return 0
    if q.money_sized and Kind.MONEY not in reads.kinds:
        return 0  # 18万 is money, never a score or a head count
    if Kind.PERCENT in reads.kinds and not reads.fraction and len(reads.kinds) == 1:
        # growth rates are written with %, a bare 1500 is not one; 涨0.07 is a rate written as a fraction
        # (涨了0.5 may be 0.5% as well as 50%: it is asked)
        return 2 if q.direction is not None and re.fullmatch(r"[-−]?0\.\d{2,}", q.text.strip()) else 0
    return 1 if any(k in _BARE_OK for k in reads.kinds) else 0


_UNIT_NOUNS = ("部门", "车间", "班组", "科室", "分公司", "中心", "小组", "项目组", "事业部")


def strip_cues(name: str, cues: tuple[str, ...]) -> str:
    if name in cues:
        return ""
    for cue in sorted(cues, key=len, reverse=True):
        if len(cue) >= 2:
            stripped = name.replace(cue, "")
            unit = next((u for u in _UNIT_NOUNS if cue.startswith(u)), None)
            # 甲部门积分 → 甲部门: a unit word (部门, 车间) stays when taking it out would leave one character
            name = name.replace(cue, unit) if unit and len(stripped.strip("的 ")) == 1 else stripped
        elif name.endswith(cue) and (len(name) > 2 or name[0].isascii()):
            name = name[:-1]  # A类 → A
    return core(name.strip("的 "))


def member_name(reads: Reads, q: Quantity, words: tuple[str, ...] = ()) -> str | None:
    """The member a figure belongs to, once the field's (and the model's) words are taken out."""
    if q.name and q.kind is Kind.PERCENT and Kind.PERCENT in reads.kinds and THE_REST_ITEM.fullmatch(q.name):
        return q.name  # 其他5% among weights: an item of its own
    name = strip_cues(q.name, reads.cues + words) if q.name else ""
    if not name:
        return _sentence_owner(q.topic)
    inside = [m for m in _PERSON_MENTION.finditer(name) if m.group(0) not in _NOT_PERSONS]
    if len(inside) == 1 and inside[0].group(0) != name and not entity_end(name):
        before, after = name[:inside[0].start()], name[inside[0].end():]
        if (not before or any(role.endswith(before) for role in _LEADER_ROLES)) and (not after or after in _SPEECH):
            name = inside[0].group(0)  # 班组长老魏说…: 老魏, past the end of his title and what he said
    return name if name not in lexicon().not_names else None


def _sentence_owner(topic: str) -> str | None:
    """小李是辅助岗，系数按0.9算: a figure named only by field words belongs to the person or
    department the clause just before it describes (X是…, with no figure of its own)."""
    last = [c for c in re.split(r"[，,]", topic) if c.strip()][-1:]
    described = last and re.search(r"是|属于", last[0]) and not re.search(r"\d", last[0])
    return mention_in(last[0]) if described else None


class _Model:
    """The slots of one model and the words all its fields use."""

    def __init__(self, model_slots: list[Slot]) -> None:
        self.slots = model_slots
        nested = [n for s in model_slots if s.model is not None and s.reads.shape is Shape.GROUPS for n in slots(s.model)]
        self.cues = tuple({c for s in model_slots + nested for c in s.reads.cues})
        self.member_slots = [s for s in model_slots if s.reads.shape in _MEMBER_SHAPES]
        self.has_records = any(s.reads.shape in (Shape.RECORDS, Shape.GROUPS) for s in model_slots)

    def member_of(self, q: Quantity) -> str | None:
        """The department or person a figure is about, when the model lists such members."""
        if not q.name or not any(kind_fit(s.reads, q) for s in self.member_slots):
            return None
        name = strip_cues(q.name, self.cues)
        if not name or name in lexicon().not_names:
            return None
        if any(name in s.reads.keys and kind_fit(s.reads, q) for s in self.member_slots):
            return name  # 中级工200元: a grade a keyed table lists, never a field's single value
        return name if looks_like_entity(name) else None


def _value_ok(slot: Slot, q: Quantity, known: Any = None) -> bool:
    """Whether `q` can be this field's value; `known` is the field's value before this text (follow-ups)."""
    r = slot.reads
    if kind_fit(r, q) == 0 or _avoided(r, q) or q.weak:
        return False
    if r.every is True and not q.every or r.every is False and q.every:
        return False
    if r.one_plus and q.kind is Kind.NUMBER and q.value >= 10:
        return False  # a ratio between levels (1.08, 8%) is never 4000: that figure is something else
    if r.per and q.per not in r.per and not cue_strength(r, q):
        return False
    if not r.per and q.per and r.every is not True and q.kind in (Kind.MONEY, Kind.SCORE, Kind.NUMBER):
        return False  # 每档加20元 is a rate, not a starting amount
    if r.total is True and not q.total or r.total is False and q.total:
        return False
    changes = "|改成|改为|换成|调成|变成" if known is not None else ""  # 工资总额改成12%, after a growth was given: the new growth
    if r.signed and q.direction is None and not q.derived and not re.search(rf"增长|增幅|涨幅|降幅|变化|变动|增速{changes}",
                                                                             q.subject + q.tail[:4]):
        return False  # 利润30% is a weight, not a growth
    return q.range_end is None and q.range_start is None


# ---- the engine -----------------------------------------------------------------------------


def _context_value(context: dict[str, Any], path: str) -> Any:
    current: Any = context
    for part in path.split("."):
        current = current.get(part) if isinstance(current, dict) else None
    return current


def fill(reading: Reading, model: type[BaseModel], context: dict[str, Any] | None = None) -> Filled:
    """Fill `model`'s readable fields from `reading`. `context` holds inputs already known (a
    follow-up's earlier turn): names of grades and items are looked up there too."""
    out = Filled(slots=slots(model), context=dict(context or {}))
    shape = _Model(out.slots)
    figures = [(i, q) for i, q in enumerate(reading.quantities) if q.kind is not Kind.DATE and not q.superseded and not q.label
               and not q.quoted and not _DISMISSED.match(reading.normalised, q.end)]  # 时薪是22块 这个不用管: said aside
    _choices(reading, out)
    _ranges(figures, out)
    _groups(figures, out, shape)
    _values(figures, out, shape)
    _records(figures, out, reading)
    item_maps = {s.reads.items_from for s in out.slots if s.reads.shape is Shape.GRID}
    _maps(figures, out, shape, lambda slot: slot.path in item_maps)  # 价目表 first: its items name the grid's columns
    _grid(figures, out)
    _maps(figures, out, shape, lambda slot: slot.path not in item_maps and not slot.reads.only_with)
    _without_its_sibling(out)
    _maps(figures, out, shape, lambda slot: bool(slot.reads.only_with))  # 人数 beside the 系数 read just before
    _snap_to_sibling_names(out, reading.normalised)
    _fold_into_groups(out)
    _by_kind(figures, out, shape)
    _range_as_bounds(figures, out, getattr(model, "reading_range", None))
    _lookups(reading, out)
    _lists(figures, out, reading.normalised, reading.ordinals)
    _totals(out, reading)
    _field_periods(out, reading)
    _same_period(out, reading, getattr(model, "reading_same_period", ()))
    _growth_bases(out, reading)
    _derived_notes(out, reading)
    _plausible(out, reading)
    # a figure every slot of its kind avoids (够不够2.8倍: the guideline restated) is no question for the user
    used = {start for i in out.placed for start in reading.quantities[i].sources}  # 4800万 and 5100万 gave the growth placed
    listed = {str(k) for v in out.values.values() if isinstance(v, dict) for k in v}
    records = {str(r["name"]) for v in out.values.values() if isinstance(v, list) for r in v if isinstance(r, dict) and r.get("name")}
    same = {(reading.quantities[i].kind, reading.quantities[i].value) for i in out.placed}
    said_of = {(reading.quantities[i].kind, reading.quantities[i].subject.strip()): reading.quantities[i].value for i in out.placed}
    out.leftovers = [q for i, q in figures if i not in out.placed and not q.weak and q.start not in used
                     and not ((q.kind, q.value) in same and _STILL.search(q.subject))  # 池子还是6万: said again, unchanged
                     and not (_unchanged(q) and looks_like_entity(q.name or ""))  # 吴昊没变: that member's figure stays
                     and q.text not in records  # 二级第12级: the grade listed as 二级, named again — no figure
                     and (i not in out.outranked or _says_what_it_is(q) or _names_another_thing(q, out.slots)
                          or said_of.get((q.kind, q.subject.strip()), q.value) != q.value  # 奖金池3万 … 奖金池3.5万: which?
                          or any((q.name or "").startswith(n) for n in listed)  # 张三扣了500元 beside 张三300分: a listed member's, unread
                          or _ANOTHER_VERSION.search(q.subject.strip()) is not None  # 奖金池1.5w，财务又说是18k: which one?
                          or q.kind is Kind.PERCENT and q.bound is not None  # 但增幅不能超过…%: a cap nothing here applies
                          or _CONTRAST.match(q.subject.strip()) is not None)  # 预算6%，但实际执行9%
                     and (q.kind is Kind.NUMBER or any(q.kind in s.reads.kinds and not _avoided(s.reads, q) for s in out.slots)
                          or q.kind is Kind.MONEY and contains_any(q.subject, PER_HEAD_WORDS)  # 人均9.6万 where a total is wanted: asked
                          or q.kind is Kind.PERCENT and _share_of_a_placed_figure(q, reading, out)
                          or _CONTRAST.match(q.subject.strip()) is not None  # 但是今年只干了8个月: a "but" no field takes changes the answer
                          or q.direction is not None and _names_another_thing(q, out.slots)  # 职工人数比上年多了30人: a change of a field that takes a rate
                          or q.unit in ("折", "成")
                          or q.name in listed and (q.kind in (Kind.PERCENT, Kind.MULTIPLE) or not _aside(q, reading.normalised))
                          or q.kind is Kind.PERCENT and (SET_ASIDE.search(q.subject) or q.bound is not None))]
    _points_of_a_share(out, reading)
    _differences_as_values(out, reading)
    _parts_of_another_rate(out, reading)
    _complements(out, reading)
    _left_out(out, reading)
    # 积分打七折 / 丙班这次只拿一半 with nowhere to put it: asked about, never dropped
    _counts_of_lists(out, reading)
    _sizes_of_lists_placed(out, reading)
    _worked_out_against_written(out, reading)
    _sums_of_lists(out)
    _stated_counts(out, reading)
    _unlisted_members(out, reading)
    _asked_about_someone_unlisted(out, reading)
    _parts_of_wholes(out, reading)
    _mentioned_without_figure(out, reading)
    _vague_work(out, reading)
    _shares_without_figure(out, reading)
    _choices_left_open(out, reading)
    _figures_still_to_come(out, reading)
    _bare_items_in_a_list(out, reading)
    _lines_without_a_record(out, reading)
    _mixed_levels(out)
    _parents_in_the_same_list(out, reading)
    _members_in_two_groups(out)
    _named_again(out)
    _a_group_inside_another(out)
    _per_head(out, reading)
    _total_of_the_others(out, reading)
    _mixed_units(out, reading)
    return out


# A figure the writer says to leave aside, right after it: 时薪22块，这个不用管 / 去年8万（不用考虑）
_DISMISSED = re.compile(r"[\s，,（(]*(?:这个|这|那个|这些|这项|此项)?(?:数)?(?:不用管|不用考虑|不用看|别管|不管它?|忽略|无关|不相关|没关系|仅供参考|只是参考)")


def _share_of_a_placed_figure(q: Quantity, reading: Reading, out: Filled) -> bool:
    """工资总额的8%用于奖励，工资总额600万: a share of a figure that was read as the whole changes it — asked,
    never dropped (the pool was 600万 instead of 48万)."""
    of = re.search(r"([\u4e00-\u9fa5]{2,8})的$", q.subject)
    if of is None:
        return False
    whole = of.group(1)  # 奖金按利润总额的6%: the words right before 的 (利润总额), however long the lead-in
    return any(whole[k:] in reading.quantities[i].subject for k in range(len(whole) - 1) for i in out.placed)


_STILL = re.compile(r"(?:还是|仍是|仍然是?|依然是?|照旧|不变|也还是)$")


def _aside(q: Quantity, text: str) -> bool:
    """生产部（23人）积分4200分 / 备注：B线本月少了3个人: a figure in brackets or on a note line is a side
    remark; a listed member's figure in the sentence itself (销售部18人 … 按人数乘分数分) is not."""
    line = text[:q.start].rsplit("\n", 1)[-1]
    return re.search(r"[（(][^（()）]*$", line) is not None or re.match(r"\s*(?:备注|注|说明|附注)\s*[:：]", line) is not None


_OTHERS = re.compile(r"其他人|其余|别的人|别人|剩下的|其他几个|其他同事")


def _mixed_units(out: Filled, reading: Reading) -> None:
    """小季1200件，小闻85箱: counts in different units are no one list — how many 件 a 箱 holds is the
    user's to say, never taken as one for one."""
    for slot in [s for s in out.slots if s.reads.shape is Shape.MAP]:
        units = {reading.quantities[i].unit for i, path in out.placed.items()
                 if path == slot.path and reading.quantities[i].kind is Kind.PIECES and reading.quantities[i].unit}
        if len(units) > 1:
            out.problems.append(f"{slot.label}的单位不一致（{'、'.join(sorted(units))}）：请折成同一单位（如每箱折合多少件）再算")


def _total_of_the_others(out: Filled, reading: Reading) -> None:
    """他自己做了800件，组里其他人一共做了1200件: that total is the rest's, not the whole unit's."""
    for i in out.placed:
        q = reading.quantities[i]
        if q.total and _OTHERS.search(q.subject):
            out.problems.append(f"“{q.subject.strip('，, ')}{q.text}”是其余人员的合计：全体总量是所列各项加上它吗？请确认")


def _per_head(out: Filled, reading: Reading) -> None:
    """经理1.5，主管1.2 … 经理2人主管5人: a small bare figure beside a member's head count is likely a
    coefficient for each of them — per head or for the whole group? Asked, not guessed."""
    for slot in [s for s in out.slots if s.reads.shape is Shape.MAP and isinstance(out.get(s.path), dict)]:
        placed = {reading.quantities[i].name: reading.quantities[i] for i, p in out.placed.items() if p == slot.path}
        for q in reading.quantities:
            figure = placed.get(q.name)
            # 高级工3人系数1.2 says each one's 系数 (人数 × 系数); 主任1.4 … 主任3人, written apart, does not
            said_together = figure is not None and q.clause == figure.clause and q.end <= figure.start
            if q.kind is Kind.PEOPLE and figure is not None and figure.kind is Kind.NUMBER and figure.value < 10 \
                    and (reading.quantities.index(q) not in out.placed or not said_together):
                out.problems.append(f"“{q.name}”{plain(figure.value)} 是每人的系数，还是{q.text}合计的？请说明")


def _named_again(out: Filled) -> None:
    """老方积分300 … 老方是组长额外加50分: a listed name said again with words about it is the same
    member with a second figure — added, or instead? Asked, never paid as a member of its own."""
    for slot in out.slots:
        value = out.get(slot.path)
        if slot.reads.shape is not Shape.MAP or not isinstance(value, dict):
            continue
        for key in list(value):
            # 老方是组长额外加50分 / 甲部门扣安全分500: the listed name again, with words that change its figure
            first = next((k for k in value if k != key and len(str(k)) >= 2 and str(key).startswith(str(k))
                          and re.match(r"是|的|扣|减|加|另|罚|奖|多|少|再", str(key)[len(str(k)):])), None)
            if first is not None:
                out.problems.append(f"“{first}”有两个数字（{plain(value[first])} 和 “{str(key)[len(first):]}” {plain(value[key])}）："
                                    "是加在一起，还是用后一个？")
            role_of = next((k for k in value if k != key and re.search(rf"[（(][^）)]*{re.escape(str(key))}[^）)]*[）)]", str(k))), None)
            if role_of is not None:  # 张三（组长）120分 … 组长另外加20分: the 组长 is 张三
                out.problems.append(f"“{key}”的 {plain(value[key])} 是给“{role_of}”加的吗？请说明是加在一起，还是另算")


def _a_group_inside_another(out: Filled) -> None:
    """研发部4000分，市场部3500分，研发部其中有1000分是结转的: a listed group read as a member of
    another is a part of its own figure — asked, never paid twice."""
    for slot in out.slots:
        groups = out.get(slot.path)
        if slot.reads.shape is not Shape.GROUPS or not isinstance(groups, dict):
            continue
        for name, group in groups.items():
            members = group.get("members") if isinstance(group, dict) else None
            if not isinstance(members, dict):
                continue
            for member in [m for m in members if m in groups and m != name]:
                out.problems.append(f"“{member}”的 {plain(members[member])} 是它自己数字中的一部分吗？请说明怎么算")


def _members_in_two_groups(out: Filled) -> None:
    """一部：老骆200、小阎100⏎二部：小阎100: one person listed under two departments, or two people?"""
    for slot in out.slots:
        groups = out.get(slot.path)
        if slot.reads.shape is not Shape.GROUPS or not isinstance(groups, dict):
            continue
        seen: dict[str, str] = {}
        for group, fields in groups.items():
            for inner in (v for v in (fields or {}).values() if isinstance(v, dict)):
                for name in inner:
                    if name in seen and seen[name] != group:
                        out.problems.append(f"“{name}”既列在“{seen[name]}”又列在“{group}”：是同一个人重复列出，还是两个同名的人？")
                    seen.setdefault(str(name), str(group))


def _parents_in_the_same_list(out: Filled, reading: Reading) -> None:
    """小组A完成3000件 … 小组A里小张1200件、小李1800件 in a one-level list: the people are part of their
    group's figure — dividing among all of them would pay the group's work twice."""
    for slot in [s for s in out.slots if s.reads.shape is Shape.MAP and isinstance(out.get(s.path), dict)]:
        names = set(out.get(slot.path))
        inside: dict[str, list[str]] = {}
        for i, path in out.placed.items():
            q = reading.quantities[i]
            if path == slot.path and q.parent and q.name and q.parent in names and q.name in names and q.name != q.parent:
                inside.setdefault(q.parent, []).append(q.name)
        for parent, people in inside.items():
            out.problems.append(f"“{'、'.join(people)}”属于“{parent}”，不能与“{parent}”放在同一层分配：请说明是先分到{parent}再分到个人，"
                                "还是只按个人（或只按组）分")


def _mixed_levels(out: Filled) -> None:
    """销售部 900、小周 400、小吴 500 in one list: departments and people side by side are two levels
    read as one — dividing among them would pay the department's people twice."""
    for slot in out.slots:
        value = out.get(slot.path)
        if slot.reads.shape is not Shape.MAP or not isinstance(value, dict):
            continue
        units = [k for k in value if entity_end(str(k))]
        people = [k for k in value if person_pattern().fullmatch(str(k))]
        if units and people:
            out.problems.append(f"“{'、'.join(units)}”是部门，“{'、'.join(people)}”是个人，放在同一层分配不对："
                                "请说明个人属于哪个部门（两级分配），或只列部门、只列个人")


# 财务又说是18k / 老板讲的是2万: someone else's figure for the same thing, said instead of it
_ANOTHER_VERSION = re.compile(r"(?:又|另外|也|却|可)(?:说|讲|报|给)(?:的)?(?:是|为)?$|(?:说|讲|报)(?:的)?是$")


def _says_what_it_is(q: Quantity) -> bool:
    """其中20人是管理岗兼的: a figure outranked for a field but described in words of its own is asked
    about, not dropped (另有劳务派遣40人不算 says it does not count)."""
    return bool(core(q.tail)) and not re.search(r"不算|不计|不含|除外|不包括|不参加", q.tail)


_LEFT_OUT = re.compile(r"[^，,；;。\n]{0,8}?(?:不参加|不参与|不算|不计入|不计|除外|不纳入|不分配|不参加分配|不包括在内)(?!多|少|高|低|大|小|件)")


# 先不算老李 / 去掉小卫 / 不算她: the verb before the name (or before 他/她, for the member named last)
_LEAVE_OUT = r"(?:不算|不计|去掉|除去|剔除|不含|不包括|排除)(?:上|掉)?"
_LEFT_OUT_BEFORE = re.compile(_LEAVE_OUT + "$")


def _left_out_by_pronoun(text: str, names: list[Any]) -> Any:
    """岳红是借调来的，先不算她: 他/她 after a leaving-out verb is the member named last before it."""
    said = re.search(_LEAVE_OUT + r"(?:他|她)(?!们)", text)
    if said is None:
        return None
    before = [(text.rfind(str(n), 0, said.start()), n) for n in names]
    at, name = max(before, key=lambda t: t[0], default=(-1, None))
    return name if at >= 0 else None


def _left_out(out: Filled, reading: Reading) -> None:
    """机关500分 机关不参加 / 小祁300件是返工件不算: a member the text leaves out is taken out of the
    list (and said), so the others share the whole."""
    text = reading.normalised
    for slot in [s for s in out.slots if s.reads.shape in (Shape.MAP, Shape.GROUPS) and isinstance(out.get(s.path), dict)]:
        members: dict[str, Any] = out.get(slot.path)
        named = [n for n in members if len(str(n)) >= 2]
        for name in named:
            found = list(re.finditer(re.escape(str(name)), text))
            if (any(_LEFT_OUT.match(text, m.end()) for m in found) or any(_LEFT_OUT_BEFORE.search(text, 0, m.start()) and not re.match(r"\s*(?:的|\d)", text[m.end():]) for m in found)
                    or name == _left_out_by_pronoun(text, named)) and len(members) > 1:
                del members[name]
                out.notes.append(f"“{name}”不参加，已从{slot.label}中去掉")
        out.set(slot.path, members)


def _complements(out: Filled, reading: Reading) -> None:
    """基本和绩效各一半 / 基本年薪占40%，其余是绩效年薪: the rest's share restates the field's; one that
    does not add up to the whole is asked about. The rest's share read into the field (绩效年薪占65%) is
    turned into the field's own (35%); a limit on it (绩效年薪不低于65%) is no share, so it is asked about."""
    for i, path in list(out.placed.items()):
        q, slot = reading.quantities[i], next((s for s in out.slots if s.path == path), None)
        if slot is None or not slot.reads.complement or not isinstance(out.get(path), Decimal) \
                or not contains_any(q.name or q.subject, slot.reads.complement) or contains_any(q.subject, slot.reads.cues):
            continue
        if q.bound:
            _withdraw(out, i, f"“{q.subject}{q.text}”是一个界限，不是确切的比例；请给出{slot.label}")
        else:
            out.set(path, 1 - q.value)
            out.notes.append(f"{slot.label}按 1 − {plain(q.value * 100)}% = {plain((1 - q.value) * 100)}% 计算：“{q.subject}{q.text}”说的是其余部分")
    for slot in [s for s in out.slots if s.reads.complement and isinstance(out.get(s.path), Decimal)]:
        share: Decimal = out.get(slot.path)
        for q in [q for q in out.leftovers if q.kind is Kind.PERCENT and contains_any(q.name or "", slot.reads.complement)]:
            out.leftovers.remove(q)
            if q.value + share != 1:
                out.problems.append(f"{slot.label} {plain(share * 100)}% 与“{q.text}”合计不是 100%，请确认")


def _names_another_thing(q: Quantity, model_slots: list[Slot]) -> bool:
    """今年人数增加10 beside 利润增长6%: outranked for the growth, but about 人数 — a field a bare 10
    cannot fill (10人 or 10%?). A figure about a thing no field is about (劳务派遣40人) stays a distractor."""
    name = core(q.name or q.subject)
    if len(name) < 2 or re.fullmatch(r"[今去明前后上本下当]年|[上本下当]月|同期|[一二两三四五六七八九十\d]+年", name):
        return False
    named = [s for s in model_slots if any(len(c) >= 2 and c in name for c in s.reads.cues)]
    return bool(named) and all(not kind_fit(s.reads, q) for s in named)


def _lines_without_a_record(out: Filled, reading: Reading) -> None:
    """甲师傅 高级技师⏎丙 高级工: a line of a list that carries a record's attribute word but none of the
    names read is someone not read; leaving them out would understate the total."""
    lines = [line for line in reading.normalised.split("\n") if line.strip()]
    if len(lines) < 2:
        return
    for slot in out.slots:
        value = out.get(slot.path)
        if slot.reads.shape is not Shape.RECORDS or slot.model is None or not value:
            continue
        names = [str(r.get("name", "")) for r in value] if isinstance(value, list) else [str(k) for k in value]
        words = [w for f in slots(slot.model) if f.reads.shape is Shape.CHOICE for ws in f.reads.choices.values() for w in ws]
        for line in lines:
            said = {w for w in words if w in line and not any(w != o and w in o and o in line for o in words)}
            # one attribute word: a person's line (高级工150，技师350，高级技师600 is a table of rates)
            if len(said) == 1 and not any(n and n in line for n in names):
                out.problems.append(f"“{line.strip()}”这一行没有读出是谁，请写明姓名")


# 他那份要不要从池子里扣我也拿不准: a yes-or-no the user leaves open (不知道怎么分 is a request, not this)
_OPEN_CHOICE = re.compile(r"([^，,。；;！!？?\n]*?(?:要不要|该不该|是不是|算不算|扣不扣|减不减|用不用|能不能)[^，,。；;！!？?\n]{0,20}?)"
                          r"(?:我|我们)?(?:也|还|都)?(?:不知道|拿不准|不确定|说不准|不清楚|吃不准|没想好|定不下来|没定)")


def _choices_left_open(out: Filled, reading: Reading) -> None:
    """小卫先不算了，池子要不要相应减我也不知道: the answer depends on a choice the user has not made;
    computing would make it for them."""
    if not out.placed:
        return
    for match in _OPEN_CHOICE.finditer(reading.normalised):
        out.problems.append(f"“{match.group(1).strip()}”还没确定：请确定后再算")


_VAGUE_SHARE = re.compile(r"([\u4e00-\u9fa5A-Za-z0-9、和及与]{1,16}?)(?:也|都|各)?占(?:了)?(?:一部分|一些|一点|一定(?:比例|比重|权重)?|部分|若干)")


def _shares_without_figure(out: Filled, reading: Reading) -> None:
    """利润30%、营收25%、安全和质量各占一部分: items given a share in words only — the shares read do not
    cover them, so theirs are asked for (a check on the rest would judge a list that is not complete)."""
    if not any(s.reads.shape is Shape.MAP and Kind.PERCENT in s.reads.kinds and out.get(s.path) for s in out.slots):
        return
    for match in _VAGUE_SHARE.finditer(reading.normalised):
        said, first = match.group(0).lstrip("、和及与"), re.split(r"[、和及与]", match.group(1).strip("、和及与"))[0]
        out.problems.append(f"“{said}”没有给出具体比例，请写明（如“{first}占10%”）")


def _mentioned_without_figure(out: Filled, reading: Reading) -> None:
    """小李是辅助岗，要打个折: the field is asked for in words, but no figure of it was read."""
    for slot in out.slots:
        word = next((w for w in slot.reads.mention if w in reading.normalised), None)
        if word is not None and out.get(slot.path) in (None, {}, []):
            example = f"（{slot.reads.ask}）" if slot.reads.ask else ""
            out.problems.append(f"提到了“{word}”，但没有给出{slot.label}，请补充{example}")
        records = out.get(slot.path)
        if slot.reads.shape is not Shape.RECORDS or slot.model is None or not isinstance(records, list):
            continue
        for field_slot in slots(slot.model):  # 李师傅带了两个徒弟，按技能津贴算: whose 技能等级?
            word = next((w for w in field_slot.reads.mention if w in reading.normalised), None)
            lacking = [str(r.get("name")) for r in records if isinstance(r, dict) and r.get(field_slot.name) in (None, "")]
            if word is not None and lacking:
                out.problems.append(f"提到了“{word}”，但没有给出{'、'.join(lacking)}的{field_slot.label}，请补充")


# 还有个临时工也干了一些 / 小潘也做了点: someone else's share of the work, without a figure
_VAGUE_WORK = re.compile(r"[\u4e00-\u9fa5]{1,10}?也?(?:干|做|完成|生产|加工|拿|得|参与|出)了?(?:一些|一点|点儿?|一部分|部分|若干|不少|好些|些)(?:活|件|工作|工作量)?(?=$|[，,。；;！？!?\s])")


def _vague_work(out: Filled, reading: Reading) -> None:
    """A listed split with one more share named but not counted: asked, not left out in silence."""
    if not any(s.reads.shape in (Shape.MAP, Shape.GROUPS) and out.get(s.path) for s in out.slots):
        return
    for match in _VAGUE_WORK.finditer(reading.normalised):
        out.problems.append(f"“{match.group(0).strip('，, ')}”没有给出数字：也参加分配吗？请给出具体数量")


_GO_AHEAD = re.compile(r"先算|先按|先不管|不用管|就行|就好|即可|照算|先这样")
_PENDING = re.compile(r"回头问|再问问|我问问|看着办|还没|尚未|没拿到|没收到|还在算|还在统计|待定|待核|没报|未报|还没出|没出来|稍后|回头再|晚点|过两天|没定|未定|没确定|未确定|没想好")


def _figures_still_to_come(out: Filled, reading: Reading) -> None:
    """另外两个班组的件数我还没拿到 / 行政部的分还在统计: figures the request needs are still to come —
    whatever is computed now shares everything among those listed, or leaves out what is pending."""
    if not out.placed:
        return
    placed = [reading.quantities[i] for i in out.placed]
    for clause in reading.clauses:
        at = clause.start
        for part in re.split(r"(?<=[、])", clause.text):  # 安全20%、其他几项看着办: one item of a list may be the pending one
            start, at = at, at + len(part)
            text = part.strip("，,。；;、 ")
            if _PENDING.search(text) and not any(start <= q.start < at for q in placed) \
                    and not _GO_AHEAD.search(reading.normalised[start:]):  # …还没报上来，先算到车间就行
                out.problems.append(f"“{text}”：这部分数字还没有，现在算会不完整；请补上后再算（或说明不算这部分）")


def _all_nouns(words: str) -> bool:
    """质量, 安全, 创新, 党建 — not 不对, 其余都是B, 还没评: words with no function word in them."""
    return "是" not in words and not any(tag.startswith(("d", "p", "r", "c", "u", "y", "e", "m", "q", "f"))
                                         for _, tag, _ in _positioned_tokens(words))


def _bare_items_in_a_list(out: Filled, reading: Reading) -> None:
    """利润30%，收入20%，安全20%，质量，创新10%: a name standing alone between listed members is a
    member whose figure is missing, not a word to skip."""
    text = reading.normalised
    for slot in out.slots:
        listed = out.get(slot.path)
        if slot.reads.shape is not Shape.MAP or not isinstance(listed, dict) or len(listed) < 2:
            continue
        for line in text.split("\n"):
            items = [m.group(0).strip() for m in re.finditer(r"[^，,、；;]+", line)]  # one line's list (乙： opens a record)
            for k in range(1, len(items) - 1):
                item, before, after = items[k], items[k - 1], items[k + 1]
                if 1 <= len(item) <= 6 and re.fullmatch(r"[\u4e00-\u9fa5A-Za-z]+", item) and item not in listed \
                        and not re.search(f"[{NUMERAL_CHARS}]", item) and _all_nouns(item) \
                        and any(before.startswith(n) for n in listed) and any(after.startswith(n) for n in listed):
                    out.problems.append(f"“{item}”的{slot.label}是多少？（它列在其他各项中间，却没有数字）")


_TEAM_WORDS = ("班组", "小组", "团队", "科室", "车间", "部门", "项目组", "全组", "全班", "组里", "班里", "组", "班", "队")
_ENTITY_COUNTED = re.compile(r"^(?:个|家)?(?:部门|车间|班组|科室|小组|团队|单位|项目组|人|名|位|组|班|队)")


def _stated_counts(out: Filled, reading: Reading) -> None:
    """班组4个人 but two people's figures; 分给4个部门 but three departments: the pool is for more
    members than are listed, so whatever is computed for the listed ones would be wrong."""
    lists = [v for s in out.slots if s.reads.shape in (Shape.MAP, Shape.RECORDS, Shape.GROUPS, Shape.LIST) and s.reads.kinds[0] is not Kind.PERCENT
             and (v := out.get(s.path)) and isinstance(v, (dict, list))]
    if not lists:
        return
    if any(s.reads.total_of and out.get(s.path) is not None for s in out.slots):
        return  # 全班组一共做了2800件，小孙400件: the whole is given, so the guideline formula accounts for the rest
    listed = max(len(v) for v in lists)
    if any(q.kind in (Kind.PEOPLE, Kind.COUNT) and q.value == listed for q in reading.quantities):
        return  # 调研了6家企业，拿到10个样本 with ten figures: the count of the list is stated
    for i, q in enumerate(reading.quantities):
        if i in out.placed or q.weak or q.per or q.every or q.kind not in (Kind.PEOPLE, Kind.COUNT) or q.value != q.value.to_integral_value():
            continue
        team = q.kind is Kind.PEOPLE and (q.name in _TEAM_WORDS or q.subject.endswith(_TEAM_WORDS))
        counted = _ENTITY_COUNTED.match(q.tail) is not None or q.kind is Kind.PEOPLE and "分给" in q.subject or q.unit == "家"  # 同行5家
        if not (team or counted) or q.value > 30 or q.value == listed:
            continue
        more = "只列出了" if q.value > listed else "却列出了"
        entity = _ENTITY_COUNTED.match(q.tail)
        shown = q.text + (entity.group(0) if entity and q.kind is Kind.COUNT else "")
        out.problems.append(f"您说有{shown}，{more} {listed} 个的数字，请补全（或说明只算所列的 {listed} 个）")


_ASKED_FOR = re.compile(r"(?:能|可以|该|应该|应)?(?:拿|分|得|发)(?:到|得)?多少|多少钱")
_WORKED_WITHOUT_FIGURE = re.compile(r"^[^比]{0,4}(?:做|干|完成|生产|加工|参加|参与)|比(?!较|例|重)|差不多|不少|一些|一点")


def _asked_about_someone_unlisted(out: Filled, reading: Reading) -> None:
    """生产部900分 技术部600分 … 小李能拿多少: the result is asked for a person with no figure of their own."""
    text = reading.normalised
    listed = " ".join(str(k) for v in out.values.values() if isinstance(v, dict) for k in v) + " " + " ".join(
        str(r.get("name", "")) for v in out.values.values() if isinstance(v, list) for r in v if isinstance(r, dict))
    if not listed.strip():
        return  # nothing is shared out among members here (年功工资 of 最老的师傅)
    people = people_named(text)
    people_listed = any(name in listed for name, _ in people)
    for name, pos in people:
        after = text[pos + len(name):pos + len(name) + 16]
        sentence = re.split(r"[。；;？?！!\n]", after)[0]
        pronoun = None if people_listed else re.search(r"[他她]", sentence)  # 王工是技术部的，他能拿多少 (with no person listed)
        asked = _ASKED_FOR.match(after) or pronoun and _ASKED_FOR.match(sentence[pronoun.end():])
        clause = re.split(r"[，,。；;？?！!\n]", after)[0]
        # 老冯也干了不少 / 小蔡做的比小贺少一些: a listed kind of person said to have worked, with no figure
        worked = people_listed and _WORKED_WITHOUT_FIGURE.search(clause) and not re.search(r"[\d一二两三四五六七八九十百千万]", clause.replace("一些", "").replace("一点", ""))
        if (asked or worked) and name not in listed and not any(q.name and name in q.name for q in reading.quantities) \
                and not any(f"“{name}”" in p for p in out.problems):
            out.problems.append(f"“{name}”没有列出自己的数字（如积分、件数），算不出“{name}”个人的金额，请补充")


_NOT_A_MEMBER_PREFIX = ("全", "各", "本", "每", "该", "这", "那", "其他", "其它", "别的", "所有", "整个", "我们", "咱们", "你们", "两个", "几个")


# Things that are themselves percentages: a change of them in 百分点 is no growth of what they measure
_A_SHARE = re.compile(r"(?<!生产)(?<!效)率|占比|比重|比例|增速|涨幅|增幅")


_CONTRAST = re.compile(r"(?:但是?|不过|可是|然而|实际上?)")


def _withdraw(out: Filled, index: int, question: str) -> None:
    """A figure placed in a field it does not fill is taken back out, and asked about instead."""
    out.set(out.placed.pop(index), None)
    out.withdrawn.add(index)
    out.problems.append(question)


def _points_of_a_share(out: Filled, reading: Reading) -> None:
    """利润率提高了2个百分点: the margin moved by two points — not profit growing by 2%. Read into a
    growth field it would be judged as one; asked for the growth instead."""
    for i, path in list(out.placed.items()):
        q = reading.quantities[i]
        slot = next((s for s in out.slots if s.path == path), None)
        if slot is None or not slot.reads.signed or "百分点" not in q.unit or q.derived or not _A_SHARE.search(q.name or q.subject):
            continue
        _withdraw(out, i, f"“{q.subject.strip()}{q.text}”是{q.name or '这一比率'}本身的变化，不是{slot.label}；"
                          f"请给出{slot.label}（如{slot.reads.ask.removeprefix('如') if slot.reads.ask else '“增长5%”'}）")


# (同比/环比 compare with another time: 利润同比减少两成 is a growth, no gap between two things)
_DIFFERENCE = re.compile(r"(?<![同环])比(?P<other>[^，,。；;比]{1,10}?)(?:的)?(?:多出|高出|少了|多了|低了|高了|多|少|高|低)(?:发|拿|给)?了?\s*$")
# the same thing at another time or on the step before (比去年高5% is a growth, 比上一级高一成 a step)
_ITS_OWN_OTHER = re.compile(r"上年|去年|上一年|前年|上月|上个月|上季度|同期|往年|以前|原来|之前|调整前|[今去前]年|[12]\d{3}年?|"
                            r"[上前下低高]一?[级档等岗]")


def _parts_of_another_rate(out: Filled, reading: Reading) -> None:
    """工资总额增幅是利润增幅的一半, with no 利润增幅 written: half of an unknown rate (bind works it out
    when the other rate is there, and marks it derived)."""
    for i, path in list(out.placed.items()):
        q = reading.quantities[i]
        slot = next((s for s in out.slots if s.path == path), None)
        if slot is not None and not q.derived and part_of_another_rate(q):
            _withdraw(out, i, f"“{q.subject.strip()}{q.text}”要先知道后者是多少；请给出它，或直接给出{slot.label}")


def _differences_as_values(out: Filled, reading: Reading) -> None:
    """基本年薪比绩效年薪少6万: the gap between two things, not the first one's value. A single figure
    read as if it were (基本年薪 6万) would be a confident wrong answer; the gap is asked about.
    (A gap to last year is a growth, read elsewhere; a gap between members is worked out in bind.)"""
    for i, path in list(out.placed.items()):
        q = reading.quantities[i]
        gap = _DIFFERENCE.search(q.subject)
        slot = next((s for s in out.slots if s.path == path), None)
        if gap is None or q.derived or slot is None or slot.reads.shape is not Shape.VALUE or _ITS_OWN_OTHER.search(gap.group("other")):
            continue
        _withdraw(out, i, f"“{q.subject.strip()}{q.text}”是两者之差，不是{slot.label}本身；请直接给出{slot.label}")


def _suffixed_words(text: str, suffix: str, lengths: set[int], bounds: set[int]) -> list[tuple[int, int]]:
    """还有综合部的分数: the span of each word ending in `suffix` with a listed name's length, tried from
    each occurrence of the suffix back to a word boundary (a left-to-right scan takes 还有综合部, skips 综合部)."""
    found = []
    for match in re.finditer(re.escape(suffix), text):
        for start in range(match.start() - 1, max(-1, match.start() - 5), -1):
            if not re.match(r"[\u4e00-\u9fa5A-Za-z0-9]", text[start]):
                break
            if start in bounds and match.end() - start in lengths:
                if not any(tag in ("v", "e") or tag[0] in "pdcury"  # (not eng: A部 is a name)
                           for _, tag, _ in _positioned_tokens(text[start:match.start()])):
                    found.append((start, match.end()))  # (分到车间: a verb, no name)
                break
    return found


def _unlisted_members(out: Filled, reading: Reading) -> None:
    """一车间1200分，二车间800分，三车间也要参加分配: a member named like the listed ones but given
    no figure (computing without it would give the others its share)."""
    text = reading.normalised
    for slot in out.slots:
        listed = out.get(slot.path)
        if slot.reads.shape is not Shape.MAP or not isinstance(listed, dict) or not listed:
            continue  # (one listed is enough: 生产部积分3000，技术部积分比生产部少一点)
        names = [str(k) for k in listed]
        before = out.context and _context_value(out.context, slot.path)
        known = set(before) if isinstance(before, dict) else set()  # a follow-up's 采购部不变: listed before
        for person, _ in people_named(text):  # 老魏、老严、小祁三个人，老魏1200件、老严800件: 小祁 is one of them
            if person not in listed and person not in known and any(re.search(rf"{re.escape(person)}[、和及与跟]{re.escape(n)}|{re.escape(n)}[、和及与跟]{re.escape(person)}", text)
                                            for n in names):
                out.problems.append(f"“{person}”的{slot.label}是多少？（没有它的数字，算出的各项会偏多）")
        suffix = next((w for w in ("车间", "部门", "班组", "科室", "分公司", "中心", "部", "科", "室", "组", "班", "队")
                       if all(n.endswith(w) and len(n) > len(w) for n in names)), None)
        if suffix is None:
            continue
        lengths, bounds = {len(n) for n in names}, _word_bounds(text)
        for start, end in _suffixed_words(text, suffix, lengths, bounds):
            name = text[start:end]
            if name in listed or name in known or any(name in n or n in name for n in names) or name.startswith(_NOT_A_MEMBER_PREFIX) \
                    or not looks_like_entity(name) or end not in bounds and text[end:end + 1] not in "分和与及、，,的各" \
                    or _GO_AHEAD.search(text[end:]):  # (生产部分: 部分 is jieba's word; …先算这两个就行: said to leave it out)
                continue
            out.problems.append(f"“{name}”的{slot.label}是多少？（没有它的数字，算出的各项会偏多）")


def _parts_of_wholes(out: Filled, reading: Reading) -> None:
    """分红激励85人，其中技术人员50人、管理人员40人: parts that add up to more than their whole."""
    text, qs = reading.normalised, reading.quantities
    for i, whole in enumerate(qs):
        if not re.match(r"[，,、；;（(\s]*其中", text[whole.end:whole.end + 4]):
            continue
        bracket = re.match(r"[（(]", text[whole.end:])
        closing = min((c for c in (text.find("）", whole.end), text.find(")", whole.end)) if c > 0), default=-1) if bracket else -1
        parts = [p for p in qs[i + 1:] if p.sentence == whole.sentence and p.kind is whole.kind and not p.total
                 and (closing < 0 or p.end <= closing)]  # 研发部600分（其中…），市场部400分: the bracket ends the parts
        total = sum((p.value for p in parts), Decimal(0))
        if len(parts) >= 2 and total > whole.value:
            shown = " + ".join(p.text for p in parts)
            out.problems.append(f"“其中”各项 {shown} = {plain(total)}，多于{whole.text}，请核对")


def _choices(reading: Reading, out: Filled) -> None:
    text = reading.normalised
    for slot in out.slots:
        r = slot.reads
        if r.shape is Shape.CHOICE:
            found = [(text.find(w), value) for value, words in r.choices.items() for w in words if w in text]
            if found:
                out.set(slot.path, min(found)[1])
                out.cued.add(slot.path)
        elif r.shape is Shape.FLAG and any(w in text for words in r.choices.values() for w in words):
            out.set(slot.path, True)


def _range_as_bounds(figures: Figures, out: Filled, fields: tuple[str, str] | None) -> None:
    """薪级从4500元到6300元: one range written, and the model reads a lowest and a highest amount
    (declared as `reading_range`), gives both."""
    if not fields or any(out.get(f) is not None for f in fields):
        return
    by_path = {s.path: s for s in out.slots}
    ranges = [(i, q) for i, q in _free(figures, out) if q.range_end is not None and q.range_end not in out.placed]
    if len(ranges) != 1:
        return
    (i, low), top = ranges[0], ranges[0][1].range_end
    high = _figure_at(figures, top) if top is not None else None
    if top is None or high is None or not all(kind_fit(by_path[f].reads, q) for f, q in zip(fields, (low, high), strict=True)):
        return
    for f, (j, q) in zip(fields, ((i, low), (top, high)), strict=True):
        out.set(f, as_field_value(by_path[f].reads, q))
        out.placed[j] = f


def _figure_at(figures: Figures, index: int) -> Quantity | None:
    return next((q for i, q in figures if i == index), None)


def _free(figures: Figures, out: Filled) -> Figures:
    return [(i, q) for i, q in figures if i not in out.placed]


def _values(figures: Figures, out: Filled, shape: _Model) -> None:
    """One figure per field, chosen by the field's words; a member's figure is not a single value."""
    value_slots = [s for s in out.slots if s.reads.shape is Shape.VALUE and out.get(s.path) is None]
    scored = []
    for slot in value_slots:
        for i, q in _free(figures, out):
            if not _value_ok(slot, q, _context_value(out.context, slot.path) if out.context else None) or shape.member_of(q) or q.parent and shape.has_records and not _a_field_label(q.parent, value_slots):
                continue  # 初级工 2300（起点薪级1）: the 1 is the record's; 薪级工资12级（第1级50元）: the 50 is no record's
            strength = cue_strength(slot.reads, q)
            if strength:
                scored.append((strength * 10 + kind_fit(slot.reads, q), -i, slot, i, q))
    scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
    taken: set[str] = set()
    for score, _, slot, i, q in scored:
        if slot.path in taken or i in out.placed:
            if slot.path in taken and i not in out.placed and score < _winning(scored, slot) - 9 and q.kind in slot.reads.kinds:
                out.outranked.add(i)
            continue
        rivals = [t for t in scored if t[2] is slot and t[3] != i and t[3] not in out.placed and t[0] == score]
        if rivals and not all(t[4].value == q.value for t in rivals):
            out.problems.append(f"“{slot.label}”可能是 {q.text}，也可能是 {rivals[0][4].text}，请说明是哪一个")
        _place(out, slot, i, q)
        taken.add(slot.path)
        out.cued.add(slot.path)


def _a_field_label(name: str, value_slots: list[Slot]) -> bool:
    return any(len(c) >= 2 and c in name for s in value_slots for c in s.reads.cues)


def _winning(scored: list[tuple[Any, ...]], slot: Slot) -> int:
    return max(t[0] for t in scored if t[2] is slot)


def _counts_of_lists(out: Filled, reading: Reading) -> None:
    """岗位工资分三等：学徒…、普工…、熟练工… / 两人每月各多少: a count that equals the number of
    names listed only restates the list."""
    sizes = {len(v) for v in out.values.values() if isinstance(v, (dict, list)) and v}
    listed = {str(k) for v in out.values.values() if isinstance(v, dict) for k in v}
    keep = []
    for q in out.leftovers:
        if q.kind in (Kind.LEVELS, Kind.COUNT, Kind.PEOPLE) and q.value in sizes and q.subject.strip(" ：:，,") [-2:] not in ("一共", "总共") \
                and not (q.kind is Kind.PEOPLE and q.name in listed):  # 三级工有两个人: one member's head count, not the list's
            continue
        keep.append(q)
    out.leftovers = keep


def _worked_out_against_written(out: Filled, reading: Reading) -> None:
    """工资总额从4000万涨到4300万，涨幅5%: a rate worked out from two amounts and one written beside it
    for the same thing must agree; when they do not, which one holds is asked."""
    for i in list(out.placed):
        q = reading.quantities[i]
        if not q.derived or not q.sources:
            continue
        written = [p for j, p in enumerate(reading.quantities) if j in out.outranked and p.kind is q.kind and p.sentence == q.sentence
                   and not p.derived and abs(p.value - q.value) > Decimal("0.0005") and p.start > min(q.sources)]
        if written:
            shown = format((q.value * 100).quantize(Decimal("0.01")).normalize(), "f") + "%" if q.kind is Kind.PERCENT else plain(q.value)
            _withdraw(out, i, f"“{written[0].text}”与由“{q.text}”算出的 {shown} 不一致，请确认用哪一个")
            out.notes = [n for n in out.notes if f"由“{q.text}”推算" not in n]


def _sizes_of_lists_placed(out: Filled, reading: Reading) -> None:
    """宽带薪酬三个等级：一级…二级…三级…: a count as large as a list read, written with no word of the
    field it was put in, names the list; the field stays open (its default or a question follows)."""
    sizes = {len(v) for v in out.values.values() if isinstance(v, (dict, list)) and len(v) >= 2}
    value_slots = {s.path: s for s in out.slots if s.reads.shape is Shape.VALUE}
    for i, path in list(out.placed.items()):
        q = reading.quantities[i]
        slot = value_slots.get(path)
        if slot is not None and q.kind in (Kind.LEVELS, Kind.COUNT) and q.value in sizes and not cue_strength(slot.reads, q) \
                and not q.derived and re.search(r"等级|级别|职级|岗级", q.text + q.tail[:2]):
            out.set(out.placed.pop(i), None)


def _sums_of_lists(out: Filled) -> None:
    """装配车间 4120⏎注塑组 3380⏎包装线 2500⏎小计 10000: a total that equals the sum of a list read
    only restates it (a total that differs is still asked about)."""
    sums = {sum((Decimal(str(x)) for x in v.values()), Decimal(0)) for v in out.values.values()
            if isinstance(v, dict) and v and all(isinstance(x, (int, Decimal)) for x in v.values())}
    out.leftovers = [q for q in out.leftovers if not (q.total and q.kind is Kind.NUMBER and q.value in sums)]


def _by_kind(figures: Figures, out: Filled, shape: _Model) -> None:
    """A field left open takes the one free figure of its exact kind, when no other field could."""
    open_slots = [s for s in out.slots if s.reads.shape is Shape.VALUE and out.get(s.path) is None]
    for slot in open_slots:
        fits = [(i, q) for i, q in _free(figures, out)
                if q.kind in slot.reads.kinds and _value_ok(slot, q) and not shape.member_of(q)]
        rivals = [s for s in open_slots if s is not slot and out.get(s.path) is None
                  and any(q.kind in s.reads.kinds and _value_ok(s, q) for _, q in fits)]
        if len(fits) == 1 and not rivals:
            _place(out, slot, *fits[0])


def _place(out: Filled, slot: Slot, i: int, q: Quantity) -> None:
    out.set(slot.path, as_field_value(slot.reads, q))
    out.placed[i] = slot.path


def as_field_value(reads: Reads, q: Quantity) -> Decimal:
    value = q.value
    if q.unit == "比" and q.kind not in reads.kinds:
        return value / q.scale  # a ratio's part as written (6 of 6:4), for fields that share in proportion
    if Kind.YEARS in reads.kinds and q.kind is Kind.MONTHS:
        return (value / 12).quantize(Decimal("0.0001"))  # 来了75个月 → 6.25 年 (50个月 → 4.1667)
    if reads.one_plus and q.kind is Kind.PERCENT:
        return 1 + value  # 每级递增8% → 级比 1.08
    if Kind.PERCENT in reads.kinds and q.kind is Kind.NUMBER and reads.fraction and value > 1:
        return value / 100  # 权重40 among percentages: 40%
    return value


def _maps(figures: Figures, out: Filled, shape: _Model, which: Any = lambda slot: True) -> None:
    """name → figure for every free figure that belongs to a member; competing maps go by words."""
    map_slots = [s for s in out.slots if s.reads.shape in (Shape.MAP, Shape.NUMBERED) and out.get(s.path) is None and which(s)]
    chosen: dict[int, tuple[int, Slot, str]] = {}
    for slot in map_slots:
        for i, q in _free(figures, out):
            name = member_name(slot.reads, q, shape.cues)
            total = q.total and not (q.kind is Kind.PERCENT and name) and not looks_like_entity(name or "")
            if name is None or total or kind_fit(slot.reads, q) == 0 or _avoided(slot.reads, q) or _unchanged(q):
                continue
            if q.weak and not cue_strength(slot.reads, q) or q.range_start is not None or q.range_end is not None:
                continue
            if slot.reads.per and q.per not in slot.reads.per and not _names_an_item(figures, q, name) or not slot.reads.per and q.per:
                continue
            if slot.reads.shape is Shape.NUMBERED and _number_in(name) is None:
                continue
            allowed = set(slot.reads.keys) | set(out.get(slot.reads.keys_from) or {} if slot.reads.keys_from else ())
            name = _key_at_end(name, allowed) if allowed and name not in allowed else name
            if allowed and name not in allowed or slot.reads.people and not looks_like_entity(name):
                continue
            strength = cue_strength(slot.reads, q) or (2 if name in slot.reads.usual_keys else 0)
            if q.kind is Kind.NUMBER and not strength and not _among_kind(figures, q, slot) and not _only_map(map_slots, slot, q):
                continue
            if q.kind is Kind.NUMBER and slot.reads.fraction and not cue_strength(slot.reads, q):
                continue  # 刘92 is a score, not a weight of 92%
            score = strength * 10 + kind_fit(slot.reads, q)
            if i not in chosen or score > chosen[i][0]:
                chosen[i] = (score, slot, _usual_name(slot, name, q.subject))
    positions = dict(figures)
    for i, (_, slot, name) in sorted(chosen.items(), key=lambda t: _rank(t[1][1], t[1][2], t[0])):
        q = positions[i]
        cumulative = re.search(rf"{re.escape(name)}(?:及|和|或)?以[上下]", q.subject)
        if cumulative:  # 技师及以上15人: several grades together, not 技师 alone
            out.problems.append(f"“{cumulative.group(0)}”是几个等级的合计，请分别给出各等级的数字")
        current: Any = out.get(slot.path) or ({} if slot.reads.shape is Shape.MAP else [])  # a map, or NUMBERED pairs
        if slot.reads.shape is Shape.NUMBERED:
            current.append([_number_in(name), q.value])
        else:
            if name in current and current[name] == as_field_value(slot.reads, q):  # 李工 under two departments
                out.problems.append(f"“{name}”列了两次（都是 {q.text}）：是同一个人重复列出，还是两个同名的人？")
            elif name in current:
                out.problems.append(f"“{name}”出现了两次（{plain(current[name])} 和 {q.text}），请确认用哪一个")
            current[name] = as_field_value(slot.reads, q)
        out.set(slot.path, current)
        out.placed[i] = slot.path
        if cue_strength(slot.reads, q) or name in slot.reads.usual_keys:
            out.cued.add(slot.path)
        if name in slot.reads.usual_keys:
            out.keyed.add(slot.path)


_CLASSIFIERS = ("等次", "等级", "档次", "级别", "类", "级", "档", "等")


def _without_its_sibling(out: Filled) -> None:
    """A field read only beside a sibling (人数 of those given a 系数) is no field when the sibling is
    empty: nothing is read or asked for it (部门三个人 beside scores is a head count to check against
    the list, 我们厂50人 no input at all)."""
    out.slots = [s for s in out.slots if not s.reads.only_with or out.get(s.reads.only_with)]


def _unchanged(q: Quantity) -> bool:
    """吴昊没变 says 吴昊's figure stays: a growth of 0 for a rate, never an entry of 0 for a member."""
    return q.kind is Kind.PERCENT and q.value == 0 and q.unit in lexicon().value_words


def _key_at_end(name: str, keys: set[str]) -> str:
    """我们车间中级工 → 中级工: a name ending in one of the field's own keys, after words that name
    no department of their own (一车间中级工 stays: it may be one department's count)."""
    key = max((k for k in keys if name.endswith(k)), key=len, default=None)
    return key if key and not looks_like_entity(core(name[:-len(key)]) or "") else name


def _usual_name(slot: Slot, name: str, subject: str = "") -> str:
    """优秀等次 → 优秀, 等次S → S, A等只能给前15% → A: a name or subject that holds exactly one of the
    field's usual names is that name."""
    keys = slot.reads.usual_keys
    if not keys or name in keys:
        return name
    for word in _CLASSIFIERS:
        bare = name.removeprefix(word).removesuffix(word)
        if bare in keys:
            return bare
    head = re.match(r"\s*([A-Za-z]|[\u4e00-\u9fa5]{1,4}?)(?:等次|等级|等|类|档|级)", subject)
    if head and head.group(1) in keys:
        return head.group(1)
    return name


def _rank(slot: Slot, name: str, position: int) -> tuple[int, int]:
    """Grades in their rank (优秀、合格、不合格 whatever order they were written in), others as written."""
    keys = slot.reads.usual_keys
    if slot.reads.ranked and name in keys:
        return (keys.index(name), position)
    return (len(keys), position) if slot.reads.ranked else (0, position)


def _names_an_item(figures: Figures, q: Quantity, name: str) -> bool:
    """浇花（包月）100分 with no 每次: still a price when later records count that item (浇花1个月)."""
    head = re.split(r"[（(]", name)[0]
    return len(head) >= 2 and not looks_like_entity(head) and any(p.start > q.start and head in p.subject and p.kind in (Kind.TIMES, Kind.MONTHS, Kind.PIECES, Kind.COUNT)
                                  for _, p in figures)


_INSIDE = ("内部个人", "内部", "部门内", "内", "里", "中")


def _fold_into_groups(out: Filled) -> None:
    """营销中心 5200 … 营销中心内部：甲 95 / 采购部/许晴/88: figures read flat that name a group
    (its own figure) or a group and a member belong in the groups, not beside them."""
    for group_slot in [s for s in out.slots if s.reads.shape is Shape.GROUPS and s.model is not None]:
        groups = out.get(group_slot.path)
        if not isinstance(groups, dict) or not groups:
            continue
        inner = slots(group_slot.model)  # type: ignore[arg-type]
        own = next((s.path for s in inner if s.reads.shape is Shape.VALUE), None)
        members = next((s.path for s in inner if s.reads.shape is Shape.MAP), None)
        flats = [s for s in out.slots if s.reads.shape is Shape.MAP and s.reads.kinds[:1] == group_slot.reads.kinds[:1]
                 and isinstance(out.get(s.path), dict)]
        names = set(groups) | {n for s in flats for n in out.get(s.path)}
        renamed: dict[str, dict[str, Any]] = {}
        for key, group in groups.items():  # 营销中心内部 is 营销中心 (kept in its place)
            base = next((n for n in names if n != key and key.startswith(n) and key[len(n):] in _INSIDE), key)
            merged = renamed.setdefault(base, {})
            for field_name, value in group.items():
                merged[field_name] = {**merged.get(field_name, {}), **value} if isinstance(value, dict) else value
        groups = renamed
        for flat in flats:
            left, folded = {}, False
            for name, value in out.get(flat.path).items():
                head, _, person = str(name).partition("/")
                if name in groups and own and groups[name].get(own) is None:
                    groups[name][own] = value
                    folded = True
                elif person and members:
                    groups.setdefault(head, {}).setdefault(members, {})[person] = value
                else:
                    left[name] = value
            if folded and own and left and all(looks_like_entity(str(n)) for n in left):
                for name, value in left.items():  # 运行部 4000 beside 设备部 6000: a group whose members are not listed
                    groups[name] = {own: value}
                left = {}
            out.set(flat.path, left or None)
        out.set(group_slot.path, groups)


def _snap_to_sibling_names(out: Filled, text: str) -> None:
    """小李是辅助岗按0.8折算: a name that holds exactly one of the names its sibling map lists is that
    name; 学徒按七折 (学徒小钟 350件): a role written just before exactly one listed name is that person."""
    for slot in out.slots:
        mapping, names = out.get(slot.path), out.get(slot.reads.keys_from) if slot.reads.keys_from else None
        if not isinstance(mapping, dict) or not isinstance(names, dict):
            continue
        snapped = {}
        for key, value in mapping.items():
            inside = [n for n in names if n in key] or [n for n in names if f"{key}{n}" in text]
            snapped[inside[0] if key not in names and len(inside) == 1 else key] = value
        out.set(slot.path, snapped)


def _only_map(map_slots: list[Slot], slot: Slot, q: Quantity) -> bool:
    """张三95.5，李四88: a named bare number goes to the one map that could take it."""
    return [s for s in map_slots if kind_fit(s.reads, q) and not s.reads.per] == [slot]


def _among_kind(figures: Figures, q: Quantity, slot: Slot) -> bool:
    """A bare number among members of the field's kind (小王1200，小李800件) is one of them."""
    return any(p.sentence == q.sentence and p.kind in slot.reads.kinds and p.kind is not Kind.NUMBER
               for _, p in figures)


def _number_in(name: str) -> Decimal | None:
    from .numerals import parse_numeral

    match = re.search(r"[0-9零〇一二两三四五六七八九十]+", name)
    return parse_numeral(match.group(0)) if match else None


_ASKED_KINDS = (Kind.PERCENTILE,)


def _one_run(fits: Figures, text: str, prefer: set[int] | None = None) -> Figures:
    """The longest run of figures written as one list (only joiners, or each item's own short label,
    between them: A公司9.6万、B公司10.8万), the longest holding a preferred figure when there is one."""
    runs: list[Figures] = []
    for i, q in fits:
        between = text[runs[-1][-1][1].end:q.start] if runs else ""
        labelled = re.fullmatch(r"[\s、，,;；]+([A-Za-z0-9\u4e00-\u9fa5]{1,6})\s*", between)
        next_row = re.fullmatch(r"[ \t]*\n[^\n]*[\t|｜][ \t]*", between)  # 1⇥甲⇥186⏎2⇥乙⇥210: one column of a pasted table
        if runs and (re.fullmatch(r"[\s、，,和及与/|｜;；]*", between) or labelled and q.name and labelled.group(1) == q.name or next_row):
            runs[-1].append((i, q))
        else:
            runs.append([(i, q)])
    chosen = [r for r in runs if prefer and any(i in prefer for i, _ in r)] or runs
    return max(chosen, key=len) if chosen else []


def _lists(figures: Figures, out: Filled, reading_text: str, ordinals: Sequence[Quantity] = ()) -> None:
    for slot in [s for s in out.slots if s.reads.shape is Shape.LIST and out.get(s.path) is None]:
        if Kind.ORDINAL in slot.reads.kinds:
            wanted = [q.value for q in ordinals if (re.search(r"预测|推算|推测|估算|估计|拟合|算一下|测一下|测算|估一下|查一下", reading_text[max(0, q.start - 8):q.start])
                                                   or re.match(r"[^，,。；;\n]{0,8}?(?:多少|几)", reading_text[q.end:]))
                      and not re.match(r"\s*[0-9零一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖]", reading_text[q.end:q.end + 2])]
            if wanted:
                out.set(slot.path, wanted)
                out.cued.add(slot.path)
                continue
        fits = [(i, q) for i, q in _free(figures, out) if kind_fit(slot.reads, q) and not q.total and not q.weak
                and not _avoided(slot.reads, q) and q.range_start is None and q.range_end is None]
        cued = {i for i, q in fits if cue_strength(slot.reads, q)}
        own = [(i, q) for i, q in fits if q.kind is slot.reads.kinds[0]]
        # 请算P50，另外给P25、P75: what is asked for, wherever it is written; 市场数据：6000、6400…: one run
        fits = own if slot.reads.kinds[0] in _ASKED_KINDS and own else _one_run(fits, reading_text, cued)
        if not fits or slot.reads.cues and len(fits) < 3 and not any(cue_strength(slot.reads, q) for _, q in fits):
            continue
        out.set(slot.path, list(dict.fromkeys(q.value for _, q in fits)) if slot.reads.kinds[0] in _ASKED_KINDS else [q.value for _, q in fits])
        for i, _ in fits:
            out.placed[i] = slot.path
        if slot.reads.kinds[0] not in _ASKED_KINDS:
            _trimmed(out, slot, reading_text)


_TRIM = re.compile(r"(?:剔除|去掉|去除|除去|排除|扣除|不算|不要)(?:掉)?(?:一个)?(最高|最低)(?:的|值|的那个)?"
                   r"(?:(?:和|、|及|与|跟|，|,)?(?:再?去掉)?(?:一个)?(最高|最低)(?:的|值|的那个)?)?")


def _trimmed(out: Filled, slot: Slot, text: str) -> None:
    """剔除最高的再算中位数 / 去掉一个最高一个最低: the samples named are left out, as asked (shown in the notes)."""
    values, trim = out.get(slot.path), _TRIM.search(text)
    if trim is None or not isinstance(values, list) or len(values) < 3:
        return
    kept, removed = list(values), []
    for end in filter(None, trim.groups()):
        removed.append(max(kept) if end == "最高" else min(kept))
        kept.remove(removed[-1])
    out.set(slot.path, kept)
    out.notes.append(f"{slot.label}按“{trim.group(0)}”去掉了 {'、'.join(plain(v) for v in removed)}")


def plain(value: Any) -> str:
    """A figure as the user would write it back: 500000, 0.3 (no separators, no trailing zeros)."""
    return format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)


# ---- shapes made of several figures ---------------------------------------------------------


def _ranges(figures: Figures, out: Filled) -> None:
    """Tiers: each clause with a range (or an open end, or a cap) and the rate that follows it."""
    for slot in [s for s in out.slots if s.reads.shape is Shape.RANGES]:
        tiers: list[dict[str, Decimal]] = []
        used: list[int] = []
        positions = dict(figures)
        relative = any(q.relative_to for _, q in figures)
        reference = _reference(figures, out, slot)
        # 目标1200万，超过部分在1500万以内: 1500万 is a threshold past the target, not an offset from it
        relative_offsets = relative and bool(reference) and not all(q.value >= reference for _, q in figures if q.relative_to)
        for i, q in figures:
            if kind_fit(slot.reads, q) == 0 or q.range_start is not None or q.kind in slot.reads.rate_kinds:
                continue
            end = q.range_end
            upper = positions.get(end) if end is not None else None
            is_open = q.open_above or q.bound == "min"
            is_cap = q.bound == "max" and upper is None
            if upper is None and not is_open and not is_cap:
                continue
            rate = _rate_after(figures, i if end is None or upper is None else end, slot.reads)
            if rate is None:
                continue
            offset = reference if relative_offsets else Decimal(0)
            low, high = (Decimal(0), q.value) if is_cap else (q.value, upper.value if upper else None)
            start = reference if is_cap else offset + low  # a cap ("X以内") starts where the target ends
            tiers.append({"from": start, **({"to": offset + high} if high is not None else {}), "rate": rate[1].value})
            used += [i, rate[0]] + ([end] if end is not None and upper is not None else [])
        if not tiers:
            out.placed = {k: v for k, v in out.placed.items() if v != slot.path + ".reference"}
        if tiers:
            tiers.sort(key=lambda t: t["from"])
            out.set(slot.path, tiers)
            for i in used:
                out.placed[i] = slot.path
            out.cued.add(slot.path)


def _reference(figures: Figures, out: Filled, slot: Slot) -> Decimal:
    """超出目标300万: the 目标 figure the offsets are counted from (0 when none is written)."""
    for i, q in figures:
        if q.range_end is None and q.range_start is None and not q.relative_to and "目标" in q.subject:
            out.placed[i] = slot.path + ".reference"
            return q.value
    return Decimal(0)


def _rate_after(figures: Figures, i: int, reads: Reads) -> tuple[int, Quantity] | None:
    anchor = dict(figures)[i]
    for j, q in figures:
        if j > i and q.kind in reads.rate_kinds and q.sentence == anchor.sentence:
            between = [p for k, p in figures if i < k < j]
            return (j, q) if not between else None
    return None


def _groups(figures: Figures, out: Filled, shape: _Model) -> None:
    """Two levels: members written under a department (其中…, （…）, 生产部：…, 生产部张三)."""
    for slot in [s for s in out.slots if s.reads.shape is Shape.GROUPS and s.model is not None]:
        sub = slots(slot.model)  # type: ignore[arg-type]
        own = next(s for s in sub if s.reads.shape is Shape.VALUE)
        inner = next(s for s in sub if s.reads.shape is Shape.MAP)
        words = own.reads.cues + inner.reads.cues
        parents = {q.parent for _, q in figures if q.parent}
        heads = {q.name: (i, q) for i, q in figures if q.name and not q.parent and not _avoided(own.reads, q)
                 and (kind_fit(own.reads, q) >= 2 or q.name in parents and kind_fit(own.reads, q))
                 and not (q.total and not looks_like_entity(q.name))}  # 车间合计8000分，其中一车间…: the whole, no department
        members = [(i, q) for i, q in figures  # 组长系数1.3，组员系数1.0: coefficients, neither a department nor its members
                   if q.parent and kind_fit(inner.reads, q) and not _avoided(inner.reads, q)
                   and (q.parent in heads or looks_like_entity(strip_cues(q.parent, words)))]
        if not members:
            continue
        groups: dict[str, dict[str, Any]] = {}
        for i, q in members:
            head = heads.get(q.parent)  # type: ignore[arg-type]
            key = strip_cues(head[1].name if head else q.parent, words + shape.cues) or q.parent  # type: ignore[arg-type]
            group = groups.setdefault(key, {})  # type: ignore[arg-type]
            if q.total:
                group.setdefault("stated", q.value)  # 小计: checked against the members below
            elif not (who := member_name(inner.reads, q, shape.cues) or q.name):
                group.setdefault(own.path, q.value)  # 3200	生产部: a figure written with its department alone is the department's
            else:
                group.setdefault(inner.path, {})[who] = q.value
            out.placed[i] = slot.path
        for name, (i, q) in heads.items():
            key = strip_cues(name, words + shape.cues) or name
            if i in out.placed:
                continue
            if key in groups or looks_like_entity(key):
                groups.setdefault(key, {})[own.path] = q.value
                out.placed[i] = slot.path
        if len(groups) == 1 and not any(own.path in g for g in groups.values()):
            for i in [i for i, p in out.placed.items() if p == slot.path]:
                del out.placed[i]  # 老大说按考核分来分：…: one heading over everyone is not a department
            continue
        for key, group in groups.items():
            stated = group.pop("stated", None)
            if own.path in group and sum(group.get(inner.path, {}).values(), Decimal(0)) > group[own.path]:
                out.problems.append(f"“{key}”成员积分之和 {plain(sum(group.get(inner.path, {}).values(), Decimal(0)))} 超过部门积分 "
                                    f"{plain(group[own.path])}，请核对")
            parts = sum(group.get(inner.path, {}).values(), Decimal(0))
            if stated is not None and stated != parts:
                out.problems.append(f"“{key}”成员积分小计 {plain(stated)} 与各人之和 {plain(parts)} 不一致，请确认")
        out.set(slot.path, groups)
        out.cued.add(slot.path)


_PERSON_MENTION = re.compile(r"[\u4e00-\u9fa5](?:师傅|大姐|大哥)|[\u4e00-\u9fa5]工(?=[\s是、，,；;。（(带兼和]|$)|(?:小|老|阿)(?!的|是|了|在)[\u4e00-\u9fa5]"
                             r"|(?:^|(?<=[\n、，,；;：:]))[甲乙丙丁戊己庚辛壬癸](?=[\s是、，,（(])", re.M)  # 丙 高级工: a placeholder name
_NOT_PERSONS = {"老师", "老师傅", "老板", "小组", "小时", "小计", "小班", "老年", "小型", "老化", "阿姨", "小于", "老工", "小工", "技工", "普工", "员工",
                "职工", "高级工", "中级工", "初级工", "学徒工", "操作工", "技术工", "老员", "小微", "小厂", "小企", "老厂"}
_LEADER_ROLES = ("班组长", "组长", "班长", "兼班组长")
_SPEECH = ("说", "讲", "讲的", "说的", "表示", "反映", "报")
_LEADS_A_TEAM = re.compile(r"(?:还是|还当着?|兼任?|当着?|担任|是)(?:班组长|组长|班长)")


def _positioned_tokens(text: str) -> list[tuple[str, str, int]]:
    """jieba's words with their flags and where each starts in the text."""
    from .bind import _tokens

    positioned, at = [], 0
    for word, flag in _tokens(text):
        at = text.find(word, at)
        positioned.append((word, flag, at))
        at += len(word)
    return positioned


def _word_bounds(text: str) -> set[int]:
    """Offsets where a word starts or ends: 各部门 is one word, so 各部 is no name."""
    return {b for word, _, at in _positioned_tokens(text) for b in (at, at + len(word))}


@lru_cache(maxsize=1024)
def people_named(text: str) -> tuple[tuple[str, int], ...]:
    """Persons named in the text, with positions: 老秦, 阿强, 小马, 张三 (jieba's person names).
    Cached: every calculator's reading of one message asks for the same text's people."""
    positioned = _positioned_tokens(text)
    bounds = {at for _, _, at in positioned}
    found = {m.start(): m.group(0) for m in _PERSON_MENTION.finditer(text) if m.group(0) not in _NOT_PERSONS
             and not any(m.group(0).endswith(w) for w in ("级工", "初级工", "普工", "员工", "职工"))
             and not (m.group(0).endswith("工") and (dictionary_word(m.group(0)) or m.start() not in bounds))}  # 钳工 is a trade; 岗位|技工
    for k, (word, flag, at) in enumerate(positioned):
        following = positioned[k + 1] if k + 1 < len(positioned) else ("", "", -1)
        if flag == "nr" and len(word) == 1 and 1 <= len(following[0]) <= 2 and following[2] == at + 1 \
                and following[1] in ("nr", "ns", "n", "nz", "a", "ng"):
            word = word + following[0]  # 周|建国: jieba splits a surname from its given name
        if flag not in ("nr", "nrfg") or len(word) < 2 or word in _NOT_PERSONS or word.endswith("工") and dictionary_word(word):
            continue  # 维修工 is a trade jieba sometimes tags as a name
        inside = [p for p, n in found.items() if at <= p and p + len(n) <= at + len(word)]
        if len(inside) == len([p for p, n in found.items() if p < at + len(word) and at < p + len(n)]):
            for p in inside:  # 王小明 over 小明
                del found[p]
            found[at] = word
    _rows_like_a_persons(text, found)
    return tuple(sorted(((name, pos) for pos, name in found.items()), key=lambda t: t[1]))


_ROW_HEAD = re.compile(r"^[ \t\u3000]*(?:[-•·*]|\d{1,2}[.、)）])?[ \t\u3000]*([\u4e00-\u9fa5]{2,3})(?=[ \t\u3000｜|，,])", re.M)  # a colon makes a label (薪级：15级), not a cell


_NAME_HEADER = re.compile(r"^[ \t\u3000]*(?:姓名|名字|员工姓名|职工姓名|员工|人员)(?=[ \t\u3000｜|，,])", re.M)


def _rows_like_a_persons(text: str, found: dict[int, str]) -> None:
    """向东 普工 现工资3000 ⏎ 向西 技工 现工资3600: lines of one list are alike, so the first cell of a
    line with a figure names a person when another line's first cell does."""
    heads = [m for m in _ROW_HEAD.finditer(text) if re.search(r"\d", text[m.end():text.find("\n", m.end()) % (len(text) + 1)])]
    header = _NAME_HEADER.search(text)  # 姓名 现岗位 现工资: the rows below start with names
    heads = [m for m in heads if not header or m.start() > header.start()]
    if not header and not any(m.start(1) in found for m in heads):
        return
    suffixes = lexicon().entity_suffixes
    for m in heads:
        name = m.group(1)
        if m.start(1) not in found and name not in _NOT_PERSONS and not name.endswith(tuple(suffixes)) and not dictionary_word(name):
            found[m.start(1)] = name


def _attribute_records(reading: Reading, figures: Figures, out: Filled, slot: Slot) -> bool:
    """Records of people described in words (老秦技师、带2徒；阿伟、阿杰是高级工；班组长阿强):
    each person takes the nearest attribute word of their clause, and the figures of their clause."""
    fields = slots(slot.model)  # type: ignore[arg-type]
    choices = [f for f in fields if f.reads.shape is Shape.CHOICE]
    values = [f for f in fields if f.reads.shape is Shape.VALUE]
    text = reading.normalised
    people = list(people_named(text))
    vocabulary = {w: v for f in choices for v, ws in _choice_words(f, out, text).items() for w in ws}
    words = sorted(vocabulary.items(), key=lambda t: -len(t[0]))
    if not people or not choices:
        return False
    # 老华普工: a name runs up to the attribute word written right after it (老华 + 普工)
    people = [(next((name[:k] for k in range(2, len(name)) for w in vocabulary if text.startswith(w, pos + k)), name), pos)
              for name, pos in people]
    named = {q.name for _, q in figures if q.name}
    people = [(n, p) for n, p in people if n not in named or any(q.name == n and q.kind in (Kind.PEOPLE, Kind.COUNT) for _, q in figures)]
    clause_of = {p: _clause_index(text, p) for _, p in people}
    records: dict[str, dict[str, Any]] = {}
    for name, pos in people:
        record = records.setdefault(name, {"name": name})
        right_after = next((v for w, v in words if re.match(rf"[ \t\u3000]?(?:是|为)?{re.escape(w)}", text[pos + len(name):])), None)
        level = right_after or _nearest_word(text, pos, words, clause_of[pos])  # 何师傅技师… 小沈高级工: 小沈's is the one after
        if level is not None:
            record[choices[0].path] = level
        clause_end = next((i for i in range(pos, len(text)) if text[i] in "；;。\n"), len(text))
        own_part = text[pos:clause_end]
        later = [p for _, p in people if p > pos]
        own_part = own_part[: (later[0] - pos) if later and later[0] < clause_end else len(own_part)]
        if any(text[max(0, pos - len(r)):pos] == r for r in _LEADER_ROLES) or _LEADS_A_TEAM.search(own_part):
            record["_leader"] = True  # 班组长阿强 / 周师傅…还是班组长
    if not records:
        return False
    for i, q in _free(figures, out):
        best = max(values, key=lambda f: cue_strength(f.reads, q) * 10 + kind_fit(f.reads, q))
        # 甲一 A岗 2050 under 姓名 现岗位 现工资: a record with one field of the figure's kind needs no cue
        only_field = len([f for f in values if kind_fit(f.reads, q)]) == 1 and bool(q.name)
        cued = cue_strength(best.reads, q) > 0
        if not (cued or only_field) or not kind_fit(best.reads, q) or q.weak and q.subject.endswith(("每", "每带")):
            continue  # 按每带一个每月300: the 一个 is the rate's unit, nobody's count
        owner = _owner(text, q, people)
        if owner is None and not cued:
            continue
        if owner is not None:
            if best.path not in records[owner]:
                records[owner][best.path] = as_field_value(best.reads, q)
                out.placed[i] = slot.path
        elif best.reads.kinds[0] is Kind.MONEY and any(r.get("_leader") for r in records.values()):
            for r in records.values():  # 班组长津贴每月四百 … 班组长阿强: a rate for those who lead a team
                if r.get("_leader"):
                    r[best.path] = as_field_value(best.reads, q)
            out.placed[i] = slot.path
    leader_fields = [f for f in values if any(c in _LEADER_ROLES for c in f.reads.cues)]
    for name, r in records.items():
        if r.pop("_leader", None) and leader_fields and leader_fields[0].path not in r:
            out.problems.append(f"“{name}”担任班组长，班组长津贴每月多少？")
    for field_slot in [f for f in values if f.required]:  # 王大力现在是操作员 (no pay written): asked, not computed without
        for name in [n for n, r in records.items() if field_slot.path not in r]:
            out.problems.append(f"“{name}”的{field_slot.label}是多少？")
    for choice in [c for c in choices if c.reads.items_from]:  # 老殷 叉车工: a post that is none of the new grades
        items = [s for s in out.slots if s.path == choice.reads.items_from]
        offered = "、".join(v for v in vocabulary.values() if v) if vocabulary else ""
        for name in [n for n, r in records.items() if choice.path not in r and offered]:
            out.problems.append(f"“{name}”的{choice.label}对应哪个{items[0].label if items else '等级'}？（{offered}）")
    out.set(slot.path, list(records.values()))
    out.cued.add(slot.path)
    return True


def _choice_words(field: Slot, out: Filled, text: str) -> dict[str, tuple[str, ...]]:
    """A choice's values and the words that name each. Values taken from a sibling's records (a
    person's 现岗位 among the new 岗位等级) are named by themselves, and by any word the text links
    to one with the field's cue (操作工套初级工、老秦现岗位操作工对应初级工)."""
    if not field.reads.items_from:
        return field.reads.choices
    names = [str(r.get("name")) for r in out.known(field.reads.items_from) or [] if isinstance(r, dict) and r.get("name")]
    words: dict[str, list[str]] = {n: [n] for n in names}
    tokens = [w for w, _, _ in _positioned_tokens(text)]
    for k, token in enumerate(tokens[:-2]):
        linked = next((n for n in names for cue in field.reads.cues
                       if tokens[k + 1] == cue and "".join(tokens[k + 2:k + 5]).startswith(n)), None)
        if linked and token not in names and len(token) >= 2 and re.fullmatch(r"[\u4e00-\u9fa5]+", token) and not people_named(token):
            words[linked].append(token)
    return {value: tuple(ws) for value, ws in words.items()}


def _clause_index(text: str, pos: int) -> int:
    return sum(1 for ch in text[:pos] if ch in "，,；;。\n")


def _nearest_word(text: str, pos: int, words: list[tuple[str, str]], clause: int) -> str | None:
    """The attribute word in brackets right after a person (李强（高级技师，…）), else the one of
    their clause nearest before them, else nearest after."""
    bracket = re.match(r"[^（(，,；;。\n]{0,4}[（(]([^）)]*)", text[pos:])
    if bracket:
        inside = [(bracket.group(1).find(w), v) for w, v in words if w in bracket.group(1)]
        if inside:
            return min(inside)[1]
    hits: list[tuple[int, str, str]] = []  # (position, value, word)
    for word, value in words:
        at = text.find(word)
        while at >= 0:
            covered = any(h[0] <= at < h[0] + len(h[2]) for h in hits)
            figure_after = re.match(r"[ \u3000]*(?:每月|每人|/月)?[ \u3000]*[0-9零一二两三四五六七八九十百]", text[at + len(word):at + len(word) + 4])
            if not covered and _clause_index(text, at) == clause and not figure_after:
                hits.append((at, value, word))
            at = text.find(word, at + 1)
    before = [h for h in hits if h[0] < pos]
    after = [h for h in hits if h[0] > pos]
    if before:
        return max(before)[1]
    if after:
        return min(after)[1]
    # 再加上小景，高级工，不带徒: the word in a following clause of the sentence that names no one else
    end = next((i for i in range(pos, len(text)) if text[i] in "；;。\n"), len(text))
    later = [(at, value) for word, value in words for at in [text.find(word, pos, end)] if at >= 0
             and not _PERSON_MENTION.search(text, text.rfind("，", pos, at) + 1 if text.rfind("，", pos, at) >= 0 else at, at)]
    return min(later)[1] if later else None


def _owner(text: str, q: Quantity, people: list[tuple[str, int]]) -> str | None:
    """The person a figure is about: in its own clause, else the last one named before it in its sentence."""
    clause = _clause_index(text, q.start)
    same = [n for n, p in people if _clause_index(text, p) == clause and p < q.start]
    if same:
        return same[-1]
    sentence_start = max(text.rfind(ch, 0, q.start) for ch in "；;。\n") + 1
    before = [n for n, p in people if sentence_start <= p < q.start]
    return before[-1] if before and not any(ch in "，," for ch in text[q.start - 1:q.start]) else None


def _records(figures: Figures, out: Filled, reading: Reading) -> None:
    """One record per name (岗位等级、人员), its fields from the figures written with that name."""
    for slot in [s for s in out.slots if s.reads.shape is Shape.RECORDS and s.model is not None]:
        if _attribute_records(reading, figures, out, slot):
            continue
        fields = [f for f in slots(slot.model) if f.reads.shape is Shape.VALUE]  # type: ignore[arg-type]
        choices = [f for f in slots(slot.model) if f.reads.shape is Shape.CHOICE]  # type: ignore[arg-type]
        # a figure of a person, or cued for a person's field (现工资), is no 岗位等级's
        people_fields = [f for s in out.slots if s is not slot and s.reads.shape is Shape.RECORDS and s.reads.people and s.model
                         for f in slots(s.model) if f.reads.shape is Shape.VALUE]
        siblings = [s for s in out.slots if s.reads.shape is Shape.VALUE]
        persons = [] if slot.reads.people else [n for n, _ in people_named(reading.normalised)]  # a grade is never a person
        vocabularies = {c.path: _choice_words(c, out, reading.normalised) for c in choices}
        records: dict[str, dict[str, Any]] = {}
        unnamed: list[tuple[int, Quantity, Slot]] = []
        written: dict[str, list[Quantity]] = {}
        for i, q in _free(figures, out):
            # the words beside the figure (起点薪级1) outrank the list's label (岗位工资：…) on a tie
            best = max(fields, key=lambda f: cue_strength(f.reads, q) * 10 + 5 * bool(contains_any(q.subject, f.reads.cues)) + kind_fit(f.reads, q))
            if q.weak or any(p in q.subject or p in (q.name or "") for p in persons) \
                    or max((cue_strength(f.reads, q) for f in people_fields), default=0) > cue_strength(best.reads, q):
                continue
            own = q.name and strip_cues(q.name, slot.reads.cues + best.reads.cues)
            name = own or (q.parent if q.parent and not q.total else None)  # 初级工 2300（起点薪级1）: the 1 is 初级工's
            sibling = _field_named(name or "", siblings, q, out)
            if sibling is not None:  # 基础1500 / 基础工资每人1500 beside the grades: the 基础工资, not a grade called 基础
                if out.get(sibling.path) is None:
                    _place(out, sibling, i, q)
                continue
            if not name and best is not fields[0] and contains_any(q.subject, best.reads.cues) and kind_fit(best.reads, q):
                unnamed.append((i, q, best))  # 技工岗位工资2000，起点薪级1: a further field of the record before it
            if not name or q.total:
                continue
            if not kind_fit(best.reads, q) or any(name in words for c in choices for words in c.reads.choices.values()):
                continue  # 技师5人: a count of a grade, not a person called 技师
            if any(name.startswith(w) for s in out.slots if s.reads.shape is Shape.CHOICE for ws in s.reads.choices.values() for w in ws):
                continue  # 按案例2 技师4个: 案例2 chooses the standard, it is nobody's name
            chosen = {}
            for choice in choices:  # 张三技师: the record's name without its 技能等级
                for value, words in vocabularies[choice.path].items():
                    if any(w in name for w in words) and name not in words:
                        name = core(name.replace(words[0], "")) or name
                        chosen[choice.path] = value
            name = strip_cues(name, best.reads.cues) or name
            written_with_figure = re.sub(r"[0-9.,，]+元?$", "", name)
            if written_with_figure in records:
                name = written_with_figure  # 初级工1500、中级工1800，起点薪级分别为1、2: the record written with its own figure
            if slot.reads.people and name in lexicon().entity_suffixes:
                continue  # 我们车间中级工12个: a count of a grade in the team, not a person called 车间
            if chosen and any(name == cue for s in out.slots for cue in s.reads.cues):
                continue  # 技师津贴每月400: 技师's rate, no person called 津贴
            record = records.setdefault(name, {"name": name})
            record.update(chosen)
            if best.path in record:
                continue
            record[best.path] = as_field_value(best.reads, q)
            out.placed[i] = slot.path
            written.setdefault(name, []).append(q)
        _fields_of_the_record_before(unnamed, records, written, out, slot)
        _choices_in_rows(reading.normalised, records, choices, vocabularies)
        records = _names_used_elsewhere(records, reading.normalised) if not slot.reads.people else records
        if records:
            out.set(slot.path, {k: {f: v for f, v in r.items() if f != "name"} for k, r in records.items()}
                    if slot.keyed else list(records.values()))
            if not slot.keyed and not slot.reads.people:
                _record_starts(reading, out, slot)
            if any(cue_strength(f.reads, q) for i, q in figures if out.placed.get(i) == slot.path for f in fields):
                out.cued.add(slot.path)


_HEAD_WORDS = ("工资", "津贴", "金额", "标准")


def _field_named(name: str, siblings: list[Slot], q: Quantity, out: Filled) -> Slot | None:
    """The single-value field a would-be record's name names: one of its cues, or a cue without its
    head word (基础 for 基础工资)."""
    for s in siblings:
        if not kind_fit(s.reads, q):
            continue
        for cue in s.reads.cues:
            short = next((cue[: -len(h)] for h in _HEAD_WORDS if cue.endswith(h) and len(cue) - len(h) >= 2), None)
            if len(cue) >= 3 and (name in (cue, short) or name.startswith(cue)):
                return s
    return None


def _fields_of_the_record_before(unnamed: list[tuple[int, Quantity, Slot]], records: dict[str, dict[str, Any]],
                                 written: dict[str, list[Quantity]], out: Filled, slot: Slot) -> None:
    """A figure written with a record's further field but no name (技工岗位工资2000，起点薪级1) is the
    field of the one record of its sentence that lacks it; with 都/均/一律 (起点薪级都是1), of every
    record that lacks it."""
    for i, q, field_slot in unnamed:
        lacking = [r for r in records.values() if field_slot.path not in r]
        if re.search(r"都|均|一律|统一|全部", q.subject + q.tail[:2]):
            chosen = lacking
        else:
            before = [r for r in lacking if any(p.sentence == q.sentence and p.start < q.start for p in written.get(r["name"], []))]
            chosen = before if len(before) == 1 else []
        for record in chosen:
            record[field_slot.path] = as_field_value(field_slot.reads, q)
        if chosen:
            out.placed[i] = slot.path


def _names_used_elsewhere(records: dict[str, dict[str, Any]], text: str) -> dict[str, dict[str, Any]]:
    """新方案岗位工资初级工1500 … 张三套初级工: a name put together by taking the field's words out
    (新方案初级工) is its longest ending the text uses again."""
    renamed: dict[str, dict[str, Any]] = {}
    for name, record in records.items():
        endings = (name[k:] for k in range(1, len(name) - 1) if text.count(name[k:]) >= 2 and name[k:] not in records)
        ending = next(endings, name) if name not in text else name  # only a name the reader put together
        renamed.setdefault(ending, {**record, "name": ending})
    return renamed


def _choices_in_rows(text: str, records: dict[str, dict[str, Any]], choices: list[Slot],
                     vocabularies: dict[str, dict[str, tuple[str, ...]]]) -> None:
    """马东｜技师｜2｜200: a record's attribute word written on its own line (a table row or a
    line of a list) when the line names no one else."""
    lines = text.split("\n")
    for name, record in records.items():
        own = [line for line in lines if name in line and not any(other != name and other in line for other in records)]
        if len(own) != 1:
            continue
        for choice in choices:
            if choice.path in record:
                continue
            found = [(own[0].find(w), -len(w), value) for value, words in vocabularies[choice.path].items() for w in words if w in own[0]]
            if found:
                record[choice.path] = min(found)[2]  # the first word, the longest there (高级技师 over 技师)


def _grid(figures: Figures, out: Filled) -> None:
    """name → {item: figure}: 甲接线30次, 丙接线10次、调试10次 (items named by another map)."""
    for slot in out.slots:
        if slot.reads.shape is not Shape.GRID or not slot.reads.items_from:
            continue
        items = out.known(slot.reads.items_from) or {}
        if not items:
            continue
        grid: dict[str, dict[str, Decimal]] = {}
        person = None
        for i, q in _free(figures, out):
            if not kind_fit(slot.reads, q) or q.total:
                continue
            item, label = _item_in(q.subject, items)
            if item is None:
                continue
            left = q.subject.split(label)[0]
            for other in sorted(items, key=len, reverse=True):  # 老杨巡线…抄表200户: 老杨, past his other item
                left = left.split(other)[0]
            who = core(left.replace("…", "")) or q.parent or (person[0] if person and person[1] == q.sentence else None)
            if not who:
                continue
            grid.setdefault(who, {})[item] = q.value
            person = (who, q.sentence)
            out.placed[i] = slot.path
        if grid:
            out.set(slot.path, grid)
            out.cued.add(slot.path)


def _plausible(out: Filled, reading: Reading) -> None:
    """Figures that cannot be used as written: an approximate amount (50来万) or an amount written
    bare and too small to be money in yuan (计件工资4.5: 4.5元? 4.5万?); 0 is 0 in any unit."""
    kinds = {s.path: s.reads.kinds for s in out.slots if s.reads.shape is Shape.VALUE}
    least = {s.path: s.reads.least for s in out.slots}
    amounts = [reading.quantities[i] for i in out.placed]
    for i, path in sorted(out.placed.items()):
        q = reading.quantities[i]
        if q.approx and not q.derived:
            out.problems.append(f"“{q.text}”是个约数，请给出准确的数字")
        elif q.kind is Kind.PERCENT and path not in kinds and re.search(r"(?:多给|多发|多加|上浮|提高|再加|多)[他她]?$", q.subject):
            out.problems.append(f"“{q.subject[-4:]}{q.text}”是在原来基础上加 {q.text}（系数 1 + {q.text}）吗？请确认")
        elif q.bound == "max" and not q.derived and (Kind.MONEY in kinds.get(path, ()) or _NOT_AS_MUCH.search(q.subject)):
            # 奖金不到10万 / 联动系数没有0.8那么高: a limit, not the figure (a quota 不超过四分之一 is one)
            word = ends_with_any(q.subject, lexicon().max_words) or ""  # the lexicon keeps its lists longest first
            out.problems.append(f"“{word}{q.text}{q.tail[:3] if not word else ''}”只说了上限，请给出确切的数字")
        elif path in kinds and re.match(r"以上|以下|出头", q.tail) and not q.derived:
            out.problems.append(f"“{q.text}{q.tail[:2]}”是个范围，请给出确切的数字")  # 技术技能人员占一半以上: 51%? 70%?
        elif q.kind is Kind.NUMBER and Kind.MONEY in kinds.get(path, ()) and not q.magnitude and q.value != 0 and (
                q.value < max(10, least.get(path, 0)) or any(p.money_sized and p.value >= 1000 * q.value for p in amounts)):
            # 计件工资4.5 / 年薪50万，基本年薪20: 20元 beside 50万 is 20万 or 20% — not for us to guess
            out.problems.append(f"“{q.text}”是多少钱？请写明单位（元、万元）")
        elif q.kind is Kind.NUMBER and not q.magnitude and {Kind.PEOPLE, Kind.COUNT} & set(kinds.get(path, ())) \
                and re.search(r"占了?$|占比$", q.subject):  # 技术的占了40: 40人 or 40%?
            out.problems.append(f"“{q.subject[-2:]}{q.text}”是人数还是百分比？请写明（如“{plain(q.value)}人”或“{plain(q.value)}%”）")


_NOT_AS_MUCH = re.compile(r"(?:没有|还没|没)$")


def _derived_notes(out: Filled, reading: Reading) -> None:
    labels = {s.path: s.label for s in out.slots}
    for i, path in sorted(out.placed.items()):
        q = reading.quantities[i]
        if q.corrects and path in labels:
            out.notes.append(f"{labels[path]}按更正后的 {q.text} 计算（原写 {q.corrects}）")
    for i, path in sorted(out.placed.items()):
        q = reading.quantities[i]
        if q.derived and path in labels:
            shown = format((q.value * 100).quantize(Decimal("0.01")).normalize(), "f") + "%" if q.kind is Kind.PERCENT else plain(q.value)
            out.notes.append(f"{labels[path]}{('“' + q.name + '”') if q.name and labels[path] != q.name else ''} {shown} 由“{q.text}”推算")


def _field_periods(out: Filled, reading: Reading) -> None:
    """A field for a year (年薪) given a monthly figure (基本年薪每月2万) counts it ×12 and says so;
    a monthly field given a yearly figure is asked about (÷12 is rarely what was meant)."""
    listed: dict[str, set[str]] = {}
    for i, path in out.placed.items():
        if reading.quantities[i].period:
            listed.setdefault(path, set()).add(reading.quantities[i].period)  # type: ignore[arg-type]
    for path, periods in listed.items():
        slot = next((s for s in out.slots if s.path == path), None)
        if slot is not None and slot.reads.shape is not Shape.VALUE and periods == {"month", "year"}:
            out.problems.append(f"{slot.label}里既有月薪又有年薪：年薪折成月薪按12个月还是13、14个月算？请统一成月薪或年薪再发")
    records = {s.path: s for s in out.slots if s.reads.shape is Shape.RECORDS and s.model is not None}
    for i, path in out.placed.items():  # 小艾 初级工 年收入4.8万 for a 现工资 kept by the month
        q, slot = reading.quantities[i], records.get(path)
        monthly = [f for f in slots(slot.model) if f.reads.period == "month"] if slot else []  # type: ignore[arg-type]
        if monthly and q.period == "year":
            out.problems.append(f"“{q.text}”是全年的金额，“{monthly[0].label}”要按月填写，请给出每月金额")
    by_path = {s.path: s for s in out.slots if s.reads.period}
    for i, path in out.placed.items():
        slot, q = by_path.get(path), reading.quantities[i]
        if slot is None or not q.period or q.period == slot.reads.period or slot.reads.shape is not Shape.VALUE:
            continue
        if slot.reads.period == "year":
            yearly = q.value * 12
            out.set(path, yearly)
            out.notes.append(f"{slot.label}按每月 {plain(q.value)} × 12 = {plain(yearly)} 元/年计算")
        else:
            out.problems.append(f"“{q.text}”是全年的金额，“{slot.label}”要按月填写，请给出每月金额")


# 环比 / 比上月 / 比前年: a change against another base than the year before
_OTHER_BASE = re.compile(r"环比|(?:比|较|对比)(?:上个?月|上季度?|上一?期|前年|前两年|两年前)|(?:前年|上个?月|上季度)(?:比|相比)")


def _growth_bases(out: Filled, reading: Reading) -> None:
    """工资总额环比增长2% / 利润比前年翻了一番: a growth rate compared year on year must be over last
    year; one over last month or two years is asked for again, never judged as it stands."""
    signed = {s.path for s in out.slots if s.reads.signed}
    for i, path in out.placed.items():
        q = reading.quantities[i]
        base = _OTHER_BASE.search(q.subject) if path in signed and not q.derived else None
        if base is None:
            continue
        against = "环比" if base.group(0) == "环比" else "与" + re.sub(r"^(?:比|较|对比)|(?:比|相比)$", "", base.group(0)) + "相比"
        out.problems.append(f"“{q.subject.strip()}{q.text}”是{against}的变化，请给出与上年相比（同比）的增长率")


# the question about an amount's period; the chat reads the answer to it (按月算)
PERIOD_ASKED = "是每月还是全年的金额"


def _same_period(out: Filled, reading: Reading, paths: tuple[str, ...]) -> None:
    """Amounts compared with each other must be for the same period: a monthly one among yearly
    ones is counted ×12, and the answer says so (月平均工资6500 vs 年薪20万)."""
    placed = {path: reading.quantities[i] for i, path in out.placed.items() if path in paths}
    period_of = {path: reading.quantities[i].period for i, path in sorted(out.placed.items(), reverse=True)
                 if path in paths and reading.quantities[i].period}  # a list's period is said once, at its first figure
    if set(period_of.values()) == {"year"}:  # 年平均工资9.2万 vs 每人发2.2万: far below a year's, likely a month's
        yearly = max(reading.quantities[i].value for i, path in out.placed.items() if path in paths and reading.quantities[i].period == "year")
        for q in placed.values():
            if q.period is None and q.kind in (Kind.MONEY, Kind.NUMBER) and 0 < q.value * 4 < yearly:
                out.problems.append(f"“{q.text}”{PERIOD_ASKED}？（与之比较的是全年的 {plain(yearly)} 元）")
        return
    if set(period_of.values()) != {"month", "year"}:
        return
    lists = [s for s in out.slots if s.path in placed and s.reads.shape is not Shape.VALUE]
    if lists:  # 同行月薪6000、6500… vs 我们年薪9万: ×12 or ×13 is the user's call, and a list would change as a whole
        by_period = {period: next(s.label for s in out.slots if s.path == path) for path, period in period_of.items()}
        out.problems.append(f"{by_period['month']}是月薪，{by_period['year']}是年薪：年薪折成月薪按12个月还是13、14个月算？"
                            "请统一成月薪或年薪再发")
        return
    for path, q in placed.items():
        if q.period == "month":
            yearly = q.value * 12
            out.set(path, yearly)
            label = next(s.label for s in out.slots if s.path == path)
            out.notes.append(f"{label}为月度金额，按 {plain(q.value)} × 12 = {plain(yearly)} 元/年与年度金额比较")


def _item_in(subject: str, items: dict[str, Any]) -> tuple[str | None, str]:
    """The price-list item a work record names, as written (登杆作业) or shortened (登杆, 换表 for 更换电表)."""
    written = [(subject.rfind(item), len(item), item) for item in items if item in subject]
    if written:
        item = max(written)[2]  # 老杨巡线30次抄表200户: the 200 is 抄表's, the item written nearest before it
        return item, item
    best: tuple[int, str | None, str] = (0, None, "")
    for item in items:
        for n in range(min(len(item), 4), 1, -1):
            for start in range(len(subject) - n + 1):
                label = subject[start:start + n]
                if _subsequence(label, item) and n > best[0]:
                    best = (n, item, label)
    return best[1], best[2]


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _lookups(reading: Reading, out: Filled) -> None:
    """查 班组长第八级 / 中级工第3级、高级工第5级: each position named with one of the records it looks up."""
    for slot in out.slots:
        if slot.reads.shape is not Shape.LOOKUP or slot.model is None or not slot.reads.items_from:
            continue
        records = out.known(slot.reads.items_from) or []
        names = sorted((r["name"] for r in records if isinstance(r, dict) and "name" in r), key=len, reverse=True)
        key, position = list(slot.model.model_fields)[:2]
        text = reading.normalised
        found: list[dict[str, Any]] = []
        for q in reading.ordinals:
            line = text[text.rfind("\n", 0, q.start) + 1:text.find("\n", q.start) % (len(text) + 1)]
            if re.search(r"[|｜\t]", line) or re.match(r"[ \t]*(?:是|为|:|：)?[ \t]*[0-9零一二两三四五六七八九十百千]", text[q.end:q.end + 3]):
                continue  # 电工 2500 | 第2级: a table's cell; 第1级80元: what the step is worth — neither is a question
            clause_start = max(text.rfind(ch, 0, q.start) for ch in "，,；;。\n、") + 1
            before = text[clause_start:q.start]
            placed = [(before.rfind(n), n) for n in names if n in before]
            name = max(placed)[1] if placed else None
            if _starts_a_record(q, text, name, records, out, slot.reads.items_from):
                continue  # 技师3000（第5级起）: where the grade starts, not a question
            if name is not None:
                found = [f for f in found if f[key] != name or not re.search(r"不对|等等|更正|应该是|改成|是第", text[q.start - 12:q.start])]
                found.append({key: name, position: q.value})
        if found:
            out.set(slot.path, found)


_ASKED_AT = re.compile(r"\s*(?:的)?(?:薪级工资|月工资|工资|薪酬|收入)?(?:能|可以|该|应该)?(?:拿|是|有|发|领|得)?(?:多少|几)")


def _starts_a_record(q: Quantity, text: str, name: str | None, records: list[Any], out: Filled, records_path: str) -> bool:
    """第5级起 / 从第1级起 / 起点薪级：一等岗第5级: a position a record starts at fills the record's own
    field for it (起点薪级) — one whose cue follows the position or labels its sentence."""
    model = next((s.model for s in out.slots if s.path == records_path), None)
    field_slot = next((f for f in slots(model) if Kind.LEVELS in f.reads.kinds), None) if model else None
    label = text[max(text.rfind(ch, 0, q.start) for ch in "；;。\n") + 1:q.start]
    if _ASKED_AT.match(text, q.end):
        return False  # …起点薪级都是第一级 … 技工第十级拿多少: a position asked about, whatever labels the sentence
    labelled = field_slot is not None and any(len(c) >= 2 and c in label for c in field_slot.reads.cues)
    if not (labelled or re.match(r"[ \t]*(?:起|开始)", text[q.end:q.end + 3]) or text[max(0, q.start - 1):q.start] in ("从", "自")):
        return False
    record = next((r for r in records if isinstance(r, dict) and r.get("name") == name), None)
    if field_slot is not None and record is not None and field_slot.path not in record:
        record[field_slot.path] = q.value
    return True


def _record_starts(reading: Reading, out: Filled, slot: Slot) -> None:
    """The starting positions written for records (初级工从第1级起) when no look-up field asks for positions."""
    records = out.get(slot.path)
    if not isinstance(records, list) or any(s.reads.shape is Shape.LOOKUP for s in out.slots):
        return
    names = sorted((r["name"] for r in records if isinstance(r, dict) and "name" in r), key=len, reverse=True)
    text = reading.normalised
    for q in reading.ordinals:
        before = text[max(text.rfind(ch, 0, q.start) for ch in "，,；;。\n、") + 1:q.start]
        placed = [(before.rfind(n), n) for n in names if n in before]
        if placed:
            _starts_a_record(q, text, max(placed)[1], records, out, slot.path)


_FOR_THOSE_LISTED = re.compile(r"各(?:能|自|得|拿|分|是|多少)|分别(?:能|拿|得|是多少|多少)|[他她这那]俩|[这那我](?:几|两|三)个|我们(?:两|三|几)个|能拿|能分|该拿|"
                               r"可以拿|拿多少|分多少|分到多少|应得")


def _totals(out: Filled, reading: Reading) -> None:
    """A stated 合计 must agree with its parts; a 总量 of the whole unit may exceed them."""
    for slot in out.slots:
        target = slot.reads.total_of
        stated = out.get(slot.path)
        parts = out.get(target) if target else None
        if stated is None or not isinstance(parts, dict) or not parts:
            continue
        total = sum((Decimal(v) for v in parts.values()), Decimal(0))
        index = next((i for i, p in out.placed.items() if p == slot.path), None)
        q = reading.quantities[index] if index is not None else None
        whole = q is not None and (contains_any(q.subject, _GROUP_WORDS) is not None or whole_unit(q.name or "")) and not any(
            p.kind in (Kind.COUNT, Kind.PEOPLE) and p.value == len(parts) and p.sentence == q.sentence and p.end <= q.start
            for p in reading.quantities)  # 两个部门合计6000分: the total of exactly the parts listed
        if stated == total:
            continue
        if stated < total or not whole:
            out.problems.append(f"您写的{slot.label} {plain(stated)} 与各项之和 {plain(total)} 不一致，请确认以哪个为准")
        elif len(parts) >= 2 and not _FOR_THOSE_LISTED.search(reading.normalised):
            # 全公司8000分，其中一部3000分、二部2600分，按积分分一下: whose are the other 2400, and are they paid?
            # (…其中王强630件、刘洋570件，他俩各多少？ asks for those listed only: the formula gives their shares)
            out.problems.append(f"{slot.label} {plain(stated)} 多于所列各项之和 {plain(total)}：其余 {plain(stated - total)} "
                                "是谁的、要不要一起分？请补全，或说明只算所列各项")
        else:
            out.notes.append(f"{slot.label} {plain(stated)} 多于所列各项之和 {plain(total)}：按指引公式只计算所列各项，其余未列出")
