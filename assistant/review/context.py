"""Whom the scheme is for: ownership, region and staff, read from the scheme's own description of
the company (or set by the reviewer), each with the sentence it rests on, so the report can open
with what was assumed and why."""

from __future__ import annotations

import re
from decimal import Decimal

from .applicability import Context, Ownership, StaffKind, region_words
from .models import Assumption
from .scheme import Scheme, Sentence
from .words import words

_PLACE = re.compile(r"(?:位于|地处|注册地|总部设在|总部位于|坐落于)([\u4e00-\u9fa5]{2,10}?(?:省|市|州|县|区|新区|开发区))")
_TITLE_PLACE = re.compile(r"^[#\s]*([\u4e00-\u9fa5]{2,3})某某")


def read_context(scheme: Scheme, ownership: Ownership | None = None, region: str | None = None) -> tuple[Context, list[Assumption]]:
    """The company context and the assumptions behind it; `ownership`/`region` override the scheme."""
    found_ownership, why_ownership = _ownership(scheme)
    if ownership is not None:
        owner = Assumption(topic="所有制", value=ownership.value, reason="由审查人指定", given=True)
    elif found_ownership is not None:
        ownership = found_ownership
        owner = Assumption(topic="所有制", value=ownership.value, reason=why_ownership)
    else:
        owner = Assumption(topic="所有制", value=Ownership.NON_PUBLIC.value,
                           reason="方案未写明企业性质，按非公有制企业审查（国有企业指引作参考）；如为国有企业请指定所有制后重新审查")
    found_region, why_region = _region(scheme)
    if region:
        place = Assumption(topic="所在地区", value=region, reason="由审查人指定", given=True)
    else:
        region = found_region
        place = Assumption(topic="所在地区", value=region or "未写明", reason=why_region)
    staff, why_staff = _staff(scheme)
    covered = Assumption(topic="适用人员", value="、".join(s.value for s in StaffKind if s in staff) or "未写明", reason=why_staff)
    return Context(ownership=ownership, region=region, staff=staff), [owner, place, covered]


def _ownership(scheme: Scheme) -> tuple[Ownership | None, str]:
    """The first self-description that names the kind of company; weaker signs only when none does."""
    w = words().ownership
    for s in scheme.prose():
        if s.asks:
            continue  # "问：我们公司是国企吗？" asks; its answer says
        state = _first(s, w.state)
        private = _first(s, w.private)
        collective = _first(s, w.collective)
        if collective is not None and (private is None or collective[1] < private[1]):
            private = collective
        if state is None and private is None:
            continue
        if state is not None and private is not None and (owner := _controlling(s.plain)) is not None:
            # a mixed company: the shareholder that controls it decides, wherever the sentence names it
            kind, stake = owner
            return kind, f"方案写明{'国有' if kind is Ownership.STATE else '非公有制'}股东{stake}（{_cut(s.text)}）"
        if private is not None and (state is None or private[1] < state[1]):
            if private is collective:
                return Ownership.NON_PUBLIC, (f"方案写明“{private[0]}”（{_cut(s.text)}）：集体所有制企业不是国有企业，"
                                              "国有企业的两部指引作参考，曲靖指引按非公有制企业的条款审查")
            return Ownership.NON_PUBLIC, f"方案写明“{private[0]}”（{_cut(s.text)}）"
        return Ownership.STATE, f"方案写明“{state[0]}”（{_cut(s.text)}）"  # type: ignore[index]
    parent = next((s for s in scheme.prose() if s.has(*w.state_parent) and s.has(*w.subsidiary)), None)
    party = next((s for s in scheme.prose() if s.has(*w.state_practice)), None)
    if parent is not None and party is not None:
        return Ownership.STATE, f"方案所述为国有企业集团的所属企业（{_cut(parent.text)}），并实行党委前置研究等国有企业制度"
    return None, ""


_STAKE = re.compile(r"(?:持股|持有|占股|股权|出资|持有股份)(?:比例)?(?:为|占|达)?\s*([0-9]+(?:\.[0-9]+)?)\s*[%％]")
_CONTROL = ("控股股东", "实际控制人", "绝对控股", "相对控股")


