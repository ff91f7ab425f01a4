"""Helpers of the hostile-input suite (a module name no other test folder uses)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# 369 bytes that expand to 9^9 ≈ 387 million strings if aliases are expanded.
ALIAS_BOMB = (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
    "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
    "pool: 1000\n"
)

# English that must never reach a user: tracebacks, exception names, Click/Typer's own words.
_ENGLISH = re.compile(
    r"Traceback|Error\b|Exception|Usage:|Try '|No such|Missing|Invalid|required|Aborted|Warning|warn", re.IGNORECASE
)
_CJK = re.compile(r"[\u4e00-\u9fff]")


def payguide(*args: str, stdin: str | bytes | None = None, env: dict[str, str] | None = None,
             timeout: float = 180) -> subprocess.CompletedProcess:
    """`payguide ARGS` in a new process, as a user runs it (bytes in, text out)."""
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    done = subprocess.run([sys.executable, "-m", "assistant.cli", *args], capture_output=True, input=data, check=False,
                          cwd=ROOT, timeout=timeout, env={**os.environ, **(env or {})})
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode("utf-8", "replace"),
                                       done.stderr.decode("utf-8", "replace"))


def chinese_error(done: subprocess.CompletedProcess, *words: str) -> str:
    """Assert a refusal as the contract wants it: non-zero exit, nothing on stdout, one Chinese line
    on stderr with no English error text, naming `words`. Returns the line."""
    assert done.returncode != 0, done.stdout[:500]
    assert done.stdout.strip() == "", done.stdout[:500]
    line = done.stderr.strip()
    assert "\n" not in line, line
    assert_chinese(line)
    for word in words:
        assert word in line, (word, line)
    return line


def assert_chinese(text: str) -> None:
    assert _CJK.search(text), text
    found = _ENGLISH.search(text)
    assert found is None, (found.group(0) if found else "", text)
