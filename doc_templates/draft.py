"""draft_document: profile → plan → checks → calculator figures → Jinja2 chapters → two .docx files.

The scheme (方案) states only what the profile gives; the drafting notes (编制说明, written beside it
as `NAME.编制说明.docx`) hold the applicability decisions, what was left out and the 参考做法, the
assumptions and the check results; with a staff list, the 套改测算 workbook joins them. Everything is
built in memory first and written last, atomically, so a refused profile leaves nothing behind.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import IntEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from calculators.applicability import guideline_title
from calculators.severity import Severity

from .errors import ProfileError
from .figures import Figures, compute, money, num, pct, yuan
from .findings import DraftFinding, check_profile, clause_label, refuse_or_keep
from .plan import CATEGORIES, Plan, make_plan
from .profile import Profile
from .render_docx import TableData, build

TEMPLATE_DIR = Path(__file__).with_name("templates")
Progress = Callable[[float, str], None]
ANNEX_MATRIX = "岗位工资和薪级工资标准表"
ANNEX_QUOTES = "依据的指引条款原文"
NOTES_SUFFIX = ".编制说明.docx"
CONVERSION_SUFFIX = ".套改测算.xlsx"


@dataclass(frozen=True)
class Chapter:
    title: str
    template: str
    groups: tuple[str, ...] = ()  # figure groups whose calculator citations join the chapter's basis
    when: Callable[[Plan], Any] = lambda plan: True


CHAPTERS: tuple[Chapter, ...] = (
    Chapter("总则", "general.j2"),
    Chapter("适用范围", "scope.j2"),
    Chapter("岗位评价", "evaluation.j2"),
    Chapter("薪酬结构", "structure.j2", ("structure",)),
    Chapter("岗位工资与薪级工资", "post_wage.j2", ("post_wage",)),
    Chapter("年功工资", "seniority.j2", ("seniority",), lambda plan: plan.seniority),
    Chapter("津贴补贴", "allowances.j2", ("allowances",), lambda plan: plan.allowances),
    Chapter("绩效工资考核与分配", "performance.j2", ("performance",)),
    Chapter("高技能领军人才激励", "leading.j2", ("leading",), lambda plan: plan.leading),
    Chapter("套改与过渡", "transition.j2"),
    Chapter("工资支付", "payment.j2"),
    Chapter("特殊情况下的工资", "special.j2"),
    Chapter("薪酬调整", "adjustment.j2", ("adjustment",)),
    Chapter("附则", "supplementary.j2"),
)
ANNEX_TITLE = "附件"


def chapter_title(chapter: Chapter, plan: Plan) -> str:
    return "岗位工资" if chapter.template == "post_wage.j2" and plan.steps is None else chapter.title


@dataclass
class DraftReport:
    path: Path
    chapters: list[str]
    defaulted: list[str]  # what the profile left out or was assumed (each in the notes)
    citations: list[str]
    notes_path: Path | None = None
    conversion_path: Path | None = None
    findings: list[DraftFinding] = field(default_factory=list)
    title: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "notes": str(self.notes_path) if self.notes_path else None,
                "conversion": str(self.conversion_path) if self.conversion_path else None,
                "chapters": self.chapters, "defaulted": self.defaulted, "citations": self.citations,
                "findings": [{"rule": f.rule, "severity": f.severity, "label": f.label, "message": f.message,
                              "clause": f.clause, "reason": f.reason, "citations": f.citations} for f in self.findings]}


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
            label = f"《{unit.doc_title}》" + (unit_label(unit) if unit.kind == "article" else
                                               f"{unit_label(unit)}　{unit.heading}" if unit.kind == "case" else unit.heading)
            if unit.kind == "case":
                lines = [q for q in self.excerpts.get(unit_id, []) if q in unit.text]
                lines = lines or ["（案例原文较长，此处从略。）"]
            else:
                lines = [line.strip() for line in unit.text.splitlines() if line.strip()]
            out.append({"id": unit_id, "label": label, "lines": lines})
        return out


# ---- rendering ------------------------------------------------------------------------------


def _param(key: str) -> Any:
    from calculators.params import param

    return param(key)


def _ref(key: str) -> str:
    """The clause a parameter rests on: a chapter cites a figure's clause through its parameter."""
    from calculators.params import ref

    return ref(key)


