"""What every sub-command shares: JSON output, Chinese one-line errors, input files."""

from __future__ import annotations

import functools
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, TypeVar

import typer

F = TypeVar("F", bound=Callable[..., Any])


class UserError(Exception):
    """An error whose message (Chinese) is fit to show a user as it is."""


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        # A JSON number: float's repr is the shortest round-trip text, so 333333.33 prints as such.
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, Path):
        return str(value)
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def emit_json(obj: Any) -> None:
    """Print one JSON document on stdout, nothing else."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2, default=_json_default))
    sys.stdout.write("\n")


def fail(message: str, code: int = 1) -> None:
    """Print a one-line Chinese message on stderr and exit non-zero."""
    sys.stderr.write(" ".join(str(message).split()) + "\n")
    raise typer.Exit(code)


def _user_facing_errors() -> tuple[type[BaseException], ...]:
    """Error classes whose messages are written for users, collected from each library."""
    found: list[type[BaseException]] = [UserError]
    for module, name in (
        ("knowledge.errors", "KnowledgeError"),
        ("calculators.errors", "CalculationError"),
        ("doc_templates.errors", "ProfileError"),
        ("assistant.review.errors", "ReviewError"),
    ):
        try:
            found.append(getattr(__import__(module, fromlist=[name]), name))
        except (ImportError, AttributeError):
            pass
    return tuple(found)


def guarded(fn: F) -> F:
    """Turn user-facing errors into a Chinese line on stderr; never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except typer.Exit:
            raise
        except _user_facing_errors() as exc:
            fail(str(exc))
        except FileNotFoundError as exc:
            fail(f"找不到文件：{exc.filename or exc}")
        except KeyboardInterrupt:
            fail("已中断。")
        except Exception as exc:  # last resort: still one line, still Chinese first
            fail(f"内部错误，操作未完成（{type(exc).__name__}: {exc}）")

    return wrapper  # type: ignore[return-value]


def read_text_input(path: str) -> str:
    """Read a file, or stdin when the path is "-"."""
    if path == "-":
        return sys.stdin.read()
    p = Path(path)
    if not p.is_file():
        raise UserError(f"找不到输入文件：{path}")
    return p.read_text(encoding="utf-8")
