"""Layout of the Gradio app. Each tab wires components to `handlers`; no logic lives here."""

from __future__ import annotations

import functools
import logging
from typing import Any, Callable

from ..config import app_settings
from . import handlers as h

log = logging.getLogger("payguide.ui")

CSS = """
#citations {max-height: 560px; overflow-y: auto}
.pg-note {color: #666; font-size: 0.9em}
"""


def _friendly(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Show bad input as a Chinese message; never a traceback."""
    import gradio as gr

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except h.UserInputError as exc:
            raise gr.Error(str(exc), print_exception=False) from None
        except Exception as exc:  # last resort
            log.exception("handler failed")
            raise gr.Error(f"内部错误，操作未完成（{type(exc).__name__}）。请检查输入后重试。", print_exception=False) from None

    return wrapper


def _chat_tab(gr: Any) -> None:
    with gr.Row():
        with gr.Column(scale=3):
            chatbot = gr.Chatbot(label="对话", height=520, elem_id="chatbot", buttons=["copy"])
            with gr.Row():
                box = gr.Textbox(placeholder="输入问题或计算请求，例如：师带徒津贴怎么设置？", show_label=False, scale=5, elem_id="ask-box")
                send = gr.Button("发送", variant="primary", scale=1, elem_id="ask-send")
            gr.Examples(h.CHAT_EXAMPLES, inputs=box, label="示例（点击填入）")
            clear = gr.Button("新对话", size="sm")
        with gr.Column(scale=2):
            gr.Markdown("#### 引用的条款")
            cites = gr.Markdown("（提问后在此显示引用原文）", elem_id="citations")
            unit_id = gr.Dropdown(label="查看条款全文", choices=[], interactive=True, elem_id="cite-pick")
            unit_view = gr.Markdown(elem_id="unit-view")
    session = gr.State(h.new_session_id)

    def on_send(message: str, history: list, sid: str):
        history, reply = h.chat_turn(message, history, sid)
        choices = [(f"[{c.n}] {c.id}", c.id) for c in reply.citations]
        first = reply.citations[0].id if reply.citations else None
        return (history, "", h.citations_markdown(reply), gr.update(choices=choices, value=first),
                h.unit_markdown(first) if first else "")

    outputs = [chatbot, box, cites, unit_id, unit_view]
    send.click(_friendly(on_send), [box, chatbot, session], outputs, api_name="chat")
    box.submit(_friendly(on_send), [box, chatbot, session], outputs, api_name=False)
    unit_id.change(_friendly(lambda uid: h.unit_markdown(uid) if uid else ""), unit_id, unit_view, api_name=False)
    clear.click(lambda: ([], h.new_session_id(), "（提问后在此显示引用原文）", gr.update(choices=[], value=None), ""),
                None, [chatbot, session, cites, unit_id, unit_view], api_name=False)


def _calculator_tab(gr: Any) -> None:
    choices = h.calculator_choices()
    first = choices[0][1] if choices else None
    description, example = h.calculator_example(first) if first else ("", "{}")
    with gr.Row():
        with gr.Column(scale=2):
            name = gr.Dropdown(choices=choices, value=first, label="计算器", elem_id="calc-name")
            desc = gr.Markdown(description, elem_classes="pg-note")
            data = gr.Code(value=example, language="json", label="输入（JSON 或 YAML，已填入示例）", elem_id="calc-input", render=False)
            with gr.Accordion("表单填写（按所选计算器生成）", open=True):
                _calculator_form(gr, name, data)
            data.render()
            table = gr.File(label="可选：上传人员表（CSV / XLSX，列名如 姓名、部门、积分、计件数）", file_types=[".csv", ".xlsx"])
            run = gr.Button("计算", variant="primary", elem_id="calc-run")
        with gr.Column(scale=3):
            result = gr.Markdown(elem_id="calc-result")
            chart = gr.Plot(label="图表")
            download = gr.File(label="下载结果（XLSX，含计算过程）")
    name.change(_friendly(h.calculator_example), name, [desc, data], api_name=False)
    run.click(_friendly(h.run_calculator), [name, data, table], [result, chart, download], api_name="calculate")


def _calculator_form(gr: Any, name: Any, data: Any) -> None:
    """Re-rendered whenever another calculator is chosen; "填入" writes the JSON input below."""

    @gr.render(inputs=name)
    def form(chosen: str | None):
        if not chosen:
            return
        specs = h.calculator_form(chosen)
        boxes = []
        for spec in specs:
            if spec["kind"] == "table":
                boxes.append(gr.Dataframe(value=spec["value"], headers=["名称", "数值"], label=spec["label"],
                                          interactive=True, col_count=(2, "fixed"), row_count=(len(spec["value"]) or 1, "dynamic")))
            elif spec["kind"] == "json":
                boxes.append(gr.Code(value=spec["value"], language="json", label=spec["label"], interactive=True))
            else:
                boxes.append(gr.Textbox(value=spec["value"], label=spec["label"], interactive=True, elem_id=f"calc-field-{spec['field']}"))
        fill = gr.Button("用表单内容填入下方输入", size="sm", elem_id="calc-form-fill")

        def on_fill(*values: Any) -> str:
            return h.form_to_input(chosen, list(values))

        fill.click(_friendly(on_fill), boxes, data, api_name=False)


def _draft_tab(gr: Any) -> None:
    from doc_templates import list_examples

    examples = list_examples()
    with gr.Row():
        with gr.Column(scale=3):
            pick = gr.Dropdown(choices=examples, value=examples[0] if examples else None, label="示例企业")
            upload = gr.File(label="或上传企业概况（.yaml / .json）", file_types=[".yaml", ".yml", ".json"])
            profile = gr.Code(value=h.example_profile_text(examples[0]) if examples else "", language="yaml",
                              label="企业概况（可直接修改）", elem_id="draft-profile")
            go = gr.Button("生成薪酬分配方案（Word）", variant="primary", elem_id="draft-run")
        with gr.Column(scale=2):
            summary = gr.Markdown(elem_id="draft-summary")
            docx = gr.File(label="下载方案 .docx")

    def on_draft(text: str, progress: Any = gr.Progress()):
        return h.draft_from_text(text, progress=lambda share, msg: progress(share, desc=msg))

    pick.change(_friendly(h.example_profile_text), pick, profile, api_name=False)
    upload.upload(_friendly(h.load_profile_file), upload, profile, api_name=False)
    go.click(_friendly(on_draft), profile, [summary, docx], api_name="draft")


def _review_tab(gr: Any) -> None:
    gr.Markdown("上传待审查的薪酬分配方案，逐条对照指引给出问题清单（供工会、职代会审查参考）。")
    upload = gr.File(label="上传方案（.docx / .txt / .md）", file_types=[".docx", ".txt", ".md"], elem_id="review-upload")
    go = gr.Button("开始审查", variant="primary", elem_id="review-run")
    findings = gr.Dataframe(headers=["性质", "规则", "问题", "依据", "条款原文"], label="审查发现", wrap=True, elem_id="review-findings")
    coverage = gr.Dataframe(headers=["内容", "方案中", "依据"], label="内容覆盖情况", wrap=True)
    report = gr.File(label="下载审查报告 .docx")
    go.click(_friendly(h.review_upload), upload, [findings, coverage, report], api_name="review")


def _knowledge_tab(gr: Any) -> None:
    docs = gr.Dataframe(value=h.documents_table, headers=["编号", "文件", "条目数", "完整性"], label="文件", wrap=True)
    with gr.Row():
        with gr.Column():
            query = gr.Textbox(label="检索（显示命中原因）", placeholder="例如：年功工资 等差数列")
            search = gr.Button("检索")
            hits = gr.Dataframe(headers=["条目", "标题", "得分", "命中词"], wrap=True)
        with gr.Column():
            doc = gr.Dropdown(choices=[r[0] for r in h.documents_table()], label="浏览文件")
            units = gr.Dataframe(headers=["条目", "标题", "摘要"], wrap=True)
            unit_id = gr.Textbox(label="条目编号（如 soe_tech/art-34）")
            unit_view = gr.Markdown()
    with gr.Accordion("导入本企业文件（txt / md / docx / pdf）", open=False):
        files = gr.File(file_count="multiple", file_types=[".txt", ".md", ".docx", ".pdf"])
        ingest = gr.Button("导入")
        ingest_log = gr.Markdown()
    search.click(_friendly(h.search_table), query, hits, api_name=False)
    query.submit(_friendly(h.search_table), query, hits, api_name=False)
    doc.change(_friendly(h.units_table), doc, units, api_name=False)
    unit_id.submit(_friendly(h.unit_markdown), unit_id, unit_view, api_name=False)
    ingest.click(_friendly(h.ingest_upload), files, ingest_log, api_name=False).then(h.documents_table, None, docs, api_name=False)


def build_app() -> Any:
    import gradio as gr

    with gr.Blocks(title="薪酬分配指引助手 PayGuide") as demo:
        gr.Markdown("## 薪酬分配指引助手 PayGuide\n依据技能人才、科技人才、国有企业内部薪酬分配指引作答，引用条款原文；离线可用。")
        with gr.Tabs():
            with gr.Tab("问答", id="chat"):
                _chat_tab(gr)
            with gr.Tab("计算器", id="calc"):
                _calculator_tab(gr)
            with gr.Tab("方案起草", id="draft"):
                _draft_tab(gr)
            with gr.Tab("条款审查", id="review"):
                _review_tab(gr)
            with gr.Tab("知识库", id="kb"):
                _knowledge_tab(gr)
    settings = app_settings()
    demo.queue(default_concurrency_limit=settings.concurrency, max_size=settings.queue_size)
    return demo


def launch(host: str = "127.0.0.1", port: int = 7860, *, block: bool = True) -> Any:
    settings = app_settings()
    demo = build_app()
    demo.launch(server_name=host, server_port=port, auth=settings.auth, max_file_size=f"{settings.max_upload_mb}mb",
                show_error=False, quiet=False, prevent_thread_lock=not block, footer_links=[], css=CSS, ssr_mode=False)
    return demo
