"""Every sample profile drafted by `payguide draft` reviews with zero 违反 — as the scheme says it is,
and also when the reviewer places it in 曲靖 under either ownership (every guideline binding)."""

from __future__ import annotations

import pytest

import doc_templates
from assistant.review import Ownership, review_file
from assistant.review.facts import read_facts
from assistant.review.reader import read_file
from assistant.review.scheme import Scheme

EXAMPLES = doc_templates.list_examples()


def test_there_are_samples():
    assert EXAMPLES


@pytest.mark.slow
@pytest.mark.parametrize("name", EXAMPLES)
def test_drafted_sample_has_no_errors(name, tmp_path):
    drafted = doc_templates.draft_document(doc_templates.load_example(name), tmp_path / f"{name}.docx")
    for ownership, region in ((None, None), (Ownership.STATE, "曲靖市"), (Ownership.NON_PUBLIC, "曲靖市")):
        report = review_file(drafted.path, ownership=ownership, region=region)
        errors = [f"{f.name}: {f.message} ← {f.evidence}" for f in report.findings if f.severity == "error"]
        assert errors == [], "\n".join(errors)
    facts = read_facts(Scheme(read_file(drafted.path)))
    assert len(facts.said.components) >= 3, "the reader found too few pay components in the drafted scheme"
    assert facts.steps, "the reader found no pay steps in the drafted scheme"
