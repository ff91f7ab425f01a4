"""What the app's buttons do, as plain functions a test can call without a browser.

Every handler returns Chinese messages for bad input (never a traceback) and writes its
downloads into a per-call temporary folder that Gradio serves.
"""

from __future__ import annotations

import json
import tempfile
import uuid
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import yaml

from ..agent import respond
from ..agent.models import Reply

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


def _download(filename: str, write: Callable[[Path], T]) -> tuple[str, T]:
    """A file for the page to download, plus what `write` returned. `write` works in a private
    temporary folder that is removed before this returns; the bytes go to Gradio's own cache."""
    with tempfile.TemporaryDirectory(prefix="payguide-ui-") as work:
        path = Path(work) / filename
        made = write(path)
        return _publish_bytes(filename, path.read_bytes()), made


def _publish_bytes(filename: str, data: bytes) -> str:
    """`data` as a file in Gradio's upload cache, which Gradio serves as it is (no copy of ours is
    left in /tmp) and removes with the rest of its cache."""
    from gradio.processing_utils import save_bytes_to_cache
    from gradio.utils import get_upload_folder

    return save_bytes_to_cache(data, filename, get_upload_folder())


# ---- 问答 ---------------------------------------------------------------------------------


def citation_rows(reply: Reply) -> list[list[Any]]:
    return [[c.n, c.id, c.quote] for c in reply.citations]


def citations_markdown(reply: Reply) -> str:
    if not reply.citations:
        return "（本次回答没有引用条款）"
    return "\n\n".join(f"**[{c.n}]** `{c.id}`\n> {c.quote}" for c in reply.citations)


def chat_turn(message: str, history: list[dict[str, Any]], session_id: str) -> tuple[list[dict[str, Any]], Reply]:
    """Append the user's message and the assistant's reply to the chat history."""
    message = (message or "").strip()
    if not message:
        raise UserInputError("请输入问题。")
    reply = respond(message, session_id=session_id)
    history = list(history or []) + [
        {"role": "user", "content": message},
        {"role": "assistant", "content": reply.answer},
    ]
    return history, reply


def unit_markdown(unit_id: str) -> str:
    """The full clause behind a citation, for the side panel."""
    import knowledge

    unit = knowledge.get_unit((unit_id or "").strip())
    if unit is None:
        return "找不到该条款。"
    crumbs = " › ".join(unit.breadcrumb)
    body = "\n".join(f"> {line}" for line in unit.text.splitlines() if line.strip())
    return f"### 《{unit.doc_title}》{unit.heading}\n{crumbs}\n\n{body}\n\n`{unit.id}`"


# ---- 计算器 --------------------------------------------------------------------------------


def calculator_choices() -> list[tuple[str, str]]:
    from calculators import list_calculators

    return [(f"{info.title}（{info.name}）", info.name) for info in list_calculators()]


def calculator_example(name: str) -> tuple[str, str]:
    """(description, example input as JSON) for the chosen calculator."""
    from calculators import get_calculator

    info = get_calculator(name)
    return info.description, json.dumps(info.example, ensure_ascii=False, indent=2, default=str)


def parse_calc_input(text: str, table_path: str | None) -> dict[str, Any]:
    """The JSON/YAML typed on the page, with an uploaded CSV/XLSX merged in as `people`."""
    from calculators import CalculationError
    from calculators.loaders import load_json_or_yaml

    data: Any = {}
    if text and text.strip():
        try:  # keys as written, duplicates and oversized or alias-bomb input refused before work
            data = load_json_or_yaml(text)
        except CalculationError as exc:
            raise UserInputError(str(exc)) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise UserInputError("输入应为一个 JSON 对象，例如 {\"pool\": 100000, \"scores\": {\"生产部\": 3000}}。")
    if table_path:
        from calculators.tables import read_table

        data = {**data, "people": read_table(Path(table_path))}
    return data