def _rule_clause(rule_id: str) -> str:
    """A rule's own clause in the shared table, whoever the company is (`clause` gives the one that
    binds this company where a rule has one per ownership)."""
    from calculators.applicability import clause

    return clause(rule_id)


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
    env.globals.update(param=_param, ref=_ref, rule_clause=_rule_clause)
    return env


def unit_word(name: str) -> str:
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


def _docs_sentence(plan: Plan, citations: Citations) -> str:
    """依据 the guidelines that bind the company, 参照 those it only refers to."""
    import knowledge
    from calculators.applicability import Status, decide_guideline

    cited = {_unit(u).doc_id for u in citations.ids}
    binding: list[str] = []
    reference: list[str] = []
    for doc in knowledge.catalog():
        if doc.doc_id in cited:
            status = decide_guideline(plan.context, doc.doc_id).status
            (binding if status is Status.BINDING else reference).append(f"《{doc.title}》")
    parts = ([f"依据{'、'.join(binding)}"] if binding else []) + ([f"参照{'、'.join(reference)}"] if reference else [])
    return "，".join(parts)


def _cited_titles(citations: Citations) -> str:
    import knowledge

    cited = {_unit(u).doc_id for u in citations.ids}
    return "、".join(f"《{d.title}》" for d in knowledge.catalog() if d.doc_id in cited)


def _base_context(plan: Plan, fig: Figures, citations: Citations, counter: _Counter) -> dict[str, Any]:
    profile = plan.profile
    adjustable = (["基础工资"] if plan.basic_wage else []) + ["岗位工资"] + (["薪级工资"] if plan.steps else []) + (
        ["年功工资"] if plan.seniority else [])
    return {
        "p": profile, "co": profile.company, "plan": plan, "fig": fig.ctx, "state": profile.state_owned,
        "unit_word": unit_word(profile.company.name), "cats": fig.ctx["cats"], "art": counter,
        "excerpt": citations.excerpt, "applies": lambda rule: plan.binds(rule).applies,
        "clause": lambda rule: plan.binds(rule).clause,
        "categories": [c for c in CATEGORIES if fig.ctx["cats"][c]], "adjustable": adjustable,
        "matrix_tables": sorted(k for k in fig.tables if k.startswith("matrix")),
        "annex_items": ([ANNEX_MATRIX] if plan.steps else []) + [ANNEX_QUOTES], "annex_matrix": ANNEX_MATRIX,
    }


def _binding_doc(plan: Plan, unit_id: str) -> bool:
    from calculators.applicability import Status, decide_guideline

    return decide_guideline(plan.context, unit_id.split("/", 1)[0]).status is Status.BINDING


def _law_basis(*texts: str) -> str:
    return f"::basis 本章依据：{'；'.join(texts)}。"


def _render_chapters(plan: Plan, fig: Figures, progress: Progress) -> tuple[list[str], list[str], Citations, dict[str, int]]:
    env = _environment()
    citations = Citations()
    counter = _Counter()
    base = _base_context(plan, fig, citations, counter)
    chapters = [c for c in CHAPTERS if c.when(plan)]
    blocks, titles, first_article = [], [], {}
    for i, chapter in enumerate(chapters):
        title = chapter_title(chapter, plan)
        progress(_stage(Stage.CHAPTERS, i, len(chapters)), f"正在生成：{title}……")
        # Calculators cite broadly; a chapter names those clauses only where their guideline binds the company.
        extra = [c for g in chapter.groups for c in fig.cites.get(g, []) if _binding_doc(plan, c)]

        def basis(*unit_ids: str | list[str] | tuple[str, ...], _extra: list[str] = extra) -> str:
            flat = [u for item in unit_ids for u in ([item] if isinstance(item, str) else item)]
            ids = citations.add(*[u for u in flat if plan.binds(u).applies], *_extra)
            return f"::basis 本章依据：{citations.sentence(ids)}。"

        first_article[title] = counter.n + 1
        body = env.get_template(chapter.template).render(**base, basis=basis, law_basis=_law_basis)
        blocks.append(f"# 第{_cn(i + 1)}章　{title}\n{body}")
        titles.append(title)
    progress(_stage(Stage.ANNEX), f"正在生成：{ANNEX_TITLE}……")
    docs = _docs_sentence(plan, citations)
    head = env.get_template("title.j2").render(**base, docs_sentence=docs)
    ending = env.get_template("ending.j2").render(**base)
    annex = env.get_template("annex.j2").render(**base, docs_sentence=_cited_titles(citations), quotes=citations.quotes())
    return [head, *blocks, ending, annex], titles + [ANNEX_TITLE], citations, first_article


