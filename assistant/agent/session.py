"""Multi-turn state, one JSON file per session under the data home.

Holds the pending calculator request (what was understood, what is still needed) and the
recent turns, so `payguide ask --session ID` can finish a calculation on the next call.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

_SAFE_ID = re.compile(r"[A-Za-z0-9_\-]{1,64}")  # fullmatch: "abc\n" is refused (a "$" would let it through)
MAX_HISTORY = 20


class PendingCalc(BaseModel):
    """The last calculator request: still missing inputs, or computed (kept for follow-ups)."""

    calculator: str
    fields: dict[str, Any] = Field(default_factory=dict)
    complete: bool = False
    unclear: list[str] = Field(default_factory=list)  # questions asked and not yet answered
    before: dict[str, Any] | None = None  # the inputs computed before the last change (还是按原来的 goes back to them)


class SessionState(BaseModel):
    id: str
    pending: PendingCalc | None = None
    history: list[dict[str, str]] = Field(default_factory=list)

    def remember(self, question: str, answer: str) -> None:
        self.history = (self.history + [{"q": question, "a": answer}])[-MAX_HISTORY:]


def _path(session_id: str) -> Path:
    if not isinstance(session_id, str) or not _SAFE_ID.fullmatch(session_id):
        raise ValueError("会话编号只能包含字母、数字、下划线和连字符，长度不超过 64。")
    from knowledge.paths import data_home

    return data_home() / "sessions" / f"{session_id}.json"


def load(session_id: str) -> SessionState:
    path = _path(session_id)
    if path.is_file():
        try:
            return SessionState.model_validate_json(path.read_text(encoding="utf-8"))
        except ValueError:  # a damaged session file starts afresh rather than failing the turn
            pass
    return SessionState(id=session_id)


def save(state: SessionState) -> None:
    path = _path(state.id)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(state.model_dump_json())
    os.replace(tmp, path)


def to_jsonable(value: Any) -> Any:
    """Decimals in pending fields are stored as strings and read back as such (exact)."""
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))