def _controlling(text: str) -> tuple[Ownership, str] | None:
    """Whose company a mixed-ownership one is ("市属国有企业甲持股30%；民营企业乙持股70%，为公司控股股东"):
    the shareholder named the controlling one, else the one holding more than half. Each shareholder is
    read in its own part of the sentence (split at ；, else at ，)."""
    w = words().ownership
    for splitter in (r"[；;。]", r"[，,；;。]"):
        owners: list[tuple[Ownership, Decimal, bool]] = []
        for part in re.split(splitter, text):
            state, private = _first_in(part, w.state), _first_in(part, w.private + w.collective)
            if state is None and private is None:
                continue
            kind = Ownership.STATE if private is None or state is not None and state[1] < private[1] else Ownership.NON_PUBLIC
            stakes = [Decimal(m.group(1)) for m in _STAKE.finditer(part)]
            owners.append((kind, max(stakes, default=Decimal(0)), any(c in part for c in _CONTROL)))
        if len({kind for kind, _, _ in owners}) < 2:
            continue
        named = {kind for kind, _, control in owners if control}
        if len(named) == 1:
            kind = named.pop()
            return kind, "为控股股东"
        major = [(kind, stake) for kind, stake, _ in owners if stake > 50]
        if len(major) == 1:
            return major[0][0], f"持股{major[0][1]}%"
    return None


def _first(s: Sentence, names: tuple[str, ...]) -> tuple[str, int] | None:
    """The first of `names` the sentence claims — in a question and its answer, the answer's."""
    if s.answer_at is None:
        return _first_in(s.plain, names)
    hit = _first_in(s.plain[s.answer_at:], names)
    return (hit[0], hit[1] + s.answer_at) if hit else None


def _first_in(text: str, names: tuple[str, ...]) -> tuple[str, int] | None:
    """The first of `names` the text claims; one written right after a denial (不属于国有企业) claims nothing."""
    denials = words().ownership.negated
    hits = [(name, at) for name in names for at in _places(text, name)
            if not any(text[:at].endswith(d) for d in denials) or name.startswith(denials)]
    return min(hits, key=lambda h: h[1]) if hits else None


def _places(text: str, word: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(word), text)]


def _region(scheme: Scheme) -> tuple[str | None, str]:
    places = tuple(sorted(region_words("qujing_skill"), key=len, reverse=True))
    # where the company says it sits ("总部设在昆明市") outranks a place merely named ("曲靖至昆明段高速公路")
    for s in scheme.sentences:
        found = _PLACE.search(s.plain)
        if found is None:
            continue
        seat = re.split(r"[，,；;。（(]", s.plain[found.start():])[0]
        hit = _first_in(seat, places)
        if hit:
            return hit[0] if hit[0].startswith("曲靖") else f"曲靖市{hit[0]}", f"方案写明“{hit[0]}”（{_cut(s.text)}）"
        if found.group(1).endswith(("省", "市", "州", "县")):  # a named city; "位于经济技术开发区" names none
            return found.group(1), f"方案写明企业位于{found.group(1)}（{_cut(s.text)}）"
    for s in scheme.sentences:
        hit = _first(s, places)
        if hit:
            return hit[0] if hit[0].startswith("曲靖") else f"曲靖市{hit[0]}", f"方案写明“{hit[0]}”（{_cut(s.text)}）"
    for s in scheme.sentences:
        found = _PLACE.search(s.plain)
        if found:
            return found.group(1), f"方案写明企业位于{found.group(1)}（{_cut(s.text)}）"
    for s in scheme.sentences[:3]:
        found = _TITLE_PLACE.match(s.plain)
        if found and found.group(1) not in words().ownership.not_places:
            return found.group(1), f"方案标题所示企业在{found.group(1)}（{_cut(s.text)}）"
    return None, "方案未写明企业所在地区，按不在曲靖市审查（曲靖指引作参考）；如在曲靖市请指定地区后重新审查"


def _staff(scheme: Scheme) -> tuple[frozenset[StaffKind], str]:
    w = words().staff
    kinds = {kind: next((s for s in scheme.prose() if s.has(*getattr(w, kind.name.lower()))), None) for kind in StaffKind}
    if kinds[StaffKind.SKILL] is None:
        # a scheme for all staff (适用于公司全体员工) covers the skilled staff too, whatever else it names
        kinds[StaffKind.SKILL] = next((s for s in scheme.prose() if _ALL_STAFF.search(s.plain)), None)
    found = frozenset(k for k, s in kinds.items() if s is not None)
    if not found:
        return found, "方案未写明适用人员类别，按全体职工审查"
    shown = "；".join(f"{k.value}：“{_cut(s.text, 30)}”" for k, s in kinds.items() if s is not None)
    return found, f"方案涉及的人员（{shown}）"


_ALL_STAFF = re.compile(r"适用于[^。；;]{0,20}?(?:全体|全部|所有)(?:在岗)?(?:职工|员工|人员)|适用于[^。；;]{0,12}?全员")


def _cut(text: str, width: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