def _mapping_table(plan: Plan, fig: Figures) -> None:
    mapping = plan.profile.transition.mapping
    if mapping:
        fig.tables["mapping"] = TableData(["现岗位", "新岗位等级"], [[old, new] for old, new in mapping.items()],
                                          title="现岗位与新岗位等级对应表", widths_mm=[78, 78])


# ---- the drafting notes ---------------------------------------------------------------------


def _render_notes(plan: Plan, fig: Figures, findings: list[DraftFinding], allowed: bool,
                  conversion: dict[str, Any] | None, files: dict[str, str], transition_article: int,
                  title: str) -> tuple[list[str], dict[str, TableData], dict[str, Any]]:
    from calculators.applicability import decide_guideline

    tables: dict[str, TableData] = {}
    charts: dict[str, Any] = {}
    rows, assumptions = [], []
    for doc_id in ("qujing_skill", "soe_tech", "soe_internal"):
        decision = decide_guideline(plan.context, doc_id)
        rows.append([guideline_title(doc_id), decision.status.value, decision.reason.removeprefix(guideline_title(doc_id))])
        assumptions += decision.assumptions
    tables["applicability"] = TableData(["指引", "对本企业", "理由"], rows, title="各指引对本企业的适用",
                                        widths_mm=[52, 22, 82])
    if findings:
        tables["findings"] = TableData(
            ["结论", "问题", "依据条款"],
            [[f.label, f.message, f"{clause_label(f.clause)}（{f.reason}）" if f.rule else clause_label(f.clause)]
             for f in findings], title="企业概况数据对照检查", widths_mm=[16, 80, 60])
    if conversion is not None:
        from .chart import bars_png

        totals = conversion["by_grade"]
        tables["conversion_grades"] = TableData(
            ["新岗位等级", "人数", "套改前月合计", "套改后月合计", "保留工资人数"],
            [[g, str(v["人数"]), money(v["现工资合计"]), money(v["套改后合计"]), str(v["保留工资人数"])]
             for g, v in totals.items()], title="套改测算汇总（元/月）")
        bins = conversion["distribution"]
        charts["conversion"] = _chart(bars_png([b["区间"] for b in bins], [b["人数"] for b in bins],
                                               "套改月增资额分布（人）"), "套改月增资额分布")
        tables["conversion_bins"] = TableData(["月增资额", "人数"], [[b["区间"], f"{b['人数']} 人"] for b in bins],
                                              title="图中数据", font_pt=9)
    env = _environment()
    notes = plan.notes
    context = {
        "p": plan.profile, "co": plan.profile.company, "plan": plan, "state": plan.state_owned, "title": title,
        "unit_word": unit_word(plan.profile.company.name), "assumptions": list(dict.fromkeys(assumptions)),
        "findings": findings, "allowed": allowed and any(f.severity is Severity.ERROR for f in findings),
        "unset": [n for n in notes if n.kind in ("未设置", "参考做法")],
        "assumed": [n for n in notes if n.kind in ("假设", "测算口径")] + [
            _basis_note(text) for text in fig.basis_notes],
        "accepted": [n for n in notes if n.kind == "采纳建议"], "conversion": conversion,
        "conversion_file": files.get("conversion", ""), "transition_article": f"{_cn(transition_article)}条",
        "refs": _refs_text,
    }
    return [env.get_template("notes.j2").render(**context)], tables, charts


def _refs_text(unit_ids: list[str]) -> str:
    """“（依据：《指引》第八条）” after a note; nothing when the note rests on no clause."""
    return f"（依据：{Citations().sentence(unit_ids)}）" if unit_ids else ""


def _basis_note(text: str) -> Any:
    from .plan import Note

    topic, _, rest = text.partition("：")
    return Note("测算口径", f"年度工资总额测算（{topic}）", rest + "，实际支出可能更高，请留足预算" if "下限" in rest else rest)


def _chart(png: bytes, caption: str) -> Any:
    from .render_docx import ChartData

    return ChartData(png, caption=caption, width_mm=140)


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


def beside(target: Path, suffix: str) -> Path:
    """scheme.docx → scheme.编制说明.docx (or .套改测算.xlsx) in the same directory."""
    return target.with_name(target.stem + suffix)


