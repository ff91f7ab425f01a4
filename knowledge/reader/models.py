"""What the reader finds in a sentence: typed quantities bound to what they describe."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum


class Kind(StrEnum):
    """What a number measures, from the unit written after it (or the word that carries it)."""

    MONEY = "money"
    PERCENT = "percent"  # stored as a fraction: 15% → 0.15, 七成 → 0.7, 八折 → 0.8
    MULTIPLE = "multiple"  # 3倍
    NUMBER = "number"  # a bare number: its role comes from the words around it
    PIECES = "pieces"
    SCORE = "score"
    PERCENTILE = "percentile"  # P25, 75分位
    PEOPLE = "people"
    COUNT = "count"  # 项、个、家
    YEARS = "years"
    MONTHS = "months"
    DAYS = "days"
    LEVELS = "levels"  # 级、档
    TIMES = "times"
    AGE = "age"
    DATE = "date"  # 2024年, 3月份: never a value of a calculation
    OTHER = "other"  # 股, 平方米, 小时: a unit no calculation takes
    ORDINAL = "ordinal"  # 第10薪级, 第三档: a position, kept apart from the figures


LABELS: dict[Kind, str] = {
    Kind.MONEY: "元", Kind.PERCENT: "%", Kind.MULTIPLE: "倍", Kind.NUMBER: "", Kind.PIECES: "件",
    Kind.SCORE: "分", Kind.PERCENTILE: "分位", Kind.PEOPLE: "人", Kind.COUNT: "个", Kind.YEARS: "年",
    Kind.MONTHS: "个月", Kind.DAYS: "天", Kind.LEVELS: "级", Kind.TIMES: "次", Kind.AGE: "岁", Kind.DATE: "",
}


@dataclass(frozen=True)
class Quantity:
    """One figure as written, with the words that say what it is about.

    `value` is signed and scaled (4万 → 40000, 下降3% → −0.03). `subject` is the text before the
    figure in its clause; `name` is the person, department or item it belongs to, when there is
    one; `cues` are lexicon or field words found around it.
    """

    value: Decimal
    kind: Kind
    text: str  # exactly as written, unit included
    start: int
    end: int
    unit: str = ""
    scale: Decimal = Decimal(1)  # what the written number was multiplied by: 万元 → 10000, % → 0.01
    magnitude: bool = False  # written with 万/千/亿 (so a bare "4万" is likely money)
    weak: bool = False  # a lone 一/两…: used only where a field's words call for it
    subject: str = ""
    tail: str = ""
    topic: str = ""  # the sentence before this figure's own item: what the sentence is about
    heading: str = ""  # "件数：甲 1,250；…": the heading its sentence opens with
    name: str | None = None
    parent: str | None = None  # for members listed under a department (two levels)
    role: str | None = None  # a role or category written before a person's name (组长老黎 → 组长)
    total: bool = False
    direction: str | None = None  # "up" | "down"
    bound: str | None = None  # "max" | "min"
    approx: bool = False
    every: bool = False  # 每4年: the figure is the length of one period
    per: str | None = None  # 每档加20元: the figure is per 档
    range_end: int | None = None  # index of the upper end when this figure opens a range
    range_start: int | None = None  # index of the lower end when this figure closes one
    open_above: bool = False  # 1500万以上
    relative_to: str | None = None  # 超出目标300万: offset from a named reference
    sentence: int = 0
    clause: int = 0
    negated: bool = False
    derived: bool = False  # worked out from the words (剩下的平均分给…), not written as a figure
    period: str | None = None  # "month" | "year": 月平均工资 / 年薪 (an amount's period, when written)
    superseded: bool = False  # corrected later in the text (…1000分。哦不对，是1100分)
    label: bool = False  # a number that names a list's items (等级1到6的…分别是): in their names, no figure
    quoted: bool = False  # 指引说单项权重不低于8%: a rule the text attributes to a guideline, not the user's own figure
    sources: tuple[int, ...] = ()  # derived: where the figures it was worked out from start (4800万→5100万)
    corrects: str | None = None  # the figure, as written, that this one corrects

    def with_(self, **changes: object) -> Quantity:
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def context(self) -> str:
        return self.subject + self.text + self.tail

    @property
    def money_sized(self) -> bool:
        """Written with 万 or 亿 (3万2, 1.2w): an amount of money, never a count, a score or a
        coefficient; 两千一 or 3千5 may still be pieces or points."""
        return self.magnitude and any(ch in self.text for ch in "万亿wW")


@dataclass(frozen=True)
class Clause:
    text: str
    start: int
    end: int
    sentence: int
    negated: bool = False


@dataclass
class Reading:
    """Everything the reader found in one text."""

    text: str  # the original
    normalised: str  # same length: full-width → ASCII, homophone typos of domain words mended
    quantities: list[Quantity] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    corrections: list[tuple[str, str]] = field(default_factory=list)  # (as written, read as)
    ordinals: list[Quantity] = field(default_factory=list)  # 第N级 … : positions named in the text

    @property
    def figures(self) -> list[Quantity]:
        """Quantities that can carry a value of a calculation (no dates, no lone 一)."""
        return [q for q in self.quantities if q.kind is not Kind.DATE and not q.weak]

    def has_figures(self) -> bool:
        return bool(self.figures)
