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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from calculators.severity import tally

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


class UserInputError(ValueError):
    """Bad input from the page; the message (Chinese) is shown as it is."""


def new_session_id() -> str:
    return uuid.uuid4().hex


T = TypeVar("T")


def _download(filename: str, write: Callable[[Path], T]) -> tuple[list[str], T]:
    """Files for the page to download (`filename` first, then whatever `write` put beside it),
    plus what `write` returned. `write` works in a private temporary folder that is removed
    before this returns; the bytes go to Gradio's own cache."""
    with tempfile.TemporaryDirectory(prefix="payguide-ui-") as work:
        path = Path(work) / filename
        made = write(path)
        files = [path, *sorted(p for p in Path(work).iterdir() if p != path and p.is_file())]
        return [_publish_bytes(f.name, f.read_bytes()) for f in files if f.is_file()], made


def _publish_bytes(filename: str, data: bytes) -> str:
    """`data` as a file in Gradio's upload cache, which Gradio serves as it is (no copy of ours is
    left in /tmp) and removes with the rest of its cache."""
    from gradio.processing_utils import save_bytes_to_cache
    from gradio.utils import get_upload_folder

    return save_bytes_to_cache(data, filename, get_upload_folder())


def message_limit() -> int:
    """The longest question the assistant takes (PAYGUIDE_MAX_MESSAGE_CHARS), stated on the page."""
    from ..config import assistant_limit

    return int(assistant_limit("message_chars"))


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
    if len(message) > message_limit():  # before any work: the page's box stops typing there, a script may not
        raise UserInputError(f"问题太长（{len(message)} 字），超过每次 {message_limit()} 字的上限，请精简后再问。")
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
    from calculators.tables import read_table, result_xlsx_bytes

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
    xlsx = _publish_bytes(f"{info.title}-结果.xlsx", result_xlsx_bytes(result, info.input_model))
    return CalcResult(markdown, result_chart(info.title, result), xlsx)


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
# The drafter's own Chinese form (`doc_templates.form_spec`): the same fields and tables as its
# Excel template, so the page, the workbook and the profile never disagree.

NOT_SET = "（不填）"
_FIGURE_KINDS = ("金额", "整数", "比例")
STAFF_TABLE = "现有职工"  # its rows go to the 套改测算, not into the profile


@dataclass(frozen=True)
class DraftForm:
    fields: list[dict[str, Any]]  # each with its "section"
    tables: list[dict[str, Any]]

    def field_values(self, values: dict[str, Any]) -> list[Any]:
        return [_shown_cell(values.get(f["label"]), f) for f in self.fields]

    def table_rows(self, tables: dict[str, list[dict[str, Any]]]) -> list[list[list[str]]]:
        return [[[_shown_cell(row.get(c["label"]), c) for c in t["columns"]] for row in tables.get(t["name"], [])]
                for t in self.tables]


def draft_form() -> DraftForm:
    from doc_templates import form_spec

    spec = form_spec()
    fields = [{**f, "section": s["title"]} for s in spec["sections"] for f in s["fields"]]
    return DraftForm(fields, spec["tables"])


def field_choices(item: dict[str, Any]) -> list[tuple[str, str]]:
    """A 选项 / 是否 field's dropdown; optional ones can be left unset."""
    choices = list(item["choices"]) if item["kind"] == "选项" else ["是", "否"]
    return ([] if item["required"] else [(NOT_SET, "")]) + [(c, c) for c in choices]


def field_hint(item: dict[str, Any]) -> str:
    extra = {"金额": "可写 30万、1,200元", "比例": "可写 6% 或 0.06"}.get(item["kind"], "")
    return "；".join(p for p in (item["help"], extra) if p)


def _shown_cell(value: Any, item: dict[str, Any]) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    return forms.shown(value)


def _read_cell(value: Any, item: dict[str, Any], where: str) -> Any:
    """A figure as the chat reads it (30万, 2万4, 6%); other cells as typed."""
    text = "" if value is None else str(value).strip()
    if item["kind"] in _FIGURE_KINDS and text:
        return forms.read_figure(text, where)
    return text or None


def _page_profile(form: DraftForm, values: list[Any], tables: list[Any]) -> tuple[Any, list[dict[str, Any]]]:
    """(Profile, staff rows) from the page; every problem in Chinese."""
    from doc_templates import ProfileError, profile_from_form

    named = {f["label"]: _read_cell(v, f, f["label"]) for f, v in zip(form.fields, values)}
    rows: dict[str, list[dict[str, Any]]] = {}
    for table, value in zip(form.tables, tables):
        cells = value.values.tolist() if hasattr(value, "values") and hasattr(value, "columns") else (value or [])
        for n, row in enumerate(cells, 1):
            read = {c["label"]: _read_cell(cell, c, f"{table['name']}第 {n} 行“{c['label']}”") for c, cell in zip(table["columns"], row)}
            if any(v is not None for v in read.values()):
                rows.setdefault(table["name"], []).append(read)
    staff = rows.pop(STAFF_TABLE, [])
    try:
        return profile_from_form(named, rows), staff
    except ProfileError as exc:
        raise UserInputError(str(exc)) from exc


def example_choices() -> list[tuple[str, str]]:
    """Sample profiles by company name (the file names are for the command line)."""
    from doc_templates import list_examples, load_example

    return [(load_example(name).company.name, name) for name in list_examples()]


