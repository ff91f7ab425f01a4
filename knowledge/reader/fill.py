"""Placing the figures of a reading into the fields of a model, by kind and by the words around
each figure — the same engine for every calculator and every fact sheet of the review.

Nothing is invented: every value placed is a figure of the text (or a word choice it makes).
A figure of a kind the model takes that cannot be placed with confidence is returned as a
leftover, and an inconsistent total as a problem, so the caller asks instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from .bind import core
from .fields import Reads, Shape, Slot, slots
from .lexicon import lexicon
from .models import Kind, Quantity, Reading

# Kinds a bare number may stand for, when the words around it say which field it fills.
_BARE_OK = {Kind.MONEY, Kind.SCORE, Kind.PIECES, Kind.PEOPLE, Kind.COUNT, Kind.LEVELS, Kind.YEARS,
            Kind.MULTIPLE, Kind.NUMBER, Kind.TIMES, Kind.PERCENT}
_SUM_WORDS = ("合计", "总计", "共计", "一共", "总共", "小计", "加起来", "总和", "共有")


@dataclass
class Filled:
    """What was placed where, and what could not be."""

    values: dict[str, Any] = field(default_factory=dict)
    placed: dict[int, str] = field(default_factory=dict)  # index of a quantity → slot path
    leftovers: list[Quantity] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    cue_hits: int = 0  # figures placed because their words named the field
    slots: list[Slot] = field(default_factory=list)

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


# ---- matching a figure to a field ------------------------------------------------------------


def cue_strength(reads: Reads, q: Quantity) -> int:
    """Length of the longest cue of the field written around the figure (0: none)."""
    around = q.subject + "|" + q.tail + "|" + (q.per or "")
    return max((len(c) for c in reads.cues if c in around), default=0)


def _avoided(reads: Reads, q: Quantity) -> bool:
    return any(word in q.subject or word in q.tail for word in reads.avoid)


def kind_fit(reads: Reads, q: Quantity) -> int:
    """3 for the field's own kind, 2 for another kind it takes, 1 for a bare number, 0 for none."""
    if q.kind in reads.kinds:
        return 3 if q.kind is reads.kinds[0] else 2
    if q.kind is Kind.NUMBER and any(k in _BARE_OK for k in reads.kinds):
        return 1
    return 0


def member_name(reads: Reads, q: Quantity) -> str | None:
    """The member a figure belongs to, once the field's own words are taken out of its name."""
    if not q.name:
        return None
    name = q.name
    for cue in sorted(reads.cues, key=len, reverse=True):
        if len(cue) >= 2 or name.endswith(cue):
            name = name.replace(cue, "") if len(cue) >= 2 else name[: -len(cue)]
    name = core(name.strip("的 "))
    if not name or name in lexicon().not_names:
        return None
    return name


def _value_ok(slot: Slot, q: Quantity) -> bool:
    r = slot.reads
    if kind_fit(r, q) == 0 or _avoided(r, q) or q.weak and not cue_strength(r, q):
        return False
    if r.every is True and not q.every or r.every is False and q.every:
        return False
    if r.per and q.per not in r.per and not cue_strength(r, q):
        return False
    if not r.per and q.per and r.every is not True:
        return False
    if r.total is True and not q.total or r.total is False and q.total:
        return False
    if q.range_end is not None or q.range_start is not None:
        return r.shape is Shape.RANGES
    return True


# ---- the engine -----------------------------------------------------------------------------


def fill(reading: Reading, model: type[BaseModel]) -> Filled:
    """Fill `model`'s readable fields from `reading`."""
    out = Filled(slots=slots(model))
    figures = [(i, q) for i, q in enumerate(reading.quantities) if q.kind is not Kind.DATE]
    _choices(reading, out)
    _ranges(figures, out)
    _groups(figures, out)
    _records(figures, out)
    _values(figures, out)
    _maps(figures, out)
    _lists(figures, out)
    _totals(out, reading)
    takes = {k for s in out.slots for k in s.reads.kinds} | {Kind.NUMBER}
    out.leftovers = [q for i, q in figures if i not in out.placed and not q.weak and q.kind in takes]
    return out


