"""What the app's buttons do, as plain typed functions a test can call without a browser.

Bad input raises `UserInputError` (or `forms.FormError`) with a Chinese message; `app.py` shows
it beside the button and clears what the failed action would have replaced. Downloads are
written into a per-call temporary folder that Gradio serves.
"""

from __future__ import annotations

import html
import re
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..agent import respond
from ..agent.models import Reply
from ..agent.qa import unit_label
from . import forms

CHAT_EXAMPLES = [
    "基础工资是不是每个职工都一样？",
    "师带徒津贴怎么设置？",
    "什么是“两个低于”原则？",
    "绩效工资总额50万元，生产部3000分、技术部2000分，怎么分？",
    "等差薪级：起点2000元，级差150元，共10级",
    "从事基础研究的科技人才岗位基本薪酬占比有什么要求？",
    "科技人才指引第四十条",
]
MAX_MESSAGE_CHARS = 2000


class UserInputError(ValueError):
    """Bad input from the page; the message (Chinese) is shown as it is."""


def new_session_id() -> str:
    return uuid.uuid4().hex


def _out_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="payguide-ui-"))


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


# ---- clauses, shown by their titles ----------------------------------------------------------


def clause_title(unit_id: str) -> str:
    """《曲靖市企业技能人才薪酬分配指引（试行）》第八条 for qujing_skill/art-8."""
    import knowledge

    unit = knowledge.get_unit(unit_id)
    return unit_label(unit) if unit is not None else "（条款已不在知识库中）"


def clause_list(items: list[tuple[str, str]]) -> str:
    """Clause titles, each opening to its quote: [(unit id, quote or "" for the whole text)]."""
    import knowledge

    blocks = []
    for unit_id, quote in items:
        unit = knowledge.get_unit(unit_id)
        if unit is None:
            continue
        text = quote or unit.text
        blocks.append(f"<details class='pg-clause'><summary>{_esc(unit_label(unit))}</summary>"
                      f"<blockquote>{_esc(text)}</blockquote></details>")
    return "\n".join(blocks)


def unit_markdown(unit_id: str | None) -> str:
    """The full text of one unit, under its title and breadcrumb."""
    import knowledge

    unit = knowledge.get_unit((unit_id or "").strip())
    if unit is None:
        return "找不到该条款。"
    crumbs = " › ".join(unit.breadcrumb)
    body = "\n".join(f"> {line}" for line in unit.text.splitlines() if line.strip())
    return f"#### {unit_label(unit)}\n{crumbs}\n\n{body}"


# ---- 问答 ---------------------------------------------------------------------------------


def chat_turn(message: str, history: list[dict[str, Any]], session_id: str) -> tuple[list[dict[str, Any]], Reply]:
    """Append the user's message and the assistant's reply to the chat history."""
    message = (message or "").strip()
    if not message:
        raise UserInputError("请先输入问题。")
    if len(message) > MAX_MESSAGE_CHARS:
        raise UserInputError(f"问题太长（{len(message)} 字），请控制在 {MAX_MESSAGE_CHARS} 字以内。")
    reply = respond(message, session_id=session_id)
    history = list(history or []) + [
        {"role": "user", "content": message},
        {"role": "assistant", "content": reply.answer},
    ]
    return history, reply


def reply_citations(reply: Reply) -> str:
    if not reply.citations:
        return "（本次回答没有引用条款）"
    return clause_list([(c.id, c.quote) for c in reply.citations])


def citation_choices(reply: Reply) -> list[tuple[str, str]]:
    return [(f"[{c.n}] {clause_title(c.id)}", c.id) for c in reply.citations]


# ---- 计算器 --------------------------------------------------------------------------------


def calculator_choices() -> list[tuple[str, str]]:
    from calculators import list_calculators

    return [(info.title, info.name) for info in list_calculators()]


def calculator_form(name: str) -> forms.Form:
    from calculators import get_calculator

    return forms.form_of(get_calculator(name).input_model)


def calculator_intro(name: str) -> str:
    """The calculator's description, its field names replaced by their Chinese titles."""
    from calculators import get_calculator

    info = get_calculator(name)
    text = forms.plain_words(info.input_model, info.description)
    if info.people is not None and "人员表" not in text:
        text += "\n\n也可上传人员表（CSV / XLSX），列名如 姓名、部门、积分、计件数。"
    return text


