"""`payguide` command line: a thin skin over the library.

Each sub-command lives in its own module and registers itself on `app`; heavy libraries
are imported inside the command functions so that start-up stays fast.
"""

from __future__ import annotations

import importlib

import typer

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
    try:
        importlib.import_module(f"{__name__}.{_name}")
    except ModuleNotFoundError as exc:  # a command not built yet is simply absent
        if exc.name != f"{__name__}.{_name}":
            raise


def main() -> None:
    app()