def _choices(reading: Reading, out: Filled) -> None:
    text = reading.normalised
    for slot in out.slots:
        r = slot.reads
        if r.shape is Shape.CHOICE:
            found = [(text.find(w), value) for value, words in r.choices.items() for w in words if w in text]
            if found:
                out.set(slot.path, min(found)[1])
        elif r.shape is Shape.FLAG and any(w in text for words in r.choices.values() for w in words):
            out.set(slot.path, True)


def _free(figures: list[tuple[int, Quantity]], out: Filled) -> list[tuple[int, Quantity]]:
    return [(i, q) for i, q in figures if i not in out.placed]


def _values(figures: list[tuple[int, Quantity]], out: Filled) -> None:
    """One figure per field: by the field's words first, then by kind when only one fits."""
    value_slots = [s for s in out.slots if s.reads.shape is Shape.VALUE and out.get(s.path) is None]
    scored = []
    for slot in value_slots:
        for i, q in _free(figures, out):
            if not _value_ok(slot, q):
                continue
            strength = cue_strength(slot.reads, q)
            named = member_name(slot.reads, q)
            if named and not q.total and strength == 0:
                continue  # a member's figure (张三120分) is not a single value
            if strength:
                scored.append((strength * 10 + kind_fit(slot.reads, q), -i, slot, i, q))
    taken: set[str] = set()
    for score, _, slot, i, q in sorted(scored, key=lambda t: (t[0], t[1]), reverse=True):
        if slot.path in taken or i in out.placed:
            continue
        rivals = [t for t in scored if t[2] is slot and t[3] != i and t[3] not in out.placed and t[0] == score]
        if rivals and not _same_value(q, rivals):
            out.problems.append(f"“{slot.label}”可能是 {q.text}，也可能是 {rivals[0][4].text}，请说明是哪一个")
        _place(out, slot, i, q)
        taken.add(slot.path)
        out.cue_hits += 1
    _by_kind(figures, out, [s for s in value_slots if s.path not in taken])


def _same_value(q: Quantity, rivals: list[tuple[Any, ...]]) -> bool:
    return all(t[4].value == q.value for t in rivals)


def _by_kind(figures: list[tuple[int, Quantity]], out: Filled, open_slots: list[Slot]) -> None:
    """A field left open takes the one free figure of its exact kind, when no other field could."""
    for slot in open_slots:
        fits = [(i, q) for i, q in _free(figures, out)
                if q.kind in slot.reads.kinds and _value_ok(slot, q) and not member_name(slot.reads, q)]
        rivals = [s for s in open_slots if s is not slot and out.get(s.path) is None
                  and any(q.kind in s.reads.kinds and _value_ok(s, q) for _, q in fits)]
        if len(fits) == 1 and not rivals:
            _place(out, slot, *fits[0])


def _place(out: Filled, slot: Slot, i: int, q: Quantity) -> None:
    out.set(slot.path, _as_field_value(slot.reads, q))
    out.placed[i] = slot.path


def _as_field_value(reads: Reads, q: Quantity) -> Decimal:
    value = q.value
    if Kind.PERCENT in reads.kinds and q.kind is Kind.NUMBER and reads.fraction and value > 1:
        return value / 100  # 权重40 with the field's percent words: 40%
    return value


