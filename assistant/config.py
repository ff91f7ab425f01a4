"""Settings read from the environment (all optional: the defaults run offline).

The assistant's limits live here, the calculators' input limits in `calculators.limits`; the
README's configuration table lists both (a test compares them with the code).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from calculators import limits as calc_limits


class SettingError(ValueError):
    """An environment variable with a value that cannot be used (the message is Chinese)."""


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or default


def _positive(name: str, default: float, kind: type = int) -> float:
    raw = _env(name)
    if raw is None:
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise SettingError(f"环境变量 {name} 应为正数，收到“{raw}”") from None
    if value <= 0:
        raise SettingError(f"环境变量 {name} 应为正数，收到“{raw}”")
    return value


@dataclass(frozen=True)
class AssistantLimit:
    env: str
    default: float
    meaning: str


# The assistant's limits, one place each (README: Configuration).
ASSISTANT_LIMITS = {
    "message_chars": AssistantLimit("PAYGUIDE_MAX_MESSAGE_CHARS", 2000, "一条提问的最大字数"),
    "llm_timeout_s": AssistantLimit("PAYGUIDE_LLM_TIMEOUT", 30, "一轮大模型回答的总时限（秒，含工具运行与核对）"),
    "llm_tool_calls": AssistantLimit("PAYGUIDE_LLM_MAX_TOOL_CALLS", 8, "一轮中大模型最多调用工具的次数"),
    "llm_answer_chars": AssistantLimit("PAYGUIDE_LLM_MAX_ANSWER_CHARS", 8000, "大模型回答的最大字数（更长的不核对，改用离线回答）"),
    "llm_tool_output_chars": AssistantLimit("PAYGUIDE_LLM_MAX_TOOL_OUTPUT_CHARS", 20000, "交给大模型的一次工具结果的最大字数"),
}


def assistant_limit(key: str) -> float:
    limit = ASSISTANT_LIMITS[key]
    kind = float if isinstance(limit.default, float) or key.endswith("_s") else int
    return _positive(limit.env, limit.default, kind)


@dataclass(frozen=True)
class LLMSettings:
    base_url: str
    model: str
    api_key: str
    timeout_s: float


def llm_settings() -> LLMSettings | None:
    """The optional OpenAI-compatible chat model; None (offline) unless URL and model are set."""
    base_url, model = _env("PAYGUIDE_LLM_BASE_URL"), _env("PAYGUIDE_LLM_MODEL")
    if not base_url or not model:
        return None
    return LLMSettings(
        base_url=base_url,
        model=model,
        # Local servers (Ollama, vLLM) accept any key; the client library insists on one.
        api_key=_env("PAYGUIDE_LLM_API_KEY", "not-needed") or "not-needed",
        timeout_s=assistant_limit("llm_timeout_s"),
    )


@dataclass(frozen=True)
class AppSettings:
    auth: tuple[str, str] | None
    max_upload_mb: int
    concurrency: int
    queue_size: int
    sessions: int  # pages whose state is kept in memory (about 0.3 MB each); the least recent go first


def app_settings() -> AppSettings:
    auth = None
    raw = _env("PAYGUIDE_AUTH")
    if raw and ":" in raw:
        user, _, password = raw.partition(":")
        auth = (user, password)
    return AppSettings(
        auth=auth,
        max_upload_mb=calc_limits.value("upload_mb"),
        concurrency=int(_positive("PAYGUIDE_CONCURRENCY", 16)),
        queue_size=int(_positive("PAYGUIDE_QUEUE_SIZE", 64)),
        sessions=int(_positive("PAYGUIDE_MAX_SESSIONS", 1000)),
    )