def example_page(name: str) -> tuple[list[Any], list[Any]]:
    """A sample profile as the form's field values and table rows."""
    from doc_templates import form_values, load_example

    form = draft_form()
    values, tables = form_values(load_example(name))
    return form.field_values(values), form.table_rows(tables)


def upload_page(path: str | None) -> tuple[list[Any], list[Any]]:
    """A filled 企业概况 workbook (.xlsx, its 现有职工 sheet too) or a profile (.yaml / .json)."""
    from calculators import CalculationError
    from doc_templates import Profile, ProfileError, form_values, read_workbook
    from doc_templates.workbook import sheet_rows

    if not path:
        raise UserInputError("请先选择企业概况文件（.xlsx、.yaml 或 .json）。")
    form = draft_form()
    try:
        if Path(path).suffix.lower() == ".xlsx":
            profile, staff = read_workbook(path), sheet_rows(Path(path), STAFF_TABLE) or []
        else:
            profile, staff = Profile.from_file(Path(path)), []
    except CalculationError as exc:  # the safe loader's refusals (too large, alias bombs, repeated keys)
        raise UserInputError(f"企业概况有误：{exc.bare_message}") from exc
    except ProfileError as exc:
        raise UserInputError(str(exc)) from exc
    values, tables = form_values(profile)
    if staff:
        tables = {**tables, STAFF_TABLE: staff}
    return form.field_values(values), form.table_rows(tables)


def workbook_from_page(values: list[Any], tables: list[Any]) -> str:
    """The 企业概况 Excel template, filled with what the page holds, to finish offline."""
    from doc_templates import write_template

    profile, _ = _page_profile(draft_form(), values, tables)
    files, _ = _download(f"{profile.company.name}企业概况.xlsx", lambda out: write_template(out, profile))
    return files[0]


@dataclass(frozen=True)
class DraftResult:
    summary: str
    files: list[str]  # the scheme, its 编制说明, and the 套改测算 when staff were listed


def draft_from_page(values: list[Any], tables: list[Any], allow_findings: bool = False) -> DraftResult:
    from doc_templates import ComplianceError, ProfileError, draft_document

    profile, staff = _page_profile(draft_form(), values, tables)
    try:  # the scheme, then its 编制说明 (and 套改测算) beside it
        files, report = _download(f"{profile.company.name}薪酬分配方案.docx",
                                  lambda out: draft_document(profile, out, allow_findings=allow_findings, staff=staff or None))
    except ComplianceError as exc:
        items = "；".join(f"（{i}）{f.message}" for i, f in enumerate(exc.findings, 1))
        raise UserInputError(f"企业概况中的数据违反对本企业有约束力的指引条款，未生成方案：{items}。"
                             "请修改后重试；如确需按此起草，请勾选“仍按此起草”，问题将列入编制说明。") from exc
    except ProfileError as exc:
        raise UserInputError(str(exc)) from exc
    lines = [f"已生成：**{report.path.name}**（共 {len(report.chapters)} 章）和编制说明。", "", "章节：" + "、".join(report.chapters)]
    if report.findings:
        lines += ["", "编制说明列出的问题：", *(f"- 【{f.label}】{f.message}" for f in report.findings)]
    if report.defaulted:
        lines += ["", "以下内容未在概况中给出，编制说明写明了取值和依据：", *(f"- {d}" for d in report.defaulted)]
    return DraftResult("\n".join(lines), files)


# ---- 条款审查 ------------------------------------------------------------------------------

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
        [f.message, "、".join(clause_title(c) for c in f.citations), f.severity.label, f.evidence or "（方案未写）", f.quote]
        for f in report.findings
    ]
    coverage = [[c.topic, "有" if c.present else "缺", "、".join(clause_title(u) for u in c.citations)] for c in report.coverage]
    counts = report.counts()
    summary = (f"共 {len(report.findings)} 条发现：{tally(counts, '条')}。"
               if report.findings else "未发现与指引不符之处。")
    files, _ = _download(f"{Path(path).stem}-审查报告.docx", lambda out: write_report_docx(report, out))
    return ReviewResult(summary, findings, coverage, files[0])


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


def knowledge_line() -> str:
    import knowledge

    docs = knowledge.catalog()
    return f"知识库：{len(docs)} 份文件、{sum(d.unit_count for d in docs)} 个条目，检索索引已就绪；离线可用。"


def ingest_upload(paths: list[str] | None) -> str:
    """Import company documents; one Chinese line per file."""
    import knowledge
    from knowledge.ingest import ingest

    if not paths:
        raise UserInputError("请先选择要导入的文件（txt、md、docx 或 pdf）。")
    lines = []
    for path in paths:
        name = Path(path).name
        try:  # the index includes it before this returns
            done = ingest(Path(path))
        except knowledge.KnowledgeError as exc:
            lines.append(f"- {name}：未导入。{exc}")
            continue
        count = len(knowledge.load_units(done.doc_id))
        if not done.changed:
            lines.append(f"- {name}：内容与已导入的相同，未重复导入。")
        else:
            lines.append(f"- {name}：已导入，{count} 个条目" + (f"（替换了先前导入的“{done.replaced}”）。" if done.replaced else "。"))
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
    return f"已删除：{entry.title}"