def _maps(figures: list[tuple[int, Quantity]], out: Filled) -> None:
    """name → figure, for every free figure that belongs to a member; competing maps go by words."""
    map_slots = [s for s in out.slots if s.reads.shape in (Shape.MAP, Shape.NUMBERED) and out.get(s.path) is None]
    chosen: dict[int, tuple[int, Slot, str]] = {}
    for slot in map_slots:
        for i, q in _free(figures, out):
            name = member_name(slot.reads, q)
            if name is None or q.total or q.parent or kind_fit(slot.reads, q) == 0 or _avoided(slot.reads, q):
                continue
            if slot.reads.shape is Shape.NUMBERED and _number_in(name) is None:
                continue
            score = cue_strength(slot.reads, q) * 10 + kind_fit(slot.reads, q)
            if q.kind is Kind.NUMBER and not cue_strength(slot.reads, q) and not _list_of_kind(figures, q, slot):
                continue
            if i not in chosen or score > chosen[i][0]:
                chosen[i] = (score, slot, name)
    for i, (_, slot, name) in sorted(chosen.items()):
        q = dict(figures)[i]
        current = out.get(slot.path) or ({} if slot.reads.shape is Shape.MAP else [])
        if slot.reads.shape is Shape.NUMBERED:
            current.append([_number_in(name), q.value])
        else:
            if name in current:
                out.problems.append(f"“{name}”出现了两次（{_fmt(current[name])} 和 {q.text}），请确认用哪一个")
            current[name] = _as_field_value(slot.reads, q)
        out.set(slot.path, current)
        out.placed[i] = slot.path
        out.cue_hits += bool(cue_strength(slot.reads, q))


def _list_of_kind(figures: list[tuple[int, Quantity]], q: Quantity, slot: Slot) -> bool:
    """A bare number among members of the field's kind (小王1200，小李800件) is one of them."""
    return any(p.sentence == q.sentence and p.kind in slot.reads.kinds and p.kind is not Kind.NUMBER
               for _, p in figures)


def _number_in(name: str) -> Decimal | None:
    from .numerals import parse_numeral

    match = re.search(r"[0-9零〇一二两三四五六七八九十]+", name)
    return parse_numeral(match.group(0)) if match else None


def _lists(figures: list[tuple[int, Quantity]], out: Filled) -> None:
    for slot in [s for s in out.slots if s.reads.shape is Shape.LIST and out.get(s.path) is None]:
        fits = [(i, q) for i, q in _free(figures, out) if kind_fit(slot.reads, q) and not q.total and not _avoided(slot.reads, q)]
        if slot.reads.cues and not any(cue_strength(slot.reads, q) for _, q in fits):
            if len(fits) < 3:
                continue
        if len(fits) >= 1:
            out.set(slot.path, [q.value for _, q in fits])
            for i, _ in fits:
                out.placed[i] = slot.path


def _fmt(value: Any) -> str:
    return format(value, "f") if isinstance(value, Decimal) else str(value)


# ---- shapes made of several figures ---------------------------------------------------------


def _ranges(figures: list[tuple[int, Quantity]], out: Filled) -> None:
    """Tiers: each clause with a range (or an open end) and a rate."""
    for slot in [s for s in out.slots if s.reads.shape is Shape.RANGES]:
        tiers, used = [], []
        qs = dict(figures)
        relative = any(q.relative_to for _, q in figures)
        reference = _reference(figures, out, slot) if relative else Decimal(0)
        for i, q in figures:
            if kind_fit(slot.reads, q) == 0 or q.range_start is not None:
                continue
            upper = qs.get(q.range_end) if q.range_end is not None else None
            is_open = q.open_above or q.bound == "min"
            is_cap = q.bound == "max" and upper is None
            if upper is None and not is_open and not is_cap:
                continue
            rate = _rate_after(figures, i if upper is None else q.range_end, slot.reads)
            if rate is None:
                continue
            low, high = (Decimal(0), q.value) if is_cap else (q.value, upper.value if upper else None)
            tiers.append({"from": reference + low, **({"to": reference + high} if high is not None else {}),
                          "rate": rate[1].value})
            used += [i, rate[0]] + ([q.range_end] if upper is not None else [])
        if tiers:
            tiers.sort(key=lambda t: t["from"])
            out.set(slot.path, tiers)
            for i in used:
                out.placed[i] = slot.path


