"""What every sub-command shares: exact JSON output, Chinese one-line errors, input files.

JSON numbers: every Decimal is written as a JSON number with exactly the digits of its text
(300000.00 stays 300000.00, 1234567890123456.78 stays exact) — never through a binary float. A
reader that wants the same exactness parses numbers as decimals (Python:
``json.loads(text, parse_float=decimal.Decimal)``).
"""

from __future__ import annotations

import errno
import functools
import json
import re
import secrets
import sys
import traceback
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import typer

F = TypeVar("F", bound=Callable[..., Any])


class UserError(Exception):
    """An error whose message (Chinese) is fit to show a user as it is."""


# ---- exact JSON ---------------------------------------------------------------------------------


def to_json(obj: Any, *, indent: int | None = 2, ascii_only: bool = False) -> str:
    """`obj` as JSON text, Decimals as numbers written from their own digits."""
    # Decimals go out as marked strings and the marks are then taken off: a nonce per call keeps a
    # user's own text from ever being taken for a number.
    nonce = secrets.token_hex(8)
    marker = f"\x00{nonce}:"

    def default(value: Any) -> Any:
        if isinstance(value, Decimal):
            return marker + (format(value, "f") if value.is_finite() else "null")
        if isinstance(value, Path):
            return str(value)
        if hasattr(value, "model_dump"):
            return value.model_dump(mode="python")
        raise TypeError(f"not JSON serialisable: {type(value).__name__}")

    text = json.dumps(obj, ensure_ascii=ascii_only, indent=indent, default=default)
    return re.sub(r'"\\u0000' + nonce + r':([-0-9.]+|null)"', r"\1", text)


def emit_json(obj: Any) -> None:
    """Print one JSON document on stdout, nothing else."""
    text = to_json(obj)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from the input (JSON "\ud800"): keep it escaped
        text = to_json(obj, ascii_only=True)
    sys.stdout.write(text + "\n")


# ---- errors -------------------------------------------------------------------------------------


def fail(message: str, code: int = 1) -> None:
    """Print a one-line Chinese message on stderr and exit non-zero."""
    sys.stderr.write(" ".join(str(message).split()) + "\n")
    raise typer.Exit(code)


def _user_facing_errors() -> tuple[type[BaseException], ...]:
    """Error classes whose messages are written for users, one from each library (imported only when
    an error is being reported, so that start-up stays fast; a missing one is a bug, not a skip)."""
    from assistant.config import SettingError
    from assistant.review.errors import ReviewError
    from calculators.errors import CalculationError
    from doc_templates.errors import ProfileError
    from knowledge.errors import KnowledgeError

    return (UserError, KnowledgeError, CalculationError, ProfileError, ReviewError, SettingError)


_OS_ERRORS = {
    errno.ENOENT: "找不到文件或文件夹",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EACCES: "没有权限读写",
    errno.EPERM: "没有权限读写",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "位置是只读的，无法写入",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EADDRINUSE: "端口已被占用",
    errno.EADDRNOTAVAIL: "无法使用该监听地址",
    errno.EMFILE: "打开的文件过多",
}


def os_error_message(exc: OSError) -> str:
    """An OSError said in Chinese, with the file it concerns."""
    what = _OS_ERRORS.get(exc.errno or -1, f"文件或系统操作失败（错误码 {exc.errno}）")
    name = exc.filename or ""
    return f"{what}：{name}" if name else what


def _log_internal_error(exc: BaseException) -> str:
    """Write the traceback to the data home's error log; the log's path, or "" when it cannot be written."""
    try:
        from knowledge.paths import data_home

        log = data_home() / "logs" / "errors.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as handle:
            handle.write("".join(traceback.format_exception(exc)) + "\n")
        return str(log)
    except Exception:  # noqa: BLE001 - the error log is a courtesy; it must never hide the real error
        return ""


def guarded(fn: F) -> F:
    """Turn every error into a Chinese line on stderr and a non-zero exit; never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (typer.Exit, BrokenPipeError):  # a closed pipe (| head) is handled quietly by main()
            raise
        except _user_facing_errors() as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            fail("已中断。", 130)
        except RecursionError:
            fail("输入嵌套过深，无法处理。")
        except MemoryError:
            fail("内存不足：输入过大，请缩小后重试。")
        except UnicodeDecodeError:
            fail("文件不是 UTF-8 文本，无法读取。")
        except OSError as exc:
            fail(os_error_message(exc))
        except Exception as exc:  # noqa: BLE001 - last resort: one Chinese line; the details go to the log
            log = _log_internal_error(exc)
            fail("内部错误，操作未完成。" + (f"详情已记录在 {log}" if log else ""))

    return wrapper  # type: ignore[return-value]


# ---- input --------------------------------------------------------------------------------------


def read_text_input(path: str) -> str:
    """Read a file, or stdin when the path is "-", refusing more than the upload limit before reading it all."""
    from calculators import limits
    from calculators.tables import decode_text

    cap = limits.bytes_limit("upload_mb")
    if path == "-":
        data = sys.stdin.buffer.read(cap + 1)
    else:
        p = Path(path)
        if p.is_dir():
            raise UserError(f"输入应为文件，“{path}”是一个文件夹")
        if not p.is_file():
            raise UserError(f"找不到输入文件：{path}")
        with p.open("rb") as handle:
            data = handle.read(cap + 1)
    if len(data) > cap:
        raise limits.breach("upload_mb", None, what="输入大小")
    text = decode_text(data)  # UTF-8, or UTF-16/GBK as Notepad and Excel in China save it
    if text is None:
        raise UserError("无法识别输入的文字编码（应为 UTF-8 的 JSON/YAML，表格请用 .csv/.xlsx）")
    return text