def uses_people_table(name: str) -> bool:
    from calculators import get_calculator

    return get_calculator(name).people is not None


def calculator_example(name: str) -> dict[str, Any]:
    from calculators.registry import example_copy, get_calculator

    return example_copy(get_calculator(name))


@dataclass(frozen=True)
class CalcResult:
    markdown: str
    chart: Any | None  # a matplotlib Figure, or None when the result has no series to draw
    xlsx: str


def run_calculator(name: str, data: dict[str, Any], table_path: str | None = None) -> CalcResult:
    """Compute, and show the result as chat does (`agent.render`) with clause titles."""
    import calculators
    from calculators.tables import read_table, write_result_xlsx

    from ..agent.render import render_result
    from .charts import result_chart

    if not name:
        raise UserInputError("请先选择一个计算器。")
    info = calculators.get_calculator(name)
    try:
        if table_path:
            data = {**data, "people": read_table(Path(table_path))}
        result = calculators.run(name, data)
    except calculators.CalculationError as exc:
        raise UserInputError(_calc_message(info.input_model, exc)) from exc
    markdown = render_result(info.title, result)
    cites = result.get("citations") or []
    if cites:
        markdown += "\n\n**依据条款**（点击展开原文）\n\n" + clause_list([(c, "") for c in cites])
    xlsx = _out_dir() / f"{info.title}-结果.xlsx"
    write_result_xlsx(result, xlsx)
    return CalcResult(markdown, result_chart(info.title, result), str(xlsx))


def _calc_message(model: Any, exc: Any) -> str:
    """The calculator's message, naming the field by its Chinese title, never by its key."""
    from calculators.registry import field_label

    message = forms.plain_words(model, exc.bare_message)
    if exc.field and exc.field not in ("input",):
        label = field_label(model, exc.field.split("."))
        if label and label not in message and re.search(r"[A-Za-z]", label) is None:
            message = f"{label}：{message}"
    return message


# ---- 方案起草 ------------------------------------------------------------------------------


def example_choices() -> list[tuple[str, str]]:
    """Sample profiles by company name (the file names are for the command line)."""
    from doc_templates import list_examples, load_example

    return [(load_example(name).company.name, name) for name in list_examples()]


def profile_form() -> forms.Form:
    from doc_templates import Profile

    return forms.form_of(Profile)


def example_profile(name: str) -> dict[str, Any]:
    from doc_templates import load_example

    return load_example(name).model_dump(mode="json", exclude_none=True, by_alias=True)


def load_profile_file(path: str | None) -> dict[str, Any]:
    """A profile uploaded as .yaml / .json."""
    from doc_templates import Profile, ProfileError

    if not path:
        raise UserInputError("请先选择企业概况文件（.yaml 或 .json）。")
    try:
        profile = Profile.from_file(Path(path))
    except ProfileError as exc:
        raise UserInputError(forms.plain_words(Profile, str(exc))) from exc
    return profile.model_dump(mode="json", exclude_none=True, by_alias=True)


@dataclass(frozen=True)
class DraftResult:
    summary: str
    docx: str


def draft_scheme(data: dict[str, Any], progress: Any = None) -> DraftResult:
    """The scheme (.docx) for a profile read from the form."""
    from doc_templates import Profile, ProfileError, draft_document

    try:
        profile = Profile.model_validate(data)
        out = _out_dir() / f"{profile.company.name}薪酬分配方案.docx"
        report = draft_document(profile, out, progress=progress)
    except ProfileError as exc:
        raise UserInputError(forms.plain_words(Profile, str(exc))) from exc
    lines = [f"已生成：**{Path(report.path).name}**（共 {len(report.chapters)} 章）", "", "章节：" + "、".join(report.chapters)]
    if report.defaulted:
        lines += ["", "以下内容未在概况中给出，已按指引取默认值：", *(f"- {d}" for d in report.defaulted)]
    return DraftResult("\n".join(lines), str(report.path))


# ---- 条款审查 ------------------------------------------------------------------------------

SEVERITY = {"error": "违反", "warning": "提醒", "info": "提示"}
FINDING_COLUMNS = ["问题", "依据条款", "性质", "方案原文", "条款原文"]
COVERAGE_COLUMNS = ["内容", "方案中", "依据条款"]


@dataclass(frozen=True)
class ReviewResult:
    summary: str
    findings: list[list[str]]
    coverage: list[list[str]]
    report: str


