"""Binding each figure to what it describes: subject, name, total, direction, limits, rates,
ranges, lists paired in order (分别), shared figures (各) and members under a department.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise

from .lexicon import Lexicon, contains_any, ends_with_any, lexicon, starts_with_any, tagged_words
from .models import Clause, Kind, Quantity

SENTENCE_END = "。！？!?；;\n"
CLAUSE_END = SENTENCE_END + "，,：:（）()【】[]“”\"|\t"
ITEM_END = CLAUSE_END + "、"
_OPEN, _CLOSE = "（(【[", "）)】]"
# Words after which a figure's subject carries nothing of its own (比上年增加9% → the topic before).
_COMPARATIVES = ("同比", "环比", "比上年", "比去年", "较上年", "较去年", "比上一年", "较上一年", "比", "较", "上年", "去年",
                 "今年", "本年", "上一年", "全年", "年度", "预计", "计划", "拟", "同期")


def split_clauses(text: str) -> list[Clause]:
    clauses, sentence, start = [], 0, 0
    for i, char in enumerate(text + "\n"):
        if char in ":：" and text[i - 1:i].isdigit() and text[i + 1:i + 2].isdigit():
            continue  # 按1:1折算, 6:4: a ratio's colon joins its figures, it ends no clause
        if char in CLAUSE_END or i == len(text):
            if i > start:
                clauses.append(Clause(text[start:i], start, i, sentence))
            start = i + 1
            if char in SENTENCE_END:
                sentence += 1
    return clauses


def _clause_of(clauses: list[Clause], pos: int) -> int:
    for i, clause in enumerate(clauses):
        if clause.start <= pos < clause.end:
            return i
    return max(0, len(clauses) - 1)


def strip_words(phrase: str, words: tuple[str, ...]) -> str:
    """Remove `words` from both ends of a phrase, repeatedly (longest first), as plain strings."""
    changed = True
    while phrase and changed:
        changed = False
        head = starts_with_any(phrase, words)
        if head:
            phrase, changed = phrase[len(head):], True
        tail = ends_with_any(phrase, words)
        if tail and phrase:
            phrase, changed = phrase[: len(phrase) - len(tail)], True
        phrase = phrase.strip(" 、，,：:")
    return phrase


_tokens = tagged_words


# Words of talk that come before a name: 我只想知道我们技术部 …
_TALK = {"只想", "想", "知道", "想知道", "只想知道", "问", "问问", "看看", "看", "说", "算", "请问", "麻烦", "就是", "只", "还有"}
# Parts of speech that never end a name: verbs, particles, prepositions, adverbs, pronouns, numerals.
_NOT_NAME_END = ("u", "p", "d", "r", "c", "y", "e", "f")


_TITLES = ("师傅", "师", "工", "姐", "哥", "经理", "主任", "老师", "主管", "组长", "班长")


def _names_alone(rest: list[tuple[str, str]]) -> bool:
    """What follows a pronoun-like first word names something by itself (我们|技术部), unlike
    何|师傅 or 何|一, where 何 is a surname and the rest only a title or an ordinal."""
    word = "".join(t[0] for t in rest)
    return len(word) >= 2 and word not in _TITLES


_CORRECTING = re.compile(r"^\s*(?:哦|噢|啊|呃)?(?:不对|不是|更正|纠正|应该是|其实是|说错了|写错了|打错了)[，,了]?\s*(?:应该是|应为|是|为)?")
_IDENTIFIED = re.compile(r"(?:工号|编号|员工号|序号|账号|卡号)[:：]?\s*[A-Za-z0-9][A-Za-z0-9_-]*\s*(?:的|号)?")


_WHEN = re.compile(r"(?:今天|昨天|前天|明天|当天|本周|上周|这周|上午|下午|晚上|白天|夜班时|白班时)$")


_MODALS = ("要", "得", "需要", "应该", "应", "还要", "还得", "再", "又", "会", "准备", "打算")
_FILLERS = ("嗯", "呃", "哦", "噢", "啊", "额", "唔", "嗯嗯", "那个", "就是", "然后")


@lru_cache(maxsize=4096)
def core(subject: str) -> str:
    """The words of a subject that name something: connectives, verbs, directions, limits and
    totals removed from both ends, whole words only (生产部 keeps 生产; 老赵做了 → 老赵)."""
    lex = lexicon()
    lead = set(lex.lead_words + lex.per_words + lex.member_intro + lex.respectively_words + lex.each_words
               + lex.approx_words + lex.max_words + lex.min_words + lex.total_words + _COMPARATIVES)
    link = set(lex.link_words + lex.up_words + lex.down_words + lex.max_words + lex.min_words + lex.approx_words
               + lex.total_words + lex.each_words + lex.respectively_words + lex.per_words)
    phrase = re.sub(r"^\s*(?:[①-⑳❶-❿⑴-⒇]|\d+[.、．)）]|[-–—•·*]|[（(]\d+[)）])\s*", "", subject.replace("…", ""))
    for verb in ("分配给", "分给", "发给", "奖给", "拨给", "给到", "给"):
        if verb in phrase[:-1]:
            phrase = phrase.rsplit(verb, 1)[1]  # 按积分分给A组 → A组
            break
    phrase = re.sub(r"(?<=\S\S)(?:就是|则是|是|为|有)$", "", phrase)  # 不对，B组是2500分: B组; 三级工有两个人: 三级工
    phrase = re.sub(r"[（(][^（()）]*\d[^（()）]*[)）]", "", phrase)  # 设备部（12人）: a note with a figure is no part of the name
    phrase = _IDENTIFIED.sub("", phrase) or phrase  # 工号0231的老何: the person, not the number that files them
    phrase = _CORRECTING.sub("", phrase)  # 级差200 不对是180: the correction names nothing
    phrase = re.sub(r"(?<=\S)按[^按]{1,8}的$", "", phrase)  # 徒弟按师傅的一半: 徒弟's, measured against 师傅
    phrase = re.sub(r"(?<=\S)(?:干|做|拿|得)?的?是[^是]{1,8}的$", "", phrase)  # 老严干的是老魏的一半: 老严's
    phrase = re.sub(r"(?<=\S\S)[这那](?:一|个)(?:级|档|等|岗|层级|职级|级别|岗位)?$", "", phrase)  # 主任工程师这一级: the one just named
    phrase = _WHEN.sub("", phrase)  # 老魏今天做了120件，昨天做了100件: the day is when, not who
    # multi-character link words come off as plain strings (老赵打了 → 老赵, whatever jieba makes of it)
    long_links = tuple(w for w in sorted(link, key=len, reverse=True) if len(w) >= 2)
    while (tail := ends_with_any(phrase, long_links)) and len(phrase) > len(tail):
        phrase = phrase[: -len(tail)]
    tokens = list(_tokens(phrase))
    if len(tokens) > 2 and tokens[-1][0] in ("了", "过", "着") and tokens[-2][1].startswith("v"):
        tokens = tokens[:-2]  # 阿芳缝了: a verb with its aspect particle ends the name
    while tokens and (tokens[0][0] in lead or not _has_word_char(tokens[0][0])
                      or len(tokens) > 1 and (tokens[0][1] == "r" and not person_pattern().fullmatch(tokens[0][0])
                                              and _names_alone(tokens[1:]) or tokens[0][0] in _TALK)
                      or len(tokens) > 1 and tokens[0][0] in _FILLERS  # (老何 is no pronoun); 嗯小冯: a filler, then the name
                      or len(tokens) > 1 and tokens[0][0] in ("个", "一个", "位", "一位", "名", "一名") and tokens[0][1] in ("m", "q")):  # 再加个D部门
        if len(tokens) == 2 and tokens[1][0] in lex.entity_suffixes:
            break  # 计划科, 预算部: a unit named by the word, not a plan's figure
        tokens.pop(0)  # 只想知道我们技术部: the talk before the name
    while tokens and (tokens[-1][0] in link or not _has_word_char(tokens[-1][0])
                      or len(tokens) > 1 and tokens[-1][1] != "eng" and tokens[-1][1].startswith(_NOT_NAME_END)
                      and not entity_end(tokens[-1][0]) and not person_pattern().fullmatch(tokens[-1][0])  # 班组老许 (老许 tagged d)
                      and not re.fullmatch(r"(?:小|老|阿)[\u4e00-\u9fa5]", "".join(t[0] for t in tokens[-2:]))):  # 老任, 小于 are names
        tokens.pop()
    spoken = "".join(t[0] for t in tokens)
    if any(spoken.startswith(m) for m in _MODALS) and all(flag in ("v", "d", "vg") for _, flag in tokens):
        return ""  # 要扣, 还得加: talk about a change, no name (the sentence's subject owns the figure; 装表 is an item)
    name = "".join(t[0] for t in tokens).strip(" 、，,：:的")
    if name.endswith(("实际", "实际上")) and person_pattern().fullmatch(re.sub(r"实际上?$", "", name)):
        name = re.sub(r"实际上?$", "", name)  # 张师傅实际做了690件: 张师傅 (目标…实际 keeps its word)
    if re.search(r"[（(][^）)]*$", name):
        name += "）" if "（" in name else ")"  # 浇花（包月）: the bracket closes the name
    return "" if name in lex.not_names else name


def entity_end(word: str) -> bool:
    """Ends like a department's name and says more than the suffix itself (生产部, not 部门)."""
    suffix = ends_with_any(word, lexicon().entity_suffixes)
    return suffix is not None and len(word) > len(suffix) and word not in ("各部门", "部门", "本部门", "该部门")


@lru_cache(maxsize=1)
def person_pattern() -> re.Pattern[str]:
    """小李, 老黎, 阿梅 or a surname with a title (张工, 何师傅, 周主管), from the lexicon's words."""
    lex = lexicon()
    prefixes, suffixes = "|".join(lex.person_prefixes), "|".join(lex.person_suffixes)
    name = r"[\u4e00-\u7683\u7685-\u9fa5]"  # any CJK character but 的 (管理岗的周主管: 的 ends the role)
    return re.compile(rf"(?:{prefixes}){name}{{1,2}}$|(?<![级技普员职操作]){name}{{1,2}}(?<![级技普员职])(?:{suffixes})$")


# 小组A, 班组2, 车间甲: a unit word, then the letter or number that tells it apart
_UNIT_THEN_MARK = re.compile(r"(?:小组|班组|车间|部门|组|班|线|队)[A-Za-z0-9甲乙丙丁一二三四五六七八九十]{1,2}")


def looks_like_entity(name: str) -> bool:
    """A department, team or person — not a label made of ordinary words (积分情况, 价目表) nor a
    whole unit (全车间, 各班组)."""
    if name.startswith(("全", "整个", "各", "所有", "本", "每")) or whole_unit(name):
        return False
    if entity_end(name) or person_pattern().fullmatch(name) or re.fullmatch(r"[A-Za-z][A-Za-z0-9]{0,3}|[甲乙丙丁戊己庚辛壬癸]", name) \
            or _UNIT_THEN_MARK.fullmatch(name):
        return True
    tokens = _tokens(name)
    return len(name) >= 2 and len(tokens) == 1 and tokens[0][1] in ("nr", "nrt", "nrfg")


def split_person(name: str) -> tuple[str | None, str]:
    """"组长老黎" → ("组长", "老黎"), "生产部张三" → ("生产部", "张三"): a role or team before a person."""
    match = person_pattern().search(name)
    if match and match.start() > 1 and name[match.start() - 1] not in "/／":  # 组长老黎 (a role), not 钱小二, 五级/初级工
        return name[: match.start()], match.group(0)
    tokens = _tokens(name)
    if len(tokens) >= 2 and tokens[-1][1] in ("nr", "nrt", "nrfg") and len(tokens[-1][0]) >= 2:
        head = "".join(t[0] for t in tokens[:-1])
        if len(head) >= 2:
            return head, tokens[-1][0]
    return None, name


