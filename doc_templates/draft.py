"""draft_document: profile → plan → calculator figures → Jinja2 chapters → .docx.

Everything is built in memory first; the file is written last and atomically, so a profile
that cannot be drafted leaves nothing behind.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import jinja2

from .errors import ProfileError
from .figures import Figures, compute, money, num, pct, yuan
from .plan import Plan, make_plan
from .profile import Profile
from .render_docx import build

TEMPLATE_DIR = Path(__file__).with_name("templates")
Progress = Callable[[float, str], None]

# (title, template, figure groups whose calculator citations join the chapter's basis)
CHAPTERS: list[tuple[str, str, tuple[str, ...]]] = [
    ("总则", "01_general.j2", ()),
    ("适用范围", "02_scope.j2", ()),
    ("薪酬结构", "03_structure.j2", ("structure",)),
    ("岗位工资与薪级工资", "04_post_wage.j2", ("post_wage",)),
    ("年功工资", "05_seniority.j2", ("seniority",)),
    ("津贴补贴", "06_allowances.j2", ("allowances",)),
    ("绩效工资考核与分配", "07_performance.j2", ("performance",)),
    ("高技能领军人才激励", "08_leading.j2", ("leading",)),
    ("薪酬调整", "09_adjustment.j2", ("adjustment",)),
    ("附则", "10_supplementary.j2", ("defaults",)),
]
ANNEX = ("附件", "11_annex.j2")
CHAPTER_TITLES = [title for title, _, _ in CHAPTERS] + [ANNEX[0]]


@dataclass
class DraftReport:
    path: Path
    chapters: list[str]
    defaulted: list[str]
    citations: list[str]
    title: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "chapters": self.chapters, "defaulted": self.defaulted,
                "citations": self.citations}


# ---- citations ------------------------------------------------------------------------------


def _cn(n: int) -> str:
    from knowledge.numerals import int_to_cn

    return int_to_cn(n)


def _unit(unit_id: str) -> Any:
    import knowledge

    unit = knowledge.get_unit(unit_id)
    if unit is None:  # a template names a clause the knowledge base does not hold: a bug, said plainly
        raise RuntimeError(f"template cites unknown unit {unit_id}")
    return unit


def unit_label(unit: Any) -> str:
    """第八条 / 案例2 / 附件1 — how the clause is named inside its document."""
    if unit.kind == "article":
        return f"第{_cn(unit.article)}条"
    if unit.kind == "case":
        return f"典型案例{unit.case}" if unit.doc_id == "qujing_skill" else f"案例{unit.case}"
    return unit.heading.split()[0] if unit.heading else "附件"


class Citations:
    """Unit ids in order of first use, the excerpts quoted for cases, and the basis sentences."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.excerpts: dict[str, list[str]] = {}

    def add(self, *unit_ids: str) -> list[str]:
        fresh = list(dict.fromkeys(u for u in unit_ids if u))
        for unit_id in fresh:
            _unit(unit_id)
            if unit_id not in self.ids:
                self.ids.append(unit_id)
        return fresh

    def excerpt(self, unit_id: str, text: str) -> str:
        self.add(unit_id)
        self.excerpts.setdefault(unit_id, [])
        if text not in self.excerpts[unit_id]:
            self.excerpts[unit_id].append(text)
        return ""

    def sentence(self, unit_ids: list[str]) -> str:
        """《甲》第一条、第三条；《乙》第十一条 — grouped by document, in order of mention."""
        by_doc: dict[str, list[Any]] = {}
        for unit_id in unit_ids:
            unit = _unit(unit_id)
            units = by_doc.setdefault(unit.doc_title, [])
            if unit not in units:
                units.append(unit)
        # Within a document: articles by number, then the appendix, then the cases.
        order = {"article": 0, "appendix": 1, "case": 2}
        return "；".join(
            f"《{title}》{'、'.join(unit_label(u) for u in sorted(units, key=lambda u: (order.get(u.kind, 3), u.article or u.case or 0)))}"
            for title, units in by_doc.items()
        )

    def quotes(self) -> list[dict[str, Any]]:
        """Each cited unit with its text as stored: articles whole, cases by their excerpts."""
        out = []
        for unit_id in self.ids:
            unit = _unit(unit_id)
            label = f"《{unit.doc_title}》{unit_label(unit)}" + (f"　{unit.heading}" if unit.kind == "case" else "")
            if unit.kind == "case":
                lines = [q for q in self._case_excerpts(unit_id) if q in unit.text]
                lines = lines or ["（案例原文较长，此处从略。）"]
            else:
                lines = [line.strip() for line in unit.text.splitlines() if line.strip()]
            out.append({"id": unit_id, "label": label, "lines": lines})
        return out

    def _case_excerpts(self, unit_id: str) -> list[str]:
        from calculators.params import all_parameters

        found = list(self.excerpts.get(unit_id, []))
        for parameter in all_parameters().values():
            if parameter.reference == unit_id and parameter.quote and parameter.quote not in found:
                found.append(parameter.quote)
        return found


