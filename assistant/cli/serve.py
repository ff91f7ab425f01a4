"""`payguide serve`: the Gradio app, on loopback unless told otherwise."""

from __future__ import annotations

import contextlib
import errno
import io
import socket
import time

import typer

from . import app
from ._common import UserError, guarded


def check_port(host: str, port: int) -> None:
    """Refuse a port that is taken or an address that cannot be used, in Chinese, before Gradio starts."""
    if not 1 <= port <= 65535:
        raise UserError(f"端口应在 1–65535 之间，收到 {port}")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise UserError(f"无法识别监听地址“{host}”") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        # As the server itself does: a port whose last connections are only in TIME_WAIT is free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except PermissionError:
            raise UserError(f"没有权限使用端口 {port}（1024 以下的端口需要管理员权限），请用 --port 换一个") from None
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise UserError(f"端口 {port} 已被占用（可能已有一个 PayGuide 在运行），请用 --port 换一个端口") from None
            raise UserError(f"无法在 {host}:{port} 上监听，请检查 --host 与 --port") from None


@app.command("serve")
@guarded
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="监听地址（默认仅本机）"),
    port: int = typer.Option(7860, "--port", help="端口"),
) -> None:
    """启动网页界面（问答、计算器、方案起草、条款审查、知识库）。"""
    check_port(host, port)
    # Knowledge: build/check the index before the page is up, so no question waits for it.
    from knowledge.index import prepare

    from ..ui.app import launch

    prepare(progress=lambda message: typer.echo(f"知识库：{message}", err=True))
    from ..agent.offline import respond

    # One question and one calculation load the rest of the chat path (the reader's word lists too).
    for warm in ("师带徒津贴一般发多少？", "绩效工资总额50万元，生产部3000分、技术部2000分，怎么分？"):
        respond(warm)
    # Gradio announces itself in English; say it in Chinese instead.
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            demo = launch(host=host, port=port, block=False)
        except OSError:
            raise UserError(f"无法在 {host}:{port} 上启动（端口可能刚被占用），请用 --port 换一个端口") from None
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    try:  # the announcement inside: a Ctrl+C right after it is still a clean stop
        typer.echo(f"PayGuide 已启动：http://{shown}:{port}（按 Ctrl+C 停止）")
        while demo.is_running:
            time.sleep(0.2)
    except KeyboardInterrupt:
        typer.echo("已停止。")
    finally:
        with contextlib.suppress(Exception), contextlib.redirect_stdout(io.StringIO()):
            demo.close()