def _write_atomically(files: dict[Path, bytes]) -> None:
    """Write every file or none: temporaries first, then renamed into place."""
    temps: list[tuple[str, Path]] = []
    try:
        for target, data in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=".draft-", suffix=target.suffix, dir=target.parent)
            temps.append((temp, target))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
        for temp, target in temps:
            os.replace(temp, target)
    except BaseException:
        for temp, _ in temps:
            Path(temp).unlink(missing_ok=True)
        raise


class Stage(IntEnum):
    """The steps of drafting, in order; chapters take most of the way (their weight in `_stage`)."""

    PROFILE = 0
    CONVERSION = 1
    FIGURES = 2
    CHAPTERS = 3
    ANNEX = 4
    LAYOUT = 5
    DONE = 6


CHAPTER_WEIGHT = 8  # the chapters count as this many stages in the progress bar


def _stage(stage: Stage, part: int = 0, parts: int = 1) -> float:
    """Fraction done at a stage (and within the chapters, after `part` of `parts`)."""
    total = len(Stage) - 1 + CHAPTER_WEIGHT - 1
    done = float(stage + (CHAPTER_WEIGHT - 1 if stage > Stage.CHAPTERS else 0))
    if stage == Stage.CHAPTERS:
        done += CHAPTER_WEIGHT * part / parts
    return done / total


def _quiet(_fraction: float, _message: str) -> None:
    return None


def draft_document(profile: Profile, out: Path | str, progress: Progress | None = None, *,
                   allow_findings: bool = False, staff: Path | str | list[dict[str, Any]] | None = None) -> DraftReport:
    """Draft the scheme for `profile` into `out` (a .docx path or a directory), with its drafting
    notes beside it. A profile whose figures breach a binding clause raises ComplianceError unless
    `allow_findings`; `staff` (a staff table file or its rows) adds the 套改测算 workbook."""
    progress = progress or _quiet
    if not isinstance(profile, Profile):
        raise ProfileError("企业概况格式不正确。")
    target = resolve_output(out, profile.company.name)
    progress(_stage(Stage.PROFILE), "正在整理企业概况……")
    plan = make_plan(profile)
    findings = check_profile(plan)
    refuse_or_keep(findings, allow_findings)
    conversion = None
    if staff is not None:
        progress(_stage(Stage.CONVERSION), "正在进行套改测算……")
        from .conversion import convert_staff

        conversion = convert_staff(plan, staff)
    progress(_stage(Stage.FIGURES), "正在计算薪酬标准……")
    fig = compute(plan, conversion)
    _mapping_table(plan, fig)
    blocks, chapters, citations, first_article = _render_chapters(plan, fig, progress)
    progress(_stage(Stage.LAYOUT), "正在排版 Word 文档……")
    title = f"{profile.company.name}薪酬分配方案"
    keywords = "薪酬分配方案；" + "；".join(chapters[:-1])
    scheme = build(blocks, fig.tables, fig.charts, title=title, author=profile.company.name,
                   subject="薪酬分配方案（草案）", keywords=keywords)
    notes_path = beside(target, NOTES_SUFFIX)
    files = {target: scheme.to_bytes()}
    names: dict[str, str] = {}
    conversion_path = None
    if conversion is not None:
        from .conversion import conversion_workbook

        conversion_path = beside(target, CONVERSION_SUFFIX)
        names["conversion"] = conversion_path.name
        files[conversion_path] = conversion_workbook(conversion, profile.company.name)
    note_blocks, note_tables, note_charts = _render_notes(plan, fig, findings, allow_findings, conversion, names,
                                                          first_article.get("套改与过渡", 0), title)
    notes = build(note_blocks, note_tables, note_charts, title=f"{title}编制说明", author=profile.company.name,
                  subject="薪酬分配方案编制说明", keywords="编制说明；适用判断；参考做法")
    files[notes_path] = notes.to_bytes()
    _write_atomically(files)
    progress(_stage(Stage.DONE), "已生成")
    defaulted = [f"{n.topic}：{n.text}" for n in plan.notes if n.kind in ("未设置", "假设")]
    return DraftReport(path=target, chapters=chapters, defaulted=defaulted, citations=list(citations.ids),
                       notes_path=notes_path, conversion_path=conversion_path, findings=findings, title=title)