def run_calculator(name: str, text: str, table_path: str | None = None) -> tuple[str, Any, str | None]:
    """(Markdown result, matplotlib figure or None, path of the XLSX download)."""
    import calculators
    from calculators.tables import result_xlsx_bytes

    from ..agent.render import render_result
    from .charts import result_chart

    if not name:
        raise UserInputError("请先选择一个计算器。")
    data = parse_calc_input(text, table_path)
    try:
        result = calculators.run(name, data)
    except calculators.CalculationError as exc:
        raise UserInputError(f"无法计算：{exc}") from exc
    title = calculators.get_calculator(name).title
    markdown = render_result(title, result)
    cites = result.get("citations") or []
    if cites:
        markdown += "\n\n依据：" + "、".join(f"`{c}`" for c in cites)
    xlsx = _publish_bytes(f"{name}-结果.xlsx", result_xlsx_bytes(result))
    return markdown, result_chart(title, result), xlsx


# ---- 方案起草 ------------------------------------------------------------------------------


def example_profile_text(name: str) -> str:
    from doc_templates import load_example

    profile = load_example(name)
    return yaml.safe_dump(profile.model_dump(mode="json", exclude_none=True), allow_unicode=True, sort_keys=False)


def draft_from_text(profile_text: str, progress: Any = None) -> tuple[str, str]:
    """(summary Markdown, path of the .docx) from a profile typed or loaded on the page."""
    from calculators import CalculationError
    from calculators.loaders import load_yaml
    from doc_templates import Profile, ProfileError, draft_document

    try:  # the safe loader: an alias bomb or a duplicate key is refused in milliseconds
        raw = load_yaml(profile_text or "", scalars="exact")
    except CalculationError as exc:
        raise UserInputError(f"企业概况有误：{exc}") from None
    if not isinstance(raw, dict):
        raise UserInputError("请先选择示例或填写企业概况（YAML 格式）。")
    try:
        profile = Profile.model_validate(raw)
        path, report = _download("薪酬分配方案.docx", lambda out: draft_document(profile, out, progress=progress))
    except ProfileError as exc:
        raise UserInputError(str(exc)) from exc
    except ValueError as exc:  # pydantic validation
        raise UserInputError(f"企业概况有误：{_first_error(exc)}") from exc
    lines = [f"已生成：**{Path(report.path).name}**", "", "章节：" + "、".join(report.chapters)]
    if report.defaulted:
        lines += ["", "以下内容未在概况中给出，已按指引取默认值：", *(f"- {d}" for d in report.defaulted)]
    return "\n".join(lines), path


def _first_error(exc: Exception) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors()[0]
        return f"{'.'.join(str(p) for p in first.get('loc', ()))}：{first.get('msg')}"
    return str(exc)


def load_profile_file(path: str | None) -> str:
    if not path:
        return ""
    p = Path(path)
    if p.stat().st_size > 1_000_000:
        raise UserInputError("概况文件过大（超过 1 MB）。")
    try:
        return p.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise UserInputError("概况文件不是 UTF-8 文本（应为 .yaml 或 .json）。") from exc


# ---- 条款审查 ------------------------------------------------------------------------------

_SEVERITY_ZH = {"error": "违反", "warning": "提醒", "info": "提示"}


def review_upload(path: str | None) -> tuple[list[list[Any]], list[list[Any]], str]:
    """(findings rows, coverage rows, path of the report .docx) for an uploaded scheme."""
    from ..review import ReviewError, review_file, write_report_docx

    if not path:
        raise UserInputError("请先上传待审查的方案（.docx、.txt 或 .md）。")
    try:
        report = review_file(Path(path))
    except ReviewError as exc:
        raise UserInputError(str(exc)) from exc
    findings = [
        [_SEVERITY_ZH.get(f.severity, f.severity), f.rule, f.message, "、".join(f.citations), getattr(f, "quote", "") or ""]
        for f in report.findings
    ]
    coverage = [[c.topic, "有" if c.present else "缺", "、".join(c.citations)] for c in report.coverage]
    out, _ = _download(f"{Path(path).stem}-审查报告.docx", lambda target: write_report_docx(report, target))
    return findings, coverage, out


