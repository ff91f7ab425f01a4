"""`payguide serve`: the Gradio app, on loopback unless told otherwise."""

from __future__ import annotations

import typer

from . import app
from ._common import guarded


@app.command("serve")
@guarded
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="监听地址（默认仅本机）"),
    port: int = typer.Option(7860, "--port", help="端口"),
) -> None:
    """启动网页界面（问答、计算器、方案起草、条款审查、知识库）。"""
    from ..ui.app import launch

    # Knowledge: build/check the index before the page is up, so no question waits for it.
    from knowledge.index import prepare

    prepare(progress=lambda message: typer.echo(f"知识库：{message}", err=True))
    from ..agent.offline import respond

    respond("师带徒津贴一般发多少？")  # one offline turn loads the rest of the chat path too
    launch(host=host, port=port)
