"""The refusal gate: does the corpus explain this question at all?

Two signals from the corpus itself, calibrated on the dev sets (`gate.yaml`):

- **share**: how much of the question the best passages explain — each content word weighted
  by how specific it is in general Chinese (idf from jieba's own dictionary frequencies, so
  '工资' weighs little and '师带徒' much), explained when it (or a synonym) occurs in the top
  units' text or their reviewed expansions (a compound by its pieces, at half weight). Content
  words are dictionary or corpus words — not jieba's guessed crumbs, function words (by the
  dictionary's tags) or words about the documents themselves (方案, 引用);
- **foreign**: the most specific *noun* of the question that the whole corpus never uses
  (产假, 公积金, 公务员 …): a topic the guidelines do not cover.

Two reviewed lists in `gate.yaml` complete them: requests to ignore the sources or to invent
clauses are refused by their form, whatever they mention; and a question naming a labour, social
insurance or tax topic the guidelines do not govern (产假, 社保, 个税 …) is refused unless its best
units use that word themselves. A question asking for a number of days or hours, a date or a
multiple (几天, 几号, 几倍) is refused unless a best unit states one: those are labour law's figures.

The operating point is the least-cost one on the dev sets (`choose_point`), chosen and
cross-validated by benchmarks/calibrate_gate.py.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .paths import PACKAGE_DIR
from .text import STOPWORDS, expand
from .yamlfile import read_yaml

if TYPE_CHECKING:
    from .index import Index

GATE_FILE = PACKAGE_DIR / "gate.yaml"
_NOUN_TAGS = ("n", "nr", "ns", "nt", "nz", "vn", "ng", "j", "l", "eng")
# Numerals, measure words, pronouns, adverbs, prepositions, conjunctions, particles,
# interjections, onomatopoeia, locatives (五十, 几个, 已经, 以后 …): they never name a topic,
# whatever weight their rarity would give them. Nor do place names (昆明, 云南): they say where,
# and a case's town in the corpus explains no question about the weather there. jieba's
# dictionary tags decide.
_FUNCTION_TAGS = ("m", "q", "r", "d", "p", "c", "u", "y", "e", "o", "f", "ns")
# jieba's dictionary lists most of its words at a floor frequency (3): no evidence of how rare
# they are, and their tags are guesses — spoken phrases are tagged as names or idioms (刚成立
# nr, 没多久 l, 怎么弄 l). Such a word is no noun: it names no topic.
FLOOR_FREQ = 3
_SHAKY_TAGS = ("nr", "l", "i")
PIECE_CREDIT = 0.5  # a compound the corpus never writes whole, but writes every piece of
# One-character suffixes that make a corpus word into an organisational unit, a place or a
# group of people (技术部, 生产科, 机车厂, 盐矿, 技术员): the compound is no new topic. Not any
# character: 电视剧 and 世界杯 are not 电视 and 世界.
PLACE_SUFFIXES = frozenset("部科厂矿所局处室组队站院校店场司委办团班段区县市省员者方家")
# The dictionary's frequencies come from written Chinese, where spoken verbs, adjectives and
# time words look rare ('干嘛', '拆成', '加点' — idf 13–16, more than 产假): only a noun's rarity
# says it names a topic. Other words weigh at most this (about a common verb's idf).
NON_NOUN_CAP = 10.0
_CONTENT = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,}")
# Days, hours, dates, multiples, ages, years of service and counts of papers are what labour
# law, tax rules or title assessment set (年假几天, 加班几倍, 几号/几月份发, 工作几年才能评, 几篇论文);
# the guidelines state almost none. A question asking for one is answered only
# when a best unit states such a figure (近2倍, 3天).
_MEASURES = "天|日|小时|钟头|号|倍|晚上|晚|夜|周|星期|岁|年|篇|月份"
_ASKS_MEASURE = re.compile(rf"(?:几|多少|多长)个?({_MEASURES})")
# …unless the count sits inside a yes-or-no question about a practice (能不能光看发了几篇论文):
# that asks whether, not how many
_ASKS_WHETHER = re.compile(r"(?:能不能|可不可以|能否|是否|该不该|要不要)[^，。？！?!,;；]*(?:几|多少|多长)")
# …or "only a few" (就来干几天活, 只干几个月) in one clause while a later clause asks whether (…，能不能
# 按天结账): a scene, not a count asked for. A bare count before such a clause still asks
# (每月几号发，能不能推迟).
_JUST_A_FEW = re.compile(r"(?:只|就|才|仅|没)[^，。？！?!,;；]{0,3}$")
_WHETHER_LATER = re.compile(r"[，,；;][^。？！?!]*(?:能不能|可不可以|能否|是否|该不该|要不要|行不行|可以吗)")
# A sum of money (最低工资标准多少钱, 伙食补助一天多少钱) is answered only by a unit that states
# one in 元 or a pay table's figures: the guidelines' articles set none, their cases do
# (师带徒津贴每月200元, a 宽带薪酬 table). 哪几块 asks for parts, not money.
_ASKS_MONEY = re.compile(r"多少(?:钱|块|元)|几(?:块钱|元)|几[百千万]块")
_MONEY = re.compile(r"[0-9０-９零〇一二两三四五六七八九十百千万]+(?:\.[0-9]+)?\s*(?:万|千|百)?\s*元|\|\s*[0-9]{3,}\s*\|")  # 200元, 八十元
# a figure, not the serial number of a document (人社厅发〔2021〕7号)
_NUMBER = r"(?<![0-9０-９〕\]])(?:[0-9０-９]+(?:\.[0-9]+)?|[一二两三四五六七八九十百半]+)\s*个?"
# A clause that asks something: a question mark, an interrogative word or an A-not-A verb.
ASKS = re.compile(r"[？?]|吗|什么|啥|怎么|怎样|咋|如何|哪|谁|多少|多长|多久|几|能不能|可不可以|能否|是否|要不要|该不该|"
                  r"有没有|行不行|是不是|算不算|会不会|对不对|合不合|想问|请问|想知道|问一下")
_CLAUSE = re.compile(r"[^，,。；;！!？?\n]+[，,。；;！!？?\n]*")
# The words of a story told before the question (我们是一家做汽配的小厂，去年…，想问…) say who
# asks, not what: those the best units do not explain weigh this much of a question word. A topic the story names is still
# weighed by the foreign and uncovered rules, so 我们是事业单位，想问… is no enterprise's question.
STORY_WEIGHT = 0.5
MIN_STORY = 10
_FIRST_PERSON = re.compile(r"我|咱|俺|本(?:厂|公司|单位|企业|集团)")


@dataclass(frozen=True)
class Settings:
    min_share: float
    max_foreign: float
    foreign_below_share: float  # a foreign noun refuses only a question explained less than this
    injection: tuple[str, ...]
    uncovered_topics: tuple[str, ...]
    document_words: frozenset[str] = frozenset()
    read_as: dict[str, tuple[str, ...]] = field(default_factory=dict)  # the gate's own synonyms


@lru_cache(maxsize=1)
def settings() -> Settings:
    data: dict[str, Any] = read_yaml(GATE_FILE)
    return Settings(float(data["min_share"]), float(data["max_foreign"]), float(data["foreign_below_share"]),
                    tuple(data["injection"]),
                    tuple(str(t).lower() for t in data.get("uncovered_topics") or ()),
                    frozenset(str(w).lower() for w in data.get("document_words") or ()),
                    {str(k).lower(): tuple(str(v) for v in vs) for k, vs in (data.get("read_as") or {}).items()})


def _general() -> tuple[dict[str, int], int]:
    """Word frequencies of general Chinese: jieba's dictionary (which our few domain words
    join with a low frequency — they are specific, which is what the weight says)."""
    from .text import dictionary

    tokenizer = dictionary()
    return tokenizer.FREQ, tokenizer.total


def general_idf(word: str) -> float:
    freq, total = _general()
    return math.log(total / (freq.get(word, 0) + 1))


@lru_cache(maxsize=1)
def _injection() -> re.Pattern[str]:
    return re.compile("|".join(settings().injection), re.IGNORECASE)


def is_injection(query: str) -> bool:
    """A request aimed at the assistant, by its form. A form counts only where a word begins:
    '别管' inside 同级别管理人员 (级别 + 管理) is no request to ignore anything."""
    from .text import segment

    starts: set[int] = set()
    at = 0
    for word in segment(query, guess=False):
        starts.add(at)
        at += len(word)
    return any(m.start() in starts for m in _injection().finditer(query))


@dataclass
class Features:
    share: float
    foreign: float
    injection: bool
    uncovered: str | None = None  # an uncovered topic the question names and its units do not
    subject: str | None = None  # a leading noun the corpus never writes: the question is about it
    measure: str | None = None  # a day, hour, date or multiple asked for that no best unit states
    unexplained: list[str] = field(default_factory=list)


def content_words(query: str, index: Index) -> list[str]:
    return [w for w, _ in dict.fromkeys(_content_words(query, index))]


def _content_words(query: str, index: Index) -> list[tuple[str, bool]]:
    """(word, is a noun) for the question's content words; jieba's dictionary tags decide.

    A word jieba only guessed (its HMM), that neither general Chinese nor the corpus writes,
    is mostly a crumb of two neighbours ('来定' in '按任期来定', '先分' in '先分到车间') that
    would weigh as the rarest word of the question: its dictionary pieces stand for it."""
    from .text import nouns, segment

    known_nouns = nouns(_NOUN_TAGS)
    shaky = nouns(_SHAKY_TAGS)
    freq, _ = _general()
    found: list[str] = []
    for word in segment(query):
        # A guessed word counts only as a word the corpus writes ('人能' inside 技能人能… is
        # not one)
        if freq.get(word, 0) > 0 or word.isascii() or word.lower() in index.vocabulary_set:
            found.append(word)
        else:
            found += segment(word, guess=False)
    # Latin letters in a Chinese question name a thing (Python, Excel): a noun, whatever jieba's tags
    return [(w.lower(), (w in known_nouns and not (w in shaky and freq.get(w, 0) <= FLOOR_FREQ)) or w.isascii())
            for w in found
            if _CONTENT.fullmatch(w) and w.lower() not in STOPWORDS and not _is_function(w)
            and w.lower() not in settings().document_words]


@lru_cache(maxsize=4096)
def _is_function(word: str) -> bool:
    """A function word, or a compound of them ('哪几个' = 哪几 + 几个)."""
    from .text import nouns, subwords

    function = nouns(_FUNCTION_TAGS)
    if word in function:
        return True
    pieces = [p for p in subwords(word) if len(p) >= 2 and p != word]
    return len(word) >= 3 and bool(pieces) and all(p in function for p in pieces) and {c for p in pieces for c in p} == set(word)


def _explained(word: str, text: str) -> bool:
    return word in text or any(s in text for s in (*expand([word])[1:], *settings().read_as.get(word, ())))


def _explained_piecewise(word: str, text: str) -> bool:
    """A compound ('工人工资', '技术骨干') whose every character is in a piece the text explains,
    or a word the text writes with a suffix naming a unit, place or people ('机车厂', '技术部')."""
    from .text import subwords

    pieces = [p for p in subwords(word) if len(p) >= 2 and p != word and _explained(p, text)]
    covered = {ch for p in pieces for ch in p}
    return len(word) >= 3 and (covered == set(word) or (word[-1] in PLACE_SUFFIXES and word[:-1] in text))


def _written(word: str, index: Index) -> bool:
    return index.writes(word) or any(index.writes(s) for s in expand([word])[1:])


def _is_foreign(word: str, index: Index) -> bool:
    """A real word (in the general dictionary, or Latin letters) that the corpus never uses,
    not even piecewise — not a segmentation crumb like '人分' from '给哪些人分'."""
    freq, _ = _general()
    if _written(word, index):
        return False
    if word.isascii():
        return True
    if freq.get(word, 0) <= 0:
        return False  # jieba's table also holds every word's prefixes, at 0: not words
    # A compound of words the corpus uses ('工资管理', '技术骨干'), or one of them with a
    # one-character suffix naming a unit or place ('技术部', '生产科'), is not a new topic.
    from .text import subwords

    pieces = [p for p in subwords(word) if p != word]
    covered = {ch for p in pieces if _written(p, index) for ch in p}
    if len(word) >= 3 and word[-1] in PLACE_SUFFIXES and set(word[:-1]) <= covered:
        return False
    return len(covered) < len(set(word))


def story_words(query: str) -> set[str]:
    """Words met only in the clauses told before the first clause that asks something."""
    clauses = _CLAUSE.findall(query)
    first = next((n for n, c in enumerate(clauses) if ASKS.search(c)), None)
    if not first:
        return set()
    from .text import segment

    told = "".join(clauses[:first])
    # a story is the asker's own (我们厂…, 我在…): a topic named before the question (上市公司发给
    # 员工的股票，…怎么交税) or a short one (技能人才，薪酬怎么定) is part of what is asked
    if len(told) < MIN_STORY or not _FIRST_PERSON.search(told):
        return set()
    story = {w.lower() for c in clauses[:first] for w in segment(c)}
    asked = {w.lower() for c in clauses[first:] for w in segment(c)}
    return story - asked


_SENTENCE = re.compile(r"[^？?！!。；;]+(?:[？?！!。；;]+|$)")
# a second question joined by a comma and a word that adds one (…，另外…, …，还有…). A bare comma
# between two asking clauses (工资必须打卡吗，发现金行不行) is mostly one question turned over.
_ANOTHER = re.compile(r"[，,](?=另外|还有|此外|顺便|再问|再者|以及|另)")
_CLAUSE_END = re.compile(r"(?<=[，,])")
ADDED_QUESTION = re.compile(r"^(?:另外|还有|此外|顺便|再问|再者|以及)[，,]?")


def question_parts(query: str, by_comma: bool = False) -> list[str]:
    """The separate questions of a question that asks several (技能津贴发给谁？另外要不要交个税？),
    each with the story told before it; one part when it asks one thing. `by_comma` also cuts at
    a bare comma (…多长，徒弟试用期的工资怎么算？)."""
    joint = _CLAUSE_END if by_comma else _ANOTHER
    pieces = [p for s in _SENTENCE.findall(query) for p in joint.split(s) if p.strip()]
    parts: list[str] = []
    told = ""
    for piece in pieces:
        if ASKS.search(piece):
            parts.append(told + piece)
            told = ""
        else:
            told += piece
    if told and parts:
        parts[-1] += told
    return parts or [query]


def features(query: str, top_units: list[str], index: Index) -> Features:
    text = "\n".join(index.search_texts[u] for u in top_units)
    total = found = foreign = 0.0
    unexplained = []
    told = story_words(query)
    for word, noun in dict.fromkeys(_content_words(query, index)):
        specific = general_idf(word) if noun else min(general_idf(word), NON_NOUN_CAP)
        if _explained(word, text):
            total += specific
            found += specific
            continue
        weight = specific * STORY_WEIGHT if word in told else specific
        total += weight
        if _explained_piecewise(word, text):
            found += weight * PIECE_CREDIT
        unexplained.append(word)
        if noun and _is_foreign(word, index):
            foreign = max(foreign, specific)
    subject = _foreign_subject(query, text, index)
    lowered = query.lower()
    # An uncovered topic must be a subject of the best unit itself — written at least twice in
    # its text and expansions: a word met in passing in the third unit (节假日 in a case's list
    # of duties), or once in the first (a case 打破…职称评审界限), does not make it covered.
    first = index.search_texts[top_units[0]] if top_units else ""
    uncovered = next((t for t in settings().uncovered_topics if t in lowered and first.count(t) < 2), None)
    asked = None if _ASKS_WHETHER.search(query) else _ASKS_MEASURE.search(query)
    if asked and _JUST_A_FEW.search(query, 0, asked.start()) and _WHETHER_LATER.search(query, asked.end()):
        asked = None
    measure = asked.group(1) if asked and not re.search(_figure(asked.group(1)), text) else None
    # money by the best unit itself: a sum in another topic's case (the third unit) is no answer
    if measure is None and _ASKS_MONEY.search(query) and not _MONEY.search(first):
        measure = "元"
    return Features(found / total if total else 0.0, foreign, is_injection(query), uncovered, subject, measure, unexplained)


def _foreign_subject(query: str, text: str, index: Index) -> str | None:
    """A noun the corpus never writes among the question's leading nouns — before its first word
    the best units explain, the asker's own story aside: whose pay or what thing it asks about
    (部队的…, 盐吃多了对身体…). The same noun later in a question (…发给电工吗) is a detail."""
    parts = question_parts(query)
    told = story_words(query)
    for word, noun in _content_words(parts[0], index):
        if word in told:
            continue
        if _explained(word, text) or not noun:
            return None
        if _is_foreign(word, index):
            return word
    return None


def _figure(measure: str) -> str:
    """A figure in that measure; for years a duration (3年, 3-5年), never a date (2020年)."""
    if measure == "年":
        return r"(?<![0-9０-９])(?:[0-9０-９]{1,2}|[一二两三四五六七八九十半]+)\s*个?年"
    return _NUMBER + measure


def admits(query: str, top_units: list[str], index: Index) -> bool:
    found = features(query, top_units, index)
    gate = settings()
    return refuses(found, gate) is None


def refuses(found: Features, gate: Settings) -> str | None:
    """Why a question is refused (for calibration and inspection), or None."""
    if found.injection:
        return "injection"
    if found.uncovered is not None:
        return "uncovered"
    if found.measure is not None:
        return "measure"
    if found.share < gate.min_share:
        return "share"
    if found.foreign > gate.max_foreign and found.share < gate.foreign_below_share:
        return "foreign"
    # a foreign noun the question is about refuses at any specificity: the place that makes it
    # the topic (部队的岗位津贴, 身体) is the evidence the weight gives elsewhere
    if found.subject is not None and found.share < gate.foreign_below_share:
        return "subject"
    return None


# ---- choosing the operating point (benchmarks/calibrate_gate.py) ----

FALSE_REFUSAL_COST = 5.0  # an in-scope question refused costs this many out-of-scope ones answered


def choose_point(inside: list[Features], outside: list[Features], base: Settings,
                 cost: float = FALSE_REFUSAL_COST) -> Settings:
    """The operating point with the least cost on these questions — `cost` per in-scope
    question refused, 1 per out-of-scope question answered — and, among equal costs, the
    loosest one: the widest margin for in-scope questions worded unlike any seen.

    Questions refused by the reviewed lists or the measure rule (injection, uncovered topics, a day or multiple no unit states) are left out of the
    out-of-scope side: the thresholds need not catch them again."""
    rest = [f for f in outside if not (f.injection or f.uncovered or f.measure)]
    # Only a threshold just past an out-of-scope question's value changes what is caught, and
    # the loosest of equal points lies there.
    shares = [0.0] + sorted({round(f.share + 0.0005, 4) for f in rest if f.share < 0.8})
    foreigns = [math.inf] + sorted({round(f.foreign - 0.005, 3) for f in rest if f.foreign > 0})
    best: tuple[tuple[float, float, float, float], Settings] | None = None
    for min_share in shares:
        for max_foreign in foreigns:
            for below in ((0.0,) if max_foreign == math.inf else (0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9, 1.01)):
                point = Settings(min_share, max_foreign, below, base.injection, base.uncovered_topics, base.document_words,
                                 base.read_as)
                errors = cost * sum(refuses(f, point) is not None for f in inside)
                errors += sum(refuses(f, point) is None for f in rest)
                key = (errors, min_share, -max_foreign, below)
                if best is None or key < best[0]:
                    best = (key, point)
    assert best is not None
    return best[1]