# ---- 知识库 --------------------------------------------------------------------------------


def documents_table() -> list[list[Any]]:
    import knowledge

    return [[d.doc_id, d.title, d.unit_count, "完整" if d.complete else f"不完整：{d.completeness_note}"] for d in knowledge.catalog()]


def units_table(doc_id: str | None) -> list[list[Any]]:
    import knowledge

    if not doc_id:
        return []
    return [[u.id, u.heading, u.text[:60] + ("…" if len(u.text) > 60 else "")] for u in knowledge.load_units(doc_id)]


def search_table(query: str) -> list[list[Any]]:
    import knowledge

    query = (query or "").strip()
    if not query:
        raise UserInputError("请输入检索词。")
    rows = []
    for hit in knowledge.search(query, k=8):
        why = hit.why.get("matched") or hit.why.get("terms") or ""
        rows.append([hit.unit.id, hit.unit.heading, round(hit.score, 4), "、".join(why) if isinstance(why, list) else str(why)])
    return rows


def ingest_upload(paths: list[str] | None) -> str:
    import knowledge
    from knowledge.ingest import ingest_file

    if not paths:
        raise UserInputError("请先选择要导入的文件。")
    lines = []
    for path in paths:
        try:
            result = ingest_file(Path(path))
        except knowledge.KnowledgeError as exc:
            lines.append(f"- {Path(path).name}：{exc}")
        else:
            lines.append(f"- {Path(path).name}：{result}")
    return "\n".join(lines)


def to_number(value: Any) -> Any:
    return float(value) if isinstance(value, Decimal) else value


# ---- 计算器表单 ------------------------------------------------------------------------------
# One form per calculator, built from its input model: a text box per number or word, a
# two-column table (名称/数值) per name → number mapping, JSON for anything nested.


def _is_name_number_map(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and all(not isinstance(v, (dict, list)) for v in value.values())


def calculator_form(name: str) -> list[dict[str, Any]]:
    """The form's fields: {field, label, kind: text|table|json, value} in model order."""
    from calculators import get_calculator

    info = get_calculator(name)
    example = info.example or {}
    fields = []
    for field, spec in info.input_model.model_fields.items():
        if field == "people":
            continue  # a people table comes from the CSV/XLSX upload
        value = example.get(field)
        label = f"{field}：{spec.description}" if spec.description else field
        if _is_name_number_map(value):
            fields.append({"field": field, "label": label, "kind": "table", "value": [[k, to_number(v)] for k, v in value.items()]})
        elif isinstance(value, (dict, list)):
            fields.append({"field": field, "label": label, "kind": "json", "value": json.dumps(value, ensure_ascii=False, default=str)})
        else:
            fields.append({"field": field, "label": label, "kind": "text", "value": "" if value is None else str(value)})
    return fields


def form_to_input(name: str, values: list[Any]) -> str:
    """The form's values as the calculator's JSON input (empty fields are left out)."""
    data: dict[str, Any] = {}
    for spec, value in zip(calculator_form(name), values):
        field = spec["field"]
        if spec["kind"] == "table":
            rows = value.values.tolist() if hasattr(value, "values") else (value or [])
            # Numbers stay text: the calculator reads them as Decimal, never through float.
            mapping = {str(r[0]).strip(): str(r[1]).strip() for r in rows if len(r) >= 2 and str(r[0]).strip() and str(r[1]).strip()}
            if mapping:
                data[field] = mapping
        elif spec["kind"] == "json":
            if value and str(value).strip():
                try:
                    data[field] = json.loads(value)
                except json.JSONDecodeError as exc:
                    raise UserInputError(f"“{field}”不是有效的 JSON：第 {exc.lineno} 行附近有错误。") from exc
        elif value is not None and str(value).strip():
            data[field] = str(value).strip()
    return json.dumps(data, ensure_ascii=False, indent=2)
