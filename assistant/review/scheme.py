"""The scheme as sentences and tables, with the small search helpers every extractor uses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .models import Block, Sentence

# Full-width digits and signs map one-to-one to ASCII, so matching positions equal original ones.
_WIDE = str.maketrans("０１２３４５６７８９％．，：（）～－", "0123456789%.,:()~-")
# Sentences end at 。！？ or a line break; semicolons stay inside (quota lists use them).
_SPLIT = re.compile(r"[^。！？!?\n]+[。！？!?]?")
# Titles of documents (《国有企业…指引》) must not count as facts about the company.
_BOOK = re.compile(r"《[^》]{0,80}》")

NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
PCT = rf"({NUM})\s*%"
YUAN = rf"({NUM})\s*(万)?元"


def norm(text: str) -> str:
    return text.translate(_WIDE)


def num(raw: str) -> Decimal:
    try:
        return Decimal(raw.replace(",", ""))
    except InvalidOperation:
        return Decimal(0)


def yuan(raw: str, wan: str | None) -> Decimal:
    return num(raw) * (10000 if wan else 1)


def pct(raw: str) -> Decimal:
    return num(raw) / 100


@dataclass
class Scheme:
    blocks: list[Block]
    sentences: list[Sentence] = field(init=False)

    def __post_init__(self) -> None:
        self.sentences = list(_split(self.blocks))
        # Matching runs on normalised text with book titles blanked out (same length as the original).
        plain = [_BOOK.sub(lambda m: "《" + "·" * (len(m.group(0)) - 2) + "》", norm(s.text)) for s in self.sentences]
        # Guideline text quoted in the scheme (a basis annex, a cited clause) states no fact about the company.
        quoted_blocks = {b.index for b in self.blocks if b.kind == "paragraph" and is_guideline_quote(b.text)}
        keep = [s.block not in quoted_blocks and not is_guideline_quote(s.text) for s in self.sentences]
        self.quoted = [s.text for s, k in zip(self.sentences, keep) if not k]
        self.sentences = [s for s, k in zip(self.sentences, keep) if k]
        self._plain = [p for p, k in zip(plain, keep) if k]
        self.text = "\n".join(self._plain)

    def matches(self, *patterns: str, exclude: str | None = None) -> list[tuple[str, str]]:
        """(original sentence, normalised sentence) pairs matching every pattern (regex)."""
        out = []
        for sentence, plain in zip(self.sentences, self._plain):
            if all(re.search(p, plain) for p in patterns) and not (exclude and re.search(exclude, plain)):
                out.append((sentence.text, plain))
        return out

    def find(self, *patterns: str, exclude: str | None = None) -> str | None:
        """The first sentence (as written) matching every pattern, or None."""
        found = self.matches(*patterns, exclude=exclude)
        return found[0][0] if found else None

    def has(self, *patterns: str, exclude: str | None = None) -> bool:
        return self.find(*patterns, exclude=exclude) is not None

    def tables(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "table"]


_QUOTE_MIN = 15  # shorter sentences ("绩效工资。") are too common to call a quotation


@lru_cache(maxsize=1)
def _guideline_corpus() -> str:
    """All guideline text, normalised and without blanks ("" when the knowledge base is missing)."""
    try:
        import knowledge

        units = knowledge.load_units()
    except Exception:
        return ""
    return _squeeze("\n".join(u.text for u in units))


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", norm(text))


def is_guideline_quote(sentence: str) -> bool:
    squeezed = _squeeze(sentence).strip("“”\"'>")
    return len(squeezed) >= _QUOTE_MIN and squeezed in _guideline_corpus()


def _split(blocks: list[Block]):
    for block in blocks:
        if block.kind == "table":
            for row in block.rows:
                text = " | ".join(c for c in row if c)
                if text:
                    yield Sentence(text=text, block=block.index)
            continue
        for m in _SPLIT.finditer(block.text):
            text = m.group(0).strip()
            if text:
                yield Sentence(text=text, block=block.index)


def cells_norm(row: list[str]) -> list[str]:
    return [norm(c).replace(" ", "") for c in row]