def review_upload(path: str | None) -> ReviewResult:
    """Findings (the problem and its clause first), coverage and the report .docx of a scheme."""
    from ..review import ReviewError, review_file, write_report_docx

    if not path:
        raise UserInputError("请先上传待审查的方案（.docx、.txt 或 .md）。")
    try:
        report = review_file(Path(path))
    except ReviewError as exc:
        raise UserInputError(str(exc)) from exc
    findings = [
        [f.message, "、".join(clause_title(c) for c in f.citations), SEVERITY[f.severity], f.evidence or "（方案未写）", f.quote]
        for f in report.findings
    ]
    coverage = [[c.topic, "有" if c.present else "缺", "、".join(clause_title(u) for u in c.citations)] for c in report.coverage]
    counts = report.counts()
    summary = (f"共 {len(report.findings)} 条发现：违反 {counts['error']} 条，提醒 {counts['warning']} 条，提示 {counts['info']} 条。"
               if report.findings else "未发现与指引不符之处。")
    out = _out_dir() / f"{Path(path).stem}-审查报告.docx"
    write_report_docx(report, out)
    return ReviewResult(summary, findings, coverage, str(out))


# ---- 知识库 --------------------------------------------------------------------------------


def documents_rows() -> list[list[Any]]:
    import knowledge

    return [[d.title, "本企业导入" if d.user else "内置指引", d.unit_count,
             "完整" if d.complete else f"不完整：{d.completeness_note}"] for d in knowledge.catalog()]


def document_choices(*, user_only: bool = False) -> list[tuple[str, str]]:
    import knowledge

    return [(d.title, d.doc_id) for d in knowledge.catalog() if d.user or not user_only]


def units_rows(doc_id: str | None) -> tuple[list[list[str]], list[str]]:
    """(rows of 条目/摘要, the unit ids in row order) for one document."""
    import knowledge

    if not doc_id:
        return [], []
    units = knowledge.load_units(doc_id)
    rows = [[unit_label(u).split("》", 1)[-1] or u.heading, u.text[:60] + ("…" if len(u.text) > 60 else "")] for u in units]
    return rows, [u.id for u in units]


def search_rows(query: str) -> tuple[list[list[Any]], list[str]]:
    """(rows of 条目/得分/命中原因, the unit ids in row order): why each unit matched, as the index says."""
    import knowledge

    query = (query or "").strip()
    if not query:
        raise UserInputError("请输入检索词，例如：年功工资 等差数列。")
    hits = knowledge.search(query, k=8)
    if not hits:
        raise UserInputError(f"知识库中没有与“{query}”相关的条款。")
    rows = [[unit_label(h.unit), f"{h.score:.3f}", h.why] for h in hits]
    return rows, [h.unit.id for h in hits]


def warm_index() -> None:
    """Build the search index now (at start, after an import or a removal), not on the next question."""
    import knowledge

    knowledge.search("基础工资", k=1)


def knowledge_line() -> str:
    import knowledge

    docs = knowledge.catalog()
    return f"知识库：{len(docs)} 份文件、{sum(d.unit_count for d in docs)} 个条目，检索索引已就绪；离线可用。"


def ingest_upload(paths: list[str] | None) -> str:
    """Import company documents; one Chinese line per file."""
    import knowledge
    from knowledge.ingest import ingest_file

    if not paths:
        raise UserInputError("请先选择要导入的文件（txt、md、docx 或 pdf）。")
    lines = []
    for path in paths:
        name = Path(path).name
        try:
            doc_id, changed = ingest_file(Path(path))
        except knowledge.KnowledgeError as exc:
            lines.append(f"- {name}：未导入。{exc}")
            continue
        count = len(knowledge.load_units(doc_id))
        lines.append(f"- {name}：已导入，{count} 个条目。" if changed else f"- {name}：内容与已导入的相同，未重复导入。")
    warm_index()
    return "\n".join(lines)


def remove_document(doc_id: str | None) -> str:
    import knowledge
    from knowledge.ingest import remove_document as remove

    entry = next((d for d in knowledge.catalog() if d.doc_id == doc_id), None)
    if entry is None or not entry.user:
        raise UserInputError("请先选择一份本企业导入的文件（内置指引不能删除）。")
    try:
        remove(entry.doc_id)
    except knowledge.KnowledgeError as exc:
        raise UserInputError(str(exc)) from exc
    warm_index()
    return f"已删除：{entry.title}"
