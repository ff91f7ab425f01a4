"""Drafted sample schemes, shared by the document, layout, PDF and CLI tests of this directory."""

from __future__ import annotations

import pytest

import doc_templates


@pytest.fixture(scope="session")
def drafted(tmp_path_factory) -> dict[str, doc_templates.DraftReport]:
    """Each sample drafted once per test session: name → DraftReport."""
    out = tmp_path_factory.mktemp("drafted")
    return {name: doc_templates.draft_document(doc_templates.load_example(name), out / f"{name}.docx")
            for name in doc_templates.list_examples()}
