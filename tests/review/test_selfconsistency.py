"""Every sample profile drafted by `payguide draft` reviews with zero `error` findings."""

from __future__ import annotations

import pytest

import doc_templates
from assistant.review import review_file

EXAMPLES = doc_templates.list_examples()


def test_there_are_samples():
    assert EXAMPLES


@pytest.mark.slow
@pytest.mark.parametrize("name", EXAMPLES)
def test_drafted_sample_has_no_errors(name, tmp_path):
    drafted = doc_templates.draft_document(doc_templates.load_example(name), tmp_path / f"{name}.docx")
    report = review_file(drafted.path)
    errors = [f"{f.rule}: {f.message} ← {f.evidence}" for f in report.findings if f.severity == "error"]
    assert errors == [], "\n".join(errors)
    assert report.facts["components"], "the reader found no pay components in the drafted scheme"