def _has_word_char(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


def bind(text: str, quantities: list[Quantity]) -> tuple[list[Quantity], list[Clause]]:
    lex = lexicon()
    clauses = _negations(split_clauses(text), lex)
    quantities = _ratio_parts(text, _labels_from_levels(text, quantities))
    quantities = _products(text, quantities)
    quantities = _inherit_forward(text, _inherit_units(text, _compound_durations(text, quantities), lex), lex)
    bound: list[Quantity] = []
    for i in range(len(quantities)):
        bound.append(_describe(text, quantities, i, clauses, lex))
    bound = _counted_after(text, bound)
    bound = _grade_spans(text, bound)
    bound = _ranges(text, bound, lex)
    bound = _topics(bound, lex)
    bound = _named_before(text, bound, clauses)
    bound = _respectively(text, bound, lex)
    bound = _ratio_names(text, bound, lex)
    bound = _each(text, bound, lex)
    bound = _per_head_totals(text, bound)
    bound = _corrections(text, bound)
    bound = _restated(text, bound)
    bound = _what_is_left(text, bound)
    bound = _planned_and_done(bound)
    bound = _parents(text, bound, clauses, lex)
    bound = _parts_of_a_members_figure(bound)
    bound = _header_units(text, bound)
    bound = _tables(text, bound)
    bound = _line_headings(text, bound)
    bound = _comparisons(text, bound)
    bound = _fractions_of_another(text, bound)
    bound = _points_out_of_full_marks(text, bound)
    bound = _counted_levels(bound)
    bound = _after_bracket_notes(text, bound)
    bound = _quoted_rules(text, bound)
    bound = _written_twice(text, bound)
    bound = [q.with_(total=True) if q.name and whole_unit(q.name) else q for q in bound]  # 全车间共2500件: the whole, no member
    bound = sorted(bound + _remainders(text, bound, clauses) + _growths(bound) + _service(text, bound) + _alike(text, bound, clauses),
                   key=lambda q: q.start)
    return bound, clauses


_IN_FIGURES = re.compile(r"[（(]\s*(?:小写|大写|即|合)\s*[:：]?\s*(?:人民币)?\s*[¥￥]?\s*$")


def _written_twice(text: str, qs: list[Quantity]) -> list[Quantity]:
    """壹拾伍万元整（小写：¥150,000.00）: the same amount written again in figures is no second figure. When the
    two disagree, both stay as amounts of the same thing, so the reading asks which one holds."""
    out: list[Quantity] = []
    for q in qs:
        prev = out[-1] if out else None
        if prev is not None and prev.kind is Kind.MONEY and _IN_FIGURES.search(text[prev.end:q.start]) \
                and len(text[prev.end:q.start]) <= 12:
            if q.value == prev.value:
                continue  # the amount restated
            out.append(q.with_(kind=Kind.MONEY, name=prev.name, subject=prev.subject))  # 15万 vs 10.5万: two amounts for one thing
            continue
        out.append(q)
    return out


# 指引说…, 规定不是要求…吗: what follows is a rule as the user remembers it
_RULE_SAID = re.compile(r"(?:指引|规定|文件|政策|国家|上级|上面)(?:里|上|中)?(?:不是)?(?:说|规定|要求|讲|写|明确)")


def _quoted_rules(text: str, qs: list[Quantity]) -> list[Quantity]:
    """指引说单项权重不能低于12%对吧？我们…: a figure the sentence attributes to the guideline is the
    user's memory of a rule (checked from the parameter files), never one of their own figures."""
    out = []
    for q in qs:
        clause_start = max(text.rfind(ch, 0, q.start) for ch in SENTENCE_END + "，,：:") + 1  # …30%，我们是28%: ours again
        out.append(q.with_(quoted=True) if _RULE_SAID.search(text, clause_start, q.start) else q)
    return out


# 职级1到5的…, 等级 1-6: which grades a list covers (the grades are named, not counted)
_GRADE_SPAN = re.compile(r"(?:职级|等级|级别|岗级|薪级|档次|层级)\s*\d{1,2}\s*(?:到|至|-|~|—|－)\s*$")


def _grade_spans(text: str, qs: list[Quantity]) -> list[Quantity]:
    """职级1到4的薪酬中位值：4000、4400、4840、5324元: the span names the grades, and a list of as many
    figures after it, in one sentence, is theirs in order (1级 4000 …)."""
    out = list(qs)
    for i, q in enumerate(qs):
        span = _GRADE_SPAN.search(text[max(0, q.start - 12):q.start])
        if q.kind not in (Kind.NUMBER, Kind.LEVELS) or q.value >= 100 or span is None:
            continue
        out[i] = q.with_(weak=True, label=True, range_start=None, range_end=None)
        first = int(re.search(r"\d+", span.group(0)).group(0))  # type: ignore[union-attr]
        after = [j for j in range(i + 1, len(qs)) if qs[j].sentence == q.sentence and not qs[j].weak]
        grades = range(first, int(q.value) + 1)
        if q.value == int(q.value) and len(after) == len(grades) and len(grades) >= 2 \
                and all(re.fullmatch(r"[\s、，,：:元]*", text[qs[a].end:qs[b].start]) for a, b in pairwise(after)):
            for j, grade in zip(after, grades):
                out[j] = qs[j].with_(name=f"{grade}级", subject=f"{grade}级")
    return out


_COUNTED_NOUN = re.compile(r"[\u4e00-\u9fa5]{1,6}?(?=$|[的了要在都是，,、；;。\s和及与])")


def _counted_after(text: str, qs: list[Quantity]) -> list[Quantity]:
    """有3个技师、2个高级工 / 3名技师2名高级工: a count said before its noun counts that noun. Read so
    when the count follows 有, or when the noun after one count is all that stands before the next
    (技师3个，高级工2个 names each count by the words before it, as usual)."""
    def noun(q: Quantity) -> str | None:
        if q.kind not in (Kind.COUNT, Kind.PEOPLE) or q.unit not in ("个", "名", "位"):
            return None
        match = _COUNTED_NOUN.match(q.tail)
        return match.group(0) if match else None

    nouns = [noun(q) for q in qs]
    chained = [False] * len(qs)
    for i in range(len(qs) - 1):
        gap = text[qs[i].end:qs[i + 1].start].strip(" 、，,和及与")
        if nouns[i] and nouns[i + 1] and gap == nouns[i]:
            chained[i] = chained[i + 1] = True
    return [q.with_(name=nouns[i], subject=nouns[i]) if nouns[i] and (chained[i] or q.subject.endswith("有")) else q
            for i, q in enumerate(qs)]


def _after_bracket_notes(text: str, qs: list[Quantity]) -> list[Quantity]:
    """生产部（23人）积分4200分: a figure in a bracketed note does not cut the name from the figure after it."""
    out = list(qs)
    for i in range(1, len(out)):
        note, q = out[i - 1], out[i]
        bracketed = re.search(r"[（(][^（()）]*$", text[:note.start]) and re.match(r"[^（()）]*[)）]", text[note.end:])
        if bracketed and note.name and looks_like_entity(note.name) and not (q.name and looks_like_entity(q.name)) \
                and note.sentence == q.sentence and q.kind is not note.kind:
            out[i] = q.with_(name=note.name, subject=f"{note.name}{q.subject}")
    return out


def whole_unit(name: str) -> bool:
    """全车间, 整个班组, 整条线, 全厂: the whole unit a figure is for, never one of its members."""
    rest = re.sub(r"^(?:全体|全|整个|整条|整)", "", name)
    return rest != name and (ends_with_any(rest, lexicon().entity_suffixes) is not None or rest in ("", "单位", "企业", "集团")
                             or starts_with_any(rest, lexicon().entity_suffixes) is not None)  # 整个班组这个月
_LEVEL_NOUNS = r"(?:薪档|薪级|等级|档次|岗级|级别|职级|档|级)"


def _counted_levels(qs: list[Quantity]) -> list[Quantity]:
    """设10个薪档 / 薪档 6 个: a count of 档 or 级 is a number of levels."""
    return [q.with_(kind=Kind.LEVELS) if q.kind is Kind.COUNT and (
        re.match(_LEVEL_NOUNS, q.tail.lstrip()) or re.search(_LEVEL_NOUNS + r"数?\s*$", q.subject)) else q for q in qs]


_COMPARED = re.compile(r"比(?P<other>[^，,。；;：:比\s]{1,10}?)(?:的)?(?P<way>多出|高出|低了|少了|多了|高了|多|少|高|低)"
                       r"(?:[做干卖拿挣赚生产跑完]{1,2}了?)?$")  # 比小祁多做了150件


def _comparisons(text: str, qs: list[Quantity]) -> list[Quantity]:
    """生产部积分比技术部多1000分: the figure of 生产部 is 技术部's plus 1000 (derived, and shown as
    such); when 技术部's own figure is not written, the figure is nobody's, so it is asked about."""
    out = list(qs)
    for i, q in enumerate(out):
        match = _COMPARED.search(q.subject)
        if match is None:
            continue
        other = core(match.group("other")) or match.group("other")
        other = re.sub(r"(?<=\S)的?(?:增速|增长率|增长|增幅|涨幅)$", "", other)  # 比利润增速低2个百分点: 利润's (growth)
        own = core(q.subject[:match.start()]) or None
        # a figure worked out by an earlier comparison may be the base of the next (二级比一级高150元，三级比二级高200元)
        named = [p for j, p in enumerate(out) if p is not q and p.kind is q.kind and p.name and (not p.derived or j < i and p.text.startswith("比"))]
        base = next((p for p in named if p.name == other or core(p.name) == other), None) \
            or next((p for p in named if len(other) >= 2 and (p.name or "").endswith(other)), None)  # 比利润高 … 营收利润增长8%
        written = text[q.start - len(match.group(0)):q.end]
        sign = -1 if match.group("way")[0] in "少低" else 1
        before = next((p for p in reversed(out[:i]) if p.sentence == q.sentence and p.kind is q.kind and p.name and not p.derived), None)
        if own is None and base is None and before is not None:
            # 今年利润1300万，比目标多了300万: the figure just given is 目标's plus 300万, so 目标 is 1000万
            out[i] = q.with_(value=before.value - sign * q.value, name=other, subject=other, text=written, derived=True)
            continue
        if base is None or own is None:
            out[i] = q.with_(name=None, parent=None)
            continue
        # its subject as written (工资总额增长, not the core 工资): the words that say which field it is
        out[i] = q.with_(value=base.value + sign * q.value, name=own, subject=q.subject[:match.start()].strip() or own, text=written, derived=True)
    return out


_OF_ANOTHER = re.compile(r"(?:是|为|定为|定在|按|相当于|等于|取|控制在|只有|只占)(?P<other>[^，,。；;：:比的]{1,10}?)的$")
_A_GROWTH = re.compile(r"(?:增速|增长率|增长|增幅|涨幅)$")


def part_of_another_rate(q: Quantity) -> bool:
    """工资总额增幅是利润增幅的一半: a part or multiple of another rate, not a rate itself."""
    return _another_rate(q) is not None


def _another_rate(q: Quantity) -> re.Match[str] | None:
    """The words naming the other rate a figure is a part or multiple of (…定为利润增幅的)."""
    match = _OF_ANOTHER.search(q.subject)
    return match if match and q.kind in (Kind.PERCENT, Kind.MULTIPLE) and _A_GROWTH.search(match.group("other")) else None


def _fractions_of_another(text: str, qs: list[Quantity]) -> list[Quantity]:
    """工资总额增幅定为利润增幅的一半 (利润增长12%): a rate stated as a part or multiple of another rate
    is that rate times it (6%, derived and shown as such); when the other rate is not written, the
    figure is asked about where it is read. (基本年薪为年薪总额的40% is a share: no rate is named.)"""
    out = list(qs)
    for i, q in enumerate(out):
        match = _another_rate(q)
        if match is None:
            continue
        other = _A_GROWTH.sub("", match.group("other")).removesuffix("的")
        base = next((p for p in out if p is not q and p.kind is Kind.PERCENT and p.name and not p.derived
                     and (p.name == other or core(p.name) == other or len(other) >= 2 and p.name.endswith(other))), None)
        own = q.subject[:match.start()].strip()
        if base is None or not own:
            continue  # asked about when read into a field (fill: _parts_of_another_rate)
        out[i] = q.with_(value=base.value * q.value, kind=Kind.PERCENT, name=own, subject=own,
                         text=f"{q.subject}{q.text}", derived=True)
    return out


_FULL_MARKS = re.compile(r"(?:满分|百分制|总分值)(?:为|是|共)?\s*$")


def _points_out_of_full_marks(text: str, qs: list[Quantity]) -> list[Quantity]:
    """考核表满分100分：产量40分，质量25分…: points that make up the full marks are each item's weight
    (40%), worked out and shown as such; the full marks are no item. (满分100分，小王92分: a score.)"""
    out = list(qs)
    for i, full in enumerate(qs):
        if full.kind not in (Kind.SCORE, Kind.NUMBER) or not _FULL_MARKS.search(full.subject) or full.value <= 0:
            continue
        # (…培训10分，满分100: the full marks may close the list too)
        parts = [j for j, q in enumerate(qs) if j != i and q.kind is Kind.SCORE and q.sentence == full.sentence and q.name]
        if len(parts) < 2 or sum(qs[j].value for j in parts) != full.value:
            continue
        out[i] = full.with_(weak=True, label=True)
        for j in parts:
            q = qs[j]
            out[j] = q.with_(kind=Kind.PERCENT, value=q.value / full.value, unit="%", derived=True,
                             text=f"{q.text}（满分{full.text}）")
    return out


_REMAINDER = re.compile(r"(?:剩下|剩余|其余|余下)的?(?:权重|比例|部分|人|名额)?(?:都|全)?(?:平均)?(?:是|为|归|给|分给|算|记为|评为|定为)?"
                        r"([^，,。；;！？!?\n]+)")


# A 15% B 70% C 其余 / C为剩下的: the name first, then the rest
_NAME_THEN_REMAINDER = re.compile(r"(?<![\u4e00-\u9fa5A-Za-z])([A-Za-z]|[\u4e00-\u9fa5]{1,4}?)\s*(?:为|是|占|拿|算)?\s*(?:剩下|剩余|其余|余下)(?:的|部分)?(?=$|[，,。；;！？!?\s])")


# 其余几项看着办 / 剩下的再说: the rest left undecided names no item
_NOT_A_REST_NAME = re.compile(r"^几|看着办|再说|再定|待定|未定|没定|还没|不清楚|不知道")


def _remainders(text: str, quantities: list[Quantity], clauses: list[Clause]) -> list[Quantity]:
    """剩下的平均分给党建和重点任务 / 剩下的是C: the share left by the percentages written before,
    split evenly among the names given (derived from the text, shown as such)."""
    out = []
    for match in [*_REMAINDER.finditer(text), *_NAME_THEN_REMAINDER.finditer(text)]:
        sentence_start = max(text.rfind(ch, 0, match.start()) for ch in SENTENCE_END) + 1
        shares = [q for q in quantities if q.kind is Kind.PERCENT and sentence_start <= q.start < match.start()]
        names = [core(n) for n in re.split(r"[、和及与]", match.group(1))]
        names = [n for n in names if n and len(n) <= 8 and not _NOT_A_REST_NAME.search(n)]
        if not shares or not names or any(q.kind is not Kind.PERCENT for q in quantities if match.start() <= q.start < match.end()):
            continue
        if any(q.kind is not Kind.PERCENT and shares[-1].end <= q.start < match.start() for q in quantities):
            continue  # 激励对象112人（占35%），其中技术人才56人，其余为管理人员: the rest of the 112, not of the shares
        left = 1 - sum((q.value for q in shares), Decimal(0))
        if left <= 0:
            continue
        each = left / len(names)
        for name in names:
            at = match.start(1) + match.group(1).find(name)
            clause = _clause_of(clauses, at)
            out.append(Quantity(each, Kind.PERCENT, match.group(0), at, at + len(name), unit="余", name=name,
                                subject=name, derived=True, sentence=shares[-1].sentence, clause=clause))
    return out


_ALIKE = re.compile(r"(?P<who>[^\s，,。；;：:、]{1,6}?)(?:跟|和|与|同)(?P<other>[^\s，,。；;：:、]{1,6}?)(?:的)?一样(?:多)?")


def _alike(text: str, quantities: list[Quantity], clauses: list[Clause]) -> list[Quantity]:
    """老郑跟老周一样多: 老郑's figure is 老周's (derived from the text, shown as such)."""
    out = []
    for match in _ALIKE.finditer(text):
        who, other = core(match.group("who")), core(match.group("other"))
        if any(match.start() <= q.start < match.end() for q in quantities) or not who or not looks_like_entity(who):
            continue
        same = [q for q in quantities if q.name == other and not q.derived]
        if len(same) != 1:
            continue
        q = same[0]
        at = match.start("who") + match.group("who").find(who)
        out.append(q.with_(text=match.group(0), start=at, end=at + len(who), name=who, subject=who, tail="", parent=q.parent,
                           derived=True, sources=(q.start,), clause=_clause_of(clauses, at), corrects=None, superseded=False))
    return out


_HEADER_UNIT = re.compile(r"(?:单位[:：]?\s*|[（(](?:单位[:：]?)?\s*|[（(][\u4e00-\u9fa5]{1,4}[，,、]\s*)(万元|千元|亿元|元|万(?![件人分个次])|件|分|人|%)"
                          r"(?:/(次|件|只|户|台|套|个|月|年))?[）)]?")  # （年薪，万元）: what the figures are, then their unit
_UNIT_KINDS = {"万元": (Kind.MONEY, Decimal(10000)), "万": (Kind.MONEY, Decimal(10000)), "千元": (Kind.MONEY, Decimal(1000)), "亿元": (Kind.MONEY, Decimal(10**8)),
               "元": (Kind.MONEY, Decimal(1)), "件": (Kind.PIECES, Decimal(1)), "分": (Kind.SCORE, Decimal(1)),
               "人": (Kind.PEOPLE, Decimal(1)), "%": (Kind.PERCENT, Decimal("0.01"))}


# Labels that say a figure is no amount of money (or no figure of the heading's unit)
_OWN_LABEL = re.compile(r"(积分|分数|得分|人数|件数|数量|系数|倍数|比例|比率|占比|权重|年限|工龄|档数|级数|个数)\s*[:：]?\s*$")
_LABEL_KINDS = {"积分": Kind.SCORE, "分数": Kind.SCORE, "得分": Kind.SCORE, "人数": Kind.PEOPLE, "件数": Kind.PIECES, "数量": Kind.PIECES}


def _header_units(text: str, qs: list[Quantity]) -> list[Quantity]:
    """单位：万元 / 计件数（件）：…: a unit written once in a heading applies to the bare figures after
    it (to the end of the text for 单位：…, to the end of the sentence for a bracketed heading)."""
    out = list(qs)
    for match in _HEADER_UNIT.finditer(text):
        whole = "单位" in match.group(0)
        if not whole and not re.match(r"\s*[:：｜|\t]|(?:分别|依次)?(?:为|是)?\s*[:：]", text[match.end():match.end() + 6]):
            continue  # a bracket that is not a heading (老黎（管理岗）…); a table's first cell is one: 利润（万元）｜…
        start, stop = match.end(), len(text) if whole else _heading_scope(text, match.end())
        line_start = text.rfind("\n", 0, match.start()) + 1
        if whole and not text[line_start:match.start()].strip() and line_start > 0:
            block = text.rfind("\n\n", 0, line_start)  # 单位：万元 on a line under a pasted table: the table's unit
            start, stop = (block + 2 if block >= 0 else 0), line_start
        kind, factor = _UNIT_KINDS[match.group(1)]
        except_ = re.match(r"\s*[（(]([^（()）]*)除外[)）]", text[match.end():])  # 单位：万元（增长率、比例除外）
        excepted = tuple(w for w in re.split(r"[、，,和及与]", except_.group(1)) if w) if except_ else ()
        for i, q in enumerate(out):
            row = text[text.rfind("\n", 0, q.start) + 1:q.start]
            cell = re.sub(r"[\t｜|\s]+$", "", row)  # 联动比例⇥0.5: a pasted row's label is the cell before
            own = _OWN_LABEL.search(cell[max(cell.rfind(ch) for ch in "，,；;：:｜|\t") + 1:])
            if excepted and any(w in cell for w in excepted):
                continue
            if own and _LABEL_KINDS.get(own.group(1)) is not kind:
                continue  # 单位：万元 … 联动系数 0.6 / 甲班 积分 300: a figure whose own label says what else it is
            if start <= q.start < stop and q.kind is Kind.NUMBER and not q.money_sized \
                    and not _in_note(text[start:q.start]):
                per = match.group(2) if match.group(2) not in ("月", "年") else None
                out[i] = q.with_(value=q.value * factor, kind=kind, scale=q.scale * factor, unit=match.group(1),
                                 per=per or q.per)
    return out


def _in_note(before: str) -> bool:
    """…老包 2400（质检是辅助岗，系数0.7）: a figure in a bracketed note is no item of the list."""
    return max(before.rfind(ch) for ch in _OPEN) > max(before.rfind(ch) for ch in _CLOSE)


def _heading_scope(text: str, pos: int) -> int:
    """Where the figures under a heading end: at the end of its sentence, or, for a heading that
    ends its line (产量（件）：⏎张师傅 420⏎李师傅 380), at the first blank line or next labelled line."""
    line_end = text.find("\n", pos)
    if line_end < 0 or text[pos:line_end].strip() not in ("：", ":"):
        return next((i for i in range(pos, len(text)) if text[i] in "。；;\n"), len(text))
    end = line_end + 1
    for line in text[line_end + 1:].split("\n"):
        if not line.strip() or re.search(r"[:：]", line):
            break
        end += len(line) + 1
    return min(end, len(text))


_CELL_SPLIT = re.compile(r"\t|\s*[|｜]\s*|[ \u3000]{2,}")


def _cells(line: str, offset: int) -> list[tuple[str, int, int]]:
    """The cells of a table row (tab, |, ｜ or two spaces apart) with their positions. An empty cell
    inside the row is kept (2⇥焊装车间⇥⇥3600: its column still counts); the edges of |a|b| are not cells."""
    cells, start = [], 0
    for match in _CELL_SPLIT.finditer(line):
        cells.append((line[start:match.start()].strip(), offset + start, offset + match.start()))
        start = match.end()
    cells.append((line[start:].strip(), offset + start, offset + len(line)))
    if re.match(r"\s*[|｜]", line) and cells and not cells[0][0]:
        cells = cells[1:]
    while cells and not cells[-1][0]:
        cells.pop()
    return cells if sum(1 for c in cells if c[0]) >= 2 else [c for c in cells if c[0]]


_LINE_HEADING = re.compile(r"^\s*[【\[［]?\s*([^\s【】\[\]［］：:，,。；;0-9]{1,10})\s*[】\]］]?\s*[:：]?\s*$")


def _line_headings(text: str, qs: list[Quantity]) -> list[Quantity]:
    """【焊接班】 on its own line, then its members one per line: the heading names their department."""
    out = list(qs)
    offset, current, unit = 0, None, None
    lines = text.split("\n")
    for n, line in enumerate(lines):
        heading = _LINE_HEADING.match(line)
        bullet = _BULLET.match(line) is not None
        bullets_follow = n + 1 < len(lines) and _BULLET.match(lines[n + 1]) is not None
        if heading and ("【" in line or "[" in line or "［" in line or line.rstrip().endswith(("：", ":"))):
            current = entity_in(core(heading.group(1)))
        elif not line.strip():
            current = unit = None
        elif not bullet:
            # 生产部（部门积分 2400）, then "- 周立 820" lines: the department's own figure, then its members
            unit = _line_unit(line) if bullets_follow else None
            for i, q in enumerate(out):
                if unit and offset <= q.start < offset + len(line) and not looks_like_entity(q.name or ""):
                    out[i] = q.with_(name=unit)
        owner = current or (unit if bullet else None)
        if owner and not heading:
            for i, q in enumerate(out):
                if offset <= q.start < offset + len(line) and q.name and not q.parent and q.name != owner:
                    out[i] = q.with_(parent=owner)
        offset += len(line) + 1
    return out


_BULLET = re.compile(r"\s*[-–—·•*●○▪]\s*")


def _line_unit(line: str) -> str | None:
    """The department a line opens with, when bullet lines follow it: 生产部（部门积分 2400）."""
    head = core(re.split(r"[（(\d：:\s]", line.strip(), maxsplit=1)[0])
    return head if head and entity_end(head) else None


_INDEX_COLUMN = re.compile(r"^(?:序号|编号|行号|No\.?|NO\.?|#|工号|员工编号)$")
_PERSON_COLUMN = re.compile(r"姓名|名字|员工|人员|职工")
_UNIT_COLUMN = re.compile(r"部门|车间|班组|科室|团队|小组|单位|产线")


def _columns(header: list[tuple[str, int, int]] | None) -> tuple[int | None, int | None, set[int]]:
    """What a header says of its columns: the one naming each row (a person's 姓名 before a 班组), the
    department a row belongs to, and index columns (序号, 工号: no figure, no name). A 备注 column's
    figures stay: a note may change the row (请假半个月), so they are asked about, never dropped."""
    if not header:
        return None, None, set()
    titles = [h[0] for h in header]
    index = {j for j, t in enumerate(titles) if _INDEX_COLUMN.match(t)}
    person = next((j for j, t in enumerate(titles) if _PERSON_COLUMN.search(t) and j not in index), None)
    unit = next((j for j, t in enumerate(titles) if _UNIT_COLUMN.search(t) and j not in index), None)
    first = next((j for j in range(len(titles)) if j not in index), None)
    name = person if person is not None else first
    group = unit if unit is not None and unit != name else None
    return name, group, index


def _numbered_rows(header: list[tuple[str, int, int]] | None) -> bool:
    """等级｜中位值 over 1｜4.2: rows named by their number."""
    return bool(header) and bool(re.search(r"等级|职级|级别|岗级", header[0][0]))  # type: ignore[index]


def _tables(text: str, qs: list[Quantity]) -> list[Quantity]:
    """Rows pasted from Excel or WeChat (部门⇥积分 / 冲压车间⇥2,184): each figure is named by its
    row's name cell and described by its column's heading; a 序号 column holds no figure of the row."""
    out = list(qs)
    header: list[tuple[str, int, int]] | None = None
    offset = 0
    for line in text.split("\n"):
        cells = _cells(line, offset)
        if len(cells) >= 2:
            if not any(ch.isdigit() for c in cells for ch in c[0]):
                header = cells
            else:
                name_col, group_col, index = _columns(header)
                aligned = header is not None and len(cells) <= len(header)
                at = name_col if aligned and name_col is not None and name_col < len(cells) else 0
                row = cells[at][0] if not any(ch.isdigit() for ch in cells[at][0]) or _numbered_rows(header) else None
                group = cells[group_col][0] if aligned and group_col is not None and group_col < len(cells) else None
                group = group if group and not any(ch.isdigit() for ch in group) else None
                for i, q in enumerate(out):
                    column = next((j for j, c in enumerate(cells) if c[1] <= q.start < c[2]), None)
                    if column is None or column == at and row is not None or column == group_col and group:
                        continue
                    if aligned and column in index:
                        out[i] = q.with_(label=True)  # 序号 1, 工号 0231: no figure of the row's
                        continue
                    heading = header[column][0] if header and column < len(header) else ""
                    label = text[cells[column][1]:q.start].strip(" ：:")
                    if not header and re.fullmatch(r"[^\d]*[\u4e00-\u9fa5][^\d]*", label):
                        # 年功工资｜第一档 50元｜档差 30元: each cell says what its own figure is
                        out[i] = q.with_(name=core(label) or None, subject=label, tail="")
                        continue
                    name = core(row) if row else q.name
                    out[i] = q.with_(name=name or q.name, subject=f"{row or ''}{heading}" or q.subject, tail="",
                                     parent=group or q.parent)
        else:
            header = None if not line.strip() else header
        offset += len(line) + 1
    return out


_JOINED = re.compile(r"参加工作|入职|进厂|来厂|进公司|来公司|到岗|工作起|开始工作")
_NOW_DATE = re.compile(r"今年|现在|目前|截至|当前|如今|今天")


def _service(text: str, qs: list[Quantity]) -> list[Quantity]:
    """1998年参加工作…今年2025年 / 2011年3月入职，现在是2025年3月: the years of service between the two
    dates, worked out from the text (and shown as such)."""
    dates = [q for q in qs if q.kind is Kind.DATE and re.fullmatch(r"(?:19|20)\d\d年(?:度)?", q.text)]
    joined = next((q for q in dates if _JOINED.search(text[q.end:q.end + 8])), None)
    now = next((q for q in dates if q is not joined and _NOW_DATE.search(text[max(0, q.start - 6):q.start])), None)
    if joined is None or now is None or now.value < joined.value:
        return []
    if any(q.kind is Kind.YEARS and q.value == now.value - joined.value and not q.every for q in qs):
        return []  # 2009年进厂，到今年（2026年）工龄17年: the years are written; working them out again only doubles them
    months = [re.match(r"(\d{1,2})月", text[d.end:d.end + 3]) for d in (joined, now)]
    years = now.value - joined.value
    if months[0] and months[1]:
        years += (Decimal(months[1].group(1)) - Decimal(months[0].group(1))) / 12
    return [Quantity(years, Kind.YEARS, f"{joined.text}→{now.text}", now.start, now.end, unit="年", subject="工龄",
                     name=None, sentence=now.sentence, clause=now.clause, derived=True, topic=now.topic)]


_PAST = re.compile(r"上年|去年|上一年|基期|前一年|上年度|上期|同期")
_NOW = re.compile(r"今年|本年|本年度|当年|预计|计划|预算|今年度|本期|拟")
_TIMES = tuple(sorted({*_PAST.pattern.split("|"), *_NOW.pattern.split("|")}, key=len, reverse=True))


# 利润从去年的1.5亿增长到今年的1.65亿: the second amount is named only by the move to it
_MOVED_TO = re.compile(r"^(?:增长|增加|上涨|涨|提高|提升|上升|下降|降低|减少|降|减|跌|回落)?(?:到|至)")


def _growths(qs: list[Quantity]) -> list[Quantity]:
    """工资总额上年5000，今年5400: the growth worked out from the two amounts, (5400 − 5000) ÷ 5000,
    named by what grew (derived from the text, and shown as such)."""
    out = []
    for i, q in enumerate(qs):
        past, now = _PAST.search(q.subject) or q.subject.endswith(("从", "由")), _NOW.search(q.subject)  # 利润从3000万涨到3100万
        change = _CHANGE.search(q.subject.split("…")[-1])
        if change and q.kind in (Kind.MONEY, Kind.NUMBER):  # 今年工资总额比去年多发了150万，去年是1500万: a change, not a level
            what = strip_words(core(strip_words(q.subject.split("…")[-1].split("比")[0], _TIMES)), _TIMES)
            base = next((p for p in qs if p is not q and p.sentence == q.sentence and p.kind is q.kind and p.name
                         and (p.name == what or p.name in what or what in p.name)
                         and _PAST.search(p.subject.split("…")[-1]) and not _CHANGE.search(p.subject.split("…")[-1])), None)
            if base is not None and base.value:
                less = q.value < 0 or change.group(1) in _LESS_WORDS  # 少了200万 may already carry its sign
                moved = base.value - abs(q.value) if less else base.value + q.value
                after = q.with_(value=moved, text=f"{change.group(1)}{q.text}")
                out.append(_growth_between(base, after, base.name or what))
            continue
        if q.kind not in (Kind.MONEY, Kind.NUMBER) or not q.name or not (past or now):
            continue
        for later in qs[i + 1:]:
            moved_to = _MOVED_TO.match(after_figure(later.subject)) and later is next((p for p in qs[i + 1:] if p.kind is q.kind), None)
            unnamed_now = past and _NOW.search(later.subject) and not core(strip_words(later.subject, _TIMES))  # 今年打算发1650万
            if later.sentence != q.sentence or later.kind not in (Kind.MONEY, Kind.NUMBER) \
                    or later.name != q.name and not moved_to and not unnamed_now:
                continue
            before, after = (q, later) if past else (later, q)  # 利润总额今年5200万去年5000万: the present first
            if (_NOW.search(later.subject) or moved_to if past else _PAST.search(later.subject)) and before.value:
                subject = re.sub(rf"[从由]?(?:{_PAST.pattern}|{_NOW.pattern})?的?$", "", q.subject)  # 利润从去年的 → 利润
                topic = strip_words(core(strip_words(subject, _TIMES)) and strip_words(subject, _TIMES), _TIMES)
                out.append(_growth_between(before, after, topic))
                break
    return out + _growths_by_year(qs)


_LESS_WORDS = ("少", "少发", "减少", "降", "下降", "减")
_PER_UNIT = re.compile(r"^\s*/\s*(?:人|月|年|件|次|天|台|吨|小时|个)")


def after_figure(subject: str) -> str:
    """The words of a subject after the figure before it, without that figure's per-unit ("由28.5万元/人提高到"
    → 提高到): the unit belongs to the figure it follows."""
    return _PER_UNIT.sub("", subject.split("…")[-1])
_CHANGE = re.compile(r"比[^，,。；;]{0,8}?(多发|少发|多[赚挣收拿]?|少[赚挣收拿]?|增加|减少|涨|降|下降)了?$")  # 比去年多赚了300万


def _growth_between(before: Quantity, after: Quantity, what: str) -> Quantity:
    """(after − before) ÷ before as a derived percentage named by what grew, placed at the later amount."""
    # 1800万 → 1900万 is 5.5555…%: twelve places are exact enough and within what calculators accept
    growth = ((after.value - before.value) / before.value).quantize(Decimal("1e-12"))
    return Quantity(growth, Kind.PERCENT, f"{before.text}→{after.text}", after.start, after.end, unit="%", subject=f"{what}增长", name=what,
                    sentence=after.sentence, clause=after.clause, derived=True, direction="down" if growth < 0 else "up",
                    topic=before.topic, sources=(before.start, after.start))


def _growths_by_year(qs: list[Quantity]) -> list[Quantity]:
    """工资总额：2023年3200万，2024年3420万: two amounts of one heading, each after its year, the later
    year's over the earlier's is the growth of what the heading names."""
    years = {q.end: q for q in qs if q.kind is Kind.DATE and (q.unit == "年" or q.text.endswith("年"))}
    def year_of(q: Quantity) -> Quantity | None:  # 2023年3200万, 2023年 4500
        return years.get(q.start) or years.get(q.start - 1)

    dated = [q for q in qs if q.kind in (Kind.MONEY, Kind.NUMBER) and year_of(q) is not None and not q.derived]
    out = []
    for a, b in pairwise(dated):
        year_a, year_b = year_of(a), year_of(b)
        assert year_a is not None and year_b is not None
        head = a.topic[: a.topic.rfind(year_a.text)] if year_a.text in a.topic else ""
        head = re.sub(r"[（(][^（()）]*[)）]", "", re.split(r"[，,；;。\n]", head)[-1])  # 工资总额（万元）｜ → 工资总额
        head = core(head.strip(" :：｜|")) or ""
        between = [q for q in qs if a.end <= q.start < year_b.start and q.kind in (Kind.MONEY, Kind.NUMBER)]
        if not head or between or a.sentence != b.sentence or year_b.value <= year_a.value or not a.value \
                or not b.topic.startswith(a.topic.split(year_a.text)[0]):
            continue
        out.append(_growth_between(a, b, head))
    return out


CORRECTION = re.compile(r"不对|哦不|(?<!是)不是(?!说)|等下|等等|更正|打错|写错|看串行|看错|不好意思|审计后|修正|改正|纠正|应该是|其实是|准确地说|说错")


_ASKING = re.compile(r"[？?]|吗|会不会|是不是|是否|够不够|行不行|对不对|超没超|有没有")


def _restated(text: str, qs: list[Quantity]) -> list[Quantity]:
    """…净利润40%…。利润那个40%会不会超了: a figure asked about again is the one already given, not
    another item."""
    out: list[Quantity] = []
    for q in qs:
        end = next((i for i in range(q.end, len(text)) if text[i] in SENTENCE_END), len(text))
        same = [p for p in out if p.kind is q.kind and p.value == q.value]
        again = _ASKING.search(text[q.end:end + 1]) and (
            q.name and any(p.name and q.name in p.name for p in same)
            or not q.name and len(same) == 1 and re.match(r"(?:的)?(?:那个|那项|这个|这项|那一项|这一项)", q.tail))  # 8%那个要不要调
        if not again:
            out.append(q)
    return out


def _corrections(text: str, qs: list[Quantity]) -> list[Quantity]:
    """…后勤部是1000分。哦不对，后勤部是1100分 / 激励对象95人——不对，是85人: a figure after a
    correction replaces the earlier one of the same kind (and name, when it has one)."""
    out = list(qs)
    for i, q in enumerate(out):
        later = out[i + 1] if i + 1 < len(out) else None
        if re.search(r"不是\s*$", text[max(0, q.start - 3):q.start]) and not q.derived \
                and (later is None or not re.fullmatch(r"\s*[，,]?\s*(?:而|应该|应)?是\s*", text[q.end:later.start])):
            # 计件奖不是2万…我再问问: denied with nothing said instead — asked for (不是8万是8.5万 is asked as two figures)
            out[i] = q.with_(superseded=True)
            continue
        earlier = [j for j in range(i) if out[j].kind is q.kind and not out[j].superseded and not out[j].derived]
        just_said = out[i - 1] if i else None
        if just_said is not None and just_said.kind is not q.kind and Kind.NUMBER in (just_said.kind, q.kind) \
                and not just_said.money_sized and not just_said.superseded and not just_said.derived:
            earlier = [i - 1]  # 做了一千一，不对，一千件: the bare figure just said, whatever unit the correction adds
        if not earlier:
            continue
        marker = CORRECTION.search(text, out[earlier[-1]].end, q.start)
        if marker is None:
            continue
        if marker.group(0) == "不是" and not text[marker.end():q.start].strip():
            out[i] = q.with_(superseded=True)  # 每级是加150不是200: the figure after 不是 is the one taken back
            continue
        same = [j for j in earlier if q.name and out[j].name == q.name] or ([earlier[-1]] if not q.name or q.name == out[earlier[-1]].name else [])
        if not same:
            continue
        old = out[same[-1]]
        out[same[-1]] = old.with_(superseded=True)
        out[i] = q.with_(name=q.name or old.name, subject=old.subject + "→" + q.subject, corrects=old.text,
                         direction=q.direction or old.direction, value=-abs(q.value) if old.direction == "down" and q.value > 0 and q.direction is None else q.value)
    return out


def _negations(clauses: list[Clause], lex: Lexicon) -> list[Clause]:
    limits = lex.max_words + lex.min_words
    out = []
    for clause in clauses:
        plain = clause.text
        for word in limits:
            plain = plain.replace(word, "·" * len(word))
        out.append(replace(clause, negated=contains_any(plain, lex.negations) is not None or deferred(plain)))
    return out


def deferred(text: str) -> bool:
    """Put off until later, so not done now: "工资集体协商待条件成熟后再行开展"."""
    return _DEFERRED.search(text) is not None


# Put off until later is not done now: "工资集体协商待条件成熟后再行开展", "待具备条件时另行实施".
_DEFERRED = re.compile(r"待[^，,；;。]{0,10}?(?:条件|时机|成熟|具备|统一部署|组建|成立|建立|健全)[^，,；;。]{0,6}?(?:后|时|以后)[^，,；;。]{0,2}?(?:再|另行|方可)")


_LABEL_BEFORE = re.compile(r"(?:职级|等级|级别|岗级|薪级|职等|档次|序号|编号)$")


_MULTIPLIED_BY = re.compile(r"\s*(?:×|\*|x|X|乘以|乘)\s*$")


def _products(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """每月3万×3个月, 2000元乘以15人: an amount times a count is their product (worked out, shown as
    written); never the first factor alone."""
    out: list[Quantity] = []
    for q in quantities:
        prev = out[-1] if out else None
        if prev is not None and _MULTIPLIED_BY.fullmatch(text[prev.end:q.start]) and prev.value and q.value \
                and prev.kind in (Kind.MONEY, Kind.NUMBER) and q.kind in (Kind.MONTHS, Kind.PEOPLE, Kind.COUNT, Kind.NUMBER, Kind.YEARS):
            out[-1] = prev.with_(value=prev.value * q.value, text=text[prev.start:q.end], end=q.end, derived=True,
                                 kind=Kind.MONEY if prev.money_sized or prev.kind is Kind.MONEY else prev.kind)
            continue
        out.append(q)
    return out


_HEAD_COUNT_AFTER = re.compile(r"\s*[，,、]?\s*(?:共|一共|总共|共计|合计)\s*")


def _per_head_totals(text: str, qs: list[Quantity]) -> list[Quantity]:
    """人均1500元，共4个人: an amount per head beside the whole head count is their product, the total
    (worked out and shown as written); never the per-head amount as the total."""
    out: list[Quantity] = []
    for q in qs:
        prev = out[-1] if out else None
        if prev is not None and prev.kind is Kind.MONEY and prev.per == "人" and q.kind is Kind.PEOPLE \
                and _HEAD_COUNT_AFTER.fullmatch(text[prev.end:q.start]):
            whole = re.sub(r"(?:人均|平均每人|每人平均|每人)$", "", prev.subject)  # the total is no longer per head
            out[-1] = prev.with_(value=prev.value * q.value, text=text[prev.start:q.end], end=q.end, derived=True, per=None,
                                 subject=whole, name=core(whole) or None)
            continue
        out.append(q)
    return out


def _labels_from_levels(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """七级中位值8000元, 一级1500元, 职级2→6000: a grade written with a numeral names the figure after it."""
    out: list[Quantity] = []
    for i, q in enumerate(quantities):
        nxt = quantities[i + 1] if i + 1 < len(quantities) else None
        if q.kind is Kind.NUMBER and nxt is not None and _LABEL_BEFORE.search(text[max(0, q.start - 3):q.start]):
            gap = text[q.end:nxt.start]
            if len(gap) <= 3 and not any(c in "，,；;。、" for c in gap):
                continue  # 职级2→6000, 等级1 3000
        nxt = quantities[i + 1] if i + 1 < len(quantities) else None
        if q.kind is Kind.LEVELS and (text[q.end:q.end + 1] in ("/", "／") or text[q.end:q.end + 1] == "工" and text[q.end - 1:q.end] == "级"):
            continue  # 二级/技师, 三级工: a grade's name
        if q.kind in (Kind.LEVELS,) and nxt is not None and nxt.kind is not q.kind:
            gap = text[q.end:nxt.start]
            if not any(c in ITEM_END or c.isspace() for c in gap) and not re.search(r"[到至~\-—了第做干给]|每|共", gap) and len(gap) <= 6:
                continue  # dropped: its text stays in the next figure's subject (七级中位值8000元)
            item_start = q.start == 0 or text[q.start - 1] in "，,、；;：: \t\n"
            if item_start and re.fullmatch(r"[ \t]{1,2}", gap) and nxt.kind in (Kind.NUMBER, Kind.MONEY):
                continue  # 1级 4200，2级 4750: a list item's grade, written with a space before its figure
        out.append(q)
    return out


def _inherit_units(text: str, quantities: list[Quantity], lex: Lexicon) -> list[Quantity]:
    """120、100、80分 → all scores; 1000到1200万 → both in 万 (a unit written once serves the list)."""
    out = list(quantities)
    for i in range(len(out) - 2, -1, -1):
        q, nxt = out[i], out[i + 1]
        gap = text[q.end:nxt.start].strip()
        big = re.compile(r"[万亿]")
        if q.kind is Kind.NUMBER and not big.search(q.text) and big.search(nxt.text) and gap in lex.range_words \
                and q.value * _magnitude_of(nxt) <= nxt.value:  # (3000到1.2万 is 3000 to 12000)
            factor = _magnitude_of(nxt)  # 1000到1200万: both ends in 万
            out[i] = q.with_(value=q.value * factor, kind=nxt.kind, scale=q.scale * factor, magnitude=True)
            continue
        if q.kind is Kind.NUMBER and nxt.kind is Kind.PERCENTILE and nxt.unit != "P" and gap in ("、", ",", "，", "和", "") and q.value <= 100:
            out[i] = q.with_(kind=Kind.PERCENTILE, unit=nxt.unit)  # 25、50、75分位 / 25 50 75分位
            continue
        if q.kind is not Kind.NUMBER or nxt.kind in (Kind.NUMBER, Kind.DATE, Kind.PERCENTILE):
            continue
        if q.magnitude:
            if nxt.kind is Kind.MONEY:
                out[i] = q.with_(kind=Kind.MONEY, unit=nxt.unit)  # 1.25万、1.3万元
            continue
        gap = text[q.end:nxt.start].strip()
        joined = gap in ("", "、", ",", "，", "/") or gap in lex.list_joiners or gap in lex.range_words
        labelled = bool(re.search(r"[\u4e00-\u9fa5A-Za-z]", text[_item_start(text, q.start, 0):q.start]))
        if not joined or gap != "、" and labelled:
            continue  # 级差200，10级 / 每档加四十 四年: a figure with its own label keeps its own unit
        factor = nxt.scale if q.scale == 1 else nxt.scale / (nxt.scale if nxt.magnitude else 1)
        out[i] = q.with_(value=q.value * factor, kind=nxt.kind, unit=nxt.unit, scale=q.scale * factor,
                         magnitude=q.magnitude or nxt.magnitude)
    return out


def _compound_durations(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """工龄14年8个月 / 14年零8个月 / 14年又8个月: one length of service (14 + 8/12 years)."""
    out: list[Quantity] = []
    for q in quantities:
        prev = out[-1] if out else None
        if prev is not None and prev.kind is Kind.YEARS and q.kind is Kind.MONTHS and text[prev.end:q.start].strip() in ("", "零", "又"):
            years = _to_4_places(prev.value + q.value / 12)  # 14年8个月 = 14.6667 (same band either way)
            out[-1] = prev.with_(value=years, text=text[prev.start:q.end], end=q.end)
            continue
        if prev is not None and prev.kind in (Kind.MONTHS, Kind.YEARS) and q.kind is Kind.YEARS and re.search(r"差$", text[:prev.start]) \
                and re.fullmatch(r"\s*(?:就|才)?(?:满|到|够)", text[prev.end:q.start]):
            short = prev.value / 12 if prev.kind is Kind.MONTHS else prev.value  # 差两个月满15年 = 14年10个月
            out[-1] = q.with_(value=_to_4_places(q.value - short), text=text[prev.start - 1:q.end], start=prev.start - 1)
            continue
        out.append(q)
    return out


def _to_4_places(years: Decimal) -> Decimal:
    """14.666… → 14.6667, but 9.5 stays 9.5."""
    value = years.quantize(Decimal("0.0001"))
    return value.to_integral_value() if value == value.to_integral_value() else Decimal(format(value.normalize(), "f"))


def _inherit_forward(text: str, quantities: list[Quantity], lex: Lexicon) -> list[Quantity]:
    """百分之三十、二十、十五: bare figures listed after one with a unit take that unit."""
    out = list(quantities)
    for i in range(1, len(out)):
        q, prev = out[i], out[i - 1]
        gap = text[prev.end:q.start].strip()
        if q.kind is Kind.NUMBER and prev.kind not in (Kind.NUMBER, Kind.DATE) and gap == "、" and not q.magnitude:
            factor = prev.scale / _magnitude_of(prev)
            out[i] = q.with_(value=q.value * factor, kind=prev.kind, unit=prev.unit, scale=q.scale * factor)
    return out


def _magnitude_of(q: Quantity) -> Decimal:
    match = re.search(r"[万千亿]+", q.text)
    value = Decimal(1)
    for ch in match.group(0) if match and q.magnitude else "":
        value *= {"万": 10000, "千": 1000, "亿": 10**8}[ch]
    return value


def _item_start(text: str, pos: int, floor: int) -> int:
    i = pos
    while i > floor and text[i - 1] not in ITEM_END:
        i -= 1
    return i


def _item_end(text: str, pos: int, ceiling: int) -> int:
    i = pos
    while i < ceiling and text[i] not in ITEM_END:
        i += 1
    return i


# Positions and sizes that a "down" word before them cannot make negative (去掉最高和最低后算中位数: P50)
_NEVER_SIGNED = (Kind.PERCENTILE, Kind.ORDINAL, Kind.DATE, Kind.AGE)


def _describe(text: str, qs: list[Quantity], i: int, clauses: list[Clause], lex: Lexicon) -> Quantity:
    q = qs[i]
    c = _clause_of(clauses, q.start)
    clause = clauses[c] if clauses else Clause(text, 0, len(text), 0)
    prev_end = qs[i - 1].end if i > 0 and qs[i - 1].end > clause.start else clause.start
    start = max(_item_start(text, q.start, clause.start), prev_end)
    glued = re.match(r"[^\s\d]{1,3}\s+(?=\S)", text[start:q.start]) if start == prev_end > clause.start else None
    if glued:
        start += glued.end()  # 从2800开始 级差200: 开始 ends the figure before, the space opens this one's words
    nxt_start = next((p.start for p in qs[i + 1:] if not p.weak), len(text))
    subject = _last_words(text[start:q.start].strip())
    floor = qs[i - 1].end if i > 0 else max(text.rfind(ch, 0, q.start) for ch in SENTENCE_END) + 1
    aside = max(text.rfind(ch, floor, q.start) for ch in _CLOSE)
    if aside >= 0 and re.fullmatch(r"\s*[\u4e00-\u9fa5]?\s*", text[aside + 1:q.start]) and _COVERAGE_ASIDE.search(text[floor:q.start]):
        # 技术技能人才（含研发、工艺）56人, 在岗职工（不含劳务派遣）共320人: the words before the aside
        subject = (_before_aside(text, floor, aside + 1) + text[aside + 1:q.start].strip()) or subject
    tail_end = min(_item_end(text, q.end, len(text)), nxt_start)
    tail = text[q.end:tail_end] if tail_end < nxt_start or not re.search(r"[加增减差多]$", text[q.end:tail_end]) else ""
    tail = "" if tail[:1].isspace() else re.split(r"\s", tail, maxsplit=1)[0].strip()  # 起100 档差25: a space ends the item
    value, direction = q.value, q.direction
    symmetric = any(w in subject for w in ("上下", "±", "正负", "加减")) or bool(re.search(r"(?:到|至|(?<!完)成|为)$", subject)) \
        and not _RATE_NOUN.search(subject)  # 降幅达到两成 is a fall; 降到2000元 is a level
    down = None if symmetric else _last_word(subject, lex.down_words)
    up = _last_word(subject, lex.up_words)
    if down is not None and (up is None or down[1] >= up[1]) and q.kind not in _NEVER_SIGNED:
        direction = "down"
        value = -abs(value)
    elif up is not None and not symmetric:
        direction = "up"
    bound = None
    most, least = ends_with_any(subject, lex.max_words), ends_with_any(subject, lex.min_words)
    if most and least:  # 不低于 ends with 低于: the longer word says it
        most, least = (most, None) if len(most) > len(least) else (None, least)
    if most or starts_with_any(tail, ("以内", "以下", "之内", "封顶")):
        bound = "max"
    elif least or starts_with_any(tail, ("以上", "起", "及以上")):
        bound = "min"
    per_match = re.search(r"每(?:满|隔|过)?([\u4e00-\u9fa5]?)$", subject)
    every = bool(re.search(r"每(?:满|隔|过)?$", subject))
    per = None
    one_step = re.search(r"(?<![第首头])一(档|级)\s*[+＋]$", subject)  # 一档+50: each step adds 50
    unit_per = (re.search(r"每(?:一)?(薪级|工龄段|台阶|档|级|人|件|分|次|天|项|只|台|套|个|份|单|张|趟|户|徒|名)"
                          r"(?:[加多增涨差为是计有跨升]{0,2}|递增|增加|相差|工资)?$", subject)
                or re.search(r"一(次|只|台|件|个|份|单|趟|户)$", subject) or one_step)
    if unit_per and not every:
        per = unit_per.group(1)
    elif re.search(r"(?:人均|平均每人|每人平均)$", subject):
        per = "人"  # 人均1500元 is each person's, like 每人1500元 (人均工资8万 names an average wage instead)
    tail_per = re.match(r"\s*(?:/|每|一)(次|件|个|人|项|天|小时|台|套|只|份|单|户|趟)(?!月|季|星期|礼拜|工作日)", text[q.end:q.end + 5])  # 2个 一个月: no rate
    if tail_per and per is None:
        per = tail_per.group(1)
    del per_match
    total = contains_any(subject, lex.total_words) is not None
    name = core(subject[:one_step.start()] if one_step else subject) or None
    if name is None and q.kind is Kind.PERCENT and THE_REST_ITEM.fullmatch(subject.strip(" 、，,")):
        name = subject.strip(" 、，,")  # 党建5%、其他5%: the other items' weight is an item of the list, not 党建's again
    if name is None and subject == "" and text[start - 1:start] in _OPEN:
        name = core(text[_item_start(text, start - 1, 0):start - 1]) or None  # A组（1320分）
    if name is None and subject == "" and text[q.start - 1:q.start] in _CLOSE:
        opened = max(text.rfind(ch, 0, q.start) for ch in _OPEN)
        if opened > 0:
            head = core(text[_item_start(text, opened, 0):opened])
            name = (head + text[opened:q.start]) if head else None  # 浇花（包月）100分
    after = re.match(r"的([A-Za-z]|[\u4e00-\u9fa5]{1,4})(?=$|[，,、；;。\s])", tail)
    if name is None and after:
        name = after.group(1)  # 百分之十五的A
    role = parent = None
    inner = re.match(r"^(.+?(?:部门|车间|班组|部|班|组|科|室|队|中心)[A-Za-z0-9]?)(?:里面|内部|内|里|的)(.+)$", name or "")
    if inner and looks_like_entity(inner.group(1)):
        parent, name = inner.group(1), core(inner.group(2)) or inner.group(2)
    elif name:
        before, person = split_person(name)
        if before is not None:
            head = core(before)
            if head and entity_end(head):
                parent, name = head, person  # 生产部张三: a member of 生产部
            elif head:
                role, name = head, person  # 组长老黎, 技能岗老黄
            else:
                name = person
    sentence_start = max(text.rfind(ch, 0, start) for ch in SENTENCE_END) + 1
    heading = _heading(text[sentence_start:start])
    label = text[sentence_start:start].rstrip()
    period = _period(subject) or _period(re.split(r"[，,；;。\n]", text[q.end:q.end + 4])[0]) or (
        _period(label) if label.endswith(("：", ":")) else None)  # 同行给的月薪：7000、8000
    return q.with_(
        period=period,
        topic=text[sentence_start:start], heading=heading, value=value, subject=subject,
        tail=tail, name=name, total=total, direction=direction, bound=bound, role=role, parent=parent,
        approx=q.approx or tail.startswith(("左右", "上下", "出头", "来"))
        or not symmetric and contains_any(subject[-4:], lex.approx_words) is not None, every=every, per=per,
        sentence=clause.sentence, clause=c, negated=clause.negated,
    )


THE_REST_ITEM = re.compile(r"(?:其他|其它|其余)(?:指标|项目?|部分|方面|工作)?")
# An aside saying what words cover (含…, 不含…, 包括…): the words before it still name the figure.
_COVERAGE_ASIDE = re.compile(r"[（(【\[]\s*(?:不?包[括含]|不?含|其中|即|均为|下同|以下简称)[^（()）]*[)）】\]]\s*[\u4e00-\u9fa5]?\s*$")


# A rate of change named as a noun: the figure after it (…达到, …为) is the change itself.
_RATE_NOUN = re.compile(r"(?:降幅|减幅|跌幅|增幅|涨幅|增速|增长率|下降率|降低率|下降幅度|增长幅度)[^，,；;。]{0,4}$")


def _before_aside(text: str, floor: int, pos: int) -> str:
    """The words before a bracketed aside that ends just before a figure: the aside (含…, 不含…) says
    what the words cover, the words say what is counted."""
    close = len(text[:pos].rstrip()) - 1
    depth, i = 0, close
    while i >= floor:
        depth += text[i] in _CLOSE
        depth -= text[i] in _OPEN
        if depth == 0:
            break
        i -= 1
    if i < floor or i == close:
        return ""
    return _last_words(text[_item_start(text, i, floor):i].strip())


def _heading(before: str) -> str:
    """The label a figure's list opens with: 件数：甲 1,250 at the start of a sentence, or after a comma
    (奖金池一万八，产量：阿梅两千一、阿兰一千九); the nearest colon before the figure rules."""
    colon = max(before.rfind("："), before.rfind(":"))
    if colon < 0:
        return ""
    label = before[max(before.rfind(ch, 0, colon) for ch in "，,、") + 1:colon].strip()
    label = re.sub(r"^\d{1,2}\s*[.、．)）]\s*", "", label)  # 1. 基本目标：the item's number is no part of it
    if not 1 <= len(label) <= 8 or re.search(r"(?:^|[^\u4e00-\u9fffA-Za-z])\d+$", label) or re.search(r"[。；;]", label):
        return ""  # 8:30 is a time, not a label (班组1：300分 is one)
    if re.search(r"看|算|帮|请|一下|吧|吗|怎么|多少|如下", label):
        return ""  # 分红人数占比看一下：a request, not a label over the figures
    return label


_MONTHLY = re.compile(r"月薪|月工资|每月|月平均|月均|/月|元/月|月收入|一个月|按月|每个月|月度|月")
_YEARLY = re.compile(r"年薪|年收入|全年|每年|/年|元/年|年平均|年均|年度|年工资|一年|年")


def _period(around: str) -> str | None:
    """The period an amount is for, from the words next to it (月平均工资 → month, 年薪 → year)."""
    month, year = _MONTHLY.search(around), _YEARLY.search(around)
    if month and year:
        return "month" if month.start() > year.start() else "year"
    return "month" if month else "year" if year else None


def _last_words(subject: str) -> str:
    """帮我们做个宽带薪酬～ 设计岗: words before a space that run long are talk, not the figure's label;
    ① 采掘队 部门积分: a short name and a label are kept together (but 按积分来分 研发部: words led by a
    preposition, adverb or conjunction are talk)."""
    parts = subject.split()
    if len(parts) < 2:
        return subject
    kept = [parts[-1]]
    for part in reversed(parts[:-1]):
        words = _tokens(part)
        if len(part) > 6 or len(kept[-1]) > 4 or words and (words[0][1][0] in "pcdruy" or words[0][1] == "e"):
            break
        kept.append(part)
    return " ".join(reversed(kept))


def _last_word(text: str, words: tuple[str, ...]) -> tuple[str, int] | None:
    best = None
    for word in words:
        at = text.rfind(word)
        if at >= 0 and (best is None or at > best[1]):
            best = (word, at)
    return best


def _ranges(text: str, qs: list[Quantity], lex: Lexicon) -> list[Quantity]:
    out = list(qs)
    for i in range(len(out) - 1):
        gap = text[out[i].end:out[i + 1].start].strip()
        if gap in lex.range_words and out[i].kind == out[i + 1].kind:
            out[i] = out[i].with_(range_end=i + 1)
            out[i + 1] = out[i + 1].with_(range_start=i, subject=out[i].subject, name=out[i].name)
    for i, q in enumerate(out):
        if q.bound == "min" and starts_with_any(q.tail, ("以上", "及以上")):
            out[i] = q.with_(open_above=True)
        ref = re.search(r"(超出|超过|高出|多出|超额|超目标)([\u4e00-\u9fa5]{0,6}?)(的部分)?$", q.subject)
        if ref:
            out[i] = out[i].with_(relative_to=ref.group(2) or "目标")
    return out


_PRONOUNS = ("他俩", "她俩", "他们", "她们", "他", "她", "其", "此人", "该员工")


def _topics(qs: list[Quantity], lex: Lexicon) -> list[Quantity]:
    """A figure whose subject names nothing (比上年增加9%) belongs to the topic named before it
    in the same sentence; a figure with no name after a named one in the same clause belongs to
    that name (张工按70%折算做了500件)."""
    out = list(qs)
    for i, q in enumerate(out):
        pronoun = q.name in _PRONOUNS or q.name is None and q.subject.startswith(_PRONOUNS)
        if pronoun and i > 0 and out[i - 1].name:
            out[i] = q = q.with_(name=out[i - 1].name)  # 周主管按70%折算，他做了400件
        elif pronoun and (who := _last_person(q.topic)):
            out[i] = q = q.with_(name=who)  # 小祁也要算，他做了500件: the person named before, with no figure of theirs
        attribute = q.name in lex.attribute_words
        if q.name and not _only_verbs(q.name) and not attribute or i == 0:
            continue
        prev = out[i - 1]
        if prev.sentence != q.sentence or not prev.name:
            continue
        if q.name and not attribute and (prev.kind is q.kind or not looks_like_entity(prev.name)):
            continue  # 利润15%、回款10%: items of one list keep their own names
        if prev.clause == q.clause or _starts_as_continuation(q.subject, lex):
            out[i] = q.with_(name=prev.name, subject=prev.subject + "…" + q.subject, total=q.total or prev.total)
    return out


def _last_person(words: str) -> str | None:
    """The last person named in `words` (小祁 in 小祁也要算,): a jieba person name or 小X/老X/X工."""
    people = [w for w, flag in _tokens(words) if flag in ("nr", "nrfg") or person_pattern().fullmatch(w)]
    return people[-1] if people else None


def _only_verbs(name: str) -> bool:
    """折算 in 张工按70%折算做了500件 is what is done, not who does it."""
    return all(flag in ("v", "ul", "uz", "ug") for _, flag in _tokens(name))


def _named_before(text: str, qs: list[Quantity], clauses: list[Clause]) -> list[Quantity]:
    """小刘是新手，计件数减半计算 / 只有一个等级：主管级，市场中位1.2万: a figure that names no one
    belongs to the person or grade named by a clause with no figure just before it."""
    out = list(qs)
    starts = {q.start for q in qs}
    for i, q in enumerate(out):
        # only a rate or a grade's figure is told about this way; an amount with no name stays unnamed
        if q.name or q.derived or q.kind not in (Kind.PERCENT, Kind.MULTIPLE, Kind.NUMBER, Kind.MONEY) or q.magnitude \
                and q.kind is not Kind.MONEY:
            continue
        here = _clause_of(clauses, q.start)
        for c in range(here - 1, max(-1, here - 2), -1):
            clause = clauses[c]
            if clause.sentence != q.sentence or any(clause.start <= s < clause.end for s in starts):
                break
            who = mention_in(clause.text)
            if who and (q.kind is not Kind.MONEY or who.endswith("级")):
                # 最高级写错了，是9600: the clause's words say what the figure is, as its own words would
                out[i] = q.with_(name=who, subject=f"{clause.text}…{q.subject}")
                break
    return out


def mention_in(text: str) -> str | None:
    """The person or unit a short clause is about: 小刘是新手 → 小刘, 主管级 → 主管级."""
    head = re.split(r"[是为的]", text.strip(), maxsplit=1)[0]
    name = core(head)
    if name and (looks_like_entity(name) or re.fullmatch(r"[\u4e00-\u9fa5A-Za-z0-9]{1,6}级", name)):
        return name
    return None


def _starts_as_continuation(subject: str, lex: Lexicon) -> bool:
    plain = subject.strip()
    return bool(plain) and starts_with_any(plain, _COMPARATIVES + lex.up_words + lex.down_words) is not None


def _split_names(phrase: str, lex: Lexicon) -> list[str]:
    phrase = re.split(r"分为|分成|(?<=[次级档])分|包括|包含|设有|设为|[:：]", phrase)[-1]  # 考核结果分为优秀、良好… → 优秀、良好…
    parts = [phrase]
    for joiner in lex.list_joiners:
        parts = [piece for part in parts for piece in part.split(joiner)]
    names = [core(p) for p in parts if core(p)]
    return _same_shape_head(names)


def _shape(text: str) -> str:
    return "".join("L" if c.isascii() and c.isalpha() else "D" if c.isdigit() else "C" for c in text)


def _same_shape_head(names: list[str]) -> list[str]:
    """技术岗T1、T2、T3: the first name carries the list's heading; keep the part shaped like the rest."""
    if len(names) < 2:
        return names
    shapes = {_shape(n) for n in names[1:]}
    if len(shapes) == 1 and any(ch in "LD" for ch in next(iter(shapes))):
        shape = next(iter(shapes))
        first = names[0]
        if len(first) > len(shape) and _shape(first[-len(shape):]) == shape:
            return [first[-len(shape):], *names[1:]]
    return names


def _respectively(text: str, qs: list[Quantity], lex: Lexicon) -> list[Quantity]:
    """张三、李四、王五分别得了120、100、80分: names before 分别 pair with figures after it, in order."""
    out = list(qs)
    for word in lex.respectively_words:
        for match in re.finditer(word, text):
            after = [i for i, q in enumerate(out) if q.start >= match.end() and not q.weak
                     and not any(ch in SENTENCE_END for ch in text[match.end():q.start])]
            after = _same_list(text, out, after)
            names = _names_before(text, match.start(), len(after), lex)
            if len(names) >= 2 and len(names) == len(after):
                lead = text[max(text.rfind(ch, 0, match.start()) for ch in CLAUSE_END) + 1:match.start()]
                for name, i in zip(names, after):
                    out[i] = out[i].with_(name=name, subject=f"{name} {lead}{word}".strip())
                sentence_start = max(text.rfind(ch, 0, match.start()) for ch in SENTENCE_END) + 1
                for j, q in enumerate(out):  # 等级2、4、6、8 / 1到5级: numbers that name, not figures
                    if sentence_start <= q.start < match.start() and q.kind in (Kind.NUMBER, Kind.LEVELS) \
                            and any(n.rstrip("级") == format(q.value.normalize(), "f") for n in names):
                        out[j] = q.with_(weak=True, label=True, range_end=None, range_start=None)
    return out


def _ratio_parts(text: str, qs: list[Quantity]) -> list[Quantity]:
    """按6:4 分给生产部和技术部: each part of a ratio is its share of the whole (60%, 40%), written as a
    percentage so that every field taking shares reads it; the names come after binding."""
    from .ratios import ratios

    out = list(qs)
    for ratio in ratios(text):
        end = ratio.start + len(ratio.text)
        before = text[max(0, ratio.start - 3):ratio.start]
        if not re.search(r"[:：∶比]", ratio.text):
            continue  # 四六开, 五五开: one share, read by the lexicon's value words
        if not re.search(r"按|比例|比为|之比|比是|[:：]$", before) and "比例" not in text[end:end + 3]:
            continue  # a ratio says how to share only where it is called one (按…、比例…), not 3比2 won
        whole = sum((v for _, _, v in ratio.parts), Decimal(0))
        out = [q for q in out if not (ratio.start <= q.start < end)]
        out += [Quantity(v / whole, Kind.PERCENT, text[a:b], a, b, unit="比", scale=Decimal(1) / whole) for a, b, v in ratio.parts]
    return sorted(out, key=lambda q: q.start)


def _ratio_names(text: str, qs: list[Quantity], lex: Lexicon) -> list[Quantity]:
    """生产部和技术部按6:4分 / 按6:4分给生产部和技术部: the names listed beside a ratio, in order."""
    out = list(qs)
    parts = [i for i, q in enumerate(out) if q.unit == "比"]
    runs: list[list[int]] = []
    for i in parts:
        if runs and text[out[runs[-1][-1]].end:out[i].start].strip() in (":", "：", "∶", "比"):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        start, end = out[run[0]].start, out[run[-1]].end
        clause_start = max(text.rfind(ch, 0, start) for ch in CLAUSE_END) + 1
        clause_end = min((j for j in (text.find(ch, end) for ch in CLAUSE_END) if j >= 0), default=len(text))
        after = re.match(r"\s*(?:的比例|比例)?\s*(?:分给|分配给|发给|给|分到|拨给)([^，,。；;]+)", text[end:clause_end])
        before = re.sub(r"(?:之间)?(?:按照?|比例为?|的比例是?|之比为?)\s*$", "", text[clause_start:start])
        before = re.split(r"按照?", before)[-1] or before  # 考核结果按优秀、良好、合格2:5:3: what follows 按
        for phrase in ([after.group(1)] if after else []) + [before]:
            phrase = _without_count(re.sub(r"(?:的?比例是?|分配|分|发放|发)$", "", phrase))
            names = _split_names(phrase, lex)
            if len(names) == 1 and len(run) > 1:  # 一班二班三班: names run together, each ending alike
                suffix = ends_with_any(phrase, lex.entity_suffixes)
                names = re.findall(rf".+?{re.escape(suffix)}", phrase) if suffix else names
            if len(names) == len(run):
                for name, i in zip(names, run):
                    out[i] = out[i].with_(name=name, subject=name)  # (the other names in its clause are not its words)
                break
    return out


def _names_before(text: str, pos: int, wanted: int, lex: Lexicon) -> list[str]:
    """The list of names that a 分别 pairs with: in its own clause, else the nearest clause of the
    same sentence that lists exactly as many names (技术岗T1、T2、T3三个等级，中位值分别为…)."""
    sentence_start = max(text.rfind(ch, 0, pos) for ch in SENTENCE_END) + 1
    stops = [sentence_start] + [i + 1 for i in range(sentence_start, pos) if text[i] in "，,：:"]
    # 指标：利润、营收…；权重依次为…: the names may be in the part before a semicolon
    before = max(text.rfind(ch, 0, sentence_start - 1) for ch in SENTENCE_END) + 1 if text[sentence_start - 1:sentence_start] in "；;" else sentence_start
    stops = [i + 1 for i in range(before, sentence_start - 1) if text[i] in "，,：:"] + ([before] if before < sentence_start else []) + stops
    for start in reversed(stops):
        end = next((i for i in range(start, pos) if text[i] in "，,：:；;"), pos)
        segment = _without_count(text[start:end])
        names = _split_names(segment, lex)
        if len(names) == wanted:
            return names
        labels = _label_range(segment)
        if len(labels) == wanted:
            return labels
    return []


def _without_count(segment: str) -> str:
    """A、B、C三档 → A、B、C: the count that closes a list of names is none of them."""
    return re.sub(r"[零一二两三四五六七八九十]+(?:个|项|家)?(?:等次|等级|级别|档次|岗位|部门|指标|人|类|档|级)$", "", segment)


_HAS_FIGURE = re.compile(r"\d|[零一二两三四五六七八九十百千万]+(?:元|万|分|件|人|%)")


def _label_range(segment: str) -> list[str]:
    """职位等级1到5级 / 等级2、4、6、8: grades named by their numbers, for 分别/对应 lists."""
    span = re.search(r"(\d+)\s*(?:到|至|-|~|–)\s*(\d+)\s*级", segment) \
        or re.search(r"(?:等级|职级|级别|岗级|薪级)\s*(\d+)\s*(?:到|至|-|~|–)\s*(\d+)(?!\d)", segment)  # 等级1到6的…
    if span and 0 < int(span.group(2)) - int(span.group(1)) < 30:
        return [f"{k}级" for k in range(int(span.group(1)), int(span.group(2)) + 1)]
    listed = re.search(r"(?:等级|职级|级别)\s*((?:\d+\s*[、，,]\s*)+\d+)", segment)
    return [f"{n}级" for n in re.findall(r"\d+", listed.group(1))] if listed else []


def _same_list(text: str, qs: list[Quantity], idx: list[int]) -> list[int]:
    """The run of figures that continue one list (only joiners between them)."""
    run: list[int] = []
    for i in idx:
        if run:
            gap = text[qs[run[-1]].end:qs[i].start].strip()
            if gap not in ("", "、", ",", "，", "和", "及", "与", "/"):
                break
        run.append(i)
    return run


def _each(text: str, qs: list[Quantity], lex: Lexicon) -> list[Quantity]:
    """老王和小刘各做了300件 / 小魏、小严各200: one figure for each of the names."""
    out: list[Quantity] = []
    for q in qs:
        each = _last_word(q.subject, lex.each_words)
        names = _split_names(q.subject[:each[1]], lex) if each else []
        if each and len(names) < 2:  # the subject stops at 、: the names listed before it share the figure
            clause_start = max(text.rfind(ch, 0, q.start) for ch in "，,；;。：:\n（(")
            names = _split_names(_without_count(text[clause_start + 1:q.start].split(each[0])[0]), lex)
            before = max(text.rfind(ch, 0, clause_start) for ch in "，,；;。：:\n（(") + 1
            listed = text[before:clause_start]
            if len(names) < 2 and text[clause_start:clause_start + 1] in "，," and not _HAS_FIGURE.search(listed):
                names = _split_names(_without_count(listed), lex)  # 考核指标：利润、收入、安全、质量，权重各25%
        together = _last_word(q.subject, lex.total_words)
        joint = _split_names(q.subject[:together[1]], lex) if together else []
        if len(names) >= 2:
            out += [q.with_(name=name) for name in names]
        elif len(joint) >= 2 and all(looks_like_entity(n) for n in joint):  # (杰出及优秀合计35% names one group of grades)
            out.append(q.with_(name=None, total=True))  # 小王和小李一共做了2000件: the two together, neither alone
        else:
            out.append(q)
    return out


def _parents(text: str, qs: list[Quantity], clauses: list[Clause], lex: Lexicon) -> list[Quantity]:
    """Members listed under a department: after 其中, inside brackets after it, or under a header
    ("生产部：张三120分、李四80分")."""
    out = list(qs)
    for i, q in enumerate(out):
        if q.parent:
            continue
        parent = None
        sibling = out[i - 1] if i else None
        if sibling is not None and sibling.parent and sibling.kind == q.kind and q.name and not entity_end(q.name) \
                and not re.search(r"[：:。！？!?；;\n（(）)]", text[sibling.end:q.start]):
            out[i] = q.with_(parent=sibling.parent)  # A部门内 张 30、李 20: the list goes on under A部门
            continue
        owner = next((p for p in reversed(out[:i]) if p.sentence == q.sentence and p.name), None)
        if owner is not None and (owner.kind != q.kind or _alone_in_brackets(text, out, q) and not looks_like_entity(q.name or "")) \
                and _inside_brackets_after(text, owner.end, q.start) and not person_pattern().search(q.name or ""):  # （老魏300、…）: members
            out[i] = q.with_(name=owner.name, parent=owner.name)  # 老黎做了300件（管理岗按0.6折算）: the 0.6 is 老黎's
            continue
        before = [p for p in out[:i] if p.sentence == q.sentence and p.name and p.parent is None
                  and (p.kind == q.kind or Kind.NUMBER in (p.kind, q.kind))]
        segment = text[before[-1].end:q.start] if before else ""
        intro_at = max((segment.rfind(w) for w in lex.member_intro), default=-1)
        closed = intro_at >= 0 and _unbalanced_close(segment[intro_at:])
        if before and (contains_any(q.subject, lex.member_intro) or intro_at >= 0 and not closed) \
                and not contains_any(segment, tuple(SENTENCE_END)):
            parent = before[-1].name
        elif before and q.clause != before[-1].clause and _member_heading(text, before[-1].end, q.start, lex):
            parent = before[-1].name
        elif before and _inside_brackets_after(text, before[-1].end, q.start):
            parent = before[-1].name
        elif before and re.match(r"\s*[:：]", segment) and entity_end(before[-1].name or "") and not entity_end(q.name or ""):
            parent = before[-1].name  # 销售部总分900分：小周400、小吴500
        elif before and any(p.parent for p in out[:i]) and contains_any(before[-1].name or "", lex.entity_suffixes) and not entity_end(q.name or "") \
                and person_pattern().search(q.name or "") and not contains_any(segment, tuple(SENTENCE_END)):
            parent = before[-1].name  # …里面王工120分；二车间6000分，张师傅200分: people after a department, as before
        else:
            parent = _header(text, clauses, q, tuple(p.name for p in out[:i] if p.name and not p.parent))
        if parent and parent != q.name and not whole_unit(parent):  # 全公司8000分，其中一部3000分: parts of the whole, no group
            out[i] = q.with_(parent=parent)
    return out


# 先扣掉罚款5000, 预留10%, 提留5%: words that take a sum out before the rest is shared
SET_ASIDE = re.compile(r"预留|提留|留出|留存|留下|留作|扣除|扣留|扣掉|扣减|拿出|拿掉|提取|切出|划出|减去|减掉|去掉|提出|扣|留")
_LEFT_FOR = re.compile(r"^[，,\s]*(?:再|然后)?(?:剩下|剩余|其余|余下|剩)(?:的|来的)?(?:部分|钱|奖金|金额|绩效)?(?:再|才|都|全部)?")


def _what_is_left(text: str, qs: list[Quantity]) -> list[Quantity]:
    """绩效一共15万，先扣掉安全罚款5000，剩下的按积分分 / 预留10%作年终奖，其余按积分分: the amount to
    share is what is left (145000; 90% of the whole), worked out and shown as such; the sum set aside
    is no member's figure."""
    out = list(qs)
    for i, q in enumerate(out):
        whole = next((p for p in reversed(out[:i]) if p.kind in (Kind.MONEY, Kind.NUMBER) and p.money_sized and not p.derived), None)
        clause_start = max(text.rfind(ch, 0, q.start) for ch in "，,；;。\n") + 1
        aside = SET_ASIDE.search(text[clause_start:q.start])
        clause_end = min([j for j in (text.find(ch, q.end) for ch in "，,；;。\n") if j >= 0] or [len(text)])
        if whole is None or aside is None or q.kind not in (Kind.MONEY, Kind.NUMBER, Kind.PERCENT) \
                or not _LEFT_FOR.match(text[clause_end:]):
            continue
        part = abs(q.value)
        left = whole.value * (1 - part) if q.kind is Kind.PERCENT else whole.value - part
        if left <= 0:
            continue
        at = out.index(whole)
        out[at] = whole.with_(value=left, derived=True, text=f"{whole.text}{text[clause_start:q.end]}")
        out[i] = q.with_(weak=True, label=True, name=None, parent=None)
    return out


_PLANNED = re.compile(r"计划|预计|原定|定额|目标|任务")
_DONE = re.compile(r"^(?:实际|实|最后|最终)(?:完成|做了?|干了?|生产|产量|做到)?的?$")


def _planned_and_done(qs: list[Quantity]) -> list[Quantity]:
    """二车间计划产量5000件，实际完成4600件，张师傅做了690件: the plan is no one's work (left aside),
    and the unit's actual output, named by nothing but 实际, is its total."""
    out = list(qs)
    for i, q in enumerate(out):
        if q.kind is not Kind.PIECES:
            continue
        done = [p for p in out if p is not q and p.kind is Kind.PIECES and _DONE.match(core(p.subject) or p.subject.strip())]
        if _PLANNED.search(q.subject) and done:
            out[i] = q.with_(weak=True, label=True, name=None)
        elif _DONE.match(core(q.subject) or q.subject.strip()) and any(_PLANNED.search(p.subject) for p in out if p.kind is Kind.PIECES):
            out[i] = q.with_(total=True, name="全部")  # the whole unit's (see whole_unit)
    return out


_PART_OF = re.compile(r"^(?P<who>[^，,。；;、\s]{1,8}?)(?:的[^，,。；;、\s]{0,3}?)?(?:里面|里头|里|当中|中间|其中|中)(?:有|包括|包含|含)?$")


def _parts_of_a_members_figure(qs: list[Quantity]) -> list[Quantity]:
    """张三320分…张三的分里有20分是加班的: a part of a member's figure already given is nobody's
    own figure (asked about, never a member called 张三的分里 nor a share of a department)."""
    out = list(qs)
    for i, q in enumerate(out):
        match = _PART_OF.match(q.subject.strip())
        if match and any(p.name == match.group("who") and p.kind is q.kind for p in out[:i]):
            out[i] = q.with_(name=None, parent=None)
    return out


def _unbalanced_close(text: str) -> bool:
    """A bracket closes that was opened before the text: "（其中A 3人）B 5人" ends the members, while an
    aside opened and closed inside ("其中技术技能人才（含研发、工艺）56人") does not."""
    depth = 0
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
            if depth < 0:
                return True
    return False


def _alone_in_brackets(text: str, qs: list[Quantity], q: Quantity) -> bool:
    """老包 2400（质检是辅助岗，系数0.7）: the only figure of a bracketed note (a bracket with
    several figures — 装配部1800（刘A 600、刘B 650） — or a named one lists members instead)."""
    opened = max(text.rfind(ch, 0, q.start) for ch in _OPEN)
    closes = [i for i in (text.find(ch, q.end) for ch in _CLOSE) if i >= 0]
    closed = min(closes) if closes else len(text)
    return opened >= 0 and sum(1 for p in qs if opened < p.start < closed and not p.weak) == 1


def _member_heading(text: str, after: int, pos: int, lex: Lexicon) -> bool:
    """采掘队 部门积分 5,100 —— 队员：罗大勇 210: a heading of member words between the figures."""
    segment = text[after:pos]
    match = re.search(r"([\u4e00-\u9fa5]{1,6})[:：]", segment)
    return match is not None and core(match.group(1)) in lex.member_intro


def _inside_brackets_after(text: str, after: int, pos: int) -> bool:
    segment = text[after:pos]
    opened = max(segment.rfind(ch) for ch in _OPEN)
    closed = max(segment.rfind(ch) for ch in _CLOSE)
    return opened >= 0 and opened > closed and not segment[:opened].strip(" ")


def _header(text: str, clauses: list[Clause], q: Quantity, listed: tuple[str, ...] = ()) -> str | None:
    """The name of a "生产部：" / "一车间个人积分：" clause with no figure that opens this figure's
    sentence (the nearest such heading before the figure); a heading that says something names a
    member only when it opens with one listed before (A车间分到的再按班组分：…)."""
    found = None
    for clause in clauses:
        if clause.sentence != q.sentence or clause.end > q.start:
            continue
        if text[clause.end:clause.end + 1] not in ("：", ":"):
            continue
        plain_heading = not re.search(r"\d", clause.text) and not clause.text.strip().startswith(("各", "每", "所有", "全体", "全部"))
        tail = re.split(r"\d[\d.,]*\S*\s*", clause.text)[-1].strip()  # …D车间1000分 A车间分到的再按班组分
        opened = next((n for n in sorted(listed, key=len, reverse=True) if tail.startswith(n) and looks_like_entity(n)), None)
        found = (entity_in(core(clause.text)) if plain_heading else None) or opened or found
    return found


_HEADING_VERBS = re.compile(r"说|按|分到|分给|来分|给|拿|算|分配|发放|是|要|想|请")


def entity_in(phrase: str) -> str | None:
    """The department or person a heading names first: 一车间个人积分 → 一车间, 生产部 → 生产部
    (a heading that says something — 老大说按考核分来分, 按积分分到车间 — names no one)."""
    if not phrase or phrase.startswith(("各", "每", "所有", "全体", "全部")) or _HEADING_VERBS.search(phrase):
        return None
    if looks_like_entity(phrase):
        return phrase
    code = re.search(r"[A-Za-z][A-Za-z0-9]{0,3}$", phrase)
    if code:
        return code.group(0)  # 薪酬等级A → A
    ends, at = set(), 0
    for word, _ in _tokens(phrase):
        at += len(word)
        ends.add(at)
    for end in range(len(phrase) - 1, 1, -1):
        head = phrase[:end]
        if end in ends and entity_end(head):  # a whole word ends the name: 一车间|个人积分, not 定区|间
            return head
    return None