# ---- rendering ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters.update(yuan=yuan, money=money, num=num, pct=pct, cn=_cn)
    return env


def _unit_word(name: str) -> str:
    """How the scheme calls its own enterprise: 本公司 / 本所 / 本厂 / 本单位."""
    for ending, word in (("公司", "公司"), ("集团", "集团"), ("所", "所"), ("厂", "厂")):
        if name.endswith(ending):
            return word
    return "单位"


class _Counter:
    """第一条, 第二条 … across all chapters, as one scheme numbers its articles."""

    def __init__(self) -> None:
        self.n = 0

    def __call__(self) -> str:
        self.n += 1
        return f"第{_cn(self.n)}条"


def _docs_sentence(citations: Citations) -> str:
    import knowledge

    cited = {_unit(u).doc_id for u in citations.ids}
    titles = [f"《{d.title}》" for d in knowledge.catalog() if d.doc_id in cited]
    return "、".join(titles[:-1]) + ("和" if len(titles) > 1 else "") + titles[-1] if titles else ""


def _render_chapters(plan: Plan, fig: Figures, progress: Progress) -> tuple[list[str], Citations]:
    env = _environment()
    citations = Citations()
    counter = _Counter()
    profile = plan.profile
    base = {
        "p": profile, "co": profile.company, "plan": plan, "fig": fig.ctx, "state": profile.state_owned,
        "unit_word": _unit_word(profile.company.name), "cats": fig.ctx["cats"], "art": counter,
        "excerpt": citations.excerpt,
        "matrix_tables": sorted(k for k in fig.tables if k.startswith("matrix")),
    }
    blocks = []
    total = len(CHAPTERS) + 1
    for i, (title, template, groups) in enumerate(CHAPTERS):
        progress(0.1 + 0.8 * i / total, f"正在生成：{title}……")
        extra = [c for g in groups for c in (plan.default_refs if g == "defaults" else fig.cites.get(g, []))]

        def basis(*unit_ids: str | list[str], _extra: list[str] = extra) -> str:
            flat = [u for item in unit_ids for u in ([item] if isinstance(item, str) else item)]
            ids = citations.add(*flat, *_extra)
            return f"::basis 本章依据：{citations.sentence(ids)}。"

        body = env.get_template(template).render(**base, basis=basis)
        blocks.append(f"# 第{_cn(i + 1)}章　{title}\n{body}")
    progress(0.1 + 0.8 * len(CHAPTERS) / total, f"正在生成：{ANNEX[0]}……")
    docs = _docs_sentence(citations)
    title_block = env.get_template("00_title.j2").render(**base, docs_sentence=docs)
    annex = env.get_template(ANNEX[1]).render(**base, docs_sentence=docs, quotes=citations.quotes())
    return [title_block, *blocks, f"[[pagebreak]]\n# {ANNEX[0]}\n{annex}"], citations


# ---- output ---------------------------------------------------------------------------------

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')


def safe_filename(name: str, limit: int = 60) -> str:
    """A company name made safe as one file name: no separators, no "..", no leading dot."""
    cleaned = _UNSAFE.sub("", name).replace("..", "").strip().lstrip(".").strip()
    return cleaned[:limit] or "企业"


def resolve_output(out: Path | str, company: str) -> Path:
    """A directory gets “<企业名称>薪酬分配方案.docx”; a file path must end in .docx."""
    out = Path(out)
    if out.is_dir():
        directory, name = out, f"{safe_filename(company)}薪酬分配方案.docx"
    else:
        directory, name = out.parent, out.name
        if out.suffix.lower() != ".docx":
            raise ProfileError(f"输出文件应以 .docx 结尾：{out}")
    target = directory.resolve() / name
    if target.parent != directory.resolve():  # defensive: the name must not climb out of the directory
        raise ProfileError(f"输出文件名无效：{name}")
    return target


def _write_atomically(data: bytes, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".draft-", suffix=".docx", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _quiet(_fraction: float, _message: str) -> None:
    return None


def draft_document(profile: Profile, out: Path | str, progress: Progress | None = None) -> DraftReport:
    """Draft the scheme for `profile` into `out` (a .docx path or a directory)."""
    progress = progress or _quiet
    if not isinstance(profile, Profile):
        raise ProfileError("企业概况格式不正确。")
    target = resolve_output(out, profile.company.name)
    progress(0.02, "正在整理企业概况……")
    plan = make_plan(profile)
    progress(0.05, "正在计算薪酬标准……")
    fig = compute(plan)
    blocks, citations = _render_chapters(plan, fig, progress)
    progress(0.92, "正在排版 Word 文档……")
    title = f"{profile.company.name}薪酬分配方案"
    document = build(blocks, fig.tables, fig.charts, title=title, author=profile.company.name)
    _write_atomically(document.to_bytes(), target)
    progress(1.0, "已生成")
    return DraftReport(path=target, chapters=list(CHAPTER_TITLES), defaulted=list(plan.defaulted),
                       citations=list(citations.ids), title=title)