def _reference(figures: list[tuple[int, Quantity]], out: Filled, slot: Slot) -> Decimal:
    """超出目标300万: the 目标 figure the offsets are counted from (0 when none is written)."""
    for i, q in figures:
        if q.range_end is None and q.range_start is None and not q.relative_to and "目标" in q.subject:
            out.placed[i] = slot.path + ".reference"
            return q.value
    return Decimal(0)


def _rate_after(figures: list[tuple[int, Quantity]], i: int, reads: Reads) -> tuple[int, Quantity] | None:
    anchor = dict(figures)[i]
    for j, q in figures:
        if j > i and q.kind in reads.rate_kinds and q.sentence == anchor.sentence:
            between = [p for k, p in figures if i < k < j]
            return (j, q) if not between else None
    return None


def _groups(figures: list[tuple[int, Quantity]], out: Filled) -> None:
    """Two levels: members written under a department (其中…, （…）, 生产部：…)."""
    for slot in [s for s in out.slots if s.reads.shape is Shape.GROUPS and s.model is not None]:
        members = [(i, q) for i, q in figures if q.parent and kind_fit(slot.reads, q) and q.name]
        if not members:
            continue
        sub = {s.name: s for s in slots(slot.model)}  # type: ignore[arg-type]
        own, inner = next(iter(sub.values())), list(sub.values())[-1]
        groups: dict[str, dict[str, Any]] = {}
        for i, q in members:
            group = groups.setdefault(q.parent, {})  # type: ignore[arg-type]
            group.setdefault(inner.path, {})[member_name(inner.reads, q) or q.name] = q.value
            out.placed[i] = slot.path
        for i, q in figures:
            if q.name in groups and not q.parent and kind_fit(own.reads, q) and i not in out.placed:
                groups[q.name][own.path] = q.value  # type: ignore[index]
                out.placed[i] = slot.path
        for i, q in figures:  # departments with no members listed keep their own figure
            if i in out.placed or q.parent or not q.name or q.total or not kind_fit(own.reads, q):
                continue
            if any(p.sentence == q.sentence for _, p in members) or groups:
                name = member_name(own.reads, q)
                if name:
                    groups.setdefault(name, {})[own.path] = q.value
                    out.placed[i] = slot.path
        out.set(slot.path, groups)
        out.cue_hits += 1


def _records(figures: list[tuple[int, Quantity]], out: Filled) -> None:
    """One record per name (岗位等级、人员), its fields from the figures written with that name."""
    for slot in [s for s in out.slots if s.reads.shape is Shape.RECORDS and s.model is not None]:
        fields = slots(slot.model)  # type: ignore[arg-type]
        key = next((f for f in fields if f.reads.shape is Shape.CHOICE and f.name == "name"), None)
        records: dict[str, dict[str, Any]] = {}
        for i, q in figures:
            name = q.name and member_name(slot.reads, q)
            if not name or q.total or i in out.placed:
                continue
            best = max(fields, key=lambda f: (cue_strength(f.reads, q) * 10 + kind_fit(f.reads, q)) if f.reads.shape is Shape.VALUE else -1)
            if best.reads.shape is not Shape.VALUE or not kind_fit(best.reads, q):
                continue
            name = member_name(best.reads, q.with_(name=name)) or name
            record = records.setdefault(name, {"name": name})
            if best.path in record:
                continue
            record[best.path] = _as_field_value(best.reads, q)
            out.placed[i] = slot.path
        del key
        if records:
            out.set(slot.path, list(records.values()))
            out.cue_hits += 1


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
        summed = q is not None and any(w in q.subject for w in _SUM_WORDS)
        if stated == total:
            continue
        if stated < total or summed:
            out.problems.append(
                f"您写的{slot.label} {_fmt(stated)} 与各项之和 {_fmt(total)} 不一致，请确认以哪个为准"
            )
