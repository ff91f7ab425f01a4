"""Scheme drafting: a company profile becomes a Word salary scheme (薪酬分配方案) and its drafting
notes (编制说明), with an optional 套改测算 workbook.

    Profile.from_file(path) / Profile.model_validate(dict)     → Profile (ProfileError in Chinese)
    list_examples() / load_example(name)                       → the shipped sample profiles
    draft_document(profile, out, progress=None, *, allow_findings=False, staff=None)
                                                               → DraftReport(path, notes_path, conversion_path,
                                                                             chapters, defaulted, citations, findings)
    write_template(path, profile=None) / read_workbook(path)   → the 企业概况 Excel workbook and back
    form_spec() / form_values(profile) / profile_from_form(values, tables)   → the same as a Chinese form
    convert_file(profile, staff_xlsx, out_xlsx)                → 套改测算 on its own

Clause wording lives in `templates/*.j2`; numbers come from `calculators`; quotes from `knowledge`;
which clauses bind the company from `calculators.applicability`. python-docx, openpyxl and
matplotlib load only when used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import ProfileError
from .profile import Profile
from .samples import example_text, list_examples, load_example

if TYPE_CHECKING:
    from .conversion import convert_file
    from .draft import DraftReport, draft_document
    from .findings import ComplianceError
    from .workbook import (
        form_spec,
        form_values,
        profile_from_form,
        read_workbook,
        write_template,
    )

_LAZY = {
    "draft_document": "draft", "DraftReport": "draft", "CHAPTERS": "draft",
    "ComplianceError": "findings",
    "convert_file": "conversion",
    "write_template": "workbook", "read_workbook": "workbook", "form_spec": "workbook", "form_values": "workbook",
    "profile_from_form": "workbook",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(name)


__all__ = ["CHAPTERS", "ComplianceError", "DraftReport", "Profile", "ProfileError", "convert_file", "draft_document",
           "example_text", "form_spec", "form_values", "list_examples", "load_example", "profile_from_form",
           "read_workbook", "write_template"]
