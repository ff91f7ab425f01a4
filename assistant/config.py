"""Settings read from the environment (all optional: the defaults run offline)."""

from __future__ import annotations

import os
from dataclasses import dataclass


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or default


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
        timeout_s=float(_env("PAYGUIDE_LLM_TIMEOUT", "30") or 30),
    )


@dataclass(frozen=True)
class AppSettings:
    auth: tuple[str, str] | None
    max_upload_mb: int
    concurrency: int
    queue_size: int


def app_settings() -> AppSettings:
    auth = None
    raw = _env("PAYGUIDE_AUTH")
    if raw and ":" in raw:
        user, _, password = raw.partition(":")
        auth = (user, password)
    return AppSettings(
        auth=auth,
        max_upload_mb=int(_env("PAYGUIDE_MAX_UPLOAD_MB", "20") or 20),
        concurrency=int(_env("PAYGUIDE_CONCURRENCY", "16") or 16),
        queue_size=int(_env("PAYGUIDE_QUEUE_SIZE", "64") or 64),
    )
