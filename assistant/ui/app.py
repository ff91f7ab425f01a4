"""Layout of the Gradio app. Each tab wires components to `handlers`; no logic lives here.

Errors never pop up: a handler's Chinese message appears beside its button (class pg-problem)
and whatever the failed action would have replaced is cleared, so nothing stale remains.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable
from typing import Any

import gradio as gr

from ..config import app_settings
from . import forms
from . import handlers as h

log = logging.getLogger("payguide.ui")

CSS = """
#citations {max-height: 560px; overflow-y: auto}
.pg-note {color: #555; font-size: 0.92em}
.pg-problem p, .pg-problem li {color: #b42318; font-weight: 600}
details.pg-clause {margin: 0.3em 0}
details.pg-clause summary {cursor: pointer; color: #1d4ed8}
details.pg-clause blockquote {margin: 0.3em 0 0.6em 0.8em; color: #333}
#chatbot .message {max-width: 100%}
/* Gradio writes "processing | 1.2s" in English while a handler runs: say it in Chinese */
.progress-text {visibility: hidden; position: relative}
.progress-text::after {visibility: visible; content: "处理中……"; position: absolute; left: 0; white-space: nowrap}
/* its screen-reader announcer reads an untranslated key ("common.complete") */
div.sr-only[role="status"] {visibility: hidden}
@media (max-width: 640px) {
  .gradio-container {padding: 0 6px !important}
  .tab-container button {padding: 0 8px !important}
  table {font-size: 0.85em}
}
"""

UNEXPECTED = "操作没有完成：程序遇到意外问题，已记入日志。请检查输入后重试；如仍出现，请联系管理员。"

# After an answer, show the top of the newest question instead of the bottom of a long answer.
SCROLL_TO_LAST_QUESTION = """() => new Promise((done) => setTimeout(() => {
  const wrap = document.querySelector('#chatbot .bubble-wrap');
  const asked = wrap ? wrap.querySelectorAll('.message-row.user-row') : [];
  const last = asked[asked.length - 1];
  if (last) wrap.scrollTop += last.getBoundingClientRect().top - wrap.getBoundingClientRect().top;
  const top = wrap ? wrap.getBoundingClientRect().top : 0;
  if (top < 0) window.scrollBy(0, top - 8);  // a phone: bring the answer's top into view as well
  done([]);
}, 100))"""


# Gradio's own notices (a file over the upload limit, a lost connection) are English toasts:
# say them in Chinese as they appear.
CHINESE_NOTICES = r"""() => {
  const words = [
    [/^\s*Error\s*$/, "提示"], [/^\s*Warning\s*$/, "提醒"], [/^\s*Info\s*$/, "提示"],
    [/File\(s\) exceed the maximum allowed size of ([\d.]+) ?Mb: (.*)/, "文件超过 $1 MB 的上限，未上传：$2"],
    [/Connection errored out\.?/, "与服务器的连接中断，请刷新页面后重试。"],
  ];
  const say = () => document.querySelectorAll('.toast-body').forEach((toast) => {
    const texts = document.createTreeWalker(toast, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      for (const [english, chinese] of words) {
        if (english.test(node.nodeValue)) node.nodeValue = node.nodeValue.replace(english, chinese);
      }
    }
    toast.querySelectorAll('[aria-label="Close"]').forEach((b) => b.setAttribute('aria-label', '关闭'));
  });
  new MutationObserver(say).observe(document.body, {childList: true, subtree: true, characterData: true});
}"""


def problem(message: str) -> str:
    return f"**{message}**" if message else ""


def _guard(fn: Callable[..., Any], on_error: Callable[[str], Any]) -> Callable[..., Any]:
    """Run a handler; a bad input (or a bug) becomes `on_error(Chinese message)`."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (h.UserInputError, forms.FormError) as exc:
            message = str(exc)
        except Exception:
            log.exception("handler failed")
            message = UNEXPECTED
        return on_error(problem(message))

    return wrapper


def _download(path: str | list[str] | None) -> Any:
    """A download box shown only while it holds a file."""
    return gr.update(value=path, visible=bool(path))


def _status(elem_id: str, *, render: bool = True) -> Any:
    return gr.Markdown(elem_id=elem_id, elem_classes="pg-problem", render=render)


# ---- the calculator form's widgets ------------------------------------------------------------------


def _widget(field: forms.FormField, value: Any, prefix: str) -> Any:
    label = field.label
    elem_id = f"{prefix}-{field.key.replace('.', '-')}"
    if field.widget is forms.Widget.CHOICE:
        return gr.Dropdown(choices=list(field.choices), value=value, label=label, elem_id=elem_id, interactive=True)
    if field.widget is forms.Widget.FLAG:
        return gr.Checkbox(value=value, label=label, elem_id=elem_id, interactive=True)
    if field.widget is forms.Widget.TABLE:
        headers = value["headers"]
        rows = [*value["data"], [""] * len(headers)]  # a blank row to type a new entry into
        return gr.Dataframe(value=rows, headers=headers, label=label, elem_id=elem_id, interactive=True, type="pandas",
                            datatype="str", column_count=len(headers), wrap=True, max_height=320)
    placeholder = "必填" if field.required else "可不填"
    return gr.Textbox(value=value, label=label, info=field.hint or None, placeholder=placeholder, elem_id=elem_id,
                      interactive=True, max_lines=3)


# ---- 问答 -------------------------------------------------------------------------------------


def _chat_tab() -> None:
    limit = h.message_limit()
    with gr.Row():
        with gr.Column(scale=3):
            chatbot = gr.Chatbot(label="对话", height=560, elem_id="chatbot", autoscroll=False, buttons=["copy"],
                                 placeholder="请提问薪酬分配问题，或给出数字让我计算。")
            with gr.Row(equal_height=True):
                box = gr.Textbox(placeholder="输入问题或计算请求，例如：师带徒津贴怎么设置？", label="问题", show_label=False, scale=5,
                                 elem_id="ask-box", max_length=limit, lines=1, max_lines=6,
                                 info=f"按回车或“发送”提问；每次最多 {limit} 字。")
                send = gr.Button("发送", variant="primary", scale=1, min_width=80, elem_id="ask-send")
            status = _status("ask-status")
            new_chat = gr.Button("新对话（清空对话和计算记忆）", size="sm", elem_id="chat-new")
            gr.Examples(h.CHAT_EXAMPLES, inputs=box, label="示例（点击填入）")
        with gr.Column(scale=2):
            gr.Markdown("#### 引用的条款（点击展开原文）")
            cites = gr.Markdown("（提问后在此显示引用的条款）", elem_id="citations")
            unit_pick = gr.Dropdown(label="查看条款全文", choices=[], interactive=True, elem_id="cite-pick")
            unit_view = gr.Markdown(elem_id="unit-view")
    # The session id is made by the first turn, not by a State default: a callable default would
    # cost every page that opens one more event on the server.
    session = gr.State(None)

    def on_send(message: str, history: list, sid: str | None) -> tuple:
        sid = sid or h.new_session_id()
        history, reply = h.chat_turn(message, history, sid)
        first = reply.citations[0].id if reply.citations else None
        return (history, "", "", h.reply_citations(reply), gr.update(choices=h.citation_choices(reply), value=first),
                h.unit_markdown(first) if first else "", sid)

    def on_error(message: str) -> tuple:  # keep the conversation and the typed text
        return gr.skip(), gr.skip(), message, gr.skip(), gr.skip(), gr.skip(), gr.skip()

    outputs = [chatbot, box, status, cites, unit_pick, unit_view, session]
    ask = _guard(on_send, on_error)
    send.click(ask, [box, chatbot, session], outputs, api_name="chat", queue=False).then(None, js=SCROLL_TO_LAST_QUESTION)
    box.submit(ask, [box, chatbot, session], outputs, api_visibility="private", queue=False).then(None, js=SCROLL_TO_LAST_QUESTION)
    unit_pick.input(_guard(h.unit_markdown, lambda m: m), unit_pick, unit_view, api_visibility="private", queue=False)

    def forget() -> tuple:
        """No session id: the next turn starts a new session (no pending calculation)."""
        return None, "", "（提问后在此显示引用的条款）", gr.update(choices=[], value=None), ""

    reset = [session, status, cites, unit_pick, unit_view]
    chatbot.clear(forget, None, reset, api_visibility="private")
    new_chat.click(lambda: ([], *forget()), None, [chatbot, *reset], api_name="new_chat", queue=False)


# ---- 计算器 ------------------------------------------------------------------------------------


def _agreed(text: str) -> Any:
    """The text the form and the advanced view last agreed on. A hidden box, not a State: it
    travels with the page's own values, so a click never pairs a fresh copy with a stale view."""
    return gr.Textbox(value=text, visible=False)


def _keep_in_step(form: forms.Form, widgets: list[Any], advanced: Any, synced: Any, note: Any) -> None:
    """Every edit of the form rewrites the advanced view, so the two always show one input."""

    def on_edit(*values: Any) -> tuple:
        text = form.text(form.read(list(values)))
        return text, text, ""

    edited = _guard(on_edit, lambda m: (gr.skip(), gr.skip(), m))
    for widget in widgets:  # direct calls: a queued event costs the server 8–10 ms even when its work is 1 ms
        widget.input(edited, widgets, [advanced, synced, note], api_visibility="private", trigger_mode="always_last", queue=False)


def _loaded(name: str, data: dict[str, Any], before: dict | None) -> dict[str, Any]:
    """Input read from the advanced view, for the form to show (a new count re-renders it even
    when the same text is applied twice)."""
    return {"name": name, "data": data, "n": (before or {}).get("n", 0) + 1}


def _calculator_tab() -> None:
    choices = h.calculator_choices()
    first = choices[0][1]
    first_text = h.calculator_form(first).text(h.calculator_example(first))
    with gr.Row():
        with gr.Column(scale=2):
            name = gr.Dropdown(choices=choices, value=first, label="计算器", elem_id="calc-name")
            intro = gr.Markdown(h.calculator_intro(first), elem_classes="pg-note", elem_id="calc-intro")
            loaded = gr.State(None)  # {"name", "data", "n"}: input read from the advanced view, shown in the form
            synced = _agreed(first_text)
            run = gr.Button("计算", variant="primary", elem_id="calc-run", render=False)
            advanced = gr.Code(value=first_text, language="yaml", label="同一输入（YAML，也可粘贴 JSON）", elem_id="calc-input",
                               interactive=True, render=False)
            advanced_note = _status("calc-input-status", render=False)

            @gr.render(inputs=[name, loaded], queue=False)  # a direct call: every page opening runs it
            def calculator_form(chosen: str | None, loaded_value: dict | None) -> None:
                if not chosen:
                    return
                form = h.calculator_form(chosen)
                own = loaded_value if loaded_value and loaded_value["name"] == chosen else None
                data = own["data"] if own else h.calculator_example(chosen)
                widgets = [_widget(f, v, "calc") for f, v in zip(form.fields, form.values(data))]
                _keep_in_step(form, widgets, advanced, synced, advanced_note)

                def on_run(text: str, agreed: str, table: str | None, loaded_now: dict | None, *values: Any) -> tuple:
                    data, from_text = form.current(list(values), text, agreed)
                    result = h.run_calculator(chosen, data, table)
                    shown = form.text(data)
                    again = _loaded(chosen, data, loaded_now) if from_text else gr.skip()
                    return ("", result.markdown, gr.update(value=result.chart, visible=result.chart is not None),
                            _download(result.xlsx), shown, shown, again, "")

                def run_failed(message: str) -> tuple:
                    return message, "", gr.update(value=None, visible=False), _download(None), gr.skip(), gr.skip(), gr.skip(), gr.skip()

                run.click(_guard(on_run, run_failed), [advanced, synced, table, loaded, *widgets],
                          [status, result, chart, download, advanced, synced, loaded, advanced_note], api_visibility="private")

            with gr.Accordion("可选：上传人员表（CSV / XLSX）", open=False, visible=h.uses_people_table(first),
                              elem_id="calc-people") as people:
                table = gr.File(label="人员表（列名如 姓名、部门、积分、计件数）", file_types=[".csv", ".xlsx"], elem_id="calc-table",
                                interactive=True)  # its event is declared in the form, which Gradio cannot see
            run.render()
            status = _status("calc-status")
            with gr.Accordion("高级：以 YAML/JSON 查看或编辑同一输入（与表单同步）", open=False, elem_id="calc-advanced"):
                advanced.render()
                apply = gr.Button("按此内容更新表单", size="sm", elem_id="calc-apply")
                advanced_note.render()
        with gr.Column(scale=3):
            result = gr.Markdown("填写左侧表单后按“计算”，结果、公式和依据条款显示在这里。", elem_id="calc-result", line_breaks=True)
            chart = gr.Plot(label="图表", visible=False, elem_id="calc-chart")
            download = gr.File(label="下载结果（XLSX，含计算过程）", elem_id="calc-download", interactive=False, visible=False)

    def on_choose(chosen: str) -> tuple:
        text = h.calculator_form(chosen).text(h.calculator_example(chosen))
        return (h.calculator_intro(chosen), gr.update(visible=h.uses_people_table(chosen)), None, text, text, None,
                "", "", gr.update(value=None, visible=False), _download(None), "")

    name.change(on_choose, name, [intro, people, table, advanced, synced, loaded, status, result, chart, download, advanced_note],
                api_visibility="private")

    def on_apply(chosen: str, text: str, loaded_now: dict | None) -> tuple:
        return _loaded(chosen, h.calculator_form(chosen).parse(text), loaded_now), text, ""

    applied = _guard(on_apply, lambda m: (gr.skip(), gr.skip(), m))
    apply.click(applied, [name, advanced, loaded], [loaded, synced, advanced_note], api_visibility="private")


# ---- 方案起草 -----------------------------------------------------------------------------------


def _draft_tab() -> None:
    form = h.draft_form()
    examples = h.example_choices()
    values, rows = h.example_page(examples[0][1])
    with gr.Row():
        with gr.Column(scale=3):
            gr.Markdown("填写企业概况（可先选一个示例再修改，或上传填好的 Excel），然后生成 Word 方案和编制说明。"
                        "金额可写 30万、1,200元，比例可写 6%。", elem_classes="pg-note")
            with gr.Row():
                pick = gr.Dropdown(choices=examples, value=examples[0][1], label="从示例开始", elem_id="draft-example", scale=2)
                upload = gr.File(label="或上传企业概况（Excel 模板 .xlsx，或 .yaml / .json）", file_types=[".xlsx", ".yaml", ".yml", ".json"],
                                 scale=2, elem_id="draft-upload", height=110)
            load_status = _status("draft-load-status")
            widgets: list[Any] = []
            for section in dict.fromkeys(f["section"] for f in form.fields):
                with gr.Accordion(section, open=section in ("企业", "工资预算"), elem_classes="draft-section"):
                    for i, item in enumerate(form.fields):
                        if item["section"] == section:
                            widgets.append(_draft_field(item, values[i], _elem_id("draft", item["label"])))
            tables = []
            for i, table in enumerate(form.tables):
                with gr.Accordion(f"表：{table['name']}", open=table["name"] == "岗位等级", elem_id=_elem_id("draft-section", table["name"])):
                    headers = [c["label"] for c in table["columns"]]
                    tables.append(gr.Dataframe(value=[*rows[i], [""] * len(headers)], headers=headers, label=table["help"] or table["name"],
                                               elem_id=_elem_id("draft-table", table["name"]), interactive=True, type="array", datatype="str",
                                               column_count=len(headers), wrap=True, max_height=360))
            allow = gr.Checkbox(label="仍按此起草（与约束性条款不符之处列入编制说明）", value=False, elem_id="draft-allow")
            with gr.Row():
                go = gr.Button("生成薪酬分配方案（Word）", variant="primary", elem_id="draft-run", scale=2)
                export = gr.Button("导出为 Excel（离线填写后上传）", elem_id="draft-export", scale=1)
            status = _status("draft-status")
        with gr.Column(scale=2):
            summary = gr.Markdown("填写或选择企业概况后按“生成”，方案的章节和下载链接显示在这里。", elem_id="draft-summary")
            files = gr.File(label="下载：方案、编制说明（及套改测算）", elem_id="draft-download", file_count="multiple",
                            interactive=False, visible=False)

    page = [*widgets, *tables]
    n = len(widgets)

    def show(page_values: tuple[list[Any], list[Any]]) -> tuple:
        fields, table_rows = page_values
        return (*fields, *[[*r, [""] * len(t["columns"])] for r, t in zip(table_rows, form.tables)], "")

    def load_failed(message: str) -> tuple:
        return (*[gr.skip()] * len(page), message)

    pick.input(_guard(lambda name: show(h.example_page(name)), load_failed), pick, [*page, load_status], api_visibility="private")
    upload.upload(_guard(lambda path: show(h.upload_page(path)), load_failed), upload, [*page, load_status], api_visibility="private")

    def on_draft(allowed: bool, *current: Any) -> tuple:
        result = h.draft_from_page(list(current[:n]), list(current[n:]), allowed)
        return "", result.summary, _download(result.files)

    def on_export(*current: Any) -> tuple:
        return "", "已按当前内容生成 Excel，可离线修改后在上方上传。", _download([h.workbook_from_page(list(current[:n]), list(current[n:]))])

    def failed(message: str) -> tuple:
        return message, "", _download(None)

    go.click(_guard(on_draft, failed), [allow, *page], [status, summary, files], api_name="draft")
    export.click(_guard(on_export, failed), page, [status, summary, files], api_visibility="private")


def _elem_id(prefix: str, label: str) -> str:
    """An id a test (or a stylesheet) can name: 岗位工资（元/月） → draft-岗位工资（元-月）."""
    return f"{prefix}-" + re.sub(r"[^0-9A-Za-z_\u0080-\uffff-]", "-", label)


def _draft_field(item: dict[str, Any], value: str, elem_id: str) -> Any:
    label = item["label"] + (" *" if item["required"] else "")
    if item["kind"] in ("选项", "是否"):
        return gr.Dropdown(choices=h.field_choices(item), value=value, label=label, info=item["help"] or None, elem_id=elem_id,
                           interactive=True)
    return gr.Textbox(value=value, label=label, info=h.field_hint(item) or None, elem_id=elem_id, interactive=True, max_lines=3,
                      placeholder="必填" if item["required"] else "可不填")


# ---- 条款审查 -----------------------------------------------------------------------------------


def _review_tab() -> None:
    settings = app_settings()
    gr.Markdown("上传待审查的薪酬分配方案，逐条对照指引列出问题（供工会、职代会审查参考）。", elem_classes="pg-note")
    upload = gr.File(label=f"上传方案（.docx / .txt / .md，不超过 {settings.max_upload_mb} MB）", file_types=[".docx", ".txt", ".md"],
                     elem_id="review-upload", height=130)
    go = gr.Button("开始审查", variant="primary", elem_id="review-run")
    status = _status("review-status")
    summary = gr.Markdown(elem_id="review-summary")
    findings = gr.Dataframe(headers=h.FINDING_COLUMNS, label="审查发现（问题与依据在前，表格可左右滑动）", wrap=True, interactive=False,
                            elem_id="review-findings", column_widths=["240px", "170px", "56px", "220px", "260px"], max_height=700)
    coverage = gr.Dataframe(headers=h.COVERAGE_COLUMNS, label="内容覆盖情况", wrap=True, interactive=False, elem_id="review-coverage")
    report = gr.File(label="下载审查报告 .docx", elem_id="review-download", interactive=False, visible=False)

    def on_review(path: str | None) -> tuple:
        result = h.review_upload(path)
        return ("", result.summary, _table(result.findings, h.FINDING_COLUMNS), _table(result.coverage, h.COVERAGE_COLUMNS),
                _download(result.report))

    def failed(message: str) -> tuple:
        return message, "", _table([], h.FINDING_COLUMNS), _table([], h.COVERAGE_COLUMNS), _download(None)

    review = _guard(on_review, failed)
    go.click(review, upload, [status, summary, findings, coverage, report], api_name="review")
    for event in (upload.clear, upload.upload):  # a new (or no) file: the last report no longer applies
        # unqueued: it is instant, and a 开始审查 pressed right after must not wait behind it (or race it)
        event(lambda: failed(""), None, [status, summary, findings, coverage, report], api_visibility="private", queue=False)


# ---- 知识库 -------------------------------------------------------------------------------------


def _table(rows: list[list[Any]] | None, headers: list[str]) -> Any:
    """Rows under their headers (a bare list would lose the headers on update)."""
    import pandas as pd

    return pd.DataFrame(rows or [], columns=headers)


HIT_COLUMNS = ["条目", "得分", "命中原因"]
UNIT_COLUMNS = ["条目", "摘要"]
DOC_COLUMNS = ["文件", "来源", "条目数", "完整性"]


def _knowledge_tab(ready: Any) -> Any:
    """The tab; returns its documents table, which the page fills when it opens."""
    settings = app_settings()
    docs = gr.Dataframe(headers=DOC_COLUMNS, label="知识库中的文件", wrap=True,
                        interactive=False, elem_id="kb-docs", column_widths=["260px", "96px", "72px", "320px"])
    with gr.Row():
        with gr.Column():
            with gr.Row(equal_height=True):
                query = gr.Textbox(label="检索（显示命中原因）", placeholder="例如：年功工资 等差数列", elem_id="kb-query", scale=4)
                search = gr.Button("检索", elem_id="kb-search", scale=1, min_width=80)
            search_status = _status("kb-search-status")
            hits = gr.Dataframe(headers=HIT_COLUMNS, wrap=True, interactive=False, elem_id="kb-hits",
                                label="检索结果（点击一行阅读全文）", column_widths=["220px", "64px", "300px"])
            hit_ids = gr.State([])
        with gr.Column():
            doc = gr.Dropdown(choices=h.document_choices(), label="浏览文件", elem_id="kb-doc", value=None)
            units = gr.Dataframe(headers=UNIT_COLUMNS, wrap=True, interactive=False, elem_id="kb-units",
                                 label="文件中的条目（点击一行阅读全文）", max_height=420)
            unit_ids = gr.State([])
    unit_view = gr.Markdown(elem_id="kb-unit")
    with gr.Accordion("导入本企业文件（txt / md / docx / pdf）", open=False, elem_id="kb-import"):
        files = gr.File(file_count="multiple", file_types=[".txt", ".md", ".docx", ".pdf"], elem_id="kb-files", height=130,
                        label=f"选择文件（每个不超过 {settings.max_upload_mb} MB）")
        ingest = gr.Button("导入", elem_id="kb-ingest")
        ingest_log = gr.Markdown(elem_id="kb-ingest-log")
    with gr.Accordion("删除本企业文件", open=False, elem_id="kb-remove"):
        removable = gr.Dropdown(choices=h.document_choices(user_only=True), label="选择要删除的文件", elem_id="kb-remove-doc", value=None)
        remove = gr.Button("删除…", variant="stop", elem_id="kb-remove-ask")
        with gr.Row(visible=False) as confirm_row:
            confirm_text = gr.Markdown(elem_id="kb-remove-confirm-text")
            confirm = gr.Button("确认删除", variant="stop", elem_id="kb-remove-confirm")
            cancel = gr.Button("取消", elem_id="kb-remove-cancel")
        remove_log = gr.Markdown(elem_id="kb-remove-log")

    def on_search(text: str) -> tuple:
        rows, ids = h.search_rows(text)
        return "", _table(rows, HIT_COLUMNS), ids

    find = _guard(on_search, lambda m: (m, _table([], HIT_COLUMNS), []))
    search.click(find, query, [search_status, hits, hit_ids], api_visibility="private")
    query.submit(find, query, [search_status, hits, hit_ids], api_visibility="private")
    hits.select(_read_row, hit_ids, unit_view, api_visibility="private")
    def on_browse(doc_id: str | None) -> tuple:
        rows, ids = h.units_rows(doc_id)
        return _table(rows, UNIT_COLUMNS), ids, ""

    doc.change(_guard(on_browse, lambda m: (_table([], UNIT_COLUMNS), [], m)), doc, [units, unit_ids, unit_view], api_visibility="private")
    units.select(_read_row, unit_ids, unit_view, api_visibility="private")

    def refreshed() -> tuple:
        return (_table(h.documents_rows(), DOC_COLUMNS), gr.update(choices=h.document_choices()),
                gr.update(choices=h.document_choices(user_only=True), value=None), h.knowledge_line())

    lists = [docs, doc, removable, ready]
    ingest.click(_guard(h.ingest_upload, lambda m: m), files, ingest_log, api_visibility="private").then(refreshed, None, lists, api_visibility="private")

    def ask(doc_id: str | None) -> tuple:
        title = {v: k for k, v in h.document_choices(user_only=True)}.get(doc_id or "")
        if title is None:
            return gr.update(visible=False), "", problem("请先选择一份本企业导入的文件。")
        return gr.update(visible=True), f"确定删除“{title}”吗？删除后问答和检索不再引用它。", ""

    remove.click(ask, removable, [confirm_row, confirm_text, remove_log], api_visibility="private")
    cancel.click(lambda: (gr.update(visible=False), "已取消，未删除。"), None, [confirm_row, remove_log], api_visibility="private")
    confirm.click(_guard(lambda d: (gr.update(visible=False), h.remove_document(d)), lambda m: (gr.update(visible=False), m)),
                  removable, [confirm_row, remove_log], api_visibility="private").then(refreshed, None, lists, api_visibility="private")
    return docs


def _read_row(ids: list[str], evt: gr.SelectData) -> str:
    """The full text of the unit in the clicked row."""
    row = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
    return h.unit_markdown(ids[row]) if ids and 0 <= row < len(ids) else ""


# ---- the app ----------------------------------------------------------------------------------


def build_app() -> Any:
    with gr.Blocks(title="薪酬分配指引助手 PayGuide") as demo:
        gr.Markdown("## 薪酬分配指引助手\n依据技能人才、科技人才、国有企业内部薪酬分配指引作答，引用条款原文。")
        ready = gr.Markdown(elem_id="kb-ready", elem_classes="pg-note")
        with gr.Tabs(overflow_behavior="wrap", elem_id="tabs"):
            with gr.Tab("问答", id="chat"):
                _chat_tab()
            with gr.Tab("计算器", id="calc"):
                _calculator_tab()
            with gr.Tab("方案起草", id="draft"):
                _draft_tab()
            with gr.Tab("条款审查", id="review"):
                _review_tab()
            with gr.Tab("知识库", id="kb"):
                docs = _knowledge_tab(ready)

        def on_open() -> tuple:
            return h.knowledge_line(), _table(h.documents_rows(), DOC_COLUMNS)

        # Everything a new page needs from the server in one direct call (each queued event a
        # page opens costs the server as much as a chat turn); the calculator form is the other.
        demo.load(on_open, None, [ready, docs], api_visibility="private", queue=False)
    settings = app_settings()
    demo.queue(default_concurrency_limit=settings.concurrency, max_size=settings.queue_size)
    return demo


def launch(host: str = "127.0.0.1", port: int = 7860, *, block: bool = True) -> Any:
    settings = app_settings()
    demo = build_app()
    demo.launch(server_name=host, server_port=port, auth=settings.auth, max_file_size=f"{settings.max_upload_mb}mb",
                show_error=False, quiet=False, prevent_thread_lock=not block, footer_links=[], css=CSS, js=CHINESE_NOTICES,
                ssr_mode=False, state_session_capacity=settings.sessions)
    return demo
