"""Scheme drafting: a company profile becomes a complete Word salary scheme (薪酬分配方案).

    Profile.from_file(path) / Profile.model_validate(dict)   → Profile (ProfileError in Chinese)
    list_examples() / load_example(name)                     → the shipped sample profiles
    draft_document(profile, out, progress=None)              → DraftReport(path, chapters, defaulted, citations)

Clause wording lives in `templates/*.j2`; numbers come from `calculators`; quotes from `knowledge`.
python-docx and matplotlib load only when a document is drafted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import ProfileError
from .profile import Profile
from .samples import example_text, list_examples, load_example

if TYPE_CHECKING:
    from .draft import DraftReport, draft_document


def __getattr__(name: str) -> Any:
    if name in ("draft_document", "DraftReport", "CHAPTER_TITLES"):
        from . import draft

        return getattr(draft, name)
    raise AttributeError(name)


__all__ = ["CHAPTER_TITLES", "DraftReport", "Profile", "ProfileError", "draft_document", "example_text",
           "list_examples", "load_example"]
