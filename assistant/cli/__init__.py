"""`payguide` command line: a thin skin over the library.

Each sub-command lives in its own module and registers itself on `app`; heavy libraries
are imported inside the command functions so that start-up stays fast. `main` runs the app so
that nothing but Chinese reaches a user: usage errors are translated, a closed pipe (`| head`)
ends quietly, and library warnings (pypdf, jieba …) stay out of the terminal.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
import warnings
from collections.abc import Sequence
from typing import Any

import typer
from typer import rich_utils

try:  # recent Typer vendors its own copy of click; older ones use click itself
    from typer._click import exceptions as cx
except ImportError:  # pragma: no cover - depends on the Typer version
    from click import exceptions as cx  # type: ignore[no-redef]

app = typer.Typer(
    name="payguide",
    help="薪酬分配指引助手 PayGuide：检索指引条款、计算、起草方案、审查方案。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Sub-command modules, in the order they appear in --help.
_COMMANDS = ("search", "sources", "evaluate", "eval_ask", "calc", "ask", "draft", "review", "eval_review", "serve")

for _name in _COMMANDS:
    importlib.import_module(f"{__name__}.{_name}")

# Typer's help panels, in Chinese.
rich_utils.ARGUMENTS_PANEL_TITLE = "参数"
rich_utils.OPTIONS_PANEL_TITLE = "选项"
rich_utils.COMMANDS_PANEL_TITLE = "命令"
rich_utils.ERRORS_PANEL_TITLE = "错误"
rich_utils.REQUIRED_LONG_STRING = "[必填]"
rich_utils.DEFAULT_STRING = "[默认：{}]"
rich_utils.ENVVAR_STRING = "[环境变量：{}]"
rich_utils.ABORTED_TEXT = "已中断。"
_HELP_TEXT = "显示本帮助并退出"

_TYPES = {"int": "整数", "integer": "整数", "float": "数字", "bool": "是/否", "boolean": "是/否", "path": "路径", "Path": "路径"}


def usage_message(exc: Any) -> str:
    """A click/Typer usage error as one Chinese line, with where to find the usage."""
    ctx = getattr(exc, "ctx", None)
    path = ctx.command_path if ctx is not None else "payguide"
    path = "payguide" + path[path.index(" "):] if " " in path else "payguide"
    hint = f"（用 {path} --help 查看用法）"
    if isinstance(exc, cx.NoSuchOption):
        maybe = f"；是否想用 {'、'.join(exc.possibilities)}" if exc.possibilities else ""
        return f"没有这个选项：{exc.option_name}{maybe}{hint}"
    if isinstance(exc, cx.BadOptionUsage):
        return f"选项 {exc.option_name} 需要一个值{hint}" if "requires an argument" in exc.message else f"选项 {exc.option_name} 用法有误{hint}"
    if isinstance(exc, cx.MissingParameter):
        name = _param_name(exc.param)
        return f"缺少参数 {name}{hint}"
    if isinstance(exc, cx.BadParameter):
        return f"参数 {_param_name(exc.param)} 的值无效{_expected(exc.param)}{hint}"
    if isinstance(exc, cx.FileError):
        return f"无法打开文件：{exc.ui_filename}"
    message = exc.format_message()
    if message.startswith("No such command"):
        return f"没有这个命令：{message.split(chr(39))[1] if chr(39) in message else message}{hint}"
    if message.startswith("Got unexpected extra argument"):
        extra = message[message.rfind(" (") + 2:].rstrip(")")
        return f"多余的参数：{extra}（含空格的内容请加引号）{hint}"
    return f"命令用法有误{hint}"


def _param_name(param: Any) -> str:
    if param is None:
        return ""
    options = sorted((o for o in getattr(param, "opts", None) or [] if o.startswith("-")), key=lambda o: not o.startswith("--"))
    return options[0] if options else str(getattr(param, "name", "") or "").upper()  # an argument: NAME


def _expected(param: Any) -> str:
    """"，应为整数（1–50）" from what the parameter declares, as far as it says."""
    descriptor = getattr(param, "type_descriptor", None)
    annotation = getattr(descriptor, "annotation", None) or getattr(getattr(param, "type", None), "name", None)
    kind = _TYPES.get(getattr(annotation, "__name__", str(annotation)), "")
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    span = f"（{low}–{high}）" if low is not None and high is not None else (f"（不小于 {low}）" if low is not None else "")
    return f"，应为{kind}{span}" if kind else ""


def _chinese_help_option(command: Any) -> None:
    original = command.get_help_option

    def get_help_option(ctx: Any) -> Any:
        option = original(ctx)
        if option is not None:
            option.help = _HELP_TEXT
        return option

    command.get_help_option = get_help_option
    for sub in getattr(command, "commands", {}).values():
        _chinese_help_option(sub)


def _quiet_libraries() -> None:
    """Library chatter (pypdf warnings, jieba's start-up lines, deprecation notes) is not for users."""
    if os.environ.get("PAYGUIDE_DEBUG"):
        return
    warnings.simplefilter("ignore")
    for name in ("pypdf", "jieba", "chromadb", "httpx", "urllib3", "gradio", "matplotlib", "PIL"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    # A handler that drops records, rather than no handler at all: with none, logging prints
    # "No handlers could be found for logger …" (bm25s logs while loading an index).
    logging.getLogger().addHandler(logging.NullHandler())


def _end_quietly_on_closed_pipe() -> None:
    # Output piped into `head` that stops reading: no message, and no second error at exit.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
    sys.exit(141)


def main(args: Sequence[str] | None = None) -> None:
    _quiet_libraries()
    command = typer.main.get_command(app)
    _chinese_help_option(command)
    try:
        try:
            code = command.main(args=args, prog_name="payguide", standalone_mode=False)
            sys.stdout.flush()
        except cx.NoArgsIsHelpError as exc:
            typer.echo(exc.ctx.get_help())
            code = 0
        except cx.ClickException as exc:
            sys.stderr.write(usage_message(exc) + "\n")
            code = exc.exit_code or 2
        except typer.Abort:
            sys.stderr.write("已中断。\n")
            code = 130
    except BrokenPipeError:
        _end_quietly_on_closed_pipe()
    sys.exit(code if isinstance(code, int) else 0)
