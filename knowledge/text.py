"""Tokens for retrieval: jieba words (with the domain dictionary) plus character bigrams, and
query expansion through the domain synonym list."""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from contextlib import closing
from functools import lru_cache
from pathlib import Path

from .paths import PACKAGE_DIR, data_home
from .yamlfile import read_yaml

_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z0-9%]+")
# Words that say nothing about which clause answers a question.
STOPWORDS = frozenset(
    ["的", "了", "是", "在", "和", "与", "及", "或", "等", "对", "为", "按", "由", "从", "以", "于", "把", "被", "将", "就", "都", "也", "还", "又", "而", "并", "其", "之", "这", "那", "个", "一", "有", "没有", "有没有", "什么", "怎么", "怎样", "如何", "哪些", "哪个", "哪", "多少", "几", "吗", "呢", "吧", "啊", "要", "不要", "可以", "能", "会", "应", "应该", "应当", "一般", "主要", "具体", "包括", "我们", "我", "你", "您", "他们", "企业", "公司", "一下", "请问", "请", "告诉", "关于", "规定", "要求", "指引", "说", "讲", "时候", "情况", "什么样", "多大", "多久", "下", "上", "中", "里", "为什么", "是否", "是不是", "一样", "给", "用", "让", "能不能", "可不可以", "该", "哪里", "怎么样", "起", "中起", "成", "用来", "分别", "应当", "怎么办", "需要", "一些", "这个", "那个", "其中", "之间", "以及", "还是", "通过", "进行", "作用"]
)
# Question forms and fillers of everyday speech: they never name a topic.
STOPWORDS |= frozenset(
    ["多长", "多长时间", "长时间", "时间", "多久", "怎么回事", "回事", "几比几", "别人", "人家", "别人家", "那份", "这份", "一份", "问问", "想问", "知道", "理解", "合适", "必要", "讲究", "先例", "示例", "例子", "办法", "咋个", "咋", "哪样", "啥", "么", "嘛", "呀", "哈", "该不该", "能不能", "行不行", "有没有", "算不算", "要不要", "给不给", "发不发", "能否", "可否", "由谁来", "谁来", "这样", "那样", "符合规定", "哪家", "哪一条", "一块", "开厂", "上负", "不负责任", "一共", "总共", "东西", "这些", "那些", "名称", "意思", "什么意思", "这是", "还要", "为啥", "专门", "一家", "几份", "的话", "一次", "两年", "这么", "干吗", "说法", "哪条", "外面", "咋个", "咋个整", "咋整", "整", "哪样", "啥子", "些", "啷个", "晓得", "莫得", "噻", "哦", "喽", "咯", "呗", "请教", "了解", "想了解", "麻烦", "帮忙", "看看", "查", "查一下", "依据", "出处", "条文", "原文里", "写的", "我的", "自己", "到手", "一哈", "怎个", "为哪样", "哪个条款", "哪一款", "算是", "属于"]
)


@lru_cache(maxsize=1)
def _jieba():
    import logging
    import sys

    # jieba finds its dictionary through pkg_resources when that imports (0.3–0.5 s, most of
    # a cold `payguide search`); hidden for this one import, jieba opens the file directly.
    hidden = "pkg_resources" not in sys.modules
    if hidden:
        sys.modules["pkg_resources"] = None
    try:
        import jieba
    finally:
        if hidden:
            del sys.modules["pkg_resources"]

    jieba.setLogLevel(logging.WARNING)  # its "Building prefix dict" chatter is not for users
    tokenizer = jieba.Tokenizer()
    tokenizer.cache_file = str(data_home() / "jieba.cache")
    tokenizer.load_userdict(str(PACKAGE_DIR / "domain_dict.txt"))
    return tokenizer


def words(text: str) -> list[str]:
    """jieba words in search mode ('师带徒津贴' also yields '师带徒', '津贴'), without
    stopwords and punctuation, lower-cased."""
    return [w.lower() for w in _jieba().lcut_for_search(text) if _WORD.fullmatch(w) and w.lower() not in STOPWORDS]


@lru_cache(maxsize=1)
def domain_anchors() -> tuple[str, ...]:
    """Words that mark a question as being about pay at all (see domain_anchors.txt)."""
    lines = (PACKAGE_DIR / "domain_anchors.txt").read_text(encoding="utf-8").split()
    return tuple(w for w in lines if not w.startswith("#"))


def dictionary():  # jieba.Tokenizer
    """The jieba tokenizer with the domain dictionary (its FREQ and total are general Chinese)."""
    return _jieba()


class TagSet:
    """Dictionary words whose part-of-speech tag begins with one of `tags` (a membership test)."""

    def __init__(self, tags: tuple[str, ...]):
        self.tags = tags

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and any(t.startswith(self.tags) for t in word_tags(word))


