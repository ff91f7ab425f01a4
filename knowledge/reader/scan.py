"""Finding the figures in a text: each number, its unit, its kind and its exact span.

Works on the normalised text, which has the same length as the original, so every span cuts
the figure exactly as the user wrote it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .lexicon import Lexicon, lexicon, starts_with_any, tagged_words
from .models import Kind, Quantity
from .numerals import CN_DIGITS, CN_MAGNITUDES, NUMERAL_CHARS, parse_numeral

_RUN = re.compile(f"[{NUMERAL_CHARS},]+")
_HAS_DIGIT = re.compile(r"\d")
_PERCENT_PREFIX = {"百分之": Decimal("0.01"), "千分之": Decimal("0.001"), "万分之": Decimal("0.0001")}
_SIGN_BEFORE = ("负", "-", "−", "减")
_LATIN_BEFORE = re.compile(r"[A-OQ-Za-oq-z]$")  # part of a code such as T1, KPI3 (P is for P25)
# Between a number and its unit: 50来人, 30多万, 100余件 (an approximate figure).
_APPROX_AFTER = ("来", "多", "余", "几", "出头")
_YEAR = re.compile(r"(19|20)\d\d")
_CN_THEN_ARABIC = re.compile(f"[{CN_DIGITS}].*\\d|\\d[{CN_DIGITS}]")  # 三120 (张三120分), 3三 (T3三个)  # 三120: the 三 ends a name (张三120分)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SPACED_UNITS = {"件", "元", "分", "人", "次", "个", "项", "档", "级", "年", "名", "台", "只", "户", "块"}
_IDENTIFIER_BEFORE = re.compile(r"(?:工号|编号|单号|号码|电话|手机|批号|代码|账号|卡号|文号|证号)[:：]?\s*[A-Za-z0-9]*(?:[-_.#][A-Za-z0-9]*)*[-_.#]?$"
                                r"|[A-Za-z]+[-_]$|[A-Za-z]+[-_]\d+[-_]$|(?<![A-Za-z])(?:NO|No|no)[.:：#]?\s*$")  # 订单号NO.20261103


_PER_ONE = re.compile(r"(?:年|个|月|人|天|次|件|季|周|位|名|台|只|户|单)")


def _trim_run(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop separators at the edges of a run: "，5000，" → "5000"."""
    while start < end and text[start] in ",.点":
        start += 1
    while end > start and text[end - 1] in ",.点":
        end -= 1
    return start, end


