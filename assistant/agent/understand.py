"""From a Chinese message to a calculator request: which calculator, with which inputs, and
what is still unclear — using only the shared reader and what each calculator declares.

No calculator has code here: a calculator is reachable from chat because its input fields say
how they are read (`knowledge.reader.fields.Reads`) and its input model names its topics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from knowledge.reader import Kind, Quantity, Reading, amount
from knowledge.reader.bind import CORRECTION, core
from knowledge.reader.fields import Shape, Slot, slots
from knowledge.reader.fill import PERIOD_ASKED, Filled, as_field_value, fill, kind_fit, people_named, plain

# With no figures, only these words ask for a calculation ("怎么算？" alone asks about the method).
_COMPUTE_WORDS = ("帮我算", "帮忙算", "给我算", "替我算", "算一下", "算算", "测算一下", "计算一下", "帮我测算", "帮我计算", "请计算",
                  "帮我检查一下", "帮我核对", "核算一下")
# Questions about the guideline itself: answered from the clauses when no figure is given.
_EXPLAIN = re.compile(r"什么是|是什么|什么叫|何为|指的是|含义|意思|怎么理解|有什么要求|有何要求|有哪些|规定|依据|哪一?条|为什么|"
                      r"是否|可不可以|能不能|可以吗|有没有|要不要|需不需要|怎么定|如何定|怎么设|如何设|一般")
# A follow-up changes the previous request: "要是奖金池改成45万呢？", "再加上质检部900分".
_FOLLOW_UP = re.compile(r"改成|改为|换成|调成|调到|变成|设为|定为|要是|如果|假如|假设|那么?|再加上|加上|再加|另外|还有|去掉|删掉|删除|"
                        r"不算|除去|去除|扣掉|呢[？?]?$|的话|应该是|[打写报填记算输录弄]错|更正|纠正|不对|有误|改一下|重新算|再算|"
                        r"还是按|还是用|还是照|改回|换回|恢复成?|算了")  # 算了，还是按20万算吧: back to the earlier figure
# Units that do not point at any calculator by themselves (money, percentages and head counts are everywhere).
_COMMON_KINDS = {Kind.NUMBER, Kind.MONEY, Kind.PERCENT, Kind.PEOPLE, Kind.COUNT}
_REMOVE = re.compile(r"(?:去掉|删掉|删除|不算|除去|去除|扣掉|剔除|移除)([\u4e00-\u9fa5A-Za-z0-9、和及]+)")


@dataclass
class Request:
    """A calculator chosen for a message, the inputs read for it, and what is missing or unclear."""

    name: str
    title: str
    filled: Filled
    score: float
    topics: int
    missing: list[Slot] = field(default_factory=list)
    unclear: list[str] = field(default_factory=list)
    evidence: int = 0  # topic words, cue words and distinctive units that point at this calculator

    @property
    def inputs(self) -> dict[str, Any]:
        return self.filled.values

    @property
    def complete(self) -> bool:
        return not self.missing and not self.unclear


def _registry() -> Any:
    import calculators

    return calculators


@lru_cache(maxsize=1)
def _topics() -> dict[str, tuple[str, ...]]:
    return {info.name: getattr(info.input_model, "reading_topics", ()) for info in _registry().list_calculators()}


def topic_hits(name: str, text: str) -> int:
    """Topic words written in the message; those that are part of the calculator's own title
    (回归 for 薪酬回归分析) count twice, since they name the calculation itself."""
    title = _titles().get(name, "")
    return sum(2 if word in title else 1 for word in _topics().get(name, ()) if word in text)


@lru_cache(maxsize=1)
def _titles() -> dict[str, str]:
    return {info.name: info.title for info in _registry().list_calculators()}


def wants_calculation(text: str) -> bool:
    return any(word in text for word in _COMPUTE_WORDS) or _REQUEST.search(text) is not None


# 帮我把职级和工资做个回归 / 请给我们排一下薪级: a request for work, however the work is named
_REQUEST = re.compile(r"(?:帮我|帮忙|给我|替我|请|麻烦你?)(?:们)?(?:把[^，,。？?]{0,20}?)?(?:做|算|测|排|列|出|弄|搞|核|定|拟|套)")


def is_explanation(text: str) -> bool:
    return bool(_EXPLAIN.search(text))


# 算了，还是按原来的 / 改回去 / 撤销刚才的修改: back to the inputs before the last change
_UNDO = re.compile(r"(?:还是|仍然|仍|就)(?:按|用)(?:照)?原来的|按原来的算|恢复原来|改回(?:去|来|原来)|撤销|撤回|不改了|还是原来的")


def is_undo(text: str) -> bool:
    return bool(_UNDO.search(text))


def restored(name: str, fields: dict[str, Any]) -> Request:
    """The request as it was before the last change, to be computed again."""
    info = _registry().get_calculator(name)
    filled = Filled(values=decimal_inputs(fields), slots=slots(info.input_model), notes=["已改回修改前的数字重新计算"])
    return Request(name, info.title, filled, 0.0, 0)


def is_follow_up(text: str) -> bool:
    return bool(_FOLLOW_UP.search(text))


# ---- choosing a calculator ----------------------------------------------------------------


def read_for(name: str, reading: Reading) -> Request:
    info = _registry().get_calculator(name)
    filled = fill(reading, info.input_model)
    text = reading.normalised
    topics = topic_hits(name, text)
    missing = _missing(info.input_model, filled)
    unclear = list(filled.problems) + [_leftover_question(q, filled) for q in filled.leftovers]
    # 年功工资按工龄 / 就近就低: a part of the request the chat does not read is said, never silently left out
    beyond: dict[str, str] = getattr(info.input_model, "reading_beyond", {})
    unclear += list(dict.fromkeys(reason for word, reason in beyond.items() if word in text))
    kinds = [reading.quantities[i].kind for i in filled.placed]
    exact = sum(1 for k in kinds if k is not Kind.NUMBER)
    distinctive = len({k for k in kinds} - _COMMON_KINDS)
    unused = sum(1 for i, q in enumerate(reading.quantities) if i not in filled.placed and not q.weak and q.kind is not Kind.DATE)
    # 应用研究岗位: a choice only this calculator needs, named in the text, points at it as a figure's unit would
    chosen = sum(1 for s in filled.slots if s.required and s.reads.shape is Shape.CHOICE and filled.get(s.path) is not None)
    score = (3 * min(topics, 4) + 2 * filled.cue_hits + exact + len(filled.placed) + 2 * distinctive + 2 * chosen
             - 3 * len(filled.leftovers) - unused - 2 * len(missing) - 2 * len(filled.problems))
    request = Request(name, info.title, filled, score, topics, missing, unclear)
    request.evidence = topics + filled.cue_hits + distinctive + len(filled.keyed)
    return request


def choose(reading: Reading) -> Request | None:
    """The calculator this message asks for, or None when it is not a calculation request."""
    if not reading.has_figures():
        return None
    requests = [read_for(info.name, reading) for info in _registry().list_calculators()]
    # 套改 reads people's pay beside grades, as a grade table does: only named by its own words is it meant
    viable = [r for r in requests if (r.filled.placed or r.filled.withdrawn) and (r.topics or r.evidence >= 2 and not _named_only(r.name))]
    if not viable:
        return None
    viable.sort(key=lambda r: r.score, reverse=True)
    best = viable[0]
    # 首席技师3人 listed as a grade of the best reading does not name the 首席技师 calculation
    listed = [str(k) for v in best.filled.values.values() if isinstance(v, dict) for k in v]
    unlisted = reading.normalised
    for name in sorted(listed, key=len, reverse=True):
        unlisted = unlisted.replace(name, "")
    named_elsewhere = max((topic_hits(r.name, unlisted) for r in requests if not r.filled.placed), default=0)
    if best.topics == 0 and named_elsewhere >= 2:
        return None  # the message names a calculation it gave no usable figures for: do not run another one
    return best


_SENTENCE = re.compile(r"[^。；;！!？?\n]+[。；;！!？?\n]*")
# 再看看…, 另外…, 顺便…, 第二…, 2、…: words that open a second request
_NEXT_REQUEST = re.compile(r"(?:还有|另外|另|再|顺便|然后|同时|以及|其次|此外|还要|还想|也帮|也请|第二|二是|[2２②][、.．)）]|(?:帮我|请)?(?:再|也))")


def separate_requests(text: str) -> list[Request]:
    """先帮我算下年功：…；再看看两个低于：… — two calculations asked in one message, each named by its
    own words in its own sentences: read apart, so that each figure stays with its calculation.
    [] unless every part, read alone, asks for the calculation its words name."""
    groups: list[tuple[str | None, str]] = []
    for sentence in _SENTENCE.findall(text):
        hits = {name: topic_hits(name, sentence) for name in _topics()}
        top = max(hits.values())
        leaders = [name for name, n in hits.items() if n == top]
        named = leaders[0] if top and len(leaders) == 1 else None
        if groups and (named is None or groups[-1][0] in (None, named)):
            groups[-1] = (groups[-1][0] or named, groups[-1][1] + sentence)  # no new calculation named: the same part
        else:
            groups.append((named, sentence))
    if len(groups) < 2 or len({name for name, _ in groups}) < len(groups) \
            or not all(_NEXT_REQUEST.match(part.lstrip()) for _, part in groups[1:]):
        return []  # (岗位工资表：…；薪级25级…: one table described part by part, no second request)
    for name, part in groups:  # 岗位工资…；薪级工资…: one calculation's words in another part make it one request
        if name is None or any(topic_hits(name, other) for _, other in groups if other is not part):
            return []
    from knowledge.reader import read

    whole = choose(read(text))
    if whole is not None and whole.name not in {name for name, _ in groups}:
        return []  # one calculation takes the whole message (a grade table's 岗位工资 and 薪级工资)
    requests = []
    for name, part in groups:
        reading = read(part)
        request = choose(reading) if name is not None and reading.has_figures() else None
        if request is None or request.name != name:
            return []
        requests.append(request)
    return requests


def _named_only(name: str) -> bool:
    return bool(getattr(_registry().get_calculator(name).input_model, "reading_named_only", False))


def start_without_figures(text: str) -> Request | None:
    """"帮我算一下超额利润分享": the calculator named by its topic words, every input missing;
    "按案例4的标准算技能津贴：老何技师，老钱高级工": people described in words are inputs too."""
    best = max(_topics(), key=lambda name: (topic_hits(name, text), -list(_topics()).index(name)))
    if topic_hits(best, text) == 0:
        return None
    from knowledge.reader import read

    request = read_for(best, read(text))
    described = any(request.filled.get(s.path) not in (None, {}, []) for s in request.filled.slots
                    if s.reads.shape in (Shape.RECORDS, Shape.GROUPS))
    if described:
        # with no figure written, every amount comes from a standard: it must be the one the user named
        unnamed = [s for s in request.filled.slots if s.reads.shape is Shape.CHOICE and request.filled.get(s.path) is None]
        request.unclear += [f"按哪一种{s.label}计算？（{'、'.join(words[0] for words in s.reads.choices.values())}）" for s in unnamed]
        return request
    return read_for(best, read("")) if wants_calculation(text) else None


def _missing(model: Any, filled: Filled) -> list[Slot]:
    """Required inputs not read, and alternatives of which none was read (起点+级差 or 最低+最高)."""
    begun = {s.within for s in filled.slots if s.within and filled.get(s.path) not in (None, {}, [])}
    missing = [s for s in filled.slots if s.required and filled.get(s.path) in (None, {}, [])
               and s.reads.shape not in (Shape.CHOICE, Shape.FLAG) and (s.within is None or s.within in begun)]
    missing += [s for s in filled.slots if s.required and s.reads.shape is Shape.CHOICE and filled.get(s.path) is None
                and model.model_fields[s.name].default is None and model.model_fields[s.name].is_required()]
    missing += _alternatives(model, filled)
    missing += _half_comparisons(model, filled)
    return list({s.path: s for s in missing}.values())


def _half_comparisons(model: Any, filled: Filled) -> list[Slot]:
    """平均工资增长4% with no 劳动生产率: a figure given for a comparison that is nowhere complete asks
    for its partner, rather than judging half a condition (总部 vs 全部职工 completes 平均工资's)."""
    comparisons: tuple[tuple[str, ...], ...] = getattr(model, "reading_comparisons", ())
    by_path = {s.path: s for s in filled.slots}
    given = {p for c in comparisons for p in c if filled.get(p) is not None}
    complete = [c for c in comparisons if all(p in given for p in c)]
    out: list[Slot] = []
    for path in sorted(given):
        if not any(path in c for c in complete):
            first = next(c for c in comparisons if path in c)
            out += [by_path[p] for p in first if p not in given and p in by_path]
    return out


def _alternatives(model: Any, filled: Filled) -> list[Slot]:
    sets: tuple[tuple[str, ...], ...] = getattr(model, "reading_alternatives", ())
    if not sets:
        return []
    by_path = {s.path: s for s in filled.slots}
    for paths in sets:
        if all(filled.get(p) not in (None, {}, []) for p in paths):
            return []
    # the set closest to complete says what is missing
    best = max(sets, key=lambda ps: sum(filled.get(p) is not None for p in ps))
    return [by_path[p] for p in best if filled.get(p) is None and p in by_path]


def _leftover_question(q: Quantity, filled: Filled) -> str:
    fits = [s.label for s in filled.slots if q.kind in s.reads.kinds or q.kind is Kind.NUMBER and s.reads.shape is Shape.VALUE]
    where = f"（“{q.subject}{q.text}”）" if q.subject else ""
    options = "、".join(dict.fromkeys(fits[:4]))
    cue = {s.path: max((len(c) for c in s.reads.cues if len(c) >= 2 and c in q.subject), default=0) for s in filled.slots} if not fits else {}
    slot = max(filled.slots, key=lambda s: cue[s.path], default=None) if cue else None
    if slot is not None and cue[slot.path]:  # 职工人数比上年多了30人: about a field that wants a rate, not a count (the longest cue says which)
        example = f"（{slot.reads.ask}）" if slot.reads.ask else ""
        return f"“{q.subject}{q.text}”说的是{slot.label}，但这一项要的不是“{q.text}”这样的数字：请换算后给出{slot.label}{example}"
    return f"“{q.text}”{where}不确定是哪一项{('：是' + options + '中的哪一个？') if options else '，请说明它的含义'}"


# ---- follow-ups ------------------------------------------------------------------------------


def follow_up(name: str, previous: dict[str, Any], complete: bool, reading: Reading, unclear: list[str] | None = None) -> Request | None:
    """The previous request changed or completed by this message, or None when the message is a
    new request (another calculator, or a complete request of its own)."""
    text = reading.normalised
    standalone = choose(reading) if reading.has_figures() else None
    if standalone is not None and standalone.name != name and standalone.topics and (standalone.complete or not is_follow_up(text)):
        return None
    if complete and standalone is not None and standalone.complete and not is_follow_up(text) \
            and not (standalone.name == name and _names(standalone.filled.values) <= _names(previous) != set()):
        return None  # (蒋姐兼班组长，每月班组长津贴200: only people already listed — it adds to them)
    info = _registry().get_calculator(name)
    update = fill(reading, info.input_model, context=previous)
    _known_members(update, previous, reading)
    _apply_changes(update, previous, reading)
    # a choice, a flag or a look-up (那技师第20级呢) changes the request without a figure being placed
    changed_choice = any(update.get(s.path) not in (None, [], _get_path(previous, s.path))
                         for s in update.slots if s.reads.shape in (Shape.CHOICE, Shape.FLAG, Shape.LOOKUP))
    moved = _moved_positions(update, previous, reading)
    added = _added_member(text, previous) if not reading.has_figures() else None
    if added and not update.placed:  # 再加上小C / 把新来的阿辉也算进去: a member added with nothing to count them by
        member = _members_given_before(update, previous)
        who = added
        if member is not None and who:
            filled = Filled(values=_deep_copy(previous), slots=update.slots)
            return Request(name, info.title, filled, 0.0, topic_hits(name, text), [],
                           [f"“{who}”的{member.label}是多少？（没有它的数字，无法把{who}算进去）"])
    wanted = [s for s in update.slots if s.reads.shape is Shape.VALUE and _get_path(previous, s.path) is None
              and any(len(c) >= 2 and c in text for c in s.reads.cues)] if not reading.has_figures() else []
    if wanted and not update.placed:  # 我们公司的放进去比一比: a field not given yet, named with no figure
        filled = Filled(values=_deep_copy(previous), slots=update.slots)
        asks = [f"{s.label}是多少？" + (f"（{s.reads.ask}）" if s.reads.ask else "") for s in wanted]
        return Request(name, info.title, filled, 0.0, topic_hits(name, text), [], asks)
    period = _period_answer(update.slots, previous, unclear or [], text) if not reading.has_figures() else None
    if period is not None:  # 按月算, after “2.2万”是每月还是全年的金额？
        values, note = period
        filled = Filled(values=values, slots=update.slots, notes=[note] if note else [])
        still = [u for u in unclear or [] if _PERIOD_ASKED.search(u) is None]
        return Request(name, info.title, filled, 0.0, topic_hits(name, text), _missing(info.input_model, filled), still)
    described = _record_choice(update.slots, previous, text) if not update.placed and not changed_choice else None
    if described is not None:  # 他是技师, after 没有给出李师傅的技能等级
        filled = Filled(values=described, slots=update.slots)
        return Request(name, info.title, filled, 0.0, topic_hits(name, text), _missing(info.input_model, filled), [])
    if not reading.has_figures() and not update.placed and not changed_choice and not moved and not _REMOVE.search(text):
        asked = _change_without_figure(text, previous, update, added)
        if asked is not None:  # 采购部的分要改一下 / 那小张呢 / 要是他再多干几年: the change is meant, its figure is not given
            filled = Filled(values=_deep_copy(previous), slots=update.slots)
            return Request(name, info.title, filled, 0.0, topic_hits(name, text), [], [asked])
    whose = _whose_entry(update, previous, reading) if not update.placed else None
    if whose is not None:  # 系数改成0.9, when several people have a 系数: whose?
        filled = Filled(values=_deep_copy(previous), slots=update.slots)
        return Request(name, info.title, filled, 0.0, topic_hits(name, text), [], [whose])
    if not update.placed and is_follow_up(text):
        _the_only_field_of_its_kind(update, previous, reading)  # 那如果是4万呢: the one amount given before that a 4万 can be
    if not update.placed and not changed_choice and not moved and not _REMOVE.search(text):
        return None
    merged = _without_replaced_alternatives(merge(previous, update, text), update, info.input_model)
    for path, entries in moved.items():
        _set_path(merged, path, entries)
    filled = Filled(values=merged, placed=update.placed, leftovers=update.leftovers, problems=update.problems,
                    cued=update.cued, slots=update.slots, notes=update.notes)
    questions = list(update.problems) + [_leftover_question(q, update) for q in update.leftovers]
    questions += _changes_without_figures(update, previous, reading)
    # a question asked before stays open unless this message restates the figure it was about
    restated = {format(q.value.normalize(), "f") for q in reading.quantities}
    questions += [u for u in unclear or [] if not any(f"“{v}" in u for v in restated)]
    return Request(name, info.title, filled, 0.0, topic_hits(name, text), _missing(info.input_model, filled), questions)


_PERIOD_ASKED = re.compile(rf"“(.+?)”{PERIOD_ASKED}")
_MONTHLY = re.compile(r"按月|每月|月薪|一个月|是月|月的|月度")
_YEARLY = re.compile(r"按年|全年|年薪|一年|是年|年的|年度")


def _whose_entry(update: Filled, previous: dict[str, Any], reading: Reading) -> str | None:
    """A figure named by a per-member field (系数改成0.9) with no member named, after a request that
    lists that field per member: the change is meant for someone — asked, never applied to a guess."""
    for q in reading.quantities:
        for slot in update.slots:
            entries = _get_path(previous, slot.path)
            if slot.reads.shape is Shape.MAP and isinstance(entries, dict) and entries \
                    and any(len(c) >= 2 and c in q.subject for c in slot.reads.cues):
                shown = "、".join(f"{k} {_plain(v)}" for k, v in list(entries.items())[:6])
                return f"“{q.subject.strip()}{q.text}”是改谁的{slot.label}？（现有：{shown}）"
    return None


def _period_answer(model_slots: list[Slot], previous: dict[str, Any], unclear: list[str], text: str) -> tuple[dict[str, Any], str] | None:
    """按月算 / 是全年的, answering “2.2万”是每月还是全年的金额: a month's amount is counted ×12 (and said)."""
    asked = next((m for m in map(_PERIOD_ASKED.search, unclear) if m), None)
    monthly, yearly = _MONTHLY.search(text), _YEARLY.search(text)
    if asked is None or bool(monthly) == bool(yearly):
        return None
    figure = amount(asked.group(1))
    slot = next((s for s in model_slots if s.reads.shape is Shape.VALUE and figure is not None
                 and _get_path(previous, s.path) is not None and Decimal(str(_get_path(previous, s.path))) == figure), None)
    if slot is None or figure is None:
        return None
    values = _deep_copy(previous)
    if yearly:
        return values, ""
    _set_path(values, slot.path, figure * 12)
    return values, f"{slot.label}按每月 {_plain(figure)} × 12 = {_plain(figure * 12)} 元/年计算"


def _record_choice(model_slots: list[Slot], previous: dict[str, Any], text: str) -> dict[str, Any] | None:
    """他是技师 / 李师傅是高级技师: a word for a listed person's attribute (their 技能等级), given to the
    person named, or to the one person still without it; None when it is not that."""
    for slot in model_slots:
        records = _get_path(previous, slot.path)
        if slot.reads.shape is not Shape.RECORDS or slot.model is None or not isinstance(records, list):
            continue
        for attribute in (f for f in slots(slot.model) if f.reads.shape is Shape.CHOICE):
            said = {value: word for value, words in attribute.reads.choices.items() for word in words if word in text}
            said = {v: w for v, w in said.items() if not any(w != o and w in o for o in said.values())}  # 高级技师, not 技师
            named = [i for i, r in enumerate(records) if isinstance(r, dict) and r.get("name") and str(r["name"]) in text]
            lacking = [i for i, r in enumerate(records) if isinstance(r, dict) and r.get(attribute.name) in (None, "")]
            target = named if len(named) == 1 else lacking if len(lacking) == 1 and not named else []
            if len(said) == 1 and len(target) == 1:
                values = _deep_copy(previous)
                _get_path(values, slot.path)[target[0]][attribute.name] = next(iter(said))
                return values
    return None


def _without_replaced_alternatives(merged: dict[str, Any], update: Filled, model: Any) -> dict[str, Any]:
    """基本年薪占30% … 基本年薪改成12万: a field given now replaces the earlier one it is an alternative
    to (two fields that are never read together), instead of leaving both for the calculator to refuse."""
    sets: tuple[tuple[str, ...], ...] = getattr(model, "reading_alternatives", ())
    single = {s.path for s in update.slots if s.reads.shape is Shape.VALUE}
    given = set(update.placed.values()) & single  # (a map of members given again is merged, not swapped)
    for field_name in {f for st in sets for f in st} & given:
        for other in {f for st in sets for f in st} - given - {field_name}:
            if other in merged and not any(field_name in st and other in st for st in sets):
                merged.pop(other)
    return merged


def _the_only_field_of_its_kind(update: Filled, previous: dict[str, Any], reading: Reading) -> None:
    """A follow-up's lone figure with no words of its own goes to the one single-figure field given
    before that takes its kind (万 amounts: the one money field); with two such fields it stays a question."""
    if len(update.leftovers) != 1:
        return
    q = update.leftovers[0]
    if not (q.kind is Kind.MONEY or q.kind is Kind.NUMBER and q.money_sized) or any(name in reading.normalised for name in _names(previous)):
        return  # 老严那个数报错了 是650件: about a member, not the one amount
    fits = [s for s in update.slots if s.reads.shape is Shape.VALUE and isinstance(_get_path(previous, s.path), (int, float, Decimal))
            and Kind.MONEY in s.reads.kinds]
    if len(fits) == 1:
        update.set(fits[0].path, as_field_value(fits[0].reads, q))
        update.placed[reading.quantities.index(q)] = fits[0].path
        update.leftovers = []


_CHANGE = re.compile(r"加|减|增|降|改|调|换|变|多|少|提高|提升|涨|升|都是|也是|全是")
_UNCHANGED = re.compile(r"[不没未别无]\S?(?:变|改|动|调)|照旧|同上|保持")  # 总额不变: said to stay as it was


# a number left vague where a figure belongs (几年, 十几个, 一些, 多一点)
_VAGUE = re.compile(r"[几数若][十百千万]?(?:年|个|件|分|元|块|万|人|档|级|天|月|次|点|倍)|[十百千万]几|一些|一点|些许|稍微")


def _members_given_before(update: Filled, previous: dict[str, Any]) -> Slot | None:
    """The last list of members given before (a price list of items comes before the work records)."""
    return next((s for s in reversed(update.slots) if s.reads.shape in _MEMBER_SHAPES and _get_path(previous, s.path)), None)


def _change_without_figure(text: str, previous: dict[str, Any], update: Filled, added: str | None) -> str | None:
    """A follow-up that changes the last calculation but gives no figure to change it by — a vague
    amount, a member already listed, or a new person — is asked about, not refused or recomputed."""
    if is_explanation(text):
        return None
    changing = bool(_CHANGE.search(text) or is_follow_up(text))
    vague = _VAGUE.search(text)
    if vague and changing:
        return f"“{vague.group()}”具体是多少？请给出数字，我再重算"
    member = _members_given_before(update, previous)
    named = [n for n in sorted(_names(previous), key=len, reverse=True) if len(n) >= 2 and n in text]
    if named and changing and not _UNCHANGED.search(text):
        what = f"的{member.label}" if member is not None else "的数字"
        return f"“{named[0]}”{what}要改成多少？请给出数字，我再重算"
    if added and member is None:  # 那小张呢: a person the last calculation did not have, by its per-person fields
        asked = [s.label for s in update.slots if s.reads.shape is Shape.VALUE and not s.required
                 and _get_path(previous, s.path) is not None]
        return f"“{added}”的{'、'.join(asked) or '数字'}是多少？请告诉我，我再计算"
    return None


def _changes_without_figures(update: Filled, previous: dict[str, Any], reading: Reading) -> list[str]:
    """对象再加10个，加的都是技术岗: a clause with no figure that speaks of changing another field
    already given may change it too — ask how, rather than keep its old figure."""
    starts = [q.start for q in reading.quantities]
    questions = []
    for clause in reading.clauses:
        if any(clause.start <= s < clause.end for s in starts) or not _CHANGE.search(clause.text) \
                or _UNCHANGED.search(clause.text):
            continue
        slot = _given_field_named(update, previous, clause.text)
        if slot is not None:
            before = _plain(_get_path(previous, slot.path))
            questions.append(f"“{clause.text.strip()}”：{slot.label}（原为 {before}）也要改吗？请告诉我改成多少")
    return questions


def _given_field_named(update: Filled, previous: dict[str, Any], words: str) -> Slot | None:
    """The first single-figure field, given before and untouched by this message, that `words` name."""
    placed = set(update.placed.values())
    for slot in update.slots:
        before = _get_path(previous, slot.path)
        if slot.reads.shape is Shape.VALUE and slot.path not in placed and isinstance(before, (int, float, Decimal)) \
                and not isinstance(before, bool) and any(len(c) >= 2 and c in words for c in slot.reads.cues):
            return slot
    return None


_ADDED_MEMBER = re.compile(r"(?:再|还|另外)?(?:加上|加入|添上|补上|还有|再加)([\u4e00-\u9fa5A-Za-z0-9]{1,8}?)(?:呢|吧|吗|啊|$|[，,。？?！!])")


def _added_member(text: str, previous: dict[str, Any]) -> str | None:
    """The member a message adds: named after 加上/还有…, or a person not yet listed."""
    written = _ADDED_MEMBER.search(text)
    if written and core(written.group(1)):
        return core(written.group(1))
    known = _names(previous)
    return next((name for name, _ in people_named(text) if name not in known), None)


_MEMBER_SHAPES = (Shape.MAP, Shape.RECORDS, Shape.GROUPS, Shape.GRID)
# 再加10万 / 又多带了(一个徒弟) / 再多干(3年) / 再干6年 / 又做了200件: more than before, the verb after
# 多 saying of what; 再 before a verb of work adds that much work (再改成, 再按 restate instead)
_MORE = re.compile(r"(?:(?:再|又|还|多)?(?:增加|加上|加|多|增|添|提高|上调|涨)|(?:再|又|还)多[\u4e00-\u9fa5]{1,2}?"
                   r"|(?:再|又)(?:干|做|工作|待|熬|带|跑|卖|生产|完成|加班)(?:上|满)?)了?$")
_LESS = re.compile(r"(?:再|又|还)?(?:减少|减去|减|少|降低|下调|扣|降)了?$")


_FREED = re.compile(r"(?:多出来|多出|剩下|剩余|省下|空出|腾出|减下来|降下来)的?$")
_TO = re.compile(r"^(?:都|全部|全)?(?:加给|补给|挪给|转给|分给|加到|给)([^，,。；;？?！!]+)")


_RESTATED = re.compile(r"(?:是|为|成|到|按)$")


def _known_members(update: Filled, previous: dict[str, Any], reading: Reading) -> None:
    """丙班也报错了，是460: a figure left unread in a sentence that names exactly one member of the
    previous inputs is that member's new figure (where that member's figure was)."""
    for q in list(update.leftovers):
        said = q.topic + q.subject
        named = [n for n in _names(previous) if n in said]
        # a restated figure (是460, 应为460, 改成460), or a change by an amount (B组违纪，要扣200分)
        change = 1 if _MORE.search(q.subject) else -1 if _LESS.search(q.subject) else 0
        if len(named) != 1 or not change and not _RESTATED.search(q.subject):
            continue
        slot = next((s for s in update.slots if s.reads.shape is Shape.MAP and isinstance(_get_path(previous, s.path), dict)
                     and named[0] in _get_path(previous, s.path) and kind_fit(s.reads, q)), None)
        if slot is None:
            continue
        current = update.get(slot.path) or {}
        old = Decimal(str(_get_path(previous, slot.path)[named[0]]))
        current[named[0]] = old + change * abs(q.value) if change else q.value
        if change:
            update.notes.append(f"“{named[0]}”按 {_plain(old)} {'+' if change > 0 else '−'} {_plain(abs(q.value))} = {_plain(current[named[0]])} 计算")
        update.set(slot.path, current)
        update.placed[next(i for i, p in enumerate(reading.quantities) if p is q)] = slot.path
        update.leftovers.remove(q)


def _names(data: Any) -> set[str]:
    """The people, departments and items named in a calculator's inputs (map keys, records' names)."""
    if isinstance(data, list):
        return set().union(*(_names(v) for v in data)) if data else set()
    if not isinstance(data, dict):
        return set()
    found = {data["name"]} if isinstance(data.get("name"), str) else set()
    found |= {str(k) for k in data if not _FIELD_NAME.fullmatch(str(k))}  # field names are snake_case
    for value in data.values():
        found |= _names(value)
    return found


_FIELD_NAME = re.compile(r"[a-z][a-z0-9_]*")


def _apply_changes(update: Filled, previous: dict[str, Any], reading: Reading) -> None:
    """技师再增加5人 / 池子再加10万 after a calculation: a change to a figure already given
    (old + 5), not a new figure; 多出来的10%给营业收入: the freed share goes to a member already
    listed. Both shown in the notes."""
    by_path = {s.path: s for s in update.slots}
    for i, path in update.placed.items():
        q, slot = reading.quantities[i], by_path.get(path)
        moved = _TO.match(q.tail) if _FREED.search(q.subject) else None
        new_map, old_map = update.get(path), _get_path(previous, path)
        if moved and isinstance(new_map, dict) and isinstance(old_map, dict) and q.name in new_map:
            target = core(moved.group(1).removesuffix("呢").removesuffix("吧"))
            if target in old_map and q.name not in old_map:
                del new_map[q.name]
                base = new_map.get(target, old_map[target])
                new_map[target] = Decimal(str(base)) + q.value
                shown = _percent if q.kind is Kind.PERCENT else _plain
                update.notes.append(f"“{target}”按 {shown(base)} + {shown(q.value)} = {shown(new_map[target])} 计算")
                continue
        old_value = _get_path(previous, path)
        if slot is not None and slot.reads.shape is Shape.VALUE and q.text in _SCALING and isinstance(old_value, (int, float, Decimal)) \
                and not isinstance(old_value, bool):
            update.set(path, Decimal(str(old_value)) * _SCALING[q.text])  # 提取比例减半: half of the 20% given, not 50%
            shown = _percent if q.kind is Kind.PERCENT or slot.reads.kinds[0] is Kind.PERCENT else _plain
            update.notes.append(f"{slot.label}按 {shown(old_value)} × {_plain(_SCALING[q.text])} = {shown(update.get(path))} 计算")
            continue
        sign = 1 if _MORE.search(q.subject) else -1 if _LESS.search(q.subject) else 0
        if CORRECTION.search(reading.normalised[:q.start]):
            sign = 0  # 不对 每级是加150: the figure said again, corrected — not 150 more
        if sign and slot is not None:
            update.problems += _other_fields_named(update, previous, reading, q)
        if slot is None or not sign or slot.reads.signed or q.kind is Kind.PERCENT and slot.reads.kinds[0] is not Kind.PERCENT:
            continue
        old, new = _get_path(previous, path), update.get(path)
        step = sign * abs(q.value)
        if slot.reads.shape is Shape.VALUE and isinstance(old, (int, float, Decimal)) and not isinstance(old, bool):
            update.set(path, Decimal(str(old)) + step)
            update.notes.append(f"{slot.label}按 {_plain(old)} {'+' if sign > 0 else '−'} {_plain(abs(q.value))} = {_plain(Decimal(str(old)) + step)} 计算")
        elif isinstance(old, dict) and isinstance(new, dict):
            name = next((k for k, v in new.items() if k in old and v == q.value or k in old and v == abs(q.value)), None)
            if name is not None and isinstance(old[name], (int, float, Decimal)):
                new[name] = Decimal(str(old[name])) + step
                update.notes.append(f"“{name}”按 {_plain(old[name])} {'+' if sign > 0 else '−'} {_plain(abs(q.value))} = {_plain(new[name])} 计算")
        elif isinstance(old, list) and isinstance(new, list):
            _change_record(old, new, q, step, update)


def _change_record(old: list[Any], new: list[Any], q: Quantity, step: Decimal, update: Filled) -> None:
    """苏师傅又多带了一个徒弟: the field of a listed person's record that the figure was read into
    becomes their old figure plus the change."""
    before = {r.get("name"): r for r in old if isinstance(r, dict)}
    for record in new:
        was = before.get(record.get("name")) if isinstance(record, dict) else None
        field_name = next((k for k, v in record.items() if k != "name" and v == abs(q.value)), None) if was else None
        if was is not None and field_name is not None:
            base = was.get(field_name) or 0
            if isinstance(base, (int, float, Decimal, str)) and not isinstance(base, bool):
                record[field_name] = Decimal(str(base)) + step
                update.notes.append(f"“{record['name']}”按 {_plain(base)} {'+' if step > 0 else '−'} {_plain(abs(q.value))} = {_plain(record[field_name])} 计算")


_SCALING = {"减半": Decimal("0.5"), "砍半": Decimal("0.5"), "翻倍": Decimal(2), "翻番": Decimal(2), "翻一番": Decimal(2)}


def _other_fields_named(update: Filled, previous: dict[str, Any], reading: Reading, q: Quantity) -> list[str]:
    """再加5个技术骨干进分红名单: a change that names a second field already given may change it too."""
    clause = reading.clauses[q.clause].text if q.clause < len(reading.clauses) else q.subject
    slot = _given_field_named(update, previous, clause)
    if slot is None:
        return []
    return [f"“{clause.strip()}”：{slot.label}（原为 {_plain(_get_path(previous, slot.path))}）也要跟着改吗？请告诉我改成多少"]


def _percent(value: Any) -> str:
    return f"{plain(Decimal(str(value)) * 100)}%"


def _plain(value: Any) -> str:
    return plain(Decimal(str(value)))


def _moved_positions(update: Filled, previous: dict[str, Any], reading: Reading) -> dict[str, Any]:
    """"那他升到第15级呢": a position named alone moves the one look-up asked before."""
    moved = {}
    for slot in update.slots:
        before = _get_path(previous, slot.path)
        if slot.reads.shape is Shape.LOOKUP and update.get(slot.path) is None and len(reading.ordinals) == 1 \
                and isinstance(before, list) and len(before) == 1 and slot.model is not None:
            position = list(slot.model.model_fields)[1]
            moved[slot.path] = [{**before[0], position: reading.ordinals[0].value}]
    return moved


def merge(previous: dict[str, Any], update: Filled, text: str) -> dict[str, Any]:
    """The previous inputs with what the follow-up changes: single values replaced, members
    added or corrected, members named after 去掉/删除 removed."""
    merged = _deep_copy(previous)
    groups = [_get_path(merged, s.path) for s in update.slots if s.reads.shape is Shape.GROUPS]
    relocated = {slot.path for slot in update.slots
                 if slot.reads.shape is Shape.MAP and _correct_in_place(groups, previous, slot.path, update.get(slot.path))}
    for slot in update.slots:
        value = update.get(slot.path)
        if value in (None, {}, []) or slot.path in relocated:
            continue
        if slot.reads.shape is Shape.FLAG and value is False:
            continue
        _set_path(merged, slot.path, _merge_value(_get_path(merged, slot.path), value, text))
    for slot in update.slots:  # "大家报价以后登杆降到250": a longer name holding one known name is that one
        old, new = _get_path(previous, slot.path), update.get(slot.path)
        if isinstance(old, dict) and isinstance(new, dict) and slot.path not in relocated:
            renamed = {}
            for key, value in new.items():
                known = [k for k in old if k in key] if key not in old else []
                renamed[known[0] if len(known) == 1 else key] = value
            _set_path(merged, slot.path, {**old, **renamed})
    removed = [n for m in _REMOVE.finditer(text) for n in re.split(r"[、和及]", m.group(1)) if n]
    if any(n.startswith(("它", "他", "她", "这个", "那个")) for n in removed):
        removed += [n for n in _names(previous) if n in text]  # 综合部这次不参加了，去掉它
    for slot in update.slots:
        current = _get_path(merged, slot.path)
        if isinstance(current, dict):
            for name in removed:
                current.pop(name, None)
    return merged


def _correct_in_place(groups: list[Any], previous: dict[str, Any], path: str, value: Any) -> bool:
    """装配部的刘B改成700分 after a two-level allocation: every name given is already known once as
    a department's member, so it is corrected there rather than added as a one-level entry."""
    old = _get_path(previous, path)
    if not isinstance(value, dict) or not value or isinstance(old, dict) and any(k in old for k in value):
        return False
    holders = {key: _holders(groups, key) for key in value}
    if any(len(found) != 1 for found in holders.values()):
        return False
    for key, found in holders.items():
        found[0][key] = value[key]
    return True


def _holders(data: Any, key: str) -> list[dict[str, Any]]:
    """The maps, anywhere in the inputs, that hold `key` with a single figure."""
    found: list[dict[str, Any]] = []
    if isinstance(data, dict):
        if isinstance(data.get(key), (int, float, Decimal, str)) and not isinstance(data.get(key), bool):
            found.append(data)
        for value in data.values():
            found += _holders(value, key)
    elif isinstance(data, list):
        for value in data:
            found += _holders(value, key)
    return found


_ADD = re.compile(r"再加|加上|加一个|加一家|加进去|加入|补充|新增|又收到|又有|增加一")


def _merge_value(old: Any, new: Any, text: str = "") -> Any:
    if isinstance(old, dict) and isinstance(new, dict):
        return {**old, **new}
    if isinstance(old, list) and isinstance(new, list) and not _records(new) and _ADD.search(text):
        return old + new  # 再加一个样本12500: the list grows
    if _records(old) and _records(new):  # people or grades: updated by name, new ones added
        merged = {r["name"]: dict(r) for r in old}
        for record in new:
            merged.setdefault(record["name"], {}).update(record)
        return list(merged.values())
    return new


def _records(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(r, dict) and "name" in r for r in value)


def _deep_copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _deep_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_deep_copy(v) for v in value]
    return value


def _get_path(data: dict[str, Any], path: str) -> Any:
    current: Any = data
    for part in path.split("."):
        if not isinstance(current, dict):
            return None
        current = current.get(part)
    return current


def _set_path(data: dict[str, Any], path: str, value: Any) -> None:
    parts = path.split(".")
    for part in parts[:-1]:
        data = data.setdefault(part, {})
    data[parts[-1]] = value


def decimal_inputs(data: Any) -> Any:
    """Inputs kept in a session (JSON) come back as text; numbers are exact Decimals again."""
    if isinstance(data, dict):
        return {k: decimal_inputs(v) for k, v in data.items()}
    if isinstance(data, list):
        return [decimal_inputs(v) for v in data]
    if isinstance(data, str) and re.fullmatch(r"-?\d+(?:\.\d+)?", data):
        return Decimal(data)
    return data