@lru_cache(maxsize=8)  # one per tag set the gate reads (nouns, function words, shaky tags)
def nouns(tags: tuple[str, ...]) -> TagSet:
    """Dictionary words whose part-of-speech tag is one of `tags`."""
    return TagSet(tags)


_TAGS_LOCK = threading.Lock()
_TAGS_VERSION = 1  # raise when the table's layout or rows change meaning


@lru_cache(maxsize=1)
def _tag_table() -> sqlite3.Connection:
    """jieba's dictionary tags (and the domain dictionary's), in an SQLite file beside jieba's
    cache: a question needs the tags of a few words, and loading all 350,000 (a tagger, or the
    word lists) cost a cold `payguide search` a fifth of its time."""
    import hashlib

    # named by the domain dictionary's content, so an edited domain dictionary gets a new table
    domain = hashlib.sha256((PACKAGE_DIR / "domain_dict.txt").read_bytes()).hexdigest()[:10]
    path = data_home() / f"jieba-tags-{_TAGS_VERSION}-{domain}.sqlite"
    if not path.exists():
        _build_tag_table(path)
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


def _build_tag_table(path: Path) -> None:
    import jieba

    with jieba.get_dict_file() as handle:
        general = Path(handle.name)
    rows = []
    for source in (general, PACKAGE_DIR / "domain_dict.txt"):
        for line in source.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) == 3:
                rows.append((parts[0], parts[2]))
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    with closing(sqlite3.connect(tmp)) as db:
        db.execute("CREATE TABLE tags (word TEXT NOT NULL, tag TEXT NOT NULL)")
        db.executemany("INSERT INTO tags VALUES (?, ?)", rows)
        db.execute("CREATE INDEX tags_word ON tags (word)")
        db.commit()
    tmp.replace(path)


@lru_cache(maxsize=65536)
def word_tags(word: str) -> tuple[str, ...]:
    """The dictionary's part-of-speech tags of `word` (none for a word it does not list)."""
    with _TAGS_LOCK:
        rows = _tag_table().execute("SELECT tag FROM tags WHERE word = ?", (word,)).fetchall()
    return tuple(tag for (tag,) in rows)


def subwords(word: str) -> list[str]:
    """Every dictionary word inside `word` (jieba's search mode), stopwords included."""
    return list(_jieba().lcut_for_search(word))


def segment(text: str, guess: bool = True) -> list[str]:
    """jieba's words of `text` in order, covering it exactly (with the domain dictionary);
    `guess=False`: dictionary words only, no new words guessed by jieba's HMM."""
    return list(_jieba().cut(text, HMM=guess))


def vocabulary(texts: list[str]) -> list[str]:
    """The corpus's Chinese words of 2–4 characters (what a typo can be corrected to)."""
    found: set[str] = set()
    for text in texts:
        found.update(w for w in _jieba().lcut(text) if 2 <= len(w) <= 4 and _CJK_RUN.fullmatch(w))
    return sorted(found)


def bigrams(text: str) -> list[str]:
    out: list[str] = []
    for run in _CJK_RUN.findall(text):
        out += [run[i : i + 2] for i in range(len(run) - 1)]
    return out


def tokens(text: str) -> list[str]:
    """The BM25 vocabulary: words, and bigrams (marked) so partial words still match."""
    return words(text) + ["#" + b for b in bigrams(text)]


@lru_cache(maxsize=1)
def synonym_groups() -> tuple[frozenset[str], ...]:
    groups = read_yaml(PACKAGE_DIR / "synonyms.yaml")
    return tuple(frozenset(str(w).lower() for w in group) for group in groups)


@lru_cache(maxsize=1)
def _synonyms_of() -> dict[str, tuple[str, ...]]:
    """Each word of the synonym file → the words of its groups, sorted."""
    found: dict[str, set[str]] = {}
    for group in synonym_groups():
        for word in group:
            found.setdefault(word, set()).update(group)
    return {word: tuple(sorted(words)) for word, words in found.items()}


def expand(query_words: list[str]) -> list[str]:
    """The query's words plus their synonyms (each added once)."""
    out = list(query_words)
    seen = set(out)
    synonyms = _synonyms_of()
    for word in query_words:
        for other in synonyms.get(word, ()):
            if other not in seen:
                seen.add(other)
                out.append(other)
    return out


def query_tokens(query: str) -> tuple[list[str], list[str]]:
    """(BM25 tokens of the expanded query, the query's own content words)."""
    own = words(query)
    expanded = expand(own)
    extra = " ".join(w for w in expanded if w not in own)
    return expanded + ["#" + b for b in bigrams(query)] + ["#" + b for b in bigrams(extra)], own