def _split_commas(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A comma is a thousands separator only between a digit and exactly three digits."""
    pieces, piece_start = [], start
    for i in range(start, end):
        if text[i] != ",":
            continue
        after = text[i + 1:end]
        group = re.match(r"\d{3}(?!\d)", after)
        if not (i > start and text[i - 1].isdigit() and group):
            pieces.append((piece_start, i))
            piece_start = i + 1
    pieces.append((piece_start, end))
    return [part for p in pieces if p[0] < p[1] for part in _split_after_magnitude(text, *p)]


def _split_after_magnitude(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """1500万15%: two figures when two or more Arabic digits follow a magnitude (but 2万4 is 24000,
    a colloquial amount, and 1万2千 one number)."""
    match = re.search(r"(?<=\d[万千亿])\d{2,}(?![万千百十])", text[start:end])
    if match is None:
        return [(start, end)]
    cut = start + match.start()
    return [(start, cut), *_split_after_magnitude(text, cut, end)]


def _covered(text: str, words: tuple[str, ...]) -> list[bool]:
    """Positions inside a word that contains numeral characters but is not a number (统一, 十分), and
    the digits of a time of day."""
    mask = [False] * len(text)
    for word in words:
        at = text.find(word)
        while at >= 0:
            # 百分之一百零八, 千分之一点五: after a percent prefix, 之一 starts the figure (not "one of")
            if not (word.startswith("之") and text.endswith(tuple(p[:-1] for p in _PERCENT_PREFIX), 0, at)):
                for i in range(at, at + len(word)):
                    mask[i] = True
            at = text.find(word, at + 1)
    for clock in (_CLOCK, _HOUR):  # [10:32] 王姐：…, 下午3点开会 — when something happens, no figure
        for match in clock.finditer(text):
            for i in range(match.start(1), match.end(1)):
                mask[i] = True
    return mask


_HOUR = re.compile(r"(?:上午|下午|晚上|早上|凌晨|中午|傍晚|今晚|明早|明天|今天)\s*(\d{1,2}|[一二三四五六七八九十]{1,3})(?=\s*点)")
# A time of day standing alone (a chat log's [10:32], 09:15 at a line's start), not a ratio (按6:4, 60:40)
_CLOCK = re.compile(r"(?:^|(?<=[\s\[【(（]))((?:[01]?\d|2[0-3])[:：][0-5]\d(?:[:：][0-5]\d)?)(?=$|[\s\]】)）])", re.MULTILINE)


def _unit_after(text: str, pos: int, lex: Lexicon) -> tuple[str, Kind | None, Decimal]:
    """The unit written right after a number (spaces allowed), its kind and factor.

    A magnitude after a space (15 万元) multiplies; 来/多/余 between number and unit are skipped."""
    i = pos
    while i < len(text) and text[i] == " ":
        i += 1
    scale = Decimal(1)
    while i < len(text) and text[i] in "万千亿" and i > pos:
        scale *= {"万": 10000, "千": 1000, "亿": 10**8}[text[i]]
        i += 1
    approx = starts_with_any(text[i:i + 2], _APPROX_AFTER)
    if approx and text[i + len(approx):i + len(approx) + 1] and not text[i + len(approx)].isdigit():
        i += len(approx)
        while i < len(text) and text[i] in "万千亿":  # 50来万, 30多万: an approximate amount
            scale *= {"万": 10000, "千": 1000, "亿": 10**8}[text[i]]
            i += 1
        if scale != 1:
            unit = starts_with_any(text[i:i + 6], tuple(lex.units))
            kind, factor = lex.units[unit] if unit else (Kind.NUMBER, Decimal(1))
            return text[pos:i + (len(unit) if unit else 0)], kind, factor * scale
    rest = text[i:i + 6]
    if scale != 1:
        unit = starts_with_any(rest, tuple(lex.units))
        kind, factor = lex.units[unit] if unit else (Kind.NUMBER, Decimal(1))
        return text[pos:i + (len(unit) if unit else 0)], kind, factor * scale
    if rest.startswith("折算") and not re.search(r"[\d.]", text[max(0, pos - 3):pos]):
        return text[pos:i + 1], Kind.PERCENT, Decimal("0.1")  # 按八折算 is 八折 (but 按0.6折算 is a coefficient 0.6)
    for char, blocked in lex.unit_blockers.items():
        if rest.startswith(char) and any(rest.startswith(b) for b in blocked):
            # 3分钟 / 分配: not a unit; but 25分位 is matched below as a longer unit first.
            longer = starts_with_any(rest, tuple(u for u in lex.units if len(u) > 1))
            if longer is None:
                return "", None, Decimal(1)
    unit = starts_with_any(rest, tuple(lex.units))
    if unit is None:
        return "", None, Decimal(1)
    if i > pos and len(unit) == 1 and _CJK.match(unit) and unit not in _SPACED_UNITS:
        return "", None, Decimal(1)  # 三万六 张三: after a space, a single character starts the next words
    if unit in ("k", "K", "w", "W") and re.match(r"[A-Za-z]", text[i + 1:i + 2]):
        return "", None, Decimal(1)
    if unit == "分" and re.match(rf"[\d{CN_DIGITS}]", text[i + 1:i + 2]):
        return "", None, Decimal(1)  # 班组2分4万: 分 splits the amount after it, it is no score of the 2
    kind, factor = lex.units[unit]
    return text[pos:i + len(unit)], kind, factor


def _best_parse(text: str, start: int, end: int) -> tuple[int, Decimal] | None:
    """The longest suffix of a run that reads as a number (张三一百二十 → 一百二十)."""
    for s in range(start, end):
        piece = text[s:end]
        if piece[0] in CN_MAGNITUDES and piece[0] not in "十拾" and not (s == start and parse_numeral(piece)) \
                or _CN_THEN_ARABIC.search(piece):  # (万五 at a run's start is 一万五)
            continue
        value = parse_numeral(piece)
        if value is not None:
            return s, value
    return None


_ONE_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"两": 2}


def _juxtaposed(run: str) -> Decimal | None:
    """七八个点, 两三万, 十七八人, 三五个: two neighbouring digits said side by side are a guess between
    them (never 78, 23万 or 35); the upper one stands for the figure, which is flagged approximate."""
    for i in range(len(run) - 1):
        low, high = _ONE_DIGIT.get(run[i]), _ONE_DIGIT.get(run[i + 1])
        if low and high and (high == low + 1 or (low, high) == (3, 5)):
            return parse_numeral(run[:i] + run[i + 1:])
    return None


def _chain(run: str) -> list[tuple[int, int, Decimal]]:
    """五千二五千八六千一 → 5200, 5800, 6100: numbers said one after another, each ending where the
    next begins with a digit and a magnitude (五千…); [] when the run is not such a chain."""
    pieces, start = [], 0
    while start < len(run):
        for end in range(len(run), start, -1):
            piece = run[start:end]
            value = parse_numeral(piece)
            rest = run[end:]
            simple = all(piece.count(m) <= 1 for m in "十百千万")
            if value is not None and simple and any(m in piece for m in "十百千万") and (not rest or re.match(f"[{CN_DIGITS}][十百千万]", rest)):
                pieces.append((start, end, value))
                start = end
                break
        else:
            return []
    return pieces


def scan(text: str) -> list[Quantity]:
    """Every figure in `text` (already normalised), in order of appearance."""
    lex = lexicon()
    blocked = _covered(text, lex.not_numbers)
    found: list[Quantity] = []
    for match in _RUN.finditer(text):
        for start, end in _split_commas(text, *_trim_run(text, match.start(), match.end())):
            if end - start > 2 and text[end - 2:end] in ("万一", "千一", "百一") and _PER_ONE.match(text, end):
                end -= 1  # 25万一年, 3千一个月: so much per year (never 2万4's 25万1)
            chain = _chain(text[start:end]) if not _HAS_DIGIT.search(text, start, end) and parse_numeral(text[start:end]) is None else []
            if len(chain) > 1:
                found += [Quantity(v, Kind.NUMBER, text[start + a:start + b], start + a, start + b, magnitude=True) for a, b, v in chain]
                continue
            if found and found[-1].end > start:
                continue  # the 2 of 3块2 was read with the 3
            quantity = _read_run(text, start, end, blocked, lex)
            if quantity is not None:
                found.append(quantity)
    words = _value_words(text, lex, [])
    found = [q for q in found if not any(w.start < q.end and q.start < w.end for w in words)] + words
    return _slash_fractions(text, sorted(found, key=lambda q: q.start))


def _slash_fractions(text: str, found: list[Quantity]) -> list[Quantity]:
    """"按技能人才的1/15配置": a smaller whole number over a larger one, written with a slash, is a fraction
    (as 十五分之一 is). A date (2024/1/15, 3/15日) or a per-unit (元/人) is no fraction."""
    out: list[Quantity] = []
    skip = False
    for i, q in enumerate(found):
        if skip:
            skip = False
            continue
        over = found[i + 1] if i + 1 < len(found) else None
        if over is not None and q.kind is Kind.NUMBER and over.kind is Kind.NUMBER and text[q.end:over.start] == "/" \
                and q.value == q.value.to_integral_value() and over.value == over.value.to_integral_value() \
                and 0 < q.value < over.value <= 1000 and not re.match(r"\s*(?:/|日|号|月)", text[over.end:over.end + 2]) \
                and not re.search(r"[/\d.]$", text[max(0, q.start - 1):q.start]):
            out.append(Quantity(q.value / over.value, Kind.PERCENT, text[q.start:over.end], q.start, over.end, unit="/"))
            skip = True
            continue
        out.append(q)
    return out


def _read_run(text: str, start: int, end: int, blocked: list[bool], lex: Lexicon) -> Quantity | None:
    has_digit = bool(_HAS_DIGIT.search(text, start, end))
    if has_digit and all(blocked[start:end]):
        return None  # a time of day (see _covered)
    if not has_digit:
        # A Chinese numeral inside a word that is not a number, or a magnitude alone (万一, 千万别).
        while start < end and blocked[start]:
            start += 1
        if start >= end or not any(c in CN_DIGITS or c in "十拾" for c in text[start:end]):
            return None
    if not has_digit and parse_numeral(text[start:end]) is None and len(_chain(text[start:end])) > 1:
        return None  # read as a chain of numbers by scan()
    guess = None if has_digit else _juxtaposed(text[start:end])
    parsed = (start, guess) if guess is not None else _best_parse(text, start, end)
    if parsed is None:
        return None
    start, value = parsed
    unit, kind, factor = _unit_after(text, end, lex)
    if kind is Kind.PEOPLE and value != int(value) and unit[:1].isspace():
        unit, kind, factor = "", None, Decimal(1)  # 系数1.2 徒弟小柯: no one counts 1.2 people; the next words begin
    if unit == "个" and _PERSON_AFTER.match(text, end + 1):
        kind = Kind.PEOPLE  # 两个临时工, 3个师傅: people, not pieces or items
    dimes = re.match(rf"([\d{CN_DIGITS}])(?![\d{CN_DIGITS}.万千百十个件人名位台套只箱分元块%])", text[end + len(unit):end + len(unit) + 2]) \
        if unit == "块" else None  # (5块2个 is two amounts)
    if dimes and parse_numeral(dimes.group(1)) is not None:
        value += Decimal(parse_numeral(dimes.group(1)) or 0) / 10  # 每件3块2: 3.2 元 (块 then 毛)
        unit = unit + dimes.group(1)
    if text[start:end] == "十" and unit == "分" and _CJK.match(text[end + 1:end + 2] or " "):
        return None  # 十分重要: an adverb (but 清扫一次十分， is ten points)
    if unit.strip().startswith("点") and not has_digit and value < 10:
        return None  # 低一点, 五点下班: a little, an hour — not points (三百点 is)
    if text[start - 1:start] in ("P", "p") and (kind is Kind.LEVELS or text[end:end + 1] in ("级", "岗")):
        return None  # P6级: a grade's name
    if re.search(r"(?:案例|附件|表|图|第[一二三四五六七八九十\d]+章第?)$", text[max(0, start - 4):start]) and kind is None:
        return None  # 案例2, 附件1: a document's part, not a figure
    if _IDENTIFIER_BEFORE.search(text[max(0, start - 24):start]) or (
            re.fullmatch(r"1\d{10}|\d{9,}", text[start:end]) and kind is None):
        return None  # 工号0457, 单号HR-20241205, 13808712345: identifiers (a long number with a unit is a figure)
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() and re.match(r"[.、．)）](?![\d０-９])", text[end:end + 2]) and kind is None and value < 100:
        return None  # 1. 产量 45% / 2、质量: an item's number in a list, not a figure
    ordinal = re.search(r"第[ \u3000]*$", text[max(0, start - 3):start])
    if ordinal:  # 第3级, 第 十八 级: a position, not a value
        opened = start - (len(ordinal.group(0)))
        return Quantity(value, Kind.ORDINAL, text[opened:end + len(unit)], opened, end + len(unit), unit=unit.strip())
    if _LATIN_BEFORE.search(text[max(0, start - 1):start]) and kind is None:
        return None  # T1 is a code (but A20% is A: 20%)
    if re.search(r"\d[eE][+-]?$", text[max(0, start - 3):start]):
        return None  # 1e400: scientific notation is no amount a person writes — the field is asked for instead
    written_end = end + len(unit)
    magnitude = any(c in "万千亿百佰仟" for c in text[start:end])
    scale = _written_scale(text[start:end]) * factor if kind is not None else _written_scale(text[start:end])
    # 三分之一: a fraction.
    if text.startswith("分之", end):
        return _fraction(text, start, end, value)
    prefix = next((p for p in _PERCENT_PREFIX if text.endswith(p, 0, start)), None)
    if prefix:
        return Quantity(value * _PERCENT_PREFIX[prefix], Kind.PERCENT, text[start - len(prefix):end],
                        start - len(prefix), end, unit=prefix, scale=_PERCENT_PREFIX[prefix])
    if text[start - 1:start] in ("P", "p") and 10 <= value <= 99:
        return Quantity(value, Kind.PERCENTILE, text[start - 1:end], start - 1, end, unit="P")
    if text[start - 1:start] in ("P", "p") or re.match(r"[A-Za-z]", text[end:end + 1]) and kind is None:
        return None  # P3 is a grade, 5S a name
    if kind is None and not has_digit and end - start == 1 and _CJK.match(text[start - 1:start] or " ") and text[start] != "两":
        return None  # 张三、李四: a single numeral character after a character ends a name
    if kind is None:
        if not magnitude and _part_of_a_name(text, end, has_digit, lex) or not has_digit and _in_a_persons_name(text, start):
            return None  # 一车间, 3号线, 二班: a label that begins with a numeral; 王五一样: 王五 is a person
        if has_digit and _numbers_a_unit(text, start, end, value, lex):
            return None  # 班组1做了1200件, 车间2和车间3: the numeral ends the unit's name
        kind, factor = Kind.NUMBER, Decimal(1)
    if kind is Kind.LEVELS and not magnitude and _part_of_a_name(text, written_end, True, lex):
        return None  # 老钟 一等岗 现工资4500, 二级岗: a grade's name with its rank in it, not a count of levels
    if unit.strip() == "折" and 10 <= value < 100 and value == int(value):
        factor = scale = Decimal("0.01")  # 七五折, 85折: two digits are hundredths (八折 is tenths)
    if unit == "成" and text[end + 1:end + 2] in ("半",) + tuple("一二三四五六七八九"):
        extra = Decimal("0.5") if text[end + 1] == "半" else Decimal(parse_numeral(text[end + 1]) or 0) / 10
        return Quantity((value + extra) * Decimal("0.1"), Kind.PERCENT, text[start:end + 2], start, end + 2, unit="成",
                        scale=Decimal("0.1"))  # 一成半 = 15%, 四成五 = 45%
    if kind in (Kind.YEARS, Kind.MONTHS) and value == 1 and re.match(rf"[内里的]?\s*[\d{CN_DIGITS}]", text[written_end:written_end + 3]):
        return None  # 一年6万, 一个月3000: the period of the next figure (its words stay in that figure's subject)
    if kind is Kind.YEARS and _YEAR.fullmatch(text[start:end]):
        kind = Kind.DATE  # 2024年
    if kind in (Kind.YEARS, Kind.MONTHS) and text.startswith("半", written_end) and kind is not Kind.DATE:
        value, written_end = value + Decimal("0.5"), written_end + 1  # 7年半, 三个半月: and a half
    if text.startswith("月", end) and not text.startswith("月薪", end) and value <= 12:
        kind, written_end = Kind.DATE, end + (2 if text.startswith("月份", end) else 1)  # 3月份
    if text.startswith("年度", end) or text.startswith("年以来", end):
        kind = Kind.DATE
    sign = -1 if text[start - 1:start] in _SIGN_BEFORE and not _is_range_dash(text, start - 1) \
        and text[start - 2:start] != "正负" else 1  # 正负20% is ±20%, no fall
    plus = text[start - 1:start] == "+"
    if sign < 0:
        start -= 1
    weak = not has_digit and text[start:end] in ("一", "壹") and unit.strip() not in ("成", "折", "%", "倍", "元", "万", "块")
    approx = guess is not None or starts_with_any(text[end:end + 2], _APPROX_AFTER) is not None
    return Quantity(
        sign * value * factor, kind, text[start:written_end], start, written_end, unit=unit.strip(),
        scale=scale, magnitude=magnitude or "万" in unit, weak=weak or _rate_unit(text, start, value), approx=approx,
        direction="down" if sign < 0 else "up" if plus else None,
    )


_STANDALONE_AFTER = re.compile(r"^(?:$|[\s，,。；;：:、）)\]】！？!?/]|的|左右|多|上下|以上|以下|以内|到|至|和|及|与|或|呢|吧|啊)")


# Words that begin with an entity suffix but are not one: 1200万部分, 3部门 (a count), 2组成.
_NOT_SUFFIXES = ("部分", "部门", "组成", "组织", "班次", "处理", "所以", "所有", "所得", "区间", "区别", "线上", "线下",
                 "厂家", "店铺", "岗位", "中心值", "公司的", "科学", "院校")


def _part_of_a_name(text: str, end: int, has_digit: bool, lex: Lexicon) -> bool:
    """A numeral with no unit that runs on into a word: 一车间, 3号, 二班 (a name, not a value)."""
    rest = text[end:end + 4]
    suffix = starts_with_any(rest, lex.entity_suffixes)
    if suffix and not rest.startswith(_NOT_SUFFIXES) or rest.startswith(("号", "#")):
        return True
    run = text[:end][-4:]
    spoken = len(re.findall(f"[{CN_DIGITS}十百千万]", run)) >= 2  # 八十每档加: a number said in full is a number
    return not has_digit and not spoken and not _STANDALONE_AFTER.match(rest)


# 两个临时工, 3个师傅, 五个徒弟: a count of people
_PERSON_AFTER = re.compile(r"[\u4e00-\u9fa5]{0,3}?(?:工|员|人|师傅|徒弟|同事|伙计|工人|职工|员工)(?![\u4e00-\u9fa5]?[件分元块])")


def _numbers_a_unit(text: str, start: int, end: int, value: Decimal, lex: Lexicon) -> bool:
    """A small unitless number glued after a unit's word and running on into words or a label's colon
    (班组1做了…, 车间2得分…, 班组1和班组2, 班组1：300分) names that unit. Followed by a comma or
    nothing (一车间100，二车间80) it is a figure."""
    suffix = next((s for s in lex.entity_suffixes if text.endswith(s, 0, start)), None)
    if suffix is None or value != int(value) or value > 20:
        return False
    if re.search(rf"{re.escape(suffix)}\d{{1,2}}\s*[和与及、跟]\s*\S{{0,3}}$", text[:start - len(suffix)]):
        return True  # the second of 小组2和小组5
    rest = text[end:end + 4]
    if re.match(r"[和与及、跟]", rest):  # 小组2和小组5: another unit named the same way
        return bool(re.match(rf"[和与及、跟][^\d，,。]{{0,3}}?{re.escape(suffix)}\d", text[end:end + 8]))
    if re.match(r"\s*[:：]|\s+\d", rest):
        return True  # 班组1：300分, 班组1 300分: a label, then its figure
    words = rest.lstrip()
    return bool(_CJK.match(words[:1])) and not _STANDALONE_AFTER.match(words)


def _in_a_persons_name(text: str, start: int) -> bool:
    """The numeral begins inside a word jieba reads as a person's name (王五|一样, 张三|…)."""
    window = max(0, start - 3)
    at = window
    for word, flag in tagged_words(text[window:start + 3]):
        found = text.find(word, at)
        if found < 0:
            return False
        if found < start < found + len(word):
            return flag in ("nr", "nrfg", "nrt")
        at = found + len(word)
    return False


def _rate_unit(text: str, start: int, value: Decimal) -> bool:
    """每带1名徒弟每月200元: the 1 is the rate's unit, not a count of anything."""
    return value == 1 and bool(re.search(r"每(?:带|个|位|名)?$", text[max(0, start - 2):start]))


def _written_scale(run: str) -> Decimal:
    """The magnitude written at the end of an Arabic number: 1200万 → 10000, 3千万 → 10^7."""
    match = re.search(r"\d([万千亿百]+)$", run)
    scale = Decimal(1)
    for char in match.group(1) if match else "":
        scale *= {"万": 10000, "千": 1000, "亿": 10**8, "百": 100}[char]
    return scale


def _is_range_dash(text: str, at: int) -> bool:
    """'1000-1200', '5%-45%', '3人-5人': a dash after a figure (its digits or its unit) joins a range,
    it is not a minus sign."""
    return text[at] == "-" and at > 0 and (text[at - 1].isdigit() or text[at - 1] in "万千亿元%‰人名个项年月天级档倍成分"
                                           and at > 1 and (text[at - 2].isdigit() or text[at - 2] in "万千亿百十"))


def _fraction(text: str, start: int, end: int, denominator: Decimal) -> Quantity | None:
    after = re.match(f"分之([{NUMERAL_CHARS}]+)", text[end:])
    if not after or denominator == 0:
        return None
    numerator = parse_numeral(after.group(1))
    if numerator is None:
        return None
    stop = end + after.end()
    return Quantity(numerator / denominator, Kind.PERCENT, text[start:stop], start, stop, unit="分之")


def _value_words(text: str, lex: Lexicon, found: list[Quantity]) -> list[Quantity]:
    """一半, 减半, 翻倍: values written without a numeral."""
    taken = [(q.start, q.end) for q in found]
    out = []
    for word, (kind, value) in lex.value_words.items():
        at = text.find(word)
        while at >= 0:
            labels_a_figure = kind is Kind.PERCENTILE and re.match(r"(?:分别)?(?:为|是|约|:|：|改成|改为|调到|调成|调整为|变成|定为)?\s*\d", text[at + len(word):])
            if not labels_a_figure and not any(s < at + len(word) and at < e for s, e in taken):
                direction = "up" if kind is Kind.PERCENT and value > 0 and word.startswith("翻") else "flat" if value == 0 else None
                approx = kind is not Kind.PERCENTILE and starts_with_any(text[at + len(word):at + len(word) + 2], _APPROX_AFTER) is not None
                out.append(Quantity(value, kind, word, at, at + len(word), unit=word, direction=direction, approx=approx))  # 一半多
                taken.append((at, at + len(word)))
            at = text.find(word, at + 1)
    return out
